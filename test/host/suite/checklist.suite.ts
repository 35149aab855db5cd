/**
 * The life-cycle checklist in a real VS Code: started from its welcome-view command, changed by
 * the team, refreshed when a card is saved, shown in its panel.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ChecklistItemModel, ChecklistResult } from '../../../core/src/protocol/checklist';
import type { MlguideApi } from '../../../client/src/extension';
import { ChecklistTree } from '../../../client/src/views/ChecklistTree';

const EXTENSION_ID = 'mlguide.mlguide';

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function item(model: ChecklistResult | undefined, id: string): ChecklistItemModel {
  const found = model?.stages.flatMap((s) => s.items).find((i) => i.id === id);
  assert.ok(found, `item ${id}`);
  return found;
}

/** Resolves once `accept` holds for what the views show (checked on each refresh, bounded). */
async function shownWhen(
  api: MlguideApi,
  accept: (model: ChecklistResult) => boolean,
  timeoutMs = 20_000,
): Promise<ChecklistResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const model = api.checklist.current;
    if (model && accept(model)) return model;
    if (Date.now() > deadline) throw new Error(`the checklist did not change as expected within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the ML project checklist in VS Code', () => {
  let api: MlguideApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<MlguideApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('contributes a sidebar view, its commands and the getting-started walkthrough', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { views: Record<string, { id: string }[]>; walkthroughs: { id: string; steps: unknown[] }[] };
    };
    assert.deepEqual(
      manifest.contributes.views.mlguide?.map((v) => v.id),
      ['mlguide.checklist'],
    );
    assert.equal(manifest.contributes.walkthroughs[0]?.id, 'gettingStarted');
    // Each step completes on a command that exists (or on opening the checklist view).
    const steps = manifest.contributes.walkthroughs[0].steps as { id: string; completionEvents: string[] }[];
    assert.deepEqual(
      steps.map((step) => step.id),
      ['openExample', 'lintCard', 'checkSplit', 'baseline', 'evaluate', 'profileCsv', 'checklist'],
    );
    const registered = await vscode.commands.getCommands(true);
    for (const event of steps.flatMap((step) => step.completionEvents)) {
      if (event.startsWith('onCommand:')) assert.ok(registered.includes(event.slice('onCommand:'.length)), event);
    }
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      'mlguide.checklist.start',
      'mlguide.checklist.openPanel',
      'mlguide.checklist.focus',
      'mlguide.openExample',
    ]) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('starts the checklist: the state file appears with the checks that hold recorded', async () => {
    const before = await api.checklist.refresh();
    assert.equal(before?.stateFile.exists, false, 'no file until the team starts the checklist');
    await vscode.commands.executeCommand('mlguide.checklist.start');
    const started = await shownWhen(api, (m) => m.stateFile.exists);
    assert.equal(item(started, 'data.card-meaning').status, 'verified');
    const text = readFileSync(workspaceFile('.mlguide/checklist.yaml').fsPath, 'utf8');
    assert.match(text, /^ {2}data\.card-meaning: \{ status: verified, evidence: \[DATASET\.md\], at: /m);
  });

  it('redraws the sidebar tree only when what it shows changes', () => {
    // A redraw drops the view's handles of its rows until they are fetched again, and a checkbox
    // ticked in that moment is lost: the checks that find the checklist as it was redraw nothing.
    const model = api.checklist.current;
    assert.ok(model);
    const tree = new ChecklistTree();
    let redraws = 0;
    const listening = tree.onDidChangeTreeData(() => redraws++);
    try {
      tree.update(model);
      tree.update(structuredClone(model));
      assert.equal(redraws, 1, 'an equal model is not drawn again');
      const stages = model.stages.map((stage, index) =>
        index === 0
          ? { ...stage, items: stage.items.map((i, k) => (k === 0 ? { ...i, status: 'done' as const } : i)) }
          : stage,
      );
      tree.update({ ...model, stages });
      assert.equal(redraws, 2, 'a changed model is');
      tree.update(undefined);
      assert.equal(redraws, 3, 'and so is none');
    } finally {
      listening.dispose();
    }
  });

  it('records a tick with its owner, one line in the file', async () => {
    await api.checklist.set({ itemId: 'problem-framing.objective', status: 'done', owner: 'ana' });
    assert.equal(item(api.checklist.current, 'problem-framing.objective').status, 'done');
    const text = readFileSync(workspaceFile('.mlguide/checklist.yaml').fsPath, 'utf8');
    assert.match(text, /^ {2}problem-framing\.objective: \{ status: done, owner: ana, at: \d{4}-\d\d-\d\d \}$/m);
    // The status bar names the current stage and its required items still open.
    assert.equal(api.checklist.statusText, '$(checklist) Problem framing 1/6 · 1 required open');
  });

  it('un-ticks a verified item with the reason once a saved card stops stating it', async () => {
    const uri = workspaceFile('other/DATASET.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('# Other data\n\nTODO\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(3, 0), '\n## Label values\n\nTBD\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await document.save());
    const model = await shownWhen(api, (m) => item(m, 'data.card-meaning').status === 'no-longer-holds');
    assert.match(item(model, 'data.card-meaning').reason ?? '', /^other\/DATASET\.md: /);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    await api.checklist.refresh();
  });

  it('opens the checklist panel', async () => {
    await vscode.commands.executeCommand('mlguide.checklist.openPanel');
    const open = (): boolean =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'ML project checklist'),
      );
    const deadline = Date.now() + 20_000;
    while (!open() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(open(), 'the panel is open');
  });
});
