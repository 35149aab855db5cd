// Inline suppression comments: switching a rule off for a line or a file, by id or alias.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDatasetCard } from '../../server/src/lint';
import { commentKindAt, fileDirectiveLine, suppressionComment } from '../../server/src/suppress';
import { applyEdit } from './support';

/** Rule ids found in `text`, sorted. */
function ids(text: string, kind: 'markdown' | 'yaml' = 'markdown'): string[] {
  return [...new Set(lintDatasetCard(text, kind).map((f) => f.ruleId))].sort();
}

const CARD = '# Survey answers\n\nOne row per answer to the 2025 survey.\n';

describe('suppression comments', () => {
  it('switch named rules off for the whole file, by id or alias', () => {
    const all = ids(CARD);
    assert.ok(all.includes('MLG009') && all.includes('MLG005'), all.join(','));
    const without = ids(`<!-- mlguide-disable MLG009 preprocessing-steps -->\n${CARD}`);
    assert.deepEqual(
      without,
      all.filter((id) => id !== 'MLG009' && id !== 'MLG005'),
    );
  });

  it('switch every rule off when none is named', () => {
    assert.deepEqual(ids(`<!-- mlguide-disable -->\n${CARD}`), []);
  });

  it('switch a rule off for the next non-blank line, or for the line they are on', () => {
    const nextLine = `<!-- mlguide-disable-next-line MLG009 -->\n\n${CARD}`;
    assert.ok(!ids(nextLine).includes('MLG009'));
    const sameLine = CARD.replace(
      '# Survey answers',
      '# Survey answers <!-- mlguide-disable-line number-of-examples -->',
    );
    assert.ok(!ids(sameLine).includes('MLG009'));
    // A directive for another line leaves the title's findings alone.
    const elsewhere = CARD.replace('One row', '<!-- mlguide-disable-line MLG009 -->One row');
    assert.ok(ids(elsewhere).includes('MLG009'));
  });

  it('ignore names that are not rules', () => {
    assert.deepEqual(ids(`<!-- mlguide-disable NOPE -->\n${CARD}`), ids(CARD));
  });

  it('are YAML comments in dataset.yaml cards', () => {
    const yaml = 'name: survey\ndescription: answers\n';
    assert.ok(ids(yaml, 'yaml').includes('MLG009'));
    assert.ok(!ids(`# mlguide-disable MLG009\n${yaml}`, 'yaml').includes('MLG009'));
  });

  it('are what the disable quick fixes insert, after the front matter for a whole file', () => {
    const card = `---\nlicense: mit\n---\n${CARD}`;
    const lines = card.split('\n');
    const line = fileDirectiveLine(lines, 'markdown');
    assert.equal(line, 3);
    const at = { line, character: 0 };
    const edited = applyEdit(card, {
      range: { start: at, end: at },
      newText: `${suppressionComment('markdown', 'file', 'MLG009')}\n`,
    });
    assert.ok(!ids(edited).includes('MLG009'));
    assert.equal(suppressionComment('yaml', 'next-line', 'MLG009'), '# mlguide-disable-next-line MLG009');
  });

  it('are YAML comments inside a Markdown card’s front matter, so the front matter stays valid', () => {
    const card = `---\nlicense: mit\nsize_categories:\n- 1-10k\n---\n${CARD}`;
    const lines = card.split('\n');
    const finding = lintDatasetCard(card, 'markdown').find((f) => f.ruleId === 'MLG302');
    assert.ok(finding, 'the hand-written size category is reported');
    const line = finding.range.start.line;
    assert.equal(commentKindAt(lines, 'markdown', line), 'yaml');
    assert.equal(commentKindAt(lines, 'markdown', 5), 'markdown', 'the body keeps HTML comments');
    const at = { line, character: 0 };
    const edited = applyEdit(card, {
      range: { start: at, end: at },
      newText: `${suppressionComment(commentKindAt(lines, 'markdown', line), 'next-line', 'MLG302')}\n`,
    });
    const after = ids(edited);
    assert.ok(!after.includes('MLG302'), after.join(','));
    assert.ok(!after.includes('MLG301'), 'the front matter still parses');
  });
});
