/** `mlguide lint` on split configurations: the same rules and facts as the language server. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { RuleSeverity } from '../config';
import type { LintFinding } from '../lint';
import type { CardRule } from '../rules/types';
import { insideRoots, readSplitFacts } from './facts';
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
  const data = await readSplitFacts(parsed, dir, { isAllowed: (target) => insideRoots(target, workspaceRoots) });
  return lintParsedSplitConfig(parsed, { severities, dir, workspaceRoots, fileExists: existsSync, data });
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
