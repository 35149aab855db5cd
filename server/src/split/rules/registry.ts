import { splitSyntax } from './MLS001-split-syntax';
import { splitUnknownKey } from './MLS002-split-unknown-key';
import { splitSizes } from './MLS003-split-sizes';
import { splitNoTest } from './MLS004-split-no-test';
import { splitShuffle } from './MLS005-split-shuffle';
import { splitSeed } from './MLS006-split-seed';
import { fittedBeforeSplit } from './MLS007-fitted-before-split';
import { dedupAfterSplit } from './MLS008-dedup-after-split';
import { splitByTime } from './MLS009-split-by-time';
import { splitByGroup } from './MLS010-split-by-group';
import { splitTargetInFeatures } from './MLS011-split-target-in-features';
import { splitUnknownColumn } from './MLS012-split-unknown-column';
import { splitOutputCollision } from './MLS013-split-output-collision';
import { splitDataPath } from './MLS014-split-data-path';
import { splitTestPrecision } from './MLS015-split-test-precision';
import { splitDuplicateRows } from './MLS016-split-duplicate-rows';
import { splitGroupOverlap } from './MLS017-split-group-overlap';
import { splitTimeLeakage } from './MLS018-split-time-leakage';
import { splitUnseenCategories } from './MLS019-split-unseen-categories';
import { splitDistributionShift } from './MLS020-split-distribution-shift';
import { splitTargetLeakage } from './MLS021-split-target-leakage';
import { splitSizesActual } from './MLS022-split-sizes-actual';
import type { SplitRule } from '../types';

/** Every split-configuration rule (MLS0xx), in id order. Adding a rule is one line here. */
export const splitRules: readonly SplitRule[] = [
  splitSyntax,
  splitUnknownKey,
  splitSizes,
  splitNoTest,
  splitShuffle,
  splitSeed,
  fittedBeforeSplit,
  dedupAfterSplit,
  splitByTime,
  splitByGroup,
  splitTargetInFeatures,
  splitUnknownColumn,
  splitOutputCollision,
  splitDataPath,
  splitTestPrecision,
  splitDuplicateRows,
  splitGroupOverlap,
  splitTimeLeakage,
  splitUnseenCategories,
  splitDistributionShift,
  splitTargetLeakage,
  splitSizesActual,
];

/** The split rule with this id or alias. */
export function findSplitRule(idOrAlias: string): SplitRule | undefined {
  return splitRules.find((rule) => rule.id === idOrAlias || rule.alias === idOrAlias);
}
