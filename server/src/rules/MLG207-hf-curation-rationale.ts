import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceCurationRationaleSection: ProfileSectionSpec = {
  id: 'MLG207',
  alias: 'hf-curation-rationale',
  profile: 'huggingface',
  order: 7,
  group: 'Dataset Creation',
  description: 'The Hugging Face card says why the dataset was built',
  topic: 'why the dataset was built (Curation Rationale)',
  heading: 'Curation Rationale',
  why: 'The need a dataset was built for explains its choices of sources, size and labels, and tells a reader whether it suits their own need.',
  prompt:
    'Why was the dataset built: which need or gap motivated it, and which choices about sources and contents followed from that?',
  synonyms: [
    'Curation Rationale',
    'Rationale',
    'Motivation',
    'Purpose',
    'Dataset Purpose',
    'Why the dataset was created',
    'Motivation for creating the dataset',
    'Creation Rationale',
  ],
};

export const huggingFaceCurationRationale = profileSectionRule(huggingFaceCurationRationaleSection);
