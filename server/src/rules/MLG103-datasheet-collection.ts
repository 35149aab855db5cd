import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetCollectionSection: ProfileSectionSpec = {
  id: 'MLG103',
  alias: 'datasheet-collection',
  profile: 'datasheets',
  order: 3,
  description: 'The datasheet says how the data was collected: mechanisms, sampling, people, timeframe, consent',
  topic:
    'how the data was collected: mechanisms, sampling, people involved, timeframe and consent (Collection process)',
  heading: 'Collection process',
  why: 'Datasheets for Datasets asks how each instance was acquired, by whom, when and with what consent, because the collection process decides what the data can represent and whether it may be used.',
  prompt:
    'How was the data of each instance acquired (observed, reported by people, derived from other data), and how was that validated? With which mechanisms or procedures (sensors, software, APIs, manual curation)? If sampled, with which strategy? Who collected it and how were they paid? Over which timeframe? Was an ethical review done? If the data is about people: were they notified, did they consent (and can they revoke it), was an impact analysis done?',
  synonyms: [
    'Collection process',
    'Data Collection',
    'Source Data',
    'Collection',
    'Data Collection Process',
    'Collection Methodology',
    'Collection Method',
    'Data Collection Methodology',
    'How was the data collected',
    'How the data was collected',
    'How was the data associated with each instance acquired',
    'Data Acquisition',
    'Acquisition',
    'Data Sources',
    'Data Source',
    'Provenance',
    'Data Provenance',
    'Sampling',
    'Sampling Strategy',
    'Initial Data Collection and Normalization',
    'Data Gathering',
  ],
};

export const datasheetCollection = profileSectionRule(datasheetCollectionSection);
