// core/src/drift: reference-decile bins, PSI, Jensen–Shannon distance, KS and chi-square per
// column, and the dataset verdict, against SciPy/NumPy (scripts/reference/stats_reference.py →
// test/fixtures/reference/stats.json) and against the documented thresholds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binCounts, quantileSorted, referenceBinEdges } from '../../core/src/drift/binning';
import { categoricalDrift } from '../../core/src/drift/categorical';
import { jensenShannonDistance, populationStabilityIndex, PSI_EPSILON } from '../../core/src/drift/divergence';
import { numericDrift, type NumericDriftResult } from '../../core/src/drift/numeric';
import { DEFAULT_DRIFT_THRESHOLDS, driftVerdict, psiLevel, type ColumnDrift } from '../../core/src/drift/verdict';

import { assertRelative, generate, readReference, type SampleSpec } from './statsReference';

interface Reference {
  numericDrift: {
    name: string;
    reference: SampleSpec;
    current: SampleSpec;
    edges: number[];
    referenceCounts: number[];
    currentCounts: number[];
    psi: number;
    jensenShannon: number;
    ksStatistic: number;
    ksPValue: number;
  }[];
  categoricalDrift: {
    name: string;
    reference: Record<string, number>;
    current: Record<string, number>;
    chiSquare: number;
    pValue: number;
    dof: number;
    cramersV: number;
    psi: number;
    jensenShannon: number;
  }[];
}

const reference = readReference() as Reference;

describe('reference-quantile binning', () => {
  it('quantiles interpolate linearly as np.quantile does', () => {
    const sorted = [1, 2, 4, 8, 16];
    assert.equal(quantileSorted(sorted, 0), 1);
    assert.equal(quantileSorted(sorted, 1), 16);
    assert.equal(quantileSorted(sorted, 0.5), 4);
    // Position (5 − 1)·0.3 = 1.2: 2 + 0.2·(4 − 2).
    assertRelative(quantileSorted(sorted, 0.3), 2.4, 1e-15, 'q(0.3)');
  });

  it('cuts at the reference deciles, drops duplicate edges, and counts right-closed bins', () => {
    const ref = Array.from({ length: 101 }, (_, i) => i);
    assert.deepEqual(referenceBinEdges(ref), [10, 20, 30, 40, 50, 60, 70, 80, 90]);
    // np.quantile gives 0 six times, then 0.2999999999999998, 1.2000000000000002, 2.0999999999999996.
    const tied = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3];
    assert.deepEqual(referenceBinEdges(tied), [0, 0.2999999999999998, 1.2000000000000002, 2.0999999999999996]);
    // A value equal to an edge belongs to the bin below it.
    assert.deepEqual(binCounts([-5, 10, 10.5, 90, 91, 1000], [10, 20, 90]), [2, 1, 1, 2]);
  });
});

describe('population stability index and Jensen–Shannon distance', () => {
  it('PSI = Σ (a − e)·ln(a/e), ε for empty bins, symmetric', () => {
    const { psi, contributions } = populationStabilityIndex([50, 30, 20], [40, 30, 30]);
    const expected = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.3 - 0.2) * Math.log(0.3 / 0.2);
    assertRelative(psi, expected, 1e-14, 'PSI');
    assert.equal(contributions[1], 0);
    assertRelative(populationStabilityIndex([40, 30, 30], [50, 30, 20]).psi, psi, 1e-14, 'symmetric');
    // An empty bin on one side: its share becomes ε = 1e-4.
    const empty = populationStabilityIndex([50, 50, 0], [50, 40, 10]);
    assertRelative(empty.contributions[2] ?? 0, (0.1 - PSI_EPSILON) * Math.log(0.1 / PSI_EPSILON), 1e-14, 'ε term');
    assert.throws(() => populationStabilityIndex([1, 2], [1, 2, 3]), RangeError);
  });

  it('Jensen–Shannon distance is 0 for identical shares and 1 for disjoint ones (base 2)', () => {
    assert.equal(jensenShannonDistance([2, 4, 6], [1, 2, 3]), 0);
    assertRelative(jensenShannonDistance([1, 0], [0, 1]), 1, 1e-15, 'disjoint');
    assert.throws(() => jensenShannonDistance([0, 0], [1, 1]), RangeError);
  });
});

describe('numericDrift', () => {
  it('reproduces NumPy bins, the PSI, scipy jensenshannon(base=2) and ks_2samp on every case', () => {
    for (const c of reference.numericDrift) {
      const result = numericDrift(generate(c.reference), generate(c.current));
      assert.equal(result.bins.edges.length, c.edges.length, `${c.name}: edges`);
      c.edges.forEach((e, i) => assertRelative(result.bins.edges[i] ?? Number.NaN, e, 1e-15, `${c.name}: edge ${i}`));
      assert.deepEqual(result.bins.referenceCounts, c.referenceCounts, `${c.name}: reference counts`);
      assert.deepEqual(result.bins.currentCounts, c.currentCounts, `${c.name}: current counts`);
      assertRelative(result.psi, c.psi, 1e-12, `${c.name}: PSI`);
      assertRelative(result.jensenShannon, c.jensenShannon, 1e-12, `${c.name}: JS`);
      assertRelative(result.ks.statistic, c.ksStatistic, 1e-12, `${c.name}: KS statistic`);
      assertRelative(result.ks.pValue, c.ksPValue, 1e-9, `${c.name}: KS p`);
      assert.equal(result.pValue, result.ks.pValue);
    }
  });

  it('refuses missing values instead of guessing', () => {
    assert.throws(() => numericDrift([1, 2, Number.NaN], [1, 2]), /drop missing values/);
    assert.throws(() => numericDrift([], [1, 2]), RangeError);
  });
});

describe('categoricalDrift', () => {
  it('reproduces chi2_contingency (Yates only on 2×2), Cramér’s V, PSI and JS over category frequencies', () => {
    for (const c of reference.categoricalDrift) {
      const result = categoricalDrift(c.reference, c.current);
      assertRelative(result.chiSquare.statistic, c.chiSquare, 1e-12, `${c.name}: X²`);
      assertRelative(result.pValue, c.pValue, 1e-9, `${c.name}: p`);
      assert.equal(result.chiSquare.dof, c.dof, `${c.name}: dof`);
      assertRelative(result.cramersV, c.cramersV, 1e-12, `${c.name}: V`);
      assertRelative(result.psi, c.psi, 1e-12, `${c.name}: PSI`);
      assertRelative(result.jensenShannon, c.jensenShannon, 1e-12, `${c.name}: JS`);
    }
  });

  it('lists every category on either side with counts and shares, from Maps too', () => {
    const result = categoricalDrift(
      new Map([
        ['a', 90],
        ['b', 10],
      ]),
      new Map([
        ['a', 80],
        ['new', 20],
      ]),
    );
    assert.deepEqual(
      result.categories.map((c) => [c.category, c.referenceCount, c.currentCount]),
      [
        ['a', 90, 80],
        ['b', 10, 0],
        ['new', 0, 20],
      ],
    );
    assertRelative(result.categories[2]?.currentShare ?? 0, 0.2, 1e-15, 'share');
    assert.throws(() => categoricalDrift({}, { a: 1 }), /reference sample has no values/);
  });
});

/** A stand-in numeric result with just what the verdict reads. */
function column(name: string, psi: number, pValue: number): ColumnDrift {
  const result: NumericDriftResult = {
    kind: 'numeric',
    referenceSize: 1000,
    currentSize: 1000,
    ks: { statistic: 0, pValue, method: 'exact' },
    pValue,
    psi,
    jensenShannon: 0,
    bins: { edges: [], referenceCounts: [], currentCounts: [], psiContributions: [] },
  };
  return { name, result };
}

describe('driftVerdict', () => {
  it('documents its defaults: PSI 0.1 / 0.25, α = 0.05 with Holm', () => {
    assert.deepEqual(
      { ...DEFAULT_DRIFT_THRESHOLDS },
      { psiModerate: 0.1, psiSignificant: 0.25, alpha: 0.05, correction: 'holm' },
    );
    assert.equal(psiLevel(0.099), 'none');
    assert.equal(psiLevel(0.1), 'moderate');
    assert.equal(psiLevel(0.25), 'significant');
  });

  it('calls a column drifted only when the Holm-adjusted test rejects and the PSI is large', () => {
    const verdict = driftVerdict([
      column('shifted', 0.4, 1e-12),
      column('moved a little', 0.15, 1e-5),
      column('big sample, tiny shift', 0.02, 1e-30),
      column('noisy small sample', 0.3, 0.04),
      column('unchanged', 0.01, 0.6),
    ]);
    const status = Object.fromEntries(verdict.columns.map((c) => [c.name, c.status]));
    assert.deepEqual(status, {
      shifted: 'drift',
      'moved a little': 'moderate',
      'big sample, tiny shift': 'stable',
      // 0.04 alone is below 0.05, but Holm multiplies it by 2 (second-largest of five p-values).
      'noisy small sample': 'stable',
      unchanged: 'stable',
    });
    assert.equal(verdict.status, 'drift');
    assert.deepEqual(verdict.drifted, ['shifted']);
    assert.deepEqual(verdict.moderate, ['moved a little']);
    const noisy = verdict.columns.find((c) => c.name === 'noisy small sample');
    assertRelative(noisy?.adjustedPValue ?? 0, 0.08, 1e-15, 'Holm-adjusted p');
    assert.match(noisy?.reason ?? '', /too few rows to tell/);
    assert.match(verdict.columns[2]?.reason ?? '', /detectable but small/);
  });

  it('gives a dataset verdict of moderate or stable when nothing drifted, and honours other settings', () => {
    assert.equal(driftVerdict([column('x', 0.12, 0.001), column('y', 0.01, 0.5)]).status, 'moderate');
    assert.equal(driftVerdict([column('x', 0.01, 0.001)]).status, 'stable');
    assert.equal(driftVerdict([]).status, 'stable');
    const uncorrected = driftVerdict([column('a', 0.3, 0.04), column('b', 0, 0.9)], { correction: 'none' });
    assert.equal(uncorrected.columns[0]?.status, 'drift');
    const bonferroni = driftVerdict([column('a', 0.3, 0.03), column('b', 0, 0.9)], { correction: 'bonferroni' });
    assert.equal(bonferroni.columns[0]?.status, 'stable');
  });

  it('runs end to end on real drift results', () => {
    const ref = reference.numericDrift.find((c) => c.name === 'same distribution');
    const shifted = reference.numericDrift.find((c) => c.name === 'wider');
    if (!ref || !shifted) throw new Error('fixture cases missing');
    const verdict = driftVerdict([
      { name: 'stable column', result: numericDrift(generate(ref.reference), generate(ref.current)) },
      { name: 'wider column', result: numericDrift(generate(shifted.reference), generate(shifted.current)) },
      {
        name: 'plan',
        result: categoricalDrift({ free: 500, pro: 300, team: 200 }, { free: 200, pro: 300, team: 500 }),
      },
    ]);
    assert.equal(verdict.status, 'drift');
    assert.deepEqual(verdict.drifted, ['plan', 'wider column']);
    assert.equal(verdict.columns[0]?.status, 'stable');
  });
});
