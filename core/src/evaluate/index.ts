/**
 * Evaluation of predictions: every metric of core/src/metrics with a bootstrap interval from
 * core/src/bootstrap, in the report shapes `mlguide evaluate --json` prints (docs/cli.md).
 */
export * from './report';
export * from './classification';
export * from './regression';
export * from './predictions';
export { scoreTable, scoreTableJackknife, scoreTableMetrics, type ScoreTable } from './scoreTable';
