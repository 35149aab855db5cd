// The card checked against its data: how claims are read (counts, ranges, types), which files a
// card points at, the facts cache, the rules' quick fixes applied and re-linted, `mlguide lint`
// with stale facts, and the bundled example telling the truth about its data.
import assert from 'node:assert/strict';
import { promises as fs, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { cardDataFor } from '../../server/src/cardData/cardData';
import { cardClaims, forgetCardClaims } from '../../server/src/cardData/claims';
import { dataInputs, expandInputs, splitOfFileName } from '../../server/src/cardData/findData';
import { countHolds, parseCount, parseRanges, parseStatedType } from '../../server/src/cardData/numbers';
import { DataFactsCache } from '../../server/src/cardData/readData';
import type { CardData } from '../../server/src/cardData/types';
import { lintDatasetCard, type LintFinding } from '../../server/src/lint';
import { forgetParsedCards, parseDatasetCard } from '../../server/src/parse/datasetCard';
import { dataRules } from '../../server/src/rules/data';
import { forgetProseParagraphs } from '../../server/src/rules/prose';
import { applyEdit, cli, corpusDir, repoRoot, scratchDir, type ScratchDir } from './support';

describe('parseCount: counts as cards write them', () => {
  const cases: [string, number, number, number][] = [
    // text, value, lowest and highest row count accepted
    ['10,000', 10_000, 10_000, 10_000],
    ['10 000', 10_000, 10_000, 10_000],
    ['10\u202f000', 10_000, 10_000, 10_000],
    ['10.000', 10_000, 10_000, 10_000],
    ['7043', 7043, 7043, 7043],
    ['10k', 10_000, 9_500, 10_499],
    ['1.2M', 1_200_000, 1_150_000, 1_249_999],
    ['50 thousand', 50_000, 49_500, 50_499],
    ['about 10,000', 10_000, 9_500, 10_500],
    ['approximately 200', 200, 190, 210],
    ['~10k', 10_000, 9_500, 10_500],
    ['more than 1,000', 1000, 1001, Infinity],
    ['at least 1,000', 1000, 1000, Infinity],
    ['fewer than 500', 500, 0, 499],
    ['up to 500', 500, 0, 500],
  ];
  for (const [text, value, low, high] of cases) {
    it(`"${text}" is ${value}, accepting ${low}–${high}`, () => {
      const stated = parseCount(text);
      assert.ok(stated, text);
      assert.equal(stated.value, value);
      assert.equal(stated.low, low);
      assert.equal(stated.high, high);
    });
  }

  it('tells a true count from a stale one, with the tolerance "about" gives', () => {
    const about = parseCount('about 10,000');
    assert.ok(about);
    assert.equal(countHolds(about, 9_874), true);
    assert.equal(countHolds(about, 9_400), false);
    const exact = parseCount('10,000');
    assert.ok(exact);
    assert.equal(countHolds(exact, 9_874), false);
  });

  it('refuses what is not a count', () => {
    for (const text of ['', 'many', '10,00', '1,0000', 'ten thousand', '10 %'])
      assert.equal(parseCount(text), undefined, text);
  });
});

describe('parseRanges: stated value ranges', () => {
  const cases: [string, number, number][] = [
    ['between 0 and 100', 0, 100],
    ['from 1 to 5', 1, 5],
    ['ranges from 0.5 to 9.5', 0.5, 9.5],
    ['0–1', 0, 1],
    ['integer, 0-72 months', 0, 72],
    ['[0, 1]', 0, 1],
    ['(-1, 1)', -1, 1],
    ['0 ≤ score ≤ 100', 0, 100],
  ];
  for (const [text, min, max] of cases) {
    it(`"${text}" is ${min} to ${max}`, () => {
      const [range] = parseRanges(text);
      assert.ok(range, text);
      assert.deepEqual([range.min, range.max], [min, max]);
      assert.ok(text.slice(range.start, range.start + range.length).length > 0);
    });
  }

  it('does not read dates, versions or reversed ends as ranges', () => {
    assert.deepEqual(parseRanges('signed up on 2024-09-04'), []);
    assert.deepEqual(parseRanges('version 1.2-3.4.5'), []);
    assert.deepEqual(parseRanges('between 10 and 1'), []);
  });
});

describe('parseStatedType: the words cards use for types', () => {
  const cases: [string, string | undefined][] = [
    ['integer', 'integer'],
    ['int64', 'integer'],
    ['float, may be missing', 'float'],
    ['float32', 'float'],
    ['numeric', 'number'],
    ['categorical: basic, standard, premium', 'categorical'],
    ['a `string` feature', 'string'],
    ['identifier', 'id'],
    ['boolean', 'bool'],
    ['datetime', 'date'],
    ['label', undefined],
    ['see below', undefined],
  ];
  for (const [text, type] of cases) {
    it(`"${text}" → ${type ?? 'no type'}`, () => assert.equal(parseStatedType(text)?.type, type));
  }
});

describe('finding the data a card points at', () => {
  let scratch: ScratchDir;
  before(() => {
    scratch = scratchDir();
    for (const name of ['data/train-00.csv', 'data/train-01.csv', 'data/test.csv', 'linked.csv', 'other/all.tsv']) {
      scratch.write(name, 'a,b\n1,2\n');
    }
  });
  after(() => scratch.remove());

  it('reads links, data_files (string, list, split/path, globs), the config and the setting, each once', () => {
    const card = `---
configs:
- config_name: default
  data_files:
  - split: train
    path: data/train-*.csv
  - split: test
    path: data/test.csv
- config_name: raw
  data_files: linked.csv
---
# Card

See [the data](linked.csv), [the notes](notes.md) and [the hub](https://example.org/x.csv).
`;
    const cardPath = path.join(scratch.dir, 'README.md');
    const inputs = dataInputs(cardPath, parseDatasetCard(card, 'markdown'), {
      configured: [path.join(scratch.dir, 'other', 'all.tsv')],
      setting: { 'README.md': ['data/test.csv', 'missing.csv'], 'nope/*.md': 'x.csv' },
    });
    const files = expandInputs(cardPath, inputs);
    assert.deepEqual(
      files.map((f) => [f.displayPath, f.split ?? '', f.source]),
      [
        ['linked.csv', '', 'link'],
        ['data/train-00.csv', 'train', 'data_files'],
        ['data/train-01.csv', 'train', 'data_files'],
        ['data/test.csv', 'test', 'data_files'],
        ['other/all.tsv', '', 'config'],
        ['missing.csv', '', 'setting'],
      ],
    );
  });

  it('takes the split from a file name', () => {
    assert.equal(splitOfFileName('data/churn_train.csv'), 'train');
    assert.equal(splitOfFileName('val.csv'), 'validation');
    assert.equal(splitOfFileName('test-00001-of-00002.csv'), 'test');
    assert.equal(splitOfFileName('contest.csv'), undefined);
  });
});

describe('the facts cache', () => {
  let scratch: ScratchDir;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  it('reads a file once while its size and time stay, again when it changes or is invalidated', async () => {
    const file = scratch.write('d.csv', 'x,y\n1,a\n2,a\n');
    const cache = new DataFactsCache();
    const first = await cache.facts(file, {});
    assert.equal(first.rows, 2);
    assert.deepEqual(
      first.columns.map((c) => [c.name, c.type]),
      [
        ['x', 'int'],
        ['y', 'categorical'],
      ],
    );
    await cache.facts(file, {});
    assert.equal(cache.reads, 1, 'the second request is served from the cache');

    await fs.writeFile(file, 'x,y\n1,a\n2,a\n3,b\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal((await cache.facts(file, {})).rows, 3);
    assert.equal(cache.reads, 2);

    cache.invalidate(file);
    await cache.facts(file, {});
    assert.equal(cache.reads, 3);
  });

  it('keeps a missing or unreadable file as facts with an error, not an exception', async () => {
    const cache = new DataFactsCache();
    const missing = await cache.facts(path.join(scratch.dir, 'none.csv'), {});
    assert.equal(missing.error, 'no such file');
    const binary = await cache.facts(scratch.write('bin.csv', Buffer.from([0, 1, 2, 0, 3])), {});
    assert.match(binary.error ?? '', /bin\.csv/);
  });
});

/** Lints a card in `dir` with the data it points at. */
async function lintWithData(
  dir: string,
  name: string,
  text: string,
): Promise<{ findings: LintFinding[]; data?: CardData }> {
  const file = path.join(dir, name);
  const data = await cardDataFor(file, parseDatasetCard(text, 'markdown'), {}, new DataFactsCache());
  return { findings: lintDatasetCard(text, 'markdown', data ? { data } : {}), ...(data ? { data } : {}) };
}

/** Applies every edit of a finding's fix (an `edit` fix) to `text`, last first. */
function applyFix(text: string, finding: LintFinding | undefined): string {
  assert.ok(finding?.fix?.kind === 'edit', `an edit fix on ${finding?.ruleId ?? 'no finding'}`);
  return [...finding.fix.edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .reduce((current, edit) => applyEdit(current, edit), text);
}

const CSV = `id,tenure,plan,score,churned
1,3,basic,0.5,no
2,10,premium,0.9,yes
3,7,basic,0.1,no
4,12,standard,0.7,no
5,1,basic,0.3,yes
6,4,premium,0.2,no
7,9,basic,0.8,no
8,2,premium,0.6,yes
`;

describe('quick fixes computed from the data, applied and re-linted', () => {
  let scratch: ScratchDir;
  before(() => {
    scratch = scratchDir();
    scratch.write('data/churn.csv', CSV);
  });
  after(() => scratch.remove());

  const only = (findings: LintFinding[], id: string): LintFinding[] => findings.filter((f) => f.ruleId === id);

  it("MLG401: replaces a stale count with the data's, and the finding is gone", async () => {
    const text = '# Churn\n\nThe [table](data/churn.csv) has 1,250 rows, counted on 2026-01-15.\n';
    const { findings } = await lintWithData(scratch.dir, 'DATASET.md', text);
    const [stale] = only(findings, 'MLG401');
    assert.ok(stale);
    assert.equal(stale.message.includes('card says 1,250 examples; data/churn.csv has 8 rows'), true, stale.message);
    const at = text.split('\n')[2]?.indexOf('1,250 rows') ?? -1;
    assert.deepEqual(stale.range, { start: { line: 2, character: at }, end: { line: 2, character: at + 10 } });
    const fixed = applyFix(text, stale);
    assert.match(fixed, /has 8 rows, counted/);
    assert.deepEqual(only((await lintWithData(scratch.dir, 'DATASET.md', fixed)).findings, 'MLG401'), []);
  });

  it('MLG401: says which tolerance an approximate count was given', async () => {
    const text = '# Churn\n\n[Data](data/churn.csv): about 50 rows.\n';
    const [finding] = only((await lintWithData(scratch.dir, 'DATASET.md', text)).findings, 'MLG401');
    assert.ok(finding);
    assert.match(
      finding.message,
      /about 50 \(within ±\d+, i\.e\. \d+–\d+, accepted\) examples; data\/churn\.csv has 8 rows/,
    );
  });

  it('MLG403: adds a row for an undocumented column with its inferred type, and the finding is gone', async () => {
    const text = `# Churn

Data: [churn.csv](data/churn.csv).

## Features

| column | type | description |
| --- | --- | --- |
| \`id\` | identifier | customer |
| \`tenure\` | integer | months |
| \`plan\` | categorical | plan |
| \`churned\` | label | left |
`;
    const [finding] = only((await lintWithData(scratch.dir, 'DATASET.md', text)).findings, 'MLG403');
    assert.ok(finding);
    assert.match(finding.message, /`score` \(float\) is a column of data\/churn\.csv/);
    assert.equal(finding.range.start.line, 6, 'on the table header');
    const fixed = applyFix(text, finding);
    assert.ok(fixed.endsWith('| `churned` | label | left |\n| `score` | float | |\n'), fixed);
    assert.deepEqual(only((await lintWithData(scratch.dir, 'DATASET.md', fixed)).findings, 'MLG403'), []);
  });

  it("MLG404 / MLG403: replaces a stale inline column list with the data's columns", async () => {
    const text =
      '# Churn\n\n## Columns\n\n[Data](data/churn.csv): `id` (identifier), `tenure_months` (integer), `churned` (label).\n';
    const { findings } = await lintWithData(scratch.dir, 'DATASET.md', text);
    const unknown = only(findings, 'MLG404');
    assert.deepEqual(
      unknown.map((f) => f.message.slice(0, f.message.indexOf(','))),
      ['The card documents a column `tenure_months`'],
    );
    const fixed = applyFix(text, unknown[0]);
    assert.match(
      fixed,
      /`id` \(identifier\), `tenure` \(integer\), `plan` \(categorical\), `score` \(float\), `churned` \(label\)/,
    );
    const after = (await lintWithData(scratch.dir, 'DATASET.md', fixed)).findings;
    assert.deepEqual([...only(after, 'MLG404'), ...only(after, 'MLG403')], []);
  });

  it('MLG402: replaces size_categories with the one the row count falls in', async () => {
    const text = '---\nsize_categories:\n- 10K<n<100K\n---\n# Churn\n\n[Data](data/churn.csv).\n';
    const [finding] = only((await lintWithData(scratch.dir, 'README.md', text)).findings, 'MLG402');
    assert.ok(finding);
    assert.match(
      finding.message,
      /size_categories says 10K<n<100K, but data\/churn\.csv has 8 rows: the category is n<1K/,
    );
    const fixed = applyFix(text, finding);
    assert.match(fixed, /- n<1K\n/);
    assert.deepEqual(only((await lintWithData(scratch.dir, 'README.md', fixed)).findings, 'MLG402'), []);
  });

  it('MLG406 and MLG407: unseen and undeclared values with counts, and a range the data leaves', async () => {
    const text = `# Churn

[Data](data/churn.csv).

## Features

| column | type |
| --- | --- |
| id | identifier |
| tenure | integer, 0–6 months |
| plan | categorical: basic, premium, gold |
| score | float |
| churned | label |

## Label values

\`churned\` is \`yes\` or \`no\`.
`;
    const { findings } = await lintWithData(scratch.dir, 'DATASET.md', text);
    assert.deepEqual(
      only(findings, 'MLG406').map((f) => f.message.split('. ')[0]),
      [
        'The card declares `gold` as a value of `plan`, but data/churn.csv never has it (0 of 8 rows)',
        'data/churn.csv has values of `plan` the card does not declare: `standard` (1 row)',
      ],
    );
    const [range] = only(findings, 'MLG407');
    assert.ok(range);
    assert.match(
      range.message,
      /`tenure` the range "0–6" \(0 to 6\), but in data\/churn\.csv its maximum 12 is above 6/,
    );
    assert.deepEqual(range.range, { start: { line: 9, character: 20 }, end: { line: 9, character: 23 } });
  });

  it('MLG406: code words in parentheses explain a value, they are not values', async () => {
    const text =
      '# Churn\n\n[Data](data/churn.csv).\n\n## Label values\n\n`churned` is `yes` (cancelled within `90` days) or `no`.\n';
    const { findings } = await lintWithData(scratch.dir, 'DATASET.md', text);
    assert.deepEqual(only(findings, 'MLG406'), []);
  });

  it('stays quiet without data, and on a file that cannot be read', async () => {
    const text = '# Churn\n\nThe [table](data/missing.csv) has 1,250 rows.\n';
    assert.deepEqual(only(lintDatasetCard(text, 'markdown'), 'MLG401'), []);
    const { findings, data } = await lintWithData(scratch.dir, 'DATASET.md', text);
    assert.equal(data?.files[0]?.error, 'no such file');
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('MLG4')),
      [],
    );
  });

  it('reads counts per split from a size section and compares them with the split files', () => {
    const card = parseDatasetCard(
      '# C\n\n## Split sizes\n\n- train: 7,000\n- test: about 1.5k examples\n- total: 8,500\n',
      'markdown',
    );
    assert.deepEqual(
      cardClaims(card).counts.map((c) => [c.stated.value, c.split ?? 'total', c.stated.qualifier]),
      [
        [7000, 'train', 'exact'],
        [1500, 'test', 'about'],
        [8500, 'total', 'exact'],
      ],
    );
  });
});

describe('mlguide lint reads the data', () => {
  let scratch: ScratchDir;
  before(() => {
    scratch = scratchDir();
    scratch.write('data/churn.csv', CSV);
    scratch.write('DATASET.md', '# Churn\n\nThe [table](data/churn.csv) has 10,000 rows.\n');
  });
  after(() => scratch.remove());

  it('exits 1 and names the stale count', async () => {
    const run = await cli(['lint', 'DATASET.md'], scratch.dir);
    assert.equal(run.code, 1, run.err);
    assert.match(
      run.out,
      /DATASET\.md:3:\d+: warning MLG401\/example-count The card says 10,000 examples; data\/churn\.csv has 8 rows/,
    );
  });

  it('the example card tells the truth about examples/data/churn.csv: its one finding is MLG009', async () => {
    const run = await cli(['lint', '--format', 'json', 'examples/DATASET.md'], repoRoot);
    const report = JSON.parse(run.out) as { files: { findings: { ruleId: string }[] }[] };
    assert.deepEqual(
      report.files.flatMap((f) => f.findings.map((finding) => finding.ruleId)),
      ['MLG009'],
    );
    const text = await fs.readFile(path.join(repoRoot, 'examples', 'DATASET.md'), 'utf8');
    const { data } = await lintWithData(path.join(repoRoot, 'examples'), 'DATASET.md', text);
    assert.equal(data?.files[0]?.rows, 200, 'the data was read, so the MLG4xx rules ran');
  });
});

describe('the real cards of the corpus, against data written to match them', () => {
  let scratch: ScratchDir;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  /** A CSV with the corpus cards' documented columns and `rows` rows. */
  const csvOf = (rows: number): string =>
    [
      'id,text,source,added,created,token_count',
      ...Array.from(
        { length: rows },
        (_, i) => `adl_${i},Some text ${i},adl,2024-01-0${(i % 9) + 1},1700-01-01,${100 + i}`,
      ),
    ].join('\n');

  it('adl.md: "Number of samples: 498" and its six fields hold for a matching file; one row less is a finding', async () => {
    const text = await fs.readFile(path.join(corpusDir, 'cards', 'adl.md'), 'utf8');
    scratch.write('adl/README.md', text);
    scratch.write('adl/data.csv', csvOf(498));
    const card = parseDatasetCard(text, 'markdown');
    const lint = async (): Promise<LintFinding[]> => {
      const data = await cardDataFor(
        path.join(scratch.dir, 'adl', 'README.md'),
        card,
        { setting: { 'README.md': 'data.csv' } },
        new DataFactsCache(),
      );
      assert.ok(data, 'the setting points the card at data.csv');
      return lintDatasetCard(text, 'markdown', { data }).filter((f) => f.ruleId.startsWith('MLG4'));
    };
    assert.deepEqual(await lint(), []);
    scratch.write('adl/data.csv', csvOf(497));
    const [finding] = await lint();
    assert.equal(finding?.ruleId, 'MLG401');
    assert.match(finding.message, /The card says 498 examples; data\.csv has 497 rows/);
    assert.equal(text.split('\n')[finding.range.start.line], '- **Number of samples**: 498');
  });

  it('dannet.md: an abbreviated count ("47.60K") accepts its rounding', () => {
    const card = parseDatasetCard(
      '# Dannet\n\n## Dataset Description\n\n- **Number of samples**: 47.60K\n',
      'markdown',
    );
    const [claim] = cardClaims(card).counts;
    assert.ok(claim);
    assert.deepEqual([claim.stated.low, claim.stated.high], [47_595, 47_604]);
  });
});

describe('any text: the data rules report or stay quiet, never throw', () => {
  const data: CardData = {
    files: [
      {
        reference: 'd.csv',
        displayPath: 'd.csv',
        split: 'train',
        rows: 10,
        columns: [
          {
            name: 'label',
            type: 'categorical',
            distinct: 2,
            distinctExact: true,
            missing: 0,
            values: [
              { value: 'a', count: 6 },
              { value: 'b', count: 4 },
            ],
          },
          { name: 'x', type: 'float', distinct: 10, distinctExact: true, missing: 0, min: -1, max: 1 },
        ],
      },
    ],
  };
  const fragments = fc.constantFrom(
    '# Title\n',
    '## Number of examples\n',
    '## Features\n',
    '## Label values\n',
    '| column | type |\n',
    '| --- | --- |\n',
    '| `x` | float, 0–1 |\n',
    '| label | categorical: a, b, c |\n',
    '- `label` (int): ',
    'about ',
    '10,000 rows',
    '~1.2M examples',
    '`label` is `a` or `b`',
    'between 0 and 100',
    '[0, 1]',
    '---\nsize_categories:\n- n<1K\n---\n',
    '\r\n',
    '\t',
    '|',
    '`',
    '\u0000',
  );
  it('on random cards made of claim fragments and noise', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const card = parseDatasetCard(text, 'markdown');
        for (const rule of dataRules) {
          for (const finding of rule.check(card, { profiles: new Set(['book']), data })) {
            assert.ok(finding.message.length > 0);
            assert.ok(finding.range.start.line >= 0 && finding.range.start.line < card.lines.length);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('keystrokes: a long card re-linted edit by edit finds what a fresh lint of each version finds', () => {
  let scratch: ScratchDir;
  let data: CardData;
  before(async () => {
    scratch = scratchDir();
    scratch.write('data/churn.csv', CSV);
    const found = await cardDataFor(
      path.join(scratch.dir, 'DATASET.md'),
      parseDatasetCard(longCard(TABLE), 'markdown'),
      {},
      new DataFactsCache(),
    );
    assert.ok(found, 'the card links data/churn.csv');
    data = found;
  });
  after(() => scratch.remove());

  const TABLE = [
    '| column | type | description |',
    '| --- | --- | --- |',
    '| `id` | integer | customer id |',
    '| `tenure` | integer | months, 0–72 |',
    '| `plan` | categorical: basic, standard, premium | the plan |',
    '| `score` | float | between 0 and 1 |',
    '| `churned` | categorical | the label |',
  ].join('\n');
  const LIST = [
    '- `id` (integer): customer id',
    '- `tenure` (integer): months',
    '- `plan` (categorical): the plan',
    '- `score` (integer): a score',
    '- `churned` (categorical): the label',
  ].join('\n');
  /** A card of some 250 lines: counts, a features table or list, a label section, then forty notes sections. */
  function longCard(
    fields: string,
    { count = '8 rows', labels = 'The label `churned` is `yes` or `no`.', fieldsHeading = 'Data Fields' } = {},
  ): string {
    const notes = Array.from(
      { length: 40 },
      (_, n) =>
        `## Notes on release ${String(n + 1)}\n\nRelease ${String(n + 1)} was checked by hand. Nothing was removed.\n\n- Rows were validated.\n- Amounts were converted.\n`,
    );
    return [
      '# Churn',
      '',
      '## Dataset Description',
      '',
      `The [table](data/churn.csv) has ${count}.`,
      '',
      `## ${fieldsHeading}`,
      '',
      fields,
      '',
      '## Label values',
      '',
      labels,
      '',
      ...notes,
    ].join('\n');
  }

  const lint = (text: string): LintFinding[] =>
    lintDatasetCard(text, 'markdown', { data }).filter((f) => f.ruleId.startsWith('MLG4'));

  /** Lints each version in turn, as keystrokes do, then each again from a fresh state; the findings must agree. */
  function lintVersions(versions: readonly string[]): LintFinding[][] {
    const typed = versions.map((text) => lint(text));
    const fresh = versions.map((text) => {
      forgetProseParagraphs();
      forgetParsedCards();
      forgetCardClaims();
      return lint(text);
    });
    versions.forEach((_, i) => assert.deepEqual(typed[i], fresh[i], `version ${String(i)}`));
    return typed;
  }

  const summary = (findings: readonly LintFinding[]): string[] =>
    findings.map((f) => `${f.ruleId} ${String(f.range.start.line)}:${String(f.range.start.character)}`);
  /** The text a finding's range covers (on one line). */
  const covered = (text: string, finding: LintFinding | undefined): string => {
    assert.ok(finding);
    const line = text.split('\n')[finding.range.start.line] ?? '';
    return line.slice(finding.range.start.character, finding.range.end.character);
  };

  it('a count edited in one paragraph: MLG401 appears on its line, and goes when the count is right again', () => {
    const versions = [longCard(TABLE), longCard(TABLE, { count: '9 rows' }), longCard(TABLE)];
    const [right, wrong, again] = lintVersions(versions);
    assert.deepEqual(right, []);
    assert.deepEqual(summary(wrong ?? []), ['MLG401 4:32']);
    assert.equal(covered(versions[1] ?? '', wrong?.[0]), '9 rows');
    assert.match(wrong?.[0]?.message ?? '', /The card says 9 examples; data\/churn\.csv has 8 rows/);
    assert.deepEqual(again, []);
  });

  it('a features-table row renamed, then lines added above the table: the findings follow the row', () => {
    const renamed = TABLE.replace('`plan`', '`plann`');
    const versions = [
      longCard(TABLE),
      longCard(renamed),
      longCard(renamed).replace('## Data Fields', 'One more paragraph.\nOn two lines.\n\n## Data Fields'),
    ];
    const [, misspelt, moved] = lintVersions(versions);
    assert.deepEqual(summary(misspelt ?? []), ['MLG403 8:0', 'MLG404 12:3']);
    assert.match(misspelt?.[1]?.message ?? '', /Did you mean `plan`\?/);
    assert.deepEqual(summary(moved ?? []), ['MLG403 11:0', 'MLG404 15:3']);
    assert.equal(covered(versions[2] ?? '', moved?.[1]), 'plann');
  });

  it('label values and column types edited: MLG406 and MLG405 name the edited value', () => {
    const versions = [
      longCard(TABLE),
      longCard(TABLE.replace('| `tenure` | integer |', '| `tenure` | string |'), {
        labels: 'The label `churned` is `yes`, `no` or `maybe`.',
      }),
    ];
    const [, edited] = lintVersions(versions);
    assert.deepEqual(summary(edited ?? []), ['MLG405 11:13', 'MLG406 18:39']);
    assert.equal(covered(versions[1] ?? '', edited?.[0]), 'string');
    assert.equal(covered(versions[1] ?? '', edited?.[1]), 'maybe');
    assert.match(edited?.[1]?.message ?? '', /declares `maybe` as a value of `churned`/);
  });

  it('a heading renamed changes what the unchanged paragraph under it claims: a column list only counts in an attribute section', () => {
    const versions = [longCard(LIST), longCard(LIST, { fieldsHeading: 'Remarks' }), longCard(LIST)];
    const [listed, notAList, listedAgain] = lintVersions(versions);
    // `score` is listed as an integer but holds decimals: found only while the list is the card's attributes.
    assert.deepEqual(summary(listed ?? []), ['MLG405 11:11']);
    assert.equal(covered(versions[0] ?? '', listed?.[0]), 'integer');
    assert.deepEqual(notAList, []);
    assert.deepEqual(listedAgain, listed);
  });

  it('any run of edits (typing, deleting and adding lines, blank lines, claims, headings)', () => {
    const fragments = [
      '',
      'x',
      '- `extra` (integer): added',
      '| `zz` | float | 0–1 |',
      '10,000 examples in the training set.',
      '`yes` = 1',
      '## Label values',
      '## Features',
      '## Number of examples',
      '- train: 7,000',
      'about 2k rows',
    ];
    const edit = fc.record({
      line: fc.nat(),
      kind: fc.constantFrom('type', 'delete', 'insert', 'cut'),
      fragment: fc.constantFrom(...fragments),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const versions = [longCard(TABLE)];
        for (const { line, kind, fragment } of edits) {
          const lines = (versions[versions.length - 1] ?? '').split('\n');
          const at = line % lines.length;
          if (kind === 'type') lines[at] = `${lines[at] ?? ''}${fragment || 'x'}`;
          else if (kind === 'delete') lines.splice(at, 1);
          else if (kind === 'insert') lines.splice(at, 0, fragment);
          else lines[at] = (lines[at] ?? '').slice(1);
          versions.push(lines.join('\n'));
        }
        lintVersions(versions);
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
