// Completion of headings in a card: the book's items, missing ones first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingCompletions } from '../../server/src/completion';
import { applyEdit } from './support';

const CARD = '# Churn\n\nCustomers.\n\n## Storage format\n\nCSV.\n\n## \n';

describe('headingCompletions', () => {
  it('offers the ten items on a heading line, those the card lacks first', () => {
    const items = headingCompletions(CARD, { line: 8, character: 3 });
    assert.equal(items.length, 10);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted.at(-1)?.label, 'Storage format', 'the card already has it');
    assert.match(sorted.at(-1)?.detail ?? '', /the card has it/);
    assert.ok(items.some((i) => i.label === 'Number of examples'));
    assert.match(items.find((i) => i.label === 'Pre-processing steps')?.documentation ?? '', /Why: /);
  });

  it('replaces what follows the # marks with the heading', () => {
    const text = '# Churn\n\n## pre';
    const item = headingCompletions(text, { line: 2, character: 6 }).find((i) => i.label === 'Pre-processing steps');
    assert.ok(item);
    const edited = applyEdit(text, {
      range: { start: { line: 2, character: item.replaceFrom }, end: { line: 2, character: 6 } },
      newText: item.insertText,
    });
    assert.equal(edited.split('\n')[2], '## Pre-processing steps');
  });

  it('offers nothing off a heading line', () => {
    assert.deepEqual(headingCompletions(CARD, { line: 2, character: 3 }), []);
  });

  it("offers the active profiles' sections, the missing ones first, each saying where it comes from", () => {
    const card = '# Churn\n\n## Motivation\n\nTo study cancellations.\n\n## \n';
    const items = headingCompletions(card, { line: 6, character: 3 }, new Set(['datasheets']));
    assert.deepEqual(
      [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label),
      [
        'Composition',
        'Collection process',
        'Preprocessing/cleaning/labeling',
        'Uses',
        'Distribution',
        'Maintenance',
        'Motivation',
      ],
    );
    const collection = items.find((i) => i.label === 'Collection process');
    assert.equal(collection?.detail, 'MLG103 · Datasheets for Datasets, section 3 of 7');
    assert.match(collection.documentation, /^How was the data of each instance acquired[\s\S]*\n\nWhy: /);
    assert.match(items.find((i) => i.label === 'Motivation')?.detail ?? '', /the card has it/);
  });

  it("offers a Hugging Face card both profiles' sections by default, a heading that answers both counted for both", () => {
    const card =
      '---\nlicense: mit\ntask_categories: [text-classification]\n---\n# Reviews\n\n## Data Fields\n\n- `text`\n\n## \n';
    const items = headingCompletions(card, { line: 10, character: 3 });
    assert.equal(items.length, 10 + 16);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    // Missing ones first: the book's (in its order), then the Hugging Face template's.
    assert.equal(sorted[0]?.label, 'What the data means');
    assert.equal(sorted.find((i) => i.detail.startsWith('MLG2'))?.label, 'Dataset Summary');
    assert.match(items.find((i) => i.label === 'Types of attributes')?.detail ?? '', /the card has it/);
    assert.match(items.find((i) => i.label === 'Data Fields')?.detail ?? '', /MLG205 .*the card has it/);
    const position = (label: string): number => sorted.findIndex((i) => i.label === label);
    assert.ok(
      position('Data Fields') > position('Citation Information'),
      'what the card has comes after what it lacks',
    );
  });

  it("offers a template group's missing sections first on a subheading inside that group", () => {
    const card = [
      '# Reviews',
      '',
      '## Dataset Structure',
      '',
      '### Data Instances',
      '',
      '```json',
      '{"text": "Great phone.", "label": 1}',
      '```',
      '',
      '### ',
      '',
    ].join('\n');
    const items = headingCompletions(card, { line: 10, character: 4 }, new Set(['huggingface']));
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(
      sorted.slice(0, 3).map((i) => i.label),
      ['Data Fields', 'Data Splits', 'Dataset Summary'],
    );
    assert.equal(sorted.at(-1)?.label, 'Data Instances', 'the card has it');
  });
});
