/**
 * `mlguide evaluate` for a regressor: scikit-learn's regression metrics, each with a bootstrap
 * interval. The mean-type metrics (MAE, MSE, RMSE, R², MAPE) use the exact row bootstrap of
 * weighted sums (no n × B indices); the median absolute error, which is not a weighted sum, is
 * resampled row by row, so only up to {@link MEDIAN_BOOTSTRAP_MAX_ROWS} rows.
 */
import {
  bootstrapRows,
  meanAbsoluteErrorStatistic,
  meanSquaredErrorStatistic,
  rootMeanSquaredErrorStatistic,
  rSquaredStatistic,
  RowBootstrap,
  weightedMeanStatistic,
  type BootstrapOptions,
  type BootstrapResult,
  type RegressionPair,
  type WeightedSumStatistic,
} from '../bootstrap';
import { resolveBootstrapOptions } from '../bootstrap/options';
import { GrowableFloat64Array, MAPE_EPS, RegressionAccumulator, type RegressionMetricKey } from '../metrics';
import { withInterval, type BootstrapReport, type ReportedMetric } from './report';

/** Above this many rows the median absolute error gets no interval (its bootstrap is O(n · B) memory-bound work). */
export const MEDIAN_BOOTSTRAP_MAX_ROWS = 20_000;

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
}

const STATISTICS: Partial<Record<RegressionMetricKey, () => WeightedSumStatistic<RegressionPair>>> = {
  mean_absolute_error: meanAbsoluteErrorStatistic,
  mean_squared_error: meanSquaredErrorStatistic,
  root_mean_squared_error: rootMeanSquaredErrorStatistic,
  r2: rSquaredStatistic,
  mean_absolute_percentage_error: () =>
    weightedMeanStatistic(
      (row: RegressionPair) => Math.abs(row.actual - row.predicted) / Math.max(Math.abs(row.actual), MAPE_EPS),
    ),
};

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

  /** The report; the row bootstrap runs here (O(n · B) per metric). */
  finish(): RegressionReport {
    const base = this.metrics.finish();
    const settings = this.options.bootstrap === false ? undefined : resolveBootstrapOptions(this.options.bootstrap);
    const n = base.rows;
    const metrics = {} as Record<RegressionMetricKey, ReportedMetric>;
    const actual = this.actual.view();
    const predicted = this.predicted.view();
    for (const [key, value] of Object.entries(base.metrics) as [RegressionMetricKey, ReportedMetric][]) {
      let result: BootstrapResult | undefined;
      let note: string | undefined;
      const statistic = STATISTICS[key];
      if (settings && n > 0 && statistic) {
        const bootstrap = new RowBootstrap(statistic(), { ...settings, rows: n, scheme: 'exact' });
        for (let i = 0; i < n; i++) bootstrap.add({ actual: actual[i] as number, predicted: predicted[i] as number });
        result = bootstrap.finish();
      } else if (settings && n > 0 && key === 'median_absolute_error') {
        if (n <= MEDIAN_BOOTSTRAP_MAX_ROWS) {
          const errors = Array.from({ length: n }, (_, i) =>
            Math.abs((actual[i] as number) - (predicted[i] as number)),
          );
          result = bootstrapRows(errors, median, settings);
        } else {
          note = `no interval: the median's bootstrap resamples rows one by one, done up to ${MEDIAN_BOOTSTRAP_MAX_ROWS.toLocaleString('en-US')} rows`;
        }
      }
      metrics[key] = withInterval(value, result, settings?.method, note);
    }
    const report: RegressionReport = { version: 1, task: 'regression', rows: n, metrics };
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

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
