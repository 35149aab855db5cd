// The datasheets profile over LSP, as an editor meets it: a project's .mlguide.yaml chooses the
// profile, the card gets the datasheet's missing sections as diagnostics, hover and heading
// completion follow the profile, and the skeleton quick fix turns every missing section into a
// heading that waits for its answer. A DATASHEET.md with no profile configured is a datasheet too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

const CARD =
  '# Datasheet for Churn\n\nCustomers of a subscription service.\n\n## Motivation\n\nTo study why customers cancel.\n\n## \n';

describe('language server over stdio: the datasheets profile', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  let uri: string;

  before(async () => {
    workspace = await copyExamples();
    await workspace.write('sheet/.mlguide.yaml', 'profiles: [datasheets]\n');
    uri = await workspace.write('sheet/DATASHEET.md', CARD);
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('reports the sections a datasheet lacks, explains its headings and completes the missing ones first', async () => {
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: CARD },
    });
    const published = await session.nextDiagnostics(uri, { from });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      ['MLG102', 'MLG103', 'MLG104', 'MLG105', 'MLG106', 'MLG107'].map((code) => [code, 0]),
    );

    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 5 },
    });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
    assert.match(
      hover.contents.value,
      /MLG101 datasheet-motivation\]\(file:.*\), Datasheets for Datasets, section 1 of 7/,
    );

    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 8, character: 3 },
    });
    const items = (Array.isArray(result) ? result : (result?.items ?? [])).sort((a, b) =>
      (a.sortText ?? '').localeCompare(b.sortText ?? ''),
    );
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'Composition',
        'Collection process',
        'Preprocessing/cleaning/labeling',
        'Uses',
        'Distribution',
        'Maintenance',
        'Motivation',
      ],
    );

    // The skeleton: one action on the title, its edit in the action itself.
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: published.diagnostics },
    });
    const skeleton = (actions ?? []).find(
      (a) => a.title === 'Insert a card skeleton for datasheets (6 missing sections)',
    );
    assert.ok(skeleton && 'edit' in skeleton && skeleton.edit?.changes, JSON.stringify(actions?.map((a) => a.title)));
    assert.ok((actions ?? []).some((a) => a.title === 'Insert a "Collection process" section'));
    const edits = skeleton.edit.changes[uri] ?? [];
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, CARD), edits);
    assert.ok(text.startsWith(CARD), 'nothing written before changes');

    const changed = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text }],
    });
    const after = await session.nextDiagnostics(uri, { from: changed, version: 2 });
    const lines = text.split('\n');
    assert.deepEqual(
      after.diagnostics.map((d) => [d.code, lines[d.range.start.line]]),
      [
        ['MLG102', '## Composition'],
        ['MLG103', '## Collection process'],
        ['MLG104', '## Preprocessing/cleaning/labeling'],
        ['MLG105', '## Uses'],
        ['MLG106', '## Distribution'],
        ['MLG107', '## Maintenance'],
      ],
    );
    for (const { message } of after.diagnostics) {
      assert.match(typeof message === 'string' ? message : message.value, /section is empty/);
    }
  });

  it('lints a DATASHEET.md with no profile configured as a datasheet, beside the book', async () => {
    // No .mlguide.yaml above this folder: the file's name chooses the datasheets profile too.
    const plain = await workspace.write('plain/DATASHEET.md', CARD);
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: plain, languageId: 'markdown', version: 1, text: CARD },
    });
    const published = await session.nextDiagnostics(plain, { from });
    const codes = published.diagnostics.map((d) => String(d.code));
    assert.deepEqual(
      codes.filter((code) => code.startsWith('MLG1')),
      ['MLG102', 'MLG103', 'MLG104', 'MLG105', 'MLG106', 'MLG107'],
    );
    // The book's items are still asked for: the storage format, for one.
    assert.ok(codes.includes('MLG007'), codes.join(' '));

    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: plain },
      position: { line: 4, character: 5 },
    });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
    assert.match(hover.contents.value, /MLG101 datasheet-motivation/);

    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: plain },
      position: { line: 8, character: 3 },
    });
    const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('Collection process') && labels.includes('Storage format'), labels.join(', '));
  });
});
