// MLG305: `license: other` names and links the license: `license_name` (an id such as
// `my-license-1.0`) and `license_link` (`LICENSE`, a file in the repository, or a URL). Without
// them a user sees "other" and cannot tell what terms apply. A relative `license_link` must name a
// file that exists (checked when the card is saved; `context.fileExists`).
import { isScalar } from 'yaml';
import { listItems, metadataEntry, nodeRange, scalarText } from '../huggingface/metadataNodes';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleContext, RuleFinding } from './types';

const WHY = 'Users cannot tell what terms apply to the data without the license’s name and text.';

function filled(card: DatasetCard, key: string): boolean {
  const entry = metadataEntry(card, key);
  const text = entry ? scalarText(entry.value) : undefined;
  return text !== undefined && text.trim() !== '';
}

function check(card: DatasetCard, context: RuleContext): RuleFinding[] {
  const license = metadataEntry(card, 'license');
  if (!license) return [];
  const other = listItems(card, license.value, license.keyRange).find((item) => item.text === 'other');
  if (!other) return [];
  const findings: RuleFinding[] = [];
  const missing = ['license_name', 'license_link'].filter((key) => !filled(card, key));
  if (missing.length > 0) {
    const keys = missing.map((key) => `\`${key}\``).join(' and ');
    findings.push({
      range: other.range,
      message:
        `\`license: other\` needs ${keys}: ${missing.includes('license_name') ? 'an id for the license (`my-license-1.0`)' : ''}` +
        `${missing.length === 2 ? ', and ' : ''}${missing.includes('license_link') ? '`LICENSE` (a file in the repository) or a URL to its text' : ''}. ${WHY}`,
    });
  }
  const link = metadataEntry(card, 'license_link');
  const target = link ? scalarText(link.value) : undefined;
  if (link && isScalar(link.value) && target && context.fileExists && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    const relative = target.replace(/^\.\//, '');
    if (!context.fileExists(relative)) {
      findings.push({
        range: nodeRange(card, link.value, link.keyRange),
        message: `\`license_link\` points at "${target}", which does not exist next to the card. Add the license text there or link its URL. ${WHY}`,
      });
    }
  }
  return findings;
}

export const licenseOtherDetails: CardRule = {
  id: 'MLG305',
  alias: 'license-other-details',
  description: 'Hugging Face metadata `license: other` comes with `license_name` and `license_link`.',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata', 'license'],
  profiles: ['huggingface'],
  check,
};
