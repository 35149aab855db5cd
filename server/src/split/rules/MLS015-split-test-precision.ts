import { isTestSplitName } from '../keys';
import { dataRows } from './MLS003-split-sizes';
import type { SplitRule } from '../types';

/** z of a two-sided 95% interval. */
const Z95 = 1.959963984540054;
/** The precision asked for when the configuration states none: ±2 points. */
export const DEFAULT_MARGIN = 0.02;

/** Half-width of the normal-approximation 95% interval of a proportion near 50% (the widest) on `n` rows. */
export function intervalHalfWidth(n: number): number {
  return Z95 * Math.sqrt(0.25 / n);
}

/** Rows a proportion near 50% needs for a 95% interval of ±`margin`. */
export function rowsForMargin(margin: number): number {
  return Math.ceil(((Z95 * 0.5) / margin) ** 2);
}

function points(fraction: number): string {
  return (fraction * 100).toFixed(1);
}

/** A test split too small for the precision the project needs from its score. */
export const splitTestPrecision: SplitRule = {
  id: 'MLS015',
  alias: 'split-test-precision',
  description: 'The test split is large enough for the precision the project states (margin, default ±2 points)',
  defaultSeverity: 'warning',
  tags: ['split', 'sizes', 'evaluation'],
  check(parsed, context) {
    const { sizes, task, margin } = parsed.config;
    if (task?.value.value === 'regression') return [];
    const test = sizes?.value.find((s) => isTestSplitName(s.split));
    if (!sizes || !test || test.value <= 0) return [];
    const values = sizes.value.map((s) => s.value);
    const counts = values.every((v) => Number.isInteger(v) && v >= 1) && values.some((v) => v > 1);
    let n: number;
    let how: string;
    if (counts) {
      n = test.value;
      how = `${n.toLocaleString('en-US')} rows`;
    } else {
      const rows = dataRows(parsed, context);
      if (rows === undefined || test.value >= 1) return [];
      n = Math.floor(test.value * rows + 1e-9);
      how = `${n.toLocaleString('en-US')} rows (${test.value} of ${rows.toLocaleString('en-US')})`;
    }
    if (n <= 0) return [];
    const wanted = margin?.value.value ?? DEFAULT_MARGIN;
    const halfWidth = intervalHalfWidth(n);
    if (halfWidth <= wanted) return [];
    const needed = rowsForMargin(wanted);
    return [
      {
        range: test.range,
        message: `the test split has ${how}: a 95% interval of an accuracy near 50% is ±${points(halfWidth)} points on it (normal approximation, 1.96·√(0.25/n)), wider than the ±${points(wanted)} points ${margin ? `margin asks for` : 'mlguide assumes when no margin is set'}; ±${points(wanted)} points needs ${needed.toLocaleString('en-US')} test rows. Grow the test split, or state the precision the project needs with margin:`,
      },
    ];
  },
};
