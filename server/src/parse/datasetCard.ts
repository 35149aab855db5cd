import MarkdownIt from 'markdown-it';
import { parseDocument, type Document } from 'yaml';
import { lineRange, splitLines, type TextRange } from './text';

/** A Markdown heading and the text under it, up to the next heading of the same or a higher level. */
export interface CardSection {
  heading: string;
  level: number;
  /** The heading line. */
  range: TextRange;
  /** First line after the heading. */
  bodyStartLine: number;
  /** Line after the section's last line. */
  bodyEndLine: number;
  /** The section's text (subsections included), HTML comments removed. */
  body: string;
}

/** A link in the card body. */
export interface CardLink {
  target: string;
  line: number;
}

/** A dataset card parsed into the pieces rules look at, each with its range in the file. */
export interface DatasetCard {
  kind: 'markdown' | 'yaml';
  lines: string[];
  /** The card's title: its first level-1 heading, else its first heading, else its first line. */
  title: { text: string; range: TextRange };
  sections: CardSection[];
  /** Parsed YAML front matter (Markdown cards) or the whole document (YAML cards). */
  metadata?: Document;
  /** The text `metadata` was parsed from and the card line it starts on, to place its nodes. */
  metadataSource?: { text: string; startLine: number };
  /** Line after the front matter block (0 when there is none). */
  bodyStartLine: number;
  /** The Markdown body with HTML comments and front matter blanked out (line numbers kept). */
  bodyText: string;
  /** `bodyText` by line (what `bodyText` is joined from: rules that read lines need not split it). */
  bodyLines: readonly string[];
  /** `bodyText` with code blocks (fenced, indented, unclosed) blanked out too: the card's prose. */
  proseText: string;
  /** `proseText` by line. */
  proseLines: readonly string[];
  links: CardLink[];
}

const markdown = new MarkdownIt({ html: true });

/** Replaces HTML comments with spaces, keeping newlines so line numbers stay right. */
export function blankComments(text: string): string {
  if (!text.includes('<!--')) return text;
  return blankCommentLines(text.split('\n')).join('\n');
}

/**
 * {@link blankComments} over lines: a comment runs from `<!--` to the next `-->` (across lines) or
 * to the end, and each of its characters becomes a space. Lines without a comment are returned as
 * they are, so a long card is not copied character by character on every keystroke. Lines before
 * `from` (the front matter) come out empty.
 */
function blankCommentLines(lines: readonly string[], from = 0): string[] {
  const out: string[] = new Array<string>(lines.length);
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = i < from ? '' : (lines[i] ?? '');
    if (!inComment && !line.includes('<!--')) {
      out[i] = line;
      continue;
    }
    let result = '';
    let at = 0;
    for (;;) {
      if (inComment) {
        const close = line.indexOf('-->', at);
        if (close < 0) {
          result += ' '.repeat(line.length - at);
          break;
        }
        result += ' '.repeat(close + 3 - at);
        at = close + 3;
        inComment = false;
      }
      const open = line.indexOf('<!--', at);
      if (open < 0) {
        result += line.slice(at);
        break;
      }
      result += line.slice(at, open) + '    ';
      at = open + 4;
      inComment = true;
    }
    out[i] = result;
  }
  return out;
}

// Re-linting on every keystroke parses the same card again and again with one character changed.
// Caches make that cheap, each keyed by text so a hit is always right: whole cards (the server's
// data pass, lint, hover and completion ask for the same text), YAML documents (the front matter
// rarely changes while the body is typed) and Markdown blocks (only the block around the edit is
// parsed again; the others come from the last parse, found by comparing lines, or by their text).
// Cards handed out are shared: callers and rules read them and never change them.

/**
 * A least-recently-used cache keyed by text, bounded in entries and in the characters its keys
 * hold (a huge card edited many times must not keep every version).
 */
class TextCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so the oldest entry comes first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  set(key: string, value: V): void {
    if (key.length > this.maxChars) return;
    if (this.entries.has(key)) this.entries.delete(key);
    else this.chars += key.length;
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
      this.chars -= oldest.value.length;
    }
  }
}

/** The cards parsed last: lint, hover and completion parse the same text. */
const cardCache = { markdown: new TextCache<DatasetCard>(4, 64 << 20), yaml: new TextCache<DatasetCard>(4, 64 << 20) };

/** Parsed YAML by its text, with the source object `metadataRange` indexes. */
const yamlCache = new TextCache<{ document: Document; text: string }>(16, 16 << 20);

/** What the card parser keeps of a Markdown block's tokens, lines relative to the block. */
interface BlockInfo {
  headings: { heading: string; level: number; line: number }[];
  /** Line ranges `[start, end)` of code (fenced, indented, unclosed). */
  code: [number, number][];
  links: CardLink[];
  /**
   * False when a fence or raw HTML block runs to the block's end unclosed: the text after it, in
   * the whole card, would belong to it too, so the block cannot be parsed alone.
   */
  closed: boolean;
}

/** Blocks by their text: a few versions of the blocks of a few long cards. */
const blockCache = new TextCache<BlockInfo>(20_000, 32 << 20);

function parseYaml(text: string, fresh = false): { document: Document; text: string } {
  if (fresh) return { document: parseDocument(text), text };
  let parsed = yamlCache.get(text);
  if (!parsed) {
    parsed = { document: parseDocument(text), text };
    yamlCache.set(text, parsed);
  }
  return parsed;
}

/** Parses one Markdown block (whole lines, ending with a newline) into what the card needs. */
function parseBlock(text: string, fresh = false): BlockInfo {
  const cached = fresh ? undefined : blockCache.get(text);
  if (cached) return cached;
  const tokens = markdown.parse(text, {});
  // markdown-it counts a final newline as ending the last line, not as starting another.
  const lineCount = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  const info: BlockInfo = { headings: [], code: [], links: [], closed: true };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if ((token.type === 'fence' || token.type === 'code_block') && token.map) {
      info.code.push([token.map[0], token.map[1]]);
    }
    if ((token.type === 'fence' || token.type === 'html_block') && token.map && token.map[1] >= lineCount) {
      info.closed = false;
    }
    if (token.type === 'heading_open' && token.map) {
      const inline = tokens[i + 1];
      info.headings.push({
        heading: (inline?.content ?? '').trim(),
        level: Number(token.tag.slice(1)),
        line: token.map[0],
      });
    }
    if (token.type === 'inline' && token.map) {
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        if (href !== null) info.links.push({ target: String(href), line: token.map[0] });
      }
    }
  }
  if (!fresh) blockCache.set(text, info);
  return info;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A link reference definition (`[id]: url`): it resolves links anywhere in the card. */
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/;

/**
 * Lines where the card can be cut into blocks that parse alone as they do in the whole card (for
 * what the card keeps: headings, code, links): a line that starts with text at its first column,
 * after a blank line, outside a fence. The blank line closes paragraphs, tables and HTML blocks of
 * kinds 6–7; a line at the first column after it closes block quotes, indented code and list
 * items (or starts the list's next item, which reads the same alone). A fence the scan here does
 * not see (indented in a list) or a raw HTML block (`<pre>`…) running on is caught after parsing,
 * by {@link BlockInfo.closed}. Link reference definitions reach across blocks, so a card with any
 * is parsed whole.
 */
function blockStarts(lines: readonly string[]): number[] {
  const starts = [0];
  let fence: { char: string; length: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const first = line.trimStart().charAt(0);
    // A definition inside a code block counts too: parsing whole is only slower, never wrong.
    if (first === '[' && line.includes(']:') && REFERENCE_DEFINITION.test(line)) return [0];
    if (first === '`' || first === '~') {
      const marker = FENCE.exec(line)?.[1];
      if (marker !== undefined) {
        if (!fence) fence = { char: marker.charAt(0), length: marker.length };
        else if (marker.charAt(0) === fence.char && marker.length >= fence.length && line.trim() === marker) {
          fence = undefined;
        }
        continue;
      }
    }
    // Blank as markdown-it reads it: spaces and tabs only (`trim` would also drop a BOM or a
    // no-break space, which markdown-it reads as text).
    if (!fence && i > 0 && line !== '' && !/\s/.test(line.charAt(0)) && /^[ \t]*$/.test(lines[i - 1] ?? '')) {
      starts.push(i);
    }
  }
  return starts;
}

/** The body parsed last, block by block: the blocks an edit did not touch are taken from it. */
let lastBody: { lines: readonly string[]; blocks: Map<number, { end: number; info: BlockInfo }> } | undefined;

/**
 * The blocks of the last body parsed that the new body has unchanged: the lines before the first
 * changed line keep their numbers, those after the last changed line move by the change in line
 * count. Found by comparing lines, which is cheaper than joining and hashing every block.
 */
function reusableBlocks(lines: string[]): (start: number, end: number) => BlockInfo | undefined {
  const previous = lastBody;
  if (!previous) return () => undefined;
  const old = previous.lines;
  const common = Math.min(old.length, lines.length);
  // Equal lines are taken from the last body: later comparisons of them (the prose's paragraphs,
  // the next keystroke's) are then comparisons of one string with itself, which cost nothing.
  let prefix = 0;
  for (; prefix < common && old[prefix] === lines[prefix]; prefix++) lines[prefix] = old[prefix] ?? '';
  let suffix = 0;
  for (; suffix < common - prefix; suffix++) {
    const kept = old[old.length - 1 - suffix];
    if (kept !== lines[lines.length - 1 - suffix]) break;
    lines[lines.length - 1 - suffix] = kept ?? '';
  }
  const shift = lines.length - old.length;
  return (start, end) => {
    const delta = end <= prefix ? 0 : start >= lines.length - suffix ? shift : undefined;
    if (delta === undefined) return undefined;
    const found = previous.blocks.get(start - delta);
    return found?.end === end - delta ? found.info : undefined;
  };
}

/** The Markdown structure of a card body, parsed block by block (see {@link blockStarts}). */
function parseBody(lines: string[], fresh: boolean, wholeBody: boolean): BlockInfo {
  const starts = wholeBody ? [0] : blockStarts(lines);
  const reuse = fresh ? () => undefined : reusableBlocks(lines);
  // By start line: the end is kept to check that a block found there is the one asked for.
  const blocks = new Map<number, { end: number; info: BlockInfo }>();
  const whole: BlockInfo = { headings: [], code: [], links: [], closed: true };
  let merges = 0;
  for (let b = 0; b < starts.length;) {
    const start = starts[b] ?? 0;
    let next = b + 1;
    let info: BlockInfo;
    for (;;) {
      const end = starts[next] ?? lines.length;
      // Past a few merges, something unusual runs on (an unclosed fence the scan missed): the
      // rest is parsed in one piece rather than block by block.
      const last = end >= lines.length || merges > 4;
      const stop = last ? lines.length : end;
      info = reuse(start, stop) ?? parseBlock(`${lines.slice(start, stop).join('\n')}\n`, fresh);
      if (!fresh) blocks.set(start, { end: stop, info });
      if (last) {
        next = starts.length;
        break;
      }
      if (info.closed) break;
      merges++;
      next++;
    }
    for (const heading of info.headings) whole.headings.push({ ...heading, line: heading.line + start });
    for (const [from, to] of info.code) whole.code.push([from + start, to + start]);
    for (const link of info.links) whole.links.push({ target: link.target, line: link.line + start });
    b = next;
  }
  if (!fresh && !wholeBody) lastBody = { lines, blocks };
  return whole;
}

/**
 * Forgets the cards parsed so far and the body kept for the next parse, so the next parse of any
 * text starts from scratch (tests compare linting edit after edit with linting each text afresh).
 */
export function forgetParsedCards(): void {
  cardCache.markdown.clear();
  cardCache.yaml.clear();
  lastBody = undefined;
}

/** Parses a dataset card. `kind` follows the file name: YAML cards are `dataset.yaml|yml`. */
export function parseDatasetCard(text: string, kind: 'markdown' | 'yaml'): DatasetCard {
  const cached = cardCache[kind].get(text);
  if (cached) return cached;
  const card = kind === 'yaml' ? parseYamlCard(text) : parseMarkdownCard(text);
  cardCache[kind].set(text, card);
  return card;
}

/**
 * The card parsed from scratch, no cache consulted: what {@link parseDatasetCard} must equal, for
 * tests. With `wholeBody` the Markdown body is parsed in one piece rather than block by block —
 * the same result, except that markdown-it drops the rest of a card once it passes its nesting
 * limit (100 levels), while a card parsed block by block loses only the block that does.
 */
export function parseDatasetCardFresh(
  text: string,
  kind: 'markdown' | 'yaml',
  { wholeBody = false }: { wholeBody?: boolean } = {},
): DatasetCard {
  return kind === 'yaml' ? parseYamlCard(text, true) : parseMarkdownCard(text, true, wholeBody);
}

function parseYamlCard(text: string, fresh = false): DatasetCard {
  const lines = splitLines(text);
  // The YAML is parsed with `\n` line ends, so that offsets in it count lines as `lines` does.
  const { document, text: source } = parseYaml(text.includes('\r') ? lines.join('\n') : text, fresh);
  return {
    kind: 'yaml',
    lines,
    title: { text: '', range: lineRange(lines, 0) },
    sections: [],
    metadata: document,
    metadataSource: fresh ? { text: source, startLine: 0 } : sourceAt(source, 0),
    bodyStartLine: 0,
    bodyText: '',
    bodyLines: [],
    proseText: '',
    proseLines: [],
    links: [],
  };
}

/** The `metadataSource` of a card, shared by cards with the same front matter (its index too). */
const sources = new WeakMap<Document, { text: string; startLine: number }[]>();
function sourceAt(text: string, startLine: number): { text: string; startLine: number } {
  const document = yamlCache.get(text)?.document;
  if (!document) return { text, startLine };
  let list = sources.get(document);
  if (!list) {
    list = [];
    sources.set(document, list);
  }
  let source = list.find((candidate) => candidate.startLine === startLine);
  if (!source) {
    source = { text, startLine };
    list.push(source);
  }
  return source;
}

function parseMarkdownCard(text: string, fresh = false, wholeBody = false): DatasetCard {
  const lines = splitLines(text);
  let metadata: Document | undefined;
  let metadataSource: { text: string; startLine: number } | undefined;
  let bodyStartLine = 0;
  // A byte-order mark before the opening `---` (files read as bytes keep it) still opens front matter.
  if (/^\ufeff?---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 0) {
      const frontMatter = lines.slice(1, close).join('\n');
      metadata = parseYaml(frontMatter, fresh).document;
      metadataSource = fresh ? { text: frontMatter, startLine: 1 } : sourceAt(frontMatter, 1);
      bodyStartLine = close + 1;
    }
  }
  const bodyTextLines = blankCommentLines(lines, bodyStartLine);
  const parsed = parseBody(bodyTextLines, fresh, wholeBody);

  let proseLines = bodyTextLines;
  if (parsed.code.length > 0) {
    proseLines = [...bodyTextLines];
    for (const [from, to] of parsed.code) for (let line = from; line < to; line++) proseLines[line] = '';
  }
  const headings = parsed.headings;
  const links = parsed.links;

  const sections: CardSection[] = headings.map((h, index) => {
    let next: (typeof headings)[number] | undefined;
    for (let k = index + 1; k < headings.length; k++) {
      const other = headings[k];
      if (other && other.level <= h.level) {
        next = other;
        break;
      }
    }
    const bodyEndLine = next ? next.line : lines.length;
    let body: string | undefined;
    return {
      heading: h.heading,
      level: h.level,
      range: headingRange(lines, h.line),
      bodyStartLine: h.line + 1,
      bodyEndLine,
      // Joined when a rule asks: most never do, and a title's body is the whole card.
      get body(): string {
        body ??= bodyTextLines.slice(h.line + 1, bodyEndLine).join('\n');
        return body;
      },
    };
  });

  const titleSection = sections.find((s) => s.level === 1) ?? sections[0];
  // The first line with text after the front matter; a card that is all front matter has its
  // title on its last line, so that what is reported there stays inside the document.
  const textLine = lines.findIndex((line, i) => i >= bodyStartLine && line.trim() !== '');
  const firstTextLine = textLine >= 0 ? textLine : Math.min(bodyStartLine, lines.length - 1);
  let bodyText: string | undefined;
  let proseText: string | undefined;
  const title = titleSection
    ? { text: titleSection.heading, range: titleSection.range }
    : { text: (lines[firstTextLine] ?? '').trim(), range: lineRange(lines, firstTextLine) };
  return {
    kind: 'markdown',
    lines,
    title,
    sections,
    metadata,
    ...(metadataSource ? { metadataSource } : {}),
    bodyStartLine,
    // Joined when a rule asks (most read the lines): a long card is not copied twice a keystroke.
    get bodyText(): string {
      bodyText ??= bodyTextLines.join('\n');
      return bodyText;
    },
    bodyLines: bodyTextLines,
    get proseText(): string {
      proseText ??= proseLines.join('\n');
      return proseText;
    },
    proseLines,
    links,
  };
}

/** Offsets where each line of a metadata source starts, built once per source. */
const lineStartCache = new WeakMap<{ text: string; startLine: number }, number[]>();
function lineStarts(source: { text: string; startLine: number }): number[] {
  let starts = lineStartCache.get(source);
  if (!starts) {
    starts = [0];
    for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartCache.set(source, starts);
  }
  return starts;
}

/** The range in the card of a metadata node's `[start, end]` offsets (the `range` the yaml library gives). */
export function metadataRange(card: DatasetCard, offsets: readonly [number, number, ...number[]]): TextRange {
  const source = card.metadataSource ?? { text: '', startLine: 0 };
  const starts = lineStarts(source);
  const position = (offset: number): { line: number; character: number } => {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, source.text.length));
    // The last line start at or before `at`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    const line = source.startLine + low;
    const character = Math.min(at - (starts[low] ?? 0), (card.lines[line] ?? '').length);
    return { line, character };
  };
  return { start: position(offsets[0]), end: position(offsets[1]) };
}

/** The range of a heading's text on its line, without the `#` marks. */
function headingRange(lines: readonly string[], line: number): TextRange {
  const text = lines[line] ?? '';
  const match = /^(\s*#{1,6}\s+)(.*?)(\s+#+)?\s*$/.exec(text);
  if (!match) return lineRange(lines, line);
  const start = (match[1] ?? '').length;
  return { start: { line, character: start }, end: { line, character: start + (match[2] ?? '').length } };
}
