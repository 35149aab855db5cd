/**
 * The keys of a split configuration (`*.split.yaml|yml|json`, `split.yaml|yml|json`), each with
 * what it says and why it matters, in the words of _Machine Learning Engineering_ (A. Burkov,
 * ch. 3). One table feeds hover, completion, the parser's "did you mean" and the rule messages;
 * schemas/split.schema.json carries the same descriptions for other editors, and a unit test keeps
 * the two equal.
 */

/** The book's sampling strategies (ch. 3, "Data sampling strategies"), plus a split by time. */
export const SPLIT_STRATEGIES = ['random', 'stratified', 'group', 'time', 'systematic', 'cluster'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];

export const SPLIT_TASKS = ['classification', 'regression'] as const;
export type SplitTask = (typeof SPLIT_TASKS)[number];

/** Names of the splits offered by completion, in the usual order. */
export const COMMON_SPLIT_NAMES = ['train', 'validation', 'test'] as const;

/** The kind of value a key takes. */
export type SplitKeyType =
  'string' | 'paths' | 'columns' | 'integer' | 'boolean' | 'fraction' | 'enum' | 'sizes' | 'outputs' | 'steps' | 'map';

/** One key: where it sits, what it takes, what it means and why (shown on hover). */
export interface SplitKeySpec {
  /** The key's path: `seed`, `preprocessing.before_split`. */
  path: string;
  type: SplitKeyType;
  /** One line: what the key says. */
  summary: string;
  /** Why it matters, with the book's reason. */
  why: string;
  /** The allowed values of an `enum` key. */
  values?: readonly string[];
  /** What completion inserts after `key: ` when the key is new (YAML spelling). */
  snippet?: string;
}

const REASON_RAW = 'The book: "Split was applied to raw data" (ch. 3, train, validation and test sets partition).';
const REASON_RANDOM = 'The book: "Data was randomized before the split" (ch. 3).';
const REASON_LEAKAGE = 'The book: "Leakage was avoided" (ch. 3).';

/** Every key the format knows, parents before their children. */
export const SPLIT_KEYS: readonly SplitKeySpec[] = [
  {
    path: '$schema',
    type: 'string',
    summary: 'The JSON Schema of this file, for editors that read it.',
    why: 'Lets any JSON or YAML editor complete and check the keys; mlguide ignores it.',
  },
  {
    path: 'description',
    type: 'string',
    summary: 'What this split is for, in a sentence.',
    why: 'The book lists the "details of train-validation-test splits" among what every dataset\'s documentation must say (ch. 3).',
  },
  {
    path: 'data',
    type: 'paths',
    summary: 'The raw data the split is applied to: a path or a list of paths, relative to this file.',
    why: `${REASON_RAW} Splitting a file that was already scaled, imputed or filtered with statistics of all rows lets the test rows shape the training data.`,
    snippet: 'data/raw.csv',
  },
  {
    path: 'task',
    type: 'enum',
    values: SPLIT_TASKS,
    summary: 'What the model predicts: a class (`classification`) or a number (`regression`).',
    why: 'Stratification and the precision a test set can give depend on it: a proportion such as accuracy for classification.',
  },
  {
    path: 'target',
    type: 'string',
    summary: 'The column the model predicts (the label).',
    why: `${REASON_LEAKAGE} The target must never be among the features, and stratification usually follows it.`,
  },
  {
    path: 'seed',
    type: 'integer',
    summary: 'The random seed of the shuffle and of the split.',
    why: 'Without a seed every run draws another split: results cannot be reproduced, and a model tuned on one test set is scored on another. The book asks for the "details of train-validation-test splits" to be documented (ch. 3).',
    snippet: '42',
  },
  {
    path: 'shuffle',
    type: 'boolean',
    summary:
      'Whether the rows are shuffled before a random, stratified, group or cluster split. Never for a time split.',
    why: `${REASON_RANDOM} Files are often sorted (by date, by class, by source): cutting them unshuffled gives splits that do not follow the same distribution. A time split must not shuffle, or the future leaks into training.`,
    snippet: 'true',
  },
  {
    path: 'strategy',
    type: 'enum',
    values: SPLIT_STRATEGIES,
    summary:
      'How rows are assigned to splits: `random`, `stratified` (same class shares in every split), `group` (all rows of an entity in one split), `time` (train on the past, test on the future), `systematic` (every k-th row), `cluster` (whole clusters).',
    why: 'The book\'s data sampling strategies are random, systematic, stratified and cluster sampling (ch. 3); rows that belong together (one customer, one patient) must stay in one split, and data that changes over time must be split by time, or "leakage" makes offline scores better than production.',
  },
  {
    path: 'stratify_by',
    type: 'columns',
    summary: 'The column(s) whose value shares every split keeps (for `stratified`; default: the target).',
    why: 'The book: "Validation and test sets follow the same distribution" (ch. 3). Stratifying keeps rare classes in every split.',
  },
  {
    path: 'group_by',
    type: 'string',
    summary:
      'The entity column (customer, patient, user…) whose rows stay together in one split (for `group` and `cluster`, or with `stratified` for a stratified group split).',
    why: `${REASON_LEAKAGE} When one entity has rows in train and in test, the model recognises the entity instead of learning the task, and the test score is too good.`,
  },
  {
    path: 'time_column',
    type: 'string',
    summary: "The column holding each row's time (for `time`): train on the earliest rows, test on the latest.",
    why: `${REASON_LEAKAGE} With a random split of data that changes over time, the model sees the future during training; production only ever gives it the past.`,
  },
  {
    path: 'sizes',
    type: 'sizes',
    summary:
      'The size of each split: fractions that add up to 1 (`{ train: 0.7, validation: 0.15, test: 0.15 }`) or row counts.',
    why: 'The book asks for the "details of train-validation-test splits" (ch. 3); the test split must be large enough for the precision the project needs.',
    snippet: '{ train: 0.7, validation: 0.15, test: 0.15 }',
  },
  {
    path: 'outputs',
    type: 'outputs',
    summary: 'Where each split is written: a path per split, relative to this file.',
    why: 'Two splits written to the same file overwrite each other or mix; the data-backed checks read the split files from here.',
  },
  {
    path: 'preprocessing',
    type: 'map',
    summary: 'Steps applied to the data: `before_split` (on all rows) and `after_split` (fitted on train only).',
    why: `${REASON_RAW} A step that learns statistics from the data (scaling, imputation with a mean, target encoding, over-sampling, PCA, a vocabulary) must be fitted after the split, on the training rows.`,
  },
  {
    path: 'preprocessing.before_split',
    type: 'steps',
    summary:
      'Steps applied to every row before the split: only those that learn nothing from the data (deduplication, fixing types, dropping broken rows).',
    why: `${REASON_RAW} Deduplication belongs here: duplicates split across train and test are leakage.`,
  },
  {
    path: 'preprocessing.after_split',
    type: 'steps',
    summary:
      'Steps fitted on the training split and applied to every split (scaling, imputation, encoding, sampling, PCA…).',
    why: `${REASON_LEAKAGE} Fitting on train alone keeps the test rows unseen, as they will be in production.`,
  },
  {
    path: 'features',
    type: 'map',
    summary: 'Which columns the model may use: `include` (only these) or `exclude` (all but these).',
    why: `${REASON_LEAKAGE} The target, identifiers and columns computed after the outcome must not be features.`,
  },
  {
    path: 'features.include',
    type: 'columns',
    summary: 'The only columns the model uses.',
    why: 'The target must not be among them: a model that sees its label scores perfectly offline and fails in production.',
  },
  {
    path: 'features.exclude',
    type: 'columns',
    summary: 'Columns the model must not use (identifiers, the target, columns known only after the outcome).',
    why: REASON_LEAKAGE,
  },
  {
    path: 'margin',
    type: 'fraction',
    summary:
      'The precision the project needs from the test score: the ± half-width of its 95% interval, as a fraction (0.02 = ±2 points). Default 0.02.',
    why: 'A test split too small for it gives a score whose interval is wider than the differences the project decides on; the book computes such intervals by bootstrapping (ch. 7).',
    snippet: '0.02',
  },
  {
    path: 'precision',
    type: 'fraction',
    summary:
      "Same as `margin` (the ± half-width of the test score's 95% interval, as a fraction); `margin` wins when both are set.",
    why: 'A test split too small for it gives a score whose interval is wider than the differences the project decides on (ch. 7, bootstrapping).',
    snippet: '0.02',
  },
  {
    path: 'leakage',
    type: 'map',
    summary:
      'Thresholds of the data-backed checks mlguide runs on the `outputs` files (MLS016–MLS022): alpha, psi_moderate, psi_significant, target_score, size_tolerance, max_examples.',
    why: `${REASON_LEAKAGE} The defaults suit most projects; a project that needs a stricter or looser bar states it here, next to the split it governs.`,
  },
  {
    path: 'leakage.alpha',
    type: 'fraction',
    summary:
      'Family-wise significance level of the distribution-shift tests (KS for numeric columns, chi-square for categorical ones, Holm-adjusted across columns). Default 0.05.',
    why: 'The book: validation and test must follow the same distribution (ch. 3); a test at this level says whether a difference is real.',
    snippet: '0.05',
  },
  {
    path: 'leakage.psi_moderate',
    type: 'fraction',
    summary: 'PSI from which a real shift is reported as moderate (a warning). Default 0.1.',
    why: 'With many rows every test rejects; the PSI says whether the shift is large enough to matter (0.1 is the usual "moderate" level).',
    snippet: '0.1',
  },
  {
    path: 'leakage.psi_significant',
    type: 'fraction',
    summary: 'PSI from which a real shift is reported as significant. Default 0.25.',
    why: 'The usual level of a shift that changes what a model learns.',
    snippet: '0.25',
  },
  {
    path: 'leakage.target_score',
    type: 'fraction',
    summary:
      'Balanced accuracy (on test, majority label per value learnt on train) from which one column alone is called a target leak. Default 0.95.',
    why: `${REASON_LEAKAGE} A column that alone predicts the label almost perfectly is usually computed from it or known only after it.`,
    snippet: '0.95',
  },
  {
    path: 'leakage.size_tolerance',
    type: 'fraction',
    summary: "Largest gap between a split's actual and configured share of the rows. Default 0.02.",
    why: 'Split files that do not have the sizes the configuration states were made by another run, or from other data.',
    snippet: '0.02',
  },
  {
    path: 'leakage.max_examples',
    type: 'integer',
    summary: 'Examples (row pairs, ids, values) shown per finding. Default 5.',
    why: 'A few `file:line` pairs are enough to find the cause; the counts say how large it is.',
    snippet: '5',
  },
];

/** The spec of a key path (`strategy`, `features.include`). */
export function splitKeySpec(keyPath: string): SplitKeySpec | undefined {
  return SPLIT_KEYS.find((spec) => spec.path === keyPath);
}

/** The keys that may sit under `parent` (`''` for the top level). */
export function childKeys(parent: string): SplitKeySpec[] {
  return SPLIT_KEYS.filter((spec) => {
    const dot = spec.path.lastIndexOf('.');
    return (dot < 0 ? '' : spec.path.slice(0, dot)) === parent;
  });
}

/** The last segment of a key path. */
export function keyName(spec: SplitKeySpec): string {
  return spec.path.slice(spec.path.lastIndexOf('.') + 1);
}

/**
 * Split names that mean "test", the held-out split the final score comes from: `test`, `testing`,
 * `holdout`, `held_out`, and names with such a word (`test.hard`, `test_2024`, `held-out test`).
 */
export function isTestSplitName(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (/hold[-_ ]?out|held[-_ ]?out/.test(lower)) return true;
  return lower.split(/[^a-z0-9]+/).some((word) => ['test', 'tests', 'testing', 'holdout', 'heldout'].includes(word));
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The closest of `candidates` to `name` (case and `-`/`_` ignored), when it is close enough to be a typo. */
export function didYouMean(name: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[-\s]/g, '_');
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(norm(name), norm(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(name.length, best.candidate.length) / 3));
  return best.distance <= limit ? best.candidate : undefined;
}
