/**
 * The one contract between the extension host and mlguide's webviews. Every message is a
 * discriminated union on `type`; the webview announces itself with `ready` before the host sends
 * data (messages posted earlier would be lost). Messages from a webview are untrusted input: the
 * host checks them with {@link isWebviewToHostMessage} before acting on them.
 */
import type { CsvProfile } from '../profile/profile';
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
  const text = (key: string, max = 2000): boolean => typeof m[key] === 'string' && (m[key]).length <= max;
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
