// The pure engine: CsvProfiler's type inference and statistics, cellKind, isMissing, LineTracker;
// the fields added in 0.2 (counts, distinct values, quantiles, histograms, top values, duplicate
// rows, class balance). The sketches behind them are tested in profileSketches.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { max, mean, min, sampleStandardDeviation } from 'simple-statistics';
import { cellKind } from '../../core/src/csv/inferType';
import { LineTracker } from '../../core/src/csv/lineTracker';
import { isMissing, MISSING_TOKENS } from '../../core/src/csv/missing';
import { scanCell, scanned, KIND_DATE, KIND_FLOAT, KIND_INT } from '../../core/src/csv/scanCell';
import {
  CATEGORICAL_MAX_DISTINCT,
  CsvProfiler,
  DISTINCT_EXACT_LIMIT,
  ID_MIN_ROWS,
  MAX_WARNINGS,
  QUANTILE_SAMPLE,
  TOP_VALUES,
  UnknownColumnError,
  type CompleteColumnProfile,
  type CompleteCsvProfile,
} from '../../core/src/profile/profile';
import { assertClose, seededRandom } from './support';

/** Profiles one column holding `cells`, one per row. */
function profileColumn(name: string, cells: readonly string[]): CompleteColumnProfile {
  const profiler = new CsvProfiler();
  profiler.header([name], 1);
  cells.forEach((cell, i) => profiler.row([cell], i + 2));
  const profile = profiler.finish(',');
  assert.equal(profile.rows, cells.length);
  return profile.columns[0] as CompleteColumnProfile;
}

/** Profiles rows under a header. */
function profileRows(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  target?: string,
): CompleteCsvProfile {
  const profiler = new CsvProfiler(target === undefined ? {} : { target });
  profiler.header(header, 1);
  rows.forEach((row, i) => profiler.row(row, i + 2));
  return profiler.finish(',');
}

/** pandas' `Series.quantile(q)` (numpy's linear method), the slow way. */
function pandasQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const t = position - below;
  const a = sorted[below] as number;
  const b = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

const LEVELS = { p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;

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

describe('scanCell: values parsed in the same pass', () => {
  it('parses numbers to the double Number() gives, fast path or not', () => {
    const random = seededRandom(11);
    const cells = ['0', '-0', '+7', '007', '5.', '.5', '1e5', '-2.5E-3', '123456789012345', '0.1', '9007199254740993'];
    for (let i = 0; i < 2000; i++) {
      const digits = String(Math.floor(random() * 1e12));
      const point = Math.floor(random() * (digits.length + 1));
      cells.push(
        `${random() < 0.5 ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}${random() < 0.3 ? `e${Math.floor(random() * 60) - 30}` : ''}`,
      );
    }
    for (const cell of cells) {
      const kind = scanCell(cell);
      assert.ok(kind === KIND_INT || kind === KIND_FLOAT, cell);
      assert.ok(Object.is(scanned.value, Number(cell)) || (scanned.value === 0 && Number(cell) === 0), cell);
    }
  });

  it('gives dates an instant, honouring offsets, so min and max compare times', () => {
    const instant = (cell: string): number => {
      assert.equal(scanCell(cell), KIND_DATE, cell);
      return scanned.instant;
    };
    assert.equal(instant('2019-03-23'), Date.UTC(2019, 2, 23));
    assert.equal(instant('2019-03-23T20:21:09.5Z'), Date.UTC(2019, 2, 23, 20, 21, 9, 500));
    assert.equal(instant('2019-03-23 20:21+01:00'), Date.UTC(2019, 2, 23, 19, 21));
    assert.equal(instant('2019-03-23 20:21:00-0130'), Date.UTC(2019, 2, 23, 21, 51));
    assert.equal(instant('1600-02-29'), Date.UTC(1600, 1, 29));
  });
});

describe('CsvProfiler: counts and distinct values (pandas nunique)', () => {
  it('counts non-missing cells', () => {
    const column = profileColumn('x', ['1', '', 'NA', '2', 'null']);
    assert.equal(column.count, 2);
    assert.equal(column.missing, 3);
  });

  it('counts numbers by value, booleans by value and text by text, as pandas does', () => {
    assert.equal(profileColumn('x', ['1', '1.0', '01', '+1', '1e0', '2']).distinct, 2);
    assert.equal(profileColumn('x', ['0', '-0', '0.0']).distinct, 1);
    assert.equal(profileColumn('flag', ['true', 'True', 'TRUE', 'false']).distinct, 2);
    assert.equal(profileColumn('name', ['Ann', 'ann', 'Ann ', 'Ann']).distinct, 3);
  });

  it(`is exact up to ${DISTINCT_EXACT_LIMIT} values, then a marked estimate within 3 %`, () => {
    const atLimit = profileColumn(
      'code',
      range(DISTINCT_EXACT_LIMIT).map((i) => `c${i}`),
    );
    assert.equal(atLimit.distinct, DISTINCT_EXACT_LIMIT);
    assert.equal(atLimit.distinctEstimated, false);
    const n = 150_000;
    const past = profileColumn(
      'code',
      range(n * 2).map((i) => `c${i % n}`),
    );
    assert.equal(past.distinctEstimated, true);
    assert.equal(past.distinctCapped, true, 'distinctCapped follows distinctEstimated');
    assert.ok(Math.abs(past.distinct - n) / n < 0.03, `estimate ${past.distinct} of ${n}`);
    const numbers = profileColumn(
      'x',
      range(n).map((i) => String(i * 0.5)),
    );
    assert.ok(Math.abs(numbers.distinct - n) / n < 0.03, `estimate ${numbers.distinct} of ${n}`);
  });

  it('types a large distinct id column as id from the estimate', () => {
    const column = profileColumn('customer_id', range(100_000).map(String));
    assert.equal(column.type, 'id');
    assert.equal(column.distinctEstimated, true);
  });

  it('marks a column with at most one distinct value constant, and lists it', () => {
    const profile = profileRows(
      ['a', 'b', 'c', 'd'],
      [
        ['1', 'x', '', '1'],
        ['1', 'y', '', '2'],
        ['1.0', 'x', 'NA', ''],
      ],
    );
    assert.deepEqual(
      profile.columns.map((c) => c.constant),
      [true, false, true, false],
    );
    assert.deepEqual(profile.constantColumns, ['a', 'c']);
  });
});

describe('CsvProfiler: quantiles and histograms', () => {
  it('has pandas’ quantiles, exactly, for a column with few distinct values however long', () => {
    const random = seededRandom(5);
    const values = range(200_000).map(() => Math.floor(random() * 1000) / 4);
    const column = profileColumn('x', values.map(String));
    assert.equal(column.quantilesEstimated, false);
    for (const [level, q] of Object.entries(LEVELS)) {
      assert.equal(column.quantiles?.[level as keyof typeof LEVELS], pandasQuantile(values, q), level);
    }
  });

  it('has pandas’ quantiles, exactly, with many distinct values while they fit the sample', () => {
    const random = seededRandom(6);
    const values = range(QUANTILE_SAMPLE - 1).map(() => random() * 1e6);
    const column = profileColumn('x', values.map(String));
    assert.equal(column.distinctEstimated, true);
    assert.equal(column.quantilesEstimated, false);
    for (const [level, q] of Object.entries(LEVELS)) {
      assertClose(column.quantiles?.[level as keyof typeof LEVELS], pandasQuantile(values, q), 1e-12, level);
    }
  });

  it('estimates quantiles past that from a seeded sample, within a rank error of 1 %', () => {
    const random = seededRandom(7);
    const values = range(300_000).map(() => random() * 1000);
    const column = profileColumn('x', values.map(String));
    assert.equal(column.quantilesEstimated, true);
    assert.equal(column.histogram?.estimated, true);
    const sorted = [...values].sort((a, b) => a - b);
    for (const [level, q] of Object.entries(LEVELS)) {
      const estimate = column.quantiles?.[level as keyof typeof LEVELS] as number;
      const rank = sorted.findIndex((x) => x >= estimate) / sorted.length;
      assert.ok(Math.abs(rank - q) < 0.01, `${level}: estimate ${estimate} sits at rank ${rank}`);
    }
    assert.deepEqual(profileColumn('x', values.map(String)).quantiles, column.quantiles, 'same seed, same sample');
  });

  it('bins numbers in 20 equal-width bins over [min, max], counting every value', () => {
    const values = range(1000).map((i) => i / 10);
    const column = profileColumn('x', values.map(String));
    const histogram = column.histogram;
    assert.ok(histogram);
    assert.equal(histogram.estimated, false);
    assert.equal(histogram.edges.length, 21);
    assert.equal(histogram.edges[0], 0);
    assert.equal(histogram.edges[20], 99.9);
    assert.deepEqual(
      histogram.counts,
      histogram.counts.map(
        (_, i) =>
          values.filter(
            (x) => x >= (histogram.edges[i] as number) && (x < (histogram.edges[i + 1] as number) || i === 19),
          ).length,
      ),
    );
    assert.equal(
      histogram.counts.reduce((a, b) => a + b, 0),
      1000,
    );
  });

  it('gives integers with a small range one bin each, and a single value one bin', () => {
    const column = profileColumn('stars', ['1', '2', '2', '5', '5', '5', '']);
    assert.deepEqual(column.histogram, { edges: [1, 2, 3, 4, 5, 6], counts: [1, 2, 0, 0, 3], estimated: false });
    assert.deepEqual(profileColumn('x', ['4', '4']).histogram, { edges: [4, 4], counts: [2], estimated: false });
  });

  it('keeps infinities out of the bins but in min, max and quantiles', () => {
    const column = profileColumn('x', ['1', '2', 'inf', '3', '-inf']);
    assert.equal(column.max, Infinity);
    const histogram = column.histogram;
    assert.ok(histogram);
    assert.equal(histogram.edges[0], 1);
    assert.equal(histogram.edges.at(-1), 3);
    assert.equal(
      histogram.counts.reduce((a, b) => a + b, 0),
      3,
    );
    assert.equal(column.quantiles?.p50, 2);
  });
});

describe('CsvProfiler: top values and long tail', () => {
  it(`lists the ${TOP_VALUES} most frequent values, ties by value, and the share outside them`, () => {
    const cells = range(20).flatMap((i) => Array.from({ length: 20 - i }, () => `v${String(i).padStart(2, '0')}`));
    cells.push('w', 'a');
    const column = profileColumn('label', cells);
    assert.equal(column.type, 'categorical');
    assert.equal(column.topEstimated, false);
    assert.deepEqual(column.top.slice(0, 3), [
      { value: 'v00', count: 20 },
      { value: 'v01', count: 19 },
      { value: 'v02', count: 18 },
    ]);
    // A categorical column lists every value (its histogram); ties in order of value.
    assert.equal(column.top.length, 22);
    assert.deepEqual(column.top.slice(-3), [
      { value: 'a', count: 1 },
      { value: 'v19', count: 1 },
      { value: 'w', count: 1 },
    ]);
    const inTop = range(10).reduce((sum, i) => sum + 20 - i, 0);
    assert.equal(column.longTailShare, (cells.length - inTop) / cells.length);
  });

  it('reports numbers as numbers and booleans as booleans', () => {
    assert.deepEqual(profileColumn('x', ['2', '2.0', '3']).top, [
      { value: 2, count: 2 },
      { value: 3, count: 1 },
    ]);
    assert.deepEqual(profileColumn('ok', ['True', 'true', 'FALSE']).top, [
      { value: true, count: 2 },
      { value: false, count: 1 },
    ]);
    const text = profileColumn('note', ['a', 'b', 'c', 'a', 'b', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
    assert.equal(text.top.length, TOP_VALUES);
    assert.equal(text.longTailShare, 1 / 13);
  });

  it('finds the frequent values of a column past the exact bound, with lower-bound counts', () => {
    const n = 200_000;
    const cells = range(n).map((i) => (i % 10 === 0 ? 'common' : i % 25 === 1 ? 'frequent' : `unique${i}`));
    const column = profileColumn('event', cells);
    assert.equal(column.topEstimated, true);
    const [first, second] = column.top;
    assert.ok(first && second);
    assert.equal(first.value, 'common');
    assert.equal(second.value, 'frequent');
    const common = cells.filter((c) => c === 'common').length;
    const frequent = cells.filter((c) => c === 'frequent').length;
    assert.ok(first.count <= common && first.count > common * 0.95, `common ${first.count} of ${common}`);
    assert.ok(second.count <= frequent && second.count > frequent * 0.9, `frequent ${second.count} of ${frequent}`);
    assert.ok(column.longTailShare >= 1 - (common + frequent) / n - 1e-12);
  });
});

describe('CsvProfiler: dates', () => {
  it('reports the earliest and latest date-time as written, compared as instants', () => {
    const column = profileColumn('when', [
      '2024-01-02 10:00+02:00',
      '2024-01-02 09:00',
      '2023-12-31',
      '',
      '2024-01-02T08:30:00Z',
    ]);
    assert.equal(column.type, 'date');
    assert.equal(column.minDate, '2023-12-31');
    assert.equal(column.maxDate, '2024-01-02 09:00');
    assert.equal(profileColumn('x', ['1', '2']).minDate, undefined);
  });
});

describe('CsvProfiler: duplicate rows, id-like columns, class balance', () => {
  it('counts rows equal to an earlier row as pandas’ duplicated() does', () => {
    const profile = profileRows(
      ['a', 'b'],
      [['1', 'x'], ['1.0', 'x'], ['1', 'y'], ['', 'NA'], ['NaN', ''], ['1', 'x'], ['1']],
    );
    // Rows 2 and 6 repeat row 1 (1 and 1.0 are one number); row 5 repeats row 4 (both missing).
    assert.equal(profile.duplicateRows, 3);
    assert.equal(profile.duplicateRowsEstimated, false);
    assert.equal(profileRows(['a'], [['x'], ['y']]).duplicateRows, 0);
  });

  it('lists id-typed columns and row numbers as id-like', () => {
    const rows = range(30).map((i) => [String(i), String(100 + i * 3), `C${i}`, String(29 - i)]);
    const profile = profileRows(['Unnamed: 0', 'amount', 'customer_id', 'countdown'], rows);
    assert.deepEqual(profile.idLikeColumns, ['Unnamed: 0', 'customer_id', 'countdown']);
    assert.equal(profile.columns[0]?.type, 'int', 'a row number keeps its type');
  });

  it('reports the class balance of the target column', () => {
    const rows = [...range(90).map(() => ['a', 'no']), ...range(9).map(() => ['b', 'yes']), ['c', '']];
    const profile = profileRows(['x', 'churned'], rows, 'churned');
    assert.deepEqual(profile.classBalance, {
      column: 'churned',
      count: 99,
      missing: 1,
      classes: [
        { value: 'no', count: 90, share: 90 / 99 },
        { value: 'yes', count: 9, share: 9 / 99 },
      ],
      imbalanceRatio: 10,
      truncated: false,
      estimated: false,
    });
    assert.equal(profileRows(['x'], [['1']]).classBalance, undefined);
  });

  it('refuses a target that is not a column, naming the columns', () => {
    const profiler = new CsvProfiler({ target: 'label' });
    assert.throws(
      () => profiler.header(['a', 'b'], 1),
      (error: unknown) =>
        error instanceof UnknownColumnError && /no column named "label".*"a", "b"/.test(error.message),
    );
  });
});
