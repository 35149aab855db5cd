/** Bits of the hash that pick a register: 2^14 registers, 16 KiB. */
export const HLL_PRECISION = 14;
const REGISTERS = 1 << HLL_PRECISION;
/** Bits of the hash left after the register index. */
const Q = 64 - HLL_PRECISION;

/**
 * HyperLogLog distinct-value estimate (Flajolet et al. 2007) with 2^14 registers, fed 64-bit
 * well-mixed hashes, read with Ertl's improved estimator ("New cardinality estimation
 * algorithms for HyperLogLog sketches", 2017), which needs no bias tables and is accurate from
 * a few values to far beyond 2^32. Relative standard error 1.04 / √16384 ≈ 0.8 %.
 */
export class HyperLogLog {
  readonly registers = new Uint8Array(REGISTERS);

  /** Adds a 64-bit hash given as its low and high 32 bits. */
  add(low: number, high: number): void {
    const index = high >>> (32 - HLL_PRECISION);
    // Position of the first 1 bit in the remaining 50 bits (18 from `high`, then 32 from `low`).
    const rest = high & ((1 << (32 - HLL_PRECISION)) - 1);
    const rank =
      rest !== 0 ? Math.clz32(rest) - HLL_PRECISION + 1 : low !== 0 ? 32 - HLL_PRECISION + Math.clz32(low) + 1 : Q + 1;
    if (rank > (this.registers[index] as number)) this.registers[index] = rank;
  }

  /** Folds another sketch into this one (the union of the two streams). */
  merge(other: HyperLogLog): void {
    for (let i = 0; i < REGISTERS; i++) {
      if ((other.registers[i] as number) > (this.registers[i] as number))
        this.registers[i] = other.registers[i] as number;
    }
  }

  /** The estimated number of distinct hashes added. */
  estimate(): number {
    const histogram = new Float64Array(Q + 2);
    for (const value of this.registers) histogram[value] = (histogram[value] as number) + 1;
    const m = REGISTERS;
    let z = m * tau(1 - (histogram[Q + 1] as number) / m);
    for (let k = Q; k >= 1; k--) z = 0.5 * (z + (histogram[k] as number));
    z += m * sigma((histogram[0] as number) / m);
    return Math.round((m * m) / (2 * Math.LN2) / z);
  }
}

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  for (;;) {
    x *= x;
    const previous = z;
    z += x * y;
    y += y;
    if (z === previous) return z;
  }
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1;
  let z = 1 - x;
  for (;;) {
    x = Math.sqrt(x);
    const previous = z;
    y *= 0.5;
    z -= (1 - x) ** 2 * y;
    if (z === previous) return z / 3;
  }
}
