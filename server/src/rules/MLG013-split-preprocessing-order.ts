import type { DatasetCard } from '../parse/datasetCard';
import { preprocessingStepsItem } from './MLG005-preprocessing-steps';
import { splitDetailsItem } from './MLG004-split-details';
import { proseOf, someParagraph } from './prose';
import { itemStatus } from './requiredSection';
import type { CardRule, RuleFinding } from './types';

// The book: the split is applied to the raw data. A card that describes pre-processing must say
// whether each step ran before or after the split, or a reader cannot tell whether statistics of
// the test set leaked into training. Nothing is reported unless the card describes both a split
// and pre-processing.

const SPLIT = String.raw`(?:split(?:s|ting)?|partition(?:s|ing)?|dividing|division)`;
/** "before the split", "after splitting", "split first", "pre-split", "applied to the raw data". */
const ORDER_STATED = [
  new RegExp(
    String.raw`\b(?:before|after|prior\s+to|following|preceding|ahead\s+of|once|until|then)\b[^.\n]{0,40}\b${SPLIT}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b${SPLIT}\b[^.\n]{0,40}\b(?:before|after|prior\s+to|first|then|afterwards|beforehand|earlier|later)\b`,
    'i',
  ),
  /\b(?:pre|post)-?split\b/i,
  new RegExp(String.raw`\b${SPLIT}\b[^.\n]{0,60}\braw\b|\braw\b[^.\n]{0,60}\b${SPLIT}\b`, 'i'),
  /\b(?:fit(?:ted)?|computed|estimated|learn(?:ed|t)|calculated|derived)\s+(?:only\s+)?(?:on|from|using)\s+(?:the\s+)?train(?:ing)?\b/i,
  /\btrain(?:ing)?\s+(?:set|split|data|fold)\s+(?:only|statistics|alone)\b/i,
  /\b(?:on|to)\s+each\s+split\b|\bper[- ]split\b|\bseparately\s+(?:on|for|to)\s+each\b/i,
];
/** A pre-processing section that says nothing was done has no order to state. */
const NOTHING_DONE =
  /^\s*(?:none|nothing|n\/a)\b|\b(?:no|without)\s+(?:pre-?processing|processing|cleaning|transformations?)\b|\b(?:not|never)\s+(?:been\s+)?(?:pre-?processed|processed|cleaned|transformed|modified)\b|\bas[- ]is\b|\bunmodified\b/i;

export const splitPreprocessingOrder: CardRule = {
  id: 'MLG013',
  alias: 'split-preprocessing-order',
  description: 'A dataset card that describes pre-processing says whether it ran before or after the split',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'book', 'splits', 'leakage'],
  profiles: ['book'],
  check(card: DatasetCard): RuleFinding[] {
    if (card.kind !== 'markdown') return [];
    const preprocessing = itemStatus(card, preprocessingStepsItem);
    if (preprocessing.state !== 'stated' || itemStatus(card, splitDetailsItem).state !== 'stated') return [];
    const described = preprocessing.hits.find((hit) => hit.filled);
    if (!described || NOTHING_DONE.test(described.text)) return [];
    const prose = proseOf(card);
    if (ORDER_STATED.some((pattern) => someParagraph(prose, pattern))) return [];
    return [
      {
        range: described.range,
        message: `The "${described.label}" ${described.kind === 'heading' ? 'section' : 'entry'} describes pre-processing but the card does not say whether it ran before or after the train/validation/test split. The book: the split is applied to the raw data; a step that learns from the data (scaling, imputation with statistics, feature selection, target encoding, over-sampling) is fitted on the training set after the split, or test information leaks into training.`,
      },
    ];
  },
};
