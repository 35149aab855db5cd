import { setTopLevel } from '../edits';
import { RANDOM_STRATEGIES, anchor, strategyKnown, strategyOf, writes } from './common';
import type { SplitRule } from '../types';

/** A random split of unshuffled rows, or a time split that shuffles. */
export const splitShuffle: SplitRule = {
  id: 'MLS005',
  alias: 'split-shuffle',
  description: 'Rows are shuffled before a random, stratified, group or cluster split, and never before a time split',
  defaultSeverity: 'warning',
  tags: ['split', 'leakage', 'book'],
  check(parsed) {
    if (!parsed.root || !strategyKnown(parsed) || (writes(parsed, 'shuffle') && !parsed.config.shuffle)) return [];
    const strategy = strategyOf(parsed);
    const shuffle = parsed.config.shuffle;
    const name = strategy.written ? `strategy ${strategy.value}` : 'no strategy (a random split)';
    if (strategy.value === 'time') {
      if (shuffle?.value.value !== true) return [];
      return [
        {
          range: shuffle.value.range,
          message:
            'a time split must not shuffle: shuffled, the training rows include the future the model is tested on. Set shuffle: false',
          fix: { kind: 'edit', title: 'Set shuffle: false', edits: setTopLevel(parsed, 'shuffle', false) },
        },
      ];
    }
    if (!RANDOM_STRATEGIES.has(strategy.value) || shuffle?.value.value === true) return [];
    const fix = { kind: 'edit' as const, title: 'Set shuffle: true', edits: setTopLevel(parsed, 'shuffle', true) };
    const reason =
      'the book asks that "data was randomized before the split" (ch. 3): files are often sorted by date, class or source, and cutting them in order gives splits with different distributions';
    if (shuffle) {
      return [{ range: shuffle.value.range, message: `shuffle is false with ${name}: ${reason}`, fix }];
    }
    return [
      { range: anchor(parsed, 'strategy', 'seed', 'data'), message: `${name} without shuffle: true: ${reason}`, fix },
    ];
  },
};
