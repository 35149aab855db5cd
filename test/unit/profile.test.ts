// The pure engine: CsvProfiler's type inference and statistics, cellKind, isMissing, LineTracker.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { max, mean, min, sampleStandardDeviation } from 'simple-statistics';
import { cellKind } from '../../core/src/csv/inferType';
import { LineTracker } from '../../core/src/csv/lineTracker';
import { isMissing, MISSING_TOKENS } from '../../core/src/csv/missing';
import {
  CATEGORICAL_MAX_DISTINCT,
  CsvProfiler,
  ID_MIN_ROWS,
  MAX_WARNINGS,
  type ColumnProfile,
} from '../../core/src/profile/profile';
import { assertClose, seededRandom } from './support';

/** Profiles one column holding `cells`, one per row. */
function profileColumn(name: string, cells: readonly string[]): ColumnProfile {
  const profiler = new CsvProfiler();
  profiler.header([name], 1);
  cells.forEach((cell, i) => profiler.row([cell], i + 2));
  const profile = profiler.finish(',');
  assert.equal(profile.rows, cells.length);
  return profile.columns[0] as ColumnProfile;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('cellKind', () => {
  const cases: [string, ReturnType<typeof cellKind>][] = [
    ['0', 'int'],
    ['-3', 'int'],
    ['+42', 'int'],
    ['007', 'int'],
    ['1.5', 'float'],
    ['-0.25', 'float'],
    ['.5', 'float'],
    ['5.', 'float'],
    ['1e5', 'float'],
    ['6.02E+23', 'float'],
    ['true', 'bool'],
    ['False', 'bool'],
    ['TRUE', 'bool'],
    ['2019-03-23', 'date'],
    ['2019-03-23 20:21:09', 'date'],
    ['2019-03-23T20:21:09.5Z', 'date'],
    ['2019-03-23T20:21+01:00', 'date'],
    ['2019-13-01', 'string'],
    ['23/03/2019', 'string'],
    ['yes', 'string'],
    ['tRUE', 'string'],
    ['1,000', 'string'],
    ['0x1F', 'string'],
    [' 1', 'string'],
    ['1.2.3', 'string'],
    ['e5', 'string'],
    ['Ideal', 'string'],
  ];
  for (const [cell, kind] of cases) {
    it(`classifies ${JSON.stringify(cell)} as ${kind}`, () => {
      assert.equal(cellKind(cell), kind);
    });
  }
});

describe('isMissing', () => {
  it('treats exactly pandas’ default na_values as missing', () => {
    // pandas.io.parsers STR_NA_VALUES (pandas >= 2.0, which added "None"); see read_csv's `na_values`.
    const pandasDefaults = [
      '',
      '#N/A',
      '#N/A N/A',
      '#NA',
      '-1.#IND',
      '-1.#QNAN',
      '-NaN',
      '-nan',
      '1.#IND',
      '1.#QNAN',
      '<NA>',
      'N/A',
      'NA',
      'NULL',
      'NaN',
      'None',
      'n/a',
      'nan',
      'null',
    ];
    assert.deepEqual([...MISSING_TOKENS].sort(), [...pandasDefaults].sort());
    for (const token of pandasDefaults) assert.equal(isMissing(token), true, JSON.stringify(token));
  });

  it('does not treat look-alikes as missing (matching is exact, as in pandas)', () => {
    for (const cell of [' ', 'none', 'NONE', 'Nan', 'na', '-', '?', '0', 'N.A.', ' NA', 'NULL ']) {
      assert.equal(isMissing(cell), false, JSON.stringify(cell));
    }
  });
});

describe('CsvProfiler: type inference', () => {
  it('types a column of integers as int', () => {
    assert.equal(profileColumn('age', ['31', '-2', '+7', '0']).type, 'int');
  });

  it('types integers mixed with decimals as float', () => {
    assert.equal(profileColumn('price', ['1', '2.5', '1e3']).type, 'float');
  });

  it('types true/false as bool, with no numeric summary', () => {
    const column = profileColumn('smoker', ['true', 'False', 'TRUE', '']);
    assert.equal(column.type, 'bool');
    assert.equal(column.missing, 1);
    assert.equal(column.mean, undefined);
  });

  it('types ISO dates as date', () => {
    assert.equal(profileColumn('pickup', ['2019-03-23 20:21:09', '2019-03-04', '2020-02-29T08:00:00Z']).type, 'date');
  });

  it('types a column with no values as empty, counting every cell missing', () => {
    const column = profileColumn('notes', ['', 'NA', 'null', 'NaN']);
    assert.equal(column.type, 'empty');
    assert.equal(column.missing, 4);
    assert.equal(column.distinct, 0);
  });

  it('types text with few distinct values as categorical', () => {
    const column = profileColumn(
      'species',
      range(30).map((i) => ['setosa', 'versicolor', 'virginica'][i % 3] as string),
    );
    assert.equal(column.type, 'categorical');
    assert.equal(column.distinct, 3);
  });

  it('types text with many distinct values as text', () => {
    const names = ['Ann', 'Bob', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal', 'Ann', 'Bob'];
    const column = profileColumn('name', names);
    assert.equal(column.type, 'text', '8 distinct in 10 is more than half');
    assert.equal(column.distinct, 8);
  });

  it('types numbers mixed with words as text or categorical, never as a number', () => {
    const column = profileColumn(
      'size',
      range(40).map((i) => (i % 2 === 0 ? 'large' : String(i % 4))),
    );
    assert.equal(column.type, 'categorical');
    assert.equal(column.mean, undefined);
  });

  it(`stops calling text categorical past ${CATEGORICAL_MAX_DISTINCT} distinct values`, () => {
    const cells = (distinct: number): string[] => range(distinct * 2).map((i) => `v${i % distinct}`);
    assert.equal(profileColumn('code', cells(CATEGORICAL_MAX_DISTINCT)).type, 'categorical');
    assert.equal(profileColumn('code', cells(CATEGORICAL_MAX_DISTINCT + 1)).type, 'text');
  });

  it(`types a distinct identifier-named column of at least ${ID_MIN_ROWS} values as id`, () => {
    const strings = (n: number): string[] => range(n).map((i) => `C${1000 + i}`);
    const ints = (n: number): string[] => range(n).map((i) => String(1000 + i));
    for (const name of ['id', 'customer_id', 'userId', 'uuid', 'row key', 'ID']) {
      assert.equal(profileColumn(name, strings(ID_MIN_ROWS)).type, 'id', name);
      assert.equal(profileColumn(name, ints(ID_MIN_ROWS)).type, 'id', `${name} (integers)`);
    }
    // Too few rows, a repeated value, or a name that is not an identifier's: not an id.
    assert.equal(profileColumn('id', ints(ID_MIN_ROWS - 1)).type, 'int');
    assert.equal(profileColumn('id', [...ints(ID_MIN_ROWS), '1000']).type, 'int');
    assert.equal(profileColumn('width', ints(ID_MIN_ROWS)).type, 'int');
    assert.equal(profileColumn('comment', strings(ID_MIN_ROWS)).type, 'text');
  });

  it('counts pandas missing tokens as missing, not as values', () => {
    const column = profileColumn('x', ['1', 'NA', '', 'N/A', 'null', '3', 'None']);
    assert.equal(column.type, 'int');
    assert.equal(column.missing, 5);
    assert.equal(column.distinct, 2);
    assert.equal(column.mean, 2);
  });
});

describe('CsvProfiler: statistics', () => {
  it('computes min, max, mean and sample std as simple-statistics does', () => {
    const random = seededRandom(20240917);
    const values = range(5000).map(() => Math.round((random() * 200 - 50) * 1000) / 1000);
    const column = profileColumn('x', values.map(String));
    assert.equal(column.type, 'float');
    assert.equal(column.min, min(values));
    assert.equal(column.max, max(values));
    assertClose(column.mean, mean(values), 1e-12, 'mean');
    assertClose(column.std, sampleStandardDeviation(values), 1e-12, 'std');
  });

  it('stays accurate for large values with a small spread', () => {
    // A naive sum-of-squares variance loses every digit here; a stable algorithm keeps them.
    const values = range(1000).map((i) => 1e9 + (i % 7) * 0.5);
    const column = profileColumn('timestamp_ms', values.map(String));
    assertClose(column.mean, mean(values), 1e-12, 'mean');
    assertClose(column.std, sampleStandardDeviation(values), 1e-9, 'std');
  });

  it('summarises only the numeric cells, skipping missing ones', () => {
    const column = profileColumn('x', ['4', '', '8', 'NA', '15', '16', '23', '42']);
    const values = [4, 8, 15, 16, 23, 42];
    assert.equal(column.missing, 2);
    assert.equal(column.min, 4);
    assert.equal(column.max, 42);
    assertClose(column.mean, mean(values), 1e-12, 'mean');
    assertClose(column.std, sampleStandardDeviation(values), 1e-12, 'std');
  });

  it('gives numeric summaries to int and float columns only', () => {
    for (const [name, cells] of [
      ['flag', ['true', 'false']],
      ['day', ['2024-01-01', '2024-01-02']],
      ['label', ['a', 'b', 'a', 'a']],
    ] as const) {
      const column = profileColumn(name, cells);
      assert.deepEqual([column.min, column.max, column.mean, column.std], [undefined, undefined, undefined, undefined]);
    }
  });
});

describe('CsvProfiler: headers, rows and warnings', () => {
  it('names empty header cells and renames repeated ones as pandas does, with warnings', () => {
    const profiler = new CsvProfiler();
    profiler.header(['a', ' a ', '', 'b', 'a'], 3);
    profiler.row(['1', '2', '3', '4', '5'], 4);
    const profile = profiler.finish(';');
    assert.deepEqual(
      profile.columns.map((c) => c.name),
      ['a', 'a.1', 'column_3', 'b', 'a.2'],
    );
    assert.equal(profile.delimiter, ';');
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [
        [3, 'duplicate-header'],
        [3, 'empty-header'],
        [3, 'duplicate-header'],
      ],
    );
  });

  it('reports ragged rows at the line each starts on', () => {
    const profiler = new CsvProfiler();
    profiler.header(['a', 'b'], 1);
    profiler.row(['1', '2'], 2);
    profiler.row(['3'], 5);
    profiler.row(['4', '5', '6'], 9);
    const profile = profiler.finish(',');
    assert.deepEqual(
      profile.warnings.map((w) => [w.line, w.code]),
      [
        [5, 'ragged-row'],
        [9, 'ragged-row'],
      ],
    );
    assert.equal(profile.rows, 3);
    const b = profile.columns[1];
    assert.ok(b);
    assert.equal(b.missing, 1);
    assert.equal(b.max, 5, 'the extra field "6" is ignored');
  });

  it(`keeps the first ${MAX_WARNINGS} warnings and counts the rest`, () => {
    const profiler = new CsvProfiler();
    profiler.header(['a', 'b'], 1);
    for (let line = 2; line < 2 + MAX_WARNINGS + 25; line++) profiler.row(['1'], line);
    const profile = profiler.finish(',');
    assert.equal(profile.warnings.length, MAX_WARNINGS);
    assert.equal(profile.warningCount, MAX_WARNINGS + 25);
    assert.equal(profile.warnings.at(-1)?.line, MAX_WARNINGS + 1);
  });
});

describe('LineTracker', () => {
  /** The 1-based line of offset `offset`, counted the slow way. */
  const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

  it('maps increasing offsets to lines across arbitrary chunk boundaries', () => {
    const random = seededRandom(7);
    const text = range(400)
      .map(() => (random() < 0.2 ? '\n' : random() < 0.1 ? '\r\n' : 'x'))
      .join('');
    for (const chunkSize of [1, 2, 3, 7, 64, text.length]) {
      const tracker = new LineTracker();
      for (let i = 0; i < text.length; i += chunkSize) tracker.push(text.slice(i, i + chunkSize));
      let offset = 0;
      while (offset <= text.length) {
        assert.equal(tracker.lineAt(offset), lineOf(text, offset), `offset ${offset}, chunks of ${chunkSize}`);
        assert.equal(tracker.endedOnNewline, offset > 0 && text[offset - 1] === '\n');
        offset += 1 + Math.floor(random() * 9);
      }
    }
  });

  it('answers for offsets while chunks are still arriving', () => {
    const tracker = new LineTracker();
    tracker.push('a,b\n1,');
    assert.equal(tracker.lineAt(4), 2);
    assert.equal(tracker.endedOnNewline, true);
    tracker.push('2\n3,4\n');
    assert.equal(tracker.lineAt(8), 3);
    assert.equal(tracker.lineAt(12), 4);
    assert.equal(tracker.lineAt(12), 4, 'asking twice about the same offset is allowed');
  });

  it('refuses to go backwards', () => {
    const tracker = new LineTracker();
    tracker.push('a\nb\nc\n');
    tracker.lineAt(4);
    assert.throws(() => tracker.lineAt(1), RangeError);
  });
});

describe('CsvProfiler: edge cases pandas defines', () => {
  it('does not take names that merely end in "id" for identifiers', () => {
    const ints = range(ID_MIN_ROWS).map((i) => String(1000 + i));
    for (const name of ['paid', 'amount_paid', 'valid', 'grid', 'Paid']) {
      const column = profileColumn(name, ints);
      assert.equal(column.type, 'int', name);
      assert.equal(column.min, 1000, `${name} keeps its statistics`);
    }
    assert.equal(profileColumn('orderID', ints).type, 'id');
  });

  it('reads inf and -Infinity as infinities, as pandas does', () => {
    const column = profileColumn('x', ['1.5', 'inf', '-Infinity', '2']);
    assert.equal(column.type, 'float');
    assert.equal(column.max, Infinity);
    assert.equal(column.min, -Infinity);
  });

  it('leaves the standard deviation of a single value undefined (pandas: NaN)', () => {
    const column = profileColumn('x', ['4', '']);
    assert.equal(column.mean, 4);
    assert.equal(column.std, undefined);
  });

  it('does not take impossible calendar days for dates', () => {
    assert.equal(cellKind('2019-02-30'), 'string');
    assert.equal(cellKind('2019-13-01'), 'string');
    assert.equal(cellKind('2020-02-29'), 'date');
    assert.equal(cellKind('2019-02-28 23:59:59'), 'date');
  });
});
