// Real dataset cards written by other people (../shared/corpus/cards), and how files are
// recognised as dataset cards.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { insertSectionEdit } from '../../server/src/fixes';
import { datasetCardKind, lintDatasetCard, type LintFinding } from '../../server/src/lint';
import { parseDatasetCard } from '../../server/src/parse/datasetCard';
import { applyEdit, corpusDir } from './support';

/** The findings of the book's rules (MLG0xx): other profiles' rules are tested on their own below. */
const bookOnly = (findings: LintFinding[]): LintFinding[] => findings.filter((f) => /^MLG0\d\d$/.test(f.ruleId));

const cardsDir = path.join(corpusDir, 'cards');
// The corpus README names these three; other cards may be added beside them.
const cardFiles = ['adl.md', 'botxt.md', 'dannet.md'];

/**
 * The book items each real card leaves out. All three are Hugging Face cards of Danish text corpora
 * from one template: they say what the data is (Dataset Description, or the text under the
 * title), list their Data Fields and state a Number of samples, but have no section on how the
 * texts were collected or turned into the corpus, on splits, pre-processing, exclusions or file
 * format. Their `task_categories` (text-generation, fill-mask) make label values moot (MLG010),
 * and they make no claim about split shares, labelers or the order of split and pre-processing
 * (MLG011–MLG013).
 */
const expectedFindings: Record<string, string[]> = {
  'adl.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
  'botxt.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
  'dannet.md': ['MLG002', 'MLG003', 'MLG004', 'MLG005', 'MLG006', 'MLG007'],
};

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
      const findings = bookOnly(lintDatasetCard(withoutCount, 'markdown'));
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        [...(expectedFindings[name] ?? []), 'MLG009'].sort(),
      );
      const titleLine = withoutCount.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));
      const mlg009 = findings.find((f) => f.ruleId === 'MLG009');
      assert.deepEqual(mlg009?.range.start, { line: titleLine, character: 2 }, 'the range starts after "# "');
    });

    it(`${name} gets exactly the book items it leaves out, each on its title with a fix`, () => {
      const findings = bookOnly(lintDatasetCard(text, 'markdown'));
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        expectedFindings[name],
      );
      const titleLine = text.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));
      // The card lacks most sections of its profiles (book + huggingface), so the first missing
      // one offers the whole skeleton; the others insert their own section.
      const [first, ...rest] = findings;
      assert.equal(first?.fix?.kind, 'edit');
      assert.match(first.fix.title, /^Insert a card skeleton for book\+huggingface \(\d+ missing sections\)$/);
      for (const finding of findings)
        assert.equal(finding.range.start.line, titleLine, `${finding.ruleId} is on the title`);
      for (const finding of rest) {
        assert.equal(finding.fix?.kind, 'insert-section', `${finding.ruleId} offers the insert-section fix`);
        assert.equal(finding.fix.level, 2, `${finding.ruleId} inserts a level-2 section like the card's own`);
      }
    });

    it(`${name}: the inserted pre-processing section is flagged as empty until it is written`, () => {
      const fix = lintDatasetCard(text, 'markdown').find((f) => f.ruleId === 'MLG005')?.fix;
      assert.ok(fix?.kind === 'insert-section');
      const inserted = applyEdit(text, insertSectionEdit(fix, text.split('\n'), [], '2026-01-15'));
      const lines = inserted.split('\n');
      const heading = lines.indexOf('## Pre-processing steps');
      assert.ok(heading > 0, 'the section is inserted');
      // After "Dataset Description" (the book's first item), before "Dataset Structure" (its eighth).
      assert.ok(heading < lines.indexOf('## Dataset Structure'));
      const after = lintDatasetCard(inserted, 'markdown').find((f) => f.ruleId === 'MLG005');
      assert.equal(after?.range.start.line, heading, 'now reported on the new heading');
      assert.match(after.message, /"Pre-processing steps" section is empty/);
      const written = inserted.replace(
        '## Pre-processing steps\n',
        '## Pre-processing steps\n\nWhitespace normalised; documents under 50 tokens dropped.\n',
      );
      assert.equal(
        lintDatasetCard(written, 'markdown').some((f) => f.ruleId === 'MLG005'),
        false,
      );
    });
  }
});

/**
 * The same three cards under the other two profiles. They are short cards of Danish text corpora
 * (danish-foundation-models/datasheets), written to one house template: a description, an example,
 * the data fields, statistics, the licence (metadata or a section) and a citation.
 */
const profileFindings: Record<string, { datasheets: string[]; huggingface: string[]; withBook: string[] }> = {
  // ADL: would its maintainers agree? Datasheets: yes for Motivation (nothing says why the collection
  // is in the corpus or who paid), Collection (it says the texts come from printed editions, not how
  // the corpus obtained them or when), Preprocessing (nothing on conversion or cleaning), Uses and
  // Maintenance (no contact, no update policy) — though they might answer that the Danish Gigaword
  // paper, which the card cites, holds some of it. Composition (the example and the fields) and
  // Distribution (`license: cc0-1.0`) are answered. Hugging Face: Data Splits they would call moot for
  // a one-split corpus — the fix asks for one sentence saying so; Curation Rationale, Source Data,
  // Personal and Sensitive Information, the three Considerations and Dataset Curators are template
  // sections the house template left out, and for a literary archive from 1700–2023 biases and
  // limitations are real and worth stating. Annotations does not apply (a text-generation / fill-mask
  // corpus) and tasks, languages and licence are in the metadata.
  'adl.md': {
    datasheets: ['MLG101', 'MLG103', 'MLG104', 'MLG105', 'MLG107'],
    huggingface: ['MLG206', 'MLG207', 'MLG208', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
    withBook: ['MLG207', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
  },
  // Bornholmsk: the same findings, for the same reasons; a dialect corpus makes Personal and
  // Sensitive Information (private letters and recordings?) and Discussion of Biases more pressing,
  // so its maintainers would be hard pressed to disagree.
  'botxt.md': {
    datasheets: ['MLG101', 'MLG103', 'MLG104', 'MLG105', 'MLG107'],
    huggingface: ['MLG206', 'MLG207', 'MLG208', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
    withBook: ['MLG207', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
  },
  // DanNet: its "License Information" section (the full DanNet licence) answers Distribution and
  // Licensing; the rest as for ADL. Its maintainers might say a WordNet needs no Discussion of Biases;
  // the rule's page says a sentence saying so is an answer.
  'dannet.md': {
    datasheets: ['MLG101', 'MLG103', 'MLG104', 'MLG105', 'MLG107'],
    huggingface: ['MLG206', 'MLG207', 'MLG208', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
    withBook: ['MLG207', 'MLG210', 'MLG211', 'MLG212', 'MLG213', 'MLG214'],
  },
};

/** The findings of the section rules of Datasheets (MLG1xx) and of the Hugging Face template (MLG2xx). */
const sectionRuleIds = (findings: LintFinding[], prefix: 'MLG1' | 'MLG2'): string[] =>
  findings.filter((f) => f.ruleId.startsWith(prefix)).map((f) => f.ruleId);

describe('the datasheets and huggingface profiles on the real cards', () => {
  for (const name of cardFiles) {
    const text = readFileSync(path.join(cardsDir, name), 'utf8');
    const expected = profileFindings[name];
    const titleLine = text.split('\n').findIndex((line) => line.startsWith('# Dataset Card for'));

    it(`${name} as a datasheet: the five sections it lacks, on its title, the first with the skeleton`, () => {
      const findings = lintDatasetCard(text, 'markdown', { profiles: new Set(['datasheets']) });
      assert.deepEqual(sectionRuleIds(findings, 'MLG1'), expected?.datasheets);
      assert.deepEqual(
        findings.map((f) => f.range.start.line),
        Array(5).fill(titleLine) as number[],
      );
      assert.equal(findings[0]?.fix?.title, 'Insert a card skeleton for datasheets (5 missing sections)');
      assert.equal(findings[1]?.fix?.title, 'Insert a "Collection process" section');
    });

    it(`${name} with the huggingface profile: the template sections it lacks`, () => {
      const findings = lintDatasetCard(text, 'markdown', { profiles: new Set(['huggingface']) });
      assert.deepEqual(sectionRuleIds(findings, 'MLG2'), expected?.huggingface);
      for (const finding of findings.filter((f) => f.ruleId.startsWith('MLG2'))) {
        assert.equal(finding.range.start.line, titleLine, `${finding.ruleId} is on the title`);
      }
    });

    it(`${name} by default (book + huggingface): a section the book asks for too is reported once`, () => {
      const findings = lintDatasetCard(text, 'markdown');
      assert.deepEqual(sectionRuleIds(findings, 'MLG2'), expected?.withBook);
      assert.deepEqual(
        bookOnly(findings).map((f) => f.ruleId),
        expectedFindings[name],
      );
    });
  }
});

/** Applies a finding's skeleton fix. */
function applySkeleton(text: string, finding: LintFinding | undefined): string {
  const fix = finding?.fix;
  assert.ok(fix?.kind === 'edit', `${finding?.ruleId ?? 'no finding'} carries the skeleton fix`);
  assert.equal(fix.edits.length, 1);
  const [edit] = fix.edits;
  assert.ok(edit);
  return applyEdit(text, edit);
}

const TEMPLATE_GROUPS = new Set([
  'Dataset Description',
  'Dataset Structure',
  'Dataset Creation',
  'Considerations for Using the Data',
  'Additional Information',
]);

describe('the card skeleton quick fix', () => {
  const adl = readFileSync(path.join(cardsDir, 'adl.md'), 'utf8');
  const profileSets = [
    ['datasheets'],
    ['huggingface'],
    ['book', 'huggingface'],
    ['datasheets', 'huggingface'],
  ] as const;

  for (const set of profileSets) {
    it(`on a real card with ${set.join(' + ')}: every missing section becomes an empty one under a new heading`, () => {
      const profiles = new Set(set);
      const before = lintDatasetCard(adl, 'markdown', { profiles });
      const missing = before.filter((f) => f.fix && /^The card does not say .*: no "/.test(f.message));
      const skeleton = before.filter((f) => f.fix?.kind === 'edit');
      assert.equal(skeleton.length, 1, 'one finding carries the skeleton');
      const title = /^Insert a card skeleton for (\S+) \((\d+) missing sections\)$/.exec(skeleton[0]?.fix?.title ?? '');
      assert.ok(title, 'the skeleton names the profiles and the count');
      assert.equal(title[1], set.join('+'));

      const after = applySkeleton(adl, skeleton[0]);
      const oldLines = adl.split('\n').length;
      const card = parseDatasetCard(after, 'markdown');
      // Valid Markdown: every heading line written is a heading the parser sees, levels go down one at a time.
      const written = after.split('\n').slice(oldLines - 1);
      const headingLines = written.filter((line) => /^#{1,6} /.test(line));
      const newSections = card.sections.filter((s) => s.range.start.line >= oldLines - 1);
      assert.deepEqual(
        newSections.map((s) => `${'#'.repeat(s.level)} ${s.heading}`),
        headingLines,
      );
      // The count in the title is the sections written, not the Hugging Face group headings around them.
      assert.equal(Number(title[2]), newSections.filter((s) => !TEMPLATE_GROUPS.has(s.heading)).length);
      let previous = 2;
      for (const section of newSections) {
        assert.ok(
          section.level <= previous + 1 && section.level >= 2,
          `${section.heading} at level ${String(section.level)}`,
        );
        previous = section.level;
      }
      assert.ok(after.endsWith('-->\n'), 'the card ends with a newline');
      assert.equal(after.slice(0, adl.length), adl, 'nothing the user wrote changes');

      const again = lintDatasetCard(after, 'markdown', { profiles });
      for (const finding of missing) {
        const now = again.find((f) => f.ruleId === finding.ruleId);
        assert.ok(now, `${finding.ruleId} still reported`);
        assert.ok(now.range.start.line >= oldLines, `${finding.ruleId} moved to a new heading`);
        assert.match(now.message, /section is empty, so the card does not say/);
        assert.ok(newSections.some((s) => s.range.start.line === now.range.start.line));
      }
      assert.deepEqual(
        again.filter((f) => /^The card does not say .*: no "/.test(f.message)).map((f) => f.ruleId),
        [],
        'no section is missing any more',
      );
    });
  }

  it("writes an empty datasheet's seven sections in the paper's order, each with its questions", () => {
    const text = '# Datasheet for Customer churn\n\nA monthly snapshot of the customers of a subscription service.\n';
    const findings = lintDatasetCard(text, 'markdown', { profiles: new Set(['datasheets']) });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['MLG101', 'MLG102', 'MLG103', 'MLG104', 'MLG105', 'MLG106', 'MLG107'],
    );
    const after = applySkeleton(text, findings[0]);
    assert.deepEqual(
      after.split('\n').filter((line) => line.startsWith('#')),
      [
        '# Datasheet for Customer churn',
        '## Motivation',
        '## Composition',
        '## Collection process',
        '## Preprocessing/cleaning/labeling',
        '## Uses',
        '## Distribution',
        '## Maintenance',
      ],
    );
    assert.match(after, /## Motivation\n\n<!-- For what purpose was the dataset created/);
    assert.match(after, /## Maintenance\n\n<!-- Who supports, hosts and maintains the dataset/);
  });

  it('is carried by the first missing section whose rule runs', () => {
    const text = '# Datasheet for Customer churn\n\nA monthly snapshot of the customers of a subscription service.\n';
    const findings = lintDatasetCard(text, 'markdown', {
      profiles: new Set(['datasheets']),
      severities: { MLG101: 'off' },
    });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.fix?.kind]),
      [['MLG102', 'edit'], ...['MLG103', 'MLG104', 'MLG105', 'MLG106', 'MLG107'].map((id) => [id, 'insert-section'])],
    );
    // Linting the same text again offers it again.
    const again = lintDatasetCard(text, 'markdown', { profiles: new Set(['datasheets']) });
    assert.equal(again[0]?.fix?.kind, 'edit');
  });

  it('is not offered when the card has at least half of its sections: each missing one inserts itself', () => {
    const text = [
      '# Datasheet for Customer churn',
      '',
      '## Motivation',
      '',
      'To study why customers cancel.',
      '',
      '## Composition',
      '',
      'One row per customer.',
      '',
      '## Collection process',
      '',
      'Exported from the billing database.',
      '',
      '## Uses',
      '',
      'The churn model.',
      '',
    ].join('\n');
    const findings = lintDatasetCard(text, 'markdown', { profiles: new Set(['datasheets']) });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.fix?.kind, f.fix?.kind === 'insert-section' ? f.fix.line : -1]),
      [
        // After "Collection process", before "Uses"; then after "Uses", at the end.
        ['MLG104', 'insert-section', 14],
        ['MLG106', 'insert-section', 18],
        ['MLG107', 'insert-section', 18],
      ],
    );
  });
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
