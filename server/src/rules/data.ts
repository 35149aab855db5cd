import type { CardRule } from './types';

/** Rules of the card checked against the data it describes (MLG4xx), in id order. Adding a rule is one line here. */
export const dataRules: readonly CardRule[] = [];
