import type { ColumnType } from '../../../core/src/profile/profile';

/** Where a card learned of a data file. */
export type DataSource = 'link' | 'data_files' | 'config' | 'setting';

/** A data file a card points at, before it is read. */
export interface DataReference {
  /** The path as the card or the config writes it (a link target, a `data_files` entry). */
  reference: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the card's folder, with forward slashes, as messages show it. */
  displayPath: string;
  /** The split this file holds (`train`, `validation`, `test`…), when the card or the file name says so. */
  split?: string;
  source: DataSource;
}

/** What one data file's profile says, as cached by path, size and modification time. */
export interface DataFacts {
  /** Data rows (the header excluded). */
  rows: number;
  columns: CardDataColumn[];
  /** Why the file could not be read; the other fields are then empty. */
  error?: string;
}

/** What the profile of one data file a card points at says, for the doc-against-data rules. */
export interface CardDataFile {
  /** The path as the card or the config writes it (a link target, a `data_files` entry). */
  reference: string;
  /** Path relative to the card's folder, with forward slashes, as messages show it. */
  displayPath: string;
  /** The split this file holds (`train`, `test`…), when the card or the file name says so. */
  split?: string;
  /** Data rows (the header excluded). */
  rows: number;
  columns: CardDataColumn[];
  /** Why the file could not be read; the other fields are then empty. */
  error?: string;
}

/** One column of a data file. */
export interface CardDataColumn {
  name: string;
  /** The engine's inferred type (see `ColumnType`). */
  type: ColumnType;
  /** Distinct non-missing values (exact when `distinctExact`). */
  distinct: number;
  distinctExact: boolean;
  /**
   * Every value with its count (most frequent first), when the column has few enough distinct
   * values for the profile to list them all; else undefined.
   */
  values?: { value: string; count: number }[];
  min?: number;
  max?: number;
  missing: number;
}

/** The data a card points at. */
export interface CardData {
  files: CardDataFile[];
}
