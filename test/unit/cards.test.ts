// Real dataset cards written by other people (../shared/corpus/cards), and how files are
// recognised as dataset cards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { datasetCardKind, lintDatasetCard } from '../../server/src/lint';
import { corpusDir } from './support';

const cardsDir = path.join(corpusDir, 'cards');
// The corpus README names these three; other cards may be added beside them.
const cardFiles = ['adl.md', 'botxt.md', 'dannet.md'];

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
        ['MLG009'],
      );
      const titleLine = withoutCount.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));
      assert.deepEqual(findings[0]?.range.start, { line: titleLine, character: 2 }, 'the range starts after "# "');
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
