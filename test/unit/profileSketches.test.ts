// The bounded-memory structures behind the profile: 64-bit hashes, exact key counts, HyperLogLog,
// the frequent-value summary, the seeded reservoir, duplicate rows by hash sampling, quantiles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DuplicateRows } from '../../core/src/profile/duplicateRows';
import { FrequentItems } from '../../core/src/profile/frequentItems';
import { hashHigh, hashString, keyNumber, mixKey, numberKey } from '../../core/src/profile/hash';
import { HyperLogLog } from '../../core/src/profile/hyperLogLog';
import { KeyCounter } from '../../core/src/profile/keyCounter';
import { lerp, sortedQuantile, weightedQuantile } from '../../core/src/profile/quantiles';
import { Reservoir } from '../../core/src/profile/reservoir';
import { createRng } from '../../core/src/random/rng';
import { seededRandom } from './support';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The 64-bit hash of a text as one bigint-free string key. */
function hashKey(text: string): string {
  const low = hashString(text);
  return `${low}:${hashHigh}`;
}

describe('hashes and keys', () => {
  it('gives a million different texts a million different 64-bit hashes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) seen.add(hashKey(`user${i}@example.com`));
    assert.equal(seen.size, 1_000_000);
  });

  it('changes about half the bits when one character changes', () => {
    let flipped = 0;
    const trials = 2000;
    for (let i = 0; i < trials; i++) {
      const a = hashString(`value-${i}`);
      const aHigh = hashHigh;
      const b = hashString(`value-${i + 1}`);
      flipped += popcount(a ^ b) + popcount(aHigh ^ hashHigh);
    }
    const share = flipped / (trials * 64);
    assert.ok(Math.abs(share - 0.5) < 0.01, `${share} of the bits flipped`);
  });

  it('keys numbers by their exact bits, with -0 as 0', () => {
    for (const x of [0, 1, -1.5, 1e300, Number.MIN_VALUE, Infinity, 0.1 + 0.2]) {
      const low = numberKey(x);
      assert.equal(keyNumber(low, hashHigh), x);
    }
    const zero = numberKey(0);
    const zeroHigh = hashHigh;
    assert.equal(numberKey(-0), zero);
    assert.equal(hashHigh, zeroHigh);
  });
});

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

describe('KeyCounter', () => {
  it('counts every key exactly through its growth, and marks new keys', () => {
    const counter = new KeyCounter();
    const random = seededRandom(3);
    const expected = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = Math.floor(random() * 5000);
      const slot = counter.add(key, key * 7);
      assert.equal(slot < 0, !expected.has(key));
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const counted = new Map<number, number>();
    counter.forEach((low, high, count) => {
      assert.equal(high, low * 7);
      counted.set(low, count);
    });
    assert.deepEqual(counted, expected);
    assert.equal(counter.size, expected.size);
  });

  it('keeps texts with their keys across growth', () => {
    const counter = new KeyCounter();
    for (let i = 0; i < 1000; i++) {
      const slot = counter.add(i, 0);
      counter.setText(-1 - slot, `t${i}`);
    }
    counter.forEach((low, _high, _count, text) => assert.equal(text, `t${low}`));
  });
});

describe('HyperLogLog', () => {
  it('estimates distinct counts within 3 standard errors from 10 to 2,000,000', () => {
    for (const n of [10, 1000, 30_000, 200_000, 2_000_000]) {
      const sketch = new HyperLogLog();
      for (let i = 0; i < n; i++) {
        const low = mixKey(i, 0x1234);
        sketch.add(low, hashHigh);
        // Repeats change nothing.
        if (i % 3 === 0) sketch.add(low, hashHigh);
      }
      const error = Math.abs(sketch.estimate() - n) / n;
      assert.ok(error < 3 * 0.0081, `n = ${n}: estimate ${sketch.estimate()}`);
    }
  });

  it('merges two sketches into the sketch of the union', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    const both = new HyperLogLog();
    for (let i = 0; i < 50_000; i++) {
      const low = mixKey(i, 99);
      const high = hashHigh;
      (i < 30_000 ? a : b).add(low, high);
      if (i >= 20_000 && i < 30_000) b.add(low, high);
      both.add(low, high);
    }
    a.merge(b);
    assert.equal(a.estimate(), both.estimate());
  });
});

describe('FrequentItems', () => {
  it('holds every value with a large share, with counts that are lower bounds within the error bound', () => {
    const summary = new FrequentItems(64);
    const random = seededRandom(9);
    const truth = new Map<number, number>();
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      // Values 0..4 take 10 %, 5 %, 2.5 %, 1.25 %, 0.6 %; the rest is unique noise.
      const u = random();
      const value = u < 0.1 ? 0 : u < 0.15 ? 1 : u < 0.175 ? 2 : u < 0.1875 ? 3 : u < 0.19375 ? 4 : 1000 + i;
      truth.set(value, (truth.get(value) ?? 0) + 1);
      summary.add(value, 0, undefined);
    }
    const held = new Map<number, number>();
    summary.forEach((low, _high, count) => held.set(low, count));
    for (const value of [0, 1, 2, 3, 4]) {
      const count = held.get(value);
      const real = truth.get(value) as number;
      assert.ok(count !== undefined, `value ${value} (${real} times) is held`);
      assert.ok(count <= real, `value ${value}: ${count} ≤ ${real}`);
      // Short by at most the purges' total plus the occurrences before each admission.
      assert.ok(
        real - count <= summary.maxError + 200,
        `value ${value}: ${count} of ${real}, error ${summary.maxError}`,
      );
    }
    assert.ok(summary.maxError < n / 20, `error bound ${summary.maxError}`);
  });

  it('keeps a text from the second occurrence on, and leaves out texts seen once', () => {
    const summary = new FrequentItems(8);
    for (let i = 0; i < 400; i++) summary.add(1, 1, 'again');
    summary.add(2, 2, 'once');
    const texts: (string | undefined)[] = [];
    summary.forEach((_low, _high, _count, text) => texts.push(text));
    assert.deepEqual(texts, ['again']);
  });
});

describe('Reservoir', () => {
  it('holds everything while it fits, then a uniform sample of its size', () => {
    const small = new Reservoir(100, createRng(1));
    range(50).forEach((i) => small.add(i));
    assert.deepEqual(Array.from(small.sorted()), range(50));

    // Each of 10,000 values lands in a sample of 1,000 with probability 0.1.
    const hits = new Float64Array(10_000);
    for (let trial = 0; trial < 200; trial++) {
      const reservoir = new Reservoir(1000, createRng(trial));
      range(10_000).forEach((i) => reservoir.add(i));
      for (const x of reservoir.sorted()) hits[x] = (hits[x] as number) + 1;
    }
    // Averaged over tenths of the stream, the inclusion rate is flat at 0.1.
    for (let part = 0; part < 10; part++) {
      let sum = 0;
      for (let i = part * 1000; i < (part + 1) * 1000; i++) sum += hits[i] as number;
      const rate = sum / (1000 * 200);
      assert.ok(Math.abs(rate - 0.1) < 0.005, `part ${part}: rate ${rate}`);
    }
  });

  it('samples repeated values as it samples them one at a time', () => {
    const counts = new Float64Array(3);
    for (let trial = 0; trial < 300; trial++) {
      const reservoir = new Reservoir(500, createRng(trial));
      reservoir.addRepeated(0, 5000);
      reservoir.addRepeated(1, 3000);
      reservoir.addRepeated(2, 2000);
      assert.equal(reservoir.seen, 10_000);
      for (const x of reservoir.sorted()) counts[x] = (counts[x] as number) + 1;
    }
    const total = 300 * 500;
    assert.ok(Math.abs((counts[0] as number) / total - 0.5) < 0.01);
    assert.ok(Math.abs((counts[1] as number) / total - 0.3) < 0.01);
    assert.ok(Math.abs((counts[2] as number) / total - 0.2) < 0.01);
  });

  it('gives the same sample for the same seed', () => {
    const sample = (seed: number): number[] => {
      const reservoir = new Reservoir(100, createRng(seed));
      range(100_000).forEach((i) => reservoir.add(i));
      return Array.from(reservoir.sorted());
    };
    assert.deepEqual(sample(4), sample(4));
    assert.notDeepEqual(sample(4), sample(5));
  });
});

describe('DuplicateRows', () => {
  it('counts repeats exactly while the distinct rows fit', () => {
    const rows = new DuplicateRows(1024);
    for (let i = 0; i < 3000; i++) rows.add(mixKey(i % 1000, 0), hashHigh);
    assert.equal(rows.duplicates(), 2000);
    assert.equal(rows.exact, true);
  });

  it('stays exact up to its bound exactly, in a table 80 % full', () => {
    for (const maxKeys of [1, 3, 1000, 1 << 14]) {
      const rows = new DuplicateRows(maxKeys);
      // Every distinct row, then every row again: all repeats found while the table is full.
      for (let pass = 0; pass < 2; pass++) for (let i = 0; i < maxKeys; i++) rows.add(mixKey(i, 7), hashHigh);
      assert.equal(rows.exact, true, `${maxKeys}`);
      assert.equal(rows.duplicates(), maxKeys, `${maxKeys}`);
      rows.add(mixKey(maxKeys, 7), hashHigh);
      assert.equal(rows.exact, false, `${maxKeys} + 1 distinct rows`);
    }
  });

  it('estimates repeats without bias by hash sampling past that', () => {
    let total = 0;
    const runs = 20;
    for (let run = 0; run < runs; run++) {
      const rows = new DuplicateRows(1024);
      // 40,000 distinct rows, a quarter of them repeated twice more: 20,000 duplicates.
      for (let i = 0; i < 40_000; i++) {
        const repeats = i % 4 === 0 ? 3 : 1;
        for (let k = 0; k < repeats; k++) rows.add(mixKey(i, run), hashHigh);
      }
      assert.equal(rows.exact, false);
      total += rows.duplicates();
    }
    const mean = total / runs;
    assert.ok(Math.abs(mean - 20_000) / 20_000 < 0.05, `mean estimate ${mean}`);
  });
});

describe('quantiles', () => {
  it('interpolates as numpy does: exact at the ends, monotone', () => {
    assert.equal(lerp(1, 3, 0), 1);
    assert.equal(lerp(1, 3, 1), 3);
    assert.equal(lerp(0.1, 0.7, 0.5), 0.7 - (0.7 - 0.1) * 0.5);
  });

  it('gives the same quantile from value counts as from the sorted values', () => {
    const random = seededRandom(2);
    const values = range(999).map(() => Math.floor(random() * 50));
    const sorted = [...values].sort((a, b) => a - b);
    const distinct = [...new Set(sorted)];
    const counts = distinct.map((v) => sorted.filter((x) => x === v).length);
    for (const q of [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]) {
      assert.equal(weightedQuantile(distinct, counts, sorted.length, q), sortedQuantile(sorted, q), `q = ${q}`);
    }
  });
});

describe('KeyCounter bounds', () => {
  it('refuses to fill its last slot rather than probe forever', () => {
    const counter = new KeyCounter(8);
    for (let i = 0; i < 7; i++) counter.add(i, 0);
    assert.throws(() => counter.add(7, 0), RangeError);
  });
});
