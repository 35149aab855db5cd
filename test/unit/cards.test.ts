// Real dataset cards written by other people (../shared/corpus/cards), and how files are
// recognised as dataset cards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { insertSectionEdit } from '../../server/src/fixes';
import { datasetCardKind, lintDatasetCard } from '../../server/src/lint';
import { applyEdit, corpusDir } from './support';

const cardsDir = path.join(corpusDir, 'cards');
// The corpus README names these three; other cards may be added beside them.
const cardFiles = ['adl.md', 'botxt.md', 'dannet.md'];

/**
 * The book items each real card leaves out. All three are Hugging Face cards of Danish text corpora
 * from one template: they say what the data is (Dataset Description, or the text under the
 * title), list their Data Fields and state a Number of samples, but have no section on how the
 * texts were collected or turned into the corpus, on splits, pre-processing, exclusions or file
 * format. Their `task_categories` (text-generation, fill-mask) make label values moot (MLG010),
 * and they make no claim about split shares, labelers or the order of split and pre-processing
 * (MLG011–MLG013).
 */
const expectedFindings: Record<string, string[]> = {
  'adl.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
  'botxt.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
  'dannet.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
};

describe('real Hugging Face cards', () => {
  for (const name of cardFiles) {
    const file = path.join(cardsDir, name);
    const text = readFileSync(file, 'utf8');

    it(`${name} is recognised as a Markdown card by its front matter, not its name`, () => {
      assert.equal(datasetCardKind(file, text), 'markdown');
      // Without the front matter the same text under the same name is not a card.
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
      assert.notEqual(body, text);
      assert.equal(datasetCardKind(file, body), undefined);
    });

    it(`${name} states "Number of samples", so MLG009 finds nothing`, () => {
      assert.match(text, /\*\*Number of samples\*\*: [\d.]+K?\n/);
      assert.deepEqual(
        lintDatasetCard(text, 'markdown').filter((f) => f.ruleId === 'MLG009'),
        [],
      );
    });

    it(`${name} without its "Number of samples" line gets MLG009 on its title`, () => {
      const lines = text.split('\n');
      const withoutCount = lines.filter((line) => !line.includes('Number of samples')).join('\n');
      assert.equal(withoutCount.split('\n').length, lines.length - 1);
      const findings = lintDatasetCard(withoutCount, 'markdown');
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        [...(expectedFindings[name] ?? []), 'MLG009'].sort(),
      );
      const titleLine = withoutCount.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));
      const mlg009 = findings.find((f) => f.ruleId === 'MLG009');
      assert.deepEqual(mlg009?.range.start, { line: titleLine, character: 2 }, 'the range starts after "# "');
    });

    it(`${name} gets exactly the book items it leaves out, each on its title with a fix`, () => {
      const findings = lintDatasetCard(text, 'markdown');
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        expectedFindings[name],
      );
      const titleLine = text.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));
      for (const finding of findings) {
        assert.equal(finding.range.start.line, titleLine, `${finding.ruleId} is on the title`);
        assert.equal(finding.fix?.kind, 'insert-section', `${finding.ruleId} offers the insert-section fix`);
        assert.equal(finding.fix.level, 2, `${finding.ruleId} inserts a level-2 section like the card's own`);
      }
    });

    it(`${name}: the inserted pre-processing section is flagged as empty until it is written`, () => {
      const fix = lintDatasetCard(text, 'markdown').find((f) => f.ruleId === 'MLG005')?.fix;
      assert.ok(fix?.kind === 'insert-section');
      const inserted = applyEdit(text, insertSectionEdit(fix, text.split('\n'), [], '2026-01-15'));
      const lines = inserted.split('\n');
      const heading = lines.indexOf('## Pre-processing steps');
      assert.ok(heading > 0, 'the section is inserted');
      // After "Dataset Description" (the book's first item), before "Dataset Structure" (its eighth).
      assert.ok(heading < lines.indexOf('## Dataset Structure'));
      const after = lintDatasetCard(inserted, 'markdown').find((f) => f.ruleId === 'MLG005');
      assert.equal(after?.range.start.line, heading, 'now reported on the new heading');
      assert.match(after.message, /"Pre-processing steps" section is empty/);
      const written = inserted.replace(
        '## Pre-processing steps\n',
        '## Pre-processing steps\n\nWhitespace normalised; documents under 50 tokens dropped.\n',
      );
      assert.equal(
        lintDatasetCard(written, 'markdown').some((f) => f.ruleId === 'MLG005'),
        false,
      );
    });
  }
});

describe('datasetCardKind', () => {
  const plain = '# Notes\n\nNot a card.\n';

  it('recognises card file names in any folder and any case', () => {
    for (const file of [
      'DATASET.md',
      'data/DATASHEET.md',
      'a/b/churn.datacard.md',
      'dataset_card.md',
      'Dataset_Card.md',
      'docs/dataset.MD',
    ]) {
      assert.equal(datasetCardKind(file, plain), 'markdown', file);
    }
    for (const file of ['README.md', 'datasets.md', 'my-dataset.md', 'DATASET.md.bak']) {
      assert.equal(datasetCardKind(file, plain), undefined, file);
    }
    assert.equal(datasetCardKind('dataset.yaml', 'name: x\n'), 'yaml');
    assert.equal(datasetCardKind('cfg/dataset.yml', 'name: x\n'), 'yaml');
    assert.equal(datasetCardKind('config.yaml', 'name: x\n'), undefined);
  });

  it('recognises any Markdown file whose front matter carries dataset metadata', () => {
    for (const key of ['task_categories', 'size_categories', 'configs', 'dataset_info']) {
      const text = `---\n${key}:\n- something\n---\n# Title\n`;
      assert.equal(datasetCardKind('README.md', text), 'markdown', key);
      assert.equal(datasetCardKind('README.md', text.replace(/\n/g, '\r\n')), 'markdown', `${key}, CRLF`);
      assert.equal(datasetCardKind('notes.txt', text), undefined, `${key} in a .txt file`);
    }
  });

  it('does not take other front matter, or none, for a card', () => {
    assert.equal(datasetCardKind('README.md', plain), undefined);
    assert.equal(datasetCardKind('post.md', '---\ntitle: Blog post\ntags: [ml]\n---\n# Post\n'), undefined);
    assert.equal(datasetCardKind('post.md', '---\n- task_categories\n---\n'), undefined);
    assert.equal(datasetCardKind('post.md', 'intro\n---\ntask_categories: [x]\n---\n'), undefined);
  });

  it('honours custom globs', () => {
    assert.equal(datasetCardKind('cards/churn.md', plain, ['cards/*.md']), 'markdown');
    assert.equal(datasetCardKind('DATASET.md', plain, ['cards/*.md']), undefined);
  });
});
