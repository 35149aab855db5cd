/**
 * Text edits of a split file for the quick fixes: set a top-level key, move a step from one list
 * to another. Edits touch only the keys and items concerned, so comments and the author's layout
 * stay; YAML block and flow style and JSON are each written in their own syntax.
 */
import type { TextPosition, TextRange } from '../parse/text';
import { SPLIT_KEYS } from './keys';
import type { ParsedSplitConfig, SplitEntry, SplitList, SplitMap, SplitNode } from './types';

/** A text edit in LSP's shape. */
export interface SplitTextEdit {
  range: TextRange;
  newText: string;
}

/** A value as the file's syntax writes it: JSON quotes strings, YAML only when it must. */
export function formatValue(format: 'yaml' | 'json', value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (format === 'json') return JSON.stringify(value);
  return /^[A-Za-z_][\w.\-/]*$/.test(value) && !/^(?:true|false|yes|no|on|off|null|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function formatKey(format: 'yaml' | 'json', key: string): string {
  return format === 'json' ? JSON.stringify(key) : key;
}

function eolOf(parsed: ParsedSplitConfig): string {
  return parsed.text.includes('\r\n') ? '\r\n' : '\n';
}

const at = (position: TextPosition): TextRange => ({ start: position, end: position });

/** Replaces a value; a null value written as nothing (`key:`) gets a space before the new text. */
function replaceValue(node: SplitNode, newText: string): SplitTextEdit {
  const empty =
    node.range.start.line === node.range.end.line && node.range.start.character === node.range.end.character;
  return { range: node.range, newText: empty ? ` ${newText}` : newText };
}

/** The line after an entry's value: where a following entry's line goes. */
function lineAfter(entry: SplitEntry): number {
  const end = entry.value.range.end;
  // Block collections end at the start of the line after them.
  return end.character === 0 && end.line > entry.keyRange.start.line ? end.line : end.line + 1;
}

/** Inserts `key: value` into a map, after `after` (an entry of the map) or first. */
function insertEntry(
  parsed: ParsedSplitConfig,
  map: SplitMap,
  key: string,
  valueText: string,
  after: SplitEntry | undefined,
): SplitTextEdit {
  const eol = eolOf(parsed);
  const entryText = `${formatKey(parsed.format, key)}: ${valueText}`;
  const first = map.entries[0];
  if (map.flow) {
    if (!first) {
      // `{}`: between the braces.
      const open = { line: map.range.start.line, character: map.range.start.character + 1 };
      return { range: { start: open, end: map.range.end }, newText: ` ${entryText} }` };
    }
    if (after) {
      const ownLine = after.keyRange.start.line > map.range.start.line;
      const indent = ' '.repeat(after.keyRange.start.character);
      return { range: at(after.value.range.end), newText: ownLine ? `,${eol}${indent}${entryText}` : `, ${entryText}` };
    }
    // Before the first entry, on its own line when the entries are on their own lines.
    const ownLine = first.keyRange.start.line > map.range.start.line;
    const indent = ' '.repeat(first.keyRange.start.character);
    return { range: at(first.keyRange.start), newText: `${entryText},${ownLine ? eol + indent : ' '}` };
  }
  const indent = ' '.repeat(first?.keyRange.start.character ?? 0);
  if (!after) {
    const line = first ? first.keyRange.start.line : 0;
    return { range: at({ line, character: 0 }), newText: `${indent}${entryText}${eol}` };
  }
  const line = lineAfter(after);
  if (line >= parsed.lines.length) {
    const last = parsed.lines.length - 1;
    return {
      range: at({ line: last, character: (parsed.lines[last] ?? '').length }),
      newText: `${eol}${indent}${entryText}`,
    };
  }
  return { range: at({ line, character: 0 }), newText: `${indent}${entryText}${eol}` };
}

const KEY_ORDER = SPLIT_KEYS.filter((spec) => !spec.path.includes('.')).map((spec) => spec.path);

/**
 * Sets a top-level key: replaces its value when it is there, else inserts it after the keys that
 * come before it in the format's order (`seed` after `target`), so the file reads as documented.
 */
export function setTopLevel(parsed: ParsedSplitConfig, key: string, value: string | number | boolean): SplitTextEdit[] {
  const root = parsed.root;
  const text = formatValue(parsed.format, value);
  if (!root) return [];
  const existing = root.entries.find((entry) => entry.key === key);
  if (existing) return [replaceValue(existing.value, text)];
  const rank = (name: string): number => {
    const index = KEY_ORDER.indexOf(name);
    return index < 0 ? KEY_ORDER.length : index;
  };
  const before = root.entries.filter((entry) => rank(entry.key) < rank(key));
  return [insertEntry(parsed, root, key, text, before.at(-1))];
}

/** Removes item `index` of a list. */
function removeItem(parsed: ParsedSplitConfig, entry: SplitEntry, list: SplitList, index: number): SplitTextEdit {
  const item = list.items[index];
  if (!item) throw new Error(`no item ${index}`);
  if (list.items.length === 1) {
    if (list.flow) return { range: list.range, newText: '[]' };
    // A block list's only item: the key keeps an empty flow list.
    return { range: { start: entry.keyRange.end, end: list.range.end }, newText: `: []${eolOf(parsed)}` };
  }
  if (list.flow) {
    const next = list.items[index + 1];
    const previous = list.items[index - 1];
    if (next) return { range: { start: item.range.start, end: next.range.start }, newText: '' };
    return { range: { start: previous?.range.end ?? item.range.start, end: item.range.end }, newText: '' };
  }
  // Block items: the item's whole lines, up to the next item (or the list's end).
  const nextItem = list.items[index + 1];
  const endLine = nextItem ? nextItem.range.start.line : lineAfterNode(item);
  return {
    range: { start: { line: item.range.start.line, character: 0 }, end: { line: endLine, character: 0 } },
    newText: '',
  };
}

function lineAfterNode(node: SplitNode): number {
  const end = node.range.end;
  return end.character === 0 && end.line > node.range.start.line ? end.line : end.line + 1;
}

/** Inserts a scalar item first in a list (or as the value of `entry` when it holds nothing). */
function prependItem(parsed: ParsedSplitConfig, entry: SplitEntry, itemText: string): SplitTextEdit {
  const value = entry.value;
  if (value.kind !== 'list') return replaceValue(value, `[${itemText}]`);
  const first = value.items[0];
  if (value.flow) {
    if (!first) return { range: value.range, newText: `[${itemText}]` };
    return { range: at(first.range.start), newText: `${itemText}, ` };
  }
  if (!first) return replaceValue(value, `[${itemText}]`);
  const line = parsed.lines[first.range.start.line] ?? '';
  const dash = /^(\s*-\s*)/.exec(line)?.[1] ?? '- ';
  return { range: at({ line: first.range.start.line, character: 0 }), newText: `${dash}${itemText}${eolOf(parsed)}` };
}

/**
 * Moves the scalar step at `index` of `preprocessing.<from>` to the front of `preprocessing.<to>`
 * (it ran before every step of `to`, and still does), creating `to` when the file lacks it.
 * Undefined when the step is not a plain name (a step with options is moved by hand).
 */
export function moveStep(
  parsed: ParsedSplitConfig,
  from: 'before_split' | 'after_split',
  to: 'before_split' | 'after_split',
  index: number,
): SplitTextEdit[] | undefined {
  const preprocessing = parsed.root?.entries.find((e) => e.key === 'preprocessing')?.value;
  if (preprocessing?.kind !== 'map') return undefined;
  const source = preprocessing.entries.find((e) => e.key === from);
  const target = preprocessing.entries.find((e) => e.key === to);
  const list = source?.value;
  if (!source || !list) return undefined;
  const items = list.kind === 'list' ? list.items : [list];
  const item = items[index];
  if (item?.kind !== 'scalar' || typeof item.value !== 'string') return undefined;
  const itemText = formatValue(parsed.format, item.value);
  const removal = list.kind === 'list' ? removeItem(parsed, source, list, index) : replaceValue(list, '[]');
  const addition = target
    ? prependItem(parsed, target, itemText)
    : insertEntry(parsed, preprocessing, to, `[${itemText}]`, to === 'after_split' ? source : undefined);
  return [removal, addition];
}

function samePosition(a: TextPosition, b: TextPosition): boolean {
  return a.line === b.line && a.character === b.character;
}

/**
 * Edits of one fix as LSP accepts them: an insertion where another edit ends (a key inserted
 * right after a value the same fix replaces) becomes part of that edit, so no two edits touch.
 */
export function mergeEdits(edits: readonly SplitTextEdit[]): SplitTextEdit[] {
  const merged: SplitTextEdit[] = [];
  for (const edit of edits) {
    const insertion = samePosition(edit.range.start, edit.range.end);
    const joined = insertion ? merged.find((m) => samePosition(m.range.end, edit.range.start)) : undefined;
    if (joined) joined.newText += edit.newText;
    else merged.push({ range: edit.range, newText: edit.newText });
  }
  return merged;
}
