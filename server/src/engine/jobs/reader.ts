/** The jobs' {@link CsvReader}: the streaming reader of readCsv.ts, with ragged rows reported. */
import type { CsvWarning } from '../../../../core/src/profile/profile';
import { streamCsvFile } from '../readCsv';
import type { CsvReader } from './source';

/** Warnings kept per file (all are counted). */
export const MAX_READ_WARNINGS = 20;

/** Streams a file for a job; rows with more or fewer fields than the header are warned about. */
export const readCsvFile: CsvReader = async (file, sink, control) => {
  let width = 0;
  let headerLine = 0;
  const warnings: CsvWarning[] = [];
  let warningCount = 0;
  const warn = (warning: CsvWarning): void => {
    warningCount++;
    if (warnings.length < MAX_READ_WARNINGS) warnings.push(warning);
  };
  const streamed = await streamCsvFile(
    file,
    {
      header: (cells, line) => {
        width = cells.length;
        headerLine = line;
        sink.header(cells, line);
      },
      row: (cells, line) => {
        if (cells.length !== width) {
          warn({
            line,
            code: 'ragged-row',
            message: `row has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header on line ${headerLine} has ${width}`,
          });
        }
        sink.row(cells, line);
      },
      warn,
    },
    control,
  );
  return { delimiter: streamed.delimiter, bytes: streamed.bytes, warnings, warningCount };
};
