// Server-created work-done progress for the evaluation jobs: a request without a token whose files
// together are larger than `progressThresholdBytes` gets `window/workDoneProgress/create` and then
// begin / report / end on that token — from a client that declares `window.workDoneProgress`. A
// client that does not declare it gets neither, and the same answer.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver-protocol/node';
import {
  BaselineMethod,
  DriftMethod,
  EvaluateMethod,
  type DriftParams,
  type EvaluateParams,
} from '../../core/src/protocol/lsp';
import {
  fullClientCapabilities,
  initializeSession,
  startBundledServer,
  type LspSession,
  type ProgressMessage,
} from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

/** Each half of churn.csv is under this, both together over it. */
const THRESHOLD = 8000;

/** A capable editor's capabilities without `window.workDoneProgress`. */
const withoutWorkDoneProgress: ClientCapabilities = { textDocument: fullClientCapabilities.textDocument };

/** The progress notifications on `token` from `from` on, once its `end` has arrived. */
async function progressUntilEnd(session: LspSession, token: string | number, from: number): Promise<ProgressMessage[]> {
  await session.progress.next((m) => m.token === token && m.value.kind === 'end', `end of progress ${token}`, { from });
  return session.progress.items.slice(from).filter((m) => m.token === token);
}

/** begin (cancellable, titled with the files), reports of rising percentages up to 100, end. */
function assertProgress(messages: ProgressMessage[], files: string[]): void {
  const kinds = messages.map((m) => m.value.kind);
  assert.equal(kinds[0], 'begin', JSON.stringify(kinds));
  assert.equal(kinds.at(-1), 'end', JSON.stringify(kinds));
  assert.ok(
    kinds.slice(1, -1).every((kind) => kind === 'report'),
    `only reports between begin and end: ${JSON.stringify(kinds)}`,
  );
  const begin = messages[0]?.value;
  assert.ok(begin?.kind === 'begin');
  assert.equal(begin.cancellable, true);
  for (const file of files) assert.ok(begin.title.includes(file), `"${begin.title}" names ${file}`);
  const percentages = messages.flatMap((m) =>
    m.value.kind === 'report' && m.value.percentage !== undefined ? [m.value.percentage] : [],
  );
  assert.ok(percentages.length >= 1, JSON.stringify(kinds));
  for (let i = 1; i < percentages.length; i++) {
    assert.ok((percentages[i] ?? 0) > (percentages[i - 1] ?? 0), `percentages rise: ${JSON.stringify(percentages)}`);
  }
  assert.equal(percentages.at(-1), 100, 'the last report says every file was read');
}

describe('evaluation jobs: server-created progress over progressThresholdBytes', { timeout: 120_000 }, () => {
  let workspace: ScratchWorkspace;
  let capable: LspSession;
  let incapable: LspSession;
  let drift: DriftParams;
  let evaluate: EvaluateParams;

  before(async () => {
    workspace = await copyExamples();
    const [header, ...rows] = (await fs.readFile(workspace.file('data/churn.csv'), 'utf8')).trim().split('\n');
    const half = Math.floor(rows.length / 2);
    await workspace.write('data/reference.csv', [header, ...rows.slice(0, half)].join('\n') + '\n');
    await workspace.write('data/current.csv', [header, ...rows.slice(half)].join('\n') + '\n');
    const sizes = await Promise.all(
      ['data/reference.csv', 'data/current.csv'].map(async (f) => (await fs.stat(workspace.file(f))).size),
    );
    assert.ok(
      sizes.every((size) => size < THRESHOLD) && (sizes[0] ?? 0) + (sizes[1] ?? 0) > THRESHOLD,
      `each file under ${THRESHOLD} bytes, both together over: ${JSON.stringify(sizes)}`,
    );
    drift = { referenceUri: workspace.uri('data/reference.csv'), currentUri: workspace.uri('data/current.csv') };
    const predictions = ['truth,predicted,score'];
    for (let i = 0; i < 1000; i++) {
      const truth = i % 3 === 0 ? 'yes' : 'no';
      predictions.push(`${truth},${i % 7 === 0 ? 'yes' : truth},${((i * 37) % 100) / 100}`);
    }
    await workspace.write('data/many-predictions.csv', predictions.join('\n') + '\n');
    assert.ok((await fs.stat(workspace.file('data/many-predictions.csv'))).size > THRESHOLD);
    evaluate = {
      uri: workspace.uri('data/many-predictions.csv'),
      truth: 'truth',
      predicted: 'predicted',
      score: 'score',
      positive: 'yes',
      bootstrap: { resamples: 100, seed: 1 },
    };

    capable = startBundledServer();
    await initializeSession(capable, { initializationOptions: { progressThresholdBytes: THRESHOLD } });
    incapable = startBundledServer();
    await initializeSession(incapable, {
      capabilities: withoutWorkDoneProgress,
      initializationOptions: { progressThresholdBytes: THRESHOLD },
    });
  });

  after(async () => {
    await capable.stop();
    await incapable.stop();
    await workspace.remove();
  });

  it('creates a progress for a drift job whose two files together exceed the threshold, and reports on it', async () => {
    const created = capable.progressCreated.mark();
    const progressed = capable.progress.mark();
    const result = await capable.connection.sendRequest(DriftMethod, drift);
    assert.ok((result as { columns: unknown[] }).columns.length > 0);
    const tokens = capable.progressCreated.items.slice(created);
    assert.equal(tokens.length, 1, `one progress created for one request: ${JSON.stringify(tokens)}`);
    const token = tokens[0];
    assert.ok(token !== undefined);
    assertProgress(await progressUntilEnd(capable, token, progressed), ['reference.csv', 'current.csv']);
  });

  it('creates a progress for an evaluation over the threshold, and none for one under it', async () => {
    const created = capable.progressCreated.mark();
    const progressed = capable.progress.mark();
    await capable.connection.sendRequest(EvaluateMethod, evaluate);
    const tokens = capable.progressCreated.items.slice(created);
    assert.equal(tokens.length, 1, JSON.stringify(tokens));
    const token = tokens[0];
    assert.ok(token !== undefined);
    assertProgress(await progressUntilEnd(capable, token, progressed), ['many-predictions.csv']);

    const small = capable.progressCreated.mark();
    const smallProgress = capable.progress.mark();
    const predictions = workspace.file('data/predictions.csv');
    assert.ok((await fs.stat(predictions)).size < THRESHOLD);
    await capable.connection.sendRequest(EvaluateMethod, {
      uri: workspace.uri('data/predictions.csv'),
      truth: 'churned',
      predicted: 'predicted',
      bootstrap: false,
    });
    // Progress would have been sent before the response.
    assert.deepEqual(capable.progressCreated.items.slice(small), []);
    assert.deepEqual(capable.progress.items.slice(smallProgress), []);
  });

  it('counts every read of a baseline with a learned model: the first of its three reads is a third of the way', async () => {
    assert.ok((await fs.stat(workspace.file('data/churn.csv'))).size > THRESHOLD);
    const created = capable.progressCreated.mark();
    const progressed = capable.progress.mark();
    await capable.connection.sendRequest(BaselineMethod, {
      uri: workspace.uri('data/churn.csv'),
      target: 'churned',
      bootstrap: false,
    });
    const token = capable.progressCreated.items.slice(created)[0];
    assert.ok(token !== undefined);
    const messages = await progressUntilEnd(capable, token, progressed);
    assertProgress(messages, ['churn.csv']);
    const percentages = messages.flatMap((m) =>
      m.value.kind === 'report' && m.value.percentage !== undefined ? [m.value.percentage] : [],
    );
    // The target, then the training and the held-out rows' features: 100 % only after the third.
    assert.ok(
      percentages.some((p) => p <= 40),
      JSON.stringify(percentages),
    );
  });

  it('creates no progress for a client that does not declare window.workDoneProgress, and answers the same', async () => {
    const driftResult = await incapable.connection.sendRequest(DriftMethod, drift);
    const evaluateResult = await incapable.connection.sendRequest(EvaluateMethod, evaluate);
    assert.deepEqual(incapable.progressCreated.items, []);
    assert.deepEqual(incapable.progress.items, []);
    assert.deepEqual(driftResult, await capable.connection.sendRequest(DriftMethod, drift));
    assert.deepEqual(evaluateResult, await capable.connection.sendRequest(EvaluateMethod, evaluate));
  });
});
