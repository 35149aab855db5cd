import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LSPErrorCodes,
  ProgressType,
  ResponseError,
  type CancellationToken,
  type Connection,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { MetricInputError } from '../../core/src/metrics/types';
import {
  JobErrorCode,
  JobMethods,
  ProfileCsvErrorCode,
  ProfileCsvMethod,
  type CompareResult,
  type EvaluateResult,
  type JobMethod,
  type ProfileCsvParams,
  type ProfileCsvPartialResult,
  type ProfileCsvResult,
} from '../../core/src/protocol/lsp';
import { abFile, type AbFileOptions, type AbFileReport } from './engine/jobs/ab';
import {
  LEARNED_CLASS_BASELINE,
  LEARNED_REGRESSION_BASELINE,
  baselineFile,
  type BaselineFileOptions,
  type BaselineFileReport,
} from './engine/jobs/baseline';
import { compareFile, type CompareFileOptions, type CompareFileReport } from './engine/jobs/compare';
import { driftFiles, type DriftFilesOptions, type DriftFilesReport } from './engine/jobs/drift';
import { evaluateFile, type EvaluateFileOptions, type EvaluateFileReport } from './engine/jobs/evaluate';
import { readCsvFile } from './engine/jobs/reader';
import { JobInputError, type CsvReader, type ReadControl } from './engine/jobs/source';
import {
  CsvEncodingError,
  CsvInputError,
  CsvReadCancelled,
  profileCsvFile,
  type CsvInputProblem,
} from './engine/readCsv';
import { uriToPath } from './uri';

/** The `$/progress` payload of mlguide/profileCsv's partial results. */
const ProfileCsvPartialResultType = new ProgressType<ProfileCsvPartialResult>();

/** What the engine's requests read from the server's settings and the client's capabilities. */
export interface EngineRequestSettings {
  /** Files larger than this many bytes together get server-created progress. */
  progressThreshold: () => number;
  /** Whether the client accepts `window/workDoneProgress/create`. */
  serverProgressSupported: () => boolean;
}

/** The engine's requests: mlguide/profileCsv and the evaluation jobs, with shared progress and cancellation. */
export function registerEngineRequests(connection: Connection, settings: EngineRequestSettings): void {
  /**
   * Runs `work` with the progress and cancellation every file request shares: work-done
   * progress on the client's token, or on a server-created one when `files` together are larger
   * than the threshold, as the percentage of bytes read over all of them; `$/cancelRequest` seen
   * by `isCancelled`; errors mapped to ResponseErrors by `errorFor` (cancellation first).
   */
  const runFileTask = async <T>(
    task: {
      title: string;
      files: readonly string[];
      /** How many times each file is read (default once): progress is over all the reads. */
      reads?: readonly number[];
      workDoneToken: unknown;
      token: CancellationToken;
    },
    work: (tracker: ReadTracker) => Promise<T>,
    errorFor: (error: unknown) => ResponseError | undefined,
  ): Promise<T | ResponseError> => {
    let progress: WorkDoneProgressReporter | undefined;
    try {
      // Small files finish before a progress notification would be worth showing.
      const sizes = await Promise.all(
        task.files.map((file) =>
          fs.stat(file).then(
            (stat) => stat.size,
            () => 0,
          ),
        ),
      );
      const total = sizes.reduce((sum, size, i) => sum + size * (task.reads?.[i] ?? 1), 0);
      const workDoneToken = task.workDoneToken;
      if (typeof workDoneToken === 'string' || typeof workDoneToken === 'number') {
        progress = connection.window.attachWorkDoneProgress(workDoneToken);
      } else if (total > settings.progressThreshold() && settings.serverProgressSupported()) {
        progress = await connection.window.createWorkDoneProgress();
      }
      progress?.begin(task.title, 0, undefined, true);
      // Bytes read of each read so far; a job reads its files one after the other.
      const reads: number[] = [];
      let lastPercent = 0;
      const tracker: ReadTracker = {
        isCancelled: () => task.token.isCancellationRequested,
        onRead: () => {
          const slot = reads.push(0) - 1;
          return (read, fileTotal) => {
            reads[slot] = read;
            const done = reads.reduce((sum, r) => sum + r, 0);
            const all = Math.max(total, done, fileTotal, 1);
            const percent = Math.min(100, Math.floor((100 * done) / all));
            if (!progress || percent === lastPercent) return;
            lastPercent = percent;
            progress.report(percent, `${formatBytes(done)} of ${formatBytes(all)}`);
          };
        },
      };
      const result = await work(tracker);
      // A job may finish its computing after the cancellation came: the client wants no result.
      if (task.token.isCancellationRequested) {
        return new ResponseError(LSPErrorCodes.RequestCancelled, `${task.title}: cancelled`);
      }
      return result;
    } catch (error) {
      if (error instanceof CsvReadCancelled || task.token.isCancellationRequested) {
        return new ResponseError(LSPErrorCodes.RequestCancelled, error instanceof Error ? error.message : 'cancelled');
      }
      const mapped = errorFor(error);
      if (mapped) return mapped;
      throw error;
    } finally {
      progress?.done();
    }
  };

  // Parameters come from any LSP client: checked, not trusted.
  connection.onRequest(ProfileCsvMethod, async (params: Partial<ProfileCsvParams> | null, token: CancellationToken) => {
    const file = uriToPath(params?.uri);
    if (!params || !file) {
      return new ResponseError(
        ProfileCsvErrorCode.Unreadable,
        `mlguide/profileCsv: params.uri must be a file: URI, got ${JSON.stringify(params?.uri ?? null)}`,
      );
    }
    return runFileTask(
      { title: `Profiling ${path.basename(file)}`, files: [file], workDoneToken: params.workDoneToken, token },
      async (tracker) => {
        const uri = pathToFileURL(file).href;
        const partialToken = params.partialResultToken;
        const result = await profileCsvFile(file, {
          ...(typeof params.delimiter === 'string' && params.delimiter ? { delimiter: params.delimiter } : {}),
          isCancelled: tracker.isCancelled,
          onProgress: tracker.onRead(),
          ...(typeof partialToken === 'string' || typeof partialToken === 'number'
            ? {
                onPartialProfile: (partial) => {
                  const value: ProfileCsvPartialResult = { ...partial, uri, partial: true };
                  void connection.sendProgress(ProfileCsvPartialResultType, partialToken, value);
                },
              }
            : {}),
        });
        const response: ProfileCsvResult = { ...result, uri };
        return response;
      },
      (error) =>
        error instanceof CsvInputError ? new ResponseError(csvInputCode(error.problem), error.message) : undefined,
    );
  });

  // The evaluation jobs: one registration over the table of jobs.
  for (const method of JobMethods) {
    const job = JOBS[method];
    connection.onRequest(method, async (raw: unknown, token: CancellationToken) => {
      const params: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
      let files: Record<string, string>;
      let run: PreparedJob;
      try {
        files = jobFiles(params, job.uris);
        run = job.prepare(params);
      } catch (error) {
        if (error instanceof JobParamsError) {
          return new ResponseError(JobErrorCode.InvalidJobParams, `${method}: ${error.message}`);
        }
        throw error;
      }
      const named = Object.values(files);
      const delimiter = typeof params.delimiter === 'string' && params.delimiter ? params.delimiter : undefined;
      const reads = job.reads?.(params, files);
      return runFileTask(
        {
          title: `${job.title} ${named.map((f) => path.basename(f)).join(' and ')}`,
          files: named,
          ...(reads ? { reads } : {}),
          workDoneToken: params.workDoneToken,
          token,
        },
        (tracker) => {
          // The jobs' reader, with progress counted over every file the job reads.
          const read: CsvReader = (file, sink, control) =>
            readCsvFile(file, sink, { ...control, onProgress: tracker.onRead() });
          const control: ReadControl = { ...(delimiter ? { delimiter } : {}), isCancelled: tracker.isCancelled };
          return run(files, read, control);
        },
        (error) => jobError(method, named, error),
      );
    });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}

function csvInputCode(problem: CsvInputProblem): number {
  return {
    unreadable: ProfileCsvErrorCode.Unreadable,
    empty: ProfileCsvErrorCode.Empty,
    binary: ProfileCsvErrorCode.Binary,
  }[problem];
}

/** What {@link runFileTask}'s work gets: the cancellation check, and a progress callback per read. */
interface ReadTracker {
  isCancelled: () => boolean;
  /** A new progress callback for the next file read (bytes read of that file, its size). */
  onRead: () => (bytesRead: number, totalBytes: number) => void;
}

/** Parameters a job request cannot run with; answered with {@link JobErrorCode.InvalidJobParams}. */
class JobParamsError extends Error {
  override readonly name = 'JobParamsError';
}

/** Runs a job whose parameters were checked, on the paths of its URI parameters. */
type PreparedJob = (files: Record<string, string>, read: CsvReader, control: ReadControl) => Promise<unknown>;

/** One job method: its URI parameters (required, or optional with `?`) and its preparation. */
interface JobEntry {
  /** Progress title, followed by the files' names. */
  title: string;
  /** Names of the parameters holding `file:` URIs; `?` marks an optional one. */
  uris: readonly string[];
  /** Checks the parameters, taking only the known options; throws {@link JobParamsError}. */
  prepare: (params: Record<string, unknown>) => PreparedJob;
  /** How many times the job reads each of its files (in the order of `uris`); default once. */
  reads?: (params: Record<string, unknown>, files: Record<string, string>) => number[];
}

/** The typed result of each job method (the job's report). */
export interface JobResults {
  'mlguide/evaluate': EvaluateFileReport;
  'mlguide/baseline': BaselineFileReport;
  'mlguide/compare': CompareFileReport;
  'mlguide/ab': AbFileReport;
  'mlguide/drift': DriftFilesReport;
}

// The protocol's result types must describe what the jobs return.
type Assignable<T extends U, U> = T;
export type CheckedJobResults = [
  Assignable<EvaluateFileReport, EvaluateResult>,
  Assignable<CompareFileReport, CompareResult>,
];

/** Copies the parameters named in `keys` that are present; `required` ones must be non-empty strings. */
function pick<K extends string>(
  params: Record<string, unknown>,
  required: readonly K[],
  keys: readonly string[],
): Record<K, string> & Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const key of required) {
    const value = params[key];
    if (typeof value !== 'string' || value === '') {
      throw new JobParamsError(`params.${key} must be a column name, got ${JSON.stringify(value ?? null)}`);
    }
    options[key] = value;
  }
  for (const key of keys) if (params[key] !== undefined && params[key] !== null) options[key] = params[key];
  return options as Record<K, string> & Record<string, unknown>;
}

const BOOTSTRAPPED = ['bootstrap', 'labels', 'positive', 'beta', 'zeroDivision'] as const;

/** The learned baselines' strategy names (they read the features after the target). */
const LEARNED_BASELINES = [LEARNED_CLASS_BASELINE, LEARNED_REGRESSION_BASELINE];

/** Method → how its parameters become the job's arguments. */
const JOBS: { [M in JobMethod]: JobEntry } = {
  'mlguide/evaluate': {
    title: 'Evaluating',
    uris: ['uri'],
    prepare: (params) => {
      const options = pick(
        params,
        ['truth', 'predicted'],
        ['score', 'classScores', 'task', 'thresholds', ...BOOTSTRAPPED],
      ) as EvaluateFileOptions;
      return (files, read, control) => evaluateFile(files.uri ?? '', options, read, control);
    },
  },
  'mlguide/baseline': {
    title: 'Baselines of',
    uris: ['uri', 'testUri?'],
    // The target is read from each file; a learned baseline reads features from the training
    // file and from the test file (the same file for a hold-out or k-fold) once more.
    reads: (params, files) => {
      const strategies = params.strategies;
      const learned = Array.isArray(strategies) ? strategies.some((s) => LEARNED_BASELINES.includes(String(s))) : true;
      const extra = learned ? 1 : 0;
      return files.testUri !== undefined ? [1 + extra, 1 + extra] : [1 + 2 * extra];
    },
    prepare: (params) => {
      const options = pick(
        params,
        ['target'],
        ['task', 'strategies', 'folds', 'testFraction', 'stratify', 'seed', 'positive', 'beta', 'bootstrap'],
      ) as BaselineFileOptions;
      return (files, read, control) =>
        baselineFile(
          files.uri ?? '',
          { ...options, ...(files.testUri !== undefined ? { test: files.testUri } : {}) },
          read,
          control,
        );
    },
  },
  'mlguide/compare': {
    title: 'Comparing models in',
    uris: ['uri', 'otherUri?'],
    prepare: (params) => {
      const options = pick(params, ['truth', 'a', 'b'], [...BOOTSTRAPPED, 'joinOn']) as CompareFileOptions;
      return (files, read, control) =>
        compareFile(
          files.uri ?? '',
          { ...options, ...(files.otherUri !== undefined ? { other: files.otherUri } : {}) },
          read,
          control,
        );
    },
  },
  'mlguide/ab': {
    title: 'A/B test of',
    uris: ['uri'],
    prepare: (params) => {
      const options = pick(
        params,
        ['variant', 'outcome'],
        ['control', 'confidence', 'minimumDetectableEffect', 'power', 'alpha', 'seed'],
      ) as AbFileOptions;
      return (files, read, control) => abFile(files.uri ?? '', options, read, control);
    },
  },
  'mlguide/drift': {
    title: 'Drift of',
    uris: ['referenceUri', 'currentUri'],
    prepare: (params) => {
      const options = pick(params, [], ['columns', 'thresholds']) as DriftFilesOptions;
      return (files, read, control) =>
        driftFiles(files.referenceUri ?? '', files.currentUri ?? '', options, read, control);
    },
  },
};

/** The paths of a job's `file:` URI parameters. */
function jobFiles(params: Record<string, unknown>, uris: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const spec of uris) {
    const optional = spec.endsWith('?');
    const key = optional ? spec.slice(0, -1) : spec;
    const value = params[key];
    if (optional && (value === undefined || value === null)) continue;
    const file = uriToPath(value);
    if (!file) {
      throw new JobParamsError(`params.${key} must be a file: URI, got ${JSON.stringify(value ?? null)}`);
    }
    files[key] = file;
  }
  return files;
}

/** A job's error as a ResponseError whose message names the file; undefined for an unexpected one. */
function jobError(method: string, files: readonly string[], error: unknown): ResponseError | undefined {
  const named = (message: string): string =>
    files.some((f) => message.includes(f)) ? message : `${files.join(', ')}: ${message}`;
  if (error instanceof CsvEncodingError) return new ResponseError(JobErrorCode.Encoding, error.message);
  if (error instanceof CsvInputError) return new ResponseError(csvInputCode(error.problem), error.message);
  if (error instanceof JobInputError || error instanceof MetricInputError || error instanceof RangeError) {
    return new ResponseError(JobErrorCode.InvalidJobParams, `${method}: ${named(error.message)}`);
  }
  return undefined;
}
