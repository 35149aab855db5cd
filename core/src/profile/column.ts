import { isMissing } from '../csv/missing';
import { KIND_BOOL, KIND_DATE, KIND_FLOAT, KIND_INT, scanCell, scanned } from '../csv/scanCell';
import type { Rng } from '../random/rng';
import { FrequentItems } from './frequentItems';
import { hashHigh, hashString, keyNumber, mixKey, numberKey } from './hash';
import { binEdges, binOf } from './histogram';
import { HyperLogLog } from './hyperLogLog';
import { KeyCounter } from './keyCounter';
import { QUANTILE_LEVELS, sortedQuantile, weightedQuantile } from './quantiles';
import { Reservoir } from './reservoir';
import { selectKth } from './select';

/** Distinct values counted exactly per column; past this, counts come from sketches. */
export const DISTINCT_EXACT_LIMIT = 32_768;
/** Values the frequent-value summary holds once a column passes {@link DISTINCT_EXACT_LIMIT}. */
export const FREQUENT_CAPACITY = 1024;
/** Size of the seeded random sample quantiles come from once they cannot be exact. */
export const QUANTILE_SAMPLE = 65_536;
/** How many of the most frequent values a profile lists. */
export const TOP_VALUES = 10;
/** Past the exact bound, a column counts as all-distinct when its estimate is this close. */
const ALL_DISTINCT_TOLERANCE = 0.03;

// Keys of values that are not numbers or texts: NaN bit patterns, which no parsed number has.
const MISSING_LOW = 0x4d495353;
const MISSING_HIGH = 0x7ff8dead | 0;
const TRUE_LOW = 1;
const FALSE_LOW = 0;
const BOOL_HIGH = 0x7ff8b001 | 0;

/** A value of a column as a profile reports it. */
export type CellValue = string | number | boolean;

/** A value with its number of occurrences. */
export interface ValueCount {
  value: CellValue;
  count: number;
}

/**
 * Keeps a cell's text independent of the chunk it was cut from: V8 represents a substring of 13
 * characters or more as a view into its parent, and one kept view would keep a whole chunk of
 * the file alive. Concatenating and slicing copies the characters into a string of their own.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Cell counts by kind, and the statistics of one column, fed a cell at a time. */
export class ColumnAccumulator {
  missing = 0;
  ints = 0;
  floats = 0;
  bools = 0;
  dates = 0;
  strings = 0;
  /** Integers too long for a double, counted by their text. */
  private wideInts = 0;
  // Welford's running mean and variance over numeric cells.
  private n = 0;
  private mean = 0;
  private m2 = 0;
  min = Infinity;
  max = -Infinity;
  private minInstant = Infinity;
  private maxInstant = -Infinity;
  private minDate = '';
  private maxDate = '';
  /** Exact counts per value while the column has at most {@link DISTINCT_EXACT_LIMIT} values. */
  private table: KeyCounter | undefined = new KeyCounter(DISTINCT_EXACT_LIMIT * 2);
  private hll: HyperLogLog | undefined;
  private frequent: FrequentItems | undefined;
  private reservoir: Reservoir | undefined;
  /** Key of the value of the last cell added (its contribution to the row's hash). */
  keyLow = 0;
  keyHigh = 0;

  constructor(
    readonly name: string,
    private readonly rng: Rng,
  ) {}

  add(cell: string | undefined): void {
    if (cell === undefined || cell.length === 0) {
      this.addMissing();
      return;
    }
    let low: number;
    let high: number;
    let text = false;
    const kind = scanCell(cell);
    switch (kind) {
      case KIND_INT:
      case KIND_FLOAT: {
        const x = scanned.value;
        if (scanned.wide) {
          if (this.wideInts++ === 0 && this.table && !this.reservoir) this.startSample(this.table);
          low = hashString(cell);
          high = hashHigh;
          text = true;
        } else {
          low = numberKey(x);
          high = hashHigh;
        }
        if (kind === KIND_INT) this.ints++;
        else this.floats++;
        this.addNumber(x);
        break;
      }
      case KIND_BOOL:
        this.bools++;
        low = scanned.value === 1 ? TRUE_LOW : FALSE_LOW;
        high = BOOL_HIGH;
        break;
      case KIND_DATE: {
        this.dates++;
        const instant = scanned.instant;
        if (instant < this.minInstant) {
          this.minInstant = instant;
          this.minDate = detach(cell);
        }
        if (instant > this.maxInstant) {
          this.maxInstant = instant;
          this.maxDate = detach(cell);
        }
        low = hashString(cell);
        high = hashHigh;
        text = true;
        break;
      }
      default:
        if (isMissing(cell)) {
          this.addMissing();
          return;
        }
        this.strings++;
        low = hashString(cell);
        high = hashHigh;
        text = true;
    }
    this.keyLow = low;
    this.keyHigh = high;
    this.count(low, high, text ? cell : undefined);
  }

  private addMissing(): void {
    this.missing++;
    this.keyLow = MISSING_LOW;
    this.keyHigh = MISSING_HIGH;
  }

  private addNumber(x: number): void {
    this.n++;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    // While the value counts are exact, they give exact quantiles and no sample is needed.
    this.reservoir?.add(x);
  }

  /**
   * Starts the sample of numeric values, seeded with those counted so far: when the exact counts
   * are about to go, or cannot serve (an integer too long for a double is counted by its text).
   */
  private startSample(table: KeyCounter): void {
    const reservoir = new Reservoir(QUANTILE_SAMPLE, this.rng);
    table.forEach((low, high, count, text) => {
      if (text === undefined && high !== BOOL_HIGH && high !== MISSING_HIGH)
        reservoir.addRepeated(keyNumber(low, high), count);
    });
    this.reservoir = reservoir;
  }

  private count(low: number, high: number, text: string | undefined): void {
    const table = this.table;
    if (table) {
      const slot = table.add(low, high);
      if (slot < 0) {
        if (text !== undefined) table.setText(-1 - slot, detach(text));
        if (table.size > DISTINCT_EXACT_LIMIT) this.startSketches(table);
      }
      return;
    }
    // Text hashes are well mixed already; a number's bits are not.
    if (text === undefined) (this.hll as HyperLogLog).add(mixKey(low, high), hashHigh);
    else (this.hll as HyperLogLog).add(low, high);
    (this.frequent as FrequentItems).add(low, high, text);
  }

  /** Hands the exact counts over to a distinct-count sketch and a frequent-value summary. */
  private startSketches(table: KeyCounter): void {
    if (!this.reservoir && this.n > 0) this.startSample(table);
    const hll = new HyperLogLog();
    // The FREQUENT_CAPACITY most frequent values go to the summary (ties in table order). Found
    // by selecting the count thresholds from one typed array rather than sorting an object per
    // value: this runs while the column's tables are largest, and garbage made here would be
    // promoted and outlive the tables (see the profile's memory notes in readCsv.ts).
    const counts = new Float64Array(table.size);
    let n = 0;
    table.forEach((low, high, count, text) => {
      if (text === undefined) hll.add(mixKey(low, high), hashHigh);
      else hll.add(low, high);
      counts[n++] = count;
    });
    const frequent = new FrequentItems(FREQUENT_CAPACITY, detach);
    if (n <= FREQUENT_CAPACITY) {
      table.forEach((low, high, count, text) => {
        frequent.insert(low, high, count, text);
      });
    } else {
      // Ascending order: the capacity-th largest count is the threshold, the next one the error.
      const threshold = selectKth(counts, n, n - FREQUENT_CAPACITY);
      const firstLeftOut = selectKth(counts, n - FREQUENT_CAPACITY, n - FREQUENT_CAPACITY - 1);
      let above = 0;
      for (let i = n - FREQUENT_CAPACITY; i < n; i++) if ((counts[i] as number) > threshold) above++;
      let tiesLeft = FREQUENT_CAPACITY - above;
      table.forEach((low, high, count, text) => {
        if (count > threshold || (count === threshold && tiesLeft-- > 0)) frequent.insert(low, high, count, text);
      });
      // A value left out may have occurred as often as the most frequent one left out.
      frequent.addError(firstLeftOut);
    }
    this.hll = hll;
    this.frequent = frequent;
    this.table = undefined;
  }

  /** Non-missing cells. */
  get present(): number {
    return this.ints + this.floats + this.bools + this.dates + this.strings;
  }

  /** Distinct non-missing values, and whether that is an estimate. */
  distinct(): { distinct: number; estimated: boolean } {
    if (this.table) return { distinct: this.table.size, estimated: false };
    return { distinct: Math.min((this.hll as HyperLogLog).estimate(), this.present), estimated: true };
  }

  /** Whether every non-missing value is different (within the estimate's error past the exact bound). */
  allDistinct(): boolean {
    const { distinct, estimated } = this.distinct();
    const present = this.present;
    return estimated ? distinct >= present * (1 - ALL_DISTINCT_TOLERANCE) : distinct === present;
  }

  /**
   * Every value with its count, most frequent first (ties by value), exact when `estimated` is
   * false; past the exact bound, the values the frequent-value summary holds, with lower bounds.
   */
  valueCounts(): { values: ValueCount[]; estimated: boolean } {
    const values: ValueCount[] = [];
    const visit = (low: number, high: number, count: number, text: string | undefined): void => {
      values.push({ value: text ?? keyValue(low, high), count });
    };
    if (this.table) this.table.forEach(visit);
    else (this.frequent as FrequentItems).forEach(visit);
    values.sort(byCountThenValue);
    return { values, estimated: !this.table };
  }

  /** Welford's statistics over the numeric cells. */
  moments(): { n: number; mean: number; std: number | undefined } {
    // As pandas: the sample deviation of a single value is undefined.
    return { n: this.n, mean: this.mean, std: this.n > 1 ? Math.sqrt(this.m2 / (this.n - 1)) : undefined };
  }

  /** The earliest and latest date-time, as written in the file. */
  dateRange(): { minDate: string; maxDate: string } | undefined {
    return this.dates > 0 ? { minDate: this.minDate, maxDate: this.maxDate } : undefined;
  }

  /**
   * Quantiles and histogram of the numeric cells: exact from the value counts while the column
   * has at most {@link DISTINCT_EXACT_LIMIT} values, or from the sample while it holds every
   * value; otherwise from the {@link QUANTILE_SAMPLE}-value seeded sample.
   */
  distribution(
    integers: boolean,
  ): { quantiles: number[]; edges: number[]; counts: number[]; estimated: boolean } | undefined {
    if (this.n === 0) return undefined;
    let values: Float64Array;
    let weights: Float64Array | undefined;
    let estimated = false;
    if (this.table && this.wideInts === 0) {
      const pairs: [number, number][] = [];
      this.table.forEach((low, high, count) => pairs.push([keyNumber(low, high), count]));
      pairs.sort((a, b) => a[0] - b[0]);
      values = Float64Array.from(pairs, (p) => p[0]);
      weights = Float64Array.from(pairs, (p) => p[1]);
    } else {
      const reservoir = this.reservoir as Reservoir;
      values = reservoir.sorted();
      estimated = reservoir.seen > reservoir.capacity;
    }
    const quantiles = QUANTILE_LEVELS.map((q) =>
      weights ? weightedQuantile(values, weights, this.n, q) : sortedQuantile(values, q),
    );
    // Infinities have no place on a finite axis: the bins span the finite values.
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of values) {
      if (Number.isFinite(x)) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    if (Number.isFinite(this.min)) lo = Math.min(lo, this.min);
    if (Number.isFinite(this.max)) hi = Math.max(hi, this.max);
    if (lo > hi) return { quantiles, edges: [], counts: [], estimated };
    const edges = binEdges(lo, hi, integers);
    const bins = new Float64Array(edges.length - 1);
    for (let i = 0; i < values.length; i++) {
      const x = values[i] as number;
      if (Number.isFinite(x)) {
        const bin = binOf(edges, x);
        bins[bin] = (bins[bin] as number) + (weights ? (weights[i] as number) : 1);
      }
    }
    return {
      quantiles,
      edges,
      counts: estimated ? scaleCounts(bins, this.finiteCount(values)) : Array.from(bins),
      estimated,
    };
  }

  /** Finite numeric cells in the column, estimated from the sample when it is one. */
  private finiteCount(sample: Float64Array): number {
    let finite = 0;
    for (const x of sample) if (Number.isFinite(x)) finite++;
    return Math.round((finite / sample.length) * this.n);
  }
}

/** What a key stands for when it carries no text: a number or a boolean. */
function keyValue(low: number, high: number): CellValue {
  if (high === BOOL_HIGH && (low === TRUE_LOW || low === FALSE_LOW)) return low === TRUE_LOW;
  return keyNumber(low, high);
}

function byCountThenValue(a: ValueCount, b: ValueCount): number {
  if (a.count !== b.count) return b.count - a.count;
  const x = a.value;
  const y = b.value;
  if (typeof x === typeof y) return x < y ? -1 : x > y ? 1 : 0;
  // Numbers before booleans before texts.
  const rank = (v: CellValue): number => (typeof v === 'number' ? 0 : typeof v === 'boolean' ? 1 : 2);
  return rank(x) - rank(y);
}

/** Scales sample bin counts to `total`, rounding so that they still add up (largest remainder). */
function scaleCounts(bins: Float64Array, total: number): number[] {
  let sampled = 0;
  for (const c of bins) sampled += c;
  if (sampled === 0) return Array.from(bins);
  const exact = Array.from(bins, (c) => (c / sampled) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}
