/**
 * `npm run bench`: mlguide against the tools a user would otherwise reach for, measured in the same
 * run on the same generated files. For each task: wall time and peak memory (median of several
 * runs, `/usr/bin/time -v`), the peer's, the ratios, and the raw-read limit (`cat` of the file).
 * Goals (issue 3) are printed beside the ratios; nothing here fails a build.
 *
 *   npm run bench              the 1× files (about 200 MB), and the 10× wide file (about 2 GB of
 *                              disk, generated once) for the flatness of profile's peak memory
 *   npm run bench -- --quick   the 1× files only
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { generatePredictions, generateWide } from './generate';
import { benchmarkLint } from './lint';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, '.mlguide-cache', 'bench');
const RUNS = Number(process.env.MLGUIDE_BENCH_RUNS ?? 3);
const python = '/usr/bin/python3';

interface Measure {
  seconds: number;
  peakMiB: number;
}

/** Runs a command under /usr/bin/time -v and returns its wall time and peak resident memory. */
function measureOnce(command: string, args: string[]): Measure {
  // Output goes to /dev/null: only the time and memory matter here.
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)}):\n${result.stderr.slice(-2000)}`);
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!wall || !rss) throw new Error(`could not read /usr/bin/time output:\n${result.stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, peakMiB: Number(rss[1]) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function measure(command: string, args: string[], runs = RUNS): Measure {
  const all = Array.from({ length: runs }, () => measureOnce(command, args));
  return { seconds: median(all.map((m) => m.seconds)), peakMiB: median(all.map((m) => m.peakMiB)) };
}

function checkTools(): void {
  const missing: string[] = [];
  if (!existsSync('/usr/bin/time')) missing.push('time');
  if (spawnSync(python, ['-c', 'import pandas, sklearn, scipy']).status !== 0) {
    missing.push('python3-pandas', 'python3-sklearn', 'python3-scipy');
  }
  if (missing.length > 0) {
    process.stderr.write(
      `bench: missing Debian packages: ${missing.join(' ')} (apt-get install ${missing.join(' ')})\n`,
    );
    process.exit(2);
  }
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
    process.stderr.write('bench: run `npm run build` first\n');
    process.exit(2);
  }
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
}

async function main(): Promise<void> {
  checkTools();
  mkdirSync(dataDir, { recursive: true });
  // `--large` was the opt-in before the 10× file became part of every run; still accepted.
  const large = !process.argv.includes('--quick');
  const wide = path.join(dataDir, 'wide-1m.csv');
  const predictions = path.join(dataDir, 'predictions-1m.csv');
  process.stdout.write('bench: generating inputs (once; cached in .mlguide-cache/bench)\n');
  await generateWide(wide, 1_000_000);
  await generatePredictions(predictions, 1_000_000);
  const cli = path.join(root, 'dist', 'cli.js');

  const lines: string[][] = [];
  const report = (task: string, file: string, ours: Measure, peer: Measure | undefined, goal: string): void => {
    const raw = measure('cat', [file]);
    const mb = statSync(file).size / 1e6;
    lines.push([
      task,
      `${mb.toFixed(0)} MB`,
      `${ours.seconds.toFixed(2)} s`,
      `${ours.peakMiB.toFixed(0)} MiB`,
      peer ? `${peer.seconds.toFixed(2)} s` : '—',
      peer ? `${peer.peakMiB.toFixed(0)} MiB` : '—',
      peer ? `${(peer.seconds / ours.seconds).toFixed(2)}×` : '—',
      peer ? (ours.peakMiB / peer.peakMiB).toFixed(2) : '—',
      `${raw.seconds.toFixed(2)} s`,
      goal,
    ]);
  };

  process.stdout.write('bench: profile of the wide file\n');
  const profileOurs = measure(process.execPath, [cli, 'profile', wide, '--json']);
  const profilePeer = measure(python, [path.join(__dirname, 'peer_profile.py'), wide]);
  report('profile', wide, profileOurs, profilePeer, 'speed ≥ 1.5×, memory ≤ 0.20');

  process.stdout.write('bench: evaluate of the predictions (2,000-resample intervals)\n');
  const evaluateOurs = measure(process.execPath, [
    cli,
    'evaluate',
    predictions,
    '--true',
    'y',
    '--pred',
    'y_hat',
    '--bootstrap',
    '2000',
    '--json',
  ]);
  const evaluatePeer = measure(python, [path.join(__dirname, 'peer_evaluate.py'), predictions], 1);
  report('evaluate', predictions, evaluateOurs, evaluatePeer, 'speed ≥ 50× (peer: accuracy interval only)');

  let flatness: { peak1: number; peak10: number; rows10: number } | undefined;
  if (large) {
    const wide10 = path.join(dataDir, 'wide-10m.csv');
    if (!existsSync(wide10))
      process.stdout.write('bench: generating the 10× wide file (once; about 2 GB, a few minutes)\n');
    await generateWide(wide10, 10_000_000);
    process.stdout.write('bench: profile of the 10× wide file (ours only: memory flatness)\n');
    const ours10 = measure(process.execPath, [cli, 'profile', wide10, '--json'], 1);
    report(
      'profile 10×',
      wide10,
      ours10,
      undefined,
      `peak within 20 % of 1×: ${((ours10.peakMiB / profileOurs.peakMiB - 1) * 100).toFixed(0)} %`,
    );
    flatness = { peak1: profileOurs.peakMiB, peak10: ours10.peakMiB, rows10: 10_000_000 };
  }

  const header = ['task', 'input', 'mlguide', 'peak', 'peer', 'peak', 'speed-up', 'memory', 'cat', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  process.stdout.write(
    `\n${row(header, widths)}\n${row(
      widths.map((w) => '-'.repeat(w)),
      widths,
    )}\n`,
  );
  for (const line of lines) process.stdout.write(`${row(line, widths)}\n`);
  if (flatness) {
    const ratio = flatness.peak10 / flatness.peak1;
    process.stdout.write(
      `\nprofile peak memory (mlguide): ${flatness.peak1.toFixed(0)} MiB on the 1× file, ` +
        `${flatness.peak10.toFixed(0)} MiB on the 10× file (${flatness.rows10.toLocaleString('en-US')} rows): ` +
        `10×/1× = ${ratio.toFixed(2)} (goal ≤ 1.20: ${ratio <= 1.2 ? 'met' : 'not met'})\n`,
    );
  }
  process.stdout.write(
    `\nmedian of ${RUNS} runs (the 10× file: one run); speed-up = peer time / mlguide time; memory = mlguide peak / peer peak.\n` +
      'Peers: profile — pandas read_csv + describe(include="all") + nunique + isna().sum() (scripts/bench/peer_profile.py);\n' +
      '       evaluate — pandas + scikit-learn metrics + scipy.stats.bootstrap percentile interval of accuracy only, one run (scripts/bench/peer_evaluate.py).\n',
  );
  await benchmarkLint(dataDir);
  await (await import('./leakage')).benchmarkLeakage(dataDir);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
