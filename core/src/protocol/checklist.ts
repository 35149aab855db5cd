/**
 * The life-cycle checklist's messages: LSP requests between the extension and the language server
 * (the server reads and writes `.mlguide/checklist.yaml` and runs the automatic checks), and the
 * messages between the extension host and the checklist webview. Both sides import these types.
 */
import type { ItemStatusView } from '../checklist/status';

/**
 * `mlguide/checklist` — client → server request: where the project in `rootUri` stands.
 *
 * Why: the checks lint every dataset card and split configuration and read the reports, which is
 * the server's work. When a check's result changed since the state file recorded it, the server
 * records it there (verified items with their evidence; verified items that no longer hold
 * become open with the reason) — unless the file is malformed or conflicted, which is never
 * overwritten.
 */
export const ChecklistMethod = 'mlguide/checklist';

/** Parameters of {@link ChecklistMethod}. */
export interface ChecklistParams {
  /** `file:` URI of the project folder (a workspace folder). */
  rootUri: string;
  /** Record changed check results in the state file (default true; only once the file exists). */
  record?: boolean;
  /** Start the project's checklist: create the state file when there is none. */
  start?: boolean;
}

/** A file that shows something about an item. */
export interface EvidenceLink {
  /** Path relative to the project. */
  path: string;
  uri: string;
}

/** One item as the views show it. */
export interface ChecklistItemModel {
  id: string;
  title: string;
  why: string;
  chapter?: number;
  fromBook: boolean;
  required: boolean;
  status: ItemStatusView;
  owner?: string;
  note?: string;
  /** Why it does not apply, or why it no longer holds. */
  reason?: string;
  /** The automatic check, for items that have one. */
  check?: string;
  /** Whether the check holds now, and what it found. */
  holds?: boolean;
  detail?: string;
  evidence: EvidenceLink[];
}

/** One stage. */
export interface ChecklistStageModel {
  id: string;
  title: string;
  summary: string;
  /** Items done or verified. */
  complete: number;
  /** Items that apply (all but the not-applicable ones). */
  applicable: number;
  items: ChecklistItemModel[];
}

/** Result of {@link ChecklistMethod} and {@link ChecklistSetMethod}. */
export interface ChecklistResult {
  rootUri: string;
  stateFile: {
    uri: string;
    exists: boolean;
    /** False when the file is malformed or conflicted: nothing is written until it is fixed. */
    writable: boolean;
    problems: { line: number; message: string }[];
  };
  stages: ChecklistStageModel[];
  /** Mistakes in mlguide's own checklist content (should be empty). */
  contentProblems: string[];
}

/**
 * `mlguide/checklistSet` — client → server request: the team changes an item (tick, untick, not
 * applicable with a reason, note, owner). Written atomically; answers the new checklist, or fails
 * with {@link ChecklistErrorCode.NotWritable} naming the file and line when the file must not be
 * overwritten, or {@link ChecklistErrorCode.UnknownItem}.
 */
export const ChecklistSetMethod = 'mlguide/checklistSet';

/** Parameters of {@link ChecklistSetMethod}: only the given fields change; `null` clears one. */
export interface ChecklistSetParams {
  rootUri: string;
  itemId: string;
  status?: 'open' | 'done' | 'not-applicable';
  note?: string | null;
  owner?: string | null;
  reason?: string | null;
}

/** Error codes of the checklist requests. */
export const ChecklistErrorCode = {
  /** The state file is malformed or conflicted: it is not overwritten. */
  NotWritable: 1101,
  /** No item with that id in the checklist. */
  UnknownItem: 1102,
  /** `rootUri` is not a `file:` URI of a folder. */
  BadRoot: 1103,
  /** A status, note, owner or reason that cannot be taken (a not-applicable item needs a reason). */
  InvalidParams: 1104,
} as const;
