// MLG303: `language` holds ISO 639-1 (`en`) or ISO 639-3 (`eng`) codes the Hub knows
// (@huggingface/languages). A lower-case tag with a region or script after a known code
// (`en-us`, `zh-hans`) is accepted, as the Hub reads it; upper case is what the Hub rejects
// ("must only contain lowercase characters"), and the BCP-47 form belongs in `language_details`.
import { describeNode, listItems, metadataEntry } from '../huggingface/metadataNodes';
import { nearestValues } from '../huggingface/suggest';
import { ISO_639_1, ISO_639_3, languageName } from '../huggingface/values';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

/** ISO 639-2/B (bibliographic) codes, which neither ISO 639-1 nor 639-3 has, and the code to write. */
const BIBLIOGRAPHIC: Record<string, string> = {
  alb: 'sq',
  arm: 'hy',
  baq: 'eu',
  bur: 'my',
  chi: 'zh',
  cze: 'cs',
  dut: 'nl',
  fre: 'fr',
  geo: 'ka',
  ger: 'de',
  gre: 'el',
  ice: 'is',
  mac: 'mk',
  mao: 'mi',
  may: 'ms',
  per: 'fa',
  rum: 'ro',
  slo: 'sk',
  tib: 'bo',
  wel: 'cy',
};

let byName: Map<string, string> | undefined;
/** Language names (lower case) → code, ISO 639-1 first: "English" → `en`. */
function codeForName(name: string): string | undefined {
  if (!byName) {
    byName = new Map();
    for (const value of [...ISO_639_3, ...ISO_639_1]) byName.set(value.description.toLowerCase(), value.id);
  }
  return byName.get(name.trim().toLowerCase());
}

const TWO_LETTER = ISO_639_1.map((value) => value.id);
const WHY = 'Users find datasets in their language through these codes; the Hub ignores others.';

/** The finding for one `language` item, or undefined when the Hub accepts it. */
function checkCode(text: string): string | undefined {
  if (languageName(text) !== undefined) return undefined;
  const subtags = /^([a-zA-Z]{2,3})[-_]([a-zA-Z0-9]{2,8}(?:[-_][a-zA-Z0-9]{1,8})*)$/.exec(text);
  if (subtags) {
    const primary = (subtags[1] ?? '').toLowerCase();
    if (languageName(primary) !== undefined) {
      if (text === text.toLowerCase() && text.includes('-')) return undefined;
      const bcp47 = `${primary}-${(subtags[2] ?? '').replace(/_/g, '-')}`;
      return `"${text}" is a regional or script tag: the Hub rejects upper case and underscores in \`language\`. Write "${primary}" here and "${bcp47}" under \`language_details\`. ${WHY}`;
    }
  }
  const lower = text.toLowerCase();
  if (lower !== text && languageName(lower) !== undefined) {
    return `"${text}": the Hub accepts \`language\` codes in lower case only. Did you mean "${lower}"? ${WHY}`;
  }
  const bibliographic = BIBLIOGRAPHIC[lower];
  if (bibliographic !== undefined) {
    return `"${text}" is an ISO 639-2/B code, which the Hub does not know. Did you mean "${bibliographic}" (${languageName(bibliographic) ?? ''})? ${WHY}`;
  }
  if (lower === 'multilingual') {
    return `"${text}" is not a language: list each language of the data here, and set \`multilinguality: multilingual\`. ${WHY}`;
  }
  const named = codeForName(text);
  const suggestions = named !== undefined ? [named] : /^[a-z]{2}$/i.test(text) ? nearestValues(text, TWO_LETTER) : [];
  const suggestion =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((code) => `"${code}" (${languageName(code) ?? code})`).join(' or ')}?`
      : '';
  return `"${text}" is not an ISO 639-1 or ISO 639-3 code the Hub knows.${suggestion} ${WHY}`;
}

function check(card: DatasetCard): RuleFinding[] {
  const entry = metadataEntry(card, 'language');
  if (!entry) return [];
  const findings: RuleFinding[] = [];
  for (const item of listItems(card, entry.value, entry.keyRange)) {
    if (item.text === undefined) {
      findings.push({
        range: item.range,
        message: `Each item of \`language\` must be a language code such as "en", not ${describeNode(item.node)}.`,
      });
      continue;
    }
    const message = checkCode(item.text);
    if (message !== undefined) findings.push({ range: item.range, message });
  }
  return findings;
}

export const metadataLanguage: CardRule = {
  id: 'MLG303',
  alias: 'metadata-language',
  description: 'Hugging Face metadata `language` holds ISO 639-1 or ISO 639-3 codes the Hub knows.',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata'],
  profiles: ['huggingface'],
  check,
};
