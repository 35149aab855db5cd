import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceSocialImpactSection: ProfileSectionSpec = {
  id: 'MLG211',
  alias: 'hf-social-impact',
  profile: 'huggingface',
  order: 11,
  group: 'Considerations for Using the Data',
  description: 'The Hugging Face card discusses the social impact of the dataset',
  topic: 'what impact the dataset may have on society (Social Impact of Dataset)',
  heading: 'Social Impact of Dataset',
  why: 'A dataset shapes the systems trained on it; the template asks its authors to say whom those systems may help or harm, which they know best.',
  prompt:
    'What good could the dataset do, and what harm could systems built with it cause — to whom? Consider uses that affect people’s lives, and any risk of misuse.',
  synonyms: [
    'Social Impact of Dataset',
    'Social Impact of the Dataset',
    'Social Impact',
    'Societal Impact',
    'Broader Impact',
    'Risks',
    'Ethical Considerations',
    'Ethics',
  ],
  parentSynonyms: ['Considerations for Using the Data', 'Considerations'],
};

export const huggingFaceSocialImpact = profileSectionRule(huggingFaceSocialImpactSection);
