import { bookItemRule, type BookItemSpec } from './requiredSection';

export const preprocessingStepsItem: BookItemSpec = {
  id: 'MLG005',
  alias: 'preprocessing-steps',
  description: 'The dataset card lists every pre-processing step',
  item: 5,
  topic: 'which pre-processing steps were applied',
  heading: 'Pre-processing steps',
  why: 'Every step changes what the model sees; readers need all of them to reproduce the data and to apply the same steps in production.',
  key: 'preprocessing',
  prompt:
    'Which pre-processing steps were applied, in order? For each, say what it did, with which tool and parameters, and whether it ran before or after the train/validation/test split.',
  synonyms: [
    'Pre-processing steps',
    'Preprocessing',
    'Data Cleaning',
    'Data Preprocessing',
    'Processing',
    'Data Processing',
    'Processing Steps',
    'Processing Pipeline',
    'Data Pipeline',
    'Pipeline',
    'Post-processing',
    'Cleaning',
    'Cleaning Steps',
    'Preparation',
    'Data Preparation',
    'Data Wrangling',
    'Transformations',
    'Data Transformations',
    'Normalization',
    'Data Normalization',
    'Text Normalization',
    'Tokenization',
    'Deduplication',
    'Anonymization',
    'De-identification',
  ],
};

export const preprocessingSteps = bookItemRule(preprocessingStepsItem);
