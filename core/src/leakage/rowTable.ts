/**
 * The rows of the splits read before train, one 64-bit hash each, in an open-addressing table of
 * typed arrays (no object per row): per distinct (row hash, split) the file and line of its first
 * row, how many rows of that split share it, and which later splits also hold it.
 *
 * Why a hash per row is an acceptable bound: only the splits read before train are held (the
 * validation and test splits, usually 10–30 % of the rows), at 24 bytes a slot and at most half
 * the slots full after a resize: about 50 bytes per held row, so 250,000 test rows take ~12 MB
 * per table, while the train split, however large, streams through with no state per row. Two
 * different rows share a 64-bit hash with probability about n²/2⁶⁵ (below 10⁻⁸ for 10⁶ rows).
 */
import { fmix32 } from '../profile/hash';

/** Int32 fields per slot: hash low, hash high, file index, line, row count, hit mask. */
const FIELDS = 6;
const LOW = 0;
const HIGH = 1;
const FILE = 2;
const LINE = 3;
const COUNT = 4;
const HITS = 5;

/** A slot found by {@link RowTable.find}: its index, valid until the next insert. */
export type Slot = number;

/** Hash table of (row hash, split) → first row, count, and the later splits that hold it. */
export class RowTable {
  private slots: Int32Array;
  private capacity: number;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = 1 << Math.max(4, Math.ceil(Math.log2(initialCapacity)));
    this.slots = new Int32Array(this.capacity * FIELDS);
  }

  /** Distinct keys held. */
  get keys(): number {
    return this.size;
  }

  private static key(low: number, high: number, split: number): [number, number] {
    // The split is folded into the key so one table holds every held split.
    let l = low ^ Math.imul(split + 1, 0x9e3779b1);
    const h = high ^ Math.imul(split + 1, 0x85ebca6b);
    if (l === 0 && h === 0) l = 1;
    return [l, h];
  }

  private start(low: number, high: number): number {
    return fmix32(low ^ Math.imul(high, 0x27d4eb2f)) & (this.capacity - 1);
  }

  /** The slot holding key `(l, h)`, or the empty slot where it would go (linear probing). */
  private probe(l: number, h: number): number {
    const slots = this.slots;
    const mask = this.capacity - 1;
    let i = this.start(l, h);
    for (;;) {
      const at = i * FIELDS;
      const sl = slots[at + LOW] as number;
      const sh = slots[at + HIGH] as number;
      if ((sl === l && sh === h) || (sl === 0 && sh === 0)) return i;
      i = (i + 1) & mask;
    }
  }

  /** The slot of a row hash in `split`, or -1. */
  find(low: number, high: number, split: number): Slot {
    const [l, h] = RowTable.key(low, high, split);
    const i = this.probe(l, h);
    return this.slots[i * FIELDS + LOW] === l && this.slots[i * FIELDS + HIGH] === h ? i : -1;
  }

  /** Adds a row of `split`; returns true when the (hash, split) was new. */
  add(low: number, high: number, split: number, file: number, line: number): boolean {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const [l, h] = RowTable.key(low, high, split);
    const slots = this.slots;
    const at = this.probe(l, h) * FIELDS;
    if (slots[at + LOW] === l && slots[at + HIGH] === h) {
      slots[at + COUNT] = (slots[at + COUNT] as number) + 1;
      return false;
    }
    slots[at + LOW] = l;
    slots[at + HIGH] = h;
    slots[at + FILE] = file;
    slots[at + LINE] = line;
    slots[at + COUNT] = 1;
    slots[at + HITS] = 0;
    this.size++;
    return true;
  }

  /** Marks a slot as also held by split `by`; returns true the first time. */
  hit(slot: Slot, by: number): boolean {
    const at = slot * FIELDS + HITS;
    const bit = 1 << by;
    const had = (this.slots[at] as number) & bit;
    this.slots[at] = (this.slots[at] as number) | bit;
    return had === 0;
  }

  /** The first row of a slot. */
  first(slot: Slot): { file: number; line: number } {
    return { file: this.slots[slot * FIELDS + FILE] as number, line: this.slots[slot * FIELDS + LINE] as number };
  }

  /** Rows that share a slot. */
  count(slot: Slot): number {
    return this.slots[slot * FIELDS + COUNT] as number;
  }

  /**
   * Rows of `split` (the split whose key the slot holds is not stored, so the caller passes each
   * held split's slots through `splitOf`) that were hit by `by`: sums the counts of hit slots.
   */
  rowsHitBy(by: number, fileSplit: (file: number) => number, split: number): number {
    let rows = 0;
    const slots = this.slots;
    const bit = 1 << by;
    for (let i = 0; i < this.capacity; i++) {
      const at = i * FIELDS;
      if (((slots[at + HITS] as number) & bit) === 0) continue;
      if (fileSplit(slots[at + FILE] as number) === split) rows += slots[at + COUNT] as number;
    }
    return rows;
  }

  private grow(): void {
    const old = this.slots;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.slots = new Int32Array(this.capacity * FIELDS);
    const mask = this.capacity - 1;
    for (let j = 0; j < oldCapacity; j++) {
      const from = j * FIELDS;
      const l = old[from + LOW] as number;
      const h = old[from + HIGH] as number;
      if (l === 0 && h === 0) continue;
      let i = this.start(l, h);
      while ((this.slots[i * FIELDS + LOW] as number) !== 0 || (this.slots[i * FIELDS + HIGH] as number) !== 0)
        i = (i + 1) & mask;
      this.slots.set(old.subarray(from, from + FIELDS), i * FIELDS);
    }
  }
}
