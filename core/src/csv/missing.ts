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

/** The longest token in {@link MISSING_TOKENS} (`#N/A N/A`): longer cells skip the lookup. */
const LONGEST_TOKEN = 8;

/** First characters of the tokens: `#`, `-`, `1`, `<`, `N`, `n`. Other cells skip the lookup. */
const FIRST_CHARS = new Uint8Array(128);
for (const token of MISSING_TOKENS) if (token.length > 0) FIRST_CHARS[token.charCodeAt(0)] = 1;

/** True when `cell` stands for a missing value (see {@link MISSING_TOKENS}). */
export function isMissing(cell: string): boolean {
  if (cell.length === 0) return true;
  return cell.length <= LONGEST_TOKEN && FIRST_CHARS[cell.charCodeAt(0)] === 1 && MISSING_TOKENS.has(cell);
}
