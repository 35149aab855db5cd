// MLG501: the same file listed under two splits of one configuration in `configs[].data_files`.
import { configEntries, dataFilePatterns, mapValue } from '../huggingface/dataFiles';
import { scalarText } from '../huggingface/metadataNodes';
import { hfSplitPatterns } from '../split/dataFiles';
import type { CardRule, RuleFinding } from './types';

export const hfSplitSameFile: CardRule = {
  id: 'MLG501',
  alias: 'hf-split-same-file',
  description: 'No file is listed under two splits of one configuration in `configs[].data_files`',
  defaultSeverity: 'error',
  tags: ['dataset-card', 'huggingface', 'metadata', 'split', 'leakage'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card) {
    const findings: RuleFinding[] = [];
    for (const config of configEntries(card)) {
      const name = scalarText(mapValue(config.map, 'config_name')) ?? `#${config.index + 1}`;
      const seen = new Map<string, string>();
      for (const pattern of hfSplitPatterns(dataFilePatterns(card, config))) {
        const earlier = seen.get(pattern.path);
        if (earlier !== undefined && earlier !== pattern.split) {
          findings.push({
            range: pattern.range,
            message: `"${pattern.pattern}" is listed under split "${pattern.split}" and under split "${earlier}" of configuration "${name}": its rows are trained on and tested on — leakage. List each file under one split`,
          });
        } else if (earlier === undefined) seen.set(pattern.path, pattern.split);
      }
    }
    return findings;
  },
};
