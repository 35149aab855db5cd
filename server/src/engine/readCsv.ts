import { createReadStream, promises as fs } from 'node:fs';
import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { LineTracker } from '../../../core/src/csv/lineTracker';
import { CsvProfiler, type CsvProfile } from '../../../core/src/profile/profile';

/** Why a file could not be profiled at all. Problems inside a readable file become warnings. */
export type CsvInputProblem = 'unreadable' | 'empty' | 'binary';

/** A file that cannot be read as CSV; the message names the file. */
export class CsvInputError extends Error {
  constructor(
    readonly problem: CsvInputProblem,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'CsvInputError';
  }
}

/** Thrown when the caller cancelled the read. */
export class CsvReadCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: profiling was cancelled`);
    this.name = 'CsvReadCancelled';
  }
}

export interface ReadCsvOptions {
  /** Field delimiter; detected from the first chunk when omitted. */
  delimiter?: string;
  /** Called as bytes are read. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Polled once per row; returning true stops the read with {@link CsvReadCancelled}. */
  isCancelled?: () => boolean;
  /** Bytes per read from disk. */
  chunkBytes?: number;
}

/** How many leading bytes are checked for NUL to tell a binary file from text (as git does). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Profiles a CSV file by streaming it from disk through papaparse into the pure
 * {@link CsvProfiler}. Memory stays bounded by one chunk plus the profiler's state.
 */
export async function profileCsvFile(
  file: string,
  options: ReadCsvOptions = {},
): Promise<CsvProfile & { bytes: number }> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CsvInputError('unreadable', file, 'is not a regular file');
    size = stat.size;
  } catch (error) {
    if (error instanceof CsvInputError) throw error;
    throw new CsvInputError('unreadable', file, `cannot be read (${describe(error)})`);
  }
  if (size === 0) throw new CsvInputError('empty', file, 'is empty: a CSV file needs at least a header line');

  const profile = await new Promise<CsvProfile>((resolve, reject) => {
    const lines = new LineTracker();
    const profiler = new CsvProfiler();
    const decoder = new StringDecoder('utf8');
    let bytesRead = 0;
    let first = true;
    let settled = false;
    let sawHeader = false;
    let delimiter = options.delimiter ?? ',';

    const source = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1 << 20 });
    const text = new Transform({
      readableObjectMode: true,
      transform(buffer: Buffer, _encoding, callback) {
        if (first) {
          first = false;
          if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
            fail(new CsvInputError('binary', file, 'looks like a binary file (it contains NUL bytes), not CSV text'));
            callback();
            return;
          }
        }
        bytesRead += buffer.length;
        options.onProgress?.(bytesRead, size);
        let chunk = decoder.write(buffer);
        if (bytesRead === buffer.length && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        lines.push(chunk);
        if (chunk.length > 0) this.push(chunk);
        callback();
      },
      flush(callback) {
        const rest = decoder.end();
        lines.push(rest);
        if (rest.length > 0) this.push(rest);
        callback();
      },
    });
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      text.destroy();
      reject(error);
    };
    source.on('error', (error) => fail(new CsvInputError('unreadable', file, `cannot be read (${describe(error)})`)));
    source.pipe(text);

    Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
      delimiter: options.delimiter ?? '',
      skipEmptyLines: true,
      step(results, parser) {
        if (settled) {
          parser.abort();
          return;
        }
        if (options.isCancelled?.()) {
          // abort() calls complete() at once, so the rejection must come first.
          fail(new CsvReadCancelled(file));
          parser.abort();
          return;
        }
        const cells = results.data;
        // A line of only spaces is blank to a reader (and to pandas), not a row of one field.
        if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
        const unterminated = results.errors.some((e) => e.code === 'MissingQuotes');
        // The cursor is just past the row (and its newline); walk back over the newlines inside
        // quoted fields to find the line the row starts on.
        let embedded = 0;
        for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) embedded++;
        const endLine = lines.lineAt(results.meta.cursor);
        const line = endLine - embedded - (lines.endedOnNewline && !unterminated ? 1 : 0);
        if (!sawHeader) {
          sawHeader = true;
          delimiter = results.meta.delimiter;
          profiler.header(cells, line);
        } else {
          profiler.row(cells, line);
        }
        if (unterminated) {
          profiler.warn({
            line,
            code: 'unterminated-quote',
            message: 'a quoted field opened on this line is never closed; the rest of the file was read into it',
          });
        }
      },
      complete() {
        if (settled) return;
        if (!sawHeader) {
          fail(new CsvInputError('empty', file, 'holds only blank lines: a CSV file needs at least a header line'));
          return;
        }
        settled = true;
        resolve(profiler.finish(delimiter));
      },
      error(error: Error) {
        fail(new CsvInputError('unreadable', file, `cannot be parsed (${error.message})`));
      },
    });
  });
  return { ...profile, bytes: size };
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
