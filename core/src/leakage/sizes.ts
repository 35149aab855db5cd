/**
 * Check 7: the rows each split file holds against the sizes the configuration states, and
 * whether the split files can have come from the raw data at all.
 */
import type { SplitSizesCheck, SplitSizeRow } from './types';

/** A size as written under `sizes:`: a fraction (≤ 1) or a row count (> 1). */
export interface ConfiguredSize {
  split: string;
  value: number;
}

/**
 * Compares actual and configured sizes. A fraction is compared as a share of all split rows
 * (off when the gap exceeds `tolerance`); a count is compared with the rows (off when they differ
 * by more than `tolerance` of it, and by more than one row, as rounding moves a row). Against the
 * raw data: more split rows than raw rows cannot come from it (fail); fewer than
 * `1 − 10 × tolerance` of them (80 % by default) means rows went missing — duplicates dropped
 * before the split explain some, so then it is only a warning.
 */
export function splitSizesCheck(
  actual: readonly { split: string; rows: number }[],
  configured: readonly ConfiguredSize[],
  rawRows: number | undefined,
  tolerance: number,
  dedupBeforeSplit: boolean,
): SplitSizesCheck {
  const total = actual.reduce((s, a) => s + a.rows, 0);
  const configuredTotal = configured.every((c) => c.value <= 1)
    ? configured.reduce((s, c) => s + c.value, 0)
    : undefined;
  const splits: SplitSizeRow[] = actual.map(({ split, rows }) => {
    const actualShare = total > 0 ? rows / total : 0;
    const size = configured.find((c) => c.split === split);
    if (!size) return { split, rows, actualShare, off: false };
    if (size.value <= 1) {
      // Fractions that do not add up to 1 (MLS003 says so) are compared as shares of their sum.
      const configuredShare = size.value / (configuredTotal && configuredTotal > 0 ? configuredTotal : 1);
      return {
        split,
        rows,
        actualShare,
        configured: size.value,
        configuredShare,
        off: Math.abs(actualShare - configuredShare) > tolerance,
      };
    }
    return {
      split,
      rows,
      actualShare,
      configured: size.value,
      off: Math.abs(rows - size.value) > Math.max(1, tolerance * size.value),
    };
  });
  let problem: string | undefined;
  let severe = false;
  if (rawRows !== undefined && total > rawRows) {
    problem = `the splits hold ${total.toLocaleString('en-US')} rows, more than the ${rawRows.toLocaleString('en-US')} rows of the raw data: rows were copied into more than one split, or the files come from other data`;
    severe = true;
  } else if (rawRows !== undefined && rawRows > 0 && total < rawRows * (1 - 10 * tolerance)) {
    const missing = rawRows - total;
    problem = `the splits hold ${total.toLocaleString('en-US')} of the raw data's ${rawRows.toLocaleString('en-US')} rows (${missing.toLocaleString('en-US')}, ${((100 * missing) / rawRows).toFixed(1)} %, are in no split)${dedupBeforeSplit ? ': more than deduplication usually drops' : ''}: the split files are stale or come from a filtered copy`;
  }
  const status =
    actual.length === 0
      ? 'skip'
      : severe
        ? 'fail'
        : problem !== undefined || splits.some((s) => s.off)
          ? 'warn'
          : 'pass';
  return { status, total, ...(rawRows !== undefined ? { rawRows } : {}), splits, ...(problem ? { problem } : {}) };
}
