import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceCitationSection: ProfileSectionSpec = {
  id: 'MLG216',
  alias: 'hf-citation',
  profile: 'huggingface',
  order: 16,
  group: 'Additional Information',
  description: 'The Hugging Face card says how to cite the dataset',
  topic: 'how to cite the dataset (Citation Information)',
  heading: 'Citation Information',
  why: 'A citation credits the people who built the data and lets readers find the paper that describes it; the template asks for a BibTeX entry.',
  prompt: 'The BibTeX entry to cite the dataset (or its paper), in a code block.',
  synonyms: [
    'Citation Information',
    'Citation',
    'Citations',
    'How to cite',
    'Cite',
    'Citing',
    'Citing this dataset',
    'Cite this dataset',
    'BibTeX',
    'Reference',
    'References',
  ],
};

export const huggingFaceCitation = profileSectionRule(huggingFaceCitationSection);
