import { fmix32 } from './hash';

/**
 * Slots per key held, at most: the table is at most 80 % full. Linear probing stays short at
 * that load (about 13 probes for a new key when full, 3 for a repeat), and the table takes
 * 10 bytes per row where a half-full one would take 16: at the exact bound that is 10 MiB
 * instead of 16 MiB, the largest single part of a profile's memory.
 */
const SLOTS_PER_KEY = 1.25;

/** A slot in 0 … slots−1 for a 64-bit key: its mixed hash scaled to the range (Lemire's fast range). */
function slotIn(low: number, high: number, slots: number): number {
  return Math.floor(((fmix32(low ^ Math.imul(high, 0x9e3779b1)) >>> 0) * slots) / 0x100000000);
}

/**
 * Counts rows equal to an earlier row from their 64-bit hashes, exactly while the distinct row
 * hashes fit the table, and past that by hash sampling (Gibbons' distinct sampling): only rows
 * whose hash starts with `level` zero bits are kept, and the level rises (halving what is kept)
 * whenever the table fills. A row and its duplicates share a hash, so they are kept or dropped
 * together, and the duplicates among kept rows, times 2^level, estimate all of them without bias.
 *
 * Exact means: barring a 64-bit hash collision between two different rows, which for n rows
 * happens with probability about n² / 2^65 (below 10^-7 for 10^6 rows).
 */
export class DuplicateRows {
  /** Hash halves, two per slot; (0, 0) marks an empty slot. */
  private slots: Int32Array;
  /** Slots in the table (not a power of two: see {@link SLOTS_PER_KEY}). */
  private readonly slotCount: number;
  private size = 0;
  /**
   * Repeated rows by the number of leading zero bits of their hash: the repeats among rows kept
   * at level L are those with at least L, so raising the level needs no count per row.
   */
  private readonly repeatsByZeros = new Float64Array(33);
  /** Rows are kept when the top `level` bits of their hash are zero. */
  private level = 0;

  /**
   * @param maxKeys distinct row hashes held before sampling starts. The table
   * is allocated at its final size at once: the system hands out its zeroed pages only as they
   * are written, so a small file costs little, and a large one never holds an old and a new
   * table at the same time while growing.
   */
  constructor(private readonly maxKeys: number) {
    this.slotCount = Math.ceil(maxKeys * SLOTS_PER_KEY) + 1;
    this.slots = new Int32Array(this.slotCount * 2);
  }

  /** Adds a row by its hash. */
  add(low: number, high: number): void {
    if (this.level > 0 && high >>> (32 - this.level) !== 0) return;
    if (low === 0 && high === 0) low = 1;
    const { slots, slotCount } = this;
    let slot = slotIn(low, high, slotCount);
    for (;;) {
      const at = slot * 2;
      const held = slots[at] as number;
      const heldHigh = slots[at + 1] as number;
      if (held === low && heldHigh === high) {
        const zeros = Math.clz32(high);
        this.repeatsByZeros[zeros] = (this.repeatsByZeros[zeros] as number) + 1;
        return;
      }
      if (held === 0 && heldHigh === 0) {
        slots[at] = low;
        slots[at + 1] = high;
        if (++this.size > this.maxKeys) this.raiseLevel();
        return;
      }
      if (++slot === slotCount) slot = 0;
    }
  }

  /** Whether the count is exact (no sampling happened). */
  get exact(): boolean {
    return this.level === 0;
  }

  /** Rows equal to an earlier row (an estimate once sampling started). */
  duplicates(): number {
    let repeats = 0;
    for (let zeros = this.level; zeros <= 32; zeros++) repeats += this.repeatsByZeros[zeros] as number;
    return repeats * 2 ** this.level;
  }

  private raiseLevel(): void {
    // Each raise drops about half the keys; raise until at most half the bound is kept.
    const slots = this.slots;
    let level = this.level;
    let kept = 0;
    while (level < 32) {
      level++;
      kept = 0;
      for (let at = 0; at < slots.length; at += 2) {
        const high = slots[at + 1] as number;
        if ((high !== 0 || slots[at] !== 0) && high >>> (32 - level) === 0) kept++;
      }
      if (kept <= this.maxKeys / 2) break;
    }
    // Set the kept keys aside, empty the table and put them back: no second table.
    const keep = new Int32Array(kept * 2);
    let k = 0;
    for (let at = 0; at < slots.length; at += 2) {
      const high = slots[at + 1] as number;
      if ((high !== 0 || slots[at] !== 0) && high >>> (32 - level) === 0) {
        keep[k++] = slots[at] as number;
        keep[k++] = high;
      }
    }
    slots.fill(0);
    const slotCount = this.slotCount;
    for (let i = 0; i < keep.length; i += 2) {
      const low = keep[i] as number;
      const high = keep[i + 1] as number;
      let to = slotIn(low, high, slotCount);
      while (slots[to * 2] !== 0 || slots[to * 2 + 1] !== 0) if (++to === slotCount) to = 0;
      slots[to * 2] = low;
      slots[to * 2 + 1] = high;
    }
    this.size = kept;
    this.level = level;
  }
}
