import type { DatasetCard } from '../parse/datasetCard';
import {
  metadataAt,
  metadataFilled,
  metadataStrings,
  profileSectionRule,
  type ProfileSectionSpec,
} from './requiredSection';

/** Hugging Face tasks whose data holds no language: images, tables, time series, control. */
const NON_LANGUAGE_TASKS = new Set([
  'image-classification',
  'image-segmentation',
  'object-detection',
  'depth-estimation',
  'image-to-image',
  'unconditional-image-generation',
  'video-classification',
  'image-feature-extraction',
  'mask-generation',
  'keypoint-detection',
  'tabular-classification',
  'tabular-regression',
  'time-series-forecasting',
  'reinforcement-learning',
  'robotics',
  'graph-ml',
]);

/** A card whose tasks all work on data without language (images, tables…) has no languages to state. */
function holdsNoLanguage(card: DatasetCard): boolean {
  const tasks = metadataAt(card, ['task_categories']).flatMap(metadataStrings);
  return tasks.length > 0 && tasks.every((task) => NON_LANGUAGE_TASKS.has(task));
}

export const huggingFaceLanguagesSection: ProfileSectionSpec = {
  id: 'MLG203',
  alias: 'hf-languages',
  profile: 'huggingface',
  order: 3,
  group: 'Dataset Description',
  description: 'The Hugging Face card says which languages (and varieties) the data is in',
  topic: 'which languages and language varieties the data is in (Languages)',
  heading: 'Languages',
  why: 'A model trained on one language or register fails on another; the template asks for the languages (with their BCP-47 codes) so readers can tell who the data serves and who it leaves out.',
  prompt:
    'Which languages are in the data, with their BCP-47 codes, and which varieties, dialects or registers (social media, news, transcribed speech…)?',
  synonyms: ['Languages', 'Language', 'Languages and Dialects', 'Language Varieties', 'Dialects', 'Language(s)'],
  statedElsewhere: (card) => metadataAt(card, ['language']).some(metadataFilled),
  notApplicable: holdsNoLanguage,
};

export const huggingFaceLanguages = profileSectionRule(huggingFaceLanguagesSection);
