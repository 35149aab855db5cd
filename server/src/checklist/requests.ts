import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ResponseError, type Connection } from 'vscode-languageserver/node';
import type { ChecklistStage } from '../../../core/src/checklist/content';
import type { ItemState } from '../../../core/src/checklist/state';
import { checklistStatus, recordVerifications, type StageView } from '../../../core/src/checklist/status';
import {
  ChecklistErrorCode,
  ChecklistMethod,
  ChecklistSetMethod,
  type ChecklistResult,
  type ChecklistSetParams,
} from '../../../core/src/protocol/checklist';
import { uriToPath } from '../uri';
import { loadChecklistContent, readChecklistState, verifyProject, writeChecklistState, STATE_FILE } from './project';

/** Longest note, owner or reason taken (a state file stays readable). */
const MAX_TEXT = 2000;

/** Registers the checklist requests. */
export function registerChecklistRequests(connection: Connection): void {
  connection.onRequest(ChecklistMethod, async (raw: unknown) => {
    const params = (typeof raw === 'object' && raw !== null ? raw : {}) as {
      rootUri?: unknown;
      record?: unknown;
      start?: unknown;
    };
    const root = projectRoot(params.rootUri);
    if (root instanceof ResponseError) return root;
    if (params.start === true) {
      await withStateFile(root, async () => {
        const state = await readChecklistState(root);
        if (!existsSync(state.file)) await writeChecklistState(root, new Map(), loadChecklistContent().stages);
      });
    }
    return checklistResult(root, params.record !== false);
  });

  connection.onRequest(ChecklistSetMethod, async (raw: unknown) => {
    const params = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<
      Record<keyof ChecklistSetParams, unknown>
    >;
    const root = projectRoot(params.rootUri);
    if (root instanceof ResponseError) return root;
    const refused = await setChecklistItem(root, params);
    return refused ?? checklistResult(root, true);
  });
}

/**
 * Read-modify-writes of each project's state file, one at a time. The project's checks take a
 * while (every card linted, every split checked), and a tick the team makes meanwhile must not be
 * written over by the checks' results: what is recorded is merged into the file as it is when the
 * checks end, not as it was when they began.
 */
const stateFileTurns = new Map<string, Promise<void>>();

function withStateFile<T>(root: string, work: () => Promise<T>): Promise<T> {
  const turn = (stateFileTurns.get(root) ?? Promise.resolve()).then(work);
  const done = turn.then(
    () => undefined,
    () => undefined,
  );
  stateFileTurns.set(root, done);
  void done.then(() => {
    if (stateFileTurns.get(root) === done) stateFileTurns.delete(root);
  });
  return turn;
}

/** Changes one item of a project's state file as `mlguide/checklistSet` asks; the refusal, if any. */
export function setChecklistItem(
  root: string,
  params: Partial<Record<keyof ChecklistSetParams, unknown>>,
): Promise<ResponseError | undefined> {
  const { stages } = loadChecklistContent();
  const itemId = typeof params.itemId === 'string' ? params.itemId : '';
  if (!stages.some((stage) => stage.items.some((item) => item.id === itemId))) {
    return Promise.resolve(
      new ResponseError(ChecklistErrorCode.UnknownItem, `mlguide/checklistSet: no checklist item "${itemId}"`),
    );
  }
  return withStateFile(root, async () => {
    const state = await readChecklistState(root);
    const shown = STATE_FILE.split(path.sep).join('/');
    if (!state.writable) {
      const problem = state.problems[0];
      return new ResponseError(
        ChecklistErrorCode.NotWritable,
        `${shown}:${String(problem?.line ?? 1)}: ${problem?.message ?? 'cannot be written'} — not overwritten`,
      );
    }
    const changed = changedItem(state.items.get(itemId), params);
    if (changed instanceof ResponseError) return changed;
    const items = new Map(state.items);
    items.set(itemId, changed);
    const written = await writeChecklistState(root, items, stages);
    return written.written
      ? undefined
      : new ResponseError(ChecklistErrorCode.NotWritable, written.problem ?? `${shown} not written`);
  });
}

function projectRoot(uri: unknown): string | ResponseError {
  const dir = uriToPath(uri);
  if (!dir || !existsSync(dir) || !statSync(dir).isDirectory()) {
    return new ResponseError(
      ChecklistErrorCode.BadRoot,
      `mlguide/checklist: rootUri must be a file: URI of a folder, got ${JSON.stringify(uri ?? null)}`,
    );
  }
  return dir;
}

/** The item's state after the change the request asks for; untrusted values are checked. */
function changedItem(
  current: ItemState | undefined,
  params: Partial<Record<keyof ChecklistSetParams, unknown>>,
): ItemState | ResponseError {
  const next: ItemState = { ...(current ?? { status: 'open' }) };
  const text = (key: 'note' | 'owner' | 'reason'): ResponseError | undefined => {
    const value = params[key];
    if (value === undefined) return undefined;
    if (value === null || value === '') {
      next[key] = undefined;
      return undefined;
    }
    if (typeof value !== 'string' || value.length > MAX_TEXT || (key === 'owner' && /[\r\n]/.test(value))) {
      return new ResponseError(
        ChecklistErrorCode.InvalidParams,
        `mlguide/checklistSet: ${key} must be text of at most ${String(MAX_TEXT)} characters${key === 'owner' ? ' on one line' : ''}`,
      );
    }
    next[key] = value;
    return undefined;
  };
  const problem = text('note') ?? text('owner') ?? text('reason');
  if (problem) return problem;
  // Cleared fields leave the file rather than staying as empty keys.
  for (const key of ['note', 'owner', 'reason'] as const)
    if (next[key] === undefined) Reflect.deleteProperty(next, key);
  if (params.status !== undefined) {
    if (params.status !== 'open' && params.status !== 'done' && params.status !== 'not-applicable') {
      return new ResponseError(
        ChecklistErrorCode.InvalidParams,
        `mlguide/checklistSet: status must be open, done or not-applicable, got ${JSON.stringify(params.status)}`,
      );
    }
    if (params.status === 'not-applicable' && !next.reason) {
      return new ResponseError(
        ChecklistErrorCode.InvalidParams,
        'mlguide/checklistSet: an item marked not applicable needs a reason',
      );
    }
    next.status = params.status;
    // A reason belongs to "not applicable" (or to a check that failed): reopening drops it.
    if (params.status !== 'not-applicable' && params.reason === undefined) delete next.reason;
    delete next.evidence;
    next.at = new Date().toISOString().slice(0, 10);
  }
  return next;
}

/** The project's checklist, with the checks run and (when `record`) their changes recorded. */
export async function checklistResult(root: string, record: boolean): Promise<ChecklistResult> {
  const content = loadChecklistContent();
  const { stages } = content;
  const { verifications } = await verifyProject(root, stages);
  return withStateFile(root, async () => {
    // The file as it is now the checks have ended: a change made while they ran is kept.
    let state = await readChecklistState(root);
    let items = state.items;
    if (record && state.writable) {
      const next = recordVerifications(stages, state.items, verifications, new Date().toISOString().slice(0, 10));
      // Nothing is recorded for a project that has not started its checklist: no file appears unasked.
      if (next && existsSync(state.file)) {
        const written = await writeChecklistState(root, next, stages);
        if (written.written) items = next;
        else
          state = {
            ...state,
            writable: false,
            problems: [...state.problems, { line: 1, message: written.problem ?? '' }],
          };
      }
    }
    return toResult(root, stages, checklistStatus(stages, items, verifications), state, content.problems);
  });
}

function toResult(
  root: string,
  stages: readonly ChecklistStage[],
  views: readonly StageView[],
  state: Awaited<ReturnType<typeof readChecklistState>>,
  contentProblems: readonly { file: string; line: number; message: string }[],
): ChecklistResult {
  const link = (relative: string): { path: string; uri: string } => ({
    path: relative,
    uri: pathToFileURL(path.join(root, ...relative.split('/'))).href,
  });
  return {
    rootUri: pathToFileURL(root).href,
    stateFile: {
      uri: pathToFileURL(state.file).href,
      exists: existsSync(state.file),
      writable: state.writable,
      problems: state.problems,
    },
    stages: views.map((view, index) => ({
      id: view.stage.id,
      title: view.stage.title,
      summary: stages[index]?.summary ?? view.stage.summary,
      complete: view.complete,
      applicable: view.applicable,
      items: view.items.map((item) => ({
        id: item.item.id,
        title: item.item.title,
        why: item.item.why,
        ...(item.item.chapter !== undefined ? { chapter: item.item.chapter } : {}),
        fromBook: item.item.fromBook,
        required: item.item.required,
        status: item.status,
        ...(item.owner !== undefined ? { owner: item.owner } : {}),
        ...(item.note !== undefined ? { note: item.note } : {}),
        ...(item.reason !== undefined ? { reason: item.reason } : {}),
        ...(item.item.verify !== undefined ? { check: item.item.verify } : {}),
        ...(item.verification ? { holds: item.verification.holds, detail: item.verification.detail } : {}),
        evidence: (item.verification?.evidence ?? []).map(link),
      })),
    })),
    contentProblems: contentProblems.map((p) => `${p.file}:${String(p.line)}: ${p.message}`),
  };
}
