import assert from 'node:assert/strict';
import { createWriteStream, promises as fs } from 'node:fs';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import {
  AbMethod,
  BaselineMethod,
  CompareMethod,
  DriftMethod,
  EvaluateMethod,
  JobErrorCode,
  type AbParams,
  type BaselineParams,
  type CompareParams,
  type DriftParams,
  type EvaluateParams,
} from '../../core/src/protocol/lsp';
import { abFile } from '../../server/src/engine/jobs/ab';
import { baselineFile } from '../../server/src/engine/jobs/baseline';
import { compareFile } from '../../server/src/engine/jobs/compare';
import { driftFiles } from '../../server/src/engine/jobs/drift';
import { evaluateFile } from '../../server/src/engine/jobs/evaluate';
import { readCsvFile } from '../../server/src/engine/jobs/reader';
import { initializeSession, startBundledServer, type LspSession, type ProgressMessage } from '../support/lspClient';
import { copyExamples, readPlainCsv, writeLargeCsv, type ScratchWorkspace } from '../support/lspWorkspace';
import { createRng } from '../../core/src/random/rng';

/** What a report looks like after JSON-RPC: NaN and ±Infinity become null, undefined fields go. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const SMALL_BOOTSTRAP = { resamples: 200, seed: 7 };

/** A cancelled bootstrap answers within this (it pauses every 20 ms to look for a cancellation). */
const PROMPT_MS = 3000;

/** Several 1 MiB chunks of predictions; evaluating it takes far longer than a cancellation takes to arrive. */
const BIG_PREDICTIONS_BYTES = 12_000_000;
/** Each file of the two-file progress test: several chunks. */
const DRIFT_FILE_BYTES = 3_000_000;

async function writeBigPredictions(file: string, minBytes: number): Promise<void> {
  const out = createWriteStream(file);
  const header = 'id,truth,predicted,score\n';
  let bytes = Buffer.byteLength(header);
  out.write(header);
  let row = 0;
  while (bytes < minBytes) {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++, row++) {
      const truth = row % 3 === 0 ? 1 : 0;
      const predicted = row % 5 === 0 ? 1 - truth : truth;
      lines.push(`${row},${truth},${predicted},${((row * 7919) % 1000) / 1000}\n`);
    }
    const block = lines.join('');
    bytes += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  const settled = await promise.then(
    (result: unknown) => ({ result }),
    (error: unknown) => ({ error }),
  );
  assert.ok('error' in settled, `expected an error, got ${JSON.stringify(settled)}`);
  assert.ok(settled.error instanceof ResponseError, String(settled.error));
  return settled.error;
}

describe('evaluation job requests', { timeout: 180_000 }, () => {
  let workspace: ScratchWorkspace;
  let session: LspSession;

  before(async () => {
    workspace = await copyExamples();
    // compare: the recorded predictions as model A, and B flipping every seventh of them.
    const predictions = readPlainCsv(await fs.readFile(workspace.file('data/predictions.csv'), 'utf8'));
    const at = (name: string): number => predictions.header.indexOf(name);
    const flip = (label: string): string => (label === 'yes' ? 'no' : 'yes');
    await workspace.write(
      'data/models.csv',
      [
        'id,truth,a,b',
        ...predictions.rows.map((r, i) => {
          const a = r[at('predicted')] ?? '';
          return `${r[at('customer_id')]},${r[at('churned')]},${a},${i % 7 === 0 ? flip(a) : a}`;
        }),
      ].join('\n') + '\n',
    );
    // ab: two arms with different conversion rates.
    await workspace.write(
      'data/ab.csv',
      [
        'user,variant,converted',
        ...Array.from({ length: 400 }, (_, i) => {
          const variant = i % 2 === 0 ? 'control' : 'treatment';
          const converted = variant === 'control' ? i % 10 === 0 : i % 6 === 1;
          return `u${i},${variant},${converted ? 1 : 0}`;
        }),
      ].join('\n') + '\n',
    );
    // drift: the first and the second half of churn.csv.
    const churn = (await fs.readFile(workspace.file('data/churn.csv'), 'utf8')).trim().split('\n');
    const [header, ...rows] = churn;
    const half = Math.floor(rows.length / 2);
    await workspace.write('data/reference.csv', [header, ...rows.slice(0, half)].join('\n') + '\n');
    await workspace.write('data/current.csv', [header, ...rows.slice(half)].join('\n') + '\n');
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('mlguide/evaluate answers with the report evaluateFile gives', async () => {
    const params: EvaluateParams = {
      uri: workspace.uri('data/predictions.csv'),
      truth: 'churned',
      predicted: 'predicted',
      score: 'score',
      positive: 'yes',
      beta: 2,
      thresholds: 11,
      bootstrap: SMALL_BOOTSTRAP,
    };
    const result = await session.connection.sendRequest(EvaluateMethod, params);
    const direct = await evaluateFile(
      workspace.file('data/predictions.csv'),
      {
        truth: 'churned',
        predicted: 'predicted',
        score: 'score',
        positive: 'yes',
        beta: 2,
        thresholds: 11,
        bootstrap: SMALL_BOOTSTRAP,
      },
      readCsvFile,
    );
    assert.deepEqual(result, overTheWire(direct));
    assert.equal(direct.task, 'classification');
    // The threshold sweep over an even grid of 11, with F-beta.
    const sweep = direct.scores?.threshold_sweep;
    assert.deepEqual(
      sweep?.map((p) => p.threshold),
      Array.from({ length: 11 }, (_, i) => i / 10),
    );
    assert.ok(sweep.every((p) => p.fbeta !== undefined && p.tp + p.fp + p.fn + p.tn === direct.rows));
  });

  it('mlguide/baseline answers with the report baselineFile gives, also with a test file', async () => {
    const params: BaselineParams = { uri: workspace.uri('data/churn.csv'), target: 'churned', bootstrap: false };
    const result = await session.connection.sendRequest(BaselineMethod, params);
    const direct = await baselineFile(
      workspace.file('data/churn.csv'),
      { target: 'churned', bootstrap: false },
      readCsvFile,
    );
    assert.deepEqual(result, overTheWire(direct));

    const withTest = await session.connection.sendRequest(BaselineMethod, {
      ...params,
      uri: workspace.uri('data/reference.csv'),
      testUri: workspace.uri('data/current.csv'),
    });
    const directWithTest = await baselineFile(
      workspace.file('data/reference.csv'),
      { target: 'churned', bootstrap: false, test: workspace.file('data/current.csv') },
      readCsvFile,
    );
    assert.deepEqual(withTest, overTheWire(directWithTest));
    assert.equal(directWithTest.evaluation.kind, 'test');
  });

  it('mlguide/compare answers with the report compareFile gives', async () => {
    const params: CompareParams = {
      uri: workspace.uri('data/models.csv'),
      truth: 'truth',
      a: 'a',
      b: 'b',
      bootstrap: SMALL_BOOTSTRAP,
    };
    const result = await session.connection.sendRequest(CompareMethod, params);
    const direct = await compareFile(
      workspace.file('data/models.csv'),
      { truth: 'truth', a: 'a', b: 'b', bootstrap: SMALL_BOOTSTRAP },
      readCsvFile,
    );
    assert.deepEqual(result, overTheWire(direct));
  });

  it('mlguide/ab answers with the report abFile gives', async () => {
    const params: AbParams = {
      uri: workspace.uri('data/ab.csv'),
      variant: 'variant',
      outcome: 'converted',
      control: 'control',
      minimumDetectableEffect: 0.05,
      seed: 3,
    };
    const result = await session.connection.sendRequest(AbMethod, params);
    const direct = await abFile(
      workspace.file('data/ab.csv'),
      { variant: 'variant', outcome: 'converted', control: 'control', minimumDetectableEffect: 0.05, seed: 3 },
      readCsvFile,
    );
    assert.deepEqual(result, overTheWire(direct));
    assert.equal(direct.kind, 'binary');
  });

  it('mlguide/drift answers with the report driftFiles gives', async () => {
    const params: DriftParams = {
      referenceUri: workspace.uri('data/reference.csv'),
      currentUri: workspace.uri('data/current.csv'),
    };
    const result = await session.connection.sendRequest(DriftMethod, params);
    const direct = await driftFiles(
      workspace.file('data/reference.csv'),
      workspace.file('data/current.csv'),
      {},
      readCsvFile,
    );
    assert.deepEqual(result, overTheWire(direct));
    assert.ok(direct.columns.length > 0);
  });

  it('a missing column fails with InvalidJobParams naming the file and listing its columns', async () => {
    const error = await rejection(
      session.connection.sendRequest(EvaluateMethod, {
        uri: workspace.uri('data/predictions.csv'),
        truth: 'label',
        predicted: 'predicted',
      }),
    );
    assert.equal(error.code, JobErrorCode.InvalidJobParams, error.message);
    assert.match(error.message, /predictions\.csv/);
    assert.match(error.message, /"label"/);
    assert.match(error.message, /customer_id, churned, predicted, score/);

    const drift = await rejection(
      session.connection.sendRequest(DriftMethod, {
        referenceUri: workspace.uri('data/reference.csv'),
        currentUri: workspace.uri('data/current.csv'),
        columns: ['no_such_column'],
      }),
    );
    assert.equal(drift.code, JobErrorCode.InvalidJobParams, drift.message);
    assert.match(drift.message, /no_such_column/);
  });

  it('a non-file URI or a missing parameter fails with InvalidJobParams', async () => {
    const https = await rejection(
      session.connection.sendRequest(CompareMethod, {
        uri: 'https://example.invalid/models.csv',
        truth: 'truth',
        a: 'a',
        b: 'b',
      }),
    );
    assert.equal(https.code, JobErrorCode.InvalidJobParams, https.message);
    assert.match(https.message, /mlguide\/compare: params\.uri must be a file: URI/);
    assert.match(https.message, /example\.invalid/);

    const current = await rejection(
      session.connection.sendRequest(DriftMethod, {
        referenceUri: workspace.uri('data/reference.csv'),
        currentUri: 'untitled:Untitled-1',
      }),
    );
    assert.equal(current.code, JobErrorCode.InvalidJobParams, current.message);
    assert.match(current.message, /params\.currentUri/);

    const noTarget = await rejection(
      session.connection.sendRequest(BaselineMethod, { uri: workspace.uri('data/churn.csv') }),
    );
    assert.equal(noTarget.code, JobErrorCode.InvalidJobParams, noTarget.message);
    assert.match(noTarget.message, /params\.target/);
  });

  it('an unreadable file fails with the profile codes, naming the file', async () => {
    const error = await rejection(
      session.connection.sendRequest(AbMethod, {
        uri: workspace.uri('data/missing.csv'),
        variant: 'variant',
        outcome: 'converted',
      }),
    );
    assert.equal(error.code, JobErrorCode.Unreadable, error.message);
    assert.match(error.message, /missing\.csv/);
  });

  it('a file in another encoding fails with Encoding, naming the file', async () => {
    const uri = await workspace.write('data/latin1.csv', Buffer.from('variant,converted\ncontr\xf4le,1\n', 'latin1'));
    const error = await rejection(
      session.connection.sendRequest(AbMethod, { uri, variant: 'variant', outcome: 'converted' }),
    );
    assert.equal(error.code, JobErrorCode.Encoding, error.message);
    assert.match(error.message, /latin1\.csv/);
  });

  it('reports progress over both files of a drift request, rising to 100', async () => {
    await writeLargeCsv(workspace.file('data/big-reference.csv'), DRIFT_FILE_BYTES);
    await writeLargeCsv(workspace.file('data/big-current.csv'), DRIFT_FILE_BYTES);
    const from = session.progress.mark();
    const token = 'drift-big';
    await session.connection.sendRequest(DriftMethod, {
      referenceUri: workspace.uri('data/big-reference.csv'),
      currentUri: workspace.uri('data/big-current.csv'),
      columns: ['amount', 'segment'],
      workDoneToken: token,
    });
    await session.progress.next((m) => m.token === token && m.value.kind === 'end', 'end of drift progress', {
      from,
    });
    const messages = session.progress.items.slice(from).filter((m) => m.token === token);
    const begin = messages[0]?.value;
    assert.ok(begin?.kind === 'begin' && begin.title.includes('big-reference.csv'), JSON.stringify(begin));
    assert.ok(begin.title.includes('big-current.csv'), begin.title);
    const reported = messages.flatMap((m: ProgressMessage) =>
      m.value.kind === 'report' && m.value.percentage !== undefined ? [m.value.percentage] : [],
    );
    assert.ok(reported.length >= 4, JSON.stringify(reported));
    for (let i = 1; i < reported.length; i++) {
      assert.ok(
        (reported[i] ?? 0) > (reported[i - 1] ?? 0),
        `one rising percentage over both files: ${JSON.stringify(reported)}`,
      );
    }
    assert.ok(
      reported.some((p) => p >= 35 && p <= 65),
      `about half once the first file is read: ${JSON.stringify(reported)}`,
    );
    assert.equal(reported.at(-1), 100);
  });

  /**
   * Sends `params` to `method` with a progress token and a bootstrap far too long to finish, waits
   * until the whole file has been read (progress 100), cancels, and checks the answer is
   * RequestCancelled within `PROMPT_MS` and that the server is free at once for the next request.
   */
  async function cancelDuringBootstrap(
    method: string,
    params: Record<string, unknown>,
    token: string,
  ): Promise<number> {
    const from = session.progress.mark();
    const cancel = new CancellationTokenSource();
    const outcome = rejection(
      session.connection.sendRequest(method, { ...params, workDoneToken: token }, cancel.token),
    );
    await session.progress.next(
      (m) => m.token === token && m.value.kind === 'report' && m.value.percentage === 100,
      'the read finished (progress 100)',
      { from },
    );
    const cancelledAt = Date.now();
    cancel.cancel();
    const error = await outcome;
    const answeredIn = Date.now() - cancelledAt;
    assert.equal(error.code, LSPErrorCodes.RequestCancelled, error.message);
    assert.ok(answeredIn < PROMPT_MS, `answered ${answeredIn} ms after the cancellation`);
    // A bootstrap still running (synchronously) would hold this request back until it ended.
    const askedAt = Date.now();
    const next = await session.connection.sendRequest(AbMethod, {
      uri: workspace.uri('data/ab.csv'),
      variant: 'variant',
      outcome: 'converted',
    });
    assert.equal((next as { kind: string }).kind, 'binary');
    assert.ok(Date.now() - askedAt < PROMPT_MS, `the next request waited ${Date.now() - askedAt} ms`);
    return answeredIn;
  }

  it('cancels an evaluation whose bootstrap is running (the file read) with RequestCancelled, promptly', async (t) => {
    // 20,000 regression rows × 200,000 resamples: about a minute of bootstrapping.
    const rng = createRng(12);
    const lines = ['truth,predicted'];
    for (let i = 0; i < 20_000; i++) {
      const truth = 100 * rng.next();
      lines.push(`${truth.toFixed(3)},${(truth + 10 * (rng.next() - 0.5)).toFixed(3)}`);
    }
    await workspace.write('data/regression.csv', lines.join('\n') + '\n');
    const answeredIn = await cancelDuringBootstrap(
      EvaluateMethod,
      {
        uri: workspace.uri('data/regression.csv'),
        truth: 'truth',
        predicted: 'predicted',
        bootstrap: { resamples: 200_000, seed: 1 },
      },
      'evaluate-bootstrap',
    );
    t.diagnostic(`answered ${answeredIn} ms after the cancellation`);
  });

  it('cancels a baseline whose bootstrap is running (the file read) with RequestCancelled, promptly', async (t) => {
    // The mean baseline of 20,000 rows, its hold-out scored with 200,000 resamples: a long bootstrap.
    const rng = createRng(14);
    const lines = ['x,target'];
    for (let i = 0; i < 20_000; i++) lines.push(`${rng.next().toFixed(3)},${(100 * rng.next()).toFixed(3)}`);
    await workspace.write('data/baseline-long.csv', lines.join('\n') + '\n');
    const answeredIn = await cancelDuringBootstrap(
      BaselineMethod,
      {
        uri: workspace.uri('data/baseline-long.csv'),
        target: 'target',
        task: 'regression',
        strategies: ['mean'],
        testFraction: 0.5,
        bootstrap: { resamples: 200_000, seed: 1 },
      },
      'baseline-bootstrap',
    );
    t.diagnostic(`answered ${answeredIn} ms after the cancellation`);
  });

  it('cancels a comparison whose paired bootstrap is running with RequestCancelled, promptly', async (t) => {
    // Ten classes: a joint table of up to 1,000 cells redrawn 100,000 times, some seconds of work.
    const rng = createRng(13);
    const lines = ['truth,a,b'];
    const noisy = (label: number, rate: number): number => (rng.next() < rate ? Math.floor(rng.next() * 10) : label);
    for (let i = 0; i < 20_000; i++) {
      const truth = Math.floor(rng.next() * 10);
      lines.push(`c${truth},c${noisy(truth, 0.3)},c${noisy(truth, 0.4)}`);
    }
    await workspace.write('data/ten-classes.csv', lines.join('\n') + '\n');
    const answeredIn = await cancelDuringBootstrap(
      CompareMethod,
      {
        uri: workspace.uri('data/ten-classes.csv'),
        truth: 'truth',
        a: 'a',
        b: 'b',
        bootstrap: { resamples: 100_000, seed: 1 },
      },
      'compare-bootstrap',
    );
    t.diagnostic(`answered ${answeredIn} ms after the cancellation`);
  });

  it('cancels a long evaluation with RequestCancelled and keeps serving', async () => {
    await writeBigPredictions(workspace.file('data/big-predictions.csv'), BIG_PREDICTIONS_BYTES);
    const from = session.progress.mark();
    const cancel = new CancellationTokenSource();
    const token = 'evaluate-big';
    const outcome = rejection(
      session.connection.sendRequest(
        EvaluateMethod,
        {
          uri: workspace.uri('data/big-predictions.csv'),
          truth: 'truth',
          predicted: 'predicted',
          score: 'score',
          positive: '1',
          workDoneToken: token,
        },
        cancel.token,
      ),
    );
    await session.progress.next((m) => m.token === token && m.value.kind === 'report', 'first progress report', {
      from,
    });
    cancel.cancel();
    const error = await outcome;
    assert.equal(error.code, LSPErrorCodes.RequestCancelled, error.message);
    await session.progress.next((m) => m.token === token && m.value.kind === 'end', 'end of progress', { from });
    const reports = session.progress.items
      .slice(from)
      .filter((m) => m.token === token)
      .flatMap((m) => (m.value.kind === 'report' && m.value.percentage !== undefined ? [m.value.percentage] : []));
    assert.ok((reports.at(-1) ?? 100) < 100, `the read stopped before the end: ${JSON.stringify(reports)}`);

    const next = await session.connection.sendRequest(AbMethod, {
      uri: workspace.uri('data/ab.csv'),
      variant: 'variant',
      outcome: 'converted',
    });
    assert.equal((next as { kind: string }).kind, 'binary');
  });
});
