/**
 * The report of the data-backed split checks (rules MLS016–MLS022): what {@link LeakageChecker}
 * returns once every split file has been fed to it. Plain data, so it crosses the LSP boundary
 * (`mlguide/checkSplit`) as it is.
 *
 * @module
 */

/** How a check came out: `skip` when it could not run (no such column, no second split…). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** A row of a split file, as `file:line` shows it. */
export interface RowRef {
  file: string;
  /** 1-based line the row starts on. */
  line: number;
}

/** Thresholds of the checks, all configurable under `leakage:` in the split file. */
export interface LeakageThresholds {
  /** Family-wise significance level of the drift tests (Holm across columns). Default 0.05. */
  alpha: number;
  /** PSI from which a shift is moderate (a warning). Default 0.1. */
  psiModerate: number;
  /** PSI from which a shift is significant. Default 0.25. */
  psiSignificant: number;
  /** Balanced accuracy of a one-feature rule from which the feature is called a leak. Default 0.95. */
  targetScore: number;
  /** Largest allowed gap between a split's actual and configured share of the rows. Default 0.02. */
  sizeTolerance: number;
  /** Examples kept per finding (pairs, ids). Default 5. */
  maxExamples: number;
}

/** The defaults of {@link LeakageThresholds}. */
export const DEFAULT_LEAKAGE_THRESHOLDS: Readonly<LeakageThresholds> = Object.freeze({
  alpha: 0.05,
  psiModerate: 0.1,
  psiSignificant: 0.25,
  targetScore: 0.95,
  sizeTolerance: 0.02,
  maxExamples: 5,
});

/** Rows shared by two splits. */
export interface DuplicatePair {
  /** The split read first (whose row hashes were held). */
  a: string;
  b: string;
  /** Rows of `a` whose exact content also occurs in `b`. */
  rowsA: number;
  /** Rows of `b` whose exact content also occurs in `a`. */
  rowsB: number;
  /** The same after normalising case, surrounding whitespace and number formatting (≥ the exact counts). */
  normalizedRowsA: number;
  normalizedRowsB: number;
  /** Rows of the smaller split (normalised count) over its size. */
  shareOfSmaller: number;
  /** The first pairs found, `a`'s row and `b`'s row (exact or normalised). */
  examples: { a: RowRef; b: RowRef; normalized: boolean }[];
}

/** Check 1: duplicate rows across splits. */
export interface DuplicatesCheck {
  status: CheckStatus;
  pairs: DuplicatePair[];
}

/** Ids of one column found in two splits. */
export interface GroupOverlapPair {
  column: string;
  a: string;
  b: string;
  /** Distinct ids in both splits. */
  sharedIds: number;
  /** Rows of `a` carrying one of them. */
  rowsA: number;
  /** Rows of `b` carrying one of them. */
  rowsB: number;
  examples: { id: string; a: RowRef; b: RowRef }[];
}

/** Check 2: group / entity overlap. */
export interface GroupOverlapCheck {
  status: CheckStatus;
  /** The columns checked: `group_by`, else the id-like columns of the header. */
  columns: string[];
  /** Where the columns came from. */
  source: 'group_by' | 'id-like' | 'none';
  pairs: GroupOverlapPair[];
  reason?: string;
}

/** Rows of a split dated before the end of the reference (train) split. */
export interface TimeLeakSplit {
  split: string;
  rows: number;
  /** Rows with a parsable time. */
  dated: number;
  /** Rows dated strictly before the latest time in train. */
  earlier: number;
  earliest?: { value: string; at: RowRef };
  latest?: { value: string; at: RowRef };
}

/** Check 3: time leakage. */
export interface TimeLeakageCheck {
  status: CheckStatus;
  column?: string;
  /** The latest time in the reference split. */
  referenceEnd?: { value: string; at: RowRef };
  referenceEarliest?: { value: string; at: RowRef };
  splits: TimeLeakSplit[];
  /** Non-missing cells that are neither dates nor numbers. */
  unparsed: number;
  reason?: string;
}

/** Values of one column in a split that the reference split never has. */
export interface UnseenValues {
  column: string;
  split: string;
  isTarget: boolean;
  /** Distinct unseen values. */
  values: number;
  /** Rows carrying them. */
  rows: number;
  /** The most frequent unseen values with their row counts. */
  examples: { value: string; rows: number }[];
}

/** Check 4: labels and categories never seen in train. */
export interface UnseenCategoriesCheck {
  status: CheckStatus;
  /** Categorical columns compared (the target first when it is categorical). */
  columns: string[];
  findings: UnseenValues[];
}

/** One column's shift between two splits. */
export interface ColumnShift {
  column: string;
  isTarget: boolean;
  kind: 'numeric' | 'categorical';
  /** KS statistic (numeric) or chi-square statistic (categorical). */
  statistic: number;
  /** Cramér's V, categorical columns only. */
  cramersV?: number;
  pValue: number;
  /** Holm-adjusted across the pair's columns. */
  adjustedPValue: number;
  psi: number;
  status: 'stable' | 'moderate' | 'drift';
  reason: string;
}

/** The shift between two splits. */
export interface ShiftPair {
  a: string;
  b: string;
  columns: ColumnShift[];
  /** Columns not compared, and why. */
  skipped: { column: string; reason: string }[];
}

/** Check 5: distribution shift. */
export interface DistributionShiftCheck {
  status: CheckStatus;
  pairs: ShiftPair[];
  reason?: string;
}

/** A feature that predicts the target alone. */
export interface FeatureScore {
  column: string;
  /** Balanced accuracy on the evaluation split of the majority-label-per-value rule learnt on train. */
  balancedAccuracy: number;
  /** How the values were grouped: one group per value, or quantile bins of a numeric column. */
  grouping: 'values' | 'bins';
}

/** Check 6: single-feature target leakage. */
export interface TargetLeakageCheck {
  status: CheckStatus;
  target?: string;
  /** The split the rules were scored on (test, else the last split read before train). */
  evaluatedOn?: string;
  /** Features at or above the threshold, best first. */
  leaks: FeatureScore[];
  /** Every feature scored, best first. */
  scores: FeatureScore[];
  skipped: { column: string; reason: string }[];
  reason?: string;
}

/** One split's configured and actual size. */
export interface SplitSizeRow {
  split: string;
  rows: number;
  actualShare: number;
  /** As written: a fraction, or a row count. */
  configured?: number;
  configuredShare?: number;
  /** Off by more than the tolerance. */
  off: boolean;
}

/** Check 7: split sizes against the configuration and the raw data. */
export interface SplitSizesCheck {
  status: CheckStatus;
  total: number;
  rawRows?: number;
  splits: SplitSizeRow[];
  /** Why the row counts cannot come from the raw data, when they cannot. */
  problem?: string;
}

/** Rows read from each split file. */
export interface SplitFileRead {
  split: string;
  file: string;
  rows: number;
  /** CSV problems met while reading (ragged rows…), with their lines. */
  warnings: string[];
}

/** Everything the data-backed checks found. */
export interface LeakageReport {
  version: 1;
  /** The split read last and compared against (train). */
  reference: string;
  files: SplitFileRead[];
  thresholds: LeakageThresholds;
  duplicates: DuplicatesCheck;
  groupOverlap: GroupOverlapCheck;
  timeLeakage: TimeLeakageCheck;
  unseenCategories: UnseenCategoriesCheck;
  distributionShift: DistributionShiftCheck;
  targetLeakage: TargetLeakageCheck;
  sizes: SplitSizesCheck;
}
