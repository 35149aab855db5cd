/**
 * Linting a split configuration: the MLS rules over the parsed file, at the configured severities,
 * minus what suppression comments switch off (YAML files; JSON has no comments). The language
 * server and `mlguide lint` both call {@link lintSplitConfig}.
 */
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { ruleDocsUrl, type LintFinding } from '../lint';
import type { RuleSeverity } from '../config';
import { isSuppressed, parseSuppressions } from '../suppress';
import { DEFAULT_SPLIT_GLOBS, parseSplitConfig } from './parse';
import { splitRules } from './rules/registry';
import type { ParsedSplitConfig, SplitRuleContext } from './types';

/** What a lint run knows besides the text: severities and the facts the server or CLI read. */
export interface SplitLintOptions extends SplitRuleContext {
  /** Severity by rule id; `off` rules are not run. */
  severities?: Readonly<Record<string, RuleSeverity>>;
}

/** Whether a file is a split configuration, by the globs (setting `mlguide.splits.globs`). */
export function isSplitConfigFile(filePath: string, globs: readonly string[] = DEFAULT_SPLIT_GLOBS): boolean {
  const normalized = filePath.split(path.sep).join('/');
  return globs.some((glob) => minimatch(normalized, glob, { nocase: true, dot: true, matchBase: !glob.includes('/') }));
}

/** Runs every active split rule over a parsed split configuration. */
export function lintParsedSplitConfig(parsed: ParsedSplitConfig, options: SplitLintOptions = {}): LintFinding[] {
  const { severities = {}, ...context } = options;
  const suppressions = parsed.format === 'yaml' ? parseSuppressions(parsed.lines, 'yaml') : undefined;
  return splitRules
    .filter((rule) => severities[rule.id] !== 'off')
    .flatMap((rule) =>
      rule
        .check(parsed, context)
        .filter((finding) => !suppressions || !isSuppressed(suppressions, rule.id, finding.range.start.line))
        .map((finding): LintFinding => {
          const configured = severities[rule.id];
          return {
            ruleId: rule.id,
            alias: rule.alias,
            severity:
              configured === undefined || configured === 'off'
                ? rule.defaultSeverity
                : configured === 'info'
                  ? 'information'
                  : configured,
            message: finding.message,
            range: finding.range,
            docsUrl: ruleDocsUrl(rule.id),
            ...(finding.fix ? { fix: finding.fix } : {}),
          };
        }),
    )
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Parses and lints a split configuration's text. */
export function lintSplitConfig(text: string, format: 'yaml' | 'json', options: SplitLintOptions = {}): LintFinding[] {
  return lintParsedSplitConfig(parseSplitConfig(text, format), options);
}
