// What a card claims about its data, each claim with its place in the card: example counts (in
// total, per split, per file), `size_categories`, the documented columns with their stated types,
// categories and ranges, and the label values. Read from the same parts of the card the book's
// rules look at (the size section MLG009 reads, the attribute sections MLG008 finds, the label
// sections MLG010 finds, `dataset_info` metadata); computed once per parsed card, since every
// MLG4xx rule asks.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { metadataRange, type DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { attributeTypesItem } from '../rules/MLG008-attribute-types';
import { isSizeHeading } from '../rules/MLG009-number-of-examples';
import { labelValuesItem } from '../rules/MLG010-label-values';
import { proseOf } from '../rules/prose';
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

/** Every claim the card makes about its data (computed once per parsed card). */
export function cardClaims(card: DatasetCard): CardClaims {
  let claims = cache.get(card);
  if (!claims) {
    const listings = columnListings(card);
    claims = {
      counts: countClaims(card),
      sizeCategories: sizeCategoryClaims(card),
      listings,
      documented: listings.flatMap((listing) => listing.columns),
      labels: labelClaims(card),
    };
    cache.set(card, claims);
  }
  return claims;
}

/** The range of a metadata node, or the title when it has none. */
function nodeRange(card: DatasetCard, node: Node | null | undefined): TextRange {
  return node?.range ? metadataRange(card, node.range) : card.title.range;
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

function countClaims(card: DatasetCard): CountClaim[] {
  const claims: CountClaim[] = [...metadataCounts(card)];
  if (card.kind !== 'markdown') return claims;
  const prose = proseOf(card);
  const { text } = prose;
  const taken: [number, number][] = [];
  const add = (claim: CountClaim, start: number, end: number): void => {
    if (taken.some(([s, e]) => start < e && end > s)) return;
    taken.push([start, end]);
    claims.push(claim);
  };

  for (const match of text.matchAll(NUMBER_OF)) {
    const qualifier = match[2] ?? '';
    const numberText = match[3] ?? '';
    const stated = parseCount(`${qualifier} ${numberText}`);
    if (!stated) continue;
    const numberStart = match.index + match[0].length - numberText.length;
    const head = match[0].slice(0, match[0].length - numberText.length);
    const split = splitNear(text, numberStart, numberStart + numberText.length, head);
    add(
      {
        stated,
        range: prose.rangeAt(match.index, match.index + match[0].length),
        numberRange: prose.rangeAt(numberStart, numberStart + numberText.length),
        context: lineAt(text, match.index),
        source: 'prose',
        ...(split ? { split } : {}),
      },
      match.index,
      match.index + match[0].length,
    );
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
    const numberStart = match.index;
    const split = splitNear(text, start, end, match[2] ?? '');
    add(
      {
        stated,
        range: prose.rangeAt(start, end),
        numberRange: prose.rangeAt(numberStart, numberStart + numberText.length),
        context: lineAt(text, start),
        source: 'prose',
        ...(split ? { split } : {}),
      },
      start,
      end,
    );
  }

  // A size section ("Number of examples", "Split sizes"): a number on a line is a count even
  // without a unit ("- train: 7,000", "| test | 1,500 |").
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of prose.lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  for (const section of card.sections.filter((s) => isSizeHeading(s.heading))) {
    for (let line = section.bodyStartLine; line < section.bodyEndLine; line++) {
      const lineText = prose.lines[line] ?? '';
      const lineStart = lineStarts[line] ?? 0;
      const candidates = [...lineText.matchAll(LINE_NUMBER)].filter((m) => {
        const after = lineText.slice(m.index + m[0].length);
        // "3 splits", "2 files": a number of something else.
        const word = /^\s+([A-Za-z]+)/.exec(after)?.[1];
        return !word || COUNTED_WORD.test(word);
      });
      if (candidates.length !== 1) continue;
      const [m] = candidates;
      if (!m) continue;
      const qualifier = m[1] ?? '';
      const numberText = m[2] ?? '';
      const stated = parseCount(`${qualifier} ${numberText}`);
      if (!stated) continue;
      const start = lineStart + m.index;
      const numberStart = start + m[0].length - numberText.length;
      const splitWord = SPLIT_WORD_ON_LINE.exec(lineText.replace(/\btotal\b.*/i, ''))?.[0];
      add(
        {
          stated,
          range: prose.rangeAt(start, start + m[0].length),
          numberRange: prose.rangeAt(numberStart, numberStart + numberText.length),
          context: lineText,
          source: 'size-section',
          ...(splitWord ? { split: canonicalSplit(splitWord.replace(/-/g, '')) } : {}),
        },
        start,
        start + m[0].length,
      );
    }
  }
  return claims.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
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

/** A column read on line 0 moved to `line` (a copy: the cached one stays). */
function onLine(column: DocumentedColumn, line: number): DocumentedColumn {
  const move = (range: TextRange): TextRange => ({
    start: { line, character: range.start.character },
    end: { line, character: range.end.character },
  });
  return {
    ...column,
    range: move(column.range),
    line,
    ...(column.typeRange ? { typeRange: move(column.typeRange) } : {}),
    values: column.values.map((value) => ({ ...value, range: move(value.range) })),
    ranges: column.ranges.map((claim) => ({ ...claim, range: move(claim.range) })),
  };
}

/** Lines of the sections that list the card's attributes (MLG008's sections). */
function attributeLines(card: DatasetCard): Set<number> {
  const lines = new Set<number>();
  for (const hit of itemStatus(card, attributeTypesItem).hits) {
    if (hit.kind !== 'heading' || !hit.section) continue;
    for (let line = hit.section.bodyStartLine; line < hit.section.bodyEndLine; line++) lines.add(line);
  }
  return lines;
}

const LIST_ITEM =
  /^(\s*(?:[-*+]|\d+[.)])\s+)(`[^`]+`|\*\*[^*]+\*\*|__[^_]+__|[A-Za-z_][\w.-]*)\s*(?:\(([^)]*)\))?\s*(?::|—|–|\s-\s)\s*(.*)$/;

function columnListings(card: DatasetCard): ColumnListing[] {
  const listings: ColumnListing[] = [...metadataListings(card)];
  if (card.kind !== 'markdown') return listings;
  const prose = proseOf(card);
  const lines = prose.lines;
  const inAttributes = attributeLines(card);
  const headingLines = new Set(card.sections.map((s) => s.range.start.line));

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('|') || !SEPARATOR.test(lines[i + 1] ?? '')) continue;
    const header = tableCells(line);
    const headerWords = header.map((cell) => headerKey(cell.text));
    let nameIndex = headerWords.findIndex((w) => NAME_HEADERS.has(w));
    const typeIndex = headerWords.findIndex((w) => TYPE_HEADERS.has(w));
    if (nameIndex < 0 && inAttributes.has(i) && typeIndex >= 0) nameIndex = 0;
    if (nameIndex < 0 || (typeIndex < 0 && !inAttributes.has(i))) continue;
    const columns: DocumentedColumn[] = [];
    let row = i + 2;
    for (; row < lines.length && /\|/.test(lines[row] ?? '') && (lines[row] ?? '').trim() !== ''; row++) {
      const column = tableRowColumn(lines[row] ?? '', nameIndex, typeIndex);
      if (column) columns.push(onLine(column, row));
    }
    if (columns.length > 0) {
      listings.push({
        kind: 'table',
        columns,
        anchor: rangeOn(i, 0, line.length),
        table: {
          lastRowLine: row - 1,
          cells: header.length,
          nameIndex,
          ...(typeIndex >= 0 ? { typeIndex } : {}),
          leadingPipe: /^\s*\|/.test(line),
        },
      });
    }
    i = row - 1;
  }

  // Bulleted lists and inline lists of columns, inside the attribute sections only: elsewhere a
  // `code` word is as likely a value or a file as a column.
  const sorted = [...inAttributes].sort((a, b) => a - b);
  let list: ColumnListing | undefined;
  for (const i of sorted) {
    const line = lines[i] ?? '';
    if (headingLines.has(i) || line.includes('|')) {
      list = undefined;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const prefix = item[1] ?? '';
      const rawName = item[2] ?? '';
      const plain = plainName(rawName);
      // A plain word must look like a column name (no spaces; an identifier with _ or a single word).
      if (plain && (rawName !== plain.name || /^[a-z_][\w.-]*$/.test(plain.name))) {
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
        const column = describedColumn(plain.name, rangeOn(i, nameStart, plain.name.length), typeCell, [
          { text: description, start: descriptionStart },
        ]);
        if (!list) {
          list = {
            kind: 'list',
            columns: [],
            anchor: rangeOn(i, nameStart, plain.name.length),
            list: { lastLine: i, prefix, withTypes: parens !== undefined },
          };
          listings.push(list);
        }
        list.columns.push(column);
        if (list.list) list.list.lastLine = i;
        continue;
      }
    }
    if (line.trim() !== '' && !/^\s{2,}\S/.test(line)) list = undefined;
    const inline = inlineList(line, i);
    if (inline) listings.push(inline);
  }
  return listings;
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

function labelClaims(card: DatasetCard): LabelClaim[] {
  const claims: LabelClaim[] = [];
  if (card.kind !== 'markdown') return claims;
  const prose = proseOf(card);
  for (const hit of itemStatus(card, labelValuesItem).hits) {
    if (!hit.filled) continue;
    const from = hit.kind === 'heading' && hit.section ? hit.section.bodyStartLine : hit.range.start.line;
    const to = hit.kind === 'heading' && hit.section ? hit.section.bodyEndLine : hit.range.start.line + 1;
    const tokens: StatedValue[] = [];
    const ranges: RangeClaim[] = [];
    for (let line = from; line < to; line++) {
      let text = prose.lines[line] ?? '';
      // A label line's own label ("**Label values:**") is not a value.
      if (hit.kind === 'label' && line === hit.range.start.line)
        text = ' '.repeat(hit.range.end.character) + text.slice(hit.range.end.character);
      for (const match of text.matchAll(CODE_OR_QUOTED)) {
        const value = match[1] ?? match[3] ?? match[4] ?? '';
        if (value.trim() === '' || value.trim().split(/\s+/).length > 3) continue;
        // Inside parentheses it explains a value ("`yes` (cancelled within `90` days)"), it is not one.
        if (parenthesisDepth(text, match.index) > 0) continue;
        const start = match.index + 1;
        tokens.push({
          text: value,
          range: rangeOn(line, start, value.length),
          ...(match[2] !== undefined ? { alias: match[2] } : {}),
        });
      }
      for (const match of text.matchAll(CODE_EQUALS)) {
        const code = match[1] ?? '';
        const name = match[2] ?? '';
        const codeStart = match.index + match[0].indexOf(code);
        const existing = tokens.find((t) => t.text === name);
        if (existing) existing.alias ??= code;
        else if (!tokens.some((t) => t.range.start.line === line && t.range.start.character === codeStart)) {
          tokens.push({ text: code, range: rangeOn(line, codeStart, code.length), alias: name });
        }
      }
      ranges.push(...rangesIn(text, line, 0));
    }
    if (tokens.length > 0 || ranges.length > 0) claims.push({ tokens, ranges, anchor: hit.range });
  }
  return claims;
}
