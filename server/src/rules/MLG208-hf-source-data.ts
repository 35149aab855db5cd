import { collectionProcessItem } from './MLG002-collection-process';
import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceSourceDataSection: ProfileSectionSpec = {
  id: 'MLG208',
  alias: 'hf-source-data',
  profile: 'huggingface',
  order: 8,
  group: 'Dataset Creation',
  description: 'The Hugging Face card says where the data comes from and who produced it',
  topic: 'where the data comes from, how it was collected and normalised, and who produced it (Source Data)',
  heading: 'Source Data',
  why: 'The sources and the people behind them decide whose language and world the data reflects, and whether it may be used at all.',
  prompt:
    'Where does the data come from? Describe how it was collected and normalised (crawled, exported, transcribed; filters and cleaning), and who produced the source data (people, organisations, systems) — with what is known about them.',
  sameAs: collectionProcessItem,
  synonyms: [
    'Source Data',
    'Initial Data Collection and Normalization',
    'Data Collection and Processing',
    'Who are the source language producers?',
    'Who are the source data producers?',
    'Data Collection',
    'Collection Process',
    'Data Sources',
    'Data Source',
    'Sources',
    'Source',
    'Provenance',
    'Data Provenance',
    'Data Origin',
    'How the data was collected',
  ],
  parentSynonyms: ['Dataset Creation'],
};

export const huggingFaceSourceData = profileSectionRule(huggingFaceSourceDataSection);
