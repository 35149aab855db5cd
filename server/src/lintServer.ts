import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
  type ProfileCsvResult,
} from '../../core/src/protocol/lsp';
import { abFile, type AbFileOptions, type AbFileReport } from './engine/jobs/ab';
import { baselineFile, type BaselineFileOptions, type BaselineFileReport } from './engine/jobs/baseline';
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
import { countLinkedData, insertSectionEdit } from './fixes';
import { DEFAULT_CARD_GLOBS, datasetCardKind, lintDatasetCard, type LintFinding } from './lint';
import { fileDirectiveLine, suppressionComment } from './suppress';
import { CONFIG_NAMES, configFor, parseConfig, setOpenConfig, type RuleSeverity } from './config';
import { headingCompletions } from './completion';
import { headingHover } from './hover';
import { toDiagnostic } from './toDiagnostic';

/**
 * The `mlguide.*` settings the server uses, sent by the client in `initializationOptions` and
 * again in `workspace/didChangeConfiguration` (`{ settings: { mlguide: … } }`) when they change.
 */
export interface MlguideInitializationOptions {
  cardGlobs?: string[];
  progressThresholdBytes?: number;
  /** Severity by rule id or alias: off | info | warning | error (setting `mlguide.rules`). */
  rules?: Record<string, string>;
}

/** The `mlguide` section of the settings, as VS Code's configuration sync sends it. */
interface MlguideSettingsSection {
  cards?: { globs?: unknown };
  profile?: { progressThresholdBytes?: unknown };
  rules?: unknown;
}

/** What a quick fix carries between `codeAction` and `codeAction/resolve`. */
interface FixData {
  uri: string;
  version: number;
  ruleId: string;
  index: number;
}

const DEFAULT_PROGRESS_THRESHOLD = 4_000_000;
const LINT_DELAY_MS = 150;

/** Wires mlguide's language features to a connection (stdio, IPC, or in-memory streams). */
export function startLintServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const findings = new Map<string, { version: number; findings: LintFinding[]; kind?: 'markdown' | 'yaml' }>();
  const pending = new Map<string, NodeJS.Timeout>();
  let cardGlobs: readonly string[] = DEFAULT_CARD_GLOBS;
  let progressThreshold = DEFAULT_PROGRESS_THRESHOLD;
  let resolveSupported = false;
  let serverProgressSupported = false;

  const lint = (document: TextDocument): void => {
    const file = uriToPath(document.uri);
    const text = document.getText();
    if (file && CONFIG_NAMES.includes(path.basename(file))) {
      // The project's .mlguide.yaml itself: its mistakes, where they are.
      const config = parseConfig(text, file);
      setOpenConfig(file, config);
      const { problems } = config;
      void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: problems.map((problem) => ({
          range: {
            start: { line: problem.line - 1, character: 0 },
            end: { line: problem.line - 1, character: Number.MAX_SAFE_INTEGER },
          },
          severity: DiagnosticSeverity.Warning,
          source: 'mlguide',
          code: 'config',
          message: problem.message,
        })),
      });
      // Cards already open may follow other severities now.
      for (const other of documents.all()) if (other.uri !== document.uri && findings.has(other.uri)) lintCard(other);
      return;
    }
    lintCard(document);
  };

  const lintCard = (document: TextDocument): void => {
    const file = uriToPath(document.uri);
    const text = document.getText();
    const kind = file ? datasetCardKind(file, text, cardGlobs) : undefined;
    // The project's .mlguide.yaml, then the user's `mlguide.rules` setting on top.
    const severities = { ...(file ? configFor(file).rules : {}), ...ruleSeverities };
    const current = kind ? lintDatasetCard(text, kind, severities) : [];
    const previous = findings.get(document.uri);
    findings.set(document.uri, { version: document.version, findings: current, ...(kind ? { kind } : {}) });
    if (current.length === 0 && (!previous || previous.findings.length === 0) && !kind) return;
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: current.map((finding) => toDiagnostic(finding)),
    });
  };

  // Settings come from any client: only well-formed values are taken.
  let ruleSeverities: Record<string, RuleSeverity> = {};
  const applySettings = (globs: unknown, threshold: unknown, rules?: unknown): void => {
    if (Array.isArray(globs)) cardGlobs = globs.filter((g): g is string => typeof g === 'string');
    if (typeof threshold === 'number' && threshold >= 0) progressThreshold = threshold;
    if (typeof rules === 'object' && rules !== null) {
      // The same checks as a .mlguide.yaml's `rules:`, by way of its parser.
      ruleSeverities = parseConfig(JSON.stringify({ rules })).rules;
    }
  };

  let pullSettings = false;
  let registerForChanges = false;
  const applySection = (section: MlguideSettingsSection | null | undefined): void => {
    applySettings(section?.cards?.globs, section?.profile?.progressThresholdBytes, section?.rules);
    // Which files are cards may have changed: lint every open document again.
    for (const document of documents.all()) lint(document);
  };
  const refreshSettings = async (): Promise<void> => {
    try {
      applySection((await connection.workspace.getConfiguration('mlguide')) as MlguideSettingsSection | null);
    } catch (error) {
      connection.console.warn(
        `mlguide: could not read settings: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as MlguideInitializationOptions;
    applySettings(options.cardGlobs, options.progressThresholdBytes, options.rules);
    pullSettings = params.capabilities.workspace?.configuration ?? false;
    registerForChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration ?? false;
    resolveSupported =
      params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    serverProgressSupported = params.capabilities.window?.workDoneProgress ?? false;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', ' '] },
      },
      serverInfo: { name: 'mlguide' },
    };
  });

  documents.onDidOpen((event) => lint(event.document));

  // Settings: pulled with workspace/configuration where the client can (VS Code), pushed in the
  // notification by clients that cannot (`{ settings: { mlguide: … } }`).
  connection.onInitialized(() => {
    if (registerForChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { mlguide?: MlguideSettingsSection } | null)?.mlguide;
    if (pushed) applySection(pushed);
    else if (pullSettings) void refreshSettings();
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    // Also fired on open, which onDidOpen has just linted: nothing new to lint then.
    if (findings.get(uri)?.version === event.document.version) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const document = documents.get(uri);
        if (document) lint(document);
      }, LINT_DELAY_MS),
    );
  });
  documents.onDidClose((event) => {
    const closed = uriToPath(event.document.uri);
    if (closed && CONFIG_NAMES.includes(path.basename(closed))) setOpenConfig(closed, undefined);
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    findings.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const resolveFix = async (action: CodeAction, data: FixData, token?: CancellationToken): Promise<CodeAction> => {
    const document = documents.get(data.uri);
    const finding = findings.get(data.uri)?.findings[data.index];
    const file = uriToPath(data.uri);
    if (!document || document.version !== data.version || !finding?.fix || !file) return action;
    const text = document.getText();
    const counted = await countLinkedData(file, text, () => token?.isCancellationRequested ?? false);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const today = new Date().toISOString().slice(0, 10);
    const edit = insertSectionEdit(finding.fix, text.split(/\r?\n/), counted, today, eol);
    return { ...action, edit: { changes: { [data.uri]: [edit] } } };
  };

  connection.onCodeAction(async (params, token) => {
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!current || !document || current.version !== document.version) return [];
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const lines = document.getText().split(/\r?\n/);
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    const kind = current.kind ?? 'markdown';
    for (const diagnostic of params.context.diagnostics) {
      const index = current.findings.findIndex((f) => matches(f, diagnostic));
      const finding = current.findings[index];
      if (!finding) continue;
      if (finding.fix) {
        const data: FixData = { uri: document.uri, version: document.version, ruleId: finding.ruleId, index };
        const action: CodeAction = {
          title: finding.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          data,
        };
        // Counting the linked data reads files, so it waits for resolve when the client supports it.
        fixes.push(resolveSupported ? action : await resolveFix(action, data, token));
      }
      // Switching the rule off, for this line or the whole file, with a comment the card keeps.
      const name = `${finding.ruleId} (${finding.alias})`;
      for (const [scope, title, line] of [
        ['next-line', `Disable ${name} for this line`, finding.range.start.line],
        ['file', `Disable ${name} for this file`, fileDirectiveLine(lines, kind)],
      ] as const) {
        const at = { line, character: 0 };
        disables.push({
          title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {
            changes: {
              [document.uri]: [
                { range: { start: at, end: at }, newText: `${suppressionComment(kind, scope, finding.ruleId)}${eol}` },
              ],
            },
          },
        });
      }
    }
    // The fixes first: an editor offers the first (preferred) one at once.
    return [...fixes, ...disables];
  });

  connection.onHover((params) => {
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    // Only Markdown cards have headings to explain.
    if (!document || current?.kind !== 'markdown') return null;
    const hover = headingHover(document.getText(), params.position);
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCompletion((params) => {
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!document || current?.kind !== 'markdown') return [];
    const { line, character } = params.position;
    return headingCompletions(document.getText(), params.position).map((c) => ({
      label: c.label,
      kind: CompletionItemKind.Keyword,
      detail: c.detail,
      documentation: { kind: 'markdown' as const, value: c.documentation },
      sortText: c.sortText,
      filterText: c.insertText,
      textEdit: {
        range: { start: { line, character: c.replaceFrom }, end: { line, character } },
        newText: c.insertText,
      },
    }));
  });

  connection.onCodeActionResolve(async (action, token) => {
    const data = action.data as FixData | undefined;
    return data ? resolveFix(action, data, token) : action;
  });

  /**
   * Runs `work` with the progress and cancellation every file request shares: work-done
   * progress on the client's token, or on a server-created one when `files` together are larger
   * than the threshold, as the percentage of bytes read over all of them; `$/cancelRequest` seen
   * by `isCancelled`; errors mapped to ResponseErrors by `errorFor` (cancellation first).
   */
  const runFileTask = async <T>(
    task: { title: string; files: readonly string[]; workDoneToken: unknown; token: CancellationToken },
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
      const total = sizes.reduce((sum, size) => sum + size, 0);
      const workDoneToken = task.workDoneToken;
      if (typeof workDoneToken === 'string' || typeof workDoneToken === 'number') {
        progress = connection.window.attachWorkDoneProgress(workDoneToken);
      } else if (total > progressThreshold && serverProgressSupported) {
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
        const result = await profileCsvFile(file, {
          ...(typeof params.delimiter === 'string' && params.delimiter ? { delimiter: params.delimiter } : {}),
          isCancelled: tracker.isCancelled,
          onProgress: tracker.onRead(),
        });
        const response: ProfileCsvResult = { ...result, uri: pathToFileURL(file).href };
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
      return runFileTask(
        {
          title: `${job.title} ${named.map((f) => path.basename(f)).join(' and ')}`,
          files: named,
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

  documents.listen(connection);
  connection.listen();
}

function matches(finding: LintFinding, diagnostic: Diagnostic): boolean {
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character
  );
}

function uriToPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
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
    uris: ['uri'],
    prepare: (params) => {
      const options = pick(params, ['truth', 'a', 'b'], BOOTSTRAPPED) as CompareFileOptions;
      return (files, read, control) => compareFile(files.uri ?? '', options, read, control);
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
