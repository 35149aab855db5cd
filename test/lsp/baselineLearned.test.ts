// mlguide/baseline over real LSP messages: the learned baseline (gaussian_nb) is in the result,
// with scikit-learn's numbers on the committed penguins fixture and what it was trained on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { BaselineMethod, type BaselineParams } from '../../core/src/protocol/lsp';
import type { BaselineFileReport } from '../../server/src/engine/jobs/baseline';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';

const FIXTURES = path.resolve(__dirname, '../fixtures/baseline');
const reference = JSON.parse(
  readFileSync(path.resolve(__dirname, '../fixtures/reference/naive-bayes.json'), 'utf8'),
) as { cases: { target: string; accuracy: number; f1_macro: number; numeric: string[]; categorical: string[] }[] };

describe('mlguide/baseline: the learned baseline', { timeout: 60_000 }, () => {
  let session: LspSession;

  before(async () => {
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
  });

  it("runs gaussian_nb beside the dummy baselines, with scikit-learn's metrics and its features", async () => {
    const species = reference.cases.find((c) => c.target === 'species');
    assert.ok(species);
    const params: BaselineParams = {
      uri: pathToFileURL(path.join(FIXTURES, 'penguins-train.csv')).href,
      testUri: pathToFileURL(path.join(FIXTURES, 'penguins-test.csv')).href,
      target: 'species',
      bootstrap: { resamples: 200, seed: 1 },
    };
    const result = await session.connection.sendRequest<BaselineFileReport>(BaselineMethod, params);
    assert.deepEqual(
      result.baselines.map((b) => b.strategy),
      ['most_frequent', 'prior', 'stratified', 'uniform', 'gaussian_nb'],
    );
    const learned = result.baselines[4];
    assert.ok(learned?.learned);
    const metrics = learned.report.metrics as unknown as Record<string, { value: number; ci?: [number, number] }>;
    assert.ok(Math.abs((metrics.accuracy?.value ?? NaN) - species.accuracy) < 1e-12, 'accuracy as scikit-learn');
    assert.ok(Math.abs((metrics.f1_macro?.value ?? NaN) - species.f1_macro) < 1e-12, 'macro F1 as scikit-learn');
    assert.ok(metrics.accuracy?.ci, 'with an interval');
    assert.deepEqual(
      learned.learned.features.map((f) => f.name),
      [...species.numeric, ...species.categorical],
    );
    assert.deepEqual(
      learned.learned.excluded.map((e) => `${e.name}:${e.reason}`),
      ['penguin_id:id', 'species:target', 'note:text', 'observed:date'],
    );
  });
});
