// The bootstrap's samplers: binomial, multinomial, Poisson. Statistical tests, each with a stated
// bound; every test draws from a fixed seed, so a run is reproducible, and the bounds are set so
// that a correct sampler fails with probability about 1e-4 or less per check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sampleBinomial, sampleMultinomial, samplePoissonOne } from '../../core/src/bootstrap';
import { BINOMIAL_INVERSION_MAX_MEAN, poissonSampler } from '../../core/src/bootstrap/sampling';
import { createRng } from '../../core/src/random/rng';

/**
 * Upper 1e-4 quantile of chi-square with `df` degrees of freedom, by Wilson–Hilferty
 * (df·(1 − 2/(9df) + z·√(2/(9df)))³, z = 3.719); within 1 % of the exact quantile for df ≥ 3.
 */
function chiSquareCritical(df: number): number {
  const c = 2 / (9 * df);
  return df * (1 - c + 3.719 * Math.sqrt(c)) ** 3;
}

/**
 * Pearson's chi-square of `observed` counts against `probabilities` over `draws` draws, with
 * adjacent cells merged (from each tail inwards) until every expected count is at least 5.
 */
function chiSquare(observed: number[], probabilities: number[], draws: number): { statistic: number; df: number } {
  const cells: { observed: number; expected: number }[] = [];
  let pending = { observed: 0, expected: 0 };
  probabilities.forEach((p, k) => {
    pending = { observed: pending.observed + (observed[k] ?? 0), expected: pending.expected + p * draws };
    if (pending.expected >= 5) {
      cells.push(pending);
      pending = { observed: 0, expected: 0 };
    }
  });
  const lastCell = cells[cells.length - 1];
  if (lastCell === undefined) throw new Error('no cell has an expected count of 5');
  lastCell.observed += pending.observed;
  lastCell.expected += pending.expected;
  const statistic = cells.reduce((s, cell) => s + (cell.observed - cell.expected) ** 2 / cell.expected, 0);
  return { statistic, df: cells.length - 1 };
}

/** Binomial(n, p) probabilities, from the log-gamma recurrence in exact-enough doubles. */
function binomialPmf(n: number, p: number): number[] {
  const logs = [0];
  for (let k = 1; k <= n; k++) logs.push((logs[k - 1] as number) + Math.log(k));
  return Array.from({ length: n + 1 }, (_, k) =>
    Math.exp(
      (logs[n] as number) - (logs[k] as number) - (logs[n - k] as number) + k * Math.log(p) + (n - k) * Math.log1p(-p),
    ),
  );
}

describe('sampleBinomial', () => {
  // Each case names the method it exercises: inversion below a mean of 10, BTRS above; p > 1/2 is
  // drawn through 1 − p.
  const cases: { n: number; p: number; draws: number; method: string }[] = [
    { n: 20, p: 0.3, draws: 100_000, method: 'inversion' },
    { n: 30, p: 0.9, draws: 100_000, method: 'inversion via 1 − p' },
    { n: 60, p: 0.25, draws: 400_000, method: 'BTRS near its lower limit (mean 15)' },
    { n: 25, p: 0.4, draws: 200_000, method: 'BTRS at mean 10 exactly' },
    { n: 200, p: 0.8, draws: 200_000, method: 'BTRS via 1 − p' },
    { n: 1000, p: 0.5, draws: 200_000, method: 'BTRS at p = 1/2' },
    { n: 5000, p: 0.013, draws: 200_000, method: 'BTRS, large n, small p' },
  ];
  for (const { n, p, draws, method } of cases) {
    it(`draws Binomial(${n}, ${p}) exactly — ${method} (chi-square over ${draws} draws)`, (t) => {
      const rng = createRng(n * 1000 + Math.round(p * 100));
      const counts = new Array<number>(n + 1).fill(0);
      for (let i = 0; i < draws; i++) {
        const x = sampleBinomial(rng, n, p);
        assert.ok(Number.isInteger(x) && x >= 0 && x <= n, `draw ${x}`);
        counts[x] = (counts[x] ?? 0) + 1;
      }
      const { statistic, df } = chiSquare(counts, binomialPmf(n, p), draws);
      const critical = chiSquareCritical(df);
      t.diagnostic(`chi-square ${statistic.toFixed(1)} on ${df} df (1e-4 critical value ${critical.toFixed(1)})`);
      assert.ok(statistic < critical, `chi-square ${statistic} ≥ ${critical} on ${df} df`);
    });
  }

  it('switches methods at the documented mean', () => {
    assert.equal(BINOMIAL_INVERSION_MAX_MEAN, 10);
  });

  it('handles the degenerate cases and rejects invalid arguments', () => {
    const rng = createRng(1);
    assert.equal(sampleBinomial(rng, 0, 0.5), 0);
    assert.equal(sampleBinomial(rng, 1_000_000, 0), 0);
    assert.equal(sampleBinomial(rng, 1_000_000, 1), 1_000_000);
    assert.throws(() => sampleBinomial(rng, -1, 0.5), RangeError);
    assert.throws(() => sampleBinomial(rng, 2.5, 0.5), RangeError);
    assert.throws(() => sampleBinomial(rng, 10, 1.5), RangeError);
    assert.throws(() => sampleBinomial(rng, 10, NaN), RangeError);
  });

  it('has mean n·p and variance n·p·(1 − p) for n = 10⁹ (constant time in n)', () => {
    const rng = createRng(8);
    const n = 1e9;
    const p = 0.37;
    const draws = 50_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const x = sampleBinomial(rng, n, p);
      sum += x;
      squares += x * x;
    }
    const mean = sum / draws;
    const variance = (squares - draws * mean * mean) / (draws - 1);
    const sigma2 = n * p * (1 - p);
    // Standard error of the mean √(σ²/draws); of the variance ≈ σ²·√(2/draws). Bounds: 4.5 of each.
    assert.ok(Math.abs(mean - n * p) < 4.5 * Math.sqrt(sigma2 / draws), `mean ${mean}`);
    assert.ok(Math.abs(variance / sigma2 - 1) < 4.5 * Math.sqrt(2 / draws), `variance ${variance} vs ${sigma2}`);
  });
});

describe('sampleMultinomial', () => {
  it('matches n·p, n·p·(1 − p) per cell and −n·p_i·p_j between cells for n = 10⁶', (t) => {
    // Cells from a mean of 5 (inversion) to 0.9·n (BTRS), as in a skewed confusion matrix.
    const counts = [5, 120, 3000, 0, 96_875, 900_000];
    const n = 1_000_000;
    const draws = 20_000;
    const rng = createRng(11);
    const cells = counts.length;
    const sum = new Array<number>(cells).fill(0);
    const squares = new Array<number>(cells).fill(0);
    // Deviations from n·p (= the counts, as they sum to n) are accumulated: squares of raw counts
    // near 10⁶ would lose digits.
    let cross = 0; // cells 4 and 5
    const out: number[] = [];
    for (let d = 0; d < draws; d++) {
      sampleMultinomial(rng, n, counts, out);
      assert.equal(
        out.reduce((a, b) => a + b, 0),
        n,
      );
      assert.equal(out[3], 0);
      for (let k = 0; k < cells; k++) {
        const x = (out[k] as number) - (counts[k] as number);
        sum[k] = (sum[k] as number) + x;
        squares[k] = (squares[k] as number) + x * x;
      }
      cross += ((out[4] as number) - (counts[4] as number)) * ((out[5] as number) - (counts[5] as number));
    }
    const lines: string[] = [];
    for (let k = 0; k < cells; k++) {
      const p = (counts[k] as number) / n;
      if (p === 0) continue;
      const deviation = (sum[k] as number) / draws;
      const mean = n * p + deviation;
      const variance = ((squares[k] as number) - draws * deviation * deviation) / (draws - 1);
      const sigma2 = n * p * (1 - p);
      // The sample mean has standard error √(σ²/draws). The sample variance has relative standard
      // error √((2 + κ)/draws), κ = (1 − 6p(1 − p))/(n·p·(1 − p)) the binomial's excess kurtosis.
      // Bounds: 4.5 standard errors (two-sided 7e-6 each, 1e-4 over the 11 checks of this test).
      const kurtosis = (1 - 6 * p * (1 - p)) / sigma2;
      const meanBound = 4.5 * Math.sqrt(sigma2 / draws);
      const varianceBound = 4.5 * Math.sqrt((2 + kurtosis) / draws);
      lines.push(`cell ${k}: mean ${mean.toFixed(3)} (n·p ${n * p}), variance ratio ${(variance / sigma2).toFixed(4)}`);
      assert.ok(Math.abs(mean - n * p) < meanBound, `cell ${k}: mean ${mean} vs ${n * p} ± ${meanBound}`);
      assert.ok(Math.abs(variance / sigma2 - 1) < varianceBound, `cell ${k}: variance ${variance} vs ${sigma2}`);
    }
    const [p4, p5] = [(counts[4] as number) / n, (counts[5] as number) / n];
    const [d4, d5] = [(sum[4] as number) / draws, (sum[5] as number) / draws];
    const covariance = (cross - draws * d4 * d5) / (draws - 1);
    const sd4 = Math.sqrt(((squares[4] as number) - draws * d4 * d4) / (draws - 1));
    const sd5 = Math.sqrt(((squares[5] as number) - draws * d5 * d5) / (draws - 1));
    const correlation = covariance / (sd4 * sd5);
    // Cov = −n·p_i·p_j, i.e. correlation −√(p_i·p_j / ((1 − p_i)(1 − p_j))); the sample
    // correlation's standard error is ≈ (1 − ρ²)/√draws.
    const expected = -Math.sqrt((p4 * p5) / ((1 - p4) * (1 - p5)));
    lines.push(`correlation of cells 4 and 5: ${correlation.toFixed(5)} (expected ${expected.toFixed(5)})`);
    t.diagnostic(lines.join('; '));
    assert.ok(
      Math.abs(correlation - expected) < (4.5 * (1 - expected ** 2)) / Math.sqrt(draws),
      `correlation ${correlation}`,
    );
  });

  it('rejects weights that are negative, infinite or all zero', () => {
    const rng = createRng(1);
    assert.throws(() => sampleMultinomial(rng, 10, [1, -1], []), RangeError);
    assert.throws(() => sampleMultinomial(rng, 10, [1, Infinity], []), RangeError);
    assert.throws(() => sampleMultinomial(rng, 10, [0, 0], []), /sum to zero/);
  });
});

describe('Poisson samplers', () => {
  it('samplePoissonOne draws Poisson(1) (chi-square over 10⁶ draws)', (t) => {
    const rng = createRng(5);
    const draws = 1_000_000;
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < draws; i++) {
      const k = samplePoissonOne(rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const probabilities = counts.map((_, k) => {
      let factorial = 1;
      for (let j = 2; j <= k; j++) factorial *= j;
      return Math.exp(-1) / factorial;
    });
    const { statistic, df } = chiSquare(counts, probabilities, draws);
    t.diagnostic(`chi-square ${statistic.toFixed(1)} on ${df} df`);
    assert.ok(statistic < chiSquareCritical(df), `chi-square ${statistic} on ${df} df`);
  });

  it('poissonSampler(256) draws Poisson(256) (chi-square over 200,000 draws)', (t) => {
    const rng = createRng(6);
    const sample = poissonSampler(256);
    const draws = 200_000;
    const counts = new Array<number>(700).fill(0);
    for (let i = 0; i < draws; i++) {
      const k = sample(rng);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    // Probabilities by the recurrence P(k) = P(k − 1)·λ/k from P(0) = e^−λ (2.6e-112, no underflow).
    const probabilities: number[] = [Math.exp(-256)];
    for (let k = 1; k < counts.length; k++) probabilities.push(((probabilities[k - 1] as number) * 256) / k);
    const { statistic, df } = chiSquare(counts, probabilities, draws);
    t.diagnostic(`chi-square ${statistic.toFixed(1)} on ${df} df`);
    assert.ok(statistic < chiSquareCritical(df), `chi-square ${statistic} on ${df} df`);
  });
});
