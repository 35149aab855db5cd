import { mergeEdits, setTopLevel } from '../edits';
import { strategyKnown, strategyOf } from './common';
import type { SplitRule } from '../types';

/** A time column with a split that is not by time: the model trains on the future. */
export const splitByTime: SplitRule = {
  id: 'MLS009',
  alias: 'split-by-time',
  description: 'A configuration with a time column splits by time',
  defaultSeverity: 'warning',
  tags: ['split', 'leakage'],
  check(parsed) {
    const time = parsed.config.timeColumn;
    if (!time || !strategyKnown(parsed)) return [];
    const strategy = strategyOf(parsed);
    if (strategy.value === 'time') return [];
    const column = time.value.value;
    const edits = [...setTopLevel(parsed, 'strategy', 'time')];
    if (parsed.config.shuffle?.value.value === true) edits.push(...setTopLevel(parsed, 'shuffle', false));
    return [
      {
        range: parsed.config.strategy?.value.range ?? time.keyRange,
        message: `time_column ${column} is set but the split is ${strategy.written ? strategy.value : 'random (no strategy)'}: rows from the future land in training while production only ever has the past, so the test score is too good. Use strategy: time (train on the earliest rows, test on the latest)`,
        fix: { kind: 'edit', title: `Split by time on ${column}`, edits: mergeEdits(edits) },
      },
    ];
  },
};
