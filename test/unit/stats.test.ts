// core/src/stats: distributions, binomial test, two-sample KS, contingency tables, sampling and
// multiple testing, against SciPy (scripts/reference/stats_reference.py →
// test/fixtures/reference/stats.json) and against properties that hold whatever the reference.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../core/src/random/rng';
import { binomialCdf, binomialPmf, binomialSf, binomialTest, type Alternative } from '../../core/src/stats/binomial';
import { chiSquareCdf, chiSquareSf } from '../../core/src/stats/chiSquare';
import { chiSquareContingency, cramersV } from '../../core/src/stats/contingency';
import { kolmogorovSmirnovTails, kolmogorovTails, ksTwoSample, smirnovSf } from '../../core/src/stats/kolmogorov';
import { bonferroniAdjust, holmAdjust } from '../../core/src/stats/multipleTesting';
import { normalCdf, normalPdf, normalQuantile, normalSf } from '../../core/src/stats/normal';
import { sampleBeta, sampleGamma, sampleStandardNormal } from '../../core/src/stats/sampling';
import { logBeta, logGamma, regularizedBeta, regularizedGamma } from '../../core/src/stats/special';
import { studentTCdf, studentTQuantile, studentTSf } from '../../core/src/stats/studentT';

import { assertRelative, generate, readReference, type SampleSpec } from './statsReference';

interface Reference {
  generatedBy: string;
  scipy: string;
  distributions: {
    normal: { x: number; cdf: number; sf: number; pdf: number }[];
    normalQuantile: { p: number; x: number }[];
    studentT: { t: number; df: number; cdf: number; sf: number }[];
    studentTQuantile: { p: number; df: number; t: number }[];
    chiSquare: { x: number; df: number; cdf: number; sf: number }[];
    binomial: { k: number; n: number; p: number; pmf: number; cdf: number; sf: number }[];
    binomtest: { name: string; k: number; n: number; p: number; alternative: Alternative; pValue: number }[];
    kolmogorov: { x: number; sf: number; cdf: number }[];
    smirnov: { n: number; d: number; sf: number }[];
    kstwo: { n: number; d: number; sf: number; cdf: number }[];
  };
  ks2samp: {
    name: string;
    a: SampleSpec;
    b: SampleSpec;
    statistic: number;
    pValue: number;
    location: number;
    sign: number;
    method: string;
  }[];
  chiSquareContingency: {
    name: string;
    table: number[][];
    correction: boolean;
    statistic: number;
    pValue: number;
    dof: number;
    cramersV?: number;
  }[];
}

const reference = readReference() as Reference;
/** Distributions: SciPy's own accuracy is about 1e-14 on this grid. */
const DISTRIBUTION = 1e-12;

describe('stats reference fixture', () => {
  it('was made by the committed script with SciPy', () => {
    assert.equal(reference.generatedBy, 'scripts/reference/stats_reference.py');
    assert.match(reference.scipy, /^1\./);
  });
});

describe('normal distribution', () => {
  it('matches SciPy for Φ, 1 − Φ and φ from −38 to 37', () => {
    for (const { x, cdf, sf, pdf } of reference.distributions.normal) {
      assertRelative(normalCdf(x), cdf, DISTRIBUTION, `normalCdf(${x})`);
      assertRelative(normalSf(x), sf, DISTRIBUTION, `normalSf(${x})`);
      assertRelative(normalPdf(x), pdf, DISTRIBUTION, `normalPdf(${x})`);
    }
  });

  it('matches SciPy for the quantile down to p = 1e-300', () => {
    for (const { p, x } of reference.distributions.normalQuantile) {
      assertRelative(normalQuantile(p), x, DISTRIBUTION, `normalQuantile(${p})`);
    }
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.ok(Number.isNaN(normalQuantile(1.5)));
  });

  it('inverts: Φ(Φ⁻¹(p)) = p across the range', () => {
    for (const p of [1e-200, 1e-12, 0.01, 0.2, 0.5, 0.8, 0.99]) {
      assertRelative(normalCdf(normalQuantile(p)), p, 1e-12, `Φ(Φ⁻¹(${p}))`);
    }
  });
});

describe('Student t distribution', () => {
  it('matches SciPy on a grid of t and degrees of freedom (1 … 10⁶, fractional too)', () => {
    for (const { t, df, cdf, sf } of reference.distributions.studentT) {
      assertRelative(studentTCdf(t, df), cdf, DISTRIBUTION, `studentTCdf(${t}, ${df})`);
      assertRelative(studentTSf(t, df), sf, DISTRIBUTION, `studentTSf(${t}, ${df})`);
    }
  });

  it('matches SciPy for quantiles to 1e-8 (t.ppf itself is off by up to 1.5e-9) and inverts the cdf to 1e-13', () => {
    for (const { p, df, t } of reference.distributions.studentTQuantile) {
      const q = studentTQuantile(p, df);
      assertRelative(q, t, 1e-8, `studentTQuantile(${p}, ${df})`);
      assertRelative(
        p < 0.5 ? studentTCdf(q, df) : studentTSf(q, df),
        p < 0.5 ? p : 1 - p,
        1e-13,
        `cdf(quantile(${p}), ${df})`,
      );
    }
    // mpmath, 50 digits, where SciPy is off by 3e-10 and 1.5e-9.
    assertRelative(studentTQuantile(0.3, 3), -0.5843897274398187, 1e-14, 'studentTQuantile(0.3, 3)');
    assertRelative(studentTQuantile(0.001, 100), -3.173739493738783, 1e-14, 'studentTQuantile(0.001, 100)');
    // The textbook table: t_{0.975, 10} = 2.228.
    assert.equal(studentTQuantile(0.975, 10).toFixed(3), '2.228');
  });

  it('tends to the normal as the degrees of freedom grow', () => {
    assertRelative(studentTSf(2, 1e12), normalSf(2), 1e-10, 't(1e12) vs normal');
    assert.equal(studentTSf(2, Infinity), normalSf(2));
  });
});

describe('chi-square distribution', () => {
  it('matches SciPy on a grid of x/df from 1e-6 to 20 and df from ½ to 10⁴, and in the far tail', () => {
    for (const { x, df, cdf, sf } of reference.distributions.chiSquare) {
      assertRelative(chiSquareCdf(x, df), cdf, DISTRIBUTION, `chiSquareCdf(${x}, ${df})`);
      assertRelative(chiSquareSf(x, df), sf, DISTRIBUTION, `chiSquareSf(${x}, ${df})`);
    }
  });

  it('gives the textbook critical value: P(χ²₁ > 3.841) = 0.05', () => {
    assert.equal(chiSquareSf(3.841458820694124, 1).toFixed(6), '0.050000');
  });
});

describe('binomial distribution and test', () => {
  it('matches SciPy for pmf, cdf and sf up to n = 10⁶', () => {
    for (const { k, n, p, pmf, cdf, sf } of reference.distributions.binomial) {
      // 1e-11: SciPy's pmf at (59000, 10⁵, 0.6) is off by 3.5e-12 (mpmath: 2.43050032341077e-12).
      assertRelative(binomialPmf(k, n, p), pmf, 1e-11, `binomialPmf(${k}, ${n}, ${p})`);
      // 1e-11: at (30, 10⁵, 0.0005) SciPy's Boost cdf is off by 5.5e-12 (exact sum: 0.0015906435073105066).
      assertRelative(binomialCdf(k, n, p), cdf, 1e-11, `binomialCdf(${k}, ${n}, ${p})`);
      assertRelative(binomialSf(k, n, p), sf, DISTRIBUTION, `binomialSf(${k}, ${n}, ${p})`);
    }
    assertRelative(binomialCdf(30, 100000, 0.0005), 0.0015906435073105066, 1e-13, 'exact sum (mpmath)');
    assertRelative(binomialPmf(59000, 100000, 0.6), 2.43050032341077e-12, 1e-13, 'exact pmf (mpmath)');
  });

  it('reproduces scipy.stats.binomtest for every alternative', () => {
    for (const c of reference.distributions.binomtest) {
      const result = binomialTest(c.k, c.n, c.p, c.alternative);
      assertRelative(result.pValue, c.pValue, DISTRIBUTION, `binomtest ${c.name}`);
      assert.equal(result.statistic, c.k / c.n);
    }
  });

  it('refuses impossible arguments', () => {
    assert.throws(() => binomialTest(5, 3), RangeError);
    assert.throws(() => binomialTest(1, 0), RangeError);
    assert.throws(() => binomialTest(1, 5, 1.5), RangeError);
  });
});

describe('special functions', () => {
  it('log-gamma is accurate at integers and half-integers (absolute 1e-14 near its zeros at 1 and 2)', () => {
    assert.ok(Math.abs(logGamma(1)) < 1e-14 && Math.abs(logGamma(2)) < 1e-14);
    assertRelative(logGamma(10), Math.log(362880), 1e-15, 'lnΓ(10)');
    assertRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-15, 'lnΓ(½)');
    assertRelative(logGamma(171), 706.5730622457874, 1e-15, 'lnΓ(171)');
    assertRelative(logBeta(3, 4), Math.log(1 / 60), 1e-14, 'ln B(3, 4)');
    // mpmath; the naive lnΓ(a) + lnΓ(b) − lnΓ(a+b) is off in the 10th digit here.
    assertRelative(logBeta(1e6, 2.5), -34.254095399436515, 1e-14, 'ln B(10⁶, 2.5)');
  });

  it('incomplete gamma and beta tails sum to one and satisfy the reflection I_x(a,b) = 1 − I_{1−x}(b,a)', () => {
    for (const [a, x] of [
      [0.5, 0.1],
      [3, 2],
      [10, 30],
      [500, 480],
    ] as const) {
      const { lower, upper } = regularizedGamma(a, x);
      assertRelative(lower + upper, 1, 1e-15, `P + Q at (${a}, ${x})`);
    }
    for (const [x, a, b] of [
      [0.3, 2, 5],
      [0.9, 0.5, 0.5],
      [0.999, 1e5, 2],
      [0.01, 0.5, 3000],
    ] as const) {
      const forward = regularizedBeta(x, a, b);
      const reflected = regularizedBeta(1 - x, b, a, x);
      assertRelative(forward.lower, reflected.upper, 1e-13, `I_${x}(${a}, ${b}) reflected`);
    }
    // I_x(1, 1) = x; I_x(a, 1) = x^a.
    assertRelative(regularizedBeta(0.37, 1, 1).lower, 0.37, 1e-14, 'I_x(1,1)');
    assertRelative(regularizedBeta(0.9, 7, 1).lower, 0.9 ** 7, 1e-14, 'I_x(7,1)');
  });
});

describe('Kolmogorov–Smirnov distributions', () => {
  it('matches scipy.special.kolmogorov and kstwobign', () => {
    for (const { x, sf, cdf } of reference.distributions.kolmogorov) {
      const t = kolmogorovTails(x);
      assertRelative(t.upper, sf, DISTRIBUTION, `kolmogorov sf(${x})`);
      assertRelative(t.lower, cdf, 1e-11, `kolmogorov cdf(${x})`);
    }
  });

  it('matches scipy.special.smirnov (one-sided, exact) for n up to 10⁵', () => {
    for (const { n, d, sf } of reference.distributions.smirnov) {
      assertRelative(smirnovSf(n, d), sf, DISTRIBUTION, `smirnov(${n}, ${d})`);
    }
  });

  it('matches scipy.stats.kstwo in every one of its regions (n from 1 to 2·10⁵)', () => {
    for (const { n, d, sf, cdf } of reference.distributions.kstwo) {
      const t = kolmogorovSmirnovTails(n, d);
      assertRelative(t.upper, sf, DISTRIBUTION, `kstwo.sf(${d}, ${n})`);
      assertRelative(t.lower, cdf, DISTRIBUTION, `kstwo.cdf(${d}, ${n})`);
    }
  });
});

describe('ksTwoSample', () => {
  it('reproduces scipy.stats.ks_2samp: statistic to 1e-12, p-value to 1e-9, method, location and sign', () => {
    assert.ok(reference.ks2samp.length >= 15);
    for (const c of reference.ks2samp) {
      const result = ksTwoSample(generate(c.a), generate(c.b));
      assertRelative(result.statistic, c.statistic, 1e-12, `${c.name}: statistic`);
      assertRelative(result.pValue, c.pValue, 1e-9, `${c.name}: p-value`);
      assert.equal(result.method, c.method, `${c.name}: method`);
      assert.equal(result.location, c.location, `${c.name}: location`);
      assert.equal(result.sign, c.sign, `${c.name}: sign`);
    }
  });

  it('covers exact, asymptotic, tied and far-tail cases', () => {
    const names = reference.ks2samp.map((c) => c.name).join(' ');
    for (const word of ['ties', 'far tail', 'asymptotic', 'exact', 'equal sizes', 'half-even']) {
      assert.ok(names.includes(word), `no case with ${word}`);
    }
    assert.ok(
      reference.ks2samp.some((c) => c.pValue < 1e-30),
      'no p-value far in the tail',
    );
  });

  it('is symmetric in its samples except for the sign', () => {
    const a = [0.1, 0.4, 0.45, 0.9, 1.3, 2.2];
    const b = [0.5, 0.6, 1.1, 1.9, 2.5, 2.6, 3.1];
    const ab = ksTwoSample(a, b);
    const ba = ksTwoSample(b, a);
    assert.equal(ab.statistic, ba.statistic);
    assert.equal(ab.pValue, ba.pValue);
    assert.equal(ab.sign, -ba.sign);
  });

  it('can be forced to the asymptotic method, and refuses NaN and empty samples', () => {
    const a = generate({ seed: 7, n: 300, terms: 4, shift: 0, tieDivisor: null });
    const b = generate({ seed: 8, n: 200, terms: 4, shift: 0.1, tieDivisor: null });
    const exact = ksTwoSample(a, b);
    const asymptotic = ksTwoSample(a, b, { method: 'asymp' });
    assert.equal(asymptotic.method, 'asymp');
    assert.ok(Math.abs(exact.pValue - asymptotic.pValue) < 0.02, `${exact.pValue} vs ${asymptotic.pValue}`);
    assert.throws(() => ksTwoSample([1, Number.NaN], [2]), RangeError);
    assert.throws(() => ksTwoSample([], [2]), RangeError);
  });
});

describe('chiSquareContingency and cramersV', () => {
  it('reproduce scipy.stats.chi2_contingency (with and without Yates) and association(method="cramer")', () => {
    for (const c of reference.chiSquareContingency) {
      const result = chiSquareContingency(c.table, { correction: c.correction });
      assertRelative(result.statistic, c.statistic, 1e-12, `${c.name}: statistic`);
      assertRelative(result.pValue, c.pValue, 1e-10, `${c.name}: p-value`);
      assert.equal(result.dof, c.dof, `${c.name}: dof`);
      if (c.cramersV !== undefined) assertRelative(cramersV(c.table), c.cramersV, 1e-12, `${c.name}: Cramér's V`);
    }
  });

  it('throws, as SciPy does, when a row or column sums to zero', () => {
    assert.throws(
      () =>
        chiSquareContingency([
          [0, 0],
          [3, 4],
        ]),
      /expected count at \(0, 0\) is zero/,
    );
  });
});

describe('seeded sampling', () => {
  it('reproduces the same draws for the same seed', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return [sampleStandardNormal(rng), sampleGamma(rng, 0.3), sampleGamma(rng, 7), sampleBeta(rng, 2, 5)];
    };
    assert.deepEqual(draw(11), draw(11));
    assert.notDeepEqual(draw(11), draw(12));
  });

  it('draws gamma and beta variates with the right mean and variance', () => {
    const rng = createRng(2024);
    const n = 100_000;
    for (const shape of [0.2, 1, 4.5, 300]) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = sampleGamma(rng, shape, 2);
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      // Gamma(k, θ = 2): mean 2k, variance 4k; bounds of 5 standard errors.
      const se = Math.sqrt((4 * shape) / n);
      assert.ok(Math.abs(mean - 2 * shape) < 5 * se, `Gamma(${shape}) mean ${mean}`);
      assert.ok(
        Math.abs(variance / (4 * shape) - 1) < 0.05 + 10 / Math.sqrt(n * shape),
        `Gamma(${shape}) variance ${variance}`,
      );
    }
    for (const [a, b] of [
      [0.5, 0.5],
      [2, 8],
      [150, 850],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const x = sampleBeta(rng, a, b);
        assert.ok(x >= 0 && x <= 1);
        sum += x;
      }
      const mean = a / (a + b);
      const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
      assert.ok(Math.abs(sum / n - mean) < (5 * sd) / Math.sqrt(n), `Beta(${a}, ${b}) mean ${sum / n}`);
    }
  });

  it('draws normals whose tails match Φ (Kolmogorov–Smirnov against the normal CDF)', () => {
    const rng = createRng(5);
    const n = 20_000;
    const xs = Float64Array.from({ length: n }, () => sampleStandardNormal(rng)).sort();
    let d = 0;
    xs.forEach((x, i) => {
      const f = normalCdf(x);
      d = Math.max(d, (i + 1) / n - f, f - i / n);
    });
    // P(D > d) from Kolmogorov's limit; a correct sampler fails this one time in a thousand.
    assert.ok(kolmogorovTails(Math.sqrt(n) * d).upper > 0.001, `D = ${d}`);
  });
});

describe('multiple testing', () => {
  it("Holm's adjustment: running maximum of (m − i + 1)·p₍ᵢ₎, in input order, NaN left out", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005, Number.NaN]);
    // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → max-carried 0.06.
    const expected = [0.03, 0.06, 0.06, 0.02];
    expected.forEach((e, i) => assertRelative(adjusted[i] ?? Number.NaN, e, 1e-15, `holm[${i}]`));
    assert.ok(Number.isNaN(adjusted[4]));
    assert.deepEqual(holmAdjust([0.6, 0.9]), [1, 1]);
  });

  it('Bonferroni multiplies by the number of tests and caps at 1', () => {
    assert.deepEqual(bonferroniAdjust([0.01, 0.2, 0.5]), [0.03, 0.6000000000000001, 1]);
  });
});
