import { cardClaims, Remembered } from '../cardData/claims';
import { filesPhrase, formatNumber, mergedColumns, readableFiles } from '../cardData/facts';
import { declaredColumnValues } from '../cardData/labels';
import type { CardData } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/** The findings per documented columns, label claims and data: they depend on nothing else. */
const remembered = new Remembered<RuleFinding[]>();

function rangeFindings(card: DatasetCard, data: CardData): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const declared of declaredColumnValues(card, mergedColumns(data))) {
    const { column } = declared;
    // Only numeric columns have a minimum and maximum to compare.
    if (column.min === undefined || column.max === undefined) continue;
    for (const claim of declared.ranges) {
      const below = column.min < claim.min;
      const above = column.max > claim.max;
      if (!below && !above) continue;
      const outside = [
        below ? `its minimum ${formatNumber(column.min)} is below ${formatNumber(claim.min)}` : '',
        above ? `its maximum ${formatNumber(column.max)} is above ${formatNumber(claim.max)}` : '',
      ].filter((s) => s !== '');
      findings.push({
        range: claim.range,
        message: `The card gives \`${column.name}\` the range "${claim.text}" (${formatNumber(claim.min)} to ${formatNumber(claim.max)}), but in ${filesPhrase(column.files)} ${outside.join(' and ')}.`,
      });
    }
  }
  return findings;
}

export const valueRange: CardRule = {
  id: 'MLG407',
  alias: 'value-range',
  description: "The range the card states for a target or column contains the data's minimum and maximum",
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    if (!data || readableFiles(data).length === 0) return [];
    // The declared ranges are the documented columns' and the label sections'.
    const claims = cardClaims(card);
    return [...remembered.get([claims.documented, claims.labels, data], () => rangeFindings(card, data))];
  },
};
