// Does the bootstrap do its job? (1) The multinomial shortcut for confusion-matrix metrics and
// explicit resampling of the rows give the same bootstrap distribution; (2) the 95 % intervals
// cover a known true value about 95 % of the time. Data are generated with the tests' own
// generator (support.ts), independent of the samplers under test; every run is reproducible.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bootstrapConfusionMatrix,
  bootstrapRows,
  meanAbsoluteErrorStatistic,
  normalQuantile,
  percentileInterval,
  RowBootstrap,
  weightedMeanStatistic,
  type BootstrapResult,
  type RegressionPair,
  type RowScheme,
} from '../../core/src/bootstrap';
import { accuracyOfMatrix as accuracy, macroF1OfMatrix as macroF1, seededRandom } from './support';

interface Prediction {
  actual: number;
  predicted: number;
}

function confusionMatrixOf(rows: readonly Prediction[], classes: number): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (const { actual, predicted } of rows) {
    const row = matrix[actual] as number[];
    row[predicted] = (row[predicted] ?? 0) + 1;
  }
  return matrix;
}

/** Cell probabilities of a 3-class classifier whose true accuracy (the trace) is 0.8. */
const CELLS = [0.35, 0.05, 0.03, 0.04, 0.25, 0.03, 0.02, 0.03, 0.2];
const TRUE_ACCURACY = 0.8;

/** n prediction rows drawn from {@link CELLS}. */
function predictions(n: number, random: () => number): Prediction[] {
  return Array.from({ length: n }, () => {
    let u = random();
    let cell = 0;
    while (cell < CELLS.length - 1 && u >= (CELLS[cell] as number)) u -= CELLS[cell++] as number;
    return { actual: Math.floor(cell / 3), predicted: cell % 3 };
  });
}

/**
 * Monte-Carlo tolerance for comparing two independent bootstrap runs of B replicates each with
 * bootstrap standard error σ: the 2.5 % / 97.5 % quantile estimates each have standard error
 * ≈ σ·√(α(1 − α)/B)/φ(z_α) (normal approximation), a difference √2 times that; 4 of those, plus
 * one step 1/n of the metric's grid, since both distributions live on multiples of 1/n. The
 * standard-error estimates have relative standard error ≈ 1/√(2B) each, 1/√B for the difference;
 * bound 4/√B.
 */
function agreementBounds(sigma: number, resamples: number, n: number): { endpoint: number; relativeSe: number } {
  const alpha = 0.025;
  const z = normalQuantile(alpha);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const quantileSe = (sigma * Math.sqrt((alpha * (1 - alpha)) / resamples)) / density;
  return { endpoint: 4 * Math.SQRT2 * quantileSe + 1 / n, relativeSe: 4 / Math.sqrt(resamples) };
}

function describeResult(label: string, r: BootstrapResult): string {
  return `${label}: [${r.low.toFixed(4)}, ${r.high.toFixed(4)}], SE ${r.standardError.toFixed(5)}`;
}

describe('multinomial shortcut ≡ resampling rows', () => {
  const n = 300;
  const resamples = 4000;
  const rows = predictions(n, seededRandom(2024));
  const matrix = confusionMatrixOf(rows, 3);

  for (const [name, metric] of [
    ['accuracy', accuracy],
    ['macro F1', macroF1],
  ] as const) {
    it(`gives the same ${name} distribution as drawing n rows with replacement (B = ${resamples})`, (t) => {
      const options = { resamples, method: 'percentile' as const };
      const shortcut = bootstrapConfusionMatrix(matrix, metric, { ...options, seed: 1 });
      const explicit = bootstrapRows(rows, (sample) => metric(confusionMatrixOf(sample, 3)), { ...options, seed: 2 });
      const bounds = agreementBounds(shortcut.standardError, resamples, n);
      t.diagnostic(
        `${describeResult('multinomial', shortcut)}; ${describeResult('rows', explicit)}; ` +
          `endpoint tolerance ${bounds.endpoint.toFixed(4)}, SE tolerance ${(100 * bounds.relativeSe).toFixed(1)} %`,
      );
      assert.equal(shortcut.observed, explicit.observed);
      assert.ok(Math.abs(shortcut.low - explicit.low) <= bounds.endpoint, 'low');
      assert.ok(Math.abs(shortcut.high - explicit.high) <= bounds.endpoint, 'high');
      assert.ok(Math.abs(shortcut.standardError / explicit.standardError - 1) <= bounds.relativeSe, 'SE');
    });
  }

  it('gives the same accuracy distribution through the streaming row bootstrap (exact and Poisson)', (t) => {
    const shortcut = bootstrapConfusionMatrix(matrix, accuracy, { resamples, method: 'percentile', seed: 3 });
    const bounds = agreementBounds(shortcut.standardError, resamples, n);
    const lines = [describeResult('multinomial', shortcut)];
    for (const scheme of ['exact', 'poisson'] as const) {
      const streaming = new RowBootstrap(
        weightedMeanStatistic((row: Prediction) => (row.actual === row.predicted ? 1 : 0)),
        { resamples, method: 'percentile', seed: 4, scheme, rows: n },
      );
      streaming.addAll(rows);
      const result = streaming.finish();
      lines.push(describeResult(scheme, result));
      assert.equal(result.observed, shortcut.observed);
      assert.ok(Math.abs(shortcut.low - result.low) <= bounds.endpoint, `${scheme} low`);
      assert.ok(Math.abs(shortcut.high - result.high) <= bounds.endpoint, `${scheme} high`);
      assert.ok(Math.abs(shortcut.standardError / result.standardError - 1) <= bounds.relativeSe, `${scheme} SE`);
    }
    t.diagnostic(lines.join('; '));
  });
});

/**
 * With S simulated datasets a coverage estimate has standard error √(0.95·0.05/S); the tests
 * accept 3.5 of those around 95 % (a correct 95 % interval fails with probability 5e-4).
 */
function coverageTolerance(simulations: number): number {
  return 3.5 * Math.sqrt((0.95 * 0.05) / simulations);
}

function formatCoverage(label: string, covered: number, simulations: number): string {
  return `${label} ${((100 * covered) / simulations).toFixed(1)} %`;
}

describe('coverage of 95 % intervals', () => {
  it('confusion matrix: accuracy of a classifier whose true accuracy is 0.8 (n = 400, B = 1000)', (t) => {
    const simulations = 1000;
    const random = seededRandom(77);
    let percentileCovered = 0;
    let bcaCovered = 0;
    let fallbacks = 0;
    for (let s = 0; s < simulations; s++) {
      const matrix = confusionMatrixOf(predictions(400, random), 3);
      const result = bootstrapConfusionMatrix(matrix, accuracy, { resamples: 1000, seed: s, keepReplicates: true });
      const percentile = percentileInterval(result.replicates ?? [], 0.95);
      if (percentile.low <= TRUE_ACCURACY && TRUE_ACCURACY <= percentile.high) percentileCovered++;
      if (result.low <= TRUE_ACCURACY && TRUE_ACCURACY <= result.high) bcaCovered++;
      if (result.fallbackReason !== undefined) fallbacks++;
    }
    const tolerance = coverageTolerance(simulations);
    t.diagnostic(
      `${simulations} datasets: ${formatCoverage('percentile', percentileCovered, simulations)}, ` +
        `${formatCoverage('BCa', bcaCovered, simulations)} (${fallbacks} fallbacks); ` +
        `accepted 95 ± ${(100 * tolerance).toFixed(1)} %`,
    );
    assert.ok(Math.abs(percentileCovered / simulations - 0.95) <= tolerance, 'percentile coverage');
    assert.ok(Math.abs(bcaCovered / simulations - 0.95) <= tolerance, 'BCa coverage');
  });

  for (const scheme of ['exact', 'poisson'] as RowScheme[]) {
    it(`rows (${scheme}): mean absolute error of N(0, 1) residuals, true value √(2/π) (n = 300, B = 500)`, (t) => {
      const simulations = 1000;
      const random = seededRandom(scheme === 'exact' ? 5 : 6);
      const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const truth = Math.sqrt(2 / Math.PI);
      let percentileCovered = 0;
      let bcaCovered = 0;
      for (let s = 0; s < simulations; s++) {
        const bootstrap = new RowBootstrap<RegressionPair>(meanAbsoluteErrorStatistic(), {
          resamples: 500,
          seed: s,
          scheme,
          rows: 300,
          keepReplicates: true,
        });
        for (let i = 0; i < 300; i++) {
          const actual = normal();
          bootstrap.add({ actual, predicted: actual + normal() });
        }
        const result = bootstrap.finish();
        const percentile = percentileInterval(result.replicates ?? [], 0.95);
        if (percentile.low <= truth && truth <= percentile.high) percentileCovered++;
        if (result.low <= truth && truth <= result.high) bcaCovered++;
      }
      const tolerance = coverageTolerance(simulations);
      t.diagnostic(
        `${simulations} datasets: ${formatCoverage('percentile', percentileCovered, simulations)}, ` +
          `${formatCoverage('BCa', bcaCovered, simulations)}; accepted 95 ± ${(100 * tolerance).toFixed(1)} %`,
      );
      assert.ok(Math.abs(percentileCovered / simulations - 0.95) <= tolerance, 'percentile coverage');
      assert.ok(Math.abs(bcaCovered / simulations - 0.95) <= tolerance, 'BCa coverage');
    });
  }
});
