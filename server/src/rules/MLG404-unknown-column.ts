import { cardClaims, Remembered, type ColumnListing, type DocumentedColumn } from '../cardData/claims';
import { removeLineFix, replaceInlineListFix } from '../cardData/columnEdits';
import { editDistance, filesPhrase, findColumn, mergedColumns, readableFiles } from '../cardData/facts';
import type { CardData } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, EditFix, RuleFinding } from './types';

/** A documented column the data lacks, with what the finding says and any fix that needs no card text. */
interface Unknown {
  documented: DocumentedColumn;
  message: string;
  fix?: EditFix;
  /** True when the fix removes the column's line (placed by the card's text as it is now). */
  removeLine: boolean;
}

/** The unknown columns per listings and data: the near names are looked for only when either changes. */
const remembered = new Remembered<Unknown[]>();

function unknownColumns(listings: readonly ColumnListing[], data: CardData): Unknown[] {
  const columns = mergedColumns(data);
  const files = filesPhrase(data.files);
  const unknown: Unknown[] = [];
  for (const listing of listings) {
    for (const documented of listing.columns) {
      if (findColumn(columns, documented.name)) continue;
      const near = columns
        .map((c) => ({ name: c.name, distance: editDistance(c.name.toLowerCase(), documented.name.toLowerCase()) }))
        .filter((c) => c.distance <= Math.max(1, Math.floor(documented.name.length / 4)))
        .sort((a, b) => a.distance - b.distance)[0];
      const fix: EditFix | undefined = near
        ? {
            kind: 'edit',
            title: `Rename \`${documented.name}\` to \`${near.name}\`, as the data has it`,
            edits: [{ range: documented.range, newText: near.name }],
          }
        : listing.inline
          ? replaceInlineListFix(listing, columns)
          : undefined;
      const hint = near
        ? ` Did you mean \`${near.name}\`?`
        : ` Its columns: ${columns.map((c) => `\`${c.name}\``).join(', ')}.`;
      unknown.push({
        documented,
        message: `The card documents a column \`${documented.name}\`, but ${files} ${data.files.length > 1 ? 'have' : 'has'} no such column.${hint}`,
        ...(fix ? { fix } : {}),
        removeLine: !near && !listing.inline && listing.kind !== 'metadata',
      });
    }
  }
  return unknown;
}

export const unknownColumn: CardRule = {
  id: 'MLG404',
  alias: 'unknown-column',
  description: 'Every column the card documents exists in the data',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    // Only when every file was read: a column may live in the one that could not be.
    if (!data || readableFiles(data).length !== data.files.length || data.files.length === 0) return [];
    const listings = cardClaims(card).listings;
    return remembered
      .get([listings, data], () => unknownColumns(listings, data))
      .map(({ documented, message, fix, removeLine }) => {
        const removal = removeLine ? removeLineFix(card, documented.line, documented.name) : fix;
        return { range: documented.range, message, ...(removal ? { fix: removal } : {}) };
      });
  },
};
