/**
 * The `data_files` of a card's `configs`, in every form the Hub accepts: a path or glob, a list
 * of them, a list of `{split, path}` entries (path a string or a list), or a mapping of split to
 * path(s) — each with its node, so a finding lands on the offending path.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import type { TextRange } from '../parse/text';
import { metadataEntry, nodeRange, scalarText } from './metadataNodes';

/** One configuration (`configs[]` item) as a mapping, with its position in the list. */
export interface ConfigEntry {
  index: number;
  map: YAMLMap;
  range: TextRange;
}

/** A path or glob a configuration lists, with its range and the `data_dir` it is read in. */
export interface DataFilePattern {
  pattern: string;
  node: Node;
  range: TextRange;
  dataDir?: string;
  split?: string;
}

/** The value of `key` in a YAML mapping, or undefined. */
export function mapValue(map: YAMLMap, key: string): Node | null | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? ((pair.value as Node | null) ?? null) : undefined;
}

/** The mapping items of `configs` (items of other kinds are MLG307's to report). */
export function configEntries(card: DatasetCard): ConfigEntry[] {
  const configs = metadataEntry(card, 'configs');
  if (!configs || !isSeq(configs.value)) return [];
  const entries: ConfigEntry[] = [];
  configs.value.items.forEach((item, index) => {
    if (isMap(item)) entries.push({ index, map: item, range: nodeRange(card, item, configs.keyRange) });
  });
  return entries;
}

function patternsOf(
  card: DatasetCard,
  node: Node | null | undefined,
  fallback: TextRange,
  split?: string,
): DataFilePattern[] {
  if (!node) return [];
  const text = scalarText(node);
  if (isScalar(node)) {
    return text === undefined
      ? []
      : [{ pattern: text, node, range: nodeRange(card, node, fallback), ...(split ? { split } : {}) }];
  }
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      if (isMap(item)) {
        const itemSplit = scalarText(mapValue(item, 'split'));
        return patternsOf(card, mapValue(item, 'path'), fallback, itemSplit);
      }
      return patternsOf(card, item as Node | null, fallback, split);
    });
  }
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      patternsOf(card, pair.value as Node | null, fallback, isScalar(pair.key) ? String(pair.key.value) : split),
    );
  }
  return [];
}

/** Every path and glob in a configuration's `data_files`. */
export function dataFilePatterns(card: DatasetCard, config: ConfigEntry): DataFilePattern[] {
  const dataDir = scalarText(mapValue(config.map, 'data_dir'));
  return patternsOf(card, mapValue(config.map, 'data_files'), config.range).map((pattern) => ({
    ...pattern,
    ...(dataDir ? { dataDir } : {}),
  }));
}

/** True for a pattern with glob characters (`*`, `?`, `[…]`, `{…}`). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** True for a URL (`hf://…`, `https://…`), which is not a path next to the card. */
export function isUrl(pattern: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(pattern);
}
