import { cardClaims } from '../cardData/claims';
import { addColumnFix, primaryListing, replaceInlineListFix } from '../cardData/columnEdits';
import { filesPhrase, findColumn, mergedColumns, readableFiles, typeWord } from '../cardData/facts';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

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
    const listings = cardClaims(card).listings;
    const listing = primaryListing(listings);
    // A card without a column list is MLG008's finding, not one per column.
    if (!listing) return [];
    const documented = cardClaims(card).documented;
    const columns = mergedColumns(data);
    return columns
      .filter((column) => !findColumn(documented, column.name))
      .map((column) => {
        const fix = addColumnFix(card, listing, column) ?? replaceInlineListFix(listing, columns);
        return {
          range: listing.anchor,
          message: `\`${column.name}\` (${typeWord(column.type)}) is a column of ${filesPhrase(column.files)}, but the card does not document it. Add it to the card's attributes with its type and meaning.`,
          ...(fix ? { fix } : {}),
        };
      });
  },
};
