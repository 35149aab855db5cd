import { bookItemRule, introStates, type BookItemSpec } from './requiredSection';

export const dataMeaningItem: BookItemSpec = {
  id: 'MLG001',
  alias: 'data-meaning',
  description: 'The dataset card says what the data means',
  item: 1,
  topic: 'what the data means',
  heading: 'What the data means',
  why: 'Without it a reader cannot tell what one example stands for, or whether the data fits their problem.',
  key: 'description',
  prompt:
    'What does the data mean? Say what one example (row, document, image) represents, what it describes, and which population and period it covers.',
  synonyms: [
    'What the data means',
    'Dataset Description',
    'Dataset Summary',
    'Description',
    'Data Description',
    'Description of the data',
    'Summary',
    'Overview',
    'Dataset Overview',
    'Data Overview',
    'About',
    'About the dataset',
    'About this dataset',
    'About the data',
    'Dataset Information',
    'Introduction',
    'Context',
    'Content',
    'Composition',
    'What the data represents',
    'What the data contains',
    'What is in the data',
    'What does the data mean',
    'Meaning of the data',
    'Data meaning',
  ],
  parentSynonyms: ['Dataset Details'],
  // Most cards open with a paragraph under the title that says what the data is.
  statedElsewhere: introStates,
};

export const dataMeaning = bookItemRule(dataMeaningItem);
