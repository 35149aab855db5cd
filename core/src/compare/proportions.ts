/**
 * A/B tests on conversion-style outcomes (successes out of trials per arm): the two-proportion
 * z-test, the chi-square test on the 2×2 table, the difference and relative lift with intervals,
 * and the sample size an experiment needs.
 *
 * Convention throughout: arguments are (control, treatment) and differences are
 * treatment − control.
 */

import { chiSquareContingency, type ChiSquareContingencyResult } from '../stats/contingency';
import { normalQuantile, normalTails } from '../stats/normal';
import type { Alternative } from '../stats/binomial';

/** One arm of an experiment: how many trials, how many of them succeeded. */
export interface ProportionArm {
  successes: number;
  trials: number;
}

function checkArm(arm: ProportionArm, what: string): void {
  if (!Number.isInteger(arm.trials) || arm.trials < 1)
    throw new RangeError(`${what}: trials must be a positive integer, got ${arm.trials}`);
  if (!Number.isInteger(arm.successes) || arm.successes < 0 || arm.successes > arm.trials) {
    throw new RangeError(`${what}: successes must be an integer in 0…${arm.trials}, got ${arm.successes}`);
  }
}

function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  // z with P(|Z| > z) = 1 − confidence, from the small tail for accuracy.
  return -normalQuantile((1 - confidence) / 2);
}

/** A p-value from a standard normal statistic. */
function normalPValue(z: number, alternative: Alternative): number {
  const { lower, upper } = normalTails(z);
  if (alternative === 'less') return lower;
  if (alternative === 'greater') return upper;
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** The result of {@link twoProportionZTest}. */
export interface TwoProportionZTestResult {
  /** (p_t − p_c) / √(p̄(1 − p̄)(1/n_c + 1/n_t)). */
  z: number;
  pValue: number;
  /** p̄, the pooled success rate of both arms. */
  pooledRate: number;
  /** p_t − p_c. */
  difference: number;
  alternative: Alternative;
}

/**
 * Two-proportion z-test with the pooled variance under H₀: p_c = p_t — the same z as
 * `statsmodels.stats.proportion.proportions_ztest([x_t, x_c], [n_t, n_c])`; z² equals the
 * uncorrected chi-square statistic of the 2×2 table. `alternative` `greater` asks whether the
 * treatment rate is higher. When both arms are all failures or all successes there is no
 * variance and no evidence: z = 0, p = 1.
 */
export function twoProportionZTest(
  control: ProportionArm,
  treatment: ProportionArm,
  alternative: Alternative = 'two-sided',
): TwoProportionZTestResult {
  checkArm(control, 'twoProportionZTest control');
  checkArm(treatment, 'twoProportionZTest treatment');
  const pc = control.successes / control.trials;
  const pt = treatment.successes / treatment.trials;
  const pooledRate = (control.successes + treatment.successes) / (control.trials + treatment.trials);
  const variance = pooledRate * (1 - pooledRate) * (1 / control.trials + 1 / treatment.trials);
  const difference = pt - pc;
  if (variance === 0) return { z: 0, pValue: 1, pooledRate, difference, alternative };
  const z = difference / Math.sqrt(variance);
  return { z, pValue: normalPValue(z, alternative), pooledRate, difference, alternative };
}

/**
 * Pearson's chi-square test on the 2×2 table [[s_c, f_c], [s_t, f_t]] —
 * `scipy.stats.chi2_contingency(table, correction)`; with `correction` (default true, as SciPy)
 * Yates' continuity correction is applied.
 */
export function proportionsChiSquare(
  control: ProportionArm,
  treatment: ProportionArm,
  correction = true,
): ChiSquareContingencyResult {
  checkArm(control, 'proportionsChiSquare control');
  checkArm(treatment, 'proportionsChiSquare treatment');
  return chiSquareContingency(
    [
      [control.successes, control.trials - control.successes],
      [treatment.successes, treatment.trials - treatment.successes],
    ],
    { correction },
  );
}

/** Wilson's score interval for one proportion (Wilson 1927), as `binomtest(...).proportion_ci(method='wilson')`. */
export function wilsonInterval(arm: ProportionArm, confidence = 0.95): [number, number] {
  checkArm(arm, 'wilsonInterval');
  const z = checkConfidence(confidence);
  const n = arm.trials;
  const p = arm.successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, center - halfWidth), Math.min(1, center + halfWidth)];
}

/** The result of {@link differenceOfProportions}. */
export interface ProportionDifference {
  controlRate: number;
  treatmentRate: number;
  /** p_t − p_c. */
  difference: number;
  confidence: number;
  /**
   * Newcombe's hybrid score interval (Newcombe 1998, method 10) from the two Wilson intervals:
   * the recommended one — it stays inside [−1, 1] and keeps close to nominal coverage with small
   * counts and rates near 0 or 1.
   */
  newcombe: [number, number];
  /** The Wald interval d ± z·√(p_c(1−p_c)/n_c + p_t(1−p_t)/n_t), for comparison; too narrow with small counts. */
  wald: [number, number];
}

/** The difference of two proportions with Newcombe's and Wald's intervals at `confidence` (default 0.95). */
export function differenceOfProportions(
  control: ProportionArm,
  treatment: ProportionArm,
  confidence = 0.95,
): ProportionDifference {
  checkArm(control, 'differenceOfProportions control');
  checkArm(treatment, 'differenceOfProportions treatment');
  const z = checkConfidence(confidence);
  const pc = control.successes / control.trials;
  const pt = treatment.successes / treatment.trials;
  const difference = pt - pc;
  const [lc, uc] = wilsonInterval(control, confidence);
  const [lt, ut] = wilsonInterval(treatment, confidence);
  const newcombe: [number, number] = [
    difference - Math.sqrt((pt - lt) ** 2 + (uc - pc) ** 2),
    difference + Math.sqrt((ut - pt) ** 2 + (pc - lc) ** 2),
  ];
  const se = Math.sqrt((pc * (1 - pc)) / control.trials + (pt * (1 - pt)) / treatment.trials);
  const wald: [number, number] = [difference - z * se, difference + z * se];
  return { controlRate: pc, treatmentRate: pt, difference, confidence, newcombe, wald };
}

/** The result of {@link relativeLift}. */
export interface RelativeLift {
  /** p_t / p_c − 1: +0.1 means the treatment converts 10 % more often. Infinity if p_c = 0 < p_t; NaN if both are 0. */
  lift: number;
  /** The risk ratio p_t / p_c. */
  riskRatio: number;
  confidence: number;
  /**
   * The interval for the lift from Katz's log interval of the risk ratio,
   * exp(ln RR ± z·√(1/x_t − 1/n_t + 1/x_c − 1/n_c)) − 1 —
   * `scipy.stats.contingency.relative_risk(x_t, n_t, x_c, n_c).confidence_interval()` minus one.
   * With zero successes in an arm the ends SciPy leaves undefined are NaN (−1 or Infinity where
   * SciPy gives 0 or inf).
   */
  interval: [number, number];
}

/** Relative lift of the treatment over the control, with Katz's log interval. */
export function relativeLift(control: ProportionArm, treatment: ProportionArm, confidence = 0.95): RelativeLift {
  checkArm(control, 'relativeLift control');
  checkArm(treatment, 'relativeLift treatment');
  const z = checkConfidence(confidence);
  const xt = treatment.successes;
  const xc = control.successes;
  let riskRatio: number;
  let interval: [number, number];
  if (xt === 0 && xc === 0) {
    riskRatio = Number.NaN;
    interval = [Number.NaN, Number.NaN];
  } else if (xt === 0) {
    riskRatio = 0;
    interval = [0, Number.NaN];
  } else if (xc === 0) {
    riskRatio = Infinity;
    interval = [Number.NaN, Infinity];
  } else {
    riskRatio = xt / treatment.trials / (xc / control.trials);
    const se = Math.sqrt(1 / xt - 1 / treatment.trials + 1 / xc - 1 / control.trials);
    interval = [riskRatio * Math.exp(-z * se), riskRatio * Math.exp(z * se)];
  }
  return { lift: riskRatio - 1, riskRatio, confidence, interval: [interval[0] - 1, interval[1] - 1] };
}

/** Inputs of {@link sampleSizeTwoProportions}. */
export interface SampleSizeInput {
  /** The control arm's expected success rate p₁, in (0, 1). */
  baselineRate: number;
  /**
   * The smallest change worth detecting: an absolute difference in rate (0.01 = one percentage
   * point) or, with `relative`, a fraction of the baseline (0.05 = a 5 % lift).
   */
  minimumDetectableEffect: number;
  relative?: boolean;
  /** Significance level, default 0.05. */
  alpha?: number;
  /** Power 1 − β, default 0.8. */
  power?: number;
  /** Two-sided (default) or one-sided test. */
  alternative?: 'two-sided' | 'one-sided';
}

/** The result of {@link sampleSizeTwoProportions}. */
export interface SampleSizeResult {
  /** Trials needed in each arm (rounded up). */
  perArm: number;
  total: number;
  baselineRate: number;
  /** p₂, the rate the treatment must reach. */
  treatmentRate: number;
  /** p₂ − p₁. */
  absoluteEffect: number;
  alpha: number;
  power: number;
  /** The formula used, for reports. */
  formula: string;
}

/**
 * Trials per arm for a two-sided (or one-sided) two-proportion z-test to detect p₁ → p₂ with
 * significance α and power 1 − β, by the normal approximation (Fleiss, without continuity
 * correction):
 *
 *   n = ⌈ (z_{1−α/2}·√(2·p̄·(1 − p̄)) + z_{1−β}·√(p₁(1 − p₁) + p₂(1 − p₂)))² / (p₂ − p₁)² ⌉,
 *   p̄ = (p₁ + p₂)/2,
 *
 * with z_{1−α} in place of z_{1−α/2} for a one-sided test.
 */
export function sampleSizeTwoProportions(input: SampleSizeInput): SampleSizeResult {
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const p1 = input.baselineRate;
  const absoluteEffect = input.relative ? p1 * input.minimumDetectableEffect : input.minimumDetectableEffect;
  const p2 = p1 + absoluteEffect;
  if (!(p1 > 0 && p1 < 1)) throw new RangeError(`sampleSizeTwoProportions: baselineRate must be in (0, 1), got ${p1}`);
  if (!(absoluteEffect !== 0 && p2 > 0 && p2 < 1)) {
    throw new RangeError(
      `sampleSizeTwoProportions: the effect must be non-zero and keep the rate in (0, 1) (got ${p2})`,
    );
  }
  if (!(alpha > 0 && alpha < 1))
    throw new RangeError(`sampleSizeTwoProportions: alpha must be in (0, 1), got ${alpha}`);
  if (!(power > 0 && power < 1))
    throw new RangeError(`sampleSizeTwoProportions: power must be in (0, 1), got ${power}`);
  const twoSided = (input.alternative ?? 'two-sided') === 'two-sided';
  const zAlpha = -normalQuantile(twoSided ? alpha / 2 : alpha);
  const zBeta = -normalQuantile(1 - power);
  const pBar = (p1 + p2) / 2;
  const numerator = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const exact = (numerator * numerator) / (absoluteEffect * absoluteEffect);
  // Guard against 3841.0000000000005 rounding up to 3842.
  const perArm = Math.ceil(exact - 1e-9 * exact);
  return {
    perArm,
    total: 2 * perArm,
    baselineRate: p1,
    treatmentRate: p2,
    absoluteEffect,
    alpha,
    power,
    formula: `n = ⌈(z_{1−α${twoSided ? '/2' : ''}}·√(2p̄(1−p̄)) + z_{1−β}·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)²⌉, p̄ = (p₁ + p₂)/2`,
  };
}
