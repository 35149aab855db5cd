// The seeded generator: reproducible, uniform enough for resampling, unbiased integers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../core/src/random/rng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
    assert.notDeepEqual(draw(0), draw(1));
  });

  it('draws floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(42);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    // Standard errors: 0.29 / sqrt(n) ≈ 6.5e-4 for the mean; five of them as the bound.
    assert.ok(Math.abs(mean - 0.5) < 0.0033, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1 / 12) < 0.002, `variance ${variance}`);
  });

  it('draws integers in [0, n) uniformly (chi-square over 10 cells)', () => {
    const rng = createRng(3);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const k = rng.nextInt(10);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    const expected = n / 10;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: the 99.9th percentile is 27.88.
    assert.ok(chi2 < 27.88, `chi-square ${chi2} over ${JSON.stringify(counts)}`);
    assert.throws(() => rng.nextInt(0), RangeError);
  });
});
