import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const datasheetDistributionSection: ProfileSectionSpec = {
  id: 'MLG106',
  alias: 'datasheet-distribution',
  profile: 'datasheets',
  order: 6,
  description: 'The datasheet says how, when and under which licence the dataset is distributed',
  topic: 'how, when and under which licence or terms the dataset is distributed (Distribution)',
  heading: 'Distribution',
  why: 'Datasheets for Datasets asks how the data reaches others and under which terms, because a reader must know whether and how they may obtain and use it.',
  prompt:
    'Will the dataset be distributed to third parties outside the entity that created it? How (archive, website, API, repository), and does it have a DOI? When was or will it be released? Under which licence or terms of use, and are there third-party IP restrictions or export controls?',
  synonyms: [
    'Distribution',
    'Access',
    'Licensing Information',
    'Dataset Distribution',
    'Distribution and Licensing',
    'How is the dataset distributed',
    'How will the dataset be distributed',
    'Will the dataset be distributed to third parties',
    'Data Access',
    'Dataset Access',
    'Availability',
    'Data Availability',
    'How to access',
    'Download',
    'Licensing',
    'License',
    'Licence',
    'Terms of Use',
  ],
};

export const datasheetDistribution = profileSectionRule(datasheetDistributionSection);
