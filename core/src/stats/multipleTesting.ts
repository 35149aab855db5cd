/**
 * Adjusting p-values for testing many hypotheses at once (one per column in a drift report).
 */

/**
 * Holm's step-down adjustment (Holm 1979): sort the m p-values ascending, multiply the i-th
 * smallest by m − i + 1, carry the running maximum, cap at 1. Rejecting where the adjusted value
 * is below α controls the family-wise error rate at α, like Bonferroni, and never rejects less.
 * NaN entries stay NaN and are not counted in m. Returns the adjusted values in input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((a, b) => a.p - b.p || a.index - b.index);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/** Bonferroni's adjustment: each p-value times the number of (non-NaN) tests, capped at 1. */
export function bonferroniAdjust(pValues: readonly number[]): number[] {
  const m = pValues.filter((p) => !Number.isNaN(p)).length;
  return pValues.map((p) => (Number.isNaN(p) ? p : Math.min(1, m * p)));
}
