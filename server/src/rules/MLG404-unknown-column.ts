import { cardClaims, Remembered, type ColumnListing, type DocumentedColumn } from '../cardData/claims';
import { removeLineFix, replaceInlineListFix } from '../cardData/columnEdits';
import {
  editDistance,
  filesPhrase,
  findColumn,
  mergedColumns,
  readableFiles,
  type MergedColumn,
} from '../cardData/facts';
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

/**
 * The data's column nearest to a name (for "did you mean"), and the list of all its columns, by
 * the data: a table row being typed changes the listings on every keystroke, and its name would
 * otherwise be compared with every column again each time.
 */
const nearNames = new WeakMap<readonly MergedColumn[], { near: Map<string, string | null>; all: string }>();

function nearName(columns: readonly MergedColumn[], name: string): string | undefined {
  let known = nearNames.get(columns);
  if (!known) {
    known = { near: new Map(), all: columns.map((c) => `\`${c.name}\``).join(', ') };
    nearNames.set(columns, known);
  }
  let near = known.near.get(name);
  if (near === undefined) {
    near =
      columns
        .map((c) => ({ name: c.name, distance: editDistance(c.name.toLowerCase(), name.toLowerCase()) }))
        .filter((c) => c.distance <= Math.max(1, Math.floor(name.length / 4)))
        .sort((a, b) => a.distance - b.distance)[0]?.name ?? null;
    if (known.near.size > 10_000) known.near.clear();
    known.near.set(name, near);
  }
  return near ?? undefined;
}

function unknownColumns(listings: readonly ColumnListing[], data: CardData): Unknown[] {
  const columns = mergedColumns(data);
  const files = filesPhrase(data.files);
  const unknown: Unknown[] = [];
  for (const listing of listings) {
    for (const documented of listing.columns) {
      if (findColumn(columns, documented.name)) continue;
      const near = nearName(columns, documented.name);
      const fix: EditFix | undefined =
        near !== undefined
          ? {
              kind: 'edit',
              title: `Rename \`${documented.name}\` to \`${near}\`, as the data has it`,
              edits: [{ range: documented.range, newText: near }],
            }
          : listing.inline
            ? replaceInlineListFix(listing, columns)
            : undefined;
      const hint =
        near !== undefined ? ` Did you mean \`${near}\`?` : ` Its columns: ${nearNames.get(columns)?.all ?? ''}.`;
      unknown.push({
        documented,
        message: `The card documents a column \`${documented.name}\`, but ${files} ${data.files.length > 1 ? 'have' : 'has'} no such column.${hint}`,
        ...(fix ? { fix } : {}),
        removeLine: near === undefined && !listing.inline && listing.kind !== 'metadata',
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
