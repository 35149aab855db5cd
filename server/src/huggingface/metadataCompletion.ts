/**
 * Completion in a card's YAML metadata (front matter, or a `dataset.yaml` card): the Hugging Face
 * keys that belong at the cursor's level (top level, a `configs` item, a `data_files` entry…), and
 * the values the Hub knows for the enum keys — after `key: `, in a `- ` list item, or inside
 * `[a, b, …]` — each with what it means. Pure: text and position in, items out.
 */
import type { TextPosition } from '../parse/text';
import { keySpecAt, keysAt, type MetadataKeySpec } from './metadataKeys';
import { TASK_IDS, type KnownValue } from './values';
import { metadataRegion, yamlPaths, type YamlPaths } from './yamlContext';

/** An item to offer, in LSP's completion shape minus the protocol enums. */
export interface MetadataCompletion {
  label: string;
  kind: 'key' | 'value';
  detail: string;
  documentation: string;
  insertText: string;
  sortText: string;
  /** The completion replaces the line from this character to the cursor. */
  replaceFrom: number;
}

/** True when `position` is inside the card's YAML metadata (where these completions apply). */
export function inMetadata(text: string, kind: 'markdown' | 'yaml', position: TextPosition): boolean {
  const region = metadataRegion(text.split(/\r\n?|\n/), kind);
  return region !== undefined && position.line >= region.start && position.line < region.end;
}

function keyDocumentation(spec: MetadataKeySpec): string {
  const example = spec.example !== undefined ? `\n\nExample: \`${spec.key}: ${spec.example}\`` : '';
  return `${spec.what}\n\n*Why it matters:* ${spec.why}${example}`;
}

/** Text inserted for a key: lists and mappings open a block, scalars wait for their value. */
function keyInsert(spec: MetadataKeySpec, indent: string): string {
  if (spec.kind === 'list' || spec.kind === 'list-of-mappings') return `${spec.key}:\n${indent}- `;
  if (spec.kind === 'mapping') return `${spec.key}:\n${indent}  `;
  return `${spec.key}: `;
}

function keyItems(
  specs: readonly MetadataKeySpec[],
  present: ReadonlySet<string>,
  from: number,
  indent: string,
): MetadataCompletion[] {
  return specs
    .filter((spec) => !present.has(spec.key))
    .map((spec, index) => ({
      label: spec.key,
      kind: 'key' as const,
      detail: `Hugging Face metadata${spec.values ? ` · ${spec.values.length} known values` : ''}`,
      documentation: keyDocumentation(spec),
      insertText: keyInsert(spec, indent),
      sortText: String(index).padStart(3, '0'),
      replaceFrom: from,
    }));
}

function valueItems(
  spec: MetadataKeySpec,
  values: readonly KnownValue[],
  from: number,
  present: ReadonlySet<string>,
  preferred: (value: KnownValue) => boolean,
): MetadataCompletion[] {
  return values
    .filter((value) => !present.has(value.id))
    .map((value, index) => ({
      label: value.id,
      kind: 'value' as const,
      detail: value.description.length > 80 ? `${value.description.slice(0, 77)}…` : value.description,
      documentation: `${value.description}\n\n\`${spec.key}\`: ${spec.what}`,
      insertText: value.id,
      // The known order (sizes from small to large, the Hub's task order), preferred values first.
      sortText: `${preferred(value) ? 0 : 1}-${String(index).padStart(5, '0')}`,
      replaceFrom: from,
    }));
}

/** The values already in the list (or flow list) a value is being added to, to offer the others. */
function listedValues(lines: readonly string[], paths: YamlPaths, line: number, dash: number): Set<string> {
  const present = new Set<string>();
  const owner = paths.listAt(line, dash).join('.');
  for (const step of [-1, 1]) {
    for (let i = line + step; i >= 0 && i < lines.length; i += step) {
      const parsed = paths.line(i);
      if (!parsed) continue;
      if (parsed.dash !== dash || parsed.key !== undefined) break;
      if (paths.listAt(i, dash).join('.') !== owner) break;
      const value = parsed.rest
        .replace(/\s+#.*$/, '')
        .trim()
        .replace(/^["']|["']$/g, '');
      if (value !== '') present.add(value);
    }
  }
  return present;
}

/** The keys already written in the mapping a key at column `col` of line `line` joins. */
function siblingKeys(paths: YamlPaths, line: number, col: number, start: number, end: number): Set<string> {
  const present = new Set<string>();
  for (let i = line - 1; i >= start; i--) {
    const parsed = paths.line(i);
    if (!parsed) continue;
    if (parsed.key !== undefined && parsed.keyCol === col) present.add(parsed.key);
    // The line that opens this mapping: a list item's dash, or the parent key.
    if ((parsed.dash !== undefined && parsed.dash < col) || (parsed.dash === undefined && parsed.indent < col)) break;
  }
  for (let i = line + 1; i < end; i++) {
    const parsed = paths.line(i);
    if (!parsed) continue;
    if (parsed.indent < col || (parsed.dash !== undefined && parsed.dash < col)) break;
    if (parsed.key !== undefined && parsed.keyCol === col && parsed.dash === undefined) present.add(parsed.key);
  }
  return present;
}

/** The task categories the card names, so their task ids come first. */
function cardTaskCategories(lines: readonly string[], paths: YamlPaths, start: number, end: number): Set<string> {
  const categories = new Set<string>();
  for (let i = start; i < end; i++) {
    const line = paths.line(i);
    if (line?.key !== 'task_categories' || line.keyCol !== 0) continue;
    const inline = line.rest.replace(/\s+#.*$/, '').trim();
    for (const value of inline.replace(/^\[|\]$/g, '').split(','))
      if (value.trim() !== '') categories.add(value.trim());
    for (let j = i + 1; j < end; j++) {
      const item = /^\s*-\s+(\S+)/.exec(lines[j] ?? '');
      if (!item) break;
      categories.add(item[1] ?? '');
    }
  }
  return categories;
}

function valuesFor(
  spec: MetadataKeySpec,
  from: number,
  present: ReadonlySet<string>,
  categories: ReadonlySet<string>,
): MetadataCompletion[] {
  if (spec.kind === 'boolean') {
    return valueItems(
      spec,
      [
        { id: 'true', description: 'yes' },
        { id: 'false', description: 'no' },
      ],
      from,
      present,
      () => false,
    );
  }
  if (!spec.values) return [];
  const preferred =
    spec.key === 'task_ids'
      ? (value: KnownValue): boolean =>
          TASK_IDS.find((task) => task.id === value.id)?.categories.some((c) => categories.has(c)) ?? false
      : (): boolean => false;
  return valueItems(spec, spec.values, from, present, preferred);
}

/**
 * What to offer at `position` in a card's metadata: keys on a line that starts a key, values
 * after an enum key or in its list. None outside the metadata, or where nothing is known.
 */
export function metadataCompletions(
  text: string,
  kind: 'markdown' | 'yaml',
  position: TextPosition,
): MetadataCompletion[] {
  const lines = text.split(/\r\n?|\n/);
  const region = metadataRegion(lines, kind);
  if (!region || position.line < region.start || position.line >= region.end) return [];
  const paths = yamlPaths(lines, region);
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const categories = cardTaskCategories(lines, paths, region.start, region.end);

  // `key: [a, b, |`: a value inside a flow list.
  const flow = /^(\s*)(?:-[ \t]+)?([^\s:#][^:#]*?)\s*:\s*\[([^\]]*)$/.exec(before);
  if (flow) {
    const line = paths.line(position.line);
    const spec = line?.key !== undefined ? keySpecAt(paths.keyPath(position.line)) : undefined;
    if (!spec) return [];
    const inside = flow[3] ?? '';
    const word = /[^,\s]*$/.exec(inside)?.[0] ?? '';
    const present = new Set(
      inside
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '' && v !== word),
    );
    return valuesFor(spec, position.character - word.length, present, categories);
  }

  // `key: |`: the key's value.
  const keyValue = /^(\s*)(?:-[ \t]+)?([^\s:#'"[\]{},][^:#]*?)[ \t]*:[ \t]+(\S*)$/.exec(before);
  if (keyValue) {
    const spec = keySpecAt(paths.keyPath(position.line));
    if (!spec) return [];
    const word = keyValue[3] ?? '';
    return valuesFor(spec, position.character - word.length, new Set(), categories);
  }

  // `- |`: a value of the list, or the first key of a mapping in it.
  const item = /^(\s*)-[ \t]+([^\s:#]*)$/.exec(before);
  if (item) {
    const dash = (item[1] ?? '').length;
    const word = item[2] ?? '';
    const owner = paths.listAt(position.line, dash);
    const spec = keySpecAt(owner);
    if (!spec) return [];
    const from = position.character - word.length;
    if (spec.kind === 'list-of-mappings' && spec.children) {
      return keyItems(spec.children, new Set(), from, ' '.repeat(from + 2));
    }
    return valuesFor(spec, from, listedValues(lines, paths, position.line, dash), categories);
  }

  // `|` or `ke|` at some indentation: the keys of the mapping at that level.
  const key = /^(\s*)([\w-]*)$/.exec(before);
  if (key) {
    const col = (key[1] ?? '').length;
    const path = paths.mappingAt(position.line, col);
    return keyItems(
      keysAt(path),
      siblingKeys(paths, position.line, col, region.start, region.end),
      col,
      ' '.repeat(col + 2),
    );
  }
  return [];
}
