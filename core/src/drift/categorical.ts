/**
 * Drift of one categorical column between a reference sample and a current one, from the counts
 * of each category (which a streaming reader accumulates as it goes).
 */

import { chiSquareContingency, cramersV } from '../stats/contingency';
import { jensenShannonDistance, populationStabilityIndex, PSI_EPSILON } from './divergence';

/** Counts per category: a Map or a plain record. */
export type CategoryCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Options of {@link categoricalDrift}. */
export interface CategoricalDriftOptions {
  /** Share used for a category absent on one side in the PSI (default {@link PSI_EPSILON}). */
  epsilon?: number;
}

/** One category's counts and shares on both sides. */
export interface CategoryComparison {
  category: string;
  referenceCount: number;
  currentCount: number;
  referenceShare: number;
  currentShare: number;
  /** This category's term of the PSI. */
  psiContribution: number;
}

/** The result of {@link categoricalDrift}. */
export interface CategoricalDriftResult {
  kind: 'categorical';
  referenceSize: number;
  currentSize: number;
  /**
   * Chi-square test of homogeneity on the 2×k table (sample × category), as
   * `scipy.stats.chi2_contingency(table)`: no correction for k > 2, Yates' for k = 2 (SciPy's
   * default on a 2×2 table); k = 1 gives 0 degrees of freedom and p = 1.
   */
  chiSquare: { statistic: number; pValue: number; dof: number };
  /** The test's p-value (the chi-square one), the value the dataset verdict adjusts. */
  pValue: number;
  /** Cramér's V of the same table, from the uncorrected X²: 0 = same mix, 1 = disjoint categories. */
  cramersV: number;
  psi: number;
  /** Jensen–Shannon distance in bits over the category frequencies. */
  jensenShannon: number;
  /** Every category seen on either side, most frequent in the reference first. */
  categories: CategoryComparison[];
}

function toMap(counts: CategoryCounts): ReadonlyMap<string, number> {
  return counts instanceof Map ? counts : new Map(Object.entries(counts as Readonly<Record<string, number>>));
}

/**
 * Compares the category frequencies of `current` with `reference`: chi-square test of homogeneity
 * and Cramér's V on the sample × category table, PSI and Jensen–Shannon distance on the shares.
 * Categories with a zero count on both sides are ignored; whether missing values form a category
 * is the caller's choice.
 */
export function categoricalDrift(
  reference: CategoryCounts,
  current: CategoryCounts,
  options: CategoricalDriftOptions = {},
): CategoricalDriftResult {
  const ref = toMap(reference);
  const cur = toMap(current);
  const names = new Set<string>();
  for (const [name, count] of [...ref, ...cur]) {
    if (!(count >= 0) || !Number.isFinite(count))
      throw new RangeError(`categoricalDrift: bad count ${count} for ${JSON.stringify(name)}`);
    if (count > 0) names.add(name);
  }
  const rows = [...names]
    .map((category) => ({ category, r: ref.get(category) ?? 0, c: cur.get(category) ?? 0 }))
    .sort((x, y) => y.r - x.r || y.c - x.c || (x.category < y.category ? -1 : x.category > y.category ? 1 : 0));
  const referenceCounts = rows.map((row) => row.r);
  const currentCounts = rows.map((row) => row.c);
  const referenceSize = referenceCounts.reduce((s, x) => s + x, 0);
  const currentSize = currentCounts.reduce((s, x) => s + x, 0);
  if (referenceSize === 0 || currentSize === 0) {
    throw new RangeError(`categoricalDrift: the ${referenceSize === 0 ? 'reference' : 'current'} sample has no values`);
  }
  const table = [referenceCounts, currentCounts];
  const test = chiSquareContingency(table);
  const psi = populationStabilityIndex(referenceCounts, currentCounts, options.epsilon ?? PSI_EPSILON);
  return {
    kind: 'categorical',
    referenceSize,
    currentSize,
    chiSquare: { statistic: test.statistic, pValue: test.pValue, dof: test.dof },
    pValue: test.pValue,
    cramersV: cramersV(table),
    psi: psi.psi,
    jensenShannon: jensenShannonDistance(referenceCounts, currentCounts),
    categories: rows.map((row, i) => ({
      category: row.category,
      referenceCount: row.r,
      currentCount: row.c,
      referenceShare: row.r / referenceSize,
      currentShare: row.c / currentSize,
      psiContribution: psi.contributions[i] ?? 0,
    })),
  };
}
