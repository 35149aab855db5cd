// Bootstrap intervals: the percentile and BCa formulas against SciPy
// (scripts/reference/bootstrap_reference.py → test/fixtures/reference/bootstrap-reference.json),
// the fallbacks and errors, reproducibility, and the row and confusion-matrix entry points.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  bcaInterval,
  bootstrapConfusionMatrix,
  bootstrapCounts,
  bootstrapCountsVector,
  bootstrapRows,
  bootstrapRowSums,
  confusionMatrixJackknife,
  jackknifeAcceleration,
  meanAbsoluteErrorStatistic,
  meanSquaredErrorStatistic,
  MultiRowBootstrap,
  normalCdf,
  normalQuantile,
  percentileInterval,
  rootMeanSquaredErrorStatistic,
  RowBootstrap,
  rSquaredStatistic,
  sortedPercentile,
  weightedMeanStatistic,
  type BootstrapResult,
  type RegressionPair,
  type WeightedSumStatistic,
  type WeightedSumStatistics,
} from '../../core/src/bootstrap';
import { assertClose, accuracyOfMatrix as accuracy, macroF1OfMatrix as macroF1, seededRandom } from './support';

interface ReferenceCase {
  name: string;
  confidence: number;
  resamples: number;
  data: number[][];
  observed: number;
  replicates: number[];
  jackknife: number[];
  z0: number;
  acceleration: number;
  bcaLevels: [number, number];
  bca: [number, number];
  percentile: [number, number];
  standardError: number;
  confusionMatrix?: number[][];
}

interface Reference {
  generatedBy: string;
  scipy: string;
  cases: ReferenceCase[];
  percentiles: { values: number[]; levels: number[]; expected: number[] };
  normal: { ndtr: [number, number][]; ndtri: [number, number][] };
}

const reference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/reference/bootstrap-reference.json'), 'utf8'),
) as Reference;

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** The parts of a result that must repeat exactly for the same seed. */
function fingerprint(result: BootstrapResult): unknown {
  return { ...result, replicates: result.replicates ? Array.from(result.replicates) : undefined };
}

describe('intervals against SciPy', () => {
  it(`reads the reference written by ${reference.generatedBy} (SciPy ${reference.scipy})`, () => {
    assert.equal(reference.generatedBy, 'scripts/reference/bootstrap_reference.py');
    assert.ok(reference.cases.length >= 5);
  });

  it('computes percentiles as np.percentile (linear, type 7) to 1e-12', () => {
    const sorted = Float64Array.from(reference.percentiles.values).sort();
    reference.percentiles.levels.forEach((level, i) => {
      assertClose(sortedPercentile(sorted, level), reference.percentiles.expected[i] as number, 1e-12, `${level} %`);
    });
    assert.throws(() => sortedPercentile([], 50), RangeError);
    assert.throws(() => sortedPercentile([1, 2], 101), RangeError);
  });

  it('computes Φ and Φ⁻¹ as scipy.special.ndtr / ndtri to 1e-13 relative', () => {
    for (const [z, expected] of reference.normal.ndtr) {
      const actual = normalCdf(z);
      assert.ok(Math.abs(actual - expected) <= 1e-13 * expected, `ndtr(${z}) = ${actual}, SciPy ${expected}`);
    }
    for (const [p, expected] of reference.normal.ndtri) assertClose(normalQuantile(p), expected, 1e-13, `ndtri(${p})`);
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.ok(Number.isNaN(normalQuantile(1.5)));
  });

  for (const c of reference.cases) {
    it(`${c.name}: percentile and BCa equal SciPy's to 1e-9`, (t) => {
      const percentile = percentileInterval(c.replicates, c.confidence);
      assert.equal(percentile.method, 'percentile');
      assertClose(percentile.low, c.percentile[0], 1e-9, 'percentile low');
      assertClose(percentile.high, c.percentile[1], 1e-9, 'percentile high');

      assertClose(jackknifeAcceleration(c.jackknife), c.acceleration, 1e-9, 'acceleration');
      const bca = bcaInterval(c.replicates, c.observed, c.jackknife, c.confidence);
      t.diagnostic(
        `B = ${c.resamples}, z0 = ${c.z0.toFixed(4)}, a = ${c.acceleration.toFixed(4)}; ` +
          `BCa [${bca.low}, ${bca.high}], SciPy [${c.bca[0]}, ${c.bca[1]}]`,
      );
      assert.equal(bca.method, 'bca');
      assert.equal(bca.fallbackReason, undefined);
      assertClose(bca.low, c.bca[0], 1e-9, 'BCa low');
      assertClose(bca.high, c.bca[1], 1e-9, 'BCa high');
    });
  }

  it('gets the acceleration of a confusion-matrix metric from the per-cell jackknife (O(cells), same as per row)', () => {
    const c = reference.cases.find((candidate) => candidate.confusionMatrix !== undefined);
    assert.ok(c?.confusionMatrix, 'the reference has a confusion-matrix case');
    const matrix = c.confusionMatrix;
    assertClose(macroF1(matrix), c.observed, 1e-12, 'macro F1 of the matrix');
    const jackknife = confusionMatrixJackknife(matrix, macroF1);
    assert.equal(
      Array.from(jackknife.counts).reduce((a, b) => a + b, 0),
      c.data[0]?.length,
    );
    assert.ok(jackknife.values.length <= 9);
    assertClose(jackknifeAcceleration(jackknife), c.acceleration, 1e-9, 'acceleration from cells');
    const bca = bcaInterval(c.replicates, c.observed, jackknife, c.confidence);
    assertClose(bca.low, c.bca[0], 1e-9, 'BCa low');
    assertClose(bca.high, c.bca[1], 1e-9, 'BCa high');
  });
});

describe('BCa fallbacks', () => {
  const jackknife = [0.1, 0.2, 0.4, 0.3];

  it('falls back to percentile, saying so, when every replicate is equal', () => {
    const interval = bcaInterval(new Array<number>(100).fill(0.5), 0.5, jackknife, 0.95);
    assert.deepEqual(
      { low: interval.low, high: interval.high, method: interval.method },
      { low: 0.5, high: 0.5, method: 'percentile' },
    );
    assert.match(interval.fallbackReason ?? '', /all 100 resamples give the same value/);
  });

  it('falls back when the bias correction is infinite (every replicate on one side)', () => {
    const above = bcaInterval([2, 3, 4, 5], 1, jackknife, 0.95);
    assert.equal(above.method, 'percentile');
    assert.match(above.fallbackReason ?? '', /every resample is above the observed value/);
    const below = bcaInterval([2, 3, 4, 5], 9, jackknife, 0.95);
    assert.match(below.fallbackReason ?? '', /below/);
    assert.deepEqual([below.low, below.high], [percentileInterval([2, 3, 4, 5], 0.95).low, 4.925]);
  });

  it('counts ties with the observed value as half below, half above', () => {
    // 2 below, 4 tied, 2 above: share (2 + 6)/(2·8) = 1/2, z0 = 0, so with a = 0 (symmetric
    // jackknife) BCa is the percentile interval.
    const replicates = [1, 2, 3, 3, 3, 3, 4, 5];
    const interval = bcaInterval(replicates, 3, [1, 2, 3], 0.9);
    assert.equal(interval.method, 'bca');
    const percentile = percentileInterval(replicates, 0.9);
    assertClose(interval.low, percentile.low, 1e-12, 'low');
    assertClose(interval.high, percentile.high, 1e-12, 'high');
  });

  it('falls back when the acceleration is undefined (jackknife values all equal, too few, NaN)', () => {
    for (const values of [[0.3, 0.3, 0.3], [0.3], [], [0.1, NaN]]) {
      const interval = bcaInterval([1, 2, 3, 4], 2.5, values, 0.95);
      assert.equal(interval.method, 'percentile', JSON.stringify(values));
      assert.match(interval.fallbackReason ?? '', /acceleration is undefined/);
    }
    assert.ok(Number.isNaN(jackknifeAcceleration({ values: [1, 2], counts: [1, 0] })));
  });

  it('falls back when the acceleration is too large for the level (a·(z0 + z) ≥ 1)', () => {
    // Jackknife with one low outlier among 50: a ≈ 1/6. 999 of 1000 replicates below the observed
    // value: z0 ≈ 3.1. At 99.9999 % z ≈ 4.9, and a·(z0 + z) > 1.
    const values = [...new Array<number>(49).fill(1), 0];
    const acceleration = jackknifeAcceleration(values);
    assert.ok(acceleration > 0.15, `a = ${acceleration}`);
    const replicates = Array.from({ length: 1000 }, (_, i) => i);
    const interval = bcaInterval(replicates, 998.5, values, 0.999999);
    assert.equal(interval.method, 'percentile');
    assert.match(interval.fallbackReason ?? '', /too large/);
  });

  it('gives NaN endpoints with a reason when the statistic is NaN on some resample', () => {
    for (const interval of [percentileInterval([1, NaN, 3], 0.95), bcaInterval([1, NaN, 3], 2, [1, 2], 0.95)]) {
      assert.ok(Number.isNaN(interval.low) && Number.isNaN(interval.high));
      assert.match(interval.undefinedReason ?? '', /NaN\) on 1 of 3 resamples/);
    }
  });

  it('rejects no replicates and confidence levels outside (0, 1)', () => {
    assert.throws(() => percentileInterval([], 0.95), /no replicates/);
    assert.throws(() => bcaInterval([], 1, [1, 2], 0.95), /no replicates/);
    for (const confidence of [0, 1, 95, NaN]) {
      assert.throws(() => percentileInterval([1, 2], confidence), /confidence/);
    }
  });
});

describe('bootstrapConfusionMatrix', () => {
  const matrix = [
    [50, 3, 2],
    [4, 30, 6],
    [1, 5, 20],
  ];

  it('reports the observed metric, the interval and the options used', () => {
    const result = bootstrapConfusionMatrix(matrix, accuracy, { resamples: 500, seed: 3, confidence: 0.9 });
    assert.equal(result.observed, 100 / 121);
    assert.equal(result.method, 'bca');
    assert.equal(result.requestedMethod, 'bca');
    assert.equal(result.scheme, 'multinomial');
    assert.deepEqual([result.resamples, result.seed, result.confidence], [500, 3, 0.9]);
    assert.ok(result.low < result.observed && result.observed < result.high, JSON.stringify(result));
    // The standard error of a proportion, √(p(1 − p)/n) = 0.0344; B = 500 estimates it to about
    // 3 % (1/√(2B)), so 15 % (5 standard errors) bounds it.
    const expected = Math.sqrt(((100 / 121) * (21 / 121)) / 121);
    assert.ok(Math.abs(result.standardError / expected - 1) < 0.15, `SE ${result.standardError} vs ${expected}`);
    assert.equal(result.replicates, undefined);
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const options = { resamples: 300, seed: 42, method: 'bca' as const, keepReplicates: true };
    const first = bootstrapConfusionMatrix(matrix, macroF1, options);
    const second = bootstrapConfusionMatrix(matrix, macroF1, options);
    assert.deepEqual(fingerprint(first), fingerprint(second));
    const other = bootstrapConfusionMatrix(matrix, macroF1, { ...options, seed: 43 });
    assert.notDeepEqual(Array.from(other.replicates ?? []), Array.from(first.replicates ?? []));
    assert.notDeepEqual([other.low, other.high], [first.low, first.high]);
  });

  it('passes the metric a fresh matrix of the same shape, with n rows, on every resample', () => {
    const seen: number[][][] = [];
    bootstrapConfusionMatrix(
      [
        [3, 1],
        [2, 4],
      ],
      (m) => {
        seen.push(m);
        m[0]?.fill(-1); // mutating must not leak into the next resample
        return 0;
      },
      { resamples: 20, method: 'percentile' },
    );
    assert.equal(seen.length, 21);
    for (const m of seen) assert.equal(m.length, 2);
    assert.equal(new Set(seen).size, seen.length);
  });

  it('costs the same for a million rows as for a hundred (multinomial draws, not rows)', () => {
    const big = matrix.map((row) => row.map((count) => count * 10_000));
    const result = bootstrapConfusionMatrix(big, accuracy, { resamples: 2000, method: 'percentile' });
    assert.equal(result.observed, 100 / 121);
    // Standard error √(p(1 − p)/n) with n = 1.21 million; B = 2000 estimates it to 1.6 %, so 10 %.
    const expected = Math.sqrt(((100 / 121) * (21 / 121)) / 1_210_000);
    assert.ok(Math.abs(result.standardError / expected - 1) < 0.1, `SE ${result.standardError} vs ${expected}`);
  });

  it('falls back to percentile with a reason when every resample gives the same value', () => {
    const perfect = [
      [10, 0],
      [0, 7],
    ];
    const result = bootstrapConfusionMatrix(perfect, accuracy, { resamples: 200 });
    assert.deepEqual([result.observed, result.low, result.high], [1, 1, 1]);
    assert.equal(result.requestedMethod, 'bca');
    assert.equal(result.method, 'percentile');
    assert.match(result.fallbackReason ?? '', /same value/);
  });

  it('handles n = 1: every resample is the one row', () => {
    const result = bootstrapConfusionMatrix(
      [
        [0, 1],
        [0, 0],
      ],
      accuracy,
      { resamples: 50 },
    );
    assert.deepEqual([result.observed, result.low, result.high, result.standardError], [0, 0, 0, 0]);
    assert.equal(result.method, 'percentile');
    assert.ok(result.fallbackReason);
  });

  it('rejects an empty, ragged or non-count matrix and invalid options, with clear errors', () => {
    assert.throws(() => bootstrapConfusionMatrix([], accuracy), /empty \(no cells\)/);
    assert.throws(
      () =>
        bootstrapConfusionMatrix(
          [
            [0, 0],
            [0, 0],
          ],
          accuracy,
        ),
      /empty \(no rows to resample\)/,
    );
    assert.throws(() => bootstrapConfusionMatrix([[1, 2], [3]], accuracy), /ragged/);
    assert.throws(() => bootstrapConfusionMatrix([[1, -2]], accuracy), /non-negative integer/);
    assert.throws(() => bootstrapConfusionMatrix([[1, 2.5]], accuracy), /non-negative integer/);
    assert.throws(() => bootstrapConfusionMatrix(matrix, accuracy, { resamples: 0 }), /resamples/);
    assert.throws(() => bootstrapConfusionMatrix(matrix, accuracy, { confidence: 1 }), /confidence/);
    assert.throws(() => bootstrapConfusionMatrix(matrix, accuracy, { seed: 1.5 }), /seed/);
  });

  it('bootstraps several metrics on the same resamples, each as if bootstrapped alone', () => {
    const cells = matrix.flat();
    const toMatrix = (c: number[]): number[][] => [c.slice(0, 3), c.slice(3, 6), c.slice(6, 9)];
    const options = { resamples: 400, seed: 8, keepReplicates: true };
    const [acc, f1] = bootstrapCountsVector(
      Float64Array.from(cells),
      (c) => [accuracy(toMatrix(c)), macroF1(toMatrix(c))],
      options,
    );
    assert.ok(acc && f1);
    assert.deepEqual(fingerprint(acc), fingerprint(bootstrapConfusionMatrix(matrix, accuracy, options)));
    assert.deepEqual(fingerprint(f1), fingerprint(bootstrapConfusionMatrix(matrix, macroF1, options)));
    let calls = 0;
    assert.throws(
      () => bootstrapCountsVector(cells, () => (calls++ === 0 ? [1, 2] : [1]), options),
      /gave 1 values on a resample, 2 on the data/,
    );
  });

  it('bootstraps any table of counts (bootstrapCounts), e.g. a 2×2×2 paired table', () => {
    // Cells (truth, model A right, model B right): the difference in accuracy of A and B.
    const table = [5, 3, 10, 40, 2, 1, 8, 31];
    const difference = (c: number[]): number => {
      const n = c.reduce((a, b) => a + b, 0);
      const aRight = (c[2] ?? 0) + (c[3] ?? 0) + (c[6] ?? 0) + (c[7] ?? 0);
      const bRight = (c[1] ?? 0) + (c[3] ?? 0) + (c[5] ?? 0) + (c[7] ?? 0);
      return (aRight - bRight) / n;
    };
    const result = bootstrapCounts(table, difference, { resamples: 1000, seed: 9 });
    assert.equal(result.observed, (89 - 75) / 100);
    assert.ok(result.low < result.observed && result.observed < result.high);
  });
});

/** n regression rows with a reproducible pattern. */
function regressionRows(n: number, seed: number): RegressionPair[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const actual = 10 * random();
    return { actual, predicted: actual + (random() - 0.5) * 2 };
  });
}

describe('row bootstraps', () => {
  const rows = regressionRows(300, 1);

  it('computes MAE, MSE, RMSE and R² on the data as scikit-learn defines them', () => {
    const errors = rows.map((r) => r.actual - r.predicted);
    const mae = mean(errors.map(Math.abs));
    const mse = mean(errors.map((e) => e * e));
    const actualMean = mean(rows.map((r) => r.actual));
    const r2 = 1 - (mse * rows.length) / rows.reduce((s, r) => s + (r.actual - actualMean) ** 2, 0);
    const observed = (statistic: WeightedSumStatistic<RegressionPair>): number =>
      bootstrapRowSums(rows, statistic, { resamples: 1, method: 'percentile' }).observed;
    assertClose(observed(meanAbsoluteErrorStatistic()), mae, 1e-12, 'MAE');
    assertClose(observed(meanSquaredErrorStatistic()), mse, 1e-12, 'MSE');
    assertClose(observed(rootMeanSquaredErrorStatistic()), Math.sqrt(mse), 1e-12, 'RMSE');
    assertClose(observed(rSquaredStatistic()), r2, 1e-12, 'R²');
  });

  it('keeps R² exact for large, close values and scores constant targets as scikit-learn does', () => {
    const shifted = rows.map((r) => ({ actual: r.actual + 1e9, predicted: r.predicted + 1e9 }));
    const r2 = (data: RegressionPair[]): number =>
      bootstrapRowSums(data, rSquaredStatistic(), { resamples: 1, method: 'percentile' }).observed;
    assertClose(r2(shifted), r2(rows), 1e-6, 'R² with an offset of 1e9');
    assert.equal(
      r2([
        { actual: 2, predicted: 2 },
        { actual: 2, predicted: 2 },
      ]),
      1,
    );
    assert.equal(
      r2([
        { actual: 2, predicted: 2 },
        { actual: 2, predicted: 3 },
      ]),
      0,
    );
  });

  it('gives the same result for the same seed, whatever the chunking, and replicate b whatever B', () => {
    for (const scheme of ['exact', 'poisson'] as const) {
      const run = (resamples: number, chunks: number): BootstrapResult => {
        const bootstrap = new RowBootstrap(rSquaredStatistic(), {
          resamples,
          seed: 5,
          scheme,
          rows: rows.length,
          keepReplicates: true,
        });
        const size = Math.ceil(rows.length / chunks);
        for (let i = 0; i < rows.length; i += size) bootstrap.addAll(rows.slice(i, i + size));
        return bootstrap.finish();
      };
      const whole = run(200, 1);
      assert.deepEqual(fingerprint(run(200, 7)), fingerprint(whole), scheme);
      assert.deepEqual(Array.from(run(100, 1).replicates ?? []), Array.from(whole.replicates ?? []).slice(0, 100));
      const other = new RowBootstrap(rSquaredStatistic(), { resamples: 200, seed: 6, scheme, rows: rows.length });
      other.addAll(rows);
      assert.notDeepEqual(other.finish().low, whole.low, scheme);
    }
  });

  it('exact scheme: every replicate has exactly n rows, each row Binomial(n, 1/n) times', (t) => {
    // Statistic: sums = (weight of row 0, total weight); n = 600 spans two full blocks and a part.
    const n = 600;
    const resamples = 4000;
    const probe: WeightedSumStatistic<number> = {
      sums: 2,
      terms: (row, terms) => {
        terms[0] = row === 0 ? 1 : 0;
        terms[1] = 1;
      },
      value: (sums, weight) => {
        assert.equal(sums[1], weight);
        assert.equal(weight, n);
        return sums[0] as number;
      },
    };
    const bootstrap = new RowBootstrap(probe, { rows: n, resamples, method: 'percentile', keepReplicates: true });
    bootstrap.addAll(Array.from({ length: n }, (_, i) => i));
    const counts = Array.from(bootstrap.finish().replicates ?? []);
    const m = mean(counts);
    const variance = counts.reduce((s, x) => s + (x - m) ** 2, 0) / (resamples - 1);
    t.diagnostic(`row 0 drawn ${m.toFixed(4)} times on average, variance ${variance.toFixed(4)}`);
    // Mean 1 and variance 1 − 1/n; standard errors √(σ²/B) = 0.016 and ≈ σ²·√(3/B) = 0.027
    // (Poisson-like kurtosis); bounds 4.5 of each.
    assert.ok(Math.abs(m - 1) < 4.5 * 0.016, `mean ${m}`);
    assert.ok(Math.abs(variance - (1 - 1 / n)) < 4.5 * 0.027, `variance ${variance}`);
  });

  it('poisson scheme: each replicate size is random with mean n and variance n', () => {
    const n = 1000;
    const resamples = 2000;
    const size: WeightedSumStatistic<number> = { sums: 1, terms: () => undefined, value: (_, weight) => weight };
    const bootstrap = new RowBootstrap(size, { resamples, method: 'percentile', keepReplicates: true });
    for (let i = 0; i < n; i++) bootstrap.add(i);
    assert.equal(bootstrap.scheme, 'poisson');
    const sizes = Array.from(bootstrap.finish().replicates ?? []);
    const m = mean(sizes);
    const variance = sizes.reduce((s, x) => s + (x - m) ** 2, 0) / (resamples - 1);
    // Standard errors √(n/B) = 0.71 for the mean and n·√(2/B) = 32 for the variance; bounds 4.5.
    assert.ok(Math.abs(m - n) < 4.5 * 0.71, `mean size ${m}`);
    assert.ok(Math.abs(variance - n) < 4.5 * 32, `size variance ${variance}`);
  });

  it('bootstrapRows resamples any statistic of rows (here the median absolute error)', () => {
    const median = (sample: RegressionPair[]): number => {
      const errors = sample.map((r) => Math.abs(r.actual - r.predicted)).sort((a, b) => a - b);
      const middle = errors.length >> 1;
      return errors.length % 2
        ? (errors[middle] as number)
        : ((errors[middle - 1] as number) + (errors[middle] as number)) / 2;
    };
    const small = rows.slice(0, 60);
    const result = bootstrapRows(small, median, { resamples: 500, seed: 2 });
    assert.equal(result.observed, median(small));
    assert.equal(result.scheme, 'exact');
    assert.ok(result.low < result.observed && result.observed < result.high, JSON.stringify(result));
    assert.deepEqual(fingerprint(bootstrapRows(small, median, { resamples: 500, seed: 2 })), fingerprint(result));
  });

  it('handles n = 1 and rejects no rows, with clear errors', () => {
    const one = [{ actual: 1, predicted: 3 }];
    const exact = bootstrapRowSums(one, meanAbsoluteErrorStatistic(), { resamples: 50 });
    assert.deepEqual([exact.low, exact.high, exact.method], [2, 2, 'percentile']);
    assert.match(exact.fallbackReason ?? '', /same value/);
    const classic = bootstrapRows(one, (s) => s.length, { resamples: 10 });
    assert.deepEqual([classic.low, classic.high], [1, 1]);
    // A Poisson replicate of one row is empty with probability 1/e: MAE is then undefined.
    const poisson = new RowBootstrap(meanAbsoluteErrorStatistic(), { resamples: 50 });
    poisson.add(one[0] as RegressionPair);
    assert.match(poisson.finish().undefinedReason ?? '', /undefined \(NaN\)/);

    assert.throws(() => bootstrapRowSums([], meanAbsoluteErrorStatistic()), /no rows/);
    assert.throws(() => bootstrapRows([], () => 0), /no rows/);
    assert.throws(() => new RowBootstrap(meanAbsoluteErrorStatistic()).finish(), /no rows/);
    const announced = new RowBootstrap(meanAbsoluteErrorStatistic(), { rows: 2 });
    announced.add(one[0] as RegressionPair);
    assert.throws(() => announced.finish(), /2 rows announced, 1 fed/);
    announced.add(one[0] as RegressionPair);
    assert.throws(() => announced.add(one[0] as RegressionPair), /more rows than the 2 announced/);
    assert.throws(() => new RowBootstrap(meanAbsoluteErrorStatistic(), { scheme: 'exact' }), /number of rows/);
    assert.throws(() => new RowBootstrap({ ...weightedMeanStatistic(() => 1), sums: 0 }), /at least one sum/);
  });
});

describe('several statistics of the same rows from one set of resamples (MultiRowBootstrap)', () => {
  const rows = regressionRows(700, 3);
  const singles = [meanAbsoluteErrorStatistic, meanSquaredErrorStatistic, rSquaredStatistic];

  /** The three statistics side by side: their sums concatenated, their values in order. */
  function together(): WeightedSumStatistics<RegressionPair> {
    const parts = singles.map((make) => make());
    const offsets = parts.map((_, i) => parts.slice(0, i).reduce((sum, p) => sum + p.sums, 0));
    return {
      sums: parts.reduce((sum, p) => sum + p.sums, 0),
      size: parts.length,
      terms: (row, terms) => {
        parts.forEach((p, i) => {
          p.terms(row, terms.subarray(offsets[i], (offsets[i] ?? 0) + p.sums));
        });
      },
      values: (sums, weight, _median, out) => {
        parts.forEach((p, i) => {
          out[i] = p.value(sums.subarray(offsets[i], (offsets[i] ?? 0) + p.sums), weight);
        });
      },
    };
  }

  it('gives each statistic what a RowBootstrap of it alone gives (the same draws)', () => {
    for (const method of ['percentile', 'bca'] as const) {
      const options = { resamples: 300, seed: 11, method, rows: rows.length, keepReplicates: true };
      const multi = new MultiRowBootstrap(together(), options);
      multi.addAll(rows);
      const results = multi.finish();
      singles.forEach((make, i) => {
        const single = new RowBootstrap(make(), options);
        single.addAll(rows);
        const alone = single.finish();
        const joint = results[i] as BootstrapResult;
        assert.equal(joint.observed, alone.observed, `${method} statistic ${i} observed`);
        // Sums are added in another order (a per-block subtotal for one-sum statistics): rounding only.
        const a = Array.from(alone.replicates ?? []);
        Array.from(joint.replicates ?? []).forEach((r, b) => {
          assertClose(r, a[b] as number, 1e-12, `${method} statistic ${i} replicate ${b}`);
        });
        assertClose(joint.low, alone.low, 1e-12, `${method} statistic ${i} low`);
        assertClose(joint.high, alone.high, 1e-12, `${method} statistic ${i} high`);
        assert.equal(joint.method, alone.method);
      });
    }
  });

  for (const n of [300, 301]) {
    it(`finds each replicate's median of a key exactly as its draws give it (n = ${n})`, () => {
      // One sum per row (its weight in the replicate), so the median can be checked from the sums.
      const keys = Array.from({ length: n }, (_, i) => Math.floor(i / 3) / 7);
      let checked = 0;
      const probe: WeightedSumStatistics<number> = {
        sums: n,
        size: 1,
        terms: (row, terms) => {
          terms[row] = 1;
        },
        medianKey: (row) => keys[row] as number,
        values: (sums, weight, median, out) => {
          const sample: number[] = [];
          sums.forEach((w, row) => {
            for (let c = 0; c < w; c++) sample.push(keys[row] as number);
          });
          assert.equal(sample.length, weight);
          const mid = sample.length >> 1;
          const expected =
            sample.length % 2 ? (sample[mid] as number) : ((sample[mid - 1] as number) + (sample[mid] as number)) / 2;
          assert.equal(median, expected);
          checked++;
          out[0] = median;
        },
      };
      const bootstrap = new MultiRowBootstrap(probe, { rows: n, resamples: 200, seed: n, method: 'bca' });
      bootstrap.addAll(Array.from({ length: n }, (_, i) => i));
      const [result] = bootstrap.finish();
      // 200 replicates, the data, and n leave-one-out samples for BCa's jackknife.
      assert.equal(checked, 200 + 1 + n);
      assert.ok(result && result.low <= result.observed && result.observed <= result.high, JSON.stringify(result));
    });
  }

  it('asks for rows in key order and for the exact scheme when it tracks a median', () => {
    const byKey: WeightedSumStatistics<number> = {
      sums: 1,
      size: 1,
      terms: () => undefined,
      values: (_sums, _weight, median, out) => {
        out[0] = median;
      },
      medianKey: (row) => row,
    };
    const bootstrap = new MultiRowBootstrap(byKey, { rows: 3, resamples: 10 });
    bootstrap.add(1);
    bootstrap.add(2);
    assert.throws(() => bootstrap.add(1.5), /row 3's median key 1.5 is below the previous row's 2/);
    assert.throws(() => new MultiRowBootstrap(byKey, { resamples: 10 }), /median needs the 'exact' row scheme/);
  });
});
