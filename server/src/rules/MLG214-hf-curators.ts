import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceCuratorsSection: ProfileSectionSpec = {
  id: 'MLG214',
  alias: 'hf-curators',
  profile: 'huggingface',
  order: 14,
  group: 'Additional Information',
  description: 'The Hugging Face card names the people who curated the dataset',
  topic: 'who built and curates the dataset (Dataset Curators)',
  heading: 'Dataset Curators',
  why: 'Readers need to know who made the data, on whose behalf and with whose funding, to judge it and to reach someone about it.',
  prompt: 'Who built and curates the dataset: people, their affiliations, and who funded the work?',
  synonyms: [
    'Dataset Curators',
    'Curators',
    'Curated by',
    'Dataset Card Authors',
    'Authors',
    'Dataset Authors',
    'Creators',
    'Dataset Creators',
    'Maintainers',
    'Maintainer',
    'Contributors',
    'Team',
  ],
};

export const huggingFaceCurators = profileSectionRule(huggingFaceCuratorsSection);
