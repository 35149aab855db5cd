// MLG011 reads each paragraph once while it is unchanged and combines what it found on every
// keystroke (server/src/rules/prose.ts carries unchanged paragraphs from one lint to the next).
// These tests type into cards the way an editor does and check that each re-lint finds exactly
// what a lint of the edited card from scratch finds — the context a paragraph's claims depend on
// (its section, the loose list around it) included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../core/src/random/rng';
import { lintDatasetCard } from '../../server/src/lint';
import { forgetParsedCards } from '../../server/src/parse/datasetCard';
import { forgetProseParagraphs } from '../../server/src/rules/prose';

interface Found {
  line: number;
  endLine: number;
  message: string;
}

/** MLG011's findings on a card, linted after whatever was linted before (as on a keystroke). */
function relint(lines: readonly string[]): Found[] {
  return lintDatasetCard(lines.join('\n'), 'markdown')
    .filter((finding) => finding.ruleId === 'MLG011')
    .map((finding) => ({ line: finding.range.start.line, endLine: finding.range.end.line, message: finding.message }));
}

/**
 * MLG011's findings on a card, with nothing carried over from an earlier lint: neither paragraphs
 * nor the parsed card (a card parsed before comes back from the parser's cache with its prose).
 */
function lintFresh(lines: readonly string[]): Found[] {
  forgetParsedCards();
  forgetProseParagraphs();
  const found = relint(lines);
  forgetParsedCards();
  forgetProseParagraphs();
  return found;
}

/** Lints `before`, then `after` as the next keystroke: the findings on `after`, checked against a fresh lint. */
function edit(before: readonly string[], after: readonly string[]): Found[] {
  forgetProseParagraphs();
  relint(before);
  const found = relint(after);
  assert.deepEqual(found, lintFresh(after), `incremental lint differs from a fresh one on:\n${after.join('\n')}`);
  return found;
}

const HEAD = [
  '# Customer churn',
  '',
  '## What the data means',
  '',
  'One row per customer of a subscription service.',
  '',
];

describe('MLG011 across keystrokes', () => {
  it('finds a claim typed into a paragraph, and drops it when corrected', () => {
    const adding = [...HEAD, '## Data Splits', '', 'We use a 70/20/10 split of the raw data.', ''];
    const wrong = adding.map((line) => line.replace('70/20/10', '70/20/15'));
    const found = edit(adding, wrong);
    const [claim] = found;
    assert.ok(claim && found.length === 1);
    assert.equal(claim.line, 8);
    assert.match(claim.message, /"70\/20\/15" \(70 % \+ 20 % \+ 15 %\) add up to 105 %/);
    assert.deepEqual(edit(wrong, adding), []);
  });

  it('reads a bare group by the section it is in, when the heading above it changes', () => {
    const inSplits = [...HEAD, '## Data Splits', '', 'Shares: 70/20/15.', ''];
    const inNotes = inSplits.map((line) => (line === '## Data Splits' ? '## Notes' : line));
    // The paragraph is unchanged (its reading is remembered); only its section differs.
    const found = edit(inNotes, inSplits);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.line, 8);
    assert.deepEqual(edit(inSplits, inNotes), []);
  });

  it('reads a loose list as one claim, and its parts apart once a paragraph or a plain line splits it', () => {
    const list = [...HEAD, '## Data Splits', '', '- train: 80 %', '', '- validation: 10 %', '', '- test: 5 %', ''];
    const found = edit(list, list);
    const [claim] = found;
    assert.ok(claim && found.length === 1);
    // The claim runs from the first item to the last, across the blank lines between them.
    assert.equal(claim.line, 8);
    assert.equal(claim.endLine, 12);
    assert.match(claim.message, /train 80 % \+ validation 10 % \+ test 5 % add up to 95 %/);
    // A paragraph typed after the first item ends its block: the other two are still one list.
    const split = [...list.slice(0, 10), 'Then:', '', ...list.slice(10)];
    const rest = edit(list, split);
    assert.deepEqual(
      rest.map(({ line, endLine }) => ({ line, endLine })),
      [{ line: 12, endLine: 14 }],
    );
    assert.match(rest[0]?.message ?? '', /validation 10 % \+ test 5 % add up to 15 %/);
    assert.deepEqual(edit(split, list), found);
    // An item typed back into a plain line joins the list again.
    const plain = list.map((line) => (line === '- validation: 10 %' ? 'validation: 10 %' : line));
    assert.deepEqual(edit(list, plain), []);
    assert.deepEqual(edit(plain, list), found);
  });

  it('finds a table row edited to break the total, on the card lines of its split rows', () => {
    const table = [
      ...HEAD,
      '## Data Splits',
      '',
      '| split | rows |',
      '| --- | --- |',
      '| train | 7,000 |',
      '| test | 3,000 |',
      '| total | 10,000 |',
      '',
    ];
    const edited = table.map((line) => line.replace('3,000', '3,500'));
    const found = edit(table, edited);
    assert.deepEqual(
      found.map(({ line, endLine }) => ({ line, endLine })),
      [{ line: 10, endLine: 11 }],
    );
    assert.match(found[0]?.message ?? '', /add up to 10,500 \(7,000 \+ 3,500\), not the 10,000 of its "total" row/);
    assert.deepEqual(edit(edited, table), []);
  });

  it('finds after any sequence of edits what a fresh lint finds', () => {
    const pool = [
      '',
      '',
      '## Data Splits',
      '## Notes',
      'We split 70/20/15 at random.',
      'Shares: 0.7 / 0.2 / 0.2.',
      'an 80-20 split',
      '80 % for training, 15 % for validation and 10 % for test.',
      '- train: 80 %',
      '- test: 30 %',
      '1. the rest',
      '2. validation: 10 %',
      'train = 0.8, test = 0.3',
      'accuracy 73%/27%',
      '| split | share |',
      '| --- | --- |',
      '| train | 70 % |',
      '| test | 40 % |',
      '```',
      'The rest is for test.',
    ];
    const rng = createRng(11);
    const pick = (): string => pool[rng.nextInt(pool.length)] ?? '';
    let lines = [...HEAD, ...Array.from({ length: 30 }, pick)];
    let findings = 0;
    forgetProseParagraphs();
    for (let keystroke = 0; keystroke < 300; keystroke++) {
      const at = HEAD.length + rng.nextInt(lines.length - HEAD.length);
      const change = rng.nextInt(3);
      if (change === 0) lines[at] = pick();
      else if (change === 1) lines.splice(at, 0, pick());
      else lines[at] = `${lines[at] ?? ''}${rng.nextInt(2) === 0 ? ' 5 %' : 'x'}`;
      lines = [...lines];
      const found = relint(lines);
      findings += found.length;
      const fresh = lintFresh(lines);
      assert.deepEqual(found, fresh, `keystroke ${String(keystroke)}:\n${lines.join('\n')}`);
      // The fresh lint forgot the paragraphs: lint again so the next keystroke carries them over.
      relint(lines);
    }
    // The edits made claims that do not add up, so the comparison is of findings, not of nothing.
    assert.ok(findings > 100, `only ${String(findings)} findings over the edits`);
  });
});
