/**
 * McNemar's test for two classifiers scored on the same examples (paired outcomes).
 */

import { binomialTest } from '../stats/binomial';
import { chiSquareSf } from '../stats/chiSquare';

/** Discordant-pair counts of two models on the same examples. */
export interface DiscordantPairs {
  /** Examples model A got right and model B got wrong. */
  b: number;
  /** Examples model A got wrong and model B got right. */
  c: number;
  /** Examples both got right. */
  bothRight: number;
  /** Examples both got wrong. */
  bothWrong: number;
}

/**
 * Counts the 2×2 table of paired outcomes from the true labels and two models' predictions
 * (compared with `===`, so pass labels of one type). Throws when the lengths differ.
 */
export function discordantPairs<T>(
  truth: readonly T[],
  predictionsA: readonly T[],
  predictionsB: readonly T[],
): DiscordantPairs {
  if (truth.length !== predictionsA.length || truth.length !== predictionsB.length) {
    throw new RangeError(
      `discordantPairs: lengths differ (truth ${truth.length}, A ${predictionsA.length}, B ${predictionsB.length})`,
    );
  }
  const counts: DiscordantPairs = { b: 0, c: 0, bothRight: 0, bothWrong: 0 };
  truth.forEach((y, i) => {
    const aRight = predictionsA[i] === y;
    const bRight = predictionsB[i] === y;
    if (aRight && bRight) counts.bothRight++;
    else if (aRight) counts.b++;
    else if (bRight) counts.c++;
    else counts.bothWrong++;
  });
  return counts;
}

/** The result of {@link mcnemarTest}. */
export interface McNemarResult {
  /**
   * `exact`: min(b, c), the binomial test's statistic (as statsmodels reports it); `chi-square`:
   * (|b − c| − 1)² / (b + c).
   */
  statistic: number;
  pValue: number;
  method: 'exact' | 'chi-square';
  /** b + c, the pairs that carry information. */
  discordant: number;
  b: number;
  c: number;
}

/** Options of {@link mcnemarTest}. */
export interface McNemarOptions {
  /** Use the exact binomial test when b + c is below this (default 25); the chi-square from there on. */
  exactBelow?: number;
  /** Edwards' continuity correction on the chi-square statistic (default true). */
  correction?: boolean;
}

/**
 * McNemar's test of H₀: both models have the same error rate, from the discordant counts b and c
 * — `statsmodels.stats.contingency_tables.mcnemar(table, exact=(b+c < 25), correction=True)`:
 * when b + c < 25 the exact two-sided binomial test of b successes in b + c trials at ½
 * (`scipy.stats.binomtest(b, b+c, 0.5)`; p = 1 when there are no discordant pairs), otherwise
 * the chi-square statistic (|b − c| − 1)²/(b + c) on one degree of freedom. As in statsmodels and
 * R, the corrected statistic is not clipped at zero: b = c gives 1/(b + c), not 0.
 */
export function mcnemarTest(b: number, c: number, options: McNemarOptions = {}): McNemarResult {
  for (const [name, value] of [
    ['b', b],
    ['c', c],
  ] as const) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`mcnemarTest: ${name} must be a non-negative integer, got ${value}`);
  }
  const discordant = b + c;
  const exactBelow = options.exactBelow ?? 25;
  if (discordant < exactBelow) {
    const pValue = discordant === 0 ? 1 : binomialTest(b, discordant, 0.5).pValue;
    return { statistic: Math.min(b, c), pValue, method: 'exact', discordant, b, c };
  }
  const correction = (options.correction ?? true) ? 1 : 0;
  const statistic = (Math.abs(b - c) - correction) ** 2 / discordant;
  return { statistic, pValue: chiSquareSf(statistic, 1), method: 'chi-square', discordant, b, c };
}
