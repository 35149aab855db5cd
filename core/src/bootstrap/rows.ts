/**
 * Bootstrap of statistics of rows that are not functions of a confusion matrix (regression
 * errors, scores), without holding n × B resampled indices.
 *
 * Two ways in:
 *
 * 1. {@link RowBootstrap} — streaming, for statistics computed from weighted sums (every
 *    mean-type metric: MAE, MSE, RMSE, R², log loss, …; see {@link WeightedSumStatistic}). Rows are
 *    fed once, in any chunking; each replicate keeps only its k running sums and its total weight,
 *    so memory is O(B · k) (plus 8·k bytes per row for BCa's jackknife). A replicate is a vector of
 *    per-row weights (how many times each row is in the resample), drawn on the fly from the
 *    replicate's own seeded stream:
 *    - `exact` (needs the row count n up front): the weights are Multinomial(n; 1/n, …, 1/n) —
 *      exactly the classic bootstrap, n rows drawn with replacement;
 *    - `poisson` (n unknown, e.g. a stream): each weight an independent Poisson(1) (Hanley and
 *      MacGibbon 2006; Chamandy et al. 2012). Each replicate's size Σw is then random (mean n,
 *      standard deviation √n) rather than n; for the smooth statistics this suits, the intervals
 *      agree with the classic bootstrap to O(1/√n), but for small n (say under 100) prefer `exact`:
 *      a replicate can even be empty (probability e⁻ⁿ), which makes mean-type statistics NaN.
 *    Both are drawn a block of 256 rows at a time, exactly: the block's total weight (a binomial
 *    draw of the replicate's draws left for `exact`, a Poisson(256) for `poisson`), then that many
 *    uniform picks among the block's rows. Time is O(n · B) — about one 32-bit draw per row and
 *    replicate, ~4 ns here (n = 10⁶, B = 2,000: ~9 s on one core).
 *    Because each replicate has its own stream (seeded from the seed and the replicate's index),
 *    a replicate does not depend on B, nor on how the caller chunks the rows.
 *
 *    {@link MultiRowBootstrap} does the same for several statistics of the same rows at once (one
 *    set of draws for all), and can add the median of a per-row key when rows arrive sorted by it:
 *    each replicate's median is found in the one block where its draws pass the middle rank, so it
 *    too needs no per-row memory (this is how every regression metric, the median absolute error
 *    included, is bootstrapped from the same resamples).
 *
 * 2. {@link bootstrapRows} — classic resampling of an in-memory array for any statistic of rows
 *    (medians, AUC, …): B times, n indices drawn with replacement, statistic evaluated on the
 *    resample. O(n · B) time, O(n) memory; BCa's jackknife costs n evaluations on n − 1 rows
 *    (O(n²)), so it is meant for small n.
 */
import { createRng, type Rng } from '../random/rng';
import { bootstrapResult, resolveBootstrapOptions, type BootstrapOptions, type BootstrapResult } from './options';
import { poissonSampler, sampleBinomial, samplePoissonOne } from './sampling';
import { runSteps, type Steps } from './steps';

/**
 * A statistic computed from k weighted sums over rows — how a metric plugs into
 * {@link RowBootstrap}. For each row the engine asks once for its k terms t(row); a replicate with
 * row weights w (resample counts) then has sums S_j = Σ w·t_j(row) and total weight W = Σ w (the
 * resample's size), and its value is `value(S, W)`. On the data itself every weight is 1, so
 * `value` must give the ordinary metric then. For example MAE: k = 1, t = |y − ŷ|, value = S₀ / W.
 */
export interface WeightedSumStatistic<Row> {
  /** Number of sums k (≥ 1). */
  readonly sums: number;
  /** Writes the row's k terms into `terms` (a reused buffer of length k). */
  terms(row: Row, terms: Float64Array): void;
  /** The statistic from the k weighted sums and the total weight (NaN where undefined, e.g. W = 0). */
  value(sums: Float64Array, weight: number): number;
}

/** Which row-resampling scheme {@link RowBootstrap} uses; see the module comment. */
export type RowScheme = 'exact' | 'poisson';

/** Options of {@link RowBootstrap}: the common ones plus the row count and the scheme. */
export interface RowBootstrapOptions extends BootstrapOptions {
  /** The number of rows that will be fed; required by `exact`, checked at `finish()`. */
  rows?: number;
  /** Default: `exact` when `rows` is given, else `poisson`. */
  scheme?: RowScheme;
}

/** A bijective 32-bit mixer (MurmurHash3's finaliser): distinct inputs, distinct seeds. */
function fmix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The generator of replicate `index` under `seed`: a distinct, well-spread seed per replicate
 * (fmix32 is a bijection, so replicates of one run never share a seed).
 */
export function replicateRng(seed: number, index: number): Rng {
  return createRng(fmix32((fmix32(seed) + index) | 0));
}

/**
 * Rows are buffered in blocks of this many and each replicate's weights drawn a block at a time:
 * the block's total weight first (one Binomial or Poisson(block) draw), then that many rows of
 * the block picked uniformly (given the total, the weights of the block's rows are
 * Multinomial(total; uniform) under both schemes, so this is exact). About one uniform per row
 * and replicate, and each replicate's generator stays hot for a whole block.
 */
const BLOCK_ROWS = 256; // 2^8, see `pick` in `flush`
const drawBlockPoisson = poissonSampler(BLOCK_ROWS);

/** Replicates drawn between two pauses of {@link MultiRowBootstrap.addSteps}: about a millisecond. */
const REPLICATES_PER_SLICE = 512;

/**
 * Several statistics of the same rows, bootstrapped together by {@link MultiRowBootstrap}: k
 * weighted sums shared by all of them (as {@link WeightedSumStatistic}), and optionally the
 * weighted median of a per-row key. Every statistic is then computed from the same resamples, at
 * the cost of one.
 */
export interface WeightedSumStatistics<Row> {
  /** Number of sums k (≥ 1). */
  readonly sums: number;
  /** Number of statistics m (≥ 1). */
  readonly size: number;
  /** Writes the row's k terms into `terms` (a reused buffer of length k). */
  terms(row: Row, terms: Float64Array): void;
  /**
   * Writes the m statistics into `out` from the k weighted sums, the total weight and — when
   * {@link WeightedSumStatistics.medianKey} is given — the median of the keys in the resample
   * (NaN otherwise).
   */
  values(sums: Float64Array, weight: number, median: number, out: Float64Array): void;
  /**
   * A per-row number whose median in each resample {@link values} gets (e.g. the absolute error,
   * for the median absolute error). Rows must then be fed in ascending order of this key, and the
   * scheme must be `exact`: each replicate's median is found as its draws pass the middle rank,
   * with no per-row memory.
   */
  medianKey?(row: Row): number;
}

/**
 * Streaming bootstrap of several statistics of the same rows ({@link WeightedSumStatistics}):
 * `add` rows (one pass, any chunking), then `finish()`, one result per statistic. Each replicate
 * is drawn once for all of them, so m statistics cost about what one does, and statistic j's
 * result is identical to a {@link RowBootstrap} of it alone with the same options and rows. Memory
 * O(B · (k + m) + 256 · k); with `method: 'bca'` it also keeps each row's k terms (and key) for
 * the jackknife, whose leave-one-out values are computed from S − t(row), n − 1 and the median of
 * the other keys. The result depends only on the seed, the options and the sequence of rows — not
 * on how the rows were chunked — and replicate b is the same whatever B.
 *
 * {@link MultiRowBootstrap.addSteps} and {@link MultiRowBootstrap.finishSteps} are the same work
 * cut into slices of about a millisecond (see ./steps.ts), for callers that must stay responsive.
 */
export class MultiRowBootstrap<Row> {
  /** The scheme in use. */
  readonly scheme: RowScheme;
  private readonly settings: ReturnType<typeof resolveBootstrapOptions>;
  private readonly expectedRows: number | undefined;
  private readonly k: number;
  private readonly m: number;
  private readonly rngs: Rng[];
  private readonly sums: Float64Array;
  private readonly weights: Float64Array;
  private readonly drawsLeft: Float64Array | undefined;
  private readonly full: Float64Array;
  private readonly block: Float64Array;
  private blockRows = 0;
  private stored: Float64Array | undefined;
  private count = 0;
  // The median of a key: each block's keys, the ranks sought, and each replicate's values there.
  private readonly tracksMedian: boolean;
  private readonly blockKeys: Float64Array;
  private readonly picks: Uint32Array;
  private readonly lowRank: number;
  private readonly highRank: number;
  private readonly lowAt: Float64Array;
  private readonly highAt: Float64Array;
  private lastKey = -Infinity;
  private observedLow = NaN;
  private observedHigh = NaN;
  private keys: Float64Array | undefined;

  /** Throws a RangeError on invalid options (`exact` without `rows`, a statistic with no sums). */
  constructor(
    private readonly statistics: WeightedSumStatistics<Row>,
    options: RowBootstrapOptions = {},
  ) {
    const { rows, scheme, ...common } = options;
    this.settings = resolveBootstrapOptions(common);
    if (rows !== undefined && !(Number.isSafeInteger(rows) && rows >= 1)) {
      throw new RangeError(`bootstrap: rows must be a positive integer, got ${rows}`);
    }
    this.scheme = scheme ?? (rows === undefined ? 'poisson' : 'exact');
    if (this.scheme === 'exact' && rows === undefined) {
      throw new RangeError("bootstrap: the 'exact' row scheme needs the number of rows up front");
    }
    if (!(Number.isSafeInteger(statistics.sums) && statistics.sums >= 1)) {
      throw new RangeError(`bootstrap: a statistic needs at least one sum, got ${statistics.sums}`);
    }
    if (!(Number.isSafeInteger(statistics.size) && statistics.size >= 1)) {
      throw new RangeError(`bootstrap: at least one statistic is needed, got ${statistics.size}`);
    }
    this.tracksMedian = statistics.medianKey !== undefined;
    if (this.tracksMedian && this.scheme !== 'exact') {
      throw new RangeError("bootstrap: a median needs the 'exact' row scheme (a fixed resample size)");
    }
    this.expectedRows = rows;
    this.k = statistics.sums;
    this.m = statistics.size;
    const resamples = this.settings.resamples;
    this.rngs = Array.from({ length: resamples }, (_, b) => replicateRng(this.settings.seed, b));
    this.sums = new Float64Array(resamples * this.k);
    this.weights = new Float64Array(resamples);
    this.drawsLeft = this.scheme === 'exact' ? new Float64Array(resamples).fill(rows ?? 0) : undefined;
    this.full = new Float64Array(this.k);
    this.block = new Float64Array(BLOCK_ROWS * this.k);
    const bca = this.settings.method === 'bca';
    const initial = Math.min(rows ?? 1024, 1 << 20);
    if (bca) this.stored = new Float64Array(this.k * initial);
    // The median of n values: the value of rank (n + 1) / 2, or the mean of ranks n / 2 and n / 2 + 1.
    const n = rows ?? 0;
    this.lowRank = this.tracksMedian ? Math.floor((n + 1) / 2) : 0;
    this.highRank = this.tracksMedian ? Math.floor(n / 2) + 1 : 0;
    this.blockKeys = new Float64Array(this.tracksMedian ? BLOCK_ROWS : 0);
    this.picks = new Uint32Array(this.tracksMedian ? BLOCK_ROWS : 0);
    this.lowAt = new Float64Array(this.tracksMedian ? resamples : 0).fill(NaN);
    this.highAt = new Float64Array(this.tracksMedian ? resamples : 0).fill(NaN);
    if (bca && this.tracksMedian) this.keys = new Float64Array(initial);
  }

  /** Rows fed so far. */
  get rows(): number {
    return this.count;
  }

  /** Feeds one row. Throws when more rows arrive than `rows` announced (`exact`), or a key out of order. */
  add(row: Row): void {
    if (this.push(row)) runSteps(this.flush());
  }

  /** {@link add}, pausing within the block's draws when it completes a block. */
  *addSteps(row: Row): Steps<void> {
    if (this.push(row)) yield* this.flush();
  }

  /** Buffers one row; true when its block is full. */
  private push(row: Row): boolean {
    if (this.expectedRows !== undefined && this.count >= this.expectedRows) {
      throw new RangeError(`bootstrap: more rows than the ${this.expectedRows} announced`);
    }
    const k = this.k;
    if (this.tracksMedian) {
      const key = (this.statistics.medianKey as (row: Row) => number)(row);
      if (!(key >= this.lastKey)) {
        throw new RangeError(
          `bootstrap: row ${this.count + 1}'s median key ${key} is below the previous row's ${this.lastKey}; feed rows by ascending key`,
        );
      }
      this.lastKey = key;
      this.blockKeys[this.blockRows] = key;
      if (this.count + 1 === this.lowRank) this.observedLow = key;
      if (this.count + 1 === this.highRank) this.observedHigh = key;
      if (this.keys) {
        this.keys = grown(this.keys, this.count + 1);
        this.keys[this.count] = key;
      }
    }
    const terms = this.block.subarray(this.blockRows * k, (this.blockRows + 1) * k);
    terms.fill(0);
    this.statistics.terms(row, terms);
    for (let j = 0; j < k; j++) this.full[j] = (this.full[j] as number) + (terms[j] as number);
    if (this.stored) this.stored = storeAt(this.stored, this.count * k, terms);
    this.count++;
    this.blockRows++;
    return this.blockRows === BLOCK_ROWS;
  }

  /** Feeds rows in order (equivalent to `add` on each). */
  addAll(rows: Iterable<Row>): void {
    for (const row of rows) this.add(row);
  }

  /**
   * Draws every replicate's weights for the buffered block and adds the weighted terms; pauses
   * every {@link REPLICATES_PER_SLICE} replicates.
   */
  private *flush(): Steps<void> {
    const c = this.blockRows;
    if (c === 0) return;
    const k = this.k;
    const block = this.block;
    const sums = this.sums;
    const weights = this.weights;
    const drawsLeft = this.drawsLeft;
    // Rows not yet drawn for, this block included (exact scheme).
    const rowsLeft = (this.expectedRows ?? 0) - (this.count - c);
    // A full block has 2^8 rows: the top 8 bits of a 32-bit draw pick one uniformly.
    const full = c === BLOCK_ROWS;
    for (let b = 0; b < this.rngs.length; b++) {
      // A pause at least once a block, whatever B: a pass over many rows with few replicates must pause too.
      if (b % REPLICATES_PER_SLICE === 0) yield;
      const rng = this.rngs[b] as Rng;
      let total: number;
      if (drawsLeft !== undefined) {
        const left = drawsLeft[b] as number;
        total = c === rowsLeft ? left : sampleBinomial(rng, left, c / rowsLeft);
        drawsLeft[b] = left - total;
      } else if (full) {
        total = drawBlockPoisson(rng);
      } else {
        // A final, partial block: the sum of c Poisson(1) weights is Poisson(c).
        total = 0;
        for (let i = 0; i < c; i++) total += samplePoissonOne(rng);
      }
      if (total === 0) continue;
      const before = weights[b] as number;
      weights[b] = before + total;
      const base = b * k;
      // Does this block hold the replicate's middle rank(s)? Then count its picks per row.
      const median = this.tracksMedian && before < this.highRank && before + total >= this.lowRank;
      if (median) {
        const picks = this.picks;
        picks.fill(0, 0, c);
        for (let draw = 0; draw < total; draw++) {
          const at = full ? rng.nextUint32() >>> 24 : rng.nextInt(c);
          picks[at] = (picks[at] as number) + 1;
          const row = at * k;
          for (let j = 0; j < k; j++) sums[base + j] = (sums[base + j] as number) + (block[row + j] as number);
        }
        this.locateMedian(b, before, c);
      } else if (k === 1) {
        let sum = 0;
        for (let draw = 0; draw < total; draw++)
          sum += block[full ? rng.nextUint32() >>> 24 : rng.nextInt(c)] as number;
        sums[base] = (sums[base] as number) + sum;
      } else {
        for (let draw = 0; draw < total; draw++) {
          const row = (full ? rng.nextUint32() >>> 24 : rng.nextInt(c)) * k;
          for (let j = 0; j < k; j++) sums[base + j] = (sums[base + j] as number) + (block[row + j] as number);
        }
      }
    }
    this.blockRows = 0;
  }

  /** Replicate b's keys at the middle ranks that fall in this block (its picks are counted). */
  private locateMedian(b: number, before: number, c: number): void {
    let rank = before;
    for (let i = 0; i < c; i++) {
      const picked = this.picks[i] as number;
      if (picked === 0) continue;
      const key = this.blockKeys[i] as number;
      if (rank < this.lowRank && rank + picked >= this.lowRank) this.lowAt[b] = key;
      if (rank < this.highRank && rank + picked >= this.highRank) this.highAt[b] = key;
      rank += picked;
    }
  }

  /** The median of the keys of all rows but row `i` (in ascending key order). */
  private leaveOneOutMedian(keys: Float64Array, n: number, i: number): number {
    const at = (rank: number): number => keys[rank < i ? rank : rank + 1] as number;
    const m = n - 1;
    return m % 2 === 1 ? at((m - 1) / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
  }

  /**
   * Each statistic on the rows fed, its interval and the options used. Throws a RangeError when
   * no row was fed, or when the `exact` scheme got fewer rows than announced. Call it once.
   */
  finish(): BootstrapResult[] {
    return runSteps(this.finishSteps());
  }

  /** {@link finish} in slices: the last block's draws, then one statistic's interval at a time. */
  *finishSteps(): Steps<BootstrapResult[]> {
    const n = this.count;
    if (n === 0) throw new RangeError('bootstrap: no rows to resample');
    if (this.expectedRows !== undefined && n !== this.expectedRows) {
      throw new RangeError(`bootstrap: ${this.expectedRows} rows announced, ${n} fed`);
    }
    yield* this.flush();
    const { k, m } = this;
    const resamples = this.settings.resamples;
    const replicates = Array.from({ length: m }, () => new Float64Array(resamples));
    const out = new Float64Array(m);
    for (let b = 0; b < resamples; b++) {
      const median = this.tracksMedian ? ((this.lowAt[b] as number) + (this.highAt[b] as number)) / 2 : NaN;
      this.statistics.values(this.sums.slice(b * k, (b + 1) * k), this.weights[b] as number, median, out);
      for (let j = 0; j < m; j++) (replicates[j] as Float64Array)[b] = out[j] as number;
    }
    const keys = this.keys;
    // Rows came in key order: the observed median is at the middle ranks of the fed keys.
    const observedMedian = this.tracksMedian ? (this.observedLow + this.observedHigh) / 2 : NaN;
    this.statistics.values(this.full.slice(), n, observedMedian, out);
    const observed = Array.from(out);
    let jackknife: Float64Array[] | undefined;
    const jackknifeOf = (j: number): Float64Array => {
      const stored = this.stored;
      if (stored === undefined || n < 2) return new Float64Array(0);
      if (!jackknife) {
        const columns = Array.from({ length: m }, () => new Float64Array(n));
        const leftOut = new Float64Array(k);
        const values = new Float64Array(m);
        for (let i = 0; i < n; i++) {
          for (let c = 0; c < k; c++) leftOut[c] = (this.full[c] as number) - (stored[i * k + c] as number);
          const median = keys ? this.leaveOneOutMedian(keys, n, i) : NaN;
          this.statistics.values(leftOut, n - 1, median, values);
          for (let c = 0; c < m; c++) (columns[c] as Float64Array)[i] = values[c] as number;
        }
        jackknife = columns;
      }
      return jackknife[j] as Float64Array;
    };
    const results: BootstrapResult[] = [];
    for (let j = 0; j < m; j++) {
      yield;
      results.push(
        bootstrapResult(
          replicates[j] as Float64Array,
          observed[j] as number,
          () => jackknifeOf(j),
          this.settings,
          this.scheme,
        ),
      );
    }
    return results;
  }
}

/**
 * Streaming bootstrap of a {@link WeightedSumStatistic}: `add` rows (one pass, any chunking), then
 * `finish()`. Memory O(B · k + 256 · k); with `method: 'bca'` it also keeps each row's k terms
 * (8·k bytes a row) for the jackknife, whose leave-one-out values are `value(S − t(row), n − 1)`.
 * The result depends only on the seed, the options and the sequence of rows — not on how the rows
 * were chunked — and replicate b is the same whatever B. (A {@link MultiRowBootstrap} of one
 * statistic.)
 */
export class RowBootstrap<Row> {
  /** The scheme in use. */
  readonly scheme: RowScheme;
  private readonly bootstrap: MultiRowBootstrap<Row>;

  /** Throws a RangeError on invalid options (`exact` without `rows`, a statistic with no sums). */
  constructor(statistic: WeightedSumStatistic<Row>, options: RowBootstrapOptions = {}) {
    this.bootstrap = new MultiRowBootstrap(
      {
        sums: statistic.sums,
        size: 1,
        terms: (row, terms) => {
          statistic.terms(row, terms);
        },
        values: (sums, weight, _median, out) => {
          out[0] = statistic.value(sums, weight);
        },
      },
      options,
    );
    this.scheme = this.bootstrap.scheme;
  }

  /** Rows fed so far. */
  get rows(): number {
    return this.bootstrap.rows;
  }

  /** Feeds one row. Throws when more rows arrive than `rows` announced (`exact`). */
  add(row: Row): void {
    this.bootstrap.add(row);
  }

  /** Feeds rows in order (equivalent to `add` on each). */
  addAll(rows: Iterable<Row>): void {
    this.bootstrap.addAll(rows);
  }

  /**
   * The statistic on the rows fed, its interval and the options used. Throws a RangeError when
   * no row was fed, or when the `exact` scheme got fewer rows than announced. Call it once.
   */
  finish(): BootstrapResult {
    const [result] = this.bootstrap.finish();
    if (result === undefined) throw new Error('bootstrap: no result for a one-value statistic');
    return result;
  }
}

/** The array, or a copy twice as long (at least `length`) when it is shorter than `length`. */
function grown(array: Float64Array, length: number): Float64Array {
  if (length <= array.length) return array;
  const copy = new Float64Array(Math.max(2 * array.length, length));
  copy.set(array);
  return copy;
}

/** Writes `values` at `offset`, growing the array first when it is too short; returns the array. */
function storeAt(array: Float64Array, offset: number, values: ArrayLike<number>): Float64Array {
  const target = grown(array, offset + values.length);
  target.set(values, offset);
  return target;
}

/**
 * {@link RowBootstrap} over an in-memory array with the `exact` scheme (classic resampling, in
 * O(B · k) memory). Throws a RangeError on no rows or invalid options.
 */
export function bootstrapRowSums<Row>(
  rows: readonly Row[],
  statistic: WeightedSumStatistic<Row>,
  options: BootstrapOptions = {},
): BootstrapResult {
  if (rows.length === 0) throw new RangeError('bootstrap: no rows to resample');
  const bootstrap = new RowBootstrap(statistic, { ...options, rows: rows.length, scheme: 'exact' });
  bootstrap.addAll(rows);
  return bootstrap.finish();
}

/**
 * Classic bootstrap of any statistic of rows: each replicate draws n rows with replacement
 * (`Rng.nextInt(n)` from one stream seeded by `seed`) and evaluates `statistic` on that fresh
 * array. BCa's jackknife evaluates it on the n leave-one-out arrays (O(n²) work — for small n).
 * Throws a RangeError on no rows or invalid options.
 */
export function bootstrapRows<Row>(
  rows: readonly Row[],
  statistic: (sample: Row[]) => number,
  options: BootstrapOptions = {},
): BootstrapResult {
  return runSteps(bootstrapRowsSteps(rows, statistic, options));
}

/** {@link bootstrapRows}, pausing after each replicate. */
export function* bootstrapRowsSteps<Row>(
  rows: readonly Row[],
  statistic: (sample: Row[]) => number,
  options: BootstrapOptions = {},
): Steps<BootstrapResult> {
  const settings = resolveBootstrapOptions(options);
  const n = rows.length;
  if (n === 0) throw new RangeError('bootstrap: no rows to resample');
  const rng = createRng(settings.seed);
  const replicates = new Float64Array(settings.resamples);
  for (let b = 0; b < replicates.length; b++) {
    const sample = new Array<Row>(n);
    for (let i = 0; i < n; i++) sample[i] = rows[rng.nextInt(n)] as Row;
    replicates[b] = statistic(sample);
    yield;
  }
  const observed = statistic(rows.slice());
  // BCa's jackknife: n evaluations on n − 1 rows, in slices like the replicates.
  const jackknife = new Float64Array(settings.method === 'bca' && n >= 2 ? n : 0);
  for (let i = 0; i < jackknife.length; i++) {
    jackknife[i] = statistic([...rows.slice(0, i), ...rows.slice(i + 1)]);
    yield;
  }
  return bootstrapResult(replicates, observed, () => jackknife, settings, 'exact');
}

/** A row of a regression: the true value and the prediction. */
export interface RegressionPair {
  actual: number;
  predicted: number;
}

/** The weighted mean of `term(row)`: Σ w·term / Σ w. */
export function weightedMeanStatistic<Row>(term: (row: Row) => number): WeightedSumStatistic<Row> {
  return {
    sums: 1,
    terms: (row, terms) => {
      terms[0] = term(row);
    },
    value: (sums, weight) => (sums[0] as number) / weight,
  };
}

/** Mean absolute error, Σ w·|y − ŷ| / Σ w (scikit-learn's `mean_absolute_error` at unit weights). */
export function meanAbsoluteErrorStatistic(): WeightedSumStatistic<RegressionPair> {
  return weightedMeanStatistic((row) => Math.abs(row.actual - row.predicted));
}

/** Mean squared error, Σ w·(y − ŷ)² / Σ w (scikit-learn's `mean_squared_error` at unit weights). */
export function meanSquaredErrorStatistic(): WeightedSumStatistic<RegressionPair> {
  return weightedMeanStatistic((row) => (row.actual - row.predicted) ** 2);
}

/** Root mean squared error, √(Σ w·(y − ŷ)² / Σ w) (scikit-learn's `root_mean_squared_error`). */
export function rootMeanSquaredErrorStatistic(): WeightedSumStatistic<RegressionPair> {
  const mse = meanSquaredErrorStatistic();
  return { ...mse, value: (sums, weight) => Math.sqrt(mse.value(sums, weight)) };
}

/**
 * R² = 1 − SS_res / SS_tot with weights (scikit-learn's `r2_score` at unit weights): three sums,
 * Σ w·(y − ŷ)², Σ w·(y − c) and Σ w·(y − c)², so SS_tot = Σ w·(y − c)² − (Σ w·(y − c))² / W. The
 * shift c is the first row's true value, which keeps that difference free of cancellation when
 * the values are large and close together. As scikit-learn (`force_finite`), a sample whose true
 * values are all equal (SS_tot ≤ 1e−12 of Σ w·(y − c)², i.e. zero up to rounding) scores 1 if the
 * predictions are perfect and 0 otherwise. Each call returns a fresh statistic (the shift is
 * per-statistic state).
 */
export function rSquaredStatistic(): WeightedSumStatistic<RegressionPair> {
  let shift: number | undefined;
  return {
    sums: 3,
    terms: (row, terms) => {
      shift ??= row.actual;
      const residual = row.actual - row.predicted;
      const centred = row.actual - shift;
      terms[0] = residual * residual;
      terms[1] = centred;
      terms[2] = centred * centred;
    },
    value: (sums, weight) => rSquaredFromSums(sums[0] as number, sums[1] as number, sums[2] as number, weight),
  };
}

/**
 * R² from the weighted sums of {@link rSquaredStatistic} — Σ w·(y − ŷ)², Σ w·(y − c), Σ w·(y − c)²
 * — and the total weight W; see there (NaN when W is 0).
 */
export function rSquaredFromSums(
  residualSquares: number,
  centredSum: number,
  centredSquares: number,
  weight: number,
): number {
  if (!(weight > 0)) return NaN;
  const totalSquares = centredSquares - (centredSum * centredSum) / weight;
  if (totalSquares <= 1e-12 * centredSquares) return residualSquares === 0 ? 1 : 0;
  return 1 - residualSquares / totalSquares;
}
