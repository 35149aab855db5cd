// MLG304: `license` is a license id from the Hub's list (hub-docs repositories-licenses.md):
// lower case, `cc-by-4.0` not `CC-BY-4.0`; `other` (with MLG305's keys) for anything else. The
// Hub shows, and users filter by, only the ids it knows.
import { describeNode, listItems, metadataEntry } from '../huggingface/metadataNodes';
import { didYouMean, nearestValues } from '../huggingface/suggest';
import { LICENSES } from '../huggingface/values';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

const IDS = LICENSES.map((license) => license.id);
const WHY = 'Users filter by license on the Hub and read from it what they may do with the data.';

function check(card: DatasetCard): RuleFinding[] {
  const entry = metadataEntry(card, 'license');
  if (!entry) return [];
  const findings: RuleFinding[] = [];
  for (const item of listItems(card, entry.value, entry.keyRange)) {
    if (item.text === undefined) {
      findings.push({
        range: item.range,
        message: `\`license\` must be a license id such as "cc-by-4.0" (or a list of them), not ${describeNode(item.node)}.`,
      });
      continue;
    }
    if (IDS.includes(item.text)) continue;
    // SPDX writes ids in mixed case and with a "-only" suffix; the Hub's ids are lower case.
    const suggestions = nearestValues(item.text.replace(/-(?:only|or-later)$/i, ''), IDS);
    findings.push({
      range: item.range,
      message:
        `"${item.text}" is not a license id the Hub knows.${didYouMean(suggestions)} ` +
        `Write one of the Hub's ids, or \`other\` with \`license_name\` and \`license_link\`. ${WHY}`,
    });
  }
  return findings;
}

export const metadataLicense: CardRule = {
  id: 'MLG304',
  alias: 'metadata-license',
  description: 'Hugging Face metadata `license` is a license id the Hub knows.',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata', 'license'],
  profiles: ['huggingface'],
  check,
};
