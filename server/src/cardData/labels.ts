// Which column a card's label section is about, and the values and ranges it declares for it,
// resolved against the data's column names: a code word that names a column is the column, the
// other code words are its values.
import { cardClaims, type RangeClaim, type StatedValue } from './claims';
import { findColumn, type MergedColumn } from './facts';
import { parseStatedType } from './numbers';
import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';

/** Values (or a range) a card declares for one column. */
export interface DeclaredColumnValues {
  column: MergedColumn;
  values: StatedValue[];
  ranges: RangeClaim[];
  /** Where a finding about the declaration as a whole goes. */
  anchor: TextRange;
  /** Where the declaration is: the label section, or the column's entry in the features list. */
  origin: 'label-section' | 'column-entry';
}

const LABEL_NAMES = ['label', 'labels', 'target', 'class', 'y', 'outcome'];

/** Every value list and range a card declares for a column of the data. */
export function declaredColumnValues(card: DatasetCard, columns: readonly MergedColumn[]): DeclaredColumnValues[] {
  const claims = cardClaims(card);
  const declared: DeclaredColumnValues[] = [];
  const documented = claims.documented;
  for (const entry of documented) {
    const column = findColumn(columns, entry.name);
    if (!column || (entry.values.length === 0 && entry.ranges.length === 0)) continue;
    declared.push({
      column,
      values: entry.values,
      ranges: entry.ranges,
      anchor: entry.typeRange ?? entry.range,
      origin: 'column-entry',
    });
  }
  for (const label of claims.labels) {
    const named = label.tokens.find((token) => findColumn(columns, token.text));
    const column =
      (named ? findColumn(columns, named.text) : undefined) ??
      documented
        .filter((entry) => entry.isLabel)
        .map((entry) => findColumn(columns, entry.name))
        .find((c) => c) ??
      columns.find((c) => LABEL_NAMES.includes(c.name.toLowerCase()));
    if (!column) continue;
    const values = label.tokens.filter(
      (token) =>
        !findColumn(columns, token.text) &&
        !/\.(?:csv|tsv|json|parquet)$|\//i.test(token.text) &&
        parseStatedType(token.text)?.word !== token.text.toLowerCase(),
    );
    if (values.length === 0 && label.ranges.length === 0) continue;
    declared.push({
      column,
      values,
      ranges: label.ranges,
      anchor: named?.range ?? label.anchor,
      origin: 'label-section',
    });
  }
  return declared;
}

/** Whether a declared value and an observed one are the same value (case, number spelling, a code). */
export function sameValue(declared: StatedValue, observed: string): boolean {
  const candidates = [declared.text, ...(declared.alias !== undefined ? [declared.alias] : [])];
  return candidates.some((text) => {
    if (text === observed || text.toLowerCase() === observed.toLowerCase()) return true;
    const a = Number(text);
    const b = Number(observed);
    return text.trim() !== '' && observed.trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && a === b;
  });
}
