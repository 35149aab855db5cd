import * as path from 'node:path';
import { cardClaims, Remembered, type CountClaim } from '../cardData/claims';
import { filesPhrase, formatNumber, has, readableFiles, splitsMissing } from '../cardData/facts';
import { countHolds, describeCount } from '../cardData/numbers';
import type { CardData, CardDataFile } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/**
 * The files a count is about: the file its line names, else its split's files, else all of them —
 * unless the card counts a split none of the files holds (`test: 3,000` with only `train.csv`):
 * the files are then not the whole dataset, and a total cannot be checked against them.
 */
function filesOf(claim: CountClaim, data: CardData, uncovered: boolean): CardDataFile[] | undefined {
  const named = data.files.filter((file) => {
    const names = [file.displayPath, file.reference, path.posix.basename(file.displayPath)];
    return claim.context !== '' && names.some((name) => claim.context.includes(name));
  });
  if (named.length === 0 && claim.split === undefined && uncovered) return undefined;
  const files =
    named.length > 0
      ? named
      : claim.split !== undefined
        ? data.files.filter((f) => f.split === claim.split)
        : data.files;
  // A split the data files do not tell apart, or an unreadable file: nothing to compare with.
  if (files.length === 0 || files.some((file) => file.error !== undefined)) return undefined;
  return files;
}

/** The data's count written the way the claim wrote its number (separators kept). */
function written(rows: number, claim: CountClaim): string {
  if (claim.source === 'metadata') return String(rows);
  const text = claim.stated.text;
  if (/\d[\u202f]\d/.test(text)) return formatNumber(rows).replace(/,/g, '\u202f');
  if (/\d \d/.test(text)) return formatNumber(rows).replace(/,/g, ' ');
  if (/^\d{4,}$/.test(text)) return String(rows);
  return formatNumber(rows);
}

/** The findings per counts and data: they depend on nothing else, and stay while both do. */
const remembered = new Remembered<RuleFinding[]>();

function countFindings(card: DatasetCard, counts: readonly CountClaim[], data: CardData): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const uncovered = splitsMissing(card, data);
  for (const claim of counts) {
    const files = filesOf(claim, data, uncovered);
    if (!files) continue;
    const rows = files.reduce((sum, file) => sum + file.rows, 0);
    if (countHolds(claim.stated, rows)) continue;
    const scope = claim.split !== undefined ? ` in the ${claim.split} split` : '';
    const replacement = written(rows, claim);
    findings.push({
      range: claim.range,
      message: `The card says ${describeCount(claim.stated)} examples${scope}; ${filesPhrase(files)} ${has(files)} ${formatNumber(rows)} rows. Update the count (and the date it was taken), or point the card at the data it describes.`,
      fix: {
        kind: 'edit',
        title: `Replace ${claim.stated.text} with the data's count, ${formatNumber(rows)}`,
        edits: [{ range: claim.numberRange, newText: replacement }],
      },
    });
  }
  return findings;
}

export const exampleCount: CardRule = {
  id: 'MLG401',
  alias: 'example-count',
  description: 'The number of examples the card states matches the rows of its data (in total and per split)',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    if (!data || readableFiles(data).length === 0) return [];
    const counts = cardClaims(card).counts;
    return [...remembered.get([counts, data], () => countFindings(card, counts, data))];
  },
};
