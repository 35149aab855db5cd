/**
 * The standard normal distribution function and its inverse, to the precision BCa intervals need
 * (they agree with SciPy's `ndtr` / `ndtri` to about 1e-14 relative, so that interval endpoints agree
 * to 1e-9 after interpolation between replicates).
 *
 * Method: `erfc` from its positive-term series (no cancellation) below 1 and from its continued
 * fraction (modified Lentz) above; the inverse by Halley's iteration on that `erfc`, started from
 * Abramowitz–Stegun 26.2.23. Neither is on a hot path: an interval calls each a handful of times.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** erf(x) for 0 ≤ x < 1: (2/√π)·e^(−x²)·Σ (2x²)^k·x / (1·3·…·(2k+1)), every term positive. */
function erfSeries(x: number): number {
  const x2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let k = 1; k < 200; k++) {
    term *= x2 / (2 * k + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return (2 / SQRT_PI) * Math.exp(-x * x) * sum;
}

/** erfc(x) for x ≥ 1: e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by modified Lentz. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const a = k / 2;
    d = x + a * d;
    if (d === 0) d = tiny;
    c = x + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** The complementary error function erfc(x) = 1 − erf(x), with full relative precision for x > 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1) return 1 - erfSeries(x);
  if (x > 27.3) return 0;
  return erfcContinuedFraction(x);
}

/**
 * Φ(z), the standard normal distribution function (SciPy's `scipy.special.ndtr`); accurate
 * relative to its value in the lower tail too (Φ(−30) ≈ 4.9e−198 is not rounded to 0).
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z * Math.SQRT1_2);
}

/** φ(z), the standard normal density. */
function normalDensity(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** The z ≤ 0 with Φ(z) = q, for 0 < q ≤ 1/2. */
function lowerQuantile(q: number): number {
  if (q === 0.5) return 0;
  // Abramowitz–Stegun 26.2.23 (absolute error < 4.5e−4) as the start.
  const t = Math.sqrt(-2 * Math.log(q));
  let z = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let i = 0; i < 50; i++) {
    // Halley's step on Φ(z) − q, whose second derivative is −z·φ(z).
    const density = normalDensity(z);
    if (density === 0) break;
    const newton = (normalCdf(z) - q) / density;
    const step = newton / (1 + (z * newton) / 2);
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/**
 * Φ⁻¹(p), the standard normal quantile (SciPy's `scipy.special.ndtri`): −∞ at 0, +∞ at 1, NaN
 * outside [0, 1]. For p > 1/2 it solves the upper tail with 1 − p, which is exact in floating
 * point there, so both tails keep full precision.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return p <= 0.5 ? lowerQuantile(p) : -lowerQuantile(1 - p);
}
