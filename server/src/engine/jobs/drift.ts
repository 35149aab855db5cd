/**
 * `mlguide drift` / `mlguide/drift` (book ch. 4 and 9): every shared column of a reference file
 * (the training data) against a current one (a production sample). A column is numeric when
 * every non-missing value in both files is a number, categorical otherwise; missing values are
 * left out of the tests and counted.
 */
import { isMissing } from '../../../../core/src/csv/missing';
import { categoricalDrift, type CategoricalDriftResult } from '../../../../core/src/drift/categorical';
import { numericDrift, type NumericDriftResult } from '../../../../core/src/drift/numeric';
import { driftVerdict, type DatasetDriftVerdict, type DriftThresholds } from '../../../../core/src/drift/verdict';
import { GrowableFloat64Array } from '../../../../core/src/metrics';
import { JobInputError, type CsvReadSummary, type CsvReader, type ReadControl } from './source';

/** Options of {@link driftFiles}. */
export interface DriftFilesOptions {
  /** Columns to compare; default every column the two files share. */
  columns?: string[];
  thresholds?: Partial<DriftThresholds>;
}

/** A column's result, with its missing counts. */
export interface DriftColumnReport {
  name: string;
  missing: { reference: number; current: number };
  result: NumericDriftResult | CategoricalDriftResult;
}

/** The report of {@link driftFiles}. */
export interface DriftFilesReport {
  version: 1;
  reference: { file: string; rows: number; csv: CsvReadSummary };
  current: { file: string; rows: number; csv: CsvReadSummary };
  columns: DriftColumnReport[];
  /** Columns not compared, and why. */
  skipped: { name: string; reason: string }[];
  /** Columns in only one of the files. */
  onlyInReference: string[];
  onlyInCurrent: string[];
  verdict: DatasetDriftVerdict;
}

interface ColumnValues {
  numbers: GrowableFloat64Array;
  categories: Map<string, number>;
  /** Past {@link CATEGORY_CAP} distinct values the counts are dropped: a numeric column needs none. */
  tooManyCategories: boolean;
  numeric: boolean;
  missing: number;
}

/** Distinct values counted per column before it is taken as numeric-or-nothing. */
export const CATEGORY_CAP = 10_000;

/** Reads the columns of one file: numbers while they are all numbers, category counts always. */
async function readColumns(
  file: string,
  wanted: ((header: readonly string[]) => string[]) | undefined,
  read: CsvReader,
  control: ReadControl,
): Promise<{ header: string[]; values: Map<string, ColumnValues>; rows: number; csv: CsvReadSummary }> {
  let header: string[] = [];
  let selected: { name: string; index: number; values: ColumnValues }[] = [];
  const values = new Map<string, ColumnValues>();
  let rows = 0;
  const csv = await read(
    file,
    {
      header: (cells) => {
        header = [...cells];
        const names = wanted ? wanted(cells) : cells;
        selected = names.map((name) => {
          const column: ColumnValues = {
            numbers: new GrowableFloat64Array(),
            categories: new Map(),
            tooManyCategories: false,
            numeric: true,
            missing: 0,
          };
          values.set(name, column);
          return { name, index: cells.indexOf(name), values: column };
        });
      },
      row: (cells) => {
        rows++;
        for (const { index, values: column } of selected) {
          const cell = cells[index] ?? '';
          if (isMissing(cell)) {
            column.missing++;
            continue;
          }
          if (!column.tooManyCategories) {
            column.categories.set(cell, (column.categories.get(cell) ?? 0) + 1);
            if (column.categories.size > CATEGORY_CAP) {
              column.tooManyCategories = true;
              column.categories.clear();
            }
          }
          if (column.numeric) {
            const x = Number(cell);
            if (cell.trim() === '' || !Number.isFinite(x)) column.numeric = false;
            else column.numbers.push(x);
          }
        }
      },
    },
    control,
  );
  return { header, values, rows, csv };
}

/** Compares the columns of `reference` and `current`. */
export async function driftFiles(
  reference: string,
  current: string,
  options: DriftFilesOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<DriftFilesReport> {
  const ref = await readColumns(reference, undefined, read, control);
  const cur = await readColumns(current, (header) => header.filter((h) => ref.values.has(h)), read, control);
  const shared = ref.header.filter((h) => cur.values.has(h));
  let names = shared;
  if (options.columns) {
    const missing = options.columns.filter((c) => !shared.includes(c));
    if (missing.length > 0)
      throw new JobInputError(`column(s) not in both files: ${missing.join(', ')}; shared: ${shared.join(', ')}`);
    names = options.columns;
  }
  if (names.length === 0) throw new JobInputError(`${reference} and ${current} share no column`);
  const columns: DriftColumnReport[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const name of names) {
    const r = ref.values.get(name) as ColumnValues;
    const c = cur.values.get(name) as ColumnValues;
    const numeric = r.numeric && c.numeric;
    if (
      (numeric ? r.numbers.length : r.categories.size) === 0 ||
      (numeric ? c.numbers.length : c.categories.size) === 0
    ) {
      skipped.push({
        name,
        reason:
          !numeric && (r.tooManyCategories || c.tooManyCategories)
            ? `text with more than ${CATEGORY_CAP.toLocaleString('en-US')} distinct values: neither numeric nor categorical`
            : 'no values in one of the files',
      });
      continue;
    }
    const result =
      r.numeric && c.numeric
        ? numericDrift(r.numbers.view(), c.numbers.view())
        : categoricalDrift(r.categories, c.categories);
    columns.push({ name, missing: { reference: r.missing, current: c.missing }, result });
  }
  return {
    version: 1,
    reference: { file: reference, rows: ref.rows, csv: ref.csv },
    current: { file: current, rows: cur.rows, csv: cur.csv },
    columns,
    skipped,
    onlyInReference: ref.header.filter((h) => !cur.values.has(h)),
    onlyInCurrent: cur.header.filter((h) => !ref.values.has(h)),
    verdict: driftVerdict(columns, options.thresholds),
  };
}
