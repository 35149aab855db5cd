/**
 * Bootstrap of statistics that depend only on a table of counts — above all the confusion
 * matrix, on which accuracy, precision / recall / F-scores, balanced accuracy, Cohen's kappa and
 * the Matthews correlation are functions.
 *
 * Resampling the n rows with replacement and tabulating them gives cell counts distributed as
 * Multinomial(n; c₀/n, c₁/n, …), where c are the observed counts. So each replicate is one
 * multinomial draw ({@link sampleMultinomial}: one exact binomial per cell) and one evaluation of
 * the statistic: B replicates cost O(B · cells), whatever n is. The jackknife for BCa is per cell
 * too: leaving out any one of the c_k rows of cell k gives the same table (cell k minus one), so
 * the n leave-one-out values are the cells' values with multiplicities c_k — O(cells) evaluations.
 *
 * To bootstrap every metric of a matrix at once, pass them as one vector statistic to
 * {@link bootstrapCountsVector}: the tables are drawn once and the matrix can be summarised once
 * per replicate for all metrics.
 */
import { createRng } from '../random/rng';
import type { WeightedJackknife } from './interval';
import { bootstrapResult, resolveBootstrapOptions, type BootstrapOptions, type BootstrapResult } from './options';
import { sampleMultinomial } from './sampling';
import { runSteps, type Steps } from './steps';

/** A statistic of a table of counts, given as one flat array (a fresh array on every call). */
export type CountsStatistic = (counts: number[]) => number;

/**
 * A statistic of a confusion matrix: `matrix[i][j]` counts rows of true class i predicted as class
 * j (scikit-learn's layout). Called with a fresh matrix every time, so it may keep or change it.
 */
export type ConfusionMatrixStatistic = (matrix: number[][]) => number;

/** Throws unless `counts` are non-negative safe integers with a positive sum; returns the sum. */
function countTotal(counts: ArrayLike<number>, what: string): number {
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    const count = counts[k] as number;
    if (!(Number.isSafeInteger(count) && count >= 0)) {
      throw new RangeError(`bootstrap: ${what} must hold non-negative integer counts, got ${count}`);
    }
    total += count;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError(`bootstrap: ${what} counts more than 2^53 rows`);
  if (total === 0) throw new RangeError(`bootstrap: ${what} is empty (no rows to resample)`);
  return total;
}

/**
 * Leave-one-out values of `statistic` on a table of counts, grouped by cell: for each non-empty
 * cell k the statistic with c_k − 1 in that cell, with multiplicity c_k. Empty (no values) when
 * the table holds fewer than two rows, where the jackknife is undefined.
 */
export function countsJackknife(counts: ArrayLike<number>, statistic: CountsStatistic): WeightedJackknife {
  const jackknife = vectorJackknife(counts, (table) => [statistic(table)])[0];
  return jackknife ?? { values: [], counts: [] };
}

/** {@link countsJackknife} for each component of a vector statistic, with one evaluation per cell. */
function vectorJackknife(counts: ArrayLike<number>, statistic: CountsVectorStatistic): WeightedJackknife[] {
  return runSteps(vectorJackknifeSteps(counts, statistic));
}

/** {@link vectorJackknife}, pausing every few cells (one evaluation of the statistic per non-empty cell). */
function* vectorJackknifeSteps(
  counts: ArrayLike<number>,
  statistic: CountsVectorStatistic,
): Steps<WeightedJackknife[]> {
  const total = countTotal(counts, 'the table');
  const table = Array.from(counts);
  const multiplicities: number[] = [];
  const columns: number[][] = [];
  if (total < 2) return [];
  const perSlice = Math.max(1, Math.floor(CELLS_PER_SLICE / Math.max(1, table.length)));
  for (let k = 0; k < table.length; k++) {
    const count = table[k] as number;
    if (count === 0) continue;
    if (k % perSlice === perSlice - 1) yield;
    const leftOut = table.slice();
    leftOut[k] = count - 1;
    const values = statistic(leftOut);
    for (let m = 0; m < values.length; m++) (columns[m] ??= []).push(values[m] as number);
    multiplicities.push(count);
  }
  return columns.map((values) => ({ values, counts: multiplicities }));
}

/**
 * Several statistics of a table of counts computed together (e.g. every metric of a confusion
 * matrix from one summary of it): returns the same number of values on every call.
 */
export type CountsVectorStatistic = (counts: number[]) => ArrayLike<number>;

/**
 * {@link bootstrapCounts} for several statistics at once, on the same resampled tables: one
 * multinomial draw and one call of `statistic` per replicate for all of them. Returns one result
 * per component of the statistic, each identical to what {@link bootstrapCounts} gives for that
 * component alone with the same options (the draws do not depend on the statistic). Throws a
 * RangeError as {@link bootstrapCounts} does, or when the statistic's length changes.
 */
export function bootstrapCountsVector(
  counts: ArrayLike<number>,
  statistic: CountsVectorStatistic,
  options: BootstrapOptions = {},
  jackknife?: CountsVectorJackknife,
): BootstrapResult[] {
  return runSteps(bootstrapCountsVectorSteps(counts, statistic, options, jackknife));
}

/**
 * The leave-one-out values of a {@link CountsVectorStatistic} grouped by cell, one entry per
 * component, as {@link countsJackknife} gives them — for a statistic whose jackknife has a faster
 * closed form than one evaluation per cell.
 */
export type CountsVectorJackknife = (counts: number[]) => WeightedJackknife[];

/**
 * {@link bootstrapCountsVector} in slices: it pauses every few replicates (fewer the larger the
 * table, so that a slice stays well under a millisecond). The same results. `jackknife`, when
 * given, replaces the generic BCa jackknife (one evaluation of the statistic per non-empty cell).
 */
export function* bootstrapCountsVectorSteps(
  counts: ArrayLike<number>,
  statistic: CountsVectorStatistic,
  options: BootstrapOptions = {},
  jackknife?: CountsVectorJackknife,
): Steps<BootstrapResult[]> {
  const settings = resolveBootstrapOptions(options);
  const total = countTotal(counts, 'the table');
  const table = Array.from(counts);
  const rng = createRng(settings.seed);
  const observed = Array.from(statistic(table.slice()));
  const size = observed.length;
  const replicates = observed.map(() => new Float64Array(settings.resamples));
  const perSlice = Math.max(1, Math.floor(CELLS_PER_SLICE / Math.max(1, table.length)));
  for (let b = 0; b < settings.resamples; b++) {
    if (b % perSlice === perSlice - 1) yield;
    const resampled: number[] = [];
    sampleMultinomial(rng, total, table, resampled);
    const values = statistic(resampled);
    if (values.length !== size) {
      throw new RangeError(`bootstrap: the statistic gave ${values.length} values on a resample, ${size} on the data`);
    }
    for (let m = 0; m < size; m++) (replicates[m] as Float64Array)[b] = values[m] as number;
  }
  // BCa's jackknife costs one evaluation per non-empty cell: computed here, in slices, when asked for.
  let leftOut: WeightedJackknife[] = [];
  if (settings.method === 'bca') leftOut = jackknife ? jackknife(table) : yield* vectorJackknifeSteps(table, statistic);
  return observed.map((value, m) =>
    bootstrapResult(
      replicates[m] as Float64Array,
      value,
      () => leftOut[m] ?? { values: [], counts: [] },
      settings,
      'multinomial',
    ),
  );
}

/** Table cells redrawn between two pauses of {@link bootstrapCountsVectorSteps}. */
const CELLS_PER_SLICE = 4096;

/**
 * Bootstrap of a statistic of a table of counts (any shape, flattened): the replicates are
 * multinomial redraws of the table's n rows, see the module comment. Returns the statistic on the
 * table, the interval (percentile or BCa, see {@link BootstrapOptions}), and the options used.
 * Deterministic for a given seed. Throws a RangeError on an empty table, negative or fractional
 * counts, or invalid options.
 */
export function bootstrapCounts(
  counts: ArrayLike<number>,
  statistic: CountsStatistic,
  options: BootstrapOptions = {},
): BootstrapResult {
  const [result] = bootstrapCountsVector(counts, (table) => [statistic(table)], options);
  if (result === undefined) throw new Error('bootstrap: no result for a one-value statistic');
  return result;
}

/** Checks the matrix is rectangular and non-empty; returns its column count. */
function matrixColumns(matrix: readonly (readonly number[])[]): number {
  const columns = matrix[0]?.length ?? 0;
  if (matrix.length === 0 || columns === 0) throw new RangeError('bootstrap: the confusion matrix is empty (no cells)');
  for (const row of matrix) {
    if (row.length !== columns) {
      throw new RangeError(`bootstrap: the confusion matrix is ragged (rows of ${columns} and ${row.length} cells)`);
    }
  }
  return columns;
}

function asCountsStatistic(metric: ConfusionMatrixStatistic, rows: number, columns: number): CountsStatistic {
  return (counts) => {
    const matrix: number[][] = [];
    for (let i = 0; i < rows; i++) matrix.push(counts.slice(i * columns, (i + 1) * columns));
    return metric(matrix);
  };
}

/**
 * Leave-one-out values of `metric` on a confusion matrix, grouped by cell (see
 * {@link countsJackknife}): what `bcaInterval` needs, in O(cells) evaluations.
 */
export function confusionMatrixJackknife(
  matrix: readonly (readonly number[])[],
  metric: ConfusionMatrixStatistic,
): WeightedJackknife {
  const columns = matrixColumns(matrix);
  return countsJackknife(matrix.flat(), asCountsStatistic(metric, matrix.length, columns));
}

/**
 * Bootstrap confidence interval of a confusion-matrix metric (`metric` computes it from a matrix,
 * e.g. accuracy = trace / n), by multinomial redraws of the matrix's cells — identical in
 * distribution to resampling the n prediction rows with replacement, at a cost of O(B · cells)
 * whatever n. With `method: 'bca'` the jackknife is per cell (O(cells) metric evaluations).
 *
 * Returns the metric on the matrix (`observed`), `low` / `high`, the method used (with
 * `fallbackReason` when BCa fell back to percentile), `standardError`, `resamples`,
 * `confidence`, `seed`. The same matrix, metric and options give the same result, bit for bit.
 * Throws a RangeError on an empty or ragged matrix, negative or fractional counts, or invalid
 * options. A matrix of one row gives a zero-width interval (every resample is that row).
 */
export function bootstrapConfusionMatrix(
  matrix: readonly (readonly number[])[],
  metric: ConfusionMatrixStatistic,
  options: BootstrapOptions = {},
): BootstrapResult {
  const columns = matrixColumns(matrix);
  return bootstrapCounts(matrix.flat(), asCountsStatistic(metric, matrix.length, columns), options);
}
