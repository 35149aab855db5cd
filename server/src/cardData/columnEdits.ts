// Edits the column rules offer: a row or item for an undocumented column, the removal of a row
// for a column the data lacks, and an inline column list replaced by the data's columns.
import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import type { EditFix } from '../rules/types';
import type { ColumnListing } from './claims';
import { typeWord, type MergedColumn } from './facts';

/** The listing a card's column findings are reported on: its table, else its list, else any. */
export function primaryListing(listings: readonly ColumnListing[]): ColumnListing | undefined {
  for (const kind of ['table', 'list', 'inline', 'metadata'] as const) {
    const found = listings.find((listing) => listing.kind === kind);
    if (found) return found;
  }
  return undefined;
}

const endOfLine = (card: DatasetCard, line: number): TextRange => {
  const at = { line, character: (card.lines[line] ?? '').length };
  return { start: at, end: at };
};

const eolOf = (card: DatasetCard): string => (card.lines.length > 1 && /\r$/.test(card.lines[0] ?? '') ? '\r\n' : '\n');

/** Whether the listing writes names in backticks. */
function codeNames(card: DatasetCard, listing: ColumnListing): boolean {
  const first = listing.columns[0];
  if (!first) return true;
  const line = card.lines[first.line] ?? '';
  return line.charAt(first.range.start.character - 1) === '`';
}

/** A fix that adds `column` to the listing (a table row or a list item); none for other listings. */
export function addColumnFix(card: DatasetCard, listing: ColumnListing, column: MergedColumn): EditFix | undefined {
  const name = codeNames(card, listing) ? `\`${column.name}\`` : column.name;
  const type = typeWord(column.type);
  const eol = eolOf(card);
  if (listing.table) {
    const { cells, nameIndex, typeIndex, lastRowLine, leadingPipe } = listing.table;
    const row = Array.from({ length: cells }, (_, k) => (k === nameIndex ? name : k === typeIndex ? type : ''));
    const text = leadingPipe ? `| ${row.join(' | ')} |` : row.join(' | ');
    return {
      kind: 'edit',
      title: `Add a row for \`${column.name}\` (${type}) to the features table`,
      edits: [{ range: endOfLine(card, lastRowLine), newText: `${eol}${text.replace(/ {2,}\|/g, ' |')}` }],
    };
  }
  if (listing.list) {
    const { prefix, lastLine, withTypes } = listing.list;
    const item = `${prefix}${name}${withTypes ? ` (${type})` : ''}: `;
    return {
      kind: 'edit',
      title: `Add \`${column.name}\` (${type}) to the list of columns`,
      edits: [{ range: endOfLine(card, lastLine), newText: `${eol}${item}` }],
    };
  }
  return undefined;
}

/** A fix that replaces an inline column list with the data's columns (stated types kept). */
export function replaceInlineListFix(listing: ColumnListing, columns: readonly MergedColumn[]): EditFix | undefined {
  if (!listing.inline) return undefined;
  const withTypes = listing.inline.withTypes;
  const items = columns.map((column) => {
    const documented = listing.columns.find((c) => c.name === column.name);
    const type = documented?.typeText ?? typeWord(column.type);
    return withTypes ? `\`${column.name}\` (${type})` : `\`${column.name}\``;
  });
  return {
    kind: 'edit',
    title: "Replace the column list with the data's columns",
    edits: [{ range: listing.inline.range, newText: items.join(', ') }],
  };
}

/** A fix that removes the table row or list item on `line`. */
export function removeLineFix(card: DatasetCard, line: number, name: string): EditFix {
  const range: TextRange =
    line + 1 < card.lines.length
      ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
      : {
          start: { line: line - 1, character: (card.lines[line - 1] ?? '').length },
          end: { line, character: (card.lines[line] ?? '').length },
        };
  return { kind: 'edit', title: `Remove \`${name}\` from the card's columns`, edits: [{ range, newText: '' }] };
}
