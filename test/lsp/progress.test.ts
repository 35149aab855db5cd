import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { ProfileCsvMethod, type ProfileCsvParams, type ProfileCsvResult } from '../../core/src/protocol/lsp';
import { initializeSession, startBundledServer, type LspSession, type ProgressMessage } from '../support/lspClient';
import { copyExamples, writeLargeCsv, type ScratchWorkspace } from '../support/lspWorkspace';

/** The server reads files in 1 MiB chunks; this is several of them. */
const SEVERAL_CHUNKS_BYTES = 6_000_000;
/** Big enough that profiling takes far longer than a cancellation takes to arrive. */
const SLOW_FILE_BYTES = 40_000_000;

const kinds = (messages: ProgressMessage[]): string[] => messages.map((m) => m.value.kind);
const percentages = (messages: ProgressMessage[]): number[] =>
  messages.flatMap((m) => (m.value.kind === 'report' && m.value.percentage !== undefined ? [m.value.percentage] : []));

/** Progress for `token` from `from` on, once its `end` has arrived. */
async function progressUntilEnd(session: LspSession, token: string | number, from: number): Promise<ProgressMessage[]> {
  await session.progress.next((m) => m.token === token && m.value.kind === 'end', `end of progress ${token}`, { from });
  return session.progress.items.slice(from).filter((m) => m.token === token);
}

function assertWellFormed(messages: ProgressMessage[]): void {
  const seen = kinds(messages);
  assert.equal(seen[0], 'begin', JSON.stringify(seen));
  assert.equal(seen.at(-1), 'end', JSON.stringify(seen));
  assert.ok(
    seen.slice(1, -1).every((kind) => kind === 'report'),
    `only reports between begin and end: ${JSON.stringify(seen)}`,
  );
  const begin = messages[0]?.value;
  assert.ok(begin?.kind === 'begin');
  assert.equal(begin.cancellable, true, 'the editor offers a Cancel button');
}

describe('mlguide/profileCsv work-done progress', { timeout: 120_000 }, () => {
  let workspace: ScratchWorkspace;
  let session: LspSession;
  let bigUri: string;

  before(async () => {
    workspace = await copyExamples();
    await writeLargeCsv(workspace.file('data/big.csv'), SEVERAL_CHUNKS_BYTES);
    bigUri = workspace.uri('data/big.csv');
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('reports begin, rising percentages and end on the token the client sent', async () => {
    const from = session.progress.mark();
    const params: ProfileCsvParams = { uri: bigUri, workDoneToken: 'profile-big' };
    const result = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, params);
    assert.ok(result.bytes >= SEVERAL_CHUNKS_BYTES);

    const messages = await progressUntilEnd(session, 'profile-big', from);
    assertWellFormed(messages);
    const begin = messages[0]?.value;
    assert.ok(begin?.kind === 'begin' && begin.title.includes('big.csv'), JSON.stringify(begin));
    const reported = percentages(messages);
    assert.ok(reported.length >= 3, `several reports for a file of several chunks: ${JSON.stringify(reported)}`);
    for (let i = 1; i < reported.length; i++) {
      assert.ok((reported[i] ?? 0) > (reported[i - 1] ?? 0), `percentages rise: ${JSON.stringify(reported)}`);
    }
    assert.ok(
      reported.every((p) => p >= 0 && p <= 100),
      JSON.stringify(reported),
    );
    assert.equal(reported.at(-1), 100, 'the last report says the whole file was read');
    assert.equal(
      session.progressCreated.items.length,
      0,
      'with a client token the server creates no progress of its own',
    );
  });

  it('reports nothing for a small file requested without a token', async () => {
    const from = session.progress.mark();
    const result = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, {
      uri: workspace.uri('data/churn.csv'),
    });
    assert.ok(result.rows > 0);
    // Progress would have been sent before the response.
    assert.deepEqual(session.progress.items.slice(from), []);
    assert.deepEqual(session.progressCreated.items, []);
  });
});

describe('mlguide/profileCsv server-initiated progress (progressThresholdBytes)', { timeout: 60_000 }, () => {
  let workspace: ScratchWorkspace;
  let session: LspSession;
  const threshold = 1000;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    await initializeSession(session, { initializationOptions: { progressThresholdBytes: threshold } });
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('creates a progress token with window/workDoneProgress/create for a file over the threshold', async () => {
    const result = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, {
      uri: workspace.uri('data/churn.csv'),
    });
    assert.ok(result.bytes > threshold);
    assert.equal(session.progressCreated.items.length, 1, 'one progress created for one request');
    const [token] = session.progressCreated.items;
    assert.ok(token !== undefined);
    const messages = await progressUntilEnd(session, token, 0);
    assertWellFormed(messages);
  });

  it('creates no progress for a file under the threshold', async () => {
    const created = session.progressCreated.mark();
    const progressed = session.progress.mark();
    const uri = await workspace.write('data/tiny.csv', 'a,b\n1,2\n');
    const result = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, { uri });
    assert.ok(result.bytes < threshold);
    assert.deepEqual(session.progressCreated.items.slice(created), []);
    assert.deepEqual(session.progress.items.slice(progressed), []);
  });
});

describe('mlguide/profileCsv cancellation', { timeout: 120_000 }, () => {
  let workspace: ScratchWorkspace;
  let session: LspSession;
  let slowUri: string;
  let slowRows: number;

  before(async () => {
    workspace = await copyExamples();
    slowRows = (await writeLargeCsv(workspace.file('data/slow.csv'), SLOW_FILE_BYTES)).rows;
    slowUri = workspace.uri('data/slow.csv');
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('stops on $/cancelRequest with RequestCancelled, ends the progress, and keeps serving', async () => {
    const from = session.progress.mark();
    const cancel = new CancellationTokenSource();
    const token = 'profile-slow';
    const request = session.connection.sendRequest<ProfileCsvResult>(
      ProfileCsvMethod,
      { uri: slowUri, workDoneToken: token },
      cancel.token,
    );
    // Settle the promise's rejection handling now; it is awaited below.
    const outcome = request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    await session.progress.next((m) => m.token === token && m.value.kind === 'report', 'first progress report', {
      from,
    });
    cancel.cancel();

    const settled = await outcome;
    assert.ok(
      'error' in settled,
      `a cancelled request must fail, not answer with a partial profile (got ${
        'result' in settled ? `${settled.result.rows} of ${slowRows} rows` : ''
      })`,
    );
    assert.ok(settled.error instanceof ResponseError, String(settled.error));
    assert.equal(settled.error.code, LSPErrorCodes.RequestCancelled);

    const messages = await progressUntilEnd(session, token, from);
    assertWellFormed(messages);
    assert.ok((percentages(messages).at(-1) ?? 100) < 100, 'the read stopped before the end of the file');

    // The server is still alive and answers the next request.
    const next = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, {
      uri: workspace.uri('data/churn.csv'),
    });
    assert.ok(next.rows > 0);
    // A cancelled read must really stop: nothing more is reported on its token after `end`.
    const afterEnd = session.progress.items.slice(from).filter((m) => m.token === token);
    assert.equal(kinds(afterEnd).at(-1), 'end', `no progress after end: ${JSON.stringify(kinds(afterEnd))}`);
  });
});
