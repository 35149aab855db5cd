/**
 * `mlguide evaluate` for a regressor: scikit-learn's regression metrics, each with a bootstrap
 * interval — all six from the same resamples, drawn once. The rows are fed to one
 * {@link MultiRowBootstrap} (the exact row bootstrap of weighted sums: no n × B indices) in
 * ascending order of their absolute error, so that besides the sums of the mean-type metrics
 * (MAE, MSE, RMSE, R², MAPE) each replicate also finds its median absolute error as its draws
 * pass the middle rank. Memory: the rows (to sort them) and O(B) per metric.
 */
import { binEdges, binOf } from '../profile/histogram';
import {
  MultiRowBootstrap,
  rSquaredFromSums,
  type BootstrapOptions,
  type BootstrapResult,
  type WeightedSumStatistics,
} from '../bootstrap';
import { resolveBootstrapOptions } from '../bootstrap/options';
import { runSteps, runStepsAsync, type StepControl, type Steps } from '../bootstrap/steps';
import { GrowableFloat64Array, MAPE_EPS, RegressionAccumulator, type RegressionMetricKey } from '../metrics';
import { withInterval, type BootstrapReport, type ReportedMetric } from './report';

/** Options of {@link RegressionEvaluator}. */
export interface RegressionEvaluationOptions {
  /** Bootstrap settings; `false` for none. Default: 2,000 BCa resamples at 95 %, seed 0. */
  bootstrap?: BootstrapOptions | false;
}

/** The report of a regressor's evaluation (version 1 of the `evaluate --json` shape). */
export interface RegressionReport {
  version: 1;
  task: 'regression';
  rows: number;
  metrics: Record<RegressionMetricKey, ReportedMetric>;
  bootstrap?: Omit<BootstrapReport, 'scheme'> & { scheme: 'exact' };
  /** What the regression view draws: the residuals' histogram and predicted against actual. */
  plots?: RegressionPlots;
}

/** The residuals (actual − predicted) as a histogram, and the points of a predicted-vs-actual plot. */
export interface RegressionPlots {
  residualHistogram: { edges: number[]; counts: number[] };
  /** Every row up to {@link MAX_PLOT_POINTS}, else every k-th row in file order (`sampled`). */
  points: { actual: number[]; predicted: number[] };
  sampled: boolean;
}

/** Points a predicted-vs-actual plot gets at most: enough to see the shape, small to send. */
export const MAX_PLOT_POINTS = 2000;

/** The plots of `n` rows. */
export function regressionPlots(actual: ArrayLike<number>, predicted: ArrayLike<number>, n: number): RegressionPlots {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const residual = (actual[i] as number) - (predicted[i] as number);
    if (residual < min) min = residual;
    if (residual > max) max = residual;
  }
  const edges = n > 0 ? binEdges(min, max, false) : [];
  const counts = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = binOf(edges, (actual[i] as number) - (predicted[i] as number));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const step = Math.max(1, Math.ceil(n / MAX_PLOT_POINTS));
  const points = { actual: [] as number[], predicted: [] as number[] };
  for (let i = 0; i < n; i += step) {
    points.actual.push(actual[i] as number);
    points.predicted.push(predicted[i] as number);
  }
  return { residualHistogram: { edges, counts }, points, sampled: step > 1 };
}

/** The metrics in the order {@link regressionStatistics} computes them. */
export const REGRESSION_BOOTSTRAP_METRICS: readonly RegressionMetricKey[] = [
  'mean_absolute_error',
  'mean_squared_error',
  'root_mean_squared_error',
  'r2',
  'mean_absolute_percentage_error',
  'median_absolute_error',
];

/** A regression row by its position in the evaluator's columns. */
interface IndexedPair {
  actual: number;
  predicted: number;
}

/**
 * Every regression metric from five weighted sums — Σ w·|e|, Σ w·e², Σ w·|e|/max(|y|, eps),
 * Σ w·(y − c), Σ w·(y − c)² (e = y − ŷ; c the first row's true value, see `rSquaredStatistic`) —
 * and the median of |e|, in the order of {@link REGRESSION_BOOTSTRAP_METRICS}. Rows must come in
 * ascending order of |e|. A fresh statistic per call (the shift c is state).
 */
export function regressionStatistics(): WeightedSumStatistics<IndexedPair> {
  let shift: number | undefined;
  return {
    sums: 5,
    size: REGRESSION_BOOTSTRAP_METRICS.length,
    terms: (row, terms) => {
      shift ??= row.actual;
      const error = row.actual - row.predicted;
      const absolute = Math.abs(error);
      const centred = row.actual - shift;
      terms[0] = absolute;
      terms[1] = error * error;
      terms[2] = absolute / Math.max(Math.abs(row.actual), MAPE_EPS);
      terms[3] = centred;
      terms[4] = centred * centred;
    },
    values: (sums, weight, median, out) => {
      const mse = (sums[1] as number) / weight;
      out[0] = (sums[0] as number) / weight;
      out[1] = mse;
      out[2] = Math.sqrt(mse);
      out[3] = rSquaredFromSums(sums[1] as number, sums[3] as number, sums[4] as number, weight);
      out[4] = (sums[2] as number) / weight;
      out[5] = median;
    },
    medianKey: (row) => Math.abs(row.actual - row.predicted),
  };
}

/** Evaluates a regressor from (true, predicted) rows. */
export class RegressionEvaluator {
  private readonly metrics = new RegressionAccumulator();
  private readonly actual = new GrowableFloat64Array();
  private readonly predicted = new GrowableFloat64Array();

  constructor(private readonly options: RegressionEvaluationOptions = {}) {}

  /** Rows added so far. */
  get count(): number {
    return this.metrics.count;
  }

  /** Adds one row; both values must be finite. */
  add(actual: number, predicted: number): void {
    this.metrics.add(actual, predicted);
    this.actual.push(actual);
    this.predicted.push(predicted);
  }

  /** The report; the row bootstrap runs here (O(n · B) for all six metrics together). */
  finish(): RegressionReport {
    return runSteps(this.finishSteps());
  }

  /** {@link finish} in slices that give the event loop a turn and stop on a cancellation. */
  finishAsync(control: StepControl): Promise<RegressionReport> {
    return runStepsAsync(this.finishSteps(), control);
  }

  /** {@link finish} as steps (see core/src/bootstrap/steps.ts). */
  *finishSteps(): Steps<RegressionReport> {
    const base = this.metrics.finish();
    const settings = this.options.bootstrap === false ? undefined : resolveBootstrapOptions(this.options.bootstrap);
    const n = base.rows;
    const results = new Map<RegressionMetricKey, BootstrapResult>();
    if (settings && n > 0) {
      const actual = this.actual.view();
      const predicted = this.predicted.view();
      const errors = new Float64Array(n);
      for (let i = 0; i < n; i++) errors[i] = Math.abs((actual[i] as number) - (predicted[i] as number));
      // Ties keep file order, so the result depends only on the rows and the seed.
      const order = new Uint32Array(n)
        .map((_, i) => i)
        .sort((a, b) => (errors[a] as number) - (errors[b] as number) || a - b);
      yield;
      const bootstrap = new MultiRowBootstrap(regressionStatistics(), { ...settings, rows: n, scheme: 'exact' });
      for (const i of order) {
        yield* bootstrap.addSteps({ actual: actual[i] as number, predicted: predicted[i] as number });
      }
      const finished = yield* bootstrap.finishSteps();
      REGRESSION_BOOTSTRAP_METRICS.forEach((key, j) => {
        const result = finished[j];
        if (result) results.set(key, result);
      });
    }
    const metrics = {} as Record<RegressionMetricKey, ReportedMetric>;
    for (const [key, value] of Object.entries(base.metrics) as [RegressionMetricKey, ReportedMetric][]) {
      metrics[key] = withInterval(value, results.get(key), settings?.method);
    }
    const report: RegressionReport = {
      version: 1,
      task: 'regression',
      rows: n,
      metrics,
      ...(n > 0 ? { plots: regressionPlots(this.actual.view(), this.predicted.view(), n) } : {}),
    };
    if (settings) {
      report.bootstrap = {
        resamples: settings.resamples,
        confidence: settings.confidence,
        seed: settings.seed,
        method: settings.method,
        scheme: 'exact',
      };
    }
    return report;
  }
}
