// Hugging Face card metadata over real LSP messages (the bundled server over stdio): a metadata
// diagnostic with its exact range, a data_files path checked on disk for a saved card, value
// completion in the front matter and hover on a key.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CompletionItem,
} from 'vscode-languageserver-protocol/node';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

const CARD = `---
license: 
task_categories:
- text-classification
size_categories:
- 1-10k
configs:
- config_name: default
  data_files:
  - split: train
    path: data/train.csv
  - split: test
    path: data/test.csv
---

# Dataset Card for Reviews

Product reviews and their star ratings.
`;
const lines = CARD.split('\n');

describe('language server over stdio: Hugging Face card metadata', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  let uri: string;

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    await initializeSession(session);
    await workspace.write('reviews/data/train.csv', 'text,stars\ngood,5\n');
    uri = await workspace.write('reviews/README.md', CARD);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('publishes MLG302 on the size category written by hand and MLG306 on the missing data file', async () => {
    const published = session.nextDiagnostics(uri);
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: CARD },
    });
    const { diagnostics } = await published;
    const metadata = diagnostics.filter((d) => String(d.code).startsWith('MLG3'));
    assert.deepEqual(
      metadata.map((d) => [d.code, d.range.start.line]),
      [
        ['MLG302', lines.indexOf('- 1-10k')],
        ['MLG306', lines.indexOf('    path: data/test.csv')],
      ],
      JSON.stringify(diagnostics),
    );
    const [size, missing] = metadata;
    assert.ok(size && missing);
    const sizeLine = lines.indexOf('- 1-10k');
    assert.deepEqual(size.range, { start: { line: sizeLine, character: 2 }, end: { line: sizeLine, character: 7 } });
    // mlguide sends plain-text messages (LSP 3.18 also allows MarkupContent).
    assert.ok(typeof size.message === 'string' && typeof missing.message === 'string');
    assert.match(
      size.message,
      /"1-10k" is not a value the Hub knows for `size_categories`\. Did you mean "1K<n<10K"\?/,
    );
    assert.match(size.codeDescription?.href ?? '', /^file:.*docs\/rules\/MLG302\.md$/);
    // data/train.csv exists beside the card; data/test.csv does not.
    assert.match(missing.message, /"data\/test\.csv" in configuration "default" \(split "test"\) does not exist/);
    assert.equal(missing.range.start.character, '    path: '.length);
  });

  it('completes license ids after `license: `, replacing from the value’s start', async () => {
    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 'license: '.length },
    });
    const items: CompletionItem[] = Array.isArray(result) ? result : (result?.items ?? []);
    const ccBy = items.find((item) => item.label === 'cc-by-4.0');
    assert.ok(ccBy, items.map((item) => item.label).join(', '));
    assert.equal(ccBy.detail, 'Creative Commons Attribution 4.0');
    assert.deepEqual(ccBy.textEdit, {
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } },
      newText: 'cc-by-4.0',
    });
    assert.ok(items.some((item) => item.label === 'other'));
    // No heading is offered in the front matter.
    assert.ok(!items.some((item) => item.label === 'Storage format'));
  });

  it('explains a metadata key on hover, and still explains headings in the body', async () => {
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 5 },
    });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
    assert.match(hover.contents.value, /^\*\*`task_categories`\*\* — Hugging Face dataset card metadata/);
    assert.match(hover.contents.value, /\*Why it matters:\* Users find datasets for their task/);
    assert.match(hover.contents.value, /\[MLG302 metadata-known-values\]\(file:/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 15 } });

    const onTitle = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: lines.indexOf('# Dataset Card for Reviews'), character: 4 },
    });
    assert.notEqual(onTitle, undefined);
  });
});
