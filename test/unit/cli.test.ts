// The `mlguide` command: runCli with captured output, and the built bin/mlguide.js once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, type CliRun, repoRoot, scratchDir, type ScratchDir } from './support';

interface LintJson {
  version: number;
  files: {
    path: string;
    findings: { ruleId: string; alias: string; severity: string; line: number; column: number; docsUrl: string }[];
  }[];
  summary: { files: number; problems: number };
}

interface ProfileJson {
  version: number;
  file: string;
  bytes: number;
  rows: number;
  delimiter: string;
  encoding: string;
  duplicateRows: number;
  duplicateRowsEstimated: boolean;
  constantColumns: string[];
  idLikeColumns: string[];
  classBalance?: {
    column: string;
    count: number;
    missing: number;
    classes: { value: string | number | boolean; count: number; share: number }[];
    imbalanceRatio: number | null;
  };
  columns: {
    name: string;
    type: string;
    count: number;
    missing: number;
    distinct: number;
    distinctEstimated: boolean;
    min?: number;
    max?: number;
    mean?: number;
    quantiles?: { p5: number; p25: number; p50: number; p75: number; p95: number };
    top: { value: string | number | boolean; count: number }[];
    longTailShare: number;
  }[];
  warnings: { line: number; code: string; message: string }[];
  warningCount: number;
}

/** The book's other documentation items, so the cards below lack only their number of examples. */
const otherItems = [
  '- **How it was collected:** exported from the billing database.',
  '- **Methods used to create it:** `churned` comes from cancellation events; nobody labels by hand.',
  '- **Split:** a random train/test split of the raw data, seed 7.',
  '- **Pre-processing:** duplicates removed before the split.',
  '- **Excluded data:** test accounts.',
  '- **Storage format:** UTF-8 CSV with a header row.',
  '- **Label values:** `churned` is `yes` or `no`.',
  '',
].join('\n');
const missingCount = `# Churn\n\nOne row per customer.\n\n${otherItems}\n## Features\n\nTenure.\n`;
const withCount = `# Churn\n\nThe table holds 7,043 rows.\n\n${otherItems}\n## Features\n\nTenure.\n`;
const yamlCard = [
  'name: churn',
  'description: One row per customer of a subscription service.',
  'collection: Exported from the billing database.',
  'creation: churned comes from cancellation events; nobody labels by hand.',
  'preprocessing: Duplicates removed before the split.',
  'excluded_data: Test accounts.',
  'format: UTF-8 CSV with a header row.',
  'features: [tenure_months, churned]',
  'labels: churned is yes or no.',
  'splits:',
  '  - name: train',
  '    num_examples: 10',
  '',
].join('\n');

let scratch: ScratchDir;
before(() => {
  scratch = scratchDir();
  scratch.write('project/DATASET.md', missingCount);
  scratch.write('project/README.md', '# Project\n\nNot a dataset card.\n');
  scratch.write('project/data/dataset.yaml', yamlCard);
  scratch.write('project/node_modules/pkg/DATASET.md', missingCount);
  scratch.write('clean/DATASET.md', withCount);
  scratch.write('notes.md', missingCount);
  scratch.write('data.csv', 'id,city,temp\n1,Oslo,3.5\n2,"Rome, IT",18.25\n3,Oslo,\n4,Bergen\n');
  scratch.write('semi.csv', 'a;b\n1;2\n3;4\n');
  scratch.write(
    'churn.csv',
    `row,plan,churned\n${Array.from({ length: 40 }, (_, i) => `${i},basic,${i % 4 === 0 ? 'yes' : 'no'}`).join('\n')}\n0,basic,yes\n`,
  );
  scratch.write('empty.csv', '');
  scratch.write('blob.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]));
});
after(() => {
  scratch.remove();
});

describe('mlguide lint', () => {
  it('exits 1 and lists file:line:col for a card missing the count', async () => {
    const run = await cli(['lint', 'project'], scratch.dir);
    assert.equal(run.code, 1);
    const lines = run.out.split('\n');
    assert.deepEqual(
      lines.filter((line) => line.includes('MLG009')),
      [lines[0]],
      'one finding: node_modules is skipped, the YAML card states its count',
    );
    assert.match(lines[0] ?? '', /^project\/DATASET\.md:1:3: warning MLG009\/number-of-examples /);
    assert.equal(lines.at(-1), '1 problem in 2 dataset cards');
  });

  it('prints JSON with --format json: version, files, 1-based line and column', async () => {
    for (const args of [
      ['lint', '--format', 'json', 'project'],
      ['lint', 'project', '--format=json'],
    ]) {
      const run = await cli(args, scratch.dir);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.out) as LintJson;
      assert.equal(report.version, 1);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['project/DATASET.md', 'project/data/dataset.yaml'],
      );
      const [finding] = report.files[0]?.findings ?? [];
      assert.ok(finding);
      assert.equal(finding.ruleId, 'MLG009');
      assert.equal(finding.alias, 'number-of-examples');
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.line, 1);
      assert.equal(finding.column, 3);
      assert.match(finding.docsUrl, /^file:.*\/docs\/rules\/MLG009\.md$/);
      assert.deepEqual(report.files[1]?.findings, []);
      assert.deepEqual(report.summary, { files: 2, problems: 1 });
    }
  });

  it('lints a file named on the command line even when its name is not a card’s', async () => {
    const run = await cli(['lint', 'notes.md'], scratch.dir);
    assert.equal(run.code, 1);
    assert.match(run.out, /^notes\.md:1:3: warning MLG009/);
  });

  it('exits 0 on a clean card', async () => {
    const run = await cli(['lint', 'clean'], scratch.dir);
    assert.equal(run.code, 0);
    assert.equal(run.out, '0 problems in 1 dataset card');
    assert.equal(run.err, '');
  });

  it('exits 2 with a message on an unknown option, no paths, a missing path or a bad format', async () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--fix', 'project'], /unknown option "--fix"/],
      [['lint'], /lint needs at least one file or folder/],
      [['lint', 'nowhere'], /nowhere: no such file or folder/],
      [['lint', '--format', 'xml', 'project'], /--format must be one of text, json, sarif, not "xml"/],
      [['lint', 'project', '--format'], /--format needs a value/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /no command given/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args, scratch.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.err, message, args.join(' '));
      assert.equal(run.out, '', `${args.join(' ')} prints nothing on stdout`);
    }
  });

  it('exits 2 on a binary file named as a card', async () => {
    const run = await cli(['lint', 'blob.csv'], scratch.dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /blob\.csv: looks like a binary file/);
  });

  it('still lints the other cards when one input is binary, and exits 2', async () => {
    const run = await cli(['lint', 'blob.csv', 'notes.md', '--format', 'json'], scratch.dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /blob\.csv: looks like a binary file/);
    const report = JSON.parse(run.out) as { files: { path: string; findings: { ruleId: string }[] }[] };
    assert.deepEqual(
      report.files.map((f) => [f.path, f.findings.map((x) => x.ruleId)]),
      [['notes.md', ['MLG009']]],
    );
  });
});

describe('mlguide profile', () => {
  it('prints the profile as JSON with --json', async () => {
    const run = await cli(['profile', 'data.csv', '--json'], scratch.dir);
    assert.equal(run.code, 0);
    const profile = JSON.parse(run.out) as ProfileJson;
    assert.equal(profile.file, 'data.csv');
    assert.equal(profile.rows, 4);
    assert.equal(profile.delimiter, ',');
    assert.deepEqual(
      profile.columns.map((c) => [c.name, c.type, c.missing]),
      [
        ['id', 'int', 0],
        ['city', 'text', 0],
        ['temp', 'float', 2],
      ],
    );
    const temp = profile.columns[2];
    assert.deepEqual([temp?.min, temp?.max, temp?.mean], [3.5, 18.25, (3.5 + 18.25) / 2]);
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [[5, 'ragged-row']],
    );
    assert.equal(profile.warningCount, 1);
    assert.equal(profile.bytes, readFileSync(path.join(scratch.dir, 'data.csv')).length);
    // The fields added in 0.2: versioned shape, per-column counts, quantiles and top values.
    assert.equal(profile.version, 1);
    assert.equal(profile.encoding, 'utf-8');
    assert.equal(profile.duplicateRows, 0);
    assert.equal(profile.duplicateRowsEstimated, false);
    assert.deepEqual(profile.constantColumns, []);
    assert.deepEqual(
      profile.columns.map((c) => [c.name, c.count, c.distinctEstimated]),
      [
        ['id', 4, false],
        ['city', 4, false],
        ['temp', 2, false],
      ],
    );
    assert.deepEqual(temp?.quantiles, { p5: 4.2375, p25: 7.1875, p50: 10.875, p75: 14.5625, p95: 17.5125 });
    assert.deepEqual(profile.columns[1]?.top, [
      { value: 'Oslo', count: 2 },
      { value: 'Bergen', count: 1 },
      { value: 'Rome, IT', count: 1 },
    ]);
    assert.equal(profile.classBalance, undefined);
  });

  it('reports the class balance of --target, and the dataset-level findings', async () => {
    const run = await cli(['profile', 'churn.csv', '--json', '--target', 'churned'], scratch.dir);
    assert.equal(run.code, 0, run.err);
    const profile = JSON.parse(run.out) as ProfileJson;
    assert.deepEqual(profile.classBalance, {
      column: 'churned',
      count: 41,
      missing: 0,
      classes: [
        { value: 'no', count: 30, share: 30 / 41 },
        { value: 'yes', count: 11, share: 11 / 41 },
      ],
      imbalanceRatio: 30 / 11,
      truncated: false,
      estimated: false,
    });
    assert.equal(profile.duplicateRows, 1, 'the last row repeats the first');
    assert.deepEqual(profile.constantColumns, ['plan']);
    assert.deepEqual(profile.idLikeColumns, [], '"row" repeats 0, so it is no row number');

    const table = await cli(['profile', 'churn.csv', '--target', 'churned'], scratch.dir);
    assert.match(table.out, /\n1 duplicate row; constant columns: plan; id-like columns: none\n/);
    assert.match(
      table.out,
      /\nclass balance of churned: no 30 \(73\.2%\), yes 11 \(26\.8%\); imbalance ratio 2\.72727\n/,
    );
    assert.match(table.out, /\nplan +categorical +0 +1 +basic \(100%\)\n/);
  });

  it('exits 2 naming the columns when --target is not one of them', async () => {
    const run = await cli(['profile', 'churn.csv', '--target', 'label'], scratch.dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /--target: no column named "label" \(the columns are "row", "plan", "churned"\)/);
    assert.equal(run.out, '');
  });

  it('prints a table, with warnings on stderr as file:line', async () => {
    const run = await cli(['profile', 'data.csv'], scratch.dir);
    assert.equal(run.code, 0);
    assert.match(run.out, /^data\.csv: 4 rows, 3 columns, delimiter ",", 1 warning\n/);
    // Since 0.2 the table ends with the median and the most frequent value (none repeats in "temp").
    assert.match(run.out, /\ntemp +float +2 +2 +3\.5 +18\.25 +10\.875 +10\.875$/);
    assert.match(run.out, /\ncity +text +0 +3 +Oslo \(50%\)\n/);
    assert.match(run.err, /^data\.csv:5: warning ragged-row: /);
  });

  it('takes a --delimiter override', async () => {
    const detected = JSON.parse((await cli(['profile', 'semi.csv', '--json'], scratch.dir)).out) as ProfileJson;
    assert.equal(detected.delimiter, ';');
    const forced = await cli(['profile', 'semi.csv', '--json', '--delimiter', ','], scratch.dir);
    assert.equal(forced.code, 0);
    const profile = JSON.parse(forced.out) as ProfileJson;
    assert.equal(profile.delimiter, ',');
    assert.deepEqual(
      profile.columns.map((c) => c.name),
      ['a;b'],
    );
  });

  it('exits 2 naming the file when it is empty, binary or missing', async () => {
    for (const [file, message] of [
      ['empty.csv', /empty\.csv: is empty/],
      ['blob.csv', /blob\.csv: looks like a binary file/],
      ['absent.csv', /absent\.csv: cannot be read/],
    ] as const) {
      const run = await cli(['profile', file], scratch.dir);
      assert.equal(run.code, 2, file);
      assert.match(run.err, message);
      assert.equal(run.out, '');
    }
  });

  it('exits 2 on bad usage', async () => {
    for (const [args, message] of [
      [['profile'], /profile needs exactly one CSV file/],
      [['profile', 'a.csv', 'b.csv'], /profile needs exactly one CSV file/],
      [['profile', 'data.csv', '--json=yes'], /--json takes no value/],
      [['profile', 'data.csv', '--delimiter='], /--delimiter needs a character/],
      [['profile', 'data.csv', '--target='], /--target needs a column name/],
      [['profile', 'data.csv', '--seed', 'x'], /--seed must be an integer, not "x"/],
    ] as const) {
      const run = await cli(args, scratch.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.err, message);
    }
  });
});

describe('bin/mlguide.js (built)', () => {
  function spawnCli(args: readonly string[]): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'mlguide.js'), ...args], { cwd: repoRoot });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    });
  }

  it('lints the example project: exit 1, the card missing its count', async () => {
    assert.ok(existsSync(path.join(repoRoot, 'dist', 'cli.js')), 'run `node scripts/build.mjs` first');
    const run = await spawnCli(['lint', 'examples']);
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /^examples\/DATASET\.md:1:3: warning MLG009\/number-of-examples /m);
    assert.match(run.out, /\d+ problems? in \d+ dataset cards?\n$/);
  });

  it('reports the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const run = await spawnCli(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.out, `${version}\n`);
  });
});
