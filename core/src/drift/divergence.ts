/**
 * Distances between two distributions over the same bins or categories, given as counts.
 */

/** The ε that stands in for an empty bin's share in the PSI (whose log would be infinite). */
export const PSI_EPSILON = 1e-4;

function shares(counts: readonly number[], what: string): number[] {
  let total = 0;
  for (const c of counts) {
    if (!(c >= 0) || !Number.isFinite(c))
      throw new RangeError(`${what}: counts must be finite and non-negative, got ${c}`);
    total += c;
  }
  if (total === 0) throw new RangeError(`${what}: all counts are zero`);
  return counts.map((c) => c / total);
}

/** The result of {@link populationStabilityIndex}. */
export interface PsiResult {
  /** Σ (a_i − e_i)·ln(a_i / e_i) over the bins. */
  psi: number;
  /** Each bin's term, to show where the shift is. */
  contributions: number[];
}

/**
 * Population stability index of `actualCounts` (production) against `expectedCounts`
 * (reference) over the same bins: PSI = Σ (a_i − e_i)·ln(a_i / e_i) with a_i, e_i the shares of
 * each sample in bin i. A share of exactly 0 is replaced by `epsilon` (default
 * {@link PSI_EPSILON} = 1e-4, without renormalizing), so a bin empty on one side adds a large but
 * finite term rather than infinity. Symmetric in its two arguments.
 */
export function populationStabilityIndex(
  expectedCounts: readonly number[],
  actualCounts: readonly number[],
  epsilon = PSI_EPSILON,
): PsiResult {
  if (expectedCounts.length !== actualCounts.length) {
    throw new RangeError(
      `populationStabilityIndex: ${expectedCounts.length} reference bins, ${actualCounts.length} actual bins`,
    );
  }
  const e = shares(expectedCounts, 'populationStabilityIndex');
  const a = shares(actualCounts, 'populationStabilityIndex');
  const contributions = e.map((ei, i) => {
    const ep = ei === 0 ? epsilon : ei;
    const ap = (a[i] ?? 0) === 0 ? epsilon : (a[i] ?? 0);
    return (ap - ep) * Math.log(ap / ep);
  });
  return { psi: contributions.reduce((s, x) => s + x, 0), contributions };
}

/**
 * Jensen–Shannon distance in bits between two count vectors over the same bins:
 * √(½·KL(p‖m) + ½·KL(q‖m)), m = (p + q)/2, logs base 2 — so it lies in [0, 1] —
 * `scipy.spatial.distance.jensenshannon(p, q, base=2)`. Empty bins need no ε (0·log 0 = 0).
 */
export function jensenShannonDistance(pCounts: readonly number[], qCounts: readonly number[]): number {
  if (pCounts.length !== qCounts.length)
    throw new RangeError(`jensenShannonDistance: ${pCounts.length} and ${qCounts.length} bins`);
  const p = shares(pCounts, 'jensenShannonDistance');
  const q = shares(qCounts, 'jensenShannonDistance');
  let divergence = 0;
  p.forEach((pi, i) => {
    const qi = q[i] ?? 0;
    const m = (pi + qi) / 2;
    if (pi > 0) divergence += pi * Math.log(pi / m);
    if (qi > 0) divergence += qi * Math.log(qi / m);
  });
  // Rounding can leave a tiny negative for identical inputs.
  return Math.sqrt(Math.max(0, divergence / 2 / Math.LN2));
}
