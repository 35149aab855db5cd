/**
 * The data-backed split checks in one streaming pass over the split files: fed the rows of every
 * split, then finished. The splits other than train (validation, test: the held splits) are read
 * first and keep what the checks need from them — a 64-bit hash per row, the ids, the times, the
 * numeric values and category counts; train is read last and streams through with bounded state
 * (grid counts, category counts capped at {@link CATEGORY_CAP}, the latest time). Memory therefore
 * follows the smaller splits and stays flat however large train grows. No I/O here: the server
 * and the CLI read the files.
 */
import { isMissing } from '../csv/missing';
import { KIND_DATE, KIND_FLOAT, KIND_INT, scanCell, scanned } from '../csv/scanCell';
import { referenceBinEdges } from '../drift/binning';
import { categoricalDrift } from '../drift/categorical';
import { numericDrift } from '../drift/numeric';
import { driftVerdict, type ColumnDrift } from '../drift/verdict';
import { GrowableFloat64Array, GrowableUint32Array } from '../metrics/growable';
import { combine, hashHigh, hashString, numberKey } from '../profile/hash';
import { decileEdges, GridCounts, gridDrift, gridOf } from './grid';
import { RowTable } from './rowTable';
import { splitSizesCheck, type ConfiguredSize } from './sizes';
import {
  DEFAULT_LEAKAGE_THRESHOLDS,
  type CheckStatus,
  type ColumnShift,
  type DuplicatePair,
  type FeatureScore,
  type GroupOverlapPair,
  type LeakageReport,
  type LeakageThresholds,
  type RowRef,
  type ShiftPair,
  type SplitFileRead,
  type TimeLeakSplit,
  type UnseenValues,
} from './types';

/** Distinct values counted per column and split; past it a column is neither categorical nor a label. */
export const CATEGORY_CAP = 1000;
/** Distinct labels a classification target may have for the one-feature rules. */
export const MAX_LABELS = 100;
/** Quantile bins of a numeric feature for its one-feature rule. */
export const FEATURE_BINS = 20;
const NO_LABEL = 0xffffffff;

/** What the checks need to know besides the rows. */
export interface LeakageOptions {
  /** The split compared against, read last (train). */
  reference: string;
  /** The split the one-feature rules are scored on and drift is measured towards (test); default: the last held split. */
  evaluation?: string;
  target?: string;
  /** `group_by`; when absent, `idColumns` are checked for overlap. */
  groupBy?: string;
  /** Id-like columns of the header (the server finds them by name). */
  idColumns?: readonly string[];
  timeColumn?: string;
  /** Columns the model may use; default every column but the target. */
  features?: readonly string[];
  thresholds?: Partial<LeakageThresholds>;
  /** The configured sizes (`sizes:`), for check 7. */
  sizes?: readonly ConfiguredSize[];
  /** Rows of the raw data, when counted. */
  rawRows?: number;
  /** Whether duplicates are dropped before the split (then fewer rows than the raw data is expected). */
  dedupBeforeSplit?: boolean;
}

interface ColumnState {
  name: string;
  numeric: boolean;
  /** Every value so far a date: like numbers, dates in test are new values by nature, not unseen categories. */
  dates: boolean;
  /** Category counts per split; undefined once past the cap. */
  categories: (Map<string, number> | undefined)[];
  /** Values per held split, NaN where missing (undefined for train and once not numeric). */
  values: (GrowableFloat64Array | undefined)[];
  /** Train's values counted on the evaluation split's grid (built when train starts). */
  trainGrid?: GridCounts;
  evalGrid?: GridCounts;
  deciles?: number[];
  gridExact?: boolean;
  /** One-feature rule, numeric: bin edges from the evaluation split, train label counts per bin. */
  binEdges?: number[];
  trainBinLabels?: Float64Array;
  /** One-feature rule, categorical: label counts per value, per split (train and evaluation). */
  valueLabels: (Map<string, number[]> | undefined)[];
}

interface GroupEntry {
  file: number;
  line: number;
  rows: number;
  hits: number;
}

interface PairAccumulator {
  a: number;
  b: number;
  rowsB: number;
  normalizedRowsB: number;
  examples: DuplicatePair['examples'];
}

interface GroupPairAccumulator {
  column: string;
  a: number;
  b: number;
  sharedIds: number;
  rowsB: number;
  examples: GroupOverlapPair['examples'];
}

interface TimeAccumulator {
  values: GrowableFloat64Array | undefined;
  earliest?: { instant: number; value: string; at: RowRef };
  latest?: { instant: number; value: string; at: RowRef };
  dated: number;
}

/** Feeds split files row by row; {@link finish} runs every check. */
export class LeakageChecker {
  private readonly thresholds: LeakageThresholds;
  private readonly splits: string[] = [];
  private readonly files: SplitFileRead[] = [];
  private readonly fileSplit: number[] = [];
  private columns: string[] | undefined;
  private states: ColumnState[] = [];
  /** Cell index in the current file for each canonical column (−1: absent). */
  private cellIndex: number[] = [];
  private current = -1;
  private currentFile = -1;
  private referenceStarted = false;
  private readonly exact = new RowTable();
  private readonly normalized = new RowTable();
  private readonly duplicatePairs = new Map<string, PairAccumulator>();
  private groupColumns: number[] = [];
  /** Per group column, per held split: id → first row, rows, hit mask. */
  private groups: Map<string, GroupEntry>[][] = [];
  private readonly groupPairs = new Map<string, GroupPairAccumulator>();
  private timeIndex = -1;
  private timeKind: 'date' | 'number' | undefined;
  private timeUnparsed = 0;
  private times: TimeAccumulator[] = [];
  private targetIndex = -1;
  private readonly labels = new Map<string, number>();
  private labelNames: string[] = [];
  private labelsOverflow = false;
  /** Label id per row of each held split. */
  private rowLabels: (GrowableUint32Array | undefined)[] = [];
  private featureIndexes: number[] = [];
  private rows: number[] = [];
  /** The label of the row being fed, set before its cells are walked (the numeric bins count labels). */
  private rowLabel = NO_LABEL;

  constructor(private readonly options: LeakageOptions) {
    this.thresholds = { ...DEFAULT_LEAKAGE_THRESHOLDS, ...options.thresholds };
  }

  /**
   * Starts a split file. The reference split (train) comes after every other split: its rows are
   * compared with theirs as they stream past. Several files of one split follow each other.
   */
  startFile(split: string, file: string, header: readonly string[]): void {
    const isReference = split === this.options.reference;
    if (this.referenceStarted && !isReference) {
      throw new Error(`leakage: ${split} (${file}) started after the reference split ${this.options.reference}`);
    }
    if (isReference && !this.referenceStarted) {
      this.referenceStarted = true;
    }
    let index = this.splits.indexOf(split);
    if (index === -1) {
      if (this.splits.length >= 30) throw new Error('leakage: at most 30 splits');
      index = this.splits.push(split) - 1;
      this.rows.push(0);
      this.times.push({ values: isReference ? undefined : new GrowableFloat64Array(), dated: 0 });
      this.rowLabels.push(isReference ? undefined : new GrowableUint32Array());
      for (const per of this.groups) per.push(new Map());
    } else if (index !== this.current) {
      throw new Error(`leakage: the files of ${split} must follow each other`);
    }
    this.current = index;
    this.currentFile = this.files.push({ split, file, rows: 0, warnings: [] }) - 1;
    this.fileSplit.push(index);
    if (!this.columns) this.setColumns(header);
    const columns = this.columns ?? [];
    const trimmed = header.map((h) => h.trim());
    this.cellIndex = columns.map((name) => trimmed.indexOf(name));
    for (const state of this.states) {
      while (state.categories.length <= index) state.categories.push(new Map());
      while (state.values.length <= index) state.values.push(isReference ? undefined : new GrowableFloat64Array());
      while (state.valueLabels.length <= index) state.valueLabels.push(new Map());
    }
    if (isReference && this.states.every((s) => s.trainGrid === undefined)) this.prepareReference();
  }

  /** A CSV problem in the current file (kept for the summary). */
  warn(message: string): void {
    this.files[this.currentFile]?.warnings.push(message);
  }

  private setColumns(header: readonly string[]): void {
    const columns = header.map((h) => h.trim());
    this.columns = columns;
    this.states = columns.map((name) => ({
      name,
      numeric: true,
      dates: true,
      categories: [],
      values: [],
      valueLabels: [],
    }));
    const o = this.options;
    const groupNames = o.groupBy !== undefined ? [o.groupBy] : [...(o.idColumns ?? [])];
    this.groupColumns = groupNames.map((name) => columns.indexOf(name)).filter((i) => i >= 0);
    this.groups = this.groupColumns.map(() => this.splits.map(() => new Map<string, GroupEntry>()));
    this.timeIndex = o.timeColumn !== undefined ? columns.indexOf(o.timeColumn) : -1;
    this.targetIndex = o.target !== undefined ? columns.indexOf(o.target) : -1;
    const features = o.features ?? columns.filter((c) => c !== o.target);
    this.featureIndexes = features.map((f) => columns.indexOf(f)).filter((i) => i >= 0 && i !== this.targetIndex);
  }

  /** Feeds one data row of the current file (`line`: 1-based line it starts on). */
  row(cells: readonly string[], line: number): void {
    const split = this.current;
    if (split < 0) throw new Error('leakage: row before startFile');
    const held = split !== this.splits.indexOf(this.options.reference);
    const fileIndex = this.currentFile;
    const file = this.files[fileIndex] as SplitFileRead;
    file.rows++;
    this.rows[split] = (this.rows[split] as number) + 1;
    const cellIndex = this.cellIndex;
    const states = this.states;
    let label = NO_LABEL;
    if (this.targetIndex >= 0) label = this.labelOf(cells[cellIndex[this.targetIndex] as number] ?? '');
    this.rowLabel = label;

    // Row hashes, exact and normalised, and the per-column state, in one walk over the cells.
    let low = 0x2545f491;
    let high = 0x6b43a9b5;
    let nLow = 0x2545f491;
    let nHigh = 0x6b43a9b5;
    for (let j = 0; j < states.length; j++) {
      const at = cellIndex[j] as number;
      const cell = at >= 0 ? (cells[at] ?? '') : '';
      const state = states[j] as ColumnState;
      const h0 = hashString(cell);
      low = combine(low, high, h0, hashHigh);
      high = hashHigh;
      const trimmed = cell.trim();
      let keyLow: number;
      let keyHigh: number;
      if (isMissing(trimmed)) {
        keyLow = 0x51ed270b;
        keyHigh = 0x1b873593;
        state.values[split]?.push(Number.NaN);
      } else {
        const kind = scanCell(trimmed);
        if (kind !== KIND_DATE) state.dates = false;
        if ((kind === KIND_INT || kind === KIND_FLOAT) && !scanned.wide) {
          keyLow = numberKey(scanned.value);
          keyHigh = hashHigh;
          if (state.numeric) this.addNumber(state, split, held, scanned.value, cell !== trimmed);
        } else {
          keyLow = hashString(trimmed.toLowerCase());
          keyHigh = hashHigh;
          if (state.numeric) this.dropNumeric(state);
        }
        this.addCategory(state, split, cell, j, label);
      }
      nLow = combine(nLow, nHigh, keyLow, keyHigh);
      nHigh = hashHigh;
    }
    this.rowHashes(split, held, fileIndex, line, low, high, nLow, nHigh);
    if (held) this.rowLabels[split]?.push(label);
    if (this.groupColumns.length > 0) this.groupRow(cells, split, held, fileIndex, line);
    if (this.timeIndex >= 0)
      this.timeRow(cells[cellIndex[this.timeIndex] as number] ?? '', split, held, fileIndex, line);
  }

  private labelOf(cell: string): number {
    const text = cell.trim();
    if (isMissing(text) || this.labelsOverflow) return NO_LABEL;
    let id = this.labels.get(text);
    if (id === undefined) {
      if (this.labels.size >= MAX_LABELS) {
        this.labelsOverflow = true;
        return NO_LABEL;
      }
      id = this.labels.size;
      this.labels.set(text, id);
      this.labelNames.push(text);
    }
    return id;
  }

  private addNumber(state: ColumnState, split: number, held: boolean, x: number, spaced: boolean): void {
    if (spaced) {
      // " 1" is text to pandas: the column is not numeric.
      this.dropNumeric(state);
      return;
    }
    if (held) {
      state.values[split]?.push(x);
      return;
    }
    state.trainGrid?.add(x);
    if (state.binEdges && state.trainBinLabels && this.rowLabel !== NO_LABEL) {
      const bin = binIndex(state.binEdges, x);
      const at = bin * MAX_LABELS + this.rowLabel;
      state.trainBinLabels[at] = (state.trainBinLabels[at] as number) + 1;
    }
  }

  private dropNumeric(state: ColumnState): void {
    state.numeric = false;
    state.values = state.values.map(() => undefined);
    delete state.trainGrid;
    delete state.evalGrid;
    delete state.binEdges;
    delete state.trainBinLabels;
  }

  private addCategory(state: ColumnState, split: number, cell: string, column: number, label: number): void {
    const counts = state.categories[split];
    if (counts) {
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
      if (counts.size > CATEGORY_CAP) {
        state.categories[split] = undefined;
        state.valueLabels = state.valueLabels.map(() => undefined);
      }
    }
    if (label === NO_LABEL || column === this.targetIndex) return;
    const byValue = state.valueLabels[split];
    if (!byValue) return;
    let counts2 = byValue.get(cell);
    if (!counts2) {
      counts2 = [];
      byValue.set(cell, counts2);
    }
    counts2[label] = (counts2[label] ?? 0) + 1;
  }

  private rowHashes(
    split: number,
    held: boolean,
    file: number,
    line: number,
    low: number,
    high: number,
    nLow: number,
    nHigh: number,
  ): void {
    const reference = this.splits.indexOf(this.options.reference);
    for (let earlier = 0; earlier < this.splits.length; earlier++) {
      if (earlier === split || earlier === reference) continue;
      if (held && earlier > split) continue;
      const exactSlot = this.exact.find(low, high, earlier);
      const normalSlot = this.normalized.find(nLow, nHigh, earlier);
      if (exactSlot < 0 && normalSlot < 0) continue;
      const pair = this.duplicatePair(earlier, split);
      if (exactSlot >= 0) {
        pair.rowsB++;
        this.exact.hit(exactSlot, split);
      }
      if (normalSlot >= 0) {
        pair.normalizedRowsB++;
        this.normalized.hit(normalSlot, split);
      }
      if (pair.examples.length < this.thresholds.maxExamples) {
        const slot = exactSlot >= 0 ? exactSlot : normalSlot;
        const first = (exactSlot >= 0 ? this.exact : this.normalized).first(slot);
        pair.examples.push({
          a: { file: this.files[first.file]?.file ?? '', line: first.line },
          b: { file: this.files[file]?.file ?? '', line },
          normalized: exactSlot < 0,
        });
      }
    }
    if (held) {
      this.exact.add(low, high, split, file, line);
      this.normalized.add(nLow, nHigh, split, file, line);
    }
  }

  private duplicatePair(a: number, b: number): PairAccumulator {
    const key = `${a}:${b}`;
    let pair = this.duplicatePairs.get(key);
    if (!pair) {
      pair = { a, b, rowsB: 0, normalizedRowsB: 0, examples: [] };
      this.duplicatePairs.set(key, pair);
    }
    return pair;
  }

  private groupRow(cells: readonly string[], split: number, held: boolean, file: number, line: number): void {
    const reference = this.splits.indexOf(this.options.reference);
    this.groupColumns.forEach((column, g) => {
      const id = (cells[this.cellIndex[column] as number] ?? '').trim();
      if (isMissing(id)) return;
      const perSplit = this.groups[g] as Map<string, GroupEntry>[];
      for (let earlier = 0; earlier < perSplit.length; earlier++) {
        if (earlier === split || earlier === reference || (held && earlier > split)) continue;
        const entry = perSplit[earlier]?.get(id);
        if (!entry) continue;
        const key = `${g}:${earlier}:${split}`;
        let pair = this.groupPairs.get(key);
        if (!pair) {
          pair = { column: this.columns?.[column] ?? '', a: earlier, b: split, sharedIds: 0, rowsB: 0, examples: [] };
          this.groupPairs.set(key, pair);
        }
        pair.rowsB++;
        const bit = 1 << split;
        if ((entry.hits & bit) === 0) {
          entry.hits |= bit;
          pair.sharedIds++;
          if (pair.examples.length < this.thresholds.maxExamples) {
            pair.examples.push({
              id,
              a: { file: this.files[entry.file]?.file ?? '', line: entry.line },
              b: { file: this.files[file]?.file ?? '', line },
            });
          }
        }
      }
      if (held) {
        const own = perSplit[split] as Map<string, GroupEntry>;
        const entry = own.get(id);
        if (entry) entry.rows++;
        else own.set(id, { file, line, rows: 1, hits: 0 });
      }
    });
  }

  private timeRow(cell: string, split: number, held: boolean, file: number, line: number): void {
    const text = cell.trim();
    const acc = this.times[split] as TimeAccumulator;
    let instant = Number.NaN;
    if (!isMissing(text)) {
      const kind = scanCell(text);
      const found = kind === KIND_DATE ? 'date' : kind === KIND_INT || kind === KIND_FLOAT ? 'number' : undefined;
      if (found !== undefined && (this.timeKind === undefined || this.timeKind === found)) {
        this.timeKind = found;
        instant = found === 'date' ? scanned.instant : scanned.value;
      } else this.timeUnparsed++;
    }
    if (held) acc.values?.push(instant);
    if (Number.isNaN(instant)) return;
    acc.dated++;
    const at = { file: this.files[file]?.file ?? '', line };
    if (!acc.earliest || instant < acc.earliest.instant) acc.earliest = { instant, value: text, at };
    if (!acc.latest || instant > acc.latest.instant) acc.latest = { instant, value: text, at };
  }

  /** Train starts: the numeric columns get their grids and bins from the evaluation split's values. */
  private prepareReference(): void {
    const evaluation = this.evaluationIndex();
    if (evaluation < 0) return;
    const labels = this.rowLabels[evaluation]?.view();
    for (const state of this.states) {
      if (!state.numeric) continue;
      const values = state.values[evaluation]?.view();
      if (!values) continue;
      const present = values.filter((x) => !Number.isNaN(x)).sort();
      if (present.length === 0) continue;
      const deciles = decileEdges(present);
      const grid = gridOf(present, deciles);
      state.deciles = deciles;
      state.gridExact = grid.length <= 4096 && !deciles.some((d) => !grid.includes(d)) && isDistinctGrid(present, grid);
      state.trainGrid = new GridCounts(grid);
      state.evalGrid = new GridCounts(grid);
      for (const x of present) state.evalGrid.add(x);
      if (labels && this.targetIndex >= 0) {
        state.binEdges = referenceBinEdges(present, FEATURE_BINS);
        state.trainBinLabels = new Float64Array((state.binEdges.length + 1) * MAX_LABELS);
      }
    }
  }

  private evaluationIndex(): number {
    const reference = this.splits.indexOf(this.options.reference);
    const named = this.options.evaluation !== undefined ? this.splits.indexOf(this.options.evaluation) : -1;
    if (named >= 0 && named !== reference) return named;
    const test = this.splits.indexOf('test');
    if (test >= 0 && test !== reference) return test;
    for (let i = this.splits.length - 1; i >= 0; i--) if (i !== reference) return i;
    return -1;
  }

  /** Runs every check on what was fed. */
  finish(): LeakageReport {
    const reference = this.splits.indexOf(this.options.reference);
    const referenceName = this.options.reference;
    return {
      version: 1,
      reference: referenceName,
      files: this.files.map((f) => ({ ...f, warnings: [...f.warnings] })),
      thresholds: this.thresholds,
      duplicates: this.finishDuplicates(),
      groupOverlap: this.finishGroups(),
      timeLeakage: this.finishTime(reference),
      unseenCategories: this.finishUnseen(reference),
      distributionShift: this.finishShift(reference),
      targetLeakage: this.finishTargetLeakage(reference),
      sizes: splitSizesCheck(
        this.splits.map((split, i) => ({ split, rows: this.rows[i] ?? 0 })),
        this.options.sizes ?? [],
        this.options.rawRows,
        this.thresholds.sizeTolerance,
        this.options.dedupBeforeSplit ?? false,
      ),
    };
  }

  private finishDuplicates(): LeakageReport['duplicates'] {
    const splitOf = (file: number): number => this.fileSplit[file] ?? -1;
    const pairs: DuplicatePair[] = [...this.duplicatePairs.values()].map((p) => {
      const rowsA = this.exact.rowsHitBy(p.b, splitOf, p.a);
      const normalizedRowsA = this.normalized.rowsHitBy(p.b, splitOf, p.a);
      const sizeA = this.rows[p.a] ?? 0;
      const sizeB = this.rows[p.b] ?? 0;
      const shareOfSmaller =
        sizeA <= sizeB ? normalizedRowsA / Math.max(1, sizeA) : p.normalizedRowsB / Math.max(1, sizeB);
      return {
        a: this.splits[p.a] ?? '',
        b: this.splits[p.b] ?? '',
        rowsA,
        rowsB: p.rowsB,
        normalizedRowsA,
        normalizedRowsB: p.normalizedRowsB,
        shareOfSmaller,
        examples: p.examples,
      };
    });
    const status: CheckStatus =
      this.splits.length < 2
        ? 'skip'
        : pairs.some((p) => p.rowsB > 0)
          ? 'fail'
          : pairs.some((p) => p.normalizedRowsB > 0)
            ? 'warn'
            : 'pass';
    return { status, pairs };
  }

  private finishGroups(): LeakageReport['groupOverlap'] {
    const columns = this.groupColumns.map((i) => this.columns?.[i] ?? '');
    const source = this.options.groupBy !== undefined ? 'group_by' : columns.length > 0 ? 'id-like' : 'none';
    if (columns.length === 0) {
      return {
        status: 'skip',
        columns,
        source,
        pairs: [],
        reason:
          this.options.groupBy !== undefined
            ? `group_by column ${this.options.groupBy} is not in the split files`
            : 'no group_by and no id-like column in the header',
      };
    }
    const pairs: GroupOverlapPair[] = [...this.groupPairs.entries()].map(([key, p]) => {
      const g = Number(key.split(':')[0]);
      let rowsA = 0;
      for (const entry of this.groups[g]?.[p.a]?.values() ?? [])
        if ((entry.hits & (1 << p.b)) !== 0) rowsA += entry.rows;
      return {
        column: p.column,
        a: this.splits[p.a] ?? '',
        b: this.splits[p.b] ?? '',
        sharedIds: p.sharedIds,
        rowsA,
        rowsB: p.rowsB,
        examples: p.examples,
      };
    });
    return { status: pairs.length > 0 ? 'fail' : 'pass', columns, source, pairs };
  }

  private finishTime(reference: number): LeakageReport['timeLeakage'] {
    const column = this.options.timeColumn;
    if (column === undefined) return { status: 'skip', splits: [], unparsed: 0, reason: 'no time_column' };
    if (this.timeIndex < 0)
      return { status: 'skip', column, splits: [], unparsed: 0, reason: `${column} is not in the split files` };
    const ref = this.times[reference];
    if (!ref?.latest) {
      return {
        status: 'skip',
        column,
        splits: [],
        unparsed: this.timeUnparsed,
        reason: `no date or number in ${column} of ${this.options.reference}`,
      };
    }
    const end = ref.latest.instant;
    const splits: TimeLeakSplit[] = [];
    this.times.forEach((acc, i) => {
      if (i === reference || !acc.values) return;
      let earlier = 0;
      for (const x of acc.values.view()) if (x < end) earlier++;
      splits.push({
        split: this.splits[i] ?? '',
        rows: this.rows[i] ?? 0,
        dated: acc.dated,
        earlier,
        ...(acc.earliest ? { earliest: { value: acc.earliest.value, at: acc.earliest.at } } : {}),
        ...(acc.latest ? { latest: { value: acc.latest.value, at: acc.latest.at } } : {}),
      });
    });
    return {
      status: splits.some((s) => s.earlier > 0) ? 'fail' : 'pass',
      column,
      referenceEnd: { value: ref.latest.value, at: ref.latest.at },
      ...(ref.earliest ? { referenceEarliest: { value: ref.earliest.value, at: ref.earliest.at } } : {}),
      splits,
      unparsed: this.timeUnparsed,
    };
  }

  /** Columns compared for categories and shift: the target and the features, minus ids and time. */
  private comparedColumns(): number[] {
    const excluded = new Set([...this.groupColumns, this.timeIndex]);
    const out = this.targetIndex >= 0 ? [this.targetIndex] : [];
    for (const i of this.featureIndexes) if (!excluded.has(i) && !out.includes(i)) out.push(i);
    return out;
  }

  private finishUnseen(reference: number): LeakageReport['unseenCategories'] {
    const findings: UnseenValues[] = [];
    const columns: string[] = [];
    for (const j of this.comparedColumns()) {
      const state = this.states[j] as ColumnState;
      const isTarget = j === this.targetIndex;
      // Numeric features take values train never had by nature; a numeric target is a class label only when few.
      if ((state.numeric || state.dates) && !isTarget) continue;
      const train = state.categories[reference];
      if (!train || state.categories.some((c) => c === undefined)) continue;
      columns.push(state.name);
      state.categories.forEach((counts, i) => {
        if (i === reference || !counts) return;
        const unseen = [...counts.entries()].filter(([value]) => !train.has(value) && !isMissing(value.trim()));
        if (unseen.length === 0) return;
        unseen.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
        findings.push({
          column: state.name,
          split: this.splits[i] ?? '',
          isTarget,
          values: unseen.length,
          rows: unseen.reduce((s, [, n]) => s + n, 0),
          examples: unseen.slice(0, this.thresholds.maxExamples).map(([value, rows]) => ({ value, rows })),
        });
      });
    }
    const status: CheckStatus =
      columns.length === 0 ? 'skip' : findings.some((f) => f.isTarget) ? 'fail' : findings.length > 0 ? 'warn' : 'pass';
    return { status, columns, findings };
  }

  private finishShift(reference: number): LeakageReport['distributionShift'] {
    const evaluation = this.evaluationIndex();
    if (evaluation < 0) return { status: 'skip', pairs: [], reason: 'only one split' };
    const pairs: ShiftPair[] = [];
    const others = this.splits.map((_, i) => i).filter((i) => i !== evaluation);
    // Train first, then the other held splits (validation), each against the evaluation split.
    others.sort((x, y) => (x === reference ? -1 : y === reference ? 1 : x - y));
    for (const a of others) {
      const drifts: (ColumnDrift & { isTarget: boolean; statistic: number; cramersV?: number })[] = [];
      const skipped: { column: string; reason: string }[] = [];
      for (const j of this.comparedColumns()) {
        const state = this.states[j] as ColumnState;
        const isTarget = j === this.targetIndex;
        // A class label is compared as categories even when written as numbers (0 / 1).
        const numeric = state.numeric && !(isTarget && !this.labelsOverflow);
        try {
          if (numeric && a === reference && state.trainGrid && state.evalGrid && state.deciles) {
            if (state.trainGrid.total === 0) {
              skipped.push({ column: state.name, reason: `no values in ${this.splits[a] ?? ''}` });
              continue;
            }
            const g = gridDrift(state.trainGrid, state.evalGrid, state.deciles, state.gridExact ?? false);
            drifts.push({
              name: state.name,
              isTarget,
              statistic: g.statistic,
              result: numericLike(g, state.trainGrid.total, state.evalGrid.total),
            });
          } else if (numeric && a !== reference) {
            const x = state.values[a]?.view().filter((v) => !Number.isNaN(v));
            const y = state.values[evaluation]?.view().filter((v) => !Number.isNaN(v));
            if (!x || !y || x.length === 0 || y.length === 0) {
              skipped.push({ column: state.name, reason: 'no values in one of the splits' });
              continue;
            }
            const result = numericDrift(x, y);
            drifts.push({ name: state.name, isTarget, statistic: result.ks.statistic, result });
          } else if (!numeric) {
            const ca = state.categories[a];
            const cb = state.categories[evaluation];
            if (!ca || !cb) {
              skipped.push({
                column: state.name,
                reason: `more than ${CATEGORY_CAP} distinct values: neither numeric nor categorical`,
              });
              continue;
            }
            const counts = (m: Map<string, number>): Map<string, number> =>
              new Map([...m].filter(([value]) => !isMissing(value.trim())));
            const fa = counts(ca);
            const fb = counts(cb);
            if (fa.size === 0 || fb.size === 0) {
              skipped.push({ column: state.name, reason: 'no values in one of the splits' });
              continue;
            }
            const result = categoricalDrift(fa, fb);
            drifts.push({
              name: state.name,
              isTarget,
              statistic: result.chiSquare.statistic,
              cramersV: result.cramersV,
              result,
            });
          } else {
            skipped.push({ column: state.name, reason: 'no values in the evaluation split' });
          }
        } catch (error) {
          skipped.push({ column: state.name, reason: error instanceof Error ? error.message : String(error) });
        }
      }
      const verdict = driftVerdict(drifts, {
        alpha: this.thresholds.alpha,
        psiModerate: this.thresholds.psiModerate,
        psiSignificant: this.thresholds.psiSignificant,
      });
      const columns: ColumnShift[] = verdict.columns.map((v, i) => {
        const d = drifts[i];
        return {
          column: v.name,
          isTarget: d?.isTarget ?? false,
          kind: v.kind,
          statistic: d?.statistic ?? Number.NaN,
          ...(d?.cramersV !== undefined ? { cramersV: d.cramersV } : {}),
          pValue: v.pValue,
          adjustedPValue: v.adjustedPValue,
          psi: v.psi,
          status: v.status,
          reason: v.reason,
        };
      });
      pairs.push({ a: this.splits[a] ?? '', b: this.splits[evaluation] ?? '', columns, skipped });
    }
    const all = pairs.flatMap((p) => p.columns);
    const status: CheckStatus =
      all.length === 0
        ? 'skip'
        : all.some((c) => c.status === 'drift')
          ? 'fail'
          : all.some((c) => c.status === 'moderate')
            ? 'warn'
            : 'pass';
    return { status, pairs };
  }

  private finishTargetLeakage(reference: number): LeakageReport['targetLeakage'] {
    const target = this.options.target;
    const skippedAll = (reason: string): LeakageReport['targetLeakage'] => ({
      status: 'skip',
      ...(target !== undefined ? { target } : {}),
      leaks: [],
      scores: [],
      skipped: [],
      reason,
    });
    if (target === undefined) return skippedAll('no target');
    if (this.targetIndex < 0) return skippedAll(`target ${target} is not in the split files`);
    if (this.labelsOverflow)
      return skippedAll(`${target} has more than ${MAX_LABELS} distinct values: a regression target, not a label`);
    const evaluation = this.evaluationIndex();
    if (evaluation < 0 || reference < 0) return skippedAll('needs train and a test (or validation) split');
    const evalLabels = this.rowLabels[evaluation]?.view();
    if (!evalLabels) return skippedAll('no labels in the evaluation split');
    const labelCount = this.labelNames.length;
    // The train label counts give the fallback prediction for values train never had.
    const targetTrain = (this.states[this.targetIndex] as ColumnState).categories[reference];
    const trainTotals = new Array<number>(labelCount).fill(0);
    for (const [value, n] of targetTrain ?? []) {
      const id = this.labels.get(value.trim());
      if (id !== undefined) trainTotals[id] = (trainTotals[id] ?? 0) + n;
    }
    const fallback = argmax(trainTotals);
    const evalTotals = new Array<number>(labelCount).fill(0);
    for (const l of evalLabels) if (l !== NO_LABEL) evalTotals[l] = (evalTotals[l] ?? 0) + 1;
    const scores: FeatureScore[] = [];
    const skipped: { column: string; reason: string }[] = [];
    for (const j of this.featureIndexes) {
      const state = this.states[j] as ColumnState;
      // Correct predictions per true label on the evaluation split.
      const correct = new Array<number>(labelCount).fill(0);
      let grouping: FeatureScore['grouping'];
      if (state.numeric && state.binEdges && state.trainBinLabels) {
        grouping = 'bins';
        const edges = state.binEdges;
        const predictions = Array.from({ length: edges.length + 1 }, (_, bin) => {
          const counts = Array.from(
            state.trainBinLabels?.subarray(bin * MAX_LABELS, bin * MAX_LABELS + labelCount) ?? [],
          );
          return counts.some((c) => c > 0) ? argmax(counts) : fallback;
        });
        const values = state.values[evaluation]?.view();
        if (!values) continue;
        for (let r = 0; r < values.length; r++) {
          const label = evalLabels[r] as number;
          const x = values[r] as number;
          if (label === NO_LABEL || Number.isNaN(x)) continue;
          if (predictions[binIndex(edges, x)] === label) correct[label] = (correct[label] ?? 0) + 1;
        }
      } else if (!state.numeric && state.valueLabels[reference] && state.valueLabels[evaluation]) {
        grouping = 'values';
        const train = state.valueLabels[reference];
        for (const [value, counts] of state.valueLabels[evaluation]) {
          const trainCounts = train.get(value);
          const predicted = trainCounts ? argmax(trainCounts) : fallback;
          const hit = counts[predicted] ?? 0;
          correct[predicted] = (correct[predicted] ?? 0) + hit;
        }
      } else {
        skipped.push({
          column: state.name,
          reason: state.numeric ? 'no values in the evaluation split' : `more than ${CATEGORY_CAP} distinct values`,
        });
        continue;
      }
      let sum = 0;
      let present = 0;
      evalTotals.forEach((n, l) => {
        if (n === 0) return;
        present++;
        sum += (correct[l] ?? 0) / n;
      });
      if (present < 2) continue;
      scores.push({ column: state.name, balancedAccuracy: sum / present, grouping });
    }
    scores.sort((x, y) => y.balancedAccuracy - x.balancedAccuracy);
    const leaks = scores.filter((s) => s.balancedAccuracy >= this.thresholds.targetScore);
    return {
      status: scores.length === 0 ? 'skip' : leaks.length > 0 ? 'fail' : 'pass',
      target,
      evaluatedOn: this.splits[evaluation] ?? '',
      leaks,
      scores,
      skipped,
      ...(scores.length === 0 ? { reason: 'no feature could be scored (the evaluation split needs two labels)' } : {}),
    };
  }
}

function binIndex(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function argmax(counts: readonly (number | undefined)[]): number {
  let best = 0;
  let bestCount = -1;
  counts.forEach((c, i) => {
    if ((c ?? 0) > bestCount) {
      bestCount = c ?? 0;
      best = i;
    }
  });
  return best;
}

function isDistinctGrid(sorted: Float64Array, grid: Float64Array): boolean {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  return distinct === grid.length;
}

/** A grid KS result shaped as {@link numericDrift}'s, for the verdict (which reads kind, pValue, psi). */
function numericLike(
  g: { statistic: number; pValue: number; psi: number },
  referenceSize: number,
  currentSize: number,
): ColumnDrift['result'] {
  return {
    kind: 'numeric',
    referenceSize,
    currentSize,
    ks: { statistic: g.statistic, pValue: g.pValue, method: 'asymp' },
    pValue: g.pValue,
    psi: g.psi,
    jensenShannon: Number.NaN,
    bins: { edges: [], referenceCounts: [], currentCounts: [], psiContributions: [] },
  };
}
