import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { UnknownColumnError, type CompleteCsvProfile } from '../../core/src/profile/profile';
import { CsvInputError, profileCsvFile } from './engine/readCsv';
import { lintCommand } from './cliLint';
import { checklistCommand } from './cliChecklist';
import { startLintServer } from './lintServer';
import { parseArgs, UsageError } from './cliArgs';
import { JOB_COMMANDS, JOB_USAGE } from './cliJobs';
import { readCsvFile } from './engine/jobs/reader';
import { JobInputError } from './engine/jobs/source';
import { MetricInputError } from '../../core/src/metrics';

/** Exit codes, stable for scripts: see docs/cli.md. */
export const ExitCode = { Ok: 0, ProblemsFound: 1, UsageOrInputError: 2 } as const;

const USAGE = `Usage:
  mlguide lint <paths...> [--format text|json|sarif] [--profile book,datasheets,huggingface]
                                                 lint dataset cards (files, or folders searched for cards)
  mlguide profile <file.csv> [--json] [--delimiter <c>] [--target <column>] [--seed <n>]
                                                 profile a CSV file
${JOB_USAGE}
  mlguide checklist [folder] [--json] [--require <stage,…|all>] [--write]
                                                 where the project stands in the ML life cycle
  mlguide lsp --stdio                            run the language server for any LSP client
  mlguide --help | --version

Exit codes: 0 no problems, 1 problems found, 2 usage or input error.`;

/** Where output goes; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

/** Runs the command line and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest, io);
      case 'profile':
        return await profileCommand(rest, io);
      case 'checklist':
        return await checklistCommand(rest, io);
      case 'evaluate':
      case 'baseline':
      case 'compare':
      case 'ab':
      case 'drift':
        return await (JOB_COMMANDS[command] as (typeof JOB_COMMANDS)[string])(rest, io, readCsvFile);
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return ExitCode.Ok;
      case '--version':
      case '-v':
        io.out(VERSION);
        return ExitCode.Ok;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mlguide: ${error.message}\n\n${USAGE}`);
      return ExitCode.UsageOrInputError;
    }
    if (
      error instanceof CsvInputError ||
      error instanceof JobInputError ||
      error instanceof MetricInputError ||
      error instanceof RangeError
    ) {
      io.err(`mlguide: ${error.message}`);
      return ExitCode.UsageOrInputError;
    }
    if (error instanceof UnknownColumnError) {
      io.err(`mlguide: --target: ${error.message}`);
      return ExitCode.UsageOrInputError;
    }
    throw error;
  }
}

declare const MLGUIDE_VERSION: string | undefined;
const VERSION = typeof MLGUIDE_VERSION === 'string' ? MLGUIDE_VERSION : 'development';

/** Version of the `profile --json` shape (docs/cli.md); fields are only ever added within a version. */
const PROFILE_JSON_VERSION = 1;

async function profileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, ['delimiter', 'target', 'seed'], ['json']);
  const { positional } = parsed;
  if (positional.length !== 1) throw new UsageError('profile needs exactly one CSV file');
  const given = positional[0] as string;
  const delimiter = parsed.string('delimiter');
  if (delimiter === '') throw new UsageError('--delimiter needs a character');
  const target = parsed.string('target');
  if (target === '') throw new UsageError('--target needs a column name');
  const seed = parsed.number('seed', { integer: true });
  const file = path.resolve(io.cwd, given);
  const profile = await profileCsvFile(file, {
    ...(typeof delimiter === 'string' ? { delimiter: unescapeDelimiter(delimiter) } : {}),
    ...(typeof target === 'string' ? { target } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const shown: CompleteCsvProfile = {
    rows: profile.rows,
    delimiter: profile.delimiter,
    ...(profile.encoding ? { encoding: profile.encoding } : {}),
    duplicateRows: profile.duplicateRows,
    duplicateRowsEstimated: profile.duplicateRowsEstimated,
    constantColumns: profile.constantColumns,
    idLikeColumns: profile.idLikeColumns,
    ...(profile.classBalance ? { classBalance: profile.classBalance } : {}),
    columns: profile.columns,
    warnings: profile.warnings,
    warningCount: profile.warningCount,
  };
  if (parsed.has('json')) {
    io.out(JSON.stringify({ version: PROFILE_JSON_VERSION, file: given, bytes: profile.bytes, ...shown }, null, 2));
  } else {
    io.out(renderProfile(given, shown));
    for (const w of shown.warnings) io.err(`${given}:${w.line}: warning ${w.code}: ${w.message}`);
    if (shown.warningCount > shown.warnings.length) {
      io.err(`${given}: ${shown.warningCount - shown.warnings.length} more warnings not shown`);
    }
  }
  return ExitCode.Ok;
}

function unescapeDelimiter(value: string): string {
  return value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
}

/** A number without trailing zeros, six significant digits at most. */
function formatNumber(x: number | undefined): string {
  if (x === undefined) return '';
  return Number.isInteger(x) ? String(x) : Number(x.toPrecision(6)).toString();
}

/** A share as a percentage, without trailing zeros. */
function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3)).toString()}%`;
}

/** A value as the table shows it: at most 24 characters, control characters escaped. */
function formatValue(value: string | number | boolean): string {
  const text = typeof value === 'number' ? formatNumber(value) : String(value);
  // Control characters (a newline inside a quoted field) would break the table's lines.
  let control = false;
  for (let i = 0; i < text.length && !control; i++) control = text.charCodeAt(i) < 32 || text.charCodeAt(i) === 127;
  const printable = control ? JSON.stringify(text).slice(1, -1) : text;
  return printable.length > 24 ? `${printable.slice(0, 23)}…` : printable;
}

function renderProfile(file: string, profile: CompleteCsvProfile): string {
  const delimiterName = profile.delimiter === '\t' ? 'tab' : JSON.stringify(profile.delimiter);
  const header = ['column', 'type', 'missing', 'distinct', 'min', 'max', 'mean', 'p50', 'top (share)'];
  const rows = profile.columns.map((c) => {
    // The most frequent value, when any value occurs more than once.
    const top = c.top[0];
    const shownTop =
      top && top.count > 1 && c.count > 0
        ? `${formatValue(top.value)} (${c.topEstimated ? '≥' : ''}${percent(top.count / c.count)})`
        : '';
    return [
      c.name,
      c.type,
      String(c.missing),
      `${c.distinctEstimated ? '~' : ''}${c.distinct}`,
      formatNumber(c.min),
      formatNumber(c.max),
      formatNumber(c.mean),
      `${c.quantilesEstimated ? '~' : ''}${formatNumber(c.quantiles?.p50)}`,
      shownTop,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i >= 2 && i < 8 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const names = (list: string[]): string => (list.length === 0 ? 'none' : list.join(', '));
  const facts = [
    `${profile.duplicateRowsEstimated ? '~' : ''}${profile.duplicateRows} duplicate row${profile.duplicateRows === 1 ? '' : 's'}`,
    `constant columns: ${names(profile.constantColumns)}`,
    `id-like columns: ${names(profile.idLikeColumns)}`,
  ];
  const balance = profile.classBalance;
  const balanceLine = balance
    ? `class balance of ${balance.column}: ${balance.classes
        .slice(0, 10)
        .map((c) => `${formatValue(c.value)} ${c.count} (${percent(c.share)})`)
        .join(', ')}${balance.classes.length > 10 || balance.truncated ? ', …' : ''}${
        balance.imbalanceRatio === null ? '' : `; imbalance ratio ${formatNumber(balance.imbalanceRatio)}`
      }${balance.missing > 0 ? `; ${balance.missing} missing` : ''}`
    : undefined;
  return [
    `${file}: ${profile.rows} rows, ${profile.columns.length} columns, delimiter ${delimiterName}${profile.warningCount ? `, ${profile.warningCount} warning${profile.warningCount === 1 ? '' : 's'}` : ''}`,
    facts.join('; '),
    ...(balanceLine ? [balanceLine] : []),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/** The process entry point of the `mlguide` command. */
export function main(argv: readonly string[]): void {
  if (argv[0] === 'lsp') {
    startLintServer(createConnection(ProposedFeatures.all));
    return;
  }
  // `mlguide … | head` closes the pipe early: that ends the output, it is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  runCli(argv, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `mlguide: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = ExitCode.UsageOrInputError;
    },
  );
}
