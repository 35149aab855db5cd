// The regression view's data: the residuals' histogram and the predicted-vs-actual points.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_PLOT_POINTS, RegressionEvaluator, regressionPlots } from '../../core/src/evaluate/regression';

describe('regression plots', () => {
  it('bins every residual (actual − predicted) once, over their range', () => {
    const actual = [3, 5, 2, 7, 10, 4];
    const predicted = [2.5, 5, 4, 6, 7, 4.5];
    const plots = regressionPlots(actual, predicted, actual.length);
    const residuals = actual.map((a, i) => a - (predicted[i] ?? 0));
    const edges = plots.residualHistogram.edges;
    assert.equal(edges[0], Math.min(...residuals));
    assert.equal(edges[edges.length - 1], Math.max(...residuals));
    assert.equal(
      plots.residualHistogram.counts.reduce((a, b) => a + b, 0),
      actual.length,
    );
    // -2 (the smallest) falls in the first bin, 3 (the largest) in the last.
    assert.ok((plots.residualHistogram.counts[0] ?? 0) >= 1);
    assert.ok((plots.residualHistogram.counts[plots.residualHistogram.counts.length - 1] ?? 0) >= 1);
    assert.deepEqual(plots.points, { actual, predicted });
    assert.equal(plots.sampled, false);
  });

  it('keeps every k-th row past the point limit, and comes with the evaluator’s report', () => {
    const evaluator = new RegressionEvaluator({ bootstrap: false });
    const n = MAX_PLOT_POINTS * 3 + 7;
    for (let i = 0; i < n; i++) evaluator.add(i, i + (i % 3) - 1);
    const report = evaluator.finish();
    assert.ok(report.plots);
    assert.equal(report.plots.sampled, true);
    assert.ok(report.plots.points.actual.length <= MAX_PLOT_POINTS);
    assert.equal(report.plots.points.actual[1], 4, 'every 4th row');
    assert.deepEqual(report.plots.residualHistogram.edges.slice(0, 1), [-1]);
    assert.equal(
      report.plots.residualHistogram.counts.reduce((a, b) => a + b, 0),
      n,
    );
  });
});
