import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** The label or a feature distributed differently in test than in train or validation. */
export const splitDistributionShift: SplitRule = {
  id: 'MLS020',
  alias: 'split-distribution-shift',
  description: 'Validation and test follow the distribution of train and of each other (KS, chi-square, PSI)',
  defaultSeverity: 'warning',
  tags: ['split', 'data', 'book'],
  check(parsed, context) {
    return leakageFinding(parsed, context, 'distributionShift', (report) =>
      outputRange(parsed, report.distributionShift.pairs[0]?.b),
    );
  },
};
