/**
 * What the metadata rules (MLG3xx) read from a card's parsed front matter (or `dataset.yaml`):
 * the top-level keys with their nodes and exact ranges, and the items of list-or-string values.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { metadataRange, type DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';

/** A top-level metadata key, its value node and the key's range in the card. */
export interface MetadataEntry {
  key: string;
  keyRange: TextRange;
  value: Node | null;
  pair: Pair;
}

/** One item of a list-or-string value: a scalar with its text, or another node (a mapping…). */
export interface MetadataItem {
  /** The item's text when it is a scalar (numbers and booleans as written), else undefined. */
  text: string | undefined;
  node: Node;
  range: TextRange;
}

/** The range of a node, or of `fallback` when the node has none (an empty value). */
export function nodeRange(card: DatasetCard, node: Node | null | undefined, fallback: TextRange): TextRange {
  return node?.range ? metadataRange(card, node.range) : fallback;
}

const entriesCache = new WeakMap<DatasetCard, MetadataEntry[]>();

/** The top-level entries of the metadata, in order; none when it is not a mapping. */
export function metadataEntries(card: DatasetCard): MetadataEntry[] {
  // Worked out once per parsed card: every metadata rule asks, on every keystroke.
  const cached = entriesCache.get(card);
  if (cached) return cached;
  const root = card.metadata?.contents;
  const entries: MetadataEntry[] = [];
  entriesCache.set(card, entries);
  if (!isMap(root)) return entries;
  for (const pair of root.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    entries.push({
      key: String(pair.key.value),
      keyRange: metadataRange(card, pair.key.range),
      value: (pair.value as Node | null) ?? null,
      pair,
    });
  }
  return entries;
}

/** The entry for `key`, if the metadata has it. */
export function metadataEntry(card: DatasetCard, key: string): MetadataEntry | undefined {
  return metadataEntries(card).find((entry) => entry.key === key);
}

/** The text of a scalar as the card writes it (`1.0` stays `1.0`), else undefined. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  if (typeof node.source === 'string') return node.source;
  const value: unknown = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/**
 * The items of a value the Hub reads as a list or a single string (`license: mit` or
 * `language: [en, fr]`); a null value gives none.
 */
export function listItems(card: DatasetCard, node: Node | null, fallback: TextRange): MetadataItem[] {
  if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) return [];
  const items = isSeq(node)
    ? node.items.filter((item): item is Node => item !== null && typeof item === 'object')
    : [node];
  return items.map((item) => ({ text: scalarText(item), node: item, range: nodeRange(card, item, fallback) }));
}

/** How a node that should be a string or a list reads in a message ("a mapping", "a number"). */
export function describeNode(node: Node): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (typeof node.value === 'number') return `the number ${String(node.value)}`;
    if (typeof node.value === 'boolean') return `the boolean ${String(node.value)}`;
  }
  return 'a value of another kind';
}
