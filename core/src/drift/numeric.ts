/**
 * Drift of one numeric column between a reference sample (training data) and a current one
 * (production data).
 */

import { ksTwoSample, type KsMethod } from '../stats/kolmogorov';
import { binCounts, referenceBinEdges } from './binning';
import { jensenShannonDistance, populationStabilityIndex, PSI_EPSILON } from './divergence';

/** Options of {@link numericDrift}. */
export interface NumericDriftOptions {
  /** Number of reference-quantile bins for PSI and Jensen–Shannon (default 10: deciles). */
  bins?: number;
  /** Share used for an empty bin in the PSI (default {@link PSI_EPSILON}). */
  epsilon?: number;
}

/** The result of {@link numericDrift}. */
export interface NumericDriftResult {
  kind: 'numeric';
  referenceSize: number;
  currentSize: number;
  /** Two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp`. */
  ks: { statistic: number; pValue: number; method: KsMethod };
  /** The test's p-value (the KS one), the value the dataset verdict adjusts for multiple testing. */
  pValue: number;
  psi: number;
  /** Jensen–Shannon distance in bits, over the same bins as the PSI. */
  jensenShannon: number;
  /** The bins: interior edges (deciles of the reference, duplicates dropped) and the counts on each side. */
  bins: { edges: number[]; referenceCounts: number[]; currentCounts: number[]; psiContributions: number[] };
}

function checkSample(values: ArrayLike<number>, what: string): void {
  if (values.length === 0) throw new RangeError(`numericDrift: the ${what} sample is empty`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(
        `numericDrift: the ${what} sample has a non-finite value at ${i}; drop missing values first`,
      );
    }
  }
}

/**
 * Compares the distribution of a numeric column in `current` with `reference`: the two-sample
 * KS test (statistic and p-value as SciPy), the population stability index and the
 * Jensen–Shannon distance over bins cut at the reference's deciles (see
 * {@link referenceBinEdges}). Missing values must be dropped by the caller; non-finite values
 * throw.
 */
export function numericDrift(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options: NumericDriftOptions = {},
): NumericDriftResult {
  checkSample(reference, 'reference');
  checkSample(current, 'current');
  const sortedReference = Float64Array.from(reference).sort();
  const edges = referenceBinEdges(sortedReference, options.bins ?? 10);
  const referenceCounts = binCounts(sortedReference, edges);
  const currentCounts = binCounts(current, edges);
  const psi = populationStabilityIndex(referenceCounts, currentCounts, options.epsilon ?? PSI_EPSILON);
  const ks = ksTwoSample(sortedReference, current);
  return {
    kind: 'numeric',
    referenceSize: reference.length,
    currentSize: current.length,
    ks: { statistic: ks.statistic, pValue: ks.pValue, method: ks.method },
    pValue: ks.pValue,
    psi: psi.psi,
    jensenShannon: jensenShannonDistance(referenceCounts, currentCounts),
    bins: { edges, referenceCounts, currentCounts, psiContributions: psi.contributions },
  };
}
