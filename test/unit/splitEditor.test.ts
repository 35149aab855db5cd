import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCompletions, splitHover } from '../../server/src/split/editor';
import { SPLIT_STRATEGIES } from '../../server/src/split/keys';

const YAML = `data: data/churn.csv
target: churned
strategy: stratified
sizes: { train: 0.8, test: 0.2 }
preprocessing:
  before_split: [deduplicate]
`;

/** The line and character of the first `marker` in `text`, and the text without it. */
function at(textWithCursor: string): { text: string; position: { line: number; character: number } } {
  const index = textWithCursor.indexOf('|');
  const before = textWithCursor.slice(0, index).split('\n');
  return {
    text: textWithCursor.slice(0, index) + textWithCursor.slice(index + 1),
    position: { line: before.length - 1, character: (before.at(-1) ?? '').length },
  };
}

describe('split configuration hover', () => {
  it('explains a top-level key with the book’s reason and the rules that check it', () => {
    const hover = splitHover(YAML, 'yaml', { line: 2, character: 3 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
    assert.match(hover.markdown, /^\*\*strategy\*\* — How rows are assigned to splits/);
    assert.match(hover.markdown, /Values: `random`, `stratified`, `group`, `time`, `systematic`, `cluster`\./);
    assert.match(hover.markdown, /\*Why:\* The book's data sampling strategies/);
    assert.match(hover.markdown, /\[MLS009\]\(file:\/\/.*\/docs\/rules\/MLS009\.md\)/);
  });

  it('explains nested keys and split names, in YAML and JSON', () => {
    const nested = splitHover(YAML, 'yaml', { line: 5, character: 4 });
    assert.match(
      nested?.markdown ?? '',
      /^\*\*preprocessing\.before_split\*\* — Steps applied to every row before the split/,
    );
    assert.match(nested?.markdown ?? '', /"Split was applied to raw data"/);
    const split = splitHover(YAML, 'yaml', { line: 3, character: 25 });
    assert.match(split?.markdown ?? '', /^\*\*sizes\.test\*\* — The size of each split/);
    const json = '{\n  "seed": 42,\n  "shuffle": true\n}';
    const hover = splitHover(json, 'json', { line: 2, character: 4 });
    assert.match(
      hover?.markdown ?? '',
      /^\*\*shuffle\*\*.*\n\n\*Why:\* The book: "Data was randomized before the split"/,
    );
    assert.deepEqual(hover?.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 11 } });
  });

  it('has nothing to say off a key, on an unknown key, or in a malformed file', () => {
    assert.equal(splitHover(YAML, 'yaml', { line: 1, character: 12 }), undefined);
    assert.equal(splitHover('sead: 1\n', 'yaml', { line: 0, character: 1 }), undefined);
    assert.equal(splitHover('- a\n', 'yaml', { line: 0, character: 2 }), undefined);
  });
});

describe('split configuration completion', () => {
  it('offers the top-level keys not written yet, each explained', () => {
    const { text, position } = at('data: x.csv\nseed: 1\n|\n');
    const items = splitCompletions(text, 'yaml', position);
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('data') && !labels.includes('seed'));
    for (const key of ['target', 'shuffle', 'strategy', 'sizes', 'preprocessing', 'margin'])
      assert.ok(labels.includes(key), key);
    const shuffle = items.find((i) => i.label === 'shuffle');
    assert.equal(shuffle?.insertText, 'shuffle: true');
    assert.equal(shuffle.replaceFrom, 0);
    assert.match(shuffle.documentation, /Data was randomized before the split/);
  });

  it('offers nested keys under preprocessing, features, and split names under sizes', () => {
    const pre = at('preprocessing:\n  before_split: [dedup]\n  af|\n');
    assert.deepEqual(
      splitCompletions(pre.text, 'yaml', pre.position).map((i) => [i.label, i.replaceFrom]),
      [['after_split', 2]],
    );
    const sizes = at('sizes:\n  train: 0.8\n  |\n');
    assert.deepEqual(
      splitCompletions(sizes.text, 'yaml', sizes.position).map((i) => i.label),
      ['validation', 'test'],
    );
  });

  it('offers enum values, booleans, columns of the data and step names', () => {
    const strategy = at('strategy: str|\n');
    const items = splitCompletions(strategy.text, 'yaml', strategy.position);
    assert.deepEqual(
      items.map((i) => i.label),
      [...SPLIT_STRATEGIES],
    );
    assert.equal(items[0]?.replaceFrom, 'strategy: '.length);
    const shuffle = at('shuffle: |');
    assert.deepEqual(
      splitCompletions(shuffle.text, 'yaml', shuffle.position).map((i) => i.label),
      ['true', 'false'],
    );
    const group = at('group_by: |');
    assert.deepEqual(
      splitCompletions(group.text, 'yaml', group.position, ['customer_id', 'churned']).map((i) => i.label),
      ['customer_id', 'churned'],
    );
    const exclude = at('features:\n  exclude: [customer_id, |]\n');
    assert.deepEqual(
      splitCompletions(exclude.text, 'yaml', exclude.position, ['customer_id', 'plan']).map((i) => i.label),
      ['customer_id', 'plan'],
    );
    const step = at('preprocessing:\n  after_split:\n    - |\n');
    assert.ok(splitCompletions(step.text, 'yaml', step.position).some((i) => i.label === 'standard_scale'));
  });

  it('works in JSON: quoted keys not yet written, quoted enum values', () => {
    const keys = at('{\n  "seed": 42,\n  "|"\n}');
    const items = splitCompletions(keys.text, 'json', keys.position);
    assert.ok(!items.some((i) => i.label === 'seed'));
    const strategy = items.find((i) => i.label === 'strategy');
    assert.equal(strategy?.insertText, '"strategy": ');
    assert.equal(strategy.replaceFrom, 2);
    const value = at('{\n  "task": "|"\n}');
    assert.deepEqual(
      splitCompletions(value.text, 'json', value.position).map((i) => i.insertText),
      ['"classification"', '"regression"'],
    );
  });
});
