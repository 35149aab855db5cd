/**
 * The I/O the split rules need, done by the server or the CLI (rules never read files): whether
 * each data path exists, its header (first line only) and its row count.
 *
 * Rows are counted with the engine's CSV reader (quoted newlines are one row), remembered while a
 * file's size and modification time stay the same, and only for files up to
 * {@link MAX_COUNTED_BYTES}: the reader counts about 20 MB a second (600,000 rows, 16 MB, in
 * 0.8 s), and a split file's diagnostics wait for the count, so a larger file is not read at all.
 * A file that large holds, at 100 bytes a row, 160,000 rows: a test fraction of 2% (3,200 rows)
 * already gives the ±2 points the precision rule asks for by default.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import Papa from 'papaparse';
import { CsvInputError, profileCsvFile } from '../engine/readCsv';
import type { ParsedSplitConfig, SplitDataFacts } from './types';

/** Largest data file whose rows are counted for the precision and size rules. */
export const MAX_COUNTED_BYTES = 16 * 1024 * 1024;
/** Bytes read to find the header line. */
const HEADER_BYTES = 64 * 1024;

const rowCache = new Map<string, { mtimeMs: number; size: number; rows: number; idLike: string[] }>();

/** The cells of the first line of a CSV/TSV file; undefined when it cannot be read as text. */
export async function readHeader(file: string): Promise<string[] | undefined> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return undefined;
    const text = head.toString('utf8').replace(/^\uFEFF/, '');
    const line = text.split(/\r?\n/)[0] ?? '';
    if (line.trim() === '') return undefined;
    const delimiter = /\.tsv$/i.test(file) ? '\t' : undefined;
    const parsed = Papa.parse<string[]>(line, {
      ...(delimiter ? { delimiter } : {}),
      delimitersToGuess: [',', '\t', ';', '|'],
    });
    const cells = parsed.data[0];
    return cells?.map((cell) => cell.trim());
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/**
 * Data rows of a CSV file (header excluded) and its identifier columns — every value distinct, as
 * the engine's profile finds them — or why they were not read.
 */
export async function countDataRows(
  file: string,
  isCancelled?: () => boolean,
  maxBytes = MAX_COUNTED_BYTES,
): Promise<{ rows: number; idLike: string[] } | { skipped: string }> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > maxBytes) {
      return {
        skipped: `${(stat.size / 1024 / 1024).toFixed(0)} MB is more than mlguide counts while linting (${maxBytes / 1024 / 1024} MB)`,
      };
    }
    const cached = rowCache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      return { rows: cached.rows, idLike: cached.idLike };
    }
    const profile = await profileCsvFile(file, isCancelled ? { isCancelled } : {});
    rowCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, rows: profile.rows, idLike: profile.idLikeColumns });
    return { rows: profile.rows, idLike: profile.idLikeColumns };
  } catch (error) {
    if (error instanceof CsvInputError && error.problem === 'empty') return { skipped: 'the file is empty' };
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}

/** Facts about every `data` path of a split configuration in `dir` (the split file's folder). */
export async function readSplitFacts(
  parsed: ParsedSplitConfig,
  dir: string,
  options: { isCancelled?: () => boolean; maxCountedBytes?: number; isAllowed?: (file: string) => boolean } = {},
): Promise<Map<string, SplitDataFacts>> {
  const facts = new Map<string, SplitDataFacts>();
  for (const written of parsed.config.data?.value ?? []) {
    const file = path.resolve(dir, written.value);
    // Paths outside the workspace are refused (MLS014), never read.
    if (options.isAllowed && !options.isAllowed(file)) continue;
    const exists = existsSync(file);
    const entry: SplitDataFacts = { reference: written.value, file, exists };
    if (exists && /\.(?:csv|tsv|txt)$/i.test(file)) {
      const header = await readHeader(file);
      if (header) entry.header = header;
      const counted = await countDataRows(file, options.isCancelled, options.maxCountedBytes);
      if ('rows' in counted) {
        entry.rows = counted.rows;
        entry.idLike = counted.idLike;
      } else entry.rowsSkipped = counted.skipped;
    }
    facts.set(written.value, entry);
  }
  return facts;
}

/** Whether `file` is inside one of `roots` (no roots: everything is). */
export function insideRoots(file: string, roots: readonly string[]): boolean {
  if (roots.length === 0) return true;
  return roots.some((root) => {
    const relative = path.relative(root, file);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
}
