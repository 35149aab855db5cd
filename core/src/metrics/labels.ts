/**
 * The order of class labels. scikit-learn sorts labels (`np.unique`); a CSV column of numbers
 * reaches it as integers or floats through pandas and sorts numerically, a column of text sorts by
 * code point. mlguide's labels are strings, so it does the same: numerically when every label is
 * a decimal number, else by Unicode code point.
 */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Compares two strings by Unicode code point, as Python compares `str` (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Units differ: compare whole code points, which differs from unit order only for surrogates.
      const cx = a.codePointAt(i) ?? x;
      const cy = b.codePointAt(i) ?? y;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length - b.length;
}

/** True when every label is a decimal number, so that labels sort numerically. */
export function labelsAreNumeric(labels: readonly string[]): boolean {
  return labels.length > 0 && labels.every((label) => DECIMAL.test(label));
}

/**
 * The distinct labels in scikit-learn's order: numeric when all are decimal numbers (ties such as
 * `1` and `1.0` broken by code point), otherwise by code point.
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const distinct = [...new Set(labels)];
  if (labelsAreNumeric(distinct)) {
    return distinct.sort((a, b) => Number(a) - Number(b) || compareCodePoints(a, b));
  }
  return distinct.sort(compareCodePoints);
}
