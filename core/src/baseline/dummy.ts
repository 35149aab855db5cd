/**
 * The book's baselines (ch. 5, "zero rule" and random guessing), defined as scikit-learn's
 * `DummyClassifier` and `DummyRegressor` define them, so a user can reproduce every number.
 */
import { sortLabels } from '../metrics/labels';
import type { Rng } from '../random/rng';

/** scikit-learn's `DummyClassifier(strategy=…)`. */
export type ClassBaselineStrategy = 'most_frequent' | 'prior' | 'stratified' | 'uniform';
/** scikit-learn's `DummyRegressor(strategy=…)`. */
export type RegressionBaselineStrategy = 'mean' | 'median';

export const CLASS_BASELINE_STRATEGIES: readonly ClassBaselineStrategy[] = [
  'most_frequent',
  'prior',
  'stratified',
  'uniform',
];
export const REGRESSION_BASELINE_STRATEGIES: readonly RegressionBaselineStrategy[] = ['mean', 'median'];

/** A fitted classification baseline. */
export interface ClassBaseline {
  strategy: ClassBaselineStrategy;
  /** The training labels, sorted as scikit-learn sorts them (`np.unique`). */
  classes: string[];
  /** The share of each class in the training labels. */
  priors: number[];
  /** The most frequent class (the first in `classes` order on a tie, as `np.argmax`). */
  mode: string;
  /** Predicted labels for `n` rows; the random strategies draw from `rng`. */
  predict(n: number, rng: Rng): string[];
  /**
   * Scores of `n` rows, one array per class in `classes` order: one-hot of the mode
   * (`most_frequent`), the priors (`prior`), one-hot of the drawn class (`stratified`, with the
   * same draws as {@link predict} given the same `rng` state), 1/k (`uniform`).
   */
  predictProba(n: number, rng: Rng): Float64Array[];
}

/** Fits a classification baseline on training labels. */
export function fitClassBaseline(yTrain: readonly string[], strategy: ClassBaselineStrategy): ClassBaseline {
  if (yTrain.length === 0) throw new RangeError('a baseline needs at least one training label');
  const counts = new Map<string, number>();
  for (const y of yTrain) counts.set(y, (counts.get(y) ?? 0) + 1);
  const classes = sortLabels(counts.keys());
  const priors = classes.map((c) => (counts.get(c) ?? 0) / yTrain.length);
  let best = 0;
  priors.forEach((p, i) => {
    if (p > (priors[best] ?? 0)) best = i;
  });
  const mode = classes[best] as string;
  const k = classes.length;
  const cumulative: number[] = [];
  let sum = 0;
  for (const p of priors) cumulative.push((sum += p));
  const draw = (rng: Rng): number => {
    const u = rng.next();
    const i = cumulative.findIndex((c) => u < c);
    return i === -1 ? k - 1 : i;
  };
  const drawn = (n: number, rng: Rng): number[] =>
    Array.from({ length: n }, () =>
      strategy === 'stratified' ? draw(rng) : strategy === 'uniform' ? rng.nextInt(k) : best,
    );
  return {
    strategy,
    classes,
    priors,
    mode,
    predict: (n, rng) => drawn(n, rng).map((i) => classes[i] as string),
    predictProba: (n, rng) => {
      const columns = classes.map(() => new Float64Array(n));
      if (strategy === 'prior') {
        columns.forEach((column, c) => column.fill(priors[c] ?? 0));
      } else if (strategy === 'uniform') {
        for (const column of columns) column.fill(1 / k);
      } else {
        drawn(n, rng).forEach((c, row) => {
          (columns[c] as Float64Array)[row] = 1;
        });
      }
      return columns;
    },
  };
}

/** A fitted regression baseline: one constant. */
export interface RegressionBaseline {
  strategy: RegressionBaselineStrategy;
  value: number;
  predict(n: number): Float64Array;
}

/** Fits a regression baseline: the mean, or the median (`np.median`: the mean of the middle two). */
export function fitRegressionBaseline(
  yTrain: ArrayLike<number>,
  strategy: RegressionBaselineStrategy,
): RegressionBaseline {
  const n = yTrain.length;
  if (n === 0) throw new RangeError('a baseline needs at least one training value');
  let value: number;
  if (strategy === 'mean') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += yTrain[i] as number;
    value = sum / n;
  } else {
    const sorted = Float64Array.from(yTrain).sort();
    const mid = n >> 1;
    value = n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  return { strategy, value, predict: (size) => new Float64Array(size).fill(value) };
}
