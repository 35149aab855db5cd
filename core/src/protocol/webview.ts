/**
 * The one contract between the extension host and mlguide's webviews. Every message is a
 * discriminated union on `type`; the webview announces itself with `ready` before the host sends
 * data (messages posted earlier would be lost). Messages from a webview are untrusted input: the
 * host checks them with {@link isWebviewToHostMessage} before acting on them.
 */
import type { CsvProfile } from '../profile/profile';

/** What the profile panel shows: the engine's profile plus where it came from. */
export interface ProfileViewModel {
  /** Name of the profiled file, for the heading. */
  fileName: string;
  /** Workspace-relative or absolute path, for the tooltip. */
  path: string;
  bytes: number;
  profile: CsvProfile;
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
