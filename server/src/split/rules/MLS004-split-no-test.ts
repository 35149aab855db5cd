import { isTestSplitName } from '../keys';
import { anchor, writes } from './common';
import type { SplitRule } from '../types';

/** A split with no test set: the final score would come from rows that decisions were tuned on. */
export const splitNoTest: SplitRule = {
  id: 'MLS004',
  alias: 'split-no-test',
  description: 'The split has a test set',
  defaultSeverity: 'warning',
  tags: ['split', 'sizes'],
  check(parsed) {
    const { sizes, outputs } = parsed.config;
    const declared = sizes ?? outputs;
    const names = sizes ? sizes.value.map((s) => s.split) : outputs ? outputs.value.map((o) => o.split) : [];
    if (names.some(isTestSplitName)) return [];
    // A mistyped sizes or outputs is MLS001's; what it meant to declare is unknown.
    if (!parsed.root || (!sizes && writes(parsed, 'sizes')) || (!outputs && writes(parsed, 'outputs'))) return [];
    const why =
      'the final score must come from rows no decision (features, model, threshold) was tuned on; validation scores are optimistic after tuning';
    if (!declared) {
      return [
        {
          range: anchor(parsed, 'data'),
          message: `no sizes or outputs: the configuration does not say there is a test split; ${why}`,
        },
      ];
    }
    const key = sizes ? 'sizes' : 'outputs';
    return [
      {
        range: declared.keyRange,
        message: `${key} name${names.length > 0 ? ` ${names.join(', ')} but` : ''} no test split; ${why}. Add one, e.g. test: 0.15`,
      },
    ];
  },
};
