import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetMaintenanceSection: ProfileSectionSpec = {
  id: 'MLG107',
  alias: 'datasheet-maintenance',
  profile: 'datasheets',
  order: 7,
  description: 'The datasheet says who maintains the dataset, how to reach them and how it will be updated',
  topic: 'who maintains the dataset, how to reach them and how it will be updated (Maintenance)',
  heading: 'Maintenance',
  why: 'Datasheets for Datasets asks who supports the data and how it changes, because users need somewhere to report errors and a way to learn when the data they rely on was corrected or retired.',
  prompt:
    'Who supports, hosts and maintains the dataset, and how can they be contacted? Is there an erratum? Will the dataset be updated (to correct errors, add or remove instances), how often, by whom, and how will users hear of it? Are there limits on how long data about people is kept? Will older versions stay available? How can others extend or contribute to it?',
  synonyms: [
    'Maintenance',
    'Maintainers',
    'Updates',
    'Maintainer',
    'Dataset Maintenance',
    'Maintenance Plan',
    'Who maintains the dataset',
    'Who will be supporting/hosting/maintaining the dataset',
    'How can the owner/curator/manager of the dataset be contacted',
    'Will the dataset be updated',
    'Versioning',
    'Support',
    'Hosting',
  ],
  matchWords: (w) =>
    ['maintenance', 'maintainer', 'maintain', 'maintaining', 'maintained'].some((word) => w.includes(word)),
};

export const datasheetMaintenance = profileSectionRule(datasheetMaintenanceSection);
