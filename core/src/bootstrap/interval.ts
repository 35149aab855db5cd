/**
 * Confidence intervals from a bootstrap distribution: percentile and BCa, computed exactly as
 * SciPy's `scipy.stats.bootstrap` computes them (SciPy 1.10, `scipy/stats/_resampling.py`), so
 * that given the same replicates the endpoints agree to rounding.
 *
 * - Quantiles are NumPy's default (`np.percentile(·, 100·q)`, method `'linear'`, Hyndman–Fan
 *   type 7): with the B replicates sorted, position h = (B − 1)·q, the value
 *   x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (evaluated from the upper neighbour when the fraction is
 *   ≥ 1/2, as NumPy's `_lerp` does).
 * - Percentile interval: the quantiles α and 1 − α of the replicates, α = (1 − confidence)/2.
 * - BCa (Efron and Tibshirani 1993, §14.3 and eq. 14.15): bias correction
 *   z0 = Φ⁻¹(share of replicates below the observed value, ties counted as half) and acceleration
 *   a = Σ d³ / (6·(Σ d²)^{3/2}) with d = mean(jackknife) − jackknife value; the endpoints are the
 *   quantiles Φ(z0 + (z0 + z)/(1 − a·(z0 + z))) for z = Φ⁻¹(α) and Φ⁻¹(1 − α).
 */
import { normalCdf, normalQuantile } from './normal';

/** How an interval was computed. */
export type IntervalMethod = 'percentile' | 'bca';

/** A two-sided bootstrap confidence interval. */
export interface BootstrapInterval {
  /** Lower endpoint; NaN when {@link BootstrapInterval.undefinedReason} is set. */
  low: number;
  /** Upper endpoint; NaN when {@link BootstrapInterval.undefinedReason} is set. */
  high: number;
  /** The method that produced `low` and `high` — `'percentile'` when BCa was asked for but fell back. */
  method: IntervalMethod;
  /** Set when BCa was asked for and the percentile interval was returned instead: why. */
  fallbackReason?: string;
  /** Set when no interval exists (the statistic is NaN on some resample): why. */
  undefinedReason?: string;
}

/**
 * Leave-one-out values of a statistic with their multiplicities: `values[i]` is the statistic
 * with one row of group i left out, and `counts[i]` rows give that same value (for a confusion
 * matrix, a group is a cell). Equivalent to the plain list with each value repeated `counts[i]`
 * times.
 */
export interface WeightedJackknife {
  values: ArrayLike<number>;
  counts: ArrayLike<number>;
}

/** Jackknife values: one per row, or grouped with multiplicities. */
export type JackknifeValues = ArrayLike<number> | WeightedJackknife;

/** Throws unless 0 < confidence < 1. */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`bootstrap: confidence must be strictly between 0 and 1, got ${confidence}`);
  }
}

/**
 * The `percent`-th percentile of ascending `sorted` values, as `np.percentile(sorted, percent)`
 * with NumPy's default `'linear'` method (type 7). `percent` is in [0, 100]; `sorted` must be
 * non-empty, free of NaN and sorted ascending. Between two equal infinite neighbours the result is
 * that infinity (NumPy would give NaN).
 */
export function sortedPercentile(sorted: ArrayLike<number>, percent: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('bootstrap: percentile of no values');
  if (!(percent >= 0 && percent <= 100))
    throw new RangeError(`bootstrap: percentile must be in [0, 100], got ${percent}`);
  // The same floating-point steps as NumPy: q = percent / 100, h = (n − 1)·q.
  const h = (n - 1) * (percent / 100);
  if (h >= n - 1) return sorted[n - 1] as number;
  const below = Math.floor(h);
  const a = sorted[below] as number;
  const b = sorted[below + 1] as number;
  if (a === b) return a;
  const t = h - below;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

/** The replicates sorted ascending, or the reason there is no interval. */
function sortReplicates(replicates: ArrayLike<number>): Float64Array | string {
  if (replicates.length === 0) throw new RangeError('bootstrap: no replicates');
  let undefinedCount = 0;
  for (let i = 0; i < replicates.length; i++) if (Number.isNaN(replicates[i])) undefinedCount++;
  if (undefinedCount > 0) {
    return `the statistic is undefined (NaN) on ${undefinedCount} of ${replicates.length} resamples`;
  }
  return Float64Array.from(replicates).sort();
}

function undefinedInterval(method: IntervalMethod, reason: string): BootstrapInterval {
  return { low: NaN, high: NaN, method, undefinedReason: reason };
}

function percentileOfSorted(sorted: Float64Array, confidence: number): BootstrapInterval {
  const alpha = (1 - confidence) / 2;
  return {
    low: sortedPercentile(sorted, alpha * 100),
    high: sortedPercentile(sorted, (1 - alpha) * 100),
    method: 'percentile',
  };
}

/**
 * The percentile interval: the α and 1 − α quantiles of the replicates, α = (1 − confidence)/2,
 * with NumPy's default quantile definition — what `scipy.stats.bootstrap(method='percentile')`
 * returns for the same replicates. NaN replicates give an interval of NaNs with
 * `undefinedReason`. Throws on no replicates or a confidence outside (0, 1).
 */
export function percentileInterval(replicates: ArrayLike<number>, confidence: number): BootstrapInterval {
  checkConfidence(confidence);
  const sorted = sortReplicates(replicates);
  if (typeof sorted === 'string') return undefinedInterval('percentile', sorted);
  return percentileOfSorted(sorted, confidence);
}

function isWeighted(jackknife: JackknifeValues): jackknife is WeightedJackknife {
  return 'values' in jackknife && 'counts' in jackknife;
}

/**
 * Efron's jackknife estimate of the BCa acceleration, a = Σ d³ / (6·(Σ d²)^{3/2}) with
 * d = mean − value over the leave-one-out values (weighted by their counts); the same number as
 * SciPy's `a_hat` (its (n − 1) and n factors cancel). NaN when it is undefined: fewer than two
 * values, a NaN or infinite value, or all values equal.
 */
export function jackknifeAcceleration(jackknife: JackknifeValues): number {
  const values = isWeighted(jackknife) ? jackknife.values : jackknife;
  const counts = isWeighted(jackknife) ? jackknife.counts : undefined;
  if (counts !== undefined && counts.length !== values.length) {
    throw new RangeError(`bootstrap: ${values.length} jackknife values but ${counts.length} counts`);
  }
  let total = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const count = counts === undefined ? 1 : (counts[i] as number);
    if (count === 0) continue;
    if (!(count > 0)) throw new RangeError(`bootstrap: jackknife count ${count} is negative`);
    const value = values[i] as number;
    if (!Number.isFinite(value)) return NaN;
    total += count;
    sum += count * value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  // Exactly equal values would otherwise leave rounding noise in d and a meaningless ratio.
  if (total < 2 || min === max) return NaN;
  const mean = sum / total;
  let squares = 0;
  let cubes = 0;
  for (let i = 0; i < values.length; i++) {
    const count = counts === undefined ? 1 : (counts[i] as number);
    if (count === 0) continue;
    const d = mean - (values[i] as number);
    squares += count * d * d;
    cubes += count * d * d * d;
  }
  return cubes / (6 * squares ** 1.5);
}

/**
 * The BCa (bias-corrected and accelerated) interval from the replicates, the statistic on the
 * full data (`observed`) and its jackknife (leave-one-out) values, computed as SciPy's
 * `_bca_interval` does:
 *
 * - z0 = Φ⁻¹((#{replicates < observed} + #{replicates ≤ observed}) / (2B)) — ties with the
 *   observed value count as half below, half above (SciPy's `percentileofscore(kind='mean')`);
 * - a = {@link jackknifeAcceleration};
 * - endpoints: the quantiles (as {@link percentileInterval}) at Φ(z0 + (z0 + z)/(1 − a·(z0 + z)))
 *   for z = Φ⁻¹(α) and z = Φ⁻¹(1 − α), α = (1 − confidence)/2.
 *
 * Where BCa is undefined SciPy returns NaN with a warning; this returns the percentile interval
 * with `method: 'percentile'` and a `fallbackReason`, checked in this order: all replicates equal
 * (a degenerate distribution); the observed value NaN; z0 infinite (every replicate on one side of
 * the observed value); acceleration undefined (see {@link jackknifeAcceleration}); an adjusted
 * level that is not a probability, which happens when a·(z0 + z) ≥ 1 (the transformation is no
 * longer monotone; SciPy returns a meaningless number there). NaN replicates give an interval of
 * NaNs with `undefinedReason`. Throws on no replicates or a confidence outside (0, 1).
 */
export function bcaInterval(
  replicates: ArrayLike<number>,
  observed: number,
  jackknife: JackknifeValues,
  confidence: number,
): BootstrapInterval {
  checkConfidence(confidence);
  const sorted = sortReplicates(replicates);
  if (typeof sorted === 'string') return undefinedInterval('bca', sorted);
  const fallback = (reason: string): BootstrapInterval => ({
    ...percentileOfSorted(sorted, confidence),
    fallbackReason: reason,
  });
  const count = sorted.length;
  if (sorted[0] === sorted[count - 1]) {
    return fallback(`BCa is undefined: all ${count} resamples give the same value`);
  }
  if (Number.isNaN(observed)) return fallback('BCa is undefined: the statistic on the full data is NaN');

  let below = 0;
  let belowOrEqual = 0;
  for (const value of sorted) {
    if (value < observed) below++;
    if (value <= observed) belowOrEqual++;
  }
  const z0 = normalQuantile((below + belowOrEqual) / (2 * count));
  if (!Number.isFinite(z0)) {
    const side = below === count ? 'below' : 'above';
    return fallback(
      `BCa is undefined: every resample is ${side} the observed value, so the bias correction is infinite`,
    );
  }

  const acceleration = jackknifeAcceleration(jackknife);
  if (Number.isNaN(acceleration)) {
    return fallback(
      'BCa is undefined: the jackknife acceleration is undefined (fewer than two jackknife values, a non-finite one, or all equal)',
    );
  }

  const alpha = (1 - confidence) / 2;
  const zLow = normalQuantile(alpha);
  const zHigh = -zLow;
  const adjusted = (z: number): number => {
    const shifted = z0 + z;
    const denominator = 1 - acceleration * shifted;
    return denominator > 0 ? normalCdf(z0 + shifted / denominator) : NaN;
  };
  const levelLow = adjusted(zLow);
  const levelHigh = adjusted(zHigh);
  if (!(levelLow >= 0 && levelLow <= 1 && levelHigh >= 0 && levelHigh <= 1)) {
    return fallback(
      `BCa is undefined: the acceleration ${acceleration} is too large for confidence ${confidence} (a·(z0 + z) ≥ 1)`,
    );
  }
  return {
    low: sortedPercentile(sorted, levelLow * 100),
    high: sortedPercentile(sorted, levelHigh * 100),
    method: 'bca',
  };
}

/** The standard deviation of the replicates (n − 1 in the denominator, as SciPy's `standard_error`). */
export function replicateStandardError(replicates: ArrayLike<number>): number {
  const n = replicates.length;
  if (n < 2) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += replicates[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (replicates[i] as number) - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}
