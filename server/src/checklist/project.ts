/**
 * The checklist of one project on disk: the content shipped with mlguide, the team's state file
 * (`.mlguide/checklist.yaml`), and the automatic checks run over the project's files. Shared by
 * the CLI (`mlguide checklist`) and the language server.
 */
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  buildChecklist,
  type ChecklistStage,
  type ContentProblem,
  type VerifyKind,
} from '../../../core/src/checklist/content';
import {
  parseChecklistState,
  serializeChecklistState,
  type ChecklistState,
  type ItemState,
} from '../../../core/src/checklist/state';
import type { Verification } from '../../../core/src/checklist/status';
import { configFor } from '../config';
import { datasetCardKind, lintDatasetCard, type LintFinding } from '../lint';
import { lintSplitFile } from '../split/cli';

/** The state file, relative to the project folder. */
export const STATE_FILE = path.join('.mlguide', 'checklist.yaml');

/** Folders (relative to the project) searched for reports, as `mlguide … --json > reports/x.json` writes them. */
export const REPORT_DIRS = ['reports', path.join('.mlguide', 'reports')];

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__']);
/** Files the checks look at, at most: a huge tree is reported as such, not walked for minutes. */
const MAX_FILES = 20_000;
/** Markdown / YAML files larger than this are not read as possible cards. */
const MAX_CARD_BYTES = 5_000_000;
/** Reports larger than this are not read (a report is small; a big JSON is something else). */
const MAX_REPORT_BYTES = 5_000_000;

let contentCache: { stages: ChecklistStage[]; problems: ContentProblem[] } | undefined;

/** The checklist shipped with mlguide (`checklist/*.yaml`, found by walking up from this module). */
export function loadChecklistContent(): { stages: ChecklistStage[]; problems: ContentProblem[] } {
  if (contentCache) return contentCache;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'checklist', '01-problem-framing.yaml')) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  const contentDir = path.join(dir, 'checklist');
  const files = existsSync(contentDir)
    ? readdirSync(contentDir)
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => ({ file: path.join(contentDir, name), text: readFileSync(path.join(contentDir, name), 'utf8') }))
    : [];
  contentCache = buildChecklist(files);
  if (files.length === 0) {
    contentCache.problems.push({ file: contentDir, line: 1, message: 'the checklist content is missing' });
  }
  return contentCache;
}

/** The state file of a project: parsed, or empty when there is none yet. */
export async function readChecklistState(projectDir: string): Promise<ChecklistState & { file: string }> {
  const file = path.join(projectDir, STATE_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...parseChecklistState(''), file };
    return {
      file,
      items: new Map(),
      problems: [{ line: 1, message: `cannot be read (${error instanceof Error ? error.message : String(error)})` }],
      writable: false,
    };
  }
  return { ...parseChecklistState(text), file };
}

/**
 * Writes the state file atomically (a temporary file renamed over it), unless the file on disk is
 * malformed or conflicted now — then nothing is written and the problem is returned.
 */
export async function writeChecklistState(
  projectDir: string,
  items: ReadonlyMap<string, ItemState>,
  stages: readonly ChecklistStage[],
): Promise<{ written: boolean; problem?: string }> {
  const current = await readChecklistState(projectDir);
  if (!current.writable) {
    const first = current.problems[0];
    return {
      written: false,
      problem: `${STATE_FILE}:${String(first?.line ?? 1)}: ${first?.message ?? 'cannot be written'} — not overwritten`,
    };
  }
  const order = stages.flatMap((stage) => stage.items.map((item) => item.id));
  // Items someone else added on disk since we read it are kept too.
  const merged = new Map(current.items);
  for (const [id, state] of items) merged.set(id, state);
  const text = serializeChecklistState(merged, order);
  await fs.mkdir(path.dirname(current.file), { recursive: true });
  const temporary = `${current.file}.${String(process.pid)}.tmp`;
  await fs.writeFile(temporary, text, 'utf8');
  await fs.rename(temporary, current.file);
  return { written: true };
}

/** What a walk of the project found. */
interface ProjectFiles {
  cards: string[];
  splitConfigs: string[];
  reports: string[];
  truncated: boolean;
}

async function walkProject(projectDir: string): Promise<ProjectFiles> {
  const found: ProjectFiles = { cards: [], splitConfigs: [], reports: [], truncated: false };
  let seen = 0;
  const reportDirs = REPORT_DIRS.map((dir) => path.join(projectDir, dir) + path.sep);
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (++seen > MAX_FILES) {
        found.truncated = true;
        return;
      }
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (reportDirs.some((reports) => full.startsWith(reports)) && /\.(?:json|md)$/i.test(entry.name)) {
        found.reports.push(full);
      } else if (/(?:^|\.)split\.(?:ya?ml|json)$/i.test(entry.name)) {
        found.splitConfigs.push(full);
      } else if (/\.(?:md|markdown|ya?ml)$/i.test(entry.name)) {
        // A card is a document people write: a file past the bound is some other data, not read.
        const size = (await fs.stat(full).catch(() => undefined))?.size ?? Infinity;
        if (size > MAX_CARD_BYTES) continue;
        const text = await fs.readFile(full, 'utf8').catch(() => '');
        if (datasetCardKind(full, text)) found.cards.push(full);
      }
    }
  };
  await walk(projectDir);
  return found;
}

/** The kind of an mlguide report, from its JSON shape or a Markdown report's marker comment. */
export type ReportKind = 'baseline' | 'evaluation' | 'comparison' | 'ab' | 'drift';

/** What a report file is, and whether its metrics carry intervals; `undefined` when it is not a report. */
export function classifyReport(
  fileName: string,
  text: string,
): { kind: ReportKind; withIntervals: boolean; source?: string } | undefined {
  if (/\.md$/i.test(fileName)) {
    const marker = /<!--\s*mlguide-report:\s*(baseline|evaluation|comparison|ab|drift)\b([^>]*)-->/.exec(text);
    if (!marker) return undefined;
    return { kind: marker[1] as ReportKind, withIntervals: /\bintervals\b/.test(marker[2] ?? '') };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const report = json as Record<string, unknown>;
  const source = typeof report.file === 'string' ? report.file : undefined;
  const withSource = (
    kind: ReportKind,
    withIntervals: boolean,
  ): { kind: ReportKind; withIntervals: boolean; source?: string } =>
    source === undefined ? { kind, withIntervals } : { kind, withIntervals, source };
  if (Array.isArray(report.baselines) && typeof report.target === 'string') {
    return withSource('baseline', hasIntervals(report.baselines));
  }
  if (typeof report.mcnemar === 'object' && report.mcnemar !== null) {
    return withSource('comparison', hasIntervals(report.metrics));
  }
  if (Array.isArray(report.arms) && Array.isArray(report.comparisons)) {
    return withSource('ab', true);
  }
  if (typeof report.verdict === 'object' && report.verdict !== null && Array.isArray(report.columns)) {
    const reference = report.reference as { file?: unknown } | undefined;
    return {
      kind: 'drift',
      withIntervals: false,
      ...(typeof reference?.file === 'string' ? { source: reference.file } : {}),
    };
  }
  if (typeof report.metrics === 'object' && report.metrics !== null && 'task' in report) {
    return withSource('evaluation', hasIntervals(report.metrics));
  }
  return undefined;
}

/** True when some `{ value, ci: [low, high] }` with finite bounds is found inside `value`. */
function hasIntervals(value: unknown, depth = 0): boolean {
  if (depth > 6 || typeof value !== 'object' || value === null) return false;
  const ci = (value as { ci?: unknown }).ci;
  if (
    Array.isArray(ci) &&
    ci.length === 2 &&
    ci.every((bound) => typeof bound === 'number' && Number.isFinite(bound))
  ) {
    return true;
  }
  return Object.values(value).some((inner) => hasIntervals(inner, depth + 1));
}

/** Runs every automatic check over the project. Paths in the results are relative to it. */
export async function verifyProject(
  projectDir: string,
  stages: readonly ChecklistStage[],
): Promise<{ verifications: Map<VerifyKind, Verification>; truncated: boolean }> {
  const files = await walkProject(projectDir);
  const relative = (file: string): string => path.relative(projectDir, file).split(path.sep).join('/');
  const kinds = new Set(stages.flatMap((stage) => stage.items.flatMap((item) => (item.verify ? [item.verify] : []))));
  const verifications = new Map<VerifyKind, Verification>();

  // Dataset cards, linted as the editor lints them (text only, with the project's .mlguide.yaml).
  const cardFindings: { card: string; findings: LintFinding[] }[] = [];
  for (const card of files.cards) {
    const text = await fs.readFile(card, 'utf8').catch(() => undefined);
    const kind = text === undefined ? undefined : datasetCardKind(card, text);
    if (text === undefined || !kind) continue;
    const config = configFor(card);
    cardFindings.push({
      card: relative(card),
      findings: lintDatasetCard(text, kind, {
        file: card,
        severities: config.rules,
        ...(config.profiles ? { profiles: new Set(config.profiles) } : {}),
      }),
    });
  }
  const noCard: Verification = { holds: false, evidence: [], detail: 'no dataset card in the project' };
  for (const kind of kinds) {
    if (kind === 'dataset-card-clean') {
      const dirty = cardFindings.filter((c) => c.findings.length > 0);
      verifications.set(
        kind,
        cardFindings.length === 0
          ? noCard
          : dirty.length === 0
            ? {
                holds: true,
                evidence: cardFindings.map((c) => c.card),
                detail: `${list(cardFindings.map((c) => c.card))} lint clean`,
              }
            : {
                holds: false,
                evidence: dirty.map((c) => c.card),
                detail: dirty
                  .map((c) => `${c.card} has ${plural(c.findings.length, 'problem')} (${ruleIds(c.findings)})`)
                  .join('; '),
              },
      );
    } else if (kind.startsWith('card-rule:')) {
      const ruleId = kind.slice('card-rule:'.length);
      const failing = cardFindings.filter((c) => c.findings.some((f) => f.ruleId === ruleId));
      verifications.set(
        kind,
        cardFindings.length === 0
          ? noCard
          : failing.length === 0
            ? {
                holds: true,
                evidence: cardFindings.map((c) => c.card),
                detail: `${ruleId} passes in ${list(cardFindings.map((c) => c.card))}`,
              }
            : {
                holds: false,
                evidence: failing.map((c) => c.card),
                detail: failing
                  .map((c) => `${c.card}: ${c.findings.find((f) => f.ruleId === ruleId)?.message ?? ruleId}`)
                  .join('; '),
              },
      );
    } else if (kind === 'split-config-clean') {
      verifications.set(kind, await verifySplits(files.splitConfigs, relative, projectDir));
    } else {
      verifications.set(kind, await verifyReports(kind, files.reports, relative, projectDir));
    }
  }
  return { verifications, truncated: files.truncated };
}

async function verifySplits(
  configs: readonly string[],
  relative: (file: string) => string,
  projectDir: string,
): Promise<Verification> {
  if (configs.length === 0) {
    return { holds: false, evidence: [], detail: 'no split configuration (*.split.yaml) in the project' };
  }
  const results: { file: string; problems: number; summary: string }[] = [];
  for (const file of configs) {
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      results.push({ file: relative(file), problems: 1, summary: 'cannot be read' });
      continue;
    }
    // The split rules as the editor and `mlguide lint` run them, with the data they can read.
    const findings = await lintSplitFile(file, text, configFor(file).rules, [projectDir]);
    results.push({
      file: relative(file),
      problems: findings.length,
      summary: `${plural(findings.length, 'problem')} (${ruleIds(findings)})`,
    });
  }
  const dirty = results.filter((r) => r.problems > 0);
  return dirty.length === 0
    ? {
        holds: true,
        evidence: results.map((r) => r.file),
        detail: `${list(results.map((r) => r.file))} ${results.length === 1 ? 'passes' : 'pass'} the split checks`,
      }
    : {
        holds: false,
        evidence: dirty.map((r) => r.file),
        detail: dirty.map((r) => `${r.file} has ${r.summary}`).join('; '),
      };
}

const REPORT_NEEDS: Record<string, { kinds: ReportKind[]; intervals: boolean; what: string }> = {
  'baseline-report': { kinds: ['baseline'], intervals: false, what: 'baseline report (mlguide baseline … --json)' },
  'metrics-with-intervals': {
    kinds: ['evaluation'],
    intervals: true,
    what: 'evaluation report with bootstrap intervals (mlguide evaluate … --json)',
  },
  'comparison-report': {
    kinds: ['comparison', 'ab'],
    intervals: false,
    what: 'comparison report (mlguide compare … --json or mlguide ab … --json)',
  },
  'drift-report': { kinds: ['drift'], intervals: false, what: 'drift report (mlguide drift … --json)' },
};

async function verifyReports(
  kind: VerifyKind,
  reports: readonly string[],
  relative: (file: string) => string,
  projectDir: string,
): Promise<Verification> {
  const need = REPORT_NEEDS[kind];
  if (!need) return { holds: false, evidence: [], detail: `unknown check ${kind}` };
  const matching: string[] = [];
  const stale: string[] = [];
  for (const file of reports) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat || stat.size > MAX_REPORT_BYTES) continue;
    const report = classifyReport(file, await fs.readFile(file, 'utf8').catch(() => ''));
    if (!report || !need.kinds.includes(report.kind) || (need.intervals && !report.withIntervals)) continue;
    // A report about a file that is gone no longer shows anything about the project.
    // (`file` is as the command saw it: relative to where it ran, the project or the report's folder.)
    const source = report.source;
    if (
      source !== undefined &&
      !existsSync(path.resolve(projectDir, source)) &&
      !existsSync(path.resolve(path.dirname(file), source))
    ) {
      stale.push(`${relative(file)} (its data ${source} is gone)`);
      continue;
    }
    matching.push(relative(file));
  }
  if (matching.length > 0)
    return {
      holds: true,
      evidence: matching,
      detail: `${need.what.replace(/ \(.*/, '')}: ${list(matching)}`,
    };
  const where = REPORT_DIRS.map((dir) => `${dir.split(path.sep).join('/')}/`).join(' or ');
  return {
    holds: false,
    evidence: [],
    detail: stale.length > 0 ? `only stale reports: ${stale.join(', ')}` : `no ${need.what} in ${where}`,
  };
}

function list(items: readonly string[]): string {
  return items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${String(items.length - 3)} more`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function ruleIds(findings: readonly LintFinding[]): string {
  return [...new Set(findings.map((f) => f.ruleId))].join(', ');
}
