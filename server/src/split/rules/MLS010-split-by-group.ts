import { mergeEdits, setTopLevel } from '../edits';
import { dataHeader, isIdLike, strategyKnown, strategyOf, writes } from './common';
import type { SplitRule } from '../types';

/** An entity id column (customer, patient, user…) in the data, and a split that does not group by it. */
export const splitByGroup: SplitRule = {
  id: 'MLS010',
  alias: 'split-by-group',
  description: 'When the data has an entity id column, the split keeps each entity in one split',
  defaultSeverity: 'warning',
  tags: ['split', 'leakage'],
  check(parsed, context) {
    if (writes(parsed, 'group_by') || !strategyKnown(parsed)) return [];
    const strategy = strategyOf(parsed);
    if (strategy.value === 'time') return [];
    const header = dataHeader(parsed, context);
    if (!header) return [];
    const target = parsed.config.target?.value.value;
    // By name (`customer_id`, `patient`…), or because every value is a distinct identifier.
    const ids = header.facts.header.filter(
      (column) => column !== target && (isIdLike(column) || (header.facts.idLike?.includes(column) ?? false)),
    );
    const column = ids[0];
    if (column === undefined) return [];
    const stratified = strategy.value === 'stratified';
    const edits = stratified
      ? setTopLevel(parsed, 'group_by', column)
      : [...setTopLevel(parsed, 'strategy', 'group'), ...setTopLevel(parsed, 'group_by', column)];
    const excluded = parsed.config.features?.value.exclude?.value.some((c) => c.value === column);
    return [
      {
        range: parsed.config.strategy?.value.range ?? header.range,
        message: `${ids.join(', ')} ${ids.length === 1 ? 'looks like an entity id' : 'look like entity ids'} in ${header.facts.reference}, and the split does not keep an entity's rows together: when one ${column} has rows in train and in test, the model recognises the entity instead of learning the task${excluded ? ' (excluding the column from the features does not prevent this)' : ''}. Set group_by: ${column}${stratified ? ' (a stratified group split)' : ' with strategy: group'}, or suppress this if every ${column} has one row`,
        fix: {
          kind: 'edit',
          title: stratified ? `Keep the rows of each ${column} together (group_by)` : `Split by group on ${column}`,
          edits: mergeEdits(edits),
        },
      },
    ];
  },
};
