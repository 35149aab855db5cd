import { creationMethodsItem } from './MLG003-creation-methods';
import type { DatasetCard } from '../parse/datasetCard';
import { metadataAt, metadataStrings, profileSectionRule, type ProfileSectionSpec } from './requiredSection';

/** Hugging Face tasks whose examples carry no annotation: the text is its own target. */
const SELF_SUPERVISED_TASKS = new Set(['text-generation', 'fill-mask']);

/** `annotations_creators: [no-annotation]`, or, without it, a corpus for self-supervised tasks only. */
function hasNoAnnotations(card: DatasetCard): boolean {
  const creators = metadataAt(card, ['annotations_creators']).flatMap(metadataStrings);
  if (creators.length > 0) return creators.every((creator) => creator === 'no-annotation');
  const tasks = metadataAt(card, ['task_categories']).flatMap(metadataStrings);
  return tasks.length > 0 && tasks.every((task) => SELF_SUPERVISED_TASKS.has(task));
}

export const huggingFaceAnnotationsSection: ProfileSectionSpec = {
  id: 'MLG209',
  alias: 'hf-annotations',
  profile: 'huggingface',
  order: 9,
  group: 'Dataset Creation',
  description: 'The Hugging Face card says how the data was annotated and by whom',
  topic: 'how the annotations were made and by whom (Annotations)',
  heading: 'Annotations',
  why: 'Annotations are only as good as the process and the people behind them; the template asks for both so readers can judge, trace and repeat the labels.',
  prompt:
    'How were the annotations made (tools, guidelines, number of annotators per item, agreement, how disagreements were settled), and who are the annotators (how selected, paid, what they know)? If the data has no annotations beyond the source, say so.',
  sameAs: creationMethodsItem,
  synonyms: [
    'Annotations',
    'Annotation',
    'Annotation Process',
    'Who are the annotators?',
    'Annotators',
    'Annotation Guidelines',
    'Labeling',
    'Labelling',
    'Labeling Process',
    'Data Annotation',
  ],
  notApplicable: hasNoAnnotations,
};

export const huggingFaceAnnotations = profileSectionRule(huggingFaceAnnotationsSection);
