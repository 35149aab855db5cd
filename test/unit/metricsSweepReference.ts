// The threshold-sweep reference (test/fixtures/reference/threshold-sweep.json, written by
// scripts/reference/sweep_reference.py) and its helpers, shared by the metrics and CLI tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ThresholdPoint } from '../../core/src/metrics';
import { assertClose, repoRoot } from './support';

interface SweepScores {
  precision: number;
  recall: number;
  f1: number;
  'fbeta0.5': number;
  fbeta2: number;
}

/** One threshold as scikit-learn scores it, with zero_division 0 and 1. */
export interface ReferencePoint {
  threshold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  zd0: SweepScores;
  zd1: SweepScores;
}

/** What scripts/reference/sweep_reference.py writes. */
export interface SweepReference {
  generatedBy: string;
  sklearn: string;
  sweep: {
    yTrue: string[];
    scores: number[];
    positive: string;
    betas: number[];
    listed: ReferencePoint[];
    grid: ReferencePoint[];
    curve: { threshold: number; precision: number; recall: number; fpr: number; tpr: number }[];
  };
  large: {
    rows: number;
    positives: number;
    roc_auc: number;
    average_precision: number;
    roc_curve: { points: number; first: [number, number, number]; last: [number, number, number] };
    precision_recall_curve: { points: number; first: [number, number, number]; last: [number, number] };
  };
}

export const sweepReference = JSON.parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/reference/threshold-sweep.json'), 'utf8'),
) as SweepReference;

/** The 20,000 rows of the reference's `large` case, by the script's formula. */
export function largeCase(): { y: string[]; scores: number[] } {
  const y: string[] = [];
  const scores: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const r = (i * 7919) % 19997;
    y.push(r + ((i * 104729) % 9973) > 16000 ? 'yes' : 'no');
    scores.push(r / 19997);
  }
  return { y, scores };
}

/** Checks sweep points against scikit-learn's, counts exactly and scores to 1e-12. */
export function assertSweep(
  actual: readonly Pick<
    ThresholdPoint,
    'threshold' | 'tp' | 'fp' | 'fn' | 'tn' | 'precision' | 'recall' | 'f1' | 'fbeta'
  >[],
  expected: readonly ReferencePoint[],
  zeroDivision: 0 | 1,
  beta: 0.5 | 2 | undefined,
): void {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => {
    const a = actual[i];
    const at = `threshold ${e.threshold} (zero_division ${zeroDivision})`;
    assert.ok(a, at);
    assert.deepEqual([a.threshold, a.tp, a.fp, a.fn, a.tn], [e.threshold, e.tp, e.fp, e.fn, e.tn], at);
    const scores = zeroDivision === 0 ? e.zd0 : e.zd1;
    assertClose(a.precision, scores.precision, 1e-12, `${at} precision`);
    assertClose(a.recall, scores.recall, 1e-12, `${at} recall`);
    assertClose(a.f1, scores.f1, 1e-12, `${at} f1`);
    if (beta !== undefined) assertClose(a.fbeta, scores[beta === 2 ? 'fbeta2' : 'fbeta0.5'], 1e-12, `${at} f${beta}`);
  });
}
