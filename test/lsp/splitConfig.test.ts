// Split configurations over real LSP messages: the bundled server in a child process, a scratch
// copy of examples/ as the workspace folder.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fullClientCapabilities, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

/** The bundled example with the mistakes the static rules catch. */
const LEAKY = `data: data/churn.csv
task: classification
target: churned
shuffle: true
strategy: stratified
stratify_by: churned
group_by: customer_id
sizes: { train: 0.7, validation: 0.15, test: 0.15 }
margin: 0.18
preprocessing:
  before_split: [deduplicate, standard_scale]
  after_split: [impute_median]
`;

/** A diagnostic's message as text (LSP 3.18 also allows Markdown). */
function messageText(diagnostic: Diagnostic | undefined): string {
  const message = diagnostic?.message;
  return typeof message === 'string' ? message : (message?.value ?? '');
}

describe('language server over stdio: split configurations', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;

  const open = async (uri: string, text: string, languageId = 'yaml'): Promise<void> => {
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
  };

  before(async () => {
    workspace = await copyExamples();
    session = startBundledServer();
    // A workspace folder, as VS Code opens one: paths outside it are refused.
    const noRoot = { rootUri: null };
    await session.connection.sendRequest(InitializeRequest.type, {
      ...noRoot,
      processId: process.pid,
      capabilities: fullClientCapabilities,
      workspaceFolders: [{ uri: pathToFileURL(workspace.dir).href, name: 'examples' }],
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('publishes nothing for the clean bundled example, and diagnostics with rule pages for a leaky one', async () => {
    const exampleUri = workspace.uri('churn.split.yaml');
    const leakyUri = await workspace.write('leaky.split.yaml', LEAKY);
    const from = session.diagnostics.mark();
    await open(exampleUri, await fs.readFile(workspace.file('churn.split.yaml'), 'utf8'));
    await open(leakyUri, LEAKY);
    const published = await session.nextDiagnostics(leakyUri, { from });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [
        ['MLS006', 4, 0],
        ['MLS007', 10, 30],
      ],
    );
    const seed = published.diagnostics[0];
    assert.equal(seed?.source, 'mlguide');
    assert.match(seed.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/MLS006\.md$/);
    assert.match(messageText(seed), /^no seed for strategy stratified: every run draws another split/);
    // The server handles notifications in order: the example, opened first, would have come first.
    const received = session.diagnostics.items.slice(from).map((d) => d.uri);
    assert.ok(!received.includes(exampleUri), `no diagnostics for the clean example; got ${JSON.stringify(received)}`);
  });

  it('offers a quick fix that, applied, clears its diagnostic', async () => {
    const uri = await workspace.write('fixme.split.yaml', LEAKY);
    const from = session.diagnostics.mark();
    await open(uri, LEAKY);
    const published = await session.nextDiagnostics(uri, { from });
    const scale = published.diagnostics.find((d) => d.code === 'MLS007');
    assert.ok(scale);
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: scale.range,
      context: { diagnostics: [scale] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Move standard_scale to after_split',
        'Disable MLS007 (fitted-before-split) for this line',
        'Disable MLS007 (fitted-before-split) for this file',
      ],
    );
    const fix = actions[0];
    assert.equal(fix?.isPreferred, true);
    const edits = fix.edit?.changes?.[uri];
    assert.ok(edits);
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, LEAKY), edits);
    assert.match(fixed, /before_split: \[deduplicate\]\n {2}after_split: \[standard_scale, impute_median\]/);

    const again = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    const relinted = await session.nextDiagnostics(uri, { from: again, version: 2 });
    assert.deepEqual(
      relinted.diagnostics.map((d: Diagnostic) => d.code),
      ['MLS006'],
    );
  });

  it('reports malformed JSON on its line, and refuses data outside the workspace', async () => {
    const json =
      '{\n  "data": "../../outside/churn.csv",\n  "seed": 1\n  "shuffle": true,\n  "sizes": {"train": 0.8, "test": 0.2}\n}\n';
    const uri = await workspace.write('config/split.json', json);
    const from = session.diagnostics.mark();
    await open(uri, json, 'json');
    const published = await session.nextDiagnostics(uri, { from });
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['MLS014', 1],
        ['MLS001', 3],
      ],
    );
    assert.match(messageText(published.diagnostics[0]), /is outside the workspace/);
    assert.equal(published.diagnostics[1]?.message, 'JSON: a comma (,) is expected between entries');
  });

  it('lints again when its data file appears on disk', async () => {
    const text = LEAKY.replace('data/churn.csv', 'data/later.csv')
      .replace('strategy: stratified', 'seed: 1\nstrategy: stratified')
      .replace('deduplicate, standard_scale', 'deduplicate');
    const uri = await workspace.write('later.split.yaml', text);
    const from = session.diagnostics.mark();
    await open(uri, text);
    const missing = await session.nextDiagnostics(uri, { from });
    assert.deepEqual(
      missing.diagnostics.map((d) => d.code),
      ['MLS014'],
    );
    const csv = await workspace.write('data/later.csv', await fs.readFile(workspace.file('data/churn.csv')));
    const again = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: csv, type: FileChangeType.Created }],
    });
    assert.deepEqual((await session.nextDiagnostics(uri, { from: again })).diagnostics, []);
  });

  it('follows the mlguide.splits.globs setting', async () => {
    const text = 'target: churned\nshuffle: true\nsizes: { train: 0.8, test: 0.2 }\n';
    const uri = await workspace.write('configs/churn.splitcfg.yaml', text);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { splits: { globs: ['**/*.splitcfg.yaml'] } } },
    });
    const from = session.diagnostics.mark();
    await open(uri, text);
    const published = await session.nextDiagnostics(uri, { from });
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['MLS006'],
    );
    // Back to the default globs: the file is no longer a split configuration, and its diagnostics go.
    const back = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { mlguide: { splits: { globs: ['**/*.split.{yaml,yml,json}', '**/split.{yaml,yml,json}'] } } },
    });
    assert.deepEqual((await session.nextDiagnostics(uri, { from: back })).diagnostics, []);
  });

  it('explains keys on hover and completes enum values and the data’s columns', async () => {
    const text = 'data: data/churn.csv\nstrategy: \ngroup_by: \n';
    const uri = await workspace.write('edit.split.yaml', text);
    const from = session.diagnostics.mark();
    await open(uri, text);
    // The columns come from the data header the lint read.
    await session.nextDiagnostics(uri, { from });
    const hover: Hover | null = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    assert.match(
      (hover?.contents as MarkupContent | undefined)?.value ?? '',
      /^\*\*strategy\*\* — How rows are assigned/,
    );

    const values: CompletionItem[] | CompletionList | null = await session.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position: { line: 1, character: 10 } },
    );
    const strategies = (Array.isArray(values) ? values : (values?.items ?? [])).map((i) => i.label);
    assert.deepEqual(strategies, ['random', 'stratified', 'group', 'time', 'systematic', 'cluster']);

    const columns: CompletionItem[] | CompletionList | null = await session.connection.sendRequest(
      CompletionRequest.type,
      { textDocument: { uri }, position: { line: 2, character: 10 } },
    );
    const labels = (Array.isArray(columns) ? columns : (columns?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('customer_id') && labels.includes('churned'), JSON.stringify(labels));
  });
});
