import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** Split files whose row counts differ from the configured sizes or cannot come from the raw data. */
export const splitSizesActual: SplitRule = {
  id: 'MLS022',
  alias: 'split-sizes-actual',
  description: 'The split files hold the configured sizes, and rows the raw data can give',
  defaultSeverity: 'warning',
  tags: ['split', 'data'],
  check(parsed, context) {
    return leakageFinding(parsed, context, 'sizes', (report) => {
      if (report.sizes.problem !== undefined)
        return parsed.config.data?.value[0]?.range ?? outputRange(parsed, undefined);
      const off = report.sizes.splits.find((s) => s.off);
      const size = parsed.config.sizes?.value.find((s) => s.split === off?.split);
      return size?.range ?? outputRange(parsed, off?.split);
    });
  },
};
