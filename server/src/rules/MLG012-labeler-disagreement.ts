import { isScalar, isSeq } from 'yaml';
import { metadataRange, type DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { lastAtOrBefore, proseOf, sentenceStarts, someParagraph, type Prose } from './prose';
import { metadataAt } from './requiredSection';
import type { CardRule, RuleFinding } from './types';

// When a card says several people labelled the data, it must also say how their disagreements
// were resolved and which labeling guidelines (or versions) they worked from. Cards that do not
// mention several labelers get nothing from this rule.

const COUNT = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|different|\d+|at least (?:two|three|\d+))`;
const PEOPLE = String.raw`(?:annotators|label(?:l)?ers|raters|coders|graders|assessors|judges|people|persons|experts|workers|linguists|students|analysts|specialists|moderators|editors|volunteers|clinicians|physicians|radiologists|doctors|nurses|reviewers|crowd[- ]?workers)`;

/** Ways a card says several people labelled: "three annotators", "crowdsourced", "inter-rater". */
const SEVERAL_LABELERS = [
  /\b(?:annotators|label(?:l)?ers|raters|crowd[- ]?workers|crowdworkers|turkers)\b/gi,
  /\b(?:crowd-?sourc\w*|mechanical turk|mturk)\b/gi,
  /\binter-?(?:annotator|rater|coder|labell?er)\b/gi,
  new RegExp(
    String.raw`\b(?:label(?:l)?ed|annotated|rated|coded|judged|tagged)\s+(?:independently\s+)?by\s+${COUNT}\b`,
    'gi',
  ),
  // "three annotators", "two retention analysts", "5 trained medical students".
  new RegExp(String.raw`\b${COUNT}\s+(?:[a-z-]+\s+){0,2}${PEOPLE}\b`, 'gi'),
];
/** A count of people says nothing about labeling unless the sentence is about labels. */
const ABOUT_LABELS = /\b(?:label|annotat|rate[ds]?\b|rating|judg|grad(?:ed|ing)|tagg|cod(?:ed|ing)\b|review)/i;
/** "No human annotators", "without annotators": a negation at most two words before the mention. */
const NEGATED = /\b(?:no|not|without|none|never|nobody|single)\b(?:\s+[\w-]+){0,2}\s*$/i;

/** How disagreements were settled. */
const RESOLUTION =
  /\b(?:disagree\w*|adjudicat\w*|majority|consensus|tie-?break\w*|conflict\w*|resolv\w*|arbitrat\w*|aggregat\w*|vot(?:e|ed|es|ing)|dawid|unanimous\w*|agreed|reconcil\w*)\b/i;
/** Which guidelines or which version the labelers followed. */
const GUIDELINE =
  /\b(?:guidelines?|codebook|rubric|(?:annotation|label(?:l)?ing|annotator|label(?:l)?er|rater|coding|task)\s+(?:instructions?|manual|protocol|scheme|schema|handbook)|v\d+(?:\.\d+)+|v\d+\b|version\s*\d[\w.]*|versioned|versioning)/i;

interface Mention {
  range: TextRange;
  text: string;
}

/** Where one paragraph says several people labelled: offsets in the paragraph, in order. */
type ParagraphMentions = { start: number; end: number; text: string }[];

/**
 * The mentions of several labelers in one paragraph (a sentence never crosses a blank line, so
 * each paragraph is read alone, and once for as long as it is unchanged).
 */
function paragraphMentions(text: string): ParagraphMentions {
  const mentions: ParagraphMentions = [];
  const starts = sentenceStarts(text);
  const sentenceAround = (at: number): { start: number; text: string } => {
    const index = Math.max(0, lastAtOrBefore(starts, at));
    const start = starts[index] ?? 0;
    return { start, text: text.slice(start, starts[index + 1] ?? text.length) };
  };
  // Per sentence, not per mention: a long sentence with many mentions is read once (a 1 MB line
  // of them took over a minute).
  const aboutLabels = new Map<number, boolean>();
  SEVERAL_LABELERS.forEach((pattern, index) => {
    for (const match of text.matchAll(pattern)) {
      const sentence = sentenceAround(match.index);
      // A negation is at most three words before the mention: the last 200 characters hold it.
      const offset = match.index - sentence.start;
      const before = sentence.text.slice(Math.max(0, offset - 200), offset);
      if (NEGATED.test(before)) continue;
      if (index === SEVERAL_LABELERS.length - 1) {
        let about = aboutLabels.get(sentence.start);
        if (about === undefined) {
          about = ABOUT_LABELS.test(sentence.text);
          aboutLabels.set(sentence.start, about);
        }
        if (!about) continue;
      }
      mentions.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  });
  return mentions.sort((a, b) => a.start - b.start);
}

/** Memo key of {@link paragraphMentions}. */
const MENTIONS = {};

/** The first place the card says several people labelled, in prose or in `annotations_creators`. */
function severalLabelers(card: DatasetCard, prose: Prose): Mention | undefined {
  for (const paragraph of prose.paragraphs) {
    const mentions = paragraph.memo(MENTIONS, paragraphMentions);
    const first = mentions[0];
    if (!first) continue;
    // "labelled by three" and "three annotators" are one mention: "labelled by three annotators".
    let end = first.end;
    for (const next of mentions) if (next.start <= end) end = Math.max(end, next.end);
    return {
      range: prose.rangeAt(paragraph.offset + first.start, paragraph.offset + end),
      text: paragraph.text.slice(first.start, end),
    };
  }
  for (const node of metadataAt(card, ['annotations_creators'])) {
    const items = isSeq(node) ? node.items : [node];
    for (const item of items) {
      if (isScalar(item) && item.value === 'crowdsourced' && item.range) {
        return { range: metadataRange(card, item.range), text: 'annotations_creators: crowdsourced' };
      }
    }
  }
  return undefined;
}

export const labelerDisagreement: CardRule = {
  id: 'MLG012',
  alias: 'labeler-disagreement',
  description:
    'When several labelers are mentioned, the dataset card says how their disagreements were resolved and which guidelines or versions they followed',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'book', 'labeling'],
  profiles: ['book'],
  check(card: DatasetCard): RuleFinding[] {
    const prose = proseOf(card);
    const mention = severalLabelers(card, prose);
    if (!mention) return [];
    const missing: string[] = [];
    if (!someParagraph(prose, RESOLUTION)) missing.push('how disagreements between them were resolved');
    if (!someParagraph(prose, GUIDELINE))
      missing.push('which labeling guidelines (and which version of them and of the data) they followed');
    if (missing.length === 0) return [];
    return [
      {
        range: mention.range,
        message: `The card mentions several labelers ("${mention.text}") but not ${missing.join(', nor ')}. The book: when several labelers label, disagreement and versioning decide label quality — say how conflicts were settled (majority vote, adjudication) and which guideline version produced which labels.`,
      },
    ];
  },
};
