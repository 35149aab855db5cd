import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFor, configuredDataFor } from './config';
import { cardDataFor } from './cardData/cardData';
import { DataFactsCache } from './cardData/readData';
import { parseDatasetCard } from './parse/datasetCard';
import { datasetCardKind, lintDatasetCard, ruleDocsUrl, type LintFinding } from './lint';
import { cardFileExists } from './huggingface/fileExists';
import { cardRules } from './rules/registry';
import { toSarif, type SarifNotification } from './sarif';
import { isSplitConfigFile } from './split/lint';
import { lintSplitFile, splitRulesForReports } from './split/cli';
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
    } else if (entry.isFile() && isSplitConfigFile(full)) {
      found.push(full);
    } else if (entry.isFile() && /\.(?:md|markdown|ya?ml)$/i.test(entry.name)) {
      const text = await fs.readFile(full, 'utf8');
      if (datasetCardKind(full, text)) found.push(full);
    }
  }
  return found;
}

/** `mlguide lint`: the dataset-card rules over files and folders, as text, JSON or SARIF. */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['format', 'profile', 'rules-url'], []);
  const { positional } = parsed;
  const format = parsed.choice('format', ['text', 'json', 'sarif'] as const) ?? 'text';
  const rulesUrl = rulesUrlOption(parsed.string('rules-url'));
  // What went wrong besides findings, for SARIF's notifications (text and JSON print it to stderr).
  const executionNotes: SarifNotification[] = [];
  const configurationNotes: SarifNotification[] = [];
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

  const results: { file: string; text: string; findings: LintFinding[] }[] = [];
  // An unreadable file is reported and skipped; the others are still linted, and the exit code
  // says an input was bad.
  let inputErrors = 0;
  const reportedConfigs = new Set<string>();
  // Data files are read once, however many cards describe them.
  const dataCache = new DataFactsCache();
  for (const file of files) {
    const shown = path.relative(io.cwd, file) || file;
    const bytes = await fs.readFile(file).catch((error: unknown) => {
      const message = `cannot be read (${error instanceof Error ? error.message : String(error)})`;
      io.err(`mlguide: ${shown}: ${message}`);
      executionNotes.push({ level: 'error', message: `${shown}: ${message}`, file });
      return undefined;
    });
    if (bytes?.subarray(0, 8000).includes(0)) {
      io.err(`mlguide: ${shown}: looks like a binary file, not a dataset card`);
      executionNotes.push({ level: 'error', message: `${shown}: looks like a binary file, not a dataset card`, file });
    }
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
        configurationNotes.push({ level: 'warning', message: problem.message, file: config.file, line: problem.line });
      }
    }
    if (isSplitConfigFile(file)) {
      // Split configurations: the MLS rules; the workspace is the current directory and the inputs.
      const roots = [io.cwd, ...positional.map((given) => path.resolve(io.cwd, given))];
      results.push({ file, text, findings: await lintSplitFile(file, text, config.rules, roots) });
      continue;
    }
    const chosen = profiles ?? config.profiles;
    // The data the card points at, read before the card is linted so the MLG4xx rules run.
    const configured = configuredDataFor(config, file);
    const data = await cardDataFor(file, parseDatasetCard(text, kind), configured ? { configured } : {}, dataCache, {
      onRead: (dataFile, facts) => {
        if (facts.error === undefined) return;
        const note = `data file ${path.relative(io.cwd, dataFile) || dataFile} cannot be read (${facts.error}); the card's claims about it are not checked`;
        io.err(`mlguide: ${shown}: ${note}`);
        executionNotes.push({ level: 'warning', message: `${shown}: ${note}`, file });
      },
    });
    results.push({
      file,
      text,
      findings: lintDatasetCard(text, kind, {
        file,
        ...(data ? { data } : {}),
        fileExists: cardFileExists(path.dirname(file)),
        severities: config.rules,
        ...(chosen ? { profiles: new Set(chosen) } : {}),
      }),
    });
  }

  const total = results.reduce((n, r) => n + r.findings.length, 0);
  const exitCode = inputErrors > 0 ? ExitCode.UsageOrInputError : total > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
  if (format === 'sarif') {
    const about = mlguidePackage();
    const sarif = toSarif({
      rootDir: io.cwd,
      results,
      rules: [...cardRules, ...splitRulesForReports()],
      tool: {
        version: about.version,
        // Without a repository in package.json, the site the rule pages are published on.
        ...((about.informationUri ?? siteOf(rulesUrl))
          ? { informationUri: about.informationUri ?? siteOf(rulesUrl) }
          : {}),
        ...((rulesUrl ?? about.rulesUrl) ? { rulesBaseUrl: rulesUrl ?? about.rulesUrl } : {}),
      },
      ruleHelp: readRulePage,
      ruleDocsUrl,
      executionNotifications: executionNotes,
      configurationNotifications: configurationNotes,
      executionSuccessful: inputErrors === 0,
      exitCode,
      commandLine: ['mlguide', 'lint', ...args].join(' '),
    });
    io.out(JSON.stringify(sarif, null, 2));
  } else if (format === 'json') {
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
    const splits = results.filter((r) => isSplitConfigFile(r.file));
    const splitProblems = splits.reduce((n, r) => n + r.findings.length, 0);
    const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    // Split files get their own line, before the cards' line (which stays last, as before).
    if (splits.length > 0) {
      io.out(`${count(splitProblems, 'problem')} in ${count(splits.length, 'split configuration')}`);
    }
    if (splits.length < results.length || splits.length === 0) {
      io.out(`${count(total - splitProblems, 'problem')} in ${count(results.length - splits.length, 'dataset card')}`);
    }
  }
  return exitCode;
}

/** `--rules-url`: the public URL of the folder of rule pages, for SARIF's `helpUri`. */
function rulesUrlOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+/i.test(value) || !URL.canParse(value)) {
    throw new UsageError(`--rules-url must be an http(s) URL, not "${value}"`);
  }
  return value;
}

/** `https://host/owner/repo/blob/main/docs/rules` → `https://host/owner/repo/blob/main`: where the pages live. */
function siteOf(rulesUrl: string | undefined): string | undefined {
  return rulesUrl?.replace(/\/+$/, '').replace(/\/docs\/rules$/, '');
}

/** A rule's docs page, as shipped beside mlguide; undefined when it cannot be read. */
function readRulePage(ruleId: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(ruleDocsUrl(ruleId)), 'utf8');
  } catch {
    return undefined;
  }
}

declare const MLGUIDE_VERSION: string | undefined;

/**
 * mlguide's version and public URLs, from its package.json (found by walking up from this module,
 * bundled or not): the repository, when package.json names one, gives the rule pages' public URL.
 */
function mlguidePackage(): { version: string; informationUri?: string; rulesUrl?: string } {
  const fallback = typeof MLGUIDE_VERSION === 'string' ? MLGUIDE_VERSION : '0.0.0-development';
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
          name?: unknown;
          version?: unknown;
          homepage?: unknown;
          repository?: unknown;
        };
        if (manifest.name === 'mlguide') {
          const repository = repositoryUrl(manifest.repository);
          const homepage = typeof manifest.homepage === 'string' ? manifest.homepage : undefined;
          return {
            version: typeof manifest.version === 'string' ? manifest.version : fallback,
            ...((homepage ?? repository) ? { informationUri: homepage ?? repository } : {}),
            ...(repository ? { rulesUrl: `${repository}/blob/HEAD/docs/rules` } : {}),
          };
        }
      } catch {
        // An unreadable package.json: keep walking up.
      }
    }
    if (path.dirname(dir) === dir) return { version: fallback };
    dir = path.dirname(dir);
  }
}

/** package.json's `repository` (`"github:o/r"`, `"git+https://…/o/r.git"`, `{ url }`) as an https URL. */
function repositoryUrl(repository: unknown): string | undefined {
  const given =
    typeof repository === 'string'
      ? repository
      : typeof repository === 'object' && repository !== null && 'url' in repository
        ? String(repository.url)
        : undefined;
  if (given === undefined) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(given);
  if (shorthand) return `https://github.com/${shorthand[1] ?? ''}`;
  const url = given.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\//.test(url) ? url : undefined;
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
