import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFacePersonalInformationSection: ProfileSectionSpec = {
  id: 'MLG210',
  alias: 'hf-personal-information',
  profile: 'huggingface',
  order: 10,
  group: 'Dataset Creation',
  description: 'The Hugging Face card says whether the data holds personal or sensitive information',
  topic:
    'whether the data holds personal or sensitive information, and what was done about it (Personal and Sensitive Information)',
  heading: 'Personal and Sensitive Information',
  why: 'Personal and sensitive data carries legal duties and risks of harm; the template asks whether the data identifies people or reveals sensitive traits, and how that was handled.',
  prompt:
    'Does the data identify people, directly or indirectly, or reveal sensitive information (health, religion, sexual orientation, political views, location, financial data…)? What was done about it (anonymisation, removal, consent)? If there is none, say how that was checked.',
  synonyms: [
    'Personal and Sensitive Information',
    'Personal Information',
    'Sensitive Information',
    'Personally Identifiable Information',
    'PII',
    'Privacy',
    'Data Privacy',
    'Anonymization',
    'Anonymity',
  ],
};

export const huggingFacePersonalInformation = profileSectionRule(huggingFacePersonalInformationSection);
