/**
 * mlguide's custom language-server messages: the one place their names, parameters and results
 * are defined. The server (`server/src/lintServer.ts`) and the client
 * (`client/src/languageClient.ts`) both import these, so a change here breaks both at compile
 * time. Other editors' LSP clients can send the same requests (see README "Other editors").
 */
import type { CsvProfile } from '../profile/profile';

/**
 * `mlguide/profileCsv` — client → server request.
 *
 * Why: profiling reads the whole file, so it runs in the server process, never in the extension
 * host or a webview. The server streams the file from disk with papaparse.
 *
 * Progress: when the client sends a `workDoneToken`, or the file is larger than
 * `progressThresholdBytes`, the server reports work-done progress (percentage of bytes read).
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
}

/** Result of {@link ProfileCsvMethod}. */
export interface ProfileCsvResult extends CsvProfile {
  /** The profiled file, as a `file:` URI. */
  uri: string;
  /** Size of the file in bytes. */
  bytes: number;
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
