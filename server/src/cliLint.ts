import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { configFor } from './config';
import { datasetCardKind, lintDatasetCard, type LintFinding } from './lint';
import { parseArgs, UsageError } from './cliArgs';
import { CARD_PROFILES, type CardProfile } from './rules/types';
import type { CliIo } from './cli';

/** Exit codes of `mlguide lint` (the CLI's, see docs/cli.md). */
const ExitCode = { Ok: 0, ProblemsFound: 1, UsageOrInputError: 2 } as const;

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__']);

/** Card files under a folder, depth first, in name order. */
async function findCards(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...(await findCards(full)));
    } else if (entry.isFile() && /\.(?:md|markdown|ya?ml)$/i.test(entry.name)) {
      const text = await fs.readFile(full, 'utf8');
      if (datasetCardKind(full, text)) found.push(full);
    }
  }
  return found;
}

/** `mlguide lint`: the dataset-card rules over files and folders, as text or JSON. */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['format', 'profile'], []);
  const { positional } = parsed;
  const format = parsed.choice('format', ['text', 'json'] as const) ?? 'text';
  const profiles = profileOption(parsed.string('profile'));
  if (positional.length === 0) throw new UsageError('lint needs at least one file or folder');

  const files: string[] = [];
  for (const given of positional) {
    const full = path.resolve(io.cwd, given);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) {
      io.err(`mlguide: ${given}: no such file or folder`);
      return ExitCode.UsageOrInputError;
    }
    files.push(...(stat.isDirectory() ? await findCards(full) : [full]));
  }

  const results: { file: string; findings: LintFinding[] }[] = [];
  // An unreadable file is reported and skipped; the others are still linted, and the exit code
  // says an input was bad.
  let inputErrors = 0;
  const reportedConfigs = new Set<string>();
  for (const file of files) {
    const shown = path.relative(io.cwd, file) || file;
    const bytes = await fs.readFile(file).catch((error: unknown) => {
      io.err(`mlguide: ${shown}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    });
    if (bytes?.subarray(0, 8000).includes(0)) io.err(`mlguide: ${shown}: looks like a binary file, not a dataset card`);
    if (!bytes || bytes.subarray(0, 8000).includes(0)) {
      inputErrors++;
      continue;
    }
    const text = bytes.toString('utf8');
    // A file named on the command line is linted as a card even when its name is not a card's.
    const kind = datasetCardKind(file, text) ?? (/\.ya?ml$/i.test(file) ? 'yaml' : 'markdown');
    const config = configFor(file);
    if (config.file && !reportedConfigs.has(config.file)) {
      reportedConfigs.add(config.file);
      for (const problem of config.problems) {
        io.err(
          `${path.relative(io.cwd, config.file) || config.file}:${problem.line}: warning config: ${problem.message}`,
        );
      }
    }
    const chosen = profiles ?? config.profiles;
    results.push({
      file,
      findings: lintDatasetCard(text, kind, {
        severities: config.rules,
        ...(chosen ? { profiles: new Set(chosen) } : {}),
      }),
    });
  }

  const total = results.reduce((n, r) => n + r.findings.length, 0);
  if (format === 'json') {
    io.out(
      JSON.stringify(
        {
          version: 1,
          files: results.map((r) => ({
            path: path.relative(io.cwd, r.file) || r.file,
            findings: r.findings.map((f) => ({
              ruleId: f.ruleId,
              alias: f.alias,
              severity: f.severity,
              message: f.message,
              line: f.range.start.line + 1,
              column: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
              docsUrl: f.docsUrl,
            })),
          })),
          summary: { files: results.length, problems: total },
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of results) {
      for (const f of r.findings) {
        const where = `${path.relative(io.cwd, r.file) || r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
        io.out(`${where}: ${f.severity} ${f.ruleId}/${f.alias} ${f.message}`);
      }
    }
    io.out(
      `${total} problem${total === 1 ? '' : 's'} in ${results.length} dataset card${results.length === 1 ? '' : 's'}`,
    );
  }
  if (inputErrors > 0) return ExitCode.UsageOrInputError;
  return total > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/** `--profile book,datasheets`: the profiles to lint with, instead of the config's or the default. */
function profileOption(value: string | undefined): CardProfile[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(CARD_PROFILES as readonly string[]).includes(name)) {
      throw new UsageError(`--profile: unknown profile "${name}"; known: ${CARD_PROFILES.join(', ')}`);
    }
  }
  return names as CardProfile[];
}
