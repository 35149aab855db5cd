import type { CardData } from '../cardData/types';
import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A set of fields a card must have: the book's ten items (`book`), the questions of Datasheets
 * for Datasets (`datasheets`), the Hugging Face dataset card template and metadata (`huggingface`).
 */
export type CardProfile = 'book' | 'datasheets' | 'huggingface';
export const CARD_PROFILES: readonly CardProfile[] = ['book', 'datasheets', 'huggingface'];

/** A quick fix that inserts a new section into a card. */
export interface InsertSectionFix {
  kind: 'insert-section';
  /** Title of the code action. */
  title: string;
  heading: string;
  level: number;
  /** Zero-based line the section is inserted before (may equal the line count: append). */
  line: number;
  /** The book's prompt for what the section must say, inserted as an HTML comment. */
  prompt: string;
  /** Data the server may fill in: the row count of the CSV files the card links to. */
  fill?: 'row-count';
}

/** A quick fix a rule computes itself: text edits in the card (a stale count, a column list…). */
export interface EditFix {
  kind: 'edit';
  title: string;
  edits: { range: TextRange; newText: string }[];
}

export type RuleFix = InsertSectionFix | EditFix;

/** One problem a rule found. */
export interface RuleFinding {
  range: TextRange;
  message: string;
  fix?: RuleFix;
}

/** What a check knows besides the card's text. */
export interface RuleContext {
  /** The active profiles; a rule runs when one of its own is among them. */
  profiles: ReadonlySet<CardProfile>;
  /**
   * Facts about the data the card points at, read by the server or the CLI (never by a rule).
   * Absent while they are being read or when the card points at no data: data rules stay quiet.
   */
  data?: CardData;
  /** Whether a path, relative to the card's folder, exists. Absent (unsaved card, tests): not checked. */
  fileExists?: (relativePath: string) => boolean;
  /** Rules switched off (`off` in settings or `.mlguide.yaml`): the card skeleton leaves their sections out. */
  off?: ReadonlySet<string>;
}

/** A lint rule over dataset cards: metadata and a pure check. */
export interface CardRule {
  /** Stable id, used as the diagnostic `code` and the docs page name (`docs/rules/<id>.md`). */
  id: string;
  /** A readable alias, accepted wherever the id is. */
  alias: string;
  description: string;
  defaultSeverity: Severity;
  tags: readonly string[];
  /** The profiles this rule belongs to. */
  profiles: readonly CardProfile[];
  check(card: DatasetCard, context: RuleContext): RuleFinding[];
}
