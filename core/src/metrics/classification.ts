/**
 * Classification metrics computed from a confusion matrix alone, with scikit-learn 1.2's
 * definitions: each is a function of the matrix's cells, so that a bootstrap can resample the
 * cells (a multinomial draw) and recompute every metric without going back to the rows.
 *
 * The flow: {@link summarizeConfusion} turns cells into per-class sums once; each
 * {@link ConfusionMetricDefinition} computes one metric from that summary in O(classes);
 * {@link classificationMetrics} runs them all on the observed matrix and adds scikit-learn's
 * warnings.
 */
import { ConfusionAccumulator, flattenConfusion, type ConfusionMatrix } from './confusion';
import {
  checkZeroDivision,
  metricValue,
  MetricInputError,
  zeroDivisionValue,
  type MetricRemarks,
  type MetricValue,
  type MetricWarning,
  type ZeroDivision,
} from './types';

/** Per-class sums of a k×k confusion matrix, computed once and shared by every metric. */
export interface ConfusionSummary {
  /** Number of classes k. */
  readonly size: number;
  /** The k×k counts, row-major: `cells[i * k + j]` = rows of true class i predicted as j. */
  readonly cells: ArrayLike<number>;
  /** Rows whose true class is i (row sums; scikit-learn's `true_sum`, the support). */
  readonly actual: Float64Array;
  /** Rows predicted as class i (column sums; `pred_sum`). */
  readonly predicted: Float64Array;
  /** Rows of class i predicted as i (the diagonal; `tp_sum`). */
  readonly correct: Float64Array;
  /** All rows. */
  readonly total: number;
  /** All rows predicted right (the trace). */
  readonly totalCorrect: number;
}

/** Sums the rows, columns and diagonal of `cells` (row-major, `size` × `size`). */
export function summarizeConfusion(cells: ArrayLike<number>, size: number): ConfusionSummary {
  if (cells.length !== size * size) {
    throw new MetricInputError(`a ${size}×${size} confusion matrix has ${size * size} cells, got ${cells.length}`);
  }
  const actual = new Float64Array(size);
  const predicted = new Float64Array(size);
  const correct = new Float64Array(size);
  let total = 0;
  let totalCorrect = 0;
  for (let i = 0; i < size; i++) {
    let rowSum = 0;
    for (let j = 0; j < size; j++) {
      const count = cells[i * size + j] as number;
      rowSum += count;
      predicted[j] = (predicted[j] as number) + count;
    }
    actual[i] = rowSum;
    total += rowSum;
    const diagonal = cells[i * size + i] as number;
    correct[i] = diagonal;
    totalCorrect += diagonal;
  }
  return { size, cells, actual, predicted, correct, total, totalCorrect };
}

/** scikit-learn's `accuracy_score`: the share of rows predicted right (NaN without rows). */
export function accuracy(summary: ConfusionSummary): number {
  return summary.totalCorrect / summary.total;
}

/**
 * scikit-learn's `balanced_accuracy_score` (adjusted=False): the mean recall over the classes that
 * occur in y_true. Classes that are only predicted are left out (scikit-learn warns about them).
 */
export function balancedAccuracy(summary: ConfusionSummary): number {
  let sum = 0;
  let classes = 0;
  for (let c = 0; c < summary.size; c++) {
    const actual = summary.actual[c] as number;
    if (actual > 0) {
      sum += (summary.correct[c] as number) / actual;
      classes++;
    }
  }
  return sum / classes;
}

/**
 * scikit-learn's `matthews_corrcoef` (the multiclass R_K statistic); 0 when y_true or y_pred has a
 * single class, as scikit-learn returns.
 */
export function matthewsCorrcoef(summary: ConfusionSummary): number {
  const n = summary.total;
  let truePredicted = 0;
  let predictedSquares = 0;
  let actualSquares = 0;
  for (let c = 0; c < summary.size; c++) {
    const t = summary.actual[c] as number;
    const p = summary.predicted[c] as number;
    truePredicted += t * p;
    predictedSquares += p * p;
    actualSquares += t * t;
  }
  const covTruePred = summary.totalCorrect * n - truePredicted;
  const covPredPred = n * n - predictedSquares;
  const covTrueTrue = n * n - actualSquares;
  if (covPredPred * covTrueTrue === 0) return 0;
  return covTruePred / Math.sqrt(covTrueTrue * covPredPred);
}

/** Weights of Cohen's kappa: none (disagreement 0 or 1), `linear` |i − j|, `quadratic` (i − j)². */
export type KappaWeights = 'linear' | 'quadratic';

/**
 * scikit-learn's `cohen_kappa_score`. `classes` (indices into the matrix, −1 for a class it does
 * not have) is scikit-learn's `labels`: only rows whose true and predicted classes are both listed
 * count, and weighted disagreement follows the list's order. NaN when the expected disagreement is
 * zero (a single class throughout), as scikit-learn's 0/0.
 */
export function cohenKappa(summary: ConfusionSummary, weights?: KappaWeights, classes?: ArrayLike<number>): number {
  if (weights === undefined && classes === undefined) {
    // Unweighted over all classes: the off-diagonal sums follow from the margins in O(k).
    const n = summary.total;
    let marginProducts = 0;
    for (let c = 0; c < summary.size; c++) {
      marginProducts += (summary.predicted[c] as number) * (summary.actual[c] as number);
    }
    return 1 - (n - summary.totalCorrect) / ((n * n - marginProducts) / n);
  }
  const k = summary.size;
  const selection = classes ?? Array.from({ length: k }, (_, i) => i);
  const m = selection.length;
  const rowSums = new Float64Array(m);
  const columnSums = new Float64Array(m);
  let n = 0;
  let observed = 0;
  for (let a = 0; a < m; a++) {
    const i = selection[a] as number;
    if (i < 0) continue;
    for (let b = 0; b < m; b++) {
      const j = selection[b] as number;
      if (j < 0) continue;
      const count = summary.cells[i * k + j] as number;
      rowSums[a] = (rowSums[a] as number) + count;
      columnSums[b] = (columnSums[b] as number) + count;
      n += count;
      observed += kappaWeight(a, b, weights) * count;
    }
  }
  let expected = 0;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      // scikit-learn's expected[a][b] = sum0[a] · sum1[b] / n, sum0 the column sums.
      expected += (kappaWeight(a, b, weights) * (columnSums[a] as number) * (rowSums[b] as number)) / n;
    }
  }
  return 1 - observed / expected;
}

function kappaWeight(a: number, b: number, weights: KappaWeights | undefined): number {
  if (weights === 'linear') return Math.abs(a - b);
  if (weights === 'quadratic') return (a - b) * (a - b);
  return a === b ? 0 : 1;
}

/** How per-class precision, recall and F are averaged (scikit-learn's `average`). */
export type Average = 'micro' | 'macro' | 'weighted';

/** Precision, recall and F-beta of one class or one average. */
export interface PrecisionRecallFscore {
  precision: number;
  recall: number;
  fscore: number;
}

/**
 * F-beta from precision and recall, as scikit-learn 1.2 computes it after replacing 0/0 ratios:
 * the `zeroDivision` value when the class is neither true nor predicted, 0 when nothing is right,
 * else (1 + β²)·P·R / (β²·P + R). β = ∞ gives recall. `correct`, `actual` and `predicted` are the
 * class's true positives, true rows and predicted rows; `zdv` the zero-division value.
 */
export function fscore(
  p: number,
  r: number,
  correct: number,
  actual: number,
  predicted: number,
  beta: number,
  zdv: number,
): number {
  if (beta === Infinity) return r;
  if (actual + predicted === 0) return zdv;
  if (correct === 0) return 0;
  const beta2 = beta * beta;
  return ((1 + beta2) * p * r) / (beta2 * p + r);
}

function ratio(numerator: number, denominator: number, zdv: number): number {
  return denominator === 0 ? zdv : numerator / denominator;
}

/**
 * Precision, recall and F-beta of class `c` (an index into the matrix; −1 for a class with no
 * rows at all), with 0/0 ratios replaced as `zeroDivision` says.
 */
export function classPrecisionRecallFscore(
  summary: ConfusionSummary,
  c: number,
  beta = 1,
  zeroDivision: ZeroDivision = 'warn',
): PrecisionRecallFscore {
  const zdv = zeroDivisionValue(zeroDivision);
  const correct = c < 0 ? 0 : (summary.correct[c] as number);
  const predicted = c < 0 ? 0 : (summary.predicted[c] as number);
  const actual = c < 0 ? 0 : (summary.actual[c] as number);
  const precision = ratio(correct, predicted, zdv);
  const recall = ratio(correct, actual, zdv);
  return { precision, recall, fscore: fscore(precision, recall, correct, actual, predicted, beta, zdv) };
}

/**
 * Averaged precision, recall and F-beta over `classes` (indices; −1 for a class with no rows), as
 * scikit-learn's `precision_recall_fscore_support(labels=…, average=…)`: `micro` pools the counts,
 * `macro` is the plain mean over classes, `weighted` the mean weighted by support. With
 * `zeroDivision: 'nan'` the NaN classes are left out of the mean (scikit-learn ≥ 1.3).
 */
export function averagePrecisionRecallFscore(
  summary: ConfusionSummary,
  classes: ArrayLike<number>,
  average: Average,
  beta = 1,
  zeroDivision: ZeroDivision = 'warn',
): PrecisionRecallFscore {
  const zdv = zeroDivisionValue(zeroDivision);
  const m = classes.length;
  if (average === 'micro') {
    let correct = 0;
    let predicted = 0;
    let actual = 0;
    for (let a = 0; a < m; a++) {
      const c = classes[a] as number;
      if (c < 0) continue;
      correct += summary.correct[c] as number;
      predicted += summary.predicted[c] as number;
      actual += summary.actual[c] as number;
    }
    const precision = ratio(correct, predicted, zdv);
    const recall = ratio(correct, actual, zdv);
    return { precision, recall, fscore: fscore(precision, recall, correct, actual, predicted, beta, zdv) };
  }
  const precisions = new Float64Array(m);
  const recalls = new Float64Array(m);
  const fscores = new Float64Array(m);
  const supports = new Float64Array(m);
  let totalActual = 0;
  let totalPredicted = 0;
  for (let a = 0; a < m; a++) {
    const c = classes[a] as number;
    const one = classPrecisionRecallFscore(summary, c, beta, zeroDivision);
    precisions[a] = one.precision;
    recalls[a] = one.recall;
    fscores[a] = one.fscore;
    const support = c < 0 ? 0 : (summary.actual[c] as number);
    supports[a] = support;
    totalActual += support;
    totalPredicted += c < 0 ? 0 : (summary.predicted[c] as number);
  }
  if (average === 'weighted' && totalActual === 0 && zeroDivision !== 'nan') {
    // scikit-learn 1.2 returns early when every weight is zero.
    return totalPredicted === 0
      ? { precision: zdv, recall: zdv, fscore: zdv }
      : { precision: 0, recall: zdv, fscore: 0 };
  }
  const weights = average === 'weighted' ? supports : undefined;
  return {
    precision: nanAverage(precisions, weights),
    recall: nanAverage(recalls, weights),
    fscore: nanAverage(fscores, weights),
  };
}

/** scikit-learn's `_nanaverage`: the (weighted) mean of the non-NaN values; plain mean if the weights sum to 0. */
function nanAverage(values: Float64Array, weights: Float64Array | undefined): number {
  let count = 0;
  let plain = 0;
  let weighted = 0;
  let weightSum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    count++;
    plain += v;
    if (weights) {
      const w = weights[i] as number;
      weighted += v * w;
      weightSum += w;
    }
  }
  if (count === 0) return NaN;
  if (!weights || weightSum === 0) return plain / count;
  return weighted / weightSum;
}

/** Settings of the classification metrics; each mirrors a scikit-learn argument. */
export interface ClassificationOptions {
  /**
   * scikit-learn's `labels`: the classes per-class results are given for and averages are taken
   * over (in this order), counts still coming from every row; also the rows `cohen_kappa` counts.
   * Default: every label of the matrix.
   */
  labels?: readonly string[];
  /**
   * scikit-learn's `pos_label` with `average='binary'`: adds `precision`, `recall`, `f1` (and
   * `fbeta`) of this class. The matrix must have at most two labels, and this must be one of them
   * when it has two.
   */
  positive?: string;
  /** Adds F-beta with this β (≥ 0, `Infinity` allowed): `fbeta_*`, per class, and binary. */
  beta?: number;
  /** scikit-learn's `zero_division`; default `'warn'`. */
  zeroDivision?: ZeroDivision;
  /** scikit-learn's `weights` of `cohen_kappa_score`; default unweighted. */
  kappaWeights?: KappaWeights;
}

/** The key of a metric over the whole matrix, named as scikit-learn's scorers name it. */
export type ClassificationMetricKey =
  | 'accuracy'
  | 'balanced_accuracy'
  | `${'precision' | 'recall' | 'f1' | 'fbeta'}_${Average}`
  | 'precision'
  | 'recall'
  | 'f1'
  | 'fbeta'
  | 'cohen_kappa'
  | 'matthews_corrcoef';

/** The key of a per-class metric. */
export type PerClassMetricKey = 'precision' | 'recall' | 'f1' | 'fbeta';

/**
 * One metric as a function of the confusion matrix. A definition with a `label` is that class's
 * per-class metric; without, a metric of the whole matrix (`precision` without a label is the
 * binary average of the positive class).
 */
export interface ConfusionMetricDefinition {
  readonly key: ClassificationMetricKey | PerClassMetricKey;
  readonly label?: string;
  /** The metric's value on a summary of a matrix over the definitions' labels. */
  compute(summary: ConfusionSummary): number;
  /** What scikit-learn would warn about this value (zero divisions, absent classes), and notes. */
  remarks(summary: ConfusionSummary): MetricRemarks;
}

type PrfPart = 'precision' | 'recall' | 'fscore';

const PRF_KEYS: readonly { key: 'precision' | 'recall' | 'f1' | 'fbeta'; part: PrfPart }[] = [
  { key: 'precision', part: 'precision' },
  { key: 'recall', part: 'recall' },
  { key: 'f1', part: 'fscore' },
  { key: 'fbeta', part: 'fscore' },
];

/**
 * Every metric of {@link ClassificationOptions} as a function of a matrix whose labels are
 * `labels` (in the matrix's order), for the observed matrix and for each resampled one alike.
 * Throws {@link MetricInputError} for settings scikit-learn refuses.
 */
export function confusionMetricDefinitions(
  labels: readonly string[],
  options: ClassificationOptions = {},
): ConfusionMetricDefinition[] {
  const zeroDivision = checkZeroDivision(options.zeroDivision ?? 'warn');
  const beta = options.beta;
  if (beta !== undefined && !(beta >= 0)) throw new MetricInputError(`beta should be >= 0, got ${beta}`);
  const position = new Map(labels.map((label, i) => [label, i]));
  const selectedLabels = options.labels ?? labels;
  if (selectedLabels.length === 0) throw new MetricInputError("'labels' should contains at least one label.");
  if (new Set(selectedLabels).size !== selectedLabels.length) throw new MetricInputError("'labels' has duplicates.");
  const selection = Int32Array.from(selectedLabels, (label) => position.get(label) ?? -1);
  const kappaClasses = options.labels === undefined ? undefined : selection;
  const weights = checkKappaWeights(options.kappaWeights);

  const definitions: ConfusionMetricDefinition[] = [
    {
      key: 'accuracy',
      compute: accuracy,
      remarks: (s) => (s.total === 0 ? note('accuracy is undefined without rows') : {}),
    },
    {
      key: 'balanced_accuracy',
      compute: balancedAccuracy,
      remarks: (s) => balancedAccuracyRemarks(s, labels),
    },
  ];

  const parts = beta === undefined ? PRF_KEYS.slice(0, 3) : PRF_KEYS;
  const betaOf = (key: string): number => (key === 'fbeta' ? (beta as number) : 1);
  for (const { key, part } of parts) {
    for (const average of ['micro', 'macro', 'weighted'] as const) {
      definitions.push({
        key: `${key}_${average}`,
        compute: (s) => averagePrecisionRecallFscore(s, selection, average, betaOf(key), zeroDivision)[part],
        remarks: (s) => prfRemarks(s, part, selection, selectedLabels, average === 'micro', zeroDivision),
      });
    }
  }

  if (options.positive !== undefined) {
    const positive = options.positive;
    if (labels.length > 2) {
      throw new MetricInputError(
        `a positive label (binary average) needs at most two labels, but there are ${labels.length}: ${labels.join(', ')}`,
      );
    }
    if (labels.length === 2 && !position.has(positive)) {
      throw new MetricInputError(
        `positive label ${positive} is not a valid label. It should be one of ${labels.join(', ')}`,
      );
    }
    const binary = Int32Array.of(position.get(positive) ?? -1);
    for (const { key, part } of parts) {
      definitions.push({
        key,
        compute: (s) => classPrecisionRecallFscore(s, binary[0] as number, betaOf(key), zeroDivision)[part],
        remarks: (s) => prfRemarks(s, part, binary, [positive], true, zeroDivision),
      });
    }
  }

  definitions.push(
    {
      key: 'cohen_kappa',
      compute: (s) => cohenKappa(s, weights, kappaClasses),
      remarks: (s) => kappaRemarks(s, kappaClasses),
    },
    {
      key: 'matthews_corrcoef',
      compute: matthewsCorrcoef,
      remarks: (s) => {
        const p = s.predicted.filter((count) => count > 0).length;
        const t = s.actual.filter((count) => count > 0).length;
        return p <= 1 || t <= 1 ? note('matthews_corrcoef is set to 0: y_true or y_pred has a single class') : {};
      },
    },
  );

  selection.forEach((c, a) => {
    const label = selectedLabels[a] as string;
    const one = Int32Array.of(c);
    for (const { key, part } of parts) {
      definitions.push({
        key,
        label,
        compute: (s) => classPrecisionRecallFscore(s, c, betaOf(key), zeroDivision)[part],
        remarks: (s) => prfRemarks(s, part, one, [label], true, zeroDivision),
      });
    }
  });
  return definitions;
}

function checkKappaWeights(weights: unknown): KappaWeights | undefined {
  if (weights === undefined || weights === 'linear' || weights === 'quadratic') return weights;
  throw new MetricInputError(`kappaWeights must be 'linear' or 'quadratic', got ${JSON.stringify(weights)}`);
}

function note(message: string): MetricRemarks {
  return { warnings: [{ code: 'note', message }] };
}

function balancedAccuracyRemarks(summary: ConfusionSummary, labels: readonly string[]): MetricRemarks {
  const absent = labels.filter((_, c) => summary.actual[c] === 0 && (summary.predicted[c] as number) > 0);
  const warnings: MetricWarning[] = [];
  if (absent.length > 0) {
    warnings.push({ code: 'absent-class', message: 'y_pred contains classes not in y_true', classes: absent });
  }
  if (!summary.actual.some((count) => count > 0)) {
    warnings.push({ code: 'note', message: 'balanced_accuracy is undefined: no class occurs in y_true' });
  }
  return { warnings };
}

function kappaRemarks(summary: ConfusionSummary, classes: Int32Array | undefined): MetricRemarks {
  if (classes && !classes.some((c) => c >= 0 && (summary.actual[c] as number) > 0)) {
    return { warnings: [{ code: 'undefined', message: 'At least one label specified must be in y_true' }] };
  }
  if (Number.isNaN(cohenKappa(summary, undefined, classes))) {
    return note('cohen_kappa is undefined: the expected disagreement is zero (a single class in both columns)');
  }
  return {};
}

const PRF_WORDING: Record<PrfPart, { start: string; modifier: string }> = {
  precision: { start: 'Precision is', modifier: 'predicted' },
  recall: { start: 'Recall is', modifier: 'true' },
  fscore: { start: 'F-score is', modifier: 'true nor predicted' },
};

/**
 * The classes whose `part` was 0/0, and scikit-learn 1.2's warning about them: precision warns
 * about classes never predicted, recall about classes never true, F only about classes neither
 * true nor predicted (when precision and recall are both 0/0). `pooled`: micro and binary averages,
 * one ratio over all the classes (scikit-learn says "due to" instead of "in labels with").
 */
function prfRemarks(
  summary: ConfusionSummary,
  part: PrfPart,
  classes: Int32Array,
  labels: readonly string[],
  pooled: boolean,
  zeroDivision: ZeroDivision,
): MetricRemarks {
  const denominator = (c: number): number => {
    if (c < 0) return 0;
    const actual = summary.actual[c] as number;
    const predicted = summary.predicted[c] as number;
    return part === 'precision' ? predicted : part === 'recall' ? actual : actual + predicted;
  };
  let zeroClasses: string[];
  if (pooled) {
    let sum = 0;
    classes.forEach((c) => (sum += denominator(c)));
    zeroClasses = sum === 0 ? [...labels] : [];
  } else {
    zeroClasses = labels.filter((_, a) => denominator(classes[a] as number) === 0);
  }
  if (zeroClasses.length === 0) return {};
  const remarks: MetricRemarks = {
    zeroDivision: { classes: zeroClasses, value: zeroDivisionValue(zeroDivision) },
  };
  if (zeroDivision === 'warn') {
    const { start, modifier } = PRF_WORDING[part];
    const where = pooled || classes.length === 1 ? 'due to' : 'in labels with';
    remarks.warnings = [
      {
        code: 'zero-division',
        message: `${start} ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zero_division\` parameter to control this behavior.`,
        classes: zeroClasses,
      },
    ];
  }
  return remarks;
}

/** The metrics of one class (scikit-learn's `average=None` entry of that label). */
export interface PerClassMetrics {
  label: string;
  /** Rows whose true label is this class. */
  support: number;
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
  /** Present when a β was asked for. */
  fbeta?: MetricValue;
}

/**
 * Classification metrics of one confusion matrix — the JSON shape `mlguide evaluate --json`
 * prints for labels. `metrics` is keyed by scikit-learn's names; `perClass` follows the order of
 * {@link ClassificationOptions.labels} (default: the matrix's labels).
 */
export interface ClassificationMetrics {
  /** Rows counted in the matrix. */
  rows: number;
  /** Labels of the matrix rows and columns. */
  labels: string[];
  /** The full matrix over `labels` (rows = true, columns = predicted). */
  confusion_matrix: number[][];
  zeroDivision: ZeroDivision;
  beta?: number;
  positive?: string;
  kappaWeights?: KappaWeights;
  metrics: Partial<Record<ClassificationMetricKey, MetricValue>>;
  perClass: PerClassMetrics[];
}

/** Every classification metric of `confusion`, with scikit-learn's warnings. */
export function classificationMetrics(
  confusion: ConfusionMatrix,
  options: ClassificationOptions = {},
): ClassificationMetrics {
  const summary = summarizeConfusion(flattenConfusion(confusion), confusion.labels.length);
  const definitions = confusionMetricDefinitions(confusion.labels, options);
  const result: ClassificationMetrics = {
    rows: summary.total,
    labels: [...confusion.labels],
    confusion_matrix: confusion.matrix.map((row) => [...row]),
    zeroDivision: options.zeroDivision ?? 'warn',
    metrics: {},
    perClass: [],
  };
  if (options.beta !== undefined) result.beta = options.beta;
  if (options.positive !== undefined) result.positive = options.positive;
  if (options.kappaWeights !== undefined) result.kappaWeights = options.kappaWeights;

  const perClass = new Map<string, PerClassMetrics>();
  const position = new Map(confusion.labels.map((label, i) => [label, i]));
  for (const label of options.labels ?? confusion.labels) {
    const c = position.get(label);
    const entry: PerClassMetrics = {
      label,
      support: c === undefined ? 0 : (summary.actual[c] as number),
      precision: { value: NaN },
      recall: { value: NaN },
      f1: { value: NaN },
    };
    perClass.set(label, entry);
    result.perClass.push(entry);
  }
  for (const definition of definitions) {
    const value = metricValue(definition.compute(summary), definition.remarks(summary));
    if (definition.label === undefined) {
      result.metrics[definition.key] = value;
    } else {
      const entry = perClass.get(definition.label) as PerClassMetrics;
      entry[definition.key as PerClassMetricKey] = value;
    }
  }
  return result;
}

/** Counts the confusion matrix of `yTrue` and `yPred` and computes every classification metric. */
export function evaluateClassification(
  yTrue: readonly string[],
  yPred: readonly string[],
  options: ClassificationOptions = {},
): ClassificationMetrics {
  const accumulator = new ConfusionAccumulator();
  accumulator.addBatch(yTrue, yPred);
  return classificationMetrics(accumulator.finish(), options);
}
