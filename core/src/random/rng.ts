/**
 * Seeded random numbers for everything in the engine that samples (bootstrap, random baselines,
 * Thompson sampling), so the same seed gives the same output on every machine.
 */

/** A source of uniform random numbers. */
export interface Rng {
  /** A uniform float in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in [0, n), without modulo bias; `n` at most 2^32. */
  nextInt(n: number): number;
}

/** SplitMix32 step, used to spread a small seed over the generator's 128-bit state. */
function splitMix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** (Blackman and Vigna): fast, 2^128 − 1 period, passes BigCrush; seeded through
 * SplitMix32 so that any integer seed, 0 included, gives a well-mixed state.
 */
export function createRng(seed: number): Rng {
  const mix = { x: Math.trunc(seed) | 0 };
  let a = splitMix32(mix);
  let b = splitMix32(mix);
  let c = splitMix32(mix);
  let d = splitMix32(mix);
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    nextInt: (n: number) => {
      if (!(n > 0 && n <= 0x100000000)) throw new RangeError(`nextInt: n must be in (0, 2^32], got ${n}`);
      // Rejection sampling: draws past the largest multiple of n would bias small values.
      const limit = 0x100000000 - (0x100000000 % n);
      for (;;) {
        const x = nextUint32();
        if (x < limit) return x % n;
      }
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
