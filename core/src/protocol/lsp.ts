/**
 * mlguide's custom language-server messages: the one place their names, parameters and results
 * are defined. The server (`server/src/lintServer.ts`) and the client
 * (`client/src/languageClient.ts`) both import these, so a change here breaks both at compile
 * time. Other editors' LSP clients can send the same requests (see README "Other editors").
 */
import type { BootstrapOptions } from '../bootstrap';
import type { PairedComparisonOptions, PairedComparisonReport } from '../compare/paired';
import type { DriftThresholds } from '../drift/verdict';
import type { EvaluationTask, PredictionsEvaluationOptions, PredictionsReport } from '../evaluate';
import type { CsvProfile } from '../profile/profile';

/**
 * `mlguide/profileCsv` — client → server request.
 *
 * Why: profiling reads the whole file, so it runs in the server process, never in the extension
 * host or a webview. The server streams the file from disk with papaparse.
 *
 * Progress: when the client sends a `workDoneToken`, or the file is larger than
 * `progressThresholdBytes`, the server reports work-done progress (percentage of bytes read).
 * Partial results: when the request carries a `partialResultToken`, the server sends the profile
 * of the rows read so far as `$/progress` notifications on that token, each a
 * {@link ProfileCsvPartialResult} (`partial: true`, `rows` so far, `bytesRead`), at most every
 * 250 ms and every 4 MiB read, in order and with growing row counts — so a panel on a large file
 * fills in as the read goes. The response is still the full {@link ProfileCsvResult} (without
 * `partial`); a small file, read in well under a second, gets no partial result.
 * Cancellation: `$/cancelRequest` stops the read within one chunk; the request then fails with
 * `RequestCancelled` (-32800).
 * Errors: an unreadable, empty or binary file fails with {@link ProfileCsvErrorCode} and a
 * message naming the file; problems inside the file (ragged rows, an unterminated quote) are
 * returned as `warnings` with line numbers.
 */
export const ProfileCsvMethod = 'mlguide/profileCsv';

/** Parameters of {@link ProfileCsvMethod}. */
export interface ProfileCsvParams {
  /** `file:` URI of the CSV file. */
  uri: string;
  /** Field delimiter; detected from the first chunk when omitted. */
  delimiter?: string;
  /** Work-done progress token supplied by the client (LSP `WorkDoneProgressParams`). */
  workDoneToken?: string | number;
  /** Token for partial results (LSP `PartialResultParams`): see {@link ProfileCsvPartialResult}. */
  partialResultToken?: string | number;
}

/** Result of {@link ProfileCsvMethod}. */
export interface ProfileCsvResult extends CsvProfile {
  /** The profiled file, as a `file:` URI. */
  uri: string;
  /** Size of the file in bytes. */
  bytes: number;
}

/**
 * A partial result of {@link ProfileCsvMethod}: the `value` of a `$/progress` notification on the
 * request's `partialResultToken`. The profile of the first `rows` rows, shaped as the final result
 * (every statistic is that of those rows, so counts grow from one partial result to the next).
 */
export interface ProfileCsvPartialResult extends ProfileCsvResult {
  /** Marks a partial result; the final response has no such field. */
  partial: true;
  /** Bytes of the file read so far (of `bytes`). */
  bytesRead: number;
}

/** Error codes of {@link ProfileCsvMethod} (JSON-RPC application range). */
export const ProfileCsvErrorCode = {
  /** The file could not be read (missing, a directory, permissions). */
  Unreadable: 1001,
  /** The file has no content. */
  Empty: 1002,
  /** The file holds binary data (NUL bytes) rather than text. */
  Binary: 1003,
} as const;

/*
 * The evaluation jobs: `mlguide/evaluate`, `mlguide/baseline`, `mlguide/compare`, `mlguide/ab` and
 * `mlguide/drift` — client → server requests, the language-server side of the CLI commands of the
 * same names (docs/cli.md).
 *
 * Who sends them: the editor's evaluation panels, and any LSP client (see README "Other editors").
 * Why: each job streams whole CSV files and may bootstrap thousands of resamples, so it runs in
 * the server process, never in the extension host or a webview (house style, "Where computation
 * runs").
 *
 * Files are given as `file:` URIs; any other scheme fails with
 * {@link JobErrorCode.InvalidJobParams}. Columns are named as in the file's header (an exact
 * match, else the one match ignoring case and surrounding spaces).
 *
 * Result: the job's report, the JSON shape `mlguide <command> --json` prints (docs/cli.md), with
 * its `file` fields holding the server's file-system paths of the files. Evaluate and compare are
 * typed here ({@link EvaluateResult}, {@link CompareResult}); the baseline, A/B and drift reports
 * are typed on the server side (`BaselineFileReport`, `AbFileReport`, `DriftFilesReport` in
 * server/src/engine/jobs).
 *
 * Progress: as {@link ProfileCsvMethod} — with the client's `workDoneToken`, or a server-created
 * progress when the files together are larger than `progressThresholdBytes` — the percentage of
 * bytes read over all the job's files (both files of drift, and of baseline with `testUri`).
 * Partial results: when the request carries a `partialResultToken`, the server sends the profile
 * of the rows read so far as `$/progress` notifications on that token, each a
 * {@link ProfileCsvPartialResult} (`partial: true`, `rows` so far, `bytesRead`), at most every
 * 250 ms and every 4 MiB read, in order and with growing row counts — so a panel on a large file
 * fills in as the read goes. The response is still the full {@link ProfileCsvResult} (without
 * `partial`); a small file, read in well under a second, gets no partial result.
 * Cancellation: `$/cancelRequest` stops the read within one chunk; the request then fails with
 * `RequestCancelled` (-32800). The bootstrap of evaluate and compare, which runs after the read,
 * runs in slices of about 20 ms and stops at the end of the current one.
 * Errors: {@link JobErrorCode}, with a message naming the file (and, for a column that is not
 * there, listing the file's columns). Problems inside a readable file (ragged rows) are returned
 * in the report's `csv.warnings` with line numbers.
 */

/** `mlguide/evaluate`: a predictions file's metrics with bootstrap intervals. See the jobs' comment above. */
export const EvaluateMethod = 'mlguide/evaluate';
/**
 * `mlguide/baseline`: the zero-rule and random baselines of a target column and one learned
 * baseline (Gaussian naive Bayes, or least squares for regression), with intervals.
 */
export const BaselineMethod = 'mlguide/baseline';
/** `mlguide/compare`: two models' predictions on the same rows, paired (McNemar, bootstrap). */
export const CompareMethod = 'mlguide/compare';
/** `mlguide/ab`: an A/B test from logs, one row per user with its variant and outcome. */
export const AbMethod = 'mlguide/ab';
/** `mlguide/drift`: every shared column of a reference file against a current one. */
export const DriftMethod = 'mlguide/drift';

/** The five job methods, in the order above. */
export const JobMethods = [EvaluateMethod, BaselineMethod, CompareMethod, AbMethod, DriftMethod] as const;
export type JobMethod = (typeof JobMethods)[number];

/** What every job request may carry. */
export interface JobRequestParams {
  /** Field delimiter; detected from the first chunk of each file when omitted. */
  delimiter?: string;
  /** Work-done progress token supplied by the client (LSP `WorkDoneProgressParams`). */
  workDoneToken?: string | number;
}

/**
 * Parameters of {@link EvaluateMethod} (the CLI's `evaluate` options). `thresholds` (with
 * `score`) asks for the threshold sweep, `scores.threshold_sweep` in the result: a list of
 * thresholds, or a count g ≥ 2 for an even grid of g thresholds (0 to 1 for probabilities, else
 * over the scores' range); at most 10,001.
 */
export interface EvaluateParams extends JobRequestParams, PredictionsEvaluationOptions {
  /** `file:` URI of the predictions file. */
  uri: string;
  /** Column of the true labels or values. */
  truth: string;
  /** Column of the predictions. */
  predicted: string;
  /** Column of the positive class's score (binary classification). */
  score?: string;
  /** A score column per class (probabilities summing to one): one-vs-rest ROC AUC and log loss. */
  classScores?: { label: string; column: string }[];
}

/** Parameters of {@link BaselineMethod} (the CLI's `baseline` options). */
export interface BaselineParams extends JobRequestParams {
  /** `file:` URI of the data file. */
  uri: string;
  /** The target column. */
  target: string;
  task?: EvaluationTask;
  /**
   * Strategies to run; default all of the task's: the dummy ones and the learned one,
   * `gaussian_nb` (classification) or `linear_regression` (regression), whose result entry carries
   * `learned`: its features, the columns left out and why (see docs/cli.md).
   */
  strategies?: string[];
  /** `file:` URI of a test file with the same target column: fit on `uri`, evaluate on this one. */
  testUri?: string;
  /** k-fold with this many folds. */
  folds?: number;
  /** Hold-out share (default 0.2) when neither `testUri` nor `folds` is given. */
  testFraction?: number;
  /** Stratify the split by class (classification; default true). */
  stratify?: boolean;
  /** Seed of the split and of the random strategies (default 0). */
  seed?: number;
  positive?: string;
  beta?: number;
  bootstrap?: BootstrapOptions | false;
}

/** Parameters of {@link CompareMethod} (the CLI's `compare` options). */
export interface CompareParams extends JobRequestParams, PairedComparisonOptions {
  /** `file:` URI of the predictions file. */
  uri: string;
  /** Column of the true labels. */
  truth: string;
  /** Column of model A (the current one): differences are B − A. */
  a: string;
  /** Column of model B (in `otherUri` when given). */
  b: string;
  /**
   * `file:` URI of a second predictions file holding model B's column; its rows are matched to
   * the first file's by `joinOn` (an id column in both) or by position. The result then has
   * `join: { other, on, unmatched, duplicateIds }`.
   */
  otherUri?: string;
  joinOn?: string;
}

/** Parameters of {@link AbMethod} (the CLI's `ab` options). */
export interface AbParams extends JobRequestParams {
  /** `file:` URI of the logs file. */
  uri: string;
  /** Column of the variant each row saw. */
  variant: string;
  /** Column of the outcome (binary 0/1, true/false, yes/no, or numeric). */
  outcome: string;
  /** The control arm's name; default the first variant in sorted order. */
  control?: string;
  confidence?: number;
  /** A minimum detectable effect (absolute, in rate) for the sample size each arm needs. */
  minimumDetectableEffect?: number;
  power?: number;
  alpha?: number;
  seed?: number;
}

/** Parameters of {@link DriftMethod} (the CLI's `drift` options). */
export interface DriftParams extends JobRequestParams {
  /** `file:` URI of the reference file (the training data). */
  referenceUri: string;
  /** `file:` URI of the current file (a production sample). */
  currentUri: string;
  /** Columns to compare; default every column the two files share. */
  columns?: string[];
  thresholds?: Partial<DriftThresholds>;
}

/** What the reader reports about each file of a job (`csv` in the reports). */
export interface JobCsvSummary {
  delimiter: string;
  bytes: number;
  /** The first reader warnings (ragged rows, an unterminated quote), with their lines. */
  warnings: { line: number; code: string; message: string }[];
  warningCount: number;
}

/**
 * Result of {@link EvaluateMethod}. With a score column, `scores.roc_curve` and
 * `scores.precision_recall_curve` hold at most 1,000 points (`MAX_CURVE_POINTS`): both endpoints
 * and the points where the curve turns most (Ramer–Douglas–Peucker with a budget), each with its
 * threshold; `thinnedFrom` is the full curve's number of points when some were left out. ROC AUC
 * and average precision are computed on the full curves.
 */
export type EvaluateResult = PredictionsReport & { file: string; csv: JobCsvSummary };

/** Result of {@link CompareMethod}. */
export type CompareResult = PairedComparisonReport & {
  file: string;
  skippedRows: number;
  csv: JobCsvSummary;
  /** With `otherUri`: how the rows of the two files were matched. */
  join?: { other: string; on: string; unmatched: number; duplicateIds: number };
};

/** Error codes of the job methods (JSON-RPC application range, shared with {@link ProfileCsvErrorCode}). */
export const JobErrorCode = {
  ...ProfileCsvErrorCode,
  /**
   * The request asks for something the file cannot give or the job cannot do: a column that is
   * not there (the message lists the file's columns), an option out of range, a non-`file:` URI,
   * a missing parameter, labels a metric cannot use.
   */
  InvalidJobParams: 1004,
  /** The file is neither UTF-8 nor UTF-16 with a byte-order mark (Latin-1, Windows-1252…). */
  Encoding: 1005,
} as const;
