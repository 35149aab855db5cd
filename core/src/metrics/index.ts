/**
 * Evaluation metrics with scikit-learn's definitions and names, pure and streaming-capable:
 * confusion-matrix metrics (resampleable by cell), score metrics and curves, regression metrics.
 * Every metric's result is a {@link MetricValue}.
 */
export * from './types';
export * from './labels';
export * from './confusion';
export * from './classification';
export * from './scores';
export * from './thinCurve';
export * from './multiclassScores';
export * from './regression';
export { CompensatedSum, GrowableFloat64Array, GrowableUint32Array } from './growable';
