// MLG307: `configs` has the structure the `datasets` library and the Hub accept, checked without
// reading any file: a list of mappings, each with a unique `config_name`; at most one `default:
// true`; `data_files` a path, a list of paths, or a list of `{split, path}` entries (both keys);
// split names made of letters, digits and underscores (`datasets`' `^\w+(\.\w+)*$`). A card that
// breaks one of these loads with an error, or not at all.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { configEntries, mapValue } from '../huggingface/dataFiles';
import { describeNode, metadataEntry, nodeRange, scalarText } from '../huggingface/metadataNodes';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleFinding } from './types';

const SPLIT_NAME = /^\w+(?:\.\w+)*$/;
const WHY = 'The Hub’s loader rejects such configs, so users cannot load the dataset.';

function checkDataFiles(card: DatasetCard, node: Node, name: string, findings: RuleFinding[]): void {
  const fallback = nodeRange(card, node, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const splitName = (splitNode: Node | null | undefined): void => {
    const split = scalarText(splitNode);
    if (split !== undefined && !SPLIT_NAME.test(split)) {
      findings.push({
        range: nodeRange(card, splitNode, fallback),
        message: `Split name "${split}" in configuration "${name}" must be letters, digits and underscores (\`^\\w+(\\.\\w+)*$\`), e.g. "${split.replace(/\W+/g, '_')}". ${WHY}`,
      });
    }
  };
  if (isMap(node)) {
    // The older form: split → path(s).
    for (const pair of node.items) splitName(pair.key as Node | null);
    return;
  }
  if (!isSeq(node)) return;
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const hasSplit = mapValue(item, 'split') !== undefined;
    const hasPath = mapValue(item, 'path') !== undefined;
    if (!hasSplit || !hasPath) {
      findings.push({
        range: nodeRange(card, item, fallback),
        message: `Each entry of \`data_files\` in configuration "${name}" needs both \`split\` and \`path\`; this one has no \`${hasSplit ? 'path' : 'split'}\`. ${WHY}`,
      });
    }
    const others = item.items
      .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''))
      .filter((key) => key !== 'split' && key !== 'path');
    if (others.length > 0) {
      findings.push({
        range: nodeRange(card, item, fallback),
        message: `\`data_files\` entries take only \`split\` and \`path\`; "${others.join('", "')}" in configuration "${name}" is not read. ${WHY}`,
      });
    }
    splitName(mapValue(item, 'split'));
  }
}

function check(card: DatasetCard): RuleFinding[] {
  const configs = metadataEntry(card, 'configs');
  if (!configs || configs.value === null) return [];
  if (!isSeq(configs.value)) {
    return [
      {
        range: configs.keyRange,
        message: `\`configs\` must be a list of configurations (\`- config_name: default\`), not ${describeNode(configs.value)}. ${WHY}`,
      },
    ];
  }
  const findings: RuleFinding[] = [];
  for (const item of configs.value.items) {
    if (!isMap(item)) {
      findings.push({
        range: nodeRange(card, item as Node | null, configs.keyRange),
        message: `Each item of \`configs\` must be a mapping with \`config_name\` and \`data_files\`, not ${describeNode(item as Node)}. ${WHY}`,
      });
    }
  }
  const names = new Map<string, number>();
  const defaults: Node[] = [];
  for (const config of configEntries(card)) {
    const nameNode = mapValue(config.map, 'config_name');
    const name = scalarText(nameNode);
    const shown = name ?? `#${config.index + 1}`;
    if (name === undefined || name.trim() === '') {
      const firstKey = config.map.items[0]?.key as Node | null | undefined;
      findings.push({
        range: nodeRange(card, firstKey, config.range),
        message: `Configuration #${config.index + 1} has no \`config_name\`; name it (\`default\` for the one loaded when none is named). ${WHY}`,
      });
    } else {
      const previous = names.get(name);
      if (previous !== undefined) {
        findings.push({
          range: nodeRange(card, nameNode, config.range),
          message: `Configuration name "${name}" is used twice (configurations #${previous + 1} and #${config.index + 1}); each needs its own. ${WHY}`,
        });
      } else names.set(name, config.index);
    }
    const defaultNode = mapValue(config.map, 'default');
    if (defaultNode !== undefined) {
      if (!isScalar(defaultNode) || typeof defaultNode.value !== 'boolean') {
        findings.push({
          range: nodeRange(card, defaultNode, config.range),
          message: `\`default\` in configuration "${shown}" must be \`true\` or \`false\`. ${WHY}`,
        });
      } else if (defaultNode.value) defaults.push(defaultNode);
    }
    const dataFiles = mapValue(config.map, 'data_files');
    if (dataFiles) checkDataFiles(card, dataFiles, shown, findings);
  }
  for (const extra of defaults.slice(1)) {
    findings.push({
      range: nodeRange(card, extra, configs.keyRange),
      message: `Only one configuration may be \`default: true\`; ${defaults.length} are. ${WHY}`,
    });
  }
  return findings;
}

export const configsStructure: CardRule = {
  id: 'MLG307',
  alias: 'configs-structure',
  description:
    'Hugging Face metadata `configs` is a list of uniquely named configurations, at most one default, with valid data_files entries and split names.',
  defaultSeverity: 'error',
  tags: ['dataset-card', 'huggingface', 'metadata'],
  profiles: ['huggingface'],
  check,
};
