// MLG301: the card's metadata — the YAML front matter of a Markdown card, or a whole
// `dataset.yaml` — must be valid YAML holding a mapping. The Hub (and every tool that reads cards)
// drops metadata it cannot parse, so every tag, the license and the configs go with it.
import { isMap } from 'yaml';
import { metadataRange, type DatasetCard } from '../parse/datasetCard';
import { lineRange } from '../parse/text';
import { describeNode } from '../huggingface/metadataNodes';
import type { CardRule, RuleFinding } from './types';

/** The yaml library's message without its position (ours is the diagnostic's range). */
function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?\s*$/, '');
}

function check(card: DatasetCard): RuleFinding[] {
  const where = card.kind === 'yaml' ? 'The file' : 'The front matter';
  const why = 'The Hub and other tools ignore metadata they cannot read, so its tags, license and configs are lost.';
  if (card.kind === 'markdown' && !card.metadata && /^---\s*$/.test(card.lines[0] ?? '')) {
    // An opening `---` with no closing one: the YAML runs into the Markdown, and nothing is read.
    const looksLikeYaml = /^\s*[\w-]+\s*:/.test(card.lines[1] ?? '');
    if (!looksLikeYaml) return [];
    return [
      {
        range: lineRange(card.lines, 0),
        message: `The front matter opened here is never closed: add a line \`---\` after its last key. ${why}`,
      },
    ];
  }
  const metadata = card.metadata;
  if (!metadata) return [];
  const findings: RuleFinding[] = metadata.errors.map((error) => ({
    range: metadataRange(card, error.pos),
    message: `${where} is not valid YAML: ${yamlMessage(error.message)}. ${why}`,
  }));
  const contents = metadata.contents;
  if (findings.length === 0 && contents !== null && !isMap(contents)) {
    findings.push({
      range: contents.range ? metadataRange(card, contents.range) : lineRange(card.lines, 0),
      message: `${where} must be a mapping of keys to values (\`license: mit\`), not ${describeNode(contents)}. ${why}`,
    });
  }
  return findings;
}

export const metadataMapping: CardRule = {
  id: 'MLG301',
  alias: 'metadata-mapping',
  description: 'The card metadata (YAML front matter or dataset.yaml) is valid YAML holding a mapping.',
  defaultSeverity: 'error',
  tags: ['dataset-card', 'huggingface', 'metadata'],
  // Broken front matter hides metadata from every profile's checks, and is what turns the
  // Hugging Face profile on by default: it is reported whatever the profiles.
  profiles: ['book', 'datasheets', 'huggingface'],
  check,
};
