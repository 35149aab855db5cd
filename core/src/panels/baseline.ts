/** The "Dataset & baseline" panel's findings in the book's words, from a baseline report. */
import type { BaselineResult } from '../protocol/reports';
import { formatInterval, formatNumber, formatPercent } from './format';

type Metrics = Record<string, { value: number; ci?: [number, number] } | undefined>;

function metric(
  report: BaselineResult['baselines'][number]['report'],
  name: string,
): { value: number; ci?: [number, number] } | undefined {
  return (report.metrics as Metrics)[name];
}

/** A sentence per finding the book would make about the baselines. */
export function baselineSentences(result: BaselineResult): string[] {
  const sentences: string[] = [];
  const find = (strategy: string): BaselineResult['baselines'][number] | undefined =>
    result.baselines.find((b) => b.strategy === strategy);
  if (result.task === 'classification') {
    const zeroRule = find('most_frequent');
    const accuracy = zeroRule ? metric(zeroRule.report, 'accuracy') : undefined;
    if (accuracy) {
      sentences.push(
        `A model must beat ${formatNumber(accuracy.value)} accuracy — the majority class's share (the zero rule) — to be useful.`,
      );
    }
    const balanced = zeroRule ? metric(zeroRule.report, 'balanced_accuracy') : undefined;
    if (accuracy && balanced && accuracy.value - balanced.value > 0.15) {
      sentences.push(
        `The classes are imbalanced: the zero rule scores ${formatNumber(accuracy.value)} accuracy but ${formatNumber(balanced.value)} balanced accuracy — judge models on balanced accuracy, F1 or recall of the rare class, not accuracy.`,
      );
    }
    const learned = result.baselines.find((b) => b.learned);
    const learnedAccuracy = learned ? metric(learned.report, 'accuracy') : undefined;
    if (learned && learnedAccuracy && accuracy) {
      const better = (learnedAccuracy.ci?.[0] ?? learnedAccuracy.value) > accuracy.value;
      sentences.push(
        better
          ? `A simple learned model (${learned.strategy}) already reaches ${formatNumber(learnedAccuracy.value)} accuracy: that is the bar for anything more complex.`
          : `A simple learned model (${learned.strategy}) does not clearly beat the zero rule (${formatNumber(learnedAccuracy.value)} accuracy): the features may carry little signal about the target.`,
      );
    }
  } else {
    const mean = find('mean');
    const median = find('median');
    const mae = mean ? metric(mean.report, 'mean_absolute_error') : undefined;
    const medianMae = median ? metric(median.report, 'mean_absolute_error') : undefined;
    if (mae) {
      sentences.push(
        `Predicting the mean gives a mean absolute error of ${formatNumber(mae.value)} and R² 0: a model must do better than that to be useful.`,
      );
    }
    if (mae && medianMae && medianMae.value < mae.value) {
      sentences.push(
        `The median does better on absolute error (${formatNumber(medianMae.value)}): the target is skewed, and MAE rewards the median.`,
      );
    }
    const learned = result.baselines.find((b) => b.learned);
    const r2 = learned ? metric(learned.report, 'r2') : undefined;
    if (learned && r2) {
      sentences.push(
        `A simple learned model (${learned.strategy}) reaches R² ${formatNumber(r2.value)}: the bar for anything more complex.`,
      );
    }
  }
  if (result.skippedRows > 0) {
    sentences.push(
      `${String(result.skippedRows)} rows have no target value (${formatPercent(result.skippedRows / (result.rows + result.skippedRows))}) and were left out.`,
    );
  }
  return sentences;
}

/**
 * The baselines as a table — a row per baseline, each metric with its interval — as the panel
 * shows it and the exported report writes it.
 */
export function baselineTable(result: BaselineResult): { header: string[]; rows: string[][] } {
  const metrics =
    result.task === 'classification'
      ? ['accuracy', 'balanced_accuracy', 'f1_macro', 'matthews_corrcoef']
      : ['mean_absolute_error', 'root_mean_squared_error', 'r2'];
  return {
    header: ['baseline', ...metrics],
    rows: result.baselines.map((b) => [
      b.strategy,
      ...metrics.map((name) => {
        const found = metric(b.report, name);
        return found ? `${formatNumber(found.value)} ${formatInterval(found)}` : '—';
      }),
    ]),
  };
}
