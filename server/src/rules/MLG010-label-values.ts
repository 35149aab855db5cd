import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { proseOf, someParagraph } from './prose';
import { bookItemRule, metadataAt, metadataStrings, type BookItemSpec } from './requiredSection';

/** Hugging Face tasks whose examples carry no label: the text is its own target. */
const UNLABELLED_TASKS = new Set(['text-generation', 'fill-mask']);

/** Hugging Face `ClassLabel` features list the label values: `class_label: {names: {0: neg, 1: pos}}`. */
function hasClassLabelNames(node: Node | null | undefined): boolean {
  if (isMap(node)) {
    return node.items.some((pair) =>
      isScalar(pair.key) && pair.key.value === 'class_label' ? true : hasClassLabelNames(pair.value as Node),
    );
  }
  if (isSeq(node)) return node.items.some((item) => hasClassLabelNames(item as Node));
  return false;
}

/** "The corpus is unlabelled", "there are no labels", "does not contain annotations". */
const SAYS_UNLABELLED =
  /\b(?:unlabell?ed|un-labell?ed|no (?:labels|annotations|target)\b|(?:not|never) (?:labell?ed|annotated)|without (?:any )?(?:labels|annotations)|(?:does|do) not (?:contain|have|include) (?:any )?(?:labels|annotations))/i;

function labelsStated(card: DatasetCard): boolean {
  if (metadataAt(card, ['dataset_info', 'features']).some(hasClassLabelNames)) return true;
  return someParagraph(proseOf(card), SAYS_UNLABELLED);
}

/** Cards whose metadata says there is nothing to label: text-generation / fill-mask corpora, `no-annotation`. */
function unlabelledByMetadata(card: DatasetCard): boolean {
  const tasks = metadataAt(card, ['task_categories']).flatMap(metadataStrings);
  if (tasks.length > 0 && tasks.every((task) => UNLABELLED_TASKS.has(task))) return true;
  const creators = metadataAt(card, ['annotations_creators']).flatMap(metadataStrings);
  return creators.length > 0 && creators.every((creator) => creator === 'no-annotation');
}

export const labelValuesItem: BookItemSpec = {
  id: 'MLG010',
  alias: 'label-values',
  description: 'The dataset card gives the possible label values or the allowed range of a numerical target',
  item: 10,
  topic: 'which values the label can take (or the allowed range of a numerical target)',
  heading: 'Label values',
  why: 'Readers need the label values (or the target range) to know what the model predicts and to spot impossible labels.',
  key: 'labels',
  prompt:
    'Which values can the label take? List the classes and what each means (with counts if known), or give the allowed range and unit of a numerical target. If the data has no labels, say so.',
  synonyms: [
    'Label values',
    'Labels',
    'Target',
    'Label',
    'Possible values for labels',
    'Possible label values',
    'Label set',
    'Label space',
    'Label schema',
    'Label definitions',
    'Label descriptions',
    'Label distribution',
    'Classes',
    'Class labels',
    'Class definitions',
    'Class distribution',
    'Target variable',
    'Target values',
    'Target range',
    'Allowed target range',
    'Allowable range',
    'Range of the target',
    'Target distribution',
    'Outcome',
    'Outcome variable',
    'Response variable',
    'Dependent variable',
    'Annotation scheme',
    'Annotation schema',
    'Tag set',
    'Tagset',
  ],
  // A `label` entry in a list of data fields ("- **label**: 0 = negative, 1 = positive") is the answer.
  labelsInFieldLists: true,
  statedElsewhere: labelsStated,
  notApplicable: unlabelledByMetadata,
};

export const labelValues = bookItemRule(labelValuesItem);
