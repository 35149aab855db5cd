// The language server's data passes: for each open card, the facts of the data it points at,
// read off the keystroke path. A lint asks `dataFor` — answered from the cache without I/O — and
// when the card's data inputs changed or their facts are missing, a pass starts in the
// background; when it ends, the host lints the card again. A pass is cancelled when its card
// closes, when its inputs change, or when one of its files changes on disk (and then restarted).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import type { DatasetCard } from '../parse/datasetCard';
import { dataInputs, expandInputs, inputsKey, type DataAssignments, type DataInput } from './findData';
import { DataFactsCache, DataPassCancelled, readCardData } from './readData';
import type { CardData, DataReference } from './types';

/** Progress of one pass, as the host shows it (LSP work-done progress). */
export interface DataPassProgress {
  report(percentage: number, message: string): void;
  done(): void;
}

/** What the passes need from the language server. */
export interface DataPassHost {
  /** The card's data facts arrived (or changed): lint it again. */
  factsChanged(uri: string): void;
  /** A line for the server's log. */
  log(message: string): void;
  /** Progress for a pass over `totalBytes`; undefined when none is shown (small files, no client support). */
  beginProgress(title: string, totalBytes: number): Promise<DataPassProgress | undefined>;
}

interface CardState {
  cardPath: string;
  inputs: DataInput[];
  key: string;
  /** The files of the last pass (globs expanded). */
  references?: DataReference[];
  /** What the last pass found; kept until the inputs or one of the files change. */
  data?: CardData;
  /** True once a pass for these inputs failed: keystrokes do not retry it (a file change does). */
  failed?: boolean;
  pass?: { cancelled: boolean };
}

const formatBytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

/** The data passes of every open card, and the facts cache they share. */
export class CardDataPasses {
  readonly cache = new DataFactsCache();
  private readonly cards = new Map<string, CardState>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly host: DataPassHost) {}

  /**
   * The facts of the data the card at `uri` points at, from the cache (no I/O), or undefined when
   * it points at none or they are still being read; starts a pass when they are missing.
   */
  dataFor(uri: string, cardPath: string, card: DatasetCard, assignments: DataAssignments): CardData | undefined {
    const inputs = dataInputs(cardPath, card, assignments);
    const state = this.cards.get(uri);
    if (inputs.length === 0) {
      this.forget(uri);
      return undefined;
    }
    const key = inputsKey(inputs);
    if (state?.key === key) {
      // Known, being read, or not readable: a keystroke never starts a pass over.
      if (state.data) return state.data;
      if (state.pass || state.failed) return undefined;
    }
    if (state?.pass) state.pass.cancelled = true;
    const next: CardState = { cardPath, inputs, key };
    this.cards.set(uri, next);
    this.start(uri, next);
    return undefined;
  }

  /** The card closed: its pass stops, its state goes (the facts stay cached for other cards). */
  forget(uri: string): void {
    const state = this.cards.get(uri);
    if (state?.pass) state.pass.cancelled = true;
    this.cards.delete(uri);
  }

  /**
   * Data files changed on disk (created, changed or deleted): their facts are forgotten, and the
   * cards that use them — or whose globs match a new file — are read again.
   */
  filesChanged(files: readonly string[]): void {
    const changed = files.map((file) => path.resolve(file));
    for (const file of changed) this.cache.invalidate(file);
    for (const [uri, state] of this.cards) {
      const uses = changed.some(
        (file) =>
          state.references?.some((reference) => reference.path === file) === true ||
          state.inputs.some((input) => minimatch(file.split(path.sep).join('/'), input.pattern, { dot: true })),
      );
      if (!uses) continue;
      if (state.pass) state.pass.cancelled = true;
      delete state.references;
      delete state.data;
      delete state.failed;
      this.start(uri, state);
    }
  }

  /** Resolves when no pass is running (passes started meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  private start(uri: string, state: CardState): void {
    const pass = { cancelled: false };
    state.pass = pass;
    const running = this.run(uri, state, pass);
    this.running.add(running);
    void running.finally(() => this.running.delete(running));
  }

  private async run(uri: string, state: CardState, pass: { cancelled: boolean }): Promise<void> {
    // Off the keystroke path: the lint that asked has already published its text-only findings.
    const isCancelled = (): boolean => pass.cancelled;
    await new Promise((resolve) => setImmediate(resolve));
    if (isCancelled()) return;
    let progress: DataPassProgress | undefined;
    try {
      const references = expandInputs(state.cardPath, state.inputs);
      const unread = references.filter((reference) => !this.cache.peek(reference.path));
      if (unread.length > 0) {
        const sizes = await Promise.all(
          unread.map((r) =>
            fs.stat(r.path).then(
              (s) => s.size,
              () => 0,
            ),
          ),
        );
        const total = sizes.reduce((a, b) => a + b, 0);
        const title = `mlguide: reading the data of ${path.basename(state.cardPath)}`;
        progress = await this.host.beginProgress(title, total);
      }
      let lastPercent = -1;
      const data = await readCardData(references, this.cache, {
        isCancelled,
        onProgress: (done, all) => {
          const percent = all > 0 ? Math.floor((done / all) * 100) : 100;
          if (!progress || percent === lastPercent) return;
          lastPercent = percent;
          progress.report(percent, `${formatBytes(done)} of ${formatBytes(all)}`);
        },
        onRead: (file, facts, ms) => {
          const shown = references.find((r) => r.path === file)?.displayPath ?? file;
          this.host.log(
            facts.error !== undefined
              ? `mlguide: data ${shown} of ${path.basename(state.cardPath)} cannot be read: ${facts.error}`
              : `mlguide: read data ${shown} for ${path.basename(state.cardPath)}: ${facts.rows} rows, ${facts.columns.length} columns in ${Math.round(ms)} ms`,
          );
        },
      });
      if (isCancelled() || this.cards.get(uri) !== state) return;
      state.references = references;
      state.data = data;
      delete state.pass;
      this.host.factsChanged(uri);
    } catch (error) {
      if (error instanceof DataPassCancelled) return;
      if (state.pass === pass) {
        delete state.pass;
        state.failed = true;
      }
      this.host.log(
        `mlguide: the data pass of ${state.cardPath} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      progress?.done();
    }
  }
}
