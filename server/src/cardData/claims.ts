// What a card claims about its data, each claim with its place in the card: example counts (in
// total, per split, per file), `size_categories`, the documented columns with their stated types,
// categories and ranges, and the label values. Read from the same parts of the card the book's
// rules look at (the size section MLG009 reads, the attribute sections MLG008 finds, the label
// sections MLG010 finds, `dataset_info` metadata); computed once per parsed card, since every
// MLG4xx rule asks.
//
// The card is re-linted on every keystroke, so the reading is split the way the edit splits the
// card: what a paragraph claims is read from its text alone and remembered while it is unchanged
// (`ProseParagraph.memo`), what the front matter claims is remembered while it is unchanged, and
// a keystroke only combines those with the section context (which section a line is in). A claim
// never crosses a blank line, so reading paragraph by paragraph finds what the whole text would.
// The claims of a card equal to the last card's are returned as the same objects, so the rules
// can remember what they found while the claims and the data stay.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { metadataRange, type DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { attributeTypesItem } from '../rules/MLG008-attribute-types';
import { isSizeHeading } from '../rules/MLG009-number-of-examples';
import { labelValuesItem } from '../rules/MLG010-label-values';
import { lastAtOrBefore, proseOf, type Prose, type ProseParagraph } from '../rules/prose';
import { itemStatus, metadataAt, words } from '../rules/requiredSection';
import { canonicalSplit } from './findData';
import {
  COUNT_PATTERN,
  QUALIFIER_PATTERN,
  parseCount,
  parseRanges,
  parseStatedType,
  type StatedCount,
  type StatedType,
} from './numbers';

/** A stated number of examples. */
export interface CountClaim {
  stated: StatedCount;
  /** The claim: qualifier, number and unit ("about 10,000 rows"), or the metadata value. */
  range: TextRange;
  /** The number alone, which a fix replaces. */
  numberRange: TextRange;
  /** Canonical split (`train`, `validation`, `test`) when the claim is about one. */
  split?: string;
  /** The line the claim is on, to tell which data file it is about. */
  context: string;
  source: 'prose' | 'size-section' | 'metadata';
}

/** A `size_categories` value. */
export interface SizeCategoryClaim {
  value: string;
  range: TextRange;
}

/** A value written in a card, with where. */
export interface StatedValue {
  text: string;
  range: TextRange;
  /** Another spelling of the same value: `neg` (0) → `0`. */
  alias?: string;
}

/** A value range written in a card. */
export interface RangeClaim {
  min: number;
  max: number;
  range: TextRange;
  text: string;
}

/** A column a card documents. */
export interface DocumentedColumn {
  name: string;
  /** Where its name is written. */
  range: TextRange;
  line: number;
  typeText?: string;
  type?: StatedType;
  /** Where its type is written. */
  typeRange?: TextRange;
  /** Categories listed with the type ("categorical: basic, standard"), or class names. */
  values: StatedValue[];
  ranges: RangeClaim[];
  /** True when the card calls it the label or target. */
  isLabel: boolean;
}

/** Where a card lists its columns. */
export interface ColumnListing {
  kind: 'table' | 'list' | 'inline' | 'metadata';
  columns: DocumentedColumn[];
  /** Where findings about the listing as a whole go: the table's header, the list's first item. */
  anchor: TextRange;
  /** Tables: the last row's line and the header's cells, to append a row. */
  table?: { lastRowLine: number; cells: number; nameIndex: number; typeIndex?: number; leadingPipe: boolean };
  /** Bulleted lists: the last item's line and its marker, to append an item. */
  list?: { lastLine: number; prefix: string; withTypes: boolean };
  /** Inline lists (`tenure` (integer), `churned`): the whole list, to replace it. */
  inline?: { range: TextRange; withTypes: boolean };
}

/** What a card says about its label. */
export interface LabelClaim {
  /** Code or quoted words in the label section(s), a column name among them. */
  tokens: StatedValue[];
  ranges: RangeClaim[];
  /** The label section's heading or label. */
  anchor: TextRange;
}

/** Every claim a card makes about its data. */
export interface CardClaims {
  counts: CountClaim[];
  sizeCategories: SizeCategoryClaim[];
  listings: ColumnListing[];
  /** Every documented column of every listing, in card order. */
  documented: DocumentedColumn[];
  labels: LabelClaim[];
}

const UNIT = String.raw`(?:examples|samples|rows|records|instances|observations|data\s+points|datapoints|entries|items|documents|images|sentences|utterances|texts|reviews|transactions|customers|users|patients|tweets|posts|questions|pairs|dialogues|conversations)`;
const SPLIT_WORD = String.raw`(?:train|training|validation|valid|val|dev|development|test|testing|held-out|holdout|eval|evaluation)`;
const MIDDLE_WORD = String.raw`(?:labell?ed|annotated|unique|distinct|total|clean|cleaned|raw|usable|data|${SPLIT_WORD})`;

/** "about 10,000 labelled training examples". */
const NUMBER_UNIT = new RegExp(
  String.raw`(?<![\w.,\-/])(${COUNT_PATTERN})\s+((?:${MIDDLE_WORD}\s+){0,2})(${UNIT})\b`,
  'gi',
);
/** The qualifier right before a number ("about ", "~"), looked for only where a count matched. */
const QUALIFIER_BEFORE = new RegExp(String.raw`(?:^|[^\w])(${QUALIFIER_PATTERN})\s*$`, 'i');
/** "number of examples: 10,000", "the total number of rows in the test set is about 2k". */
const NUMBER_OF = new RegExp(
  String.raw`\b(?:total\s+)?(?:number|count|no\.?|#)\s+of\s+(?:${MIDDLE_WORD}\s+){0,2}${UNIT}\b([^\n\d]{0,40}?)(?:(${QUALIFIER_PATTERN})\s*)?(${COUNT_PATTERN})(?![\w.,/-]*\d)`,
  'gi',
);
const SPLIT_ANYWHERE = new RegExp(SPLIT_WORD, 'i');
const SPLIT_WORD_ON_LINE = new RegExp(String.raw`\b${SPLIT_WORD}\b`, 'i');
/** A number on a line of a size section: not a share (`70 %`), a date, a ratio or a version. */
const LINE_NUMBER = new RegExp(
  String.raw`(?<![\w.,\-/])(?:(${QUALIFIER_PATTERN})\s*)?(${COUNT_PATTERN})(?![\w.,]*\d)(?!\s*(?:%|percent|/|-\d))`,
  'gi',
);
const COUNTED_WORD = new RegExp(`^(?:${UNIT}|${SPLIT_WORD}|in|for|total|overall|counted|as|on)$`, 'i');
const SPLIT_AFTER = new RegExp(String.raw`^\s+(?:are\s+|is\s+)?(?:in|for|of)\s+(?:the\s+)?(${SPLIT_WORD})\b`, 'i');
const SPLIT_BEFORE = new RegExp(
  String.raw`\b(${SPLIT_WORD})(?:\s+(?:set|split|data|portion|partition|subset))?\s*(?:has|have|holds|contains|consists\s+of|with|of|:|=|—|–|-|\|)?\s*(?:\*\*|__|\`)?\s*$`,
  'i',
);
/** A count that is a sample of the data, not its size: "the first 5 rows", "3 examples per class". */
const SAMPLE_BEFORE = /\b(?:first|top|last|each|every|per|following|sample\s+of|random|few|these|those)\s+$/i;
const SAMPLE_AFTER = /^\s*(?:per|each|from|of\s+(?:each|the|a|an)|below|above|shown)\b/i;

const cache = new WeakMap<DatasetCard, CardClaims>();

/** The claims returned last: a card that claims the same gets the same objects back. */
let last: CardClaims | undefined;

/** Every claim the card makes about its data (computed once per parsed card). */
export function cardClaims(card: DatasetCard): CardClaims {
  let claims = cache.get(card);
  if (!claims) {
    const fromMetadata = metadataClaims(card);
    let counts = fromMetadata.counts;
    let listings = fromMetadata.listings;
    let labels: LabelClaim[] = [];
    if (card.kind === 'markdown') {
      const read = proseClaims(card, proseOf(card));
      counts = [...counts, ...read.counts].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
      listings = [...listings, ...read.listings];
      labels = read.labels;
    }
    claims = sameAsLast(counts, fromMetadata.sizeCategories, listings, labels);
    cache.set(card, claims);
  }
  return claims;
}

/**
 * Results remembered per objects — parts of a card's claims and the data's facts — while those
 * live. A keystroke that leaves the claims as they were gets the same claim objects back from
 * {@link cardClaims}, so a rule answers it with what it found before, without looking again.
 */
export class Remembered<T> {
  private readonly root = new WeakMap<object, unknown>();

  /** What `compute()` gave for these objects (computed now when they are new). */
  get(keys: readonly [object, ...object[]], compute: () => T): T {
    let map = this.root;
    for (let i = 0; i < keys.length - 1; i++) {
      const key = keys[i] as object;
      let next = map.get(key) as WeakMap<object, unknown> | undefined;
      if (!next) {
        next = new WeakMap();
        map.set(key, next);
      }
      map = next;
    }
    const innermost = keys[keys.length - 1] as object;
    if (map.has(innermost)) return map.get(innermost) as T;
    const value = compute();
    map.set(innermost, value);
    return value;
  }
}

/** Forgets the last card's claims (tests compare a fresh reading with one carried across keystrokes). */
export function forgetCardClaims(): void {
  last = undefined;
}

/** The claims, with each part that equals the last card's taken from it (all of them when all do). */
function sameAsLast(
  counts: CountClaim[],
  sizeCategories: SizeCategoryClaim[],
  listings: ColumnListing[],
  labels: LabelClaim[],
): CardClaims {
  const previous = last;
  let claims: CardClaims;
  if (!previous) {
    claims = { counts, sizeCategories, listings, documented: listings.flatMap((l) => l.columns), labels };
  } else {
    const sameListings = sameItems(listings, previous.listings, sameListing);
    claims = {
      counts: sameItems(counts, previous.counts, sameData) ? previous.counts : counts,
      sizeCategories: sameItems(sizeCategories, previous.sizeCategories, sameData)
        ? previous.sizeCategories
        : sizeCategories,
      listings: sameListings ? previous.listings : listings,
      documented: sameListings ? previous.documented : listings.flatMap((l) => l.columns),
      labels: sameItems(labels, previous.labels, sameData) ? previous.labels : labels,
    };
    if (
      claims.counts === previous.counts &&
      claims.sizeCategories === previous.sizeCategories &&
      claims.listings === previous.listings &&
      claims.labels === previous.labels
    ) {
      claims = previous;
    }
  }
  last = claims;
  return claims;
}

function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

/** Equal plain data (claims are numbers, strings and ranges): the same object is equal at once. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && sameItems(a as unknown[], b as unknown[], sameData);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Listings are equal with the same column objects (kept per paragraph) and equal places. */
function sameListing(a: ColumnListing, b: ColumnListing): boolean {
  return (
    a === b ||
    (a.kind === b.kind &&
      sameItems(a.columns, b.columns, (x, y) => x === y) &&
      sameData(a.anchor, b.anchor) &&
      sameData(a.table, b.table) &&
      sameData(a.list, b.list) &&
      sameData(a.inline, b.inline))
  );
}

/** The range of a metadata node, or the title when it has none. */
function nodeRange(card: DatasetCard, node: Node | null | undefined): TextRange {
  if (node?.range) return metadataRange(card, node.range);
  titleFallbacks++;
  return card.title.range;
}

function splitNear(text: string, numberStart: number, afterUnit: number, middle: string): string | undefined {
  const inMiddle = SPLIT_ANYWHERE.exec(middle)?.[0];
  if (inMiddle) return canonicalSplit(inMiddle.replace(/-/g, ''));
  const after = SPLIT_AFTER.exec(text.slice(afterUnit, afterUnit + 40))?.[1];
  if (after) return canonicalSplit(after.replace(/-/g, ''));
  const lineStart = text.lastIndexOf('\n', numberStart - 1) + 1;
  const before = SPLIT_BEFORE.exec(text.slice(Math.max(lineStart, numberStart - 40), numberStart))?.[1];
  return before ? canonicalSplit(before.replace(/-/g, '')) : undefined;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

// ——— Paragraphs ———

/** A count found in a paragraph, its offsets in the paragraph's text. */
interface LocalCount {
  stated: StatedCount;
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  split?: string;
  context: string;
  source: 'prose' | 'size-section';
}

/** A table header in a paragraph (lines counted from the paragraph's first). */
interface LocalHeader {
  line: number;
  /** The name column by its header word (−1 when none: an attribute section takes the first). */
  nameIndex: number;
  typeIndex: number;
  cells: number;
  leadingPipe: boolean;
  length: number;
  /** The line after its last row. */
  end: number;
}

/** A bulleted item that documents a column, read on line 0. */
interface LocalItem {
  column: DocumentedColumn;
  prefix: string;
  withTypes: boolean;
}

/**
 * What the lines of a paragraph do to the column lists of an attribute section: break the list
 * (a table row, a line that is not an item: consecutive ones as one run), add an item to it, or
 * hold an inline list of columns (a line that may break the list too).
 */
type ListEvent =
  | { kind: 'break'; from: number; to: number }
  | { kind: 'item'; line: number; item: LocalItem }
  | { kind: 'inline'; line: number; breaks: boolean; listing: ColumnListing };

/** What a line of a label section says: values, `code = name` pairs and ranges, read on line 0. */
interface LocalLabelLine {
  quoted: { value: string; start: number; alias?: string }[];
  equals: { code: string; name: string; codeStart: number }[];
  ranges: RangeClaim[];
}

/** The memo key of {@link ParagraphClaims} (one kind of result per key). */
const PARAGRAPH_CLAIMS = {};

/**
 * What one paragraph claims, read from its text alone (lines counted from the paragraph's first
 * line) and each part only when first asked: a paragraph outside the attribute sections never has
 * its lines read as column items. Remembered with the paragraph while its text is unchanged; the
 * claims placed in the card are made once per place (the line the paragraph starts on), so a
 * paragraph that neither changes nor moves gives the same claim objects on every keystroke.
 */
class ParagraphClaims {
  readonly lines: string[];
  /** Whether it has a digit (every count does) and a `|` (every table row does). */
  readonly digits: boolean;
  readonly pipes: boolean;
  private readonly starts: number[];
  private local: { counts: LocalCount[]; taken: [number, number][] } | undefined;
  private sizeLineCounts: Map<number, LocalCount> | undefined;
  private tableHeaders: LocalHeader[] | undefined;
  private events: ListEvent[] | undefined;
  private labelLines: Map<string, LocalLabelLine | null> | undefined;
  private labelLineList: number[] | undefined;
  private base = -1;
  private placed: Map<string, unknown> | undefined;
  /**
   * What a keystroke asks of every paragraph, kept on this object (not in the arrays above): once
   * the card is parsed, reading one more object per paragraph costs more than the checks do.
   */
  private countless: boolean | undefined;
  private tableless: boolean | undefined;
  private breaksOnly: boolean | undefined;

  constructor(readonly text: string) {
    this.digits = /\d/.test(text);
    this.pipes = text.includes('|');
    this.lines = text.split('\n');
    this.starts = new Array<number>(this.lines.length);
    let offset = 0;
    for (let i = 0; i < this.lines.length; i++) {
      this.starts[i] = offset;
      offset += (this.lines[i] ?? '').length + 1;
    }
  }

  /** `make()` for the paragraph starting on card line `base`, made once while it starts there. */
  private at<T>(base: number, key: string, make: () => T): T {
    if (base !== this.base || !this.placed) {
      this.base = base;
      this.placed = new Map();
    }
    if (this.placed.has(key)) return this.placed.get(key) as T;
    const value = make();
    this.placed.set(key, value);
    return value;
  }

  private rangeAt(base: number, start: number, end: number): TextRange {
    const position = (offset: number): { line: number; character: number } => {
      const line = Math.max(0, lastAtOrBefore(this.starts, offset));
      return { line: base + line, character: offset - (this.starts[line] ?? 0) };
    };
    return { start: position(start), end: position(end) };
  }

  private placeCount(base: number, count: LocalCount): CountClaim {
    return {
      stated: count.stated,
      range: this.rangeAt(base, count.start, count.end),
      numberRange: this.rangeAt(base, count.numberStart, count.numberEnd),
      context: count.context,
      source: count.source,
      ...(count.split !== undefined ? { split: count.split } : {}),
    };
  }

  private proseCounts(): { counts: LocalCount[]; taken: [number, number][] } {
    this.local ??= this.digits ? countsIn(this.text) : { counts: [], taken: [] };
    return this.local;
  }

  /** The counts its sentences state ("10,000 examples", "number of rows: 7,043"). */
  counts(base: number): CountClaim[] {
    this.countless ??= this.proseCounts().counts.length === 0;
    if (this.countless) return [];
    const local = this.proseCounts().counts;
    return this.at(base, 'counts', () => local.map((c) => this.placeCount(base, c)));
  }

  /** The lines that state a count as a size section's line, by line: one number, not overlapping a sentence's count. */
  private sizeLines(): Map<number, LocalCount> {
    if (!this.sizeLineCounts) {
      this.sizeLineCounts = new Map();
      const taken = this.proseCounts().taken;
      for (let line = 0; line < this.lines.length; line++) {
        const count = sizeLineCount(this.lines[line] ?? '', this.starts[line] ?? 0);
        if (count && !taken.some(([s, e]) => count.start < e && count.end > s)) this.sizeLineCounts.set(line, count);
      }
    }
    return this.sizeLineCounts;
  }

  /** Each count a size section would read on lines `[from, to)` of the paragraph, with its line. */
  sizeSectionCounts(base: number, from: number, to: number): { line: number; claim: CountClaim }[] {
    const found: { line: number; claim: CountClaim }[] = [];
    for (const [line, count] of this.sizeLines()) {
      if (line < from || line >= to) continue;
      found.push({
        line: base + line,
        claim: this.at(base, `size${String(line)}`, () => this.placeCount(base, count)),
      });
    }
    return found;
  }

  /** Its table headers: a line with `|` above a separator line, with where the rows end. */
  headers(): LocalHeader[] {
    if (!this.tableHeaders) {
      this.tableHeaders = [];
      if (this.pipes) {
        const lines = this.lines;
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i] ?? '';
          if (!line.includes('|') || !SEPARATOR.test(lines[i + 1] ?? '')) continue;
          const header = tableCells(line);
          const headerWords = header.map((cell) => headerKey(cell.text));
          let end = i + 2;
          while (end < lines.length && (lines[end] ?? '').includes('|') && (lines[end] ?? '').trim() !== '') end++;
          this.tableHeaders.push({
            line: i,
            nameIndex: headerWords.findIndex((w) => NAME_HEADERS.has(w)),
            typeIndex: headerWords.findIndex((w) => TYPE_HEADERS.has(w)),
            cells: header.length,
            leadingPipe: /^\s*\|/.test(line),
            length: line.length,
            end,
          });
        }
      }
    }
    return this.tableHeaders;
  }

  /** True when no table header names a column or a type: no table of it can list columns. */
  noTables(): boolean {
    this.tableless ??= this.headers().every((header) => header.nameIndex < 0 && header.typeIndex < 0);
    return this.tableless;
  }

  /** The table under `header` read with its names in cell `nameIndex` (none when no row names a column). */
  table(base: number, header: LocalHeader, nameIndex: number): ColumnListing | undefined {
    return this.at(base, `table${String(header.line)}:${String(nameIndex)}`, () => {
      const columns: DocumentedColumn[] = [];
      for (let row = header.line + 2; row < header.end; row++) {
        const column = tableRowColumn(this.lines[row] ?? '', nameIndex, header.typeIndex);
        if (column) columns.push(onLine(column, base + row));
      }
      if (columns.length === 0) return undefined;
      return {
        kind: 'table' as const,
        columns,
        anchor: rangeOn(base + header.line, 0, header.length),
        table: {
          lastRowLine: base + header.end - 1,
          cells: header.cells,
          nameIndex,
          ...(header.typeIndex >= 0 ? { typeIndex: header.typeIndex } : {}),
          leadingPipe: header.leadingPipe,
        },
      };
    });
  }

  /** What its lines do to an attribute section's column lists, in line order. */
  listEvents(): ListEvent[] {
    if (!this.events) {
      const events: ListEvent[] = [];
      const breakAt = (line: number): void => {
        const previous = events[events.length - 1];
        if (previous?.kind === 'break' && previous.to === line) previous.to = line + 1;
        else events.push({ kind: 'break', from: line, to: line + 1 });
      };
      for (let line = 0; line < this.lines.length; line++) {
        const text = this.lines[line] ?? '';
        if (text.includes('|')) {
          breakAt(line);
          continue;
        }
        const item = listItem(text);
        if (item) {
          events.push({ kind: 'item', line, item });
          continue;
        }
        const breaks = text.trim() !== '' && !/^\s{2,}\S/.test(text);
        const inline = inlineList(text, 0);
        if (inline) events.push({ kind: 'inline', line, breaks, listing: inline });
        else if (breaks) breakAt(line);
      }
      this.events = events;
    }
    return this.events;
  }

  /** True when every line breaks a column list (prose, table rows): the common paragraph. */
  onlyBreaks(): boolean {
    if (this.breaksOnly === undefined) {
      const events = this.listEvents();
      const first = events[0];
      this.breaksOnly =
        events.length === 1 && first?.kind === 'break' && first.from === 0 && first.to === this.lines.length;
    }
    return this.breaksOnly;
  }

  /** An item's column placed on its card line. */
  itemColumn(base: number, line: number, item: LocalItem): DocumentedColumn {
    return this.at(base, `item${String(line)}`, () => onLine(item.column, base + line));
  }

  /** An inline list placed on its card line. */
  inlineListing(base: number, line: number, listing: ColumnListing): ColumnListing {
    return this.at(base, `inline${String(line)}`, () => {
      const range = moveRange(listing.anchor, base + line);
      return {
        ...listing,
        columns: listing.columns.map((column) => onLine(column, base + line)),
        anchor: range,
        ...(listing.inline ? { inline: { ...listing.inline, range } } : {}),
      };
    });
  }

  /** What line `line` says as a label section's line, its first `blank` characters left out (a label's own label). */
  labelLine(line: number, blank: number): LocalLabelLine | undefined {
    const key = `${String(line)}:${String(blank)}`;
    this.labelLines ??= new Map();
    let found = this.labelLines.get(key);
    if (found === undefined) {
      const text = this.lines[line] ?? '';
      found = labelLineClaims(blank > 0 ? ' '.repeat(blank) + text.slice(blank) : text);
      this.labelLines.set(key, found);
    }
    return found ?? undefined;
  }

  /** The lines that say something as a label section's lines. */
  labelLinesWithClaims(): number[] {
    this.labelLineList ??= this.lines.flatMap((_, line) => (this.labelLine(line, 0) ? [line] : []));
    return this.labelLineList;
  }
}

/** The counts a paragraph's sentences state, with the spans they take (offsets in `text`). */
function countsIn(text: string): { counts: LocalCount[]; taken: [number, number][] } {
  const counts: LocalCount[] = [];
  const taken: [number, number][] = [];
  const add = (count: LocalCount): void => {
    if (taken.some(([s, e]) => count.start < e && count.end > s)) return;
    taken.push([count.start, count.end]);
    counts.push(count);
  };

  for (const match of text.matchAll(NUMBER_OF)) {
    const qualifier = match[2] ?? '';
    const numberText = match[3] ?? '';
    const stated = parseCount(`${qualifier} ${numberText}`);
    if (!stated) continue;
    const numberStart = match.index + match[0].length - numberText.length;
    const head = match[0].slice(0, match[0].length - numberText.length);
    const split = splitNear(text, numberStart, numberStart + numberText.length, head);
    add({
      stated,
      start: match.index,
      end: match.index + match[0].length,
      numberStart,
      numberEnd: numberStart + numberText.length,
      context: lineAt(text, match.index),
      source: 'prose',
      ...(split ? { split } : {}),
    });
  }

  // The count first (it starts with a digit, so the scan is quick), then its qualifier.
  for (const match of text.matchAll(NUMBER_UNIT)) {
    const numberText = match[1] ?? '';
    const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, match.index - 30), match.index));
    const qualifier = before?.[1] ?? '';
    const stated = parseCount(`${qualifier} ${numberText}`);
    if (!stated) continue;
    const start = match.index - (before ? before[0].length - before[0].indexOf(qualifier) : 0);
    const end = match.index + match[0].length;
    if (
      SAMPLE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ||
      SAMPLE_AFTER.test(text.slice(end, end + 30))
    ) {
      continue;
    }
    const split = splitNear(text, start, end, match[2] ?? '');
    add({
      stated,
      start,
      end,
      numberStart: match.index,
      numberEnd: match.index + numberText.length,
      context: lineAt(text, start),
      source: 'prose',
      ...(split ? { split } : {}),
    });
  }
  return { counts, taken };
}

/**
 * The count a line of a size section ("Number of examples", "Split sizes") states: a number on a
 * line is a count even without a unit ("- train: 7,000", "| test | 1,500 |"), when it is the
 * line's only one. Offsets from `lineStart`.
 */
function sizeLineCount(lineText: string, lineStart: number): LocalCount | undefined {
  if (!/\d/.test(lineText)) return undefined;
  const candidates = [...lineText.matchAll(LINE_NUMBER)].filter((m) => {
    const after = lineText.slice(m.index + m[0].length);
    // "3 splits", "2 files": a number of something else.
    const word = /^\s+([A-Za-z]+)/.exec(after)?.[1];
    return !word || COUNTED_WORD.test(word);
  });
  if (candidates.length !== 1) return undefined;
  const [m] = candidates;
  if (!m) return undefined;
  const qualifier = m[1] ?? '';
  const numberText = m[2] ?? '';
  const stated = parseCount(`${qualifier} ${numberText}`);
  if (!stated) return undefined;
  const start = lineStart + m.index;
  const numberStart = start + m[0].length - numberText.length;
  const splitWord = SPLIT_WORD_ON_LINE.exec(lineText.replace(/\btotal\b.*/i, ''))?.[0];
  return {
    stated,
    start,
    end: start + m[0].length,
    numberStart,
    numberEnd: numberStart + numberText.length,
    context: lineText,
    source: 'size-section',
    ...(splitWord ? { split: canonicalSplit(splitWord.replace(/-/g, '')) } : {}),
  };
}

/** The index of the first paragraph that ends after `line` (the length when none does). */
function firstEndingAfter(paragraphs: readonly ProseParagraph[], line: number): number {
  let low = 0;
  let high = paragraphs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const paragraph = paragraphs[middle];
    if (paragraph && paragraph.line + paragraph.lineCount <= line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Calls `visit` with each paragraph that has a line in `[from, to)`, and its claims. */
function eachIn(
  paragraphs: readonly ProseParagraph[],
  read: readonly ParagraphClaims[],
  from: number,
  to: number,
  visit: (paragraph: ProseParagraph, claims: ParagraphClaims, index: number) => void,
): void {
  for (let i = firstEndingAfter(paragraphs, from); i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const claims = read[i];
    if (!paragraph || !claims || paragraph.line >= to) break;
    visit(paragraph, claims, i);
  }
}

/** Line intervals `[from, to)`, sorted and merged. */
type Lines = [number, number][];

function mergedLines(intervals: Lines): Lines {
  const merged: Lines = [];
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (from >= to) continue;
    const previous = merged[merged.length - 1];
    if (previous && from <= previous[1]) previous[1] = Math.max(previous[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function inLines(lines: Lines, from: number, to = from + 1): boolean {
  return lines.some(([start, end]) => from < end && to > start);
}

const sizeHeadings = new Map<string, boolean>();

/** Whether a heading names a size section, remembered: the same headings come back on every keystroke. */
function sizeHeading(heading: string): boolean {
  let found = sizeHeadings.get(heading);
  if (found === undefined) {
    if (sizeHeadings.size > 10_000) sizeHeadings.clear();
    found = isSizeHeading(heading);
    sizeHeadings.set(heading, found);
  }
  return found;
}

/** Reads a paragraph's claims (a function made once, not per paragraph). */
const readParagraph = (text: string): ParagraphClaims => new ParagraphClaims(text);

/**
 * What a card's prose claims: each paragraph's claims, combined with the sections they are in, in
 * one pass over the paragraphs (and the few in size and label sections again).
 */
function proseClaims(
  card: DatasetCard,
  prose: Prose,
): { counts: CountClaim[]; listings: ColumnListing[]; labels: LabelClaim[] } {
  const paragraphs = prose.paragraphs;
  const read: ParagraphClaims[] = new Array<ParagraphClaims>(paragraphs.length);
  const counts: CountClaim[] = [];
  const inAttributes = attributeLines(card);
  const tables: ColumnListing[] = [];
  const lists = new ListWalk(card, inAttributes);
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as ProseParagraph;
    const claims = paragraph.memo(PARAGRAPH_CLAIMS, readParagraph);
    read[i] = claims;
    if (claims.digits) {
      const found = claims.counts(paragraph.line);
      if (found.length > 0) counts.push(...found);
    }
    if (claims.pipes && !claims.noTables()) tablesIn(paragraph, claims, inAttributes, tables);
    lists.visit(paragraph, claims);
  }

  // Size sections may nest: a line is read once.
  const sizeLinesRead = new Set<number>();
  for (const section of card.sections) {
    if (!sizeHeading(section.heading)) continue;
    eachIn(paragraphs, read, section.bodyStartLine, section.bodyEndLine, (paragraph, claims) => {
      if (!claims.digits) return;
      const from = section.bodyStartLine - paragraph.line;
      const to = section.bodyEndLine - paragraph.line;
      for (const { line, claim } of claims.sizeSectionCounts(paragraph.line, from, to)) {
        if (sizeLinesRead.has(line)) continue;
        sizeLinesRead.add(line);
        counts.push(claim);
      }
    });
  }
  return { counts, listings: [...tables, ...lists.found], labels: labelClaims(card, paragraphs, read) };
}

const COUNT_KEY =
  /^(?:num_examples|num_rows|n_rows|number_of_(?:examples|rows|samples|instances|records)|rows|examples|instances|samples)$/i;

function scalarCount(card: DatasetCard, node: unknown, split?: string): CountClaim | undefined {
  if (!isScalar(node) || typeof node.value !== 'number') return undefined;
  const stated = parseCount(String(node.value));
  if (!stated) return undefined;
  const range = nodeRange(card, node);
  return {
    stated,
    range,
    numberRange: range,
    context: '',
    source: 'metadata',
    ...(split ? { split: canonicalSplit(split) } : {}),
  };
}

/** What the front matter claims. */
interface MetadataClaims {
  counts: CountClaim[];
  sizeCategories: SizeCategoryClaim[];
  listings: ColumnListing[];
}

/** How many metadata nodes without a range were placed on the card's title. */
let titleFallbacks = 0;

/**
 * The front matter's claims by its source, which cards with the same front matter share: read
 * again only when the front matter changes (or the title they fell back on moved).
 */
const metadataCache = new WeakMap<object, { kind: DatasetCard['kind']; title?: TextRange; claims: MetadataClaims }>();

function metadataClaims(card: DatasetCard): MetadataClaims {
  const source = card.metadataSource;
  const cached = source ? metadataCache.get(source) : undefined;
  if (cached?.kind === card.kind && (!cached.title || sameData(cached.title, card.title.range))) return cached.claims;
  const fallbacks = titleFallbacks;
  const claims = {
    counts: metadataCounts(card),
    sizeCategories: sizeCategoryClaims(card),
    listings: metadataListings(card),
  };
  if (source)
    metadataCache.set(source, {
      kind: card.kind,
      ...(titleFallbacks !== fallbacks ? { title: card.title.range } : {}),
      claims,
    });
  return claims;
}

function metadataCounts(card: DatasetCard): CountClaim[] {
  const claims: CountClaim[] = [];
  // Hugging Face `dataset_info.splits`, and the `splits` list a dataset.yaml card keeps.
  for (const splits of [...metadataAt(card, ['dataset_info', 'splits']), ...metadataAt(card, ['splits'])]) {
    const items = isSeq(splits) ? splits.items : isMap(splits) ? splits.items.map((pair) => pair.value) : [];
    for (const item of items) {
      if (!isMap(item)) continue;
      const name = item.get('name');
      const claim = scalarCount(card, item.get('num_examples', true), typeof name === 'string' ? name : undefined);
      if (claim) claims.push(claim);
    }
  }
  const root = card.metadata?.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (isScalar(pair.key) && COUNT_KEY.test(String(pair.key.value))) {
        const claim = scalarCount(card, pair.value);
        if (claim) claims.push(claim);
      }
    }
  }
  return claims;
}

function sizeCategoryClaims(card: DatasetCard): SizeCategoryClaim[] {
  return metadataAt(card, ['size_categories']).flatMap((node) => {
    const items: unknown[] = isSeq(node) ? node.items : [node];
    return items.flatMap((item) =>
      isScalar(item) && typeof item.value === 'string' ? [{ value: item.value, range: nodeRange(card, item) }] : [],
    );
  });
}

// ——— Columns ———

const NAME_HEADERS = new Set(
  [
    'column',
    'field',
    'feature',
    'attribute',
    'variable',
    'name',
    'column name',
    'field name',
    'feature name',
    'variable name',
  ].map((h) => words(h).join(' ')),
);
const TYPE_HEADERS = new Set(
  ['type', 'dtype', 'data type', 'datatype', 'kind', 'format', 'unit type', 'value type', 'feature type'].map((h) =>
    words(h).join(' '),
  ),
);
const LABEL_WORD = /\b(?:label|target|outcome|class)\b/i;

const headerKeys = new Map<string, string>();

/** A header cell's normalised words, remembered: the same headers come back on every keystroke. */
function headerKey(cell: string): string {
  let key = headerKeys.get(cell);
  if (key === undefined) {
    if (headerKeys.size > 10_000) headerKeys.clear();
    key = words(cell).join(' ');
    headerKeys.set(cell, key);
  }
  return key;
}

/** Cells of a table row, with their character offsets in the line. */
function tableCells(line: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = 0;
  const body = line.replace(/\\\|/g, '  ');
  const first = body.search(/\S/);
  let at = body[first] === '|' ? first + 1 : 0;
  start = at;
  for (; at <= body.length; at++) {
    if (at === body.length || body[at] === '|') {
      const raw = line.slice(start, at);
      const lead = raw.length - raw.trimStart().length;
      if (!(at === body.length && raw.trim() === '')) cells.push({ text: raw.trim(), start: start + lead });
      start = at + 1;
    }
  }
  return cells;
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The name in a cell or list item: backticks, emphasis and links removed. */
function plainName(text: string): { name: string; offset: number } | undefined {
  let name = text.trim().replace(/^\[([^\]]*)\]\([^)]*\)$/, '$1');
  const wrapped = /^(`|\*\*|__|\*|_)(.+)\1$/;
  for (let match = wrapped.exec(name); match; match = wrapped.exec(name)) name = (match[2] ?? '').trim();
  if (name === '' || /[`|()[\]]/.test(name)) return undefined;
  return { name, offset: Math.max(0, text.indexOf(name)) };
}

function rangeOn(line: number, start: number, length: number): TextRange {
  return { start: { line, character: start }, end: { line, character: start + length } };
}

/** Categories listed after a type: "categorical: basic, standard, premium", "one of `a`, `b`". */
function categoriesIn(text: string, line: number, offset: number): StatedValue[] {
  const match = /(?:categor(?:ical|y|ies)|enum|class(?:es)?|one of|values?)\s*(?::|\(|—|–|-)\s*([^)]*)/i.exec(text);
  if (!match?.[1]) return [];
  const listStart = match.index + match[0].length - match[1].length;
  const values: StatedValue[] = [];
  for (const item of match[1].matchAll(/[^,;/|]+/g)) {
    const raw = item[0].replace(/\bor\b|\band\b/gi, (w) => ' '.repeat(w.length));
    const trimmed = raw.trim().replace(/^[`"'*]+|[`"'*.]+$/g, '');
    if (trimmed === '' || trimmed.split(/\s+/).length > 3) continue;
    const at = listStart + item.index + raw.indexOf(trimmed.charAt(0));
    values.push({ text: trimmed, range: rangeOn(line, offset + at, trimmed.length) });
  }
  return values.length >= 2 ? values : [];
}

function rangesIn(text: string, line: number, offset: number): RangeClaim[] {
  return parseRanges(text).map((r) => ({
    min: r.min,
    max: r.max,
    text: text.slice(r.start, r.start + r.length),
    range: rangeOn(line, offset + r.start, r.length),
  }));
}

function describedColumn(
  name: string,
  nameRange: TextRange,
  typeCell: { text: string; start: number } | undefined,
  rest: readonly { text: string; start: number }[],
): DocumentedColumn {
  const line = nameRange.start.line;
  const stated = typeCell ? parseStatedType(typeCell.text) : undefined;
  const values = typeCell ? categoriesIn(typeCell.text, line, typeCell.start) : [];
  const ranges = [typeCell, ...rest].flatMap((cell) => (cell ? rangesIn(cell.text, line, cell.start) : []));
  return {
    name,
    range: nameRange,
    line,
    ...(typeCell && typeCell.text !== ''
      ? { typeText: typeCell.text, typeRange: rangeOn(line, typeCell.start, typeCell.text.length) }
      : {}),
    ...(stated ? { type: stated.type } : {}),
    values,
    ranges,
    isLabel: [typeCell, ...rest].some(
      (cell) => cell !== undefined && LABEL_WORD.test(cell.text.split(/[.;]/)[0] ?? ''),
    ),
  };
}

const rowCache = new Map<string, DocumentedColumn | null>();

/**
 * The column a features-table row documents, read on line 0 (see {@link onLine}); remembered by
 * the row's text, since a long table's rows come back unchanged on every keystroke.
 */
function tableRowColumn(line: string, nameIndex: number, typeIndex: number): DocumentedColumn | undefined {
  const key = `${nameIndex}\u0000${typeIndex}\u0000${line}`;
  let column = rowCache.get(key);
  if (column === undefined) {
    if (rowCache.size > 20_000) rowCache.clear();
    const cells = tableCells(line);
    const nameCell = cells[nameIndex];
    const plain = nameCell ? plainName(nameCell.text) : undefined;
    column =
      nameCell && plain
        ? describedColumn(
            plain.name,
            rangeOn(0, nameCell.start + plain.offset, plain.name.length),
            typeIndex >= 0 ? cells[typeIndex] : undefined,
            cells.filter((_, k) => k !== nameIndex && k !== typeIndex),
          )
        : null;
    rowCache.set(key, column);
  }
  return column ?? undefined;
}

/** A range on one line moved to `line`. */
function moveRange(range: TextRange, line: number): TextRange {
  return { start: { line, character: range.start.character }, end: { line, character: range.end.character } };
}

/** A column read on line 0 moved to `line` (a copy: the cached one stays). */
function onLine(column: DocumentedColumn, line: number): DocumentedColumn {
  return {
    ...column,
    range: moveRange(column.range, line),
    line,
    ...(column.typeRange ? { typeRange: moveRange(column.typeRange, line) } : {}),
    values: column.values.map((value) => ({ ...value, range: moveRange(value.range, line) })),
    ranges: column.ranges.map((claim) => ({ ...claim, range: moveRange(claim.range, line) })),
  };
}

/** The lines of the sections that list the card's attributes (MLG008's sections). */
function attributeLines(card: DatasetCard): Lines {
  return mergedLines(
    itemStatus(card, attributeTypesItem).hits.flatMap((hit): Lines =>
      hit.kind === 'heading' && hit.section ? [[hit.section.bodyStartLine, hit.section.bodyEndLine]] : [],
    ),
  );
}

const LIST_ITEM =
  /^(\s*(?:[-*+]|\d+[.)])\s+)(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|[A-Za-z_][\w.-]*)\s*(?:\(([^)]*)\))?\s*(?::|—|–|\s-\s)\s*(.*)$/;

/** A bulleted item that documents a column ("- `tenure` (integer): months as a customer"), read on line 0. */
function listItem(line: string): LocalItem | undefined {
  const item = LIST_ITEM.exec(line);
  if (!item) return undefined;
  const prefix = item[1] ?? '';
  const rawName = item[2] ?? '';
  const plain = plainName(rawName);
  // A plain word must look like a column name (no spaces; an identifier with _ or a single word).
  if (!plain || (rawName === plain.name && !/^[a-z_][\w.-]*$/.test(plain.name))) return undefined;
  const nameStart = line.indexOf(rawName, prefix.length) + plain.offset;
  const parens = item[3];
  const description = item[4] ?? '';
  const descriptionStart = line.length - description.length;
  const clause = /^[^,.;]*/.exec(description)?.[0] ?? '';
  const dtype = /\ba\s+`?(\w+)`?\s+(?:feature|value|column|field)\b/i.exec(description);
  const typeCell =
    parens !== undefined
      ? { text: parens, start: line.indexOf(`(${parens})`, nameStart) + 1 }
      : dtype?.[1]
        ? { text: dtype[1], start: descriptionStart + dtype.index + dtype[0].indexOf(dtype[1]) }
        : clause.trim().split(/\s+/).length <= 4 && parseStatedType(clause)
          ? { text: clause.trim(), start: descriptionStart + clause.indexOf(clause.trim()) }
          : undefined;
  const column = describedColumn(plain.name, rangeOn(0, nameStart, plain.name.length), typeCell, [
    { text: description, start: descriptionStart },
  ]);
  return { column, prefix, withTypes: parens !== undefined };
}

/**
 * The tables of a paragraph that list columns: with a name column (the first, in an attribute
 * section, when only a type column is named), and a type column outside the attribute sections.
 */
function tablesIn(
  paragraph: ProseParagraph,
  claims: ParagraphClaims,
  inAttributes: Lines,
  tables: ColumnListing[],
): void {
  // A table's rows are not read as headers of another.
  let next = 0;
  for (const header of claims.headers()) {
    if (header.line < next) continue;
    const attributes = inLines(inAttributes, paragraph.line + header.line);
    let nameIndex = header.nameIndex;
    if (nameIndex < 0 && attributes && header.typeIndex >= 0) nameIndex = 0;
    if (nameIndex < 0 || (header.typeIndex < 0 && !attributes)) continue;
    const table = claims.table(paragraph.line, header, nameIndex);
    if (table) tables.push(table);
    next = header.end;
  }
}

/**
 * Bulleted lists and inline lists of columns, inside the attribute sections only: elsewhere a
 * `code` word is as likely a value or a file as a column. A heading, a table row or a line that is
 * neither an item nor indented ends a list; a blank line does not. Fed the paragraphs in order.
 */
class ListWalk {
  readonly found: ColumnListing[] = [];
  private list: (ColumnListing & { list: NonNullable<ColumnListing['list']> }) | undefined;
  private readonly headings: number[];
  private heading = 0;
  private interval = 0;

  constructor(
    card: DatasetCard,
    private readonly inAttributes: Lines,
  ) {
    this.headings =
      inAttributes.length === 0
        ? []
        : card.sections.map((s) => s.range.start.line).filter((line) => inLines(inAttributes, line));
  }

  visit(paragraph: ProseParagraph, claims: ParagraphClaims): void {
    const base = paragraph.line;
    const end = base + paragraph.lineCount;
    const intervals = this.inAttributes;
    while (this.interval < intervals.length && (intervals[this.interval]?.[1] ?? 0) <= base) this.interval++;
    const [from, to] = intervals[this.interval] ?? [Infinity, Infinity];
    if (from >= end) return;
    for (; this.heading < this.headings.length && (this.headings[this.heading] ?? 0) < base; this.heading++) {
      this.list = undefined;
    }
    // Wholly inside one attribute section, as paragraphs are but for odd headings.
    const inside = from <= base && to >= end;
    if (inside && claims.onlyBreaks()) {
      this.list = undefined;
      return;
    }
    for (const event of claims.listEvents()) {
      if (event.kind === 'break') {
        if (inside || inLines(intervals, base + event.from, base + event.to)) this.list = undefined;
        continue;
      }
      const line = base + event.line;
      if (!inside && !inLines(intervals, line)) continue;
      if (event.kind === 'item') {
        const column = claims.itemColumn(base, event.line, event.item);
        if (!this.list) {
          this.list = {
            kind: 'list',
            columns: [],
            anchor: moveRange(column.range, line),
            list: { lastLine: line, prefix: event.item.prefix, withTypes: event.item.withTypes },
          };
          this.found.push(this.list);
        }
        this.list.columns.push(column);
        this.list.list.lastLine = line;
      } else {
        if (event.breaks) this.list = undefined;
        this.found.push(claims.inlineListing(base, event.line, event.listing));
      }
    }
  }
}

/** "`tenure` (integer), `plan` (categorical) and `churned`": two or more code names in a row. */
const INLINE_ITEM = String.raw`\`([^\`]+)\`(?:\s*\(([^)]*)\))?`;
const INLINE_RUN = new RegExp(String.raw`${INLINE_ITEM}(?:\s*(?:,|;|\band\b|,\s*and\b)\s*${INLINE_ITEM})+`);
const INLINE_ITEMS = new RegExp(INLINE_ITEM, 'g');

function inlineList(line: string, i: number): ColumnListing | undefined {
  if (!line.includes('`')) return undefined;
  const match = INLINE_RUN.exec(line);
  if (!match) return undefined;
  const columns: DocumentedColumn[] = [];
  let withTypes = false;
  for (const part of match[0].matchAll(INLINE_ITEMS)) {
    const name = part[1] ?? '';
    const start = match.index + part.index + 1;
    const parens = part[2];
    if (parens !== undefined) withTypes = true;
    const typeCell =
      parens !== undefined
        ? { text: parens, start: match.index + part.index + part[0].indexOf(`(${parens})`) + 1 }
        : undefined;
    columns.push(describedColumn(name, rangeOn(i, start, name.length), typeCell, []));
  }
  const range = rangeOn(i, match.index, match[0].length);
  return { kind: 'inline', columns, anchor: range, inline: { range, withTypes } };
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')
    ? String(node.value)
    : undefined;
}

/** Class names of a Hugging Face `class_label: {names: {0: neg, 1: pos}}` (or a list). */
function classNames(card: DatasetCard, node: unknown): StatedValue[] {
  if (!isMap(node)) return [];
  const names = node.get('names', true);
  if (isMap(names)) {
    return names.items.flatMap((pair) => {
      const text = scalarText(pair.value);
      const alias = scalarText(pair.key);
      return text !== undefined
        ? [{ text, range: nodeRange(card, pair.value as Node), ...(alias !== undefined ? { alias } : {}) }]
        : [];
    });
  }
  if (isSeq(names)) {
    return names.items.flatMap((value, index) => {
      const text = scalarText(value);
      return text !== undefined ? [{ text, range: nodeRange(card, value as Node), alias: String(index) }] : [];
    });
  }
  return [];
}

function metadataColumn(card: DatasetCard, nameNode: Scalar, spec: unknown): DocumentedColumn {
  const name = String(nameNode.value);
  const range = nodeRange(card, nameNode);
  const typeNode = isMap(spec) ? (spec.get('dtype', true) ?? spec.get('type', true)) : spec;
  const typeText = scalarText(typeNode);
  const classLabel = isMap(spec) ? spec.get('class_label', true) : undefined;
  const stated =
    classLabel !== undefined ? { type: 'categorical' as const } : typeText ? parseStatedType(typeText) : undefined;
  const listed = isMap(spec)
    ? (spec.get('values', true) ?? spec.get('categories', true) ?? spec.get('labels', true))
    : undefined;
  const values = classLabel
    ? classNames(card, classLabel)
    : isSeq(listed)
      ? listed.items.flatMap((v) => {
          const text = scalarText(v);
          return text !== undefined ? [{ text, range: nodeRange(card, v as Node) }] : [];
        })
      : [];
  const ranges: RangeClaim[] = [];
  if (isMap(spec)) {
    const min = spec.get('min', true);
    const max = spec.get('max', true);
    const rangeNode = spec.get('range', true);
    if (isScalar(min) && isScalar(max) && typeof min.value === 'number' && typeof max.value === 'number') {
      const r = nodeRange(card, min);
      ranges.push({
        min: min.value,
        max: max.value,
        text: `${min.value}–${max.value}`,
        range: { start: r.start, end: nodeRange(card, max).end },
      });
    } else if (isSeq(rangeNode) && rangeNode.items.length === 2) {
      const [low, high] = rangeNode.items.map((v) => (isScalar(v) && typeof v.value === 'number' ? v.value : NaN));
      if (low !== undefined && high !== undefined && low < high) {
        ranges.push({ min: low, max: high, text: `[${low}, ${high}]`, range: nodeRange(card, rangeNode) });
      }
    } else if (isScalar(rangeNode) && typeof rangeNode.value === 'string') {
      const found = parseRanges(rangeNode.value)[0];
      if (found)
        ranges.push({ min: found.min, max: found.max, text: rangeNode.value, range: nodeRange(card, rangeNode) });
    }
  }
  const description = isMap(spec) ? scalarText(spec.get('description', true)) : undefined;
  return {
    name,
    range,
    line: range.start.line,
    ...(typeText !== undefined ? { typeText, typeRange: nodeRange(card, typeNode as Node) } : {}),
    ...(stated ? { type: stated.type } : {}),
    values,
    ranges,
    isLabel:
      classLabel !== undefined || (description !== undefined && LABEL_WORD.test(description.split(/[.;]/)[0] ?? '')),
  };
}

/** `dataset_info.features` (Hugging Face), or `features` / `columns` in a YAML card. */
function metadataListings(card: DatasetCard): ColumnListing[] {
  const listings: ColumnListing[] = [];
  const fromNode = (node: Node): void => {
    const columns: DocumentedColumn[] = [];
    if (isSeq(node)) {
      for (const item of node.items) {
        if (!isMap(item)) continue;
        const nameNode = item.get('name', true);
        if (isScalar(nameNode) && nameNode.value !== null) columns.push(metadataColumn(card, nameNode, item));
      }
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value !== null) columns.push(metadataColumn(card, pair.key, pair.value));
      }
    }
    if (columns.length > 0) listings.push({ kind: 'metadata', columns, anchor: nodeRange(card, node) });
  };
  metadataAt(card, ['dataset_info', 'features']).forEach(fromNode);
  if (card.kind === 'yaml') {
    for (const key of ['features', 'columns', 'attributes', 'fields', 'schema'])
      metadataAt(card, [key]).forEach(fromNode);
  }
  return listings;
}

// ——— Labels ———

const CODE_OR_QUOTED = /`([^`\n]+)`(?:\s*\((-?\d+)\))?|"([^"\n]{1,40})"|“([^”\n]{1,40})”/g;
/** "0 = negative", "- `1`: positive", "- 0: negative". */
const CODE_EQUALS = /(?:^\s*(?:[-*+]|\d+[.)])\s+|(?<=[\s,;(]))`?(-?\d+)`?\s*(?:=|:)\s*`?([A-Za-z][\w-]*)`?/g;

/** How many parentheses are open at `offset` of `text`. */
function parenthesisDepth(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
  return depth;
}

/** What a line of a label section says (`text` with a label's own label blanked), none when nothing. */
function labelLineClaims(text: string): LocalLabelLine | null {
  const quoted: LocalLabelLine['quoted'] = [];
  for (const match of text.matchAll(CODE_OR_QUOTED)) {
    const value = match[1] ?? match[3] ?? match[4] ?? '';
    if (value.trim() === '' || value.trim().split(/\s+/).length > 3) continue;
    // Inside parentheses it explains a value ("`yes` (cancelled within `90` days)"), it is not one.
    if (parenthesisDepth(text, match.index) > 0) continue;
    quoted.push({ value, start: match.index + 1, ...(match[2] !== undefined ? { alias: match[2] } : {}) });
  }
  const equals: LocalLabelLine['equals'] = [];
  for (const match of text.matchAll(CODE_EQUALS)) {
    const code = match[1] ?? '';
    equals.push({ code, name: match[2] ?? '', codeStart: match.index + match[0].indexOf(code) });
  }
  const ranges = rangesIn(text, 0, 0);
  return quoted.length > 0 || equals.length > 0 || ranges.length > 0 ? { quoted, equals, ranges } : null;
}

/** The values and ranges each filled label section (or label line) states. */
function labelClaims(
  card: DatasetCard,
  paragraphs: readonly ProseParagraph[],
  read: readonly ParagraphClaims[],
): LabelClaim[] {
  const claims: LabelClaim[] = [];
  for (const hit of itemStatus(card, labelValuesItem).hits) {
    if (!hit.filled) continue;
    const tokens: StatedValue[] = [];
    const ranges: RangeClaim[] = [];
    const take = (line: number, said: LocalLabelLine): void => {
      for (const value of said.quoted) {
        tokens.push({
          text: value.value,
          range: rangeOn(line, value.start, value.value.length),
          ...(value.alias !== undefined ? { alias: value.alias } : {}),
        });
      }
      for (const { code, name, codeStart } of said.equals) {
        const existing = tokens.find((t) => t.text === name);
        if (existing) existing.alias ??= code;
        else if (!tokens.some((t) => t.range.start.line === line && t.range.start.character === codeStart)) {
          tokens.push({ text: code, range: rangeOn(line, codeStart, code.length), alias: name });
        }
      }
      for (const claim of said.ranges) ranges.push({ ...claim, range: moveRange(claim.range, line) });
    };
    if (hit.kind === 'label') {
      // A label line's own label ("**Label values:**") is not a value.
      const line = hit.range.start.line;
      eachIn(paragraphs, read, line, line + 1, (paragraph, lines) => {
        const said = lines.labelLine(line - paragraph.line, hit.range.end.character);
        if (said) take(line, said);
      });
    } else {
      const from = hit.kind === 'heading' && hit.section ? hit.section.bodyStartLine : hit.range.start.line;
      const to = hit.kind === 'heading' && hit.section ? hit.section.bodyEndLine : hit.range.start.line + 1;
      eachIn(paragraphs, read, from, to, (paragraph, lines) => {
        for (const at of lines.labelLinesWithClaims()) {
          const line = paragraph.line + at;
          const said = line >= from && line < to ? lines.labelLine(at, 0) : undefined;
          if (said) take(line, said);
        }
      });
    }
    if (tokens.length > 0 || ranges.length > 0) claims.push({ tokens, ranges, anchor: hit.range });
  }
  return claims;
}
