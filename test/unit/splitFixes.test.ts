// Quick fixes of the split rules, applied as an editor applies them, then linted again: the
// finding is gone, nothing new appeared, and the file is still well-formed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintFinding } from '../../server/src/lint';
import { lintParsedSplitConfig } from '../../server/src/split/lint';
import { parseSplitConfig } from '../../server/src/split/parse';
import type { SplitDataFacts } from '../../server/src/split/types';
import { repoRoot } from './support';

const dataDir = path.join(repoRoot, 'test', 'fixtures', 'split-rules', '_data');

/** Facts of a data file with this header, as the server would read them. */
function header(...columns: string[]): Map<string, SplitDataFacts> {
  const file = path.join(dataDir, 'churn.csv');
  return new Map([['data.csv', { reference: 'data.csv', file, exists: true, header: columns }]]);
}

function lint(text: string, format: 'yaml' | 'json', data?: Map<string, SplitDataFacts>): LintFinding[] {
  return lintParsedSplitConfig(parseSplitConfig(text, format), {
    dir: dataDir,
    workspaceRoots: [repoRoot],
    fileExists: existsSync,
    ...(data ? { data } : {}),
  });
}

/** Applies the fix of the (only) finding of `ruleId`, checks the edits, returns the new text. */
function applyFix(
  text: string,
  format: 'yaml' | 'json',
  ruleId: string,
  data?: Map<string, SplitDataFacts>,
  which = 0,
): string {
  const finding = lint(text, format, data).filter((f) => f.ruleId === ruleId)[which];
  assert.ok(finding, `no ${ruleId} finding in:\n${text}`);
  const fix = finding.fix;
  assert.ok(fix?.kind === 'edit', `${ruleId} has no edit fix`);
  const document = TextDocument.create('file:///x', format, 1, text);
  return TextDocument.applyEdits(document, fix.edits);
}

/** Lints the fixed text: no finding of `ruleId`, no syntax problem, nothing that was not there before. */
function assertFixed(
  before: string,
  after: string,
  format: 'yaml' | 'json',
  ruleId: string,
  data?: Map<string, SplitDataFacts>,
): void {
  const findings = lint(after, format, data);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === ruleId || f.ruleId === 'MLS001').map((f) => f.message),
    [],
    after,
  );
  const ids = (list: LintFinding[]): string[] => list.map((f) => f.ruleId).filter((id) => id !== ruleId);
  for (const id of ids(findings)) assert.ok(ids(lint(before, format, data)).includes(id), `${id} is new in:\n${after}`);
}

const BASE = `data: data.csv
task: classification
target: churned
strategy: stratified
stratify_by: churned
sizes: { train: 0.7, validation: 0.15, test: 0.15 }
`;

describe('split quick fixes', () => {
  it('adds a seed after target in YAML, with and without a final newline, and in JSON', () => {
    const text = BASE.replace('strategy: stratified', 'shuffle: true\nstrategy: stratified');
    const fixed = applyFix(text, 'yaml', 'MLS006');
    assert.equal(fixed, text.replace('target: churned\n', 'target: churned\nseed: 42\n'));
    assertFixed(text, fixed, 'yaml', 'MLS006');

    const unterminated = 'target: churned\nshuffle: true';
    assert.equal(applyFix(unterminated, 'yaml', 'MLS006'), 'target: churned\nseed: 42\nshuffle: true');
    const last = 'shuffle: true\ntarget: churned';
    assert.equal(applyFix(last, 'yaml', 'MLS006'), 'shuffle: true\ntarget: churned\nseed: 42');

    const json =
      '{\n  "data": "data.csv",\n  "target": "churned",\n  "shuffle": true,\n  "sizes": { "train": 0.8, "test": 0.2 }\n}\n';
    const fixedJson = applyFix(json, 'json', 'MLS006');
    assert.equal(fixedJson, json.replace('"target": "churned",', '"target": "churned",\n  "seed": 42,'));
    assertFixed(json, fixedJson, 'json', 'MLS006');
    const first = '{"shuffle": true, "sizes": {"train": 0.8, "test": 0.2}}';
    assert.equal(
      applyFix(first, 'json', 'MLS006'),
      '{"seed": 42, "shuffle": true, "sizes": {"train": 0.8, "test": 0.2}}',
    );
  });

  it('turns shuffle on: adds the key, or edits false in place; a time split gets shuffle false', () => {
    const text = BASE.replace('target: churned\n', 'target: churned\nseed: 1\n');
    const added = applyFix(text, 'yaml', 'MLS005');
    assert.equal(added, text.replace('seed: 1\n', 'seed: 1\nshuffle: true\n'));
    assertFixed(text, added, 'yaml', 'MLS005');

    const off = text.replace('seed: 1\n', 'seed: 1\nshuffle: false # kept\n');
    const on = applyFix(off, 'yaml', 'MLS005');
    assert.equal(on, off.replace('shuffle: false # kept', 'shuffle: true # kept'));
    assertFixed(off, on, 'yaml', 'MLS005');

    // `shuffle:` with nothing is a mistyped value: MLS001 says so, and MLS005 does not guess.
    const empty = text.replace('seed: 1\n', 'seed: 1\nshuffle:\n');
    assert.deepEqual(
      lint(empty, 'yaml')
        .filter((f) => f.ruleId !== 'MLS014')
        .map((f) => `${f.ruleId} ${f.message}`),
      ['MLS001 shuffle must be true or false, not nothing'],
    );

    const time = 'target: y\nshuffle: true\nstrategy: time\ntime_column: day\nsizes: { train: 0.8, test: 0.2 }\n';
    const noShuffle = applyFix(time, 'yaml', 'MLS005');
    assert.equal(noShuffle, time.replace('shuffle: true', 'shuffle: false'));
    assertFixed(time, noShuffle, 'yaml', 'MLS005');
  });

  it('moves a fitted step from before_split to the front of after_split, in every list style', () => {
    const cases: [string, string, string][] = [
      [
        'flow lists',
        'preprocessing:\n  before_split: [deduplicate, standard_scale, drop_na]\n  after_split: [impute_median]\n',
        'preprocessing:\n  before_split: [deduplicate, drop_na]\n  after_split: [standard_scale, impute_median]\n',
      ],
      [
        'the last flow item',
        'preprocessing:\n  before_split: [deduplicate, smote]\n  after_split: [impute_median]\n',
        'preprocessing:\n  before_split: [deduplicate]\n  after_split: [smote, impute_median]\n',
      ],
      [
        'block lists',
        'preprocessing:\n  before_split:\n    - deduplicate\n    - StandardScaler\n  after_split:\n    - impute_median\n',
        'preprocessing:\n  before_split:\n    - deduplicate\n  after_split:\n    - StandardScaler\n    - impute_median\n',
      ],
      [
        'the only block item, no after_split yet',
        'preprocessing:\n  before_split:\n    - pca\nfeatures: { exclude: [id] }\n',
        'preprocessing:\n  before_split: []\n  after_split: [pca]\nfeatures: { exclude: [id] }\n',
      ],
      [
        'an empty after_split',
        'preprocessing:\n  before_split: [tfidf]\n  after_split:\n',
        'preprocessing:\n  before_split: []\n  after_split: [tfidf]\n',
      ],
      [
        'a flow map',
        'preprocessing: { before_split: [min_max] }\n',
        'preprocessing: { before_split: [], after_split: [min_max] }\n',
      ],
    ];
    const head = 'target: churned\nseed: 1\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\n';
    for (const [name, before, after] of cases) {
      const fixed = applyFix(head + before, 'yaml', 'MLS007');
      assert.equal(fixed, head + after, name);
      assertFixed(head + before, fixed, 'yaml', 'MLS007');
    }
    const json =
      '{\n  "seed": 1, "shuffle": true, "sizes": {"train": 0.8, "test": 0.2},\n  "preprocessing": {\n    "before_split": ["dedup", "SimpleImputer"]\n  }\n}\n';
    const fixedJson = applyFix(json, 'json', 'MLS007');
    assert.equal(
      fixedJson,
      '{\n  "seed": 1, "shuffle": true, "sizes": {"train": 0.8, "test": 0.2},\n  "preprocessing": {\n    "before_split": ["dedup"],\n    "after_split": ["SimpleImputer"]\n  }\n}\n',
    );
    assertFixed(json, fixedJson, 'json', 'MLS007');
  });

  it('offers no move for a step with options (moved by hand)', () => {
    const text =
      'seed: 1\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\npreprocessing:\n  before_split:\n    - tfidf: { max_features: 100 }\n';
    const finding = lint(text, 'yaml').find((f) => f.ruleId === 'MLS007');
    assert.ok(finding);
    assert.equal(finding.fix, undefined);
  });

  it('moves deduplication from after_split to the front of before_split', () => {
    const text =
      'seed: 1\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\npreprocessing:\n  before_split: [drop_na]\n  after_split: [impute_median, drop_duplicates]\n';
    const fixed = applyFix(text, 'yaml', 'MLS008');
    assert.equal(
      fixed,
      'seed: 1\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\npreprocessing:\n  before_split: [drop_duplicates, drop_na]\n  after_split: [impute_median]\n',
    );
    assertFixed(text, fixed, 'yaml', 'MLS008');
  });

  it('groups by the detected id column: group_by for a stratified split, strategy group otherwise', () => {
    const data = header('customer_id', 'tenure', 'churned');
    const stratified = BASE.replace('target: churned\n', 'target: churned\nseed: 1\nshuffle: true\n');
    const grouped = applyFix(stratified, 'yaml', 'MLS010', data);
    assert.equal(
      grouped,
      stratified.replace('stratify_by: churned\n', 'stratify_by: churned\ngroup_by: customer_id\n'),
    );
    assertFixed(stratified, grouped, 'yaml', 'MLS010', data);

    const random = stratified.replace('strategy: stratified\nstratify_by: churned\n', 'strategy: random\n');
    const group = applyFix(random, 'yaml', 'MLS010', data);
    assert.equal(group, random.replace('strategy: random\n', 'strategy: group\ngroup_by: customer_id\n'));
    assertFixed(random, group, 'yaml', 'MLS010', data);

    const json =
      '{\n  "data": "data.csv",\n  "seed": 1,\n  "shuffle": true,\n  "strategy": "random",\n  "sizes": {"train": 0.8, "test": 0.2}\n}\n';
    const fixedJson = applyFix(json, 'json', 'MLS010', data);
    assert.equal(
      fixedJson,
      json.replace('"strategy": "random",', '"strategy": "group",\n  "group_by": "customer_id",'),
    );
    assertFixed(json, fixedJson, 'json', 'MLS010', data);
  });

  it('switches to a time split on the time column, turning shuffle off in the same fix', () => {
    const text =
      'target: y\nseed: 1\nshuffle: true\nstrategy: random\ntime_column: day\nsizes: { train: 0.8, test: 0.2 }\n';
    const fixed = applyFix(text, 'yaml', 'MLS009');
    assert.equal(fixed, text.replace('shuffle: true', 'shuffle: false').replace('strategy: random', 'strategy: time'));
    assertFixed(text, fixed, 'yaml', 'MLS009');
    // Adding the strategy after shuffle's value (JSON, one line) merges with the shuffle edit.
    const json = '{"target": "y", "shuffle": true, "time_column": "day", "sizes": {"train": 0.8, "test": 0.2}}';
    const fixedJson = applyFix(json, 'json', 'MLS009');
    assert.equal(
      fixedJson,
      '{"target": "y", "shuffle": false, "strategy": "time", "time_column": "day", "sizes": {"train": 0.8, "test": 0.2}}',
    );
    assertFixed(json, fixedJson, 'json', 'MLS009');
  });

  it('renames a misspelt key and a misspelt column', () => {
    const text = BASE.replace('target: churned\n', 'target: churned\nsead: 1\nshuffle: true\n');
    const renamed = applyFix(text, 'yaml', 'MLS002');
    assert.equal(renamed, text.replace('sead: 1', 'seed: 1'));
    assertFixed(text, renamed, 'yaml', 'MLS002');

    const data = header('tenure', 'churned');
    const column = 'data: data.csv\ntarget: churn\nseed: 1\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\n';
    const fixed = applyFix(column, 'yaml', 'MLS012', data);
    assert.equal(fixed, column.replace('target: churn\n', 'target: churned\n'));
    assertFixed(column, fixed, 'yaml', 'MLS012', data);
  });
});
