/**
 * Student's t distribution with ν > 0 degrees of freedom (real ν, as Welch's test needs), through
 * the regularized incomplete beta function: for t > 0, P(T > t) = ½·I_{ν/(ν+t²)}(ν/2, ½).
 */

import { normalQuantile, normalTails } from './normal';
import { logBeta, regularizedBeta, type TailPair } from './special';

/** Both tails of Student's t with `df` degrees of freedom at t: `lower` = P(T ≤ t), `upper` = P(T > t). */
export function studentTTails(t: number, df: number): TailPair {
  if (Number.isNaN(t) || !(df > 0)) return { lower: Number.NaN, upper: Number.NaN };
  if (df === Infinity) return normalTails(t);
  if (t === Infinity) return { lower: 1, upper: 0 };
  if (t === -Infinity) return { lower: 0, upper: 1 };
  const t2 = t * t;
  // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each formed without cancellation.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const beyond = 0.5 * regularizedBeta(x, df / 2, 0.5, y).lower;
  const within = 1 - beyond;
  return t > 0 ? { lower: within, upper: beyond } : { lower: beyond, upper: within };
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  return studentTTails(t, df).lower;
}

/** P(T > t) for Student's t with `df` degrees of freedom, accurate in the far upper tail. */
export function studentTSf(t: number, df: number): number {
  return studentTTails(t, df).upper;
}

/** Density of Student's t with `df` degrees of freedom. */
export function studentTPdf(t: number, df: number): number {
  if (df === Infinity) return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/**
 * The quantile t with P(T ≤ t) = p for Student's t with `df` degrees of freedom: Newton's method
 * on the tail that is small (so the far tails keep their accuracy), started from the normal
 * quantile and kept inside a bisection bracket. Relative accuracy about 1e-13.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Solve for the upper tail α = min(p, 1 − p) at a positive t, then restore the sign.
  const upper = p > 0.5;
  const alpha = upper ? 1 - p : p;
  let lo = 0;
  let hi = Infinity;
  let t = Math.max(-normalQuantile(alpha), 1e-3);
  for (let iteration = 0; iteration < 200; iteration++) {
    const tail = studentTSf(t, df);
    if (tail > alpha) lo = t;
    else hi = t;
    // Newton on ln P(T > t): converges from either side even when α is tiny.
    const step = ((Math.log(tail) - Math.log(alpha)) * tail) / studentTPdf(t, df);
    let next = t + step;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = hi === Infinity ? 2 * t + 1 : (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) {
      t = next;
      break;
    }
    t = next;
  }
  return upper ? t : -t;
}
