/** `mlguide evaluate` / `mlguide/evaluate`: a predictions file's metrics with intervals. */
import {
  PredictionsEvaluator,
  type PredictionsEvaluationOptions,
  type PredictionsReport,
} from '../../../../core/src/evaluate';
import { columnIndex, runJobSteps, type CsvReadSummary, type CsvReader, type ReadControl } from './source';

/** Which columns hold what, and the evaluation's options. */
export interface EvaluateFileOptions extends PredictionsEvaluationOptions {
  /** Column of the true labels or values. */
  truth: string;
  /** Column of the predictions. */
  predicted: string;
  /** Column of the positive class's score (binary classification). */
  score?: string;
  /** A score column per class (probabilities summing to one): one-vs-rest AUC and log loss. */
  classScores?: { label: string; column: string }[];
}

/** The report, with the file and what the reader had to say about it. */
export type EvaluateFileReport = PredictionsReport & { file: string; csv: CsvReadSummary };

/** Streams the file once and evaluates its predictions. */
export async function evaluateFile(
  file: string,
  options: EvaluateFileOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<EvaluateFileReport> {
  const evaluator = new PredictionsEvaluator({
    ...options,
    ...(options.classScores ? { scoreLabels: options.classScores.map((c) => c.label) } : {}),
  });
  let truth = -1;
  let predicted = -1;
  let score = -1;
  let classScoreColumns: number[] | undefined;
  const csv = await read(
    file,
    {
      header: (cells) => {
        truth = columnIndex(cells, options.truth, file, 'truth');
        predicted = columnIndex(cells, options.predicted, file, 'prediction');
        if (options.score !== undefined) score = columnIndex(cells, options.score, file, 'score');
        classScoreColumns = options.classScores?.map((c) => columnIndex(cells, c.column, file, `score (${c.label})`));
      },
      row: (cells, line) => {
        evaluator.add(
          cells[truth] ?? '',
          cells[predicted] ?? '',
          score === -1 ? undefined : (cells[score] ?? ''),
          line,
          classScoreColumns?.map((i) => cells[i] ?? ''),
        );
      },
    },
    control,
  );
  const report = await runJobSteps(evaluator.finishSteps(), control);
  return { ...report, file, csv };
}
