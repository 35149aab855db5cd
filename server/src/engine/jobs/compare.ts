/** `mlguide compare` / `mlguide/compare`: two models' predictions on the same rows (book ch. 7). */
import {
  PairedComparison,
  type PairedComparisonOptions,
  type PairedComparisonReport,
} from '../../../../core/src/compare/paired';
import { isMissing } from '../../../../core/src/csv/missing';
import {
  JobInputError,
  columnIndex,
  runJobSteps,
  type CsvReadSummary,
  type CsvReader,
  type ReadControl,
} from './source';

/** Columns of the truth and of the two models' predictions. */
export interface CompareFileOptions extends PairedComparisonOptions {
  truth: string;
  /** Model A (the current one): differences are B − A. */
  a: string;
  /** Model B's column: in the same file, or in `other` when given. */
  b: string;
  /**
   * A second predictions file holding model B's column: its rows are matched to the first file's
   * by `joinOn` (an id column in both files) or, without it, by position.
   */
  other?: string;
  joinOn?: string;
}

/** How the rows of two files were matched. */
export interface CompareJoin {
  other: string;
  /** The id column, or `row` for matching by position. */
  on: string;
  /** Rows of the first file with no row in the other. */
  unmatched: number;
  /** Ids the other file holds more than once (its first row is used). */
  duplicateIds: number;
}

export type CompareFileReport = PairedComparisonReport & {
  file: string;
  skippedRows: number;
  csv: CsvReadSummary;
  join?: CompareJoin;
};

/** Rows of the other file that are kept at most (its predictions, as text). */
const MAX_OTHER_ROWS = 20_000_000;

/**
 * Streams the file once and compares the two models. With a second file, model B's predictions
 * are read from it first (one text cell per row, kept in memory) and matched to the first file's
 * rows by id or by position.
 */
export async function compareFile(
  file: string,
  options: CompareFileOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<CompareFileReport> {
  const comparison = new PairedComparison(options);
  const other = options.other === undefined ? undefined : await readOther(options.other, options, read, control);
  let columns: [number, number, number, number] = [-1, -1, -1, -1];
  let skippedRows = 0;
  let unmatched = 0;
  let position = 0;
  const csv = await read(
    file,
    {
      header: (cells) => {
        columns = [
          columnIndex(cells, options.truth, file, 'truth'),
          columnIndex(cells, options.a, file, 'model A'),
          other ? -1 : columnIndex(cells, options.b, file, 'model B'),
          other && options.joinOn !== undefined ? columnIndex(cells, options.joinOn, file, 'the id to join on') : -1,
        ];
      },
      row: (cells) => {
        const t = cells[columns[0]] ?? '';
        const a = cells[columns[1]] ?? '';
        let b: string | undefined;
        if (!other) b = cells[columns[2]] ?? '';
        else {
          b = other.byId ? other.byId.get(cells[columns[3]] ?? '') : other.byRow[position];
          position++;
          if (b === undefined) {
            unmatched++;
            return;
          }
        }
        if (isMissing(t) || isMissing(a) || isMissing(b)) skippedRows++;
        else comparison.add(t, a, b);
      },
    },
    control,
  );
  if (comparison.count === 0) throw new JobInputError(`${file}: no row has the truth and both predictions`);
  const report = await runJobSteps(comparison.finishSteps(), control);
  const join: CompareJoin | undefined = other
    ? {
        other: other.file,
        on: options.joinOn ?? 'row',
        // By position, rows of the other file left over count as unmatched too.
        unmatched: unmatched + (other.byId ? 0 : Math.max(0, other.byRow.length - position)),
        duplicateIds: other.duplicateIds,
      }
    : undefined;
  return { ...report, file, skippedRows, csv, ...(join ? { join } : {}) };
}

/** Model B's predictions from the other file, by id or by position. */
async function readOther(
  file: string,
  options: CompareFileOptions,
  read: CsvReader,
  control: ReadControl,
): Promise<{ file: string; byId?: Map<string, string>; byRow: string[]; duplicateIds: number }> {
  const byRow: string[] = [];
  const byId = options.joinOn === undefined ? undefined : new Map<string, string>();
  let columns: [number, number] = [-1, -1];
  let duplicateIds = 0;
  await read(
    file,
    {
      header: (cells) => {
        columns = [
          columnIndex(cells, options.b, file, 'model B'),
          options.joinOn === undefined ? -1 : columnIndex(cells, options.joinOn, file, 'the id to join on'),
        ];
      },
      row: (cells) => {
        const prediction = cells[columns[0]] ?? '';
        if (byId) {
          const id = cells[columns[1]] ?? '';
          if (byId.has(id)) duplicateIds++;
          else byId.set(id, prediction);
        } else {
          if (byRow.length >= MAX_OTHER_ROWS) {
            throw new JobInputError(`${file}: more than ${String(MAX_OTHER_ROWS)} rows; join on an id column instead`);
          }
          byRow.push(prediction);
        }
      },
    },
    control,
  );
  return { file, ...(byId ? { byId } : {}), byRow, duplicateIds };
}
