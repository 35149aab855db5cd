/**
 * Binary score metrics from a table of counts per distinct score, so that they can be
 * bootstrapped as a multinomial over the table's cells — the same distribution as resampling rows,
 * at a cost that depends on the number of distinct scores, not on the number of rows.
 */
import type { WeightedJackknife } from '../bootstrap';
import { LOG_LOSS_EPS, type BinaryScores } from '../metrics/scores';

/** Distinct scores, ascending, with how many positive and negative rows have each. */
export interface ScoreTable {
  values: Float64Array;
  positives: Float64Array;
  negatives: Float64Array;
}

/** Builds the table from sorted binary scores. */
export function scoreTable(scores: BinaryScores): ScoreTable {
  const { positiveScores: pos, negativeScores: neg } = scores;
  const values: number[] = [];
  const positives: number[] = [];
  const negatives: number[] = [];
  let i = 0;
  let j = 0;
  while (i < pos.length || j < neg.length) {
    const p = i < pos.length ? (pos[i] as number) : Infinity;
    const n = j < neg.length ? (neg[j] as number) : Infinity;
    const v = Math.min(p, n);
    let cp = 0;
    let cn = 0;
    while (i < pos.length && pos[i] === v) {
      i++;
      cp++;
    }
    while (j < neg.length && neg[j] === v) {
      j++;
      cn++;
    }
    values.push(v);
    positives.push(cp);
    negatives.push(cn);
  }
  return {
    values: Float64Array.from(values),
    positives: Float64Array.from(positives),
    negatives: Float64Array.from(negatives),
  };
}

/**
 * ROC AUC, average precision and log loss of a table whose counts are `cells` (the positives of
 * every distinct score, then the negatives), with scikit-learn's definitions: AUC counts ties as
 * one half; average precision is the step sum over distinct thresholds from the highest down;
 * log loss clips scores to [eps, 1 − eps]. NaN where a class has no rows.
 */
export function scoreTableMetrics(values: Float64Array, cells: ArrayLike<number>): [number, number, number] {
  const d = values.length;
  let totalPositives = 0;
  let totalNegatives = 0;
  let logLoss = 0;
  for (let k = 0; k < d; k++) {
    const cp = cells[k] as number;
    const cn = cells[d + k] as number;
    totalPositives += cp;
    totalNegatives += cn;
    const p = Math.min(Math.max(values[k] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    if (cp > 0) logLoss -= cp * Math.log(p);
    if (cn > 0) logLoss -= cn * Math.log(1 - p);
  }
  const rows = totalPositives + totalNegatives;
  // AUC: each positive beats the negatives below its score, and ties half.
  let auc = NaN;
  if (totalPositives > 0 && totalNegatives > 0) {
    let negativesBelow = 0;
    let wins = 0;
    for (let k = 0; k < d; k++) {
      const cp = cells[k] as number;
      const cn = cells[d + k] as number;
      wins += cp * (negativesBelow + cn / 2);
      negativesBelow += cn;
    }
    auc = wins / (totalPositives * totalNegatives);
  }
  // Average precision: thresholds from the highest score down.
  let ap = NaN;
  if (totalPositives > 0) {
    ap = 0;
    let tp = 0;
    let fp = 0;
    let lastRecall = 0;
    for (let k = d - 1; k >= 0; k--) {
      const cp = cells[k] as number;
      const cn = cells[d + k] as number;
      if (cp === 0 && cn === 0) continue;
      tp += cp;
      fp += cn;
      const recall = tp / totalPositives;
      ap += (recall - lastRecall) * (tp / (tp + fp));
      lastRecall = recall;
    }
  }
  return [auc, ap, rows > 0 ? logLoss / rows : NaN];
}

/**
 * The leave-one-out values of {@link scoreTableMetrics} for BCa (ROC AUC, average precision, log
 * loss, in that order), grouped by cell as `countsJackknife` groups them — the same numbers up to
 * rounding, in O(d) instead of O(d²) for d distinct scores. Leaving out one row of a cell changes
 * each metric by a closed-form amount: AUC loses that row's wins (negatives below it and half the
 * ties; for a negative, the positives above and half the ties) over one pair count fewer; log loss
 * loses the row's term; average precision Σ cp·TP/(TP + FP) / P keeps the terms above the cell and
 * has TP (a positive left out) or FP (a negative) one lower at and below it, which prefix sums over
 * the scores give for every cell at once.
 */
export function scoreTableJackknife(values: Float64Array, cells: ArrayLike<number>): WeightedJackknife[] {
  const d = values.length;
  const cp = (k: number): number => cells[k] as number;
  const cn = (k: number): number => cells[d + k] as number;
  let positives = 0;
  let negatives = 0;
  let logLoss = 0;
  const lossPositive = new Float64Array(d);
  const lossNegative = new Float64Array(d);
  for (let k = 0; k < d; k++) {
    positives += cp(k);
    negatives += cn(k);
    const p = Math.min(Math.max(values[k] as number, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    lossPositive[k] = -Math.log(p);
    lossNegative[k] = -Math.log(1 - p);
    if (cp(k) > 0) logLoss += cp(k) * (lossPositive[k] as number);
    if (cn(k) > 0) logLoss += cn(k) * (lossNegative[k] as number);
  }
  const rows = positives + negatives;
  if (rows < 2) return [];
  // Negatives below each score, and AUC's wins.
  const negativesBelow = new Float64Array(d);
  let wins = 0;
  for (let k = 0, below = 0; k < d; k++) {
    negativesBelow[k] = below;
    wins += cp(k) * (below + cn(k) / 2);
    below += cn(k);
  }
  // From the top: TP and FP at each score (rows scoring at least it), and AP's terms above it.
  const tp = new Float64Array(d);
  const fp = new Float64Array(d);
  const apAbove = new Float64Array(d);
  for (let k = d - 1, t = 0, f = 0, above = 0; k >= 0; k--) {
    apAbove[k] = above;
    t += cp(k);
    f += cn(k);
    tp[k] = t;
    fp[k] = f;
    if (cp(k) > 0) above += (cp(k) * t) / (t + f);
  }
  const ratio = (numerator: number, denominator: number): number => (numerator === 0 ? 0 : numerator / denominator);
  // From the bottom: AP's terms below each score with TP − 1 (a positive left out above them), and
  // at or below it with FP − 1 (a negative left out at or above them).
  const apBelowFewerTp = new Float64Array(d);
  const apAtOrBelowFewerFp = new Float64Array(d);
  for (let k = 0, fewerTp = 0, fewerFp = 0; k < d; k++) {
    apBelowFewerTp[k] = fewerTp;
    const t = tp[k] as number;
    const f = fp[k] as number;
    fewerTp += ratio(cp(k) * (t - 1), t - 1 + f);
    fewerFp += ratio(cp(k) * t, t + f - 1);
    apAtOrBelowFewerFp[k] = fewerFp;
  }
  const auc: number[] = [];
  const ap: number[] = [];
  const loss: number[] = [];
  const counts: number[] = [];
  for (let k = 0; k < d; k++) {
    if (cp(k) === 0) continue;
    const p = positives - 1;
    auc.push(p > 0 && negatives > 0 ? (wins - (negativesBelow[k] as number) - cn(k) / 2) / (p * negatives) : NaN);
    const t = tp[k] as number;
    const atCell = ratio((cp(k) - 1) * (t - 1), t - 1 + (fp[k] as number));
    ap.push(p > 0 ? ((apAbove[k] as number) + atCell + (apBelowFewerTp[k] as number)) / p : NaN);
    loss.push((logLoss - (lossPositive[k] as number)) / (rows - 1));
    counts.push(cp(k));
  }
  for (let k = 0; k < d; k++) {
    if (cn(k) === 0) continue;
    const n = negatives - 1;
    const positivesAbove = (tp[k] as number) - cp(k);
    auc.push(positives > 0 && n > 0 ? (wins - positivesAbove - cp(k) / 2) / (positives * n) : NaN);
    ap.push(positives > 0 ? ((apAbove[k] as number) + (apAtOrBelowFewerFp[k] as number)) / positives : NaN);
    loss.push((logLoss - (lossNegative[k] as number)) / (rows - 1));
    counts.push(cn(k));
  }
  return [auc, ap, loss].map((column) => ({ values: column, counts }));
}
