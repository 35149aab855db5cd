// The language server's data passes without an editor: facts arrive after the pass and are then
// served without I/O; a closed card's pass is cancelled before it caches anything; a changed
// file is read again; progress is asked for only above the threshold.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CardDataPasses, type DataPassHost, type DataPassProgress } from '../../server/src/cardData/dataPass';
import { parseDatasetCard } from '../../server/src/parse/datasetCard';
import { scratchDir, type ScratchDir } from './support';

/** A host that records what the passes tell it. */
function recordingHost(
  thresholdBytes: number,
  onReport?: () => void,
): DataPassHost & {
  changed: string[];
  logs: string[];
  progress: { title: string; reports: number; done: boolean }[];
} {
  const changed: string[] = [];
  const logs: string[] = [];
  const progress: { title: string; reports: number; done: boolean }[] = [];
  return {
    changed,
    logs,
    progress,
    factsChanged: (uri) => changed.push(uri),
    log: (message) => logs.push(message),
    beginProgress: (title, totalBytes): Promise<DataPassProgress | undefined> => {
      if (totalBytes <= thresholdBytes) return Promise.resolve(undefined);
      const entry = { title, reports: 0, done: false };
      progress.push(entry);
      return Promise.resolve({
        report: () => {
          entry.reports++;
          onReport?.();
        },
        done: () => {
          entry.done = true;
        },
      });
    },
  };
}

const CARD = '# Card\n\nThe [data](data.csv) has 3 rows.\n';

describe('CardDataPasses', () => {
  let scratch: ScratchDir;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  it('answers from the cache only: undefined at first, the facts once the pass has ended', async () => {
    scratch.write('a/data.csv', 'x\n1\n2\n3\n');
    const host = recordingHost(Infinity);
    const passes = new CardDataPasses(host);
    const card = parseDatasetCard(CARD, 'markdown');
    const cardPath = `${scratch.dir}/a/DATASET.md`;
    assert.equal(passes.dataFor('a', cardPath, card, {}), undefined);
    // A keystroke while the pass runs does not start another.
    assert.equal(passes.dataFor('a', cardPath, card, {}), undefined);
    await passes.idle();
    assert.deepEqual(host.changed, ['a']);
    const data = passes.dataFor('a', cardPath, card, {});
    assert.equal(data?.files[0]?.rows, 3);
    assert.equal(passes.cache.reads, 1);
    assert.equal(host.logs.length, 1);
    assert.match(host.logs[0] ?? '', /read data data\.csv for DATASET\.md: 3 rows, 1 columns/);

    // The file changes: the pass runs again and the facts follow.
    scratch.write('a/data.csv', 'x\n1\n2\n');
    passes.filesChanged([`${scratch.dir}/a/data.csv`]);
    assert.equal(passes.dataFor('a', cardPath, card, {}), undefined, 'stale facts are not served');
    await passes.idle();
    assert.equal(passes.dataFor('a', cardPath, card, {})?.files[0]?.rows, 2);
    assert.equal(passes.cache.reads, 2);
    assert.deepEqual(host.changed, ['a', 'a']);
  });

  it('cancels the pass of a card that closes while its file is being read: nothing cached, nothing re-linted', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${i % 7},row ${i}`);
    scratch.write('b/data.csv', `id,k,text\n${rows.join('\n')}\n`);
    // The card closes at the first progress report, in the middle of the read.
    const host = recordingHost(0, () => passes.forget('b'));
    const passes = new CardDataPasses(host);
    const cardPath = `${scratch.dir}/b/DATASET.md`;
    assert.equal(passes.dataFor('b', cardPath, parseDatasetCard(CARD, 'markdown'), {}), undefined);
    await passes.idle();
    assert.ok((host.progress[0]?.reports ?? 0) >= 1, 'the read had started');
    assert.equal(host.progress[0]?.done, true, 'its progress ended');
    assert.deepEqual(host.changed, []);
    assert.equal(passes.cache.peek(`${scratch.dir}/b/data.csv`), undefined);
    assert.equal(passes.cache.reads, 0);
  });

  it('asks for progress above the threshold, reports it and ends it', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},${i % 7}`);
    scratch.write('c/data.csv', `id,k\n${rows.join('\n')}\n`);
    const host = recordingHost(1000);
    const passes = new CardDataPasses(host);
    passes.dataFor('c', `${scratch.dir}/c/DATASET.md`, parseDatasetCard(CARD, 'markdown'), {});
    await passes.idle();
    assert.equal(host.progress.length, 1);
    assert.match(host.progress[0]?.title ?? '', /reading the data of DATASET\.md/);
    assert.ok((host.progress[0]?.reports ?? 0) > 0);
    assert.equal(host.progress[0]?.done, true);
  });

  it('forgets a card whose text no longer points at data', async () => {
    scratch.write('d/data.csv', 'x\n1\n');
    const host = recordingHost(Infinity);
    const passes = new CardDataPasses(host);
    const cardPath = `${scratch.dir}/d/DATASET.md`;
    passes.dataFor('d', cardPath, parseDatasetCard(CARD, 'markdown'), {});
    await passes.idle();
    assert.ok(passes.dataFor('d', cardPath, parseDatasetCard(CARD, 'markdown'), {}));
    assert.equal(passes.dataFor('d', cardPath, parseDatasetCard('# Card\n\nNo data.\n', 'markdown'), {}), undefined);
    await passes.idle();
    assert.deepEqual(host.changed, ['d']);
  });
});

describe('CardDataPasses on data that cannot be read', () => {
  let scratch: ScratchDir;
  before(() => (scratch = scratchDir()));
  after(() => scratch.remove());

  it('a folder named like a CSV: one pass, one re-lint, and keystrokes do not start another', async () => {
    scratch.write('e/data.csv/inner.txt', 'not a table');
    const host = recordingHost(Infinity);
    const passes = new CardDataPasses(host);
    const cardPath = `${scratch.dir}/e/DATASET.md`;
    const card = parseDatasetCard(CARD, 'markdown');
    passes.dataFor('e', cardPath, card, {});
    await passes.idle();
    // The host re-lints on facts: that lint asks again, as every keystroke does.
    for (let i = 0; i < 3; i++) assert.equal(passes.dataFor('e', cardPath, card, {})?.files[0]?.error, 'not a file');
    await passes.idle();
    assert.deepEqual(host.changed, ['e']);
    assert.match(host.logs.join('\n'), /data\.csv of DATASET\.md cannot be read: not a file/);
  });
});
