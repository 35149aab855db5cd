/** The quantile levels a profile reports. */
export const QUANTILE_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * numpy's linear interpolation between two neighbours (`numpy.lib.function_base._lerp`), the
 * formula behind `np.quantile(..., method='linear')` and pandas' `Series.quantile`: it is exact
 * at t = 0 and t = 1 and monotone in t.
 */
export function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * The `q`-quantile of sorted values given as distinct `values` (ascending) with `counts`, by
 * linear interpolation between the order statistics at ranks ⌊(n − 1)q⌋ and the next, as
 * pandas computes it.
 */
export function weightedQuantile(
  values: ArrayLike<number>,
  counts: ArrayLike<number>,
  total: number,
  q: number,
): number {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const t = position - below;
  // Find the values at ranks `below` and `below + 1` (0-based) by walking the cumulative counts.
  let i = 0;
  let cumulative = counts[0] as number;
  while (cumulative <= below) cumulative += counts[++i] as number;
  const a = values[i] as number;
  if (t === 0) return a;
  const b = cumulative > below + 1 ? a : (values[Math.min(i + 1, values.length - 1)] as number);
  return lerp(a, b, t);
}

/** The `q`-quantile of ascending `sorted` values, as pandas computes it. */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const t = position - below;
  const a = sorted[below] as number;
  return t === 0 ? a : lerp(a, sorted[Math.min(below + 1, sorted.length - 1)] as number, t);
}
