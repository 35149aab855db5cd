// The data side of the doc-against-data rules: the readable files, their columns merged (a card
// over train.csv and test.csv describes one table), and how messages name files and numbers.
import type { ColumnType } from '../../../core/src/profile/profile';
import type { DatasetCard } from '../parse/datasetCard';
import { cardClaims } from './claims';
import type { CardData, CardDataColumn, CardDataFile } from './types';

/** A column over every readable file that has it. */
export interface MergedColumn {
  name: string;
  /** The type in the first file; `mixed` when files disagree (a column empty in one file does not count). */
  type: ColumnType | 'mixed';
  /** Every value with its count over all files, when every file lists them all. */
  values?: { value: string; count: number }[];
  /** The largest distinct count of one file (a lower bound over all files). */
  distinct: number;
  min?: number;
  max?: number;
  /** Rows of the files that have the column. */
  rows: number;
  files: CardDataFile[];
}

/** The files that could be read. */
export function readableFiles(data: CardData): CardDataFile[] {
  return data.files.filter((file) => file.error === undefined);
}

/** Whether every file could be read (totals are only right then). */
export function allReadable(data: CardData): boolean {
  return data.files.length > 0 && data.files.every((file) => file.error === undefined);
}

const mergedCache = new WeakMap<CardData, MergedColumn[]>();

/**
 * True when the card counts a split that none of the data files holds (`test: 3,000` with only
 * `train.csv` linked): the files are then not the whole dataset, so totals are not checked.
 */
export function splitsMissing(card: DatasetCard, data: CardData): boolean {
  const held = new Set(data.files.map((file) => file.split));
  return cardClaims(card).counts.some((claim) => claim.split !== undefined && !held.has(claim.split));
}

/** The columns of the readable files, in the order they first appear (worked out once per data). */
export function mergedColumns(data: CardData): MergedColumn[] {
  let columns = mergedCache.get(data);
  if (!columns) {
    columns = merge(data);
    mergedCache.set(data, columns);
  }
  return columns;
}

function merge(data: CardData): MergedColumn[] {
  const merged = new Map<string, MergedColumn>();
  for (const file of readableFiles(data)) {
    for (const column of file.columns) {
      const existing = merged.get(column.name);
      if (!existing) {
        merged.set(column.name, {
          name: column.name,
          type: column.type,
          ...(column.values ? { values: column.values.map((v) => ({ ...v })) } : {}),
          distinct: column.distinct,
          ...(column.min !== undefined ? { min: column.min } : {}),
          ...(column.max !== undefined ? { max: column.max } : {}),
          rows: file.rows,
          files: [file],
        });
        continue;
      }
      mergeInto(existing, column, file);
    }
  }
  return [...merged.values()];
}

function mergeInto(into: MergedColumn, column: CardDataColumn, file: CardDataFile): void {
  if (into.type !== column.type && column.type !== 'empty') into.type = into.type === 'empty' ? column.type : 'mixed';
  if (into.values && column.values) {
    for (const v of column.values) {
      const found = into.values.find((w) => w.value === v.value);
      if (found) found.count += v.count;
      else into.values.push({ ...v });
    }
    into.values.sort((a, b) => b.count - a.count);
  } else delete into.values;
  into.distinct = Math.max(into.distinct, column.distinct);
  if (column.min !== undefined) into.min = into.min === undefined ? column.min : Math.min(into.min, column.min);
  if (column.max !== undefined) into.max = into.max === undefined ? column.max : Math.max(into.max, column.max);
  into.rows += file.rows;
  into.files.push(file);
}

interface NameIndex {
  exact: Map<string, unknown>;
  folded: Map<string, unknown>;
}
const indexes = new WeakMap<readonly { name: string }[], NameIndex>();

/**
 * The column a name refers to: the same name, else the same name in another case. Looked up in
 * an index built once per list, since cards and data with hundreds of columns ask for each.
 */
export function findColumn<T extends { name: string }>(columns: readonly T[], name: string): T | undefined {
  let index = indexes.get(columns);
  if (!index) {
    index = { exact: new Map(), folded: new Map() };
    for (const column of columns) {
      if (!index.exact.has(column.name)) index.exact.set(column.name, column);
      const folded = column.name.trim().toLowerCase();
      if (!index.folded.has(folded)) index.folded.set(folded, column);
    }
    indexes.set(columns, index);
  }
  return (index.exact.get(name) ?? index.folded.get(name.trim().toLowerCase())) as T | undefined;
}

/** "data/churn.csv", or "train.csv and test.csv", or "3 files (a.csv, b.csv, c.csv)". */
export function filesPhrase(files: readonly CardDataFile[]): string {
  const names = files.map((f) => f.displayPath);
  if (names.length <= 1) return names[0] ?? 'the data';
  if (names.length === 2) return `${names[0] ?? ''} and ${names[1] ?? ''}`;
  return `${names.length} files (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

/** "has" or "have", after {@link filesPhrase}. */
export function has(files: readonly unknown[]): string {
  return files.length > 1 ? 'have' : 'has';
}

// One formatter for every message: `toLocaleString` builds a new one per call.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as messages show it: 9,874. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** The word a card would write for an inferred type, in a features table. */
export function typeWord(type: ColumnType | 'mixed'): string {
  switch (type) {
    case 'int':
      return 'integer';
    case 'bool':
      return 'boolean';
    case 'id':
      return 'identifier';
    case 'mixed':
      return 'mixed';
    default:
      return type;
  }
}

/** `a` (3 rows), `b` (1 row): values with their counts, the first `limit`. */
export function valuesWithCounts(values: readonly { value: string; count: number }[], limit = 8): string {
  const shown = values
    .slice(0, limit)
    .map((v) => `\`${v.value}\` (${formatNumber(v.count)} row${v.count === 1 ? '' : 's'})`);
  return `${shown.join(', ')}${values.length > limit ? `, and ${formatNumber(values.length - limit)} more` : ''}`;
}

/** Edit distance, for "did you mean" (small strings only). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}
