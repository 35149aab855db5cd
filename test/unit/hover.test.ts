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

  it('explains a Datasheets for Datasets section when that profile is active', () => {
    const card = '# Churn\n\nCustomers.\n\n## 1. Motivation\n\nTo study cancellations.\n';
    const hover = headingHover(card, { line: 4, character: 6 }, new Set(['datasheets']));
    assert.ok(hover);
    assert.match(
      hover.markdown,
      /\[MLG101 datasheet-motivation\]\(file:.*MLG101\.md\), Datasheets for Datasets, section 1 of 7/,
    );
    assert.match(hover.markdown, /For what purpose was the dataset created/);
    assert.match(hover.markdown, /\*Why:\* Datasheets for Datasets asks first for the purpose/);
    // The book's profile alone has no item called Motivation.
    assert.equal(headingHover(card, { line: 4, character: 6 }, new Set(['book'])), undefined);
  });

  it("explains a Hugging Face card's heading with each active profile's section, by the card's default profiles", () => {
    const card =
      '---\nlicense: mit\ntask_categories: [text-classification]\n---\n# Reviews\n\n## Dataset Structure\n\n### Data Fields\n\n- `text`\n';
    const hover = headingHover(card, { line: 8, character: 6 });
    assert.ok(hover);
    assert.match(hover.markdown, /MLG008 attribute-types/);
    assert.match(
      hover.markdown,
      /\[MLG205 hf-data-fields\]\(.*\), the Hugging Face dataset card template, under "Dataset Structure"/,
    );
    assert.equal(headingHover(card, { line: 8, character: 6 }, new Set(['book']))?.markdown.includes('MLG205'), false);
  });

  it('lists what goes under a Hugging Face template group', () => {
    const card = '# Reviews\n\n## Dataset Creation\n\nSee below.\n';
    const hover = headingHover(card, { line: 2, character: 5 }, new Set(['huggingface']));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*Dataset Creation\*\* — a group of the Hugging Face dataset card template/);
    for (const heading of ['Curation Rationale', 'Source Data', 'Annotations', 'Personal and Sensitive Information']) {
      assert.match(hover.markdown, new RegExp(`- \\*\\*${heading}\\*\\* \\(\\[MLG2\\d\\d`));
    }
  });
});
