import type { SplitRule } from '../types';

/** Malformed YAML or JSON, values of the wrong type, a strategy without the column it needs. */
export const splitSyntax: SplitRule = {
  id: 'MLS001',
  alias: 'split-syntax',
  description: 'The split configuration is well-formed YAML or JSON and each key has a value of its type',
  defaultSeverity: 'error',
  tags: ['split', 'syntax'],
  check(parsed) {
    return parsed.problems
      .filter((problem) => problem.kind !== 'unknown-key')
      .map((problem) => ({ range: problem.range, message: problem.message }));
  },
};
