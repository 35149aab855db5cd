import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** A column that alone predicts the target almost perfectly. */
export const splitTargetLeakage: SplitRule = {
  id: 'MLS021',
  alias: 'split-target-leakage',
  description: 'No single column predicts the target almost perfectly on test',
  defaultSeverity: 'error',
  tags: ['split', 'leakage', 'data'],
  check(parsed, context) {
    return leakageFinding(
      parsed,
      context,
      'targetLeakage',
      (report) => parsed.config.target?.value.range ?? outputRange(parsed, report.targetLeakage.evaluatedOn),
    );
  },
};
