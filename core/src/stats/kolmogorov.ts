/**
 * The Kolmogorov–Smirnov distributions and the two-sample KS test, following SciPy 1.10 branch for
 * branch so that p-values agree with `scipy.stats.ks_2samp`:
 *
 * - {@link kolmogorovTails}: Kolmogorov's limiting distribution of √n·Dₙ (`scipy.special.kolmogorov`,
 *   `kstwobign`);
 * - {@link smirnovSf}: the exact one-sided statistic Dₙ⁺ (`scipy.special.smirnov`), by the
 *   Birnbaum–Tingey sum;
 * - {@link kolmogorovSmirnovTails}: the exact two-sided one-sample statistic Dₙ (`kstwo`), by
 *   Simard and L'Ecuyer's choice among Durbin's matrix method (Marsaglia–Tsang–Wang), Pomeranz's
 *   recursion, the Pelz–Good expansion and the Smirnov sum (J. Stat. Softw. 39(11), 2011);
 * - {@link ksTwoSample}: the two-sample test, exact by Hodges' lattice-path counts (with
 *   Viehmann's stable recursion) when both samples have at most 10,000 values, asymptotic above.
 */

import { logBinomialDensity, type TailPair } from './special';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_2PI = Math.log(2 * Math.PI);
const PI_SQUARED = Math.PI * Math.PI;
/** 2^128 and 2^−128, the rescaling steps that keep the matrix and recursion entries in range. */
const TWO_128 = 2 ** 128;
const TWO_MINUS_128 = 2 ** -128;
/** ln of the smallest normal double, below which exp underflows (cephes' MINLOG). */
const MIN_LOG = -708.3964185322641;

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

function tails(lower: number, upper: number): TailPair {
  return { lower: clip01(lower), upper: clip01(upper) };
}

/**
 * Kolmogorov's limiting distribution K(x) = P(√n·Dₙ ≤ x) as n → ∞ (`lower`), and 1 − K(x)
 * (`upper`, `scipy.special.kolmogorov`). The Jacobi-theta series in e^(−π²/8x²) up to x = 0.82, the
 * alternating series 2Σ(−1)^(k−1) e^(−2k²x²) above.
 */
export function kolmogorovTails(x: number): TailPair {
  if (Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  // Below π/√(8·746) the first term of the theta series underflows.
  if (x <= Math.PI / Math.sqrt(746 * 8)) return { lower: 0, upper: 1 };
  if (x <= 0.82) {
    const w = SQRT_2PI / x;
    const logu8 = -PI_SQUARED / (x * x);
    const u = Math.exp(logu8 / 8);
    let p: number;
    if (u === 0) p = Math.exp(logu8 / 8 + Math.log(w));
    else {
      const u8 = Math.exp(logu8);
      p = 1 + u8 ** 3;
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      p = w * u * p;
    }
    return tails(p, 1 - p);
  }
  const v = Math.exp(-2 * x * x);
  const v3 = v ** 3;
  let p = 1 - v3 * v3 * v;
  p = 1 - v3 * v * v * p;
  p = 1 - v3 * p;
  p = 2 * v * p;
  return tails(1 - p, p);
}

/**
 * P(Dₙ⁺ ≥ d) for the one-sided one-sample statistic with n observations (`scipy.special.smirnov`),
 * by the Birnbaum–Tingey sum d·Σ_v C(n,v)(d + v/n)^(v−1)(1 − d − v/n)^(n−v), every term a
 * saddle-point binomial density so nothing under- or overflows; all terms are positive, so the
 * upper tail keeps its relative accuracy. As SciPy, n above 10^6 uses e^(−(6nd+1)²/18n).
 */
export function smirnovSf(n: number, d: number): number {
  if (!(Number.isInteger(n) && n > 0) || !(d >= 0 && d <= 1)) return Number.NaN;
  if (n === 1) return 1 - d;
  if (d === 0) return 1;
  if (d === 1) return 0;
  const nx = n * d;
  const nxFloor = Math.floor(nx);
  const alpha = nx - nxFloor;
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) return 1 - d * (1 + d) ** (n - 1);
  if (-2 * n * d * d < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return (1 - d) ** n;
  if (n > 1_000_000) return Math.exp(-((6 * n * d + 1) ** 2) / 18 / n);
  let sum = 0;
  let previous = 0;
  const last = n - nxFloor - 1;
  for (let v = 0; v <= last; v++) {
    // p = d + v/n and q = 1 − d − v/n, with the integer parts kept exact.
    const p = (v + nxFloor + alpha) / n;
    const q = (n - v - nxFloor - alpha) / n;
    const term = (d / p) * Math.exp(logBinomialDensity(v, n, p, q));
    sum += term;
    // Past the peak, stop once the remaining terms cannot reach the last bit.
    if (term < previous && term * (last - v) < sum * 1e-17) break;
    previous = term;
  }
  return clip01(sum);
}

/** ln(n!/nⁿ) by Stirling's series (SciPy's `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  const coefficients = [
    -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
    0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
  ];
  const rn = 1 / n;
  const r = rn / n;
  let poly = 0;
  for (const c of coefficients) poly = poly * r + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** Product of two m×m row-major matrices. */
function matrixMultiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k] ?? 0;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] ?? 0) + aik * (b[k * m + j] ?? 0);
    }
  }
  return out;
}

/**
 * P(Dₙ ≤ d) by Durbin's matrix method as Marsaglia, Tsang and Wang compute it: the k-th diagonal
 * entry of Hⁿ·n!/nⁿ, H of size 2k−1 with k = ⌈nd⌉, powers by squaring with rescaling.
 */
function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  let matrix: Float64Array = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let factorial = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = factorial;
    factorial /= j;
    v[j - 1] = (1 - h ** j) * factorial;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * factorial;
  for (let i = 1; i < m; i++) {
    for (let row = i - 1; row < m; row++) matrix[row * m + i] = w[row - i + 1] ?? 0;
  }
  for (let row = 0; row < m; row++) matrix[row * m] = v[row] ?? 0;
  for (let col = 0; col < m; col++) matrix[(m - 1) * m + col] = v[m - 1 - col] ?? 0;
  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let remaining = n;
  let exponent = 0;
  let matrixExponent = 0;
  const diagonal = (k - 1) * m + (k - 1);
  while (remaining > 0) {
    if (remaining % 2 === 1) {
      power = matrixMultiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = matrixMultiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[diagonal] ?? 0) > TWO_128) {
      for (let i = 0; i < m * m; i++) matrix[i] = (matrix[i] ?? 0) / TWO_128;
      matrixExponent += 128;
    }
    remaining = Math.floor(remaining / 2);
  }
  let p = power[diagonal] ?? 0;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < TWO_MINUS_128) {
      p *= TWO_128;
      exponent -= 128;
    }
  }
  return p * 2 ** exponent;
}

/** The interval of non-zero entries in row i of Pomeranz's recursion. */
function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** P(Dₙ ≤ d) by Pomeranz's recursion (CACM Algorithm 487), two rows at a time with rescaling. */
function pomeranzCdf(n: number, d: number): number {
  const t = n * d;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const size = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1−2g)/n)^m/m!: Poisson probabilities without their normalizer.
  const gPower = new Float64Array(size);
  const twoGPower = new Float64Array(size);
  const oneMinusTwoGPower = new Float64Array(size);
  gPower[0] = 1;
  twoGPower[0] = 1;
  oneMinusTwoGPower[0] = 1;
  for (let m = 1; m < size; m++) {
    gPower[m] = ((gPower[m - 1] ?? 0) * (g / n)) / m;
    twoGPower[m] = ((twoGPower[m - 1] ?? 0) * ((2 * g) / n)) / m;
    oneMinusTwoGPower[m] = ((oneMinusTwoGPower[m - 1] ?? 0) * ((1 - 2 * g) / n)) / m;
  }
  let v0 = new Float64Array(size);
  let v1 = new Float64Array(size);
  v1[0] = 1;
  let v0Start = 0;
  let v1Start = 0;
  let exponent = 0;
  let [j1] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0Start, v1Start] = [v1Start, v0Start];
    v1.fill(0);
    const bounds = pomeranzBounds(i, n, ll, ceilf, roundf);
    j1 = bounds[0];
    const j2 = bounds[1];
    const powers = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      // The entries j1…j2 of the full convolution of V0[k1…] with the powers.
      const offset = k1 - v0Start;
      const sourceLength = Math.min(length, size - offset);
      const convStart = j1 - k1;
      const convLength = j2 - j1 + 1;
      let largest = 0;
      for (let out = 0; out < convLength; out++) {
        const index = convStart + out;
        let acc = 0;
        const lo = Math.max(0, index - (length - 1));
        const hi = Math.min(index, sourceLength - 1);
        for (let s = lo; s <= hi; s++) acc += (v0[offset + s] ?? 0) * (powers[index - s] ?? 0);
        v1[out] = acc;
        if (acc > largest) largest = acc;
      }
      if (largest > 0 && largest < TWO_MINUS_128) {
        for (let out = 0; out < size; out++) v1[out] = (v1[out] ?? 0) * TWO_128;
        exponent -= 128;
      }
      v1Start = v0Start + j1 - k1;
    }
  }
  let answer = v1[n - v1Start] ?? 0;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > TWO_128) {
      answer *= TWO_MINUS_128;
      exponent += 128;
    }
    answer *= m;
  }
  return answer * 2 ** exponent;
}

/**
 * The Pelz–Good asymptotic expansion of P(Dₙ ≤ d) to order n^(−3/2), written for small √n·d
 * through the Jacobi theta transformation.
 */
function pelzGoodCdf(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const z = Math.sqrt(n) * d;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI_SQUARED / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const pi4 = PI_SQUARED * PI_SQUARED;
  const pi6 = pi4 * PI_SQUARED;
  const k1a = -z2;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI_SQUARED) / 4;
  const k2c = (pi4 * (1 - 2 * z2)) / 16;
  const k3d = (pi6 * (5 - 30 * z2)) / 64;
  const k3c = (pi4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI_SQUARED * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const terms = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = q ** (8 * k);
    const coefficients = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) terms[i] = (terms[i] ?? 0) * qpower + (coefficients[i] ?? 0);
  }
  const divisors = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) terms[i] = ((terms[i] ?? 0) * q * SQRT_2PI) / (divisors[i] ?? 1);
  q = Math.exp(-PI_SQUARED / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qk = q ** k2;
    const kpi = Math.PI * k;
    k2extra += k2 * qk;
    k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * k2 * qk;
  }
  terms[2] = (terms[2] ?? 0) + (k2extra * PI_SQUARED * SQRT_2PI) / (-36 * z3);
  terms[3] = (terms[3] ?? 0) + (k3extra * PI_SQUARED * SQRT_2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += (terms[i] ?? 0) / n ** (i / 2);
  return sum;
}

/**
 * Both tails of the exact distribution of the two-sided one-sample statistic Dₙ (SciPy's `kstwo`):
 * `lower` = P(Dₙ ≤ d), `upper` = P(Dₙ > d) (continuous, so also P(Dₙ ≥ d)). The method per
 * region is Simard and L'Ecuyer's, as in SciPy's `_kolmogn`; each tail is computed the way SciPy
 * computes it, so for n > 140 the two may differ from summing to one by rounding.
 */
export function kolmogorovSmirnovTails(n: number, d: number): TailPair {
  if (!(Number.isInteger(n) && n > 0) || Number.isNaN(d)) return { lower: Number.NaN, upper: Number.NaN };
  if (d >= 1) return { lower: 1, upper: 0 };
  if (d <= 0) return { lower: 0, upper: 1 };
  const t = n * d;
  if (t <= 1) {
    // Ruben and Gambino: P(Dₙ ≤ d) = n!/nⁿ·(2t − 1)ⁿ for 1/2n ≤ d ≤ 1/n.
    if (t <= 0.5) return { lower: 0, upper: 1 };
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return tails(prob, 1 - prob);
  }
  if (t >= n - 1) {
    const prob = 2 * (1 - d) ** n;
    return tails(1 - prob, prob);
  }
  if (d >= 0.5) {
    const prob = 2 * smirnovSf(n, d);
    return tails(1 - prob, prob);
  }
  const nxSquared = t * d;
  if (n <= 140) {
    let cdf: number;
    if (nxSquared <= 0.754693) cdf = durbinMatrixCdf(n, d);
    else if (nxSquared <= 4) cdf = pomeranzCdf(n, d);
    else {
      const prob = 2 * smirnovSf(n, d);
      return tails(1 - prob, prob);
    }
    return tails(cdf, 1 - cdf);
  }
  let cdf: number;
  if (nxSquared >= 18) cdf = 1;
  else if (n <= 100_000 && n * d ** 1.5 <= 1.4) cdf = durbinMatrixCdf(n, d);
  else cdf = pelzGoodCdf(n, d);
  let sf: number;
  if (nxSquared >= 370) sf = 0;
  else if (nxSquared >= 2.2) sf = 2 * smirnovSf(n, d);
  else sf = 1 - cdf;
  return tails(cdf, sf);
}

/** Rounds half to even, as NumPy's `round` does. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * P(D_{n,n} ≥ h/n) for two samples of equal size n: 2·Σ_k (−1)^(k−1) C(2n, n−kh)/C(2n, n), as a
 * Horner-like product that avoids the cancellation of the alternating sum.
 */
function equalSizeExactPValue(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * The share of lattice paths from (0, 0) to (m, n) that leave the band |x/m − y/n| < h/lcm(m, n),
 * i.e. P(D_{m,n} ≥ h/lcm): Hodges' inside method with Viehmann's recursion for the complement
 * (arXiv:2102.08037), one sliding column at a time.
 */
function unequalSizeExactPValue(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0);
  const n = Math.min(m0, n0);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const column = new Float64Array(Math.min(2 * maxj + 2, n + 1)).fill(1);
  column.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let value = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      value = ((column[jj + minj - lastminj] ?? 0) * i + value * j) / (i + j);
      column[jj] = value;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) column.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return column[maxj - minj - 1] ?? Number.NaN;
}

/** How a KS p-value was computed: exactly, or from the asymptotic distribution. */
export type KsMethod = 'exact' | 'asymp';

/** The result of {@link ksTwoSample}. */
export interface KsTwoSampleResult {
  /**
   * D = sup |F₁ − F₂|. With the exact method this is h/lcm(n₁, n₂), the lattice value the p-value
   * is computed for (as SciPy reports it); it can differ from the raw difference in the last bit.
   */
  statistic: number;
  pValue: number;
  /** The method that produced `pValue`; `exact` can fall back to `asymp` if it fails numerically. */
  method: KsMethod;
  /**
   * Where the largest difference occurs: a value of the first sample if one attains it, else of
   * the second (the observation SciPy's `statistic_location` names).
   */
  location: number;
  /** +1 if the first sample's ECDF is above the second's at `location`, −1 if below. */
  sign: 1 | -1;
  /** Sample sizes. */
  n1: number;
  n2: number;
}

/** Options of {@link ksTwoSample}. */
export interface KsTwoSampleOptions {
  /**
   * `auto` (default, SciPy's default): exact when both samples have at most 10,000 values,
   * asymptotic otherwise; `exact` forces the exact computation (asymptotic if lcm(n₁, n₂) is too
   * large for it); `asymp` forces the asymptotic one.
   */
  method?: 'auto' | KsMethod;
}

/** Sorted copy of a sample; NaN is refused because it has no place in an ECDF. */
function sortedSample(values: ArrayLike<number>, which: string): Float64Array {
  const sorted = Float64Array.from(values);
  for (const x of sorted) {
    if (Number.isNaN(x))
      throw new RangeError(`ksTwoSample: the ${which} sample contains NaN; drop missing values first`);
  }
  return sorted.sort();
}

/**
 * The two-sided two-sample Kolmogorov–Smirnov test, `scipy.stats.ks_2samp(x, y)` with
 * `alternative='two-sided'`: the statistic is the largest distance between the two empirical
 * CDFs (ties handled as SciPy does, evaluating both ECDFs at every observed value); the p-value
 * is exact (Hodges; Viehmann) when both samples have at most 10,000 values and otherwise
 * `kstwo.sf(D, round(n₁n₂/(n₁+n₂)))`, SciPy's asymptotic choice (round half to even, as NumPy).
 * Throws on an empty sample or NaN.
 */
export function ksTwoSample(
  sample1: ArrayLike<number>,
  sample2: ArrayLike<number>,
  options: KsTwoSampleOptions = {},
): KsTwoSampleResult {
  const a = sortedSample(sample1, 'first');
  const b = sortedSample(sample2, 'second');
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ksTwoSample: both samples must be non-empty');
  // Walk the distinct values of the union in order; at each, both ECDFs include every tie.
  let i = 0;
  let j = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  let maxAt1: number | undefined;
  let maxAt2: number | undefined;
  let minAt1: number | undefined;
  let minAt2: number | undefined;
  while (i < n1 || j < n2) {
    const ai = i < n1 ? (a[i] ?? Infinity) : Infinity;
    const bj = j < n2 ? (b[j] ?? Infinity) : Infinity;
    const value = Math.min(ai, bj);
    const inFirst = ai === value;
    const inSecond = bj === value;
    while (i < n1 && a[i] === value) i++;
    while (j < n2 && b[j] === value) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxDiff) {
      maxDiff = diff;
      maxAt1 = inFirst ? value : undefined;
      maxAt2 = inSecond ? value : undefined;
    } else if (diff === maxDiff) {
      if (inFirst && maxAt1 === undefined) maxAt1 = value;
      if (inSecond && maxAt2 === undefined) maxAt2 = value;
    }
    if (diff < minDiff) {
      minDiff = diff;
      minAt1 = inFirst ? value : undefined;
      minAt2 = inSecond ? value : undefined;
    } else if (diff === minDiff) {
      if (inFirst && minAt1 === undefined) minAt1 = value;
      if (inSecond && minAt2 === undefined) minAt2 = value;
    }
  }
  const minS = clip01(-minDiff);
  const useMin = minS > maxDiff;
  let d = useMin ? minS : maxDiff;
  const location = (useMin ? (minAt1 ?? minAt2) : (maxAt1 ?? maxAt2)) ?? Number.NaN;
  const sign: 1 | -1 = useMin ? -1 : 1;

  const g = gcd(n1, n2);
  let method: KsMethod;
  const requested = options.method ?? 'auto';
  if (requested === 'auto') method = Math.max(n1, n2) <= 10_000 ? 'exact' : 'asymp';
  else if (requested === 'exact') method = n1 / g >= 2147483647 / (n2 / g) ? 'asymp' : 'exact';
  else method = 'asymp';

  let pValue = Number.NaN;
  if (method === 'exact') {
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) pValue = 1;
    else pValue = n1 === n2 ? equalSizeExactPValue(n1, h) : unequalSizeExactPValue(n1, n2, g, h);
    if (!(pValue >= 0 && pValue <= 1)) method = 'asymp';
  }
  if (method === 'asymp') {
    const en = (n1 * n2) / (n1 + n2);
    pValue = kolmogorovSmirnovTails(roundHalfEven(en), d).upper;
  }
  return { statistic: d, pValue: clip01(pValue), method, location, sign, n1, n2 };
}
