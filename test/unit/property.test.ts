// Property-based robustness: any Markdown or YAML a user may open as a dataset card — broken
// front matter, tabs, CRLF, binary bytes, lone surrogates, deep nesting, a 1 MB line — gets
// findings whose ranges lie inside the document, and never an exception, from the linter (both
// kinds, every profile), the config parser, hover and completion. The incremental parser must
// agree with a fresh one after any sequence of edits.
//
// Runs are bounded so the file takes a few seconds; the seed is fixed (MLGUIDE_FC_SEED overrides
// it) and fast-check prints it, with the path to the shrunk counterexample, on a failure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { headingCompletions } from '../../server/src/completion';
import { parseConfig } from '../../server/src/config';
import { headingHover } from '../../server/src/hover';
import { lintDatasetCard, type LintFinding } from '../../server/src/lint';
import {
  blankComments,
  forgetParsedCards,
  parseDatasetCard,
  parseDatasetCardFresh,
} from '../../server/src/parse/datasetCard';
import { forgetProseParagraphs } from '../../server/src/rules/prose';
import type { TextPosition, TextRange } from '../../server/src/parse/text';
import { CARD_PROFILES, type CardProfile } from '../../server/src/rules/types';

const SEED = Number(process.env.MLGUIDE_FC_SEED ?? 20261127);
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

// ---- Pieces of cards -------------------------------------------------------------------------

const word = fc.constantFrom(
  'Data',
  'Fields',
  'Dataset',
  'Summary',
  'Collection',
  'Labeling',
  'annotators',
  'three',
  'split',
  '70/15/15',
  '80 %',
  'train',
  'test',
  '10,000',
  'examples',
  'rows',
  'TODO',
  '[More Information Needed]',
  'N/A',
  'label',
  'values',
  'CSV',
  'format',
  'before',
  'after',
  'preprocessing',
  'deduplicated',
  'excluded',
  'majority',
  'vote',
  'guidelines',
  'v2',
  '**Storage format:**',
  '`code`',
  '[link](data/train.csv)',
  '[ref][1]',
  '<b>',
  '</b>',
  '|',
  '\\|',
  '*',
  '_',
  '#',
  ':',
  '---',
  '```',
  '<!--',
  '-->',
  'mlguide-disable',
  'MLG009',
  'é',
  '😀',
  'שלום',
);

/** Characters that break naive code: controls, NUL, replacement and non-characters, lone surrogates. */
const hostileChar = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\t',
  '\r',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '\u0301',
);

const inlineText = fc
  .array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: hostileChar }, fc.string({ maxLength: 6 })), {
    maxLength: 10,
  })
  .map((parts) => parts.join(' '));

const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), inlineText, fc.boolean())
  .map(([level, text, closing]) => `${'#'.repeat(level)} ${text}${closing ? ' ##' : ''}`);
const setextHeading = inlineText.map((text) => `${text}\n${'='.repeat(3)}`);
const paragraph = fc.array(inlineText, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inlineText, { maxLength: 4 }), { maxLength: 5 }))
  .map(([columns, rows]) =>
    [
      `| ${Array.from({ length: columns }, (_, i) => `col${i}`).join(' | ')} |`,
      `|${' --- |'.repeat(columns)}`,
      ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ].join('\n'),
  );
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('-', '*', '+', '1.', '2)'), inlineText), {
    minLength: 1,
    maxLength: 6,
  })
  .map((items) => items.map(([depth, marker, text]) => `${'  '.repeat(depth)}${marker} ${text}`).join('\n'));
const comment = fc.tuple(inlineText, fc.boolean()).map(([text, closed]) => `<!-- ${text}${closed ? ' -->' : ''}`);
const directive = fc
  .tuple(fc.constantFrom('', '-next-line', '-line'), fc.constantFrom('', 'MLG001', 'MLG009 MLG011', 'nope'))
  .map(([scope, ids]) => `<!-- mlguide-disable${scope} ${ids} -->`);
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '    ```'), paragraph, fc.boolean())
  .map(([marker, body, closed]) => `${marker}python\n${body}${closed ? `\n${marker.trim()}` : ''}`);
const indentedCode = paragraph.map((body) =>
  body
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n'),
);
const blockquote = paragraph.map((body) =>
  body
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n'),
);
const html = fc.constantFrom(
  '<div>\n# not a heading\n</div>',
  '<pre>\n\n# in pre\n\n</pre>',
  '<details><summary>x</summary>',
);
const referenceDefinition = fc.constantFrom('[1]: https://example.org', '[ref]: data/train.csv "title"');
const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom('>', '- ', '[', '*', '(', '<!--', '`'))
  .map(([depth, unit]) => `${unit.repeat(depth)} deep`);
const yamlValue = fc.oneof(
  inlineText,
  fc.constantFrom(
    'text-classification',
    '10K<n<100K',
    'cc-by-4.0',
    'other',
    'en',
    'xx-yy-zz',
    '*alias',
    '&anchor value',
    '!!binary AAAA',
    '[unclosed',
    '{a: 1',
    '"unterminated',
    '|\n  block',
    '- a\n- b',
    '? complex\n: key',
    '1e999',
    '0x1F',
    'null',
    '~',
  ),
);
const yamlKey = fc.constantFrom(
  'task_categories',
  'size_categories',
  'license',
  'license_name',
  'license_link',
  'language',
  'annotations_creators',
  'language_creators',
  'multilinguality',
  'task_ids',
  'pretty_name',
  'configs',
  'dataset_info',
  'num_examples',
  'description',
  'storage_format',
  'label_values',
  'data_files',
  'splits',
  'features',
  'rules',
  'profiles',
  'data',
  '"quoted key"',
  '- item',
  '\tTabbed',
  '',
);
const yamlLine = fc
  .tuple(fc.integer({ min: 0, max: 4 }), yamlKey, yamlValue)
  .map(([indent, key, value]) => `${'  '.repeat(indent)}${key}: ${value}`);
const yamlBody = fc.array(yamlLine, { maxLength: 12 }).map((lines) => lines.join('\n'));
const hfFrontMatter = fc.constantFrom(
  [
    'license: other',
    'task_categories:',
    '- text-classification',
    'size_categories:',
    '- 1K<n<10K',
    'configs:',
    '- config_name: default',
    '  data_files:',
    '  - split: train',
    '    path: data/train.csv',
    'dataset_info:',
    '  features:',
    '  - name: label',
    '    dtype:',
    '      class_label:',
    '        names:',
    "          '0': no",
    '  splits:',
    '  - name: train',
    '    num_examples: 100',
  ].join('\n'),
);
const frontMatter = fc
  .tuple(fc.oneof(yamlBody, hfFrontMatter), fc.constantFrom('---', '...', '', '--- '))
  .map(([body, close]) => `---\n${body}${close === '' ? '' : `\n${close}`}`);

const blockOf = (nesting: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: heading },
    { weight: 1, arbitrary: setextHeading },
    { weight: 4, arbitrary: paragraph },
    { weight: 2, arbitrary: table },
    { weight: 2, arbitrary: list },
    { weight: 2, arbitrary: comment },
    { weight: 1, arbitrary: directive },
    { weight: 2, arbitrary: fence },
    { weight: 1, arbitrary: indentedCode },
    { weight: 1, arbitrary: blockquote },
    { weight: 1, arbitrary: html },
    { weight: 1, arbitrary: referenceDefinition },
    { weight: nesting ? 1 : 0, arbitrary: deepNesting },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

/**
 * A Markdown card: maybe front matter, then blocks, joined by blank lines or not, with LF, CRLF or
 * CR line ends, maybe a byte-order mark. `nesting`: with blocks nested past markdown-it's limit.
 */
const markdownCardOf = (nesting: boolean): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.option(frontMatter, { nil: undefined }),
      fc.array(fc.tuple(blockOf(nesting), fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 14 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
    )
    .map(([front, blocks, eol, bom]) => {
      const text = `${front ? `${front}\n` : ''}${blocks.map(([b, gap]) => b + gap).join('')}`;
      return `${bom ? '\ufeff' : ''}${eol === '\n' ? text : text.replace(/\n/g, eol)}`;
    });
const markdownCard = markdownCardOf(true);
const yamlCard = fc
  .tuple(fc.oneof(yamlBody, hfFrontMatter, frontMatter), fc.constantFrom('\n', '\r\n'))
  .map(([body, eol]) => body.replace(/\n/g, eol));
const anyCard = fc.oneof(markdownCard, yamlCard, fc.string({ unit: 'binary', maxLength: 200 }));

// ---- What must hold --------------------------------------------------------------------------

/** The document as the editor sees it: LSP's lines (`\n`, `\r\n` and `\r` end a line). */
function editorLines(text: string): string[] {
  const document = TextDocument.create('file:///card.md', 'markdown', 1, text);
  return Array.from({ length: document.lineCount }, (_, line) =>
    document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }),
  ).map((line) => line.replace(/\r?\n$|\r$/, ''));
}

function assertPositionInside(position: TextPosition, lines: readonly string[], what: string): void {
  assert.ok(
    Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length,
    `${what}: line ${position.line} outside 0..${lines.length - 1}`,
  );
  const length = lines[position.line]?.length ?? 0;
  assert.ok(
    Number.isInteger(position.character) && position.character >= 0 && position.character <= length,
    `${what}: character ${position.character} outside 0..${length} on line ${position.line}`,
  );
}

function assertRangeInside(range: TextRange, lines: readonly string[], what: string): void {
  assertPositionInside(range.start, lines, `${what} start`);
  assertPositionInside(range.end, lines, `${what} end`);
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: starts after it ends ${JSON.stringify(range)}`);
}

function assertFindingsInside(findings: readonly LintFinding[], lines: readonly string[]): void {
  for (const finding of findings) {
    const what = `${finding.ruleId} "${finding.message.slice(0, 80)}"`;
    assert.match(finding.ruleId, /^ML[GS]\d{3}$/);
    assert.ok(finding.message.trim().length > 0, `${finding.ruleId}: empty message`);
    assertRangeInside(finding.range, lines, what);
    const fix = finding.fix;
    if (fix?.kind === 'insert-section') {
      assert.ok(fix.line >= 0 && fix.line <= lines.length, `${what}: fix inserts at line ${fix.line}`);
    } else if (fix?.kind === 'edit') {
      for (const edit of fix.edits) assertRangeInside(edit.range, lines, `${what} fix edit`);
    }
  }
}

const PROFILE_SETS: ReadonlySet<CardProfile>[] = [
  ...CARD_PROFILES.map((profile) => new Set([profile])),
  new Set(CARD_PROFILES),
];

function lintEverywhere(text: string): void {
  const lines = editorLines(text);
  for (const kind of ['markdown', 'yaml'] as const) {
    assertFindingsInside(lintDatasetCard(text, kind), lines);
    for (const profiles of PROFILE_SETS) assertFindingsInside(lintDatasetCard(text, kind, { profiles }), lines);
  }
}

/** A card as the parser sees it, as plain data (section bodies are computed when read). */
function snapshot(text: string, how: 'cached' | 'fresh' | 'whole'): unknown {
  const card =
    how === 'cached'
      ? parseDatasetCard(text, 'markdown')
      : parseDatasetCardFresh(text, 'markdown', { wholeBody: how === 'whole' });
  return {
    ...card,
    metadata: card.metadata ? { text: String(card.metadata.contents), errors: card.metadata.errors.length } : null,
    sections: card.sections.map((section) => ({ ...section, body: section.body })),
  };
}

/**
 * A card and its versions after up to six edits, as an editor makes them: at a place, some
 * characters removed and one of `snippets` (or random text) typed in. The first is the card.
 */
function editedCard(snippets: readonly string[]): fc.Arbitrary<string[]> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.constantFrom(...snippets), inlineText));
  return fc.tuple(markdownCard, fc.array(edit, { maxLength: 6 })).map(([start, edits]) => {
    const texts = [start];
    for (const [at, removed, inserted] of edits) {
      const text = texts[texts.length - 1] ?? '';
      const from = at % (text.length + 1);
      texts.push(text.slice(0, from) + inserted + text.slice(Math.min(text.length, from + removed)));
    }
    return texts;
  });
}

describe('property: random documents', () => {
  it('lint both kinds under every profile without throwing, every range inside the document', () => {
    fc.assert(
      fc.property(anyCard, (text) => {
        lintEverywhere(text);
      }),
      params(120),
    );
  });

  it('parse a config without throwing, each problem on a line of the file', () => {
    fc.assert(
      fc.property(fc.oneof(yamlBody, yamlCard, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const config = parseConfig(text, '/project/.mlguide.yaml');
        const lineCount = editorLines(text).length;
        for (const problem of config.problems) {
          assert.ok(problem.line >= 1 && problem.line <= lineCount, `problem on line ${problem.line} of ${lineCount}`);
          assert.ok(problem.message.length > 0);
        }
      }),
      params(200),
    );
  });

  it('hover and complete anywhere without throwing, ranges inside the document', () => {
    fc.assert(
      fc.property(markdownCard, fc.nat(), fc.nat(), (text, lineSeed, characterSeed) => {
        const lines = editorLines(text);
        const line = lineSeed % (lines.length + 1);
        const character = characterSeed % ((lines[line]?.length ?? 0) + 2);
        const position = { line, character };
        const hover = headingHover(text, position);
        if (hover) assertRangeInside(hover.range, lines, 'hover');
        for (const completion of headingCompletions(text, position)) {
          assert.ok(
            completion.replaceFrom >= 0 && completion.replaceFrom <= character,
            'completion replaces before the cursor',
          );
          assert.ok(completion.label.length > 0);
        }
      }),
      params(150),
    );
  });

  it('parse incrementally exactly as from scratch, edit after edit', () => {
    const versions = editedCard(['', 'x', '\n', '#', '```', '<!--', '-->', '|', '- ', '\n# Heading\n', '\n\n']);
    fc.assert(
      fc.property(versions, (texts) => {
        for (const text of texts) assert.deepEqual(snapshot(text, 'cached'), snapshot(text, 'fresh'));
      }),
      params(150),
    );
  });

  it('lint incrementally exactly as from scratch, edit after edit', () => {
    // The parser carries blocks over from the last parse, and rules remember what they found in
    // each prose paragraph while it is unchanged: the findings after any run of edits must be
    // those of each text linted with nothing carried over.
    const versions = editedCard([
      '',
      'x',
      '\n',
      '\n\n',
      '- ',
      '|',
      '#',
      '```',
      '<!--',
      '80 %',
      ' annotators',
      'majority vote',
    ]);
    const profiles = new Set(CARD_PROFILES);
    fc.assert(
      fc.property(versions, (texts) => {
        const incremental = texts.map((text) => lintDatasetCard(text, 'markdown', { profiles }));
        texts.forEach((text, i) => {
          forgetParsedCards();
          forgetProseParagraphs();
          assert.deepEqual(incremental[i], lintDatasetCard(text, 'markdown', { profiles }), `after edit ${String(i)}`);
        });
      }),
      params(150),
    );
  });

  it('parse block by block exactly as markdown-it parses the whole body', () => {
    fc.assert(
      fc.property(markdownCardOf(false), (text) => {
        assert.deepEqual(snapshot(text, 'fresh'), snapshot(text, 'whole'));
      }),
      params(300),
    );
  });

  it('cut cards into blocks only where markdown-it starts afresh (fences, lists, quotes, raw HTML)', () => {
    const line = fc.constantFrom(
      '',
      '',
      '# H',
      '## H2',
      '#',
      'text',
      '```',
      '~~~',
      '````',
      '  ```',
      '    ```',
      '- item',
      '  - sub',
      '1. one',
      '> quote',
      '> ```',
      '    code',
      '| a | b |',
      '| --- | --- |',
      '===',
      '<pre>',
      '</pre>',
      '<script>',
      '</script>',
      '<div>',
      '</div>',
      '<?php',
      '?>',
      '<!DOCTYPE',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '[r]: https://example.org',
      '[link][r]',
      '[inline](data/a.csv)',
      '\tindented by a tab',
      '  two spaces',
      '- ```',
      '  ~~~',
      '  - ```',
      '***',
      '---',
      '* * *',
      '1) x',
      '+ plus',
      '<table>',
      '</table>',
      '<!-- x -->',
      'Setext',
      '---- ',
      '# H #',
      '#hashtag',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(snapshot(text, 'fresh'), snapshot(text, 'whole'));
      }),
      params(1500),
    );
  });

  it('blank comments as the one-pattern definition does', () => {
    const reference = (text: string): string =>
      text.replace(/<!--[\s\S]*?(?:-->|$)/g, (found) => found.replace(/[^\n]/g, ' '));
    const piece = fc.constantFrom('<!--', '-->', '<!-->', '<!--->', '--', '-', '>', '\n', 'a', ' ', '\r\n', '<', '!');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(blankComments(text), reference(text));
      }),
      params(400),
    );
  });
});

describe('property: extreme documents', () => {
  const MEGABYTE = 1 << 20;
  const cases: [string, string][] = [
    ['a 1 MB prose line', `# Card\n\n${'word '.repeat(MEGABYTE / 5)}\n`],
    ['a 1 MB line of numbers and slashes', `# Card\n\n## Splits\n\n${'70/15/15 '.repeat(MEGABYTE / 9)}\n`],
    ['a 1 MB line of percentages', `# Card\n\nsplit ${'10 %, '.repeat(MEGABYTE / 6)}\n`],
    ['a 1 MB table row', `# Card\n\n| a | b |\n| --- | --- |\n|${' x |'.repeat(MEGABYTE / 4)}\n`],
    ['a 1 MB heading', `# ${'Data Fields '.repeat(MEGABYTE / 12)}\n\ntext\n`],
    ['a 1 MB front matter value', `---\npretty_name: ${'x'.repeat(MEGABYTE)}\n---\n# Card\n`],
    // An unknown license gets "did you mean" suggestions: a 1 MB one must not run an edit distance per id.
    ['a 1 MB license', `---\nlicense: ${'x'.repeat(MEGABYTE)}\n---\n# Card\n`],
    ['a 1 MB unclosed comment', `# Card\n\n<!-- ${'y'.repeat(MEGABYTE)}`],
    ['a 1 MB line of labeler words', `# Card\n\n${'three annotators labelled by '.repeat(MEGABYTE / 28)}\n`],
    ['NUL bytes throughout', `# Card\u0000\n\n${'\u0000x\u0000\n'.repeat(2000)}`],
    ['10,000 nested block quotes', `${'>'.repeat(10_000)} deep\n`],
    ['5,000 nested list levels', Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n')],
    ['deeply nested YAML flow collections', `---\nconfigs: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n# Card\n`],
    ['50,000 empty lines', '\n'.repeat(50_000)],
  ];
  for (const [name, text] of cases) {
    it(`lints ${name} without throwing, ranges inside the document`, () => {
      const lines = editorLines(text);
      for (const kind of ['markdown', 'yaml'] as const) {
        assertFindingsInside(lintDatasetCard(text, kind, { profiles: new Set(CARD_PROFILES) }), lines);
      }
    });
  }
});

describe('regressions the properties found', () => {
  it('places findings of a card that is all front matter on its last line', () => {
    const text = '---\nlicense: other\ntask_categories:\n- text-classification\n---';
    const findings = lintDatasetCard(text, 'markdown');
    assertFindingsInside(findings, editorLines(text));
    // A missing section is reported on the title, which is the closing `---` here.
    const missing = findings.find((finding) => finding.ruleId === 'MLG001');
    assert.deepEqual(missing?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } });
  });

  it('reads front matter after a byte-order mark', () => {
    const text = '\ufeff---\ntask_categories:\n- text-classification\n---\n# Card\n';
    const card = parseDatasetCard(text, 'markdown');
    assert.equal(card.bodyStartLine, 4);
    assert.deepEqual(card.metadata?.toJS(), { task_categories: ['text-classification'] });
    assert.equal(card.title.text, 'Card');
  });

  it('counts a lone CR as a line end, as the editor does', () => {
    const text = '# Card\r\rSome text.\r## Data Fields\r\r- id: int\r';
    const card = parseDatasetCard(text, 'markdown');
    assert.deepEqual(
      card.sections.map((section) => [section.heading, section.range.start.line]),
      [
        ['Card', 0],
        ['Data Fields', 3],
      ],
    );
    assert.equal(card.lines.length, editorLines(text).length);
  });
});
