import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  CompletionRequest,
  HoverRequest,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { DEFAULT_CARD_GLOBS } from '../../server/src/lint';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

/** A Markdown file with Hugging Face dataset metadata but no statement of its size. */
const HF_CARD = `---
license: mit
task_categories:
- tabular-classification
---

# Churn snapshot

Customers of a subscription service and whether they cancelled.

- **How it was collected:** exported from the billing database.
- **Methods used to create it:** \`churned\` comes from cancellation events; nobody labels by hand.
- **Split:** a random train/test split of the raw data, seed 7.
- **Pre-processing:** duplicates removed before the split.
- **Excluded data:** test accounts.
- **Storage format:** UTF-8 CSV with a header row.
- **Label values:** \`churned\` is \`yes\` or \`no\`.

## Columns

See [the data](data/churn.csv): \`tenure\` (integer), \`churned\` (label).
`;

describe('language server over stdio: dataset-card diagnostics', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  let initialized: InitializeResult;

  const open = (uri: string, text: string): Promise<void> =>
    session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    initialized = await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('announces incremental sync and quick fixes that are resolved lazily', () => {
    const { capabilities } = initialized;
    const sync = capabilities.textDocumentSync;
    const change = typeof sync === 'object' ? sync.change : sync;
    assert.equal(change, TextDocumentSyncKind.Incremental);
    assert.equal(typeof capabilities.codeActionProvider, 'object');
    const codeActions = capabilities.codeActionProvider as { codeActionKinds?: string[]; resolveProvider?: boolean };
    assert.equal(codeActions.resolveProvider, true);
    assert.ok(codeActions.codeActionKinds?.includes(CodeActionKind.QuickFix));
    assert.equal(initialized.serverInfo?.name, 'mlguide');
  });

  it('flags the example card for not stating its number of examples, with a link to the rule page', async () => {
    const uri = workspace.uri('DATASET.md');
    const text = await fs.readFile(workspace.file('DATASET.md'), 'utf8');
    const published = session.nextDiagnostics(uri);
    await open(uri, text);
    const { diagnostics, version } = await published;

    assert.equal(version, 1);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.ok(diagnostic);
    assert.equal(diagnostic.code, 'MLG009');
    assert.equal(diagnostic.source, 'mlguide');
    assert.ok(typeof diagnostic.message === 'string');
    assert.match(diagnostic.message, /number of examples/i);

    const href = diagnostic.codeDescription?.href;
    assert.ok(href !== undefined && href.startsWith('file:'), `docs link is a file: URL, got ${String(href)}`);
    const docsPage = fileURLToPath(href);
    assert.ok(docsPage.replaceAll('\\', '/').endsWith('docs/rules/MLG009.md'), docsPage);
    assert.ok(existsSync(docsPage), `${docsPage} exists`);
    assert.match(await fs.readFile(docsPage, 'utf8'), /MLG009/);

    // The range covers the title's text on line 0, not the `# ` marker.
    const titleLine = text.split(/\r?\n/)[0] ?? '';
    const marker = /^#+\s+/.exec(titleLine)?.[0] ?? '';
    assert.ok(marker.length > 0, 'the example card starts with a heading');
    assert.deepEqual(diagnostic.range, {
      start: { line: 0, character: marker.length },
      end: { line: 0, character: titleLine.trimEnd().length },
    });
  });

  it('lints a Markdown file with Hugging Face dataset front matter, whatever its name', async () => {
    // The book's items alone: the Hugging Face template's sections are tested in profileSections.test.ts.
    await workspace.write('hub/.mlguide.yaml', 'profiles: [book]\n');
    const uri = await workspace.write('hub/README.md', HF_CARD);
    const published = session.nextDiagnostics(uri);
    await open(uri, HF_CARD);
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['MLG009', HF_CARD.split('\n').indexOf('# Churn snapshot')]],
    );
  });

  it('publishes an empty list for a card whose metadata states the number of examples', async () => {
    const text = HF_CARD.replace(
      'task_categories:',
      'dataset_info:\n  splits:\n  - name: train\n    num_examples: 200\ntask_categories:',
    );
    await workspace.write('hub-sized/.mlguide.yaml', 'profiles: [book]\n');
    const uri = await workspace.write('hub-sized/README.md', text);
    const published = session.nextDiagnostics(uri);
    await open(uri, text);
    assert.deepEqual((await published).diagnostics, []);
  });

  it('leaves Markdown files that are not dataset cards alone', async () => {
    // Neither named like a card nor carrying dataset metadata; linted, it would fail MLG009.
    const notes = '---\ntitle: Meeting notes\ntags: [churn]\n---\n\n# Notes\n\nWe should look at the churn data.\n';
    const notesUri = await workspace.write('notes.md', notes);
    const plainUri = await workspace.write('docs/plain.md', '# Plain page\n\nNo front matter at all.\n');
    const cardUri = workspace.uri('ordering/DATASET.md');
    await workspace.write('ordering/DATASET.md', '# Ordering card\n\nA card opened after the notes.\n');

    const from = session.diagnostics.mark();
    await open(notesUri, notes);
    await open(plainUri, '# Plain page\n\nNo front matter at all.\n');
    await open(cardUri, '# Ordering card\n\nA card opened after the notes.\n');
    // The server handles notifications in order, so the card's diagnostics come after any the
    // notes would have had.
    const card = await session.nextDiagnostics(cardUri, { from });
    assert.ok(card.diagnostics.some((d) => d.code === 'MLG009'));
    const received = session.diagnostics.items.slice(from).map((d) => d.uri);
    assert.ok(!received.includes(notesUri), `no diagnostics for notes.md; got ${JSON.stringify(received)}`);
    assert.ok(!received.includes(plainUri), `no diagnostics for plain.md; got ${JSON.stringify(received)}`);
  });

  it('lints a dataset.yaml card and ignores other YAML, such as the split configuration', async () => {
    // Editors configured as README "Other editors" says send every YAML file they open.
    const splitUri = workspace.uri('churn.split.yaml');
    const documented = [
      'collection: Exported from the billing database.',
      'creation: churned comes from cancellation events; nobody labels by hand.',
      'splits: a random train/test split of the raw data, seed 7.',
      'preprocessing: Duplicates removed before the split.',
      'excluded_data: Test accounts.',
      'format: UTF-8 CSV with a header row.',
      'features: [tenure_months, churned]',
      'labels: churned is yes or no.',
      '',
    ].join('\n');
    const unsized = `name: churn\ndescription: Customers of a subscription service\n${documented}`;
    const unsizedUri = await workspace.write('cards/a/dataset.yaml', unsized);
    const sized = `name: churn\ndescription: Customers of a subscription service\nnum_examples: 200\n${documented}`;
    const sizedUri = await workspace.write('cards/b/dataset.yaml', sized);

    const from = session.diagnostics.mark();
    const openYaml = (uri: string, text: string): Promise<void> =>
      session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
    await openYaml(splitUri, await fs.readFile(workspace.file('churn.split.yaml'), 'utf8'));
    await openYaml(unsizedUri, unsized);
    await openYaml(sizedUri, sized);

    const flagged = await session.nextDiagnostics(unsizedUri, { from });
    assert.deepEqual(
      flagged.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['MLG009', 0]],
    );
    assert.deepEqual((await session.nextDiagnostics(sizedUri, { from })).diagnostics, []);
    const received = session.diagnostics.items.slice(from).map((d) => d.uri);
    assert.ok(!received.includes(splitUri), `no diagnostics for the split config; got ${JSON.stringify(received)}`);
  });

  it('clears a card’s diagnostics when the card is closed', async () => {
    const text = '# Closing card\n\nSoon closed.\n';
    const uri = await workspace.write('closing/DATASET.md', text);
    const opened = session.nextDiagnostics(uri);
    await open(uri, text);
    assert.ok((await opened).diagnostics.length > 0);

    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    assert.deepEqual((await session.nextDiagnostics(uri, { from })).diagnostics, []);
  });

  it('takes changed card globs from workspace/didChangeConfiguration and lints open files again', async () => {
    const text = '# Survey answers\n\nOne row per answer.\n';
    const uri = await workspace.write('survey/answers.md', text);
    const cardUri = workspace.uri('survey/DATASET.md');
    await workspace.write('survey/DATASET.md', '# Survey card\n\nStill a card.\n');
    const settings = (globs: string[]): { settings: { mlguide: { cards: { globs: string[] } } } } => ({
      settings: { mlguide: { cards: { globs } } },
    });

    const from = session.diagnostics.mark();
    await open(uri, text);
    await open(cardUri, '# Survey card\n\nStill a card.\n');
    await session.nextDiagnostics(cardUri, { from });
    assert.ok(!session.diagnostics.items.slice(from).some((d) => d.uri === uri), 'not a card by default');

    const widened = session.diagnostics.mark();
    await session.connection.sendNotification(
      DidChangeConfigurationNotification.type,
      settings(['**/DATASET.md', '**/answers.md']),
    );
    const flagged = await session.nextDiagnostics(uri, { from: widened });
    assert.ok(flagged.diagnostics.some((d) => d.code === 'MLG009'));

    const narrowed = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, settings(['**/DATASET.md']));
    assert.deepEqual((await session.nextDiagnostics(uri, { from: narrowed })).diagnostics, []);
    // Malformed settings from a client are ignored rather than taken.
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { cards: { globs: 'not a list' } } },
    });
    const still = session.diagnostics.mark();
    await session.connection.sendNotification(
      DidChangeConfigurationNotification.type,
      settings([...DEFAULT_CARD_GLOBS]),
    );
    assert.ok((await session.nextDiagnostics(cardUri, { from: still })).diagnostics.length > 0);
  });

  it('takes rule severities from the mlguide.rules setting', async () => {
    const text = '# Severity card\n\nOne row per thing.\n';
    const uri = await workspace.write('severity/DATASET.md', text);
    const from = session.diagnostics.mark();
    await open(uri, text);
    const before = await session.nextDiagnostics(uri, { from });
    assert.ok(before.diagnostics.some((d) => d.code === 'MLG009'));

    const changed = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { rules: { MLG009: 'off', 'storage-format': 'error' } } },
    });
    const after = await session.nextDiagnostics(uri, { from: changed });
    assert.ok(!after.diagnostics.some((d) => d.code === 'MLG009'));
    assert.equal(after.diagnostics.find((d) => d.code === 'MLG007')?.severity, 1);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { rules: {} } },
    });
  });

  it('reports the mistakes of an open .mlguide.yaml on their lines, and applies its rules to open cards', async () => {
    const cardText = '# Config card\n\nOne row per thing.\n';
    const cardUri = await workspace.write('configured/DATASET.md', cardText);
    const configUri = await workspace.write('configured/.mlguide.yaml', '');
    const from = session.diagnostics.mark();
    await open(cardUri, cardText);
    assert.ok((await session.nextDiagnostics(cardUri, { from })).diagnostics.some((d) => d.code === 'MLG009'));

    const edited = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: configUri,
        languageId: 'yaml',
        version: 1,
        text: 'rules:\n  MLG009: off\n  MLG999: error\n',
      },
    });
    const config = await session.nextDiagnostics(configUri, { from: edited });
    assert.deepEqual(
      config.diagnostics.map((d) => [d.range.start.line, d.code, d.message]),
      [[2, 'config', 'unknown rule "MLG999"']],
    );
    const card = await session.nextDiagnostics(cardUri, { from: edited });
    assert.ok(!card.diagnostics.some((d) => d.code === 'MLG009'), 'the unsaved config applies at once');
  });

  it('answers a hover on a card heading with what the section must say and why', async () => {
    const text = '# Hover card\n\nOne row per thing.\n\n## Storage format\n\nCSV.\n';
    const uri = await workspace.write('hover/DATASET.md', text);
    const from = session.diagnostics.mark();
    await open(uri, text);
    await session.nextDiagnostics(uri, { from });
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 6 },
    });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, JSON.stringify(hover));
    assert.match(hover.contents.value, /MLG007 storage-format/);
    const none = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 1 },
    });
    assert.equal(none, null);
  });

  it('completes headings on a heading line of a card, the missing items first', async () => {
    const text = '# Completion card\n\nOne row per thing.\n\n## \n';
    const uri = await workspace.write('completion/DATASET.md', text);
    const from = session.diagnostics.mark();
    await open(uri, text);
    await session.nextDiagnostics(uri, { from });
    const result = await session.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 4, character: 3 },
    });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.equal(items.length, 10);
    assert.ok(items.some((i) => i.label === 'Storage format'));
  });
});
