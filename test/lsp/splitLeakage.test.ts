// The data-backed split checks (MLS016–MLS022) over real LSP messages: the bundled server in a
// child process, a scratch copy of examples/ with split files written beside the churn data.
// Diagnostics follow the static ones once the split files are read, go when a split file is fixed
// on disk (file watcher), and mlguide/checkSplit answers with the summary, progress on the
// client's token, cancellation, and a clear error for a file that is not a split configuration.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { CheckSplitMethod, type CheckSplitParams, type CheckSplitResult } from '../../core/src/protocol/checkSplit';
import { fullClientCapabilities, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, readPlainCsv, writeLargeCsv, type ScratchWorkspace } from '../support/lspWorkspace';

const SPLIT = `data: data/churn.csv
task: classification
target: churned
seed: 42
shuffle: true
strategy: group
group_by: customer_id
sizes: { train: 0.7, validation: 0.15, test: 0.15 }
margin: 0.18
preprocessing:
  before_split: [deduplicate]
features: { exclude: [customer_id] }
outputs:
  train: split/train.csv
  validation: split/validation.csv
  test: split/test.csv
`;

function messageText(diagnostic: Diagnostic | undefined): string {
  const message = diagnostic?.message;
  return typeof message === 'string' ? message : (message?.value ?? '');
}

describe('language server over stdio: data-backed split checks', { timeout: 90_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  let header: string[];
  let rows: string[][];

  /** Diagnostics for `uri` published after `from` until one satisfies `done`. */
  const diagnosticsUntil = async (
    uri: string,
    from: number,
    done: (d: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams> => {
    for (let at = from; ;) {
      const next = await session.nextDiagnostics(uri, { from: at });
      if (done(next)) return next;
      at = session.diagnostics.items.indexOf(next) + 1;
    }
  };

  const writeSplits = async (test: string[][]): Promise<void> => {
    const csv = (part: string[][]): string => `${[header, ...part].map((r) => r.join(',')).join('\n')}\n`;
    await workspace.write('split/train.csv', csv(rows.slice(0, 140)));
    await workspace.write('split/validation.csv', csv(rows.slice(140, 170)));
    await workspace.write('split/test.csv', csv(test));
  };

  before(async () => {
    workspace = await copyExamples();
    ({ header, rows } = readPlainCsv(await fs.readFile(workspace.file('data/churn.csv'), 'utf8')));
    session = startBundledServer();
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

  it('publishes MLS016 and MLS017 for a test row copied from train, and clears them when test.csv is fixed', async () => {
    // Test row 1 (line 2) is train's row 6 (line 7): the same row and the same customer.
    const leakyTest = [rows[5] as string[], ...rows.slice(171, 200)];
    await writeSplits(leakyTest);
    const uri = await workspace.write('churn-outputs.split.yaml', SPLIT);
    const from = session.diagnostics.mark();
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: SPLIT },
    });
    const published = await diagnosticsUntil(uri, from, (d) => d.diagnostics.some((x) => x.code === 'MLS016'));
    const dup = published.diagnostics.find((d) => d.code === 'MLS016');
    assert.equal(dup?.range.start.line, 15, 'on outputs.test');
    assert.equal(dup.severity, 1);
    assert.match(dup.codeDescription?.href ?? '', /docs\/rules\/MLS016\.md$/);
    assert.match(
      messageText(dup),
      /^1 test row also occurs in train \(1 train row\): 3\.3 % of the smaller split; first pairs split\/test\.csv:2 ↔ split\/train\.csv:7$/,
    );
    const group = published.diagnostics.find((d) => d.code === 'MLS017');
    assert.equal(group?.range.start.line, 6, 'on the group_by value');
    assert.match(
      messageText(group),
      /^1 customer_id values are in both test and train \(1 test rows, 1 train rows\), e\.g\. C1005/,
    );

    // The watcher reports the fixed file: the server checks again and both go.
    await writeSplits(rows.slice(170, 200));
    const again = session.diagnostics.mark();
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: workspace.uri('split/test.csv'), type: FileChangeType.Changed }],
    });
    const fixed = await diagnosticsUntil(
      uri,
      again,
      (d) => !d.diagnostics.some((x) => x.code === 'MLS016' || x.code === 'MLS017'),
    );
    assert.ok(fixed.diagnostics.every((d) => d.code !== 'MLS016' && d.code !== 'MLS017'));
  });

  it('answers mlguide/checkSplit with the summary and reports progress on the client token', async () => {
    await writeSplits([rows[5] as string[], ...rows.slice(171, 200)]);
    const uri = await workspace.write('summary.split.yaml', SPLIT);
    const progressFrom = session.progress.mark();
    const params: CheckSplitParams = { uri, workDoneToken: 'check-split-1' };
    const result = await session.connection.sendRequest<CheckSplitResult>(CheckSplitMethod, params);
    assert.equal(result.uri, uri);
    assert.ok(result.report);
    assert.equal(result.report.duplicates.status, 'fail');
    const lines = result.summary.split('\n');
    assert.equal(lines[0], `mlguide: leakage checks of ${workspace.file('summary.split.yaml')}`);
    assert.deepEqual(lines.slice(1, 4), [
      '  validation: split/validation.csv, 30 rows',
      '  test: split/test.csv, 30 rows',
      '  train: split/train.csv, 140 rows',
    ]);
    assert.ok(lines.includes('FAIL  MLS016  Duplicate rows across splits'), result.summary);
    assert.ok(lines.includes('FAIL  MLS017  Group / entity overlap'), result.summary);
    assert.ok(lines.includes('PASS  MLS022  Split sizes'), result.summary);
    const kinds = session.progress.items
      .slice(progressFrom)
      .filter((p) => p.token === 'check-split-1')
      .map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
  });

  it('stops a long check on $/cancelRequest, and refuses a file that is not a split configuration', async () => {
    await workspace.write('big/README', 'generated split files\n');
    await writeLargeCsv(workspace.file('big/train.csv'), 30e6);
    await writeLargeCsv(workspace.file('big/test.csv'), 1e6);
    const text =
      'data: data/churn.csv\nseed: 1\nshuffle: true\noutputs: { train: big/train.csv, test: big/test.csv }\n';
    const uri = await workspace.write('big.split.yaml', text);
    const source = new CancellationTokenSource();
    const started = Date.now();
    const pending = session.connection.sendRequest(CheckSplitMethod, { uri }, source.token);
    setTimeout(() => {
      source.cancel();
    }, 300);
    await assert.rejects(pending, (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, LSPErrorCodes.RequestCancelled);
      return true;
    });
    assert.ok(Date.now() - started < 3000, `cancelled after ${Date.now() - started} ms`);

    await assert.rejects(
      session.connection.sendRequest(CheckSplitMethod, { uri: workspace.uri('data/churn.csv') }),
      (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, ErrorCodes.InvalidParams);
        assert.match(error.message, /must be the file: URI of a split configuration/);
        return true;
      },
    );
  });
});
