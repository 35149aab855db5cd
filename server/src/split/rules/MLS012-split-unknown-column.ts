import { didYouMean } from '../keys';
import { dataHeader } from './common';
import type { Located, SplitFinding, SplitRule } from '../types';

/** A column the configuration names (target, stratify_by, group_by, time_column, features) that the data lacks. */
export const splitUnknownColumn: SplitRule = {
  id: 'MLS012',
  alias: 'split-unknown-column',
  description: 'Every column the split configuration names is in the data',
  defaultSeverity: 'warning',
  tags: ['split', 'data'],
  check(parsed, context) {
    const header = dataHeader(parsed, context);
    if (!header) return [];
    const columns = new Set(header.facts.header);
    const { config } = parsed;
    const named: [string, Located<string>][] = [
      ...(config.target ? [['target', config.target.value] as [string, Located<string>]] : []),
      ...(config.stratifyBy?.value.map((c) => ['stratify_by', c] as [string, Located<string>]) ?? []),
      ...(config.groupBy ? [['group_by', config.groupBy.value] as [string, Located<string>]] : []),
      ...(config.timeColumn ? [['time_column', config.timeColumn.value] as [string, Located<string>]] : []),
      ...(config.features?.value.include?.value.map((c) => ['features.include', c] as [string, Located<string>]) ?? []),
      ...(config.features?.value.exclude?.value.map((c) => ['features.exclude', c] as [string, Located<string>]) ?? []),
    ];
    const findings: SplitFinding[] = [];
    for (const [key, column] of named) {
      if (columns.has(column.value)) continue;
      const suggestion = didYouMean(column.value, header.facts.header);
      findings.push({
        range: column.range,
        message: `${key}: ${header.facts.reference} has no column "${column.value}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; its columns: ${header.facts.header.join(', ')}`,
        ...(suggestion
          ? {
              fix: {
                kind: 'edit' as const,
                title: `Use ${suggestion}`,
                edits: [
                  { range: column.range, newText: parsed.format === 'json' ? JSON.stringify(suggestion) : suggestion },
                ],
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
