// The mechanism shared by the rules that ask a card for a section — the book's ten documentation
// items (MLG001–MLG010), the sections of Datasheets for Datasets (MLG1xx) and of the Hugging Face
// dataset card template (MLG2xx): find where a card answers a section — a heading matched by
// meaning, a bold label such as `**Storage format:** CSV`, a YAML key, or metadata a rule knows —
// and report it as missing (on the card's title, with a fix that inserts the section) or as empty
// (on the heading). Each profile has its own vocabulary of headings, so adding a profile cannot
// change what another profile's rules find.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { metadataRange, type CardSection, type DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { isPlaceholder, isPlaceholderLine, placeholderShown } from './placeholder';
import { proseOf } from './prose';
import {
  CARD_PROFILES,
  type CardProfile,
  type CardRule,
  type EditFix,
  type InsertSectionFix,
  type RuleContext,
  type RuleFinding,
  type Severity,
} from './types';

/** What every required section says about itself, whichever profile asks for it. */
interface SectionSpecBase {
  id: string;
  alias: string;
  description: string;
  /** What the card must say, completing "The card does not say …": "how the data was collected". */
  topic: string;
  /** The heading the quick fix inserts. */
  heading: string;
  /** Why the profile asks for it, one sentence, ending with a full stop. */
  why: string;
  /** The prompt the quick fix writes under the new heading. */
  prompt: string;
  /**
   * Headings that answer the section. Matched by meaning: case, punctuation, numbering ("3.2"),
   * emphasis, "[optional]", a trailing "?", plural/singular, British/American spelling,
   * "and"/"&", "data set" / "dataset" do not matter; a heading may add a qualifier after a
   * preposition ("Features of the churn table") or a trailing "details" / "information", and a
   * heading that joins topics ("Collection and Labeling") answers each of them.
   */
  synonyms: readonly string[];
  /**
   * Headings of template sections that group the section ("Dataset Structure" around "Data
   * Fields"): they answer it only when the card has no section a synonym matches, so a "Data
   * Fields" placeholder is not hidden by the example instance above it.
   */
  parentSynonyms?: readonly string[];
  /** A further test on a heading's normalised words, for families a list cannot hold. */
  matchWords?: (words: readonly string[]) => boolean;
  /** Headings (as normalised words) a synonym would match but that mean something else ("Distribution of labels"). */
  rejectWords?: (words: readonly string[]) => boolean;
  /** True when the card states it in a form other than a section (metadata, a table…). */
  statedElsewhere?: (card: DatasetCard) => boolean;
  /** True when it does not apply to the card (e.g. label values of an unlabelled corpus). */
  notApplicable?: (card: DatasetCard) => boolean;
  /** Whether a bold label inside a list of data fields answers it (a field named `label`). */
  labelsInFieldLists?: boolean;
  severity?: Severity;
  tags?: readonly string[];
}

/** One of the book's dataset documentation items, as a rule checks it. */
export interface BookItemSpec extends SectionSpecBase {
  /** Position in the book's list (ch. 3, "Data documentation"), 1–10: orders inserted sections. */
  item: number;
  /** The key a YAML card (`dataset.yaml`) answers the item with; synonyms in snake_case work too. */
  key: string;
}

/** A section a profile other than the book's asks for (Datasheets for Datasets, Hugging Face). */
export interface ProfileSectionSpec extends SectionSpecBase {
  profile: Exclude<CardProfile, 'book'>;
  /** Position in the profile's list, from 1: orders inserted sections and the skeleton. */
  order: number;
  /** The key a YAML card answers the section with; the heading in snake_case when absent. */
  key?: string;
  /**
   * The template's heading the section sits under ("Dataset Structure" for "Data Fields"): the
   * quick fix inserts the section inside it when the card has it, the skeleton writes it.
   */
  group?: string;
  /**
   * The book's item that asks the same question ("Data Splits" and the book's split details):
   * while the book's profile is active too, its rule reports the section and this one stays
   * quiet, so one missing section is one finding — and one section written answers both.
   */
  sameAs?: BookItemSpec;
  /** A section of a Markdown template: a YAML card (`dataset.yaml`) is not asked for it. */
  markdownOnly?: boolean;
}

/** A required section of any profile, as the matcher and the checks see it. */
export interface SectionSpec extends SectionSpecBase {
  profile: CardProfile;
  order: number;
  key: string;
  group?: string;
  sameAs?: BookItemSpec;
  markdownOnly?: boolean;
}

/** Headings of sections that are not about a book item, from the card templates people use. */
const OTHER_SECTIONS = [
  'supported tasks and leaderboards',
  'supported tasks',
  'leaderboards',
  'languages',
  'language',
  'data instances',
  'dataset statistics',
  'statistics',
  'personal and sensitive information',
  'considerations for using the data',
  'social impact of the dataset',
  'social impact of dataset',
  'discussion of biases',
  'discussion on biases',
  'other known limitations',
  'limitations',
  'bias, risks, and limitations',
  'recommendations',
  'additional information',
  'dataset curators',
  'licensing information',
  'license',
  'citation information',
  'citation',
  'contributions',
  'dataset sources',
  'uses',
  'direct use',
  'out-of-scope use',
  'intended uses',
  'distribution',
  'maintenance',
  'motivation',
  'glossary',
  'more information',
  'dataset card authors',
  'dataset card contact',
  'acknowledgements',
  'inspiration',
  'ethical considerations',
  'contact',
  'changelog',
  'loading the dataset',
  'usage',
  'how to use',
];

const STOPWORDS = new Set(['the', 'a', 'an', 'and']);
const PREPOSITIONS = new Set(['for', 'of', 'in', 'per', 'by', 'used', 'on', 'from', 'with', 'to', 'at', 'into']);
const TRAILING_QUALIFIERS = new Set(['detail', 'information', 'info', 'section', 'note', 'summary']);
const IRREGULAR: Record<string, string> = { criteria: 'criterion', data: 'data', phenomena: 'phenomenon' };

function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function spelling(word: string): string {
  return word
    .replace(/^(pre|re|un|mis)?labell/, '$1label')
    .replace(/isation/, 'ization')
    .replace(/^(normali|tokeni|anonymi|categori|standardi|summari)s(e|ed|es|ing)$/, '$1z$2');
}

/**
 * The words of a heading, label or key as the matcher compares them: inline Markdown, links,
 * parentheticals ("(optional)", "(v2)") and leading numbering removed, lower case without accents,
 * snake_case and camelCase split, each word singular and in American spelling, "the", "a", "an"
 * and "and" dropped.
 */
export function words(text: string): string[] {
  const plain = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[&+]/g, ' and ')
    .replace(
      /^[\s*_`#>-]*(?:(?:section|part|step|chapter|appendix)\s+)?(?:\d+(?:\.\d+)*[.):]?|[ivxlc]+[.)]|[a-z][.)])\s+(?:[-–—:]\s*)?/,
      '',
    );
  return plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !STOPWORDS.has(word))
    .map((word) => singular(spelling(word)));
}

/** Bold labels in a card's catalogue lines: links and credits, not documentation of the data. */
const CATALOGUE_LABELS = new Set(
  [
    'homepage',
    'repository',
    'paper',
    'leaderboard',
    'point of contact',
    'demo',
    'curated by',
    'funded by',
    'shared by',
    'created by',
    'language',
    'license',
    'contact',
    'website',
    'github',
    'url',
    'bibtex',
    'apa',
  ].map((label) => words(label).join(' ')),
);

/** True when `heading` (as words) is `phrase`, or starts with it and goes on with a preposition. */
function phraseMatches(heading: readonly string[], phrase: string): boolean {
  if (phrase === '') return false;
  let joined = '';
  for (let k = 0; k < heading.length; k++) {
    joined += heading[k] ?? '';
    if (joined === phrase) return k === heading.length - 1 || PREPOSITIONS.has(heading[k + 1] ?? '');
    if (joined.length >= phrase.length) return false;
  }
  return false;
}

/** The parts of a heading that joins topics: "Collection and Labeling", "Preprocessing/cleaning". */
function headingParts(text: string): string[] {
  const parts = text.split(/\s*(?:,|;|\/|&|\+|\band\b|\bor\b)\s*/i).filter((part) => part.trim() !== '');
  return parts.length > 1 ? [text, ...parts] : [text];
}

/** The normalised phrases of a synonym list, joined without spaces ("data set" = "dataset"). */
const phraseCache = new WeakMap<readonly string[], string[]>();
function phrases(synonyms: readonly string[]): string[] {
  let cached = phraseCache.get(synonyms);
  if (!cached) {
    cached = synonyms.map((synonym) => words(synonym).join(''));
    phraseCache.set(synonyms, cached);
  }
  return cached;
}

interface Vocabulary {
  /** Position of the section in its profile's list: places inserted sections. */
  order?: number;
  synonyms: readonly string[];
  matchWords?: (words: readonly string[]) => boolean;
  rejectWords?: (words: readonly string[]) => boolean;
}

/**
 * `compute(owner, text)`, remembered per owner and text (a bounded number of texts per owner):
 * for answers about headings, which come back unchanged on every keystroke.
 */
function rememberedByText<O extends object, V>(compute: (owner: O, text: string) => V): (owner: O, text: string) => V {
  const caches = new WeakMap<O, Map<string, V>>();
  return (owner, text) => {
    let cache = caches.get(owner);
    if (!cache) {
      cache = new Map();
      caches.set(owner, cache);
    }
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size > 10_000) cache.clear();
      value = compute(owner, text);
      cache.set(text, value);
    }
    return value;
  };
}

/** Whether `text` answers `vocabulary`. */
const vocabularyMatches = rememberedByText(computeMatch);

/**
 * The words of a heading part, remembered for the last headings: a heading typed into is new to
 * every vocabulary, and each would split it again.
 */
const partWordCache = new Map<string, readonly string[]>();

function partWords(part: string): readonly string[] {
  let found = partWordCache.get(part);
  if (!found) {
    if (partWordCache.size > 1_000) partWordCache.clear();
    found = words(part);
    partWordCache.set(part, found);
  }
  return found;
}

function computeMatch(vocabulary: Vocabulary, text: string): boolean {
  const known = phrases(vocabulary.synonyms);
  return headingParts(text).some((part) => {
    const wordsOfPart = partWords(part);
    const trimmed = [...wordsOfPart];
    while (trimmed.length > 1 && TRAILING_QUALIFIERS.has(trimmed[trimmed.length - 1] ?? '')) trimmed.pop();
    return [wordsOfPart, trimmed].some(
      (candidate) =>
        candidate.length > 0 &&
        vocabulary.rejectWords?.(candidate) !== true &&
        (known.some((phrase) => phraseMatches(candidate, phrase)) || vocabulary.matchWords?.(candidate) === true),
    );
  });
}

/**
 * One profile's headings: its required sections (registered by their rules) and the other
 * sections its templates have, so a subsection about something else is not read as part of a
 * required section, and sections are placed in the profile's order.
 */
interface Family {
  specs: SectionSpec[];
  vocabularies: Vocabulary[];
}

/** Headings of Datasheets for Datasets' front matter and back matter: not one of its seven sections. */
const DATASHEET_OTHER_SECTIONS = [
  'introduction',
  'overview',
  'summary',
  'dataset description',
  'acknowledgements',
  'references',
  'citation',
  'contact',
  'changelog',
  'version history',
  'authors',
];

/** Headings of the Hugging Face card templates that none of its required sections is. */
const HUGGING_FACE_OTHER_SECTIONS = [
  'contributions',
  'dataset statistics',
  'statistics',
  'number of examples',
  'number of samples',
  'dataset size',
  'usage',
  'how to use',
  'loading the dataset',
  'glossary',
  'more information',
  'dataset card contact',
  'recommendations',
  'acknowledgements',
  'dataset sources',
  'changelog',
  'point of contact',
];

const families: Record<CardProfile, Family> = {
  book: {
    specs: [],
    vocabularies: [
      { synonyms: OTHER_SECTIONS },
      // MLG009 keeps its own check; its headings are listed here so sections are placed and
      // delimited around it like around the other items.
      {
        order: 9,
        synonyms: ['number of examples', 'number of rows', 'number of samples', 'number of instances', 'dataset size'],
        matchWords: (w) => w.join(' ') === 'size' || (w[0] === 'split' && w[1] === 'size'),
      },
    ],
  },
  datasheets: { specs: [], vocabularies: [{ synonyms: DATASHEET_OTHER_SECTIONS }] },
  huggingface: { specs: [], vocabularies: [{ synonyms: HUGGING_FACE_OTHER_SECTIONS }] },
};

/** The spec the checks use for a rule's spec object (a book item's, or another profile's). */
const sectionSpecs = new WeakMap<BookItemSpec | ProfileSectionSpec | SectionSpec, SectionSpec>();

function sectionSpec(spec: BookItemSpec | ProfileSectionSpec | SectionSpec): SectionSpec {
  const known = sectionSpecs.get(spec);
  if (known) return known;
  // Not registered (a test's own spec): seen as it is, in its profile's vocabulary.
  const created = normalise(spec);
  sectionSpecs.set(spec, created);
  return created;
}

const PLACE: Record<CardProfile, (order: number, of: number) => string> = {
  book: (order) => `the book's documentation item ${String(order)} of 10`,
  datasheets: (order, of) => `Datasheets for Datasets, section ${String(order)} of ${String(of)}`,
  huggingface: () => 'the Hugging Face dataset card template',
};

function normalise(spec: BookItemSpec | ProfileSectionSpec | SectionSpec): SectionSpec {
  if ('item' in spec) return { ...spec, profile: 'book', order: spec.item };
  return { ...spec, key: spec.key ?? snakeCase(spec.heading) };
}

/** Registers a spec with its profile's vocabulary; the spec the checks use. */
function register(spec: BookItemSpec | ProfileSectionSpec): SectionSpec {
  const section = normalise(spec);
  sectionSpecs.set(spec, section);
  sectionSpecs.set(section, section);
  const family = families[section.profile];
  family.specs.push(section);
  family.specs.sort((a, b) => a.order - b.order);
  family.vocabularies.push(section);
  if (section.group !== undefined) knownGroups.add(section.group);
  headingFactsCache.clear();
  return section;
}

/** Where the profile lists the section, for hover and completion: "Datasheets for Datasets, section 3 of 7". */
export function sectionPlace(spec: SectionSpec): string {
  const place = PLACE[spec.profile](spec.order, families[spec.profile].specs.length);
  return spec.group !== undefined ? `${place}, under "${spec.group}"` : place;
}

/** Every registered required section of the given profiles, in the profiles' order, each in its list's order. */
export function requiredSections(profiles: Iterable<CardProfile> = CARD_PROFILES): SectionSpec[] {
  const wanted = new Set(profiles);
  return CARD_PROFILES.filter((profile) => wanted.has(profile)).flatMap((profile) => families[profile].specs);
}

/** The required sections of the given profiles a heading is (usually one; a joint heading answers several). */
export function sectionsOfHeading(text: string, profiles: Iterable<CardProfile> = CARD_PROFILES): SectionSpec[] {
  return requiredSections(profiles).filter((spec) => answers(sectionSpec(spec), text));
}

const parentVocabularies = new WeakMap<SectionSpec, Vocabulary>();

function parentVocabulary(spec: SectionSpec): Vocabulary {
  let vocabulary = parentVocabularies.get(spec);
  if (!vocabulary) {
    vocabulary = { synonyms: spec.parentSynonyms ?? [] };
    parentVocabularies.set(spec, vocabulary);
  }
  return vocabulary;
}

function answers(vocabulary: Vocabulary, text: string): boolean {
  if (vocabularyMatches(vocabulary, text)) return true;
  const colon = text.indexOf(':');
  return colon > 0 && vocabularyMatches(vocabulary, text.slice(0, colon));
}

/** True when a heading (or label, or key) answers the section; "Format: CSV" answers with its label. */
export function headingAnswers(spec: BookItemSpec | ProfileSectionSpec | SectionSpec, text: string): boolean {
  const section = sectionSpec(spec);
  return answers(section, text) || answers(parentVocabulary(section), text);
}

/** True when a heading answers the item only as a parent section ("Dataset Structure"). */
function onlyParent(spec: SectionSpec, text: string): boolean {
  return !answers(spec, text) && answers(parentVocabulary(spec), text);
}

/** True when a heading is about another section of the spec's profile (or one the profile does not ask for). */
function answersOther(spec: SectionSpec, text: string): boolean {
  const family = families[spec.profile];
  return family.vocabularies.some(
    (vocabulary) =>
      vocabulary !== spec &&
      (vocabularyMatches(vocabulary, text) ||
        family.specs.some((other) => other === vocabulary && vocabularyMatches(parentVocabulary(other), text))),
  );
}

/** Where a card answers an item, and whether it says anything there. */
export interface ItemHit {
  kind: 'heading' | 'label' | 'key';
  /** The heading, label or key as written. */
  label: string;
  range: TextRange;
  filled: boolean;
  /** The placeholder written there, if any ("TODO"). */
  placeholder?: string;
  /** The section, for heading hits. */
  section?: CardSection;
  /** What is written there (subsections on other topics left out). */
  text: string;
}

/** How a card stands on an item. */
export interface ItemStatus {
  state: 'stated' | 'empty' | 'missing' | 'not-applicable';
  hits: ItemHit[];
}

/** The line of the next heading of any level after `section`, or its end. */
function ownEnd(card: DatasetCard, index: number): number {
  const section = card.sections[index];
  const next = card.sections[index + 1];
  if (!section) return card.lines.length;
  return next && next.range.start.line < section.bodyEndLine ? next.range.start.line : section.bodyEndLine;
}

/** Whether a subsection heading is about another topic than `spec` (its text left out of the spec's section). */
const aboutOtherTopic = rememberedByText(
  (spec: SectionSpec, heading: string) => !headingAnswers(spec, heading) && answersOther(spec, heading),
);

/**
 * The lines of a section that speak to `spec`: its own lines and its subsections', leaving out
 * subsections about something else (an HF "Dataset Creation" section's "Personal and Sensitive
 * Information", its "Source Data" when the item is labeling). Yielded one by one: whether the
 * section says anything is usually known from its first lines, and a long section (a "Data
 * Fields" table followed by two hundred release notes) is then not walked on every keystroke.
 */
function* sectionContent(card: DatasetCard, index: number, spec: SectionSpec): Generator<string> {
  const bodyLines = card.bodyLines;
  const section = card.sections[index];
  if (!section) return;
  for (let line = section.bodyStartLine, end = ownEnd(card, index); line < end; line++) yield bodyLines[line] ?? '';
  let skipDeeperThan = Infinity;
  for (let i = index + 1; i < card.sections.length; i++) {
    const sub = card.sections[i];
    if (!sub || sub.range.start.line >= section.bodyEndLine) break;
    if (sub.level > skipDeeperThan) continue;
    skipDeeperThan = Infinity;
    if (aboutOtherTopic(spec, sub.heading)) {
      skipDeeperThan = sub.level;
      continue;
    }
    for (let line = sub.bodyStartLine, end = ownEnd(card, i); line < end; line++) yield bodyLines[line] ?? '';
  }
}

/**
 * "Format: CSV" as a heading carries its value after the colon — but only when the words before
 * the colon are what answers the item ("Step 1: Data collection" has no value).
 */
function headingValue(spec: SectionSpec, heading: string): string {
  const colon = heading.indexOf(':');
  if (colon < 0 || vocabularyMatches(spec, heading) || vocabularyMatches(parentVocabulary(spec), heading)) return '';
  return heading.slice(colon + 1).trim();
}

/** A catalogue line (`**Homepage:** …`): a link or a credit, not documentation of the data. */
function isCatalogueLine(line: string): boolean {
  const label = boldLabel(line);
  return label !== undefined && CATALOGUE_LABELS.has(words(label.text).join(' '));
}

/** What a run of lines documents: whether anything, the placeholder written instead, and the text. */
interface Documented {
  filled: boolean;
  placeholder?: string;
  /** The lines, catalogue lines left out, joined (when first read: one rule reads it). */
  readonly text: string;
}

/**
 * Lines that document something: catalogue lines (`**Homepage:** …`) and placeholders left out.
 * `lines` gives the lines afresh each time it is called; they are read up to the first line that
 * documents something, and all of them only when none does or the text is asked for.
 */
function documents(lines: () => Iterable<string>): Documented {
  let filled = false;
  for (const line of lines()) {
    if (!isPlaceholderLine(line) && !isCatalogueLine(line)) {
      filled = true;
      break;
    }
  }
  let text: string | undefined;
  const textOf = (): string => {
    if (text === undefined) {
      const kept: string[] = [];
      for (const line of lines()) if (!isCatalogueLine(line)) kept.push(line);
      text = kept.join('\n');
    }
    return text;
  };
  if (filled) {
    return {
      filled,
      get text(): string {
        return textOf();
      },
    };
  }
  const shown = placeholderShown(textOf());
  const placeholder = shown === undefined ? {} : { placeholder: shown };
  return { filled, ...placeholder, text: textOf() };
}

const BOLD_LABEL =
  /^(\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?)(?:\*\*([^*\n]{1,60}?)(?::\*\*|\*\*\s*:)|__([^_\n]{1,60}?)(?::__|__\s*:))(.*)$/;
/** A plain label in a list item, "- Storage format: CSV": several words, no code or snake_case. */
const LIST_LABEL = /^(\s*(?:[-*+]|\d+[.)])\s+)([A-Za-z][A-Za-z' -]{0,40}?\s[A-Za-z' -]{1,40}?)\s*:(?!\/)(.*)$/;

interface LabelMatch {
  text: string;
  start: number;
  value: string;
}

function boldLabel(line: string): LabelMatch | undefined {
  const match = BOLD_LABEL.exec(line);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const text = (match[2] ?? match[3] ?? '').trim();
  return { text, start: line.indexOf(text, prefix.length), value: match[4] ?? '' };
}

function label(line: string): LabelMatch | undefined {
  const bold = boldLabel(line);
  if (bold) return bold;
  const match = LIST_LABEL.exec(line);
  if (!match) return undefined;
  const text = (match[2] ?? '').trim();
  return { text, start: (match[1] ?? '').length, value: match[3] ?? '' };
}

/** The lines a label with nothing after its colon introduces: the next block, up to a blank line. */
function labelBlock(lines: readonly string[], from: number, headingLines: ReadonlySet<number>): string[] {
  let i = from;
  while (i < lines.length && (lines[i] ?? '').trim() === '' && !headingLines.has(i)) i++;
  const block: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || headingLines.has(i) || label(line)) break;
    block.push(line);
  }
  return block;
}

/**
 * What a heading (or label, or key) text is to the matcher, worked out per profile when first
 * asked and remembered by the text: the same headings come back on every keystroke, and one
 * look-up per heading then serves every profile and every use.
 */
interface HeadingFacts {
  /** The registered sections of a profile it answers (as itself or as a group). */
  answers: Partial<Record<CardProfile, readonly SectionSpec[]>>;
  /** Its place in a profile's order (`null`: none). */
  order: Partial<Record<CardProfile, number | null>>;
  /** The template groups it is ("Dataset Structure"). */
  groups?: readonly string[];
}

const headingFactsCache = new Map<string, HeadingFacts>();

function factsOf(heading: string): HeadingFacts {
  let facts = headingFactsCache.get(heading);
  if (!facts) {
    if (headingFactsCache.size > 10_000) headingFactsCache.clear();
    facts = { answers: {}, order: {} };
    headingFactsCache.set(heading, facts);
  }
  return facts;
}

function answeredBy(facts: HeadingFacts, profile: CardProfile, heading: string): readonly SectionSpec[] {
  let answered = facts.answers[profile];
  if (!answered) {
    answered = families[profile].specs.filter((spec) => headingAnswers(spec, heading));
    facts.answers[profile] = answered;
  }
  return answered;
}

function specsAnsweredBy(profile: CardProfile, heading: string): readonly SectionSpec[] {
  return answeredBy(factsOf(heading), profile, heading);
}

const cardFactsCache = new WeakMap<DatasetCard, HeadingFacts[]>();

/** The facts of each of the card's headings, by section index: one look-up a heading per card. */
function cardHeadingFacts(card: DatasetCard): HeadingFacts[] {
  let facts = cardFactsCache.get(card);
  if (!facts) {
    facts = card.sections.map((section) => factsOf(section.heading));
    cardFactsCache.set(card, facts);
  }
  return facts;
}

/** Per card and profile: the card's items (sections, labels, keys) that answer each section. */
type AnswerIndex<T> = WeakMap<DatasetCard, Map<CardProfile, Map<SectionSpec, T[]>>>;

/**
 * The card's items that answer `spec`, each given with its text. One pass over the items per card
 * and profile serves every rule of the profile, and a text's answers are remembered by the text,
 * so a keystroke costs one look-up per item, not one per rule. A spec no rule registered (a
 * test's own) is looked for directly.
 */
function answering<T>(
  cache: AnswerIndex<T>,
  card: DatasetCard,
  spec: SectionSpec,
  items: () => Iterable<readonly [T, string]>,
): T[] {
  if (!families[spec.profile].specs.includes(spec)) {
    const direct: T[] = [];
    for (const [item, text] of items()) if (headingAnswers(spec, text)) direct.push(item);
    return direct;
  }
  let byProfile = cache.get(card);
  if (!byProfile) {
    byProfile = new Map();
    cache.set(card, byProfile);
  }
  let index = byProfile.get(spec.profile);
  if (!index) {
    index = new Map();
    for (const [item, text] of items()) {
      for (const answered of specsAnsweredBy(spec.profile, text)) {
        const list = index.get(answered);
        if (list) list.push(item);
        else index.set(answered, [item]);
      }
    }
    byProfile.set(spec.profile, index);
  }
  return index.get(spec) ?? [];
}

const sectionIndexCache: AnswerIndex<number> = new WeakMap();

/** The indices of the card's sections (the title's left out) whose heading answers `spec`. */
function sectionsAnswering(card: DatasetCard, spec: SectionSpec): number[] {
  const titleLine = card.title.range.start.line;
  return answering(sectionIndexCache, card, spec, function* () {
    for (const [i, section] of card.sections.entries()) {
      if (section.range.start.line !== titleLine) yield [i, section.heading] as const;
    }
  });
}

/** An item hit with what its lines document (the text read only when a rule asks for it). */
function documentedHit(hit: Omit<ItemHit, 'filled' | 'placeholder' | 'text'>, stated: Documented): ItemHit {
  return {
    ...hit,
    filled: stated.filled,
    ...(stated.placeholder === undefined ? {} : { placeholder: stated.placeholder }),
    get text(): string {
      return stated.text;
    },
  };
}

/** True when a section's text, subsections included, is empty or only placeholders. */
function saysNothing(card: DatasetCard, section: CardSection): boolean {
  for (let line = section.bodyStartLine; line < section.bodyEndLine; line++) {
    if (!isPlaceholderLine(card.bodyLines[line] ?? '')) return false;
  }
  return true;
}

function headingHits(card: DatasetCard, spec: SectionSpec): ItemHit[] {
  const specific: ItemHit[] = [];
  const parents: ItemHit[] = [];
  for (const index of sectionsAnswering(card, spec)) {
    const section = card.sections[index];
    if (!section) continue;
    const value = headingValue(spec, section.heading);
    const stated = documents(function* () {
      yield value;
      yield* sectionContent(card, index, spec);
    });
    const hit = documentedHit({ kind: 'heading', label: section.heading, range: section.range, section }, stated);
    if (!onlyParent(spec, section.heading)) specific.push(hit);
    // A group whose subsections say something, only about other topics, does not answer the
    // item emptily: the item is missing from it ("Data Instances" from a "Dataset Structure"
    // that lists fields and splits), and the fix inserts it there.
    else if (stated.filled || saysNothing(card, section)) parents.push(hit);
  }
  return specific.length > 0 ? specific : parents;
}

/**
 * The line ranges `[start, end)` of sections that list data fields (their own text, not their
 * subsections), where a one-word bold `**source**:` names a column, not the data's source.
 */
function fieldListRanges(card: DatasetCard): [number, number][] {
  const ranges: [number, number][] = [];
  const attributes = families.book.specs.find((spec) => spec.order === 8);
  if (!attributes) return ranges;
  card.sections.forEach((section, index) => {
    if (vocabularyMatches(attributes, section.heading)) ranges.push([section.bodyStartLine, ownEnd(card, index)]);
  });
  return ranges;
}

interface CardLabel extends LabelMatch {
  line: number;
  /** The value after the colon, or the block the label introduces. */
  valueLines: string[];
  /** A one-word label in a list of data fields (`- **source**: …`): a column's name. */
  columnName: boolean;
}

/** The labels of a paragraph, and the lines whose prose may differ from the card's. */
interface ParagraphLabels {
  /** Labels by line in the paragraph. */
  labels: { line: number; found: LabelMatch }[];
  /**
   * Lines where the prose may have blanked something (a link target leaves `](`, a URL eight
   * spaces or more): a label is read there from the card's own line, which a URL may be part of.
   */
  blanked: number[];
}

/** Memo key of a paragraph's labels. */
const PARAGRAPH_LABELS = {};

const MAY_BE_BLANKED = /\]\(| {8}/;

/** What most paragraphs hold: no label, nothing blanked (one object, so the combining loop passes them by). */
const NO_LABELS: ParagraphLabels = { labels: [], blanked: [] };

function paragraphLabels(text: string): ParagraphLabels {
  const labels: ParagraphLabels['labels'] = [];
  const blanked: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (MAY_BE_BLANKED.test(line)) blanked.push(i);
    if (!/[:*_]/.test(line)) return;
    const found = label(line);
    if (found) labels.push({ line: i, found });
  });
  return labels.length === 0 && blanked.length === 0 ? NO_LABELS : { labels, blanked };
}

const headingLineCache = new WeakMap<DatasetCard, Set<number>>();

function headingLinesOf(card: DatasetCard): Set<number> {
  let lines = headingLineCache.get(card);
  if (!lines) {
    lines = new Set(card.sections.map((section) => section.range.start.line));
    headingLineCache.set(card, lines);
  }
  return lines;
}

const labelCache = new WeakMap<DatasetCard, CardLabel[]>();

/**
 * Every label in the card's prose (`**Storage format:** CSV`), found once per card: each
 * paragraph's labels are remembered while it is unchanged (see {@link ProseParagraph.memo}), so
 * a keystroke reads one paragraph; the values of labels with nothing after their colon, and lines
 * where the prose blanked a link, are read from the card's lines.
 */
function cardLabels(card: DatasetCard): CardLabel[] {
  const cached = labelCache.get(card);
  if (cached) return cached;
  const prose = proseOf(card);
  const lines = card.proseLines;
  // Only a one-word label can be a column's name: most cards have none, and skip the look-up.
  let inFields: [number, number][] | undefined;
  const labels: CardLabel[] = [];
  let reordered = false;
  const add = (found: LabelMatch, line: number): void => {
    const valueLines = found.value.trim() === '' ? labelBlock(lines, line + 1, headingLinesOf(card)) : [found.value];
    const columnName =
      !/\s/.test(found.text) &&
      (inFields ??= fieldListRanges(card)).some(([start, end]) => line >= start && line < end);
    labels.push({ ...found, line, valueLines, columnName });
  };
  for (const paragraph of prose.paragraphs) {
    const found = paragraph.memo(PARAGRAPH_LABELS, paragraphLabels);
    if (found === NO_LABELS) continue;
    if (found.blanked.length === 0) {
      for (const { line, found: match } of found.labels) add(match, paragraph.line + line);
      continue;
    }
    const reread = found.blanked.filter((offset) => {
      const line = paragraph.line + offset;
      return lines[line] !== prose.lines[line];
    });
    for (const { line, found: match } of found.labels) {
      if (!reread.includes(line)) add(match, paragraph.line + line);
    }
    for (const offset of reread) {
      const line = lines[paragraph.line + offset] ?? '';
      const match = /[:*_]/.test(line) ? label(line) : undefined;
      if (match) add(match, paragraph.line + offset);
    }
    reordered ||= reread.length > 0;
  }
  if (reordered) labels.sort((x, y) => x.line - y.line);
  labelCache.set(card, labels);
  return labels;
}

const labelIndexCache: AnswerIndex<CardLabel> = new WeakMap();

/** The card's labels that answer `spec`. */
function labelsAnswering(card: DatasetCard, spec: SectionSpec): CardLabel[] {
  return answering(labelIndexCache, card, spec, () => cardLabels(card).map((found) => [found, found.text] as const));
}

function labelHits(card: DatasetCard, spec: SectionSpec): ItemHit[] {
  return labelsAnswering(card, spec)
    .filter((found) => spec.labelsInFieldLists || !found.columnName)
    .map((found) =>
      documentedHit(
        {
          kind: 'label',
          label: found.text,
          range: {
            start: { line: found.line, character: found.start },
            end: { line: found.line, character: found.start + found.text.length },
          },
        },
        documents(() => found.valueLines),
      ),
    );
}

/** A YAML value that says something: a non-placeholder scalar somewhere inside it. */
function yamlStates(node: Node | null | undefined): boolean {
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined) return false;
    return typeof value !== 'string' || !isPlaceholder(value);
  }
  if (isMap(node)) return node.items.some((pair) => yamlStates(pair.value as Node | null));
  if (isSeq(node)) return node.items.some((item) => yamlStates(item as Node | null));
  return false;
}

/** A string key of the card's metadata mapping and its value. */
interface MetadataKey {
  key: Scalar & { value: string };
  value: Node | null;
}

const keyIndexCache: AnswerIndex<MetadataKey> = new WeakMap();

/** The top-level metadata keys that answer `spec`. */
function keysAnswering(card: DatasetCard, spec: SectionSpec): MetadataKey[] {
  const root = card.metadata?.contents;
  if (!isMap(root)) return [];
  return answering(keyIndexCache, card, spec, function* () {
    for (const pair of root.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') {
        const key = pair.key as Scalar & { value: string };
        yield [{ key, value: pair.value as Node | null }, key.value] as const;
      }
    }
  });
}

function keyHits(card: DatasetCard, spec: SectionSpec): ItemHit[] {
  return keysAnswering(card, spec).map(({ key, value }) => {
    const filled = yamlStates(value);
    const placeholder = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
    let text: string | undefined;
    return {
      kind: 'key',
      label: key.value,
      range: key.range ? metadataRange(card, key.range) : card.title.range,
      filled,
      ...(!filled && placeholder !== '' ? { placeholder } : {}),
      // Written out when a rule reads it: a key's value may be a long mapping (`dataset_info`).
      get text(): string {
        text ??= value ? String(value) : '';
        return text;
      },
    };
  });
}

const statusCache = new WeakMap<DatasetCard, Map<SectionSpec, ItemStatus>>();

/** How `card` stands on the section `spec` describes (worked out once per card: several rules ask). */
export function itemStatus(card: DatasetCard, spec: BookItemSpec | ProfileSectionSpec | SectionSpec): ItemStatus {
  const section = sectionSpec(spec);
  let statuses = statusCache.get(card);
  if (!statuses) {
    statuses = new Map();
    statusCache.set(card, statuses);
  }
  let status = statuses.get(section);
  if (!status) {
    status = computeStatus(card, section);
    statuses.set(section, status);
  }
  return status;
}

function computeStatus(card: DatasetCard, spec: SectionSpec): ItemStatus {
  if (spec.notApplicable?.(card)) return { state: 'not-applicable', hits: [] };
  const hits = [
    ...keyHits(card, spec),
    ...(card.kind === 'markdown' ? [...headingHits(card, spec), ...labelHits(card, spec)] : []),
  ];
  if (hits.some((hit) => hit.filled) || spec.statedElsewhere?.(card)) return { state: 'stated', hits };
  return { state: hits.length > 0 ? 'empty' : 'missing', hits };
}

/** The level of the card's title heading (1 when the title is a line of text). */
function titleLevel(card: DatasetCard): number {
  const titleLine = card.title.range.start.line;
  return card.sections.find((s) => s.range.start.line === titleLine)?.level ?? 1;
}

/**
 * Where a section goes so the card keeps its profile's order: inside the template group the
 * section belongs to when the card has that group ("Data Splits" at the end of "Dataset
 * Structure"); else after the section (with its subsections) of the nearest earlier one the card
 * has, else before the nearest later one, else before the first heading after the title, else at
 * the end. A grouped section the card has no group for goes after the top-level section that
 * holds the nearest earlier one, at the top level, rather than inside an unrelated group.
 */
export function sectionInsertion(
  card: DatasetCard,
  spec: BookItemSpec | ProfileSectionSpec | SectionSpec,
): { line: number; level: number } {
  const section = sectionSpec(spec);
  const topLevel = Math.min(titleLevel(card) + 1, 6);
  const located = locatedSections(card, section.profile);
  const item = section.order;
  const placeAmong = (candidates: typeof located): { line: number; level: number } | undefined => {
    const earlier = candidates.filter((l) => l.order !== undefined && l.order < item);
    const nearestEarlier = Math.max(...earlier.map((l) => l.order ?? 0));
    const after = earlier.filter((l) => l.order === nearestEarlier).at(-1);
    if (after) return { line: after.section.bodyEndLine, level: after.section.level };
    const later = candidates.filter((l) => l.order !== undefined && l.order > item);
    const nearestLater = Math.min(...later.map((l) => l.order ?? Infinity));
    const before = later.find((l) => l.order === nearestLater);
    if (before) return { line: before.section.range.start.line, level: before.section.level };
    return undefined;
  };
  if (section.group !== undefined) {
    const group = groupSection(card, located, section.group);
    if (group) {
      const inside = located.filter((l) => encloses(group, l.section));
      return placeAmong(inside) ?? { line: group.bodyEndLine, level: Math.min(group.level + 1, 6) };
    }
    const placed = placeAmong(orderedOf(located));
    if (placed && placed.level > topLevel) {
      // The nearest section sits in another group: go after that group, at the top level.
      const holder = located
        .map((l) => l.section)
        .filter((s) => s.level === topLevel && s.range.start.line < placed.line && s.bodyEndLine >= placed.line)
        .at(-1);
      if (holder) return { line: holder.bodyEndLine, level: topLevel };
    }
    if (placed) return placed;
  } else {
    const placed = placeAmong(orderedOf(located));
    if (placed) return placed;
  }
  const next = located[0];
  if (next) return { line: next.section.range.start.line, level: next.section.level };
  return { line: card.lines.length, level: topLevel };
}

const orderedCache = new WeakMap<readonly LocatedSection[], LocatedSection[]>();

/** The located sections that have a place in the order: all a placement looks at (few of a card's headings). */
function orderedOf(located: readonly LocatedSection[]): LocatedSection[] {
  let ordered = orderedCache.get(located);
  if (!ordered) {
    ordered = located.filter((l) => l.order !== undefined);
    orderedCache.set(located, ordered);
  }
  return ordered;
}

/** A section after the card's title, with its place in a profile's order (if it is one of the profile's). */
interface LocatedSection {
  section: CardSection;
  order: number | undefined;
}

/** A heading's place in the profile's order, if it is one of the profile's sections. */
function orderOf(facts: HeadingFacts, profile: CardProfile, heading: string): number | undefined {
  let order = facts.order[profile];
  if (order === undefined) {
    order =
      families[profile].vocabularies.find((v) => v.order !== undefined && vocabularyMatches(v, heading))?.order ?? null;
    facts.order[profile] = order;
  }
  return order ?? undefined;
}

const locatedCache = new WeakMap<DatasetCard, Map<CardProfile, LocatedSection[]>>();

/** The sections after the card's title with their places in the profile's order, once per card and profile. */
function locatedSections(card: DatasetCard, profile: CardProfile): LocatedSection[] {
  let byProfile = locatedCache.get(card);
  if (!byProfile) {
    byProfile = new Map();
    locatedCache.set(card, byProfile);
  }
  let located = byProfile.get(profile);
  if (!located) {
    const titleLine = card.title.range.start.line;
    const facts = cardHeadingFacts(card);
    located = [];
    card.sections.forEach((s, i) => {
      const headingFacts = facts[i];
      if (s.range.start.line > titleLine && headingFacts) {
        located?.push({ section: s, order: orderOf(headingFacts, profile, s.heading) });
      }
    });
    byProfile.set(profile, located);
  }
  return located;
}

/** The template groups of registered sections ("Dataset Structure"…). */
const knownGroups = new Set<string>();

/** The known template groups a heading is. */
function groupsOf(facts: HeadingFacts, heading: string): readonly string[] {
  facts.groups ??= [...knownGroups].filter((group) => vocabularyMatches(groupVocabularyOf(group), heading));
  return facts.groups;
}

/** The template groups a card has: the first section of each after the title, and every group anywhere. */
interface CardGroups {
  afterTitle: Map<string, CardSection>;
  anywhere: Set<string>;
}

const cardGroupsCache = new WeakMap<DatasetCard, CardGroups>();

function cardGroups(card: DatasetCard): CardGroups {
  let groups = cardGroupsCache.get(card);
  if (!groups) {
    const titleLine = card.title.range.start.line;
    const found: CardGroups = { afterTitle: new Map(), anywhere: new Set() };
    const facts = cardHeadingFacts(card);
    for (const [i, section] of card.sections.entries()) {
      const headingFacts = facts[i];
      if (!headingFacts) continue;
      for (const group of groupsOf(headingFacts, section.heading)) {
        found.anywhere.add(group);
        if (section.range.start.line > titleLine && !found.afterTitle.has(group)) found.afterTitle.set(group, section);
      }
    }
    groups = found;
    cardGroupsCache.set(card, groups);
  }
  return groups;
}

/** The first section after the card's title that is the template group `group` ("Dataset Structure"). */
function groupSection(card: DatasetCard, located: readonly LocatedSection[], group: string): CardSection | undefined {
  if (knownGroups.has(group)) return cardGroups(card).afterTitle.get(group);
  const vocabulary = groupVocabularyOf(group);
  return located.find((l) => vocabularyMatches(vocabulary, l.section.heading))?.section;
}

const groupVocabularies = new Map<string, Vocabulary>();

function groupVocabularyOf(group: string): Vocabulary {
  let vocabulary = groupVocabularies.get(group);
  if (!vocabulary) {
    vocabulary = { synonyms: [group] };
    groupVocabularies.set(group, vocabulary);
  }
  return vocabulary;
}

function encloses(outer: CardSection, inner: CardSection): boolean {
  return inner.range.start.line > outer.range.start.line && inner.range.start.line < outer.bodyEndLine;
}

function snakeCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;
}

/** The skeleton fix of a card, per set of active profiles and rules switched off: worked out once per card. */
const skeletonCache = new WeakMap<DatasetCard, Map<string, CardSkeleton | null>>();

interface CardSkeleton {
  fix: EditFix;
}

/**
 * A whole-card skeleton for a card that lacks more than half of the sections its active profiles
 * ask for: every missing section, with its prompt, appended in the profiles' order (a section a
 * heading already in the skeleton answers is written once: the Hugging Face "Data Fields" is not
 * repeated after the book's "Types of attributes"). Hugging Face sections come under their
 * template group heading when the card has no such group. Sections whose rules are `off` are
 * left out and not counted; a skeleton of fewer than two sections is not offered.
 */
export function cardSkeleton(
  card: DatasetCard,
  profiles: ReadonlySet<CardProfile>,
  off: ReadonlySet<string> = new Set(),
): CardSkeleton | undefined {
  if (card.kind !== 'markdown') return undefined;
  let byProfiles = skeletonCache.get(card);
  if (!byProfiles) {
    byProfiles = new Map();
    skeletonCache.set(card, byProfiles);
  }
  const profileNames = CARD_PROFILES.filter((profile) => profiles.has(profile)).join('+');
  // Only the ids of required sections matter: a section rule switched off changes the skeleton.
  const offIds = requiredSections(profiles)
    .filter((spec) => off.has(spec.id))
    .map((spec) => spec.id);
  const key = `${profileNames} ${offIds.join(',')}`;
  let skeleton = byProfiles.get(key);
  if (skeleton === undefined) {
    skeleton = computeSkeleton(card, profiles, off, profileNames) ?? null;
    byProfiles.set(key, skeleton);
  }
  return skeleton ?? undefined;
}

/**
 * The skeleton of the sections whose rules run: a section whose rule is switched off is neither
 * written nor counted, so a card is offered the skeleton when more than half of the sections it
 * is still asked for are missing.
 */
function computeSkeleton(
  card: DatasetCard,
  profiles: ReadonlySet<CardProfile>,
  off: ReadonlySet<string>,
  profileNames: string,
): CardSkeleton | undefined {
  const specs = requiredSections(profiles).filter((spec) => !off.has(spec.id) && !defers(spec, profiles));
  const statuses = specs.map((spec) => ({ spec, state: itemStatus(card, spec).state }));
  const applicable = statuses.filter((s) => s.state !== 'not-applicable');
  const missing = applicable.filter((s) => s.state === 'missing').map((s) => s.spec);
  if (missing.length * 2 <= applicable.length) return undefined;
  const chosen: SectionSpec[] = [];
  for (const spec of missing) {
    if (!chosen.some((other) => specsAnsweredBy(spec.profile, other.heading).includes(spec))) chosen.push(spec);
  }
  // One section is no skeleton: its own fix puts it in its place rather than at the end.
  if (chosen.length < 2) return undefined;
  const level = Math.min(titleLevel(card) + 1, 6);
  const groupsInCard = new Set(
    chosen.flatMap((spec) => (spec.group !== undefined && cardHasGroup(card, spec.group) ? [spec.group] : [])),
  );
  const blocks: string[] = [];
  let openGroup: string | undefined;
  for (const spec of chosen) {
    let sectionLevel = level;
    if (spec.group !== undefined && !groupsInCard.has(spec.group)) {
      if (openGroup !== spec.group) blocks.push(`${'#'.repeat(level)} ${spec.group}`);
      openGroup = spec.group;
      sectionLevel = Math.min(level + 1, 6);
    } else openGroup = undefined;
    blocks.push(`${'#'.repeat(sectionLevel)} ${spec.heading}\n\n<!-- ${spec.prompt} -->`);
  }
  const last = card.lines.length - 1;
  const end = { line: last, character: (card.lines[last] ?? '').length };
  const separator = (card.lines[last] ?? '') === '' ? '\n' : '\n\n';
  return {
    fix: {
      kind: 'edit',
      title: `Insert a card skeleton for ${profileNames} (${String(chosen.length)} missing sections)`,
      edits: [{ range: { start: end, end }, newText: `${separator}${blocks.join('\n\n')}\n` }],
    },
  };
}

/** Whether any heading of the card is the template group `group`. */
function cardHasGroup(card: DatasetCard, group: string): boolean {
  if (knownGroups.has(group)) return cardGroups(card).anywhere.has(group);
  const vocabulary = groupVocabularyOf(group);
  return card.sections.some((s) => vocabularyMatches(vocabulary, s.heading));
}

/** Lint runs (each has its own context) whose skeleton a finding already carries. */
const skeletonCarried = new WeakSet<RuleContext>();

/**
 * True for the first missing section reported in a lint run: its finding carries the skeleton.
 * Rules run in the skeleton's order, so that is its first section — or, when the rule of that
 * section is switched off, the first one whose rule runs.
 */
function claimSkeleton(context: RuleContext): boolean {
  if (skeletonCarried.has(context)) return false;
  skeletonCarried.add(context);
  return true;
}

/** The finding for a section a card lacks or leaves empty, or none. */
function itemFinding(card: DatasetCard, spec: SectionSpec, context?: RuleContext): RuleFinding | undefined {
  const status = itemStatus(card, spec);
  if (status.state === 'stated' || status.state === 'not-applicable') return undefined;
  const yaml = card.kind === 'yaml';
  const names = yaml
    ? [...new Set(spec.synonyms.map(snakeCase))].filter((name) => name !== spec.key)
    : spec.synonyms.filter((synonym) => synonym !== spec.heading);
  const examples = names
    .slice(0, 2)
    .map((name) => (yaml ? `\`${name}\`` : `"${name}"`))
    .join(' or ');
  if (status.state === 'missing') {
    const skeleton = context ? cardSkeleton(card, context.profiles, context.off) : undefined;
    let fix: RuleFinding['fix'];
    if (skeleton && context && claimSkeleton(context)) fix = skeleton.fix;
    else if (card.kind === 'markdown') {
      const where = sectionInsertion(card, spec);
      fix = {
        kind: 'insert-section',
        title: `Insert ${/^[aeiou]/i.test(spec.heading) ? 'an' : 'a'} "${spec.heading}" section`,
        heading: spec.heading,
        level: where.level,
        line: where.line,
        prompt: spec.prompt,
      } satisfies InsertSectionFix;
    }
    const missing = yaml ? `no \`${spec.key}\` key` : `no "${spec.heading}" section`;
    return {
      range: card.title.range,
      message: `The card does not say ${spec.topic}: ${missing} (or one such as ${examples}). ${spec.why}`,
      ...(fix ? { fix } : {}),
    };
  }
  // Report where the placeholder sits: the innermost matching section ("Annotation process", not
  // the "Dataset Creation" around it).
  const innermost = status.hits.filter(
    (h) =>
      !status.hits.some((other) => other !== h && other.section && h.section && encloses(h.section, other.section)),
  );
  const hit = innermost.find((h) => h.placeholder !== undefined) ?? innermost[0] ?? status.hits[0];
  if (!hit) return undefined;
  const what = hit.kind === 'heading' ? 'section' : hit.kind === 'label' ? 'entry' : 'key';
  const state = hit.placeholder !== undefined ? `only holds a placeholder (${quoted(hit.placeholder)})` : 'is empty';
  return {
    range: hit.range,
    message: `The ${quoted(hit.label)} ${what} ${state}, so the card does not say ${spec.topic}. ${spec.why}`,
  };
}

/** True when the book's rule for the same question reports this section instead. */
function defers(spec: SectionSpec, profiles: ReadonlySet<CardProfile>): boolean {
  return spec.sameAs !== undefined && profiles.has('book');
}

function sectionRule(section: SectionSpec, profiles: readonly CardProfile[], tags: readonly string[]): CardRule {
  return {
    id: section.id,
    alias: section.alias,
    description: section.description,
    defaultSeverity: section.severity ?? 'warning',
    tags: section.tags ?? tags,
    profiles,
    check(card: DatasetCard, context: RuleContext): RuleFinding[] {
      if (defers(section, context.profiles) || (section.markdownOnly === true && card.kind !== 'markdown')) return [];
      const finding = itemFinding(card, section, context);
      return finding ? [finding] : [];
    },
  };
}

/** The rule for one of the book's items. Registers the item's headings with the matcher. */
export function bookItemRule(spec: BookItemSpec): CardRule {
  return sectionRule(register(spec), ['book'], ['dataset-card', 'book']);
}

/** The rule for a section of Datasheets for Datasets or of the Hugging Face card template. */
export function profileSectionRule(spec: ProfileSectionSpec): CardRule {
  const huggingFace = spec.profile === 'huggingface';
  // The Hugging Face card is a Markdown template (its YAML part is metadata, checked by MLG3xx).
  return sectionRule(
    register({ markdownOnly: huggingFace, ...spec }),
    [spec.profile],
    ['dataset-card', huggingFace ? 'huggingface' : 'datasheets'],
  );
}

/** The metadata values at `path` (keys; a sequence on the way is searched item by item). */
export function metadataAt(card: DatasetCard, path: readonly string[]): Node[] {
  let nodes: Node[] = card.metadata?.contents ? [card.metadata.contents] : [];
  for (const key of path) {
    const next: Node[] = [];
    for (const node of nodes) {
      const maps = isSeq(node) ? node.items.filter((item): item is Node => isMap(item)) : [node];
      for (const map of maps) {
        if (!isMap(map)) continue;
        for (const pair of map.items) {
          if (isScalar(pair.key) && pair.key.value === key && pair.value) next.push(pair.value as Node);
        }
      }
    }
    nodes = next;
  }
  return nodes;
}

/** True when a metadata node holds at least one item or a non-empty value. */
export function metadataFilled(node: Node): boolean {
  return yamlStates(node);
}

/** The string values of a metadata list or scalar (`task_categories: [text-generation]`). */
export function metadataStrings(node: Node): string[] {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
  if (isSeq(node)) return node.items.flatMap((item) => (isScalar(item) ? [String(item.value)] : []));
  return [];
}

/** A table-of-contents entry or a badge: a line of links and images only. */
const LINKS_ONLY =
  /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\([^)]*\)|<[^>]*>|\s)+$/;

/**
 * True when the text right under the card's title heading, before any other heading, describes
 * something: not only a table of contents, badges, images, catalogue lines or placeholders.
 */
export function introStates(card: DatasetCard): boolean {
  const index = card.sections.findIndex((section) => section.range.start.line === card.title.range.start.line);
  const title = card.sections[index];
  if (!title || card.kind !== 'markdown') return false;
  const end = ownEnd(card, index);
  return documents(function* () {
    for (let line = title.bodyStartLine; line < end; line++) {
      const text = card.bodyLines[line] ?? '';
      if (!LINKS_ONLY.test(text)) yield text;
    }
  }).filled;
}
