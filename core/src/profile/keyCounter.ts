import { fmix32 } from './hash';

/** Slot index for a 64-bit key in a table of `mask + 1` slots. */
export function slotOf(low: number, high: number, mask: number): number {
  return fmix32(low ^ Math.imul(high, 0x9e3779b1)) & mask;
}

/** Int32 words per slot: key low, key high, count low 32 bits, count high bits. */
const STRIDE = 4;
const TWO_32 = 0x100000000;

/**
 * Counts occurrences of 64-bit keys exactly: an open-addressing hash table (linear probing,
 * at most half full) in one typed array, key and count side by side so that a lookup touches one
 * cache line, and a million adds allocate nothing for the garbage collector to trace. A key can
 * carry a text (the value it stands for).
 */
export class KeyCounter {
  private slots: Int32Array;
  /** Per slot, the text a key stands for, when it was given one. */
  private texts: (string | undefined)[] | undefined;
  /** Keys held. */
  size = 0;
  private mask: number;

  /**
   * @param maxSlots the table stops growing at this many slots (a power of two), so a caller
   * that stops adding past `maxSlots / 2` keys never pays for a doubling it will not use. Adding
   * keys past that is an error.
   */
  constructor(private readonly maxSlots = 1 << 30) {
    const capacity = Math.min(64, maxSlots);
    this.slots = new Int32Array(capacity * STRIDE);
    this.mask = capacity - 1;
  }

  /**
   * Adds one occurrence of the key and returns its slot, or -1 - slot when the key is new (so
   * the caller can attach a text with {@link setText}).
   */
  add(low: number, high: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = slotOf(low, high, mask);
    for (;;) {
      const at = slot * STRIDE;
      const count = slots[at + 2] as number;
      if (count === 0 && slots[at + 3] === 0) {
        slots[at] = low;
        slots[at + 1] = high;
        slots[at + 2] = 1;
        if (++this.size * 2 > mask + 1) {
          if (mask + 1 < this.maxSlots) slot = this.grow(slot);
          // A full table would make the next lookup of a new key probe forever.
          else if (this.size > mask) throw new RangeError(`KeyCounter: more than ${mask} keys in ${mask + 1} slots`);
        }
        return -1 - slot;
      }
      if (slots[at] === low && slots[at + 1] === high) {
        // The count's low word wraps through 0 (as an int32: through -1 to 0) into the high word.
        if (count === -1) slots[at + 3] = (slots[at + 3] as number) + 1;
        slots[at + 2] = count + 1;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Records the text the key in `slot` stands for (kept for reporting the most frequent values). */
  setText(slot: number, text: string): void {
    (this.texts ??= new Array<string | undefined>(this.mask + 1))[slot] = text;
  }

  /** Visits every key with its count and text. */
  forEach(visit: (low: number, high: number, count: number, text: string | undefined) => void): void {
    const { slots, texts } = this;
    for (let slot = 0; slot <= this.mask; slot++) {
      const at = slot * STRIDE;
      const count = ((slots[at + 2] as number) >>> 0) + (slots[at + 3] as number) * TWO_32;
      if (count > 0) visit(slots[at] as number, slots[at + 1] as number, count, texts?.[slot]);
    }
  }

  /** Doubles the table; returns the new slot of the key that was in `slot`. */
  private grow(slot: number): number {
    const { slots, texts } = this;
    const capacity = (this.mask + 1) * 2;
    const grown = new Int32Array(capacity * STRIDE);
    const grownTexts = texts ? new Array<string | undefined>(capacity) : undefined;
    const mask = capacity - 1;
    let moved = -1;
    for (let old = 0; old <= this.mask; old++) {
      const from = old * STRIDE;
      if (slots[from + 2] === 0 && slots[from + 3] === 0) continue;
      const low = slots[from] as number;
      const high = slots[from + 1] as number;
      let to = slotOf(low, high, mask);
      while (grown[to * STRIDE + 2] !== 0 || grown[to * STRIDE + 3] !== 0) to = (to + 1) & mask;
      const at = to * STRIDE;
      grown[at] = low;
      grown[at + 1] = high;
      grown[at + 2] = slots[from + 2] as number;
      grown[at + 3] = slots[from + 3] as number;
      if (texts && grownTexts) grownTexts[to] = texts[old];
      if (old === slot) moved = to;
    }
    this.slots = grown;
    this.texts = grownTexts;
    this.mask = mask;
    return moved;
  }
}
