// The life-cycle checklist: its content files, the team's state file (also under concurrent
// requests), and the status of each item.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildChecklist, parseStageFile, type ChecklistStage, type VerifyKind } from '../../core/src/checklist/content';
import { parseChecklistState, serializeChecklistState, type ItemState } from '../../core/src/checklist/state';
import { checklistStatus, recordVerifications, type Verification } from '../../core/src/checklist/status';
import { checklistResult, setChecklistItem } from '../../server/src/checklist/requests';
import { findRule } from '../../server/src/rules/registry';
import { repoRoot, scratchDir } from './support';

const contentDir = path.join(repoRoot, 'checklist');
const contentFiles = readdirSync(contentDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({ file: name, text: readFileSync(path.join(contentDir, name), 'utf8') }));

describe('checklist content (checklist/*.yaml)', () => {
  const { stages, problems } = buildChecklist(contentFiles);

  it('parses without a problem', () => {
    assert.deepEqual(problems, []);
  });

  it("has the book's life cycle as stages, in order", () => {
    assert.deepEqual(
      stages.map((s) => s.id),
      [
        'problem-framing',
        'before-the-project',
        'data',
        'features',
        'training',
        'evaluation',
        'deployment',
        'serving-monitoring',
      ],
    );
  });

  it('gives every item a reason, and a chapter exactly when it is from the book', () => {
    for (const item of stages.flatMap((s) => s.items)) {
      assert.ok(item.why.length > 40, `${item.id} explains why`);
      assert.equal(item.chapter !== undefined, item.fromBook, `${item.id}: chapter iff from the book`);
    }
  });

  it('marks the items of the empty chapters (training part 2, serving) as not from the book', () => {
    const own = stages.flatMap((s) => s.items.filter((i) => !i.fromBook).map((i) => i.id));
    assert.ok(own.includes('training.hyperparameters') && own.includes('training.imbalance'));
    assert.ok(stages.find((s) => s.id === 'serving-monitoring')?.items.every((i) => !i.fromBook));
  });

  it('covers the four split conditions and the ten documentation fields, each doc field checked by its rule', () => {
    const ids = stages.flatMap((s) => s.items.map((i) => i.id));
    for (const id of ['data.randomized', 'data.raw-split', 'data.same-distribution', 'data.no-leakage']) {
      assert.ok(ids.includes(id), id);
    }
    const ruleItems = stages.flatMap((s) => s.items).filter((i) => i.verify?.startsWith('card-rule:'));
    assert.equal(ruleItems.length, 10);
    for (const item of ruleItems) assert.ok(findRule(item.verify?.slice('card-rule:'.length) ?? ''), item.id);
  });

  it('reports mistakes in a stage file with their lines', () => {
    const text = [
      'stage: data',
      'title: Data',
      'summary: s',
      'items:',
      '  - id: data.ok',
      '    title: Fine',
      '    why: Because.',
      '  - id: other.wrong',
      '    title: Wrong stage',
      '    why: x',
      '  - id: data.bad-verify',
      '    title: T',
      '    why: W',
      '    verify: magic',
    ].join('\n');
    const parsed = parseStageFile(text, 'x.yaml');
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.message.split(';')[0]]),
      [
        [8, 'item id must be "data.<slug>" (lower case), got "other.wrong"'],
        [11, 'data.bad-verify: unknown verify "magic"'],
      ],
    );
    assert.deepEqual(
      parsed.stage?.items.map((i) => i.id),
      ['data.ok', 'data.bad-verify'],
    );
    assert.equal(parseStageFile('items: [', 'y.yaml').problems[0]?.file, 'y.yaml');
  });
});

const STAGES: ChecklistStage[] = [
  {
    id: 'data',
    title: 'Data',
    summary: 'Data',
    items: [
      {
        id: 'data.card',
        title: 'Card lints clean',
        why: 'w',
        fromBook: true,
        verify: 'dataset-card-clean',
        required: true,
      },
      { id: 'data.sampling', title: 'Sampling', why: 'w', fromBook: true, required: false },
      { id: 'data.versioned', title: 'Versioned', why: 'w', fromBook: true, required: true },
    ],
  },
];
const ORDER = STAGES.flatMap((s) => s.items.map((i) => i.id));

describe('checklist state file', () => {
  it('round-trips, one item per line in the checklist order, unknown items kept after', () => {
    const text = [
      'version: 1',
      'items:',
      '  future.item: { status: done, since: 2030 }',
      '  data.versioned: { status: not-applicable, reason: "single labeler: ours" }',
      '  data.sampling: { status: done, owner: ana, note: "stratified by region\\nsee #12" }',
      '',
    ].join('\n');
    const state = parseChecklistState(text);
    assert.deepEqual(state.problems, []);
    assert.ok(state.writable);
    const written = serializeChecklistState(state.items, ORDER);
    const itemLines = written.split('\n').filter((line) => line.startsWith('  '));
    assert.deepEqual(
      itemLines.map((line) => line.trim().split(':')[0]),
      ['data.sampling', 'data.versioned', 'future.item'],
    );
    assert.match(written, /future\.item: \{ status: done, since: 2030 \}/);
    const again = parseChecklistState(written);
    assert.deepEqual(
      [...again.items],
      ['data.sampling', 'data.versioned', 'future.item'].map((id) => [id, state.items.get(id)]),
    );
    assert.equal(again.items.get('data.sampling')?.note, 'stratified by region\nsee #12');
    assert.equal(serializeChecklistState(again.items, ORDER), written, 'writing twice gives the same text');
  });

  it('keeps hostile text as data', () => {
    const items = new Map<string, ItemState>([
      ['data.sampling', { status: 'done', note: '"}: [x] # not a comment\n- &a *b <script>', owner: 'null' }],
    ]);
    const back = parseChecklistState(serializeChecklistState(items, ORDER));
    assert.deepEqual(back.items.get('data.sampling'), items.get('data.sampling'));
  });

  it('refuses to be written over when a merge conflict is left in it, naming the line', () => {
    const state = parseChecklistState(
      'version: 1\nitems:\n<<<<<<< HEAD\n  data.sampling: done\n=======\n  data.sampling: open\n>>>>>>> b\n',
    );
    assert.equal(state.writable, false);
    assert.equal(state.problems[0]?.line, 3);
    assert.match(state.problems[0].message, /merge conflict/);
  });

  it('reports malformed files and bad values with their lines, and refuses to write over them', () => {
    const broken = parseChecklistState('items:\n  data.sampling: { status: done\n');
    assert.equal(broken.writable, false);
    assert.ok(broken.problems.length > 0);
    const bad = parseChecklistState(
      'items:\n  data.sampling: finished\n  data.card: { status: done, evidence: {a: 1} }\n',
    );
    assert.deepEqual(
      bad.problems.map((p) => [p.line, p.message]),
      [
        [2, 'data.sampling: status must be one of open, done, not-applicable, verified, not "finished"'],
        [3, 'data.card: evidence must be a path or a list of paths'],
      ],
    );
    assert.equal(bad.writable, false);
    const newer = parseChecklistState('version: 2\nitems: {}\n');
    assert.equal(newer.writable, false);
    assert.deepEqual(parseChecklistState('').problems, []);
    assert.deepEqual(
      parseChecklistState('- a\n').problems.map((p) => p.line),
      [1],
    );
  });
});

describe('checklist status', () => {
  const clean: Verification = { holds: true, evidence: ['DATASET.md'], detail: 'DATASET.md lints clean' };
  const dirty: Verification = { holds: false, evidence: ['DATASET.md'], detail: 'DATASET.md has 2 problems' };
  const checks = (v: Verification): Map<VerifyKind, Verification> => new Map([['dataset-card-clean', v]]);

  it('ticks an automatic item while its check holds, and counts progress over the items that apply', () => {
    const recorded = new Map<string, ItemState>([
      ['data.versioned', { status: 'not-applicable', reason: 'one labeler' }],
    ]);
    const stage = checklistStatus(STAGES, recorded, checks(clean))[0];
    assert.ok(stage);
    assert.deepEqual(
      stage.items.map((v) => v.status),
      ['verified', 'open', 'not-applicable'],
    );
    assert.equal(stage.complete, 1);
    assert.equal(stage.applicable, 2);
    assert.deepEqual(stage.openRequired, []);
    assert.deepEqual(stage.items[0]?.verification?.evidence, ['DATASET.md']);
  });

  it('records a verification, then un-ticks the item with the reason when it stops holding', () => {
    const first = recordVerifications(STAGES, new Map(), checks(clean), '2026-11-27');
    assert.deepEqual(first?.get('data.card'), { status: 'verified', evidence: ['DATASET.md'], at: '2026-11-27' });
    assert.equal(recordVerifications(STAGES, first, checks(clean), '2026-11-28'), undefined);
    const stale = recordVerifications(STAGES, first, checks(dirty), '2026-11-29');
    assert.deepEqual(stale?.get('data.card'), {
      status: 'open',
      reason: 'no longer holds: DATASET.md has 2 problems',
      at: '2026-11-29',
    });
    const stage = checklistStatus(STAGES, stale, checks(dirty))[0];
    assert.ok(stage);
    assert.equal(stage.items[0]?.status, 'no-longer-holds');
    assert.equal(stage.items[0].reason, 'DATASET.md has 2 problems');
    assert.deepEqual(
      stage.openRequired.map((v) => v.item.id),
      ['data.card', 'data.versioned'],
    );
    const fixed = recordVerifications(STAGES, stale, checks(clean), '2026-11-30');
    assert.deepEqual(fixed?.get('data.card'), { status: 'verified', evidence: ['DATASET.md'], at: '2026-11-30' });
  });

  it('lets a team tick, note and own items by hand', () => {
    const recorded = new Map<string, ItemState>([
      ['data.sampling', { status: 'done', owner: 'ana', note: 'stratified' }],
      ['data.card', { status: 'done' }],
    ]);
    const stage = checklistStatus(STAGES, recorded, checks(dirty))[0];
    assert.ok(stage);
    assert.deepEqual(
      stage.items.map((v) => [v.status, v.owner ?? '']),
      [
        ['done', ''],
        ['done', 'ana'],
        ['open', ''],
      ],
    );
  });
});

describe('checklist state file under concurrent requests', () => {
  it("keeps a tick made while the project's checks run: their results are merged into the file as it is when they end", async () => {
    const project = scratchDir();
    try {
      const example = (name: string): string => readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
      project.write('DATASET.md', example('DATASET.md'));
      project.write('data/churn.csv', example('data/churn.csv'));
      // The item is in the file already (opened by someone earlier), so the checks read it too.
      const stateFile = project.write(
        '.mlguide/checklist.yaml',
        'version: 1\nitems:\n  problem-framing.objective: { status: open, at: 2026-01-05 }\n',
      );
      // The checks start first and read the project; the team ticks an item before they end.
      const checked = checklistResult(project.dir, true);
      const refused = await setChecklistItem(project.dir, { itemId: 'problem-framing.objective', status: 'done' });
      assert.equal(refused, undefined);
      await checked;
      const written = readFileSync(stateFile, 'utf8');
      assert.match(written, /^ {2}problem-framing\.objective: \{ status: done, at: \d{4}-\d\d-\d\d \}$/m);
      // …and the checks' own results were recorded beside it.
      assert.match(written, /^ {2}data\.card-meaning: \{ status: verified, evidence: \[/m);
    } finally {
      project.remove();
    }
  });
});
