// MLG306: every path in `configs[].data_files` (and each `data_dir`) exists next to the card, and
// every glob matches at least one file. The Hub's loader and viewer read exactly these files; a
// path that names nothing breaks `load_dataset` for every user. Checked only when the card is
// saved (`context.fileExists`); pure tests and unsaved cards skip it.
import { isScalar } from 'yaml';
import { configEntries, dataFilePatterns, isGlob, isUrl, mapValue } from '../huggingface/dataFiles';
import { nodeRange, scalarText } from '../huggingface/metadataNodes';
import type { DatasetCard } from '../parse/datasetCard';
import type { CardRule, RuleContext, RuleFinding } from './types';

const WHY = 'The Hub’s loader reads exactly these files, so loading the dataset fails for every user.';

function check(card: DatasetCard, context: RuleContext): RuleFinding[] {
  const exists = context.fileExists;
  if (!exists) return [];
  const findings: RuleFinding[] = [];
  for (const config of configEntries(card)) {
    const name = scalarText(mapValue(config.map, 'config_name')) ?? `#${config.index + 1}`;
    const dataDirNode = mapValue(config.map, 'data_dir');
    const dataDir = scalarText(dataDirNode);
    if (dataDir !== undefined && isScalar(dataDirNode) && !isUrl(dataDir) && !exists(dataDir.replace(/\/+$/, ''))) {
      findings.push({
        range: nodeRange(card, dataDirNode, config.range),
        message: `\`data_dir\` of configuration "${name}" is "${dataDir}", which does not exist next to the card. ${WHY}`,
      });
      continue;
    }
    for (const pattern of dataFilePatterns(card, config)) {
      if (isUrl(pattern.pattern) || pattern.pattern.trim() === '') continue;
      const relative = pattern.dataDir ? `${pattern.dataDir.replace(/\/+$/, '')}/${pattern.pattern}` : pattern.pattern;
      if (exists(relative)) continue;
      const split = pattern.split ? ` (split "${pattern.split}")` : '';
      const shown =
        relative === pattern.pattern ? `"${relative}"` : `"${pattern.pattern}" (in "${pattern.dataDir ?? ''}")`;
      findings.push({
        range: pattern.range,
        message: isGlob(pattern.pattern)
          ? `The glob ${shown} in configuration "${name}"${split} matches no file next to the card. ${WHY}`
          : `${shown} in configuration "${name}"${split} does not exist next to the card. ${WHY}`,
      });
    }
  }
  return findings;
}

export const dataFilesExist: CardRule = {
  id: 'MLG306',
  alias: 'data-files-exist',
  description: 'Hugging Face metadata `configs[].data_files` paths exist and globs match files.',
  defaultSeverity: 'error',
  tags: ['dataset-card', 'huggingface', 'metadata', 'data'],
  profiles: ['huggingface'],
  check,
};
