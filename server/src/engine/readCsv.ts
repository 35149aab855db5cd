import { createReadStream, promises as fs } from 'node:fs';
import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import Papa from 'papaparse';
import { LineTracker } from '../../../core/src/csv/lineTracker';
import { sniffDelimiter, sniffNewline } from '../../../core/src/csv/sniff';
import {
  CsvProfiler,
  type CompleteCsvProfile,
  type CsvEncoding,
  type CsvWarning,
  type ProfilerOptions,
} from '../../../core/src/profile/profile';

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

/**
 * A file in an encoding mlguide does not read: neither UTF-8 nor UTF-16 with a byte-order mark
 * (Latin-1 and Windows-1252 files are the usual case). Its `problem` is `unreadable`, so callers
 * that only know {@link CsvInputError} report it as one.
 */
export class CsvEncodingError extends CsvInputError {
  constructor(
    file: string,
    message: string,
    /** Offset of the first byte that is not valid UTF-8, when there is one. */
    readonly byteOffset?: number,
    /** 1-based line of that byte. */
    readonly line?: number,
  ) {
    super('unreadable', file, message);
    this.name = 'CsvEncodingError';
  }
}

/** Thrown when the caller cancelled the read. */
export class CsvReadCancelled extends Error {
  constructor(readonly file: string) {
    super(`${file}: reading was cancelled`);
    this.name = 'CsvReadCancelled';
  }
}

/** Receives a file's rows as they are parsed; {@link CsvProfiler} is one. */
export interface CsvRowConsumer {
  /** The first non-blank row, on 1-based `line`. */
  header(cells: string[], line: number): void;
  /** Every later row, on the line where it starts. */
  row(cells: string[], line: number): void;
  /** A problem the reader found (an unterminated quote). */
  warn(warning: CsvWarning): void;
  /** Called once, before the header, when the delimiter and encoding are known. */
  started?(format: { delimiter: string; encoding: CsvEncoding }): void;
}

/** What {@link streamCsvFile} found out about the file besides its rows. */
export interface StreamedCsv {
  delimiter: string;
  encoding: CsvEncoding;
  bytes: number;
}

/** Options of {@link streamCsvFile}: those of {@link ReadCsvOptions} that concern reading. */
export type StreamCsvOptions = Pick<
  ReadCsvOptions,
  'delimiter' | 'onProgress' | 'isCancelled' | 'chunkBytes' | 'maxRecordChars'
>;

export interface ReadCsvOptions extends ProfilerOptions {
  /** Field delimiter; detected from the first 64 KB of text when omitted. */
  delimiter?: string;
  /** Called as bytes are read. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Polled once per row; returning true stops the read with {@link CsvReadCancelled}. */
  isCancelled?: () => boolean;
  /** Bytes per read from disk. */
  chunkBytes?: number;
  /** Longest record (in characters) read before an unclosed quote stops the read; see {@link MAX_RECORD_CHARS}. */
  maxRecordChars?: number;
  /**
   * Called with the profile of the rows read so far (see {@link profileCsvFile}), at most every
   * {@link PARTIAL_PROFILE_MS} and every {@link PARTIAL_PROFILE_BYTES} read, so a long read can show
   * its results as they fill in. `bytesRead` counts the bytes read from disk so far.
   */
  onPartialProfile?: (profile: CompleteCsvProfile & { bytes: number; bytesRead: number }) => void;
  /** Other spacing of partial profiles than {@link PARTIAL_PROFILE_MS} and {@link PARTIAL_PROFILE_BYTES}. */
  partialProfileEvery?: { ms: number; bytes: number };
}

/** Least time between two partial profiles (see `onPartialProfile`): a panel redraws at most 4 times a second. */
export const PARTIAL_PROFILE_MS = 250;
/**
 * Least bytes read between two partial profiles: one costs about as much as profiling a few
 * thousand rows (quantiles, sorted value counts), so on a fast disk partials stay a few per cent
 * of the work, and a small file that is read in well under a second gets none.
 */
export const PARTIAL_PROFILE_BYTES = 4 * 1024 * 1024;
/** Rows between two checks of the clock for a partial profile. */
const PARTIAL_CHECK_ROWS = 1024;

/**
 * Bytes per read from disk. Small reads keep papaparse's working set small (peak memory grows
 * with the chunk: about 80 MB at 64 KiB, 135 MB at 1 MiB) at no cost in speed. 32 KiB rather
 * than 64: a chunk decodes to one string, and papaparse joins it to the previous partial line;
 * past about 64 K characters of two-byte text (one `ń` makes a whole chunk two-byte) each such
 * string is a V8 large object, which skips the young generation and is only freed by a full
 * collection, so a 200 MB file piled up 10–20 MB of them between collections.
 */
export const DEFAULT_CHUNK_BYTES = 32 * 1024;
/** How many leading bytes are checked for NUL to tell a binary file from text (as git does). */
const BINARY_SNIFF_BYTES = 8000;
/** Characters of text the delimiter and line ending are detected from. */
export const SNIFF_CHARS = 64 * 1024;
/**
 * A record longer than this many characters means a quote was opened and never closed: the read
 * stops there (with an `unterminated-quote` warning) instead of holding the rest of the file in
 * memory, as a parser must while it looks for the closing quote.
 */
export const MAX_RECORD_CHARS = 1 << 24;

/** The encoding announced by a byte-order mark, or why the file cannot be read. */
function detectEncoding(head: Buffer): { encoding: CsvEncoding } | { problem: string } {
  const b = (i: number): number => head[i] ?? -1;
  if (
    (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) ||
    (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff)
  ) {
    return { problem: 'is UTF-32 text; save it as UTF-8 (or UTF-16 with a byte-order mark)' };
  }
  if (b(0) === 0xff && b(1) === 0xfe) return { encoding: 'utf-16le' };
  if (b(0) === 0xfe && b(1) === 0xff) return { encoding: 'utf-16be' };
  const sniffed = head.subarray(0, BINARY_SNIFF_BYTES);
  if (sniffed.includes(0)) {
    // ASCII text in UTF-16 has a NUL in every other byte; anything else with NULs is binary.
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = 0; i < sniffed.length; i++) {
      if (sniffed[i] !== 0) continue;
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
    const pairs = sniffed.length / 2;
    if (pairs >= 4 && (evenNuls >= pairs * 0.9 || oddNuls >= pairs * 0.9) && Math.min(evenNuls, oddNuls) === 0) {
      return {
        problem:
          'looks like UTF-16 text without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark',
      };
    }
    return { problem: 'binary' };
  }
  return { encoding: 'utf-8' };
}

/** Offset in `bytes` (from `start`, a character boundary) of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    let extra: number;
    let min: number;
    if (lead < 0x80) {
      i++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = lead & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined) return bytes.length;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/**
 * Streams a CSV file from disk through papaparse into `consumer`, row by row, each with the
 * 1-based line it starts on. Memory stays bounded by one chunk (plus one record).
 *
 * Encoding: UTF-8 (a byte-order mark is dropped) or UTF-16 LE/BE with a byte-order mark.
 * Anything else fails with a {@link CsvEncodingError} at the first byte that is not valid UTF-8
 * (rather than reading Latin-1 accents as replacement characters); NUL bytes near the start mean a
 * binary file. The delimiter (comma, semicolon, tab or pipe) and the line ending are detected from
 * the first {@link SNIFF_CHARS} characters, so a small read size changes nothing.
 */
export async function streamCsvFile(
  file: string,
  consumer: CsvRowConsumer,
  options: StreamCsvOptions = {},
): Promise<StreamedCsv> {
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

  const streamed = await new Promise<{ delimiter: string; encoding: CsvEncoding }>((resolve, reject) => {
    const maxRecordChars = options.maxRecordChars ?? Math.max(MAX_RECORD_CHARS, 4 * (options.chunkBytes ?? 0));
    let lines = new LineTracker();
    let bytesRead = 0;
    let settled = false;
    let sawHeader = false;
    let delimiter = options.delimiter ?? ',';
    let encoding: CsvEncoding = 'utf-8';
    let decoder: TextDecoder | undefined;
    // Raw bytes held until the encoding is known, then text held until the delimiter is.
    let headBytes: Buffer[] = [];
    let headByteCount = 0;
    let headText: string[] = [];
    let headChars = 0;
    let parsing = false;
    // Bytes decoded so far, and the last bytes of the previous buffer, to locate a bad byte.
    let bytesDecoded = 0;
    let previousTail: Buffer = Buffer.alloc(0);
    let stoppedLongRecord = false;
    // Where the line after the previous row starts, to skip recounting single-line rows.
    let nextLine = 1;
    let newlineChar: '\n' | '\r' = '\n';

    const source = createReadStream(file, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });

    const decode = (buffer: Buffer, final: boolean): string => {
      const active = decoder as TextDecoder;
      try {
        const text = active.decode(buffer, { stream: !final });
        bytesDecoded += buffer.length;
        previousTail = buffer.subarray(Math.max(0, buffer.length - 3));
        return text;
      } catch {
        throw encodingError(buffer);
      }
    };

    const encodingError = (buffer: Buffer): CsvEncodingError => {
      // Lines before this buffer: those the parser has seen, and those still held for sniffing.
      let line = lines.lineAt(Number.MAX_SAFE_INTEGER);
      for (const chunk of headText) for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
      if (encoding !== 'utf-8') {
        return new CsvEncodingError(
          file,
          `is not valid ${encoding.toUpperCase()} text (an unpaired surrogate after line ${line}); save it as UTF-8`,
        );
      }
      // The previous buffer ended on a character boundary or inside one character, whose lead
      // byte is within its last three bytes: start checking from that lead byte.
      let back = 0;
      for (let k = previousTail.length - 1; k >= 0; k--) {
        const byte = previousTail[k] as number;
        if ((byte & 0xc0) !== 0x80) {
          back = byte >= 0x80 ? previousTail.length - k : 0;
          break;
        }
      }
      const joined = Buffer.concat([previousTail.subarray(previousTail.length - back), buffer]);
      const index = firstInvalidUtf8(joined, 0);
      const offset = bytesDecoded - back + index;
      for (let k = back; k < index; k++) if (joined[k] === 10) line++;
      const byte = joined[index];
      const what =
        byte === undefined
          ? 'it ends inside a UTF-8 character'
          : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} (line ${line}) is not valid UTF-8`;
      return new CsvEncodingError(
        file,
        `is not UTF-8 text: ${what}. mlguide reads UTF-8, and UTF-16 with a byte-order mark; a Latin-1 or Windows-1252 file can be converted with \`iconv -f windows-1252 -t utf-8\`.`,
        offset,
        line,
      );
    };

    const startParsing = (complete: boolean): void => {
      const sample = headText.join('');
      headText = [];
      const newline = sniffNewline(sample);
      newlineChar = newline === '\r' ? '\r' : '\n';
      lines = new LineTracker(newlineChar);
      if (options.delimiter === undefined) delimiter = sniffDelimiter(sample, complete);
      consumer.started?.({ delimiter, encoding });
      parsing = true;
      parse(newline);
      lines.push(sample);
      if (sample.length > 0) text.push(sample);
    };

    const text = new Transform({
      readableObjectMode: true,
      // Papaparse parses each chunk as it arrives; holding few lets the long-record guard below
      // see how far the parser has got.
      readableHighWaterMark: 2,
      transform(buffer: Buffer, _encoding, callback) {
        bytesRead += buffer.length;
        options.onProgress?.(bytesRead, size);
        try {
          if (!decoder) {
            headBytes.push(buffer);
            headByteCount += buffer.length;
            if (headByteCount < BINARY_SNIFF_BYTES) {
              callback();
              return;
            }
            startDecoding();
          } else {
            accept(decode(buffer, false));
          }
        } catch (error) {
          fail(error as Error);
        }
        if (!settled && parsing && lines.pendingLength > maxRecordChars) {
          // A quote opened long ago has not closed: stop here rather than hold the whole file.
          stoppedLongRecord = true;
          source.unpipe(text);
          source.destroy();
          callback();
          text.end();
          return;
        }
        callback();
      },
      flush(callback) {
        try {
          if (!decoder) startDecoding();
          if (!stoppedLongRecord) accept(decode(Buffer.alloc(0), true));
          if (!parsing && !settled) startParsing(true);
        } catch (error) {
          fail(error as Error);
        }
        callback();
      },
    });

    const startDecoding = (): void => {
      const head = Buffer.concat(headBytes);
      headBytes = [];
      const detected = detectEncoding(head);
      if ('problem' in detected) {
        if (detected.problem === 'binary') {
          throw new CsvInputError('binary', file, 'looks like a binary file (it contains NUL bytes), not CSV text');
        }
        throw new CsvEncodingError(file, detected.problem);
      }
      encoding = detected.encoding;
      decoder = new TextDecoder(encoding, { fatal: true });
      const decoded = decode(head, false);
      if (encoding !== 'utf-8' && decoded.slice(0, BINARY_SNIFF_BYTES).includes('\u0000')) {
        throw new CsvInputError('binary', file, 'looks like a binary file (it contains NUL characters), not CSV text');
      }
      accept(decoded);
    };

    const accept = (chunk: string): void => {
      if (chunk.length === 0 || settled) return;
      if (parsing) {
        lines.push(chunk);
        text.push(chunk);
        return;
      }
      headText.push(chunk);
      headChars += chunk.length;
      if (headChars >= SNIFF_CHARS) startParsing(false);
    };

    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      source.destroy();
      text.destroy();
      reject(error);
    };
    source.on('error', (error) => fail(new CsvInputError('unreadable', file, `cannot be read (${describe(error)})`)));
    source.pipe(text);

    const parse = (newline: '\n' | '\r\n' | '\r'): void => {
      Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
        delimiter,
        newline,
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
          const unterminated = results.errors.length > 0 && results.errors.some((e) => e.code === 'MissingQuotes');
          // The cursor is just past the row (and its newline). A row that starts where the previous
          // one ended spans one line; otherwise walk back over the newlines inside quoted fields.
          const endLine = lines.lineAt(results.meta.cursor);
          let line = endLine - (lines.endedOnNewline && !unterminated ? 1 : 0);
          if (line !== nextLine) {
            let embedded = 0;
            for (const cell of cells) {
              for (let i = cell.indexOf(newlineChar); i !== -1; i = cell.indexOf(newlineChar, i + 1)) embedded++;
            }
            line -= embedded;
          }
          nextLine = endLine;
          try {
            if (!sawHeader) {
              sawHeader = true;
              consumer.header(cells, line);
            } else {
              consumer.row(cells, line);
            }
          } catch (error) {
            fail(error as Error);
            parser.abort();
            return;
          }
          if (unterminated) {
            consumer.warn({
              line,
              code: 'unterminated-quote',
              message: stoppedLongRecord
                ? `a quoted field opened on this line is not closed within ${maxRecordChars.toLocaleString('en-US')} characters; reading stopped there`
                : 'a quoted field opened on this line is never closed; the rest of the file was read into it',
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
          resolve({ delimiter, encoding });
        },
        error(error: Error) {
          fail(new CsvInputError('unreadable', file, `cannot be parsed (${error.message})`));
        },
      });
    };
  });
  return { ...streamed, bytes: size };
}

/**
 * Profiles a CSV file: {@link streamCsvFile} into the pure {@link CsvProfiler}. Memory stays
 * bounded by one chunk plus the profiler's state.
 */
export async function profileCsvFile(
  file: string,
  options: ReadCsvOptions = {},
): Promise<CompleteCsvProfile & { bytes: number }> {
  const release = holdHeapGrowth();
  try {
    return await profileWithProfiler(file, options);
  } finally {
    release();
  }
}

/**
 * How far V8 lets the old generation grow past what survived the last full collection while a
 * profile runs, in per cent (V8's `--heap-growing-percent`; its own default is a factor of up to 4).
 *
 * Why: a profile keeps about 10 MB alive (the sketches) while parsing allocates gigabytes of
 * short-lived cells, a trickle of which survives long enough to reach the old generation. With
 * the default factor, 30–40 MB of such garbage could pile up before a full collection, and where
 * collections happened to fall decided the peak: 136 to 182 MiB on the same 10M-row file. At 40 %
 * a full collection (a few ms with so little alive) comes every 4 MB or so of promoted garbage,
 * and the peak is flat — 135 MiB on 1M rows, 140 MiB on 10M — at no measurable cost in speed.
 */
const PROFILE_HEAP_GROWING_PERCENT = 40;
/** Profiles running (the setting is restored when the last one ends). */
let heapHolds = 0;
/** Whoever started node chose a growing factor: leave it. */
const heapGrowthChosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
  arg.includes('heap-growing-percent'),
);

/** Sets {@link PROFILE_HEAP_GROWING_PERCENT} while a profile runs; returns the release. */
function holdHeapGrowth(): () => void {
  if (heapGrowthChosen) return () => undefined;
  if (heapHolds++ === 0) setFlagsFromString(`--heap-growing-percent=${PROFILE_HEAP_GROWING_PERCENT}`);
  return () => {
    // 0 is V8's "no fixed factor": its default, dynamic growth for everything else the process does.
    if (--heapHolds === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}

async function profileWithProfiler(
  file: string,
  options: ReadCsvOptions,
): Promise<CompleteCsvProfile & { bytes: number }> {
  const profiler = new CsvProfiler(options);
  const onPartial = options.onPartialProfile;
  if (!onPartial) {
    const { delimiter, encoding, bytes } = await streamCsvFile(file, profiler, options);
    return { ...profiler.finish(delimiter), encoding, bytes };
  }
  // Partial profiles: the profiler's finish() only reads its state, so it can be asked midway.
  let format: { delimiter: string; encoding: CsvEncoding } | undefined;
  let bytesRead = 0;
  let totalBytes = 0;
  let lastBytes = 0;
  let lastTime = Date.now();
  let sinceCheck = 0;
  const every = options.partialProfileEvery ?? { ms: PARTIAL_PROFILE_MS, bytes: PARTIAL_PROFILE_BYTES };
  const consumer: CsvRowConsumer = {
    started: (found) => {
      format = found;
    },
    header: (cells, line) => {
      profiler.header(cells, line);
    },
    row: (cells, line) => {
      profiler.row(cells, line);
      if (++sinceCheck < PARTIAL_CHECK_ROWS || !format) return;
      sinceCheck = 0;
      if (bytesRead - lastBytes < every.bytes || bytesRead >= totalBytes) return;
      const now = Date.now();
      if (now - lastTime < every.ms) return;
      lastTime = now;
      lastBytes = bytesRead;
      onPartial({ ...profiler.finish(format.delimiter), encoding: format.encoding, bytes: totalBytes, bytesRead });
    },
    warn: (warning) => {
      profiler.warn(warning);
    },
  };
  const { delimiter, encoding, bytes } = await streamCsvFile(file, consumer, {
    ...options,
    onProgress: (read, total) => {
      bytesRead = read;
      totalBytes = total;
      options.onProgress?.(read, total);
    },
  });
  return { ...profiler.finish(delimiter), encoding, bytes };
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
