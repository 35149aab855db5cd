import { hfSplitSameFile } from './MLG501-hf-split-same-file';
import { hfSplitOverlappingGlobs } from './MLG502-hf-split-overlapping-globs';
import { hfSplitNoTest } from './MLG503-hf-split-no-test';
import type { CardRule } from './types';

/**
 * Rules of the splits a card's Hugging Face `configs[].data_files` declare (MLG5xx): the split
 * configuration rules that apply to them, in id order. Adding a rule is one line here.
 */
export const splitFileRules: readonly CardRule[] = [hfSplitSameFile, hfSplitOverlappingGlobs, hfSplitNoTest];
