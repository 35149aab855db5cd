import { introStates, profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceSummarySection: ProfileSectionSpec = {
  id: 'MLG201',
  alias: 'hf-dataset-summary',
  profile: 'huggingface',
  order: 1,
  group: 'Dataset Description',
  description: 'The Hugging Face card summarises the dataset',
  topic: 'what the dataset is, in a summary (Dataset Summary)',
  heading: 'Dataset Summary',
  why: 'The summary is what the Hugging Face Hub and search show first; without it a reader cannot tell what the dataset holds or whether to read on.',
  prompt:
    'A short summary of the dataset: what it contains, how large it is, where it comes from, and what it was made for.',
  synonyms: [
    'Dataset Summary',
    'Dataset Description',
    'Summary',
    'Description',
    'Overview',
    'Dataset Overview',
    'About',
    'About the dataset',
    'About this dataset',
    'Introduction',
    'Abstract',
    'Data Description',
  ],
  parentSynonyms: ['Dataset Details'],
  // A paragraph under the title is the summary of most cards that do not follow the template.
  statedElsewhere: introStates,
};

export const huggingFaceSummary = profileSectionRule(huggingFaceSummarySection);
