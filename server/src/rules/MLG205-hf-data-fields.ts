import { attributeTypesItem } from './MLG008-attribute-types';
import { profileSectionRule, type ProfileSectionSpec } from './requiredSection';

export const huggingFaceDataFieldsSection: ProfileSectionSpec = {
  id: 'MLG205',
  alias: 'hf-data-fields',
  profile: 'huggingface',
  order: 5,
  group: 'Dataset Structure',
  description: 'The Hugging Face card lists the data fields with their types and meanings',
  topic: 'which fields each instance has, of which types and with which meanings (Data Fields)',
  heading: 'Data Fields',
  why: 'Readers need every field with its type and meaning to load and use the data correctly, and to notice when the data no longer matches the card.',
  prompt:
    'Each field of an instance: its name, its type (string, int, float, ClassLabel with its names, list…) and what it means; say which field is the label.',
  sameAs: attributeTypesItem,
  synonyms: ['Data Fields', ...attributeTypesItem.synonyms.filter((synonym) => synonym !== 'Data Fields')],
  // The newer template describes the fields in "Dataset Structure" itself, as the book's item allows.
  ...(attributeTypesItem.parentSynonyms ? { parentSynonyms: attributeTypesItem.parentSynonyms } : {}),
  // `dataset_info.features` or a data dictionary table, as for the book's item.
  ...(attributeTypesItem.statedElsewhere ? { statedElsewhere: attributeTypesItem.statedElsewhere } : {}),
};

export const huggingFaceDataFields = profileSectionRule(huggingFaceDataFieldsSection);
