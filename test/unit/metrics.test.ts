// core/src/metrics beyond the scikit-learn reference: identities that must hold on any data,
// streaming equal to batch, the bootstrap contract (metrics as functions of resampled cells),
// zero_division='nan' (scikit-learn ≥ 1.3, not in the 1.2 reference), label order and input errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BinaryScoreAccumulator,
  ConfusionAccumulator,
  MAX_LABELS,
  MetricInputError,
  MulticlassScoreAccumulator,
  RegressionAccumulator,
  binaryCurve,
  binaryLogLoss,
  binaryScores,
  classificationMetrics,
  compareCodePoints,
  confusionMatrix,
  confusionMetricDefinitions,
  evaluateBinaryScores,
  evaluateClassification,
  evaluateMulticlassScores,
  flattenConfusion,
  precisionRecallCurve,
  regressionMetrics,
  rocAuc,
  sortLabels,
  summarizeConfusion,
  thresholdSweep,
  LOG_LOSS_EPS,
  type MetricValue,
} from '../../core/src/metrics';
import { seededRandom } from './support';

/** `n` labels drawn from `classes`, each prediction right with probability `hit`. */
function labelledRows(seed: number, n: number, classes: string[], hit: number): { yTrue: string[]; yPred: string[] } {
  const random = seededRandom(seed);
  const pick = (): string => classes[Math.floor(random() * classes.length)] as string;
  const yTrue = Array.from({ length: n }, pick);
  const yPred = yTrue.map((y) => (random() < hit ? y : pick()));
  return { yTrue, yPred };
}

function defined(metric: MetricValue | undefined): MetricValue {
  assert.ok(metric, 'metric missing');
  return metric;
}

function value(metric: MetricValue | undefined): number {
  return defined(metric).value;
}

function close(actual: number, expected: number, what: string, relative = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

describe('label order', () => {
  it('sorts numbers numerically and text by code point, as scikit-learn sorts what pandas reads', () => {
    assert.deepEqual(sortLabels(['10', '2', '1', '2', '-3', '1.5']), ['-3', '1', '1.5', '2', '10']);
    assert.deepEqual(sortLabels(['b', 'B', 'a', '10', '9']), ['10', '9', 'B', 'a', 'b']);
    // U+FF01 sorts before U+1F600 by code point, after it by UTF-16 unit.
    assert.deepEqual(sortLabels(['\u{1F600}', '\uFF01']), ['\uFF01', '\u{1F600}']);
    assert.ok(compareCodePoints('ab', 'abc') < 0);
    assert.equal(compareCodePoints('x', 'x'), 0);
  });
});

describe('confusion matrix', () => {
  it('counts like a plain double loop, past the initial capacity of the accumulator', () => {
    const classes = Array.from({ length: 37 }, (_, i) => `class-${String(i).padStart(2, '0')}`);
    const { yTrue, yPred } = labelledRows(1, 5000, classes, 0.5);
    const { labels, matrix } = confusionMatrix(yTrue, yPred);
    assert.deepEqual(labels, classes);
    const expected = classes.map(() => classes.map(() => 0));
    yTrue.forEach((t, i) => {
      const row = expected[classes.indexOf(t)] as number[];
      const p = classes.indexOf(yPred[i] as string);
      row[p] = (row[p] as number) + 1;
    });
    assert.deepEqual(matrix, expected);
  });

  it('gives the same matrix streamed row by row, in chunks, or in one batch', () => {
    const { yTrue, yPred } = labelledRows(2, 3000, ['a', 'b', 'c', 'd', 'e'], 0.7);
    const rowByRow = new ConfusionAccumulator();
    yTrue.forEach((t, i) => rowByRow.add(t, yPred[i] as string));
    const chunked = new ConfusionAccumulator();
    for (let start = 0; start < yTrue.length; start += 257) {
      chunked.addBatch(yTrue.slice(start, start + 257), yPred.slice(start, start + 257));
    }
    const batch = confusionMatrix(yTrue, yPred);
    assert.deepEqual(rowByRow.finish(), batch);
    assert.deepEqual(chunked.finish(), batch);
    assert.equal(chunked.count, 3000);
  });

  it('includes labels given up front with zero rows and columns', () => {
    const accumulator = new ConfusionAccumulator(['z']);
    accumulator.addBatch(['a', 'b'], ['a', 'a']);
    assert.deepEqual(accumulator.finish(), {
      labels: ['a', 'b', 'z'],
      matrix: [
        [1, 0, 0],
        [1, 0, 0],
        [0, 0, 0],
      ],
    });
  });

  it('refuses misaligned columns and columns with too many distinct values to be labels', () => {
    assert.throws(() => confusionMatrix(['a'], ['a', 'b']), MetricInputError);
    const many = Array.from({ length: MAX_LABELS + 1 }, (_, i) => String(i));
    assert.throws(() => confusionMatrix(many, many), /distinct labels/);
    assert.throws(() => confusionMatrix(['a'], ['a'], []), /at least one label/);
    assert.throws(() => summarizeConfusion([1, 2, 3], 2), MetricInputError);
    assert.throws(() => flattenConfusion({ labels: ['a', 'b'], matrix: [[1, 2]] }), MetricInputError);
  });
});

describe('classification identities', () => {
  const { yTrue, yPred } = labelledRows(3, 2000, ['ant', 'bee', 'cat', 'dog'], 0.6);
  const result = evaluateClassification(yTrue, yPred, { beta: 2 });

  it('has micro precision = micro recall = micro F = accuracy = weighted recall (single-label multiclass)', () => {
    const accuracy = value(result.metrics.accuracy);
    assert.equal(accuracy, yTrue.filter((t, i) => t === yPred[i]).length / yTrue.length);
    for (const key of ['precision_micro', 'recall_micro', 'f1_micro', 'fbeta_micro', 'recall_weighted'] as const) {
      close(value(result.metrics[key]), accuracy, key);
    }
  });

  it('has macro averages equal to the mean of the per-class values', () => {
    for (const key of ['precision', 'recall', 'f1', 'fbeta'] as const) {
      const mean = result.perClass.reduce((sum, entry) => sum + value(entry[key]), 0) / result.perClass.length;
      close(value(result.metrics[`${key}_macro`]), mean, `${key}_macro`);
    }
    const balanced = result.perClass.reduce((sum, entry) => sum + value(entry.recall), 0) / result.perClass.length;
    close(value(result.metrics.balanced_accuracy), balanced, 'balanced_accuracy = macro recall');
  });

  it('gives the binary average of the positive class its per-class values', () => {
    const binary = labelledRows(4, 500, ['no', 'yes'], 0.8);
    const metrics = evaluateClassification(binary.yTrue, binary.yPred, { positive: 'yes', beta: 0.5 });
    const yes = metrics.perClass.find((entry) => entry.label === 'yes');
    assert.ok(yes);
    for (const key of ['precision', 'recall', 'f1', 'fbeta'] as const) {
      assert.equal(value(metrics.metrics[key]), value(yes[key]), key);
    }
  });

  it('scores perfect predictions 1 everywhere and all-wrong binary predictions −1 by MCC', () => {
    const perfect = evaluateClassification(yTrue, yTrue);
    for (const [key, metric] of Object.entries(perfect.metrics)) assert.equal(value(metric), 1, key);
    const wrong = evaluateClassification(['a', 'b', 'a', 'b'], ['b', 'a', 'b', 'a']);
    assert.equal(value(wrong.metrics.matthews_corrcoef), -1);
    assert.equal(value(wrong.metrics.accuracy), 0);
  });

  it('computes each metric from resampled cells as it would from the resampled rows (bootstrap contract)', () => {
    const confusion = confusionMatrix(yTrue, yPred);
    const k = confusion.labels.length;
    const options = { beta: 2, kappaWeights: 'quadratic' as const, labels: ['cat', 'ant', 'bee'] };
    const definitions = confusionMetricDefinitions(confusion.labels, options);
    const random = seededRandom(5);
    const cells = new Float64Array(k * k).map(() => Math.floor(random() * 40));
    // The rows a multinomial draw of these counts stands for.
    const rowsTrue: string[] = [];
    const rowsPred: string[] = [];
    cells.forEach((count, cell) => {
      for (let r = 0; r < count; r++) {
        rowsTrue.push(confusion.labels[Math.floor(cell / k)] as string);
        rowsPred.push(confusion.labels[cell % k] as string);
      }
    });
    const fromRows = evaluateClassification(rowsTrue, rowsPred, options);
    const summary = summarizeConfusion(cells, k);
    for (const definition of definitions) {
      const expected =
        definition.label === undefined
          ? (fromRows.metrics as Record<string, MetricValue>)[definition.key]
          : (
              fromRows.perClass.find((entry) => entry.label === definition.label) as unknown as Record<
                string,
                MetricValue
              >
            )[definition.key];
      assert.equal(definition.compute(summary), value(expected), `${definition.key} ${definition.label ?? ''}`);
    }
  });

  it('serialises to JSON with scikit-learn names and NaN as null', () => {
    const json = JSON.parse(JSON.stringify(evaluateClassification(['k', 'k'], ['k', 'k']))) as {
      metrics: Record<string, { value: number | null }>;
    };
    assert.deepEqual(Object.keys(json.metrics), [
      'accuracy',
      'balanced_accuracy',
      'precision_micro',
      'precision_macro',
      'precision_weighted',
      'recall_micro',
      'recall_macro',
      'recall_weighted',
      'f1_micro',
      'f1_macro',
      'f1_weighted',
      'cohen_kappa',
      'matthews_corrcoef',
    ]);
    assert.equal(json.metrics.cohen_kappa?.value, null);
  });
});

describe('zero division', () => {
  // Class b is true once and never predicted; class c is predicted once and never true.
  const yTrue = ['a', 'a', 'b', 'a'];
  const yPred = ['a', 'a', 'a', 'c'];

  it("'nan' makes 0/0 ratios NaN and leaves them out of averages (scikit-learn ≥ 1.3)", () => {
    const result = evaluateClassification(yTrue, yPred, { zeroDivision: 'nan' });
    const byLabel = new Map(result.perClass.map((entry) => [entry.label, entry]));
    assert.ok(Number.isNaN(value(byLabel.get('b')?.precision)));
    assert.ok(Number.isNaN(value(byLabel.get('c')?.recall)));
    assert.equal(value(byLabel.get('b')?.f1), 0, 'F of a class that is true but never predicted is 0, not NaN');
    // Precision: a = 2/3, c = 0 (predicted once, wrong), b left out.
    close(value(result.metrics.precision_macro), (2 / 3 + 0) / 2, 'precision_macro');
    // Weighted by support (a: 3, b: 1, c: 0), b left out: (2/3 · 3 + 0 · 0) / 3.
    close(value(result.metrics.precision_weighted), 2 / 3, 'precision_weighted');
    // Recall: a = 2/3, b = 0, c left out.
    close(value(result.metrics.recall_macro), 1 / 3, 'recall_macro');
    const precision = defined(result.metrics.precision_macro);
    assert.deepEqual(precision.zeroDivision?.classes, ['b']);
    assert.ok(Number.isNaN(precision.zeroDivision.value));
    assert.equal(precision.warnings, undefined, 'no warning once zero_division is set');
  });

  it("'nan' gives NaN when every class is 0/0", () => {
    const result = evaluateClassification(['a'], ['a'], { zeroDivision: 'nan', labels: ['z'] });
    assert.ok(Number.isNaN(value(result.metrics.precision_macro)));
    assert.ok(Number.isNaN(value(result.metrics.f1_weighted)));
  });

  it('reports the replaced classes whatever the setting, and warns only for the default', () => {
    for (const zeroDivision of [0, 1] as const) {
      const metric = defined(evaluateClassification(yTrue, yPred, { zeroDivision }).metrics.precision_macro);
      assert.deepEqual(metric.zeroDivision, { classes: ['b'], value: zeroDivision });
      assert.equal(metric.warnings, undefined);
    }
    const warned = defined(evaluateClassification(yTrue, yPred).metrics.recall_macro);
    assert.deepEqual(warned.zeroDivision, { classes: ['c'], value: 0 });
    assert.equal(warned.warnings?.[0]?.code, 'zero-division');
    assert.deepEqual(warned.warnings[0].classes, ['c']);
  });
});

describe('classification settings scikit-learn refuses', () => {
  const confusion = confusionMatrix(['a', 'b', 'c'], ['a', 'b', 'b']);
  it('refuses a positive label with more than two labels, or one that is not a label', () => {
    assert.throws(() => classificationMetrics(confusion, { positive: 'a' }), /at most two labels/);
    const binary = confusionMatrix(['a', 'b'], ['a', 'a']);
    assert.throws(() => classificationMetrics(binary, { positive: 'c' }), /not a valid label/);
  });

  it('refuses a negative beta, an unknown zero_division, duplicate or empty labels', () => {
    assert.throws(() => classificationMetrics(confusion, { beta: -1 }), /beta/);
    assert.throws(() => classificationMetrics(confusion, { beta: NaN }), /beta/);
    assert.throws(() => classificationMetrics(confusion, { zeroDivision: 2 as unknown as 0 }), /zeroDivision/);
    assert.throws(() => classificationMetrics(confusion, { labels: ['a', 'a'] }), /duplicates/);
    assert.throws(() => classificationMetrics(confusion, { labels: [] }), /at least one label/);
  });
});

describe('binary scores', () => {
  /** Scores on a coarse grid (many ties, −0 among them) for labels drawn with `share` positives. */
  function scoredRows(seed: number, n: number, share: number): { yTrue: string[]; scores: number[] } {
    const random = seededRandom(seed);
    const yTrue = Array.from({ length: n }, () => (random() < share ? 'pos' : 'neg'));
    const scores = yTrue.map((y) => {
      const s = Math.round((random() + (y === 'pos' ? 0.3 : 0)) * 10) / 10 - 0.5;
      return s === 0 && random() < 0.5 ? -0 : s;
    });
    return { yTrue, scores };
  }

  it('gives the probability that a positive outranks a negative, ties counting half (brute force)', () => {
    const { yTrue, scores } = scoredRows(6, 400, 0.3);
    let wins = 0;
    let pairs = 0;
    yTrue.forEach((t, i) => {
      if (t !== 'pos') return;
      yTrue.forEach((u, j) => {
        if (u !== 'neg') return;
        pairs++;
        const a = scores[i] as number;
        const b = scores[j] as number;
        wins += a > b ? 1 : a === b ? 0.5 : 0;
      });
    });
    close(value(rocAuc(binaryCurve(binaryScores(yTrue, scores, 'pos')))), wins / pairs, 'roc_auc');
    const reversed = rocAuc(
      binaryCurve(
        binaryScores(
          yTrue,
          scores.map((s) => -s),
          'pos',
        ),
      ),
    );
    close(value(reversed), 1 - wins / pairs, 'roc_auc of reversed scores');
  });

  it('sweeps thresholds consistently with the precision–recall curve', () => {
    const { yTrue, scores } = scoredRows(7, 300, 0.4);
    const sorted = binaryScores(yTrue, scores, 'pos');
    const curve = precisionRecallCurve(binaryCurve(sorted));
    const points = thresholdSweep(sorted, curve.thresholds);
    points.forEach((point, i) => {
      assert.equal(point.precision, curve.precision[i]);
      assert.equal(point.recall, curve.recall[i]);
      assert.equal(point.tp + point.fn, yTrue.filter((y) => y === 'pos').length);
    });
    const nothing = thresholdSweep(sorted, [10]);
    assert.deepEqual(nothing[0]?.zeroDivision, ['precision']);
  });

  it('gives the same result streamed in chunks, and picks the greater label as positive by default', () => {
    const { yTrue, scores } = scoredRows(8, 1000, 0.2);
    const accumulator = new BinaryScoreAccumulator();
    for (let start = 0; start < yTrue.length; start += 99) {
      accumulator.addBatch(yTrue.slice(start, start + 99), scores.slice(start, start + 99));
    }
    const streamed = accumulator.finish();
    assert.equal(streamed.positive, 'pos');
    const batch = evaluateBinaryScores(yTrue, scores, { positive: 'pos', thresholds: [0, 0.2] });
    const fromStream = evaluateBinaryScores(yTrue, scores, { thresholds: [0, 0.2] });
    assert.deepEqual(fromStream, batch);
    assert.deepEqual(binaryScores(yTrue, scores), streamed);
  });

  it('clips probabilities of exactly 0 and 1 with float64 eps, as scikit-learn 1.2 does', () => {
    const loss = binaryLogLoss(binaryScores(['p', 'n'], [0, 1], 'p'));
    close(value(loss), -Math.log(LOG_LOSS_EPS), 'log_loss');
  });

  it('refuses scores that are not finite, misaligned columns and an unnamed positive among three labels', () => {
    assert.throws(() => binaryScores(['a', 'b'], [0.1, NaN], 'a'), /finite/);
    assert.throws(() => binaryScores(['a', 'b'], [0.1, Infinity], 'a'), /finite/);
    assert.throws(() => binaryScores(['a'], [0.1, 0.2], 'a'), MetricInputError);
    assert.throws(() => binaryScores(['a', 'b', 'c'], [0.1, 0.2, 0.3]), /say which label is positive/);
    assert.throws(() => thresholdSweep(binaryScores(['a'], [0.1], 'a'), [NaN]), /NaN/);
  });
});

describe('multiclass scores', () => {
  it('gives the binary AUC of each class against the rest, and streams like a batch', () => {
    const random = seededRandom(9);
    const labels = ['x', 'y', 'z'];
    const yTrue = Array.from({ length: 300 }, () => labels[Math.floor(random() * 3)] as string);
    const raw = yTrue.map((y) => labels.map((label) => random() + (label === y ? 0.5 : 0)));
    const columns = labels.map((_, c) => raw.map((row) => (row[c] as number) / row.reduce((s, v) => s + v, 0)));
    const result = evaluateMulticlassScores(yTrue, labels, columns);
    labels.forEach((label, c) => {
      const binary = rocAuc(
        binaryCurve(
          binaryScores(
            yTrue.map((y) => (y === label ? 'in' : 'out')),
            columns[c] ?? [],
            'in',
          ),
        ),
      );
      assert.equal(result.metrics.roc_auc_ovr.perClass[c]?.roc_auc.value, binary.value, label);
    });
    const accumulator = new MulticlassScoreAccumulator(labels);
    accumulator.addBatch(
      yTrue.slice(0, 100),
      columns.map((column) => column.slice(0, 100)),
    );
    accumulator.addBatch(
      yTrue.slice(100),
      columns.map((column) => column.slice(100)),
    );
    const finished = accumulator.finish();
    assert.equal(finished.rowsSumToOne, true);
    assert.deepEqual(evaluateMulticlassScores(yTrue, labels, columns).metrics, result.metrics);
  });

  it('refuses a true label without a score column and a wrong number of columns', () => {
    assert.throws(
      () =>
        evaluateMulticlassScores(
          ['a', 'q'],
          ['a', 'b'],
          [
            [1, 0],
            [0, 1],
          ],
        ),
      /no score column/,
    );
    assert.throws(() => evaluateMulticlassScores(['a'], ['a', 'b'], [[1]]), /score columns/);
    assert.throws(() => new MulticlassScoreAccumulator(['a']), /two classes/);
  });
});

describe('regression', () => {
  const random = seededRandom(10);
  const yTrue = Array.from({ length: 2001 }, () => random() * 100 - 20);
  const yPred = yTrue.map((y) => y + (random() - 0.5) * 8);

  it('streams like a batch', () => {
    const accumulator = new RegressionAccumulator();
    for (let start = 0; start < yTrue.length; start += 300) {
      accumulator.addBatch(yTrue.slice(start, start + 300), yPred.slice(start, start + 300));
    }
    assert.deepEqual(accumulator.finish(), regressionMetrics(yTrue, yPred));
  });

  it('agrees with the textbook formulas', () => {
    const n = yTrue.length;
    const errors = yTrue.map((y, i) => (yPred[i] as number) - y);
    const mean = yTrue.reduce((s, y) => s + y, 0) / n;
    const sse = errors.reduce((s, e) => s + e * e, 0);
    const sst = yTrue.reduce((s, y) => s + (y - mean) ** 2, 0);
    const sorted = errors.map(Math.abs).sort((a, b) => a - b);
    const { metrics } = regressionMetrics(yTrue, yPred);
    close(metrics.mean_squared_error.value, sse / n, 'mse', 1e-12);
    close(metrics.root_mean_squared_error.value, Math.sqrt(sse / n), 'rmse', 1e-12);
    close(metrics.r2.value, 1 - sse / sst, 'r2', 1e-12);
    assert.equal(metrics.median_absolute_error.value, sorted[(n - 1) / 2]);
  });

  it('can skip the median to keep memory flat, and says so', () => {
    const accumulator = new RegressionAccumulator({ median: false });
    accumulator.addBatch(yTrue, yPred);
    const median = accumulator.finish().metrics.median_absolute_error;
    assert.ok(Number.isNaN(median.value));
    assert.equal(median.warnings?.[0]?.code, 'note');
  });

  it('notes the forced R² of a constant target, and refuses values that are not finite', () => {
    const r2 = regressionMetrics([5, 5, 5], [5, 4, 5]).metrics.r2;
    assert.equal(r2.value, 0);
    assert.equal(r2.warnings?.[0]?.code, 'note');
    assert.ok(Number.isNaN(regressionMetrics([], []).metrics.mean_absolute_error.value));
    assert.throws(() => regressionMetrics([1, NaN], [1, 2]), /finite/);
    assert.throws(() => regressionMetrics([1], [1, 2]), MetricInputError);
  });
});
