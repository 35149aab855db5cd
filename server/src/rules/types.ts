import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

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

/** One problem a rule found. */
export interface RuleFinding {
  range: TextRange;
  message: string;
  fix?: InsertSectionFix;
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
  check(card: DatasetCard): RuleFinding[];
}
