/**
 * `mlguide baseline` / `mlguide/baseline` (book ch. 5): the zero-rule and random baselines of a
 * target column, evaluated with intervals on a seeded hold-out, k-fold, or a given test file.
 */
import {
  CLASS_BASELINE_STRATEGIES,
  REGRESSION_BASELINE_STRATEGIES,
  fitClassBaseline,
  fitRegressionBaseline,
  type ClassBaselineStrategy,
  type RegressionBaselineStrategy,
} from '../../../../core/src/baseline/dummy';
import { holdoutSplit, kFoldAssignment, stratifiedHoldoutSplit } from '../../../../core/src/baseline/split';
import type { BootstrapOptions } from '../../../../core/src/bootstrap';
import { isMissing } from '../../../../core/src/csv/missing';
import {
  AUTO_REGRESSION_MIN_DISTINCT,
  ClassificationEvaluator,
  RegressionEvaluator,
  type ClassificationReport,
  type EvaluationTask,
  type RegressionReport,
} from '../../../../core/src/evaluate';
import { sortLabels } from '../../../../core/src/metrics';
import { createRng } from '../../../../core/src/random/rng';
import { JobInputError, columnIndex, type CsvReadSummary, type CsvReader, type ReadControl } from './source';

/** How the baselines are evaluated. */
export type BaselineEvaluation =
  | { kind: 'holdout'; testFraction: number; stratified: boolean; trainRows: number; testRows: number }
  | { kind: 'kfold'; folds: number; stratified: boolean; rows: number }
  | { kind: 'test'; testFile: string; trainRows: number; testRows: number };

/** Options of {@link baselineFile}. */
export interface BaselineFileOptions {
  target: string;
  task?: EvaluationTask;
  /** Strategies to run; default all of the task's. */
  strategies?: string[];
  /** A test file with the same target column: fit on the whole file, evaluate on this one. */
  test?: string;
  /** k-fold with this many folds (out-of-fold predictions pooled, as `cross_val_predict`). */
  folds?: number;
  /** Hold-out share (default 0.2) when neither `test` nor `folds` is given. */
  testFraction?: number;
  /** Stratify the split by class (classification; default true). */
  stratify?: boolean;
  /** Seed of the split and of the random strategies (default 0). */
  seed?: number;
  positive?: string;
  beta?: number;
  bootstrap?: BootstrapOptions | false;
}

/** The report of {@link baselineFile}. */
export interface BaselineFileReport {
  version: 1;
  file: string;
  target: string;
  task: 'classification' | 'regression';
  /** Rows with a target value; `skippedRows` had none. */
  rows: number;
  skippedRows: number;
  seed: number;
  evaluation: BaselineEvaluation;
  baselines: { strategy: string; report: ClassificationReport | RegressionReport }[];
  csv: CsvReadSummary;
}

async function readTarget(
  file: string,
  target: string,
  read: CsvReader,
  control: ReadControl,
): Promise<{ values: string[]; skipped: number; csv: CsvReadSummary }> {
  const values: string[] = [];
  let skipped = 0;
  let index = -1;
  const csv = await read(
    file,
    {
      header: (cells) => {
        index = columnIndex(cells, target, file, 'target');
      },
      row: (cells) => {
        const value = cells[index] ?? '';
        if (isMissing(value)) skipped++;
        else values.push(value);
      },
    },
    control,
  );
  return { values, skipped, csv };
}

function decideTask(values: readonly string[], asked: EvaluationTask): 'classification' | 'regression' {
  if (asked !== 'auto') return asked;
  const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return numeric && new Set(values).size > AUTO_REGRESSION_MIN_DISTINCT ? 'regression' : 'classification';
}

function numbers(values: readonly string[], file: string): Float64Array {
  return Float64Array.from(values, (v) => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x))
      throw new JobInputError(`${file}: the target value "${v}" is not a number`);
    return x;
  });
}

/** Runs the baselines of a target column. */
export async function baselineFile(
  file: string,
  options: BaselineFileOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<BaselineFileReport> {
  const seed = options.seed ?? 0;
  const { values, skipped, csv } = await readTarget(file, options.target, read, control);
  if (values.length < 2)
    throw new JobInputError(
      `${file}: the target "${options.target}" has ${values.length} value(s); a baseline needs at least 2`,
    );
  const task = decideTask(values, options.task ?? 'auto');
  const known: readonly string[] =
    task === 'classification' ? CLASS_BASELINE_STRATEGIES : REGRESSION_BASELINE_STRATEGIES;
  const strategies = options.strategies ?? [...known];
  for (const s of strategies) {
    if (!known.includes(s)) throw new JobInputError(`unknown ${task} baseline "${s}"; known: ${known.join(', ')}`);
  }

  // Which rows train and which are predicted, per "round" (one round, or one per fold).
  let testValues = values;
  let rounds: { train: ArrayLike<number>; test: ArrayLike<number> }[];
  let evaluation: BaselineEvaluation;
  const stratified = task === 'classification' && options.stratify !== false;
  const classes = task === 'classification' ? sortLabels(new Set(values)) : [];
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const classOf = Uint32Array.from(values, (v) => classIndex.get(v) ?? 0);
  if (options.test !== undefined) {
    const test = await readTarget(options.test, options.target, read, control);
    if (test.values.length === 0)
      throw new JobInputError(`${options.test}: the target "${options.target}" has no values`);
    testValues = test.values;
    rounds = [{ train: Uint32Array.from(values, (_, i) => i), test: Uint32Array.from(testValues, (_, i) => i) }];
    evaluation = { kind: 'test', testFile: options.test, trainRows: values.length, testRows: testValues.length };
  } else if (options.folds !== undefined) {
    const fold = kFoldAssignment(values.length, options.folds, createRng(seed), stratified ? classOf : undefined);
    rounds = Array.from({ length: options.folds }, (_, f) => ({
      train: Uint32Array.from(fold.keys()).filter((i) => fold[i] !== f),
      test: Uint32Array.from(fold.keys()).filter((i) => fold[i] === f),
    }));
    evaluation = { kind: 'kfold', folds: options.folds, stratified, rows: values.length };
  } else {
    const fraction = options.testFraction ?? 0.2;
    const split = stratified
      ? stratifiedHoldoutSplit(classOf, fraction, createRng(seed))
      : holdoutSplit(values.length, fraction, createRng(seed));
    rounds = [split];
    evaluation = {
      kind: 'holdout',
      testFraction: fraction,
      stratified,
      trainRows: split.train.length,
      testRows: split.test.length,
    };
  }

  const pick = (from: readonly string[], rows: ArrayLike<number>): string[] =>
    Array.from(rows, (i) => from[i] as string);
  const baselines = strategies.map((strategy, s) => {
    // Each strategy draws from its own stream, so adding one does not change the others.
    const rng = createRng(seed * 31 + s + 1);
    if (task === 'classification') {
      const positive = options.positive ?? (classes.length === 2 ? classes[1] : undefined);
      const evaluator = new ClassificationEvaluator({
        ...(positive !== undefined ? { positive } : {}),
        ...(options.beta !== undefined ? { beta: options.beta } : {}),
        ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
      });
      for (const round of rounds) {
        const model = fitClassBaseline(pick(values, round.train), strategy as ClassBaselineStrategy);
        const truth = pick(testValues, round.test);
        const state = rng.nextUint32();
        const predicted = model.predict(truth.length, createRng(state));
        // Scores of the positive class, from the same draws as the predictions.
        const positiveColumn = positive === undefined ? -1 : model.classes.indexOf(positive);
        const proba =
          model.classes.length === 2 && positiveColumn !== -1
            ? model.predictProba(truth.length, createRng(state))[positiveColumn]
            : undefined;
        truth.forEach((t, i) => evaluator.add(t, predicted[i] as string, proba?.[i]));
      }
      return { strategy, report: evaluator.finish() };
    }
    const evaluator = new RegressionEvaluator(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {});
    const all = numbers(values, file);
    const allTest = testValues === values ? all : numbers(testValues, options.test ?? file);
    for (const round of rounds) {
      const model = fitRegressionBaseline(
        Float64Array.from(round.train, (i) => all[i] as number),
        strategy as RegressionBaselineStrategy,
      );
      Array.from(round.test, (i) => evaluator.add(allTest[i] as number, model.value));
    }
    return { strategy, report: evaluator.finish() };
  });

  return {
    version: 1,
    file,
    target: options.target,
    task,
    rows: values.length,
    skippedRows: skipped,
    seed,
    evaluation,
    baselines,
    csv,
  };
}
