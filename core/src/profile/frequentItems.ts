import { slotOf } from './keyCounter';
import { selectKth } from './select';

/** Int32 words per slot: key low, key high. Counts live in a parallel Float64Array. */
const STRIDE = 2;
/** A key not held is taken in at one of this many of its occurrences, at random. */
export const ADMIT_ONE_IN = 8;

/**
 * The most frequent 64-bit keys of a stream too varied to count exactly, in bounded memory:
 * the Misra–Gries summary with the batched decrement of Apache DataSketches' frequent-items
 * sketch. At most `capacity` keys are held; when a new key finds the summary full, the median
 * count is subtracted from every key and keys left at zero or below are dropped.
 *
 * A key not held is taken in at one occurrence in {@link ADMIT_ONE_IN} ("sample and hold", Estan
 * and Varghese 2002): in a stream of mostly unique values, most occurrences then cost one
 * lookup, not an insertion and, every so often, a purge.
 *
 * Each held key's count is a lower bound of its true frequency, short by at most
 * {@link FrequentItems.maxError} (the total subtracted) plus the occurrences that passed before it
 * was taken in (about {@link ADMIT_ONE_IN} each time). A value with a share above about
 * 2 / capacity of the stream is held at the end.
 */
export class FrequentItems {
  private keys: Int32Array;
  private counts: Float64Array;
  /**
   * Per slot: the key's text; `null` for a text key whose text is not kept yet (it is kept on
   * the key's second occurrence, so the many keys seen once cost nothing); undefined otherwise.
   */
  private texts: (string | null | undefined)[];
  // Buffers the purge rebuilds into, swapped with the live ones: no allocation per purge.
  private spareKeys: Int32Array;
  private spareCounts: Float64Array;
  private readonly scratch: Float64Array;
  private readonly mask: number;
  private size = 0;
  /** Total subtracted by purges: the most any count can fall short of the truth. */
  maxError = 0;
  /** xorshift32 state for the admission draw: fixed seed, so the same stream gives the same summary. */
  private draw = 0x2f6b4e1d;

  /**
   * @param keep turns a text into one safe to hold for long (see the column's `detach`).
   */
  constructor(
    readonly capacity: number,
    private readonly keep: (text: string) => string = (text) => text,
  ) {
    const slots = capacity * 2;
    this.keys = new Int32Array(slots * STRIDE);
    this.counts = new Float64Array(slots);
    this.spareKeys = new Int32Array(slots * STRIDE);
    this.spareCounts = new Float64Array(slots);
    this.texts = new Array<string | null | undefined>(slots);
    this.scratch = new Float64Array(capacity);
    this.mask = slots - 1;
  }

  /** Adds one occurrence of a key that stands for `text` (if it is a text). */
  add(low: number, high: number, text: string | undefined): void {
    const { keys, counts, mask } = this;
    let slot = slotOf(low, high, mask);
    for (;;) {
      const count = counts[slot] as number;
      if (count === 0) break;
      if (keys[slot * STRIDE] === low && keys[slot * STRIDE + 1] === high) {
        counts[slot] = count + 1;
        if (this.texts[slot] === null && text !== undefined) this.texts[slot] = this.keep(text);
        return;
      }
      slot = (slot + 1) & mask;
    }
    let x = this.draw;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.draw = x;
    if ((x & (ADMIT_ONE_IN - 1)) === 0) this.insert(low, high, 1, text === undefined ? undefined : null);
  }

  /** Adds a key with a known count and (already kept) text, as when seeding from exact counts. */
  insert(low: number, high: number, count: number, text: string | null | undefined): void {
    if (this.size >= this.capacity) this.purge();
    let slot = slotOf(low, high, this.mask);
    while ((this.counts[slot] as number) !== 0) slot = (slot + 1) & this.mask;
    this.keys[slot * STRIDE] = low;
    this.keys[slot * STRIDE + 1] = high;
    this.counts[slot] = count;
    this.texts[slot] = text;
    this.size++;
  }

  /** Raises the error bound (for keys dropped before they reached this summary). */
  addError(error: number): void {
    this.maxError += error;
  }

  /**
   * The held keys with their (lower-bound) counts, leaving out text keys seen once since the
   * last purge (their text was not kept; with a count of 1 they are no candidates anyway).
   */
  forEach(visit: (low: number, high: number, count: number, text: string | undefined) => void): void {
    const { keys, counts, texts } = this;
    for (let slot = 0; slot < counts.length; slot++) {
      const count = counts[slot] as number;
      const text = texts[slot];
      if (count > 0 && text !== null)
        visit(keys[slot * STRIDE] as number, keys[slot * STRIDE + 1] as number, count, text);
    }
  }

  private purge(): void {
    const { keys, counts, texts, scratch } = this;
    let n = 0;
    for (let slot = 0; slot < counts.length; slot++) {
      const count = counts[slot] as number;
      if (count > 0) scratch[n++] = count;
    }
    // Subtracting the median frees about half the summary, so purges are rare: amortised O(1).
    const cut = selectKth(scratch, n, n >> 1);
    this.maxError += cut;
    const fresh = this.spareKeys;
    const freshCounts = this.spareCounts;
    freshCounts.fill(0);
    const freshTexts = new Array<string | null | undefined>(counts.length);
    this.size = 0;
    for (let slot = 0; slot < counts.length; slot++) {
      const count = (counts[slot] as number) - cut;
      if (count <= 0) continue;
      const low = keys[slot * STRIDE] as number;
      const high = keys[slot * STRIDE + 1] as number;
      let to = slotOf(low, high, this.mask);
      while ((freshCounts[to] as number) !== 0) to = (to + 1) & this.mask;
      fresh[to * STRIDE] = low;
      fresh[to * STRIDE + 1] = high;
      freshCounts[to] = count;
      freshTexts[to] = texts[slot];
      this.size++;
    }
    this.spareKeys = keys;
    this.spareCounts = counts;
    this.keys = fresh;
    this.counts = freshCounts;
    this.texts = freshTexts;
  }
}
