import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceLimitationsSection: ProfileSectionSpec = {
  id: 'MLG213',
  alias: 'hf-limitations',
  profile: 'huggingface',
  order: 13,
  group: 'Considerations for Using the Data',
  description: 'The Hugging Face card names the other known limitations of the dataset',
  topic: 'which other limitations the data is known to have (Other Known Limitations)',
  heading: 'Other Known Limitations',
  why: 'Label noise, coverage gaps and artefacts that the authors know of will mislead every user who does not; the template asks for them so they are found once.',
  prompt:
    'Which other limitations are known: label noise and its rate, gaps in coverage, duplicates, artefacts of collection, ways the data differs from what a model will meet in use?',
  synonyms: [
    'Other Known Limitations',
    'Known Limitations',
    'Limitations',
    'Limitation',
    'Caveats',
    'Known Issues',
    'Shortcomings',
  ],
  parentSynonyms: ['Considerations for Using the Data', 'Considerations'],
};

export const huggingFaceLimitations = profileSectionRule(huggingFaceLimitationsSection);
