import { exampleCount } from './MLG401-example-count';
import { sizeCategory } from './MLG402-size-category';
import { undocumentedColumn } from './MLG403-undocumented-column';
import { unknownColumn } from './MLG404-unknown-column';
import { columnType } from './MLG405-column-type';
import { observedLabels } from './MLG406-observed-labels';
import { valueRange } from './MLG407-value-range';
import type { CardRule } from './types';

/** Rules of the card checked against the data it describes (MLG4xx), in id order. Adding a rule is one line here. */
export const dataRules: readonly CardRule[] = [
  exampleCount,
  sizeCategory,
  undocumentedColumn,
  unknownColumn,
  columnType,
  observedLabels,
  valueRange,
];
