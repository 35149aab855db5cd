import { cardClaims, Remembered } from '../cardData/claims';
import { filesPhrase, formatNumber, mergedColumns, readableFiles, valuesWithCounts } from '../cardData/facts';
import { declaredColumnValues, sameValue } from '../cardData/labels';
import type { CardData } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/** The findings per documented columns, label claims and data: they depend on nothing else. */
const remembered = new Remembered<RuleFinding[]>();

function labelFindings(card: DatasetCard, data: CardData): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const declared of declaredColumnValues(card, mergedColumns(data))) {
    const { column, values } = declared;
    if (values.length === 0) continue;
    const where = filesPhrase(column.files);
    if (!column.values) {
      // Too many distinct values to list: the declared set cannot be the column's.
      if (column.distinct > values.length * 2 && column.distinct > 50) {
        findings.push({
          range: declared.anchor,
          message: `The card declares ${formatNumber(values.length)} values for \`${column.name}\`, but ${where} ${column.files.length > 1 ? 'hold' : 'holds'} ${formatNumber(column.distinct)} distinct values in it.`,
        });
      }
      continue;
    }
    const observed = column.values;
    for (const value of values) {
      if (observed.some((o) => sameValue(value, o.value))) continue;
      findings.push({
        range: value.range,
        message: `The card declares \`${value.text}\` as a value of \`${column.name}\`, but ${where} never ${column.files.length > 1 ? 'have' : 'has'} it (0 of ${formatNumber(column.rows)} rows). Observed: ${valuesWithCounts(observed)}.`,
      });
    }
    const undeclared = observed.filter((o) => !values.some((v) => sameValue(v, o.value)));
    if (undeclared.length > 0) {
      findings.push({
        range: declared.anchor,
        message: `${where} ${column.files.length > 1 ? 'have' : 'has'} values of \`${column.name}\` the card does not declare: ${valuesWithCounts(undeclared)}. Declared: ${values.map((v) => `\`${v.text}\``).join(', ')}.`,
      });
    }
  }
  return findings;
}

export const observedLabels: CardRule = {
  id: 'MLG406',
  alias: 'observed-labels',
  description: 'The label values (and categories) the card declares are the values the data holds',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    if (!data || readableFiles(data).length === 0) return [];
    // The declared values are the documented columns' and the label sections'.
    const claims = cardClaims(card);
    return [...remembered.get([claims.documented, claims.labels, data], () => labelFindings(card, data))];
  },
};
