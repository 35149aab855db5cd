/**
 * The binomial distribution and the exact binomial test, as SciPy computes them.
 */

import { logBinomialDensity, regularizedBeta } from './special';

function checkArguments(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
}

/** P(X = k) for X ~ Binomial(n, p); 0 for k outside 0…n or not an integer. */
export function binomialPmf(k: number, n: number, p: number): number {
  checkArguments(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return Math.exp(logBinomialDensity(k, n, p, 1 - p));
}

/** P(X ≤ k) for X ~ Binomial(n, p) (k is floored, as SciPy does). */
export function binomialCdf(k: number, n: number, p: number): number {
  checkArguments(n, p);
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  // P(X ≤ j) = I_{1−p}(n − j, j + 1).
  return regularizedBeta(1 - p, n - j, j + 1, p).lower;
}

/** P(X > k) for X ~ Binomial(n, p), accurate in the far upper tail. */
export function binomialSf(k: number, n: number, p: number): number {
  checkArguments(n, p);
  const j = Math.floor(k);
  if (j < 0) return 1;
  if (j >= n) return 0;
  return regularizedBeta(1 - p, n - j, j + 1, p).upper;
}

/** The alternative hypothesis of a test: the default two-sided, or one of the one-sided ones. */
export type Alternative = 'two-sided' | 'less' | 'greater';

/** The result of {@link binomialTest}. */
export interface BinomialTestResult {
  /** Successes. */
  k: number;
  /** Trials. */
  n: number;
  /** The observed proportion k / n. */
  statistic: number;
  pValue: number;
  alternative: Alternative;
}

/**
 * Exact binomial test of H₀: the success probability is `p`, given `k` successes in `n` trials —
 * `scipy.stats.binomtest(k, n, p, alternative)` to the last detail: the two-sided p-value sums
 * the probabilities of all outcomes no more likely than the observed one, "no more likely"
 * meaning pmf ≤ pmf(k)·(1 + 1e-7), the other tail found by binary search as SciPy does.
 */
export function binomialTest(
  k: number,
  n: number,
  p = 0.5,
  alternative: Alternative = 'two-sided',
): BinomialTestResult {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`binomialTest: k must be a non-negative integer, got ${k}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`binomialTest: n must be a positive integer, got ${n}`);
  if (k > n) throw new RangeError(`binomialTest: k (${k}) must not be greater than n (${n})`);
  checkArguments(n, p);
  let pValue: number;
  if (alternative === 'less') pValue = binomialCdf(k, n, p);
  else if (alternative === 'greater') pValue = binomialSf(k - 1, n, p);
  else {
    const d = binomialPmf(k, n, p);
    const relative = 1 + 1e-7;
    const threshold = d * relative;
    const pmf = (x: number): number => binomialPmf(x, n, p);
    if (k === p * n) pValue = 1;
    else if (k < p * n) {
      // The first outcome above the mode whose probability is at most pmf(k)·(1 + 1e-7).
      const ix = binarySearch((x) => -pmf(x), -threshold, Math.ceil(p * n), n);
      const y = n - ix + (threshold === pmf(ix) ? 1 : 0);
      pValue = binomialCdf(k, n, p) + binomialSf(n - y, n, p);
    } else {
      const ix = binarySearch(pmf, threshold, 0, Math.floor(p * n));
      const y = ix + 1;
      pValue = binomialCdf(y - 1, n, p) + binomialSf(k - 1, n, p);
    }
    pValue = Math.min(1, pValue);
  }
  return { k, n, statistic: k / n, pValue, alternative };
}

/**
 * SciPy's `_binary_search_for_binom_tst`: over the integers lo…hi, where `a` is increasing, the
 * last x with a(x) ≤ d (an exact hit returns at once).
 */
function binarySearch(a: (x: number) => number, d: number, lo: number, hi: number): number {
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = low + Math.floor((high - low) / 2);
    const value = a(mid);
    if (value < d) low = mid + 1;
    else if (value > d) high = mid - 1;
    else return mid;
  }
  return a(low) <= d ? low : low - 1;
}
