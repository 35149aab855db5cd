/**
 * Where a position sits in a card's YAML metadata, read from the text's indentation rather than a
 * parse: while the user types, the YAML is often incomplete (`license: ` with nothing after it, a
 * `- ` on its own), and completion must still know that the cursor is under `configs[].data_files`.
 * Paths are lists of keys, `[]` standing for "an item of the list" (`['configs', '[]', 'data_files']`).
 */

/** The lines of a card that hold its YAML metadata: `[start, end)`. */
export interface MetadataRegion {
  start: number;
  end: number;
}

/**
 * The metadata lines of a card: the whole of a YAML card; a Markdown card's front matter, or —
 * while its closing `---` is not written yet — the lines up to its first heading.
 */
export function metadataRegion(lines: readonly string[], kind: 'markdown' | 'yaml'): MetadataRegion | undefined {
  if (kind === 'yaml') return { start: 0, end: lines.length };
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close > 0) return { start: 1, end: close };
  const heading = lines.findIndex((line, i) => i > 0 && /^#{1,6}\s/.test(line));
  return { start: 1, end: heading > 0 ? heading : lines.length };
}

/** One line of block YAML: its indentation, list dash and key, with their columns. */
export interface YamlLine {
  indent: number;
  /** Column of a leading `- `. */
  dash?: number;
  /** The key and its column, when the line (or its list item) starts with `key:`. */
  key?: string;
  keyCol?: number;
  /** Column where the key's value starts (after `: `), or where an item's scalar starts. */
  valueCol: number;
  /** The text from `valueCol` on (the value, or an item's scalar), comment included. */
  rest: string;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#:'"[\]{},&*!|>%@`][^:#]*?))[ \t]*:(?=\s|$)/;

/** A line of block YAML; undefined for blank lines, comments and document markers. */
export function parseYamlLine(text: string): YamlLine | undefined {
  const indent = /^ */.exec(text)?.[0].length ?? 0;
  const content = text.slice(indent);
  if (content.trim() === '' || content.startsWith('#') || /^(?:---|\.\.\.)\s*$/.test(content)) return undefined;
  let column = indent;
  let body = content;
  let dash: number | undefined;
  const item = /^-(?:[ \t]+|$)/.exec(body);
  if (item) {
    dash = indent;
    column += item[0].length;
    body = body.slice(item[0].length);
  }
  const key = KEY.exec(body);
  if (!key) return { indent, ...(dash !== undefined ? { dash } : {}), valueCol: column, rest: body };
  const name = key[1] ?? key[2] ?? key[3] ?? '';
  const afterColon = body.slice(key[0].length);
  const spaces = /^[ \t]*/.exec(afterColon)?.[0].length ?? 0;
  return {
    indent,
    ...(dash !== undefined ? { dash } : {}),
    key: name.trim(),
    keyCol: column,
    valueCol: column + key[0].length + spaces,
    rest: afterColon.slice(spaces),
  };
}

/** Reads lines of a region lazily, once each. */
class Lines {
  private readonly parsed = new Map<number, YamlLine | undefined>();
  constructor(
    readonly text: readonly string[],
    readonly region: MetadataRegion,
  ) {}
  at(i: number): YamlLine | undefined {
    if (!this.parsed.has(i)) this.parsed.set(i, parseYamlLine(this.text[i] ?? ''));
    return this.parsed.get(i);
  }
}

/** The path of the key written on line `i` (which must hold one). */
function keyLinePath(lines: Lines, i: number): string[] {
  const line = lines.at(i);
  if (line?.key === undefined) return [];
  if (line.dash !== undefined) return [...sequenceOwner(lines, i, line.dash), '[]', line.key];
  return [...mappingPath(lines, i, line.keyCol ?? line.indent), line.key];
}

/** The path of the mapping that holds a key written at column `col` on line `i`. */
function mappingPath(lines: Lines, i: number, col: number): string[] {
  for (let j = i - 1; j >= lines.region.start; j--) {
    const line = lines.at(j);
    if (!line) continue;
    if (line.dash !== undefined && line.dash < col) {
      // Inside a list item: a sibling of the item's first key, or under a key it opens.
      if (line.keyCol !== undefined && line.keyCol < col) return keyLinePath(lines, j);
      return [...sequenceOwner(lines, j, line.dash), '[]'];
    }
    if (line.key !== undefined && (line.keyCol ?? line.indent) < col) return keyLinePath(lines, j);
  }
  return [];
}

/** The path of the key whose list has an item (`- `) at column `dash` on line `i`. */
function sequenceOwner(lines: Lines, i: number, dash: number): string[] {
  for (let j = i - 1; j >= lines.region.start; j--) {
    const line = lines.at(j);
    if (!line || line.indent > dash) continue;
    if (line.dash === dash) continue;
    if (line.key !== undefined && (line.keyCol ?? line.indent) <= dash) return keyLinePath(lines, j);
    if (line.dash !== undefined && line.dash < dash) return [...sequenceOwner(lines, j, line.dash), '[]'];
    return [];
  }
  return [];
}

/** A helper bound to one card's lines. */
export interface YamlPaths {
  /** The path of the key on line `i`. */
  keyPath(i: number): string[];
  /** The path of the mapping a key at column `col` of line `i` belongs to. */
  mappingAt(i: number, col: number): string[];
  /** The path of the list whose item starts with a dash at column `dash` of line `i`. */
  listAt(i: number, dash: number): string[];
  line(i: number): YamlLine | undefined;
}

/** Path lookups over a card's metadata region. */
export function yamlPaths(text: readonly string[], region: MetadataRegion): YamlPaths {
  const lines = new Lines(text, region);
  return {
    keyPath: (i) => keyLinePath(lines, i),
    mappingAt: (i, col) => mappingPath(lines, i, col),
    listAt: (i, dash) => sequenceOwner(lines, i, dash),
    line: (i) => lines.at(i),
  };
}
