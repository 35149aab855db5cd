/**
 * Cell texts read as a missing value. The set is pandas' default `na_values`, so a missing count
 * from mlguide matches `df.isna().sum()` on the same file read with `pd.read_csv` defaults.
 */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

/** True when `cell` stands for a missing value (see {@link MISSING_TOKENS}). */
export function isMissing(cell: string): boolean {
  return MISSING_TOKENS.has(cell);
}
