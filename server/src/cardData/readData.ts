// The data pass: each file a card points at profiled with the engine (streaming, memory bounded),
// reduced to the facts the doc-against-data rules compare, and cached by path, size and
// modification time so a keystroke never reads data again. Used by the language server and the CLI.
import { promises as fs } from 'node:fs';
import type { CompleteColumnProfile } from '../../../core/src/profile/profile';
import { CsvReadCancelled, profileCsvFile } from '../engine/readCsv';
import type { CardData, CardDataColumn, DataFacts, DataReference } from './types';

/** How a read goes: cancellation (polled per row) and progress over all the pass's files. */
export interface DataPassOptions {
  isCancelled?: () => boolean;
  /** Bytes read so far over every file of the pass, and their total size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Called once per file read from disk, or found missing (not when served from the cache). */
  onRead?: (file: string, facts: DataFacts, milliseconds: number) => void;
}

/** Thrown when a pass was cancelled; no facts were cached for the file being read. */
export class DataPassCancelled extends Error {
  constructor() {
    super('the data pass was cancelled');
    this.name = 'DataPassCancelled';
  }
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  facts: DataFacts;
}

/** The column facts rules need, from the engine's full column profile. */
export function columnFacts(column: CompleteColumnProfile): CardDataColumn {
  const complete = !column.distinctEstimated && !column.topEstimated && column.top.length === column.distinct;
  return {
    name: column.name,
    type: column.type,
    distinct: column.distinct,
    distinctExact: !column.distinctEstimated,
    ...(complete ? { values: column.top.map((v) => ({ value: String(v.value), count: v.count })) } : {}),
    ...(column.min !== undefined ? { min: column.min } : {}),
    ...(column.max !== undefined ? { max: column.max } : {}),
    missing: column.missing,
  };
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Facts about data files, each read once while its size and modification time stay the same.
 * `invalidate` (from a file watcher) forgets a file, so the next pass reads it again even when
 * its size and time did not change (a rewrite within the file system's time resolution).
 */
export class DataFactsCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Reads in progress, shared by passes that need the same file at the same size and time. */
  private readonly inFlight = new Map<string, { promise: Promise<DataFacts>; waiters: Set<() => boolean> }>();
  /** Files read from disk so far (for the log and for tests that check nothing is read twice). */
  reads = 0;

  /** The facts known for `file`, without touching the disk. */
  peek(file: string): DataFacts | undefined {
    return this.entries.get(file)?.facts;
  }

  invalidate(file: string): void {
    this.entries.delete(file);
  }

  clear(): void {
    this.entries.clear();
  }

  /** The facts of `file`, read when the cache has none for its current size and time. */
  async facts(
    file: string,
    options: { isCancelled?: () => boolean; onProgress?: (bytes: number) => void; onRead?: DataPassOptions['onRead'] },
  ): Promise<DataFacts> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const facts = { rows: 0, columns: [], error: code === 'ENOENT' ? 'no such file' : describe(error) };
      // Remembered, so a keystroke does not look again; the watcher's "created" event forgets it.
      this.entries.set(file, { size: -1, mtimeMs: -1, facts });
      options.onRead?.(file, facts, 0);
      return facts;
    }
    if (!stat.isFile()) {
      const facts = { rows: 0, columns: [], error: 'not a file' };
      this.entries.set(file, { size: -1, mtimeMs: -1, facts });
      options.onRead?.(file, facts, 0);
      return facts;
    }
    const cached = this.entries.get(file);
    if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached.facts;

    const key = `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
    const isCancelled = options.isCancelled ?? (() => false);
    let shared = this.inFlight.get(key);
    if (shared) {
      shared.waiters.add(isCancelled);
    } else {
      const waiters = new Set([isCancelled]);
      const started = performance.now();
      const promise = profileCsvFile(file, {
        // Stop only when every pass waiting for this file has been cancelled.
        isCancelled: () => [...waiters].every((cancelled) => cancelled()),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      })
        .then(
          (profile): DataFacts => ({ rows: profile.rows, columns: profile.columns.map(columnFacts) }),
          (error: unknown): DataFacts => {
            if (error instanceof CsvReadCancelled) throw new DataPassCancelled();
            return { rows: 0, columns: [], error: describe(error) };
          },
        )
        .then((facts) => {
          this.reads++;
          this.entries.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, facts });
          options.onRead?.(file, facts, performance.now() - started);
          return facts;
        })
        .finally(() => this.inFlight.delete(key));
      shared = { promise, waiters };
      this.inFlight.set(key, shared);
    }
    const facts = await shared.promise;
    if (isCancelled()) throw new DataPassCancelled();
    return facts;
  }
}

function toCardFile(reference: DataReference, facts: DataFacts): CardData['files'][number] {
  return {
    reference: reference.reference,
    displayPath: reference.displayPath,
    ...(reference.split !== undefined ? { split: reference.split } : {}),
    rows: facts.rows,
    columns: facts.columns,
    ...(facts.error !== undefined ? { error: facts.error } : {}),
  };
}

/**
 * Reads (or takes from the cache) every file a card points at. Files are read one after the
 * other, so memory holds one file's read at a time. Throws {@link DataPassCancelled} when
 * cancelled.
 */
export async function readCardData(
  references: readonly DataReference[],
  cache: DataFactsCache,
  options: DataPassOptions = {},
): Promise<CardData> {
  const sizes = await Promise.all(
    references.map((r) =>
      cache.peek(r.path)
        ? Promise.resolve(0)
        : fs.stat(r.path).then(
            (s) => (s.isFile() ? s.size : 0),
            () => 0,
          ),
    ),
  );
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  const files = [];
  for (const [index, reference] of references.entries()) {
    if (options.isCancelled?.()) throw new DataPassCancelled();
    const offset = before;
    const facts = await cache.facts(reference.path, {
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      ...(options.onProgress ? { onProgress: (bytes: number) => options.onProgress?.(offset + bytes, total) } : {}),
      ...(options.onRead ? { onRead: options.onRead } : {}),
    });
    before += sizes[index] ?? 0;
    files.push(toCardFile(reference, facts));
  }
  return { files };
}
