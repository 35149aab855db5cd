/**
 * Hover on a dataset card's heading: which of the book's documentation items the section answers,
 * what it must say, and why (Machine Learning Engineering, ch. 3).
 */
import { parseDatasetCard } from './parse/datasetCard';
import type { TextPosition, TextRange } from './parse/text';
import { ruleDocsUrl } from './lint';
import { itemsOfHeading } from './rules/requiredSection';
// Registering the rules fills the table of items that itemsOfHeading searches.
import './rules/registry';

/** Markdown for the hover, and the heading's range; undefined off a recognised heading. */
export function headingHover(text: string, position: TextPosition): { markdown: string; range: TextRange } | undefined {
  const card = parseDatasetCard(text, 'markdown');
  const section = card.sections.find((s) => s.range.start.line === position.line);
  if (!section) return undefined;
  const items = itemsOfHeading(section.heading);
  if (items.length === 0) return undefined;
  const markdown = items
    .map(
      (item) =>
        `**${item.heading}** — [${item.id} ${item.alias}](${ruleDocsUrl(item.id)}), the book's documentation item ${item.item} of 10\n\n` +
        `${item.prompt}\n\n*Why:* ${item.why}`,
    )
    .join('\n\n---\n\n');
  return { markdown, range: section.range };
}
