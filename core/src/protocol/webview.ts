/**
 * The one contract between the extension host and mlguide's webviews. Every message is a
 * discriminated union on `type`; the webview announces itself with `ready` before the host sends
 * data (messages posted earlier would be lost). Messages from a webview are untrusted input: the
 * host checks them with {@link isWebviewToHostMessage} before acting on them.
 */
import type { CsvProfile } from '../profile/profile';

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
