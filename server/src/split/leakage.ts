/**
 * The I/O of the data-backed split checks (MLS016–MLS022), shared by the language server and
 * `mlguide lint`: which `outputs` files exist, reading them with the engine's CSV reader (the
 * held splits first, train last) into core's {@link LeakageChecker}, progress and cancellation,
 * and a cache keyed by every file's identity (path, size, modification time) and the settings,
 * so re-linting an unchanged split costs nothing and a changed split file is read again.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LeakageChecker, type LeakageOptions } from '../../../core/src/leakage/checker';
import type { LeakageReport, LeakageThresholds } from '../../../core/src/leakage/types';
import { CsvReadCancelled, streamCsvFile } from '../engine/readCsv';
import { readHeader } from './facts';
import { isIdLike } from './rules/common';
import { isDeduplication } from './steps';
import type { ParsedSplitConfig, SplitDataFacts } from './types';

const GLOB = /[*?[\]{}]/;

/** A split file the checks read. */
export interface SplitOutputFile {
  split: string;
  file: string;
  size: number;
  mtimeMs: number;
}

/** Options of {@link runSplitLeakage}. */
export interface SplitLeakageOptions {
  /** Whether a path may be read (inside the workspace). */
  isAllowed?: (file: string) => boolean;
  isCancelled?: () => boolean;
  /** Bytes read so far of all the split files. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** The `data` facts (raw row counts for the sizes check). */
  data?: ReadonlyMap<string, SplitDataFacts>;
  /** Only a cached report: `{ skipped }` when the files would have to be read. */
  cachedOnly?: boolean;
}

/** Why the checks did not run, for the command's summary. */
export interface SplitLeakageSkipped {
  skipped: string;
}

const cache = new Map<string, LeakageReport>();
/** Reports kept: a few split files open at once. */
const CACHE_ENTRIES = 8;

/** The `outputs` files that exist, by split, in the order written; globs and refused paths left out. */
export async function splitOutputFiles(
  parsed: ParsedSplitConfig,
  dir: string,
  isAllowed: (file: string) => boolean = () => true,
): Promise<SplitOutputFile[]> {
  const files: SplitOutputFile[] = [];
  for (const output of parsed.config.outputs?.value ?? []) {
    for (const written of output.paths) {
      if (GLOB.test(written.value)) continue;
      const file = path.resolve(dir, written.value);
      if (!isAllowed(file)) continue;
      try {
        const stat = await fs.stat(file);
        if (stat.isFile()) files.push({ split: output.split, file, size: stat.size, mtimeMs: stat.mtimeMs });
      } catch {
        // A missing split file: the checks run on the others (or not at all).
      }
    }
  }
  return files;
}

/** The split compared against: `train` when written, else the first split of `outputs`. */
export function referenceSplit(parsed: ParsedSplitConfig): string | undefined {
  const splits = (parsed.config.outputs?.value ?? []).map((o) => o.split);
  return splits.find((s) => s.toLowerCase() === 'train') ?? splits[0];
}

/** The checker's options from the configuration and the header of the first split file. */
export function leakageOptions(
  parsed: ParsedSplitConfig,
  reference: string,
  header: readonly string[],
  data?: ReadonlyMap<string, SplitDataFacts>,
): LeakageOptions {
  const c = parsed.config;
  const l = c.leakage?.value;
  const thresholds: Partial<LeakageThresholds> = {
    ...(l?.alpha ? { alpha: l.alpha.value } : {}),
    ...(l?.psiModerate ? { psiModerate: l.psiModerate.value } : {}),
    ...(l?.psiSignificant ? { psiSignificant: l.psiSignificant.value } : {}),
    ...(l?.targetScore ? { targetScore: l.targetScore.value } : {}),
    ...(l?.sizeTolerance ? { sizeTolerance: l.sizeTolerance.value } : {}),
    ...(l?.maxExamples ? { maxExamples: l.maxExamples.value } : {}),
  };
  const target = c.target?.value.value;
  const include = c.features?.value.include?.value.map((x) => x.value);
  const exclude = new Set(c.features?.value.exclude?.value.map((x) => x.value) ?? []);
  const features = (include ?? header.map((h) => h.trim())).filter((h) => h !== target && !exclude.has(h));
  const rawRows = [...(data?.values() ?? [])].reduce<number | undefined>(
    (sum, facts) => (sum === undefined || facts.rows === undefined ? undefined : sum + facts.rows),
    data && data.size > 0 ? 0 : undefined,
  );
  const groupBy = c.groupBy?.value.value;
  return {
    reference,
    ...(target !== undefined ? { target } : {}),
    ...(groupBy !== undefined
      ? { groupBy }
      : { idColumns: header.map((h) => h.trim()).filter((h) => h !== target && isIdLike(h)) }),
    ...(c.timeColumn ? { timeColumn: c.timeColumn.value.value } : {}),
    features,
    thresholds,
    sizes: (c.sizes?.value ?? []).map((s) => ({ split: s.split, value: s.value })),
    ...(rawRows !== undefined ? { rawRows } : {}),
    dedupBeforeSplit: (c.preprocessing?.value.beforeSplit?.value ?? []).some((s) => isDeduplication(s.name)),
  };
}

function cacheKey(files: readonly SplitOutputFile[], options: LeakageOptions): string {
  return JSON.stringify({ files: files.map((f) => [f.split, f.file, f.size, f.mtimeMs]), options });
}

/**
 * Runs every data-backed check on the `outputs` files that exist, or says why not. Throws
 * {@link CsvReadCancelled} when cancelled and a {@link CsvInputError} (naming the file) when a
 * split file cannot be read.
 */
export async function runSplitLeakage(
  parsed: ParsedSplitConfig,
  dir: string,
  options: SplitLeakageOptions = {},
): Promise<LeakageReport | SplitLeakageSkipped> {
  const reference = referenceSplit(parsed);
  if (reference === undefined) return { skipped: 'the split file names no outputs' };
  const files = await splitOutputFiles(parsed, dir, options.isAllowed);
  if (!files.some((f) => f.split === reference))
    return { skipped: `no ${reference} file of outputs.${reference} exists yet` };
  if (new Set(files.map((f) => f.split)).size < 2) return { skipped: 'only one split file exists' };
  // Held splits first, in the order written; the reference last.
  const ordered = [...files.filter((f) => f.split !== reference), ...files.filter((f) => f.split === reference)];
  const header = (await readHeader((ordered[0] as SplitOutputFile).file)) ?? [];
  const checkerOptions = leakageOptions(parsed, reference, header, options.data);
  const key = cacheKey(ordered, checkerOptions);
  const cached = cache.get(key);
  if (cached) return cached;
  if (options.cachedOnly) return { skipped: 'not checked yet' };
  const checker = new LeakageChecker(checkerOptions);
  const totalBytes = ordered.reduce((s, f) => s + f.size, 0);
  let before = 0;
  for (const f of ordered) {
    await streamCsvFile(
      f.file,
      {
        header: (cells) => checker.startFile(f.split, f.file, cells),
        row: (cells, line) => checker.row(cells, line),
        warn: (warning) => checker.warn(`line ${warning.line}: ${warning.message}`),
      },
      {
        ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
        ...(options.onProgress
          ? { onProgress: (read: number) => options.onProgress?.(before + read, totalBytes) }
          : {}),
      },
    );
    before += f.size;
  }
  const report = checker.finish();
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, report);
  return report;
}

/** Whether a result is a report (the checks ran). */
export function isLeakageReport(result: LeakageReport | SplitLeakageSkipped): result is LeakageReport {
  return 'version' in result;
}

export { CsvReadCancelled };
