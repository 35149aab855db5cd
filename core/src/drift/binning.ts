/**
 * The bins numeric drift is measured on: the deciles (by default) of the reference sample.
 */

/**
 * The q-quantile of sorted values by linear interpolation between order statistics — NumPy's
 * default (`np.quantile(x, q)`, Hyndman–Fan type 7): position (n − 1)·q.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const lo = sorted[below] ?? Number.NaN;
  if (fraction === 0 || below + 1 >= n) return lo;
  const hi = sorted[below + 1] ?? Number.NaN;
  // NumPy's lerp: exact at both ends, monotone in between.
  const diff = hi - lo;
  return fraction >= 0.5 ? hi - diff * (1 - fraction) : lo + diff * fraction;
}

/**
 * Interior bin edges from the reference sample: its 1/bins, 2/bins, …, (bins−1)/bins quantiles
 * (deciles for bins = 10, NumPy's linear method), duplicates removed — a heavily tied reference
 * gives fewer, wider bins rather than empty ones. The bins are (−∞, e₁], (e₁, e₂], …, (e_k, ∞).
 */
export function referenceBinEdges(sortedReference: ArrayLike<number>, bins = 10): number[] {
  if (!(Number.isInteger(bins) && bins >= 2))
    throw new RangeError(`referenceBinEdges: bins must be an integer ≥ 2, got ${bins}`);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const edge = quantileSorted(sortedReference, i / bins);
    if (edges.length === 0 || edge > (edges[edges.length - 1] ?? -Infinity)) edges.push(edge);
  }
  return edges;
}

/**
 * Counts of values per bin for the edges of {@link referenceBinEdges}: a value goes to the first
 * bin whose upper edge is ≥ it (right-closed bins, `np.searchsorted(edges, x, side='left')`).
 */
export function binCounts(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? Number.NaN;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] ?? Infinity) < x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] ?? 0) + 1;
  }
  return counts;
}
