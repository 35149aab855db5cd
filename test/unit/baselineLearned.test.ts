// The learned baseline (Gaussian naive Bayes after mean imputation and one-hot) against
// scikit-learn on the committed penguins fixture (scripts/reference/naive_bayes_reference.py),
// through `baselineFile` as `mlguide baseline` and `mlguide/baseline` run it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { CategoryTexts, RowEncoder, chooseFeatures, featureLayout } from '../../core/src/baseline/features';
import {
  LinearRegressionStats,
  fitLinearRegression,
  minimumNormSolve,
  symmetricEigen,
} from '../../core/src/baseline/linearRegression';
import { NaiveBayesStats, fitNaiveBayes } from '../../core/src/baseline/naiveBayes';
import { kFoldAssignment } from '../../core/src/baseline/split';
import { isMissing } from '../../core/src/csv/missing';
import { sortLabels } from '../../core/src/metrics/labels';
import { CsvProfiler } from '../../core/src/profile/profile';
import { createRng } from '../../core/src/random/rng';
import { baselineFile, type BaselineFileReport } from '../../server/src/engine/jobs/baseline';
import { readCsvFile } from '../../server/src/engine/jobs/reader';
import { assertClose, seededRandom } from './support';

const FIXTURES = path.resolve(__dirname, '../fixtures/baseline');
const TRAIN = path.join(FIXTURES, 'penguins-train.csv');
const TEST = path.join(FIXTURES, 'penguins-test.csv');

interface ReferenceCase {
  target: string;
  numeric: string[];
  categorical: string[];
  trainRows: number;
  testRows: number;
  classes: string[];
  epsilon: number;
  predicted: string[];
  proba: number[][];
  accuracy: number;
  balanced_accuracy: number;
  f1_macro: number;
  positive?: string;
  roc_auc?: number;
  log_loss?: number;
}

const reference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/reference/naive-bayes.json'), 'utf8'),
) as { cases: ReferenceCase[] };

function rowsOf(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
}

function metric(report: BaselineFileReport, strategy: string, name: string): number {
  const entry = report.baselines.find((b) => b.strategy === strategy);
  assert.ok(entry, `no ${strategy} baseline`);
  const value = (entry.report.metrics as unknown as Record<string, { value: number } | undefined>)[name]?.value;
  assert.ok(value !== undefined, `no ${name}`);
  return value;
}

/** Fits the core model on the training fixture's rows with a target, as the job does. */
function fitOnTrain(target: string) {
  const [header, ...rows] = rowsOf(TRAIN) as [string[], ...string[][]];
  const targetColumn = header.indexOf(target);
  const labelled = rows.filter((r) => !isMissing(r[targetColumn] ?? ''));
  const profiler = new CsvProfiler();
  profiler.header(header, 1);
  const texts = new CategoryTexts();
  labelled.forEach((r, i) => {
    profiler.row(r, i + 2);
    texts.row(r);
  });
  const plan = chooseFeatures(profiler.finish(','), targetColumn, texts);
  const classes = sortLabels(new Set(labelled.map((r) => r[targetColumn] as string)));
  return { header, labelled, plan, classes, targetColumn };
}

describe('learned baseline: Gaussian naive Bayes against scikit-learn', () => {
  for (const ref of reference.cases) {
    it(`gives scikit-learn's predictions and probabilities (target ${ref.target})`, () => {
      const { labelled, plan, classes, targetColumn } = fitOnTrain(ref.target);
      assert.deepEqual(
        plan.numeric.map((f) => f.name),
        ref.numeric,
      );
      assert.deepEqual(
        plan.categorical.map((f) => f.name),
        ref.categorical,
      );
      const stats = new NaiveBayesStats(classes.length, featureLayout(plan));
      const encoder = new RowEncoder(plan);
      for (const r of labelled) stats.add(classes.indexOf(r[targetColumn] as string), encoder.encode(r));
      const model = fitNaiveBayes(stats);
      assert.equal(model.rows, ref.trainRows);
      assert.deepEqual(
        model.classes.map((c) => classes[c]),
        ref.classes,
      );
      assertClose(model.epsilon, ref.epsilon, 1e-12, 'epsilon');

      const [testHeader, ...testRows] = rowsOf(TEST) as [string[], ...string[][]];
      const testEncoder = new RowEncoder(
        plan,
        plan.numeric.map((f) => testHeader.indexOf(f.name)),
        plan.categorical.map((f) => testHeader.indexOf(f.name)),
      );
      const labelledTest = testRows.filter((r) => !isMissing(r[testHeader.indexOf(ref.target)] ?? ''));
      assert.equal(labelledTest.length, ref.testRows);
      labelledTest.forEach((r, i) => {
        const row = testEncoder.encode(r);
        assert.equal(classes[model.classes[model.predict(row)] as number], ref.predicted[i], `row ${i}`);
        const proba = model.predictProba(row);
        (ref.proba[i] as number[]).forEach((p, c) => assertClose(proba[c], p, 1e-9, `row ${i} class ${c}`));
      });
    });

    it(`reports scikit-learn's metrics through mlguide baseline --test (target ${ref.target})`, async () => {
      const report = await baselineFile(
        TRAIN,
        { target: ref.target, test: TEST, strategies: ['gaussian_nb'], bootstrap: false },
        readCsvFile,
      );
      assert.deepEqual(report.evaluation, {
        kind: 'test',
        testFile: TEST,
        trainRows: ref.trainRows,
        testRows: ref.testRows,
      });
      assertClose(metric(report, 'gaussian_nb', 'accuracy'), ref.accuracy, 1e-12, 'accuracy');
      assertClose(metric(report, 'gaussian_nb', 'balanced_accuracy'), ref.balanced_accuracy, 1e-12, 'balanced');
      assertClose(metric(report, 'gaussian_nb', 'f1_macro'), ref.f1_macro, 1e-12, 'f1_macro');
      if (ref.roc_auc !== undefined) {
        const scored = report.baselines[0]?.report as unknown as {
          scores?: { metrics: { roc_auc: { value: number }; log_loss: { value: number } } };
        };
        assert.ok(scored.scores, 'binary: the positive class probability is scored');
        assertClose(scored.scores.metrics.roc_auc.value, ref.roc_auc, 1e-12, 'roc_auc');
        assertClose(scored.scores.metrics.log_loss.value, ref.log_loss ?? NaN, 1e-9, 'log_loss');
      }
      const learned = report.baselines[0]?.learned;
      assert.ok(learned);
      assert.deepEqual(
        learned.features.map((f) => f.name),
        [...ref.numeric, ...ref.categorical],
      );
      assert.equal(learned.trainRows, ref.trainRows);
      assert.equal(learned.sampled, false);
      // The identifier, the free text and the date are left out, each with its reason.
      assert.deepEqual(
        learned.excluded.filter((e) => e.reason !== 'target'),
        [
          { name: 'penguin_id', reason: 'id' },
          { name: 'note', reason: 'text' },
          { name: 'observed', reason: 'date' },
        ],
      );
    });
  }

  it('trains one model per fold on the other folds (k-fold, out-of-fold predictions)', async () => {
    const folds = 5;
    const seed = 3;
    const report = await baselineFile(
      TRAIN,
      { target: 'species', folds, seed, strategies: ['most_frequent', 'gaussian_nb'], bootstrap: false },
      readCsvFile,
    );
    const { labelled, plan, classes, targetColumn } = fitOnTrain('species');
    const classOf = Uint32Array.from(labelled, (r) => classes.indexOf(r[targetColumn] as string));
    const fold = kFoldAssignment(labelled.length, folds, createRng(seed), classOf);
    const encoder = new RowEncoder(plan);
    let right = 0;
    for (let f = 0; f < folds; f++) {
      const stats = new NaiveBayesStats(classes.length, featureLayout(plan));
      labelled.forEach((r, i) => {
        if (fold[i] !== f) stats.add(classOf[i] as number, encoder.encode(r));
      });
      const model = fitNaiveBayes(stats);
      labelled.forEach((r, i) => {
        if (fold[i] === f && model.classes[model.predict(encoder.encode(r))] === classOf[i]) right++;
      });
    }
    assert.equal(metric(report, 'gaussian_nb', 'accuracy'), right / labelled.length);
    assert.ok(right / labelled.length > metric(report, 'most_frequent', 'accuracy') + 0.3, 'beats the zero rule');
    assert.equal(report.baselines[1]?.learned?.trainRows, (labelled.length * (folds - 1)) / folds);
  });

  it('runs with the other baselines on a seeded hold-out by default', async () => {
    const report = await baselineFile(TRAIN, { target: 'species', bootstrap: { resamples: 200 } }, readCsvFile);
    assert.deepEqual(
      report.baselines.map((b) => b.strategy),
      ['most_frequent', 'prior', 'stratified', 'uniform', 'gaussian_nb'],
    );
    const learned = report.baselines[4];
    assert.ok(learned?.learned);
    assert.equal(learned.report.rows, report.evaluation.kind === 'holdout' ? report.evaluation.testRows : -1);
    const accuracy = (learned.report.metrics as { accuracy: { value: number; ci?: [number, number] } }).accuracy;
    assert.ok(accuracy.ci && accuracy.ci[0] <= accuracy.value && accuracy.value <= accuracy.ci[1], 'an interval');
    assert.equal(learned.learned.trainRows, report.evaluation.kind === 'holdout' ? report.evaluation.trainRows : -1);
  });

  it('is left out when only dummy strategies are asked, and refuses an unknown strategy by name', async () => {
    const report = await baselineFile(
      TRAIN,
      { target: 'species', strategies: ['prior'], bootstrap: false },
      readCsvFile,
    );
    assert.deepEqual(
      report.baselines.map((b) => b.strategy),
      ['prior'],
    );
    await assert.rejects(
      baselineFile(TRAIN, { target: 'species', strategies: ['tree'], bootstrap: false }, readCsvFile),
      /unknown classification baseline "tree"; known: most_frequent, prior, stratified, uniform, gaussian_nb/,
    );
  });

  it('leaves out a feature the test file lacks, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlguide-nb-'));
    try {
      // The test file without body_mass_g: the model is trained without it too.
      const [header, ...rows] = rowsOf(TEST) as [string[], ...string[][]];
      const drop = header.indexOf('body_mass_g');
      const without = (r: string[]): string => r.filter((_, i) => i !== drop).join(',');
      const test = path.join(dir, 'test.csv');
      writeFileSync(test, [without(header), ...rows.map(without)].join('\n'));
      const report = await baselineFile(
        TRAIN,
        { target: 'species', test, strategies: ['gaussian_nb'], bootstrap: false },
        readCsvFile,
      );
      const learned = report.baselines[0]?.learned;
      assert.ok(learned);
      assert.deepEqual(
        learned.features.map((f) => f.name),
        ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'island', 'sex'],
      );
      assert.deepEqual(learned.excluded.at(-1), { name: 'body_mass_g', reason: 'not in the test file' });
      assert.ok(metric(report, 'gaussian_nb', 'accuracy') > 0.6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses columns whose names repeat or are empty, by the names the profile gives them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlguide-nb-'));
    try {
      // "x" twice (the profile's "x" and "x.1") and a nameless column ("column_3").
      const lines = (n: number, shift: number): string =>
        [
          'x,x,,y',
          ...Array.from({ length: n }, (_, i) => {
            const y = (i + shift) % 2;
            return `${y * 3 + (i % 5) / 10},${(i % 7) - y},${y ? 'hi' : i % 3 ? 'lo' : 'hi'},${y ? 'yes' : 'no'}`;
          }),
        ].join('\n');
      const train = path.join(dir, 'train.csv');
      const test = path.join(dir, 'test.csv');
      writeFileSync(train, lines(200, 0));
      writeFileSync(test, lines(60, 1));
      for (const options of [{}, { test }]) {
        const report = await baselineFile(
          train,
          { target: 'y', strategies: ['gaussian_nb'], bootstrap: false, ...options },
          readCsvFile,
        );
        assert.deepEqual(
          report.baselines[0]?.learned?.features.map((f) => f.name),
          ['x', 'x.1', 'column_3'],
        );
        // x alone separates the classes.
        assert.equal(metric(report, 'gaussian_nb', 'accuracy'), 1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not run past 1000 classes by default (and says why), and refuses when asked for', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlguide-nb-'));
    try {
      const file = path.join(dir, 'many.csv');
      const lines = ['x,label', ...Array.from({ length: 2004 }, (_, i) => `${i % 7},c${i % 1002}`)];
      writeFileSync(file, lines.join('\n'));
      const report = await baselineFile(
        file,
        { target: 'label', task: 'classification', bootstrap: false },
        readCsvFile,
      );
      assert.deepEqual(
        report.baselines.map((b) => b.strategy),
        ['most_frequent', 'prior', 'stratified', 'uniform'],
      );
      assert.deepEqual(report.skipped, [
        { strategy: 'gaussian_nb', reason: 'the target has 1002 classes; the learned baseline fits at most 1000' },
      ]);
      await assert.rejects(
        baselineFile(
          file,
          { target: 'label', task: 'classification', strategies: ['gaussian_nb'], bootstrap: false },
          readCsvFile,
        ),
        /many\.csv: the target has 1002 classes/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface LinearReference {
  test: string;
  target: string;
  numeric: string[];
  categorical: string[];
  trainRows: number;
  testRows: number;
  rank: number;
  width: number;
  predicted: number[];
  mean_absolute_error: number;
  root_mean_squared_error: number;
  r2: number;
}

const linearReference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/reference/linear-regression.json'), 'utf8'),
) as { cases: LinearReference[] };

describe('learned baseline: least squares against scikit-learn', () => {
  for (const ref of linearReference.cases) {
    it(`gives LinearRegression's predictions, minimum-norm on a rank-deficient one-hot (${ref.test})`, () => {
      const { labelled, plan, targetColumn } = fitOnTrain(ref.target);
      assert.deepEqual(
        [...plan.numeric, ...plan.categorical].map((f) => f.name),
        [...ref.numeric, ...ref.categorical],
      );
      const stats = new LinearRegressionStats(featureLayout(plan));
      const encoder = new RowEncoder(plan);
      for (const r of labelled) stats.add(Number(r[targetColumn]), encoder.encode(r));
      const model = fitLinearRegression(stats);
      assert.equal(model.rows, ref.trainRows);
      assert.equal(model.width, ref.width);
      assert.equal(model.rank, ref.rank, 'species and island one-hot are collinear with the intercept');

      const [testHeader, ...testRows] = rowsOf(path.join(FIXTURES, ref.test)) as [string[], ...string[][]];
      const testEncoder = new RowEncoder(
        plan,
        plan.numeric.map((f) => testHeader.indexOf(f.name)),
        plan.categorical.map((f) => testHeader.indexOf(f.name)),
      );
      const labelledTest = testRows.filter((r) => !isMissing(r[testHeader.indexOf(ref.target)] ?? ''));
      assert.equal(labelledTest.length, ref.testRows);
      labelledTest.forEach((r, i) => {
        assertClose(model.predict(testEncoder.encode(r)), ref.predicted[i] as number, 1e-9, `row ${i}`);
      });
    });

    it(`reports scikit-learn's metrics through mlguide baseline --test (${ref.test})`, async () => {
      const report = await baselineFile(
        TRAIN,
        { target: ref.target, test: path.join(FIXTURES, ref.test), bootstrap: false },
        readCsvFile,
      );
      assert.equal(report.task, 'regression');
      assert.deepEqual(
        report.baselines.map((b) => b.strategy),
        ['mean', 'median', 'linear_regression'],
      );
      assertClose(metric(report, 'linear_regression', 'mean_absolute_error'), ref.mean_absolute_error, 1e-9, 'MAE');
      assertClose(
        metric(report, 'linear_regression', 'root_mean_squared_error'),
        ref.root_mean_squared_error,
        1e-9,
        'RMSE',
      );
      assertClose(metric(report, 'linear_regression', 'r2'), ref.r2, 1e-9, 'R²');
      const learned = report.baselines[2]?.learned;
      assert.ok(learned);
      assert.match(learned.model, /^LinearRegression\(\)/);
      assert.equal(learned.trainRows, ref.trainRows);
    });
  }

  it('trains one least-squares fit per fold and beats the mean on the same folds', async () => {
    const report = await baselineFile(
      TRAIN,
      { target: 'body_mass_g', folds: 4, seed: 5, strategies: ['mean', 'linear_regression'], bootstrap: false },
      readCsvFile,
    );
    assert.equal(report.evaluation.kind, 'kfold');
    const rows = report.rows;
    const learned = report.baselines[1];
    assert.ok(learned?.learned);
    assert.equal(learned.report.rows, rows, 'every row predicted out of fold');
    assert.equal(learned.learned.trainRows, (rows * 3) / 4);
    assert.ok(metric(report, 'linear_regression', 'r2') > 0.8);
    assert.ok(metric(report, 'mean', 'r2') < 0.01);
  });

  it('is not run past 256 features after one-hot by default (and says why)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mlguide-ls-'));
    try {
      // Six categorical columns of 50 values each: 300 one-hot features.
      const file = path.join(dir, 'wide.csv');
      const header = ['y', ...Array.from({ length: 6 }, (_, k) => `c${k}`)].join(',');
      const rows = Array.from({ length: 200 }, (_, i) =>
        [String(i * 1.5), ...Array.from({ length: 6 }, (_, k) => `v${(i + 7 * k) % 50}`)].join(','),
      );
      writeFileSync(file, [header, ...rows].join('\n'));
      const report = await baselineFile(file, { target: 'y', bootstrap: false }, readCsvFile);
      assert.deepEqual(
        report.baselines.map((b) => b.strategy),
        ['mean', 'median'],
      );
      assert.deepEqual(report.skipped, [
        {
          strategy: 'linear_regression',
          reason: '300 features after one-hot; the learned baseline fits at most 256',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds eigenvalues and eigenvectors of a symmetric matrix, and the minimum-norm solution', () => {
    const m = 6;
    const random = seededRandom(11);
    const b = Float64Array.from({ length: m * m }, () => random() - 0.5);
    // A = B Bᵀ with the last two rows of B equal: symmetric, positive semi-definite, rank 5.
    for (let k = 0; k < m; k++) b[5 * m + k] = b[4 * m + k] as number;
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        let sum = 0;
        for (let k = 0; k < m; k++) sum += (b[i * m + k] as number) * (b[j * m + k] as number);
        a[i * m + j] = sum;
      }
    const { values, vectors } = symmetricEigen(a, m);
    for (let e = 0; e < m; e++) {
      for (let i = 0; i < m; i++) {
        let av = 0;
        for (let k = 0; k < m; k++) av += (a[i * m + k] as number) * (vectors[e * m + k] as number);
        assert.ok(Math.abs(av - (values[e] as number) * (vectors[e * m + i] as number)) < 1e-12, `A v = λ v (${e})`);
      }
    }
    // d in the range of A: the solution solves A β = d, and has no part along the null space (e4 − e5).
    const x = Float64Array.from({ length: m }, (_, i) => i + 1);
    const d = Float64Array.from({ length: m }, (_, i) => {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += (a[i * m + k] as number) * (x[k] as number);
      return sum;
    });
    const { coefficients, rank } = minimumNormSolve(a, d, m);
    assert.equal(rank, 5);
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += (a[i * m + k] as number) * (coefficients[k] as number);
      assertClose(sum, d[i] as number, 1e-9, `row ${i}`);
    }
    assertClose(coefficients[4], coefficients[5] as number, 1e-9, 'no part along the null space');
  });
});
