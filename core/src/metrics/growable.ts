/** Typed arrays that grow as values stream in, so accumulators allocate per chunk, not per row. */

/** A Float64Array that doubles its capacity when full. */
export class GrowableFloat64Array {
  private data: Float64Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(1, capacity));
  }

  /** Values pushed so far. */
  get length(): number {
    return this.size;
  }

  /** Appends one value. */
  push(value: number): void {
    if (this.size === this.data.length) this.grow();
    this.data[this.size++] = value;
  }

  /** The values pushed so far, as a view on the internal buffer (valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.size);
  }

  private grow(): void {
    const next = new Float64Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/** A Uint32Array that doubles its capacity when full. */
export class GrowableUint32Array {
  private data: Uint32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(1, capacity));
  }

  /** Values pushed so far. */
  get length(): number {
    return this.size;
  }

  /** Appends one value (an unsigned 32-bit integer). */
  push(value: number): void {
    if (this.size === this.data.length) this.grow();
    this.data[this.size++] = value;
  }

  /** The values pushed so far, as a view on the internal buffer (valid until the next push). */
  view(): Uint32Array {
    return this.data.subarray(0, this.size);
  }

  private grow(): void {
    const next = new Uint32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
  }
}

/**
 * A running sum with Neumaier's compensation: the error stays near one rounding whatever the
 * number of terms, so means over millions of rows agree with numpy's pairwise sums to ~1e-16.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one term. */
  add(x: number): void {
    const t = this.sum + x;
    if (Math.abs(this.sum) >= Math.abs(x)) this.compensation += this.sum - t + x;
    else this.compensation += x - t + this.sum;
    this.sum = t;
  }

  /** The sum of the terms added so far. */
  get value(): number {
    return this.sum + this.compensation;
  }
}
