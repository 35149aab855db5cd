// The data pass over LSP: a card's diagnostics come first from its text, then again when the
// server has read the data the card links to; a keystroke never reads the CSV again (the server
// logs every read, and the test counts them); a CSV changed on disk and reported with
// `workspace/didChangeWatchedFiles` is read again and the card re-linted; a large file reports
// server-created progress; the server registers its file watcher with a client that can.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  LogMessageNotification,
  RegistrationRequest,
  type LogMessageParams,
  type RegistrationParams,
} from 'vscode-languageserver-protocol/node';
import {
  EventLog,
  fullClientCapabilities,
  initializeSession,
  startBundledServer,
  type LspSession,
} from '../support/lspClient';
import { copyExamples, readPlainCsv, type ScratchWorkspace } from '../support/lspWorkspace';

/** A diagnostic's message as text (LSP 3.18 allows Markdown content there). */
const textOf = (message: string | { value: string }): string => (typeof message === 'string' ? message : message.value);

/** The example card with a number-of-examples section that states `count`. */
async function cardStating(workspace: ScratchWorkspace, count: string): Promise<string> {
  const example = await fs.readFile(workspace.file('DATASET.md'), 'utf8');
  return example.replace(
    '## Storage format',
    `## Number of examples\n\nThe table holds ${count} rows.\n\n## Storage format`,
  );
}

/** `examples/data/churn.csv` grown to `rows` data rows by repeating its rows. */
async function grownCsv(workspace: ScratchWorkspace, rows: number): Promise<string> {
  const { header, rows: original } = readPlainCsv(await fs.readFile(workspace.file('data/churn.csv'), 'utf8'));
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) lines.push((original[i % original.length] ?? []).join(','));
  return `${lines.join('\n')}\n`;
}

describe('language server: the card checked against its data', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  const logs = new EventLog<LogMessageParams>('window/logMessage');
  const registrations = new EventLog<RegistrationParams>('client/registerCapability');
  /** Reads of `file` the server has logged so far. */
  const readsOf = (file: string): number =>
    logs.items.filter((m) => m.message.startsWith('mlguide: read data ') && m.message.includes(file)).length;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    session.connection.onNotification(LogMessageNotification.type, (params) => logs.push(params));
    session.connection.onRequest(RegistrationRequest.method, (params: RegistrationParams) => {
      registrations.push(params);
      return null;
    });
    await initializeSession(session, {
      capabilities: {
        ...fullClientCapabilities,
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      // Small, so the 10,000-row file below is "large" and gets progress.
      initializationOptions: { progressThresholdBytes: 100_000 },
    });
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('registers a watcher for CSV and TSV files', async () => {
    const registered = await registrations.next(
      (params) => params.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method),
      'a didChangeWatchedFiles registration',
    );
    const registration = registered.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.deepEqual(registration?.registerOptions, { watchers: [{ globPattern: '**/*.{csv,tsv}' }] });
  });

  it('publishes the stale count once the data is read, keeps it on a keystroke without reading again, and drops it when the CSV changes', async () => {
    const text = await cardStating(workspace, '10,000');
    const uri = await workspace.write('STALE.datacard.md', text);
    const countLine = text.split('\n').findIndex((line) => line.includes('10,000 rows'));

    // 1. The text alone: the book's rules, no data rule yet (the data is not read on this path).
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const first = await session.nextDiagnostics(uri, { from });
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      [],
      'the card is complete and states its count',
    );

    // 2. The data pass ends: the stale count, on the claim, naming both numbers.
    const withData = await session.diagnostics.next(
      (d) => d.uri === uri && d.diagnostics.some((x) => x.code === 'MLG401'),
      'the MLG401 diagnostic after the data pass',
      { from },
    );
    const [stale] = withData.diagnostics;
    assert.equal(withData.diagnostics.length, 1, JSON.stringify(withData.diagnostics));
    assert.ok(stale);
    assert.match(textOf(stale.message), /The card says 10,000 examples; data\/churn\.csv has 200 rows/);
    assert.equal(stale.range.start.line, countLine);
    assert.equal(readsOf('data/churn.csv'), 1);

    // 3. A keystroke: linted again with the cached facts, and the CSV is not read again.
    const typed = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }],
    });
    const afterKeystroke = await session.nextDiagnostics(uri, { from: typed, version: 2 });
    assert.deepEqual(
      afterKeystroke.diagnostics.map((d) => d.code),
      ['MLG401'],
    );
    assert.equal(readsOf('data/churn.csv'), 1, 'a keystroke does not read the data');

    // 4. The CSV changes on disk (now 10,000 rows, large enough for progress) and the watcher
    //    reports it: the data is read again, with progress, and the finding goes.
    await fs.writeFile(workspace.file('data/churn.csv'), await grownCsv(workspace, 10_000));
    const changed = session.diagnostics.mark();
    const progressFrom = session.progress.mark();
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: workspace.uri('data/churn.csv'), type: FileChangeType.Changed }],
    });
    const fixed = await session.nextDiagnostics(uri, { from: changed });
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(readsOf('data/churn.csv'), 2);
    const begin = await session.progress.next(
      (p) => p.value.kind === 'begin' && p.value.title.includes('reading the data of STALE.datacard.md'),
      'progress of the data pass',
      { from: progressFrom },
    );
    await session.progress.next((p) => p.token === begin.token && p.value.kind === 'end', 'the end of that progress', {
      from: progressFrom,
    });

    // 5. Another keystroke: still no read.
    const typedAgain = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }],
    });
    assert.deepEqual((await session.nextDiagnostics(uri, { from: typedAgain, version: 3 })).diagnostics, []);
    assert.equal(readsOf('data/churn.csv'), 2);

    const closed = session.diagnostics.mark();
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual((await session.nextDiagnostics(uri, { from: closed })).diagnostics, []);
  });

  it('takes the data from the mlguide.datasetDocs.data setting for a card that links none', async () => {
    const text = (await cardStating(workspace, '50')).replace('[`data/churn.csv`](data/churn.csv)', 'the churn table');
    const uri = await workspace.write('setting/DATASET.md', text);
    await workspace.write('setting/table.csv', await grownCsv(workspace, 40));
    await session.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { mlguide: { datasetDocs: { data: { 'setting/DATASET.md': 'table.csv' } } } },
    });
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const published = await session.diagnostics.next(
      (d) => d.uri === uri && d.diagnostics.some((x) => x.code === 'MLG401'),
      'MLG401 from the data the setting names',
      { from },
    );
    assert.match(textOf(published.diagnostics[0]?.message ?? ''), /The card says 50 examples; table\.csv has 40 rows/);
  });
});
