import { isMissing } from '../csv/missing';
import { cellKind, type CellKind } from '../csv/inferType';

/**
 * The inferred type of a column.
 * - `empty`: every cell is missing;
 * - `bool`, `int`, `float`, `date`: every non-missing cell parses as that type (ints and floats
 *   mixed give `float`);
 * - `id`: text or integers, every value distinct, at least {@link ID_MIN_ROWS} values — an
 *   identifier rather than a feature;
 * - `categorical`: text with few distinct values (at most {@link CATEGORICAL_MAX_DISTINCT}, and
 *   at most half of the non-missing values);
 * - `text`: any other text.
 */
export type ColumnType = 'empty' | 'bool' | 'int' | 'float' | 'date' | 'categorical' | 'text' | 'id';

/** Profile of one column. Numeric summaries are present for `int` and `float` columns only. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Cells that are empty or a missing-value token (pandas' defaults). */
  missing: number;
  /** Distinct non-missing values; a lower bound when `distinctCapped` is true. */
  distinct: number;
  distinctCapped: boolean;
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (n − 1), as pandas' `std()`. */
  std?: number;
}

/** A problem found while reading, with the 1-based line of the file where it starts. */
export interface CsvWarning {
  line: number;
  code: 'ragged-row' | 'unterminated-quote' | 'duplicate-header' | 'empty-header';
  message: string;
}

/** The result of profiling a CSV file. This is the JSON shape `mlguide profile --json` prints. */
export interface CsvProfile {
  /** Data rows, header excluded; blank lines are skipped as pandas does. */
  rows: number;
  delimiter: string;
  columns: ColumnProfile[];
  /** At most {@link MAX_WARNINGS} warnings; `warningCount` counts them all. */
  warnings: CsvWarning[];
  warningCount: number;
}

export const ID_MIN_ROWS = 20;
export const CATEGORICAL_MAX_DISTINCT = 50;
/** Distinct values remembered per column; past this the distinct count is a lower bound. */
export const DISTINCT_CAP = 100_000;
export const MAX_WARNINGS = 100;

/** A float cell's value; `inf`, `-Infinity` and the like read as infinities, as pandas reads them. */
function parseFloatCell(cell: string): number {
  return Number(cell.replace(/^([+-]?)inf(?:inity)?$/i, '$1Infinity'));
}

class ColumnAccumulator {
  missing = 0;
  private readonly kinds: Record<CellKind, number> = { bool: 0, int: 0, float: 0, date: 0, string: 0 };
  private readonly seen = new Set<string>();
  private capped = false;
  // Welford's running mean and variance over numeric cells.
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private min = Infinity;
  private max = -Infinity;

  constructor(readonly name: string) {}

  add(cell: string | undefined): void {
    if (cell === undefined || isMissing(cell)) {
      this.missing++;
      return;
    }
    const kind = cellKind(cell);
    this.kinds[kind]++;
    if (!this.capped) {
      this.seen.add(cell);
      if (this.seen.size >= DISTINCT_CAP) this.capped = true;
    }
    if (kind === 'int' || kind === 'float') {
      const x = kind === 'float' ? parseFloatCell(cell) : Number(cell);
      this.n++;
      const delta = x - this.mean;
      this.mean += delta / this.n;
      this.m2 += delta * (x - this.mean);
      if (x < this.min) this.min = x;
      if (x > this.max) this.max = x;
    }
  }

  finish(): ColumnProfile {
    const k = this.kinds;
    const present = k.bool + k.int + k.float + k.date + k.string;
    const distinct = this.seen.size;
    let type: ColumnType;
    if (present === 0) type = 'empty';
    else if (k.bool === present) type = 'bool';
    else if (k.int === present)
      type = distinct === present && present >= ID_MIN_ROWS && this.looksLikeId() ? 'id' : 'int';
    else if (k.int + k.float === present) type = 'float';
    else if (k.date === present) type = 'date';
    else if (distinct === present && present >= ID_MIN_ROWS && !this.capped) type = this.looksLikeId() ? 'id' : 'text';
    else if (distinct <= CATEGORICAL_MAX_DISTINCT && distinct * 2 <= present) type = 'categorical';
    else type = 'text';

    const profile: ColumnProfile = {
      name: this.name,
      type,
      missing: this.missing,
      distinct,
      distinctCapped: this.capped,
    };
    if (type === 'int' || type === 'float') {
      profile.min = this.min;
      profile.max = this.max;
      profile.mean = this.mean;
      // As pandas: the sample deviation of a single value is undefined.
      if (this.n > 1) profile.std = Math.sqrt(this.m2 / (this.n - 1));
    }
    return profile;
  }

  /** Identifiers have names like `id`, `customer_id`, `userId`, `uuid`, `key`. */
  private looksLikeId(): boolean {
    // Case-insensitive for `id`, `customer_id`, `ID`; case-sensitive for camelCase `userId`, so
    // `paid` or `grid` are not identifiers.
    return /(?:^|[_\s-])(?:id|uuid|guid|key)$|^id(?:[_\s-]|$)/i.test(this.name) || /[a-z\d](?:Id|ID)$/.test(this.name);
  }
}

/**
 * Builds a {@link CsvProfile} from rows fed one at a time, so a file of any size is profiled in
 * memory bounded by the number of columns and {@link DISTINCT_CAP}. Pure: no I/O.
 */
export class CsvProfiler {
  private columns: ColumnAccumulator[] = [];
  private headerLine = 0;
  private rows = 0;
  private readonly warnings: CsvWarning[] = [];
  private warningCount = 0;

  /** Sets the header row (found on `line`). */
  header(names: readonly string[], line: number): void {
    this.headerLine = line;
    const seen = new Map<string, number>();
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
      return new ColumnAccumulator(name);
    });
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
    for (let i = 0; i < width; i++) (this.columns[i] as ColumnAccumulator).add(cells[i]);
  }

  /** Records a problem found by the reader. */
  warn(warning: CsvWarning): void {
    this.warningCount++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(warning);
  }

  /** The profile of everything fed so far. */
  finish(delimiter: string): CsvProfile {
    return {
      rows: this.rows,
      delimiter,
      columns: this.columns.map((c) => c.finish()),
      warnings: [...this.warnings],
      warningCount: this.warningCount,
    };
  }
}
