import { cardClaims } from '../cardData/claims';
import { allReadable, filesPhrase, formatNumber, has, splitsMissing } from '../cardData/facts';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/** Hugging Face's `size_categories` values, with the row counts each covers: [low, high). */
export const SIZE_CATEGORIES: readonly { value: string; low: number; high: number }[] = [
  { value: 'n<1K', low: 0, high: 1e3 },
  { value: '1K<n<10K', low: 1e3, high: 1e4 },
  { value: '10K<n<100K', low: 1e4, high: 1e5 },
  { value: '100K<n<1M', low: 1e5, high: 1e6 },
  { value: '1M<n<10M', low: 1e6, high: 1e7 },
  { value: '10M<n<100M', low: 1e7, high: 1e8 },
  { value: '100M<n<1B', low: 1e8, high: 1e9 },
  { value: '1B<n<10B', low: 1e9, high: 1e10 },
  { value: '10B<n<100B', low: 1e10, high: 1e11 },
  { value: '100B<n<1T', low: 1e11, high: 1e12 },
  { value: 'n>1T', low: 1e12, high: Infinity },
];

/** The category a row count falls in (a boundary count, such as 1,000, goes to the upper one). */
export function sizeCategoryOf(rows: number): string {
  return SIZE_CATEGORIES.find((c) => rows >= c.low && rows < c.high)?.value ?? 'n>1T';
}

export const sizeCategory: CardRule = {
  id: 'MLG402',
  alias: 'size-category',
  description: "The Hugging Face size_categories value matches the data's row count",
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'data', 'huggingface'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card: DatasetCard, context): RuleFinding[] {
    const data = context.data;
    // The category is about the whole dataset: every file must have been read.
    if (!data || !allReadable(data) || splitsMissing(card, data)) return [];
    const claims = cardClaims(card).sizeCategories.filter((c) => SIZE_CATEGORIES.some((k) => k.value === c.value));
    if (claims.length === 0) return [];
    const rows = data.files.reduce((sum, file) => sum + file.rows, 0);
    const right = sizeCategoryOf(rows);
    if (claims.some((claim) => claim.value === right)) return [];
    return claims.slice(0, 1).map((claim) => ({
      range: claim.range,
      message: `size_categories says ${claim.value}, but ${filesPhrase(data.files)} ${has(data.files)} ${formatNumber(rows)} rows: the category is ${right}.`,
      fix: {
        kind: 'edit' as const,
        title: `Replace ${claim.value} with ${right}`,
        edits: [{ range: claim.range, newText: right }],
      },
    }));
  },
};
