/**
 * Default choices of the evaluation panels, suggested from the columns' names and types: the
 * target of a dataset, the truth / prediction / score columns of a predictions file, the two
 * models of a comparison, the variant and outcome of A/B logs.
 */
import type { AnalysisColumn, CompareChoices, DatasetChoices, EvaluateChoices } from '../protocol/webview';

const TARGET =
  /^(?:target|label|labels|class|y|outcome|churn(?:ed)?|is_?\w+|has_?\w+|default(?:ed)?|fraud|survived|species|price|sale_?price|quality|rating)$/i;
const TRUTH =
  /^(?:y|y_?true|true|truth|actual|label|target|gold|ground_?truth|expected|observed)$|(?:^|_)(?:true|truth|actual|label)(?:_|$)/i;
const PREDICTED =
  /^(?:y_?hat|y_?pred|pred|preds|predicted|prediction|predictions|forecast)$|(?:^|_)(?:pred|predicted|prediction)(?:_|$)/i;
const SCORE = /(?:^|_)(?:score|scores|prob|proba|probability|p|confidence|logit)(?:_|$)/i;
const VARIANT = /^(?:variant|group|arm|bucket|treatment|experiment|version|cohort)$/i;
const OUTCOME = /^(?:outcome|converted|conversion|clicked|click|success|purchased|revenue|value|result)$/i;

function usable(column: AnalysisColumn): boolean {
  return column.type !== 'id' && column.type !== 'empty' && column.type !== 'text';
}

/** The likely target of a dataset: a named one, else the last usable column (the usual layout). */
export function suggestTarget(columns: readonly AnalysisColumn[]): string {
  return (
    columns.find((c) => TARGET.test(c.name) && usable(c))?.name ??
    [...columns].reverse().find(usable)?.name ??
    columns[0]?.name ??
    ''
  );
}

/** Default choices of the "Dataset & baseline" panel. */
export function defaultDatasetChoices(columns: readonly AnalysisColumn[]): DatasetChoices {
  return {
    kind: 'dataset',
    target: suggestTarget(columns),
    task: 'auto',
    evaluation: 'holdout',
    testFraction: 0.2,
    folds: 5,
    seed: 0,
    resamples: 1000,
  };
}

/** Default choices of the "Evaluate predictions" panel. */
export function defaultEvaluateChoices(columns: readonly AnalysisColumn[]): EvaluateChoices {
  const predicted = columns.find((c) => PREDICTED.test(c.name))?.name ?? columns[1]?.name ?? '';
  const truth =
    columns.find((c) => TRUTH.test(c.name) && c.name !== predicted)?.name ??
    columns.find((c) => c.name !== predicted && usable(c) && c.type !== 'float')?.name ??
    columns[0]?.name ??
    '';
  // One score column is the positive class's: it only applies when the truth has two classes.
  const binary = (columns.find((c) => c.name === truth)?.distinct ?? 0) <= 2;
  const score = binary
    ? (columns.find((c) => SCORE.test(c.name) && c.type === 'float' && c.name !== predicted)?.name ?? '')
    : '';
  return {
    kind: 'evaluate',
    truth,
    predicted,
    score,
    positive: '',
    beta: 1,
    seed: 0,
    resamples: 1000,
    confidence: 0.95,
    method: 'bca',
  };
}

/** Default choices of the "Compare models" panel. */
export function defaultCompareChoices(columns: readonly AnalysisColumn[]): CompareChoices {
  const predictions = columns.filter(
    (c) => PREDICTED.test(c.name) || /(?:^|_)(?:model|a|b|old|new)(?:_|$)/i.test(c.name),
  );
  const a = predictions[0]?.name ?? columns[1]?.name ?? '';
  const b = predictions.find((c) => c.name !== a)?.name ?? columns[2]?.name ?? '';
  const truth = columns.find((c) => TRUTH.test(c.name) && c.name !== a && c.name !== b)?.name ?? columns[0]?.name ?? '';
  const variant = columns.find((c) => VARIANT.test(c.name))?.name ?? '';
  const outcome = columns.find((c) => OUTCOME.test(c.name))?.name ?? '';
  return {
    kind: 'compare',
    mode: variant && outcome && !predictions.length ? 'ab' : 'paired',
    truth,
    a,
    b,
    variant,
    outcome,
    otherUri: '',
    joinOn: '',
    mde: 0,
    seed: 0,
    resamples: 1000,
    confidence: 0.95,
  };
}

/** Model B's column in a second predictions file, and the id both files share (else match by position). */
export function suggestOther(
  columns: readonly AnalysisColumn[],
  otherColumns: readonly AnalysisColumn[],
): { b: string; joinOn: string } {
  const b = otherColumns.find((c) => PREDICTED.test(c.name))?.name ?? otherColumns[otherColumns.length - 1]?.name ?? '';
  const names = new Set(columns.map((c) => c.name));
  const joinOn = otherColumns.find((c) => c.type === 'id' && names.has(c.name))?.name ?? '';
  return { b, joinOn };
}
