/**
 * The evaluation commands of the `mlguide` CLI: evaluate, baseline, compare, ab, drift — each a
 * job of server/src/engine/jobs over the streaming reader, printed as a table or as JSON.
 */
import * as path from 'node:path';
import type { BootstrapOptions, IntervalMethod } from '../../core/src/bootstrap';
import type { ReportedMetric } from '../../core/src/evaluate';
import { MAX_SWEEP_THRESHOLDS } from '../../core/src/metrics/scores';
import { parseArgs, UsageError, type ParsedArgs } from './cliArgs';
import { abFile } from './engine/jobs/ab';
import { baselineFile } from './engine/jobs/baseline';
import { compareFile } from './engine/jobs/compare';
import { driftFiles } from './engine/jobs/drift';
import { evaluateFile, type EvaluateFileReport } from './engine/jobs/evaluate';
import type { CsvReader } from './engine/jobs/source';

/** Where output goes and where relative paths start. */
export interface JobIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export const JOB_USAGE = `  mlguide evaluate <preds.csv> --true <col> --pred <col> [--score <col> | --class-scores a=col,b=col] [--positive <label>]
        [--thresholds t1,t2,… | --thresholds <count>] [--task auto|classification|regression] [--beta <b>] [--bootstrap <B>] [--confidence <c>]
        [--seed <n>] [--interval bca|percentile] [--fail-if-not-better-than-baseline] [--json]
  mlguide baseline <data.csv> --target <col> [--test <test.csv> | --folds <k> | --test-fraction <f>]
        [--strategies a,b] [--no-stratify] [--task …] [--positive <label>] [--bootstrap <B>] [--seed <n>] [--json]
  mlguide compare <preds.csv> --true <col> --a <col> --b <col> [--with <b.csv> [--join-on <id>]] [--bootstrap <B>] [--seed <n>] [--json]
  mlguide ab <logs.csv> --variant <col> --outcome <col> [--control <name>] [--mde <rate>] [--json]
  mlguide drift <reference.csv> <current.csv> [--columns a,b] [--json]`;

const BOOTSTRAP_OPTIONS = ['bootstrap', 'confidence', 'seed', 'interval'];

function bootstrapOptions(args: ParsedArgs): BootstrapOptions | false {
  const resamples = args.number('bootstrap', { min: 0, max: 1_000_000, integer: true });
  if (resamples === 0) return false;
  const confidence = args.number('confidence', { min: 0.5, max: 0.9999 });
  const seed = args.number('seed', { min: 0, max: 2 ** 32 - 1, integer: true });
  const method = args.choice<IntervalMethod>('interval', ['bca', 'percentile']);
  return {
    resamples,
    confidence,
    seed,
    method,
  };
}

/**
 * `--thresholds`: one integer ≥ 2 is the size of an even grid (see `sweepThresholds` in
 * core/src/metrics/scores.ts), anything else a comma-separated list of thresholds.
 */
function sweepThresholdsOption(args: ParsedArgs): number[] | number | undefined {
  const text = args.string('thresholds');
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) >= 2) {
    const count = Number(trimmed);
    if (count > MAX_SWEEP_THRESHOLDS)
      throw new UsageError(`--thresholds: a grid of at most ${MAX_SWEEP_THRESHOLDS} points, not ${count}`);
    return count;
  }
  const list = args.list('thresholds') ?? [];
  if (list.length === 0) throw new UsageError('--thresholds needs thresholds (0.1,0.5,0.9) or a grid size (21)');
  if (list.length > MAX_SWEEP_THRESHOLDS)
    throw new UsageError(`--thresholds: at most ${MAX_SWEEP_THRESHOLDS} thresholds, not ${list.length}`);
  return list.map((item) => {
    const value = Number(item);
    if (!Number.isFinite(value)) throw new UsageError(`--thresholds: "${item}" is not a number`);
    return value;
  });
}

function files(args: ParsedArgs, count: number, what: string, io: JobIo): string[] {
  if (args.positional.length !== count) throw new UsageError(what);
  return args.positional.map((f) => path.resolve(io.cwd, f));
}

const shown = (file: string, io: JobIo): string => path.relative(io.cwd, file) || file;

function number(x: number | undefined, digits = 4): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

function pValue(p: number): string {
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

function interval(metric: ReportedMetric): string {
  if (!metric.ci) return metric.ciNote ? `(${metric.ciNote})` : '';
  const [low, high] = metric.ci;
  return `[${number(low)}, ${number(high)}]${metric.ciMethod ? ` ${metric.ciMethod}` : ''}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function metricRows(metrics: Record<string, ReportedMetric | undefined>): string[][] {
  return Object.entries(metrics).flatMap(([key, metric]) =>
    metric ? [[key, number(metric.value), interval(metric)]] : [],
  );
}

function csvWarnings(
  report: { csv: { warnings: { line: number; code: string; message: string }[]; warningCount: number } },
  file: string,
  io: JobIo,
): void {
  for (const w of report.csv.warnings) io.err(`${file}:${w.line}: warning ${w.code}: ${w.message}`);
  if (report.csv.warningCount > report.csv.warnings.length)
    io.err(`${file}: ${report.csv.warningCount - report.csv.warnings.length} more warnings`);
}

/** Whether the model beats the zero rule on the same rows, judged on the interval. */
export function baselineVerdict(report: EvaluateFileReport): {
  verdict: 'better' | 'inconclusive' | 'not better';
  message: string;
} {
  if (report.task === 'classification') {
    const n = report.rows;
    const majority = Math.max(...report.confusion_matrix.map((row) => row.reduce((s, c) => s + c, 0))) / n;
    const accuracy = report.metrics.accuracy;
    const low = accuracy?.ci?.[0] ?? accuracy?.value ?? NaN;
    const value = accuracy?.value ?? NaN;
    const base = `accuracy ${number(value)} ${accuracy ? interval(accuracy) : ''} against the most frequent class's ${number(majority)}`;
    if (low > majority) return { verdict: 'better', message: `beats the baseline: ${base}` };
    if (value > majority)
      return { verdict: 'inconclusive', message: `not shown to beat the baseline: ${base} (the interval reaches it)` };
    return { verdict: 'not better', message: `does not beat the baseline: ${base}` };
  }
  const r2 = report.metrics.r2;
  const low = r2.ci?.[0] ?? r2.value;
  const base = `R² ${number(r2.value)} ${interval(r2)} against the mean's 0`;
  if (low > 0) return { verdict: 'better', message: `beats the baseline: ${base}` };
  if (r2.value > 0)
    return { verdict: 'inconclusive', message: `not shown to beat the baseline: ${base} (the interval reaches 0)` };
  return { verdict: 'not better', message: `does not beat the baseline: ${base}` };
}

async function evaluateCommand(argv: readonly string[], io: JobIo, read: CsvReader): Promise<number> {
  const args = parseArgs(
    argv,
    [
      'true',
      'pred',
      'score',
      'class-scores',
      'positive',
      'task',
      'beta',
      'thresholds',
      'delimiter',
      ...BOOTSTRAP_OPTIONS,
    ],
    ['json', 'fail-if-not-better-than-baseline'],
  );
  const [file] = files(args, 1, 'evaluate needs exactly one predictions file', io) as [string];
  const score = args.string('score');
  // `label=column` pairs, one per class.
  const classScores = args.list('class-scores')?.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1)
      throw new UsageError(`--class-scores takes label=column pairs, not "${pair}"`);
    return { label: pair.slice(0, at), column: pair.slice(at + 1) };
  });
  const positive = args.string('positive');
  const task = args.choice('task', ['auto', 'classification', 'regression'] as const);
  const beta = args.number('beta', { min: 0 });
  const thresholds = sweepThresholdsOption(args);
  if (thresholds !== undefined && score === undefined) {
    throw new UsageError('--thresholds sweeps the score column: give it with --score');
  }
  const delimiter = args.string('delimiter');
  const report = await evaluateFile(
    file,
    {
      truth: args.required('true', 'the column of true labels or values'),
      predicted: args.required('pred', 'the column of predictions'),
      score,
      classScores,
      positive,
      task,
      beta,
      thresholds,
      bootstrap: bootstrapOptions(args),
    },
    read,
    { delimiter },
  );
  const verdict = args.has('fail-if-not-better-than-baseline') ? baselineVerdict(report) : undefined;
  if (args.has('json')) {
    io.out(JSON.stringify({ ...report, file: shown(file, io), ...(verdict ? { baseline: verdict } : {}) }, null, 2));
  } else {
    const name = shown(file, io);
    const b = report.bootstrap;
    io.out(
      `${name}: ${report.task}, ${report.rows} rows${report.skippedRows ? ` (${report.skippedRows} skipped)` : ''}${b ? `; ${Math.round(b.confidence * 100)} % ${b.method} intervals, ${b.resamples} resamples, seed ${b.seed}` : ''}\n`,
    );
    io.out(table(['metric', 'value', 'interval'], metricRows(report.metrics)));
    if (report.task === 'classification') {
      io.out(
        `\nconfusion matrix (rows: true, columns: predicted)\n${table(
          ['', ...report.labels],
          report.confusion_matrix.map((row, i) => [report.labels[i] ?? '', ...row.map(String)]),
        )}`,
      );
      if (report.classScores) {
        io.out(
          `\nscores per class (one-vs-rest)\n${table(['metric', 'value', 'interval'], metricRows(report.classScores.metrics))}`,
        );
      }
      if (report.scores)
        io.out(
          `\nscores (positive: ${report.scores.positive})\n${table(['metric', 'value', 'interval'], metricRows(report.scores.metrics))}`,
        );
      const sweep = report.scores?.threshold_sweep;
      if (sweep) {
        const fbeta = beta === undefined ? [] : [`f${String(beta)}`];
        io.out(
          `\nthreshold sweep (a row is ${report.scores?.positive ?? 'positive'} when its score ≥ the threshold)\n${table(
            ['threshold', 'tp', 'fp', 'fn', 'tn', 'precision', 'recall', 'f1', ...fbeta],
            sweep.map((p) => [
              number(p.threshold),
              String(p.tp),
              String(p.fp),
              String(p.fn),
              String(p.tn),
              number(p.precision),
              number(p.recall),
              number(p.f1),
              ...(beta === undefined ? [] : [number(p.fbeta)]),
            ]),
          )}`,
        );
      }
    }
    for (const s of report.skipped) io.err(`${name}:${s.line}: skipped: ${s.reason}`);
    csvWarnings(report, name, io);
    if (verdict) io.out(`\n${verdict.message}`);
  }
  return verdict && verdict.verdict !== 'better' ? 1 : 0;
}

async function baselineCommand(argv: readonly string[], io: JobIo, read: CsvReader): Promise<number> {
  const args = parseArgs(
    argv,
    [
      'target',
      'test',
      'folds',
      'test-fraction',
      'strategies',
      'task',
      'positive',
      'beta',
      'delimiter',
      ...BOOTSTRAP_OPTIONS,
    ],
    ['json', 'no-stratify'],
  );
  const [file] = files(args, 1, 'baseline needs exactly one data file', io) as [string];
  const test = args.string('test');
  const folds = args.number('folds', { min: 2, max: 1000, integer: true });
  const testFraction = args.number('test-fraction', { min: 0.01, max: 0.99 });
  if ([test, folds, testFraction].filter((x) => x !== undefined).length > 1) {
    throw new UsageError('give one of --test, --folds and --test-fraction');
  }
  const strategies = args.list('strategies');
  const task = args.choice('task', ['auto', 'classification', 'regression'] as const);
  const positive = args.string('positive');
  const beta = args.number('beta', { min: 0 });
  const seed = args.number('seed', { min: 0, max: 2 ** 32 - 1, integer: true });
  const delimiter = args.string('delimiter');
  const report = await baselineFile(
    file,
    {
      target: args.required('target', 'the column to predict'),
      test: test === undefined ? undefined : path.resolve(io.cwd, test),
      folds,
      testFraction,
      strategies,
      task,
      positive,
      beta,
      seed,
      stratify: !args.has('no-stratify'),
      bootstrap: bootstrapOptions(args),
    },
    read,
    { delimiter },
  );
  if (args.has('json')) {
    io.out(JSON.stringify({ ...report, file: shown(file, io) }, null, 2));
    return 0;
  }
  const e = report.evaluation;
  const how =
    e.kind === 'holdout'
      ? `${e.stratified ? 'stratified ' : ''}hold-out of ${e.testRows} rows (${Math.round(e.testFraction * 100)} %), seed ${report.seed}`
      : e.kind === 'kfold'
        ? `${e.stratified ? 'stratified ' : ''}${e.folds}-fold, out-of-fold predictions, seed ${report.seed}`
        : `trained on ${e.trainRows} rows, tested on ${shown(e.testFile, io)} (${e.testRows} rows)`;
  io.out(`${shown(file, io)}: baselines for "${report.target}" (${report.task}), ${how}\n`);
  const keys =
    report.task === 'classification'
      ? ['accuracy', 'balanced_accuracy', 'f1_macro']
      : ['mean_absolute_error', 'root_mean_squared_error', 'r2'];
  const rows = report.baselines.map(({ strategy, report: r }) => [
    strategy,
    ...keys.map((k) => {
      const metric = (r.metrics as Record<string, ReportedMetric | undefined>)[k];
      return metric ? `${number(metric.value)} ${interval(metric)}` : '—';
    }),
  ]);
  io.out(table(['strategy', ...keys], rows));
  for (const { strategy, learned } of report.baselines) {
    if (!learned) continue;
    const numeric = learned.features.filter((f) => f.kind === 'numeric').map((f) => f.name);
    const oneHot = learned.features.flatMap((f) =>
      f.kind === 'categorical' ? [`${f.name} (${f.categories ?? 0})`] : [],
    );
    const trainRows = Number.isInteger(learned.trainRows) ? String(learned.trainRows) : learned.trainRows.toFixed(1);
    io.out(
      `\n${strategy}: ${report.task === 'classification' ? 'Gaussian naive Bayes' : 'least squares'} on every one of ${trainRows} training rows${report.evaluation.kind === 'kfold' ? ' per fold' : ''} (no sample needed: it keeps ${report.task === 'classification' ? 'per-class means and variances' : 'the sums of products of the features'})` +
        `\n  numeric features (missing values take the training mean): ${numeric.length > 0 ? numeric.join(', ') : 'none'}` +
        `\n  one-hot features (categories): ${oneHot.length > 0 ? oneHot.join(', ') : 'none'}` +
        `\n  left out: ${learned.excluded.map((e) => `${e.name} (${e.reason})`).join(', ') || 'nothing'}`,
    );
  }
  for (const { strategy, reason } of report.skipped ?? []) io.out(`\n${strategy}: not run: ${reason}`);
  return 0;
}

async function compareCommand(argv: readonly string[], io: JobIo, read: CsvReader): Promise<number> {
  const args = parseArgs(
    argv,
    ['true', 'a', 'b', 'with', 'join-on', 'positive', 'beta', 'delimiter', ...BOOTSTRAP_OPTIONS],
    ['json'],
  );
  const [file] = files(args, 1, 'compare needs exactly one predictions file', io) as [string];
  const delimiter = args.string('delimiter');
  const beta = args.number('beta', { min: 0 });
  const other = args.string('with');
  const joinOn = args.string('join-on');
  if (joinOn !== undefined && other === undefined) throw new UsageError('--join-on needs --with <file>');
  const report = await compareFile(
    file,
    {
      truth: args.required('true', 'the column of true labels'),
      a: args.required('a', "the column of model A's predictions"),
      b: args.required('b', "the column of model B's predictions"),
      beta,
      bootstrap: bootstrapOptions(args),
      ...(other !== undefined ? { other: path.resolve(io.cwd, other) } : {}),
      ...(joinOn !== undefined ? { joinOn } : {}),
    },
    read,
    { delimiter },
  );
  const join = report.join ? { ...report.join, other: shown(report.join.other, io) } : undefined;
  if (args.has('json')) {
    io.out(JSON.stringify({ ...report, file: shown(file, io), ...(join ? { join } : {}) }, null, 2));
    return 0;
  }
  const m = report.mcnemar;
  io.out(`${shown(file, io)}: ${report.rows} rows; B − A for each metric\n`);
  if (join) {
    io.out(
      `Model B from ${join.other}, rows matched ${join.on === 'row' ? 'by position' : `on ${join.on}`}; ${join.unmatched} unmatched${join.duplicateIds > 0 ? `, ${join.duplicateIds} repeated ids (first kept)` : ''}.\n`,
    );
  }
  const rows = Object.entries(report.metrics)
    .filter(([key]) => !key.includes('['))
    .map(([key, p]) => [key, number(p.a), number(p.b), number(p.difference.value), interval(p.difference)]);
  io.out(table(['metric', 'A', 'B', 'B − A', 'interval'], rows));
  io.out(
    `\nMcNemar (${m.method}): b = ${m.b} (A right, B wrong), c = ${m.c} (B right, A wrong), p = ${pValue(m.pValue)}`,
  );
  const accuracy = report.metrics.accuracy?.difference;
  const significant = m.pValue < 0.05;
  io.out(
    significant
      ? `${(accuracy?.value ?? 0) > 0 ? 'B' : 'A'} is significantly more accurate (p < 0.05).`
      : 'No significant difference in accuracy at the 5 % level.',
  );
  return 0;
}

async function abCommand(argv: readonly string[], io: JobIo, read: CsvReader): Promise<number> {
  const args = parseArgs(
    argv,
    ['variant', 'outcome', 'control', 'mde', 'power', 'alpha', 'confidence', 'seed', 'delimiter'],
    ['json'],
  );
  const [file] = files(args, 1, 'ab needs exactly one log file', io) as [string];
  const control = args.string('control');
  const mde = args.number('mde', { min: 0, max: 1 });
  const power = args.number('power', { min: 0.5, max: 0.9999 });
  const alpha = args.number('alpha', { min: 1e-6, max: 0.5 });
  const confidence = args.number('confidence', { min: 0.5, max: 0.9999 });
  const seed = args.number('seed', { min: 0, max: 2 ** 32 - 1, integer: true });
  const delimiter = args.string('delimiter');
  const report = await abFile(
    file,
    {
      variant: args.required('variant', 'the column naming each row’s variant'),
      outcome: args.required('outcome', 'the column of outcomes (0/1 or numbers)'),
      control,
      minimumDetectableEffect: mde,
      power,
      alpha,
      confidence,
      seed,
    },
    read,
    { delimiter },
  );
  if (args.has('json')) {
    io.out(JSON.stringify({ ...report, file: shown(file, io) }, null, 2));
    return 0;
  }
  io.out(
    `${shown(file, io)}: ${report.kind} outcome "${report.outcome}" by "${report.variant}", control ${report.control}\n`,
  );
  io.out(
    report.kind === 'binary'
      ? table(
          ['arm', 'n', 'successes', 'rate', 'interval'],
          report.arms.map((a) => [
            a.name,
            String(a.n),
            String(a.successes),
            number(a.rate),
            a.rateInterval ? `[${number(a.rateInterval[0])}, ${number(a.rateInterval[1])}]` : '',
          ]),
        )
      : table(
          ['arm', 'n', 'mean', 'std'],
          report.arms.map((a) => [a.name, String(a.n), number(a.mean), number(a.std)]),
        ),
  );
  for (const c of report.comparisons) {
    if (c.kind === 'binary') {
      const d = c.difference;
      io.out(
        `\n${c.treatment} vs ${report.control}: difference ${number(d.difference)} [${number(d.newcombe[0])}, ${number(d.newcombe[1])}] (Newcombe), lift ${number(c.lift.lift * 100, 1)} %, z = ${number(c.zTest.z, 3)}, p = ${pValue(c.zTest.pValue)}`,
      );
      io.out(c.zTest.pValue < 0.05 ? `  significant at the 5 % level` : `  not significant at the 5 % level`);
    } else {
      const w = c.welch;
      io.out(
        `\n${c.treatment} vs ${report.control}: mean difference ${number(w.meanDifference)} [${number(w.interval[0])}, ${number(w.interval[1])}] (Welch), t = ${number(w.t, 3)}, df = ${number(w.df, 1)}, p = ${pValue(w.pValue)}, Hedges' g ${number(c.effectSize.hedgesG, 3)}`,
      );
    }
  }
  if (report.thompson)
    io.out(
      `\nThompson sampling allocation: ${report.thompson.arms.map((a) => `${a.name} ${number(a.allocation * 100, 1)} %`).join(', ')}`,
    );
  if (report.sampleSize)
    io.out(
      `Sample size for a ${number(report.sampleSize.absoluteEffect)} change: ${report.sampleSize.perArm} per arm (α ${report.sampleSize.alpha}, power ${report.sampleSize.power})`,
    );
  return 0;
}

async function driftCommand(argv: readonly string[], io: JobIo, read: CsvReader): Promise<number> {
  const args = parseArgs(argv, ['columns', 'delimiter'], ['json', 'fail-on-drift']);
  const [reference, current] = files(args, 2, 'drift needs a reference file and a current file', io) as [
    string,
    string,
  ];
  const columns = args.list('columns');
  const delimiter = args.string('delimiter');
  const report = await driftFiles(reference, current, columns ? { columns } : {}, read, { delimiter });
  const drifted = report.verdict.status === 'drift';
  if (args.has('json')) {
    io.out(
      JSON.stringify(
        {
          ...report,
          reference: { ...report.reference, file: shown(reference, io) },
          current: { ...report.current, file: shown(current, io) },
        },
        null,
        2,
      ),
    );
  } else {
    io.out(
      `${shown(reference, io)} (${report.reference.rows} rows) → ${shown(current, io)} (${report.current.rows} rows)\n`,
    );
    io.out(
      table(
        ['column', 'kind', 'p (adjusted)', 'PSI', 'status', 'why'],
        report.verdict.columns.map((c) => [
          c.name,
          c.kind,
          pValue(c.adjustedPValue),
          number(c.psi, 3),
          c.status,
          c.reason,
        ]),
      ),
    );
    for (const s of report.skipped) io.err(`skipped ${s.name}: ${s.reason}`);
    io.out(
      `\nverdict: ${report.verdict.status}${report.verdict.drifted.length ? ` (${report.verdict.drifted.join(', ')})` : ''}`,
    );
  }
  return args.has('fail-on-drift') && drifted ? 1 : 0;
}

/** The job commands by name. */
export const JOB_COMMANDS: Record<string, (argv: readonly string[], io: JobIo, read: CsvReader) => Promise<number>> = {
  evaluate: evaluateCommand,
  baseline: baselineCommand,
  compare: compareCommand,
  ab: abCommand,
  drift: driftCommand,
};
