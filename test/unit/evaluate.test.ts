// The evaluation pipeline: metrics from the metrics module with bootstrap intervals, and the
// score-table form of the score metrics that makes their bootstrap cost independent of n.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bootstrapRows,
  countsJackknife,
  meanAbsoluteErrorStatistic,
  meanSquaredErrorStatistic,
  rootMeanSquaredErrorStatistic,
  RowBootstrap,
  rSquaredStatistic,
  StepsCancelled,
  weightedMeanStatistic,
  type BootstrapResult,
  type RegressionPair,
  type WeightedSumStatistic,
} from '../../core/src/bootstrap';
import {
  AUTO_REGRESSION_MIN_DISTINCT,
  ClassificationEvaluator,
  PredictionsEvaluator,
  RegressionEvaluator,
} from '../../core/src/evaluate';
import { PairedComparison } from '../../core/src/compare/paired';
import { scoreTable, scoreTableJackknife, scoreTableMetrics } from '../../core/src/evaluate/scoreTable';
import {
  averagePrecision,
  binaryCurve,
  binaryLogLoss,
  binaryScores,
  evaluateClassification,
  MAPE_EPS,
  regressionMetrics,
  rocAuc,
  type RegressionMetricKey,
} from '../../core/src/metrics';
import { createRng } from '../../core/src/random/rng';
import { assertClose } from './support';

/** A binary problem with scores rounded to `digits` (so ties occur), deterministic by seed. */
function binaryRows(n: number, seed: number, digits = 2): { y: string[]; score: number[]; pred: string[] } {
  const rng = createRng(seed);
  const y: string[] = [];
  const score: number[] = [];
  for (let i = 0; i < n; i++) {
    const positive = rng.next() < 0.3;
    y.push(positive ? 'yes' : 'no');
    score.push(Number(Math.min(1, Math.max(0, (positive ? 0.65 : 0.35) + (rng.next() - 0.5) * 0.8)).toFixed(digits)));
  }
  return { y, score, pred: score.map((s) => (s >= 0.5 ? 'yes' : 'no')) };
}

function tableCells(y: string[], score: number[]): { values: Float64Array; cells: Float64Array } {
  const table = scoreTable(binaryScores(y, score, 'yes'));
  const cells = new Float64Array(table.values.length * 2);
  cells.set(table.positives, 0);
  cells.set(table.negatives, table.values.length);
  return { values: table.values, cells };
}

describe('score metrics from a table of counts per distinct score', () => {
  for (const [n, digits] of [
    [50, 1],
    [500, 2],
    [3000, 6],
  ] as const) {
    it(`equal the row-wise metrics (n = ${n}, scores to ${digits} decimals)`, () => {
      const { y, score } = binaryRows(n, n, digits);
      const sorted = binaryScores(y, score, 'yes');
      const curve = binaryCurve(sorted);
      const { values, cells } = tableCells(y, score);
      const [auc, ap, logLoss] = scoreTableMetrics(values, cells);
      assertClose(auc, rocAuc(curve).value, 1e-12, 'roc_auc');
      assertClose(ap, averagePrecision(curve).value, 1e-12, 'average_precision');
      assertClose(logLoss, binaryLogLoss(sorted).value, 1e-12, 'log_loss');
    });
  }

  for (const [n, digits] of [
    [40, 1],
    [600, 2],
    [2000, 6],
  ] as const) {
    it(`leave-one-out values in O(d) equal one evaluation per cell (n = ${n}, scores to ${digits} decimals)`, () => {
      const { y, score } = binaryRows(n, n + 1, digits);
      const { values, cells } = tableCells(y, score);
      const fast = scoreTableJackknife(values, cells);
      [0, 1, 2].forEach((m) => {
        const slow = countsJackknife(cells, (table) => scoreTableMetrics(values, table)[m] as number);
        const mine = fast[m];
        assert.ok(mine, `metric ${m}`);
        assert.deepEqual(Array.from(mine.counts), Array.from(slow.counts), `metric ${m} multiplicities`);
        Array.from(slow.values).forEach((value, i) => {
          assertClose(mine.values[i], value, 1e-12, `metric ${m}, cell ${i}`);
        });
      });
    });
  }

  it('leave-one-out values are NaN where a class would have no rows left, as the metrics are', () => {
    const { values, cells } = tableCells(['yes', 'no', 'no'], [0.7, 0.2, 0.7]);
    const fast = scoreTableJackknife(values, cells);
    const slow = [0, 1, 2].map((m) => countsJackknife(cells, (table) => scoreTableMetrics(values, table)[m] as number));
    fast.forEach((column, m) => {
      assert.deepEqual(
        Array.from(column.values).map((v) => (Number.isNaN(v) ? 'NaN' : Number(v.toFixed(12)))),
        Array.from(slow[m]?.values ?? []).map((v) => (Number.isNaN(v) ? 'NaN' : Number(v.toFixed(12)))),
        `metric ${m}`,
      );
    });
  });

  it('is NaN where a class has no rows', () => {
    const { values, cells } = tableCells(['yes', 'yes'], [0.2, 0.9]);
    const [auc, ap] = scoreTableMetrics(values, cells);
    assert.ok(Number.isNaN(auc));
    assert.equal(ap, 1);
  });
});

describe('ClassificationEvaluator', () => {
  const { y, score, pred } = binaryRows(400, 11);
  const evaluate = (seed: number, withScores = true): ReturnType<ClassificationEvaluator['finish']> => {
    const evaluator = new ClassificationEvaluator({ positive: 'yes', beta: 2, bootstrap: { resamples: 500, seed } });
    y.forEach((t, i) => evaluator.add(t, pred[i] as string, withScores ? score[i] : undefined));
    return evaluator.finish();
  };

  it('reports the metrics module’s values, each with an interval around it', () => {
    const report = evaluate(3);
    const expected = evaluateClassification(y, pred, { positive: 'yes', beta: 2 });
    assert.equal(report.rows, 400);
    assert.deepEqual(report.confusion_matrix, expected.confusion_matrix);
    for (const [key, metric] of Object.entries(expected.metrics)) {
      const reported = report.metrics[key];
      assert.ok(reported, key);
      assert.equal(reported.value, metric.value, key);
      assert.ok(reported.ci, `${key} has an interval`);
      const [low, high] = reported.ci;
      assert.ok(
        low <= reported.value + 1e-12 && reported.value <= high + 1e-12,
        `${key}: ${low} ≤ ${reported.value} ≤ ${high}`,
      );
    }
    for (const c of report.perClass) assert.ok(c.f1.ci && c.fbeta?.ci, `${c.label} per-class intervals`);
    assert.deepEqual(report.bootstrap, {
      resamples: 500,
      confidence: 0.95,
      seed: 3,
      method: 'bca',
      scheme: 'multinomial',
    });
  });

  it('gives the same intervals for the same seed and different ones for another', () => {
    assert.deepEqual(evaluate(3), evaluate(3));
    assert.notDeepEqual(evaluate(3).metrics.accuracy?.ci, evaluate(4).metrics.accuracy?.ci);
  });

  it('bootstraps the score metrics over distinct scores like resampling rows does', () => {
    const report = evaluate(5);
    const auc = report.scores?.metrics.roc_auc;
    assert.ok(auc?.ci);
    const rows = y.map((t, i) => ({ t, s: score[i] as number }));
    const byRows = bootstrapRows(
      rows,
      (sample) =>
        rocAuc(
          binaryCurve(
            binaryScores(
              sample.map((r) => r.t),
              sample.map((r) => r.s),
              'yes',
            ),
          ),
        ).value,
      { resamples: 500, seed: 9, method: 'percentile' },
    );
    // Two independent 500-replicate runs: the Monte-Carlo error of a 2.5 % point is about
    // sqrt(0.025 · 0.975 / 500) / φ(1.96) ≈ 0.12 σ per run (σ the metric's standard error), 0.17 σ
    // for the difference; the bound, width / 4 ≈ 1 σ, is about six of those.
    const width = byRows.high - byRows.low;
    assert.ok(Math.abs(auc.ci[0] - byRows.low) < width / 4, `low ${auc.ci[0]} vs ${byRows.low}`);
    assert.ok(Math.abs(auc.ci[1] - byRows.high) < width / 4, `high ${auc.ci[1]} vs ${byRows.high}`);
  });

  it('leaves the intervals out when no bootstrap is asked for', () => {
    const evaluator = new ClassificationEvaluator({ bootstrap: false });
    evaluator.add('a', 'a');
    evaluator.add('b', 'a');
    const report = evaluator.finish();
    assert.equal(report.metrics.accuracy?.ci, undefined);
    assert.equal(report.bootstrap, undefined);
  });
});

describe('RegressionEvaluator', () => {
  const rng = createRng(21);
  const actual = Array.from({ length: 300 }, () => Math.round(rng.next() * 1000) / 10);
  const predicted = actual.map((y) => y + (rng.next() - 0.5) * 20);
  const evaluate = (seed: number): ReturnType<RegressionEvaluator['finish']> => {
    const evaluator = new RegressionEvaluator({ bootstrap: { resamples: 400, seed } });
    actual.forEach((y, i) => evaluator.add(y, predicted[i] as number));
    return evaluator.finish();
  };

  it('reports scikit-learn’s regression metrics (via the metrics module), each with an interval around it', () => {
    const report = evaluate(1);
    const expected = regressionMetrics(actual, predicted);
    assert.equal(report.rows, 300);
    for (const [key, metric] of Object.entries(expected.metrics)) {
      const reported = report.metrics[key as keyof typeof report.metrics];
      assert.equal(reported.value, metric.value, key);
      assert.ok(reported.ci, `${key} has an interval`);
      assert.ok(
        reported.ci[0] <= reported.value && reported.value <= reported.ci[1],
        `${key}: ${reported.ci.join('…')}`,
      );
    }
    assert.equal(report.bootstrap?.scheme, 'exact');
  });

  it('is reproducible with a seed', () => {
    assert.deepEqual(evaluate(2), evaluate(2));
    assert.notDeepEqual(evaluate(2).metrics.r2.ci, evaluate(3).metrics.r2.ci);
  });

  it('gives every metric an interval at any row count, the median absolute error too', () => {
    const evaluator = new RegressionEvaluator({ bootstrap: { resamples: 50, seed: 1 } });
    const noise = createRng(5);
    for (let i = 0; i < 25_000; i++) evaluator.add(i % 70, (i % 70) + (noise.next() - 0.5) * 10);
    const { metrics } = evaluator.finish();
    for (const [key, metric] of Object.entries(metrics)) {
      assert.ok(
        metric.ci && metric.ci[0] <= metric.value && metric.value <= metric.ci[1],
        `${key}: ${JSON.stringify(metric.ci)}`,
      );
      assert.equal(metric.ciNote, undefined, key);
    }
  });

  it('agrees with the per-metric intervals it replaces (one bootstrap per metric) within Monte-Carlo error', (t) => {
    // Before: a RowBootstrap per mean-type metric over the rows in file order, and bootstrapRows for the
    // median. Now: one set of resamples over the rows sorted by error. Different draws of the same
    // distribution: percentile endpoints from B = 2,000 replicates differ by about 0.085 standard
    // errors between two runs (√2 · √(α(1 − α)) / (φ(z_α) · √B)); the bound is five times that.
    const settings = { resamples: 2000, seed: 4, method: 'percentile' } as const;
    const evaluator = new RegressionEvaluator({ bootstrap: settings });
    actual.forEach((y, i) => evaluator.add(y, predicted[i] as number));
    const now = evaluator.finish().metrics;
    const rows: RegressionPair[] = actual.map((y, i) => ({ actual: y, predicted: predicted[i] as number }));
    const before = (statistic: WeightedSumStatistic<RegressionPair>): BootstrapResult => {
      const bootstrap = new RowBootstrap(statistic, { ...settings, seed: 9, rows: rows.length, scheme: 'exact' });
      bootstrap.addAll(rows);
      return bootstrap.finish();
    };
    const median = (sample: number[]): number => {
      const sorted = Float64Array.from(sample).sort();
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    };
    const previous: Record<RegressionMetricKey, BootstrapResult> = {
      mean_absolute_error: before(meanAbsoluteErrorStatistic()),
      mean_squared_error: before(meanSquaredErrorStatistic()),
      root_mean_squared_error: before(rootMeanSquaredErrorStatistic()),
      r2: before(rSquaredStatistic()),
      mean_absolute_percentage_error: before(
        weightedMeanStatistic((r) => Math.abs(r.actual - r.predicted) / Math.max(Math.abs(r.actual), MAPE_EPS)),
      ),
      median_absolute_error: bootstrapRows(
        rows.map((r) => Math.abs(r.actual - r.predicted)),
        median,
        { ...settings, seed: 9 },
      ),
    };
    let worst = 0;
    for (const [key, old] of Object.entries(previous) as [RegressionMetricKey, BootstrapResult][]) {
      const ci = now[key].ci;
      assert.ok(ci, key);
      assertClose(now[key].value, old.observed, 1e-12, `${key} value`);
      for (const [end, value] of [
        ['low', ci[0]],
        ['high', ci[1]],
      ] as const) {
        const gap = Math.abs(value - old[end]) / old.standardError;
        worst = Math.max(worst, gap);
        assert.ok(
          gap < 0.43,
          `${key} ${end}: ${value} now, ${old[end]} before (${gap.toFixed(3)} standard errors apart)`,
        );
      }
    }
    t.diagnostic(`largest endpoint gap: ${worst.toFixed(3)} standard errors`);
  });
});

describe('PredictionsEvaluator (text cells from a predictions file)', () => {
  const feed = (
    rows: [string, string, string?][],
    options: ConstructorParameters<typeof PredictionsEvaluator>[0] = {},
  ): ReturnType<PredictionsEvaluator['finish']> => {
    const evaluator = new PredictionsEvaluator({ bootstrap: false, ...options });
    rows.forEach(([t, p, s], i) => evaluator.add(t, p, s, i + 2));
    return evaluator.finish();
  };

  it('takes class labels for classification, numeric ones included, and skips rows with a missing cell', () => {
    const report = feed([
      ['1', '1'],
      ['0', '1'],
      ['', '0'],
      ['0', 'NA'],
      ['1', '1'],
    ]);
    assert.equal(report.task, 'classification');
    assert.equal(report.rows, 3);
    assert.equal(report.skippedRows, 2);
    assert.deepEqual(
      report.skipped.map((s) => s.line),
      [4, 5],
    );
  });

  it(`takes numbers with more than ${AUTO_REGRESSION_MIN_DISTINCT} distinct true values for regression`, () => {
    const rows = Array.from({ length: 40 }, (_, i): [string, string] => [String(i * 1.5), String(i * 1.5 + 0.25)]);
    const report = feed(rows);
    assert.equal(report.task, 'regression');
    assert.equal(report.rows, 40);
    assert.equal(report.metrics.mean_absolute_error.value, 0.25);
  });

  it('skips rows that are not numbers when regression is asked for, naming them', () => {
    const report = feed(
      [
        ['1.5', '1.0'],
        ['x', '2'],
        ['3', '2.5'],
      ],
      { task: 'regression' },
    );
    assert.equal(report.rows, 2);
    assert.deepEqual(report.skipped, [{ line: 3, reason: '"x" is not a number' }]);
  });

  it('reads a score column and skips rows whose score is not a number', () => {
    const report = feed(
      [
        ['yes', 'yes', '0.9'],
        ['no', 'no', '0.2'],
        ['no', 'yes', 'high'],
        ['yes', 'no', '0.4'],
      ],
      { positive: 'yes' },
    );
    assert.equal(report.task, 'classification');
    assert.equal(report.scores?.metrics.roc_auc.value, 1);
    assert.equal(report.skipped[0]?.reason, 'the score "high" is not a number');
  });

  it('fails clearly when every row was skipped', () => {
    assert.throws(() => feed([['', '']]), /every row was skipped/);
  });
});

describe('evaluating in slices that yield to the event loop and can be cancelled', () => {
  const rng = createRng(31);
  const actual = Array.from({ length: 2000 }, () => rng.next() * 50);
  const predicted = actual.map((y) => y + (rng.next() - 0.5) * 8);
  const regression = (): RegressionEvaluator => {
    const evaluator = new RegressionEvaluator({ bootstrap: { resamples: 300, seed: 8 } });
    actual.forEach((y, i) => evaluator.add(y, predicted[i] as number));
    return evaluator;
  };
  const classification = (): PredictionsEvaluator => {
    const { y, score, pred } = binaryRows(3000, 6);
    const evaluator = new PredictionsEvaluator({ positive: 'yes', bootstrap: { resamples: 300, seed: 8 } });
    y.forEach((label, i) => evaluator.add(label, pred[i] as string, String(score[i]), i + 2));
    return evaluator;
  };
  const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  it('gives what the synchronous run gives, pausing along the way', async () => {
    let pauses = 0;
    const pause = (): Promise<void> => {
      pauses++;
      return immediate();
    };
    assert.deepEqual(await regression().finishAsync({ pause, sliceMs: 0 }), regression().finish());
    // At least once per block of 256 rows (with sliceMs 0 every step pauses).
    assert.ok(pauses >= Math.floor(actual.length / 256), `${pauses} pauses`);
    assert.deepEqual(await classification().finishAsync({ pause, sliceMs: 0 }), classification().finish());
    const compare = (): PairedComparison => {
      const paired = new PairedComparison({ bootstrap: { resamples: 300, seed: 8 } });
      actual.forEach((y, i) => {
        paired.add(y > 25 ? 'high' : 'low', (predicted[i] as number) > 25 ? 'high' : 'low', i % 9 ? 'high' : 'low');
      });
      return paired;
    };
    assert.deepEqual(await compare().finishAsync({ pause, sliceMs: 0 }), compare().finish());
  });

  it('lets other work run while it computes, and stops with StepsCancelled when cancelled', async () => {
    let ticks = 0;
    let cancelled = false;
    // Another task on the event loop: it runs between slices and asks for the cancellation.
    const ticker = setInterval(() => {
      ticks++;
      if (ticks === 3) cancelled = true;
    }, 1);
    try {
      const evaluator = new RegressionEvaluator({ bootstrap: { resamples: 50_000, seed: 1 } });
      actual.forEach((y, i) => evaluator.add(y, predicted[i] as number));
      const started = Date.now();
      await assert.rejects(
        evaluator.finishAsync({ pause: immediate, isCancelled: () => cancelled, sliceMs: 5 }),
        StepsCancelled,
      );
      assert.ok(ticks >= 3, `${ticks} ticks ran meanwhile`);
      // 2,000 rows × 50,000 resamples take seconds; cancelled after a few ticks it stops at once.
      assert.ok(Date.now() - started < 2000, `stopped after ${Date.now() - started} ms`);
    } finally {
      clearInterval(ticker);
    }
  });
});
