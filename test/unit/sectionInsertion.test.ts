// Where the insert-section quick fix of the datasheets and Hugging Face rules puts a section: in the
// profile's order, and for the Hugging Face template inside the group the section belongs to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { insertSectionEdit } from '../../server/src/fixes';
import { lintDatasetCard } from '../../server/src/lint';
import type { CardProfile } from '../../server/src/rules/types';
import { applyEdit, corpusDir } from './support';

function insertFor(text: string, ruleId: string, profiles: CardProfile[]): { text: string; line: number } {
  const finding = lintDatasetCard(text, 'markdown', { profiles: new Set(profiles) }).find((f) => f.ruleId === ruleId);
  const fix = finding?.fix;
  assert.ok(fix?.kind === 'insert-section', `${ruleId} offers an insert-section fix`);
  const inserted = applyEdit(text, insertSectionEdit(fix, text.split('\n'), [], '2026-11-27'));
  return { text: inserted, line: fix.line };
}

const headings = (text: string): string[] => text.split('\n').filter((line) => /^#{1,6} /.test(line));

describe('inserting a missing section', () => {
  it('puts a Hugging Face section inside its group when the card has the group', () => {
    const card = [
      '# Reviews',
      '',
      'Product reviews with a star rating.',
      '',
      '## Dataset Creation',
      '',
      '### Source Data',
      '',
      'Crawled from a shop in 2024.',
      '',
      '## Additional Information',
      '',
      '### Citation Information',
      '',
      'None.',
      '',
    ].join('\n');
    const curation = insertFor(card, 'MLG207', ['huggingface']);
    assert.deepEqual(headings(curation.text), [
      '# Reviews',
      '## Dataset Creation',
      '### Curation Rationale',
      '### Source Data',
      '## Additional Information',
      '### Citation Information',
    ]);
    const personal = insertFor(card, 'MLG210', ['huggingface']);
    assert.deepEqual(headings(personal.text).slice(1, 4), [
      '## Dataset Creation',
      '### Source Data',
      '### Personal and Sensitive Information',
    ]);
    assert.equal(headings(personal.text)[4], '## Additional Information');
  });

  it('puts a section whose group the card lacks after the group before it, at the top level', () => {
    const adl = readFileSync(path.join(corpusDir, 'cards', 'adl.md'), 'utf8');
    const { text } = insertFor(adl, 'MLG207', ['huggingface']);
    const list = headings(text);
    // After "Dataset Structure" (with its Data Fields and Statistics), before "Additional Information".
    assert.equal(list[list.indexOf('## Curation Rationale') - 1], '### Dataset Statistics');
    assert.equal(list[list.indexOf('## Curation Rationale') + 1], '## Additional Information');
  });

  it("keeps a datasheet's sections in the paper's order", () => {
    const sheet =
      '# Datasheet\n\n## Motivation\n\nWhy.\n\n## Uses\n\nFor churn models.\n\n## Maintenance\n\nThe team.\n';
    const { text } = insertFor(sheet, 'MLG106', ['datasheets']);
    assert.deepEqual(headings(text), ['# Datasheet', '## Motivation', '## Uses', '## Distribution', '## Maintenance']);
    assert.match(text, /## Distribution\n\n<!-- Will the dataset be distributed to third parties/);
  });
});
