import type { SplitRule } from '../types';
import { leakageFinding, outputRange } from './leakageCommon';

/** Validation or test rows dated before the end of train. */
export const splitTimeLeakage: SplitRule = {
  id: 'MLS018',
  alias: 'split-time-leakage',
  description: 'No validation or test row is dated before the end of train (time_column)',
  defaultSeverity: 'error',
  tags: ['split', 'leakage', 'data'],
  check(parsed, context) {
    return leakageFinding(
      parsed,
      context,
      'timeLeakage',
      (report) =>
        parsed.config.timeColumn?.value.range ??
        outputRange(parsed, report.timeLeakage.splits.find((s) => s.earlier > 0)?.split),
    );
  },
};
