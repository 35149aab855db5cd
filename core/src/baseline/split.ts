/**
 * Seeded ways to hold rows out for evaluating a baseline: a (stratified) hold-out and
 * (stratified) k-fold. Rows are given by index; the same seed gives the same split everywhere.
 */
import type { Rng } from '../random/rng';

/** A train/test split of row indices, each in increasing order. */
export interface HoldoutSplit {
  train: Uint32Array;
  test: Uint32Array;
}

/** Fisher–Yates shuffle in place. */
function shuffle(values: Uint32Array, rng: Rng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const t = values[i] as number;
    values[i] = values[j] as number;
    values[j] = t;
  }
}

function range(n: number): Uint32Array {
  const values = new Uint32Array(n);
  for (let i = 0; i < n; i++) values[i] = i;
  return values;
}

function checkFraction(n: number, testFraction: number): number {
  if (!(testFraction > 0 && testFraction < 1))
    throw new RangeError(`test fraction must be in (0, 1), got ${testFraction}`);
  // scikit-learn's train_test_split: ceil for the test set.
  const nTest = Math.ceil(testFraction * n);
  if (nTest < 1 || nTest >= n)
    throw new RangeError(`${n} rows cannot be split with a test fraction of ${testFraction}`);
  return nTest;
}

/**
 * A random hold-out: `ceil(testFraction · n)` rows in the test set, as scikit-learn's
 * `train_test_split` sizes it.
 */
export function holdoutSplit(n: number, testFraction: number, rng: Rng): HoldoutSplit {
  const nTest = checkFraction(n, testFraction);
  const order = range(n);
  shuffle(order, rng);
  return { test: order.slice(0, nTest).sort(), train: order.slice(nTest).sort() };
}

/**
 * Largest-remainder allocation of `total` over groups in proportion to `counts` (ties to the
 * larger group, then the earlier one), so every group gets ⌊share⌋ or ⌈share⌉ and the sum is exact.
 */
export function allocate(counts: readonly number[], total: number): number[] {
  const n = counts.reduce((sum, c) => sum + c, 0);
  const parts = counts.map((count, index) => {
    const exact = (count * total) / n;
    const floor = Math.floor(exact);
    return { index, count, floor, remainder: exact - floor };
  });
  let left = total - parts.reduce((sum, p) => sum + p.floor, 0);
  const result = parts.map((p) => p.floor);
  const byRemainder = [...parts].sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.index - b.index);
  for (const part of byRemainder) {
    if (left === 0) break;
    result[part.index] = part.floor + 1;
    left--;
  }
  return result;
}

/**
 * A stratified hold-out: the test set has `ceil(testFraction · n)` rows, shared among classes in
 * proportion to their counts (largest remainders), so each class keeps its share in both sets.
 * `classOf[i]` is the class index of row i.
 */
export function stratifiedHoldoutSplit(classOf: Uint32Array, testFraction: number, rng: Rng): HoldoutSplit {
  const n = classOf.length;
  const nTest = checkFraction(n, testFraction);
  const groups = groupRows(classOf);
  const quota = allocate(
    groups.map((g) => g.length),
    nTest,
  );
  const test: number[] = [];
  const train: number[] = [];
  groups.forEach((rows, c) => {
    shuffle(rows, rng);
    const q = quota[c] ?? 0;
    for (let i = 0; i < rows.length; i++) (i < q ? test : train).push(rows[i] as number);
  });
  return { test: Uint32Array.from(test).sort(), train: Uint32Array.from(train).sort() };
}

/** The rows of each class, in row order. */
function groupRows(classOf: Uint32Array): Uint32Array[] {
  let classes = 0;
  for (const c of classOf) classes = Math.max(classes, c + 1);
  const counts = new Uint32Array(classes);
  for (const c of classOf) counts[c] = (counts[c] ?? 0) + 1;
  const groups = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(classes);
  classOf.forEach((c, row) => {
    const at = filled[c] ?? 0;
    (groups[c] as Uint32Array)[at] = row;
    filled[c] = at + 1;
  });
  return groups;
}

/**
 * k-fold: the fold (0…k−1) of each row. Rows are shuffled, then dealt round-robin, so fold sizes
 * differ by at most one. With `classOf`, each class is dealt separately, continuing the deal
 * where the previous class stopped, so every fold gets ⌊count/k⌋ or ⌈count/k⌉ of every class
 * (stratified k-fold).
 */
export function kFoldAssignment(n: number, k: number, rng: Rng, classOf?: Uint32Array): Uint8Array | Uint16Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer ≥ 2, got ${k}`);
  if (k > n) throw new RangeError(`${n} rows cannot be split into ${k} folds`);
  const fold = k <= 256 ? new Uint8Array(n) : new Uint16Array(n);
  const groups = classOf ? groupRows(classOf) : [range(n)];
  let next = 0;
  for (const rows of groups) {
    shuffle(rows, rng);
    for (const row of rows) {
      fold[row] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}
