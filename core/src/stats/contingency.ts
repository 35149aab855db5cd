/**
 * Pearson's chi-square test on a contingency table and Cramér's V, as SciPy's
 * `scipy.stats.chi2_contingency` and `scipy.stats.contingency.association` compute them.
 */

import { chiSquareSf } from './chiSquare';

/** The result of {@link chiSquareContingency}. */
export interface ChiSquareContingencyResult {
  /** Pearson's X² = Σ (O − E)² / E, after Yates' correction when it was applied. */
  statistic: number;
  pValue: number;
  /** Degrees of freedom, (rows − 1)(columns − 1). */
  dof: number;
  /** Expected counts under independence: row total × column total / grand total. */
  expected: number[][];
  /** Whether Yates' continuity correction was applied (only ever with one degree of freedom). */
  yatesCorrection: boolean;
}

/** Options of {@link chiSquareContingency}. */
export interface ChiSquareContingencyOptions {
  /**
   * Apply Yates' continuity correction when there is one degree of freedom (a 2×2 table): each
   * |O − E| shrinks by ½, but never past zero. Default true, as SciPy.
   */
  correction?: boolean;
}

function checkTable(observed: readonly (readonly number[])[], what: string): { rows: number; cols: number } {
  const rows = observed.length;
  const cols = observed[0]?.length ?? 0;
  if (rows === 0 || cols === 0) throw new RangeError(`${what}: the table is empty`);
  for (const row of observed) {
    if (row.length !== cols) throw new RangeError(`${what}: rows of different lengths (${cols} and ${row.length})`);
    for (const cell of row) {
      if (!(cell >= 0) || !Number.isFinite(cell))
        throw new RangeError(`${what}: counts must be finite and non-negative, got ${cell}`);
    }
  }
  return { rows, cols };
}

/**
 * Pearson's chi-square test of independence (or homogeneity) on an r×c table of counts —
 * `scipy.stats.chi2_contingency(observed, correction)`: expected counts from the margins, Yates'
 * correction on 2×2 tables unless turned off, X² = Σ (O − E)²/E on (r−1)(c−1) degrees of
 * freedom; a table with one row or column has 0 degrees of freedom, X² = 0 and p = 1. Throws, as
 * SciPy does, when an expected count is zero (a row or column that sums to zero).
 */
export function chiSquareContingency(
  observed: readonly (readonly number[])[],
  options: ChiSquareContingencyOptions = {},
): ChiSquareContingencyResult {
  const { rows, cols } = checkTable(observed, 'chiSquareContingency');
  const rowTotals = observed.map((row) => row.reduce((s, x) => s + x, 0));
  const colTotals = Array.from({ length: cols }, (_, j) => observed.reduce((s, row) => s + (row[j] ?? 0), 0));
  const total = rowTotals.reduce((s, x) => s + x, 0);
  const expected = rowTotals.map((r) => colTotals.map((c) => (r * c) / total));
  expected.forEach((row, i) =>
    row.forEach((e, j) => {
      if (e === 0) {
        throw new RangeError(
          `chiSquareContingency: the expected count at (${i}, ${j}) is zero — a row or column of the table sums to zero`,
        );
      }
    }),
  );
  const dof = (rows - 1) * (cols - 1);
  if (dof === 0) return { statistic: 0, pValue: 1, dof, expected, yatesCorrection: false };
  const yates = dof === 1 && (options.correction ?? true);
  let statistic = 0;
  observed.forEach((row, i) =>
    row.forEach((o, j) => {
      const e = expected[i]?.[j] ?? Number.NaN;
      let diff = o - e;
      if (yates) diff = Math.sign(diff) * Math.max(Math.abs(diff) - 0.5, 0);
      statistic += (diff * diff) / e;
    }),
  );
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, expected, yatesCorrection: yates };
}

/**
 * Cramér's V = √(X² / (n·(min(r, c) − 1))) with the uncorrected X², in [0, 1] —
 * `scipy.stats.contingency.association(observed, method='cramer')`. A table with a single row or
 * column shows no association and gives 0 (SciPy divides by zero there).
 */
export function cramersV(observed: readonly (readonly number[])[]): number {
  const { rows, cols } = checkTable(observed, 'cramersV');
  const k = Math.min(rows, cols) - 1;
  if (k === 0) return 0;
  const { statistic } = chiSquareContingency(observed, { correction: false });
  const n = observed.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  return Math.sqrt(statistic / n / k);
}
