/**
 * Completion of section headings in a dataset card: on a heading line (`#`, `##`, …) the required
 * sections of the card's active profiles are offered — the book's ten documentation items, the
 * seven sections of Datasheets for Datasets, the Hugging Face card template's sections — those the
 * card does not have yet first (under a template group, that group's first), each with what to
 * write and why.
 */
import { parseDatasetCard } from './parse/datasetCard';
import type { TextPosition } from './parse/text';
import { defaultProfiles } from './lint';
import { requiredSections, sectionPlace, sectionsOfHeading, words } from './rules/requiredSection';
import { isSizeHeading, numberOfExamples } from './rules/MLG009-number-of-examples';
import { CARD_PROFILES, type CardProfile } from './rules/types';
// Registering the rules fills the table of sections that requiredSections returns.
import './rules/registry';

interface Offer {
  id: string;
  profile: CardProfile;
  order: number;
  heading: string;
  prompt: string;
  why: string;
  place: string;
  /** The template group the section belongs under ("Dataset Structure"). */
  group?: string;
}

/** Item 9 is checked by its own rule (it also reads counts in prose and metadata). */
const NUMBER_OF_EXAMPLES: Offer = {
  id: numberOfExamples.id,
  profile: 'book',
  order: 9,
  heading: 'Number of examples',
  prompt: 'How many examples does the dataset hold, in total and in each split, and when were they counted?',
  why: 'Readers judge what a model was trained and tested on, and how precise its metrics can be, from the count; a count that no longer matches the data shows the data changed.',
  place: "the book's documentation item 9 of 10",
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

/**
 * Headings to offer at `position`; none when the cursor is not on a heading line. `profiles` are
 * the card's active profiles (as lintDatasetCard uses them); absent, the defaults of the card
 * (and of its `file` name).
 */
export function headingCompletions(
  text: string,
  position: TextPosition,
  profiles?: ReadonlySet<CardProfile>,
  file?: string,
): HeadingCompletion[] {
  const line = text.split(/\r?\n/)[position.line] ?? '';
  const marks = /^(#{1,6})(\s*)/.exec(line.slice(0, position.character));
  if (!marks) return [];
  const card = parseDatasetCard(text, 'markdown');
  const active = profiles ?? new Set(defaultProfiles(card, file));
  // Under a template group ("### " below "## Dataset Structure") the group's own sections come first.
  const level = (marks[1] ?? '').length;
  const parent = card.sections.filter((s) => s.range.start.line < position.line && s.level < level).at(-1);
  const parentWords = parent ? words(parent.heading).join(' ') : undefined;
  const inParentGroup = (offer: Offer): boolean =>
    offer.group !== undefined && words(offer.group).join(' ') === parentWords;
  const answered = new Set(
    card.sections
      .filter((s) => s.range.start.line !== position.line)
      .flatMap((s) => [
        ...sectionsOfHeading(s.heading, active).map((spec) => spec.id),
        ...(active.has('book') && isSizeHeading(s.heading) ? [NUMBER_OF_EXAMPLES.id] : []),
      ]),
  );
  const offers: Offer[] = [
    ...requiredSections(active).map((spec) => ({ ...spec, place: sectionPlace(spec) })),
    ...(active.has('book') ? [NUMBER_OF_EXAMPLES] : []),
  ];
  // One offer per heading: two profiles may ask for a section under the same name.
  const seen = new Set<string>();
  return offers
    .filter((offer) => !seen.has(offer.heading) && seen.add(offer.heading))
    .map((offer) => ({
      label: offer.heading,
      detail: `${offer.id} · ${offer.place}${answered.has(offer.id) ? ' (the card has it)' : ''}`,
      documentation: `${offer.prompt}\n\nWhy: ${offer.why}`,
      // From just after the `#` marks: one space, then the heading.
      insertText: ` ${offer.heading}`,
      // Missing sections first (those of the group the line is in before others), then by
      // profile and in each profile's order.
      sortText: `${answered.has(offer.id) ? 1 : 0}${inParentGroup(offer) ? 0 : 1}-${String(CARD_PROFILES.indexOf(offer.profile))}-${String(offer.order).padStart(2, '0')}`,
      replaceFrom: (marks[1] ?? '').length,
    }));
}
