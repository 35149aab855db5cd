import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** One entity (the group_by column, else an id-like column) with rows in two splits. */
export const splitGroupOverlap: SplitRule = {
  id: 'MLS017',
  alias: 'split-group-overlap',
  description: 'No entity (group_by or id-like column) has rows in two splits',
  defaultSeverity: 'error',
  tags: ['split', 'leakage', 'data'],
  check(parsed, context) {
    return leakageFinding(
      parsed,
      context,
      'groupOverlap',
      (report) => parsed.config.groupBy?.value.range ?? outputRange(parsed, report.groupOverlap.pairs[0]?.b),
    );
  },
};
