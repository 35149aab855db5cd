/**
 * Evaluation of a predictions file's columns, as the CLI and the language server read them:
 * cells arrive as text; rows with a missing truth, prediction or score are skipped and counted;
 * the task is classification or regression as asked, or decided from the data (`auto`).
 */
import { runSteps, runStepsAsync, type StepControl, type Steps } from '../bootstrap/steps';
import { isMissing } from '../csv/missing';
import { MAX_LABELS, MetricInputError } from '../metrics';
import {
  ClassificationEvaluator,
  type ClassificationEvaluationOptions,
  type ClassificationReport,
} from './classification';
import { RegressionEvaluator, type RegressionReport } from './regression';

/** Which evaluation to run. */
export type EvaluationTask = 'classification' | 'regression' | 'auto';

/**
 * `auto` takes regression when every truth and prediction is a number and the truth has more
 * than this many distinct values; classification otherwise.
 */
export const AUTO_REGRESSION_MIN_DISTINCT = 20;

/** Options of {@link PredictionsEvaluator}. */
export interface PredictionsEvaluationOptions extends ClassificationEvaluationOptions {
  task?: EvaluationTask;
}

/** A row left out of the evaluation, with the 1-based file line it is on. */
export interface SkippedRow {
  line: number;
  reason: string;
}

/** The report with what was left out. */
export type PredictionsReport = (ClassificationReport | RegressionReport) & {
  skippedRows: number;
  /** The first skipped rows (at most {@link MAX_SKIPPED_SHOWN}). */
  skipped: SkippedRow[];
};

export const MAX_SKIPPED_SHOWN = 20;

/** Feeds text cells to a classification and/or regression evaluator. */
export class PredictionsEvaluator {
  private readonly task: EvaluationTask;
  private classification: ClassificationEvaluator | undefined;
  private regression: RegressionEvaluator | undefined;
  private readonly truthValues = new Set<string>();
  private skippedRows = 0;
  private readonly skipped: SkippedRow[] = [];
  private classificationProblem: string | undefined;
  private regressionProblem: string | undefined;

  constructor(private readonly options: PredictionsEvaluationOptions = {}) {
    this.task = options.task ?? 'auto';
    if (this.task !== 'regression') this.classification = new ClassificationEvaluator(options);
    if (this.task !== 'classification') {
      this.regression = new RegressionEvaluator(
        options.bootstrap === undefined ? {} : { bootstrap: options.bootstrap },
      );
    }
  }

  private skip(line: number, reason: string): void {
    this.skippedRows++;
    if (this.skipped.length < MAX_SKIPPED_SHOWN) this.skipped.push({ line, reason });
  }

  /**
   * Adds one row's cells (`score` only when a score column was given; `classScores` when a score
   * column per class was, in the order of the `scoreLabels` option), found on `line`.
   */
  add(
    truth: string,
    predicted: string,
    score: string | undefined,
    line: number,
    classScores?: readonly string[],
  ): void {
    if (
      isMissing(truth) ||
      isMissing(predicted) ||
      (score !== undefined && isMissing(score)) ||
      classScores?.some((cell) => isMissing(cell))
    ) {
      this.skip(line, 'a missing truth, prediction or score');
      return;
    }
    let classScoreValues: number[] | undefined;
    if (classScores !== undefined) {
      classScoreValues = classScores.map(Number);
      const bad = classScores.find((cell, i) => cell.trim() === '' || !Number.isFinite(classScoreValues?.[i]));
      if (bad !== undefined) {
        this.skip(line, `the class score "${bad}" is not a number`);
        return;
      }
    }
    let scoreValue: number | undefined;
    if (score !== undefined) {
      scoreValue = Number(score);
      if (!Number.isFinite(scoreValue)) {
        this.skip(line, `the score "${score}" is not a number`);
        return;
      }
    }
    if (this.regression) {
      const y = Number(truth);
      const yHat = Number(predicted);
      if (Number.isFinite(y) && Number.isFinite(yHat) && truth.trim() !== '' && predicted.trim() !== '') {
        this.regression.add(y, yHat);
      } else if (this.task === 'regression') {
        this.skip(line, `"${Number.isFinite(y) ? predicted : truth}" is not a number`);
        return;
      } else {
        this.regressionProblem = `"${Number.isFinite(y) ? predicted : truth}" (line ${line}) is not a number`;
        this.regression = undefined;
      }
    }
    if (this.classification) {
      try {
        this.classification.add(truth, predicted, scoreValue, classScoreValues);
        if (this.truthValues.size <= AUTO_REGRESSION_MIN_DISTINCT) this.truthValues.add(truth);
      } catch (error) {
        if (!(error instanceof MetricInputError) || this.task === 'classification') throw error;
        this.classificationProblem = `more than ${MAX_LABELS} distinct labels`;
        this.classification = undefined;
      }
    }
    if (!this.classification && !this.regression) {
      throw new MetricInputError(
        `the columns are neither class labels (${this.classificationProblem ?? 'no classes'}) nor numbers (${this.regressionProblem ?? 'no numbers'})`,
      );
    }
  }

  /** The report of the task asked for, or decided. */
  finish(): PredictionsReport {
    return runSteps(this.finishSteps());
  }

  /** {@link finish} in slices that give the event loop a turn and stop on a cancellation. */
  finishAsync(control: StepControl): Promise<PredictionsReport> {
    return runStepsAsync(this.finishSteps(), control);
  }

  /** {@link finish} as steps (see core/src/bootstrap/steps.ts). */
  *finishSteps(): Steps<PredictionsReport> {
    const regression =
      this.task === 'regression' ||
      (this.task === 'auto' &&
        this.regression !== undefined &&
        (this.classification === undefined || this.truthValues.size > AUTO_REGRESSION_MIN_DISTINCT));
    const evaluator = regression ? this.regression : this.classification;
    if (!evaluator || evaluator.count === 0) {
      throw new MetricInputError(
        this.skippedRows > 0 ? `every row was skipped (${this.skipped[0]?.reason ?? ''})` : 'no rows to evaluate',
      );
    }
    const report = yield* evaluator.finishSteps();
    return { ...report, skippedRows: this.skippedRows, skipped: this.skipped };
  }
}
