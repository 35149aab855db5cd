import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import {
  ProfileCsvErrorCode,
  ProfileCsvMethod,
  type ProfileCsvParams,
  type ProfileCsvResult,
} from '../../core/src/protocol/lsp';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, readPlainCsv, type ScratchWorkspace } from '../support/lspWorkspace';

/** What DATASET.md's "Types of attributes" table says each column of churn.csv is. */
const DOCUMENTED_TYPES: Record<string, string> = {
  customer_id: 'id',
  signup_date: 'date',
  tenure_months: 'int',
  plan: 'categorical',
  monthly_charges: 'float',
  total_charges: 'float',
  support_calls: 'int',
  contract: 'categorical',
  churned: 'categorical',
};

describe('mlguide/profileCsv request', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  const profile = (params: ProfileCsvParams): Promise<ProfileCsvResult> =>
    session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, params);

  /** Expects the request to fail with `code` and a message naming the file. */
  const rejectsWith = async (params: ProfileCsvParams, code: number, fileName: string): Promise<void> => {
    await assert.rejects(profile(params), (error: unknown) => {
      assert.ok(error instanceof ResponseError, `a JSON-RPC error, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      assert.ok(error.message.includes(fileName), `"${error.message}" names ${fileName}`);
      return true;
    });
  };

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('profiles the example churn.csv: rows, columns, delimiter, types and missing values', async () => {
    const file = workspace.file('data/churn.csv');
    const csv = readPlainCsv(await fs.readFile(file, 'utf8'));
    const result = await profile({ uri: workspace.uri('data/churn.csv') });

    assert.equal(result.uri, workspace.uri('data/churn.csv'));
    assert.equal(result.bytes, (await fs.stat(file)).size);
    assert.equal(result.rows, csv.rows.length);
    assert.equal(result.delimiter, ',');
    assert.deepEqual(
      result.columns.map((c) => c.name),
      csv.header,
    );
    assert.deepEqual(Object.fromEntries(result.columns.map((c) => [c.name, c.type])), DOCUMENTED_TYPES);
    const missing = csv.header.map((_, i) => csv.rows.filter((row) => (row[i] ?? '') === '').length);
    assert.deepEqual(
      result.columns.map((c) => c.missing),
      missing,
    );
    assert.ok((missing[csv.header.indexOf('total_charges')] ?? 0) > 0, 'the example has missing total_charges');

    const tenure = csv.rows.map((row) => Number(row[csv.header.indexOf('tenure_months')]));
    const tenureProfile = result.columns.find((c) => c.name === 'tenure_months');
    assert.ok(tenureProfile);
    assert.equal(tenureProfile.min, Math.min(...tenure));
    assert.equal(tenureProfile.max, Math.max(...tenure));
    const mean = tenure.reduce((a, b) => a + b, 0) / tenure.length;
    assert.ok(Math.abs((tenureProfile.mean ?? NaN) - mean) < 1e-9, `mean ${String(tenureProfile.mean)} ≈ ${mean}`);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.warningCount, 0);
  });

  it('detects a semicolon delimiter, and honours a delimiter the client names', async () => {
    const semicolons = await workspace.write('data/semi.csv', 'a;b\n1;2\n3;4\n');
    const detected = await profile({ uri: semicolons });
    assert.equal(detected.delimiter, ';');
    assert.deepEqual(
      detected.columns.map((c) => c.name),
      ['a', 'b'],
    );

    const tabs = await workspace.write('data/tabs.tsv', 'name\tnote\nx\thello, world\ny\tbye\n');
    const named = await profile({ uri: tabs, delimiter: '\t' });
    assert.equal(named.delimiter, '\t');
    assert.equal(named.rows, 2);
    assert.deepEqual(
      named.columns.map((c) => c.name),
      ['name', 'note'],
    );
  });

  it('reports ragged rows as warnings with the line each row starts on', async () => {
    const uri = await workspace.write('data/ragged.csv', 'a,b,c\r\n1,2,3\r\n\r\n4,5\r\n6,7,8,9\r\n10,11,12\r\n');
    const result = await profile({ uri });
    assert.equal(result.rows, 4, 'the blank line is skipped; ragged rows still count');
    assert.deepEqual(
      result.warnings.map((w) => [w.line, w.code]),
      [
        [4, 'ragged-row'],
        [5, 'ragged-row'],
      ],
    );
    assert.equal(result.warningCount, 2);
    assert.equal(result.columns.find((c) => c.name === 'c')?.missing, 1, 'the short row’s missing field');
  });

  it('reports an unterminated quote as a warning on the line where the quote opens', async () => {
    const uri = await workspace.write('data/quote.csv', 'name,note\nx,"multi\nline"\ny,"never closed\nz,1\n');
    const result = await profile({ uri });
    assert.deepEqual(
      result.warnings.map((w) => [w.line, w.code]),
      [[4, 'unterminated-quote']],
    );
    assert.equal(result.rows, 2);
  });

  it('fails with Unreadable, naming the file, when the file does not exist or is a folder', async () => {
    await rejectsWith({ uri: workspace.uri('data/missing.csv') }, ProfileCsvErrorCode.Unreadable, 'missing.csv');
    await rejectsWith({ uri: workspace.uri('data') }, ProfileCsvErrorCode.Unreadable, 'data');
  });

  it('fails with Unreadable for a URI that is not a file: URI', async () => {
    await rejectsWith({ uri: 'https://example.invalid/data.csv' }, ProfileCsvErrorCode.Unreadable, 'data.csv');
  });

  it('fails with Empty, naming the file, for an empty file', async () => {
    const uri = await workspace.write('data/empty.csv', '');
    await rejectsWith({ uri }, ProfileCsvErrorCode.Empty, 'empty.csv');
  });

  it('returns the fields added in 0.2: counts, quantiles, top values, duplicate rows', async () => {
    const result = await profile({ uri: workspace.uri('data/churn.csv') });
    const tenure = result.columns.find((c) => c.name === 'tenure_months');
    assert.ok(tenure?.quantiles && tenure.histogram && tenure.top);
    assert.equal(tenure.count, result.rows);
    assert.ok(tenure.quantiles.p25 <= tenure.quantiles.p50 && tenure.quantiles.p50 <= tenure.quantiles.p75);
    assert.equal(
      tenure.histogram.counts.reduce((a, b) => a + b, 0),
      result.rows,
    );
    assert.equal(typeof result.duplicateRows, 'number');
    assert.deepEqual(result.idLikeColumns, ['customer_id']);
    assert.equal(result.encoding, 'utf-8');
  });

  it('fails with Unreadable, naming the file and the byte, for a file that is not UTF-8', async () => {
    const uri = await workspace.write('data/latin1.csv', Buffer.from('name\nMalm\xf6\n', 'latin1'));
    await rejectsWith({ uri }, ProfileCsvErrorCode.Unreadable, 'latin1.csv');
    await assert.rejects(profile({ uri }), /is not UTF-8 text: byte 0xF6 at offset 9 \(line 2\)/);
  });

  it('fails with Binary, naming the file, for a file with NUL bytes', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64), Buffer.from('a,b\n1,2\n')]);
    const uri = await workspace.write('data/archive.csv', bytes);
    await rejectsWith({ uri }, ProfileCsvErrorCode.Binary, 'archive.csv');
  });
});
