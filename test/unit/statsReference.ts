// The SciPy reference of the stats, compare and drift tests: its fixture, its sample generator,
// and the relative comparison they use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A sample given inline or by the MINSTD spec the reference script documents. */
export type SampleSpec =
  { values: number[] } | { seed: number; n: number; terms: number; shift: number; tieDivisor: number | null };

/** The reference script's generator: exact integer arithmetic, so both sides get the same doubles. */
export function generate(spec: SampleSpec): number[] {
  if ('values' in spec) return spec.values;
  const m = 2147483647;
  let state = spec.seed;
  const values: number[] = [];
  for (let i = 0; i < spec.n; i++) {
    let total = 0;
    for (let t = 0; t < spec.terms; t++) {
      state = (state * 48271) % m;
      total += state;
    }
    values.push(
      spec.tieDivisor === null
        ? (total - Math.floor((spec.terms * m) / 2)) / m + spec.shift
        : Math.floor(total / spec.tieDivisor) + spec.shift,
    );
  }
  return values;
}

/** The fixture, with the strings "NaN", "Infinity" and "-Infinity" turned back into numbers. */
export function readReference(): unknown {
  const text = readFileSync(path.resolve(__dirname, '../fixtures/reference/stats.json'), 'utf8');
  return JSON.parse(text, (_key, value: unknown) =>
    value === 'NaN' ? Number.NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value,
  );
}

/** |actual − expected| ≤ relative·|expected|; non-finite values must match exactly. */
export function assertRelative(actual: number, expected: number, relative: number, what: string): void {
  if (!Number.isFinite(expected) || expected === 0) {
    if (Object.is(actual, expected) || (expected === 0 && Math.abs(actual) < 1e-15)) return;
    assert.fail(`${what}: expected ${expected}, got ${actual}`);
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(
    error <= relative,
    `${what}: expected ${expected}, got ${actual} (relative error ${error.toExponential(2)})`,
  );
}
