/**
 * Seeded draws from the normal, gamma and beta distributions (Thompson sampling and anything else
 * that simulates), built on the engine's one generator so a seed reproduces a run exactly.
 */

import type { Rng } from '../random/rng';
import { normalQuantile } from './normal';

/** A uniform draw in the open interval (0, 1). */
function openUniform(rng: Rng): number {
  for (;;) {
    const u = rng.next();
    if (u > 0) return u;
  }
}

/** A standard normal draw, by inversion of a 53-bit uniform (AS 241, so exact in the tails). */
export function sampleStandardNormal(rng: Rng): number {
  return normalQuantile(openUniform(rng));
}

/**
 * ln of a Gamma(shape, 1) draw: Marsaglia and Tsang's squeeze method (ACM TOMS 26, 2000) for
 * shape ≥ 1; for shape < 1, Gamma(shape + 1)·U^(1/shape), kept in logs because that product can
 * underflow for small shapes.
 */
function sampleLogGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleLogGamma(rng, shape + 1) + Math.log(openUniform(rng)) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleStandardNormal(rng);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = openUniform(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/** A Gamma(shape, scale) draw (mean shape·scale); shape and scale must be positive. */
export function sampleGamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape > 0 && scale > 0))
    throw new RangeError(`sampleGamma: shape and scale must be positive, got ${shape}, ${scale}`);
  return Math.exp(sampleLogGamma(rng, shape)) * scale;
}

/**
 * A Beta(a, b) draw as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b), formed from their logarithms
 * so that small shapes do not give 0/0.
 */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`sampleBeta: a and b must be positive, got ${a}, ${b}`);
  const logX = sampleLogGamma(rng, a);
  const logY = sampleLogGamma(rng, b);
  return 1 / (1 + Math.exp(logY - logX));
}
