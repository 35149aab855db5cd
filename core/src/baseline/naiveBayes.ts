/**
 * The learned baseline (book ch. 5: a simple model to beat before anything complex): Gaussian
 * naive Bayes as scikit-learn's `GaussianNB` defines it (class priors from the training labels,
 * per-class means and variances, `var_smoothing` 1e-9 of the largest feature variance), behind the
 * preprocessing a scikit-learn user would put before it: numeric features with missing values
 * replaced by the training mean (`SimpleImputer(strategy="mean")`), categorical features one-hot
 * over the categories seen in training (`OneHotEncoder(handle_unknown="ignore")`, a missing value
 * encoded as no category).
 *
 * Why this model: it needs only per-class counts, means and variances, so it trains on every
 * row in one streaming pass, in memory bounded by classes × features and independent of the
 * number of rows — no sample is needed — and it is deterministic, so scikit-learn gives the same
 * numbers (scripts/reference/naive_bayes_reference.py).
 *
 * Training rows come in groups (one per fold); a model is fitted on any set of groups, so k-fold
 * costs one pass however many folds there are.
 */

/** What the features of a row are: numeric columns first, then categorical ones. */
export interface FeatureLayout {
  /** Number of numeric features. */
  numeric: number;
  /** Number of categories of each categorical feature. */
  categories: readonly number[];
}

/**
 * One encoded row: `numeric[j]` is the value of numeric feature j (NaN when missing);
 * `category[j]` the index of the category of categorical feature j (-1 when missing).
 */
export interface EncodedRow {
  numeric: Float64Array;
  category: Int32Array;
}

/** scikit-learn's `GaussianNB(var_smoothing=…)` default. */
export const VAR_SMOOTHING = 1e-9;

/** Running count, mean and sum of squared deviations (Welford), merged as Chan et al. do. */
interface Moments {
  n: number;
  mean: number;
  m2: number;
}

function merge(a: Moments, b: Moments): Moments {
  const n = a.n + b.n;
  if (n === 0) return { n: 0, mean: 0, m2: 0 };
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/**
 * Sufficient statistics of a group of training rows: per class, the rows, and per numeric feature
 * the moments of the present values and the count of missing ones; per category, the rows that
 * have it.
 */
export class NaiveBayesStats {
  /** Rows per class. */
  readonly rows: Float64Array;
  /** Per class × numeric feature: present count, mean, M2, missing count (4 numbers). */
  private readonly moments: Float64Array;
  /** Per class × one-hot column: rows with that category. */
  readonly ones: Float64Array;
  readonly oneHotWidth: number;
  /** Start of each categorical feature's one-hot columns. */
  readonly offsets: number[];

  constructor(
    readonly classCount: number,
    readonly layout: FeatureLayout,
  ) {
    this.rows = new Float64Array(classCount);
    this.moments = new Float64Array(classCount * layout.numeric * 4);
    let width = 0;
    this.offsets = layout.categories.map((k) => {
      const start = width;
      width += k;
      return start;
    });
    this.oneHotWidth = width;
    this.ones = new Float64Array(classCount * width);
  }

  /** Adds a training row of class `classIndex`. */
  add(classIndex: number, row: EncodedRow): void {
    this.rows[classIndex] = (this.rows[classIndex] as number) + 1;
    const p = this.layout.numeric;
    const m = this.moments;
    for (let j = 0; j < p; j++) {
      const at = (classIndex * p + j) * 4;
      const x = row.numeric[j] as number;
      if (Number.isNaN(x)) {
        m[at + 3] = (m[at + 3] as number) + 1;
        continue;
      }
      const n = (m[at] as number) + 1;
      const delta = x - (m[at + 1] as number);
      const mean = (m[at + 1] as number) + delta / n;
      m[at] = n;
      m[at + 1] = mean;
      m[at + 2] = (m[at + 2] as number) + delta * (x - mean);
    }
    const base = classIndex * this.oneHotWidth;
    this.offsets.forEach((offset, j) => {
      const k = row.category[j] as number;
      if (k >= 0) this.ones[base + offset + k] = (this.ones[base + offset + k] as number) + 1;
    });
  }

  /** The moments of numeric feature j's present values in class c, and its missing count. */
  numeric(c: number, j: number): { present: Moments; missing: number } {
    const at = (c * this.layout.numeric + j) * 4;
    const m = this.moments;
    return {
      present: { n: m[at] as number, mean: m[at + 1] as number, m2: m[at + 2] as number },
      missing: m[at + 3] as number,
    };
  }

  /** Statistics of the union of groups (each group's rows counted once). */
  static combine(groups: readonly NaiveBayesStats[]): NaiveBayesStats {
    const first = groups[0];
    if (!first) throw new RangeError('no groups to combine');
    const total = new NaiveBayesStats(first.classCount, first.layout);
    for (const g of groups) {
      g.rows.forEach((r, c) => (total.rows[c] = (total.rows[c] as number) + r));
      g.ones.forEach((o, i) => (total.ones[i] = (total.ones[i] as number) + o));
      for (let c = 0; c < first.classCount; c++) {
        for (let j = 0; j < first.layout.numeric; j++) {
          const a = total.numeric(c, j);
          const b = g.numeric(c, j);
          const merged = merge(a.present, b.present);
          const at = (c * first.layout.numeric + j) * 4;
          total.moments[at] = merged.n;
          total.moments[at + 1] = merged.mean;
          total.moments[at + 2] = merged.m2;
          total.moments[at + 3] = a.missing + b.missing;
        }
      }
    }
    return total;
  }
}

/** A fitted Gaussian naive Bayes model. */
export interface NaiveBayesModel {
  /** Indices (into the caller's class list) of the classes seen in training, in that list's order. */
  classes: number[];
  /** Training rows. */
  rows: number;
  /** Features the model uses after preprocessing: numeric ones kept, plus one-hot columns. */
  width: number;
  /** The smoothing added to every variance (`epsilon_`). */
  epsilon: number;
  /** Joint log-likelihood of each class for a row (`_joint_log_likelihood`), in `classes` order. */
  jointLogLikelihood(row: EncodedRow): Float64Array;
  /** Index in `classes` of the predicted class: the first largest joint log-likelihood. */
  predict(row: EncodedRow): number;
  /** Class probabilities in `classes` order (`predict_proba`). */
  predictProba(row: EncodedRow): Float64Array;
}

/**
 * Fits Gaussian naive Bayes on the rows the statistics hold. Numeric features with no value in
 * training are dropped (as `SimpleImputer` drops them); one-hot columns of categories that no
 * training row has are left out (as a `OneHotEncoder` fitted on the training rows never makes them).
 */
export function fitNaiveBayes(stats: NaiveBayesStats, varSmoothing = VAR_SMOOTHING): NaiveBayesModel {
  const classes: number[] = [];
  let rows = 0;
  stats.rows.forEach((r, c) => {
    if (r > 0) classes.push(c);
    rows += r;
  });
  if (rows === 0) throw new RangeError('naive Bayes needs at least one training row');
  const k = classes.length;

  // Feature columns after preprocessing: [kind, index] with per-class mean and variance.
  const means: number[][] = classes.map(() => []);
  const variances: number[][] = classes.map(() => []);
  const overall: number[] = [];
  const numericUsed: number[] = [];
  for (let j = 0; j < stats.layout.numeric; j++) {
    let all: Moments = { n: 0, mean: 0, m2: 0 };
    for (const c of classes) all = merge(all, stats.numeric(c, j).present);
    if (all.n === 0) continue;
    numericUsed.push(j);
    // Missing values take the training mean: merged in as that many copies of it.
    let imputed: Moments = { n: 0, mean: 0, m2: 0 };
    classes.forEach((c, i) => {
      const { present, missing } = stats.numeric(c, j);
      const filled = merge(present, { n: missing, mean: all.mean, m2: 0 });
      imputed = merge(imputed, filled);
      (means[i] as number[]).push(filled.mean);
      (variances[i] as number[]).push(filled.m2 / filled.n);
    });
    overall.push(imputed.m2 / imputed.n);
  }
  const oneHotUsed: number[] = [];
  for (let col = 0; col < stats.oneHotWidth; col++) {
    let ones = 0;
    for (const c of classes) ones += stats.ones[c * stats.oneHotWidth + col] as number;
    if (ones === 0) continue;
    oneHotUsed.push(col);
    classes.forEach((c, i) => {
      const n = stats.rows[c] as number;
      const p = (stats.ones[c * stats.oneHotWidth + col] as number) / n;
      (means[i] as number[]).push(p);
      (variances[i] as number[]).push(p * (1 - p));
    });
    const p = ones / rows;
    overall.push(p * (1 - p));
  }
  const width = overall.length;
  const epsilon = varSmoothing * (width > 0 ? Math.max(...overall) : 0);
  const theta = means.map((m) => Float64Array.from(m));
  const sigma = variances.map((v) => Float64Array.from(v, (x) => x + epsilon));
  const logPrior = classes.map((c) => Math.log((stats.rows[c] as number) / rows));
  // -0.5 Σ log(2π σ²) per class, as scikit-learn sums it.
  const logNorm = sigma.map((s) => {
    let sum = 0;
    for (const v of s) sum += Math.log(2 * Math.PI * v);
    return -0.5 * sum;
  });

  // Column c of a one-hot feature: which categorical feature, which category.
  const oneHotFeature = new Int32Array(stats.oneHotWidth);
  const oneHotCategory = new Int32Array(stats.oneHotWidth);
  stats.offsets.forEach((offset, j) => {
    for (let cat = 0; cat < (stats.layout.categories[j] as number); cat++) {
      oneHotFeature[offset + cat] = j;
      oneHotCategory[offset + cat] = cat;
    }
  });
  const imputeWith = numericUsed.map((j) => {
    let all: Moments = { n: 0, mean: 0, m2: 0 };
    for (const c of classes) all = merge(all, stats.numeric(c, j).present);
    return all.mean;
  });

  const encode = (row: EncodedRow): Float64Array => {
    const x = new Float64Array(width);
    numericUsed.forEach((j, i) => {
      const v = row.numeric[j] as number;
      x[i] = Number.isNaN(v) ? (imputeWith[i] as number) : v;
    });
    oneHotUsed.forEach((col, i) => {
      x[numericUsed.length + i] = row.category[oneHotFeature[col] as number] === oneHotCategory[col] ? 1 : 0;
    });
    return x;
  };
  const jointLogLikelihood = (row: EncodedRow): Float64Array => {
    const x = encode(row);
    return Float64Array.from(classes, (_, i) => {
      const t = theta[i] as Float64Array;
      const s = sigma[i] as Float64Array;
      let sum = 0;
      for (let f = 0; f < width; f++) {
        const d = (x[f] as number) - (t[f] as number);
        sum += (d * d) / (s[f] as number);
      }
      return (logPrior[i] as number) + (logNorm[i] as number) - 0.5 * sum;
    });
  };
  return {
    classes,
    rows,
    width,
    epsilon,
    jointLogLikelihood,
    predict: (row) => {
      const jll = jointLogLikelihood(row);
      let best = 0;
      for (let i = 1; i < k; i++) if ((jll[i] as number) > (jll[best] as number)) best = i;
      return best;
    },
    predictProba: (row) => {
      const jll = jointLogLikelihood(row);
      let max = -Infinity;
      for (const v of jll) max = Math.max(max, v);
      let sum = 0;
      for (const v of jll) sum += Math.exp(v - max);
      const logSum = max + Math.log(sum);
      return jll.map((v) => Math.exp(v - logSum));
    },
  };
}
