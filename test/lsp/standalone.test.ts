import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import { ProfileCsvMethod, type ProfileCsvResult } from '../../core/src/protocol/lsp';
import { initializeSession, repoRoot, startLspProcess, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

// What README "Other editors" tells Neovim and Helix users to run (here through the npm bin).
describe('standalone entry: `mlguide lsp --stdio`', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  before(async () => {
    workspace = await copyExamples();
    session = startLspProcess([path.join(repoRoot, 'bin', 'mlguide.js'), 'lsp', '--stdio']);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('serves diagnostics and custom requests, then shuts down cleanly on shutdown + exit', async () => {
    const initialized = await initializeSession(session, { capabilities: {} });
    assert.equal(initialized.serverInfo?.name, 'mlguide');
    const sync = initialized.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);

    const uri = workspace.uri('DATASET.md');
    const published = session.nextDiagnostics(uri);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'markdown',
        version: 1,
        text: await fs.readFile(workspace.file('DATASET.md'), 'utf8'),
      },
    });
    assert.deepEqual(
      (await published).diagnostics.map((d) => d.code),
      ['MLG009'],
    );

    const profile = await session.connection.sendRequest<ProfileCsvResult>(ProfileCsvMethod, {
      uri: workspace.uri('data/churn.csv'),
    });
    assert.ok(profile.rows > 0);

    await session.connection.sendRequest(ShutdownRequest.type);
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await session.exited, 0, `exit code 0 after shutdown; stderr:\n${session.stderr()}`);
  });
});
