import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintSplitConfig } from '../../server/src/split/lint';
import { parseSplitConfig, splitConfigFormat } from '../../server/src/split/parse';
import type { TextRange } from '../../server/src/parse/text';
import { repoRoot } from './support';

/** The text a range covers. */
function slice(text: string, range: TextRange): string {
  const lines = text.split(/\r?\n/);
  if (range.start.line === range.end.line) {
    return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  }
  const inner = lines.slice(range.start.line + 1, range.end.line);
  return [
    (lines[range.start.line] ?? '').slice(range.start.character),
    ...inner,
    (lines[range.end.line] ?? '').slice(0, range.end.character),
  ].join('\n');
}

const YAML = `# churn
data: [data/a.csv, data/b.csv]
target: churned
seed: 7
shuffle: true
strategy: group
group_by: customer_id
sizes:
  train: 0.8
  test: 0.2
outputs: { train: out/train.csv, test: out/test.csv }
preprocessing:
  before_split: [deduplicate]
  after_split:
    - impute_median
    - standard_scale: { with_mean: false }
features: { exclude: [customer_id] }
margin: 0.05
`;

const JSON_TEXT = `{
\t"data": "data/a.csv",
\t"target": "churned",
\t"seed": 7,
\t"strategy": "time",
\t"time_column": "signup_date",
\t"sizes": { "train": 800, "test": 200 },
\t"preprocessing": { "after_split": ["impute_median", { "name": "smote", "k": 5 }] }
}
`;

describe('split configuration parser', () => {
  it('types a YAML file and keeps a range for every key and value', () => {
    const { config, problems } = parseSplitConfig(YAML, 'yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      config.data?.value.map((d) => [d.value, slice(YAML, d.range)]),
      [
        ['data/a.csv', 'data/a.csv'],
        ['data/b.csv', 'data/b.csv'],
      ],
    );
    assert.ok(config.data);
    assert.equal(slice(YAML, config.data.keyRange), 'data');
    assert.deepEqual(config.seed?.value.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 7 } });
    assert.equal(config.shuffle?.value.value, true);
    assert.equal(config.strategy?.value.value, 'group');
    assert.equal(slice(YAML, config.groupBy?.value.range ?? assert.fail()), 'customer_id');
    assert.deepEqual(
      config.sizes?.value.map((s) => [s.split, s.value, slice(YAML, s.keyRange), slice(YAML, s.range)]),
      [
        ['train', 0.8, 'train', '0.8'],
        ['test', 0.2, 'test', '0.2'],
      ],
    );
    assert.deepEqual(
      config.outputs?.value.map((o) => [o.split, o.paths.map((p) => slice(YAML, p.range))]),
      [
        ['train', ['out/train.csv']],
        ['test', ['out/test.csv']],
      ],
    );
    const after = config.preprocessing?.value.afterSplit?.value ?? [];
    assert.deepEqual(
      after.map((s) => [s.name, slice(YAML, s.nameRange)]),
      [
        ['impute_median', 'impute_median'],
        ['standard_scale', 'standard_scale'],
      ],
    );
    assert.equal(after[1]?.options?.kind, 'map');
    assert.equal(slice(YAML, config.preprocessing?.value.beforeSplit?.keyRange ?? assert.fail()), 'before_split');
    assert.deepEqual(
      config.features?.value.exclude?.value.map((c) => c.value),
      ['customer_id'],
    );
    assert.equal(config.margin?.value.value, 0.05);
  });

  it('types a JSON file (tabs, counts, a step given as a map with name) with the same ranges', () => {
    const { config, problems } = parseSplitConfig(JSON_TEXT, 'json');
    assert.deepEqual(problems, []);
    assert.equal(slice(JSON_TEXT, config.data?.value[0]?.range ?? assert.fail()), '"data/a.csv"');
    assert.deepEqual(config.target?.keyRange, { start: { line: 2, character: 1 }, end: { line: 2, character: 9 } });
    assert.equal(config.strategy?.value.value, 'time');
    assert.equal(config.timeColumn?.value.value, 'signup_date');
    assert.deepEqual(
      config.sizes?.value.map((s) => s.value),
      [800, 200],
    );
    const steps = config.preprocessing?.value.afterSplit?.value ?? [];
    assert.deepEqual(
      steps.map((s) => [s.name, slice(JSON_TEXT, s.nameRange)]),
      [
        ['impute_median', '"impute_median"'],
        ['smote', '"smote"'],
      ],
    );
  });

  it('gives CRLF files the same lines and characters', () => {
    const crlf = YAML.replace(/\n/g, '\r\n');
    const { config, problems } = parseSplitConfig(crlf, 'yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.seed?.value.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 7 } });
    assert.deepEqual(config.sizes?.value[1]?.range, {
      start: { line: 9, character: 8 },
      end: { line: 9, character: 11 },
    });
  });

  it('reports malformed YAML on its line and still types what it can', () => {
    const text = 'target: churned\nseed: 42\nsizes: { train: 0.8, test: 0.2\nshuffle: true\n';
    const parsed = parseSplitConfig(text, 'yaml');
    const syntax = parsed.problems.filter((p) => p.kind === 'syntax');
    assert.ok(syntax.length > 0);
    assert.ok(syntax.every((p) => p.message.startsWith('YAML: ')));
    assert.ok(
      syntax.some((p) => p.range.start.line === 2 || p.range.start.line === 3),
      JSON.stringify(syntax),
    );
    assert.equal(parsed.config.target?.value.value, 'churned');
    assert.equal(parsed.config.seed?.value.value, 42);
  });

  it('reports a duplicate YAML key', () => {
    const parsed = parseSplitConfig('seed: 1\nseed: 2\n', 'yaml');
    assert.deepEqual(
      parsed.problems.map((p) => [p.kind, p.range.start.line]),
      [['syntax', 1]],
    );
  });

  it('reports malformed JSON with JSON’s own words, at the offending offset', () => {
    const cases: [string, string, number][] = [
      ['{\n  "seed": 42\n  "shuffle": true\n}', 'a comma (,) is expected between entries', 2],
      ['{\n  "seed": 42,\n}', 'a key in double quotes is expected', 2],
      ['{\n  "target": "churned\n}', 'unterminated string', 1],
      ['{\n  // seed\n  "seed": 42\n}', 'comments are not allowed in JSON', 1],
      ['{ "seed": 1, "seed": 2 }', 'duplicate key "seed"', 0],
    ];
    for (const [text, message, line] of cases) {
      const problems = parseSplitConfig(text, 'json').problems.filter((p) => p.kind === 'syntax');
      assert.ok(
        problems.some((p) => p.message === `JSON: ${message}` && p.range.start.line === line),
        `${JSON.stringify(text)}: ${JSON.stringify(problems)}`,
      );
    }
  });

  it('warns about unknown keys with did you mean, at every level', () => {
    const text =
      'sead: 42\nstrategy: random\npreprocessing:\n  after_spilt: [scale]\nfeatures: { exlude: [id] }\nfoo: 1\n';
    const unknown = parseSplitConfig(text, 'yaml').problems.filter((p) => p.kind === 'unknown-key');
    assert.deepEqual(
      unknown.map((p) => [p.range.start.line, p.suggestion]),
      [
        [0, 'seed'],
        [3, 'after_split'],
        [4, 'exclude'],
        [5, undefined],
      ],
    );
    assert.match(unknown[0]?.message ?? '', /unknown key "sead"; did you mean "seed"\?/);
    assert.match(unknown[3]?.message ?? '', /unknown key "foo"\. Known: description, data,/);
  });

  it('reports wrong types with what was written, and a strategy without its column', () => {
    const text = [
      'seed: -1',
      'shuffle: yes',
      'strategy: Stratifed',
      'sizes: { train: 70%, test: 0.3 }',
      'margin: 2',
      'task: clustering',
      'data: []',
      '',
    ].join('\n');
    const messages = parseSplitConfig(text, 'yaml').problems.map((p) => `${p.range.start.line}: ${p.message}`);
    assert.deepEqual(messages, [
      '0: seed must be a non-negative integer (42), not -1',
      '1: shuffle must be true or false, not "yes"',
      '2: strategy must be one of random, stratified, group, time, systematic, cluster, not "Stratifed"; did you mean "stratified"?',
      '3: sizes.train must be a number: write 0.7 for 70%',
      '4: margin must be a fraction between 0 and 1 (0.02 for ±2 points), not 2',
      '5: task must be one of classification, regression, not "clustering"',
      '6: data must be a path or a non-empty list of paths, not a list',
    ]);
    // The rules that read a mistyped key stay quiet about it: only MLS001 speaks.
    assert.deepEqual(
      lintSplitConfig('seed: 1\nshuffle: true\nsizes: 0.8\n', 'yaml').map((f) => f.ruleId),
      ['MLS001'],
    );
    const group = parseSplitConfig('strategy: group\n', 'yaml').problems;
    assert.deepEqual(
      group.map((p) => p.message),
      ['strategy group needs group_by (the entity column whose rows stay together)'],
    );
  });

  it('reads empty files, non-map documents and multiple documents without throwing', () => {
    assert.deepEqual(parseSplitConfig('', 'yaml').problems, []);
    assert.equal(parseSplitConfig('', 'json').problems[0]?.kind, 'syntax');
    assert.match(parseSplitConfig('- a\n- b\n', 'yaml').problems[0]?.message ?? '', /is a map of keys/);
    assert.match(parseSplitConfig('[1, 2]', 'json').problems[0]?.message ?? '', /is a map of keys/);
    assert.ok(parseSplitConfig('seed: 1\n---\nseed: 2\n', 'yaml').problems.some((p) => p.kind === 'syntax'));
  });

  it('never throws on any prefix of the bundled example and the fixtures, and reports every problem inside the text', () => {
    const files = [
      path.join(repoRoot, 'examples', 'churn.split.yaml'),
      ...['MLS001', 'MLS007', 'MLS013'].flatMap((rule) => {
        const dir = path.join(repoRoot, 'test', 'fixtures', 'split-rules', rule);
        return readdirSync(dir)
          .filter((name) => /\.split\.(?:yaml|json)$/.test(name))
          .map((name) => path.join(dir, name));
      }),
    ];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lineCount = text.split(/\r?\n/).length;
      for (let end = 0; end <= text.length; end++) {
        const prefix = text.slice(0, end);
        const findings = lintSplitConfig(prefix, splitConfigFormat(file));
        for (const finding of findings) {
          assert.ok(finding.range.start.line < lineCount, `${file} [0, ${end}): ${JSON.stringify(finding)}`);
        }
      }
    }
  });
});
