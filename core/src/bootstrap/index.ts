/**
 * Bootstrap confidence intervals for every metric of the evaluation engine: percentile and BCa
 * intervals (as SciPy computes them), a multinomial bootstrap for confusion-matrix metrics whose
 * cost does not grow with the row count, and streaming row bootstraps for the rest. Pure: no I/O,
 * randomness only from the seeded generator of `core/src/random/rng.ts`.
 *
 * A metric plugs in as a function: `(matrix) => number` for {@link bootstrapConfusionMatrix},
 * a {@link WeightedSumStatistic} for {@link RowBootstrap}, `(rows) => number` for
 * {@link bootstrapRows}. Each long loop also comes as steps (./steps.ts) that an asynchronous caller
 * can run in slices and cancel.
 */
export {
  bcaInterval,
  jackknifeAcceleration,
  percentileInterval,
  replicateStandardError,
  sortedPercentile,
  type BootstrapInterval,
  type IntervalMethod,
  type JackknifeValues,
  type WeightedJackknife,
} from './interval';
export { normalCdf, normalQuantile } from './normal';
export { BOOTSTRAP_DEFAULTS, type BootstrapOptions, type BootstrapResult, type BootstrapScheme } from './options';
export {
  bootstrapConfusionMatrix,
  bootstrapCounts,
  bootstrapCountsVector,
  bootstrapCountsVectorSteps,
  confusionMatrixJackknife,
  countsJackknife,
  type ConfusionMatrixStatistic,
  type CountsStatistic,
  type CountsVectorJackknife,
  type CountsVectorStatistic,
} from './confusionMatrix';
export {
  bootstrapRows,
  bootstrapRowsSteps,
  bootstrapRowSums,
  meanAbsoluteErrorStatistic,
  meanSquaredErrorStatistic,
  rSquaredFromSums,
  rSquaredStatistic,
  rootMeanSquaredErrorStatistic,
  MultiRowBootstrap,
  RowBootstrap,
  weightedMeanStatistic,
  type RegressionPair,
  type RowBootstrapOptions,
  type RowScheme,
  type WeightedSumStatistic,
  type WeightedSumStatistics,
} from './rows';
export { DEFAULT_SLICE_MS, runSteps, runStepsAsync, StepsCancelled, type StepControl, type Steps } from './steps';
export { sampleBinomial, sampleMultinomial, samplePoissonOne } from './sampling';
