/**
 * Inline suppression of dataset-card rules, in comments the rendered card does not show:
 *
 *   <!-- mlguide-disable MLG005 MLG006 -->          the whole file (every rule when none is named)
 *   <!-- mlguide-disable-next-line MLG009 -->       the next line that is not blank
 *   ## Storage <!-- mlguide-disable-line MLG007 --> this line
 *
 * In `dataset.yaml` cards, and in the YAML front matter of Markdown cards, the same directives are
 * YAML comments: `# mlguide-disable-next-line MLG302` (an HTML comment there would break the YAML).
 * Rules are named by id or alias; unknown names are ignored.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { findRule } from './rules/registry';

/** `'all'` or the rule ids a directive names. */
type RuleSet = 'all' | Set<string>;

/** What a card's directives switch off. */
export interface Suppressions {
  file: RuleSet | undefined;
  lines: Map<number, RuleSet>;
}

const MARKDOWN = /<!--\s*mlguide-disable(-next-line|-line)?((?:\s+[\w-]+)*)\s*-->/g;
const YAML = /#\s*mlguide-disable(-next-line|-line)?((?:\s+[\w-]+)*)\s*$/g;

function ruleSet(names: string): RuleSet {
  const ids = names
    .trim()
    .split(/\s+/)
    .filter((name) => name !== '')
    .flatMap((name) => findRule(name)?.id ?? []);
  return names.trim() === '' ? 'all' : new Set(ids);
}

function merge(into: RuleSet | undefined, more: RuleSet): RuleSet {
  if (into === 'all' || more === 'all') return 'all';
  return new Set([...(into ?? []), ...more]);
}

/** The directives of a card's lines (`text`, when given, is the card's text those lines were split from). */
export function parseSuppressions(lines: readonly string[], kind: 'markdown' | 'yaml', text?: string): Suppressions {
  const suppressions: Suppressions = { file: undefined, lines: new Map() };
  // Most cards have no directive: one search of the text answers for all its lines.
  if (text !== undefined && !text.includes('mlguide-disable')) return suppressions;
  const frontMatterEnd = fileDirectiveLine(lines, kind);
  lines.forEach((text, line) => {
    if (!text.includes('mlguide-disable')) return;
    const pattern = kind === 'yaml' || (line > 0 && line < frontMatterEnd - 1) ? YAML : MARKDOWN;
    for (const match of text.matchAll(pattern)) {
      const rules = ruleSet(match[2] ?? '');
      if (match[1] === undefined) {
        suppressions.file = merge(suppressions.file, rules);
        continue;
      }
      let target = line;
      if (match[1] === '-next-line') {
        target = line + 1;
        while (target < lines.length && (lines[target] ?? '').trim() === '') target++;
      }
      suppressions.lines.set(target, merge(suppressions.lines.get(target), rules));
    }
  });
  return suppressions;
}

/** Whether `ruleId` is switched off on `line`. */
export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number): boolean {
  const covers = (set: RuleSet | undefined): boolean => set === 'all' || (set?.has(ruleId) ?? false);
  return covers(suppressions.file) || covers(suppressions.lines.get(line));
}

/** The comment that switches `ruleId` off for the next line, or for the file. */
export function suppressionComment(kind: 'markdown' | 'yaml', scope: 'next-line' | 'file', ruleId: string): string {
  const directive = scope === 'file' ? `mlguide-disable ${ruleId}` : `mlguide-disable-next-line ${ruleId}`;
  return kind === 'markdown' ? `<!-- ${directive} -->` : `# ${directive}`;
}

/**
 * The quick fix that switches a finding's rule off for its line or for the file: `text` (the
 * directive comment, indented and ended as the file needs) inserted at the start of `line`.
 */
export function disableRuleAction(
  uri: string,
  diagnostic: Diagnostic,
  finding: { ruleId: string; alias: string },
  scope: 'next-line' | 'file',
  line: number,
  text: string,
): CodeAction {
  const at = { line, character: 0 };
  return {
    title: `Disable ${finding.ruleId} (${finding.alias}) for ${scope === 'file' ? 'this file' : 'this line'}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: text }] } },
  };
}

/** The comment syntax of `line`: YAML in `dataset.yaml` cards and in a Markdown card's front matter. */
export function commentKindAt(lines: readonly string[], kind: 'markdown' | 'yaml', line: number): 'markdown' | 'yaml' {
  // A comment inserted before the closing `---` lands inside the front matter too.
  return kind === 'yaml' || (line > 0 && line <= fileDirectiveLine(lines, kind) - 1) ? 'yaml' : 'markdown';
}

/** Where a file-wide directive goes: after the front matter of a Markdown card, else at the top. */
export function fileDirectiveLine(lines: readonly string[], kind: 'markdown' | 'yaml'): number {
  if (kind !== 'markdown' || !/^---\s*$/.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return close > 0 ? close + 1 : 0;
}
