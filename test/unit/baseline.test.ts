// Baselines (book ch. 5) against scikit-learn's DummyClassifier/DummyRegressor on the real corpus,
// and the seeded splits they are evaluated on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import {
  fitClassBaseline,
  fitRegressionBaseline,
  type ClassBaselineStrategy,
  type RegressionBaselineStrategy,
} from '../../core/src/baseline/dummy';
import { allocate, holdoutSplit, kFoldAssignment, stratifiedHoldoutSplit } from '../../core/src/baseline/split';
import { evaluateClassification } from '../../core/src/metrics/classification';
import { regressionMetrics } from '../../core/src/metrics/regression';
import { createRng } from '../../core/src/random/rng';
import { assertClose } from './support';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/csv');
const reference = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/reference/baselines.json'), 'utf8')) as {
  classification: {
    file: string;
    target: string;
    results: Record<string, Record<string, number | string[] | number[]>>;
  }[];
  regression: { file: string; target: string; results: Record<string, Record<string, number>> }[];
};

function column(file: string, name: string): string[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path.join(CORPUS, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data.map((row) => row[name] ?? '');
}

/** The reference's split: data row i is a test row when i % 5 == 4. */
function split<T>(values: readonly T[]): { train: T[]; test: T[] } {
  return { train: values.filter((_, i) => i % 5 !== 4), test: values.filter((_, i) => i % 5 === 4) };
}

describe('classification baselines against scikit-learn DummyClassifier', () => {
  for (const { file, target, results } of reference.classification) {
    for (const [strategy, expected] of Object.entries(results)) {
      it(`${file} · ${target} · ${strategy}`, () => {
        const { train, test } = split(column(file, target));
        const baseline = fitClassBaseline(train, strategy as ClassBaselineStrategy);
        assert.deepEqual(baseline.classes, expected.classes);
        (expected.priors as number[]).forEach((p, i) => assertClose(baseline.priors[i], p, 1e-12, `prior ${i}`));
        const predicted = baseline.predict(test.length, createRng(1));
        const { metrics } = evaluateClassification(test, predicted, { zeroDivision: 0 });
        for (const key of ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const) {
          assertClose(metrics[key]?.value, expected[key] as number, 1e-12, key);
        }
      });
    }
  }

  it('breaks a tie for the most frequent class as numpy.argmax does: the first in sorted order', () => {
    assert.equal(fitClassBaseline(['b', 'a', 'b', 'a', 'c'], 'most_frequent').mode, 'a');
  });

  it('draws stratified predictions in proportion to the training priors, reproducibly', () => {
    const train = [...Array<string>(700).fill('no'), ...Array<string>(300).fill('yes')];
    const baseline = fitClassBaseline(train, 'stratified');
    const draws = baseline.predict(20_000, createRng(5));
    assert.deepEqual(draws, baseline.predict(20_000, createRng(5)));
    const share = draws.filter((d) => d === 'yes').length / draws.length;
    // Standard error sqrt(0.3 · 0.7 / 20000) ≈ 0.0032; four of them as the bound.
    assert.ok(Math.abs(share - 0.3) < 0.013, `share of yes ${share}`);
    const proba = baseline.predictProba(5, createRng(5));
    assert.deepEqual(
      Array.from({ length: 5 }, (_, row) => baseline.classes[proba.findIndex((column) => column[row] === 1)]),
      baseline.predict(5, createRng(5)),
      'predict_proba is one-hot of the same draws',
    );
  });

  it('draws uniform predictions over the classes, whatever the priors', () => {
    const baseline = fitClassBaseline(['a', 'a', 'a', 'a', 'b', 'c'], 'uniform');
    const draws = baseline.predict(30_000, createRng(9));
    for (const c of ['a', 'b', 'c']) {
      const share = draws.filter((d) => d === c).length / draws.length;
      assert.ok(Math.abs(share - 1 / 3) < 0.011, `${c}: ${share}`);
    }
    assert.deepEqual(
      baseline.predictProba(2, createRng(9)).map((column) => Array.from(column)),
      [
        [1 / 3, 1 / 3],
        [1 / 3, 1 / 3],
        [1 / 3, 1 / 3],
      ],
    );
  });

  it('refuses to fit on no labels', () => {
    assert.throws(() => fitClassBaseline([], 'prior'), RangeError);
  });
});

describe('regression baselines against scikit-learn DummyRegressor', () => {
  for (const { file, target, results } of reference.regression) {
    for (const [strategy, expected] of Object.entries(results)) {
      it(`${file} · ${target} · ${strategy}`, () => {
        const { train, test } = split(column(file, target).map(Number));
        const baseline = fitRegressionBaseline(train, strategy as RegressionBaselineStrategy);
        assertClose(baseline.value, expected.value as number, 1e-12, 'constant');
        const { metrics } = regressionMetrics(test, baseline.predict(test.length));
        assertClose(metrics.mean_absolute_error.value, expected.mean_absolute_error as number, 1e-9, 'MAE');
        assertClose(metrics.root_mean_squared_error.value, expected.root_mean_squared_error as number, 1e-9, 'RMSE');
        assertClose(metrics.r2.value, expected.r2 as number, 1e-9, 'R²');
      });
    }
  }
});

describe('seeded splits', () => {
  it('holds out ceil(fraction · n) rows, reproducibly, disjoint from the training rows', () => {
    const a = holdoutSplit(101, 0.2, createRng(42));
    assert.equal(a.test.length, 21);
    assert.equal(a.train.length, 80);
    assert.deepEqual(a, holdoutSplit(101, 0.2, createRng(42)));
    assert.notDeepEqual(a.test, holdoutSplit(101, 0.2, createRng(43)).test);
    assert.deepEqual(
      [...a.train, ...a.test].sort((x, y) => x - y),
      Array.from({ length: 101 }, (_, i) => i),
    );
  });

  it('keeps each class’s share in a stratified hold-out', () => {
    const classOf = Uint32Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : 1));
    const { test, train } = stratifiedHoldoutSplit(classOf, 0.25, createRng(3));
    assert.equal(test.length, 250);
    assert.equal(Array.from(test).filter((i) => classOf[i] === 1).length, 25);
    assert.equal(Array.from(train).filter((i) => classOf[i] === 1).length, 75);
  });

  it('allocates by largest remainders so the parts add up', () => {
    assert.deepEqual(allocate([5, 3, 2], 3), [1, 1, 1]);
    assert.deepEqual(allocate([1, 1, 1], 2), [1, 1, 0]);
    assert.equal(
      allocate([7, 13, 29, 51], 37).reduce((s, x) => s + x, 0),
      37,
    );
  });

  it('deals k folds whose sizes, and class counts when stratified, differ by at most one', () => {
    const classOf = Uint32Array.from({ length: 103 }, (_, i) => (i % 10 < 3 ? 1 : 0));
    const folds = kFoldAssignment(103, 5, createRng(8), classOf);
    for (const c of [0, 1]) {
      const perFold = [0, 1, 2, 3, 4].map(
        (f) => Array.from(folds).filter((x, i) => x === f && classOf[i] === c).length,
      );
      assert.ok(Math.max(...perFold) - Math.min(...perFold) <= 1, `class ${c}: ${perFold.join(',')}`);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => Array.from(folds).filter((x) => x === f).length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, sizes.join(','));
    assert.throws(() => kFoldAssignment(3, 5, createRng(1)), RangeError);
  });
});
