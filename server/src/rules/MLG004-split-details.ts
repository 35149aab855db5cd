import { isMap, isSeq, type Node } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { bookItemRule, metadataAt, metadataFilled, type BookItemSpec } from './requiredSection';

/** Names of splits, as words after normalisation ("held-out" is "held", "out"). */
const SPLIT_NAMES = new Set([
  'train',
  'training',
  'validation',
  'valid',
  'val',
  'dev',
  'development',
  'test',
  'testing',
  'holdout',
  'held',
  'evaluation',
  'eval',
]);
const SPLIT_NOUNS = new Set(['split', 'splitting', 'partition', 'partitioning', 'set', 'subset', 'fold']);
const ALSO_ALLOWED = new Set(['out', 'data', 'dataset', 'vs', 'versus', 'size', 'proportion', 'detail']);

/** "Train / Dev / Test", "Test set", "Training and evaluation data", "Held-out test set". */
function namesSplits(words: readonly string[]): boolean {
  if (!words.every((w) => SPLIT_NAMES.has(w) || SPLIT_NOUNS.has(w) || ALSO_ALLOWED.has(w))) return false;
  const names = words.filter((w) => SPLIT_NAMES.has(w)).length;
  const nouns = words.filter((w) => SPLIT_NOUNS.has(w)).length;
  return names >= 2 || (names >= 1 && nouns >= 1);
}

/** Hugging Face metadata that names the splits: `dataset_info.splits`, `configs[].data_files[].split`. */
function metadataNamesSplits(card: DatasetCard): boolean {
  if (metadataAt(card, ['dataset_info', 'splits']).some(metadataFilled)) return true;
  return metadataAt(card, ['configs', 'data_files']).some(
    (files: Node) =>
      isSeq(files) &&
      files.items.some((file) => isMap(file) && file.items.some((pair) => String(pair.key) === 'split')),
  );
}

export const splitDetailsItem: BookItemSpec = {
  id: 'MLG004',
  alias: 'split-details',
  description: 'The dataset card gives the details of the train, validation and test split',
  item: 4,
  topic: 'how the data is split into training, validation and test sets',
  heading: 'Train, validation and test split',
  why: 'Without it nobody can check that the split was made on the raw data without leakage, or reproduce the evaluation.',
  key: 'splits',
  prompt:
    'How was the data split into training, validation and test sets? Give the strategy (random, stratified, by group, by time), the proportions or sizes, the seed, and say that the split was applied to the raw data.',
  synonyms: [
    'Train, validation and test split',
    'Data Splits',
    'Train/test split',
    'Splits',
    'Dataset Splits',
    'Train/validation/test split',
    'Train/dev/test split',
    'Split',
    'Split strategy',
    'Splitting',
    'Splitting strategy',
    'Data Splitting',
    'Partitions',
    'Partitioning',
    'Data Partitioning',
    'Cross-validation folds',
    'Folds',
  ],
  matchWords: namesSplits,
  statedElsewhere: metadataNamesSplits,
};

export const splitDetails = bookItemRule(splitDetailsItem);
