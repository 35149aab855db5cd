/**
 * Problems in the text of a CSV or TSV file open in the editor: ragged rows, an unterminated
 * quote or one not doubled inside a quoted field, empty or repeated header names, and columns
 * whose values mix types. Pure: it reads the text it is given (with papaparse, the parser the
 * engine reads files with, and the engine's delimiter sniffing and cell typing) and returns
 * findings with exact ranges. Large texts are fed to the parser in slices, with a pause between
 * slices so the server keeps answering, and the caller can cancel between slices (a newer version
 * of the document makes the result useless).
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { cellKind, type CellKind } from '../../../core/src/csv/inferType';
import { isMissing } from '../../../core/src/csv/missing';
import { sniffDelimiter, sniffNewline } from '../../../core/src/csv/sniff';

/** The kinds of problem found in a CSV document. */
export type CsvDocumentCode =
  | 'csv-ragged-row'
  | 'csv-unterminated-quote'
  | 'csv-stray-quote'
  | 'csv-empty-header'
  | 'csv-duplicate-header'
  | 'csv-mixed-types'
  | 'csv-more-problems'
  | 'csv-too-large'
  | 'csv-binary';

/** A position in the document: 0-based line and UTF-16 character, as LSP counts them. */
export interface CsvPosition {
  line: number;
  character: number;
}

/** A range in the document, end exclusive. */
export interface CsvRange {
  start: CsvPosition;
  end: CsvPosition;
}

/** One problem: where it is, what it is, and a one-line explanation naming the values. */
export interface CsvDocumentFinding {
  code: CsvDocumentCode;
  severity: 'error' | 'warning' | 'information';
  range: CsvRange;
  message: string;
}

/** What {@link checkCsvDocument} found. */
export interface CsvDocumentCheck {
  /** At most `maxFindings` problems (plus one `csv-more-problems` summary), in document order. */
  findings: CsvDocumentFinding[];
  /** Every problem found, shown or not. */
  problemCount: number;
  /** The delimiter the text was read with; undefined when it was not read (too large, binary, empty). */
  delimiter?: string;
  /** Data rows read, header excluded. */
  rows: number;
}

/** Options of {@link checkCsvDocument}. */
export interface CsvDocumentOptions {
  /** Field delimiter (a TSV document: tab); sniffed from the text when omitted. */
  delimiter?: string;
  /** Problems listed before one summary says how many more there are. */
  maxFindings?: number;
  /** Texts longer than this many characters are not read; one finding says so. */
  maxChars?: number;
  /** Characters handed to the parser at a time. */
  sliceChars?: number;
  /** Awaited between slices so other work can run; by default the next turn of the event loop. */
  pause?: () => Promise<void>;
  /** Polled between slices and rows: true stops the check, which then resolves to undefined. */
  isCancelled?: () => boolean;
}

/** Problems listed in a document before the rest are summed up in one finding. */
export const MAX_DOCUMENT_FINDINGS = 100;
/**
 * Longest text checked as it is typed (20 MiB of characters). Larger files are still profiled on
 * demand by the engine, which streams them from disk.
 */
export const MAX_DOCUMENT_CHARS = 20 * 1024 * 1024;
/** Characters parsed between two pauses: about a millisecond of parsing. */
export const DOCUMENT_SLICE_CHARS = 64 * 1024;
/** Characters of a cell quoted in a message. */
const QUOTED_CELL_CHARS = 40;
/** Characters of a column name quoted in a message. */
const QUOTED_NAME_CHARS = 60;
/** A typed column is flagged when at most this share of its values are of another kind. */
const MIXED_MAX_SHARE = 0.1;
/** Values of the main kind a column needs before its other values are called out. */
const MIXED_MIN_VALUES = 5;
/** Characters looked at for NUL, as the engine and git tell binary files from text. */
const BINARY_SNIFF_CHARS = 8000;
/** Characters the delimiter and line ending are sniffed from, as the engine does. */
const SNIFF_CHARS = 64 * 1024;

const SEVERITY: Record<Exclude<CsvDocumentCode, 'csv-more-problems'>, CsvDocumentFinding['severity']> = {
  'csv-ragged-row': 'warning',
  'csv-unterminated-quote': 'error',
  'csv-stray-quote': 'warning',
  'csv-empty-header': 'warning',
  'csv-duplicate-header': 'warning',
  'csv-mixed-types': 'warning',
  'csv-too-large': 'information',
  'csv-binary': 'information',
};

/** What a problem is called in the summary of those not shown. */
const PLURAL: Record<CsvDocumentCode, string> = {
  'csv-ragged-row': 'ragged rows',
  'csv-unterminated-quote': 'unterminated quotes',
  'csv-stray-quote': 'stray quotes',
  'csv-empty-header': 'empty column names',
  'csv-duplicate-header': 'repeated column names',
  'csv-mixed-types': 'columns with mixed types',
  'csv-more-problems': 'summaries',
  'csv-too-large': 'size notes',
  'csv-binary': 'binary notes',
};

/** Value families a column can be typed as; `text` is everything else. */
type Family = 'numeric' | 'bool' | 'date' | 'text';
const FAMILIES: readonly Family[] = ['numeric', 'bool', 'date', 'text'];
const FAMILY_OF: Record<CellKind, Family> = {
  int: 'numeric',
  float: 'numeric',
  bool: 'bool',
  date: 'date',
  string: 'text',
};
/** How a column of each family is described, and its values when they stray into another. */
const FAMILY_ADJECTIVE: Record<Family, string> = { numeric: 'numeric', bool: 'boolean', date: 'a date', text: 'text' };
const FAMILY_NOUN: Record<Family, string> = { numeric: 'numbers', bool: 'booleans', date: 'dates', text: 'text' };

/** The first value of one family in a column. */
interface FirstValue {
  range: CsvRange;
  line: number;
  value: string;
}

/** Cell counts by family in one column, with where each family first appears. */
interface ColumnKinds {
  counts: Record<Family, number>;
  first: Partial<Record<Family, FirstValue>>;
}

/**
 * Makes `text` safe and short for a one-line message: control characters and quotes become
 * escapes, and anything past `max` characters is cut with an ellipsis and the full length.
 */
export function quoteForMessage(text: string, max = QUOTED_CELL_CHARS): string {
  let cut = text.length > max ? text.slice(0, max) : text;
  // Half of a surrogate pair would show as a broken character.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  // JSON's escaping covers newlines, tabs, NUL and the other control characters (a message is
  // one line); quotes need none inside backticks; the line and paragraph separators are escaped
  // by hand.
  const escaped = JSON.stringify(cut)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/[\u2028\u2029\u0085]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > max ? `\`${escaped}…\` (${text.length.toLocaleString('en-US')} characters)` : `\`${escaped}\``;
}

/**
 * Positions of offsets in a text, asked in increasing order (rows arrive in order), so the
 * whole text is scanned for line breaks once. Line breaks are `\r\n`, `\n` and `\r`, as LSP and
 * the editor count them.
 */
class PositionWalker {
  private line = 0;
  private lineStart = 0;
  private readonly breaks = /\r\n|\r|\n/g;

  constructor(private readonly text: string) {}

  positionAt(offset: number): CsvPosition {
    this.breaks.lastIndex = this.lineStart;
    let at = offset;
    for (let match = this.breaks.exec(this.text); match; match = this.breaks.exec(this.text)) {
      const next = match.index + match[0].length;
      if (next > offset) {
        // An offset between `\r` and `\n` (papaparse splitting on `\n` keeps the `\r` in a
        // cell) is the end of the line those two end.
        if (match.index < offset) at = match.index;
        break;
      }
      this.line++;
      this.lineStart = next;
    }
    return { line: this.line, character: at - this.lineStart };
  }
}

/** The position of `offset` given the position of `from` (an earlier offset) and the text between. */
function advance(text: string, from: number, fromPosition: CsvPosition, offset: number): CsvPosition {
  let { line, character } = fromPosition;
  let lineStart = from - character;
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  let at = offset;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const next = match.index + match[0].length;
    if (next > offset) {
      // Inside a `\r\n`: the end of its line, as for PositionWalker.
      if (match.index < offset) at = match.index;
      break;
    }
    line++;
    lineStart = next;
  }
  character = at - lineStart;
  return { line, character };
}

/** The end of the line holding `offset`: the offset of its line break, or the end of the text. */
function lineEnd(text: string, offset: number): number {
  const breaks = /\r|\n/g;
  breaks.lastIndex = offset;
  return breaks.exec(text)?.index ?? text.length;
}

/**
 * Where each cell of a row lies in the text, from the row's start, the cells papaparse read
 * and the delimiter: an unquoted cell is its own text; a quoted one is its text with each quote
 * doubled, inside quotes, then any spaces papaparse allows before the delimiter. Undefined when
 * the text does not match (papaparse read a malformed quote its own way): callers then point at
 * the whole row.
 */
function locateCells(
  text: string,
  start: number,
  cells: readonly string[],
  delimiter: string,
  unterminated: boolean,
): { from: number; to: number }[] | undefined {
  const spans: { from: number; to: number }[] = [];
  let at = start;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    const last = i === cells.length - 1;
    let to: number;
    if (text.charCodeAt(at) === 34) {
      if (last && unterminated) {
        spans.push({ from: at, to: lineEnd(text, at) });
        return spans;
      }
      const close = closingQuote(text, at, cell);
      if (close === undefined) return undefined;
      to = close + 1;
    } else {
      to = at + cell.length;
      if (text.slice(at, to) !== cell) return undefined;
    }
    spans.push({ from: at, to });
    if (last) break;
    let next = to;
    while (text.charCodeAt(next) === 32) next++;
    if (!text.startsWith(delimiter, next)) return undefined;
    at = next + delimiter.length;
  }
  return spans;
}

/**
 * The offset of the quote that closes the quoted field opening at `open`, whose value papaparse
 * read as `cell`: the field's text up to it, with `""` read as `"`, is the value. Usually each
 * quote of the value was doubled; a stray (undoubled) quote makes the text shorter, so the
 * quotes between the shortest and longest possible ends are tried.
 */
function closingQuote(text: string, open: number, cell: string): number | undefined {
  let quotes = 0;
  for (let q = cell.indexOf('"'); q !== -1; q = cell.indexOf('"', q + 1)) quotes++;
  const likely = open + 1 + cell.length + quotes;
  const matches = (close: number): boolean =>
    text.charCodeAt(close) === 34 && text.slice(open + 1, close).replaceAll('""', '"') === cell;
  if (matches(likely)) return likely;
  for (let close = text.indexOf('"', open + 1 + cell.length); close !== -1 && close < likely;) {
    if (matches(close)) return close;
    close = text.indexOf('"', close + 1);
  }
  return undefined;
}

/** Finds the problems of one document; see {@link checkCsvDocument}. */
class DocumentChecker {
  private readonly found: CsvDocumentFinding[] = [];
  private readonly counts = new Map<CsvDocumentCode, number>();
  private readonly walker: PositionWalker;
  private header: string[] | undefined;
  private headerLine = 0;
  private columns: ColumnKinds[] = [];
  /** The earliest problem not listed. */
  private firstHidden: CsvRange | undefined;
  /** Offset just past the previous row (and its line break). */
  private previousEnd: number;
  rows = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
    private readonly delimiter: string,
    private readonly maxFindings: number,
  ) {
    this.walker = new PositionWalker(text);
    this.previousEnd = base;
  }

  /** Every problem found so far, shown or not. */
  get problemCount(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  private add(code: Exclude<CsvDocumentCode, 'csv-more-problems'>, range: CsvRange, message: string): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
    if (this.found.length < this.maxFindings) this.found.push({ code, severity: SEVERITY[code], range, message });
    else if (!this.firstHidden || before(range.start, this.firstHidden.start)) this.firstHidden = range;
  }

  /** One row from papaparse; `end` is the offset just past it in the whole text. */
  row(cells: string[], end: number, unterminated: boolean, strayQuote = false): void {
    const text = this.text;
    let start = this.previousEnd;
    this.previousEnd = end;
    // A line of only spaces is blank to a reader (and to pandas), not a row of one field.
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
    // Blank lines papaparse skipped lie between the previous row and this one.
    for (let c = text.charCodeAt(start); c === 10 || c === 13; c = text.charCodeAt(start)) start++;
    const header = this.header;
    if (!header) {
      this.readHeader(cells, start, unterminated);
      if (strayQuote && !unterminated) this.reportStrayQuote();
      return;
    }
    this.rows++;
    const width = header.length;
    // Positions are worked out only for rows with something to report.
    this.current = { cells, start, spans: undefined, located: false, position: undefined, unterminated };

    if (unterminated) {
      const range = this.cellRange(cells.length - 1);
      // Lines after the quote's, not counting the empty one after a final line break.
      const lines = this.walker.positionAt(text.length - trailingBreak(text, text.length)).line - range.start.line;
      this.add(
        'csv-unterminated-quote',
        range,
        lines > 0
          ? `a quoted field opened here is never closed: the rest of the file (${lines.toLocaleString('en-US')} more line${lines === 1 ? '' : 's'}) is read as this one field`
          : 'a quoted field opened here is never closed: add the closing quote',
      );
      // The field holds the rest of the file: its cells say nothing about the column's type.
      return;
    }
    if (strayQuote) {
      this.reportStrayQuote();
      // A field that ran on past its closing quote says nothing about its column's type.
      return;
    }
    if (cells.length !== width) {
      const whole = this.rowPosition();
      let range: CsvRange;
      if (cells.length > width) {
        range = { start: this.cellRange(width).start, end: this.cellRange(cells.length - 1).end };
      } else {
        range = { start: whole, end: advance(text, start, whole, Math.max(start, end - trailingBreak(text, end))) };
      }
      this.add(
        'csv-ragged-row',
        range,
        `row on line ${whole.line + 1} has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header on line ${this.headerLine + 1} has ${width}${cells.length < width ? '; the missing fields count as missing values' : '; the extra fields are ignored'}`,
      );
    }
    const n = Math.min(width, cells.length);
    const columns = this.columns;
    for (let i = 0; i < n; i++) {
      const cell = cells[i] as string;
      if (isMissing(cell)) continue;
      const family = FAMILY_OF[cellKind(cell)];
      const column = columns[i] as ColumnKinds;
      column.counts[family]++;
      if (column.first[family] === undefined) {
        const range = this.cellRange(i);
        column.first[family] = { range, line: range.start.line + 1, value: cell };
      }
    }
  }

  /**
   * A quoted field of the current row holding a quote that is not doubled: papaparse reads on to
   * the next quote that can close the field, often lines later. Reported from the field's opening
   * quote to the end of that line (the row's first line when the field cannot be located).
   */
  private reportStrayQuote(): void {
    const row = this.current as NonNullable<typeof this.current>;
    const text = this.text;
    let culprit = -1;
    for (let i = 0; i < row.cells.length && culprit === -1; i++) {
      this.cellRange(i);
      const span = row.spans?.[i];
      if (!span || text.charCodeAt(span.from) !== 34) continue;
      if (
        text
          .slice(span.from + 1, span.to - 1)
          .replaceAll('""', '')
          .includes('"')
      )
        culprit = i;
    }
    const span = culprit === -1 ? undefined : row.spans?.[culprit];
    const from = span ? this.cellRange(culprit).start : this.rowPosition();
    const fromOffset = span ? span.from : row.start;
    const range = { start: from, end: advance(text, fromOffset, from, lineEnd(text, fromOffset)) };
    const endLine = span ? this.cellRange(culprit).end.line : from.line;
    this.add(
      'csv-stray-quote',
      range,
      endLine > from.line
        ? `a quote inside this quoted field is not doubled, so the field runs on to line ${endLine + 1}; inside quotes, write a quote as ""`
        : `a quote inside this quoted field is not doubled${span ? ` (${quoteForMessage(row.cells[culprit] ?? '')})` : ''}; inside quotes, write a quote as ""`,
    );
  }

  /** The row being checked, and what has been worked out about where its cells lie. */
  private current:
    | {
        cells: readonly string[];
        start: number;
        spans: { from: number; to: number }[] | undefined;
        located: boolean;
        position: CsvPosition | undefined;
        unterminated: boolean;
      }
    | undefined;

  /** Where the current row starts. */
  private rowPosition(): CsvPosition {
    const row = this.current as NonNullable<typeof this.current>;
    return (row.position ??= this.walker.positionAt(row.start));
  }

  /** The range of cell `index` of the current row; the row's first line when its cells cannot be located. */
  private cellRange(index: number): CsvRange {
    const row = this.current as NonNullable<typeof this.current>;
    const text = this.text;
    if (!row.located) {
      row.spans = locateCells(text, row.start, row.cells, this.delimiter, row.unterminated);
      row.located = true;
    }
    const rowStart = this.rowPosition();
    const span = row.spans?.[index];
    if (!span) return { start: rowStart, end: advance(text, row.start, rowStart, lineEnd(text, row.start)) };
    const from = advance(text, row.start, rowStart, span.from);
    return { start: from, end: advance(text, span.from, from, span.to) };
  }

  private readHeader(cells: string[], start: number, unterminated: boolean): void {
    this.header = cells.map((c) => c.trim());
    this.current = { cells, start, spans: undefined, located: false, position: undefined, unterminated };
    this.headerLine = this.rowPosition().line;
    this.columns = cells.map(() => ({ counts: { numeric: 0, bool: 0, date: 0, text: 0 }, first: {} }));
    const rangeOf = (index: number): CsvRange => this.cellRange(index);
    if (unterminated) {
      this.add(
        'csv-unterminated-quote',
        rangeOf(cells.length - 1),
        'a quoted column name opened here is never closed: the rest of the file is read as this one name',
      );
      return;
    }
    const seen = new Map<string, { index: number; repeats: number }>();
    this.header.forEach((name, i) => {
      if (name === '') {
        this.add(
          'csv-empty-header',
          rangeOf(i),
          cells[i] === ''
            ? `column ${i + 1} has no name; readers make one up (pandas \`Unnamed: ${i}\`, mlguide \`column_${i + 1}\`)`
            : `column ${i + 1} has only spaces for a name; mlguide calls it \`column_${i + 1}\``,
        );
        return;
      }
      const earlier = seen.get(name);
      if (earlier) {
        earlier.repeats++;
        this.add(
          'csv-duplicate-header',
          rangeOf(i),
          `column name ${quoteForMessage(name, QUOTED_NAME_CHARS)} repeats column ${earlier.index + 1}; readers rename this one to ${quoteForMessage(`${name}.${earlier.repeats}`, QUOTED_NAME_CHARS)}, so code that selects the column by name gets the first`,
        );
      } else {
        seen.set(name, { index: i, repeats: 0 });
      }
    });
  }

  /** The mixed-type findings, then every finding in document order with the summary of the rest. */
  finish(): CsvDocumentFinding[] {
    const header = this.header ?? [];
    this.columns.forEach((column, i) => {
      const mixed = mixedTypes(column);
      if (!mixed) return;
      const { main, strays, first } = mixed;
      const name = quoteForMessage(header[i] ?? '', QUOTED_NAME_CHARS);
      const strayText = strays.map(([family, count]) => `${FAMILY_NOUN[family]} in ${count.toLocaleString('en-US')}`);
      this.add(
        'csv-mixed-types',
        first.range,
        `column ${name} is ${FAMILY_ADJECTIVE[main]} in ${column.counts[main].toLocaleString('en-US')} row${column.counts[main] === 1 ? '' : 's'} but holds ${strayText.join(' and ')}, first at line ${first.line}: ${quoteForMessage(first.value)}; readers then take the whole column as text`,
      );
    });
    const shown = [...this.found].sort((a, b) =>
      before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0,
    );
    const hidden = this.problemCount - shown.length;
    if (hidden > 0) {
      const shownCounts = new Map<CsvDocumentCode, number>();
      for (const finding of shown) shownCounts.set(finding.code, (shownCounts.get(finding.code) ?? 0) + 1);
      const parts: string[] = [];
      for (const [code, count] of this.counts) {
        const rest = count - (shownCounts.get(code) ?? 0);
        if (rest > 0) parts.push(`${rest.toLocaleString('en-US')} ${PLURAL[code]}`);
      }
      const at = this.firstHidden ?? atStart;
      shown.push({
        code: 'csv-more-problems',
        severity: 'information',
        range: at,
        message: `${hidden.toLocaleString('en-US')} more problem${hidden === 1 ? '' : 's'} in this file not shown, the first on line ${at.start.line + 1} (${parts.join(', ')}); mlguide lists the first ${this.maxFindings}`,
      });
    }
    return shown;
  }
}

/** Length of the line break just before `end`, if the row ended with one. */
function trailingBreak(text: string, end: number): number {
  if (text.charCodeAt(end - 1) === 10) return text.charCodeAt(end - 2) === 13 ? 2 : 1;
  return text.charCodeAt(end - 1) === 13 ? 1 : 0;
}

/**
 * A column typed by most of its values (numbers, booleans or dates) that also holds a few values
 * of another kind, with those kinds' counts and the first such value; undefined otherwise. A
 * column of text holding a few numbers is not flagged: text columns hold digits legitimately.
 */
function mixedTypes(column: ColumnKinds): { main: Family; strays: [Family, number][]; first: FirstValue } | undefined {
  let main: Family = 'text';
  let total = 0;
  for (const family of FAMILIES) {
    total += column.counts[family];
    if (column.counts[family] > column.counts[main]) main = family;
  }
  if (main === 'text' || column.counts[main] < MIXED_MIN_VALUES) return undefined;
  const strayCount = total - column.counts[main];
  if (strayCount === 0 || strayCount > total * MIXED_MAX_SHARE) return undefined;
  const strays: [Family, number][] = [];
  let first: FirstValue | undefined;
  for (const family of FAMILIES) {
    const count = column.counts[family];
    const value = column.first[family];
    if (family === main || count === 0 || !value) continue;
    strays.push([family, count]);
    if (!first || before(value.range.start, first.range.start)) first = value;
  }
  return first ? { main, strays, first } : undefined;
}

/** Whether `a` comes before `b` in the document. */
function before(a: CsvPosition, b: CsvPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

const atStart: CsvRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Checks the text of an open CSV or TSV document. Resolves to undefined when `isCancelled`
 * turned true. Texts over `maxChars` and texts with NUL characters near the start (binary files)
 * are not read; one information finding says why. An empty or blank text has no findings.
 */
export async function checkCsvDocument(
  text: string,
  options: CsvDocumentOptions = {},
): Promise<CsvDocumentCheck | undefined> {
  const maxFindings = options.maxFindings ?? MAX_DOCUMENT_FINDINGS;
  const maxChars = options.maxChars ?? MAX_DOCUMENT_CHARS;
  if (text.length > maxChars) {
    const size = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
    return {
      findings: [
        {
          code: 'csv-too-large',
          severity: 'information',
          range: atStart,
          message: `this file is ${size(text.length)}, over the ${size(maxChars)} mlguide checks as you type: its rows are checked on demand (Profile, or \`mlguide profile\`)`,
        },
      ],
      problemCount: 1,
      rows: 0,
    };
  }
  if (text.slice(0, BINARY_SNIFF_CHARS).includes('\u0000')) {
    return {
      findings: [
        {
          code: 'csv-binary',
          severity: 'information',
          range: atStart,
          message: 'this file holds NUL characters: it looks like a binary file, not CSV text, so it is not checked',
        },
      ],
      problemCount: 1,
      rows: 0,
    };
  }
  // The editor hands over text without a byte-order mark, but other clients may not.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.trim() === '' || (base === 1 && text.slice(1).trim() === ''))
    return { findings: [], problemCount: 0, rows: 0 };
  const sample = text.slice(base, base + SNIFF_CHARS);
  const complete = base + SNIFF_CHARS >= text.length;
  const delimiter = options.delimiter ?? sniffDelimiter(sample, complete);
  const newline = sniffNewline(sample);
  const checker = new DocumentChecker(text, base, delimiter, maxFindings);
  const sliceChars = Math.max(1, options.sliceChars ?? DOCUMENT_SLICE_CHARS);
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const isCancelled = options.isCancelled ?? (() => false);
  let fed = base;
  let rowEnd = base;

  async function* slices(): AsyncGenerator<string> {
    while (fed < text.length) {
      if (isCancelled()) return;
      // A record longer than a slice (an open quote, a very long line) is parsed again from its
      // start with each slice; growing the slice with it keeps the total work linear.
      const size = Math.max(sliceChars, fed - rowEnd);
      const slice = text.slice(fed, fed + size);
      fed += slice.length;
      yield slice;
      await pause();
    }
  }

  const cancelled = await new Promise<boolean>((resolve, reject) => {
    let stopped = false;
    Papa.parse<string[]>(Readable.from(slices()) as unknown as NodeJS.ReadableStream, {
      delimiter,
      newline,
      skipEmptyLines: true,
      step(results, parser) {
        if (stopped) return;
        if (isCancelled()) {
          stopped = true;
          parser.abort();
          resolve(true);
          return;
        }
        const unterminated = results.errors.length > 0 && results.errors.some((e) => e.code === 'MissingQuotes');
        const strayQuote =
          !unterminated && results.errors.length > 0 && results.errors.some((e) => e.code === 'InvalidQuotes');
        // The cursor counts from the start of what was fed, which skips a byte-order mark.
        const end = results.meta.cursor + base;
        rowEnd = end;
        try {
          checker.row(results.data, end, unterminated, strayQuote);
        } catch (error) {
          stopped = true;
          parser.abort();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      complete() {
        if (stopped) return;
        stopped = true;
        resolve(isCancelled());
      },
      error(error: Error) {
        if (stopped) return;
        stopped = true;
        reject(error);
      },
    });
  });
  if (cancelled) return undefined;
  return { findings: checker.finish(), problemCount: checker.problemCount, delimiter, rows: checker.rows };
}
