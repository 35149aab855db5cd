/** Bins of a numeric histogram. */
export const HISTOGRAM_BINS = 20;

/**
 * Equal-width bin edges over [min, max] (finite): {@link HISTOGRAM_BINS} bins, or for integers
 * spanning fewer values than that, one bin per integer (edges min … max + 1). A single value
 * gets one bin [min, max].
 */
export function binEdges(min: number, max: number, integers: boolean): number[] {
  if (min === max) return [min, max];
  if (integers && max - min + 1 <= HISTOGRAM_BINS) {
    return Array.from({ length: max - min + 2 }, (_, i) => min + i);
  }
  const width = (max - min) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => min + i * width);
  edges[HISTOGRAM_BINS] = max;
  return edges;
}

/** The bin of `x` in `edges`: bins are [edge i, edge i+1), the last one closed. */
export function binOf(edges: readonly number[], x: number): number {
  const bins = edges.length - 1;
  const first = edges[0] as number;
  const last = edges[bins] as number;
  if (bins === 1 || last === first) return 0;
  let bin = Math.floor(((x - first) / (last - first)) * bins);
  // The division can land one bin off at an edge; the edges themselves decide.
  if (bin >= bins) bin = bins - 1;
  if (bin < 0) bin = 0;
  if (x < (edges[bin] as number) && bin > 0) bin--;
  else if (bin < bins - 1 && x >= (edges[bin + 1] as number)) bin++;
  return bin;
}
