import type { DatasetCard } from '../parse/datasetCard';
import { proseOf } from './prose';
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

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_ROW = /^\s*\|?\s*:?-{3,}/;
/** What the prose may have blanked on a line: a link target leaves `](`, a URL eight spaces or more. */
const MAY_BE_BLANKED = /\]\(| {8}/;

/** True when `line` is a table header with a column-name column and a type column, `next` its delimiter row. */
function dataDictionaryHeader(line: string, next: string): boolean {
  if (!TABLE_ROW.test(line) || !DELIMITER_ROW.test(next)) return false;
  const cells = line
    .split('|')
    .map((cell) => words(cell).join(' '))
    .filter((cell) => cell !== '');
  return cells.some((cell) => NAME_COLUMN.has(cell)) && cells.some((cell) => TYPE_COLUMN.has(cell));
}

/** What a paragraph says of data-dictionary tables (line numbers relative to the paragraph). */
interface ParagraphTables {
  /** A data-dictionary header and its delimiter row are in the paragraph, as the card has them. */
  found: boolean;
  /**
   * Lines to test on the card's own lines: those where the prose may have blanked a link (a URL
   * may be part of the header), and a last line that may head a table whose delimiter row follows.
   */
  recheck: number[];
}

/** Memo key of a paragraph's data-dictionary tables. */
const PARAGRAPH_TABLES = {};

function paragraphTables(text: string): ParagraphTables {
  const lines = text.split('\n');
  const recheck: number[] = [];
  let found = false;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (MAY_BE_BLANKED.test(line) || (next === undefined && TABLE_ROW.test(line))) recheck.push(i);
    else if (!found && next !== undefined) found = dataDictionaryHeader(line, next);
  });
  return { found, recheck };
}

/**
 * A Markdown table whose header has a column-name column and a type column: a data dictionary.
 * Read paragraph by paragraph, each remembered while it is unchanged; the few lines whose prose
 * differs from the card's own (a link blanked), and heading lines (blank in the prose), are read
 * from the card's lines.
 */
function hasDataDictionaryTable(card: DatasetCard): boolean {
  const lines = card.proseLines;
  const atLine = (line: number): boolean => dataDictionaryHeader(lines[line] ?? '', lines[line + 1] ?? '');
  const paragraphs = proseOf(card).paragraphs.map((paragraph) => ({
    paragraph,
    tables: paragraph.memo(PARAGRAPH_TABLES, paragraphTables),
  }));
  return (
    paragraphs.some(({ tables }) => tables.found) ||
    paragraphs.some(({ paragraph, tables }) => tables.recheck.some((offset) => atLine(paragraph.line + offset))) ||
    card.sections.some((section) => atLine(section.range.start.line))
  );
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
