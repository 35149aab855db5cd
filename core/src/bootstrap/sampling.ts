/**
 * Exact samplers for the bootstrap, driven by the engine's seeded {@link Rng}: binomial,
 * multinomial (by conditional binomials) and Poisson(1).
 *
 * "Exact" means each method draws from the stated distribution itself, not from an approximation
 * to it (no normal approximation, no truncated tails): the only departures are floating-point
 * rounding of probabilities, around 1e−15 relative.
 */
import type { Rng } from '../random/rng';

/** Below this mean (n·min(p, 1 − p)) the binomial is drawn by inversion, above it by BTRS. */
export const BINOMIAL_INVERSION_MAX_MEAN = 10;

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * fc(k) = ln k! − [(k + ½)·ln(k + 1) − (k + 1) + ½·ln 2π], the remainder of Stirling's formula for
 * ln Γ(k + 1): exact (from k!, which is an exact double) below 16, and the Stirling series to the
 * x⁻⁹ term above, whose truncation error is below 1e−16 there.
 */
const STIRLING_TABLE = Array.from({ length: 16 }, (_, k) => {
  let factorial = 1;
  for (let j = 2; j <= k; j++) factorial *= j;
  return Math.log(factorial) - (k + 0.5) * Math.log(k + 1) + (k + 1) - HALF_LOG_2PI;
});

function stirlingRemainder(k: number): number {
  if (k < 16) return STIRLING_TABLE[k] as number;
  const x = k + 1;
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * x2)) / x2) / x2) / x2) / x;
}

/**
 * Binomial(n, p) for n·p < {@link BINOMIAL_INVERSION_MAX_MEAN}, p ≤ ½: sequential inversion — one
 * uniform u, walk k = 0, 1, … subtracting P(X = k) (by the recurrence
 * P(k) = P(k − 1)·(n − k + 1)/k·p/q) until u falls inside. Expected n·p + 1 steps. If rounding
 * leaves u beyond the last representable probability, the draw is repeated (an event of
 * probability ~1e−16).
 */
function binomialInversion(rng: Rng, n: number, p: number, q: number): number {
  const ratio = p / q;
  const first = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.next();
    let k = 0;
    let probability = first;
    while (u > probability) {
      u -= probability;
      k++;
      if (k > n) break;
      probability *= ((n - k + 1) / k) * ratio;
      if (probability === 0) break;
    }
    if (u <= probability && k <= n) return k;
  }
}

/**
 * Binomial(n, p) for n·p ≥ {@link BINOMIAL_INVERSION_MAX_MEAN}, p ≤ ½: Hörmann's BTRS,
 * transformed rejection with squeeze ("The generation of binomial random variates", J. Statist.
 * Comput. Simul. 46, 1993). A pair of uniforms proposes k from a hat built on the transformed
 * ratio-of-uniforms; most proposals are accepted by a squeeze without a logarithm, the rest by
 * comparing with the exact log ratio P(k)/P(m) (m the mode), written with Stirling remainders.
 * Expected ~1.15 proposals, independent of n: constant time for any n.
 */
function binomialBtrs(rng: Rng, n: number, p: number, q: number): number {
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const squeezeV = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const r = p / q;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= squeezeV) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    const logRatio =
      (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) +
      stirlingRemainder(m) +
      stirlingRemainder(n - m) -
      stirlingRemainder(k) -
      stirlingRemainder(n - k);
    if (logV <= logRatio) return k;
  }
}

/** Binomial(n, p) with q = 1 − p given separately, so that callers with counts keep it exact. */
function binomialPQ(rng: Rng, n: number, p: number, q: number): number {
  if (n === 0 || p <= 0) return 0;
  if (q <= 0) return n;
  if (p > q) return n - binomialPQ(rng, n, q, p);
  return n * p < BINOMIAL_INVERSION_MAX_MEAN ? binomialInversion(rng, n, p, q) : binomialBtrs(rng, n, p, q);
}

function checkTrials(n: number): void {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`bootstrap: the number of trials must be a non-negative integer, got ${n}`);
  }
}

/**
 * One draw from Binomial(n, p), exactly: inversion when n·min(p, 1 − p) < 10, Hörmann's BTRS
 * above (constant expected time whatever n); p > ½ is drawn as n − Binomial(n, 1 − p).
 * `n` is a non-negative safe integer, 0 ≤ p ≤ 1.
 */
export function sampleBinomial(rng: Rng, n: number, p: number): number {
  checkTrials(n);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bootstrap: probability must be in [0, 1], got ${p}`);
  return binomialPQ(rng, n, p, 1 - p);
}

/**
 * One draw from Multinomial(n; w₀/W, w₁/W, …) (W = Σ w) into `out`, by conditional binomials:
 * cell k gets Binomial(trials left, w_k / weight left), the last non-empty cell what remains — an
 * exact factorisation of the multinomial. Cost O(cells) binomial draws, independent of n.
 * With integer weights the conditional probabilities are ratios of exact integers. Weights must be
 * finite and non-negative with a positive sum; `out` gets one count per weight.
 */
export function sampleMultinomial(rng: Rng, n: number, weights: ArrayLike<number>, out: number[]): void {
  checkTrials(n);
  let total = 0;
  let last = -1;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k] as number;
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`bootstrap: weight ${w} is not a finite non-negative number`);
    total += w;
    if (w > 0) last = k;
  }
  if (last < 0) throw new RangeError('bootstrap: multinomial weights sum to zero');
  let trialsLeft = n;
  let weightLeft = total;
  for (let k = 0; k < weights.length; k++) {
    const w = weights[k] as number;
    if (w === 0 || trialsLeft === 0) {
      out[k] = 0;
    } else if (k === last) {
      out[k] = trialsLeft;
      trialsLeft = 0;
    } else {
      const x = binomialPQ(rng, trialsLeft, w / weightLeft, (weightLeft - w) / weightLeft);
      out[k] = x;
      trialsLeft -= x;
      weightLeft -= w;
    }
  }
  out.length = weights.length;
}

const TWO_32 = 4294967296;

/**
 * Poisson(1) by inversion on its distribution function: P(X ≤ k) = e⁻¹·Σ_{j≤k} 1/j!, stored as
 * the integer and fractional parts of P·2³². One 32-bit draw settles almost every variate; a second
 * one is drawn only when the first lands on a threshold's integer part, so the comparison is with
 * a 64-bit uniform and the probabilities are exact to double precision.
 */
const [POISSON_WHOLE, POISSON_FRACTION] = ((): [Float64Array, Float64Array] => {
  const whole: number[] = [];
  const fraction: number[] = [];
  let term = Math.exp(-1);
  let cdf = 0;
  // Until the next term no longer changes the sum; the last value then takes the rest (< 1e−16).
  for (let k = 0; cdf + term !== cdf; k++) {
    cdf += term;
    term /= k + 1;
    const scaled = cdf * TWO_32;
    whole.push(Math.floor(scaled));
    fraction.push((scaled - Math.floor(scaled)) * TWO_32);
  }
  whole.push(TWO_32);
  fraction.push(0);
  return [Float64Array.from(whole), Float64Array.from(fraction)];
})();
const POISSON_ZERO = POISSON_WHOLE[0] as number;
const POISSON_ONE = POISSON_WHOLE[1] as number;

/** One draw from Poisson(1) — a row's weight in one replicate of the Poisson bootstrap. */
export function samplePoissonOne(rng: Rng): number {
  const u = rng.nextUint32();
  // P(0) = P(1) = 0.37: settle those without the loop.
  if (u < POISSON_ZERO) return 0;
  if (u > POISSON_ZERO && u < POISSON_ONE) return 1;
  let low = -1;
  const last = POISSON_WHOLE.length - 1;
  for (let k = 0; k < last; k++) {
    const threshold = POISSON_WHOLE[k] as number;
    if (u < threshold) return k;
    if (u === threshold) {
      if (low < 0) low = rng.nextUint32();
      if (low < (POISSON_FRACTION[k] as number)) return k;
    }
  }
  return last;
}

/** ln k!, from the Stirling remainder (exact table below 16). */
function logFactorial(k: number): number {
  return stirlingRemainder(k) + (k + 0.5) * Math.log(k + 1) - (k + 1) + HALF_LOG_2PI;
}

/**
 * A sampler of Poisson(λ) for one fixed λ (0 < λ ≤ 10⁶), by inversion on a precomputed table of
 * its distribution function over [0, λ + 15√λ + 30] (the mass beyond is below 1e−40): a 53-bit
 * uniform and a binary search, O(log λ) per draw after O(λ) set-up. Probabilities are exact to
 * about 1e−13 relative; a uniform beyond the table's last (rounded) value is redrawn.
 */
export function poissonSampler(lambda: number): (rng: Rng) => number {
  if (!(lambda > 0 && lambda <= 1e6))
    throw new RangeError(`bootstrap: Poisson mean must be in (0, 1e6], got ${lambda}`);
  const last = Math.ceil(lambda + 15 * Math.sqrt(lambda) + 30);
  const cdf = new Float64Array(last + 1);
  const logLambda = Math.log(lambda);
  let sum = 0;
  for (let k = 0; k <= last; k++) {
    sum += Math.exp(k * logLambda - lambda - logFactorial(k));
    cdf[k] = sum;
  }
  return (rng) => {
    for (;;) {
      const u = rng.next();
      if (u >= (cdf[last] as number)) continue;
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (u < (cdf[middle] as number)) high = middle;
        else low = middle + 1;
      }
      return low;
    }
  };
}
