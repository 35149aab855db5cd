/**
 * The "Evaluate predictions" panel's view of an evaluation: metrics with intervals, the verdict
 * against the zero-rule baseline of the same truth column, and the instant recomputations the page
 * offers without asking the server again — F-beta for any beta from the confusion matrix, and
 * precision, recall, F-beta and the confusion matrix at any threshold of the sweep.
 */
import type { ClassificationReport } from '../evaluate/classification';
import type { ReportedMetric } from '../evaluate/report';
import type { RegressionReport } from '../evaluate/regression';
import type { ThresholdPoint } from '../metrics/scores';
import { formatInterval, formatNumber } from './format';

/** Whether a model beats the zero rule of its truth column, judged on the interval. */
export interface BaselineVerdict {
  verdict: 'better' | 'inconclusive' | 'not better';
  /** The metric compared: accuracy (classification) or R² (regression). */
  metric: 'accuracy' | 'r2';
  value: number;
  ci?: [number, number];
  /** The zero rule's score on the same rows: the majority class's share, or R² 0 of the mean. */
  baseline: number;
  /** One sentence for people: "beats the baseline by 0.09 [0.01, 0.19] (accuracy 0.78 against 0.69, the most frequent class's share)". */
  sentence: string;
}

/** The zero-rule verdict of an evaluation (the same rule as `mlguide evaluate --fail-if-not-better-than-baseline`). */
export function baselineVerdict(report: ClassificationReport | RegressionReport): BaselineVerdict {
  if (report.task === 'classification') {
    const rows = report.confusion_matrix.map((row) => row.reduce((sum, cell) => sum + cell, 0));
    const majority = report.rows > 0 ? Math.max(...rows) / report.rows : NaN;
    return verdictOf('accuracy', report.metrics.accuracy, majority, "the most frequent class's share");
  }
  return verdictOf('r2', report.metrics.r2, 0, 'the mean');
}

function verdictOf(
  metric: 'accuracy' | 'r2',
  reported: ReportedMetric | undefined,
  baseline: number,
  what: string,
): BaselineVerdict {
  const value = reported?.value ?? NaN;
  const ci = reported?.ci;
  const low = ci?.[0] ?? value;
  const name = metric === 'accuracy' ? 'accuracy' : 'R²';
  const by = `${formatNumber(value - baseline)}${ci ? ` [${formatNumber(ci[0] - baseline)}, ${formatNumber(ci[1] - baseline)}]` : ''}`;
  const against = `${name} ${formatNumber(value)} against ${formatNumber(baseline)}, ${what}`;
  const verdict: BaselineVerdict['verdict'] =
    low > baseline ? 'better' : value > baseline ? 'inconclusive' : 'not better';
  const sentence =
    verdict === 'better'
      ? `Beats the zero-rule baseline by ${by} (${against}).`
      : verdict === 'inconclusive'
        ? `Not shown to beat the zero-rule baseline: ${by}, and the interval reaches it (${against}).`
        : `Does not beat the zero-rule baseline (${against}).`;
  return { verdict, metric, value, ...(ci ? { ci } : {}), baseline, sentence };
}

/** F-beta of precision and recall, with scikit-learn's zero-division value (0) when both are 0. */
export function fbeta(precision: number, recall: number, beta: number): number {
  const b2 = beta * beta;
  const denominator = b2 * precision + recall;
  return denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
}

/** Precision, recall and F-beta of each class from the confusion matrix (rows: truth, columns: prediction). */
export function perClassFbeta(
  confusion: readonly (readonly number[])[],
  labels: readonly string[],
  beta: number,
): { label: string; precision: number; recall: number; fbeta: number; support: number }[] {
  return labels.map((label, i) => {
    const tp = confusion[i]?.[i] ?? 0;
    const support = (confusion[i] ?? []).reduce((sum, cell) => sum + cell, 0);
    const predicted = confusion.reduce((sum, row) => sum + (row[i] ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    return { label, precision, recall, fbeta: fbeta(precision, recall, beta), support };
  });
}

/** Macro F-beta: the mean over classes (scikit-learn's `fbeta_score(average='macro')`). */
export function macroFbeta(confusion: readonly (readonly number[])[], labels: readonly string[], beta: number): number {
  const classes = perClassFbeta(confusion, labels, beta);
  return classes.length === 0 ? NaN : classes.reduce((sum, c) => sum + c.fbeta, 0) / classes.length;
}

/** What the threshold control shows at one point of the sweep. */
export interface ThresholdView {
  threshold: number;
  precision: number;
  recall: number;
  fbeta: number;
  /** [[tn, fp], [fn, tp]]: rows truth (negative, positive), columns prediction. */
  confusion: [[number, number], [number, number]];
}

/** The sweep point nearest `threshold`, with F-beta at `beta`. */
export function atThreshold(
  sweep: readonly ThresholdPoint[],
  threshold: number,
  beta: number,
): ThresholdView | undefined {
  let best: ThresholdPoint | undefined;
  for (const point of sweep) {
    if (!best || Math.abs(point.threshold - threshold) < Math.abs(best.threshold - threshold)) best = point;
  }
  if (!best) return undefined;
  const precision = best.tp + best.fp === 0 ? 0 : best.tp / (best.tp + best.fp);
  const recall = best.tp + best.fn === 0 ? 0 : best.tp / (best.tp + best.fn);
  return {
    threshold: best.threshold,
    precision,
    recall,
    fbeta: fbeta(precision, recall, beta),
    confusion: [
      [best.tn, best.fp],
      [best.fn, best.tp],
    ],
  };
}

/** One row of the metrics table. */
export interface MetricRow {
  name: string;
  value: string;
  interval: string;
  /** Why the interval is not BCa, or a zero-division note. */
  note?: string;
}

/** The metrics of a report as table rows, scikit-learn's names, in the report's order. */
export function metricRows(report: ClassificationReport | RegressionReport): MetricRow[] {
  const rows: MetricRow[] = [];
  const add = (name: string, metric: ReportedMetric): void => {
    const note = [metric.ciNote, ...(metric.warnings ?? []).map((w) => w.message)].filter(Boolean).join(' ');
    rows.push({ name, value: formatNumber(metric.value), interval: formatInterval(metric), ...(note ? { note } : {}) });
  };
  for (const [name, metric] of Object.entries(report.metrics)) add(name, metric);
  if (report.task === 'classification' && report.scores) {
    for (const [name, metric] of Object.entries(report.scores.metrics)) add(name, metric);
  }
  if (report.task === 'classification' && report.classScores) {
    for (const [name, metric] of Object.entries(report.classScores.metrics)) add(name, metric);
  }
  return rows;
}
