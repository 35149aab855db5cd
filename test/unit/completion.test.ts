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
});
