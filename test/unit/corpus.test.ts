// profileCsvFile on real CSV files, against reference values computed by pandas
// (scripts/reference/profile_reference.py → test/fixtures/reference/corpus-profile.json).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { CsvProfile } from '../../core/src/profile/profile';
import { profileCsvFile } from '../../server/src/engine/readCsv';
import { assertClose, corpusDir } from './support';

interface ReferenceColumn {
  name: string;
  dtype: string;
  missing: number;
  /** pandas' `nunique()`. */
  distinct: number;
  min?: number | null;
  max?: number | null;
  mean?: number | null;
  std?: number | null;
  /** pandas' `quantile([.05, .25, .5, .75, .95])`, linear interpolation. */
  quantiles?: Record<'p5' | 'p25' | 'p50' | 'p75' | 'p95', number | null>;
}

interface Reference {
  generatedBy: string;
  pandas: string;
  files: Record<string, { sha256: string; rows: number; duplicateRows: number; columns: ReferenceColumn[] }>;
}

const csvDir = path.join(corpusDir, 'csv');
const reference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/reference/corpus-profile.json'), 'utf8'),
) as Reference;
const RELATIVE = 1e-9;

describe('real corpus against pandas', () => {
  it('has a corpus file for every reference', () => {
    const files = readdirSync(csvDir).filter((name) => name.endsWith('.csv'));
    assert.ok(Object.keys(reference.files).length >= 5);
    for (const name of Object.keys(reference.files)) assert.ok(files.includes(name), `${name} is not in ${csvDir}`);
    assert.equal(reference.generatedBy, 'scripts/reference/profile_reference.py');
  });

  // Corpus files added after the reference was generated are still profiled, for invariants that
  // hold whatever the data; rerun the script to compare them with pandas too.
  const unreferenced = readdirSync(csvDir)
    .filter((name) => name.endsWith('.csv') && !(name in reference.files))
    .sort();
  for (const name of unreferenced) {
    it(`${name} (no pandas reference yet) profiles consistently`, async () => {
      const profile = await profileCsvFile(path.join(csvDir, name));
      assert.ok(profile.columns.length > 0);
      for (const column of profile.columns) {
        assert.ok(column.missing <= profile.rows, column.name);
        if (column.mean !== undefined && column.min !== undefined && column.max !== undefined) {
          assert.ok(column.min <= column.mean && column.mean <= column.max, column.name);
        }
      }
    });
  }

  for (const [name, expected] of Object.entries(reference.files)) {
    describe(name, () => {
      let profile: CsvProfile;
      before(async () => {
        profile = await profileCsvFile(path.join(csvDir, name));
      });

      it('is the file the reference was computed from', () => {
        const sha256 = createHash('sha256')
          .update(readFileSync(path.join(csvDir, name)))
          .digest('hex');
        assert.equal(sha256, expected.sha256, `${name} changed: rerun ${reference.generatedBy}`);
      });

      it('has pandas’ row count, column names and a comma delimiter', () => {
        assert.equal(profile.delimiter, ',');
        assert.equal(profile.rows, expected.rows);
        assert.deepEqual(
          profile.columns.map((c) => c.name),
          expected.columns.map((c) => c.name),
        );
        assert.equal(profile.warningCount, 0);
      });

      it('has pandas’ missing count in every column', () => {
        for (const [i, column] of expected.columns.entries()) {
          assert.equal(profile.columns[i]?.missing, column.missing, `${name} ${column.name}`);
        }
      });

      it('has pandas’ distinct count (nunique) in every column, exactly', () => {
        for (const [i, column] of expected.columns.entries()) {
          const actual = profile.columns[i];
          assert.equal(actual?.distinct, column.distinct, `${name} ${column.name}`);
          assert.equal(actual.distinctEstimated, false, `${name} ${column.name}`);
        }
      });

      it('has pandas’ count of duplicated rows, exactly', () => {
        assert.equal(profile.duplicateRows, expected.duplicateRows);
        assert.equal(profile.duplicateRowsEstimated, false);
      });

      it('has pandas’ quantiles (linear interpolation) in every numeric column', () => {
        for (const [i, column] of expected.columns.entries()) {
          const actual = profile.columns[i];
          assert.ok(actual);
          if (!column.quantiles) {
            assert.equal(actual.quantiles, undefined, `${name} ${column.name}`);
            continue;
          }
          assert.equal(actual.quantilesEstimated, false, `${name} ${column.name}`);
          for (const level of ['p5', 'p25', 'p50', 'p75', 'p95'] as const) {
            const value: number | null = column.quantiles[level];
            assert.equal(typeof value, 'number', `${name} ${column.name} ${level} in the reference`);
            assertClose(actual.quantiles?.[level], value as number, RELATIVE, `${name} ${column.name} ${level}`);
          }
        }
      });

      it('has pandas’ min, max, mean and std in every numeric column, and no numbers elsewhere', () => {
        for (const [i, column] of expected.columns.entries()) {
          const actual = profile.columns[i];
          assert.ok(actual);
          const what = `${name} ${column.name}`;
          if (column.mean === undefined) {
            assert.ok(
              !['int', 'float', 'id'].includes(actual.type),
              `${what}: pandas ${column.dtype}, ours ${actual.type}`,
            );
            assert.equal(actual.mean, undefined, what);
            continue;
          }
          // pandas reads integers with missing values as float64; mlguide keeps calling them int.
          const expectedTypes = column.dtype.startsWith('int') ? ['int'] : ['float', 'int'];
          assert.ok(expectedTypes.includes(actual.type), `${what}: pandas ${column.dtype}, ours ${actual.type}`);
          for (const stat of ['min', 'max', 'mean', 'std'] as const) {
            const value = column[stat];
            assert.equal(typeof value, 'number', `${what} ${stat} in the reference`);
            assertClose(actual[stat], value as number, RELATIVE, `${what} ${stat}`);
          }
        }
      });
    });
  }

  it('types columns a reader would expect (beyond what pandas infers)', async () => {
    const types = async (file: string): Promise<Record<string, string>> =>
      Object.fromEntries((await profileCsvFile(path.join(csvDir, file))).columns.map((c) => [c.name, c.type]));
    const iris = await types('iris.csv');
    assert.equal(iris.species, 'categorical');
    assert.equal(iris.sepal_length, 'float');
    const taxis = await types('taxis.csv');
    assert.equal(taxis.pickup, 'date');
    assert.equal(taxis.dropoff, 'date');
    assert.equal(taxis.passengers, 'int');
    assert.equal(taxis.payment, 'categorical');
    const penguins = await types('penguins.csv');
    assert.equal(penguins.sex, 'categorical');
    assert.equal(penguins.body_mass_g, 'int');
  });

  it('reads the corpus in 7-byte chunks to the same profile', async () => {
    for (const name of ['iris.csv', 'penguins.csv', 'tips.csv']) {
      const file = path.join(csvDir, name);
      assert.deepEqual(await profileCsvFile(file, { chunkBytes: 7 }), await profileCsvFile(file), name);
    }
  });
});
