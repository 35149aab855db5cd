/**
 * A/B tests on a numeric outcome (revenue per user, latency, a score): Welch's t-test and the
 * standardized effect sizes Cohen's d and Hedges' g.
 *
 * Convention: arguments are (control, treatment); differences are treatment − control. Each
 * accepts raw values or a {@link SampleSummary}, so a streaming caller can pass counts, means
 * and variances it accumulated itself.
 */

import { mean, sampleVariance } from 'simple-statistics';
import { normalQuantile } from '../stats/normal';
import { logGamma } from '../stats/special';
import { studentTQuantile, studentTTails } from '../stats/studentT';
import type { Alternative } from '../stats/binomial';

/** Size, mean and sample variance (n − 1 denominator) of one group. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance with Bessel's correction, as NumPy's `var(ddof=1)`. */
  variance: number;
}

/**
 * Summary of a sample: simple-statistics' `mean` (compensated summation) and `sampleVariance`
 * (two-pass, n − 1). A single value has variance NaN.
 */
export function summarize(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new RangeError('summarize: the sample is empty');
  return {
    n: values.length,
    mean: mean(values),
    variance: values.length > 1 ? sampleVariance(values) : Number.NaN,
  };
}

function toSummary(group: readonly number[] | SampleSummary, what: string): SampleSummary {
  const summary = Array.isArray(group) ? summarize(group as readonly number[]) : (group as SampleSummary);
  if (!(Number.isInteger(summary.n) && summary.n >= 2))
    throw new RangeError(`${what}: needs at least 2 values, got ${summary.n}`);
  return summary;
}

/** The result of {@link welchTTest}. */
export interface WelchTTestResult {
  /** (m_t − m_c) / √(v_t/n_t + v_c/n_c). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (real). */
  df: number;
  pValue: number;
  alternative: Alternative;
  /** m_t − m_c. */
  meanDifference: number;
  /** √(v_t/n_t + v_c/n_c). */
  standardError: number;
  confidence: number;
  /** Interval for m_t − m_c: the difference ± t_{df, 1−α/2}·SE (one-sided alternatives give a half-line). */
  interval: [number, number];
}

/**
 * Welch's unequal-variance t-test — `scipy.stats.ttest_ind(treatment, control, equal_var=False,
 * alternative)`: t and the Welch–Satterthwaite df
 * (v_t/n_t + v_c/n_c)² / ((v_t/n_t)²/(n_t − 1) + (v_c/n_c)²/(n_c − 1)), the p-value from
 * Student's t, and the interval SciPy's `confidence_interval()` gives. When both variances are
 * zero, as in SciPy, df is taken as 1 and t is ±∞ or NaN.
 */
export function welchTTest(
  control: readonly number[] | SampleSummary,
  treatment: readonly number[] | SampleSummary,
  options: { alternative?: Alternative; confidence?: number } = {},
): WelchTTestResult {
  const c = toSummary(control, 'welchTTest control');
  const t0 = toSummary(treatment, 'welchTTest treatment');
  const alternative = options.alternative ?? 'two-sided';
  const confidence = options.confidence ?? 0.95;
  const vc = c.variance / c.n;
  const vt = t0.variance / t0.n;
  let df = (vt + vc) ** 2 / ((vt * vt) / (t0.n - 1) + (vc * vc) / (c.n - 1));
  if (Number.isNaN(df)) df = 1;
  const standardError = Math.sqrt(vt + vc);
  const meanDifference = t0.mean - c.mean;
  const t = meanDifference / standardError;
  const tails = studentTTails(t, df);
  const pValue =
    alternative === 'less'
      ? tails.lower
      : alternative === 'greater'
        ? tails.upper
        : Math.min(1, 2 * Math.min(tails.lower, tails.upper));
  let interval: [number, number];
  if (alternative === 'two-sided') {
    const q = studentTQuantile(1 - (1 - confidence) / 2, df);
    interval = [meanDifference - q * standardError, meanDifference + q * standardError];
  } else {
    const q = studentTQuantile(confidence, df);
    interval =
      alternative === 'less'
        ? [-Infinity, meanDifference + q * standardError]
        : [meanDifference - q * standardError, Infinity];
  }
  return { t, df, pValue, alternative, meanDifference, standardError, confidence, interval };
}

/** The result of {@link standardizedMeanDifference}. */
export interface StandardizedMeanDifference {
  /** Cohen's d = (m_t − m_c) / s_p, s_p² = ((n_c − 1)v_c + (n_t − 1)v_t) / (n_c + n_t − 2). */
  cohensD: number;
  /** Hedges' g = J·d with the exact small-sample correction J = Γ(m/2) / (√(m/2)·Γ((m−1)/2)), m = n_c + n_t − 2. */
  hedgesG: number;
  /** The correction factor J. */
  correction: number;
  /** The pooled standard deviation s_p. */
  pooledStandardDeviation: number;
  /** SE(d) = √((n_c + n_t)/(n_c·n_t) + d²/(2(n_c + n_t))) (Hedges and Olkin's large-sample variance). */
  standardError: number;
  confidence: number;
  /** d ± z_{1−α/2}·SE(d). */
  cohensDInterval: [number, number];
  /** J times the ends of the d interval (SE(g) = J·SE(d)). */
  hedgesGInterval: [number, number];
}

/**
 * Cohen's d and Hedges' g for treatment − control, with normal-approximation intervals
 * (Hedges and Olkin 1985); adequate from about 10 values per group, conservative-ish below.
 */
export function standardizedMeanDifference(
  control: readonly number[] | SampleSummary,
  treatment: readonly number[] | SampleSummary,
  confidence = 0.95,
): StandardizedMeanDifference {
  const c = toSummary(control, 'standardizedMeanDifference control');
  const t = toSummary(treatment, 'standardizedMeanDifference treatment');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const m = c.n + t.n - 2;
  const pooledStandardDeviation = Math.sqrt(((c.n - 1) * c.variance + (t.n - 1) * t.variance) / m);
  const cohensD = (t.mean - c.mean) / pooledStandardDeviation;
  const correction = Math.exp(logGamma(m / 2) - logGamma((m - 1) / 2)) / Math.sqrt(m / 2);
  const total = c.n + t.n;
  const standardError = Math.sqrt(total / (c.n * t.n) + (cohensD * cohensD) / (2 * total));
  const z = -normalQuantile((1 - confidence) / 2);
  const cohensDInterval: [number, number] = [cohensD - z * standardError, cohensD + z * standardError];
  return {
    cohensD,
    hedgesG: correction * cohensD,
    correction,
    pooledStandardDeviation,
    standardError,
    confidence,
    cohensDInterval,
    hedgesGInterval: [correction * cohensDInterval[0], correction * cohensDInterval[1]],
  };
}
