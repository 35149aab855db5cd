// MLG302: the enum keys of Hugging Face metadata hold values the Hub knows — `size_categories`,
// `task_categories`, `task_ids`, `annotations_creators`, `language_creators`, `multilinguality`
// — and `source_datasets` keeps its fixed forms (`original`, `extended|<dataset>`). The Hub files a
// dataset under its filters only for values it knows; any other value is shown to nobody.
import { isMap, isSeq } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { describeNode, listItems, metadataEntries, type MetadataEntry } from '../huggingface/metadataNodes';
import { keySpecAt } from '../huggingface/metadataKeys';
import { didYouMean, nearestValues, someValues } from '../huggingface/suggest';
import { SIZE_CATEGORIES, TASK_IDS } from '../huggingface/values';
import type { CardRule, RuleFinding } from './types';

const ENUM_KEYS = [
  'size_categories',
  'task_categories',
  'task_ids',
  'annotations_creators',
  'language_creators',
  'multilinguality',
] as const;

/** What the Hub does with a value it does not know, per key. */
const CONSEQUENCE: Record<(typeof ENUM_KEYS)[number], string> = {
  size_categories: 'The Hub lists the dataset under a size filter only for its own ranges.',
  task_categories: 'The Hub lists the dataset under a task only for its own task ids.',
  task_ids: 'The Hub lists the dataset under a subtask only for its own ids.',
  annotations_creators: 'The Hub and its tools read only their own values here.',
  language_creators: 'The Hub and its tools read only their own values here.',
  multilinguality: 'The Hub and its tools read only their own values here.',
};

const MULTIPLIER: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * The size category a hand-written range or count stands for: `1-10k` and `1k to 10k` are
 * `1K<n<10K`, `<1k` is `n<1K`, `5000` or `7,043` falls in `1K<n<10K`.
 */
export function sizeCategoryFor(value: string): string | undefined {
  const text = value.toLowerCase().replace(/(\d),(?=\d{3})/g, '$1');
  const numbers = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([kmbt]?)/g)].map((m) => ({
    value: Number(m[1]),
    suffix: m[2] ?? '',
  }));
  const first = numbers[0];
  if (!first) return undefined;
  const amount = (n: { value: number; suffix: string }, fallbackSuffix: string): number =>
    n.value * (MULTIPLIER[n.suffix === '' ? fallbackSuffix : n.suffix] ?? 1);
  const second = numbers[1];
  if (second) {
    // "1-10k": the unit of the upper bound applies to a bare lower bound.
    const low = amount(first, second.value > first.value ? second.suffix : '');
    const high = amount(second, '');
    return SIZE_CATEGORIES.find((c) => c.min === low && c.max === high)?.id;
  }
  const n = amount(first, '');
  if (/^\s*(?:n\s*)?</.test(text)) return SIZE_CATEGORIES.find((c) => c.min === undefined && c.max === n)?.id;
  if (/^\s*(?:n\s*)?>/.test(text)) return SIZE_CATEGORIES.find((c) => c.min === n && c.max === undefined)?.id;
  return SIZE_CATEGORIES.find((c) => (c.min ?? 0) <= n && (c.max === undefined || n < c.max) && c.id !== 'unknown')?.id;
}

function checkEnum(card: DatasetCard, entry: MetadataEntry, key: (typeof ENUM_KEYS)[number]): RuleFinding[] {
  const known = keySpecAt([key])?.values ?? [];
  const ids = known.map((value) => value.id);
  const findings: RuleFinding[] = [];
  if (entry.value && isMap(entry.value)) {
    return [
      {
        range: entry.keyRange,
        message: `\`${key}\` must be a list of values such as ${someValues(ids, 3)}, not ${describeNode(entry.value)}.`,
      },
    ];
  }
  for (const item of listItems(card, entry.value, entry.keyRange)) {
    if (item.text === undefined || isSeq(item.node) || isMap(item.node)) {
      findings.push({
        range: item.range,
        message: `Each item of \`${key}\` must be one value such as ${someValues(ids, 3)}, not ${describeNode(item.node)}.`,
      });
      continue;
    }
    if (ids.includes(item.text)) continue;
    const suggestions = nearestValues(item.text, ids);
    if (key === 'size_categories') {
      const size = sizeCategoryFor(item.text);
      if (size !== undefined && !suggestions.includes(size)) suggestions.unshift(size);
    }
    const taskCategory = key === 'task_ids' ? undefined : TASK_IDS.find((task) => task.id === item.text);
    const note =
      key === 'task_categories' && taskCategory
        ? ` "${item.text}" is a task id: put it under \`task_ids\` and its category (${taskCategory.categories.join(', ')}) here.`
        : '';
    findings.push({
      range: item.range,
      message:
        `"${item.text}" is not a value the Hub knows for \`${key}\`.${didYouMean(suggestions.slice(0, 3))}${note} ` +
        `Known: ${someValues(ids)}. ${CONSEQUENCE[key]}`,
    });
  }
  return findings;
}

/** A Hub dataset id: `name` or `owner/name`. */
const DATASET_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;

function checkSourceDatasets(card: DatasetCard, entry: MetadataEntry): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const item of listItems(card, entry.value, entry.keyRange)) {
    const text = item.text;
    if (text === undefined) {
      findings.push({
        range: item.range,
        message: `Each item of \`source_datasets\` must be \`original\`, a dataset id or \`extended|<dataset>\`, not ${describeNode(item.node)}.`,
      });
      continue;
    }
    const lower = text.toLowerCase();
    if (text !== lower && (lower === 'original' || lower.startsWith('extended|'))) {
      findings.push({
        range: item.range,
        message: `"${text}": the Hub's fixed forms of \`source_datasets\` are lower case. Did you mean "${lower === 'original' ? 'original' : `extended|${text.slice('extended|'.length)}`}"?`,
      });
      continue;
    }
    if (lower.startsWith('extended') && lower !== 'extended') {
      const rest = /^extended\s*([|:/,]?)\s*(.*)$/.exec(text);
      const separator = rest?.[1] ?? '';
      const dataset = (rest?.[2] ?? '').trim();
      if (separator !== '|' || !DATASET_ID.test(dataset)) {
        findings.push({
          range: item.range,
          message:
            `"${text}" is not in the form \`extended|<dataset>\`: write \`extended|\` and the id of the dataset this one extends` +
            `${DATASET_ID.test(dataset) ? ` ("extended|${dataset}")` : ''}. Users trace where the data came from through it.`,
        });
      }
    }
  }
  return findings;
}

function check(card: DatasetCard): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const entry of metadataEntries(card)) {
    const key = ENUM_KEYS.find((k) => k === entry.key);
    if (key) findings.push(...checkEnum(card, entry, key));
    else if (entry.key === 'source_datasets') findings.push(...checkSourceDatasets(card, entry));
  }
  return findings;
}

export const metadataKnownValues: CardRule = {
  id: 'MLG302',
  alias: 'metadata-known-values',
  description:
    'Hugging Face metadata enum keys (size_categories, task_categories, task_ids, annotations_creators, language_creators, multilinguality, source_datasets) hold values the Hub knows.',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata'],
  profiles: ['huggingface'],
  check,
};
