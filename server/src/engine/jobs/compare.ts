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
  b: string;
}

export type CompareFileReport = PairedComparisonReport & { file: string; skippedRows: number; csv: CsvReadSummary };

/** Streams the file once and compares the two models. */
export async function compareFile(
  file: string,
  options: CompareFileOptions,
  read: CsvReader,
  control: ReadControl = {},
): Promise<CompareFileReport> {
  const comparison = new PairedComparison(options);
  let columns: [number, number, number] = [-1, -1, -1];
  let skippedRows = 0;
  const csv = await read(
    file,
    {
      header: (cells) => {
        columns = [
          columnIndex(cells, options.truth, file, 'truth'),
          columnIndex(cells, options.a, file, 'model A'),
          columnIndex(cells, options.b, file, 'model B'),
        ];
      },
      row: (cells) => {
        const [t, a, b] = columns.map((i) => cells[i] ?? '') as [string, string, string];
        if (isMissing(t) || isMissing(a) || isMissing(b)) skippedRows++;
        else comparison.add(t, a, b);
      },
    },
    control,
  );
  if (comparison.count === 0) throw new JobInputError(`${file}: no row has the truth and both predictions`);
  const report = await runJobSteps(comparison.finishSteps(), control);
  return { ...report, file, skippedRows, csv };
}
