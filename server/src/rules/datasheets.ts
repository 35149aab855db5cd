import type { CardRule } from './types';

/** Rules of the questions of Datasheets for Datasets (profile `datasheets`), MLG1xx, in id order. Adding a rule is one line here. */
export const datasheetRules: readonly CardRule[] = [];
