/**
 * The life-cycle checklist's content: stages and items read from the data files in `checklist/`
 * (one YAML file per stage), checked here so a mistake in a file is reported with its line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** An automatic check that ticks an item: see docs/checklist.md for what each one looks at. */
export type VerifyKind =
  | 'dataset-card-clean'
  | 'split-config-clean'
  | 'baseline-report'
  | 'metrics-with-intervals'
  | 'comparison-report'
  | 'drift-report'
  | `card-rule:${string}`;

const VERIFY_KINDS: readonly string[] = [
  'dataset-card-clean',
  'split-config-clean',
  'baseline-report',
  'metrics-with-intervals',
  'comparison-report',
  'drift-report',
];

/** One thing a team does, with the reason it matters. */
export interface ChecklistItem {
  /** Stable id `<stage>.<slug>`; never reused for another meaning. */
  id: string;
  title: string;
  /** Why it matters (the book's reason, or mlguide's where `fromBook` is false). */
  why: string;
  /** The book's chapter, when the item comes from it. */
  chapter?: number;
  /** False for items mlguide wrote where the book's notes are silent. */
  fromBook: boolean;
  /** The check that ticks the item by itself; manual items have none. */
  verify?: VerifyKind;
  /** `mlguide checklist --require <stage>` fails while a required item is open. */
  required: boolean;
}

/** A stage of the life cycle, in order. */
export interface ChecklistStage {
  id: string;
  title: string;
  summary: string;
  items: ChecklistItem[];
}

/** A mistake in a content file, with its 1-based line. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

/** Parses one stage file; problems are reported, and well-formed items are still returned. */
export function parseStageFile(
  text: string,
  file: string,
): { stage: ChecklistStage | undefined; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const problems: ContentProblem[] = [];
  const lineOf = (node: unknown): number => {
    const offset = isNodeWithRange(node) ? node.range[0] : 0;
    return lineCounter.linePos(offset).line;
  };
  for (const error of doc.errors) {
    problems.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: error.message });
  }
  const root = doc.contents;
  if (!isMap(root)) {
    problems.push({ file, line: 1, message: 'a stage file must be a mapping with stage, title, summary, items' });
    return { stage: undefined, problems };
  }
  const text_ = (key: string): string => {
    const value: unknown = root.get(key, true);
    const scalar = isScalar(value) ? value.value : undefined;
    if (typeof scalar === 'string' && scalar.trim() !== '') return scalar.trim();
    problems.push({ file, line: lineOf(value ?? root), message: `"${key}" must be a non-empty string` });
    return '';
  };
  const stage: ChecklistStage = { id: text_('stage'), title: text_('title'), summary: text_('summary'), items: [] };
  const items = root.get('items', true);
  if (!isSeq(items)) {
    problems.push({ file, line: lineOf(items ?? root), message: '"items" must be a list' });
    return { stage, problems };
  }
  for (const node of items.items) {
    const item = parseItem(node, stage.id, file, lineOf, problems);
    if (item) stage.items.push(item);
  }
  return { stage, problems };
}

function parseItem(
  node: unknown,
  stageId: string,
  file: string,
  lineOf: (node: unknown) => number,
  problems: ContentProblem[],
): ChecklistItem | undefined {
  const line = lineOf(node);
  if (!isMap(node)) {
    problems.push({ file, line, message: 'an item must be a mapping (id, title, why, …)' });
    return undefined;
  }
  const scalar = (key: string): unknown => {
    const value: unknown = node.get(key, true);
    return isScalar(value) ? value.value : value;
  };
  const id = scalar('id');
  const title = scalar('title');
  const why = scalar('why');
  if (typeof id !== 'string' || !id.startsWith(`${stageId}.`) || !/^[a-z0-9-]+\.[a-z0-9-]+$/.test(id)) {
    problems.push({
      file,
      line,
      message: `item id must be "${stageId}.<slug>" (lower case), got ${JSON.stringify(id)}`,
    });
    return undefined;
  }
  if (typeof title !== 'string' || title.trim() === '' || typeof why !== 'string' || why.trim() === '') {
    problems.push({ file, line, message: `${id}: title and why must be non-empty strings` });
    return undefined;
  }
  const chapter = scalar('chapter');
  const fromBook = scalar('fromBook');
  const verify = scalar('verify');
  const required = scalar('required');
  if (chapter !== undefined && (typeof chapter !== 'number' || !Number.isInteger(chapter))) {
    problems.push({ file, line, message: `${id}: chapter must be a whole number` });
  }
  if (verify !== undefined && !isVerifyKind(verify)) {
    problems.push({
      file,
      line,
      message: `${id}: unknown verify ${JSON.stringify(verify)}; known: ${VERIFY_KINDS.join(', ')}, card-rule:<id>`,
    });
  }
  if (fromBook === false && chapter !== undefined) {
    problems.push({ file, line, message: `${id}: an item not from the book has no chapter` });
  }
  return {
    id,
    title: title.trim(),
    why: why.trim(),
    ...(typeof chapter === 'number' ? { chapter } : {}),
    fromBook: fromBook !== false,
    ...(isVerifyKind(verify) ? { verify } : {}),
    required: required === true,
  };
}

function isVerifyKind(value: unknown): value is VerifyKind {
  return typeof value === 'string' && (VERIFY_KINDS.includes(value) || /^card-rule:MLG\d{3}$/.test(value));
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

/**
 * Joins stage files (in file-name order) into the checklist; duplicate stage or item ids are
 * problems, and the later one is dropped.
 */
export function buildChecklist(files: readonly { file: string; text: string }[]): {
  stages: ChecklistStage[];
  problems: ContentProblem[];
} {
  const stages: ChecklistStage[] = [];
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  for (const { file, text } of files) {
    const parsed = parseStageFile(text, file);
    problems.push(...parsed.problems);
    const stage = parsed.stage;
    if (!stage?.id) continue;
    if (stages.some((s) => s.id === stage.id)) {
      problems.push({ file, line: 1, message: `stage "${stage.id}" is defined twice` });
      continue;
    }
    stage.items = stage.items.filter((item) => {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        return true;
      }
      problems.push({ file, line: 1, message: `item "${item.id}" is defined twice` });
      return false;
    });
    stages.push(stage);
  }
  return { stages, problems };
}
