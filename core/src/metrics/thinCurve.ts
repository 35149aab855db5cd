/**
 * Curves as they are sent to clients: a ROC or precision–recall curve has a point per distinct
 * score, a million for a million continuous scores — far more than a chart can show or a JSON
 * message should carry. {@link thinCurveIndices} keeps at most a bound of them, chosen by the
 * Ramer–Douglas–Peucker rule with a budget: start from the two endpoints, then repeatedly keep the
 * point farthest from the polyline kept so far (the sharpest turn not yet drawn), until the budget
 * is spent or every remaining point lies on the kept polyline. The kept points are points of the
 * full curve, with their thresholds; the areas (ROC AUC, average precision) are computed on the
 * full curve before thinning.
 */
import type { PrecisionRecallCurve, RocCurve } from './scores';

/** The most points of a curve the evaluation reports carry (CLI `--json` and `mlguide/evaluate`). */
export const MAX_CURVE_POINTS = 1000;

/** A segment of the curve between two kept points, with its farthest interior point. */
interface Segment {
  from: number;
  to: number;
  farthest: number;
  distance: number;
}

/** The interior point of (from, to) farthest from the chord, and its distance (−1 when none). */
function segment(x: ArrayLike<number>, y: ArrayLike<number>, from: number, to: number): Segment {
  const x0 = x[from] as number;
  const y0 = y[from] as number;
  const dx = (x[to] as number) - x0;
  const dy = (y[to] as number) - y0;
  const length = Math.hypot(dx, dy);
  let farthest = -1;
  let distance = -1;
  for (let i = from + 1; i < to; i++) {
    const px = (x[i] as number) - x0;
    const py = (y[i] as number) - y0;
    // Distance to the chord's line; to its start when the chord has no length (a loop).
    const d = length > 0 ? Math.abs(dx * py - dy * px) / length : Math.hypot(px, py);
    if (d > distance) {
      distance = d;
      farthest = i;
    }
  }
  return { from, to, farthest, distance };
}

/** A max-heap of segments by distance. */
class SegmentHeap {
  private readonly items: Segment[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: Segment): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as Segment).distance >= item.distance) break;
      items[i] = items[parent] as Segment;
      i = parent;
    }
    items[i] = item;
  }

  pop(): Segment | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && (items[right] as Segment).distance > (items[left] as Segment).distance ? right : left;
      if ((items[child] as Segment).distance <= last.distance) break;
      items[i] = items[child] as Segment;
      i = child;
    }
    items[i] = last;
    return top;
  }
}

/**
 * The indices (ascending) of at most `maxPoints` points of the curve through (x[i], y[i]) that
 * draw it best: both endpoints always, then the farthest point from the kept polyline, again and
 * again (see the module comment). Every index when there are no more than `maxPoints`. A curve
 * with a NaN coordinate (a class absent from y_true) keeps evenly spaced points instead. Throws a
 * RangeError for a bound below 2 or arrays of different lengths.
 */
export function thinCurveIndices(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): number[] {
  if (!(Number.isSafeInteger(maxPoints) && maxPoints >= 2)) {
    throw new RangeError(
      `a curve keeps at least its two endpoints: maxPoints must be an integer ≥ 2, got ${maxPoints}`,
    );
  }
  const n = x.length;
  if (y.length !== n) throw new RangeError(`a curve needs as many y as x values, got ${n} and ${y.length}`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  let finite = true;
  for (let i = 0; i < n && finite; i++) finite = Number.isFinite(x[i]) && Number.isFinite(y[i]);
  if (!finite) return Array.from({ length: maxPoints }, (_, k) => Math.round((k * (n - 1)) / (maxPoints - 1)));
  const kept = [0, n - 1];
  const heap = new SegmentHeap();
  heap.push(segment(x, y, 0, n - 1));
  while (kept.length < maxPoints && heap.size > 0) {
    const widest = heap.pop() as Segment;
    // Every point left lies on the kept polyline: nothing more to draw.
    if (widest.distance <= 0) break;
    kept.push(widest.farthest);
    if (widest.farthest - widest.from > 1) heap.push(segment(x, y, widest.from, widest.farthest));
    if (widest.to - widest.farthest > 1) heap.push(segment(x, y, widest.farthest, widest.to));
  }
  return kept.sort((a, b) => a - b);
}

/** How a thinned curve says so: the number of points of the full curve. */
export interface ThinnedCurve {
  /** Set when points were left out: how many the full curve has. */
  thinnedFrom?: number;
}

/**
 * The ROC curve with at most `maxPoints` points ({@link thinCurveIndices} in (fpr, tpr) space);
 * the same object when it has no more.
 */
export function thinRocCurve(curve: RocCurve, maxPoints = MAX_CURVE_POINTS): RocCurve & ThinnedCurve {
  const n = curve.fpr.length;
  if (n <= maxPoints) return curve;
  const keep = thinCurveIndices(curve.fpr, curve.tpr, maxPoints);
  return {
    ...curve,
    fpr: keep.map((i) => curve.fpr[i] as number),
    tpr: keep.map((i) => curve.tpr[i] as number),
    thresholds: keep.map((i) => curve.thresholds[i] as number),
    thinnedFrom: n,
  };
}

/**
 * The precision–recall curve with at most `maxPoints` points ({@link thinCurveIndices} in
 * (recall, precision) space); the last point (recall 0, precision 1), which has no threshold, is
 * always kept, so there is still one threshold fewer than points. The same object when it has no
 * more points.
 */
export function thinPrecisionRecallCurve(
  curve: PrecisionRecallCurve,
  maxPoints = MAX_CURVE_POINTS,
): PrecisionRecallCurve & ThinnedCurve {
  const n = curve.precision.length;
  if (n <= maxPoints) return curve;
  const keep = thinCurveIndices(curve.recall, curve.precision, maxPoints);
  return {
    ...curve,
    precision: keep.map((i) => curve.precision[i] as number),
    recall: keep.map((i) => curve.recall[i] as number),
    thresholds: keep.filter((i) => i < n - 1).map((i) => curve.thresholds[i] as number),
    thinnedFrom: n,
  };
}
