import { splitDetailsItem } from './MLG004-split-details';
import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceDataSplitsSection: ProfileSectionSpec = {
  id: 'MLG206',
  alias: 'hf-data-splits',
  profile: 'huggingface',
  order: 6,
  group: 'Dataset Structure',
  description: 'The Hugging Face card describes the splits of the data',
  topic: 'which splits the data has, their sizes and how they were made (Data Splits)',
  heading: 'Data Splits',
  why: 'Results are only comparable when everyone trains and tests on the same splits; the template asks for their names, sizes and how they were made.',
  prompt:
    'The splits (train, validation, test…) with the number of instances in each, and how the data was divided (random, by time, by source, by speaker…); if there is one split, say so.',
  sameAs: splitDetailsItem,
  synonyms: ['Data Splits', ...splitDetailsItem.synonyms.filter((synonym) => synonym !== 'Data Splits')],
  // Split headings such as "Train / Test", and `dataset_info.splits` or `configs[].data_files`, as for the book's item.
  ...(splitDetailsItem.matchWords ? { matchWords: splitDetailsItem.matchWords } : {}),
  ...(splitDetailsItem.statedElsewhere ? { statedElsewhere: splitDetailsItem.statedElsewhere } : {}),
};

export const huggingFaceDataSplits = profileSectionRule(huggingFaceDataSplitsSection);
