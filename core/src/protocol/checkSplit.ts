/**
 * `mlguide/checkSplit` — client → server request, sent by the command **mlguide: Check Split for
 * Leakage** (`mlguide.checkSplit`, client/src/commands/checkSplit.ts). Kept in its own file beside
 * lsp.ts so the split work does not touch the messages other features share.
 *
 * Why: the data-backed split checks (MLS016–MLS022) read every `outputs` file of a split
 * configuration, so they run in the language server process, never in the extension host.
 *
 * The server parses the split file (the open document's text, else the file on disk), runs every
 * check on the `outputs` files that exist (train read last, compared with the others), and
 * returns the report with its plain-text summary, one PASS / WARN / FAIL / SKIP line per check.
 * A report for files unchanged since the last run (same path, size and modification time, same
 * settings) comes from the cache.
 *
 * Progress: work-done progress on the request's `workDoneToken` (percentage of bytes read over
 * all split files), else on a server-created token when the client supports one.
 * Cancellation: `$/cancelRequest` stops the read within one chunk; the request fails with
 * `RequestCancelled` (-32800).
 * Errors: a `uri` that is not a `file:` URI or not a split configuration fails with
 * `InvalidParams` (-32602); an unreadable split file (not CSV, bad encoding) fails with a message
 * naming the file. No split file yet is not an error: `skipped` says why nothing ran.
 */
import type { LeakageReport } from '../leakage/types';

/** The method name. */
export const CheckSplitMethod = 'mlguide/checkSplit';

/** Parameters of {@link CheckSplitMethod}. */
export interface CheckSplitParams {
  /** `file:` URI of the split configuration. */
  uri: string;
  /** Work-done progress token supplied by the client. */
  workDoneToken?: string | number;
}

/** Result of {@link CheckSplitMethod}. */
export interface CheckSplitResult {
  uri: string;
  /** The report, when the checks ran. */
  report?: LeakageReport;
  /** Why they did not run (no outputs, no train file yet, one split only). */
  skipped?: string;
  /** The summary for the output channel (`formatLeakageSummary`), or the reason it was skipped. */
  summary: string;
  /** Seconds the checks took (0 from the cache). */
  seconds: number;
}
