/**
 * The two-sample KS test and PSI between a held split (test) and a split that streams past (train)
 * without keeping train's values: train's values are counted on a grid of the held split's values.
 *
 * Why this is exact when the grid holds every distinct held value: both ECDFs are step functions;
 * between two consecutive held values the held ECDF is flat and train's only rises, so |F₁ − F₂|
 * is largest at an end of the interval — just below the next held value (train's count of values
 * `<` it) or at the held value itself (count `≤`). A held split with more than {@link GRID_POINTS}
 * distinct values is counted on that many of its quantiles instead, which under-states the
 * statistic by at most 1/{@link GRID_POINTS} of the held split's mass per step.
 */
import { referenceBinEdges } from '../drift/binning';
import { populationStabilityIndex } from '../drift/divergence';
import { kolmogorovSmirnovTails } from '../stats/kolmogorov';

/** Grid points at most per column: 4,096 doubles and two count arrays, ~100 KB per column. */
export const GRID_POINTS = 4096;

/** Counts of a sample on a grid: equal to each point, and strictly between it and the previous one. */
export class GridCounts {
  readonly equal: Float64Array;
  /** below[i]: values in (grid[i−1], grid[i]); below[length]: values above the last point. */
  readonly below: Float64Array;
  total = 0;

  constructor(readonly grid: Float64Array) {
    this.equal = new Float64Array(grid.length);
    this.below = new Float64Array(grid.length + 1);
  }

  /** Counts one value. */
  add(x: number): void {
    const grid = this.grid;
    let lo = 0;
    let hi = grid.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((grid[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < grid.length && grid[lo] === x) this.equal[lo] = (this.equal[lo] as number) + 1;
    else this.below[lo] = (this.below[lo] as number) + 1;
    this.total++;
  }

  /** Values `< grid[i]` and `≤ grid[i]`, for every i. */
  cumulative(): { lt: Float64Array; le: Float64Array } {
    const n = this.grid.length;
    const lt = new Float64Array(n);
    const le = new Float64Array(n);
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += this.below[i] as number;
      lt[i] = running;
      running += this.equal[i] as number;
      le[i] = running;
    }
    return { lt, le };
  }
}

/** The grid for a held sample (sorted ascending, no NaN): its distinct values, or its quantiles and deciles. */
export function gridOf(sorted: Float64Array, deciles: readonly number[]): Float64Array {
  const points: number[] = [];
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= GRID_POINTS) {
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[i - 1]) points.push(sorted[i] as number);
    return Float64Array.from(points);
  }
  for (let k = 0; k < GRID_POINTS; k++)
    points.push(sorted[Math.floor((k * (sorted.length - 1)) / (GRID_POINTS - 1))] as number);
  points.push(...deciles);
  const unique = [...new Set(points)].sort((a, b) => a - b);
  return Float64Array.from(unique);
}

/** KS and PSI of a streamed sample against a held one, both counted on the held sample's grid. */
export interface GridDrift {
  statistic: number;
  /** Asymptotic p-value, SciPy's `kstwo.sf(D, round(n·m/(n+m)))`. */
  pValue: number;
  psi: number;
  /** Whether the grid held every distinct value of the held sample (then the statistic is exact). */
  exact: boolean;
}

/**
 * KS statistic (sup |F_streamed − F_held|), its asymptotic p-value, and the PSI over the held
 * sample's deciles (which are grid points), streamed sample as the expected distribution.
 */
export function gridDrift(
  streamed: GridCounts,
  held: GridCounts,
  deciles: readonly number[],
  exact: boolean,
): GridDrift {
  const a = streamed.cumulative();
  const b = held.cumulative();
  const n = streamed.total;
  const m = held.total;
  let d = 0;
  for (let i = 0; i < streamed.grid.length; i++) {
    d = Math.max(
      d,
      Math.abs((a.lt[i] as number) / n - (b.lt[i] as number) / m),
      Math.abs((a.le[i] as number) / n - (b.le[i] as number) / m),
    );
  }
  const pValue = kolmogorovSmirnovTails(Math.round((n * m) / (n + m)), d).upper;
  // PSI bins (−∞, e₁], (e₁, e₂], … (e_k, ∞): counts from the cumulative counts at the edges.
  const indexOf = (edge: number): number => {
    let lo = 0;
    let hi = streamed.grid.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((streamed.grid[mid] as number) < edge) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const binsOf = (le: Float64Array, total: number): number[] => {
    const counts: number[] = [];
    let previous = 0;
    for (const edge of deciles) {
      const at = le[indexOf(edge)] as number;
      counts.push(at - previous);
      previous = at;
    }
    counts.push(total - previous);
    return counts;
  };
  const psi = populationStabilityIndex(binsOf(a.le, n), binsOf(b.le, m)).psi;
  return { statistic: d, pValue, psi, exact };
}

/** Decile edges of a sorted sample, as numeric drift bins it ({@link referenceBinEdges}). */
export function decileEdges(sorted: Float64Array): number[] {
  return referenceBinEdges(sorted, 10);
}
