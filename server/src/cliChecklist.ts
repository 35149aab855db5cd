/**
 * `mlguide checklist [folder] [--json] [--require <stage,…|all>] [--write]`: where the project
 * stands in the ML life cycle, with the automatic checks run; fails CI while required items of the
 * named stages are open.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { checklistStatus, isComplete, recordVerifications, type StageView } from '../../core/src/checklist/status';
import {
  loadChecklistContent,
  readChecklistState,
  verifyProject,
  writeChecklistState,
  STATE_FILE,
} from './checklist/project';
import { parseArgs, UsageError } from './cliArgs';
import type { CliIo } from './cli';

const ExitCode = { Ok: 0, ProblemsFound: 1, UsageOrInputError: 2 } as const;

/** Version of the `checklist --json` shape (docs/cli.md). */
const CHECKLIST_JSON_VERSION = 1;

const MARK: Record<string, string> = {
  open: '[ ]',
  done: '[x]',
  verified: '[✓]',
  'not-applicable': '[-]',
  'no-longer-holds': '[!]',
};

/** Runs the command. */
export async function checklistCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['require'], ['json', 'write']);
  if (parsed.positional.length > 1) throw new UsageError('checklist takes at most one folder');
  const projectDir = path.resolve(io.cwd, parsed.positional[0] ?? '.');
  const stat = await fs.stat(projectDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    io.err(`mlguide: ${parsed.positional[0] ?? '.'}: no such folder`);
    return ExitCode.UsageOrInputError;
  }
  const content = loadChecklistContent();
  for (const problem of content.problems) io.err(`${problem.file}:${String(problem.line)}: ${problem.message}`);
  const { stages } = content;
  const required = requiredStages(
    parsed.string('require'),
    stages.map((s) => s.id),
  );

  const state = await readChecklistState(projectDir);
  const shownState = path.relative(io.cwd, state.file) || state.file;
  for (const problem of state.problems) io.err(`${shownState}:${String(problem.line)}: ${problem.message}`);
  if (!state.writable && state.problems.length > 0 && parsed.has('write')) {
    io.err(`mlguide: ${shownState} has problems: not written`);
  }
  const { verifications, truncated } = await verifyProject(projectDir, stages);
  if (truncated) io.err('mlguide: the project has more files than the checks look at; some were not seen');

  let recorded = state.items;
  if (parsed.has('write') && state.writable) {
    const next = recordVerifications(stages, state.items, verifications, new Date().toISOString().slice(0, 10));
    if (next) {
      const result = await writeChecklistState(projectDir, next, stages);
      if (result.problem) io.err(`mlguide: ${result.problem}`);
      else recorded = next;
    }
  }
  const views = checklistStatus(stages, recorded, verifications);
  const blocking = views.filter((view) => required.includes(view.stage.id)).flatMap((view) => view.openRequired);

  if (parsed.has('json')) io.out(JSON.stringify(toJson(views, projectDir, blocking.length), null, 2));
  else printText(views, io, blocking.length, required);
  if (!state.writable && state.problems.length > 0) return ExitCode.UsageOrInputError;
  return blocking.length > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

function requiredStages(value: string | undefined, known: readonly string[]): string[] {
  if (value === undefined) return [];
  if (value === 'all') return [...known];
  const stages = value.split(',').map((s) => s.trim());
  for (const stage of stages) {
    if (!known.includes(stage))
      throw new UsageError(`--require: unknown stage "${stage}"; stages: ${known.join(', ')}, all`);
  }
  return stages;
}

function printText(views: readonly StageView[], io: CliIo, blocking: number, required: readonly string[]): void {
  for (const view of views) {
    io.out(`${view.stage.title}  ${String(view.complete)}/${String(view.applicable)}`);
    for (const item of view.items) {
      const extra = [
        item.item.required ? 'required' : '',
        item.item.fromBook ? '' : 'not from the book',
        item.owner ? `owner ${item.owner}` : '',
      ].filter(Boolean);
      io.out(`  ${MARK[item.status] ?? '[ ]'} ${item.item.title}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`);
      if (item.status === 'verified' && item.verification) io.out(`        ✓ ${item.verification.detail}`);
      else if (item.status === 'no-longer-holds') io.out(`        ! no longer holds: ${item.reason ?? ''}`);
      else if (item.status === 'not-applicable' && item.reason) io.out(`        n/a: ${item.reason}`);
      else if (!isComplete(item.status) && item.verification) io.out(`        … ${item.verification.detail}`);
      if (item.note) io.out(`        note: ${item.note}`);
    }
    io.out('');
  }
  const complete = views.reduce((n, v) => n + v.complete, 0);
  const applicable = views.reduce((n, v) => n + v.applicable, 0);
  io.out(
    `${String(complete)} of ${String(applicable)} items complete` +
      (required.length > 0
        ? `; ${String(blocking)} required item${blocking === 1 ? '' : 's'} open in ${required.join(', ')}`
        : ''),
  );
}

function toJson(views: readonly StageView[], projectDir: string, blocking: number): unknown {
  return {
    version: CHECKLIST_JSON_VERSION,
    project: projectDir,
    stateFile: STATE_FILE.split(path.sep).join('/'),
    stages: views.map((view) => ({
      id: view.stage.id,
      title: view.stage.title,
      complete: view.complete,
      applicable: view.applicable,
      items: view.items.map((item) => ({
        id: item.item.id,
        title: item.item.title,
        status: item.status,
        required: item.item.required,
        fromBook: item.item.fromBook,
        ...(item.item.chapter !== undefined ? { chapter: item.item.chapter } : {}),
        ...(item.owner !== undefined ? { owner: item.owner } : {}),
        ...(item.note !== undefined ? { note: item.note } : {}),
        ...(item.reason !== undefined ? { reason: item.reason } : {}),
        ...(item.item.verify
          ? {
              check: item.item.verify,
              ...(item.verification
                ? {
                    holds: item.verification.holds,
                    detail: item.verification.detail,
                    evidence: item.verification.evidence,
                  }
                : {}),
            }
          : {}),
      })),
    })),
    summary: {
      complete: views.reduce((n, v) => n + v.complete, 0),
      applicable: views.reduce((n, v) => n + v.applicable, 0),
      requiredOpen: blocking,
    },
  };
}
