import { setTopLevel } from '../edits';
import { anchor, strategyKnown, strategyOf, writes } from './common';
import type { SplitRule } from '../types';

/** A split drawn at random without a seed: every run draws another split. */
export const splitSeed: SplitRule = {
  id: 'MLS006',
  alias: 'split-seed',
  description: 'A split that draws rows at random has a seed',
  defaultSeverity: 'warning',
  tags: ['split', 'reproducibility'],
  check(parsed) {
    if (!parsed.root || writes(parsed, 'seed') || !strategyKnown(parsed)) return [];
    const strategy = strategyOf(parsed);
    if (strategy.value === 'time') return [];
    const name = strategy.written ? `strategy ${strategy.value}` : 'a random split (no strategy given)';
    return [
      {
        range: anchor(parsed, 'strategy', 'shuffle', 'data'),
        message: `no seed for ${name}: every run draws another split, so results cannot be reproduced and a model tuned on one test set is scored on another. Add seed: 42 (any fixed integer)`,
        fix: { kind: 'edit', title: 'Add seed: 42', edits: setTopLevel(parsed, 'seed', 42) },
      },
    ];
  },
};
