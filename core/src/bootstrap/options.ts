/** Options and result shared by every bootstrap entry point. */
import {
  bcaInterval,
  checkConfidence,
  percentileInterval,
  replicateStandardError,
  type BootstrapInterval,
  type IntervalMethod,
  type JackknifeValues,
} from './interval';

/** What a bootstrap run can be asked for; every field has a default ({@link BOOTSTRAP_DEFAULTS}). */
export interface BootstrapOptions {
  /** Number of bootstrap replicates B, an integer ≥ 1. */
  resamples?: number;
  /** Two-sided confidence level, strictly between 0 and 1. */
  confidence?: number;
  /**
   * Seed of `createRng` (core/src/random/rng.ts): the same seed, data and options give the same
   * result, bit for bit. An integer; as in `createRng`, only its low 32 bits matter.
   */
  seed?: number;
  /** Interval method; BCa falls back to percentile where it is undefined, and says why. */
  method?: IntervalMethod;
  /** Also return the replicates (for histograms, or to build other intervals from them). */
  keepReplicates?: boolean;
}

/** The defaults: SciPy's method (BCa) and confidence level, B = 2,000 (the CLI's `--bootstrap`). */
export const BOOTSTRAP_DEFAULTS = {
  resamples: 2000,
  confidence: 0.95,
  seed: 0,
  method: 'bca',
  keepReplicates: false,
} as const satisfies Required<BootstrapOptions>;

/**
 * How the replicates were drawn:
 * - `multinomial`: counts of a table (confusion matrix) redrawn as one multinomial draw per
 *   replicate — the same distribution as resampling the n rows with replacement;
 * - `exact`: rows resampled with replacement, n out of n (classic bootstrap);
 * - `poisson`: each row weighted by an independent Poisson(1) count (the resample size is random).
 */
export type BootstrapScheme = 'multinomial' | 'exact' | 'poisson';

/** A bootstrap estimate: the statistic on the data, its interval, and how both were obtained. */
export interface BootstrapResult extends BootstrapInterval {
  /** The statistic on the full data. */
  observed: number;
  /** Standard deviation of the replicates (n − 1 denominator), NaN with fewer than 2. */
  standardError: number;
  resamples: number;
  confidence: number;
  seed: number;
  /** The method asked for; `method` is the one used. */
  requestedMethod: IntervalMethod;
  scheme: BootstrapScheme;
  /** The B replicates, in draw order, when `keepReplicates` was set. */
  replicates?: Float64Array;
}

/** Options with defaults filled in and checked. */
export type ResolvedBootstrapOptions = Required<BootstrapOptions>;

/** Fills in defaults and throws a RangeError naming the first invalid option. */
export function resolveBootstrapOptions(options: BootstrapOptions = {}): ResolvedBootstrapOptions {
  const resolved = { ...BOOTSTRAP_DEFAULTS, ...definedOnly(options) };
  if (!(Number.isSafeInteger(resolved.resamples) && resolved.resamples >= 1)) {
    throw new RangeError(`bootstrap: resamples must be a positive integer, got ${resolved.resamples}`);
  }
  checkConfidence(resolved.confidence);
  if (!Number.isSafeInteger(resolved.seed))
    throw new RangeError(`bootstrap: seed must be an integer, got ${resolved.seed}`);
  // Options can come from JSON or a command line, past the type checker.
  const method: string = resolved.method;
  if (method !== 'percentile' && method !== 'bca') {
    throw new RangeError(`bootstrap: method must be 'percentile' or 'bca', got ${method}`);
  }
  return resolved;
}

function definedOnly(options: BootstrapOptions): BootstrapOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Builds the result from the replicates. `jackknife` is called only for BCa (it may cost O(n)
 * evaluations of the statistic).
 */
export function bootstrapResult(
  replicates: Float64Array,
  observed: number,
  jackknife: () => JackknifeValues,
  options: ResolvedBootstrapOptions,
  scheme: BootstrapScheme,
): BootstrapResult {
  const interval =
    options.method === 'bca'
      ? bcaInterval(replicates, observed, jackknife(), options.confidence)
      : percentileInterval(replicates, options.confidence);
  const result: BootstrapResult = {
    observed,
    ...interval,
    standardError: replicateStandardError(replicates),
    resamples: options.resamples,
    confidence: options.confidence,
    seed: options.seed,
    requestedMethod: options.method,
    scheme,
  };
  if (options.keepReplicates) result.replicates = replicates;
  return result;
}
