// `mlguide lint` on split configurations, run in process as a user runs it from a project folder.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, repoRoot, scratchDir, type ScratchDir } from './support';

const LEAKY = `data: data/churn.csv
target: churned
shuffle: true
strategy: stratified
group_by: customer_id
sizes: { train: 0.7, validation: 0.15, test: 0.15 }
margin: 0.18
preprocessing:
  before_split: [smote]
`;

describe('mlguide lint: split configurations', () => {
  let scratch: ScratchDir;

  before(() => {
    scratch = scratchDir();
    mkdirSync(path.join(scratch.dir, 'project', 'data'), { recursive: true });
    copyFileSync(
      path.join(repoRoot, 'examples', 'data', 'churn.csv'),
      path.join(scratch.dir, 'project', 'data', 'churn.csv'),
    );
    copyFileSync(
      path.join(repoRoot, 'examples', 'churn.split.yaml'),
      path.join(scratch.dir, 'project', 'churn.split.yaml'),
    );
    scratch.write('project/leaky.split.yaml', LEAKY);
    scratch.write(
      'project/config/split.json',
      '{ "data": "../data/churn.csv", "group_by": "customer_id", "seed": 1 "shuffle": true, "sizes": { "train": 0.7, "test": 0.3 }, "margin": 0.2 }\n',
    );
  });

  after(() => scratch.remove());

  it('finds split files in folders and reports their findings in the text format', async () => {
    const run = await cli(['lint', 'project'], scratch.dir);
    assert.equal(run.code, 1);
    const lines = run.out.split('\n');
    assert.deepEqual(
      lines.slice(0, 3).map((line) => line.replace(/ .*/, '')),
      ['project/config/split.json:1:69:', 'project/leaky.split.yaml:4:1:', 'project/leaky.split.yaml:9:18:'],
    );
    assert.match(lines[0] ?? '', /: error MLS001\/split-syntax JSON: a comma \(,\) is expected between entries$/);
    assert.match(lines[1] ?? '', /: warning MLS006\/split-seed no seed for strategy stratified/);
    assert.match(lines[2] ?? '', /: error MLS007\/fitted-before-split "smote" is over- or under-sampling/);
    assert.ok(!run.out.includes('churn.split.yaml:'), 'the bundled example is clean');
    assert.equal(lines.at(-1), '3 problems in 3 split configurations');
  });

  it('gives the same findings as JSON, and exits 0 on the clean example alone', async () => {
    const run = await cli(['lint', '--format', 'json', 'project/leaky.split.yaml'], scratch.dir);
    const report = JSON.parse(run.out) as {
      files: { path: string; findings: { ruleId: string; line: number; column: number; docsUrl: string }[] }[];
      summary: { files: number; problems: number };
    };
    assert.deepEqual(
      report.files.map((f) => [f.path, f.findings.map((x) => [x.ruleId, x.line, x.column])]),
      [
        [
          'project/leaky.split.yaml',
          [
            ['MLS006', 4, 1],
            ['MLS007', 9, 18],
          ],
        ],
      ],
    );
    assert.match(report.files[0]?.findings[0]?.docsUrl ?? '', /docs\/rules\/MLS006\.md$/);
    assert.deepEqual(report.summary, { files: 1, problems: 2 });
    const clean = await cli(['lint', 'project/churn.split.yaml'], scratch.dir);
    assert.equal(clean.code, 0);
    assert.equal(clean.out, '0 problems in 1 split configuration');
  });

  it('follows .mlguide.yaml severities and refuses data outside the workspace', async () => {
    scratch.write('strict/.mlguide.yaml', 'rules:\n  split-seed: off\n  MLS007: warning\n');
    scratch.write('strict/leaky.split.yaml', LEAKY.replace('data/churn.csv', '../../outside.csv'));
    const run = await cli(['lint', 'strict'], path.join(scratch.dir));
    assert.deepEqual(
      run.out.split('\n').map((line) => line.replace(/^(\S+): (\w+) (\S+) .*$/, '$1 $2 $3')),
      [
        'strict/leaky.split.yaml:1:7 error MLS014/split-data-path',
        'strict/leaky.split.yaml:9:18 warning MLS007/fitted-before-split',
        '2 problems in 1 split configuration',
      ],
    );
    assert.match(run.out, /outside the workspace/);
    // Ids and aliases of split rules are known to .mlguide.yaml: no config warning.
    assert.equal(run.err, '');
  });
});
