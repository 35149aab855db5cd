// MLS015's arithmetic against SciPy. Reference values from /usr/bin/python3:
//   from scipy.stats import norm; z = norm.ppf(0.975)
//   z * sqrt(0.25 / n) for n = 30, 5000; ceil((z * 0.5 / m) ** 2) for m = 0.02, 0.01, 0.05
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { intervalHalfWidth, rowsForMargin } from '../../server/src/split/rules/MLS015-split-test-precision';

describe('test split precision (MLS015)', () => {
  it('gives the normal-approximation half-width of a proportion near 50%', () => {
    assert.ok(Math.abs(intervalHalfWidth(30) - 0.1789194143717157) < 1e-12);
    assert.ok(Math.abs(intervalHalfWidth(5000) - 0.01385903824349678) < 1e-12);
  });

  it('gives the rows a margin needs: 2,401 for ±2 points, 9,604 for ±1, 385 for ±5', () => {
    assert.equal(rowsForMargin(0.02), 2401);
    assert.equal(rowsForMargin(0.01), 9604);
    assert.equal(rowsForMargin(0.05), 385);
    // The rows it asks for do give the margin; one row fewer does not.
    for (const margin of [0.02, 0.01, 0.05, 0.03]) {
      const rows = rowsForMargin(margin);
      assert.ok(intervalHalfWidth(rows) <= margin);
      assert.ok(intervalHalfWidth(rows - 1) > margin);
    }
  });
});
