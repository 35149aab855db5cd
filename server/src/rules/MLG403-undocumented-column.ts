import { cardClaims, Remembered, type ColumnListing } from '../cardData/claims';
import { addColumnFix, primaryListing, replaceInlineListFix } from '../cardData/columnEdits';
import { filesPhrase, findColumn, mergedColumns, readableFiles, typeWord, type MergedColumn } from '../cardData/facts';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/**
 * The listing findings go to and the data's columns the card does not document, per listings and
 * data (the documented columns are the listings'): looked up again only when either changes.
 */
const remembered = new Remembered<{ listing?: ColumnListing; undocumented: MergedColumn[] }>();

export const undocumentedColumn: CardRule = {
  id: 'MLG403',
  alias: 'undocumented-column',
  description: "Every column of the data is in the card's list of attributes",
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    if (!data || readableFiles(data).length === 0) return [];
    const claims = cardClaims(card);
    const { listing, undocumented } = remembered.get([claims.listings, data], () => {
      const primary = primaryListing(claims.listings);
      // A card without a column list is MLG008's finding, not one per column.
      if (!primary) return { undocumented: [] };
      const documented = claims.documented;
      return {
        listing: primary,
        undocumented: mergedColumns(data).filter((column) => !findColumn(documented, column.name)),
      };
    });
    if (!listing) return [];
    return undocumented.map((column) => {
      // The fix is placed after the listing's last line as the card has it now.
      const fix = addColumnFix(card, listing, column) ?? replaceInlineListFix(listing, mergedColumns(data));
      return {
        range: listing.anchor,
        message: `\`${column.name}\` (${typeWord(column.type)}) is a column of ${filesPhrase(column.files)}, but the card does not document it. Add it to the card's attributes with its type and meaning.`,
        ...(fix ? { fix } : {}),
      };
    });
  },
};
