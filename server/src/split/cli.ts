/** `mlguide lint` on split configurations: the same rules and facts as the language server. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { LeakageReport } from '../../../core/src/leakage/types';
import type { RuleSeverity } from '../config';
import { CsvInputError } from '../engine/readCsv';
import type { LintFinding } from '../lint';
import type { CardRule } from '../rules/types';
import { insideRoots, readSplitFacts } from './facts';
import { isLeakageReport, runSplitLeakage } from './leakage';
import { lintParsedSplitConfig } from './lint';
import { parseSplitConfig, splitConfigFormat } from './parse';
import { splitRules } from './rules/registry';

/**
 * Lints one split file. `workspaceRoots` stand for the editor's workspace folders: the current
 * directory and the folders named on the command line; data outside them is refused, never read.
 */
export async function lintSplitFile(
  file: string,
  text: string,
  severities: Readonly<Record<string, RuleSeverity>>,
  workspaceRoots: readonly string[],
): Promise<LintFinding[]> {
  const parsed = parseSplitConfig(text, splitConfigFormat(file));
  const dir = path.dirname(file);
  const isAllowed = (target: string): boolean => insideRoots(target, workspaceRoots);
  const data = await readSplitFacts(parsed, dir, { isAllowed });
  // The data-backed rules (MLS016–MLS022) when the outputs files exist; an unreadable split file
  // is said on stderr, naming the file, and the static findings still come out.
  let leakage: LeakageReport | undefined;
  try {
    const result = await runSplitLeakage(parsed, dir, { isAllowed, data });
    if (isLeakageReport(result)) leakage = result;
  } catch (error) {
    if (!(error instanceof CsvInputError)) throw error;
    process.stderr.write(`mlguide: ${file}: leakage checks not run: ${error.message}\n`);
  }
  return lintParsedSplitConfig(parsed, {
    severities,
    dir,
    workspaceRoots,
    fileExists: existsSync,
    data,
    ...(leakage ? { leakage } : {}),
  });
}

/**
 * The split rules as report formats list rules (SARIF's `tool.driver.rules`): their metadata. They
 * belong to no card profile and never run as card rules, so their card check finds nothing.
 */
export function splitRulesForReports(): CardRule[] {
  return splitRules.map((rule) => ({
    id: rule.id,
    alias: rule.alias,
    description: rule.description,
    defaultSeverity: rule.defaultSeverity,
    tags: rule.tags,
    profiles: [],
    check: () => [],
  }));
}
