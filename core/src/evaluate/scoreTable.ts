/**
 * Binary score metrics from a table of counts per distinct score, so that they can be
 * bootstrapped as a multinomial over the table's cells — the same distribution as resampling rows,
 * at a cost that depends on the number of distinct scores, not on the number of rows.
 */
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
