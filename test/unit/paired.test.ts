// Two classifiers on the same rows: McNemar and the paired bootstrap of metric differences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PairedComparison } from '../../core/src/compare/paired';
import { discordantPairs, mcnemarTest } from '../../core/src/compare/mcnemar';
import { evaluateClassification } from '../../core/src/metrics';
import { createRng } from '../../core/src/random/rng';

function models(n: number, seed: number): { y: string[]; a: string[]; b: string[] } {
  const rng = createRng(seed);
  const classes = ['cat', 'dog', 'bird'];
  const y: string[] = [];
  const a: string[] = [];
  const b: string[] = [];
  const guess = (truth: string, accuracy: number): string =>
    rng.next() < accuracy ? truth : (classes.filter((c) => c !== truth)[rng.nextInt(2)] as string);
  for (let i = 0; i < n; i++) {
    const truth = classes[rng.nextInt(3)] as string;
    y.push(truth);
    a.push(guess(truth, 0.7));
    b.push(guess(truth, 0.8));
  }
  return { y, a, b };
}

function compare(y: string[], a: string[], b: string[], seed = 1): ReturnType<PairedComparison['finish']> {
  const comparison = new PairedComparison({ bootstrap: { resamples: 500, seed } });
  y.forEach((t, i) => comparison.add(t, a[i] as string, b[i] as string));
  return comparison.finish();
}

describe('PairedComparison', () => {
  const { y, a, b } = models(600, 4);

  it('reports each metric of both models and their difference B − A, with an interval', () => {
    const report = compare(y, a, b);
    const metricsA = evaluateClassification(y, a).metrics;
    const metricsB = evaluateClassification(y, b).metrics;
    for (const key of ['accuracy', 'balanced_accuracy', 'f1_macro', 'matthews_corrcoef', 'cohen_kappa'] as const) {
      const paired = report.metrics[key];
      assert.ok(paired, key);
      assert.equal(paired.a, metricsA[key]?.value, `${key} of A`);
      assert.equal(paired.b, metricsB[key]?.value, `${key} of B`);
      assert.equal(paired.difference.value, paired.b - paired.a);
      const ci = paired.difference.ci;
      assert.ok(ci && ci[0] <= paired.difference.value && paired.difference.value <= ci[1], `${key}: ${String(ci)}`);
    }
    assert.ok(report.metrics['f1[bird]'], 'per-class metrics are compared too');
  });

  it('runs McNemar on the discordant pairs', () => {
    const report = compare(y, a, b);
    const pairs = discordantPairs(y, a, b);
    assert.deepEqual(report.mcnemar, mcnemarTest(pairs.b, pairs.c));
    // B is right ten points more often: a significant difference at this size.
    assert.ok(report.mcnemar.pValue < 0.01, `p = ${report.mcnemar.pValue}`);
    const accuracy = report.metrics.accuracy?.difference.ci;
    assert.ok(accuracy && accuracy[0] > 0, 'the accuracy difference interval excludes 0');
  });

  it('gives a zero difference with a zero-width interval for identical models', () => {
    const report = compare(y, a, a);
    assert.deepEqual(report.metrics.accuracy?.difference.ci, [0, 0]);
    assert.equal(report.mcnemar.discordant, 0);
  });

  it('is reproducible with a seed', () => {
    assert.deepEqual(compare(y, a, b, 7), compare(y, a, b, 7));
  });

  it('refuses an empty comparison', () => {
    assert.throws(() => new PairedComparison().finish(), /no rows/);
  });
});
