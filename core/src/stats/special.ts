/**
 * Special functions the distributions are built on: log-gamma, the regularized incomplete gamma
 * and beta functions, and Loader's saddle-point binomial and Poisson densities.
 *
 * Accuracy: about 1e-14 relative wherever the result is not itself near underflow. The power
 * terms in front of the incomplete gamma and beta series (x^a e^-x / Γ(a+1) and
 * x^a (1-x)^b / B(a, b)) are computed with Loader's saddle-point form (Loader 2000, "Fast and
 * accurate computation of binomial probabilities"), so they stay accurate when a and b are large
 * (a Welch test with a million rows, a chi-square over thousands of categories), where
 * exp(a·ln x − lnΓ(a) …) would lose digits to cancellation.
 */

/** ln(√(2π)). */
const LN_SQRT_2PI = 0.9189385332046728;
/** ln(2π). */
const LN_2PI = 1.8378770664093453;
/** Below this, Lentz's continued fraction replaces a zero denominator. */
const TINY = 1e-300;
const EPSILON = Number.EPSILON;
/** Iteration cap of the series and continued fractions; reached only for absurd arguments. */
const MAX_ITERATIONS = 1_000_000;

/**
 * The remainder of Stirling's series, lnΓ(z) − [(z − ½)·ln z − z + ln√(2π)], for z ≥ 15: at 15
 * the first omitted term is below 1e-19.
 */
function stirlingSeries(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  // Bernoulli-number coefficients B_2k / (2k (2k − 1)), k = 1 … 8, by Horner's rule in 1/z².
  const series =
    1 / 12 -
    r2 *
      (1 / 360 -
        r2 *
          (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * (691 / 360360 - r2 * (1 / 156 - (r2 * 3617) / 122400))))));
  return r * series;
}

/**
 * ln Γ(x) for x > 0 (NaN otherwise): Stirling's series from 15 up, the recurrence
 * Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1)) below. Absolute error about 1e-14.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Infinity) return Infinity;
  if (x >= 15) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingSeries(x);
  let product = 1;
  let z = x;
  while (z < 15) {
    product *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + LN_SQRT_2PI + stirlingSeries(z) - Math.log(product);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), arranged to avoid cancellation when a or b is large. */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return Number.NaN;
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 15) return logGamma(a) + logGamma(b) - logGamma(a + b);
  // ln Γ(L) − ln Γ(L + s) by Stirling, without forming the two large logarithms.
  const sum = large + small;
  const difference =
    -(large - 0.5) * Math.log1p(small / large) -
    small * Math.log(sum) +
    small +
    stirlingSeries(large) -
    stirlingSeries(sum);
  return logGamma(small) + difference;
}

/** ln Γ(a + b) − ln Γ(a), without cancellation when a is large and b is not. */
function logGammaRatio(a: number, b: number): number {
  if (a < 15) return logGamma(a + b) - logGamma(a);
  const sum = a + b;
  return (a - 0.5) * Math.log1p(b / a) + b * Math.log(sum) - b + stirlingSeries(sum) - stirlingSeries(a);
}

/**
 * Loader's stirlerr(n) = ln Γ(n + 1) − [(n + ½)·ln n − n + ln√(2π)], the error of Stirling's
 * formula for n!. Defined for n > 0; 0 at n = 0 is not needed by the callers.
 */
function stirlerr(n: number): number {
  if (n >= 15) return stirlingSeries(n);
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
}

/**
 * Loader's deviance term bd0(x, m) = x·ln(x/m) + m − x, by its series when x is close to m (where
 * the direct formula cancels).
 */
function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    if (Math.abs(s) < Number.MIN_VALUE) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln of the binomial density for a real "count" x of n trials, C(n, x)·p^x·q^(n−x) with Γ
 * in place of factorials; `q` is 1 − p, passed separately so the caller can keep it exact.
 */
export function logBinomialDensity(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x < 0 || x > n) return -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/** ln of the Poisson density λ^x e^−λ / Γ(x + 1) for a real x ≥ 0. */
function logPoissonDensity(x: number, lambda: number): number {
  if (lambda === 0) return x === 0 ? 0 : -Infinity;
  if (x === 0) return -lambda;
  return -stirlerr(x) - bd0(x, lambda) - 0.5 * (LN_2PI + Math.log(x));
}

/** A probability and its complement, each computed to full relative accuracy where it is the small one. */
export interface TailPair {
  /** P(X ≤ x), or the regularized function itself. */
  lower: number;
  /** P(X > x) = 1 − lower. */
  upper: number;
}

/** Σ_k x^k / ((a+1)…(a+k)), the series with P(a, x) = x^a e^-x / Γ(a+1) · Σ. */
function gammaSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < MAX_ITERATIONS; k++) {
    term *= x / (a + k);
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return sum;
}

/** Lentz's continued fraction h with Q(a, x) = x^a e^-x / Γ(a) · h, for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  // h = 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- …))).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * Regularized incomplete gamma functions P(a, x) (`lower`) and Q(a, x) = 1 − P (`upper`), for
 * a > 0, x ≥ 0. Series for x < a + 1, Lentz's continued fraction otherwise; the one computed
 * directly is the smaller tail, so tail probabilities keep their relative accuracy.
 */
export function regularizedGamma(a: number, x: number): TailPair {
  if (!(a > 0) || !(x >= 0)) return { lower: Number.NaN, upper: Number.NaN };
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  if (x < a + 1) {
    const lower = Math.min(1, Math.exp(logPoissonDensity(a, x)) * gammaSeries(a, x));
    return { lower, upper: 1 - lower };
  }
  const upper = Math.min(1, a * Math.exp(logPoissonDensity(a, x)) * gammaContinuedFraction(a, x));
  return { lower: 1 - upper, upper };
}

/** Q(a, x) / (x^a e^-x / Γ(a)), which stays finite where Q itself underflows. */
function scaledUpperGamma(a: number, x: number): number {
  if (x >= a + 1) return gammaContinuedFraction(a, x);
  const lower = Math.exp(logPoissonDensity(a, x)) * gammaSeries(a, x);
  return (1 - lower) * Math.exp(logGamma(a) + x - a * Math.log(x));
}

/** Lentz's continued fraction for I_x(a, b), without its power-term prefactor. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * x^a (1−x)^b / (a·B(a, b)), the prefactor of the incomplete beta continued fraction, through
 * Loader's binomial density: x^a y^b / B(a, b) = (ab / (a+b)) · dbinom(a; a+b, x).
 */
function betaPowerTerm(x: number, y: number, a: number, b: number): number {
  return (b / (a + b)) * Math.exp(logBinomialDensity(a, a + b, x, y));
}

/**
 * I_x(a, b) for a ≥ 15 and b ≤ 1 by the asymptotic expansion of DiDonato and Morris (ACM TOMS
 * 708, 1992, routine BGRAT): a series in incomplete gamma ratios Q(b, z), z = −(a + (b−1)/2)·ln x.
 * The continued fraction loses about a digit per decade of a here (x near 1, where the t
 * distribution with many degrees of freedom lives); this keeps full accuracy.
 */
function betaLargeA(x: number, y: number, a: number, b: number): number {
  const bm1 = b - 1;
  const nu = a + 0.5 * bm1;
  const lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
  const z = -nu * lnx;
  // r = e^−z z^b / Γ(b); u = r Γ(a+b) / (Γ(a) ν^b).
  const logR = b * Math.log(z) - z - logGamma(b);
  const logU = logR + logGammaRatio(a, b) - b * Math.log(nu);
  const v = 0.25 / (nu * nu);
  const t2 = 0.25 * lnx * lnx;
  let j = scaledUpperGamma(b, z);
  let sum = j;
  let t = 1;
  let cn = 1;
  let n2 = 0;
  const c: number[] = [];
  const d: number[] = [];
  for (let n = 1; n <= 30; n++) {
    const bp2n = b + n2;
    j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
    n2 += 2;
    t *= t2;
    cn /= n2 * (n2 + 1);
    c.push(cn);
    let s = 0;
    let coef = b - n;
    for (let i = 1; i < n; i++) {
      s += coef * (c[i - 1] ?? 0) * (d[n - 1 - i] ?? 0);
      coef += b;
    }
    const dn = bm1 * cn + s / n;
    d.push(dn);
    const dj = dn * j;
    sum += dj;
    if (Math.abs(dj) <= 1e-15 * sum) break;
  }
  return Math.exp(logU) * sum;
}

/**
 * I_x(a, b) for a large and b < 1000: {@link betaLargeA} at b₀ = b − n ∈ (0, 1], then the upward
 * recurrence I_x(a, b′+1) = I_x(a, b′) + x^a y^b′ / (b′ B(a, b′)), whose terms are all positive.
 */
function betaLargeShape(x: number, y: number, a: number, b: number): number {
  const n = Math.ceil(b) - 1;
  const b0 = b - n;
  let value = betaLargeA(x, y, a, b0);
  for (let i = 0; i < n; i++) value += (a / (b0 + i)) * betaPowerTerm(x, y, a, b0 + i);
  return value;
}

/**
 * Regularized incomplete beta function I_x(a, b) (`lower`) and 1 − I_x(a, b) (`upper`), for
 * a, b > 0 and 0 ≤ x ≤ 1. Pass `y` = 1 − x when the caller knows it more exactly than 1 − x
 * (the t distribution does). The tail on the side where the continued fraction converges is
 * computed directly.
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): TailPair {
  if (!(a > 0 && b > 0) || !(x >= 0 && y >= 0)) return { lower: Number.NaN, upper: Number.NaN };
  if (x === 0) return { lower: 0, upper: 1 };
  if (y === 0) return { lower: 1, upper: 0 };
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  // Where TOMS 708 uses the expansion: the large shape's coordinate above 0.71.
  const smallShapeCoordinate = a >= b ? y : x;
  if (smallShapeCoordinate < 0.29 && ((small <= 1 && large >= 15) || (small < 1000 && large >= 100))) {
    // The expansion gives the tail on the large shape's side; used when that tail is the small one.
    if (a >= b) {
      const lower = betaLargeShape(x, y, a, b);
      if (lower <= 0.5) return { lower, upper: 1 - lower };
    } else {
      const upper = betaLargeShape(y, x, b, a);
      if (upper <= 0.5) return { lower: 1 - upper, upper };
    }
  }
  if (x < (a + 1) / (a + b + 2)) {
    const lower = Math.min(1, betaPowerTerm(x, y, a, b) * betaContinuedFraction(x, a, b));
    return { lower, upper: 1 - lower };
  }
  const upper = Math.min(1, betaPowerTerm(y, x, b, a) * betaContinuedFraction(y, b, a));
  return { lower: 1 - upper, upper };
}
