/**
 * The chi-square distribution with k > 0 degrees of freedom (real k), through the regularized
 * incomplete gamma function: P(X ≤ x) = P(k/2, x/2).
 */

import { regularizedGamma, type TailPair } from './special';

/** Both tails of the chi-square distribution with `df` degrees of freedom at x. */
export function chiSquareTails(x: number, df: number): TailPair {
  if (Number.isNaN(x) || !(df > 0)) return { lower: Number.NaN, upper: Number.NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  return regularizedGamma(df / 2, x / 2);
}

/** P(X ≤ x) for chi-square with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return chiSquareTails(x, df).lower;
}

/** P(X > x) for chi-square with `df` degrees of freedom (the p-value of a chi-square statistic). */
export function chiSquareSf(x: number, df: number): number {
  return chiSquareTails(x, df).upper;
}
