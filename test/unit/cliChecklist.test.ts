// `mlguide checklist`: the life cycle's status of a project, checks run over its files, CI gating.
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { classifyReport } from '../../server/src/checklist/project';
import { cli, repoRoot, scratchDir, type ScratchDir } from './support';

interface ChecklistJson {
  version: number;
  stages: {
    id: string;
    complete: number;
    applicable: number;
    items: { id: string; status: string; detail?: string; evidence?: string[]; owner?: string; reason?: string }[];
  }[];
  summary: { complete: number; applicable: number; requiredOpen: number };
}

function item(json: ChecklistJson, id: string): ChecklistJson['stages'][number]['items'][number] {
  const found = json.stages.flatMap((s) => s.items).find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

describe('mlguide checklist', () => {
  let project: ScratchDir;
  const example = (name: string): string => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');

  before(async () => {
    project = scratchDir();
    project.write('data/churn.csv', example('data/churn.csv'));
    project.write('data/predictions.csv', example('data/predictions.csv'));
    project.write('churn.split.yaml', example('churn.split.yaml'));
    // The example card with its number of examples stated: it lints clean.
    project.write(
      'DATASET.md',
      example('DATASET.md').replace(/\n## /, '\n## Number of examples\n\n200 examples (data/churn.csv).\n\n## '),
    );
    // Reports written the way the README shows: the commands' JSON saved under reports/.
    const baseline = await cli(['baseline', 'data/churn.csv', '--target', 'churned', '--json'], project.dir);
    assert.equal(baseline.code, 0, baseline.err);
    project.write('reports/baseline.json', baseline.out);
    const evaluation = await cli(
      ['evaluate', 'data/predictions.csv', '--true', 'churned', '--pred', 'predicted', '--json', '--bootstrap', '200'],
      project.dir,
    );
    assert.equal(evaluation.code, 0, evaluation.err);
    project.write('reports/evaluation.json', evaluation.out);
  });
  after(() => project.remove());

  it('ticks what the project shows by itself, with the evidence, and leaves the rest open', async () => {
    const run = await cli(['checklist', '--json'], project.dir);
    assert.equal(run.code, 0, run.err);
    const json = JSON.parse(run.out) as ChecklistJson;
    assert.equal(json.version, 1);
    assert.equal(item(json, 'data.documented').status, 'verified', item(json, 'data.documented').detail);
    assert.deepEqual(item(json, 'data.documented').evidence, ['DATASET.md']);
    assert.equal(item(json, 'data.card-examples').status, 'verified');
    assert.equal(item(json, 'training.baseline').status, 'verified');
    assert.deepEqual(item(json, 'training.baseline').evidence, ['reports/baseline.json']);
    assert.equal(item(json, 'evaluation.offline-with-intervals').status, 'verified');
    assert.equal(item(json, 'evaluation.significant-improvement').status, 'open');
    assert.match(
      item(json, 'evaluation.significant-improvement').detail ?? '',
      /^no comparison report \(mlguide compare … --json or mlguide ab … --json\) in reports\/ or \.mlguide\/reports\/$/,
    );
    assert.equal(item(json, 'problem-framing.objective').status, 'open');
    const data = json.stages.find((s) => s.id === 'data');
    assert.ok(data && data.complete >= 11);
  });

  it('checks split configurations with the split rules: the example passes, a leaky one does not', async () => {
    let json = JSON.parse((await cli(['checklist', '--json'], project.dir)).out) as ChecklistJson;
    assert.equal(item(json, 'data.split-config').status, 'verified', item(json, 'data.split-config').detail);
    assert.equal(item(json, 'data.split-config').detail, 'churn.split.yaml passes the split checks');
    project.write('leaky.split.yaml', example('churn.split.yaml').replace('seed: 42\n', ''));
    json = JSON.parse((await cli(['checklist', '--json'], project.dir)).out) as ChecklistJson;
    assert.equal(item(json, 'data.split-config').status, 'open');
    assert.match(item(json, 'data.split-config').detail ?? '', /^leaky\.split\.yaml has 1 problem \(MLS006\)$/);
    await fs.rm(path.join(project.dir, 'leaky.split.yaml'));
  });

  it('fails CI while required items of the named stages are open, and names them', async () => {
    const run = await cli(['checklist', '--require', 'problem-framing'], project.dir);
    assert.equal(run.code, 1);
    assert.match(run.out, /2 required items open in problem-framing/);
    assert.match(run.out, /\[ \] The problem has a simple, measurable objective \(required\)/);
    const unknown = await cli(['checklist', '--require', 'training2'], project.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown stage "training2"/);
  });

  it('takes the team’s ticks, notes, owners and not-applicable reasons from .mlguide/checklist.yaml', async () => {
    project.write(
      '.mlguide/checklist.yaml',
      [
        'version: 1',
        'items:',
        '  problem-framing.objective: { status: done, owner: ana, note: churn within 30 days }',
        '  problem-framing.why-ml: { status: not-applicable, reason: rules were tried first }',
        '',
      ].join('\n'),
    );
    const run = await cli(['checklist', '--require', 'problem-framing'], project.dir);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /\[x\] The problem has a simple, measurable objective \(required, owner ana\)/);
    assert.match(run.out, /note: churn within 30 days/);
    assert.match(run.out, /n\/a: rules were tried first/);
    assert.match(run.out, /Problem framing {2}1\/5/);
  });

  it('records verifications with --write, then un-ticks an item with the reason when it stops holding', async () => {
    const written = await cli(['checklist', '--write'], project.dir);
    assert.equal(written.code, 0, written.err);
    const state = readFileSync(path.join(project.dir, '.mlguide/checklist.yaml'), 'utf8');
    assert.match(
      state,
      /^ {2}data\.documented: \{ status: verified, evidence: \[DATASET\.md\], at: \d{4}-\d\d-\d\d \}$/m,
    );
    assert.match(state, /problem-framing\.objective: \{ status: done, owner: ana, note: churn within 30 days \}/);
    // The card loses its number of examples: the item that was verified no longer holds.
    project.write('DATASET.md', example('DATASET.md'));
    const run = await cli(['checklist', '--json'], project.dir);
    const json = JSON.parse(run.out) as ChecklistJson;
    assert.equal(item(json, 'data.documented').status, 'no-longer-holds');
    assert.match(item(json, 'data.documented').reason ?? '', /DATASET\.md has 1 problem \(MLG009\)/);
    await cli(['checklist', '--write'], project.dir);
    assert.match(
      readFileSync(path.join(project.dir, '.mlguide/checklist.yaml'), 'utf8'),
      /data\.documented: \{ status: open, reason: "no longer holds: DATASET\.md has 1 problem \(MLG009\)", at: /,
    );
  });

  it('reports a conflicted state file with its line, exits 2, and does not write over it', async () => {
    const conflicted = 'version: 1\nitems:\n<<<<<<< HEAD\n  data.versioned: done\n=======\n>>>>>>> theirs\n';
    project.write('.mlguide/checklist.yaml', conflicted);
    const run = await cli(['checklist', '--write'], project.dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /\.mlguide\/checklist\.yaml:3: unresolved merge conflict/);
    assert.equal(readFileSync(path.join(project.dir, '.mlguide/checklist.yaml'), 'utf8'), conflicted);
  });

  it('tells reports apart by their shape, and ignores other JSON', () => {
    assert.equal(classifyReport('a.json', '{"version":1,"target":"y","baselines":[]}')?.kind, 'baseline');
    assert.equal(classifyReport('a.json', '{"version":1,"task":"classification","metrics":{}}')?.withIntervals, false);
    assert.equal(
      classifyReport('a.json', '{"task":"regression","metrics":{"r2":{"value":0.5,"ci":[0.4,0.6]}}}')?.withIntervals,
      true,
    );
    assert.equal(classifyReport('package.json', '{"name":"x","version":"1.0.0"}'), undefined);
    assert.equal(classifyReport('a.json', 'not json'), undefined);
    assert.equal(classifyReport('r.md', '# Report\n<!-- mlguide-report: drift -->\n')?.kind, 'drift');
  });
});
