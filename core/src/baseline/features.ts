/**
 * Which columns the learned baseline uses as features, and how a row's cells become an
 * {@link EncodedRow}. Decided from the file's profile, so the user sees the same column types in
 * `mlguide profile`: numeric (`int`, `float`) columns as they are; categorical and boolean columns
 * one-hot; identifiers, free text, dates, empty and constant columns left out, each with its reason.
 */
import { isMissing } from '../csv/missing';
import { sortLabels } from '../metrics/labels';
import type { CompleteCsvProfile } from '../profile/profile';
import type { EncodedRow, FeatureLayout } from './naiveBayes';

/** Distinct cell texts remembered per column for one-hot encoding; past this a column is not one-hot. */
export const CATEGORY_TEXTS_LIMIT = 64;

/** A column the learned baseline left out, and why. */
export interface ExcludedColumn {
  name: string;
  reason: 'target' | 'id' | 'text' | 'date' | 'empty' | 'constant' | 'too many categories' | 'not in the test file';
}

/** The features of the learned baseline. */
export interface FeaturePlan {
  /** Numeric features: column name and index in the header. */
  numeric: { name: string; column: number }[];
  /** One-hot features: column name, index, and the cell texts that are its categories (sorted). */
  categorical: { name: string; column: number; categories: string[] }[];
  excluded: ExcludedColumn[];
}

/**
 * Remembers each column's distinct cell texts, up to {@link CATEGORY_TEXTS_LIMIT} per column, as
 * rows stream by: the categories of the one-hot features.
 */
export class CategoryTexts {
  private readonly texts: (Set<string> | undefined)[] = [];

  row(cells: readonly string[]): void {
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      if (isMissing(cell)) continue;
      let seen = this.texts[i];
      if (seen === undefined) {
        if (i in this.texts) continue; // overflowed earlier
        seen = new Set();
        this.texts[i] = seen;
      }
      if (seen.has(cell)) continue;
      seen.add(cell);
      if (seen.size > CATEGORY_TEXTS_LIMIT) {
        this.texts[i] = undefined;
      }
    }
  }

  /** The column's distinct texts, sorted; undefined past the limit. */
  of(column: number): string[] | undefined {
    const seen = this.texts[column];
    return seen ? sortLabels(seen) : undefined;
  }
}

/**
 * Chooses the features from the profile of the training file: every column but the target
 * (`targetColumn`), identifiers (`id` type or row numbers), free `text`, `date`, `empty` and
 * constant columns.
 */
export function chooseFeatures(profile: CompleteCsvProfile, targetColumn: number, texts: CategoryTexts): FeaturePlan {
  const plan: FeaturePlan = { numeric: [], categorical: [], excluded: [] };
  const idLike = new Set(profile.idLikeColumns);
  profile.columns.forEach((column, index) => {
    const { name } = column;
    const exclude = (reason: ExcludedColumn['reason']): void => {
      plan.excluded.push({ name, reason });
    };
    if (index === targetColumn) return exclude('target');
    if (column.type === 'id' || idLike.has(name)) return exclude('id');
    if (column.type === 'empty') return exclude('empty');
    if (column.constant) return exclude('constant');
    switch (column.type) {
      case 'int':
      case 'float':
        plan.numeric.push({ name, column: index });
        return;
      case 'categorical':
      case 'bool': {
        const categories = texts.of(index);
        if (!categories) return exclude('too many categories');
        plan.categorical.push({ name, column: index, categories });
        return;
      }
      case 'date':
        return exclude('date');
      case 'text':
        return exclude('text');
    }
  });
  return plan;
}

/**
 * The plan without the features that `present` says the test file lacks (a model cannot be
 * tested on a column it does not get): they are listed as excluded instead.
 */
export function keepFeatures(plan: FeaturePlan, present: (name: string) => boolean): FeaturePlan {
  const missing = [...plan.numeric, ...plan.categorical].filter((f) => !present(f.name));
  return {
    numeric: plan.numeric.filter((f) => present(f.name)),
    categorical: plan.categorical.filter((f) => present(f.name)),
    excluded: [...plan.excluded, ...missing.map((f) => ({ name: f.name, reason: 'not in the test file' as const }))],
  };
}

/** The layout of a plan's features. */
export function featureLayout(plan: FeaturePlan): FeatureLayout {
  return { numeric: plan.numeric.length, categories: plan.categorical.map((c) => c.categories.length) };
}

/**
 * Encodes rows of a file for a plan. `columns` maps each feature to its index in this file's
 * header (the training file's own indices, or those of a test file found by name).
 */
export class RowEncoder {
  private readonly row: EncodedRow;
  private readonly lookups: Map<string, number>[];

  constructor(
    private readonly plan: FeaturePlan,
    private readonly numericColumns: readonly number[] = plan.numeric.map((f) => f.column),
    private readonly categoricalColumns: readonly number[] = plan.categorical.map((f) => f.column),
  ) {
    this.row = { numeric: new Float64Array(plan.numeric.length), category: new Int32Array(plan.categorical.length) };
    this.lookups = plan.categorical.map((f) => new Map(f.categories.map((c, i) => [c, i])));
  }

  /**
   * The row's features (the same object every call: use it before the next). A missing or
   * non-numeric cell of a numeric feature is missing (NaN); a category not seen in training is none.
   */
  encode(cells: readonly string[]): EncodedRow {
    const { numeric, category } = this.row;
    this.numericColumns.forEach((column, j) => {
      const cell = cells[column];
      if (cell === undefined || isMissing(cell)) {
        numeric[j] = NaN;
        return;
      }
      const x = Number(cell.trim());
      numeric[j] = cell.trim() !== '' && Number.isFinite(x) ? x : NaN;
    });
    this.categoricalColumns.forEach((column, j) => {
      const cell = cells[column];
      category[j] = cell === undefined ? -1 : ((this.lookups[j] as Map<string, number>).get(cell) ?? -1);
    });
    return this.row;
  }

  /** Names of the features in encoding order (numeric, then categorical). */
  get names(): string[] {
    return [...this.plan.numeric.map((f) => f.name), ...this.plan.categorical.map((f) => f.name)];
  }
}
