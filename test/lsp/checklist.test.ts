// The life-cycle checklist over real LSP messages: the server runs the checks, records them, and
// writes the team's changes to .mlguide/checklist.yaml — never over a conflicted file.
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import {
  ChecklistErrorCode,
  ChecklistMethod,
  ChecklistSetMethod,
  type ChecklistItemModel,
  type ChecklistResult,
} from '../../core/src/protocol/checklist';
import { initializeSession, startBundledServer, type LspSession } from '../support/lspClient';
import { copyExamples, type ScratchWorkspace } from '../support/lspWorkspace';

function item(result: ChecklistResult, id: string): ChecklistItemModel {
  const found = result.stages.flatMap((s) => s.items).find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

async function rejected(promise: Promise<unknown>): Promise<ResponseError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('the request succeeded');
}

describe('language server: the life-cycle checklist', { timeout: 60_000 }, () => {
  let session: LspSession;
  let workspace: ScratchWorkspace;
  let rootUri: string;

  before(async () => {
    workspace = await copyExamples();
    rootUri = pathToFileURL(workspace.dir).href;
    session = startBundledServer();
    await initializeSession(session);
  });

  after(async () => {
    await session.stop();
    await workspace.remove();
  });

  it('answers where the example project stands, without writing a file it was not asked for', async () => {
    const result: ChecklistResult = await session.connection.sendRequest(ChecklistMethod, { rootUri });
    assert.equal(result.stages.length, 8);
    assert.deepEqual(result.contentProblems, []);
    assert.equal(result.stateFile.exists, false);
    assert.equal(existsSync(workspace.file('.mlguide/checklist.yaml')), false);
    // The example card lacks its number of examples (MLG009) and states the other nine items.
    assert.equal(item(result, 'data.card-meaning').status, 'verified');
    assert.deepEqual(item(result, 'data.card-meaning').evidence, [
      { path: 'DATASET.md', uri: workspace.uri('DATASET.md') },
    ]);
    assert.equal(item(result, 'data.card-examples').status, 'open');
    assert.match(item(result, 'data.card-examples').detail ?? '', /^DATASET\.md: The card does not state the number/);
    const data = result.stages.find((s) => s.id === 'data');
    // Nine documentation items, and the example split configuration passes the split rules.
    assert.equal(data?.complete, 10);
    assert.equal(item(result, 'data.split-config').status, 'verified');
  });

  it('starts the checklist, records the checks, and takes a tick, a note, an owner and a not-applicable reason', async () => {
    const started: ChecklistResult = await session.connection.sendRequest(ChecklistMethod, { rootUri, start: true });
    assert.equal(started.stateFile.exists, true);
    let text = await fs.readFile(workspace.file('.mlguide/checklist.yaml'), 'utf8');
    assert.match(
      text,
      /^ {2}data\.card-meaning: \{ status: verified, evidence: \[DATASET\.md\], at: \d{4}-\d\d-\d\d \}$/m,
    );

    await session.connection.sendRequest(ChecklistSetMethod, {
      rootUri,
      itemId: 'problem-framing.objective',
      status: 'done',
      owner: 'ana',
      note: 'predict churn within 30 days',
    });
    const result: ChecklistResult = await session.connection.sendRequest(ChecklistSetMethod, {
      rootUri,
      itemId: 'deployment.caching',
      status: 'not-applicable',
      reason: 'batch scoring once a day',
    });
    assert.equal(item(result, 'problem-framing.objective').status, 'done');
    assert.equal(item(result, 'problem-framing.objective').owner, 'ana');
    assert.equal(item(result, 'deployment.caching').status, 'not-applicable');
    text = await fs.readFile(workspace.file('.mlguide/checklist.yaml'), 'utf8');
    assert.match(
      text,
      /^ {2}problem-framing\.objective: \{ status: done, owner: ana, note: predict churn within 30 days, at: \d{4}-\d\d-\d\d \}$/m,
    );
    assert.match(text, /deployment\.caching: \{ status: not-applicable, reason: batch scoring once a day, at: /);
    // Stable order: the checklist's order, whatever order the changes came in.
    assert.ok(text.indexOf('problem-framing.objective') < text.indexOf('data.card-meaning'));
    assert.ok(text.indexOf('data.card-meaning') < text.indexOf('deployment.caching'));
  });

  it('un-ticks a verified item with the reason when the card stops stating it', async () => {
    const card = await fs.readFile(workspace.file('DATASET.md'), 'utf8');
    await fs.writeFile(workspace.file('DATASET.md'), card.replace(/^## How it was collected[\s\S]*?(?=^## )/m, ''));
    const result: ChecklistResult = await session.connection.sendRequest(ChecklistMethod, { rootUri });
    const collected = item(result, 'data.card-collection');
    assert.equal(collected.status, 'no-longer-holds');
    assert.match(collected.reason ?? '', /DATASET\.md: The card does not say how the data was collected/);
    const text = await fs.readFile(workspace.file('.mlguide/checklist.yaml'), 'utf8');
    assert.match(text, /data\.card-collection: \{ status: open, reason: "no longer holds: DATASET\.md: /);
    await fs.writeFile(workspace.file('DATASET.md'), card);
  });

  it('refuses bad requests with their error codes', async () => {
    const unknown = await rejected(
      session.connection.sendRequest(ChecklistSetMethod, { rootUri, itemId: 'nope.item', status: 'done' }),
    );
    assert.equal(unknown.code, ChecklistErrorCode.UnknownItem);
    const noReason = await rejected(
      session.connection.sendRequest(ChecklistSetMethod, {
        rootUri,
        itemId: 'data.versioned',
        status: 'not-applicable',
      }),
    );
    assert.equal(noReason.code, ChecklistErrorCode.InvalidParams);
    assert.match(noReason.message, /needs a reason/);
    const badRoot = await rejected(session.connection.sendRequest(ChecklistMethod, { rootUri: 'http://example.com/' }));
    assert.equal(badRoot.code, ChecklistErrorCode.BadRoot);
  });

  it('never writes over a state file left with a merge conflict, and says where it is', async () => {
    const conflicted = 'version: 1\nitems:\n<<<<<<< HEAD\n  data.versioned: done\n=======\n>>>>>>> theirs\n';
    await fs.writeFile(workspace.file('.mlguide/checklist.yaml'), conflicted);
    const error = await rejected(
      session.connection.sendRequest(ChecklistSetMethod, { rootUri, itemId: 'data.versioned', status: 'done' }),
    );
    assert.equal(error.code, ChecklistErrorCode.NotWritable);
    assert.match(error.message, /^\.mlguide\/checklist\.yaml:3: unresolved merge conflict/);
    const result: ChecklistResult = await session.connection.sendRequest(ChecklistMethod, { rootUri });
    assert.equal(result.stateFile.writable, false);
    assert.equal(result.stateFile.problems[0]?.line, 3);
    assert.equal(await fs.readFile(workspace.file('.mlguide/checklist.yaml'), 'utf8'), conflicted);
  });
});
