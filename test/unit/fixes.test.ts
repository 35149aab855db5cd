// The MLG009 quick fix: where the "Number of examples" section goes, what it says, and that the
// card passes afterwards when the row count could be filled in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countLinkedData, insertSectionEdit, type CountedDataFile } from '../../server/src/fixes';
import { lintDatasetCard } from '../../server/src/lint';
import { cardRules } from '../../server/src/rules/registry';
import type { InsertSectionFix } from '../../server/src/rules/types';
import { applyEdit, scratchDir, type ScratchDir } from './support';

const TODAY = '2026-01-15';

/** MLG009's findings on `text` (the other book items are other rules' business here). */
function mlg009Findings(text: string): ReturnType<typeof lintDatasetCard> {
  return lintDatasetCard(text, 'markdown').filter((f) => f.ruleId === 'MLG009');
}

/** Lints `text`, expects exactly one MLG009 finding with a fix, and returns both. */
function mlg009Fix(text: string): { fix: InsertSectionFix; titleLine: number } {
  const findings = mlg009Findings(text);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['MLG009'],
  );
  const fix = findings[0]?.fix;
  assert.ok(fix, 'MLG009 offers a fix on a Markdown card');
  assert.equal(fix.kind, 'insert-section');
  assert.equal(fix.heading, 'Number of examples');
  return { fix, titleLine: findings[0]?.range.start.line ?? -1 };
}

/** Applies the fix to `text` with `data` and returns the new text. */
function fixed(text: string, data: readonly CountedDataFile[]): string {
  const { fix } = mlg009Fix(text);
  return applyEdit(text, insertSectionEdit(fix, text.split(/\r?\n/), data, TODAY));
}

function csv(rows: number): string {
  return `id,value\n${Array.from({ length: rows }, (_, i) => `${i},${i * 2}`).join('\n')}\n`;
}

const card = [
  '# Customer churn', // 0
  '',
  'This card documents [the customer table](data/churn.csv).',
  '',
  '## What the data means', // 4
  '',
  'One row per customer.',
  '',
].join('\n');

let scratch: ScratchDir;
before(() => {
  scratch = scratchDir();
});
after(() => {
  scratch.remove();
});

describe('insertSectionEdit', () => {
  it('inserts the section before the first heading after the title', () => {
    const { fix } = mlg009Fix(card);
    assert.equal(fix.line, 4);
    assert.equal(fix.level, 2);
    const edit = insertSectionEdit(fix, card.split('\n'), [], TODAY);
    assert.deepEqual(edit.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } });
    const lines = applyEdit(card, edit).split('\n');
    const heading = lines.indexOf('## Number of examples');
    assert.equal(heading, 4);
    assert.ok(lines.indexOf('## What the data means') > heading);
    assert.match(lines.slice(heading, lines.indexOf('## What the data means')).join('\n'), /<!-- How many examples/);
  });

  it('writes the counted rows of linked data, and the card then passes', () => {
    const data = [{ link: 'data/churn.csv', rows: 7043 }];
    const result = fixed(card, data);
    assert.ok(
      result.includes('- `data/churn.csv`: 7,043 examples (data rows, header excluded), counted on 2026-01-15.'),
    );
    assert.deepEqual(mlg009Findings(result), []);
  });

  it('still reports MLG009 after inserting only the prompt, when no data is linked', () => {
    const result = fixed(card, []);
    assert.ok(result.includes('## Number of examples'));
    const findings = mlg009Findings(result);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line]),
      [['MLG009', 0]],
    );
  });

  it('appends the section at the end when the title is the only heading', () => {
    for (const text of ['# Sensor data\n\nReadings from the floor.', '# Sensor data\n\nReadings from the floor.\n']) {
      const { fix } = mlg009Fix(text);
      assert.equal(fix.level, 2, 'one level below the title');
      const result = fixed(text, [{ link: 'readings.csv', rows: 12 }]);
      assert.ok(
        result.startsWith('# Sensor data\n\nReadings from the floor.\n\n## Number of examples\n\n<!-- '),
        result,
      );
      assert.ok(result.includes('- `readings.csv`: 12 examples'));
      assert.deepEqual(mlg009Findings(result), []);
    }
  });

  it('matches the level of the heading it is inserted before', () => {
    const text = '## Weather\n\nHourly readings.\n\n### Columns\n\nTemperature.\n';
    const { fix } = mlg009Fix(text);
    assert.equal(fix.level, 3);
    const result = fixed(text, [{ link: 'weather.csv', rows: 8760 }]);
    assert.ok(result.includes('\n### Number of examples\n'));
    assert.ok(result.indexOf('### Number of examples') < result.indexOf('### Columns'));
    assert.deepEqual(mlg009Findings(result), []);
  });

  it('puts the section after front matter, in the body', () => {
    const text = '---\ntask_categories:\n- tabular-classification\n---\n\n# Churn\n\n## Features\n\nTenure.\n';
    const result = fixed(text, [{ link: 'churn.csv', rows: 200 }]);
    assert.ok(
      result.startsWith('---\ntask_categories:\n- tabular-classification\n---\n\n# Churn\n\n## Number of examples'),
    );
    assert.deepEqual(mlg009Findings(result), []);
  });
});

describe('countLinkedData', () => {
  it('counts the data rows of the local CSV and TSV files a card links to', async () => {
    scratch.write('cards/data/churn.csv', csv(1234));
    scratch.write('cards/data/split.tsv', 'a\tb\n1\t2\n3\t4\n');
    scratch.write('cards/my data.csv', csv(3));
    scratch.write('cards/notes.txt', 'not data');
    const cardText = [
      '# Churn',
      '',
      '- [main table](data/churn.csv)',
      '- [again](data/churn.csv#L10) and [raw](data/churn.csv?raw=1)',
      '- [split](./data/split.tsv)',
      '- [spaces](my%20data.csv)',
      '- [remote](https://example.com/data/churn.csv)',
      '- [gone](data/missing.csv)',
      '- [notes](notes.txt)',
      '',
    ].join('\n');
    const counted = await countLinkedData(scratch.write('cards/DATASET.md', cardText), cardText);
    assert.deepEqual(counted, [
      { link: 'data/churn.csv', rows: 1234 },
      { link: './data/split.tsv', rows: 2 },
      { link: 'my%20data.csv', rows: 3 },
    ]);
  });

  it('counts again when the linked file changes', async () => {
    const cardText = '# T\n\nSee [data](table.csv).\n';
    const cardPath = scratch.write('recount/DATASET.md', cardText);
    scratch.write('recount/table.csv', csv(5));
    assert.deepEqual(await countLinkedData(cardPath, cardText), [{ link: 'table.csv', rows: 5 }]);
    scratch.write('recount/table.csv', csv(50));
    assert.deepEqual(await countLinkedData(cardPath, cardText), [{ link: 'table.csv', rows: 50 }]);
  });

  it('feeds the fix: a card linking its data passes once the fix is applied', async () => {
    scratch.write('end-to-end/data/churn.csv', csv(200));
    const cardPath = scratch.write('end-to-end/DATASET.md', card);
    const counted = await countLinkedData(cardPath, card);
    assert.deepEqual(counted, [{ link: 'data/churn.csv', rows: 200 }]);
    const result = fixed(card, counted);
    assert.ok(result.includes('`data/churn.csv`: 200 examples'));
    assert.deepEqual(mlg009Findings(result), []);
  });
});

describe('insertSectionEdit: line endings', () => {
  it("writes the card's own CRLF line endings, before a heading and at the end", () => {
    const data: CountedDataFile[] = [{ link: 'data.csv', rows: 12 }];
    for (const text of ['# Title\r\n\r\n## Fields\r\n\r\nx\r\n', '# Title\r\n\r\nSome text.']) {
      const { fix } = mlg009Fix(text);
      const edit = insertSectionEdit(fix, text.split(/\r?\n/), data, TODAY, '\r\n');
      assert.ok(edit.newText.includes('\r\n'), JSON.stringify(edit.newText));
      assert.equal(edit.newText.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    }
  });
});

describe('the card skeleton with rules switched off', () => {
  const bare = '# Customer churn\n\nOne row per customer of a subscription service, one month each.\n';

  /** The skeleton a lint run offers: its title and the headings it writes. */
  function skeletonOf(findings: ReturnType<typeof lintDatasetCard>): { title: string; headings: string[] } {
    const carriers = findings.filter((f) => f.fix?.kind === 'edit');
    assert.equal(carriers.length, 1, 'one finding carries the skeleton');
    const fix = carriers[0]?.fix;
    assert.ok(fix?.kind === 'edit');
    const headings = (fix.edits[0]?.newText ?? '').split('\n').filter((line) => line.startsWith('#'));
    return { title: fix.title, headings };
  }

  it('leaves out the section of a rule switched off, and counts it no more', () => {
    // Off first, then on: the skeleton remembered for the card is not the one for other settings.
    const off = skeletonOf(lintDatasetCard(bare, 'markdown', { severities: { MLG007: 'off' } }));
    const all = skeletonOf(lintDatasetCard(bare, 'markdown'));
    assert.ok(all.headings.includes('## Storage format'));
    assert.deepEqual(
      off.headings,
      all.headings.filter((heading) => heading !== '## Storage format'),
    );
    assert.ok(!off.headings.some((heading) => /storage/i.test(heading)));
    assert.equal(off.title, `Insert a card skeleton for book (${String(off.headings.length)} missing sections)`);
    assert.equal(all.title, `Insert a card skeleton for book (${String(all.headings.length)} missing sections)`);
    // And on again, the same text: Storage format is back.
    assert.deepEqual(skeletonOf(lintDatasetCard(bare, 'markdown', { severities: { MLG007: 'off' } })), off);
  });

  it('asks whether more than half of the sections whose rules run are missing', () => {
    const text = [
      bare,
      '## How it was collected',
      '',
      'Exported monthly from the billing database.',
      '',
      '## Methods used to create it',
      '',
      'The churn flag is derived from the cancellation date by a script; nobody labels by hand.',
      '',
      '## Train, validation and test split',
      '',
      'Split by customer, before any pre-processing: 80 % train, 20 % test.',
      '',
    ].join('\n');
    // Four of nine sections stated, five missing: the skeleton.
    const all = lintDatasetCard(text, 'markdown');
    assert.deepEqual(skeletonOf(all).headings, [
      '## Pre-processing steps',
      '## Excluded data',
      '## Storage format',
      '## Types of attributes',
      '## Label values',
    ]);
    // With one of the missing sections' rules off, four of eight are missing: each inserts itself.
    const findings = lintDatasetCard(text, 'markdown', { severities: { MLG005: 'off' } });
    const missing = findings.filter((f) => /^The card does not say .*: no "/.test(f.message));
    assert.deepEqual(
      missing.map((f) => [f.ruleId, f.fix?.kind]),
      ['MLG006', 'MLG007', 'MLG008', 'MLG010'].map((id) => [id, 'insert-section']),
    );
  });

  it('with every rule off but one, that rule inserts its own section in its place', () => {
    const severities = Object.fromEntries(
      cardRules.filter((rule) => rule.id !== 'MLG007').map((rule) => [rule.id, 'off' as const]),
    );
    const findings = lintDatasetCard(bare, 'markdown', { severities });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['MLG007'],
    );
    const fix = findings[0]?.fix;
    assert.ok(fix?.kind === 'insert-section', 'a one-section skeleton is its own section');
    assert.equal(fix.heading, 'Storage format');
    assert.equal(fix.title, 'Insert a "Storage format" section');
  });

  it('with two rules running, the skeleton holds their two sections', () => {
    const severities = Object.fromEntries(
      cardRules.filter((rule) => !['MLG007', 'MLG010'].includes(rule.id)).map((rule) => [rule.id, 'off' as const]),
    );
    const findings = lintDatasetCard(bare, 'markdown', { severities });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['MLG007', 'MLG010'],
    );
    assert.deepEqual(skeletonOf(findings), {
      title: 'Insert a card skeleton for book (2 missing sections)',
      headings: ['## Storage format', '## Label values'],
    });
    assert.equal(findings[1]?.fix?.kind, 'insert-section');
  });
});
