/**
 * Hover and completion in split configurations, as pure functions of the text and a position (the
 * language server wraps them). They work without any YAML or JSON extension installed: keys are
 * offered under the key they belong to, values of the keys that take one of a list (strategy,
 * task, shuffle), column names from the data's header when the server knows it, and preprocessing
 * step names; hover on a key gives what it says and the book's reason.
 */
import { getLocation } from 'jsonc-parser/lib/esm/main.js';
import type { TextPosition, TextRange } from '../parse/text';
import { ruleDocsUrl } from '../lint';
import { childKeys, COMMON_SPLIT_NAMES, keyName, splitKeySpec, type SplitKeySpec } from './keys';
import { keyPathAt, parseSplitConfig } from './parse';

/** A completion item in LSP's shape minus the protocol enums. */
export interface SplitCompletion {
  label: string;
  kind: 'key' | 'value';
  detail: string;
  documentation: string;
  /** Replaces the line from this character to the cursor. */
  replaceFrom: number;
  insertText: string;
  sortText: string;
}

/** Steps offered in `before_split`: those that learn nothing from the data. */
const STEPS_BEFORE = ['deduplicate', 'drop_na', 'fix_types', 'drop_invalid_rows', 'parse_dates'];
/** Steps offered in `after_split`: fitted on the training split. */
const STEPS_AFTER = [
  'impute_median',
  'impute_mean',
  'standard_scale',
  'min_max_scale',
  'one_hot',
  'target_encode',
  'smote',
  'pca',
  'tfidf',
  'select_k_best',
];

const COLUMN_KEYS = new Set([
  'target',
  'stratify_by',
  'group_by',
  'time_column',
  'features.include',
  'features.exclude',
]);

function specMarkdown(spec: SplitKeySpec, name = keyName(spec)): string {
  const values = spec.values ? `\n\nValues: ${spec.values.map((v) => `\`${v}\``).join(', ')}.` : '';
  return `**${name}** — ${spec.summary}${values}\n\n*Why:* ${spec.why}`;
}

/** The spec that explains a key path: the key's own, or for a split name under sizes/outputs, the parent's. */
function specOf(path: readonly string[]): { spec: SplitKeySpec; name: string } | undefined {
  const own = splitKeySpec(path.join('.'));
  if (own) return { spec: own, name: path.join('.') };
  const parent = path.length === 2 ? splitKeySpec(path[0] ?? '') : undefined;
  if (parent && (parent.type === 'sizes' || parent.type === 'outputs')) {
    return { spec: parent, name: `${path[0] ?? ''}.${path[1] ?? ''}` };
  }
  return undefined;
}

/** Markdown for the hover on a key of a split file, and the key's range; undefined off a known key. */
export function splitHover(
  text: string,
  format: 'yaml' | 'json',
  position: TextPosition,
): { markdown: string; range: TextRange } | undefined {
  const parsed = parseSplitConfig(text, format);
  if (!parsed.root) return undefined;
  const found = keyPathAt(parsed.root, position);
  if (!found) return undefined;
  const explained = specOf(found.path);
  if (!explained) return undefined;
  const rules = rulesAbout(explained.spec.path);
  const links =
    rules.length > 0 ? `\n\nChecked by ${rules.map((id) => `[${id}](${ruleDocsUrl(id)})`).join(', ')}.` : '';
  return { markdown: `${specMarkdown(explained.spec, explained.name)}${links}`, range: found.entry.keyRange };
}

/** The rules that check a key, for the hover's links. */
function rulesAbout(keyPath: string): string[] {
  const table: Record<string, string[]> = {
    seed: ['MLS006'],
    shuffle: ['MLS005'],
    strategy: ['MLS005', 'MLS009', 'MLS010'],
    sizes: ['MLS003', 'MLS004', 'MLS015'],
    outputs: ['MLS013', 'MLS014'],
    data: ['MLS014'],
    'preprocessing.before_split': ['MLS007'],
    'preprocessing.after_split': ['MLS008'],
    'features.include': ['MLS011'],
    group_by: ['MLS010', 'MLS012'],
    time_column: ['MLS009', 'MLS012'],
    stratify_by: ['MLS012'],
    target: ['MLS011', 'MLS012'],
    margin: ['MLS015'],
    precision: ['MLS015'],
  };
  return table[keyPath] ?? [];
}

/** Completions at `position`; `columns` are the data's header, when the caller read it. */
export function splitCompletions(
  text: string,
  format: 'yaml' | 'json',
  position: TextPosition,
  columns: readonly string[] = [],
): SplitCompletion[] {
  return format === 'json' ? jsonCompletions(text, position, columns) : yamlCompletions(text, position, columns);
}

function keyItems(
  parent: string,
  present: ReadonlySet<string>,
  replaceFrom: number,
  quote: boolean,
): SplitCompletion[] {
  const spec = splitKeySpec(parent);
  const q = (s: string): string => (quote ? JSON.stringify(s) : s);
  if (spec && (spec.type === 'sizes' || spec.type === 'outputs')) {
    return COMMON_SPLIT_NAMES.filter((name) => !present.has(name)).map((name, i) => ({
      label: name,
      kind: 'key',
      detail: `${parent} of the ${name} split`,
      documentation: specMarkdown(spec, `${parent}.${name}`),
      replaceFrom,
      insertText: `${q(name)}: `,
      sortText: String(i).padStart(2, '0'),
    }));
  }
  return childKeys(parent)
    .filter((child) => !present.has(keyName(child)) && child.path !== '$schema')
    .map((child, i) => ({
      label: keyName(child),
      kind: 'key',
      detail: child.summary,
      documentation: specMarkdown(child),
      replaceFrom,
      // YAML gets the usual value to start from (`seed: 42`); JSON only the key.
      insertText: quote || !child.snippet ? `${q(keyName(child))}: ` : `${keyName(child)}: ${child.snippet}`,
      sortText: String(i).padStart(2, '0'),
    }));
}

function valueItems(
  keyPath: string,
  replaceFrom: number,
  columns: readonly string[],
  quote: boolean,
): SplitCompletion[] {
  const spec = splitKeySpec(keyPath);
  const q = (s: string): string => (quote ? JSON.stringify(s) : s);
  const items = (values: readonly string[], detail: (v: string) => string, raw = false): SplitCompletion[] =>
    values.map((value, i) => ({
      label: value,
      kind: 'value',
      detail: detail(value),
      documentation: spec ? specMarkdown(spec) : '',
      replaceFrom,
      insertText: raw ? value : q(value),
      sortText: String(i).padStart(2, '0'),
    }));
  if (spec?.values) return items(spec.values, (v) => `${keyName(spec)}: ${v}`);
  if (spec?.type === 'boolean') return items(['true', 'false'], (v) => `${keyName(spec)}: ${v}`, true);
  if (COLUMN_KEYS.has(keyPath)) return items(columns, (v) => `column ${v} of the data`);
  if (keyPath === 'preprocessing.before_split')
    return items(STEPS_BEFORE, () => 'learns nothing from the data: safe before the split');
  if (keyPath === 'preprocessing.after_split') return items(STEPS_AFTER, () => 'fitted on the training split');
  return [];
}

/** The key path of the block a YAML line at `indent` belongs to, by scanning up for less-indented `key:` lines. */
function yamlParents(lines: readonly string[], line: number, indent: number): string[] {
  const parents: string[] = [];
  let current = indent;
  for (let i = line - 1; i >= 0 && current > 0; i--) {
    const text = lines[i] ?? '';
    if (text.trim() === '' || text.trim().startsWith('#')) continue;
    const match = /^(\s*)(?:-\s+)?([\w$-]+)\s*:/.exec(text);
    const own = text.length - text.trimStart().length;
    if (match && own < current) {
      parents.unshift(match[2] ?? '');
      current = own;
    }
  }
  return parents;
}

/** Keys already written in the YAML block at `indent` that holds `line`. */
function yamlSiblings(lines: readonly string[], line: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: number): void => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const text = lines[i] ?? '';
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      const own = text.length - text.trimStart().length;
      if (own < indent) return;
      const match = /^\s*([\w$-]+)\s*:/.exec(text);
      if (own === indent && match) keys.add(match[1] ?? '');
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}

function yamlCompletions(text: string, position: TextPosition, columns: readonly string[]): SplitCompletion[] {
  const lines = text.split(/\r?\n/);
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const key = /^(\s*)([\w$-]*)$/.exec(before);
  if (key) {
    const indent = (key[1] ?? '').length;
    const parents = yamlParents(lines, position.line, indent);
    return keyItems(parents.join('.'), yamlSiblings(lines, position.line, indent), indent, false);
  }
  const item = /^(\s*)-\s*([\w-]*)$/.exec(before);
  if (item) {
    const indent = (item[1] ?? '').length;
    const parents = yamlParents(lines, position.line, indent + 1);
    return valueItems(parents.join('.'), before.length - (item[2] ?? '').length, columns, false);
  }
  const value = /^(\s*)([\w$-]+):\s*(?:\[(?:[^\]]*,)?\s*)?([\w-]*)$/.exec(before);
  if (value) {
    const indent = (value[1] ?? '').length;
    const parents = yamlParents(lines, position.line, indent);
    const keyPath = [...parents, value[2] ?? ''].join('.');
    return valueItems(keyPath, before.length - (value[3] ?? '').length, columns, false);
  }
  return [];
}

function jsonCompletions(text: string, position: TextPosition, columns: readonly string[]): SplitCompletion[] {
  const lines = text.split(/\r?\n/);
  const lineText = lines[position.line] ?? '';
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset = text.indexOf('\n', offset) + 1;
  offset += position.character;
  const location = getLocation(text, offset);
  const before = lineText.slice(0, position.character);
  // The token being typed, with its opening quote: it is replaced whole.
  const token = /"?[\w$-]*$/.exec(before)?.[0] ?? '';
  const replaceFrom = before.length - token.length;
  const path = location.path.filter((segment): segment is string => typeof segment === 'string');
  if (location.isAtPropertyKey) {
    const parent = path.slice(0, -1).join('.');
    const present = new Set(presentJsonKeys(text, parent));
    return keyItems(parent, present, replaceFrom, true);
  }
  return valueItems(path.join('.'), replaceFrom, columns, true);
}

/** Keys of the JSON object at a key path, for completion not to offer them again. */
function presentJsonKeys(text: string, parent: string): string[] {
  const parsed = parseSplitConfig(text, 'json');
  let map = parsed.root;
  for (const segment of parent === '' ? [] : parent.split('.')) {
    const next = map?.entries.find((e) => e.key === segment)?.value;
    map = next?.kind === 'map' ? next : undefined;
  }
  return map?.entries.map((e) => e.key) ?? [];
}
