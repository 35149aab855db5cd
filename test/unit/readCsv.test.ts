// profileCsvFile: the streaming reader over real files, on small CSVs whose answers are known.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UnknownColumnError, type ColumnProfile, type CsvProfile } from '../../core/src/profile/profile';
import {
  CsvEncodingError,
  CsvInputError,
  CsvReadCancelled,
  profileCsvFile,
  SNIFF_CHARS,
  type ReadCsvOptions,
} from '../../server/src/engine/readCsv';
import { scratchDir, type ScratchDir } from './support';

let scratch: ScratchDir;
before(() => {
  scratch = scratchDir();
});
after(() => {
  scratch.remove();
});

let counter = 0;
async function profileText(
  content: string | Uint8Array,
  options: ReadCsvOptions = {},
): Promise<CsvProfile & { bytes: number }> {
  const file = scratch.write(`case-${++counter}.csv`, content);
  return profileCsvFile(file, options);
}

function column(profile: CsvProfile, name: string): ColumnProfile {
  const found = profile.columns.find((c) => c.name === name);
  assert.ok(found, `no column "${name}" in ${profile.columns.map((c) => c.name).join(', ')}`);
  return found;
}

function warningLines(profile: CsvProfile, code: string): number[] {
  return profile.warnings.filter((w) => w.code === code).map((w) => w.line);
}

/** Rejects with a CsvInputError of this problem whose message names the file. */
async function assertInputError(file: string, problem: CsvInputError['problem']): Promise<void> {
  await assert.rejects(profileCsvFile(file), (error: unknown) => {
    assert.ok(error instanceof CsvInputError, `expected CsvInputError, got ${String(error)}`);
    assert.equal(error.problem, problem);
    assert.equal(error.file, file);
    assert.ok(error.message.includes(file), `message "${error.message}" does not name ${file}`);
    return true;
  });
}

describe('profileCsvFile: quoting and line numbers', () => {
  it('keeps delimiters and newlines inside quoted fields, and numbers later lines from the file', async () => {
    const profile = await profileText(
      [
        'id,comment,score', // line 1
        '1,"fine, thanks",10', // line 2
        '2,"spans', // line 3
        'three', // line 4
        'lines",20', // line 5
        '3,short', // line 6: too few fields
        '4,"a ""quoted"" word",30,extra', // line 7: too many fields
        '',
      ].join('\n'),
    );
    assert.equal(profile.rows, 4);
    assert.deepEqual(
      profile.columns.map((c) => c.name),
      ['id', 'comment', 'score'],
    );
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [
        [6, 'ragged-row'],
        [7, 'ragged-row'],
      ],
    );
    assert.equal(profile.warningCount, 2);
    // The embedded comma did not split the field: "score" holds only the numbers 10, 20, 30.
    const score = column(profile, 'score');
    assert.equal(score.type, 'int');
    assert.equal(score.missing, 1, 'the short row counts as missing in "score"');
    assert.equal(score.min, 10);
    assert.equal(score.max, 30);
    assert.equal(column(profile, 'comment').distinct, 4);
  });

  it('reads CRLF line endings, including CRLF inside a quoted field', async () => {
    const profile = await profileText('a,b\r\n1,"x\r\ny"\r\n2,3,4\r\n5,6\r\n');
    assert.equal(profile.rows, 3);
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [[4, 'ragged-row']],
    );
    // No stray "\r" is left at the end of the last field: the column is still all integers.
    assert.equal(column(profile, 'a').type, 'int');
    assert.equal(column(profile, 'b').distinct, 3);
  });

  it('drops a UTF-8 byte order mark from the first column name', async () => {
    const profile = await profileText('\ufeffid,name\n1,x\n2\n');
    assert.deepEqual(
      profile.columns.map((c) => c.name),
      ['id', 'name'],
    );
    assert.deepEqual(warningLines(profile, 'ragged-row'), [3]);
  });

  it('skips blank lines, as pandas does, without losing count of line numbers', async () => {
    const profile = await profileText('\n\na,b\n\n1,2\n\n\n3,4,5\n\n');
    assert.equal(profile.rows, 2);
    assert.deepEqual(warningLines(profile, 'ragged-row'), [8]);
    assert.equal(column(profile, 'a').missing, 0);
  });

  it('reads a file without a final newline', async () => {
    const profile = await profileText('a,b\n1,2\n3');
    assert.equal(profile.rows, 2);
    assert.deepEqual(warningLines(profile, 'ragged-row'), [3]);
    assert.equal(column(profile, 'b').missing, 1);
  });

  it('reports an unterminated quote on the line where the quote opens', async () => {
    const profile = await profileText('a,b\n1,"ok\nstill ok"\n2,"never closed\n3,4\n5,6\n');
    assert.deepEqual(warningLines(profile, 'unterminated-quote'), [4]);
    // The rest of the file was read into the open field: two data rows in all.
    assert.equal(profile.rows, 2);
    assert.equal(profile.warningCount, 1);
  });
});

describe('profileCsvFile: ragged rows', () => {
  it('warns on each row with too few or too many fields, with its 1-based line, and counts them', async () => {
    const profile = await profileText('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13\n');
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [
        [3, 'ragged-row'],
        [4, 'ragged-row'],
        [6, 'ragged-row'],
      ],
    );
    assert.equal(profile.warningCount, 3);
    const tooFew = profile.warnings[0];
    assert.match(tooFew?.message ?? '', /2 fields.*header on line 1 has 3.*missing/);
    const tooMany = profile.warnings[1];
    assert.match(tooMany?.message ?? '', /4 fields.*ignored/);
    // Missing fields are missing values; extra fields do not leak into any column.
    assert.equal(column(profile, 'c').missing, 2);
    assert.equal(column(profile, 'c').max, 12);
    assert.equal(column(profile, 'b').missing, 1);
  });

  it('keeps at most 100 warnings but counts all of them', async () => {
    const lines = ['a,b', ...Array.from({ length: 150 }, (_, i) => String(i))];
    const profile = await profileText(`${lines.join('\n')}\n`);
    assert.equal(profile.rows, 150);
    assert.equal(profile.warnings.length, 100);
    assert.equal(profile.warningCount, 150);
    assert.deepEqual(
      profile.warnings.map((w) => w.line),
      Array.from({ length: 100 }, (_, i) => i + 2),
    );
  });
});

describe('profileCsvFile: delimiters', () => {
  for (const [name, delimiter] of [
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
    ['comma', ','],
  ] as const) {
    it(`detects a ${name} delimiter`, async () => {
      const text = [
        ['city', 'temp', 'note'],
        ['Oslo', '3.5', 'cold'],
        ['Rome', '18.25', 'mild'],
      ]
        .map((cells) => cells.join(delimiter))
        .join('\n');
      const profile = await profileText(`${text}\n`);
      assert.equal(profile.delimiter, delimiter);
      assert.deepEqual(
        profile.columns.map((c) => c.name),
        ['city', 'temp', 'note'],
      );
      assert.equal(column(profile, 'temp').type, 'float');
      assert.equal(column(profile, 'temp').mean, (3.5 + 18.25) / 2);
    });
  }

  it('uses the delimiter it is given instead of detecting one', async () => {
    const text = 'a;b\n1,5;2,5\n3,5;4,5\n';
    const detected = await profileText(text);
    assert.equal(detected.delimiter, ';');
    const forced = await profileText(text, { delimiter: ',' });
    assert.equal(forced.delimiter, ',');
    // Split on commas, the header has one field and each data row two.
    assert.deepEqual(
      forced.columns.map((c) => c.name),
      ['a;b'],
    );
    assert.equal(forced.warningCount, 2);
  });
});

describe('profileCsvFile: edge files', () => {
  it('profiles a header-only file as zero rows with empty columns', async () => {
    for (const text of ['a,b,c\n', 'a,b,c']) {
      const profile = await profileText(text);
      assert.equal(profile.rows, 0);
      assert.deepEqual(
        profile.columns.map((c) => [c.name, c.type, c.missing]),
        [
          ['a', 'empty', 0],
          ['b', 'empty', 0],
          ['c', 'empty', 0],
        ],
      );
      assert.equal(profile.warningCount, 0);
    }
  });

  it('rejects an empty file, naming it', async () => {
    await assertInputError(scratch.write('empty.csv', ''), 'empty');
  });

  it('rejects a binary file (NUL bytes), naming it', async () => {
    const zipHeader = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x41, 0x2c]);
    await assertInputError(scratch.write('archive.csv', zipHeader), 'binary');
  });

  it('rejects a missing file and a folder as unreadable, naming them', async () => {
    await assertInputError(`${scratch.dir}/does-not-exist.csv`, 'unreadable');
    await assertInputError(scratch.dir, 'unreadable');
  });

  it('keeps a hostile cell verbatim, as data', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const profile = await profileText(`"${hostile}",b\n"${hostile}",1\n"<script>alert(""x"")</script>",2\n`);
    const [first] = profile.columns;
    assert.ok(first);
    assert.equal(first.name, hostile);
    assert.equal(first.type, 'text');
    assert.equal(first.distinct, 2);
    assert.equal(profile.rows, 2);
  });

  it('decodes UTF-8 characters split across chunk boundaries', async () => {
    const text = 'navn,by\nÆble,Århus\n"😀\nø",Køge\nå\n';
    for (const chunkBytes of [1, 2, 3, 5]) {
      const profile = await profileText(text, { chunkBytes });
      assert.deepEqual(
        profile.columns.map((c) => c.name),
        ['navn', 'by'],
        `chunkBytes ${chunkBytes}`,
      );
      assert.equal(column(profile, 'by').distinct, 2, `chunkBytes ${chunkBytes}`);
      assert.deepEqual(warningLines(profile, 'ragged-row'), [5], `chunkBytes ${chunkBytes}`);
    }
  });
});

describe('profileCsvFile: streaming', () => {
  const text = [
    'id,name,price,when,ok',
    '1,"Smith, J.",10.5,2024-01-02,true',
    '2,"two',
    'lines",11,2024-01-03,false',
    '',
    '3,plain,,2024-01-04,true',
    '4,short',
    '5,"x ""y""",12.25,2024-01-05,false,extra',
    '6,"unterminated,1,2024-01-06,true',
    '7,after,1,2024-01-07,true',
  ].join('\n');

  it('gives the same profile with 7-byte chunks as with the default chunk size', async () => {
    const whole = await profileText(text);
    const chunked = await profileText(text, { chunkBytes: 7 });
    assert.deepEqual(chunked, whole);
    // And the answer itself is right, so the two are not merely equally wrong.
    assert.equal(whole.rows, 6);
    assert.deepEqual(
      whole.warnings.map((w) => [w.line, w.code]),
      [
        [7, 'ragged-row'],
        [8, 'ragged-row'],
        [9, 'ragged-row'],
        [9, 'unterminated-quote'],
      ],
    );
  });

  it('reports progress up to the file size', async () => {
    const file = scratch.write('progress.csv', text);
    const reports: [number, number][] = [];
    const profile = await profileCsvFile(file, {
      chunkBytes: 16,
      onProgress: (bytesRead, totalBytes) => reports.push([bytesRead, totalBytes]),
    });
    const size = Buffer.byteLength(text);
    assert.equal(profile.bytes, size);
    assert.ok(reports.length >= Math.ceil(size / 16), `${reports.length} progress reports`);
    assert.ok(
      reports.every(([, total]) => total === size),
      'every report carries the total size',
    );
    assert.ok(
      reports.every(([read], i) => i === 0 || read > (reports[i - 1] as [number, number])[0]),
      'bytes read only grow',
    );
    assert.deepEqual(reports.at(-1), [size, size]);
  });
});

describe('profileCsvFile: blank lines and cancellation', () => {
  it('skips lines of only spaces, as pandas does, but keeps rows of empty fields', async () => {
    const profile = await profileText('a,b\n1,2\n   \n\t\n,\n3,4\n');
    assert.equal(profile.rows, 3);
    assert.deepEqual(warningLines(profile, 'ragged-row'), []);
    assert.equal(column(profile, 'a').missing, 1);
  });

  it('rejects a file of only blank lines as empty, naming the file', async () => {
    await assertInputError(scratch.write('blank-lines.csv', '\n\n   \n'), 'empty');
  });

  it('stops at the first poll when cancelled, with CsvReadCancelled', async () => {
    const file = scratch.write('cancel.csv', `a,b\n${'1,2\n'.repeat(1000)}`);
    let polls = 0;
    await assert.rejects(
      profileCsvFile(file, {
        isCancelled: () => {
          polls++;
          return true;
        },
      }),
      CsvReadCancelled,
    );
    assert.equal(polls, 1);
  });

  it('cancels midway through a file', async () => {
    const file = scratch.write('cancel-late.csv', `a,b\n${'1,2\n'.repeat(1000)}`);
    let polls = 0;
    await assert.rejects(profileCsvFile(file, { isCancelled: () => ++polls > 100 }), CsvReadCancelled);
    assert.equal(polls, 101);
  });
});

/** `text` in UTF-16 with a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('profileCsvFile: encodings', () => {
  const text = 'navn;by\nÆble;Århus\n"😀\nø";Køge\nå\n';

  for (const endian of ['le', 'be'] as const) {
    it(`decodes UTF-16 ${endian.toUpperCase()} with a byte-order mark, in any chunk size`, async () => {
      const expected = await profileText(text);
      assert.equal(expected.encoding, 'utf-8');
      for (const chunkBytes of [1, 3, 64 * 1024]) {
        const profile = await profileText(utf16(text, endian), { chunkBytes });
        assert.equal(profile.encoding, `utf-16${endian}`);
        assert.deepEqual(
          { ...profile, encoding: 'utf-8', bytes: expected.bytes },
          expected,
          `chunkBytes ${chunkBytes}`,
        );
      }
    });
  }

  it('rejects Latin-1 text, naming the file, the first bad byte and its line', async () => {
    const latin1 = Buffer.from('name,city\nAnn,Oslo\nBo,Malm\xf6\n', 'latin1');
    const file = scratch.write('latin1.csv', latin1);
    for (const chunkBytes of [1, 2, 64 * 1024]) {
      await assert.rejects(profileCsvFile(file, { chunkBytes }), (error: unknown) => {
        assert.ok(error instanceof CsvEncodingError, String(error));
        assert.ok(error instanceof CsvInputError, 'an input error to every caller');
        assert.equal(error.problem, 'unreadable');
        assert.equal(error.file, file);
        assert.equal(error.byteOffset, latin1.indexOf(0xf6));
        assert.equal(error.line, 3);
        assert.match(error.message, /latin1\.csv: is not UTF-8 text: byte 0xF6 at offset 26 \(line 3\)/);
        assert.match(error.message, /iconv -f windows-1252 -t utf-8/);
        return true;
      });
    }
  });

  it('finds a bad byte far into a file, past the sniffed head', async () => {
    const lines = ['a,b', ...Array.from({ length: 20_000 }, (_, i) => `${i},ok`)];
    const good = Buffer.from(`${lines.join('\n')}\n`);
    const file = scratch.write('late.csv', Buffer.concat([good, Buffer.from('1,caf\xe9\n', 'latin1')]));
    await assert.rejects(profileCsvFile(file), (error: unknown) => {
      assert.ok(error instanceof CsvEncodingError);
      assert.equal(error.byteOffset, good.length + 5);
      assert.equal(error.line, 20_002);
      return true;
    });
  });

  it('rejects text cut off inside a UTF-8 character', async () => {
    const file = scratch.write('cut.csv', Buffer.from([...Buffer.from('a,b\n1,'), 0xc3]));
    await assert.rejects(profileCsvFile(file), /cut\.csv: is not UTF-8 text: it ends inside a UTF-8 character/);
  });

  it('rejects UTF-32 and UTF-16 without a byte-order mark with a message saying so', async () => {
    const utf32 = scratch.write('utf32.csv', Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    await assert.rejects(profileCsvFile(utf32), /utf32\.csv: is UTF-32 text/);
    const bare = scratch.write('bare16.csv', Buffer.from('a,b\n1,2\n3,4\n', 'utf16le'));
    await assert.rejects(profileCsvFile(bare), (error: unknown) => {
      assert.ok(error instanceof CsvEncodingError);
      assert.match(error.message, /bare16\.csv: looks like UTF-16 text without a byte-order mark/);
      return true;
    });
  });
});

describe('profileCsvFile: delimiter and line-ending detection', () => {
  it('detects the delimiter from the first 64 KB, not from the first chunk', async () => {
    const text = 'name;note\nAnn;"likes, commas; and semicolons"\nBo;plain, text\n';
    for (const chunkBytes of [1, 4, 64 * 1024]) {
      const profile = await profileText(text, { chunkBytes });
      assert.equal(profile.delimiter, ';', `chunkBytes ${chunkBytes}`);
      assert.equal(profile.rows, 2);
      assert.equal(profile.warningCount, 0);
    }
  });

  it('prefers the delimiter that gives every record the header’s field count', async () => {
    // Commas in unquoted text make the comma inconsistent; tabs are consistent.
    const text = 'id\tcomment\n1\tfine, thanks\n2\tyes, no, maybe\n3\tok\n';
    assert.equal((await profileText(text)).delimiter, '\t');
    const pipes = 'a|b|c\n1|2|3\n4|5|6\n';
    assert.equal((await profileText(pipes)).delimiter, '|');
    // A quoted header field holding a semicolon does not fool it.
    const quoted = '"a;x",b\n1,2\n3,4\n';
    assert.equal((await profileText(quoted)).delimiter, ',');
    // One column: comma, as pandas would read it.
    assert.equal((await profileText('value\n1\n2\n')).delimiter, ',');
  });

  it('reads CRLF files alike in any chunk size', async () => {
    const text = 'a;b\r\n1;"x\r\ny"\r\n2;3;4\r\n5;6\r\n';
    const whole = await profileText(text);
    assert.deepEqual(
      whole.warnings.map((w) => [w.line, w.code]),
      [[4, 'ragged-row']],
    );
    for (const chunkBytes of [1, 2, 3]) assert.deepEqual(await profileText(text, { chunkBytes }), whole);
  });

  it('numbers lines of a file with old Mac (CR) line endings', async () => {
    const profile = await profileText('a,b\r1,2\r3\r4,5\r');
    assert.equal(profile.rows, 3);
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [[3, 'ragged-row']],
    );
  });

  it(`sniffs ${SNIFF_CHARS / 1024} KB, so a delimiter seen only later does not count`, async () => {
    const head = `a,b\n${'1,2\n'.repeat(SNIFF_CHARS / 4)}`;
    const profile = await profileText(`${head}3;4;5;6\n`);
    assert.equal(profile.delimiter, ',');
  });
});

describe('profileCsvFile: bounded memory on a quote that never closes', () => {
  it('stops reading at a record longer than the limit, with a warning on the line the quote opened', async () => {
    // Longer than the sniffed head, so that parsing has started when the guard looks.
    const text = `a,b\n1,2\n3,"open\n${'x,y\n'.repeat(30_000)}`;
    const profile = await profileText(text, { maxRecordChars: 1000, chunkBytes: 256 });
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [[3, 'unterminated-quote']],
    );
    assert.match(profile.warnings[0]?.message ?? '', /not closed within 1,000 characters; reading stopped there/);
    assert.equal(profile.rows, 2);
  });
});

describe('profileCsvFile: target column', () => {
  it('reports the class balance of the target', async () => {
    const profile = await profileText('x,label\n1,a\n2,b\n3,a\n', { target: 'label' });
    assert.deepEqual(
      profile.classBalance?.classes.map((c) => [c.value, c.count]),
      [
        ['a', 2],
        ['b', 1],
      ],
    );
  });

  it('rejects a target that is not a column', async () => {
    await assert.rejects(profileText('x,label\n1,a\n', { target: 'y' }), UnknownColumnError);
  });
});

/** A profile without the sizes of its file and of what was read (which differ from a prefix file's). */
function withoutSizes(profile: CsvProfile & { bytes: number; bytesRead?: number }): CsvProfile {
  const copy: Partial<typeof profile> = { ...profile };
  delete copy.bytes;
  delete copy.bytesRead;
  return copy as CsvProfile;
}

describe('profileCsvFile: partial profiles', () => {
  it('gives, midway, exactly the profile of the rows read so far, then the full one', async () => {
    // Semicolons, a quoted field with the delimiter, missing values, a repeated row: every
    // statistic of a partial profile must be that of its first `rows` rows.
    const header = 'id;city;amount;note';
    const rows = Array.from(
      { length: 6000 },
      (_, i) =>
        `${i % 4000};${['Oslo', 'Bergen', '"Rome; IT"', ''][i % 4] ?? ''};${(i * 37) % 1000};${i % 3 ? 'x' : ''}`,
    );
    const text = `${header}\n${rows.join('\n')}\n`;
    const partials: (CsvProfile & { bytes: number; bytesRead: number })[] = [];
    const full = await profileText(text, {
      chunkBytes: 4096,
      partialProfileEvery: { ms: 0, bytes: 1 },
      onPartialProfile: (profile) => partials.push(profile),
    });
    assert.ok(partials.length >= 3, `partial profiles: ${partials.length}`);
    let previous = 0;
    for (const partial of partials) {
      assert.ok(partial.rows > previous && partial.rows < full.rows, `rows ${partial.rows}`);
      previous = partial.rows;
      assert.ok(partial.bytesRead <= partial.bytes && partial.bytes === full.bytes);
      const prefix = await profileText(`${header}\n${rows.slice(0, partial.rows).join('\n')}\n`);
      assert.deepEqual(withoutSizes(partial), withoutSizes(prefix), `the partial profile of ${partial.rows} rows`);
    }
    const again = await profileText(text);
    assert.deepEqual(withoutSizes(full), withoutSizes(again), 'asking for partial profiles does not change the result');
  });
});
