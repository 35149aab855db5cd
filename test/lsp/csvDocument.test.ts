// An open CSV or TSV document over stdio, as the editor meets it: its diagnostics on open, their
// update as it is edited (a newer version replacing a check in progress), the CodeLens over the
// header line, and the mlguide.csv.codeLens setting switching the lens off and on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CodeLens,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  EventLog,
  fullClientCapabilities,
  initializeSession,
  startBundledServer,
  type LspSession,
} from '../support/lspClient';

const CSV = 'id,age,city\n1,34,Oslo\n2,41\n3,29,Rome\n';

/** Diagnostics as [code, line, start character, end character, message]. */
function summary(params: PublishDiagnosticsParams): [string, number, number, number, string][] {
  return params.diagnostics.map((d) => {
    assert.equal(typeof d.message, 'string');
    return [String(d.code), d.range.start.line, d.range.start.character, d.range.end.character, d.message as string];
  });
}

function ragged(line: number, fields: number): string {
  return `row on line ${line} has ${fields} fields, the header on line 1 has 3; the missing fields count as missing values`;
}

describe('language server over stdio: open CSV documents', { timeout: 90_000 }, () => {
  let session: LspSession;
  let initialized: InitializeResult;
  const refreshes = new EventLog<null>('workspace/codeLens/refresh');
  let documentCounter = 0;
  const nextUri = (extension = 'csv'): string => `file:///tmp/mlguide-lsp-csv/data-${++documentCounter}.${extension}`;

  const open = (uri: string, text: string, languageId = 'csv'): Promise<void> =>
    session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  const change = (uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> =>
    session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  const lenses = async (uri: string): Promise<CodeLens[]> =>
    (await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];

  before(async () => {
    session = startBundledServer();
    session.connection.onRequest(CodeLensRefreshRequest.type, () => {
      refreshes.push(null);
    });
    initialized = await initializeSession(session, {
      capabilities: { ...fullClientCapabilities, workspace: { codeLens: { refreshSupport: true } } },
    });
  });

  after(async () => {
    await session.stop();
  });

  it('announces a CodeLens provider', () => {
    assert.deepEqual(initialized.capabilities.codeLensProvider, { resolveProvider: false });
  });

  it('publishes the problems of an opened CSV, then updates them as it is edited', async () => {
    const uri = nextUri();
    const opened = session.nextDiagnostics(uri, { version: 1 });
    await open(uri, CSV);
    assert.deepEqual(summary(await opened), [['csv-ragged-row', 2, 0, 4, ragged(3, 2)]]);
    assert.equal((await opened).diagnostics[0]?.severity, 2);
    assert.equal((await opened).diagnostics[0]?.source, 'mlguide');

    // Completing the short row (an incremental edit at its end) clears the warning.
    const fixed = session.nextDiagnostics(uri, { version: 2 });
    await change(uri, 2, [
      { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: ',Lima' },
    ]);
    assert.deepEqual((await fixed).diagnostics, []);

    // Typing text into the numeric column: not yet flagged with so few rows; with enough, it is.
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 4},${30 + i},Oslo`).join('\n');
    const typed = session.nextDiagnostics(uri, { version: 3 });
    await change(uri, 3, [
      {
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
        text: `${rows}\n16,unknown,Rome\n`,
      },
    ]);
    assert.deepEqual(summary(await typed), [
      [
        'csv-mixed-types',
        16,
        3,
        10,
        'column `age` is numeric in 15 rows but holds text in 1, first at line 17: `unknown`; readers then take the whole column as text',
      ],
    ]);

    const closed = session.nextDiagnostics(uri, { from: session.diagnostics.mark() });
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual((await closed).diagnostics, []);
  });

  it('checks only the last of quick edits, and a newer version stops the check of a large one in progress', async () => {
    // About 6 MB: long enough to check that the edit arrives while the first check is running.
    const body = Array.from({ length: 400_000 }, (_, i) => `${i},${i % 90},City${i % 50}`).join('\n');
    const text = `id,age,city\n${body}\n1,2\n`;
    const uri = nextUri();
    const from = session.diagnostics.mark();
    await open(uri, text);
    // Three quick edits of the last line, each a new version; only the last is checked.
    const lastLine = 400_001;
    for (const [version, value] of [
      [2, '1,2,x'],
      [3, '1'],
      [4, '1,2,3,4'],
    ] as const) {
      await change(uri, version, [
        {
          range: { start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } },
          text: `${value}\n`,
        },
      ]);
    }
    const published = await session.nextDiagnostics(uri, { from, version: 4 });
    assert.deepEqual(summary(published), [
      [
        'csv-ragged-row',
        lastLine,
        6,
        7,
        'row on line 400002 has 4 fields, the header on line 1 has 3; the extra fields are ignored',
      ],
    ]);
    const versions = session.diagnostics.items
      .slice(from)
      .filter((d) => d.uri === uri)
      .map((d) => d.version);
    assert.deepEqual(versions, [4], 'the superseded versions published nothing');
  });

  it('answers requests while a 19 MB document is being checked', async (t) => {
    const body = Array.from({ length: 1_000_000 }, (_, i) => `${i},${i % 90},City${i % 50}-n`).join('\n');
    const text = `id,age,city\n${body}\n1,unknown,Oslo\n`;
    assert.ok(text.length > 18_000_000 && text.length < 20 * 1024 * 1024, `${text.length} characters`);
    const uri = nextUri();
    const from = session.diagnostics.mark();
    const started = performance.now();
    await open(uri, text);
    const found = await lenses(uri);
    const answered = performance.now() - started;
    // The lens came back while the check was still running: no diagnostics yet.
    assert.equal(found.length, 3);
    assert.equal(
      session.diagnostics.items.slice(from).some((d) => d.uri === uri),
      false,
      `the check finished before the request was answered (${answered.toFixed(0)} ms)`,
    );
    const published = await session.nextDiagnostics(uri, { from, version: 1, timeoutMs: 60_000 });
    const checked = performance.now() - started;
    t.diagnostic(`CodeLens answered after ${answered.toFixed(0)} ms; diagnostics after ${checked.toFixed(0)} ms`);
    assert.deepEqual(summary(published), [
      [
        'csv-mixed-types',
        1_000_001,
        2,
        9,
        'column `age` is numeric in 1,000,000 rows but holds text in 1, first at line 1000002: `unknown`; readers then take the whole column as text',
      ],
    ]);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('reads a TSV document with tabs', async () => {
    const uri = nextUri('tsv');
    const published = session.nextDiagnostics(uri, { version: 1 });
    await open(uri, 'id\tnote, with comma\tscore\n1\ta, b\t0.5\n2\tc\n', 'tsv');
    assert.deepEqual(summary(await published), [['csv-ragged-row', 2, 0, 3, ragged(3, 2)]]);
  });

  it('gives a file over 20 MiB one note instead of checking it as it is typed', async () => {
    const uri = nextUri();
    const text = 'id,value\n' + '1234567,1234567\n'.repeat(1_400_000);
    const published = session.nextDiagnostics(uri, { version: 1, timeoutMs: 30_000 });
    await open(uri, text);
    const [diagnostic] = (await published).diagnostics;
    assert.equal(diagnostic?.code, 'csv-too-large');
    assert.equal(diagnostic.severity, 3);
    assert.equal(
      diagnostic.message,
      'this file is 21.4 MiB, over the 20.0 MiB mlguide checks as you type: its rows are checked on demand (Profile, or `mlguide profile`)',
    );
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });

  it('puts Profile · Baseline · Evaluate over the header line, with the document as argument', async () => {
    const uri = nextUri();
    const published = session.nextDiagnostics(uri, { version: 1 });
    await open(uri, `\n\n${CSV}`);
    await published;
    const found = await lenses(uri);
    const at = { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } };
    assert.deepEqual(found, [
      { range: at, command: { title: 'Profile', command: 'mlguide.profileCsv', arguments: [uri] } },
      { range: at, command: { title: 'Baseline', command: 'mlguide.baseline', arguments: [uri] } },
      { range: at, command: { title: 'Evaluate', command: 'mlguide.evaluate', arguments: [uri] } },
    ]);
    // Not on other documents.
    const card = 'file:///tmp/mlguide-lsp-csv/DATASET.md';
    const cardLinted = session.nextDiagnostics(card);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: card, languageId: 'markdown', version: 1, text: '# A card\n' },
    });
    await cardLinted;
    assert.deepEqual(await lenses(card), []);
  });

  it('mlguide.csv.codeLens false removes the lens (the editor is asked to refresh), true brings it back', async () => {
    const uri = nextUri();
    const published = session.nextDiagnostics(uri, { version: 1 });
    await open(uri, CSV);
    await published;
    assert.equal((await lenses(uri)).length, 3);

    const off = refreshes.next(() => true, 'a refresh after switching the lens off', { from: refreshes.mark() });
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { csv: { codeLens: false } } },
    });
    await off;
    assert.deepEqual(await lenses(uri), []);

    const on = refreshes.next(() => true, 'a refresh after switching the lens on', { from: refreshes.mark() });
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { csv: { codeLens: true } } },
    });
    await on;
    assert.deepEqual(
      (await lenses(uri)).map((lens) => lens.command?.command),
      ['mlguide.profileCsv', 'mlguide.baseline', 'mlguide.evaluate'],
    );
  });
});

describe('language server over stdio: the CodeLens switched off at start', { timeout: 30_000 }, () => {
  let session: LspSession;

  before(async () => {
    session = startBundledServer();
    await initializeSession(session, { initializationOptions: { csv: { codeLens: false } } });
  });

  after(async () => {
    await session.stop();
  });

  it('shows no lens but still publishes the diagnostics', async () => {
    const uri = 'file:///tmp/mlguide-lsp-csv/off.csv';
    const published = session.nextDiagnostics(uri, { version: 1 });
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'csv', version: 1, text: CSV },
    });
    assert.deepEqual(summary(await published), [['csv-ragged-row', 2, 0, 4, ragged(3, 2)]]);
    assert.deepEqual(await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
  });
});
