// Comparing two models whose predictions are in two files, matched by an id column or by position.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareFile } from '../../server/src/engine/jobs/compare';
import { readCsvFile } from '../../server/src/engine/jobs/reader';
import { cli, scratchDir, type ScratchDir } from './support';

describe('compare with model B in a second file', () => {
  let dir: ScratchDir;
  let a: string;
  let b: string;

  before(() => {
    dir = scratchDir();
    // Truth alternates a, b; model A gets rows 2 and 5 wrong; model B (shuffled, with an extra
    // row 9 and a repeated id 3) gets every row right.
    a = dir.write('a.csv', 'id,y,pred\n1,a,a\n2,b,a\n3,a,a\n4,b,b\n5,a,b\n6,b,b\n');
    b = dir.write('b.csv', 'id,pred\n6,b\n5,a\n4,b\n3,a\n3,b\n2,b\n1,a\n9,a\n');
  });
  after(() => dir.remove());

  it('matches rows on an id column, whatever their order, and says what did not match', async () => {
    const report = await compareFile(
      a,
      { truth: 'y', a: 'pred', b: 'pred', other: b, joinOn: 'id', bootstrap: false },
      readCsvFile,
    );
    assert.equal(report.rows, 6);
    assert.equal(report.metrics.accuracy?.a, 4 / 6);
    assert.equal(report.metrics.accuracy.b, 1);
    assert.deepEqual([report.mcnemar.b, report.mcnemar.c], [0, 2]);
    assert.deepEqual(report.join, { other: b, on: 'id', unmatched: 0, duplicateIds: 1 });
  });

  it('matches rows by position without an id, counting the rows left over', async () => {
    const report = await compareFile(a, { truth: 'y', a: 'pred', b: 'pred', other: b, bootstrap: false }, readCsvFile);
    // Position i of b.csv against the truth of row i of a.csv: b, a, b, a, b, b against
    // a, b, a, b, a, b — only the sixth is right.
    assert.equal(report.metrics.accuracy?.b, 1 / 6);
    assert.deepEqual(report.join, { other: b, on: 'row', unmatched: 2, duplicateIds: 0 });
  });

  it('is `mlguide compare --with --join-on`, and refuses --join-on alone', async () => {
    const run = await cli(
      [
        'compare',
        'a.csv',
        '--true',
        'y',
        '--a',
        'pred',
        '--b',
        'pred',
        '--with',
        'b.csv',
        '--join-on',
        'id',
        '--json',
        '--bootstrap',
        '0',
      ],
      dir.dir,
    );
    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out) as { join: { other: string; on: string } };
    assert.deepEqual([json.join.other, json.join.on], ['b.csv', 'id']);
    const bad = await cli(
      ['compare', 'a.csv', '--true', 'y', '--a', 'pred', '--b', 'pred', '--join-on', 'id'],
      dir.dir,
    );
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--join-on needs --with <file>/);
    const missing = await cli(
      ['compare', 'a.csv', '--true', 'y', '--a', 'pred', '--b', 'nope', '--with', 'b.csv'],
      dir.dir,
    );
    assert.equal(missing.code, 2);
    assert.match(missing.err, /b\.csv/);
  });
});
