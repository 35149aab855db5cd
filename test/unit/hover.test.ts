// Hover on a card's headings: the book's item, what to write, and why.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingHover } from '../../server/src/hover';

const CARD = '# Churn\n\nCustomers.\n\n## Data Cleaning\n\nDeduplicated.\n\n## Collection and Labeling\n\nExported.\n';

describe('headingHover', () => {
  it('explains the item a heading answers, by meaning, with a link to the rule page', () => {
    const hover = headingHover(CARD, { line: 4, character: 5 });
    assert.ok(hover);
    assert.match(hover.markdown, /\[MLG005 preprocessing-steps\]\(file:.*MLG005\.md\)/);
    assert.match(hover.markdown, /\*Why:\* Every step changes what the model sees/);
    assert.deepEqual(hover.range.start, { line: 4, character: 3 });
  });

  it('explains every item of a heading that joins several', () => {
    const hover = headingHover(CARD, { line: 8, character: 4 });
    assert.ok(hover);
    assert.match(hover.markdown, /MLG002/);
    assert.match(hover.markdown, /MLG003/);
  });

  it('says nothing off a heading, or on a heading that is no item of the book', () => {
    assert.equal(headingHover(CARD, { line: 2, character: 1 }), undefined);
    assert.equal(headingHover('# Churn\n\n## Acknowledgements\n\nThanks.\n', { line: 2, character: 4 }), undefined);
  });
});
