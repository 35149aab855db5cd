// core/src/compare: McNemar, the A/B tests on proportions and means, effect sizes with intervals,
// sample size and Thompson-sampling allocation, against SciPy (scripts/reference/stats_reference.py
// → test/fixtures/reference/stats.json) and against hand-checked values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { discordantPairs, mcnemarTest } from '../../core/src/compare/mcnemar';
import { standardizedMeanDifference, summarize, welchTTest } from '../../core/src/compare/means';
import {
  differenceOfProportions,
  proportionsChiSquare,
  relativeLift,
  sampleSizeTwoProportions,
  twoProportionZTest,
  wilsonInterval,
  type ProportionArm,
  type SampleSizeInput,
} from '../../core/src/compare/proportions';
import { thompsonAllocation } from '../../core/src/compare/thompson';

import { assertRelative, generate, readReference, type SampleSpec } from './statsReference';

type Pair = [number, number];

interface Reference {
  mcnemar: { name: string; b: number; c: number; method: string; statistic: number; pValue: number }[];
  twoProportionZ: { name: string; control: Pair; treatment: Pair; z: number; pValue: number; pValueGreater: number }[];
  chiSquareContingency: { name: string; table: number[][]; correction: boolean; statistic: number; pValue: number }[];
  proportionEffects: {
    name: string;
    control: Pair;
    treatment: Pair;
    difference: number;
    newcombe: Pair;
    wald: Pair;
    wilsonControl: Pair;
    wilsonTreatment: Pair;
    lift: number;
    liftInterval: Pair;
  }[];
  welch: {
    name: string;
    control: SampleSpec;
    treatment: SampleSpec;
    t: number;
    pValue: number;
    pValueLess: number;
    df: number;
    meanDifference: number;
    interval: Pair;
    cohensD: number;
    hedgesG: number;
    cohensDInterval: Pair;
    hedgesGInterval: Pair;
  }[];
  sampleSize: (Required<SampleSizeInput> & { unrounded: number; perArm: number })[];
}

const reference = readReference() as Reference;
const arm = ([successes, trials]: Pair): ProportionArm => ({ successes, trials });
/** Test statistics: 1e-9 relative; p-values 1e-6 asked, 1e-9 held. */
const STATISTIC = 1e-9;
const P_VALUE = 1e-9;

describe('mcnemarTest', () => {
  it('reproduces statsmodels mcnemar (exact binomial below 25 discordant pairs, corrected chi-square from 25)', () => {
    for (const c of reference.mcnemar) {
      const result = mcnemarTest(c.b, c.c);
      assert.equal(result.method, c.method, `${c.name}: method`);
      assertRelative(result.statistic, c.statistic, STATISTIC, `${c.name}: statistic`);
      assertRelative(result.pValue, c.pValue, P_VALUE, `${c.name}: p-value`);
      assert.equal(result.discordant, c.b + c.c);
    }
  });

  it('switches to the chi-square exactly at 25 discordant pairs, and leaves (|b − c| − 1)² unclipped', () => {
    assert.equal(mcnemarTest(12, 12).method, 'exact');
    assert.equal(mcnemarTest(13, 12).method, 'chi-square');
    // b = c: (0 − 1)²/(b + c), as statsmodels and R compute it.
    assert.equal(mcnemarTest(20, 20).statistic, 1 / 40);
    assert.equal(mcnemarTest(20, 20, { correction: false }).statistic, 0);
    assert.equal(mcnemarTest(3, 4, { exactBelow: 0 }).method, 'chi-square');
    assert.throws(() => mcnemarTest(-1, 3), RangeError);
  });

  it('counts the discordant pairs from labels and two models’ predictions', () => {
    const truth = ['a', 'b', 'a', 'c', 'b', 'a'];
    const modelA = ['a', 'b', 'b', 'c', 'a', 'a'];
    const modelB = ['a', 'a', 'a', 'b', 'a', 'c'];
    assert.deepEqual(discordantPairs(truth, modelA, modelB), { b: 3, c: 1, bothRight: 1, bothWrong: 1 });
    assert.throws(() => discordantPairs(truth, modelA, modelB.slice(1)), RangeError);
  });
});

describe('two-proportion tests', () => {
  it('z-test: pooled z and p-values as statsmodels proportions_ztest', () => {
    for (const c of reference.twoProportionZ) {
      const twoSided = twoProportionZTest(arm(c.control), arm(c.treatment));
      assertRelative(twoSided.z, c.z, STATISTIC, `${c.name}: z`);
      assertRelative(twoSided.pValue, c.pValue, P_VALUE, `${c.name}: p`);
      const greater = twoProportionZTest(arm(c.control), arm(c.treatment), 'greater');
      assertRelative(greater.pValue, c.pValueGreater, P_VALUE, `${c.name}: one-sided p`);
    }
  });

  it('z² equals the uncorrected chi-square of the 2×2 table', () => {
    const control = { successes: 45, trials: 800 };
    const treatment = { successes: 70, trials: 950 };
    const { z } = twoProportionZTest(control, treatment);
    assertRelative(proportionsChiSquare(control, treatment, false).statistic, z * z, 1e-12, 'z² = X²');
  });

  it('chi-square on 2×2 tables with and without Yates as scipy.stats.chi2_contingency', () => {
    const twoByTwo = reference.chiSquareContingency.filter((c) => c.table.length === 2 && c.table[0]?.length === 2);
    assert.ok(twoByTwo.length >= 10);
    for (const c of twoByTwo) {
      const [control, treatment] = c.table.map(([s = 0, f = 0]) => ({ successes: s, trials: s + f }));
      if (control === undefined || treatment === undefined) throw new Error('bad fixture');
      const result = proportionsChiSquare(control, treatment, c.correction);
      assertRelative(result.statistic, c.statistic, STATISTIC, `${c.name}: statistic`);
      assertRelative(result.pValue, c.pValue, P_VALUE, `${c.name}: p`);
    }
  });

  it('gives z = 0 and p = 1 when no arm varies', () => {
    const none = twoProportionZTest({ successes: 0, trials: 10 }, { successes: 0, trials: 12 });
    assert.equal(none.z, 0);
    assert.equal(none.pValue, 1);
  });
});

describe('effect sizes for proportions', () => {
  it('Wilson, Newcombe and Wald intervals and the relative lift with Katz’s interval as SciPy gives them', () => {
    for (const c of reference.proportionEffects) {
      const control = arm(c.control);
      const treatment = arm(c.treatment);
      const d = differenceOfProportions(control, treatment);
      assertRelative(d.difference, c.difference, 1e-12, `${c.name}: difference`);
      c.newcombe.forEach((v, i) => assertRelative(d.newcombe[i] ?? Number.NaN, v, 1e-9, `${c.name}: Newcombe[${i}]`));
      c.wald.forEach((v, i) => assertRelative(d.wald[i] ?? Number.NaN, v, 1e-9, `${c.name}: Wald[${i}]`));
      wilsonInterval(control).forEach((v, i) => assertRelative(v, c.wilsonControl[i] ?? 0, 1e-12, `${c.name}: Wilson`));
      wilsonInterval(treatment).forEach((v, i) =>
        assertRelative(v, c.wilsonTreatment[i] ?? 0, 1e-12, `${c.name}: Wilson`),
      );
      const lift = relativeLift(control, treatment);
      assertRelative(lift.lift, c.lift, 1e-12, `${c.name}: lift`);
      c.liftInterval.forEach((v, i) =>
        assertRelative(lift.interval[i] ?? Number.NaN, v, 1e-9, `${c.name}: lift interval[${i}]`),
      );
    }
  });

  it("matches Newcombe's published example (56/70 vs 48/80: 0.0524 to 0.3339)", () => {
    const { newcombe } = differenceOfProportions({ successes: 48, trials: 80 }, { successes: 56, trials: 70 });
    assert.deepEqual(
      newcombe.map((x) => x.toFixed(4)),
      ['0.0524', '0.3339'],
    );
  });
});

describe('welchTTest and standardized effect sizes', () => {
  it('reproduce scipy.stats.ttest_ind(equal_var=False): t, df, p (two-sided and less), interval; Cohen’s d, Hedges’ g', () => {
    for (const c of reference.welch) {
      const control = generate(c.control);
      const treatment = generate(c.treatment);
      const result = welchTTest(control, treatment);
      assertRelative(result.t, c.t, STATISTIC, `${c.name}: t`);
      assertRelative(result.df, c.df, STATISTIC, `${c.name}: df`);
      assertRelative(result.pValue, c.pValue, P_VALUE, `${c.name}: p`);
      assertRelative(result.meanDifference, c.meanDifference, STATISTIC, `${c.name}: difference`);
      c.interval.forEach((v, i) =>
        assertRelative(result.interval[i] ?? Number.NaN, v, STATISTIC, `${c.name}: interval[${i}]`),
      );
      const less = welchTTest(control, treatment, { alternative: 'less' });
      assertRelative(less.pValue, c.pValueLess, P_VALUE, `${c.name}: p (less)`);
      const effect = standardizedMeanDifference(control, treatment);
      assertRelative(effect.cohensD, c.cohensD, STATISTIC, `${c.name}: d`);
      assertRelative(effect.hedgesG, c.hedgesG, STATISTIC, `${c.name}: g`);
      c.cohensDInterval.forEach((v, i) =>
        assertRelative(effect.cohensDInterval[i] ?? 0, v, STATISTIC, `${c.name}: d CI`),
      );
      c.hedgesGInterval.forEach((v, i) =>
        assertRelative(effect.hedgesGInterval[i] ?? 0, v, STATISTIC, `${c.name}: g CI`),
      );
    }
  });

  it('takes summaries as well as raw values, with the same result', () => {
    const control = [3.1, 2.4, 5.6, 4.4, 3.9, 4.1];
    const treatment = [4.9, 5.1, 3.8, 6.2, 5.5];
    const fromValues = welchTTest(control, treatment);
    const fromSummaries = welchTTest(summarize(control), summarize(treatment));
    assert.deepEqual(fromSummaries, fromValues);
    assert.throws(() => welchTTest([1], treatment), RangeError);
  });

  it("Hedges' correction J is Γ(m/2)/(√(m/2)·Γ((m−1)/2)) ≈ 1 − 3/(4m − 1)", () => {
    const { correction } = standardizedMeanDifference({ n: 10, mean: 0, variance: 1 }, { n: 12, mean: 1, variance: 1 });
    // m = 20: the approximation 1 − 3/79 = 0.96203 agrees to four digits.
    assert.ok(Math.abs(correction - (1 - 3 / 79)) < 1e-4, `J = ${correction}`);
  });
});

describe('sampleSizeTwoProportions', () => {
  it('hand-checked: 10 % → 12 %, α = 0.05 two-sided, power 0.8 needs 3,841 per arm', () => {
    // z₀.₉₇₅ = 1.959964, z₀.₈ = 0.841621, p̄ = 0.11:
    // (1.959964·√(2·0.11·0.89) + 0.841621·√(0.1·0.9 + 0.12·0.88))² / 0.02²
    //   = (1.959964·0.442493 + 0.841621·0.442267)² / 0.0004 = 1.239491² / 0.0004 = 3840.85 → 3841.
    const result = sampleSizeTwoProportions({ baselineRate: 0.1, minimumDetectableEffect: 0.02 });
    assert.equal(result.perArm, 3841);
    assert.equal(result.total, 7682);
    assertRelative(result.treatmentRate, 0.12, 1e-15, 'p₂');
  });

  it('matches the formula evaluated with SciPy for relative, one-sided and negative effects', () => {
    for (const c of reference.sampleSize) {
      const result = sampleSizeTwoProportions(c);
      assert.equal(result.perArm, c.perArm, JSON.stringify(c));
    }
  });

  it('needs more trials for smaller effects and more power', () => {
    const base = { baselineRate: 0.05, minimumDetectableEffect: 0.01 };
    const n = sampleSizeTwoProportions(base).perArm;
    assert.ok(sampleSizeTwoProportions({ ...base, minimumDetectableEffect: 0.005 }).perArm > 3.5 * n);
    assert.ok(sampleSizeTwoProportions({ ...base, power: 0.9 }).perArm > n);
    assert.throws(() => sampleSizeTwoProportions({ baselineRate: 0.95, minimumDetectableEffect: 0.1 }), RangeError);
  });
});

describe('thompsonAllocation', () => {
  const arms = [
    { name: 'A', successes: 120, trials: 1000 },
    { name: 'B', successes: 150, trials: 1000 },
    { name: 'C', successes: 30, trials: 300 },
  ];

  it('is reproducible with a seed and changes with it', () => {
    const first = thompsonAllocation(arms, { seed: 42, draws: 5000 });
    assert.deepEqual(thompsonAllocation(arms, { seed: 42, draws: 5000 }), first);
    assert.notDeepEqual(thompsonAllocation(arms, { seed: 43, draws: 5000 }).arms, first.arms);
    assert.equal(first.seed, 42);
  });

  it('gives a clearly better arm most of the traffic, and allocations that sum to one', () => {
    const result = thompsonAllocation(arms, { seed: 1 });
    const [a, b, c] = result.arms;
    assert.equal(result.bestArm, 1);
    // P(p_B > p_A) ≈ Φ(0.03 / 0.0152) ≈ 0.976; C's 10 % is below both.
    assert.ok((b?.allocation ?? 0) > 0.9, `B gets ${b?.allocation}`);
    assert.ok((a?.allocation ?? 1) < 0.1 && (c?.allocation ?? 1) < 0.05);
    const total = result.arms.reduce((s, arm) => s + arm.allocation, 0);
    assertRelative(total, 1, 1e-12, 'allocations sum');
    assert.ok((b?.expectedLoss ?? 1) < (a?.expectedLoss ?? 0), 'the best arm has the smallest expected loss');
    assertRelative(b?.posteriorMean ?? 0, 151 / 1002, 1e-15, 'posterior mean (1 + s)/(2 + n)');
  });

  it('splits evenly between identical arms and stays uninformed without data', () => {
    const even = thompsonAllocation(
      [
        { successes: 50, trials: 100 },
        { successes: 50, trials: 100 },
      ],
      { seed: 7, draws: 20_000 },
    );
    // Binomial(20000, ½): standard error 0.0035; five of them.
    assert.ok(Math.abs((even.arms[0]?.allocation ?? 0) - 0.5) < 0.018);
    const empty = thompsonAllocation([
      { successes: 0, trials: 0 },
      { successes: 0, trials: 0 },
      { successes: 0, trials: 0 },
    ]);
    for (const armResult of empty.arms) assert.ok(Math.abs(armResult.allocation - 1 / 3) < 0.02);
    assert.throws(() => thompsonAllocation([]), RangeError);
    assert.throws(() => thompsonAllocation([{ successes: 5, trials: 3 }]), RangeError);
  });

  it('agrees with the exact P(p_B > p_A) for two arms (Beta posteriors, numerical integral)', () => {
    const two = [
      { successes: 12, trials: 40 },
      { successes: 20, trials: 45 },
    ];
    const result = thompsonAllocation(two, { seed: 3, draws: 40_000 });
    // P(X > Y) for X ~ Beta(21, 26), Y ~ Beta(13, 29), by the midpoint rule on 20,000 cells.
    const logBetaPdf = (x: number, a: number, b: number, logNorm: number): number =>
      (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm;
    const cells = 20_000;
    const lnB = (a: number, b: number): number => {
      let s = 0;
      for (let i = 0; i < cells; i++) {
        const x = (i + 0.5) / cells;
        s += Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x));
      }
      return Math.log(s / cells);
    };
    const lx = lnB(21, 26);
    const ly = lnB(13, 29);
    let cdfY = 0;
    let exact = 0;
    for (let i = 0; i < cells; i++) {
      const x = (i + 0.5) / cells;
      const fy = Math.exp(logBetaPdf(x, 13, 29, ly)) / cells;
      cdfY += fy / 2;
      exact += (Math.exp(logBetaPdf(x, 21, 26, lx)) / cells) * cdfY;
      cdfY += fy / 2;
    }
    // Monte Carlo standard error √(p(1−p)/40000) ≈ 0.0016.
    assert.ok(
      Math.abs((result.arms[1]?.probabilityBest ?? 0) - exact) < 0.008,
      `${result.arms[1]?.probabilityBest} vs ${exact}`,
    );
  });
});
