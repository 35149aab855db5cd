import { datasheetMotivation } from './MLG101-datasheet-motivation';
import { datasheetComposition } from './MLG102-datasheet-composition';
import { datasheetCollection } from './MLG103-datasheet-collection';
import { datasheetPreprocessing } from './MLG104-datasheet-preprocessing';
import { datasheetUses } from './MLG105-datasheet-uses';
import { datasheetDistribution } from './MLG106-datasheet-distribution';
import { datasheetMaintenance } from './MLG107-datasheet-maintenance';
import type { CardRule } from './types';

/** Rules of the questions of Datasheets for Datasets (profile `datasheets`), MLG1xx, in id order. Adding a rule is one line here. */
export const datasheetRules: readonly CardRule[] = [
  datasheetMotivation,
  datasheetComposition,
  datasheetCollection,
  datasheetPreprocessing,
  datasheetUses,
  datasheetDistribution,
  datasheetMaintenance,
];
