/**
 * The one contract between the extension host and mlguide's webviews. Every message is a
 * discriminated union on `type`; the webview announces itself with `ready` before the host sends
 * data (messages posted earlier would be lost). Messages from a webview are untrusted input: the
 * host checks them with {@link isWebviewToHostMessage} before acting on them.
 */
import type { ColumnType, CsvProfile } from '../profile/profile';
import type { CompareResult, EvaluateResult } from './lsp';
import type { AbResult, BaselineResult } from './reports';
import type { ChecklistResult } from './checklist';

/** What the profile panel shows: the engine's profile plus where it came from. */
export interface ProfileViewModel {
  /** `file:` URI of the profiled file; the page keeps it so the panel can be restored. */
  uri: string;
  /** Name of the profiled file, for the heading. */
  fileName: string;
  /** Workspace-relative or absolute path, for the tooltip. */
  path: string;
  bytes: number;
  profile: CsvProfile;
}

/**
 * What the profile page keeps with `setState`, so that VS Code can restore the panel after a
 * reload; the host checks it with {@link isProfilePanelState} (it comes from the page).
 */
export interface ProfilePanelState {
  uri: string;
}

/** Runtime guard for a restored profile panel's state. */
export function isProfilePanelState(value: unknown): value is ProfilePanelState {
  return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}

/** Host → webview. */
export type HostToWebviewMessage = { type: 'profile'; model: ProfileViewModel } | { type: 'error'; message: string };

/** Webview → host. */
export type WebviewToHostMessage = { type: 'ready' } | { type: 'refresh' };

/** Runtime guard for messages arriving from a webview. */
export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'refresh';
}

/** Runtime guard for messages arriving in a webview (anything may call `postMessage` on a window). */
export function isHostToWebviewMessage(value: unknown): value is HostToWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; model?: unknown; message?: unknown };
  switch (message.type) {
    case 'profile':
      return typeof message.model === 'object' && message.model !== null;
    case 'error':
      return typeof message.message === 'string';
    default:
      return false;
  }
}

/*
 * The checklist panel (`mlguide.checklist` webview): the project's checklist with each stage's
 * details; the team's changes go back to the host, which sends them to the language server.
 */

/** Host → checklist page. */
export type ChecklistHostMessage =
  { type: 'checklist'; model: ChecklistResult; focusStage?: string } | { type: 'error'; message: string };

/** Checklist page → host. */
export type ChecklistPageMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'setStatus'; itemId: string; status: 'open' | 'done' | 'not-applicable'; reason?: string }
  | { type: 'setNote'; itemId: string; note: string }
  | { type: 'setOwner'; itemId: string; owner: string }
  | { type: 'openEvidence'; uri: string };

const STATUSES = ['open', 'done', 'not-applicable'];

/** Runtime guard for messages arriving from the checklist page (untrusted input). */
export function isChecklistPageMessage(value: unknown): value is ChecklistPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const text = (key: string, max = 2000): boolean => typeof m[key] === 'string' && m[key].length <= max;
  switch (m.type) {
    case 'ready':
    case 'refresh':
      return true;
    case 'setStatus':
      return (
        text('itemId', 200) &&
        typeof m.status === 'string' &&
        STATUSES.includes(m.status) &&
        (m.reason === undefined || text('reason'))
      );
    case 'setNote':
      return text('itemId', 200) && text('note');
    case 'setOwner':
      return text('itemId', 200) && text('owner', 200);
    case 'openEvidence':
      return text('uri', 4000) && (m.uri as string).startsWith('file:');
    default:
      return false;
  }
}

/** Runtime guard for messages arriving in the checklist page. */
export function isChecklistHostMessage(value: unknown): value is ChecklistHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'checklist') {
    const model = m.model as { stages?: unknown } | null | undefined;
    return typeof model === 'object' && model !== null && Array.isArray(model.stages);
  }
  return m.type === 'error' && typeof m.message === 'string';
}

/*
 * The evaluation panels on a CSV file (`mlguide.analysis` webview): "Dataset & baseline",
 * "Evaluate predictions" and "Compare models". The host runs the engine's jobs in the language
 * server and sends the page the file's columns, the choices and the job's report — never rows.
 */

/** Which panel. */
export type AnalysisKind = 'dataset' | 'evaluate' | 'compare';

/** A column of the file, from its profile. */
export interface AnalysisColumn {
  name: string;
  type: ColumnType;
  distinct: number;
  missing: number;
  /** Whether the distinct count is exact (small sets of values are all known). */
  values?: string[];
}

/** Choices of the "Dataset & baseline" panel. */
export interface DatasetChoices {
  kind: 'dataset';
  target: string;
  task: 'auto' | 'classification' | 'regression';
  evaluation: 'holdout' | 'kfold' | 'test';
  testFraction: number;
  folds: number;
  /** `file:` URI of a test file, for `evaluation: 'test'`. */
  testUri?: string;
  seed: number;
  resamples: number;
}

/** Choices of the "Evaluate predictions" panel. */
export interface EvaluateChoices {
  kind: 'evaluate';
  truth: string;
  predicted: string;
  /** Score column of the positive class ('' for none). */
  score: string;
  /** The positive class ('' to let the engine choose). */
  positive: string;
  beta: number;
  seed: number;
  resamples: number;
  confidence: number;
  method: 'bca' | 'percentile';
}

/** Choices of the "Compare models" panel. */
export interface CompareChoices {
  kind: 'compare';
  mode: 'paired' | 'ab';
  truth: string;
  a: string;
  /** Model B's column: in this file, or in `otherUri` when one was picked. */
  b: string;
  /** `file:` URI of a second predictions file holding model B ('' for none). */
  otherUri: string;
  /** The id column both files share to match rows ('' to match them by position). */
  joinOn: string;
  variant: string;
  outcome: string;
  /** Minimum detectable effect (absolute rate) for the sample size; 0 for none. */
  mde: number;
  seed: number;
  resamples: number;
  confidence: number;
}

export type AnalysisChoices = DatasetChoices | EvaluateChoices | CompareChoices;

/** A job's report, tagged with what ran. */
export type AnalysisResult =
  | { kind: 'baseline'; report: BaselineResult }
  | { kind: 'evaluate'; report: EvaluateResult }
  | { kind: 'compare'; report: CompareResult }
  | { kind: 'ab'; report: AbResult };

/** What an evaluation panel shows. */
export interface AnalysisModel {
  kind: AnalysisKind;
  /** `file:` URI of the CSV; kept by the page so the panel can be restored. */
  uri: string;
  fileName: string;
  path: string;
  rows: number;
  columns: AnalysisColumn[];
  choices: AnalysisChoices;
  /** The dataset panel shows the whole profile. */
  profile?: CsvProfile;
  /** True while the profile is of the rows read so far (a large file, still streaming). */
  profilePartial?: boolean;
  /** Compare: the columns and name of the second predictions file, once picked. */
  other?: { fileName: string; columns: AnalysisColumn[] };
  result?: AnalysisResult;
  /** True while a job runs (the page shows progress and a Cancel button). */
  running: boolean;
  error?: string;
  /** mlguide's version, for reports. */
  version: string;
}

/** What an evaluation panel's page keeps for a restore. */
export interface AnalysisPanelState {
  kind: AnalysisKind;
  uri: string;
}

/** Runtime guard for a restored evaluation panel's state. */
export function isAnalysisPanelState(value: unknown): value is AnalysisPanelState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return (
    typeof state.uri === 'string' &&
    state.uri.startsWith('file:') &&
    (state.kind === 'dataset' || state.kind === 'evaluate' || state.kind === 'compare')
  );
}

/** Host → evaluation page. */
export type AnalysisHostMessage =
  | { type: 'analysis'; model: AnalysisModel }
  | { type: 'progress'; percent: number; message: string }
  | { type: 'error'; message: string };

/** Evaluation page → host. */
export type AnalysisPageMessage =
  | { type: 'ready' }
  | { type: 'run'; choices: AnalysisChoices }
  | { type: 'cancel' }
  | { type: 'export' }
  | { type: 'pickOther' }
  | { type: 'clearOther' }
  | { type: 'copySvg'; svg: string }
  | { type: 'savePng'; dataUrl: string; name: string };

/** Runtime guard for messages arriving in an evaluation page. */
export function isAnalysisHostMessage(value: unknown): value is AnalysisHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'analysis':
      return (
        typeof m.model === 'object' && m.model !== null && Array.isArray((m.model as { columns?: unknown }).columns)
      );
    case 'progress':
      return typeof m.percent === 'number' && typeof m.message === 'string';
    case 'error':
      return typeof m.message === 'string';
    default:
      return false;
  }
}

const MAX_SVG = 5_000_000;

/** Runtime guard for messages arriving from an evaluation page (untrusted input): shapes and bounds. */
export function isAnalysisPageMessage(value: unknown): value is AnalysisPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'cancel':
    case 'export':
    case 'pickOther':
    case 'clearOther':
      return true;
    case 'run':
      return isAnalysisChoices(m.choices);
    case 'copySvg':
      return typeof m.svg === 'string' && m.svg.length < MAX_SVG && m.svg.startsWith('<svg');
    case 'savePng':
      return (
        typeof m.dataUrl === 'string' &&
        m.dataUrl.length < MAX_SVG * 2 &&
        m.dataUrl.startsWith('data:image/png;base64,') &&
        typeof m.name === 'string' &&
        /^[\w .-]{1,100}$/.test(m.name)
      );
    default:
      return false;
  }
}

function isAnalysisChoices(value: unknown): value is AnalysisChoices {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const text = (key: string): boolean => typeof c[key] === 'string' && c[key].length <= 1000;
  const num = (key: string, min: number, max: number): boolean =>
    typeof c[key] === 'number' && Number.isFinite(c[key]) && c[key] >= min && c[key] <= max;
  const common = num('seed', 0, 2 ** 32 - 1) && num('resamples', 0, 100_000);
  switch (c.kind) {
    case 'dataset':
      return (
        common &&
        text('target') &&
        ['auto', 'classification', 'regression'].includes(String(c.task)) &&
        ['holdout', 'kfold', 'test'].includes(String(c.evaluation)) &&
        num('testFraction', 0.01, 0.99) &&
        num('folds', 2, 100) &&
        (c.testUri === undefined ||
          (typeof c.testUri === 'string' && c.testUri.length <= 4000 && c.testUri.startsWith('file:')))
      );
    case 'evaluate':
      return (
        common &&
        text('truth') &&
        text('predicted') &&
        text('score') &&
        text('positive') &&
        num('beta', 0.01, 100) &&
        num('confidence', 0.5, 0.9999) &&
        (c.method === 'bca' || c.method === 'percentile')
      );
    case 'compare':
      return (
        common &&
        (c.mode === 'paired' || c.mode === 'ab') &&
        text('truth') &&
        text('a') &&
        text('b') &&
        text('variant') &&
        text('outcome') &&
        text('joinOn') &&
        (c.otherUri === '' ||
          (typeof c.otherUri === 'string' && c.otherUri.length <= 4000 && c.otherUri.startsWith('file:'))) &&
        num('mde', 0, 1) &&
        num('confidence', 0.5, 0.9999)
      );
    default:
      return false;
  }
}
