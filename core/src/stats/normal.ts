/**
 * The standard normal distribution: density, both tails, and the quantile function.
 *
 * The tails use W. J. Cody's rational Chebyshev approximations (Cody 1969; ALGORITHM 715,
 * ACM TOMS 19, 1993), evaluated directly on x and with exp(−x²/2) split as
 * exp(−s²/2)·exp(−(x−s)(x+s)/2), s = x rounded down to 1/16, so that the upper tail keeps full
 * relative accuracy out to where it underflows (x ≈ 38.5). The quantile is Wichura's AS 241
 * (Applied Statistics 37, 1988), accurate to about 1 part in 10^16.
 */

import type { TailPair } from './special';

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** exp(−x²/2) times `factor`, with x² split so its rounding error does not reach the result. */
function scaledGaussian(x: number, factor: number): number {
  const s = Math.floor(x * 16) / 16;
  const del = (x - s) * (x + s);
  return Math.exp(-s * s * 0.5) * Math.exp(-del * 0.5) * factor;
}

/**
 * Both tails of the standard normal at x: `lower` = Φ(x) = P(Z ≤ x), `upper` = 1 − Φ(x), each to
 * full relative accuracy.
 */
export function normalTails(x: number): TailPair {
  if (Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  const y = Math.abs(x);
  if (y <= 0.66291) {
    const xsq = y > Number.EPSILON / 2 ? x * x : 0;
    let num = 0.06568233791820745 * xsq;
    let den = xsq;
    num = (num + 2.2352520354606837) * xsq;
    den = (den + 47.202581904688245) * xsq;
    num = (num + 161.02823106855587) * xsq;
    den = (den + 976.0985517377767) * xsq;
    num = (num + 1067.6894854603709) * xsq;
    den = (den + 10260.932208618979) * xsq;
    const temp = (x * (num + 18154.98125334356)) / (den + 45507.78933502673);
    return { lower: 0.5 + temp, upper: 0.5 - temp };
  }
  let small: number;
  if (y <= SQRT_32) {
    const c = [
      0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
      6848.190450536283, 11602.65143764735, 9842.714838383978,
    ] as const;
    const d = [
      22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
      34900.95272114598, 38912.00328609327, 19685.429676859992,
    ] as const;
    let num = 1.0765576773720192e-8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (c[i] ?? 0)) * y;
      den = (den + (d[i] ?? 0)) * y;
    }
    small = scaledGaussian(y, (num + 9842.714838383978) / (den + 19685.429676859992));
  } else if (y < 50) {
    const p = [
      0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 0.000029112874951168793,
    ] as const;
    const q = [
      1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
    ] as const;
    const xsq = 1 / (x * x);
    let num = 0.023073441764940174 * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + (p[i] ?? 0)) * xsq;
      den = (den + (q[i] ?? 0)) * xsq;
    }
    const ratio = (xsq * (num + p[4])) / (den + q[4]);
    small = scaledGaussian(y, (INV_SQRT_2PI - ratio) / y);
  } else {
    small = 0;
  }
  // As Cody's code (and SciPy): subnormal results are flushed to zero.
  if (small < Number.MIN_VALUE * 2 ** 52) small = 0;
  return x > 0 ? { lower: 1 - small, upper: small } : { lower: small, upper: 1 - small };
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  return normalTails(x).lower;
}

/** 1 − Φ(x) = P(Z > x), accurate in the far upper tail. */
export function normalSf(x: number): number {
  return normalTails(x).upper;
}

/**
 * The quantile Φ⁻¹(p) for 0 ≤ p ≤ 1 (±∞ at the ends, NaN outside). For an upper-tail quantile
 * z with P(Z > z) = α, use −normalQuantile(α) rather than normalQuantile(1 − α).
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q > 0 ? 1 - p : p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}
