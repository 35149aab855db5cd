import type { SplitFinding, SplitRule } from '../types';

const EPSILON = 1e-6;

function format(n: number): string {
  return Number(n.toFixed(6)).toString();
}

/** Split sizes: no negative or empty split, fractions that add up to 1, counts that fit the data. */
export const splitSizes: SplitRule = {
  id: 'MLS003',
  alias: 'split-sizes',
  description: 'The split sizes are positive and add up: fractions to 1, row counts to at most the rows of the data',
  defaultSeverity: 'error',
  tags: ['split', 'sizes'],
  check(parsed, context) {
    const sizes = parsed.config.sizes;
    if (!sizes || sizes.value.length === 0) return [];
    const findings: SplitFinding[] = [];
    const rows = dataRows(parsed, context);
    for (const size of sizes.value) {
      if (size.value < 0) {
        findings.push({
          range: size.range,
          message: `sizes.${size.split} is negative (${format(size.value)}): a split cannot have fewer than no rows`,
        });
      } else if (size.value === 0) {
        findings.push({
          range: size.range,
          message: `sizes.${size.split} is 0: an empty split; give it rows or remove it`,
        });
      } else if (size.value > 1 && !Number.isInteger(size.value)) {
        findings.push({
          range: size.range,
          message: `sizes.${size.split} is ${format(size.value)}: write a fraction (0.7) or a whole row count`,
        });
      }
    }
    if (findings.length > 0) return findings;
    const values = sizes.value.map((s) => s.value);
    const fractions = values.every((v) => v <= 1);
    const counts = values.every((v) => Number.isInteger(v) && v >= 1) && values.some((v) => v > 1);
    const total = values.reduce((a, b) => a + b, 0);
    if (counts) {
      if (rows !== undefined && total > rows) {
        findings.push({
          range: sizes.keyRange,
          message: `the split sizes are row counts adding up to ${total}, but the data has ${rows} rows`,
        });
      }
      return findings;
    }
    if (!fractions) {
      findings.push({
        range: sizes.keyRange,
        message: `sizes mix fractions and row counts (${sizes.value.map((s) => `${s.split}: ${format(s.value)}`).join(', ')}): write all as fractions or all as row counts`,
      });
      return findings;
    }
    if (Math.abs(total - 1) > EPSILON) {
      findings.push({
        range: sizes.keyRange,
        message:
          total < 1
            ? `the split sizes add up to ${format(total)}, not 1: ${format((1 - total) * 100)}% of the rows would be in no split`
            : `the split sizes add up to ${format(total)}, not 1: the splits would share rows or the sizes cannot be met`,
      });
    }
    if (rows !== undefined) {
      for (const size of sizes.value) {
        if (Math.floor(size.value * rows + EPSILON) === 0) {
          findings.push({
            range: size.range,
            message: `sizes.${size.split} is ${format(size.value)} of ${rows} rows: an empty split`,
          });
        }
      }
    }
    return findings;
  },
};

/** Data rows of the config's data, when every file was counted. */
export function dataRows(
  parsed: Parameters<SplitRule['check']>[0],
  context: Parameters<SplitRule['check']>[1],
): number | undefined {
  const written = parsed.config.data?.value ?? [];
  if (written.length === 0) return undefined;
  let total = 0;
  for (const path of written) {
    const rows = context.data?.get(path.value)?.rows;
    if (rows === undefined) return undefined;
    total += rows;
  }
  return total;
}
