/**
 * `mlguide baseline` / `mlguide/baseline` (book ch. 5): the zero-rule and random baselines of a
 * target column, and one simple learned baseline on the other columns (Gaussian naive Bayes for
 * classification, least squares for regression), evaluated with intervals on a seeded hold-out,
 * k-fold, or a given test file.
 */
import {
  CLASS_BASELINE_STRATEGIES,
  REGRESSION_BASELINE_STRATEGIES,
  fitClassBaseline,
  fitRegressionBaseline,
  type ClassBaselineStrategy,
  type RegressionBaselineStrategy,
} from '../../../../core/src/baseline/dummy';
import {
  CategoryTexts,
  RowEncoder,
  chooseFeatures,
  featureLayout,
  keepFeatures,
  type ExcludedColumn,
  type FeaturePlan,
} from '../../../../core/src/baseline/features';
import {
  LINEAR_MAX_FEATURES,
  LinearRegressionStats,
  fitLinearRegression,
  type LinearRegressionModel,
} from '../../../../core/src/baseline/linearRegression';
import {
  NaiveBayesStats,
  fitNaiveBayes,
  type EncodedRow,
  type FeatureLayout,
  type NaiveBayesModel,
} from '../../../../core/src/baseline/naiveBayes';
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
import { CsvProfiler } from '../../../../core/src/profile/profile';
import { createRng } from '../../../../core/src/random/rng';
import {
  JobInputError,
  columnIndex,
  runJobSteps,
  type CsvReadSummary,
  type CsvReader,
  type ReadControl,
} from './source';

/** How the baselines are evaluated. */
export type BaselineEvaluation =
  | { kind: 'holdout'; testFraction: number; stratified: boolean; trainRows: number; testRows: number }
  | { kind: 'kfold'; folds: number; stratified: boolean; rows: number }
  | { kind: 'test'; testFile: string; trainRows: number; testRows: number };

/** The learned classification baseline (scikit-learn's `GaussianNB` after mean imputation and one-hot). */
export const LEARNED_CLASS_BASELINE = 'gaussian_nb';
/** Every classification baseline: the dummy strategies, then the learned one. */
export const CLASS_BASELINES: readonly string[] = [...CLASS_BASELINE_STRATEGIES, LEARNED_CLASS_BASELINE];
/** The learned regression baseline (scikit-learn's `LinearRegression` after mean imputation and one-hot). */
export const LEARNED_REGRESSION_BASELINE = 'linear_regression';
/** Every regression baseline: the dummy strategies, then the learned one. */
export const REGRESSION_BASELINES: readonly string[] = [...REGRESSION_BASELINE_STRATEGIES, LEARNED_REGRESSION_BASELINE];
const LEARNED_BASELINES: readonly string[] = [LEARNED_CLASS_BASELINE, LEARNED_REGRESSION_BASELINE];

/**
 * Classes the learned baseline fits at most: its statistics take classes × features × folds
 * numbers, and a target with more classes than this is rather an identifier or a number.
 */
export const LEARNED_MAX_CLASSES = 1000;

/** What the learned baseline was trained on. */
export interface LearnedBaselineInfo {
  /** scikit-learn's equivalent, to reproduce the numbers. */
  model: string;
  /** Features used: numeric ones as they are (missing values take the training mean), categorical ones one-hot. */
  features: { name: string; kind: 'numeric' | 'categorical'; categories?: number }[];
  /** Columns left out, with why. */
  excluded: ExcludedColumn[];
  /**
   * Training rows per fit (the mean over folds with k-fold). Every training row is used: naive
   * Bayes keeps per-class counts, means and variances, least squares the sums of products of the
   * features, so neither's memory grows with the rows.
   */
  trainRows: number;
  /** Always false: no sample is drawn (kept so that a reader can rely on it). */
  sampled: false;
}

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
  baselines: { strategy: string; report: ClassificationReport | RegressionReport; learned?: LearnedBaselineInfo }[];
  /**
   * Default strategies that were not run, and why: the learned baseline past
   * {@link LEARNED_MAX_CLASSES} classes, or past `LINEAR_MAX_FEATURES` features for least squares.
   */
  skipped?: { strategy: string; reason: string }[];
  csv: CsvReadSummary;
}

/** What the learned baseline needs from the first read of the training file. */
interface FeatureScan {
  profiler: CsvProfiler;
  texts: CategoryTexts;
  targetColumn: number;
}

async function readTarget(
  file: string,
  target: string,
  read: CsvReader,
  control: ReadControl,
  scan?: FeatureScan,
): Promise<{ values: string[]; skipped: number; csv: CsvReadSummary; header: readonly string[] }> {
  const values: string[] = [];
  let skipped = 0;
  let index = -1;
  let header: readonly string[] = [];
  const csv = await read(
    file,
    {
      header: (cells, line) => {
        header = cells;
        index = columnIndex(cells, target, file, 'target');
        if (scan) {
          scan.profiler.header(cells, line);
          scan.targetColumn = index;
        }
      },
      row: (cells, line) => {
        const value = cells[index] ?? '';
        if (isMissing(value)) {
          skipped++;
          return;
        }
        values.push(value);
        // The features are chosen from the rows that have a target, as the model sees them.
        if (scan) {
          scan.profiler.row(cells, line);
          scan.texts.row(cells);
        }
      },
    },
    control,
  );
  return { values, skipped, csv, header };
}

/**
 * Streams the rows of `file` that have a target value to `visit`, with their index among those
 * rows (the index of {@link readTarget}'s values) and their encoded features.
 */
/**
 * The column names a profile gives a header (trimmed; an empty name becomes `column_<i>`, a
 * repeated one `name.1`…): the names features go by.
 */
function profiledNames(header: readonly string[]): string[] {
  const profiler = new CsvProfiler();
  profiler.header(header, 1);
  return profiler.finish(',').columns.map((c) => c.name);
}

/** Index of feature `name` in a header: by its profiled name, else as {@link columnIndex} finds a column. */
function featureIndex(header: readonly string[], names: readonly string[], name: string, file: string): number {
  const at = names.indexOf(name);
  return at !== -1 ? at : columnIndex(header, name, file, 'feature');
}

async function readFeatures(
  file: string,
  target: string,
  plan: FeaturePlan,
  read: CsvReader,
  control: ReadControl,
  visit: (index: number, features: ReturnType<RowEncoder['encode']>) => void,
  /** A test file: its columns are found by name (it may order them differently). */
  byName: boolean,
): Promise<void> {
  let targetIndex = -1;
  let encoder: RowEncoder | undefined;
  let index = 0;
  await read(
    file,
    {
      header: (cells) => {
        targetIndex = columnIndex(cells, target, file, 'target');
        if (!byName) {
          encoder = new RowEncoder(plan);
          return;
        }
        const names = profiledNames(cells);
        const find = (name: string): number => featureIndex(cells, names, name, file);
        encoder = new RowEncoder(
          plan,
          plan.numeric.map((f) => find(f.name)),
          plan.categorical.map((f) => find(f.name)),
        );
      },
      row: (cells) => {
        if (isMissing(cells[targetIndex] ?? '')) return;
        visit(index++, (encoder as RowEncoder).encode(cells));
      },
    },
    control,
  );
}

/** How a learned baseline gathers training statistics, fits, and predicts. */
interface Learner<S, M> {
  create(): S;
  add(stats: S, index: number, row: EncodedRow): void;
  combine(groups: S[]): S;
  fit(stats: S): M;
  rows(model: M): number;
  /** Predicts test row `index` and keeps the prediction. */
  predict(model: M, index: number, row: EncodedRow): void;
}

/**
 * Fits a learned baseline on each round's training rows and predicts its test rows: one read of
 * the training file to gather per-group statistics (a group per fold; one group otherwise), one of
 * the file holding the test rows to predict. Returns the mean training rows per model.
 */
async function fitAndPredict<S, M>(
  args: {
    file: string;
    testFile: string | undefined;
    target: string;
    plan: FeaturePlan;
    testCount: number;
    /** Per training-file row, its group (fold), or -1 when it trains no model (a hold-out test row). */
    groupOf: (index: number) => number;
    groups: number;
    /** Per test row (index into the test values), the group whose complement trained its model. */
    testGroupOf: (index: number) => number;
    read: CsvReader;
    control: ReadControl;
  },
  learner: Learner<S, M>,
): Promise<number> {
  const stats = Array.from({ length: args.groups }, () => learner.create());
  await readFeatures(
    args.file,
    args.target,
    args.plan,
    args.read,
    args.control,
    (index, row) => {
      const group = args.groupOf(index);
      if (group >= 0) learner.add(stats[group] as S, index, row);
    },
    false,
  );
  // One model per round: trained on every group but its own (or on the one group with a hold-out).
  const models: M[] =
    args.groups === 1
      ? [learner.fit(stats[0] as S)]
      : stats.map((_, g) => learner.fit(learner.combine(stats.filter((__, other) => other !== g))));
  await readFeatures(
    args.testFile ?? args.file,
    args.target,
    args.plan,
    args.read,
    args.control,
    (index, row) => {
      if (index >= args.testCount) return;
      const group = args.testGroupOf(index);
      if (group < 0) return;
      learner.predict(models[args.groups === 1 ? 0 : group] as M, index, row);
    },
    args.testFile !== undefined,
  );
  return models.reduce((sum, m) => sum + learner.rows(m), 0) / models.length;
}

/**
 * Gaussian naive Bayes: per test row, the predicted class (index into `classes`) and, when
 * `scoredClass` is one of them (binary problems), that class's probability — the only score the
 * evaluation reads, so memory stays one number per row whatever the classes.
 */
function naiveBayesLearner(
  classes: readonly string[],
  values: readonly string[],
  layout: FeatureLayout,
  testCount: number,
  scoredClass: number,
): Learner<NaiveBayesStats, NaiveBayesModel> & { predicted: Uint32Array; score: Float64Array | undefined } {
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const predicted = new Uint32Array(testCount);
  const score = scoredClass >= 0 ? new Float64Array(testCount) : undefined;
  return {
    predicted,
    score,
    create: () => new NaiveBayesStats(classes.length, layout),
    add: (stats, index, row) => {
      stats.add(classIndex.get(values[index] as string) ?? 0, row);
    },
    combine: (groups) => NaiveBayesStats.combine(groups),
    fit: (stats) => fitNaiveBayes(stats),
    rows: (model) => model.rows,
    predict: (model, index, row) => {
      predicted[index] = model.classes[model.predict(row)] as number;
      if (score) {
        // A class missing from this model's training rows has probability 0.
        const at = model.classes.indexOf(scoredClass);
        score[index] = at === -1 ? 0 : (model.predictProba(row)[at] as number);
      }
    },
  };
}

/** Least squares: per test row, the predicted value. */
function linearLearner(
  targets: Float64Array,
  layout: FeatureLayout,
  testCount: number,
): Learner<LinearRegressionStats, LinearRegressionModel> & { predicted: Float64Array } {
  const predicted = new Float64Array(testCount);
  return {
    predicted,
    create: () => new LinearRegressionStats(layout),
    add: (stats, index, row) => {
      stats.add(targets[index] as number, row);
    },
    combine: (groups) => LinearRegressionStats.combine(groups),
    fit: (stats) => fitLinearRegression(stats),
    rows: (model) => model.rows,
    predict: (model, index, row) => {
      predicted[index] = model.predict(row);
    },
  };
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
  const mayLearn =
    options.strategies === undefined || options.strategies.some((strategy) => LEARNED_BASELINES.includes(strategy));
  const scan: FeatureScan | undefined = mayLearn
    ? { profiler: new CsvProfiler({ seed }), texts: new CategoryTexts(), targetColumn: -1 }
    : undefined;
  const { values, skipped, csv } = await readTarget(file, options.target, read, control, scan);
  if (values.length < 2)
    throw new JobInputError(
      `${file}: the target "${options.target}" has ${values.length} value(s); a baseline needs at least 2`,
    );
  const task = decideTask(values, options.task ?? 'auto');
  const known: readonly string[] = task === 'classification' ? CLASS_BASELINES : REGRESSION_BASELINES;
  let strategies = options.strategies ?? [...known];
  for (const s of strategies) {
    if (!known.includes(s)) throw new JobInputError(`unknown ${task} baseline "${s}"; known: ${known.join(', ')}`);
  }
  const skippedStrategies: { strategy: string; reason: string }[] = [];
  const classCount = task === 'classification' ? new Set(values).size : 0;
  if (strategies.includes(LEARNED_CLASS_BASELINE) && classCount > LEARNED_MAX_CLASSES) {
    const reason = `the target has ${classCount} classes; the learned baseline fits at most ${LEARNED_MAX_CLASSES}`;
    if (options.strategies !== undefined) throw new JobInputError(`${file}: ${reason}`);
    strategies = strategies.filter((s) => s !== LEARNED_CLASS_BASELINE);
    skippedStrategies.push({ strategy: LEARNED_CLASS_BASELINE, reason });
  }

  // Which rows train and which are predicted, per "round" (one round, or one per fold).
  let testValues = values;
  let testHeader: readonly string[] | undefined;
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
    testHeader = test.header;
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

  const learnedStrategy = task === 'classification' ? LEARNED_CLASS_BASELINE : LEARNED_REGRESSION_BASELINE;
  let learnedClasses: { predicted: Uint32Array; score: Float64Array | undefined } | undefined;
  // The class whose probability scores a binary problem (as for the dummy baselines).
  const positive = options.positive ?? (classes.length === 2 ? classes[1] : undefined);
  const positiveColumn = positive === undefined || classes.length !== 2 ? -1 : classes.indexOf(positive);
  let learnedValues: Float64Array | undefined;
  let learnedInfo: LearnedBaselineInfo | undefined;
  if (strategies.includes(learnedStrategy) && scan) {
    const chosen = chooseFeatures(scan.profiler.finish(csv.delimiter), scan.targetColumn, scan.texts);
    const testNames = testHeader ? profiledNames(testHeader) : undefined;
    const plan =
      testHeader && testNames
        ? keepFeatures(chosen, (name) => {
            try {
              featureIndex(testHeader, testNames, name, options.test ?? '');
              return true;
            } catch {
              return false;
            }
          })
        : chosen;
    const layout = featureLayout(plan);
    const width = layout.numeric + layout.categories.reduce((sum, k) => sum + k, 0);
    if (task === 'regression' && width > LINEAR_MAX_FEATURES) {
      const reason = `${width} features after one-hot; the learned baseline fits at most ${LINEAR_MAX_FEATURES}`;
      if (options.strategies !== undefined) throw new JobInputError(`${file}: ${reason}`);
      strategies = strategies.filter((s) => s !== learnedStrategy);
      skippedStrategies.push({ strategy: learnedStrategy, reason });
    } else {
      let groups = 1;
      let groupOf: (index: number) => number = () => 0;
      let testGroupOf: (index: number) => number = () => 0;
      if (evaluation.kind === 'kfold') {
        const fold = kFoldAssignment(
          values.length,
          evaluation.folds,
          createRng(seed),
          stratified ? classOf : undefined,
        );
        groups = evaluation.folds;
        groupOf = (i) => fold[i] as number;
        testGroupOf = groupOf;
      } else if (evaluation.kind === 'holdout') {
        const isTest = new Uint8Array(values.length);
        const test = (rounds[0] as { test: ArrayLike<number> }).test;
        for (let k = 0; k < test.length; k++) isTest[test[k] as number] = 1;
        groupOf = (i) => (isTest[i] ? -1 : 0);
        testGroupOf = (i) => (isTest[i] ? 0 : -1);
      }
      const args = {
        file,
        testFile: options.test,
        target: options.target,
        plan,
        testCount: testValues.length,
        groupOf,
        groups,
        testGroupOf,
        read,
        control,
      };
      let trainRows: number;
      if (task === 'classification') {
        const learner = naiveBayesLearner(classes, values, layout, testValues.length, positiveColumn);
        trainRows = await fitAndPredict(args, learner);
        learnedClasses = learner;
      } else {
        const learner = linearLearner(numbers(values, file), layout, testValues.length);
        trainRows = await fitAndPredict(args, learner);
        learnedValues = learner.predicted;
      }
      const preprocessing =
        'after SimpleImputer(strategy="mean") on the numeric features and OneHotEncoder(handle_unknown="ignore") on the categorical ones';
      learnedInfo = {
        model: `${task === 'classification' ? 'GaussianNB()' : 'LinearRegression()'} ${preprocessing}`,
        features: [
          ...plan.numeric.map((f) => ({ name: f.name, kind: 'numeric' as const })),
          ...plan.categorical.map((f) => ({
            name: f.name,
            kind: 'categorical' as const,
            categories: f.categories.length,
          })),
        ],
        excluded: plan.excluded,
        trainRows,
        sampled: false,
      };
    }
  }

  // Each bootstrap runs in slices a cancellation can stop (runJobSteps), one strategy after another.
  const runStrategy = async (strategy: string, s: number): Promise<BaselineFileReport['baselines'][number]> => {
    // Each strategy draws from its own stream, so adding one does not change the others.
    const rng = createRng(seed * 31 + s + 1);
    if (task === 'classification') {
      const evaluator = new ClassificationEvaluator({
        ...(positive !== undefined ? { positive } : {}),
        ...(options.beta !== undefined ? { beta: options.beta } : {}),
        ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
      });
      if (strategy === LEARNED_CLASS_BASELINE && learnedClasses && learnedInfo) {
        const { predicted, score } = learnedClasses;
        for (const round of rounds) {
          for (const i of Array.from(round.test)) {
            evaluator.add(testValues[i] as string, classes[predicted[i] as number] as string, score?.[i]);
          }
        }
        return { strategy, report: await runJobSteps(evaluator.finishSteps(), control), learned: learnedInfo };
      }
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
      return { strategy, report: await runJobSteps(evaluator.finishSteps(), control) };
    }
    const evaluator = new RegressionEvaluator(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {});
    const all = numbers(values, file);
    const allTest = testValues === values ? all : numbers(testValues, options.test ?? file);
    if (strategy === LEARNED_REGRESSION_BASELINE && learnedValues && learnedInfo) {
      const predicted = learnedValues;
      for (const round of rounds)
        Array.from(round.test, (i) => evaluator.add(allTest[i] as number, predicted[i] as number));
      return { strategy, report: await runJobSteps(evaluator.finishSteps(), control), learned: learnedInfo };
    }
    for (const round of rounds) {
      const model = fitRegressionBaseline(
        Float64Array.from(round.train, (i) => all[i] as number),
        strategy as RegressionBaselineStrategy,
      );
      Array.from(round.test, (i) => evaluator.add(allTest[i] as number, model.value));
    }
    return { strategy, report: await runJobSteps(evaluator.finishSteps(), control) };
  };
  const baselines: BaselineFileReport['baselines'] = [];
  for (const [s, strategy] of strategies.entries()) baselines.push(await runStrategy(strategy, s));

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
    ...(skippedStrategies.length > 0 ? { skipped: skippedStrategies } : {}),
    csv,
  };
}
