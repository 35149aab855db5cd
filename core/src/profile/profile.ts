import { createRng } from '../random/rng';
import { ColumnAccumulator, DISTINCT_EXACT_LIMIT, TOP_VALUES, type CellValue, type ValueCount } from './column';
import { DuplicateRows } from './duplicateRows';
import { combine, finish as finishHash, hashHigh } from './hash';

export {
  DISTINCT_EXACT_LIMIT,
  FREQUENT_CAPACITY,
  QUANTILE_SAMPLE,
  TOP_VALUES,
  type CellValue,
  type ValueCount,
} from './column';
export { HISTOGRAM_BINS } from './histogram';
export { QUANTILE_LEVELS } from './quantiles';

/**
 * The inferred type of a column.
 * - `empty`: every cell is missing;
 * - `bool`, `int`, `float`, `date`: every non-missing cell parses as that type (ints and floats
 *   mixed give `float`);
 * - `id`: text or integers, every value distinct, at least {@link ID_MIN_ROWS} values, and a
 *   name like an identifier's — an identifier rather than a feature;
 * - `categorical`: text with few distinct values (at most {@link CATEGORICAL_MAX_DISTINCT}, and
 *   at most half of the non-missing values);
 * - `text`: any other text.
 */
export type ColumnType = 'empty' | 'bool' | 'int' | 'float' | 'date' | 'categorical' | 'text' | 'id';

/** p5, p25, p50 (median), p75 and p95 of a numeric column. */
export interface Quantiles {
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * Equal-width bins over a numeric column's finite values: bin i counts values in
 * [edges[i], edges[i+1]), the last bin also its upper edge.
 */
export interface NumericHistogram {
  edges: number[];
  counts: number[];
  /** True when the counts are scaled from the seeded sample (see `quantilesEstimated`). */
  estimated: boolean;
}

/**
 * Profile of one column.
 *
 * Fields marked "since 0.2" are always set by {@link CsvProfiler}; they are optional in this
 * type so that profiles written by earlier versions still read as one.
 */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing cells (since 0.2). */
  count?: number;
  /** Cells that are empty or a missing-value token (pandas' defaults). */
  missing: number;
  /**
   * Distinct non-missing values, as pandas' `nunique()`: numbers by value (`1` and `1.0` are one
   * value), `true`/`True`/`TRUE` as one boolean, anything else by its text. Exact up to
   * {@link DISTINCT_EXACT_LIMIT} values, a HyperLogLog estimate (±0.8 % standard error) past it.
   */
  distinct: number;
  /** True when `distinct` is an estimate (since 0.2). */
  distinctEstimated?: boolean;
  /**
   * Same as `distinctEstimated`, kept for readers of earlier profiles: before 0.2 the count stopped
   * at 100,000 and was a lower bound when this was true; it is now an estimate. Prefer
   * `distinctEstimated`.
   */
  distinctCapped: boolean;
  /** At most one distinct value among non-missing cells, in a file with rows (since 0.2). */
  constant?: boolean;
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (n − 1), as pandas' `std()`. */
  std?: number;
  /**
   * `int` and `float` columns: quantiles with pandas' linear interpolation (since 0.2). Exact
   * while the column has at most {@link DISTINCT_EXACT_LIMIT} distinct values (or fewer than
   * {@link QUANTILE_SAMPLE} values), otherwise from a seeded uniform sample of that size.
   */
  quantiles?: Quantiles;
  /** True when `quantiles` come from the sample (since 0.2). */
  quantilesEstimated?: boolean;
  /** `int` and `float` columns (since 0.2). For categorical and bool columns, see `top`. */
  histogram?: NumericHistogram;
  /** `date` columns: the earliest and latest value, as written in the file (since 0.2). */
  minDate?: string;
  maxDate?: string;
  /**
   * The {@link TOP_VALUES} most frequent values, most frequent first, ties by value; every value
   * (their histogram) for `categorical` and `bool` columns (since 0.2). Values are numbers for
   * numeric cells, booleans for true/false, text otherwise.
   */
  top?: ValueCount[];
  /**
   * True when `top` comes from the frequent-value summary (the column has more than
   * {@link DISTINCT_EXACT_LIMIT} distinct values): counts are then lower bounds, and any value
   * with more than about 0.2 % of the cells is listed if it is among the most frequent (since 0.2).
   */
  topEstimated?: boolean;
  /**
   * Share of non-missing values that are not one of the {@link TOP_VALUES} most frequent values:
   * 0 when those ten cover everything, near 1 for a column of mostly unique values; 0 for a column
   * without values. An upper bound when `topEstimated` (since 0.2).
   */
  longTailShare?: number;
}

/** A problem found while reading, with the 1-based line of the file where it starts. */
export interface CsvWarning {
  line: number;
  code: 'ragged-row' | 'unterminated-quote' | 'duplicate-header' | 'empty-header';
  message: string;
}

/** The classes of a target column with their counts. */
export interface ClassBalance {
  column: string;
  /** Rows with a non-missing target. */
  count: number;
  /** Rows whose target is missing (not a class). */
  missing: number;
  /** Most frequent first; `share` is `count` over the non-missing rows. */
  classes: { value: CellValue; count: number; share: number }[];
  /** Largest class count over smallest (1 = balanced); null without classes or when `truncated`. */
  imbalanceRatio: number | null;
  /** True when the column has more than {@link MAX_CLASSES} values: only the most frequent are listed. */
  truncated: boolean;
  /** True when the column has too many distinct values to count exactly: counts are lower bounds. */
  estimated: boolean;
}

/** The text encoding a file was read in. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The result of profiling a CSV file. This is the JSON shape `mlguide profile --json` prints.
 * Fields marked "since 0.2" are always set by {@link CsvProfiler} (see {@link ColumnProfile}).
 */
export interface CsvProfile {
  /** Data rows, header excluded; blank lines are skipped as pandas does. */
  rows: number;
  delimiter: string;
  /** Set by the file reader (since 0.2). */
  encoding?: CsvEncoding;
  columns: ColumnProfile[];
  /**
   * Rows equal to an earlier row, as pandas' `duplicated().sum()` (since 0.2); compared by 64-bit
   * hashes of their values, exact until {@link DUPLICATE_EXACT_ROWS} distinct rows, estimated by
   * hash sampling past that.
   */
  duplicateRows?: number;
  /** True when `duplicateRows` is an estimate (since 0.2). */
  duplicateRowsEstimated?: boolean;
  /** Names of columns with `constant` set (since 0.2). */
  constantColumns?: string[];
  /**
   * Names of columns that identify rows rather than describe them (since 0.2): type `id`, or
   * integers without missing values that are all distinct and fill the range min … max — a row
   * number, such as the index pandas writes as `Unnamed: 0`.
   */
  idLikeColumns?: string[];
  /** Present when a target column was named. */
  classBalance?: ClassBalance;
  /** At most {@link MAX_WARNINGS} warnings; `warningCount` counts them all. */
  warnings: CsvWarning[];
  warningCount: number;
}

/** A column profile with every field {@link CsvProfiler} sets. */
export type CompleteColumnProfile = ColumnProfile &
  Required<Pick<ColumnProfile, 'count' | 'distinctEstimated' | 'constant' | 'top' | 'topEstimated' | 'longTailShare'>>;

/** A profile with every field {@link CsvProfiler} sets. */
export interface CompleteCsvProfile extends CsvProfile {
  columns: CompleteColumnProfile[];
  duplicateRows: number;
  duplicateRowsEstimated: boolean;
  constantColumns: string[];
  idLikeColumns: string[];
}

/** Values a column needs before it can be typed `id`. */
export const ID_MIN_ROWS = 20;
/** Distinct values a `categorical` column may have at most (and it lists them all in `top`). */
export const CATEGORICAL_MAX_DISTINCT = 50;
/** The former name of {@link DISTINCT_EXACT_LIMIT}, kept for compatibility. */
export const DISTINCT_CAP = DISTINCT_EXACT_LIMIT;
/** Warnings kept in a profile; `warningCount` counts them all. */
export const MAX_WARNINGS = 100;
/** Distinct rows whose hashes are held for an exact duplicate count. */
export const DUPLICATE_EXACT_ROWS = 1 << 20;
/** Rows added together, column by column (see `CsvProfiler.batch`). */
const BATCH_ROWS = 256;
/** Classes listed in a {@link ClassBalance}. */
export const MAX_CLASSES = 100;

/** Options of a {@link CsvProfiler}. */
export interface ProfilerOptions {
  /** A column whose class balance to report (a label, usually). */
  target?: string;
  /** Seed of the random sample behind estimated quantiles; the same seed gives the same profile. */
  seed?: number;
}

/** Thrown by {@link CsvProfiler.header} when the target column is not in the header. */
export class UnknownColumnError extends Error {
  constructor(
    readonly column: string,
    readonly columns: readonly string[],
  ) {
    super(`no column named "${column}" (the columns are ${columns.map((c) => `"${c}"`).join(', ')})`);
    this.name = 'UnknownColumnError';
  }
}

/** Identifiers have names like `id`, `customer_id`, `userId`, `uuid`, `key`. */
function looksLikeId(name: string): boolean {
  // Case-insensitive for `id`, `customer_id`, `ID`; case-sensitive for camelCase `userId`, so
  // `paid` or `grid` are not identifiers.
  return /(?:^|[_\s-])(?:id|uuid|guid|key)$|^id(?:[_\s-]|$)/i.test(name) || /[a-z\d](?:Id|ID)$/.test(name);
}

function inferType(column: ColumnAccumulator, distinct: number, allDistinct: boolean): ColumnType {
  const present = column.present;
  const idLike = allDistinct && present >= ID_MIN_ROWS && looksLikeId(column.name);
  if (present === 0) return 'empty';
  if (column.bools === present) return 'bool';
  if (column.ints === present) return idLike ? 'id' : 'int';
  if (column.ints + column.floats === present) return 'float';
  if (column.dates === present) return 'date';
  if (allDistinct && present >= ID_MIN_ROWS) return idLike ? 'id' : 'text';
  if (distinct <= CATEGORICAL_MAX_DISTINCT && distinct * 2 <= present) return 'categorical';
  return 'text';
}

function profileColumn(column: ColumnAccumulator, rows: number): CompleteColumnProfile {
  const { distinct, estimated } = column.distinct();
  const type = inferType(column, distinct, column.allDistinct());
  const present = column.present;
  const counts = column.valueCounts();
  const top =
    type === 'categorical' || type === 'bool'
      ? counts.values.slice(0, CATEGORICAL_MAX_DISTINCT)
      : counts.values.slice(0, TOP_VALUES);
  let covered = 0;
  for (const entry of top.slice(0, TOP_VALUES)) covered += entry.count;
  const profile: ColumnProfile = {
    name: column.name,
    type,
    count: present,
    missing: column.missing,
    distinct,
    distinctEstimated: estimated,
    distinctCapped: estimated,
    constant: rows > 0 && distinct <= 1,
  };
  if (type === 'int' || type === 'float') {
    const { mean, std } = column.moments();
    profile.min = column.min;
    profile.max = column.max;
    profile.mean = mean;
    if (std !== undefined) profile.std = std;
    const distribution = column.distribution(type === 'int');
    if (distribution) {
      const [p5, p25, p50, p75, p95] = distribution.quantiles as [number, number, number, number, number];
      profile.quantiles = { p5, p25, p50, p75, p95 };
      profile.quantilesEstimated = distribution.estimated;
      profile.histogram = { edges: distribution.edges, counts: distribution.counts, estimated: distribution.estimated };
    }
  }
  if (type === 'date') {
    const range = column.dateRange();
    if (range) Object.assign(profile, range);
  }
  return {
    ...profile,
    count: present,
    distinctEstimated: estimated,
    constant: rows > 0 && distinct <= 1,
    top,
    topEstimated: counts.estimated,
    longTailShare: present > 0 ? Math.max(0, present - covered) / present : 0,
  };
}

function classBalance(column: ColumnAccumulator): ClassBalance {
  const { values, estimated } = column.valueCounts();
  const count = column.present;
  const listed = values.slice(0, MAX_CLASSES);
  const truncated = values.length > MAX_CLASSES || (estimated && column.distinct().distinct > values.length);
  const smallest = listed.at(-1)?.count;
  const largest = listed[0]?.count;
  return {
    column: column.name,
    count,
    missing: column.missing,
    classes: listed.map((c) => ({ value: c.value, count: c.count, share: count > 0 ? c.count / count : 0 })),
    imbalanceRatio: truncated || smallest === undefined || largest === undefined ? null : largest / smallest,
    truncated,
    estimated,
  };
}

/**
 * Builds a {@link CsvProfile} from rows fed one at a time, so a file of any size is profiled in
 * memory bounded by the number of columns and the sketches' fixed sizes
 * ({@link DISTINCT_EXACT_LIMIT}, {@link QUANTILE_SAMPLE}, {@link DUPLICATE_EXACT_ROWS}). Pure: no
 * I/O; seeded, so the same rows give the same profile.
 */
export class CsvProfiler {
  private columns: ColumnAccumulator[] = [];
  private headerLine = 0;
  private rows = 0;
  private readonly warnings: CsvWarning[] = [];
  private warningCount = 0;
  private readonly duplicates = new DuplicateRows(DUPLICATE_EXACT_ROWS);
  private target: ColumnAccumulator | undefined;
  /**
   * Rows waiting to be added. Rows are added a batch at a time, column by column: one column's
   * tables then stay in the processor's cache for the whole batch, and lookups of successive
   * cells in a large table overlap, where row by row every cell would wait for memory.
   */
  private batch: (readonly string[])[] = [];
  private readonly rowLow = new Int32Array(BATCH_ROWS);
  private readonly rowHigh = new Int32Array(BATCH_ROWS);

  constructor(private readonly options: ProfilerOptions = {}) {}

  /**
   * Sets the header row (found on `line`).
   * @throws UnknownColumnError when the target column is not among the names.
   */
  header(names: readonly string[], line: number): void {
    this.headerLine = line;
    const seen = new Map<string, number>();
    const seed = this.options.seed ?? 0;
    this.columns = names.map((raw, i) => {
      let name = raw.trim();
      if (name === '') {
        name = `column_${i + 1}`;
        this.warn({ line, code: 'empty-header', message: `column ${i + 1} has no name; called it "${name}"` });
      }
      const count = seen.get(name) ?? 0;
      seen.set(name, count + 1);
      if (count > 0) {
        const renamed = `${name}.${count}`;
        this.warn({
          line,
          code: 'duplicate-header',
          message: `column name "${name}" repeats; the repeat is called "${renamed}"`,
        });
        name = renamed;
      }
      // One generator per column, so a column's sample does not depend on the others.
      return new ColumnAccumulator(name, createRng(seed ^ Math.imul(i + 1, 0x9e3779b1)));
    });
    const target = this.options.target;
    if (target !== undefined) {
      this.target = this.columns.find((c) => c.name === target);
      if (!this.target)
        throw new UnknownColumnError(
          target,
          this.columns.map((c) => c.name),
        );
    }
  }

  /** Adds one data row that starts on `line`. */
  row(cells: readonly string[], line: number): void {
    this.rows++;
    const width = this.columns.length;
    if (cells.length !== width) {
      this.warn({
        line,
        code: 'ragged-row',
        message: `row has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header on line ${this.headerLine} has ${width}${cells.length < width ? '; the missing fields count as missing values' : '; the extra fields are ignored'}`,
      });
    }
    this.batch.push(cells);
    if (this.batch.length === BATCH_ROWS) this.flush();
  }

  /** Adds the waiting rows. */
  private flush(): void {
    const { batch, columns, rowLow, rowHigh } = this;
    const n = batch.length;
    const width = columns.length;
    rowLow.fill(0x2545f491);
    rowHigh.fill(0x6c8e9cf5);
    for (let i = 0; i < width; i++) {
      const column = columns[i] as ColumnAccumulator;
      for (let r = 0; r < n; r++) {
        column.add((batch[r] as readonly string[])[i]);
        rowLow[r] = combine(rowLow[r] as number, rowHigh[r] as number, column.keyLow, column.keyHigh);
        rowHigh[r] = hashHigh;
      }
    }
    for (let r = 0; r < n; r++) {
      const low = finishHash((rowLow[r] as number) ^ width, rowHigh[r] as number);
      this.duplicates.add(low, hashHigh);
    }
    this.batch = [];
  }

  /** Records a problem found by the reader. */
  warn(warning: CsvWarning): void {
    this.warningCount++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(warning);
  }

  /** The profile of everything fed so far. */
  finish(delimiter: string): CompleteCsvProfile {
    this.flush();
    const columns = this.columns.map((c) => profileColumn(c, this.rows));
    const idLike = columns.filter(
      (c, i) =>
        c.type === 'id' ||
        (c.type === 'int' &&
          c.missing === 0 &&
          this.rows >= ID_MIN_ROWS &&
          (this.columns[i] as ColumnAccumulator).allDistinct() &&
          (c.max ?? 0) - (c.min ?? 0) + 1 === this.rows),
    );
    const profile: CompleteCsvProfile = {
      rows: this.rows,
      delimiter,
      columns,
      duplicateRows: this.duplicates.duplicates(),
      duplicateRowsEstimated: !this.duplicates.exact,
      constantColumns: columns.filter((c) => c.constant).map((c) => c.name),
      idLikeColumns: idLike.map((c) => c.name),
      warnings: [...this.warnings],
      warningCount: this.warningCount,
    };
    if (this.target) profile.classBalance = classBalance(this.target);
    return profile;
  }
}
