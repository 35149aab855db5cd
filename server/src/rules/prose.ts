import type { DatasetCard } from '../parse/datasetCard';
import type { TextPosition, TextRange } from '../parse/text';

/**
 * A paragraph of a card's prose: a run of lines with text, between blank lines. Sentences, list
 * items, tables and claims do not cross a blank line, so rules read the prose paragraph by
 * paragraph and remember what they found in each (see {@link ProseParagraph.memo}): a keystroke
 * changes one paragraph, and only that one is read again.
 */
export interface ProseParagraph {
  /** The card line it starts on. */
  line: number;
  /** Its lines (at least one). */
  lineCount: number;
  /** Where it starts in {@link Prose.text}. */
  offset: number;
  /** Its lines joined by `\n`, without a final newline. */
  text: string;
  /**
   * `compute(text)`, worked out once for as long as the paragraph's text is unchanged, across
   * keystrokes: what it returns must depend on the text alone (offsets relative to the paragraph).
   */
  memo<T>(key: object, compute: (text: string) => T): T;
}

/**
 * A card's prose as one string, with what is not a claim blanked: code, comments, front matter,
 * heading lines and link targets (a URL is not a claim). Every line and column is kept, so an
 * offset in it is a place in the card. Built once per card, since several rules read it.
 */
export interface Prose {
  /** The whole prose (joined when first asked: rules that read paragraphs never need it). */
  readonly text: string;
  lines: string[];
  paragraphs: readonly ProseParagraph[];
  positionAt(offset: number): TextPosition;
  rangeAt(start: number, end: number): TextRange;
}

const blank = (text: string): string => ' '.repeat(text.length);

/** Blanks link targets and bare URLs on a line (most lines have neither, and are returned as they are). */
function withoutTargets(line: string): string {
  let out = line;
  if (out.includes('](')) {
    out = out.replace(
      /(\]\()([^)\s]*)(\))/g,
      (_m, open: string, target: string, close: string) => open + blank(target) + close,
    );
  }
  if (out.includes('http')) out = out.replace(/\bhttps?:\/\/\S+/g, blank);
  return out;
}

/** Blank as the sentence and paragraph breaks read it: whitespace only. */
const BLANK = /^\s*$/;

/** {@link BLANK}, without a pattern for the lines that start with a visible ASCII character (most). */
function isBlank(line: string): boolean {
  const first = line.charCodeAt(0);
  return line.length === 0 || ((first <= 32 || first >= 127) && BLANK.test(line));
}

/** What a paragraph keeps from one card to the next: its text and what rules found in it. */
interface ParagraphData {
  text: string;
  lineCount: number;
  memo: Map<object, unknown>;
}

/**
 * The prose built last: its source lines, those lines with link targets blanked, and its
 * paragraphs by start line. An edit leaves the lines and paragraphs before and after it
 * unchanged, and they are taken from here (paragraphs with what rules remembered of them) rather
 * than blanked, joined and read again. Found by comparing lines, as the card parser finds its
 * blocks; the parser hands unchanged lines on as the same strings, so most comparisons are of a
 * string with itself.
 */
let last:
  | {
      source: readonly string[];
      untargeted: readonly string[];
      lines: readonly string[];
      paragraphs: Map<number, ParagraphData>;
    }
  | undefined;

/** Forgets the prose kept from the last card (tests compare a fresh build with an incremental one). */
export function forgetProseParagraphs(): void {
  last = undefined;
}

/** How `lines` differs from `old`: equal lines at the start and at the end, and the change in length. */
function difference(
  old: readonly string[],
  lines: readonly string[],
): { prefix: number; suffix: number; shift: number } {
  const common = Math.min(old.length, lines.length);
  let prefix = 0;
  while (prefix < common && old[prefix] === lines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < common - prefix && old[old.length - 1 - suffix] === lines[lines.length - 1 - suffix]) suffix++;
  return { prefix, suffix, shift: lines.length - old.length };
}

function reusable(lines: readonly string[]): (start: number, end: number) => ParagraphData | undefined {
  const previous = last;
  if (!previous) return () => undefined;
  const old = previous.lines;
  const { prefix, suffix, shift } = difference(old, lines);
  // A paragraph is the same when its lines and the blank (or edge) lines around it are.
  return (start, end) => {
    const found =
      end < prefix || (end === lines.length && end <= prefix && old.length === lines.length)
        ? previous.paragraphs.get(start)
        : start - 1 >= lines.length - suffix
          ? previous.paragraphs.get(start - shift)
          : undefined;
    return found && found.lineCount === end - start ? found : undefined;
  };
}

/** The source lines with link targets blanked: unchanged lines are taken from the last prose. */
function untargetedLines(source: readonly string[]): string[] {
  const out = new Array<string>(source.length);
  const previous = last;
  const { prefix, suffix, shift } = previous ? difference(previous.source, source) : { prefix: 0, suffix: 0, shift: 0 };
  for (let i = 0; i < source.length; i++) {
    const kept =
      previous === undefined
        ? undefined
        : i < prefix
          ? previous.untargeted[i]
          : i >= source.length - suffix
            ? previous.untargeted[i - shift]
            : undefined;
    out[i] = kept ?? withoutTargets(source[i] ?? '');
  }
  return out;
}

class Paragraph implements ProseParagraph {
  constructor(
    readonly line: number,
    readonly offset: number,
    private readonly data: ParagraphData,
  ) {}

  get lineCount(): number {
    return this.data.lineCount;
  }

  get text(): string {
    return this.data.text;
  }

  memo<T>(key: object, compute: (text: string) => T): T {
    const memo = this.data.memo;
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute(this.data.text);
    memo.set(key, value);
    return value;
  }
}

function paragraphsOf(
  lines: readonly string[],
  lineStarts: readonly number[],
): {
  paragraphs: ProseParagraph[];
  kept: Map<number, ParagraphData>;
} {
  const reuse = reusable(lines);
  const kept = new Map<number, ParagraphData>();
  const paragraphs: ProseParagraph[] = [];
  for (let i = 0; i < lines.length;) {
    if (isBlank(lines[i] ?? '')) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && !isBlank(lines[i] ?? '')) i++;
    const data = reuse(start, i) ?? {
      text: lines.slice(start, i).join('\n'),
      lineCount: i - start,
      memo: new Map<object, unknown>(),
    };
    kept.set(start, data);
    paragraphs.push(new Paragraph(start, lineStarts[start] ?? 0, data));
  }
  return { paragraphs, kept };
}

const cache = new WeakMap<DatasetCard, Prose>();

/** The last index in sorted `values` whose value is ≤ `target` (−1 when none is). */
export function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? Infinity) <= target) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export function proseOf(card: DatasetCard): Prose {
  const cached = cache.get(card);
  if (cached) return cached;
  const headingLines = new Set(card.sections.map((section) => section.range.start.line));
  const source = card.proseLines;
  const untargeted = untargetedLines(source);
  const lines: string[] = new Array<string>(source.length);
  const lineStarts: number[] = new Array<number>(source.length);
  let offset = 0;
  for (let i = 0; i < source.length; i++) {
    const line = headingLines.has(i) ? '' : (untargeted[i] ?? '');
    lines[i] = line;
    lineStarts[i] = offset;
    offset += line.length + 1;
  }
  const positionAt = (at: number): TextPosition => {
    const line = Math.max(0, lastAtOrBefore(lineStarts, at));
    return { line, character: at - (lineStarts[line] ?? 0) };
  };
  let text: string | undefined;
  const { paragraphs, kept } = paragraphsOf(lines, lineStarts);
  last = { source, untargeted, lines, paragraphs: kept };
  const prose: Prose = {
    get text(): string {
      text ??= lines.join('\n');
      return text;
    },
    lines,
    paragraphs,
    positionAt,
    rangeAt: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
  };
  cache.set(card, prose);
  return prose;
}

/** Sentence starts in a paragraph: after a full stop, at a list item (offsets in the paragraph). */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/[.!?](?=\s)|\n(?=\s*(?:[-*+]|\d+[.)])\s)/g)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** Whether `pattern` (no `g` flag) matches in any paragraph, remembered per paragraph. */
export function someParagraph(prose: Prose, pattern: RegExp): boolean {
  return prose.paragraphs.some((paragraph) => paragraph.memo(pattern, (text) => pattern.test(text)));
}
