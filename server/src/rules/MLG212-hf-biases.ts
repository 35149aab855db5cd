import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceBiasesSection: ProfileSectionSpec = {
  id: 'MLG212',
  alias: 'hf-biases',
  profile: 'huggingface',
  order: 12,
  group: 'Considerations for Using the Data',
  description: 'The Hugging Face card discusses the biases of the dataset',
  topic: 'which biases the data is known or likely to carry (Discussion of Biases)',
  heading: 'Discussion of Biases',
  why: 'Every dataset over- and under-represents someone; a model learns those biases, so the template asks for the ones known and how they were looked for.',
  prompt:
    'Which biases does the data carry (who or what is over- or under-represented, stereotypes in the text or the labels), how were they looked for, and what was done to reduce them?',
  synonyms: [
    'Discussion of Biases',
    'Discussion on Biases',
    'Biases',
    'Bias',
    'Known Biases',
    'Bias Analysis',
    'Fairness',
  ],
  parentSynonyms: ['Considerations for Using the Data', 'Considerations'],
};

export const huggingFaceBiases = profileSectionRule(huggingFaceBiasesSection);
