// The heading vocabularies of the datasheets and huggingface profiles: which headings answer which
// section, by meaning. Each row is a heading as people write it in real cards and datasheets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDatasetCard } from '../../server/src/lint';
import { sectionsOfHeading } from '../../server/src/rules/requiredSection';
import type { CardProfile } from '../../server/src/rules/types';
// Registering the rules fills the vocabularies.
import '../../server/src/rules/registry';

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
