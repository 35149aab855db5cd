import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetMotivationSection: ProfileSectionSpec = {
  id: 'MLG101',
  alias: 'datasheet-motivation',
  profile: 'datasheets',
  order: 1,
  description: 'The datasheet says why the dataset was created, by whom and with whose funding',
  topic: 'why the dataset was created, by whom and with whose funding (Motivation)',
  heading: 'Motivation',
  why: 'Datasheets for Datasets asks first for the purpose, the creators and the funders, because they shape every later choice about what the data contains and whom it serves.',
  prompt:
    'For what purpose was the dataset created — which task or gap did it address? Who created it (team, group, organisation) and on behalf of whom? Who funded its creation (grant, sponsor)? Anything else about why it exists?',
  synonyms: [
    'Motivation',
    'Purpose',
    'Curation Rationale',
    'Motivation for creating the dataset',
    'Motivation for dataset creation',
    'Dataset Purpose',
    'Purpose of the dataset',
    'Why the dataset was created',
    'Why was the dataset created',
    'For what purpose was the dataset created',
    'Who created the dataset',
    'Who funded the creation of the dataset',
    'Funding',
    'Rationale',
    'Creation Rationale',
    'Goals',
    'Goal of the dataset',
  ],
  matchWords: (w) => w.includes('motivation'),
};

export const datasheetMotivation = profileSectionRule(datasheetMotivationSection);
