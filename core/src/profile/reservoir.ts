import type { Rng } from '../random/rng';

/**
 * A uniform random sample of fixed size from a stream of numbers (Li's "Algorithm L", 1994):
 * after the sample fills, the generator is consulted only O(k log(n / k)) times, so the cost
 * per value is one counter decrement. Seeded, so the same stream gives the same sample.
 */
export class Reservoir {
  private values: Float64Array;
  /** Values offered so far. */
  seen = 0;
  private w = 0;
  /** Values still to skip before the next replacement. */
  private skip = 0;

  constructor(
    readonly capacity: number,
    private readonly rng: Rng,
  ) {
    this.values = new Float64Array(Math.min(capacity, 1024));
  }

  /** Offers `count` copies of `value` (as `count` calls of {@link add}, faster for large counts). */
  addRepeated(value: number, count: number): void {
    while (count > 0 && this.seen < this.capacity) {
      this.add(value);
      count--;
    }
    while (count > 0) {
      if (this.skip >= count) {
        this.skip -= count;
        this.seen += count;
        return;
      }
      // Skip to the copy that replaces a sampled value, then offer it.
      count -= this.skip + 1;
      this.seen += this.skip;
      this.skip = 0;
      this.add(value);
    }
  }

  add(value: number): void {
    const seen = this.seen++;
    if (seen < this.capacity) {
      if (seen === this.values.length) {
        const grown = new Float64Array(Math.min(this.capacity, seen * 2));
        grown.set(this.values);
        this.values = grown;
      }
      this.values[seen] = value;
      if (seen + 1 === this.capacity) {
        this.w = Math.exp(Math.log(this.uniform()) / this.capacity);
        this.skip = this.nextSkip();
      }
      return;
    }
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.values[this.rng.nextInt(this.capacity)] = value;
    this.w *= Math.exp(Math.log(this.uniform()) / this.capacity);
    this.skip = this.nextSkip();
  }

  /** The sample, sorted ascending (a copy). */
  sorted(): Float64Array {
    return this.values.slice(0, Math.min(this.seen, this.capacity)).sort();
  }

  private nextSkip(): number {
    return Math.floor(Math.log(this.uniform()) / Math.log(1 - this.w));
  }

  /** A uniform draw in (0, 1): a zero would give log(0). */
  private uniform(): number {
    for (;;) {
      const u = this.rng.next();
      if (u > 0) return u;
    }
  }
}
