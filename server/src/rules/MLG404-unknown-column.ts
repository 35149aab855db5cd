import { cardClaims } from '../cardData/claims';
import { removeLineFix, replaceInlineListFix } from '../cardData/columnEdits';
import { editDistance, filesPhrase, findColumn, mergedColumns, readableFiles } from '../cardData/facts';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, EditFix, RuleFinding } from './types';

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
    const columns = mergedColumns(data);
    const files = filesPhrase(data.files);
    const findings: RuleFinding[] = [];
    for (const listing of cardClaims(card).listings) {
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
            : listing.kind === 'metadata'
              ? undefined
              : removeLineFix(card, documented.line, documented.name);
        const hint = near
          ? ` Did you mean \`${near.name}\`?`
          : ` Its columns: ${columns.map((c) => `\`${c.name}\``).join(', ')}.`;
        findings.push({
          range: documented.range,
          message: `The card documents a column \`${documented.name}\`, but ${files} ${data.files.length > 1 ? 'have' : 'has'} no such column.${hint}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return findings;
  },
};
