import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceDataInstancesSection: ProfileSectionSpec = {
  id: 'MLG204',
  alias: 'hf-data-instances',
  profile: 'huggingface',
  order: 4,
  group: 'Dataset Structure',
  description: 'The Hugging Face card shows an example instance of the data',
  topic: 'what one instance of the data looks like (Data Instances)',
  heading: 'Data Instances',
  why: 'One real example, as the loader returns it, shows the fields, their formats and what a typical value looks like faster than any description.',
  prompt:
    'One typical example from the dataset, as the loader returns it (a JSON block), with a sentence on what it shows; add more if the instances vary a lot.',
  synonyms: [
    'Data Instances',
    'Instances',
    'Example',
    'Examples',
    'Data Example',
    'Data Examples',
    'Example Instance',
    'Sample',
    'Samples',
    'Sample Data',
    'Data Sample',
    'Data Point',
    'Example Record',
    'An example',
  ],
  parentSynonyms: ['Dataset Structure', 'Data Structure', 'Structure'],
};

export const huggingFaceDataInstances = profileSectionRule(huggingFaceDataInstancesSection);
