// mlguide/profileCsv partial results over real LSP messages: with a partialResultToken, the
// server streams the profile so far as $/progress on that token, then answers with the full one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ProfileCsvMethod,
  type ProfileCsvParams,
  type ProfileCsvPartialResult,
  type ProfileCsvResult,
} from '../../core/src/protocol/lsp';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, writeLargeCsv, type ScratchWorkspace } from '../support/lspWorkspace';

/** Several times the bytes between two partial results (4 MiB), and read over more than 250 ms. */
const LARGE_FILE_BYTES = 40_000_000;
const COLUMN_TYPES = new Set(['empty', 'bool', 'int', 'float', 'date', 'categorical', 'text', 'id']);

/** The `$/progress` values sent on `token` so far. */
function valuesOn(session: LspSession, token: string, from: number): unknown[] {
  return session.progress.items.slice(from).flatMap((m) => (m.token === token ? [m.value as unknown] : []));
}

/** Checks what every profile of `rows` rows holds, whatever the rows. */
function assertValidProfile(profile: ProfileCsvResult, names: readonly string[]): void {
  assert.deepEqual(
    profile.columns.map((c) => c.name),
    names,
  );
  for (const column of profile.columns) {
    assert.ok(COLUMN_TYPES.has(column.type), `${column.name}: type ${column.type}`);
    // Each row has a cell in each column, present or missing.
    assert.equal((column.count ?? -1) + column.missing, profile.rows, `${column.name}: count + missing = rows`);
    assert.ok(column.distinct <= profile.rows, `${column.name}: distinct ≤ rows`);
  }
  assert.ok((profile.duplicateRows ?? -1) >= 0 && (profile.duplicateRows ?? 0) < profile.rows);
}

describe('mlguide/profileCsv partial results', { timeout: 180_000 }, () => {
  let workspace: ScratchWorkspace;
  let session: LspSession;
  let largeUri: string;
  let largeRows: number;

  before(async () => {
    workspace = await copyExamples();
    largeRows = (await writeLargeCsv(workspace.file('data/large.csv'), LARGE_FILE_BYTES)).rows;
    largeUri = workspace.uri('data/large.csv');
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('sends the profile so far, in order with growing row counts, then answers with the full profile', async () => {
    const from = session.progress.mark();
    const params: ProfileCsvParams = { uri: largeUri, partialResultToken: 'partial-large' };
    const result = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, params);

    // The partial results were sent before the response, on the same stream: all are here now.
    const partials = valuesOn(session, 'partial-large', from) as ProfileCsvPartialResult[];
    assert.ok(partials.length >= 2, `several partial results for a ${LARGE_FILE_BYTES}-byte file: ${partials.length}`);
    const names = result.columns.map((c) => c.name);
    let previous: ProfileCsvPartialResult | undefined;
    for (const partial of partials) {
      assert.equal(partial.partial, true);
      assert.equal(partial.uri, largeUri);
      assert.equal(partial.bytes, result.bytes);
      assert.ok(partial.bytesRead > 0 && partial.bytesRead < partial.bytes, `bytesRead ${partial.bytesRead}`);
      assert.ok(partial.rows > 0 && partial.rows < result.rows, `rows ${partial.rows} of ${result.rows}`);
      assertValidProfile(partial, names);
      if (previous) {
        assert.ok(partial.rows > previous.rows, `rows grow: ${previous.rows} then ${partial.rows}`);
        assert.ok(partial.bytesRead > previous.bytesRead, 'bytes read grow');
      }
      previous = partial;
    }
    // The statistics are those of the rows so far: the four segments' exact counts add up to them.
    for (const partial of partials) {
      const segment = partial.columns.find((c) => c.name === 'segment');
      assert.equal(segment?.type, 'categorical');
      assert.equal(
        segment.top?.reduce((sum, t) => sum + t.count, 0),
        partial.rows,
      );
    }

    assert.equal('partial' in result, false, 'the response is the full result, not marked partial');
    assert.equal(result.rows, largeRows);
    assertValidProfile(result, names);
  });

  it('sends no partial result without a partialResultToken, nor for a small file', async () => {
    const from = session.progress.mark();
    const whole = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, { uri: largeUri });
    assert.equal(whole.rows, largeRows);
    const small = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, {
      uri: workspace.uri('data/churn.csv'),
      partialResultToken: 'partial-small',
    } satisfies ProfileCsvParams);
    assert.ok(small.rows > 0);
    const partials = session.progress.items
      .slice(from)
      .filter((m) => (m.value as unknown as { partial?: boolean }).partial === true);
    assert.deepEqual(partials, [], 'no $/progress carries a partial profile');
  });
});
