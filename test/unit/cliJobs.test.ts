// The evaluation commands of the CLI on real files: what a user in a terminal or CI gets.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PairedComparison } from '../../core/src/compare/paired';
import { twoProportionZTest } from '../../core/src/compare/proportions';
import {
  evaluateClassification,
  evaluateMulticlassScores,
  MAX_CURVE_POINTS,
  type ThresholdPoint,
} from '../../core/src/metrics';
import { createRng } from '../../core/src/random/rng';
import { assertSweep, largeCase, sweepReference } from './metricsSweepReference';
import { assertClose, cli, repoRoot, scratchDir, type ScratchDir } from './support';

const CORPUS = path.resolve(repoRoot, '..', 'shared', 'corpus', 'csv');

let scratch: ScratchDir;
const models = { y: [] as string[], a: [] as string[], b: [] as string[] };
before(() => {
  scratch = scratchDir();
  const rng = createRng(12);
  const rows = ['id,y,a,b'];
  for (let i = 0; i < 400; i++) {
    const y = rng.next() < 0.4 ? 'spam' : 'ham';
    const a = rng.next() < 0.75 ? y : y === 'spam' ? 'ham' : 'spam';
    const b = rng.next() < 0.9 ? y : y === 'spam' ? 'ham' : 'spam';
    models.y.push(y);
    models.a.push(a);
    models.b.push(b);
    rows.push(`${i},${y},${a},${b}`);
  }
  scratch.write('models.csv', `${rows.join('\n')}\n`);
  const logs = ['user,variant,converted'];
  for (let i = 0; i < 2000; i++) {
    const variant = i % 2 ? 'B' : 'A';
    logs.push(`${i},${variant},${rng.next() < (variant === 'A' ? 0.1 : 0.14) ? 1 : 0}`);
  }
  scratch.write('logs.csv', `${logs.join('\n')}\n`);
});
after(() => scratch.remove());

describe('mlguide evaluate', () => {
  it('prints the metrics as JSON with intervals, the scikit-learn values, and exit 0', async () => {
    const run = await cli(
      ['evaluate', 'models.csv', '--true', 'y', '--pred', 'b', '--bootstrap', '300', '--seed', '4', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      task: string;
      rows: number;
      file: string;
      metrics: Record<string, { value: number; ci: [number, number] }>;
      bootstrap: { resamples: number; seed: number };
    };
    assert.equal(report.task, 'classification');
    assert.equal(report.rows, 400);
    assert.equal(report.file, 'models.csv');
    const expected = evaluateClassification(models.y, models.b).metrics;
    assert.equal(report.metrics.accuracy?.value, expected.accuracy?.value);
    assert.equal(report.metrics.f1_macro?.value, expected.f1_macro?.value);
    const [low, high] = report.metrics.accuracy?.ci ?? [NaN, NaN];
    assert.ok(low < (expected.accuracy?.value ?? 0) && (expected.accuracy?.value ?? 0) < high);
    assert.deepEqual([report.bootstrap.resamples, report.bootstrap.seed], [300, 4]);
  });

  it('exits 1 when asked to fail unless the model beats the zero rule, and 0 when it does', async () => {
    const good = await cli(
      [
        'evaluate',
        'models.csv',
        '--true',
        'y',
        '--pred',
        'b',
        '--bootstrap',
        '300',
        '--fail-if-not-better-than-baseline',
      ],
      scratch.dir,
    );
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /beats the baseline/);
    const constant = ['y,pred', ...models.y.map((y) => `${y},ham`)].join('\n');
    scratch.write('constant.csv', constant);
    const bad = await cli(
      [
        'evaluate',
        'constant.csv',
        '--true',
        'y',
        '--pred',
        'pred',
        '--bootstrap',
        '300',
        '--fail-if-not-better-than-baseline',
      ],
      scratch.dir,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.out, /does not beat the baseline/);
  });

  it('exits 2 naming the file and its columns when a column is not there', async () => {
    const run = await cli(['evaluate', 'models.csv', '--true', 'label', '--pred', 'b'], scratch.dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /models\.csv: no truth column "label"; its columns are: id, y, a, b/);
  });

  it('exits 2 on a usage error: a missing required option, a bad number', async () => {
    for (const [args, message] of [
      [['evaluate', 'models.csv', '--pred', 'b'], /--true is required/],
      [
        ['evaluate', 'models.csv', '--true', 'y', '--pred', 'b', '--bootstrap', 'many'],
        /--bootstrap must be an integer/,
      ],
      [['evaluate', 'models.csv', '--true', 'y', '--pred', 'b', '--confidence', '2'], /--confidence must be a number/],
    ] as const) {
      const run = await cli(args, scratch.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.err, message);
    }
  });

  it('evaluates a regression on the real corpus (tips: total bill against tip, as a sanity check)', async () => {
    const run = await cli(
      ['evaluate', path.join(CORPUS, 'tips.csv'), '--true', 'tip', '--pred', 'size', '--bootstrap', '200', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      task: string;
      rows: number;
      metrics: { mean_absolute_error: { value: number; ci: number[] } };
    };
    assert.equal(report.task, 'regression');
    assert.equal(report.rows, 244);
    assert.equal(report.metrics.mean_absolute_error.ci.length, 2);
  });
});

describe('mlguide baseline', () => {
  it('runs every classification baseline on a stratified hold-out of the real iris data', async () => {
    const run = await cli(
      ['baseline', path.join(CORPUS, 'iris.csv'), '--target', 'species', '--bootstrap', '200', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      task: string;
      evaluation: { kind: string; testRows: number };
      baselines: { strategy: string; report: { metrics: Record<string, { value: number }> } }[];
    };
    assert.equal(report.task, 'classification');
    assert.deepEqual(report.evaluation.kind, 'holdout');
    assert.equal(report.evaluation.testRows, 30);
    assert.deepEqual(
      report.baselines.map((b) => b.strategy),
      ['most_frequent', 'prior', 'stratified', 'uniform', 'gaussian_nb'],
    );
    // Three balanced classes, stratified: the zero rule is right on exactly a third of the test rows.
    assert.equal(report.baselines[0]?.report.metrics.accuracy?.value, 1 / 3);
  });

  it('runs the regression baselines with k-fold', async () => {
    const run = await cli(
      ['baseline', path.join(CORPUS, 'tips.csv'), '--target', 'tip', '--folds', '5', '--bootstrap', '0', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as { task: string; baselines: { strategy: string; report: { rows: number } }[] };
    assert.equal(report.task, 'regression');
    assert.deepEqual(
      report.baselines.map((b) => [b.strategy, b.report.rows]),
      [
        ['mean', 244],
        ['median', 244],
        ['linear_regression', 244],
      ],
    );
  });

  it('refuses two evaluation schemes at once', async () => {
    const run = await cli(
      ['baseline', 'models.csv', '--target', 'y', '--folds', '5', '--test-fraction', '0.3'],
      scratch.dir,
    );
    assert.equal(run.code, 2);
    assert.match(run.err, /one of --test, --folds and --test-fraction/);
  });
});

describe('mlguide compare', () => {
  it('compares two models on the same rows: differences, intervals and McNemar', async () => {
    const run = await cli(
      ['compare', 'models.csv', '--true', 'y', '--a', 'a', '--b', 'b', '--bootstrap', '300', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      mcnemar: { pValue: number };
      metrics: Record<string, { difference: { value: number } }>;
    };
    const direct = new PairedComparison({ bootstrap: { resamples: 300 } });
    models.y.forEach((y, i) => direct.add(y, models.a[i] as string, models.b[i] as string));
    const expected = direct.finish();
    assert.equal(report.mcnemar.pValue, expected.mcnemar.pValue);
    assert.equal(report.metrics.accuracy?.difference.value, expected.metrics.accuracy?.difference.value);
    const text = await cli(
      ['compare', 'models.csv', '--true', 'y', '--a', 'a', '--b', 'b', '--bootstrap', '300'],
      scratch.dir,
    );
    assert.match(text.out, /B is significantly more accurate/);
  });
});

describe('mlguide ab', () => {
  it('analyses logged conversions: z-test as computed directly, lift, Thompson allocation, sample size', async () => {
    const run = await cli(
      ['ab', 'logs.csv', '--variant', 'variant', '--outcome', 'converted', '--mde', '0.02', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      kind: string;
      control: string;
      arms: { name: string; n: number; successes: number }[];
      comparisons: { zTest: { pValue: number } }[];
      thompson: { arms: { name: string; allocation: number }[] };
      sampleSize: { perArm: number };
    };
    assert.equal(report.kind, 'binary');
    assert.equal(report.control, 'A');
    const [a, b] = report.arms;
    assert.ok(a && b);
    const expected = twoProportionZTest(
      { successes: a.successes, trials: a.n },
      { successes: b.successes, trials: b.n },
    );
    assert.equal(report.comparisons[0]?.zTest.pValue, expected.pValue);
    assert.ok(report.sampleSize.perArm > 0);
    const allocations = report.thompson.arms.map((arm) => arm.allocation);
    assert.ok(Math.abs(allocations.reduce((s, x) => s + x, 0) - 1) < 1e-9);
  });
});

describe('mlguide drift', () => {
  it('finds no drift between two halves of the same shuffled data, and drift against a shifted copy', async () => {
    const rng = createRng(3);
    const rows = Array.from({ length: 2000 }, () => [rng.next() * 10, rng.next() < 0.3 ? 'red' : 'blue']);
    const write = (name: string, part: (number | string)[][], shift = 0): void => {
      scratch.write(name, ['x,colour', ...part.map(([x, c]) => `${Number(x) + shift},${String(c)}`)].join('\n'));
    };
    write('ref.csv', rows.slice(0, 1000));
    write('same.csv', rows.slice(1000));
    write('shifted.csv', rows.slice(1000), 3);
    const same = await cli(['drift', 'ref.csv', 'same.csv', '--json'], scratch.dir);
    assert.equal(same.code, 0, same.err);
    assert.equal((JSON.parse(same.out) as { verdict: { status: string } }).verdict.status, 'stable');
    const shifted = await cli(['drift', 'ref.csv', 'shifted.csv', '--fail-on-drift'], scratch.dir);
    assert.equal(shifted.code, 1);
    assert.match(shifted.out, /verdict: drift \(x\)/);
  });

  it('finds nothing between the real taxis data and itself: zero PSI, numeric and categorical columns alike', async () => {
    const run = await cli(
      ['drift', path.join(CORPUS, 'taxis.csv'), path.join(CORPUS, 'taxis.csv'), '--columns', 'fare,payment', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as { columns: { name: string; result: { kind: string; psi: number } }[] };
    assert.deepEqual(
      report.columns.map((c) => [c.name, c.result.kind, c.result.psi]),
      [
        ['fare', 'numeric', 0],
        ['payment', 'categorical', 0],
      ],
    );
  });
});

describe('mlguide evaluate with a score column per class', () => {
  it('adds one-vs-rest ROC AUC and log loss, with intervals, equal to the metrics module’s', async () => {
    const rng = createRng(8);
    const classes = ['bird', 'cat', 'dog'];
    const rows = ['y,y_hat,p_bird,p_cat,p_dog'];
    const truth: string[] = [];
    const columns: number[][] = [[], [], []];
    for (let i = 0; i < 300; i++) {
      const y = rng.nextInt(3);
      const raw = classes.map((_, c) => rng.next() + (c === y ? 1 : 0));
      const sum = raw.reduce((s, x) => s + x, 0);
      const p = raw.map((x) => x / sum);
      const predicted = p.indexOf(Math.max(...p));
      truth.push(classes[y] as string);
      p.forEach((x, c) => columns[c]?.push(x));
      rows.push([classes[y], classes[predicted], ...p.map((x) => x.toString())].join(','));
    }
    scratch.write('three.csv', rows.join('\n'));
    const run = await cli(
      [
        'evaluate',
        'three.csv',
        '--true',
        'y',
        '--pred',
        'y_hat',
        '--class-scores',
        'bird=p_bird,cat=p_cat,dog=p_dog',
        '--bootstrap',
        '200',
        '--json',
      ],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      classScores: { metrics: Record<string, { value: number; ci: [number, number] }> };
    };
    const expected = evaluateMulticlassScores(truth, classes, columns).metrics;
    const auc = report.classScores.metrics.roc_auc_ovr;
    assert.ok(auc);
    assertClose(auc.value, expected.roc_auc_ovr.value, 1e-12, 'roc_auc_ovr');
    assertClose(report.classScores.metrics.log_loss?.value, expected.log_loss.value, 1e-12, 'log_loss');
    assert.ok(auc.ci[0] <= auc.value && auc.value <= auc.ci[1], auc.ci.join('…'));
    const bad = await cli(
      ['evaluate', 'three.csv', '--true', 'y', '--pred', 'y_hat', '--class-scores', 'bird'],
      scratch.dir,
    );
    assert.equal(bad.code, 2);
    assert.match(bad.err, /label=column pairs/);
  });
});

describe('mlguide evaluate --thresholds (the threshold sweep) and the curves it reports', () => {
  const { sweep, large } = sweepReference;
  before(() => {
    const lines = ['y,predicted,p'];
    sweep.yTrue.forEach((y, i) => {
      const score = sweep.scores[i] as number;
      lines.push(`${y},${score >= 0.5 ? 'yes' : 'no'},${String(score)}`);
    });
    scratch.write('sweep.csv', `${lines.join('\n')}\n`);
    const { y, scores } = largeCase();
    scratch.write(
      'large.csv',
      `y,predicted,p\n${y.map((label, i) => `${label},no,${String(scores[i])}`).join('\n')}\n`,
    );
  });
  const args = ['evaluate', 'sweep.csv', '--true', 'y', '--pred', 'predicted', '--score', 'p', '--positive', 'yes'];
  type SweepReport = { scores: { threshold_sweep: ThresholdPoint[] } };

  it('sweeps listed thresholds: counts, precision, recall, F1 and F-beta as scikit-learn, in the JSON', async () => {
    const thresholds = sweep.listed.map((p) => String(p.threshold)).join(',');
    const run = await cli(
      [...args, '--thresholds', thresholds, '--beta', '2', '--bootstrap', '0', '--json'],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as SweepReport;
    // The CLI's zero division is scikit-learn's default ('warn'): 0.
    assertSweep(report.scores.threshold_sweep, sweep.listed, 0, 2);
  });

  it('sweeps an even grid for a count, and prints the sweep as a table', async () => {
    const json = await cli([...args, '--thresholds', '11', '--beta', '0.5', '--bootstrap', '0', '--json'], scratch.dir);
    assert.equal(json.code, 0, json.err);
    assertSweep((JSON.parse(json.out) as SweepReport).scores.threshold_sweep, sweep.grid, 0, 0.5);

    const text = await cli([...args, '--thresholds', '0.5', '--beta', '2', '--bootstrap', '0'], scratch.dir);
    assert.equal(text.code, 0, text.err);
    const half = sweep.listed.find((p) => p.threshold === 0.5);
    assert.ok(half);
    assert.match(text.out, /threshold sweep \(a row is yes when its score ≥ the threshold\)/);
    assert.match(text.out, /^threshold +tp +fp +fn +tn +precision +recall +f1 +f2$/m);
    const row = text.out.split('\n').find((line) => line.startsWith('0.5000'));
    assert.deepEqual(row?.trim().split(/\s+/), [
      '0.5000',
      String(half.tp),
      String(half.fp),
      String(half.fn),
      String(half.tn),
      half.zd0.precision.toFixed(4),
      half.zd0.recall.toFixed(4),
      half.zd0.f1.toFixed(4),
      half.zd0.fbeta2.toFixed(4),
    ]);
  });

  it('exits 2 on a sweep without a score column or with a threshold that is not a number', async () => {
    const noScore = await cli(
      ['evaluate', 'sweep.csv', '--true', 'y', '--pred', 'predicted', '--thresholds', '5'],
      scratch.dir,
    );
    assert.equal(noScore.code, 2);
    assert.match(noScore.err, /--thresholds sweeps the score column: give it with --score/);
    const bad = await cli([...args, '--thresholds', '0.2,high'], scratch.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--thresholds: "high" is not a number/);
  });

  it(`sends curves of at most ${MAX_CURVE_POINTS} points, from scikit-learn's endpoints, with the areas of the full curves`, async () => {
    const run = await cli(
      [
        'evaluate',
        'large.csv',
        '--true',
        'y',
        '--pred',
        'predicted',
        '--score',
        'p',
        '--positive',
        'yes',
        '--bootstrap',
        '0',
        '--json',
      ],
      scratch.dir,
    );
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(run.out) as {
      scores: {
        metrics: { roc_auc: { value: number }; average_precision: { value: number } };
        roc_curve: { fpr: number[]; tpr: number[]; thresholds: number[]; thinnedFrom?: number };
        precision_recall_curve: { precision: number[]; recall: number[]; thresholds: number[]; thinnedFrom?: number };
      };
    };
    const { roc_curve: roc, precision_recall_curve: pr, metrics } = report.scores;
    assertClose(metrics.roc_auc.value, large.roc_auc, 1e-9, 'roc_auc');
    assertClose(metrics.average_precision.value, large.average_precision, 1e-9, 'average_precision');
    assert.ok(roc.fpr.length <= MAX_CURVE_POINTS, `${roc.fpr.length} ROC points`);
    assert.equal(roc.thinnedFrom, large.roc_curve.points);
    assert.deepEqual([roc.fpr[0], roc.tpr[0], roc.thresholds[0]], large.roc_curve.first);
    assert.deepEqual([roc.fpr.at(-1), roc.tpr.at(-1), roc.thresholds.at(-1)], large.roc_curve.last);
    assert.ok(pr.precision.length <= MAX_CURVE_POINTS, `${pr.precision.length} precision–recall points`);
    assert.equal(pr.thinnedFrom, large.precision_recall_curve.points);
    assert.deepEqual([pr.precision.at(-1), pr.recall.at(-1)], large.precision_recall_curve.last);
  });
});
