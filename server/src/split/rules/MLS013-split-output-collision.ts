import * as path from 'node:path';
import type { SplitFinding, SplitRule } from '../types';

/** Two splits written to one file, or a split written over the raw data. */
export const splitOutputCollision: SplitRule = {
  id: 'MLS013',
  alias: 'split-output-collision',
  description: 'Each split is written to its own file, never over the raw data',
  defaultSeverity: 'error',
  tags: ['split', 'leakage'],
  check(parsed, context) {
    const outputs = parsed.config.outputs?.value ?? [];
    const key = (written: string): string => {
      const resolved = context.dir
        ? path.resolve(context.dir, written)
        : path.posix.normalize(written.replace(/\\/g, '/'));
      return process.platform === 'linux' ? resolved : resolved.toLowerCase();
    };
    const raw = new Map((parsed.config.data?.value ?? []).map((d) => [key(d.value), d.value]));
    const seen = new Map<string, string>();
    const findings: SplitFinding[] = [];
    for (const output of outputs) {
      for (const written of output.paths) {
        const file = key(written.value);
        const earlier = seen.get(file);
        const rawData = raw.get(file);
        if (rawData !== undefined) {
          findings.push({
            range: written.range,
            message: `outputs.${output.split} writes over the raw data ${rawData}: the split would destroy what it splits`,
          });
        } else if (earlier !== undefined && earlier !== output.split) {
          findings.push({
            range: written.range,
            message: `outputs.${output.split} writes ${written.value}, as outputs.${earlier} does: one split overwrites the other, or both end up in one file and train on test rows`,
          });
        }
        if (earlier === undefined) seen.set(file, output.split);
      }
    }
    return findings;
  },
};
