/**
 * The keys of the Hugging Face dataset card metadata (hub-docs `datasetcard.md`, the dataset card
 * metadata spec): what each must hold and why it matters to the people who use the dataset, the
 * values the Hub knows for the enum keys, and the keys nested under `configs` and `dataset_info`.
 * Completion, hover and the MLG3xx rules read this one table.
 */
import {
  ANNOTATIONS_CREATORS,
  ISO_639_1,
  LANGUAGE_CREATORS,
  LICENSES,
  MULTILINGUALITY,
  SIZE_CATEGORIES,
  TASK_CATEGORIES,
  TASK_IDS,
  type KnownValue,
} from './values';

/** The shape of a key's value. */
export type MetadataValueKind =
  'string' | 'list' | 'string-or-list' | 'mapping' | 'list-of-mappings' | 'boolean' | 'number';

/** One metadata key. */
export interface MetadataKeySpec {
  key: string;
  kind: MetadataValueKind;
  /** What the value must be, one sentence. */
  what: string;
  /** Why it matters to the dataset's users, one sentence. */
  why: string;
  /** A value as the card writes it (after `key: `, or as a list item). */
  example?: string;
  /** The values the Hub knows; other values are reported (MLG302, MLG303, MLG304). */
  values?: readonly KnownValue[];
  /** The rule that checks the key, for the hover's link. */
  rule?: string;
  /** Keys of the mapping (or of each mapping in the list) the key holds. */
  children?: readonly MetadataKeySpec[];
}

const SPLIT: MetadataKeySpec = {
  key: 'split',
  kind: 'string',
  what: 'The split these files make: `train`, `validation`, `test` or another name of letters, digits and underscores.',
  why: 'Loaders and the dataset viewer show and load each split by this name; a model trained on `train` is judged on `test`.',
  example: 'train',
  rule: 'MLG307',
};

const PATH: MetadataKeySpec = {
  key: 'path',
  kind: 'string-or-list',
  what: 'A file path or glob (`data/train-*.csv`), or a list of them, relative to the repository root (the card’s folder).',
  why: 'This is where the split’s rows are read from: a path that matches nothing breaks loading for every user.',
  example: 'data/train.csv',
  rule: 'MLG306',
};

const DATA_FILES: MetadataKeySpec = {
  key: 'data_files',
  kind: 'list-of-mappings',
  what: 'The files of the configuration: a path or glob, a list of them, or a list of `{split, path}` entries.',
  why: 'The Hub’s loader and viewer read exactly these files, split by split; without them it guesses from file names.',
  rule: 'MLG306',
  children: [SPLIT, PATH],
};

const CONFIG_KEYS: readonly MetadataKeySpec[] = [
  {
    key: 'config_name',
    kind: 'string',
    what: 'The configuration’s (subset’s) name, unique in the card; `default` for the one loaded when none is named.',
    why: 'Users pick a subset by this name (`load_dataset(repo, name)`), and the viewer lists the subsets under it.',
    example: 'default',
    rule: 'MLG307',
  },
  DATA_FILES,
  {
    key: 'data_dir',
    kind: 'string',
    what: 'A folder, relative to the repository root, that the configuration’s `data_files` are relative to.',
    why: 'It keeps a subset’s files together; the paths under `data_files` are read inside it.',
    example: 'data/en',
    rule: 'MLG306',
  },
  {
    key: 'default',
    kind: 'boolean',
    what: '`true` on the one configuration loaded when the user names none.',
    why: 'Without it, loading the dataset with no subset name fails when there are several and none is called `default`.',
    example: 'true',
    rule: 'MLG307',
  },
];

const DATASET_INFO_KEYS: readonly MetadataKeySpec[] = [
  {
    key: 'features',
    kind: 'list-of-mappings',
    what: 'The columns: for each, its `name` and `dtype` (`string`, `int64`, `float32`, `image`…) or `class_label` names.',
    why: 'Users see each column’s type before downloading, and loaders decode values with it.',
    children: [
      {
        key: 'name',
        kind: 'string',
        what: 'The column’s name.',
        why: 'Code refers to the column by it.',
        example: 'text',
      },
      {
        key: 'dtype',
        kind: 'string',
        what: 'The column’s type: `string`, `int32`, `int64`, `float32`, `float64`, `bool`, `image`, `audio`…',
        why: 'Loaders decode the column with it; a wrong type corrupts values silently.',
        example: 'string',
      },
    ],
  },
  {
    key: 'splits',
    kind: 'list-of-mappings',
    what: 'Each split’s `name`, `num_examples` and `num_bytes`.',
    why: 'It states how many examples each split holds: readers judge what a model was trained and tested on from it.',
    children: [
      {
        key: 'name',
        kind: 'string',
        what: 'The split’s name.',
        why: 'It ties the counts to a split.',
        example: 'train',
      },
      {
        key: 'num_examples',
        kind: 'number',
        what: 'The split’s number of examples (rows).',
        why: 'Readers judge how precise a metric measured on the split can be from it.',
      },
      {
        key: 'num_bytes',
        kind: 'number',
        what: 'The split’s size in bytes.',
        why: 'Users plan storage and download time with it.',
      },
    ],
  },
  {
    key: 'config_name',
    kind: 'string',
    what: 'The configuration these facts describe, when the card has several.',
    why: 'It ties the features and counts to one subset.',
  },
  { key: 'download_size', kind: 'number', what: 'Bytes to download.', why: 'Users plan download time with it.' },
  { key: 'dataset_size', kind: 'number', what: 'Bytes once prepared.', why: 'Users plan disk space with it.' },
];

/** The top-level keys of the Hugging Face dataset card metadata, in the spec's order. */
export const METADATA_KEYS: readonly MetadataKeySpec[] = [
  {
    key: 'pretty_name',
    kind: 'string',
    what: 'The dataset’s name as people say it (`SQuAD`), shown as the card’s title on the Hub.',
    why: 'It is how users recognise and cite the dataset.',
    example: 'My Dataset',
  },
  {
    key: 'language',
    kind: 'string-or-list',
    what: 'The languages of the data, as ISO 639-1 (`en`) or ISO 639-3 (`eng`) codes, one per item.',
    why: 'Users find datasets in their language through it; a model trained on the data works in these languages only.',
    example: 'en',
    values: ISO_639_1,
    rule: 'MLG303',
  },
  {
    key: 'language_details',
    kind: 'string-or-list',
    what: 'Finer language tags in BCP-47 form (`fr-FR`, `en-US`, `zh-Hans`), where regions or scripts matter.',
    why: 'A model trained on one variety of a language may not work on another.',
    example: 'en-US',
  },
  {
    key: 'license',
    kind: 'string-or-list',
    what: 'The license id from the Hub’s list (`cc-by-4.0`, `mit`, …), or `other` with `license_name` and `license_link`.',
    why: 'It tells users whether they may train on, share or sell what they build with the data; the Hub filters by it.',
    example: 'cc-by-4.0',
    values: LICENSES,
    rule: 'MLG304',
  },
  {
    key: 'license_name',
    kind: 'string',
    what: 'With `license: other`: an id for the license, lower case with hyphens (`my-license-1.0`).',
    why: 'It names a license the Hub does not list, so users know which terms apply.',
    example: 'my-license-1.0',
    rule: 'MLG305',
  },
  {
    key: 'license_link',
    kind: 'string',
    what: 'With `license: other`: `LICENSE` (a file in the repository) or a URL to the license text.',
    why: 'Users can read the terms they accept before they use the data.',
    example: 'LICENSE',
    rule: 'MLG305',
  },
  {
    key: 'license_details',
    kind: 'string',
    what: 'Legacy: a description of a custom license; prefer `license_name` and `license_link`.',
    why: 'It explains terms the license id alone does not.',
  },
  {
    key: 'tags',
    kind: 'list',
    what: 'Free-form keywords (`climate`, `tabular`, `medical`).',
    why: 'Users search for datasets by them.',
    example: 'tabular',
  },
  {
    key: 'annotations_creators',
    kind: 'list',
    what: 'Who produced the labels: the Hub’s values `found`, `crowdsourced`, `expert-generated`, `machine-generated`, `no-annotation`, `other`.',
    why: 'Label quality and bias depend on who labelled: users weigh expert, crowd and machine labels differently.',
    example: 'expert-generated',
    values: ANNOTATIONS_CREATORS,
    rule: 'MLG302',
  },
  {
    key: 'language_creators',
    kind: 'list',
    what: 'Who produced the text or speech: `found`, `crowdsourced`, `expert-generated`, `machine-generated`, `other`.',
    why: 'Found web text, crowd-written and machine-generated text differ in style and errors a model will learn.',
    example: 'found',
    values: LANGUAGE_CREATORS,
    rule: 'MLG302',
  },
  {
    key: 'multilinguality',
    kind: 'list',
    what: 'How languages mix: `monolingual`, `multilingual`, `translation` or `other`.',
    why: 'It tells users whether items pair languages (translation) or only several languages sit side by side.',
    example: 'monolingual',
    values: MULTILINGUALITY,
    rule: 'MLG302',
  },
  {
    key: 'size_categories',
    kind: 'list',
    what: 'The number of examples as one of the Hub’s ranges: `n<1K`, `1K<n<10K`, `10K<n<100K`, … `n>1T`.',
    why: 'Users filter by size on the Hub and judge what the data can train or test from it.',
    example: '1K<n<10K',
    values: SIZE_CATEGORIES,
    rule: 'MLG302',
  },
  {
    key: 'source_datasets',
    kind: 'list',
    what: '`original` for new data, or the datasets it derives from: Hub ids (`org/name`) or `extended|name`.',
    why: 'Users trace provenance, licenses and test-set overlap through the datasets this one was built from.',
    example: 'original',
    rule: 'MLG302',
  },
  {
    key: 'task_categories',
    kind: 'list',
    what: 'The tasks the data serves, as the Hub’s task ids (`text-classification`, `tabular-regression`, …).',
    why: 'Users find datasets for their task through them, and the Hub links the dataset to models of the same task.',
    example: 'text-classification',
    values: TASK_CATEGORIES,
    rule: 'MLG302',
  },
  {
    key: 'task_ids',
    kind: 'list',
    what: 'Finer tasks under the task categories (`sentiment-classification`, `extractive-qa`, …).',
    why: 'They narrow the search to datasets labelled for exactly the user’s problem.',
    example: 'multi-class-classification',
    values: TASK_IDS,
    rule: 'MLG302',
  },
  {
    key: 'paperswithcode_id',
    kind: 'string',
    what: 'The dataset’s id on Papers with Code (from its URL), e.g. `squad`.',
    why: 'It links the dataset to the papers and leaderboards that use it.',
  },
  {
    key: 'configs',
    kind: 'list-of-mappings',
    what: 'The dataset’s configurations (subsets): each a `config_name` and its `data_files`.',
    why: 'The Hub’s loader and viewer read the files listed here; a wrong path breaks loading for every user.',
    rule: 'MLG306',
    children: CONFIG_KEYS,
  },
  {
    key: 'dataset_info',
    kind: 'mapping',
    what: 'Features (columns and types), splits with their number of examples and bytes, and sizes — written by `datasets-cli`.',
    why: 'Users see the schema and split sizes without downloading the data.',
    children: DATASET_INFO_KEYS,
  },
  {
    key: 'viewer',
    kind: 'boolean',
    what: '`false` to turn the Hub’s dataset viewer off.',
    why: 'The viewer lets users look at rows before downloading; turn it off only for data that cannot be shown.',
    example: 'false',
  },
  {
    key: 'extra_gated_prompt',
    kind: 'string',
    what: 'The text users must accept before they can download a gated dataset.',
    why: 'It states the conditions of access (e.g. not to re-identify people in the data).',
  },
  {
    key: 'extra_gated_fields',
    kind: 'mapping',
    what: 'Fields users fill in to request access to a gated dataset (`Name: text`, `I agree…: checkbox`).',
    why: 'The maintainers learn who uses the data and record their agreement.',
  },
];

/**
 * The spec at a path of keys, `[]` standing for "an item of the list": `['configs', '[]',
 * 'data_files']`. A list item and the list share a spec (so `data_files: [{split, path}]` finds
 * `split`).
 */
export function keySpecAt(path: readonly string[]): MetadataKeySpec | undefined {
  let specs: readonly MetadataKeySpec[] = METADATA_KEYS;
  let spec: MetadataKeySpec | undefined;
  for (const segment of path) {
    if (segment === '[]') {
      if (!spec) return undefined;
      continue;
    }
    spec = specs.find((candidate) => candidate.key === segment);
    if (!spec) return undefined;
    specs = spec.children ?? [];
  }
  return spec;
}

/** The keys that may be written at a path (the top level for `[]`). */
export function keysAt(path: readonly string[]): readonly MetadataKeySpec[] {
  if (path.filter((segment) => segment !== '[]').length === 0) return METADATA_KEYS;
  return keySpecAt(path)?.children ?? [];
}
