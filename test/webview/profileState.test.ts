import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ColumnProfile, CsvProfile } from '../../core/src/profile/profile';
import type { ProfileViewModel } from '../../core/src/protocol/webview';
import { profileView } from '../../webviews/profile/state';

const column = (overrides: Partial<ColumnProfile> & { name: string }): ColumnProfile => ({
  type: 'int',
  missing: 0,
  distinct: 1,
  distinctCapped: false,
  ...overrides,
});

const model = (profile: Partial<CsvProfile>, bytes = 100): ProfileViewModel => ({
  uri: 'file:///data/sales.csv',
  fileName: 'sales.csv',
  path: 'data/sales.csv',
  bytes,
  profile: { rows: 0, delimiter: ',', columns: [], warnings: [], warningCount: 0, ...profile },
});

const figures = (view: ReturnType<typeof profileView>): Record<string, string> =>
  Object.fromEntries(view.figures.map((f) => [f.label, f.value]));

describe('profile page state (profileView)', () => {
  it('shows the summary figures with thousands separators', () => {
    const view = profileView(
      model({ rows: 1_234_567, columns: [column({ name: 'a' }), column({ name: 'b' })], warningCount: 1200 }, 2048),
    );
    assert.equal(view.title, 'sales.csv');
    assert.equal(view.path, 'data/sales.csv');
    assert.deepEqual(figures(view), {
      rows: '1,234,567',
      columns: '2',
      delimiter: ',',
      size: '2.0 KiB',
      warnings: '1,200',
    });
  });

  it('names a tab delimiter, and gives sizes in B, KiB and MiB', () => {
    assert.equal(figures(profileView(model({ delimiter: '\t' }))).delimiter, 'tab');
    assert.equal(figures(profileView(model({ delimiter: ';' }))).delimiter, ';');
    assert.equal(figures(profileView(model({}, 1023))).size, '1023 B');
    assert.equal(figures(profileView(model({}, 1536))).size, '1.5 KiB');
    assert.equal(figures(profileView(model({}, 40 * 1024 * 1024 + 512 * 1024))).size, '40.5 MiB');
  });

  it('formats each column: thousands separators, fractions to six significant digits, blanks for text', () => {
    const view = profileView(
      model({
        rows: 2000,
        columns: [
          column({
            name: 'amount',
            type: 'float',
            missing: 500,
            distinct: 1500,
            min: -2.5,
            max: 12345.678901,
            mean: 1 / 3,
          }),
          column({
            name: 'count',
            type: 'int',
            distinct: 100_000,
            distinctCapped: true,
            min: 0,
            max: 1_000_000,
            mean: 7,
          }),
          column({ name: 'city', type: 'categorical', missing: 0, distinct: 12 }),
        ],
      }),
    );
    assert.deepEqual(view.columns, [
      {
        name: 'amount',
        type: 'float',
        missing: '500',
        missingShare: 0.25,
        distinct: '1,500',
        min: '-2.5',
        max: '12,345.7',
        mean: '0.333333',
      },
      {
        name: 'count',
        type: 'int',
        missing: '0',
        missingShare: 0,
        distinct: '100,000+',
        min: '0',
        max: '1,000,000',
        mean: '7',
      },
      { name: 'city', type: 'categorical', missing: '0', missingShare: 0, distinct: '12', min: '', max: '', mean: '' },
    ]);
  });

  it('has no missing share when the file has no rows (no division by zero)', () => {
    const view = profileView(model({ rows: 0, columns: [column({ name: 'empty', type: 'empty', missing: 0 })] }));
    assert.equal(view.columns[0]?.missingShare, 0);
  });

  it('prefixes warnings with their line and counts the ones not shown', () => {
    const view = profileView(
      model({
        rows: 10,
        warnings: [
          { line: 3, code: 'ragged-row', message: 'row has 2 fields' },
          { line: 9, code: 'unterminated-quote', message: 'a quoted field is never closed' },
        ],
        warningCount: 150,
      }),
    );
    assert.deepEqual(view.warnings, ['line 3: row has 2 fields', 'line 9: a quoted field is never closed']);
    assert.equal(view.moreWarnings, 148);
    assert.equal(profileView(model({ warnings: [], warningCount: 0 })).moreWarnings, 0);
  });
});
