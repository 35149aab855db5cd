// The heading vocabularies of the datasheets and huggingface profiles: which headings answer which
// section, by meaning. Each row is a heading as people write it in real cards and datasheets.
// Then sections answered by labels and tables, which rules read paragraph by paragraph and
// remember across keystrokes: each re-lint must find what a lint from scratch finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../../core/src/random/rng';
import { defaultProfiles, lintDatasetCard } from '../../server/src/lint';
import { parseDatasetCardFresh } from '../../server/src/parse/datasetCard';
import { forgetProseParagraphs } from '../../server/src/rules/prose';
// Registering the rules fills the vocabularies.
import { cardRules } from '../../server/src/rules/registry';
import { sectionsOfHeading } from '../../server/src/rules/requiredSection';
import type { CardProfile, RuleContext } from '../../server/src/rules/types';

const ids = (heading: string, profile: CardProfile): string[] =>
  sectionsOfHeading(heading, [profile]).map((spec) => spec.id);

const DATASHEET_HEADINGS: [string, string[]][] = [
  ['Motivation', ['MLG101']],
  ['1. Motivation', ['MLG101']],
  ['**Motivation**', ['MLG101']],
  ['Motivation for Dataset Creation', ['MLG101']],
  ['For what purpose was the dataset created?', ['MLG101']],
  ['Who funded the creation of the dataset?', ['MLG101']],
  ['Purpose', ['MLG101']],
  ['Composition', ['MLG102']],
  ['2 Dataset composition', ['MLG102']],
  ['What do the instances that comprise the dataset represent?', ['MLG102']],
  ['Collection Process', ['MLG103']],
  ['Data collection', ['MLG103']],
  ['How was the data associated with each instance acquired?', ['MLG103']],
  ['Preprocessing/cleaning/labeling', ['MLG104']],
  ['Preprocessing / Cleaning / Labelling', ['MLG104']],
  ['Data Cleaning', ['MLG104']],
  ['Collection and labeling', ['MLG103', 'MLG104']],
  ['Uses', ['MLG105']],
  ['Intended Uses', ['MLG105']],
  ['Out-of-Scope Use', ['MLG105']],
  ['Distribution', ['MLG106']],
  ['Distribution of the dataset', ['MLG106']],
  ['Licensing Information', ['MLG106']],
  ['How will the dataset be distributed?', ['MLG106']],
  ['Maintenance', ['MLG107']],
  ['Will the dataset be updated?', ['MLG107']],
  ['Is there an erratum? Who maintains it?', ['MLG107']],
  ['Maintainers', ['MLG107']],
  ['Dataset maintenance and updates', ['MLG107']],
  // Not datasheet sections, though they share words.
  ['Distribution of labels', []],
  ['Label distribution', []],
  ['Table of contents', []],
  ['Usage', []],
  ['Citation', []],
  ['Collection date', []],
];

const HUGGING_FACE_HEADINGS: [string, string[]][] = [
  ['Dataset Summary', ['MLG201']],
  ['Dataset Description', ['MLG201']],
  ['Supported Tasks and Leaderboards', ['MLG202']],
  ['Languages', ['MLG203']],
  ['Language(s)', ['MLG203']],
  ['Data Instances', ['MLG204']],
  ['Example', ['MLG204']],
  ['Data Fields', ['MLG205']],
  ['Schema', ['MLG205']],
  ['Features', ['MLG205']],
  ['Columns', ['MLG205']],
  ['Data Splits', ['MLG206']],
  ['Train / Validation / Test', ['MLG206']],
  ['Curation Rationale', ['MLG207']],
  ['Source Data', ['MLG208']],
  ['Initial Data Collection and Normalization', ['MLG208']],
  ['Who are the source language producers?', ['MLG208']],
  ['Annotations', ['MLG209']],
  ['Annotation process', ['MLG209']],
  ['Who are the annotators?', ['MLG209']],
  ['Personal and Sensitive Information', ['MLG210']],
  ['Social Impact of Dataset', ['MLG211']],
  ['Discussion of Biases', ['MLG212']],
  ['Other Known Limitations', ['MLG213']],
  ['Bias, Risks, and Limitations', ['MLG211', 'MLG212', 'MLG213']],
  ['Dataset Curators', ['MLG214']],
  ['Licensing Information', ['MLG215']],
  ['License', ['MLG215']],
  ['Citation Information', ['MLG216']],
  ['BibTeX', ['MLG216']],
  // Template groups and other sections: no required section of their own.
  ['Dataset Structure', []],
  ['Dataset Creation', []],
  ['Considerations for Using the Data', []],
  ['Additional Information', []],
  ['Contributions', []],
  ['Dataset Statistics', []],
  ['Number of samples', []],
  ['Impact of the preprocessing', []],
];

describe('section headings matched by meaning', () => {
  for (const [profile, table] of [
    ['datasheets', DATASHEET_HEADINGS],
    ['huggingface', HUGGING_FACE_HEADINGS],
  ] as const) {
    it(`${profile}: each heading answers exactly its sections`, () => {
      const wrong = table
        .map(([heading, expected]) => ({ heading, expected, actual: ids(heading, profile) }))
        .filter((row) => row.actual.join() !== row.expected.join());
      assert.deepEqual(wrong, []);
    });
  }

  it('keeps the profiles apart: a datasheet heading is no Hugging Face or book section, and the reverse', () => {
    assert.deepEqual(ids('Maintenance', 'huggingface'), []);
    assert.deepEqual(ids('Maintenance', 'book'), []);
    assert.deepEqual(ids('Curation Rationale', 'datasheets'), ['MLG101']);
    assert.deepEqual(ids('Personal and Sensitive Information', 'datasheets'), []);
  });

  it("reads a datasheet written with the paper's questions as headings", () => {
    const card = [
      '# Datasheet for Customer churn',
      '',
      '## For what purpose was the dataset created?',
      '',
      'To study why customers cancel.',
      '',
      '## What do the instances that comprise the dataset represent?',
      '',
      'Customers at the end of a month.',
      '',
      '## How was the data associated with each instance acquired?',
      '',
      'Exported from billing.',
      '',
      '## Was any preprocessing/cleaning/labeling of the data done?',
      '',
      '**Was the "raw" data saved in addition to the preprocessed/cleaned/labeled data?**',
      '',
      '## Has the dataset been used for any tasks already?',
      '',
      'The churn model.',
      '',
      '## Will the dataset be distributed to third parties outside of the entity?',
      '',
      'No.',
      '',
      '## Who will be supporting/hosting/maintaining the dataset?',
      '',
      'The analytics team.',
      '',
    ].join('\n');
    const findings = lintDatasetCard(card, 'markdown', { profiles: new Set(['datasheets']) });
    // Only the preprocessing section is left with its question unanswered.
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line]),
      [['MLG104', 14]],
    );
    assert.match(findings[0]?.message ?? '', /only holds a placeholder \("Was the "raw" data saved/);
  });
});

/** A section rule's findings as a user sees them: rule, place, message, fix. */
type SectionFinding = [string, unknown, string, unknown];

const SECTION_RULE = /^MLG(00[1-8]|010|1\d\d|2\d\d)$/;

/** The section rules' findings on a card linted as the server does on a keystroke, after what was linted before. */
function relint(text: string): SectionFinding[] {
  return lintDatasetCard(text, 'markdown')
    .filter((f) => SECTION_RULE.test(f.ruleId))
    .map((f) => [f.ruleId, f.range, f.message, f.fix]);
}

/** The same findings on the card parsed and read from scratch: nothing carried over from an earlier lint. */
function lintFresh(text: string): SectionFinding[] {
  forgetProseParagraphs();
  const card = parseDatasetCardFresh(text, 'markdown');
  const context: RuleContext = { profiles: new Set(defaultProfiles(card)), off: new Set() };
  const found = cardRules
    .filter((rule) => SECTION_RULE.test(rule.id) && rule.profiles.some((p) => context.profiles.has(p)))
    .flatMap((rule) => rule.check(card, context).map((f): SectionFinding => [rule.id, f.range, f.message, f.fix]));
  forgetProseParagraphs();
  return found;
}

/** Lints `before`, then `after` as the next keystroke, checks it against a fresh lint and returns it. */
function edit(before: string, after: string): SectionFinding[] {
  forgetProseParagraphs();
  relint(before);
  const found = relint(after);
  assert.deepEqual(found, lintFresh(after), `incremental lint differs from a fresh one on:\n${after}`);
  return found;
}

const ruleIds = (found: readonly SectionFinding[]): string[] => found.map(([id]) => id);

describe('sections answered by labels and tables, read paragraph by paragraph', () => {
  const card = [
    '---',
    'task_categories:',
    '- text-classification',
    '---',
    '# Support tickets',
    '',
    'One row per support ticket opened by a customer in 2024.',
    '',
    '**Storage format:** TODO',
    '',
    '**Collection process:** exported weekly from the help desk.',
    '',
    '**Excluded data:**',
    '',
    '## Notes',
    '',
    'The help desk also stores replies.',
    '',
    '| field | note |',
    '| --- | --- |',
    '| text | string |',
    '',
  ].join('\n');

  it('an edit to a label paragraph changes its finding, as a fresh lint of the edited card does', () => {
    const before = edit(card, card);
    assert.ok(before.some(([id, , message]) => id === 'MLG007' && /only holds a placeholder \("TODO"\)/.test(message)));
    const stated = edit(card, card.replace('**Storage format:** TODO', '**Storage format:** CSV, one file a month'));
    assert.ok(!ruleIds(stated).includes('MLG007'), 'the storage format is stated now');
    const cleared = edit(card, card.replace('**Storage format:** TODO', 'Nothing about the format.'));
    assert.ok(cleared.some(([id, , message]) => id === 'MLG007' && /no "Storage format" section/.test(message)));
  });

  it("reads a label's value from the card where the prose blanks a URL", () => {
    // The prose blanks link targets and URLs; exclusions given only as a URL are still given.
    const url = card.replace('**Excluded data:**\n', '**Excluded data:** https://example.com/helpdesk/exclusions\n');
    assert.ok(!ruleIds(edit(card, url)).includes('MLG006'));
    const below = card.replace(
      '**Excluded data:**\n\n',
      '**Excluded data:**\nhttps://example.com/helpdesk/exclusions\n\n',
    );
    assert.ok(!ruleIds(edit(card, below)).includes('MLG006'));
    // And back: a label with nothing after it, before a heading, is an empty entry.
    assert.ok(
      edit(url, card).some(([id, , message]) => id === 'MLG006' && /"Excluded data" entry is empty/.test(message)),
    );
  });

  it('a table header edited into a data dictionary states the attribute types', () => {
    assert.ok(ruleIds(edit(card, card)).includes('MLG008'));
    const dictionary = card.replace('| field | note |', '| field | type |');
    assert.ok(!ruleIds(edit(card, dictionary)).includes('MLG008'));
    assert.ok(ruleIds(edit(dictionary, card)).includes('MLG008'));
    // A header whose column name is a link: the prose blanks the target, the header is read from the card.
    const linked = card.replace('| field | note |', '| [field](https://example.com/schema) | type |');
    assert.ok(!ruleIds(edit(card, linked)).includes('MLG008'));
  });

  it('finds after any sequence of edits what a fresh lint finds', () => {
    const rng = createRng(20261127);
    const snippets = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '**Labels:** ',
      '**Storage format:**',
      'https://example.com/a',
      '[link](https://example.com/b)',
      'TODO',
      ':',
      '- ',
      '| column | type |\n| --- | --- |',
      '## Data Fields\n',
      '<!-- note -->',
    ];
    let text = card;
    forgetProseParagraphs();
    for (let keystroke = 0; keystroke < 300; keystroke++) {
      const lines = text.split('\n');
      const at = 4 + rng.nextInt(lines.length - 4);
      const line = lines[at] ?? '';
      const column = rng.nextInt(line.length + 1);
      if (rng.nextInt(6) === 0 && lines.length > 8) lines.splice(at, 1);
      else lines[at] = line.slice(0, column) + (snippets[rng.nextInt(snippets.length)] ?? '') + line.slice(column);
      text = lines.join('\n');
      const found = relint(text);
      const fresh = lintFresh(text);
      assert.deepEqual(found, fresh, `keystroke ${String(keystroke)}:\n${text}`);
      // The fresh lint forgot the carried paragraphs: lint again so the next keystroke carries them.
      relint(text);
    }
  });
});
