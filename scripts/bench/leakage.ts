/**
 * Bench of the data-backed split checks (MLS016–MLS022): `mlguide lint` on a split configuration
 * whose outputs are a generated 1,000,000-row train and 250,000-row test (20 columns), against the
 * same checks written the obvious way in pandas (scripts/bench/peer_leakage.py), in the same run:
 * wall time and peak resident memory under `/usr/bin/time -v`, and the ratios. Then ours on a 2×
 * train (2,000,000 rows, same test): the held test split is what the checks keep, so peak memory
 * should stay flat as train grows.
 *
 * Called with one line from bench.ts; also runs alone: `node --import tsx scripts/bench/leakage.ts`
 * (after `node scripts/build.mjs`).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import * as path from 'node:path';
import { createRng, type Rng } from '../../core/src/random/rng';

const root = path.resolve(__dirname, '..', '..');
const python = '/usr/bin/python3';
const RUNS = Number(process.env.MLGUIDE_BENCH_RUNS ?? 3);

interface Measure {
  seconds: number;
  peakMiB: number;
}

/** Wall time and peak RSS of one run; exit codes 0 and 1 (findings) both count as success. */
function measureOnce(command: string, args: string[]): Measure {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)}):\n${result.stderr.slice(-2000)}`);
  }
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!wall || !rss) throw new Error(`could not read /usr/bin/time output:\n${result.stderr}`);
  return {
    seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    peakMiB: Number(rss[1]) / 1024,
  };
}

function measure(command: string, args: string[], runs: number): Measure {
  const all = Array.from({ length: runs }, () => measureOnce(command, args));
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  };
  return { seconds: median(all.map((m) => m.seconds)), peakMiB: median(all.map((m) => m.peakMiB)) };
}

const CITIES = ['Oslo', 'Bergen', 'Rome', 'Lyon', 'Porto', 'Graz', 'Turku', 'Cork', 'Bern', 'Riga'];
const PLANS = ['basic', 'standard', 'premium', 'enterprise'];
const CHANNELS = ['web', 'app', 'store', 'phone', 'partner'];
const LABELS = ['stay', 'churn', 'upgrade'];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.nextInt(items.length)] as T;
}

/**
 * 20 columns: a user id (300,000 users, so some cross splits), a timestamp, the label, a column
 * that copies the label 98 % of the time (a leak), 10 numeric features and 6 categorical ones.
 * Train is dated in 2023, test mostly in 2024 with 1 % of its rows earlier; 1,000 test rows are
 * copies of train rows (every 250th), 200 of them re-typed (case, spaces, `1.0`).
 */
const HEADER = [
  'user_id',
  'event_time',
  'label',
  'label_hint',
  ...Array.from({ length: 10 }, (_, i) => `x${i}`),
  'city',
  'plan',
  'channel',
  'segment',
  'region',
  'tier',
];

function rowOf(rng: Rng, i: number, year: number): string[] {
  const label = pick(rng, LABELS);
  const day = new Date(Date.UTC(year, 0, 1) + rng.nextInt(364 * 86_400) * 1000).toISOString().slice(0, 19);
  const cells = [
    `u${rng.nextInt(300_000)}`,
    day.replace('T', ' '),
    label,
    rng.next() < 0.98 ? label : pick(rng, LABELS),
  ];
  for (let k = 0; k < 10; k++) cells.push((rng.next() * (k + 1) * 100 + (label === 'churn' ? k : 0)).toFixed(3));
  cells.push(
    pick(rng, CITIES),
    pick(rng, PLANS),
    pick(rng, CHANNELS),
    `s${rng.nextInt(40)}`,
    `r${rng.nextInt(12)}`,
    `t${i % 5}`,
  );
  return cells;
}

async function writeRows(file: string, rows: number, row: (i: number) => string[]): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let buffer = `${HEADER.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${row(i).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(partial, file);
}

async function generate(dir: string, trainRows: number, name: string): Promise<{ train: string; test: string }> {
  const train = path.join(dir, `leakage-${name}-train.csv`);
  const test = path.join(dir, 'leakage-test-250k.csv');
  // Train rows are a pure function of the seed and index, so the test file can copy some.
  const trainRow = (i: number): string[] => rowOf(createRng(1_000_003 * i + 17), i, 2023);
  await writeRows(train, trainRows, trainRow);
  const rng = createRng(99);
  await writeRows(test, 250_000, (i) => {
    if (i % 250 === 0) {
      const copy = trainRow(i * 3);
      if (i % 1250 === 0) {
        copy[4] = `${copy[4] ?? ''}0`;
        copy[14] = ` ${(copy[14] ?? '').toUpperCase()} `;
      }
      return copy;
    }
    return rowOf(rng, i, rng.next() < 0.01 ? 2023 : 2024);
  });
  return { train, test };
}

function splitFile(dir: string, name: string, files: { train: string; test: string }): string {
  const file = path.join(dir, `leakage-${name}.split.yaml`);
  writeFileSync(
    file,
    [
      'task: classification',
      'target: label',
      'seed: 7',
      'shuffle: true',
      'strategy: group',
      'group_by: user_id',
      'time_column: event_time',
      `sizes: { train: 0.8, test: 0.2 }`,
      'outputs:',
      `  train: ${path.basename(files.train)}`,
      `  test: ${path.basename(files.test)}`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Runs the leakage bench and prints its table. */
export async function benchmarkLeakage(dataDir = path.join(root, '.mlguide-cache', 'bench')): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const cli = path.join(root, 'dist', 'cli.js');
  process.stdout.write('\nbench: split leakage checks — generating 1M + 250k rows and a 2M-row train (once)\n');
  const one = await generate(dataDir, 1_000_000, '1m');
  const two = await generate(dataDir, 2_000_000, '2m');
  const split1 = splitFile(dataDir, '1m', one);
  const split2 = splitFile(dataDir, '2m', two);
  process.stdout.write('bench: leakage checks, mlguide lint vs pandas\n');
  const ours = measure(process.execPath, [cli, 'lint', split1], RUNS);
  const peer = measure(python, [path.join(__dirname, 'peer_leakage.py'), one.train, one.test], RUNS);
  const ours2 = measure(process.execPath, [cli, 'lint', split2], 1);
  const mb = (statSync(one.train).size + statSync(one.test).size) / 1e6;
  const mb2 = (statSync(two.train).size + statSync(two.test).size) / 1e6;
  process.stdout.write(
    [
      '',
      'task                    input    mlguide   peak      pandas    peak      speed-up  memory',
      `leakage 1M+250k         ${mb.toFixed(0)} MB   ${ours.seconds.toFixed(2)} s   ${ours.peakMiB.toFixed(0)} MiB   ${peer.seconds.toFixed(2)} s   ${peer.peakMiB.toFixed(0)} MiB   ${(peer.seconds / ours.seconds).toFixed(2)}×     ${(ours.peakMiB / peer.peakMiB).toFixed(2)}`,
      `leakage 2M+250k (ours)  ${mb2.toFixed(0)} MB   ${ours2.seconds.toFixed(2)} s   ${ours2.peakMiB.toFixed(0)} MiB`,
      '',
      `leakage peak memory (mlguide): ${ours.peakMiB.toFixed(0)} MiB with 1M train rows, ${ours2.peakMiB.toFixed(0)} MiB with 2M: 2×/1× = ${(ours2.peakMiB / ours.peakMiB).toFixed(2)} (goal: flat, ≤ 1.20)`,
      `median of ${RUNS} runs (2M: one run); speed-up = pandas time / mlguide time (goal > 1); memory = mlguide peak / pandas peak.`,
      'Peer: pandas read_csv of both files, merge for exact and normalised duplicates, isin for ids, to_datetime for time,',
      '      set differences for unseen values, scipy ks_2samp / chi2_contingency and numpy PSI per column, groupby majority',
      '      rules scored with sklearn balanced_accuracy_score (scripts/bench/peer_leakage.py).',
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  benchmarkLeakage().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
