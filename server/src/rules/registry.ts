import { dataMeaning } from './MLG001-data-meaning';
import { collectionProcess } from './MLG002-collection-process';
import { creationMethods } from './MLG003-creation-methods';
import { splitDetails } from './MLG004-split-details';
import { preprocessingSteps } from './MLG005-preprocessing-steps';
import { excludedData } from './MLG006-excluded-data';
import { storageFormat } from './MLG007-storage-format';
import { attributeTypes } from './MLG008-attribute-types';
import { numberOfExamples } from './MLG009-number-of-examples';
import { labelValues } from './MLG010-label-values';
import { splitProportions } from './MLG011-split-proportions';
import { labelerDisagreement } from './MLG012-labeler-disagreement';
import { splitPreprocessingOrder } from './MLG013-split-preprocessing-order';
import { datasheetRules } from './datasheets';
import { huggingFaceRules } from './huggingface';
import { dataRules } from './data';
import { splitFileRules } from './splitFiles';
import type { CardRule } from './types';
import { findSplitRule } from '../split/rules/registry';
import type { SplitRule } from '../split/types';

/** Every dataset-card rule, in id order. Adding a rule is one line here. */
export const cardRules: readonly CardRule[] = [
  dataMeaning,
  collectionProcess,
  creationMethods,
  splitDetails,
  preprocessingSteps,
  excludedData,
  storageFormat,
  attributeTypes,
  numberOfExamples,
  labelValues,
  splitProportions,
  labelerDisagreement,
  splitPreprocessingOrder,
  ...datasheetRules,
  ...huggingFaceRules,
  ...dataRules,
  ...splitFileRules,
];

/**
 * The rule with this id or alias: a dataset-card rule, or a split-configuration rule (MLS0xx), so
 * `.mlguide.yaml`, the `mlguide.rules` setting and suppression comments name either kind.
 */
export function findRule(idOrAlias: string): CardRule | SplitRule | undefined {
  return cardRules.find((rule) => rule.id === idOrAlias || rule.alias === idOrAlias) ?? findSplitRule(idOrAlias);
}
