import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetUsesSection: ProfileSectionSpec = {
  id: 'MLG105',
  alias: 'datasheet-uses',
  profile: 'datasheets',
  order: 5,
  description: 'The datasheet says what the dataset has been and may be used for, and what it should not be used for',
  topic: 'what the dataset has been used for, what else it could be used for and what it should not be used for (Uses)',
  heading: 'Uses',
  why: 'Datasheets for Datasets asks for past, possible and unsuitable uses, because the creators know best where the data misleads, and a reader should learn it before building on it.',
  prompt:
    'Has the dataset been used for any tasks already (with links to the papers or systems)? What other tasks could it be used for? Is there anything about its composition, collection or preprocessing that could make some uses unfair or harmful, and what could a user do about it? Are there tasks for which it should not be used?',
  synonyms: [
    'Uses',
    'Intended Uses',
    'Use Cases',
    'Use',
    'Intended Use',
    'Uses of the dataset',
    'Direct Use',
    'Out-of-Scope Use',
    'Recommended Uses',
    'Applications',
    'Has the dataset been used for any tasks already',
    'What tasks could the dataset be used for',
    'Are there tasks for which the dataset should not be used',
    'Supported Tasks and Leaderboards',
    'Supported Tasks',
  ],
};

export const datasheetUses = profileSectionRule(datasheetUsesSection);
