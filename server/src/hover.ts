/**
 * Hover on a dataset card's heading: which required section of the active profiles it is — the
 * book's documentation items (Machine Learning Engineering, ch. 3), the sections of Datasheets for
 * Datasets, the Hugging Face card template — what it must say, and why.
 */
import { parseDatasetCard } from './parse/datasetCard';
import type { TextPosition, TextRange } from './parse/text';
import { defaultProfiles, ruleDocsUrl } from './lint';
import { requiredSections, sectionPlace, sectionsOfHeading, words } from './rules/requiredSection';
import type { CardProfile } from './rules/types';
// Registering the rules fills the table of sections that sectionsOfHeading searches.
import './rules/registry';

/**
 * Markdown for the hover, and the heading's range; undefined off a recognised heading. `profiles`
 * are the card's active profiles (as lintDatasetCard uses them); absent, the defaults of the card
 * (and of its `file` name).
 */
export function headingHover(
  text: string,
  position: TextPosition,
  profiles?: ReadonlySet<CardProfile>,
  file?: string,
): { markdown: string; range: TextRange } | undefined {
  const card = parseDatasetCard(text, 'markdown');
  const section = card.sections.find((s) => s.range.start.line === position.line);
  if (!section) return undefined;
  const active = profiles ?? new Set(defaultProfiles(card, file));
  const specs = sectionsOfHeading(section.heading, active);
  if (specs.length > 0) {
    const markdown = specs
      .map(
        (spec) =>
          `**${spec.heading}** — [${spec.id} ${spec.alias}](${ruleDocsUrl(spec.id)}), ${sectionPlace(spec)}\n\n` +
          `${spec.prompt}\n\n*Why:* ${spec.why}`,
      )
      .join('\n\n---\n\n');
    return { markdown, range: section.range };
  }
  // A template group ("Dataset Structure"): what goes under it.
  const headingWords = words(section.heading).join(' ');
  const grouped = requiredSections(active).filter(
    (spec) => spec.group !== undefined && words(spec.group).join(' ') === headingWords,
  );
  const group = grouped[0]?.group;
  if (group === undefined) return undefined;
  const markdown =
    `**${group}** — a group of the Hugging Face dataset card template. Its subsections:\n\n` +
    grouped
      .map((spec) => `- **${spec.heading}** ([${spec.id} ${spec.alias}](${ruleDocsUrl(spec.id)})): ${spec.prompt}`)
      .join('\n');
  return { markdown, range: section.range };
}
