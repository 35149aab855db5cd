import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** Rows of one split file that also occur in another (exactly, or once normalised). */
export const splitDuplicateRows: SplitRule = {
  id: 'MLS016',
  alias: 'split-duplicate-rows',
  description: 'No row of one split file occurs in another, exactly or after normalising case, spaces and numbers',
  defaultSeverity: 'error',
  tags: ['split', 'leakage', 'data'],
  check(parsed, context) {
    return leakageFinding(parsed, context, 'duplicates', (report) => {
      const found = report.duplicates.pairs.find((p) => p.normalizedRowsB > 0);
      // On the held split's output (test), the one whose rows were seen in training.
      return outputRange(parsed, found && found.b === report.reference ? found.a : found?.b);
    });
  },
};
