// MLG502: globs of two splits of one configuration in `configs[].data_files` that match a common file.
import { configEntries, dataFilePatterns, mapValue } from '../huggingface/dataFiles';
import { scalarText } from '../huggingface/metadataNodes';
import { hfSplitPatterns, sharedFile } from '../split/dataFiles';
import type { CardRule, RuleFinding } from './types';

export const hfSplitOverlappingGlobs: CardRule = {
  id: 'MLG502',
  alias: 'hf-split-overlapping-globs',
  description: 'The globs of different splits in `configs[].data_files` do not match the same files',
  defaultSeverity: 'warning',
  tags: ['dataset-card', 'huggingface', 'metadata', 'split', 'leakage'],
  profiles: ['book', 'datasheets', 'huggingface'],
  check(card) {
    const findings: RuleFinding[] = [];
    for (const config of configEntries(card)) {
      const name = scalarText(mapValue(config.map, 'config_name')) ?? `#${config.index + 1}`;
      const patterns = hfSplitPatterns(dataFilePatterns(card, config));
      patterns.forEach((pattern, i) => {
        const other = patterns
          .slice(0, i)
          .find(
            (earlier) =>
              earlier.split !== pattern.split &&
              earlier.path !== pattern.path &&
              sharedFile(earlier.path, pattern.path),
          );
        if (!other) return;
        const file = sharedFile(other.path, pattern.path) ?? '';
        findings.push({
          range: pattern.range,
          message: `"${pattern.pattern}" (split "${pattern.split}") and "${other.pattern}" (split "${other.split}") of configuration "${name}" both match files such as "${file}": those files land in both splits — leakage. Make the globs disjoint (e.g. data/train-*.csv and data/test-*.csv)`,
        });
      });
    }
    return findings;
  },
};
