import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fullClientCapabilities, initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, readPlainCsv, type ScratchWorkspace } from '../support/lspWorkspace';

/** The one fix among the actions; the others switch the rule off (for the line, for the file). */
function onlyCodeAction(result: (Command | CodeAction)[] | null): CodeAction {
  assert.ok(result, 'codeAction returned a list');
  const fixes = result.filter((a) => !a.title.startsWith('Disable '));
  assert.equal(fixes.length, 1, JSON.stringify(result));
  assert.equal(result[0], fixes[0], 'the fix comes first');
  assert.deepEqual(
    result.slice(1).map((a) => a.title.replace(/ \(.*\)/, '')),
    ['Disable MLG009 for this line', 'Disable MLG009 for this file'],
  );
  const [action] = fixes;
  assert.ok(action && 'kind' in action, `a CodeAction, not a bare Command: ${JSON.stringify(action)}`);
  return action;
}

function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit?.changes, `a workspace edit with changes: ${JSON.stringify(edit)}`);
  const edits = edit.changes[uri];
  assert.ok(edits && edits.length > 0, `edits for ${uri}`);
  return edits;
}

/** Checks the inserted section states the row count of data/churn.csv, counted here from the file. */
async function assertSectionStatesRowCount(workspace: ScratchWorkspace, inserted: string): Promise<void> {
  const rows = readPlainCsv(await fs.readFile(workspace.file('data/churn.csv'), 'utf8')).rows.length;
  assert.ok(rows > 0);
  assert.match(inserted, /^## Number of examples$/m);
  const fact = inserted.split('\n').find((line) => line.includes('data/churn.csv'));
  assert.ok(fact, `the section names data/churn.csv:\n${inserted}`);
  assert.ok(fact.includes(`${rows.toLocaleString('en-US')} examples`), `"${fact}" states ${rows} examples`);
  const date = /counted on (\d{4}-\d{2}-\d{2})/.exec(fact)?.[1];
  assert.ok(date, `"${fact}" says when the rows were counted`);
  assert.ok(Math.abs(Date.parse(date) - Date.now()) < 2 * 24 * 3600 * 1000, `${date} is today`);
}

async function openExampleCard(
  session: LspSession,
  workspace: ScratchWorkspace,
): Promise<{ document: TextDocument; diagnostic: Diagnostic }> {
  const uri = workspace.uri('DATASET.md');
  const text = await fs.readFile(workspace.file('DATASET.md'), 'utf8');
  const published = session.nextDiagnostics(uri, { version: 1 });
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const [diagnostic] = (await published).diagnostics;
  assert.ok(diagnostic, 'the example card has a diagnostic to fix');
  assert.equal(diagnostic.code, 'MLG009');
  return { document: TextDocument.create(uri, 'markdown', 1, text), diagnostic };
}

describe('MLG009 quick fix, resolved lazily (codeAction/resolve)', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('offers a quick fix whose resolved edit inserts the row count, and the card is then clean', async () => {
    const { document, diagnostic } = await openExampleCard(session, workspace);

    const action = onlyCodeAction(
      await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: document.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
      }),
    );
    assert.equal(action.kind, CodeActionKind.QuickFix);
    assert.deepEqual(action.diagnostics, [diagnostic]);
    // Counting rows reads files, so a client that can resolve gets the edit only on resolve.
    assert.equal(action.edit, undefined);
    assert.ok(action.data !== undefined, 'the action carries data for resolve');

    const resolved = await session.connection.sendRequest(CodeActionResolveRequest.type, action);
    const edits = editsFor(resolved.edit, document.uri);
    assert.equal(edits.length, 1);
    const [edit] = edits;
    assert.ok(edit);
    await assertSectionStatesRowCount(workspace, edit.newText);
    // The client announced it resolves `edit` only: everything else must stay as first offered.
    assert.deepEqual({ ...resolved, edit: undefined }, { ...action, edit: undefined });

    const fixed = TextDocument.applyEdits(document, edits);
    const lines = fixed.split('\n');
    assert.equal(lines[0], document.getText().split('\n')[0], 'the title stays first');
    const section = lines.indexOf('## Number of examples');
    assert.ok(
      section > 0 && section < lines.indexOf('## What the data means'),
      'the section comes right after the intro',
    );

    // Incremental sync: send the edit itself as the change, as an editor applying it does.
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const after = await session.nextDiagnostics(document.uri, { from, version: 2 });
    assert.deepEqual(after.diagnostics, []);

    // The old diagnostic no longer matches anything: asking again must not insert a second section.
    const again = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(again, []);
  });
});

describe('MLG009 quick fix for a client without codeAction/resolve', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    const capabilities: ClientCapabilities = {
      ...fullClientCapabilities,
      textDocument: {
        ...fullClientCapabilities.textDocument,
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    };
    await initializeSession(session, { capabilities });
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('gets the edit, with the row count, directly in the code action', async () => {
    const { document, diagnostic } = await openExampleCard(session, workspace);
    const action = onlyCodeAction(
      await session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: document.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      }),
    );
    assert.equal(action.kind, CodeActionKind.QuickFix);
    const edits = editsFor(action.edit, document.uri);
    await assertSectionStatesRowCount(workspace, edits.map((e) => e.newText).join(''));

    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: 2 },
      contentChanges: [{ text: TextDocument.applyEdits(document, edits) }],
    });
    assert.deepEqual((await session.nextDiagnostics(document.uri, { from, version: 2 })).diagnostics, []);
  });
});

describe('disabling a rule from the editor', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('inserts a suppression comment before the flagged line, and the diagnostic goes', async () => {
    const { document, diagnostic } = await openExampleCard(session, workspace);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: document.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    });
    const disable = actions?.find((a) => a.title.startsWith('Disable MLG009') && a.title.endsWith('for this line'));
    assert.ok(disable && 'edit' in disable, JSON.stringify(actions));
    const edits = editsFor(disable.edit, document.uri);
    assert.deepEqual(
      edits.map((e) => e.newText),
      ['<!-- mlguide-disable-next-line MLG009 -->\n'],
    );
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    assert.deepEqual((await session.nextDiagnostics(document.uri, { from, version: 2 })).diagnostics, []);
  });
});
