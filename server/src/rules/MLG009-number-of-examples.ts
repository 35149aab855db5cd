import { isMap, isSeq, isScalar, type Node } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { isPlaceholder } from './placeholder';
import type { CardRule, InsertSectionFix, RuleFinding } from './types';

const UNIT = String.raw`(?:examples|samples|rows|records|instances|observations|data\s+points|entries|items|documents|images|sentences|utterances|datapoints)`;

/** Headings that, with a number under them, state the size of the dataset. */
const SIZE_HEADING = new RegExp(
  String.raw`^(?:(?:total\s+)?(?:number|count|no\.?|#)\s+of\s+${UNIT}|(?:dataset|data)\s+size|size(?:\s+of\s+(?:the\s+)?(?:dataset|data))?|${UNIT}\s+count|split\s+sizes?)$`,
  'i',
);

/** Whether a heading is one of the size sections MLG009 reads ("Number of examples", "Dataset size"…). */
export function isSizeHeading(heading: string): boolean {
  return SIZE_HEADING.test(heading.replace(/[*_`:]/g, '').trim());
}

/** "Number of samples: 498", "total number of rows is 7,043", "# of records — 1.2M". */
const COUNT_CLAIM = new RegExp(
  String.raw`\b(?:total\s+)?(?:number|count|no\.?|#)\s+of\s+${UNIT}\b[^\n\d]{0,40}\d`,
  'i',
);
/** "7,043 rows", "1.2M labeled examples", "about 50 thousand samples". */
const NUMBER_CLAIM = new RegExp(
  String.raw`\b\d[\d,.\u202f ]*\s*(?:k|m|b|thousand|million|billion)?\s+(?:labell?ed\s+|annotated\s+|training\s+|unique\s+)?${UNIT}\b`,
  'i',
);

/** Dataset metadata keys that carry an example count (Hugging Face `dataset_info`, plain YAML). */
const COUNT_KEY =
  /^(?:num_examples|num_rows|n_rows|number_of_(?:examples|rows|samples|instances|records)|rows|examples|instances|samples)$/i;

function metadataStatesCount(node: Node | null | undefined): boolean {
  if (isMap(node)) {
    return node.items.some((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (COUNT_KEY.test(key) && isScalar(value) && typeof value.value === 'number') return true;
      return metadataStatesCount(value);
    });
  }
  if (isSeq(node)) return node.items.some((item) => metadataStatesCount(item as Node));
  return false;
}

function bodyStatesCount(card: DatasetCard): boolean {
  const sizeSection = card.sections.find((s) => isSizeHeading(s.heading));
  // A number in an HTML attribute (`width="600"`) is not a count.
  const sizeText = sizeSection?.body.replace(/<[^>]*>/g, ' ') ?? '';
  if (sizeSection && !isPlaceholder(sizeText) && /\d/.test(sizeText)) return true;
  // Code blocks show samples of the data, not claims about it.
  const prose = card.proseText;
  return COUNT_CLAIM.test(prose) || NUMBER_CLAIM.test(prose);
}

/** Where the new section goes: before the first heading after the title, else at the end. */
function insertionLine(card: DatasetCard): { line: number; level: number } {
  const titleLine = card.title.range.start.line;
  const titleLevel = card.sections.find((s) => s.range.start.line === titleLine)?.level ?? 1;
  const next = card.sections.find((s) => s.range.start.line > titleLine);
  if (next) return { line: next.range.start.line, level: next.level };
  return { line: card.lines.length, level: Math.min(titleLevel + 1, 6) };
}

export const numberOfExamples: CardRule = {
  id: 'MLG009',
  alias: 'number-of-examples',
  description: 'The dataset card states how many examples the dataset holds',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'book'],
  profiles: ['book'],
  check(card: DatasetCard): RuleFinding[] {
    if (metadataStatesCount(card.metadata?.contents)) return [];
    if (card.kind === 'markdown' && bodyStatesCount(card)) return [];
    const where = insertionLine(card);
    const fix: InsertSectionFix | undefined =
      card.kind === 'markdown'
        ? {
            kind: 'insert-section',
            title: 'Insert a "Number of examples" section',
            heading: 'Number of examples',
            level: where.level,
            line: where.line,
            prompt:
              'How many examples does the dataset hold, in total and in each split? State the count and the date it was taken, so a reader can tell when the data has changed.',
            fill: 'row-count',
          }
        : undefined;
    return [
      {
        range: card.title.range,
        message:
          'The card does not state the number of examples. Say how many examples the dataset holds (in total and per split), so readers can judge what the model was trained and tested on and notice when the data changes.',
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
