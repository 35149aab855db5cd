/**
 * Completion of section headings in a dataset card: on a heading line (`#`, `##`, …) the book's
 * ten documentation items are offered, those the card does not answer yet first, each with what
 * to write and why.
 */
import { parseDatasetCard } from './parse/datasetCard';
import type { TextPosition } from './parse/text';
import { bookItemSpecs, itemsOfHeading, type BookItemSpec } from './rules/requiredSection';
import { isSizeHeading, numberOfExamples } from './rules/MLG009-number-of-examples';
// Registering the rules fills the table of items that bookItemSpecs returns.
import './rules/registry';

type Item = Pick<BookItemSpec, 'id' | 'item' | 'heading' | 'prompt' | 'why'>;

/** Item 9 is checked by its own rule (it also reads counts in prose and metadata). */
const NUMBER_OF_EXAMPLES: Item = {
  id: numberOfExamples.id,
  item: 9,
  heading: 'Number of examples',
  prompt: 'How many examples does the dataset hold, in total and in each split, and when were they counted?',
  why: 'Readers judge what a model was trained and tested on, and how precise its metrics can be, from the count; a count that no longer matches the data shows the data changed.',
};

/** A heading to offer, in LSP's completion shape minus the protocol enums. */
export interface HeadingCompletion {
  label: string;
  detail: string;
  documentation: string;
  insertText: string;
  sortText: string;
  /** The completion replaces the line from this character (after the `#` marks) to the cursor. */
  replaceFrom: number;
}

/** Headings to offer at `position`; none when the cursor is not on a heading line. */
export function headingCompletions(text: string, position: TextPosition): HeadingCompletion[] {
  const line = text.split(/\r?\n/)[position.line] ?? '';
  const marks = /^(#{1,6})(\s*)/.exec(line.slice(0, position.character));
  if (!marks) return [];
  const card = parseDatasetCard(text, 'markdown');
  const answered = new Set(
    card.sections
      .filter((s) => s.range.start.line !== position.line)
      .flatMap((s) => [
        ...itemsOfHeading(s.heading).map((i) => i.id),
        ...(isSizeHeading(s.heading) ? [NUMBER_OF_EXAMPLES.id] : []),
      ]),
  );
  const items: Item[] = [...bookItemSpecs(), NUMBER_OF_EXAMPLES].sort((a, b) => a.item - b.item);
  return items.map((item) => ({
    label: item.heading,
    detail: `${item.id} · the book's documentation item ${item.item} of 10${answered.has(item.id) ? ' (the card has it)' : ''}`,
    documentation: `${item.prompt}\n\nWhy: ${item.why}`,
    // From just after the `#` marks: one space, then the heading.
    insertText: ` ${item.heading}`,
    // Missing items first, then in the book's order.
    sortText: `${answered.has(item.id) ? 1 : 0}-${String(item.item).padStart(2, '0')}`,
    replaceFrom: (marks[1] ?? '').length,
  }));
}
