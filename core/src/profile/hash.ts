/**
 * 64-bit hashing on the profiler's hot path, in two 32-bit halves (JavaScript has no fast 64-bit
 * integers). A function returns the low half and leaves the high half in {@link hashHigh}, so no
 * object is allocated per cell.
 *
 * The string hash runs two independent multiplicative lanes over the text, two UTF-16 code units
 * at a time, and finalises them as MurmurHash3 x86_128 does: well mixed in every bit
 * (HyperLogLog and hash sampling rely on that) and, for data that is not built to collide, two
 * different texts share a hash with probability about 2^-64.
 */

/** High 32 bits of the last hash computed. */
export let hashHigh = 0;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const C3 = 0x85ebca6b;
const C4 = 0xc2b2ae35;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, C3);
  h ^= h >>> 13;
  h = Math.imul(h, C4);
  return h ^ (h >>> 16);
}

/** Hashes a string's UTF-16 code units; returns the low half ({@link hashHigh} holds the rest). */
export function hashString(text: string): number {
  const n = text.length;
  let h1 = 0x9747b28c;
  let h2 = 0x2f1c5e4d;
  let i = 0;
  // Two code units per 32-bit word; each lane multiplies by an odd constant and folds the high
  // bits back down, so every step is a bijection of the lane's state. The finalisation mixes
  // the lanes into each other.
  for (; i + 1 < n; i += 2) {
    const k = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    h1 = Math.imul(h1 ^ k, 0x9e3779b1);
    h1 ^= h1 >>> 16;
    h2 = Math.imul(h2 ^ k, C3);
    h2 ^= h2 >>> 13;
  }
  if (i < n) {
    const k = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ k, 0x9e3779b1);
    h2 = Math.imul(h2 ^ k, C3);
  }
  return finish(h1 ^ n, h2 ^ n);
}

/** Combines a running 64-bit hash `(low, high)` with a 64-bit key `(keyLow, keyHigh)`. */
export function combine(low: number, high: number, keyLow: number, keyHigh: number): number {
  let k = Math.imul(rotl(Math.imul(keyLow, C1), 15), C2);
  low = (Math.imul(rotl(low ^ k, 13), 5) + 0xe6546b64) | 0;
  k = Math.imul(rotl(Math.imul(keyHigh, C2), 16), C1);
  high = (Math.imul(rotl(high ^ k, 17), 9) + 0x38495ab5) | 0;
  hashHigh = high;
  return low;
}

/** Finalises two 32-bit lanes into a well-mixed 64-bit hash (MurmurHash3 x86_128 style). */
export function finish(h1: number, h2: number): number {
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h1 = (h1 + h2) | 0;
  h2 = (h2 + h1) | 0;
  hashHigh = h2;
  return h1;
}

const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);
/** Index of the low word of a double in {@link floatWords} on this machine. */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * The bits of a double as a 64-bit key (exact: equal keys mean equal numbers); `-0` is
 * taken as `0`, as pandas counts them as one value. Returns the low half.
 */
export function numberKey(value: number): number {
  float[0] = value === 0 ? 0 : value;
  hashHigh = floatWords[1 - LOW] as number;
  return floatWords[LOW] as number;
}

/** The double whose bits are the key `(low, high)` (inverse of {@link numberKey}). */
export function keyNumber(low: number, high: number): number {
  floatWords[LOW] = low;
  floatWords[1 - LOW] = high;
  return float[0] as number;
}

/** Mixes a 64-bit key that may be structured (a double's bits) into a well-mixed hash. */
export function mixKey(low: number, high: number): number {
  return finish(low ^ 0x5bd1e995, high ^ 0x27d4eb2f);
}
