/**
 * Regression metrics with scikit-learn 1.2's definitions, accumulated in one pass: compensated
 * sums for the means, a shifted Welford variance of y_true for R², and the absolute errors kept
 * (in a growable Float64Array) only for the median.
 */
import { CompensatedSum, GrowableFloat64Array } from './growable';
import { metricValue, MetricInputError, type MetricValue, type MetricWarning } from './types';

/** float64's machine epsilon: `mean_absolute_percentage_error` divides by max(|y|, eps). */
export const MAPE_EPS = 2.220446049250313e-16;

/** The key of a regression metric, named as scikit-learn names the function (without `_score`). */
export type RegressionMetricKey =
  | 'mean_absolute_error'
  | 'mean_squared_error'
  | 'root_mean_squared_error'
  | 'r2'
  | 'mean_absolute_percentage_error'
  | 'median_absolute_error';

/** Regression metrics — the JSON shape `mlguide evaluate --json` prints for a numeric target. */
export interface RegressionMetrics {
  rows: number;
  metrics: Record<RegressionMetricKey, MetricValue>;
}

/** Settings of {@link RegressionAccumulator}. */
export interface RegressionOptions {
  /** Keep the absolute errors for `median_absolute_error` (8 bytes a row); default true. */
  median?: boolean;
}

/** Accumulates (y, ŷ) pairs as they stream in. */
export class RegressionAccumulator {
  private n = 0;
  private readonly absolute = new CompensatedSum();
  private readonly squared = new CompensatedSum();
  private readonly percentage = new CompensatedSum();
  // Welford's running variance of y − shift, the shift being the first y: without it a large mean
  // against a small spread (1e6 ± 1e-3) would cost R² digits.
  private shift = 0;
  private mean = 0;
  private m2 = 0;
  private minTrue = Infinity;
  private maxTrue = -Infinity;
  private readonly errors: GrowableFloat64Array | undefined;

  constructor(options: RegressionOptions = {}) {
    this.errors = options.median === false ? undefined : new GrowableFloat64Array();
  }

  /** Pairs added so far. */
  get count(): number {
    return this.n;
  }

  /** Adds one pair; both must be finite numbers. */
  add(yTrue: number, yPred: number): void {
    if (!Number.isFinite(yTrue) || !Number.isFinite(yPred)) {
      throw new MetricInputError(
        `row ${this.n + 1} has y_true ${yTrue} and y_pred ${yPred}: both must be finite numbers`,
      );
    }
    const error = Math.abs(yPred - yTrue);
    this.absolute.add(error);
    this.squared.add(error * error);
    this.percentage.add(error / Math.max(Math.abs(yTrue), MAPE_EPS));
    this.errors?.push(error);
    if (this.n === 0) this.shift = yTrue;
    this.n++;
    const x = yTrue - this.shift;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
    if (yTrue < this.minTrue) this.minTrue = yTrue;
    if (yTrue > this.maxTrue) this.maxTrue = yTrue;
  }

  /** Adds a chunk of pairs; the two arrays are aligned. */
  addBatch(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
    if (yTrue.length !== yPred.length) {
      throw new MetricInputError(`y_true has ${yTrue.length} rows but y_pred has ${yPred.length}`);
    }
    for (let i = 0; i < yTrue.length; i++) this.add(yTrue[i] as number, yPred[i] as number);
  }

  /** The metrics of the pairs added so far. */
  finish(): RegressionMetrics {
    const n = this.n;
    if (n === 0) {
      const none = (): MetricValue =>
        metricValue(NaN, { warnings: [{ code: 'note', message: 'undefined without rows' }] });
      return {
        rows: 0,
        metrics: {
          mean_absolute_error: none(),
          mean_squared_error: none(),
          root_mean_squared_error: none(),
          r2: none(),
          mean_absolute_percentage_error: none(),
          median_absolute_error: none(),
        },
      };
    }
    const mse = this.squared.value / n;
    return {
      rows: n,
      metrics: {
        mean_absolute_error: metricValue(this.absolute.value / n),
        mean_squared_error: metricValue(mse),
        root_mean_squared_error: metricValue(Math.sqrt(mse)),
        r2: this.r2(),
        mean_absolute_percentage_error: metricValue(this.percentage.value / n),
        median_absolute_error: this.errors
          ? metricValue(median(this.errors.view()))
          : metricValue(NaN, { warnings: [{ code: 'note', message: 'the errors were not kept (median: false)' }] }),
      },
    };
  }

  /**
   * scikit-learn's `r2_score` with `force_finite=True` (its default since 1.1): NaN below two
   * rows; 1 for perfect predictions (even of a constant y_true); 0 for imperfect predictions of a
   * constant y_true; else 1 − SSres / SStot.
   */
  private r2(): MetricValue {
    if (this.n < 2) {
      return metricValue(NaN, {
        warnings: [{ code: 'undefined', message: 'R^2 score is not well-defined with less than two samples.' }],
      });
    }
    const residual = this.squared.value;
    if (residual === 0) return metricValue(1);
    if (this.minTrue === this.maxTrue) {
      const warning: MetricWarning = {
        code: 'note',
        message: 'y_true is constant, so R² is undefined; set to 0.0 as scikit-learn does (force_finite)',
      };
      return metricValue(0, { warnings: [warning] });
    }
    return metricValue(1 - residual / this.m2);
  }
}

/** numpy's median: the middle value, or the mean of the two middle values. Sorts a copy. */
function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Every regression metric of aligned arrays of true and predicted values. */
export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionMetrics {
  const accumulator = new RegressionAccumulator();
  accumulator.addBatch(yTrue, yPred);
  return accumulator.finish();
}
