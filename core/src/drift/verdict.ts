/**
 * Thresholds for calling a column drifted, and the verdict over a whole dataset.
 *
 * A column has drifted when the difference is both real and large enough to matter: its test
 * (KS for numeric columns, chi-square for categorical ones) rejects "same distribution" after a
 * multiple-testing correction across all columns, and its PSI reaches a conventional level. With
 * a million rows the tests reject for differences nobody cares about, which the PSI threshold
 * screens out; with a hundred rows the PSI is noisy, which the test screens out.
 */

import { bonferroniAdjust, holmAdjust } from '../stats/multipleTesting';
import type { CategoricalDriftResult } from './categorical';
import type { NumericDriftResult } from './numeric';

/** Thresholds of the drift verdict. */
export interface DriftThresholds {
  /** PSI from which a shift is moderate (default 0.1). */
  psiModerate: number;
  /** PSI from which a shift is significant (default 0.25). */
  psiSignificant: number;
  /** Family-wise significance level of the per-column tests (default 0.05). */
  alpha: number;
  /** Correction for testing every column: Holm (default), Bonferroni or none. */
  correction: 'holm' | 'bonferroni' | 'none';
}

/**
 * The defaults, the industry's rule of thumb for the PSI (below 0.1 no meaningful shift, 0.1 to
 * 0.25 moderate, 0.25 and above significant) and a 5 % family-wise error rate under Holm's
 * step-down correction, which controls it exactly as Bonferroni does but rejects at least as
 * often.
 */
export const DEFAULT_DRIFT_THRESHOLDS: Readonly<DriftThresholds> = Object.freeze({
  psiModerate: 0.1,
  psiSignificant: 0.25,
  alpha: 0.05,
  correction: 'holm',
});

/** A column's drift status. */
export type DriftStatus = 'stable' | 'moderate' | 'drift';

/** The PSI band of a column. */
export type PsiLevel = 'none' | 'moderate' | 'significant';

/** One column's result, as the verdict takes it. */
export interface ColumnDrift {
  name: string;
  result: NumericDriftResult | CategoricalDriftResult;
}

/** One column's verdict. */
export interface ColumnVerdict {
  name: string;
  kind: 'numeric' | 'categorical';
  psi: number;
  psiLevel: PsiLevel;
  pValue: number;
  /** The p-value after the correction across columns. */
  adjustedPValue: number;
  /** adjustedPValue < alpha. */
  significant: boolean;
  status: DriftStatus;
  /** Why, in a sentence for reports. */
  reason: string;
}

/** The result of {@link driftVerdict}. */
export interface DatasetDriftVerdict {
  /** `drift` if any column drifted, else `moderate` if any moved moderately, else `stable`. */
  status: DriftStatus;
  columns: ColumnVerdict[];
  /** Names of drifted columns, largest PSI first. */
  drifted: string[];
  /** Names of moderately shifted columns, largest PSI first. */
  moderate: string[];
  thresholds: DriftThresholds;
}

/** The PSI band of `psi` under `thresholds`. */
export function psiLevel(
  psi: number,
  thresholds: Pick<DriftThresholds, 'psiModerate' | 'psiSignificant'> = DEFAULT_DRIFT_THRESHOLDS,
): PsiLevel {
  if (psi >= thresholds.psiSignificant) return 'significant';
  if (psi >= thresholds.psiModerate) return 'moderate';
  return 'none';
}

/**
 * The dataset-level drift verdict over per-column results: p-values adjusted across the columns
 * (Holm by default), then per column `drift` when significant with PSI ≥ `psiSignificant`,
 * `moderate` when significant with PSI ≥ `psiModerate`, `stable` otherwise (the reason says
 * whether the test or the PSI said no).
 */
export function driftVerdict(
  columns: readonly ColumnDrift[],
  thresholds: Partial<DriftThresholds> = {},
): DatasetDriftVerdict {
  const t: DriftThresholds = { ...DEFAULT_DRIFT_THRESHOLDS, ...thresholds };
  const pValues = columns.map((c) => c.result.pValue);
  const adjusted =
    t.correction === 'holm' ? holmAdjust(pValues) : t.correction === 'bonferroni' ? bonferroniAdjust(pValues) : pValues;
  const verdicts = columns.map((column, i): ColumnVerdict => {
    const { psi, pValue } = column.result;
    const adjustedPValue = adjusted[i] ?? Number.NaN;
    const significant = adjustedPValue < t.alpha;
    const level = psiLevel(psi, t);
    const test = column.result.kind === 'numeric' ? 'KS' : 'chi-square';
    const p = `${test} p = ${adjustedPValue.toPrecision(3)}${t.correction === 'none' ? '' : ` (${t.correction}-adjusted)`}`;
    let status: DriftStatus = 'stable';
    let reason: string;
    if (!significant) {
      reason =
        level === 'none'
          ? `no evidence of a shift (${p}, PSI ${psi.toFixed(3)})`
          : `PSI ${psi.toFixed(3)} but ${p} ≥ ${t.alpha}: too few rows to tell`;
    } else if (level === 'none') {
      reason = `detectable but small: ${p}, PSI ${psi.toFixed(3)} < ${t.psiModerate}`;
    } else {
      status = level === 'significant' ? 'drift' : 'moderate';
      reason = `${p} < ${t.alpha} and PSI ${psi.toFixed(3)} ≥ ${level === 'significant' ? t.psiSignificant : t.psiModerate}`;
    }
    return {
      name: column.name,
      kind: column.result.kind,
      psi,
      psiLevel: level,
      pValue,
      adjustedPValue,
      significant,
      status,
      reason,
    };
  });
  const byPsi = (status: DriftStatus): string[] =>
    verdicts
      .filter((v) => v.status === status)
      .sort((a, b) => b.psi - a.psi)
      .map((v) => v.name);
  const drifted = byPsi('drift');
  const moderate = byPsi('moderate');
  return {
    status: drifted.length > 0 ? 'drift' : moderate.length > 0 ? 'moderate' : 'stable',
    columns: verdicts,
    drifted,
    moderate,
    thresholds: t,
  };
}
