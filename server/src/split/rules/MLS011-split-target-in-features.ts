import type { SplitRule } from '../types';

/** The target listed among the features the model uses. */
export const splitTargetInFeatures: SplitRule = {
  id: 'MLS011',
  alias: 'split-target-in-features',
  description: 'The target is not among the features',
  defaultSeverity: 'error',
  tags: ['split', 'leakage'],
  check(parsed) {
    const target = parsed.config.target?.value.value;
    const include = parsed.config.features?.value.include?.value ?? [];
    if (target === undefined) return [];
    return include
      .filter((column) => column.value === target)
      .map((column) => ({
        range: column.range,
        message: `the target ${target} is among the features: a model that sees its label scores perfectly offline and fails in production. Remove it from features.include`,
      }));
  },
};
