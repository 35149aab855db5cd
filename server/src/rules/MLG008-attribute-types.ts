import type { DatasetCard } from '../parse/datasetCard';
import { bookItemRule, metadataAt, metadataFilled, words, type BookItemSpec } from './requiredSection';

const NAME_COLUMN = new Set([
  'column',
  'field',
  'feature',
  'attribute',
  'variable',
  'name',
  'column name',
  'field name',
]);
const TYPE_COLUMN = new Set(['type', 'dtype', 'data type', 'datatype', 'kind', 'format', 'unit type']);

/** A Markdown table whose header has a column-name column and a type column: a data dictionary. */
function hasDataDictionaryTable(card: DatasetCard): boolean {
  const lines = card.proseText.split('\n');
  return lines.some((line, i) => {
    if (!/^\s*\|.*\|\s*$/.test(line) || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) return false;
    const cells = line
      .split('|')
      .map((cell) => words(cell).join(' '))
      .filter((cell) => cell !== '');
    return cells.some((cell) => NAME_COLUMN.has(cell)) && cells.some((cell) => TYPE_COLUMN.has(cell));
  });
}

export const attributeTypesItem: BookItemSpec = {
  id: 'MLG008',
  alias: 'attribute-types',
  description: 'The dataset card gives the type of every attribute (feature)',
  item: 8,
  topic: 'which attributes (features) the data has and of which types',
  heading: 'Types of attributes',
  why: 'Readers need the type of each attribute to read and encode it, and to check that the data still matches the card.',
  key: 'features',
  prompt:
    'Which attributes (features) does each example have? For each column give its name, its type (integer, float, categorical with its categories, date, text, identifier) and what it means, and say which one is the label.',
  synonyms: [
    'Types of attributes',
    'Data Fields',
    'Features',
    'Attribute types',
    'Attributes',
    'Attribute Information',
    'Feature types',
    'Feature descriptions',
    'Feature documentation',
    'Feature structure',
    'Feature list',
    'Input features',
    'Fields',
    'Field descriptions',
    'Field types',
    'Schema',
    'Data Schema',
    'Dataset Schema',
    'Columns',
    'Column descriptions',
    'Column types',
    'Variables',
    'Variable descriptions',
    'Variable types',
    'Description of the columns',
    'Description of the fields',
    'Description of the features',
    'Description of the variables',
    'Data Dictionary',
    'Codebook',
    'Data types',
    'Record structure',
  ],
  parentSynonyms: ['Dataset Structure', 'Data Structure'],
  statedElsewhere: (card) =>
    metadataAt(card, ['dataset_info', 'features']).some(metadataFilled) || hasDataDictionaryTable(card),
};

export const attributeTypes = bookItemRule(attributeTypesItem);
