/**
 * What the jobs (evaluate, baseline, compare, ab, drift) need from the CSV reader: rows of text
 * cells with the file line each starts on, streamed once, with cancellation and progress.
 */
import { runSteps, runStepsAsync, type Steps } from '../../../../core/src/bootstrap/steps';

/** Receives a file's header, then its data rows. */
export interface CsvRowSink {
  header(cells: readonly string[], line: number): void;
  row(cells: readonly string[], line: number): void;
}

/** What reading a file reports besides its rows. */
export interface CsvReadSummary {
  delimiter: string;
  bytes: number;
  /** Reader warnings (ragged rows, an unterminated quote), the first ones with their lines. */
  warnings: { line: number; code: string; message: string }[];
  warningCount: number;
}

/** Options every job passes on to the reader. */
export interface ReadControl {
  delimiter?: string;
  isCancelled?: () => boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/**
 * Runs a job's computing steps (an evaluator's `finishSteps()`, see core/src/bootstrap/steps.ts):
 * straight through when nothing can cancel the job (the CLI), else in slices that let the
 * language server read `$/cancelRequest` between them and stop with `StepsCancelled` once
 * `isCancelled` says so — a bootstrap of a million resamples must not outlive its request.
 */
export async function runJobSteps<T>(steps: Steps<T>, control: ReadControl): Promise<T> {
  const isCancelled = control.isCancelled;
  if (!isCancelled) return runSteps(steps);
  return runStepsAsync(steps, { isCancelled, pause: () => new Promise<void>((resolve) => setImmediate(resolve)) });
}

/** Streams `file` into `sink`; rejects with the reader's input errors (empty, binary, unreadable…). */
export type CsvReader = (file: string, sink: CsvRowSink, control: ReadControl) => Promise<CsvReadSummary>;

/** A problem with what a job was asked (a column that is not there, an option out of range). */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
}

/**
 * The index of column `name` in `header`: an exact match, else the one match ignoring case and
 * surrounding spaces. The error names the file and lists the columns it has.
 */
export function columnIndex(header: readonly string[], name: string, file: string, role: string): number {
  const exact = header.indexOf(name);
  if (exact !== -1) return exact;
  const wanted = name.trim().toLowerCase();
  const loose = header.flatMap((h, i) => (h.trim().toLowerCase() === wanted ? [i] : []));
  if (loose.length === 1) return loose[0] as number;
  const shown = header.length > 30 ? `${header.slice(0, 30).join(', ')}, …` : header.join(', ');
  throw new JobInputError(`${file}: no ${role} column "${name}"; its columns are: ${shown}`);
}
