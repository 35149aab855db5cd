// The threshold sweep against scikit-learn (test/fixtures/reference/threshold-sweep.json, written by
// scripts/reference/sweep_reference.py), and the thinning of the curves sent to clients.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClassificationEvaluator } from '../../core/src/evaluate';
import {
  binaryCurve,
  binaryScores,
  MAX_CURVE_POINTS,
  precisionRecallCurve,
  rocCurve,
  sweepThresholds,
  thinCurveIndices,
  thinPrecisionRecallCurve,
  thinRocCurve,
  thresholdSweep,
  type ThresholdPoint,
} from '../../core/src/metrics';
import { assertSweep, largeCase, sweepReference } from './metricsSweepReference';
import { assertClose } from './support';

describe('threshold sweep against scikit-learn', () => {
  const { sweep } = sweepReference;
  const sorted = binaryScores(sweep.yTrue, sweep.scores, sweep.positive);

  it(`reads the reference written by ${sweepReference.generatedBy} (scikit-learn ${sweepReference.sklearn})`, () => {
    assert.equal(sweepReference.generatedBy, 'scripts/reference/sweep_reference.py');
    assert.ok(sweep.listed.length > 0 && sweep.grid.length === 11 && sweep.curve.length > 100);
  });

  for (const zd of [0, 1] as const) {
    for (const beta of [0.5, 2] as const) {
      it(`counts and scores listed thresholds as precision_recall_fscore_support (zero_division ${zd}, beta ${beta})`, () => {
        const thresholds = sweep.listed.map((p) => p.threshold);
        assertSweep(thresholdSweep(sorted, thresholds, zd, beta), sweep.listed, zd, beta);
      });
    }
  }

  it('makes an even grid from 0 to 1 for a count, and scores it as scikit-learn', () => {
    const grid = sweepThresholds(sorted, 11);
    assert.deepEqual(
      grid,
      sweep.grid.map((p) => p.threshold),
    );
    assertSweep(thresholdSweep(sorted, grid, 1, 2), sweep.grid, 1, 2);
  });

  it('makes the grid over the score range when scores are not probabilities', () => {
    const wide = binaryScores(['a', 'b', 'a'], [-2, 0.5, 3], 'b');
    assert.deepEqual(sweepThresholds(wide, 6), [-2, -1, 0, 1, 2, 3]);
    assert.throws(() => sweepThresholds(wide, 1), /integer count from 2/);
    assert.throws(() => sweepThresholds(wide, [0.5, Infinity]), /a threshold is Infinity/);
  });

  it('equals precision_recall_curve and roc_curve at every distinct score', () => {
    const points = thresholdSweep(
      sorted,
      sweep.curve.map((c) => c.threshold),
    );
    sweep.curve.forEach((expected, i) => {
      const point = points[i] as ThresholdPoint;
      const at = `threshold ${expected.threshold}`;
      assertClose(point.precision, expected.precision, 1e-12, `${at} precision`);
      assertClose(point.recall, expected.recall, 1e-12, `${at} recall`);
      assertClose(point.fpr, expected.fpr, 1e-12, `${at} fpr`);
      assertClose(point.tp / (point.tp + point.fn), expected.tpr, 1e-12, `${at} tpr`);
    });
  });
});

describe('curves thinned for clients', () => {
  const { large } = sweepReference;
  const { y, scores } = largeCase();
  const full = binaryCurve(binaryScores(y, scores, 'yes'));
  const roc = rocCurve(full);
  const pr = precisionRecallCurve(full);

  /** The largest vertical gap between the full curve's points and the polyline through the kept ones. */
  function largestGap(x: number[], yValues: number[], kept: number[]): number {
    let gap = 0;
    for (let s = 0; s + 1 < kept.length; s++) {
      const a = kept[s] as number;
      const b = kept[s + 1] as number;
      const [x0, y0, x1, y1] = [x[a], yValues[a], x[b], yValues[b]] as [number, number, number, number];
      for (let i = a + 1; i < b; i++) {
        const xi = x[i] as number;
        // A vertical step (x0 = x1) is drawn by its endpoints; points on it lie between them.
        const onLine =
          x1 === x0
            ? Math.min(Math.max(yValues[i] as number, Math.min(y0, y1)), Math.max(y0, y1))
            : y0 + ((y1 - y0) * (xi - x0)) / (x1 - x0);
        gap = Math.max(gap, Math.abs((yValues[i] as number) - onLine));
      }
    }
    return gap;
  }

  it(`keeps at most ${MAX_CURVE_POINTS} points of the ROC curve, its endpoints, and its shape`, () => {
    assert.equal(roc.fpr.length, large.roc_curve.points, 'the full curve has scikit-learn’s points');
    const thinned = thinRocCurve(roc);
    assert.ok(
      thinned.fpr.length <= MAX_CURVE_POINTS && thinned.fpr.length > MAX_CURVE_POINTS / 2,
      `${thinned.fpr.length}`,
    );
    assert.equal(thinned.thinnedFrom, large.roc_curve.points);
    assert.deepEqual([thinned.fpr[0], thinned.tpr[0], thinned.thresholds[0]], large.roc_curve.first);
    assert.deepEqual([thinned.fpr.at(-1), thinned.tpr.at(-1), thinned.thresholds.at(-1)], large.roc_curve.last);
    const kept = thinCurveIndices(roc.fpr, roc.tpr, MAX_CURVE_POINTS);
    kept.forEach((i, k) => {
      assert.deepEqual(
        [thinned.fpr[k], thinned.tpr[k], thinned.thresholds[k]],
        [roc.fpr[i], roc.tpr[i], roc.thresholds[i]],
      );
    });
    const gap = largestGap(roc.fpr, roc.tpr, kept);
    assert.ok(gap < 0.005, `the thinned curve stays within ${gap} of the full one`);
  });

  it(`keeps at most ${MAX_CURVE_POINTS} points of the precision–recall curve, one threshold fewer, and its endpoints`, () => {
    assert.equal(pr.precision.length, large.precision_recall_curve.points);
    const thinned = thinPrecisionRecallCurve(pr);
    assert.ok(thinned.precision.length <= MAX_CURVE_POINTS, `${thinned.precision.length}`);
    assert.equal(thinned.recall.length, thinned.precision.length);
    assert.equal(thinned.thresholds.length, thinned.precision.length - 1);
    assert.equal(thinned.thinnedFrom, large.precision_recall_curve.points);
    assert.deepEqual(
      [thinned.precision[0], thinned.recall[0], thinned.thresholds[0]],
      large.precision_recall_curve.first,
    );
    assert.deepEqual([thinned.precision.at(-1), thinned.recall.at(-1)], large.precision_recall_curve.last);
  });

  it('leaves short curves alone and draws straight runs with their ends only', () => {
    const short = thinRocCurve(rocCurve(binaryCurve(binaryScores(['a', 'b', 'b'], [0.1, 0.4, 0.8], 'b'))));
    assert.equal(short.thinnedFrom, undefined);
    // A straight line of 5,000 points and one corner: the corner and the ends are all it takes.
    const x = Array.from({ length: 5001 }, (_, i) => (i <= 2500 ? 0 : (i - 2500) / 2500));
    const yLine = Array.from({ length: 5001 }, (_, i) => (i <= 2500 ? i / 2500 : 1));
    assert.deepEqual(thinCurveIndices(x, yLine, 10), [0, 2500, 5000]);
    // A curve with NaN (no negative rows) keeps evenly spaced points.
    const nan = thinCurveIndices(new Array<number>(5000).fill(NaN), yLine.slice(0, 5000), 5);
    assert.deepEqual(nan, [0, 1250, 2500, 3749, 4999]);
    assert.throws(() => thinCurveIndices([0, 1], [0, 1], 1), /maxPoints must be an integer ≥ 2/);
  });

  it('the evaluation report carries the thinned curves, with the areas of the full ones', () => {
    const evaluator = new ClassificationEvaluator({ positive: 'yes', bootstrap: false });
    y.forEach((label, i) => {
      evaluator.add(label, (scores[i] as number) >= 0.5 ? 'yes' : 'no', scores[i]);
    });
    const report = evaluator.finish().scores;
    assert.ok(report);
    assertClose(report.metrics.roc_auc.value, large.roc_auc, 1e-9, 'roc_auc');
    assertClose(report.metrics.average_precision.value, large.average_precision, 1e-9, 'average_precision');
    assert.ok(report.roc_curve.fpr.length <= MAX_CURVE_POINTS);
    assert.ok(report.precision_recall_curve.precision.length <= MAX_CURVE_POINTS);
    assert.equal(report.roc_curve.thinnedFrom, large.roc_curve.points);
  });
});
