/**
 * Bootstrap confidence intervals for every metric of the evaluation engine: percentile and BCa
 * intervals (as SciPy computes them), a multinomial bootstrap for confusion-matrix metrics whose
 * cost does not grow with the row count, and streaming row bootstraps for the rest. Pure: no I/O,
 * randomness only from the seeded generator of `core/src/random/rng.ts`.
 *
 * A metric plugs in as a function: `(matrix) => number` for {@link bootstrapConfusionMatrix},
 * a {@link WeightedSumStatistic} for {@link RowBootstrap}, `(rows) => number` for
 * {@link bootstrapRows}.
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
  confusionMatrixJackknife,
  countsJackknife,
  type ConfusionMatrixStatistic,
  type CountsStatistic,
  type CountsVectorStatistic,
} from './confusionMatrix';
export {
  bootstrapRows,
  bootstrapRowSums,
  meanAbsoluteErrorStatistic,
  meanSquaredErrorStatistic,
  rSquaredStatistic,
  rootMeanSquaredErrorStatistic,
  RowBootstrap,
  weightedMeanStatistic,
  type RegressionPair,
  type RowBootstrapOptions,
  type RowScheme,
  type WeightedSumStatistic,
} from './rows';
export { sampleBinomial, sampleMultinomial, samplePoissonOne } from './sampling';
