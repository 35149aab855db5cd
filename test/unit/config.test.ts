// .mlguide.yaml: rule severities shared by the editor and the CLI, checked with line numbers.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configFor, configuredDataFor, findConfigFile, parseConfig } from '../../server/src/config';
import { lintDatasetCard } from '../../server/src/lint';
import { cli, scratchDir, type ScratchDir } from './support';

const CARD = '# Survey answers\n\nOne row per answer to the 2025 survey.\n';

describe('parseConfig', () => {
  it('takes severities by id or alias', () => {
    const config = parseConfig('rules:\n  MLG009: off\n  storage-format: error\n  MLG001: info\n');
    assert.deepEqual(config.rules, { MLG009: 'off', MLG007: 'error', MLG001: 'info' });
    assert.deepEqual(config.problems, []);
  });

  it('reports unknown keys, unknown rules and bad severities with their lines, and keeps the rest', () => {
    const config = parseConfig('profile: [book]\nrules:\n  MLG999: off\n  MLG009: loud\n  MLG005: off\n');
    assert.deepEqual(config.rules, { MLG005: 'off' });
    assert.deepEqual(
      config.problems.map((p) => [p.line, p.message]),
      [
        [1, 'unknown key "profile"; known: rules, profiles, data'],
        [3, 'unknown rule "MLG999"'],
        [4, 'MLG009: severity must be one of off, info, warning, error, not "loud"'],
      ],
    );
  });

  it('takes profiles, naming an unknown one on its line', () => {
    const config = parseConfig('profiles:\n  - book\n  - datasheet\n  - huggingface\n');
    assert.deepEqual(config.profiles, ['book', 'huggingface']);
    assert.deepEqual(
      config.problems.map((p) => [p.line, p.message]),
      [[3, 'unknown profile "datasheet"; known: book, datasheets, huggingface']],
    );
    assert.deepEqual(parseConfig('profiles: datasheets\n').profiles, ['datasheets']);
  });

  it('takes the data of each card, relative to the config file', () => {
    const file = path.join('/project', '.mlguide.yaml');
    const mapped = parseConfig(
      'data:\n  cards/DATASET.md: ../data/churn.csv\n  "**/*.datacard.md": [a.csv, b.csv]\n',
      file,
    );
    assert.deepEqual(mapped.problems, []);
    assert.deepEqual(configuredDataFor(mapped, '/project/cards/DATASET.md'), [path.resolve('/data/churn.csv')]);
    assert.deepEqual(configuredDataFor(mapped, '/project/x/y.datacard.md'), ['/project/a.csv', '/project/b.csv']);
    assert.equal(configuredDataFor(mapped, '/project/other/DATASET.md'), undefined);
    const listed = parseConfig('data: [data/train.csv, data/test.csv]\n', file);
    assert.deepEqual(configuredDataFor(listed, '/project/deep/DATASET.md'), [
      '/project/data/train.csv',
      '/project/data/test.csv',
    ]);
    assert.deepEqual(
      parseConfig('data:\n  DATASET.md: {a: 1}\n', file).problems.map((p) => [p.line, p.message]),
      [[2, 'data: "DATASET.md" must map to a data file or a list of them']],
    );
  });

  it('reports broken YAML and a file that is not a mapping, without throwing', () => {
    assert.ok(parseConfig('rules: [unclosed\n').problems.length > 0);
    assert.deepEqual(
      parseConfig('- a\n- b\n').problems.map((p) => p.message),
      ['the file must be a mapping (key: value)'],
    );
    assert.deepEqual(parseConfig('').problems, []);
  });
});

describe('severities applied by the linter', () => {
  it('skips rules that are off and changes the severity of others', () => {
    const all = lintDatasetCard(CARD, 'markdown');
    assert.ok(all.some((f) => f.ruleId === 'MLG009'));
    const configured = lintDatasetCard(CARD, 'markdown', {
      severities: { MLG009: 'off', MLG005: 'error', MLG006: 'info' },
    });
    assert.ok(!configured.some((f) => f.ruleId === 'MLG009'));
    assert.equal(configured.find((f) => f.ruleId === 'MLG005')?.severity, 'error');
    assert.equal(configured.find((f) => f.ruleId === 'MLG006')?.severity, 'information');
  });
});

describe('finding .mlguide.yaml', () => {
  let scratch: ScratchDir;
  before(() => {
    scratch = scratchDir();
    scratch.write('project/.mlguide.yaml', 'rules:\n  MLG009: off\n');
    scratch.write('project/data/cards/DATASET.md', CARD);
    scratch.write('project/data/cards/.gitkeep', '');
    scratch.write('elsewhere/DATASET.md', CARD);
  });
  after(() => scratch.remove());

  it('walks up from the linted file to the nearest one', () => {
    const card = path.join(scratch.dir, 'project', 'data', 'cards', 'DATASET.md');
    assert.equal(findConfigFile(path.dirname(card)), path.join(scratch.dir, 'project', '.mlguide.yaml'));
    assert.deepEqual(configFor(card).rules, { MLG009: 'off' });
  });

  it('is what mlguide lint uses too', async () => {
    const inProject = await cli(['lint', 'project', '--format', 'json'], scratch.dir);
    const elsewhere = await cli(['lint', 'elsewhere', '--format', 'json'], scratch.dir);
    const ruleIds = (out: string): string[] =>
      (JSON.parse(out) as { files: { findings: { ruleId: string }[] }[] }).files.flatMap((f) =>
        f.findings.map((x) => x.ruleId),
      );
    assert.ok(!ruleIds(inProject.out).includes('MLG009'));
    assert.ok(ruleIds(elsewhere.out).includes('MLG009'));
  });

  it('has its problems printed by mlguide lint, with file and line', async () => {
    scratch.write('broken/.mlguide.yaml', 'rules:\n  MLG009: sometimes\n');
    scratch.write('broken/DATASET.md', CARD);
    const run = await cli(['lint', 'broken'], scratch.dir);
    assert.match(run.err, /broken\/\.mlguide\.yaml:2: warning config: MLG009: severity must be one of/);
  });
});
