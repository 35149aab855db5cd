import { cardClaims, Remembered, type DocumentedColumn } from '../cardData/claims';
import {
  filesPhrase,
  findColumn,
  formatNumber,
  mergedColumns,
  readableFiles,
  typeWord,
  type MergedColumn,
} from '../cardData/facts';
import type { StatedType } from '../cardData/numbers';
import type { CardData } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/**
 * Whether the engine's inferred type agrees with the stated one. Mapped with care: a float column
 * holding whole numbers is still float, codes 0/1/2 may be categorical, an id may be written as
 * integers, and a date the engine does not recognise is not held against the card.
 */
function agrees(stated: StatedType, column: MergedColumn): boolean {
  const inferred = column.type;
  if (inferred === 'empty' || inferred === 'mixed') return true;
  switch (stated) {
    case 'integer':
      return inferred === 'int' || inferred === 'id';
    case 'float':
    case 'number':
      return inferred === 'int' || inferred === 'float';
    case 'string':
      return inferred !== 'int' && inferred !== 'float';
    case 'categorical':
      return (
        inferred === 'categorical' ||
        inferred === 'bool' ||
        inferred === 'int' ||
        (inferred === 'text' && column.distinct <= 100)
      );
    case 'bool':
      return (
        inferred === 'bool' ||
        ((inferred === 'int' || inferred === 'categorical' || inferred === 'float') && column.distinct <= 2)
      );
    case 'date':
      return inferred !== 'bool' && inferred !== 'float';
    case 'id':
      return inferred !== 'float' && inferred !== 'bool';
  }
}

/** What the data holds, in a few words: "decimals from 0.5 to 9.75", "1,234 distinct texts". */
function evidence(column: MergedColumn): string {
  const span =
    column.min !== undefined && column.max !== undefined
      ? ` from ${formatNumber(column.min)} to ${formatNumber(column.max)}`
      : '';
  switch (column.type) {
    case 'float':
      return `numbers with decimals${span}`;
    case 'int':
      return `whole numbers${span}`;
    case 'bool':
      return 'true/false values';
    case 'date':
      return 'dates';
    default:
      return `${formatNumber(column.distinct)} distinct values${
        column.values
          ? ` such as ${column.values
              .slice(0, 3)
              .map((v) => `\`${v.value}\``)
              .join(', ')}`
          : ''
      }`;
  }
}

/** The findings per documented columns and data: they depend on nothing else, and stay while both do. */
const remembered = new Remembered<RuleFinding[]>();

function typeFindings(documented: readonly DocumentedColumn[], data: CardData): RuleFinding[] {
  const columns = mergedColumns(data);
  const findings: RuleFinding[] = [];
  for (const entry of documented) {
    const column = findColumn(columns, entry.name);
    if (!column || !entry.type || agrees(entry.type, column)) continue;
    findings.push({
      range: entry.typeRange ?? entry.range,
      message: `The card says \`${entry.name}\` is ${entry.typeText ?? entry.type}, but in ${filesPhrase(column.files)} it holds ${evidence(column)} (inferred type: ${typeWord(column.type)}).`,
    });
  }
  return findings;
}

export const columnType: CardRule = {
  id: 'MLG405',
  alias: 'column-type',
  description: 'The type the card states for a column agrees with the type of its values in the data',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    if (!data || readableFiles(data).length === 0) return [];
    const documented = cardClaims(card).documented;
    return [...remembered.get([documented, data], () => typeFindings(documented, data))];
  },
};
