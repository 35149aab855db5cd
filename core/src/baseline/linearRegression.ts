/**
 * The learned regression baseline: ordinary least squares with an intercept, as scikit-learn's
 * `LinearRegression()` defines it (the minimum-norm solution when features are collinear, as a
 * full one-hot encoding is with the intercept), behind the same preprocessing as the learned
 * classification baseline (see naiveBayes.ts): numeric features with missing values replaced by
 * the training mean, categorical features one-hot over the categories seen in training.
 *
 * Why this way: the least-squares fit needs only the sums of products of the features (their
 * Gram matrix) and of features with the target. Those are gathered in one streaming pass, in
 * memory bounded by the square of the number of features, whatever the number of rows — no sample
 * is needed. The mean imputation, whose means are known only at the end, is folded in afterwards:
 * each numeric feature is gathered as its value (0 when missing) and a missing indicator, and an
 * imputed feature is the linear combination `value + mean × missing` of the two.
 */
import type { EncodedRow, FeatureLayout } from './naiveBayes';

/** Features (after one-hot) the least-squares fit takes at most: its solver is cubic in them. */
export const LINEAR_MAX_FEATURES = 256;

/**
 * Eigenvalues of the features' correlation matrix below this are taken as exact collinearity
 * (their rounding noise is about 1e-15); a pair of features correlated at 0.999 999 still counts.
 */
const RANK_TOLERANCE = 1e-10;

/** Sums of one group of training rows: the Gram matrix of [1, values, missing indicators, one-hot] and the target. */
export class LinearRegressionStats {
  /** Size of the gathered vector: 1 + numeric + numeric + one-hot width. */
  readonly size: number;
  /** Σ w wᵀ (full, row-major). */
  readonly gram: Float64Array;
  /** Σ w y. */
  readonly cross: Float64Array;
  readonly oneHotWidth: number;
  readonly offsets: number[];
  private readonly nonzero: Int32Array;
  private readonly values: Float64Array;

  constructor(readonly layout: FeatureLayout) {
    let width = 0;
    this.offsets = layout.categories.map((k) => {
      const start = width;
      width += k;
      return start;
    });
    this.oneHotWidth = width;
    this.size = 1 + 2 * layout.numeric + width;
    this.gram = new Float64Array(this.size * this.size);
    this.cross = new Float64Array(this.size);
    this.nonzero = new Int32Array(this.size);
    this.values = new Float64Array(this.size);
  }

  /** Adds a training row with target `y`. */
  add(y: number, row: EncodedRow): void {
    const { nonzero, values, layout } = this;
    const p = layout.numeric;
    let k = 0;
    nonzero[k] = 0;
    values[k++] = 1;
    for (let j = 0; j < p; j++) {
      const x = row.numeric[j] as number;
      if (Number.isNaN(x)) {
        nonzero[k] = 1 + p + j;
        values[k++] = 1;
      } else if (x !== 0) {
        nonzero[k] = 1 + j;
        values[k++] = x;
      }
    }
    this.offsets.forEach((offset, j) => {
      const category = row.category[j] as number;
      if (category >= 0) {
        nonzero[k] = 1 + 2 * p + offset + category;
        values[k++] = 1;
      }
    });
    const { gram, cross, size } = this;
    for (let a = 0; a < k; a++) {
      const i = nonzero[a] as number;
      const vi = values[a] as number;
      cross[i] = (cross[i] as number) + vi * y;
      for (let b = 0; b < k; b++) {
        const at = i * size + (nonzero[b] as number);
        gram[at] = (gram[at] as number) + vi * (values[b] as number);
      }
    }
  }

  /** Sums over several groups. */
  static combine(groups: readonly LinearRegressionStats[]): LinearRegressionStats {
    const first = groups[0];
    if (!first) throw new RangeError('no groups to combine');
    const total = new LinearRegressionStats(first.layout);
    for (const g of groups) {
      g.gram.forEach((v, i) => (total.gram[i] = (total.gram[i] as number) + v));
      g.cross.forEach((v, i) => (total.cross[i] = (total.cross[i] as number) + v));
    }
    return total;
  }
}

/** A fitted least-squares model. */
export interface LinearRegressionModel {
  /** Training rows. */
  rows: number;
  /** Features after preprocessing (numeric ones with a value in training, one-hot columns seen). */
  width: number;
  intercept: number;
  /** Coefficients in feature order. */
  coefficients: Float64Array;
  /** Rank of the centred features (below `width` when some are collinear). */
  rank: number;
  predict(row: EncodedRow): number;
}

/**
 * Fits least squares on the rows the sums hold. Numeric features with no value in training and
 * categories no training row has are left out, as scikit-learn's imputer and encoder fitted on
 * the training rows leave them out.
 */
export function fitLinearRegression(stats: LinearRegressionStats): LinearRegressionModel {
  const { gram, cross, size, layout } = stats;
  const p = layout.numeric;
  const g = (i: number, j: number): number => gram[i * size + j] as number;
  const n = g(0, 0);
  if (n === 0) throw new RangeError('least squares needs at least one training row');

  // Each feature as a combination of gathered entries: [index, weight] pairs.
  const features: [number, number][][] = [];
  const imputeWith: number[] = [];
  const numericUsed: number[] = [];
  for (let j = 0; j < p; j++) {
    const present = n - g(0, 1 + p + j);
    if (present === 0) continue;
    const mean = g(0, 1 + j) / present;
    numericUsed.push(j);
    imputeWith.push(mean);
    features.push([
      [1 + j, 1],
      [1 + p + j, mean],
    ]);
  }
  const oneHotUsed: number[] = [];
  for (let col = 0; col < stats.oneHotWidth; col++) {
    if (g(0, 1 + 2 * p + col) === 0) continue;
    oneHotUsed.push(col);
    features.push([[1 + 2 * p + col, 1]]);
  }
  const r = features.length;
  const ySum = cross[0] as number;
  const yMean = ySum / n;
  // Sums of the features, of their products, and with the target.
  const combine = (f: [number, number][], other: (i: number) => number): number =>
    f.reduce((sum, [i, w]) => sum + w * other(i), 0);
  const xSum = features.map((f) => combine(f, (i) => g(0, i)));
  const xMean = xSum.map((s) => s / n);
  const centred = new Float64Array(r * r);
  const rhs = new Float64Array(r);
  for (let a = 0; a < r; a++) {
    const fa = features[a] as [number, number][];
    rhs[a] = combine(fa, (i) => cross[i] as number) - n * (xMean[a] as number) * yMean;
    for (let b = a; b < r; b++) {
      const fb = features[b] as [number, number][];
      const s = combine(fa, (i) => combine(fb, (k) => g(i, k))) - n * (xMean[a] as number) * (xMean[b] as number);
      centred[a * r + b] = s;
      centred[b * r + a] = s;
    }
  }
  const { coefficients, rank } = minimumNormSolve(centred, rhs, r);
  let intercept = yMean;
  for (let f = 0; f < r; f++) intercept -= (xMean[f] as number) * (coefficients[f] as number);

  const oneHotFeature = new Int32Array(stats.oneHotWidth);
  const oneHotCategory = new Int32Array(stats.oneHotWidth);
  stats.offsets.forEach((offset, j) => {
    for (let c = 0; c < (layout.categories[j] as number); c++) {
      oneHotFeature[offset + c] = j;
      oneHotCategory[offset + c] = c;
    }
  });
  return {
    rows: n,
    width: r,
    intercept,
    coefficients,
    rank,
    predict: (row) => {
      let y = intercept;
      numericUsed.forEach((j, i) => {
        const v = row.numeric[j] as number;
        y += (coefficients[i] as number) * (Number.isNaN(v) ? (imputeWith[i] as number) : v);
      });
      oneHotUsed.forEach((col, i) => {
        if (row.category[oneHotFeature[col] as number] === oneHotCategory[col])
          y += coefficients[numericUsed.length + i] as number;
      });
      return y;
    },
  };
}

/**
 * The minimum-norm solution of C β = d for a symmetric positive semi-definite C (r × r) and d in
 * its range, as `lstsq` gives it for the least-squares problem C comes from. The rank is found on
 * the correlation matrix D⁻¹ C D⁻¹ (D the square roots of C's diagonal), where features of any
 * scale compare; the solution is then projected off C's null space in the original coordinates.
 */
export function minimumNormSolve(
  c: Float64Array,
  d: Float64Array,
  r: number,
): { coefficients: Float64Array; rank: number } {
  const scale = Float64Array.from({ length: r }, (_, i) => Math.sqrt(Math.max(0, c[i * r + i] as number)));
  // A feature constant in training has no direction: coefficient 0, as the minimum norm has it.
  const live = Array.from({ length: r }, (_, i) => i).filter((i) => (scale[i] as number) > 0);
  const m = live.length;
  const k = new Float64Array(m * m);
  live.forEach((i, a) =>
    live.forEach((j, b) => {
      k[a * m + b] = (c[i * r + j] as number) / ((scale[i] as number) * (scale[j] as number));
    }),
  );
  const { values, vectors } = symmetricEigen(k, m);
  // Particular solution: γ = K⁺ D⁻¹ d, β = D⁻¹ γ.
  const scaledD = Float64Array.from(live, (i) => (d[i] as number) / (scale[i] as number));
  const gamma = new Float64Array(m);
  const nullBasis: Float64Array[] = [];
  let rank = 0;
  for (let e = 0; e < m; e++) {
    const v = vectors.subarray(e * m, e * m + m);
    if ((values[e] as number) <= RANK_TOLERANCE) {
      // A direction of C's null space in original coordinates: D⁻¹ u.
      nullBasis.push(Float64Array.from(v, (x, a) => x / (scale[live[a] as number] as number)));
      continue;
    }
    rank++;
    let dot = 0;
    for (let a = 0; a < m; a++) dot += (v[a] as number) * (scaledD[a] as number);
    const w = dot / (values[e] as number);
    for (let a = 0; a < m; a++) gamma[a] = (gamma[a] as number) + w * (v[a] as number);
  }
  const beta = Float64Array.from(gamma, (x, a) => x / (scale[live[a] as number] as number));
  // Project off the null space (orthonormalised by modified Gram–Schmidt): the minimum norm.
  const orthonormal: Float64Array[] = [];
  for (const u of nullBasis) {
    const q = Float64Array.from(u);
    for (const o of orthonormal) {
      let dot = 0;
      for (let a = 0; a < m; a++) dot += (q[a] as number) * (o[a] as number);
      for (let a = 0; a < m; a++) q[a] = (q[a] as number) - dot * (o[a] as number);
    }
    let norm = 0;
    for (const x of q) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    for (let a = 0; a < m; a++) q[a] = (q[a] as number) / norm;
    orthonormal.push(q);
  }
  for (const o of orthonormal) {
    let dot = 0;
    for (let a = 0; a < m; a++) dot += (beta[a] as number) * (o[a] as number);
    for (let a = 0; a < m; a++) beta[a] = (beta[a] as number) - dot * (o[a] as number);
  }
  const coefficients = new Float64Array(r);
  live.forEach((i, a) => {
    coefficients[i] = beta[a] as number;
  });
  return { coefficients, rank };
}

/**
 * Eigenvalues and eigenvectors (row e of `vectors` is the e-th) of a symmetric m × m matrix, by
 * cyclic Jacobi rotations: slow for large m, but accurate to rounding for every eigenvalue,
 * small ones included, which is what finding the rank needs.
 */
export function symmetricEigen(matrix: Float64Array, m: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  // v holds eigenvectors as columns while rotating.
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        const x = (a[i * m + j] as number) ** 2;
        total += x;
        if (i !== j) off += x;
      }
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q] as number;
        if (apq === 0) continue;
        const app = a[p * m + p] as number;
        const aqq = a[q * m + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p] as number;
          const akq = a[k * m + q] as number;
          a[k * m + p] = cos * akp - sin * akq;
          a[k * m + q] = sin * akp + cos * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k] as number;
          const aqk = a[q * m + k] as number;
          a[p * m + k] = cos * apk - sin * aqk;
          a[q * m + k] = sin * apk + cos * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p] as number;
          const vkq = v[k * m + q] as number;
          v[k * m + p] = cos * vkp - sin * vkq;
          v[k * m + q] = sin * vkp + cos * vkq;
        }
      }
    }
  }
  const values = Float64Array.from({ length: m }, (_, i) => a[i * m + i] as number);
  const vectors = new Float64Array(m * m);
  for (let e = 0; e < m; e++) for (let k = 0; k < m; k++) vectors[e * m + k] = v[k * m + e] as number;
  return { values, vectors };
}
