/**
 * Metrics of a binary classifier's scores, with scikit-learn 1.2's definitions: ROC and
 * precision–recall curves (`roc_curve`, `precision_recall_curve`), `roc_auc_score`,
 * `average_precision_score`, `log_loss`, and a threshold sweep.
 *
 * Scores stream into a growable Float64Array beside each row's label index; `finish()` splits
 * them by true class and sorts each half once (a native Float64Array sort, no index sort), and
 * {@link binaryCurve} walks both halves from the top, which gives scikit-learn's
 * `_binary_clf_curve`: one point per distinct score, tied rows entering together.
 */
import { GrowableFloat64Array, GrowableUint32Array, CompensatedSum } from './growable';
import { sortLabels } from './labels';
import { fscore } from './classification';
import {
  checkZeroDivision,
  metricValue,
  MetricInputError,
  zeroDivisionValue,
  type MetricValue,
  type MetricWarning,
  type ZeroDivision,
} from './types';

/** float64's machine epsilon: scikit-learn 1.2's `log_loss(eps='auto')` clips probabilities to [eps, 1 − eps]. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/** The scores of a binary problem, split by true class and sorted ascending. */
export interface BinaryScores {
  /** The positive label. */
  positive: string;
  /** Scores of the rows whose true label is `positive`, ascending. */
  positiveScores: Float64Array;
  /** Scores of the other rows, ascending. */
  negativeScores: Float64Array;
}

/**
 * Collects (true label, score of the positive class) pairs. Without a positive label, `finish()`
 * takes the greater of y_true's two labels (in {@link sortLabels} order), as `roc_auc_score` does.
 */
export class BinaryScoreAccumulator {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly labels = new GrowableUint32Array();
  private readonly scores = new GrowableFloat64Array();

  constructor(private readonly positive?: string) {}

  /** Rows added so far. */
  get count(): number {
    return this.scores.length;
  }

  /** Adds one row; the score must be a finite number. */
  add(trueLabel: string, score: number): void {
    if (!Number.isFinite(score)) {
      throw new MetricInputError(`score of row ${this.scores.length + 1} is ${score}: scores must be finite numbers`);
    }
    let i = this.index.get(trueLabel);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(trueLabel, i);
      this.names.push(trueLabel);
    }
    this.labels.push(i);
    this.scores.push(score);
  }

  /** Adds a chunk of rows; the two arrays are aligned. */
  addBatch(yTrue: readonly string[], scores: ArrayLike<number>): void {
    if (yTrue.length !== scores.length) {
      throw new MetricInputError(`y_true has ${yTrue.length} rows but the scores have ${scores.length}`);
    }
    for (let i = 0; i < yTrue.length; i++) this.add(yTrue[i] as string, scores[i] as number);
  }

  private greaterLabel(): string {
    const labels = sortLabels(this.names);
    if (labels.length !== 2) {
      throw new MetricInputError(
        `y_true has ${labels.length} labels (${labels.join(', ')}): say which label is positive`,
      );
    }
    return labels[1] as string;
  }

  /** The scores split by class and sorted. */
  finish(): BinaryScores {
    const positive = this.positive ?? this.greaterLabel();
    const positiveIndex = this.index.get(positive) ?? -1;
    const labels = this.labels.view();
    const scores = this.scores.view();
    let positives = 0;
    for (let i = 0; i < labels.length; i++) if (labels[i] === positiveIndex) positives++;
    const positiveScores = new Float64Array(positives);
    const negativeScores = new Float64Array(labels.length - positives);
    let p = 0;
    let n = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === positiveIndex) positiveScores[p++] = scores[i] as number;
      else negativeScores[n++] = scores[i] as number;
    }
    positiveScores.sort();
    negativeScores.sort();
    return { positive, positiveScores, negativeScores };
  }
}

/** Splits and sorts `scores` (of the positive class) by `yTrue`; see {@link BinaryScoreAccumulator}. */
export function binaryScores(yTrue: readonly string[], scores: ArrayLike<number>, positive?: string): BinaryScores {
  const accumulator = new BinaryScoreAccumulator(positive);
  accumulator.addBatch(yTrue, scores);
  return accumulator.finish();
}

/**
 * scikit-learn's `_binary_clf_curve`: for each distinct score, in decreasing order, the number of
 * positive and negative rows scoring at least that much.
 */
export interface BinaryCurve {
  /** Distinct scores, decreasing. */
  thresholds: Float64Array;
  /** Positive rows with score ≥ `thresholds[i]` (scikit-learn's `tps`). */
  truePositives: Float64Array;
  /** Negative rows with score ≥ `thresholds[i]` (`fps`). */
  falsePositives: Float64Array;
  /** All positive rows. */
  positives: number;
  /** All negative rows. */
  negatives: number;
}

/** Merges the two sorted halves from the top into {@link BinaryCurve}. */
export function binaryCurve(scores: BinaryScores): BinaryCurve {
  const pos = scores.positiveScores;
  const neg = scores.negativeScores;
  const capacity = pos.length + neg.length;
  if (capacity === 0) throw new MetricInputError('no rows to compute a curve from');
  const thresholds = new Float64Array(capacity);
  const truePositives = new Float64Array(capacity);
  const falsePositives = new Float64Array(capacity);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    const top = i < 0 ? (neg[j] as number) : j < 0 ? (pos[i] as number) : Math.max(pos[i] as number, neg[j] as number);
    // `===` treats −0 and 0 as one score, as numpy's `diff` does.
    while (i >= 0 && pos[i] === top) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === top) {
      fp++;
      j--;
    }
    thresholds[m] = top;
    truePositives[m] = tp;
    falsePositives[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.slice(0, m),
    truePositives: truePositives.slice(0, m),
    falsePositives: falsePositives.slice(0, m),
    positives: pos.length,
    negatives: neg.length,
  };
}

/** A ROC curve, as scikit-learn's `roc_curve` returns it. */
export interface RocCurve {
  /** False positive rate per threshold; NaN throughout when y_true has no negative row. */
  fpr: number[];
  /** True positive rate per threshold; NaN throughout when y_true has no positive row. */
  tpr: number[];
  /** Decreasing; the first is the highest score + 1 (scikit-learn 1.2; ≥ 1.3 writes ∞). */
  thresholds: number[];
  warnings?: MetricWarning[];
}

/**
 * scikit-learn's `roc_curve`. `dropIntermediate` (default true, as scikit-learn's) leaves out the
 * points that lie on a straight line between their neighbours; they do not change the curve.
 */
export function rocCurve(curve: BinaryCurve, options: { dropIntermediate?: boolean } = {}): RocCurve {
  const { thresholds, truePositives: tps, falsePositives: fps } = curve;
  const m = thresholds.length;
  let kept: number[];
  if ((options.dropIntermediate ?? true) && m > 2) {
    kept = [0];
    for (let i = 1; i < m - 1; i++) {
      const fpsBend = (fps[i + 1] as number) - 2 * (fps[i] as number) + (fps[i - 1] as number);
      const tpsBend = (tps[i + 1] as number) - 2 * (tps[i] as number) + (tps[i - 1] as number);
      if (fpsBend !== 0 || tpsBend !== 0) kept.push(i);
    }
    kept.push(m - 1);
  } else {
    kept = Array.from({ length: m }, (_, i) => i);
  }
  const warnings: MetricWarning[] = [];
  const lastFp = fps[m - 1] as number;
  const lastTp = tps[m - 1] as number;
  if (lastFp <= 0) {
    warnings.push({
      code: 'undefined',
      message: 'No negative samples in y_true, false positive value should be meaningless',
    });
  }
  if (lastTp <= 0) {
    warnings.push({
      code: 'undefined',
      message: 'No positive samples in y_true, true positive value should be meaningless',
    });
  }
  const fpr = [lastFp > 0 ? 0 : NaN];
  const tpr = [lastTp > 0 ? 0 : NaN];
  const out = [(thresholds[0] as number) + 1];
  for (const i of kept) {
    fpr.push(lastFp > 0 ? (fps[i] as number) / lastFp : NaN);
    tpr.push(lastTp > 0 ? (tps[i] as number) / lastTp : NaN);
    out.push(thresholds[i] as number);
  }
  const result: RocCurve = { fpr, tpr, thresholds: out };
  if (warnings.length > 0) result.warnings = warnings;
  return result;
}

/** A precision–recall curve, as scikit-learn's `precision_recall_curve` returns it. */
export interface PrecisionRecallCurve {
  /** One more than the thresholds: the last point is (recall 0, precision 1). */
  precision: number[];
  recall: number[];
  /** Increasing: every distinct score. */
  thresholds: number[];
  warnings?: MetricWarning[];
}

const NO_POSITIVE_CLASS = 'No positive class found in y_true, recall is set to one for all thresholds.';

/** scikit-learn's `precision_recall_curve` (1.2: every distinct score is a threshold). */
export function precisionRecallCurve(curve: BinaryCurve): PrecisionRecallCurve {
  const { thresholds, truePositives: tps, falsePositives: fps } = curve;
  const m = thresholds.length;
  const positives = tps[m - 1] as number;
  const precision: number[] = [];
  const recall: number[] = [];
  const out: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const tp = tps[i] as number;
    const predicted = tp + (fps[i] as number);
    precision.push(predicted === 0 ? 0 : tp / predicted);
    recall.push(positives === 0 ? 1 : tp / positives);
    out.push(thresholds[i] as number);
  }
  precision.push(1);
  recall.push(0);
  const result: PrecisionRecallCurve = { precision, recall, thresholds: out };
  if (positives === 0) result.warnings = [{ code: 'undefined', message: NO_POSITIVE_CLASS }];
  return result;
}

/**
 * scikit-learn's `roc_auc_score` of a binary problem: the area under the ROC curve, tied scores
 * counting half. Computed from the integer counts (exact up to 2^53 / 2 positive·negative pairs),
 * then one division. NaN with scikit-learn's message when y_true has a single class.
 */
export function rocAuc(curve: BinaryCurve): MetricValue {
  if (curve.positives === 0 || curve.negatives === 0) {
    return metricValue(NaN, {
      warnings: [
        { code: 'undefined', message: 'Only one class present in y_true. ROC AUC score is not defined in that case.' },
      ],
    });
  }
  const { truePositives: tps, falsePositives: fps } = curve;
  let twiceArea = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let i = 0; i < tps.length; i++) {
    const tp = tps[i] as number;
    const fp = fps[i] as number;
    twiceArea += (fp - previousFp) * (tp + previousTp);
    previousTp = tp;
    previousFp = fp;
  }
  return metricValue(twiceArea / (2 * curve.positives * curve.negatives));
}

/**
 * scikit-learn's `average_precision_score`: Σ (Rₙ − Rₙ₋₁)·Pₙ over the distinct scores, the step
 * function under the precision–recall curve (not interpolated). 0 with scikit-learn's warning
 * when y_true has no positive row.
 */
export function averagePrecision(curve: BinaryCurve): MetricValue {
  const { truePositives: tps, falsePositives: fps } = curve;
  const positives = curve.positives;
  let sum = 0;
  let previousRecall = 0;
  for (let i = 0; i < tps.length; i++) {
    const tp = tps[i] as number;
    const recall = positives === 0 ? 1 : tp / positives;
    sum += (recall - previousRecall) * (tp / (tp + (fps[i] as number)));
    previousRecall = recall;
  }
  if (positives === 0) return metricValue(0, { warnings: [{ code: 'undefined', message: NO_POSITIVE_CLASS }] });
  return metricValue(sum);
}

/**
 * scikit-learn's `log_loss` with the scores as probabilities of the positive class and both
 * classes known (`labels=[negative, positive]`): each probability clipped to
 * [{@link LOG_LOSS_EPS}, 1 − eps], the pair (1 − p, p) renormalised, the mean of −log of the true
 * class's share.
 */
export function binaryLogLoss(scores: BinaryScores): MetricValue {
  const sum = new CompensatedSum();
  const high = 1 - LOG_LOSS_EPS;
  for (const p of scores.positiveScores) {
    const q = Math.min(Math.max(p, LOG_LOSS_EPS), high);
    sum.add(-Math.log(q / (1 - q + q)));
  }
  for (const p of scores.negativeScores) {
    const q = Math.min(Math.max(p, LOG_LOSS_EPS), high);
    const complement = 1 - q;
    sum.add(-Math.log(complement / (complement + q)));
  }
  const n = scores.positiveScores.length + scores.negativeScores.length;
  if (n === 0) return metricValue(NaN, { warnings: [{ code: 'note', message: 'log_loss is undefined without rows' }] });
  return metricValue(sum.value / n);
}

/** The counts and rates at one threshold of a sweep (a row is positive when its score ≥ threshold). */
export interface ThresholdPoint {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** tp / (tp + fp), or the zero-division value when nothing is predicted positive. */
  precision: number;
  /** tp / (tp + fn), or the zero-division value when y_true has no positive row. */
  recall: number;
  /** F1 as scikit-learn's `f1_score(average='binary')`. */
  f1: number;
  /** F-beta as `fbeta_score(average='binary', beta=β)`, when the sweep was given a β. */
  fbeta?: number;
  /** fp / (fp + tn), as `roc_curve`'s; NaN when y_true has no negative row. */
  fpr: number;
  /** (tp + tn) / rows. */
  accuracy: number;
  /** The metrics of this point that were 0/0 and replaced. */
  zeroDivision?: ('precision' | 'recall' | 'f1' | 'fbeta')[];
}

/**
 * Confusion counts, precision, recall, F1 (and F-beta when `beta` is given), false positive rate
 * and accuracy at each threshold, by binary search in the sorted scores (O(log n) per threshold).
 * Precision, recall and the F-scores follow scikit-learn's
 * `precision_recall_fscore_support(average='binary', beta=…, zero_division=…)`.
 */
export function thresholdSweep(
  scores: BinaryScores,
  thresholds: readonly number[],
  zeroDivision: ZeroDivision = 'warn',
  beta?: number,
): ThresholdPoint[] {
  const zdv = zeroDivisionValue(checkZeroDivision(zeroDivision));
  const positives = scores.positiveScores.length;
  const negatives = scores.negativeScores.length;
  return thresholds.map((threshold) => {
    if (Number.isNaN(threshold)) throw new MetricInputError('a threshold is NaN');
    const tp = positives - lowerBound(scores.positiveScores, threshold);
    const fp = negatives - lowerBound(scores.negativeScores, threshold);
    const fn = positives - tp;
    const tn = negatives - fp;
    const predicted = tp + fp;
    const precision = predicted === 0 ? zdv : tp / predicted;
    const recall = positives === 0 ? zdv : tp / positives;
    let f1: number;
    if (positives + predicted === 0) f1 = zdv;
    else if (tp === 0) f1 = 0;
    else f1 = (2 * precision * recall) / (precision + recall);
    const point: ThresholdPoint = {
      threshold,
      tp,
      fp,
      fn,
      tn,
      precision,
      recall,
      f1,
      fpr: negatives === 0 ? NaN : fp / negatives,
      accuracy: (tp + tn) / (positives + negatives),
    };
    if (beta !== undefined) point.fbeta = fscore(precision, recall, tp, positives, predicted, beta, zdv);
    const zero: ('precision' | 'recall' | 'f1' | 'fbeta')[] = [];
    if (predicted === 0) zero.push('precision');
    if (positives === 0) zero.push('recall');
    if (positives + predicted === 0)
      zero.push(...(beta === undefined ? (['f1'] as const) : (['f1', 'fbeta'] as const)));
    if (zero.length > 0) point.zeroDivision = zero;
    return point;
  });
}

/** The most thresholds a sweep takes (a list, or the points of a grid). */
export const MAX_SWEEP_THRESHOLDS = 10_001;

/**
 * The thresholds of a sweep: a list as given, or for a count g (an integer ≥ 2) an even grid of g
 * thresholds from 0 to 1 — i/(g − 1) — when every score is a probability, else from the lowest to
 * the highest score. Throws a MetricInputError on a non-finite threshold, a bad count, or more
 * than {@link MAX_SWEEP_THRESHOLDS}.
 */
export function sweepThresholds(scores: BinaryScores, thresholds: readonly number[] | number): number[] {
  if (typeof thresholds === 'number') {
    if (!(Number.isSafeInteger(thresholds) && thresholds >= 2 && thresholds <= MAX_SWEEP_THRESHOLDS)) {
      throw new MetricInputError(
        `a threshold grid needs an integer count from 2 to ${MAX_SWEEP_THRESHOLDS}, got ${thresholds}`,
      );
    }
    const all = [scores.positiveScores, scores.negativeScores].filter((s) => s.length > 0);
    const low = Math.min(...all.map((s) => s[0] as number));
    const high = Math.max(...all.map((s) => s[s.length - 1] as number));
    const steps = thresholds - 1;
    if (low >= 0 && high <= 1) return Array.from({ length: thresholds }, (_, i) => i / steps);
    return Array.from({ length: thresholds }, (_, i) => (i === steps ? high : low + ((high - low) * i) / steps));
  }
  // Options can come from JSON, past the type checker.
  const given: unknown = thresholds;
  if (!Array.isArray(given)) {
    throw new MetricInputError(
      `thresholds must be a list of numbers or a grid count, got ${JSON.stringify(thresholds)}`,
    );
  }
  if (thresholds.length > MAX_SWEEP_THRESHOLDS) {
    throw new MetricInputError(`a sweep takes at most ${MAX_SWEEP_THRESHOLDS} thresholds, got ${thresholds.length}`);
  }
  const bad = (given as unknown[]).find((t) => typeof t !== 'number' || !Number.isFinite(t));
  if (bad !== undefined) {
    const shown = typeof bad === 'number' ? String(bad) : JSON.stringify(bad);
    throw new MetricInputError(`a threshold is ${shown}: thresholds must be finite numbers`);
  }
  return [...thresholds];
}

/** The first index whose value is ≥ `x` in an ascending array. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Settings of {@link binaryScoreMetrics}. */
export interface BinaryScoreOptions {
  /** The positive label; default the greater of y_true's two labels. */
  positive?: string;
  /**
   * Thresholds of the sweep, or how many of an even grid (see {@link sweepThresholds}); none by
   * default.
   */
  thresholds?: readonly number[] | number;
  /** β of the sweep's F-beta (none by default). */
  beta?: number;
  /** Zero division of the sweep's precision, recall and F1; default `'warn'`. */
  zeroDivision?: ZeroDivision;
  /** `roc_curve`'s `drop_intermediate`; default true. */
  dropIntermediate?: boolean;
}

/** The score metrics of a binary problem — the JSON shape `mlguide evaluate --score --json` prints. */
export interface BinaryScoreMetrics {
  positive: string;
  rows: number;
  metrics: { roc_auc: MetricValue; average_precision: MetricValue; log_loss: MetricValue };
  roc_curve: RocCurve;
  precision_recall_curve: PrecisionRecallCurve;
  threshold_sweep?: ThresholdPoint[];
}

/** Every score metric of sorted binary scores (one sort serves them all). */
export function binaryScoreMetrics(scores: BinaryScores, options: BinaryScoreOptions = {}): BinaryScoreMetrics {
  const curve = binaryCurve(scores);
  const result: BinaryScoreMetrics = {
    positive: scores.positive,
    rows: curve.positives + curve.negatives,
    metrics: { roc_auc: rocAuc(curve), average_precision: averagePrecision(curve), log_loss: binaryLogLoss(scores) },
    roc_curve: rocCurve(curve, { dropIntermediate: options.dropIntermediate ?? true }),
    precision_recall_curve: precisionRecallCurve(curve),
  };
  if (options.thresholds !== undefined) {
    result.threshold_sweep = thresholdSweep(
      scores,
      sweepThresholds(scores, options.thresholds),
      options.zeroDivision,
      options.beta,
    );
  }
  return result;
}

/** {@link binaryScoreMetrics} of label and score arrays. */
export function evaluateBinaryScores(
  yTrue: readonly string[],
  scores: ArrayLike<number>,
  options: BinaryScoreOptions = {},
): BinaryScoreMetrics {
  return binaryScoreMetrics(binaryScores(yTrue, scores, options.positive), options);
}
