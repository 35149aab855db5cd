/**
 * The team's progress through the checklist: `.mlguide/checklist.yaml`, a plain file shared
 * through git. Diff-friendly: items in the checklist's order, one item per line (a flow mapping),
 * fields in a fixed order. A malformed or conflicted file is reported with its line and must not
 * be overwritten ({@link ChecklistState.writable}); items this version does not know (written by
 * a newer one) and fields it does not know are kept as they are.
 *
 *   version: 1
 *   items:
 *     problem-framing.objective: { status: done, owner: ana, note: churn within 30 days }
 *     deployment.caching: { status: not-applicable, reason: batch scoring only }
 *     data.documented: { status: verified, evidence: [DATASET.md], at: 2026-11-27 }
 */
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';

/** What the file records for an item. Absent items are open. */
export type ItemStatus = 'open' | 'done' | 'not-applicable' | 'verified';
const STATUSES: readonly ItemStatus[] = ['open', 'done', 'not-applicable', 'verified'];

/** The recorded state of one item. */
export interface ItemState {
  status: ItemStatus;
  /** Who takes care of it. */
  owner?: string;
  note?: string;
  /** Why the item does not apply (`not-applicable`), or why a verified item no longer holds. */
  reason?: string;
  /** Files that showed a verified item held (relative to the project). */
  evidence?: string[];
  /** Date (YYYY-MM-DD) of the last change of status. */
  at?: string;
  /** Fields this version does not know, kept in the order they came. */
  extra?: [string, unknown][];
}

/** A problem with the state file, with its 1-based line. */
export interface StateProblem {
  line: number;
  message: string;
}

/** The state file, parsed. */
export interface ChecklistState {
  /** By item id, in the file's order. */
  items: Map<string, ItemState>;
  problems: StateProblem[];
  /** False when the file is malformed or conflicted: the tool must not write over it. */
  writable: boolean;
}

export const STATE_FILE_VERSION = 1;
const KNOWN_FIELDS = ['status', 'owner', 'note', 'reason', 'evidence', 'at'];

/** Parses the state file's text (empty text: nothing recorded yet). */
export function parseChecklistState(text: string): ChecklistState {
  const state: ChecklistState = { items: new Map(), problems: [], writable: true };
  // A merge left half done: the file says two things at once, and guessing would lose one.
  const conflict = text.split(/\r?\n/).findIndex((line) => /^(?:<{7}|={7}|>{7})(?:\s|$)/.test(line));
  if (conflict >= 0) {
    state.problems.push({
      line: conflict + 1,
      message: 'unresolved merge conflict: resolve it (keep both sides’ items) before mlguide writes this file again',
    });
    state.writable = false;
    return state;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  for (const error of doc.errors) {
    state.problems.push({ line: lineOf(error.pos[0]), message: error.message });
    state.writable = false;
  }
  if (doc.errors.length > 0 || doc.contents === null) return state;
  const root = doc.contents;
  const fail = (line: number, message: string): void => {
    state.problems.push({ line, message });
    state.writable = false;
  };
  if (!isMap(root)) {
    fail(1, 'the checklist state must be a mapping with version and items');
    return state;
  }
  const version = root.get('version');
  if (typeof version === 'number' && version > STATE_FILE_VERSION) {
    // A newer mlguide wrote it: read what we can, write nothing.
    fail(1, `written by a newer mlguide (version ${String(version)}); this one reads version ${STATE_FILE_VERSION}`);
  }
  const items = root.get('items', true);
  if (items === undefined || (isScalar(items) && items.value === null)) return state;
  if (!isMap(items)) {
    fail(lineOf(items.range?.[0]), 'items must map item ids to their state');
    return state;
  }
  for (const pair of items.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (state.items.has(id)) {
      fail(line, `item "${id}" appears twice`);
      continue;
    }
    const parsed = parseItemState(pair, id, line, fail);
    if (parsed) state.items.set(id, parsed);
  }
  return state;
}

function parseItemState(
  pair: Pair,
  id: string,
  line: number,
  fail: (line: number, message: string) => void,
): ItemState | undefined {
  const value = pair.value;
  // `item: done` is accepted as a short form.
  if (isScalar(value)) {
    const status = String(value.value);
    if ((STATUSES as readonly string[]).includes(status)) return { status: status as ItemStatus };
    fail(line, `${id}: status must be one of ${STATUSES.join(', ')}, not "${status}"`);
    return undefined;
  }
  if (!isMap(value)) {
    fail(line, `${id}: must be a mapping such as { status: done }`);
    return undefined;
  }
  const json = value.toJSON() as Record<string, unknown>;
  const status = json.status ?? 'open';
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    fail(line, `${id}: status must be one of ${STATUSES.join(', ')}, not ${JSON.stringify(status)}`);
    return undefined;
  }
  const item: ItemState = { status: status as ItemStatus };
  for (const key of ['owner', 'note', 'reason', 'at'] as const) {
    const field = json[key];
    if (field === undefined || field === null) continue;
    if (typeof field === 'string' || typeof field === 'number') item[key] = String(field);
    else fail(line, `${id}: ${key} must be text`);
  }
  const evidence = json.evidence;
  if (typeof evidence === 'string') item.evidence = [evidence];
  else if (Array.isArray(evidence) && evidence.every((e) => typeof e === 'string')) item.evidence = evidence;
  else if (evidence !== undefined && evidence !== null) fail(line, `${id}: evidence must be a path or a list of paths`);
  const extra = Object.entries(json).filter(([key]) => !KNOWN_FIELDS.includes(key));
  if (extra.length > 0) item.extra = extra;
  return item;
}

/**
 * The file's text for `items`: a header, then the items in `order` (the checklist's), then items
 * this version does not know, in the order they had. Open items without a note, owner or reason
 * are left out: absence means open.
 */
export function serializeChecklistState(items: ReadonlyMap<string, ItemState>, order: readonly string[]): string {
  const known = order.filter((id) => items.has(id));
  const unknown = [...items.keys()].filter((id) => !order.includes(id));
  const lines = [
    '# mlguide checklist: this project through the ML life cycle (A. Burkov, Machine Learning Engineering).',
    '# Written by mlguide and by hand; one item per line, in the checklist’s order. `mlguide checklist` shows it.',
    `version: ${STATE_FILE_VERSION}`,
  ];
  const entries = [...known, ...unknown].flatMap((id) => {
    const item = items.get(id);
    if (!item || isEmpty(item)) return [];
    return [`  ${flowScalar(id)}: ${flowItem(item)}`];
  });
  lines.push(entries.length > 0 ? 'items:' : 'items: {}', ...entries);
  return `${lines.join('\n')}\n`;
}

function isEmpty(item: ItemState): boolean {
  return (
    item.status === 'open' &&
    item.owner === undefined &&
    item.note === undefined &&
    item.reason === undefined &&
    item.evidence === undefined &&
    (item.extra?.length ?? 0) === 0
  );
}

function flowItem(item: ItemState): string {
  const fields: [string, unknown][] = [['status', item.status]];
  if (item.owner !== undefined) fields.push(['owner', item.owner]);
  if (item.note !== undefined) fields.push(['note', item.note]);
  if (item.reason !== undefined) fields.push(['reason', item.reason]);
  if (item.evidence !== undefined) fields.push(['evidence', item.evidence]);
  if (item.at !== undefined) fields.push(['at', item.at]);
  fields.push(...(item.extra ?? []));
  return `{ ${fields.map(([key, value]) => `${flowScalar(key)}: ${flowValue(value)}`).join(', ')} }`;
}

/** A value on one line: plain where YAML reads it back as the same string, else JSON (valid YAML). */
function flowValue(value: unknown): string {
  if (typeof value === 'string') return flowScalar(value);
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  // Numbers, booleans, null and mappings an unknown field holds: JSON is valid YAML flow.
  return value === undefined ? 'null' : JSON.stringify(value);
}

function flowScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_][A-Za-z0-9_ ./()@+-]*$/.test(value) &&
    !value.endsWith(' ') &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(
      value,
    );
  return plain ? value : JSON.stringify(value);
}
