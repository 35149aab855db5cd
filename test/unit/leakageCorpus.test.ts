// The data-backed split checks (MLS016–MLS022) on split files built here from the shared corpus,
// run as the language server and `mlguide lint` run them (runSplitLeakage on a split
// configuration), against counts computed independently in this file with plain Maps and Sets:
// diamonds split with planted exact and normalised duplicates, taxis split at random despite its
// timestamps, penguins with a copied label column and a shared id.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createRng } from '../../core/src/random/rng';
import { ksTwoSample } from '../../core/src/stats/kolmogorov';
import type { LeakageReport } from '../../core/src/leakage/types';
import { readSplitFacts } from '../../server/src/split/facts';
import { isLeakageReport, runSplitLeakage } from '../../server/src/split/leakage';
import { lintParsedSplitConfig } from '../../server/src/split/lint';
import { parseSplitConfig } from '../../server/src/split/parse';
import { corpusDir, scratchDir } from './support';

const scratch = scratchDir();
after(() => scratch.remove());

/** A corpus CSV as header and rows (these files have no quoted commas; quotes are stripped). */
function readCorpus(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path.join(corpusDir, 'csv', name), 'utf8')
    .trim()
    .split(/\r?\n/);
  const cells = lines.map((line) => line.split(',').map((cell) => cell.replace(/^"(.*)"$/, '$1')));
  const [header = [], ...rows] = cells;
  for (const row of rows) assert.equal(row.length, header.length, `${name}: a row with a quoted comma`);
  return { header, rows };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

async function check(name: string, yaml: string): Promise<{ report: LeakageReport; file: string }> {
  const file = scratch.write(name, yaml);
  const parsed = parseSplitConfig(yaml, 'yaml');
  const dir = path.dirname(file);
  const result = await runSplitLeakage(parsed, dir, { data: await readSplitFacts(parsed, dir) });
  assert.ok(isLeakageReport(result), JSON.stringify(result));
  return { report: result, file };
}

/** The normalised form the checks document: trimmed, lower-cased, numbers by value, missing as one. */
function normalise(cell: string): string {
  const t = cell.trim();
  if (['', 'NA', 'NaN', 'null', 'None', 'nan', 'N/A'].includes(t)) return '\u0000';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return `#${Number(t)}`;
  return t.toLowerCase();
}

describe('leakage checks on corpus splits', () => {
  it('diamonds with planted duplicates: exact and normalised counts, shares and first pairs', async () => {
    const { header, rows } = readCorpus('diamonds.csv');
    const all = shuffled(rows, 7);
    const cut = Math.floor(all.length * 0.8);
    const train = all.slice(0, cut);
    const test = all.slice(cut);
    // 40 exact copies and 15 copies differing only in case, spacing and number format.
    const planted = [...test];
    for (let i = 0; i < 40; i++) planted[i * 10] = [...(train[i * 97] as string[])];
    for (let i = 0; i < 15; i++) {
      const source = [...(train[5000 + i * 31] as string[])];
      source[1] = ` ${(source[1] ?? '').toUpperCase()} `;
      source[0] = Number(source[0]).toFixed(3);
      planted[i * 10 + 5] = source;
    }
    scratch.write('diamonds/train.csv', csv(header, train));
    scratch.write('diamonds/test.csv', csv(header, planted));
    scratch.write('diamonds/raw.csv', csv(header, rows));
    const { report, file } = await check(
      'diamonds/diamonds.split.yaml',
      'data: raw.csv\nseed: 7\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\noutputs: { train: train.csv, test: test.csv }\n',
    );
    // Independently: row keys as Sets of joined cells.
    const key = (row: readonly string[]): string => row.join('\u0001');
    const normalKey = (row: readonly string[]): string => row.map(normalise).join('\u0001');
    const trainKeys = new Set(train.map(key));
    const testKeys = new Set(planted.map(key));
    const trainNormal = new Set(train.map(normalKey));
    const testNormal = new Set(planted.map(normalKey));
    const pair = report.duplicates.pairs.find((p) => p.a === 'test' && p.b === 'train');
    assert.ok(pair, JSON.stringify(report.duplicates));
    assert.equal(pair.rowsA, planted.filter((r) => trainKeys.has(key(r))).length);
    assert.equal(pair.rowsB, train.filter((r) => testKeys.has(key(r))).length);
    assert.equal(pair.normalizedRowsA, planted.filter((r) => trainNormal.has(normalKey(r))).length);
    assert.equal(pair.normalizedRowsB, train.filter((r) => testNormal.has(normalKey(r))).length);
    assert.ok(pair.rowsA >= 40 && pair.normalizedRowsA - pair.rowsA >= 15, JSON.stringify(pair));
    assert.equal(pair.shareOfSmaller, pair.normalizedRowsA / planted.length);
    assert.equal(report.duplicates.status, 'fail');
    // Each example pair names two rows with the same (normalised) content.
    const testLines = readFileSync(path.join(path.dirname(file), 'test.csv'), 'utf8').split('\n');
    const trainLines = readFileSync(path.join(path.dirname(file), 'train.csv'), 'utf8').split('\n');
    assert.equal(pair.examples.length, 5);
    for (const example of pair.examples) {
      const a = (testLines[example.a.line - 1] ?? '').split(',');
      const b = (trainLines[example.b.line - 1] ?? '').split(',');
      assert.equal(normalKey(a), normalKey(b), JSON.stringify(example));
      assert.equal(example.normalized, key(a) !== key(b));
    }
    // Sizes: 80/20 as configured, and no more rows than the raw file.
    assert.equal(report.sizes.status, 'pass', JSON.stringify(report.sizes));
    assert.equal(report.sizes.total, rows.length);
    // The train → test KS statistic of carat equals the exact two-sample statistic.
    const carat = report.distributionShift.pairs[0]?.columns.find((c) => c.column === 'carat');
    const ks = ksTwoSample(
      train.map((r) => Number(r[0])),
      planted.map((r) => Number(r[0])),
    );
    assert.ok(carat);
    assert.ok(Math.abs(carat.statistic - ks.statistic) < 1e-12, `${carat.statistic} vs ${ks.statistic}`);
  });

  it('taxis split at random despite its timestamps: test rows before the end of train, with the dates', async () => {
    const { header, rows } = readCorpus('taxis.csv');
    const all = shuffled(rows, 11);
    const cut = Math.floor(all.length * 0.75);
    const train = all.slice(0, cut);
    const test = all.slice(cut);
    scratch.write('taxis/train.csv', csv(header, train));
    scratch.write('taxis/test.csv', csv(header, test));
    const { report } = await check(
      'taxis/taxis.split.yaml',
      'data: ../diamonds/raw.csv\nseed: 1\nshuffle: true\ntime_column: pickup\nsizes: { train: 0.75, test: 0.25 }\noutputs: { train: train.csv, test: test.csv }\n',
    );
    // ISO date-times of one length compare as text.
    const end = train.map((r) => r[0] ?? '').reduce((m, x) => (x > m ? x : m), '');
    const earlier = test.filter((r) => (r[0] ?? '') < end).length;
    const earliest = test.map((r) => r[0] ?? '').reduce((m, x) => (x < m ? x : m));
    const t = report.timeLeakage;
    assert.equal(t.status, 'fail');
    assert.equal(t.referenceEnd?.value, end);
    const [testSplit] = t.splits;
    assert.ok(testSplit);
    assert.equal(testSplit.earlier, earlier);
    assert.equal(testSplit.rows, test.length);
    assert.equal(testSplit.earliest?.value, earliest);
    assert.ok(earlier > 1000);
    // Far fewer split rows than the stated raw data (diamonds): stale files or other data.
    assert.equal(report.sizes.status, 'warn');
    assert.match(report.sizes.problem ?? '', /in no split/);
  });

  it('dates in test that train never had are not unseen categories; a new plan value is', async () => {
    const header = ['signup_date', 'plan', 'churned'];
    const train = Array.from({ length: 30 }, (_, i) => [
      `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      'basic',
      i % 2 ? 'yes' : 'no',
    ]);
    const test = Array.from({ length: 10 }, (_, i) => [
      `2024-03-${String(1 + i).padStart(2, '0')}`,
      i === 0 ? 'premium' : 'basic',
      i % 2 ? 'yes' : 'no',
    ]);
    scratch.write('dates/train.csv', csv(header, train));
    scratch.write('dates/test.csv', csv(header, test));
    const { report } = await check(
      'dates/dates.split.yaml',
      'target: churned\nseed: 1\nstrategy: stratified\nshuffle: true\nsizes: { train: 0.75, test: 0.25 }\noutputs: { train: train.csv, test: test.csv }\n',
    );
    assert.deepEqual(
      report.unseenCategories.findings.map((f) => [f.column, f.examples.map((v) => v.value)]),
      [['plan', ['premium']]],
    );
  });

  it('penguins with a copied label and a shared id: the copy named with score 1, overlap counted, unseen labels', async () => {
    const { header, rows } = readCorpus('penguins.csv');
    const withCopy = rows.map((r, i) => [`P${Math.floor(i / 2)}`, ...r, r[0] ?? '']);
    const h = ['penguin_id', ...header, 'species_label'];
    const all = shuffled(withCopy, 3);
    const cut = Math.floor(all.length * 0.7);
    const train = all.slice(0, cut).filter((r) => r[1] !== 'Chinstrap' || Number(r[0]?.slice(1)) % 3 !== 0);
    const test = all.slice(cut);
    scratch.write('penguins/train.csv', csv(h, train));
    scratch.write('penguins/test.csv', csv(h, test));
    const yaml =
      'data: ../diamonds/raw.csv\ntask: classification\ntarget: species\nseed: 3\nshuffle: true\nsizes: { train: 0.7, test: 0.3 }\noutputs: { train: train.csv, test: test.csv }\n';
    const { report, file } = await check('penguins/penguins.split.yaml', yaml);
    const leak = report.targetLeakage;
    assert.equal(leak.status, 'fail');
    assert.deepEqual(
      leak.leaks.map((l) => [l.column, l.balancedAccuracy]),
      [['species_label', 1]],
    );
    // island alone, computed independently: majority species per island on train, balanced accuracy on test.
    const byIsland = new Map<string, Map<string, number>>();
    for (const r of train) {
      const counts = byIsland.get(r[2] ?? '') ?? new Map<string, number>();
      counts.set(r[1] ?? '', (counts.get(r[1] ?? '') ?? 0) + 1);
      byIsland.set(r[2] ?? '', counts);
    }
    const majority = (counts: Map<string, number>): string =>
      [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
    const recalls = new Map<string, { hit: number; n: number }>();
    for (const r of test) {
      const truth = r[1] ?? '';
      const entry = recalls.get(truth) ?? { hit: 0, n: 0 };
      entry.n++;
      if (majority(byIsland.get(r[2] ?? '') ?? new Map<string, number>()) === truth) entry.hit++;
      recalls.set(truth, entry);
    }
    const island = [...recalls.values()].reduce((s, e) => s + e.hit / e.n, 0) / recalls.size;
    const scored = leak.scores.find((s) => s.column === 'island');
    assert.ok(scored && Math.abs(scored.balancedAccuracy - island) < 1e-12, JSON.stringify(leak.scores));
    assert.ok(island < 0.95);
    // penguin_id (id-like) shared by train and test, counted independently.
    const trainIds = new Set(train.map((r) => r[0]));
    const testIds = new Set(test.map((r) => r[0]));
    const shared = [...testIds].filter((id) => trainIds.has(id));
    const overlap = report.groupOverlap;
    assert.equal(overlap.source, 'id-like');
    assert.deepEqual(overlap.columns, ['penguin_id']);
    const [sharedPair] = overlap.pairs;
    assert.ok(sharedPair);
    assert.equal(sharedPair.sharedIds, shared.length);
    assert.equal(sharedPair.rowsA, test.filter((r) => trainIds.has(r[0])).length);
    assert.equal(sharedPair.rowsB, train.filter((r) => testIds.has(r[0])).length);
    // No label is unseen (every species is in train); the diagnostics name the copy with its score.
    assert.equal(report.unseenCategories.findings.filter((f) => f.isTarget).length, 0);
    const parsed = parseSplitConfig(yaml, 'yaml');
    const findings = lintParsedSplitConfig(parsed, { dir: path.dirname(file), leakage: report });
    const mls021 = findings.find((f) => f.ruleId === 'MLS021');
    assert.match(mls021?.message ?? '', /species_label 1\.000/);
    assert.equal(mls021?.range.start.line, 2);
    assert.ok(findings.some((f) => f.ruleId === 'MLS017' && /penguin_id/.test(f.message)));
  });
});
