import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** Labels or categories in validation / test that train never has. */
export const splitUnseenCategories: SplitRule = {
  id: 'MLS019',
  alias: 'split-unseen-categories',
  description: 'Every label and category of validation and test occurs in train',
  defaultSeverity: 'warning',
  tags: ['split', 'data'],
  check(parsed, context) {
    return leakageFinding(parsed, context, 'unseenCategories', (report) => {
      const first = report.unseenCategories.findings[0];
      return first?.isTarget && parsed.config.target
        ? parsed.config.target.value.range
        : outputRange(parsed, first?.split);
    });
  },
};
