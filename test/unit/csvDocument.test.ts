// The problems of an open CSV document (server/src/csvDocument/diagnostics.ts), on the fixtures
// in test/fixtures/csv-documents and the corpus CSVs, with exact ranges and messages.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { profileCsvFile } from '../../server/src/engine/readCsv';
import { corpusDir } from './support';
import {
  checkCsvDocument,
  quoteForMessage,
  type CsvDocumentCheck,
  type CsvDocumentFinding,
  type CsvDocumentOptions,
} from '../../server/src/csvDocument/diagnostics';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'csv-documents');
const CORPUS = path.join(corpusDir, 'csv');

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

async function check(text: string, options: CsvDocumentOptions = {}): Promise<CsvDocumentCheck> {
  const checked = await checkCsvDocument(text, options);
  assert.ok(checked, 'the check was not cancelled');
  return checked;
}

/** A finding as [code, start line, start character, end line, end character, message]. */
type Row = [string, number, number, number, number, string];

function rows(findings: readonly CsvDocumentFinding[]): Row[] {
  return findings.map((f) => [
    f.code,
    f.range.start.line,
    f.range.start.character,
    f.range.end.line,
    f.range.end.character,
    f.message,
  ]);
}

const RAGGED_SHORT = (line: number, fields: number, width: number): string =>
  `row on line ${line} has ${fields} field${fields === 1 ? '' : 's'}, the header on line 1 has ${width}; the missing fields count as missing values`;

describe('diagnostics of an open CSV document', () => {
  it('ragged rows: a short row over its line, the extra fields of a long row; blank lines skipped', async () => {
    const checked = await check(fixture('ragged.csv'));
    assert.equal(checked.delimiter, ',');
    assert.equal(checked.rows, 4);
    assert.deepEqual(rows(checked.findings), [
      ['csv-ragged-row', 2, 0, 2, 8, RAGGED_SHORT(3, 3, 4)],
      [
        'csv-ragged-row',
        3,
        13,
        3,
        23,
        'row on line 4 has 6 fields, the header on line 1 has 4; the extra fields are ignored',
      ],
    ]);
    assert.deepEqual(
      checked.findings.map((f) => f.severity),
      ['warning', 'warning'],
    );
  });

  it('an unterminated quote: from the quote to the end of its line, after a quoted field spanning two lines', async () => {
    const text = fixture('unterminated-quote.csv');
    const checked = await check(text);
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-unterminated-quote',
        4,
        2,
        4,
        19,
        'a quoted field opened here is never closed: the rest of the file (2 more lines) is read as this one field',
      ],
    ]);
    assert.equal(checked.findings[0]?.severity, 'error');
    // The range is the quote and the rest of its line.
    assert.equal(text.split('\n')[4]?.slice(2, 19), '"never closed,0.9');
  });

  it('a quote not doubled inside a quoted field: at the field, saying how far it runs on (pandas reads it so too)', async () => {
    const checked = await check(fixture('stray-quote.csv'));
    assert.equal(checked.rows, 4);
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-stray-quote',
        2,
        2,
        2,
        19,
        'a quote inside this quoted field is not doubled (`27" monitor`); inside quotes, write a quote as ""',
      ],
      [
        'csv-stray-quote',
        3,
        2,
        3,
        9,
        'a quote inside this quoted field is not doubled, so the field runs on to line 5; inside quotes, write a quote as ""',
      ],
    ]);
  });

  it('an unterminated quote on the last line asks for the closing quote', async () => {
    const checked = await check('a,b\n1,"open');
    assert.deepEqual(rows(checked.findings), [
      ['csv-unterminated-quote', 1, 2, 1, 7, 'a quoted field opened here is never closed: add the closing quote'],
    ]);
  });

  it('empty and repeated header names, each at its cell, named as readers rename them', async () => {
    const checked = await check(fixture('headers.csv'));
    const repeat = (name: string, column: number, renamed: string): string =>
      `column name \`${name}\` repeats column ${column}; readers rename this one to \`${renamed}\`, so code that selects the column by name gets the first`;
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-empty-header',
        0,
        3,
        0,
        3,
        'column 2 has no name; readers make one up (pandas `Unnamed: 1`, mlguide `column_2`)',
      ],
      ['csv-duplicate-header', 0, 15, 0, 19, repeat('name', 3, 'name.1')],
      ['csv-empty-header', 0, 20, 0, 21, 'column 6 has only spaces for a name; mlguide calls it `column_6`'],
      ['csv-duplicate-header', 0, 22, 0, 27, repeat('score', 4, 'score.1')],
      ['csv-duplicate-header', 0, 28, 0, 32, repeat('name', 3, 'name.2')],
    ]);
  });

  it('a typed column holding a few values of another kind: at the first such cell, with counts', async () => {
    const checked = await check(fixture('mixed-types.csv'));
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-mixed-types',
        7,
        2,
        7,
        9,
        'column `age` is numeric in 18 rows but holds text in 2, first at line 8: `unknown`; readers then take the whole column as text',
      ],
      [
        'csv-mixed-types',
        12,
        6,
        12,
        16,
        'column `joined` is a date in 19 rows but holds text in 1, first at line 13: `12/03/2021`; readers then take the whole column as text',
      ],
    ]);
  });

  it('leaves text columns with a few numbers alone, and columns where the other kind is common', async () => {
    const names = ['name', ...Array.from({ length: 18 }, (_, i) => `person${i}`), '42'];
    const half = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? String(i) : `x${i}`));
    const text = ['name,code', ...names.map((name, i) => `${name},${half[i] ?? ''}`)].join('\n');
    assert.deepEqual((await check(text)).findings, []);
  });

  it('mixes of more than one other kind are listed together; booleans and missing tokens count right', async () => {
    const values = ['true', 'false', 'True', 'FALSE', 'true', 'false', 'true', 'false', 'true', 'false'];
    // `NA` is missing; a blank line is no row at all.
    const cells = [...values, '1', 'NA', '', ...values, ...values, 'yes', '2020-01-01'];
    const text = ['flag', ...cells].join('\n') + '\n';
    assert.deepEqual(rows((await check(text)).findings), [
      [
        'csv-mixed-types',
        11,
        0,
        11,
        1,
        'column `flag` is boolean in 30 rows but holds numbers in 1 and dates in 1 and text in 1, first at line 12: `1`; readers then take the whole column as text',
      ],
    ]);
  });

  it('CRLF line endings: a quoted field spanning lines, the ragged row on the right line', async () => {
    const checked = await check(fixture('crlf.csv'));
    assert.equal(checked.rows, 3);
    assert.deepEqual(rows(checked.findings), [['csv-ragged-row', 3, 0, 3, 7, RAGGED_SHORT(4, 2, 3)]]);
  });

  it('a byte-order mark is not part of the first name, and ranges count it as the editor does', async () => {
    const text = fixture('bom.csv');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const checked = await check(text);
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-duplicate-header',
        0,
        9,
        0,
        11,
        'column name `id` repeats column 1; readers rename this one to `id.1`, so code that selects the column by name gets the first',
      ],
    ]);
    assert.equal(text.slice(9, 11), 'id');
  });

  it('a TSV document read with tabs: commas are text, the short row is flagged', async () => {
    const checked = await check(fixture('data.tsv'), { delimiter: '\t' });
    assert.equal(checked.delimiter, '\t');
    assert.deepEqual(rows(checked.findings), [['csv-ragged-row', 2, 0, 2, 3, RAGGED_SHORT(3, 2, 3)]]);
    // Sniffed, the same text finds the tab too.
    assert.equal((await check(fixture('data.tsv'))).delimiter, '\t');
  });

  it('a semicolon-separated file with decimal commas is sniffed as such', async () => {
    const checked = await check(fixture('semicolon.csv'));
    assert.equal(checked.delimiter, ';');
    assert.deepEqual(rows(checked.findings), [['csv-ragged-row', 3, 0, 3, 5, RAGGED_SHORT(4, 2, 3)]]);
  });

  it('a 1 MiB single line: the repeated name at its exact character, found in well under a second', async () => {
    const text = fixture('single-line-1mb.csv');
    assert.equal(text.includes('\n'), false);
    const started = performance.now();
    const checked = await check(text);
    const elapsed = performance.now() - started;
    assert.equal(checked.rows, 0);
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-duplicate-header',
        0,
        text.length - 2,
        0,
        text.length,
        'column name `id` repeats column 1; readers rename this one to `id.1`, so code that selects the column by name gets the first',
      ],
    ]);
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  });

  it('binary bytes: one note, nothing parsed', async () => {
    const checked = await check(fixture('binary.csv'));
    assert.equal(checked.delimiter, undefined);
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-binary',
        0,
        0,
        0,
        0,
        'this file holds NUL characters: it looks like a binary file, not CSV text, so it is not checked',
      ],
    ]);
    assert.equal(checked.findings[0]?.severity, 'information');
  });

  it('an empty or blank document has no findings (a file being started)', async () => {
    for (const text of [fixture('empty.csv'), '\n\n  \n', '\ufeff']) {
      assert.deepEqual(await check(text), { findings: [], problemCount: 0, rows: 0 });
    }
  });

  it('a header without rows, and a file without a final line break, have no findings', async () => {
    assert.deepEqual((await check('a,b,c')).findings, []);
    assert.deepEqual((await check('a,b\n1,2')).findings, []);
  });

  it('hostile cell text is escaped and cut short in messages', async () => {
    const checked = await check(fixture('hostile.csv'));
    assert.equal(checked.findings.length, 1);
    const [finding] = checked.findings;
    assert.ok(finding);
    assert.equal(finding.code, 'csv-mixed-types');
    assert.equal(
      finding.message,
      'column `amount` is numeric in 10 rows but holds text in 1, first at line 12: `<script>alert(1)</script>\\u0007\\nsecond lineAA…` (5,038 characters); readers then take the whole column as text',
    );
    // One line, without control characters.
    for (let i = 0; i < finding.message.length; i++) assert.ok(finding.message.charCodeAt(i) >= 0x20, `character ${i}`);
    // The cell spans two lines: its range ends on the second, after the closing quote.
    assert.deepEqual(finding.range, { start: { line: 11, character: 3 }, end: { line: 12, character: 5012 } });
  });

  it('a huge, hostile column name is cut short too', async () => {
    const name = `"<b>${'n'.repeat(10_000)}\u0000"`;
    const checked = await check(`${name},${name}\n1,2\n`);
    assert.deepEqual(
      checked.findings.map((f) => f.message),
      [
        `column name \`<b>${'n'.repeat(57)}…\` (10,004 characters) repeats column 1; readers rename this one to \`<b>${'n'.repeat(57)}…\` (10,006 characters), so code that selects the column by name gets the first`,
      ],
    );
  });

  it('quoteForMessage escapes control and separator characters and never splits a surrogate pair', () => {
    assert.equal(quoteForMessage('a\tb\u2028c'), '`a\\tb\\u2028c`');
    assert.equal(quoteForMessage(`${'x'.repeat(39)}😀tail`), `\`${'x'.repeat(39)}…\` (45 characters)`);
    assert.equal(quoteForMessage('say "hi" \\ `tick`'), '`say "hi" \\\\ `tick``');
  });

  it('at most 100 findings, then one summary naming how many more and where the first is', async () => {
    const checked = await check(fixture('many-ragged.csv'));
    assert.equal(checked.problemCount, 250);
    assert.equal(checked.findings.length, 101);
    assert.deepEqual(rows(checked.findings.slice(0, 1)), [['csv-ragged-row', 1, 0, 1, 3, RAGGED_SHORT(2, 2, 3)]]);
    assert.deepEqual(rows(checked.findings.slice(99)), [
      ['csv-ragged-row', 100, 0, 100, 7, RAGGED_SHORT(101, 2, 3)],
      [
        'csv-more-problems',
        101,
        0,
        101,
        7,
        '150 more problems in this file not shown, the first on line 102 (150 ragged rows); mlguide lists the first 100',
      ],
    ]);
    assert.equal(checked.findings[100]?.severity, 'information');
  });

  it('the bound is an option, and the summary counts each kind left out', async () => {
    const text = 'a,a,b\n1,2\n3,4,5,6\nx,y,z\n';
    const checked = await check(text, { maxFindings: 1 });
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-duplicate-header',
        0,
        2,
        0,
        3,
        'column name `a` repeats column 1; readers rename this one to `a.1`, so code that selects the column by name gets the first',
      ],
      [
        'csv-more-problems',
        1,
        0,
        1,
        3,
        '2 more problems in this file not shown, the first on line 2 (2 ragged rows); mlguide lists the first 1',
      ],
    ]);
  });

  it('a document over the size bound gets one note and is not parsed', async () => {
    const text = 'a,b\n' + '1,2\n'.repeat(1000);
    const checked = await check(text, { maxChars: 1024 });
    assert.deepEqual(rows(checked.findings), [
      [
        'csv-too-large',
        0,
        0,
        0,
        0,
        'this file is 0.0 MiB, over the 0.0 MiB mlguide checks as you type: its rows are checked on demand (Profile, or `mlguide profile`)',
      ],
    ]);
    const big = await check('x'.repeat(21 * 1024 * 1024 + 10));
    assert.match(
      big.findings[0]?.message ?? '',
      /^this file is 21\.0 MiB, over the 20\.0 MiB mlguide checks as you type/,
    );
  });

  it('slices of any size give the same findings: rows cut between slices are read whole', async () => {
    for (const name of readdirSync(FIXTURES)) {
      if (name === 'single-line-1mb.csv') continue;
      const text = fixture(name);
      const options = name.endsWith('.tsv') ? { delimiter: '\t' } : {};
      const whole = await check(text, options);
      for (const sliceChars of [1, 2, 3, 7, 64]) {
        assert.deepEqual(await check(text, { ...options, sliceChars }), whole, `${name} in slices of ${sliceChars}`);
      }
    }
  });

  it('pauses between slices, and a cancellation stops the check with no result', async () => {
    const text = 'id,value\n' + Array.from({ length: 5000 }, (_, i) => `${i},${i % 7}`).join('\n');
    let pauses = 0;
    const checked = await check(text, {
      sliceChars: 1000,
      pause: async () => {
        pauses++;
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    assert.equal(checked.rows, 5000);
    assert.ok(pauses >= Math.floor(text.length / 1000), `${pauses} pauses for ${text.length} characters`);

    let cancelled = false;
    let rowsAfterCancel = 0;
    const result = await checkCsvDocument(text, {
      sliceChars: 1000,
      pause: async () => {
        cancelled = true;
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
      isCancelled: () => {
        if (cancelled) rowsAfterCancel++;
        return cancelled;
      },
    });
    assert.equal(result, undefined);
    // Stopped at the first poll after the cancellation, not at the end of the text.
    assert.ok(rowsAfterCancel <= 2, `${rowsAfterCancel} polls after the cancellation`);
  });

  it('ranges are those the editor computes for the same offsets (CRLF, lone CR, BOM)', async () => {
    const text = '\ufeffa,b\r\n1,"x\ry"\r\n2\r\n3,4,5\r\n';
    const checked = await check(text);
    const document = TextDocument.create('file:///t.csv', 'csv', 1, text);
    const short = text.indexOf('2\r\n');
    const extra = text.indexOf(',5') + 1;
    assert.deepEqual(
      checked.findings.map((f) => f.range),
      [
        { start: document.positionAt(short), end: document.positionAt(short + 1) },
        { start: document.positionAt(extra), end: document.positionAt(extra + 1) },
      ],
    );
  });
});

describe('any text, however malformed', () => {
  it('never throws, slices change nothing, and every range is a real position in the editor', async () => {
    // Seeded, so a failure reproduces: texts built from the pieces that trip CSV readers (quotes,
    // doubled quotes, every line ending, a byte-order mark mid-text, surrogate pairs, delimiters).
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pieces = [
      'a',
      '1',
      ',',
      ',',
      '"',
      '\n',
      '\r\n',
      '\r',
      ' ',
      ';',
      '\t',
      'x',
      '2.5',
      '""',
      'NA',
      '\ufeff',
      '😀',
    ];
    for (let round = 0; round < 1500; round++) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)] ?? '';
      const whole = await check(text);
      assert.deepEqual(await check(text, { sliceChars: 1 + Math.floor(random() * 5) }), whole, JSON.stringify(text));
      const document = TextDocument.create('file:///fuzz.csv', 'csv', 1, text);
      for (const finding of whole.findings) {
        for (const position of [finding.range.start, finding.range.end]) {
          assert.deepEqual(document.positionAt(document.offsetAt(position)), position, JSON.stringify(text));
        }
      }
    }
  });
});

describe('the same lines as the engine reading the file', () => {
  /** The engine's warning codes, named as the document check names them. */
  const CODES: Record<string, string> = {
    'ragged-row': 'csv-ragged-row',
    'unterminated-quote': 'csv-unterminated-quote',
    'duplicate-header': 'csv-duplicate-header',
    'empty-header': 'csv-empty-header',
  };

  for (const name of [
    'ragged.csv',
    'unterminated-quote.csv',
    'headers.csv',
    'crlf.csv',
    'bom.csv',
    'data.tsv',
    'semicolon.csv',
    'many-ragged.csv',
  ]) {
    it(`${name}: every structural problem on the line the profiler reports it`, async () => {
      const file = path.join(FIXTURES, name);
      const options = name.endsWith('.tsv') ? { delimiter: '\t' } : {};
      const profile = await profileCsvFile(file, options);
      const checked = await check(readFileSync(file, 'utf8'), { ...options, maxFindings: 1000 });
      // The profiler also calls the row holding an unclosed quote ragged (its last field swallowed
      // the rest of the file); the editor shows the cause only.
      const unclosed = new Set(profile.warnings.filter((w) => w.code === 'unterminated-quote').map((w) => w.line));
      const warnings = profile.warnings.filter((w) => !(w.code === 'ragged-row' && unclosed.has(w.line)));
      const engine = warnings.map((w) => [CODES[w.code], w.line]);
      const ours = checked.findings
        .filter((f) => f.code !== 'csv-mixed-types')
        .map((f) => [f.code, f.range.start.line + 1]);
      // The profiler keeps 100 warnings; it counts them all.
      assert.equal(profile.warningCount - (profile.warnings.length - warnings.length), ours.length);
      assert.deepEqual(ours.slice(0, engine.length), engine);
    });
  }
});

describe('the corpus CSVs', () => {
  // Clean, well-formed files: pandas reads each without error, and its text (object) columns are
  // genuinely text (cut, species, island, payment …), so nothing is ragged, unclosed or mixed.
  for (const name of ['diamonds.csv', 'iris.csv', 'penguins.csv', 'taxis.csv', 'tips.csv']) {
    it(`${name}: no findings`, async () => {
      const text = readFileSync(path.join(CORPUS, name), 'utf8');
      const checked = await check(text);
      assert.equal(checked.delimiter, ',');
      assert.deepEqual(checked.findings, []);
      assert.equal(checked.rows, text.trimEnd().split('\n').length - 1);
    });
  }
});
