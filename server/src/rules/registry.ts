import { numberOfExamples } from './MLG009-number-of-examples';
import type { CardRule } from './types';

/** Every dataset-card rule, in id order. Adding a rule is one line here. */
export const cardRules: readonly CardRule[] = [numberOfExamples];

/** The rule with this id or alias. */
export function findRule(idOrAlias: string): CardRule | undefined {
  return cardRules.find((rule) => rule.id === idOrAlias || rule.alias === idOrAlias);
}
