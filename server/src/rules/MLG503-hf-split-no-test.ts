// MLG503: a configuration of `configs[].data_files` that names several splits, none of them a test split.
import { isScalar } from 'yaml';
import { configEntries, dataFilePatterns, mapValue } from '../huggingface/dataFiles';
import { nodeRange, scalarText } from '../huggingface/metadataNodes';
import { isTestSplitName } from '../split/keys';
import { hfSplitPatterns } from '../split/dataFiles';
import type { CardRule, RuleFinding } from './types';

export const hfSplitNoTest: CardRule = {
  id: 'MLG503',
  alias: 'hf-split-no-test',
  description: 'A configuration whose `data_files` name several splits has a test split',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata', 'split'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card) {
    const findings: RuleFinding[] = [];
    for (const config of configEntries(card)) {
      const splits = [...new Set(hfSplitPatterns(dataFilePatterns(card, config)).map((p) => p.split))];
      // One split (often just train) is a dataset released unsplit: its users split it.
      if (splits.length < 2 || splits.some(isTestSplitName)) continue;
      const name = scalarText(mapValue(config.map, 'config_name')) ?? `#${config.index + 1}`;
      const key = config.map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'data_files')?.key;
      findings.push({
        range: isScalar(key) ? nodeRange(card, key, config.range) : config.range,
        message: `configuration "${name}" has splits ${splits.map((s) => `"${s}"`).join(', ')} but no test split: scores reported on it come from rows decisions were tuned on. Add a "test" split`,
      });
    }
    return findings;
  },
};
