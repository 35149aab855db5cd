import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

/** What a "distribution of …" heading describes when it is statistics, not how the data is shared. */
const STATISTICAL = new Set([
  'label',
  'class',
  'target',
  'value',
  'feature',
  'length',
  'token',
  'word',
  'score',
  'age',
  'category',
  'topic',
  'language',
  'source',
  'split',
  'example',
  'sample',
  'instance',
  'document',
  'variable',
  'column',
  'rating',
]);

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
  // The paper's questions: "Will the dataset be distributed to third parties outside of the entity?", "How will …".
  matchWords: (w) => w.includes('distributed') && w.includes('dataset'),
  // "Distribution of labels" is a statistic; "Distribution of the dataset" is how it is shared.
  rejectWords: (w) => w[0] === 'distribution' && w.slice(1).some((word) => STATISTICAL.has(word)),
};

export const datasheetDistribution = profileSectionRule(datasheetDistributionSection);
