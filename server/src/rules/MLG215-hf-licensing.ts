import { metadataAt, metadataFilled, profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceLicensingSection: ProfileSectionSpec = {
  id: 'MLG215',
  alias: 'hf-licensing',
  profile: 'huggingface',
  order: 15,
  group: 'Additional Information',
  description: 'The Hugging Face card states the licence of the data',
  topic: 'under which licence the data may be used (Licensing Information)',
  heading: 'Licensing Information',
  why: 'Without a licence nobody may lawfully reuse the data; the template asks for it (the `license` metadata states it for the Hub).',
  prompt:
    'The licence the dataset is released under (its SPDX id and a link), and any terms of the sources that users must also respect.',
  synonyms: [
    'Licensing Information',
    'License',
    'License Information',
    'Licensing',
    'Licence',
    'Terms of Use',
    'Copyright',
  ],
  statedElsewhere: (card) => metadataAt(card, ['license']).some(metadataFilled),
};

export const huggingFaceLicensing = profileSectionRule(huggingFaceLicensingSection);
