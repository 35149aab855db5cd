import { formatValue } from '../edits';
import type { SplitRule } from '../types';

/** A key the format does not know: a typo (`sead`) or a key of another tool; its value is ignored. */
export const splitUnknownKey: SplitRule = {
  id: 'MLS002',
  alias: 'split-unknown-key',
  description: 'Every key of the split configuration is one the format knows',
  defaultSeverity: 'warning',
  tags: ['split', 'syntax'],
  check(parsed) {
    return parsed.problems
      .filter((problem) => problem.kind === 'unknown-key')
      .map((problem) => ({
        range: problem.range,
        message: `${problem.message} Its value is ignored.`,
        ...(problem.suggestion
          ? {
              fix: {
                kind: 'edit' as const,
                title: `Rename to ${problem.suggestion}`,
                edits: [{ range: problem.range, newText: formatValue(parsed.format, problem.suggestion) }],
              },
            }
          : {}),
      }));
  },
};
