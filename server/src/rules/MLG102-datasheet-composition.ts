import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetCompositionSection: ProfileSectionSpec = {
  id: 'MLG102',
  alias: 'datasheet-composition',
  profile: 'datasheets',
  order: 2,
  description:
    'The datasheet says what the dataset is made of: its instances, their data, labels, gaps and sensitive content',
  topic: 'what the dataset is made of: its instances, their data, labels, gaps and sensitive content (Composition)',
  heading: 'Composition',
  why: 'Datasheets for Datasets asks what the instances are, how many, how they were sampled and what they may expose, because a reader cannot judge fitness for a task — or harm — without it.',
  prompt:
    'What do the instances represent (people, documents, images…), how many are there of each type, and are they all possible instances or a sample (how chosen)? What data does each instance hold, and is there a label or target? Is anything missing, are instances related, are there recommended splits? Are there errors, noise or redundancies? Is the dataset self-contained or linked to external resources? Does it hold confidential, offensive or sensitive data, identify sub-populations or individuals?',
  synonyms: [
    'Composition',
    'Dataset Contents',
    'What do the instances represent',
    'Dataset Composition',
    'Data Composition',
    'What the dataset contains',
    'What does the dataset contain',
    'What is in the dataset',
    'What do the instances that comprise the dataset represent',
    'Contents',
    'Content',
    'Dataset Structure',
    'Data Structure',
    'Instances',
    'Data Instances',
  ],
  matchWords: (w) => w.includes('composition'),
};

export const datasheetComposition = profileSectionRule(datasheetCompositionSection);
