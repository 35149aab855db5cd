/**
 * Metrics of a multiclass classifier's per-class scores, with scikit-learn 1.2's definitions:
 * `roc_auc_score(multi_class='ovr', average='macro')` and `log_loss`.
 */
import { CompensatedSum, GrowableFloat64Array, GrowableUint32Array } from './growable';
import { binaryCurve, LOG_LOSS_EPS, rocAuc } from './scores';
import { metricValue, MetricInputError, type MetricValue } from './types';

/** A row's scores sum to 1 as `np.allclose(1, row_sum)` judges it (rtol 1e-5, atol 1e-8). */
function sumsToOne(sum: number): boolean {
  return Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum);
}

/** Per-class scores of every row, with the true class of each, as collected by {@link MulticlassScoreAccumulator}. */
export interface MulticlassScores {
  /** The classes, in the order of `columns`. */
  labels: string[];
  /** Index into `labels` of each row's true class. */
  trueClass: Uint32Array;
  /** `columns[c][row]`: the score of class `labels[c]` for that row. */
  columns: Float64Array[];
  /** Whether every row's scores sum to 1 (within numpy's `allclose` tolerance). */
  rowsSumToOne: boolean;
}

/**
 * Collects each row's true label and one score per class (the columns in the order of `labels`).
 * A true label that is not among `labels` is an input error.
 */
export class MulticlassScoreAccumulator {
  private readonly index: Map<string, number>;
  private readonly trueClass = new GrowableUint32Array();
  private readonly columns: GrowableFloat64Array[];
  private allSumToOne = true;

  constructor(private readonly labels: readonly string[]) {
    if (labels.length < 2) throw new MetricInputError('multiclass scores need at least two classes');
    this.index = new Map(labels.map((label, i) => [label, i]));
    if (this.index.size !== labels.length) throw new MetricInputError('the score columns name a class twice');
    this.columns = labels.map(() => new GrowableFloat64Array());
  }

  /** Rows added so far. */
  get count(): number {
    return this.trueClass.length;
  }

  /** Adds a chunk of rows: `columns[c][i]` is row i's score of class `labels[c]`. */
  addBatch(yTrue: readonly string[], columns: readonly ArrayLike<number>[]): void {
    const k = this.labels.length;
    if (columns.length !== k) throw new MetricInputError(`expected ${k} score columns, got ${columns.length}`);
    for (const column of columns) {
      if (column.length !== yTrue.length) {
        throw new MetricInputError(`y_true has ${yTrue.length} rows but a score column has ${column.length}`);
      }
    }
    for (let i = 0; i < yTrue.length; i++) {
      const label = yTrue[i] as string;
      const c = this.index.get(label);
      if (c === undefined) {
        throw new MetricInputError(`y_true contains ${JSON.stringify(label)}, which has no score column`);
      }
      this.trueClass.push(c);
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const score = (columns[j] as ArrayLike<number>)[i] as number;
        if (!Number.isFinite(score)) {
          throw new MetricInputError(
            `score of row ${this.trueClass.length} is ${score}: scores must be finite numbers`,
          );
        }
        (this.columns[j] as GrowableFloat64Array).push(score);
        sum += score;
      }
      if (this.allSumToOne && !sumsToOne(sum)) this.allSumToOne = false;
    }
  }

  /** The collected scores. */
  finish(): MulticlassScores {
    return {
      labels: [...this.labels],
      trueClass: this.trueClass.view().slice(),
      columns: this.columns.map((column) => column.view().slice()),
      rowsSumToOne: this.allSumToOne,
    };
  }
}

/** One-vs-rest ROC AUC: the macro average and each class's. */
export interface OvrRocAuc extends MetricValue {
  /** Each class's AUC against the rest. */
  perClass: { label: string; roc_auc: MetricValue }[];
}

/**
 * scikit-learn's `roc_auc_score(y_true, scores, multi_class='ovr', average='macro')`: each class's
 * binary ROC AUC against all the others, averaged. Where scikit-learn raises — rows whose scores
 * do not sum to 1, a class that never occurs in y_true — the value is NaN with its message.
 */
export function rocAucOvr(scores: MulticlassScores): OvrRocAuc {
  const perClass = scores.labels.map((label, c) => ({ label, roc_auc: oneVsRest(scores, c) }));
  if (!scores.rowsSumToOne) {
    return {
      ...metricValue(NaN, {
        warnings: [
          {
            code: 'undefined',
            message:
              'Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes',
          },
        ],
      }),
      perClass,
    };
  }
  const undefinedClass = perClass.find((entry) => Number.isNaN(entry.roc_auc.value));
  if (undefinedClass) {
    return { ...metricValue(NaN, { warnings: undefinedClass.roc_auc.warnings ?? [] }), perClass };
  }
  let sum = 0;
  for (const entry of perClass) sum += entry.roc_auc.value;
  return { ...metricValue(sum / perClass.length), perClass };
}

function oneVsRest(scores: MulticlassScores, c: number): MetricValue {
  const column = scores.columns[c] as Float64Array;
  const trueClass = scores.trueClass;
  let positives = 0;
  for (let i = 0; i < trueClass.length; i++) if (trueClass[i] === c) positives++;
  const positiveScores = new Float64Array(positives);
  const negativeScores = new Float64Array(trueClass.length - positives);
  let p = 0;
  let n = 0;
  for (let i = 0; i < trueClass.length; i++) {
    if (trueClass[i] === c) positiveScores[p++] = column[i] as number;
    else negativeScores[n++] = column[i] as number;
  }
  positiveScores.sort();
  negativeScores.sort();
  return rocAuc(binaryCurve({ positive: scores.labels[c] as string, positiveScores, negativeScores }));
}

/**
 * scikit-learn's `log_loss(y_true, scores, labels=labels)`: each score clipped to
 * [{@link LOG_LOSS_EPS}, 1 − eps], each row renormalised to sum 1, the mean of −log of the true
 * class's share.
 */
export function multiclassLogLoss(scores: MulticlassScores): MetricValue {
  const n = scores.trueClass.length;
  if (n === 0) return metricValue(NaN, { warnings: [{ code: 'note', message: 'log_loss is undefined without rows' }] });
  const high = 1 - LOG_LOSS_EPS;
  const clip = (x: number): number => Math.min(Math.max(x, LOG_LOSS_EPS), high);
  const sum = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (const column of scores.columns) rowSum += clip(column[i] as number);
    const own = clip((scores.columns[scores.trueClass[i] as number] as Float64Array)[i] as number);
    sum.add(-Math.log(own / rowSum));
  }
  return metricValue(sum.value / n);
}

/** The multiclass score metrics — the JSON shape `mlguide evaluate` prints for per-class scores. */
export interface MulticlassScoreMetrics {
  labels: string[];
  rows: number;
  metrics: { roc_auc_ovr: OvrRocAuc; log_loss: MetricValue };
}

/** {@link rocAucOvr} and {@link multiclassLogLoss} of collected scores. */
export function multiclassScoreMetrics(scores: MulticlassScores): MulticlassScoreMetrics {
  return {
    labels: [...scores.labels],
    rows: scores.trueClass.length,
    metrics: { roc_auc_ovr: rocAucOvr(scores), log_loss: multiclassLogLoss(scores) },
  };
}

/** {@link multiclassScoreMetrics} of labels and one score column per class of `labels`. */
export function evaluateMulticlassScores(
  yTrue: readonly string[],
  labels: readonly string[],
  columns: readonly ArrayLike<number>[],
): MulticlassScoreMetrics {
  const accumulator = new MulticlassScoreAccumulator(labels);
  accumulator.addBatch(yTrue, columns);
  return multiclassScoreMetrics(accumulator.finish());
}
