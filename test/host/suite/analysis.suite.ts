/**
 * The evaluation panels in a real VS Code: opened from their commands on the example files, a job
 * run in the language server, the report exported where the checklist finds it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { MlguideApi } from '../../../client/src/extension';

const EXTENSION_ID = 'mlguide.mlguide';

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function webviewTabs(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview).map((t) => t.label),
  );
}

describe('evaluation panels in VS Code', () => {
  let api: MlguideApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<MlguideApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  it('opens the three panels from their commands on the example files', async () => {
    await vscode.commands.executeCommand('mlguide.evaluate', workspaceFile('data/predictions.csv'));
    await vscode.commands.executeCommand('mlguide.baseline', workspaceFile('data/churn.csv'));
    await vscode.commands.executeCommand('mlguide.compare', workspaceFile('data/predictions.csv'));
    // The tab model follows the panels a moment later: wait for it (bounded).
    const titles = ['Evaluate: predictions.csv', 'Dataset & baseline: churn.csv', 'Compare: predictions.csv'];
    const deadline = Date.now() + 20_000;
    while (!titles.every((title) => webviewTabs().includes(title)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const tabs = webviewTabs();
    for (const title of titles) assert.ok(tabs.includes(title), `${title} in ${JSON.stringify(tabs)}`);
  });

  it('opens a CSV in the read-only "mlguide data view" editor (Reopen Editor With…)', async () => {
    const uri = workspaceFile('data/churn.csv');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'mlguide.dataView');
    const open = (): boolean =>
      vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === 'mlguide.dataView'),
      );
    const deadline = Date.now() + 20_000;
    while (!open() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(open(), 'the data view is open');
  });

  it('suggests the columns, evaluates in the language server, and exports a report the checklist counts', async () => {
    const panel = await api.openAnalysis('evaluate', workspaceFile('data/predictions.csv'));
    const choices = panel.current?.choices;
    assert.ok(choices?.kind === 'evaluate');
    assert.deepEqual([choices.truth, choices.predicted, choices.score], ['churned', 'predicted', 'score']);
    const result = await panel.run({ ...choices, resamples: 200, seed: 1 });
    assert.equal(result?.kind, 'evaluate');
    assert.ok(result.report.task === 'classification');
    assert.deepEqual(result.report.confusion_matrix, [
      [30, 8],
      [3, 9],
    ]);
    assert.ok(result.report.metrics.accuracy?.ci, 'accuracy has an interval');

    const file = await panel.exportReport(workspaceFile('reports/evaluation.md'));
    assert.ok(file);
    const text = readFileSync(file.fsPath, 'utf8');
    assert.match(text, /^<!-- mlguide-report: evaluation intervals -->/);
    assert.match(text, /\| intervals \| bootstrap, 200 resamples, 95 %, bca, seed 1 \|/);
    // The choices are kept per file: a panel opened again on it starts from them.
    panel.panel.dispose();
    const reopened = await api.openAnalysis('evaluate', workspaceFile('data/predictions.csv'));
    assert.notEqual(reopened, panel);
    assert.deepEqual([reopened.current?.choices.resamples, reopened.current?.choices.seed], [200, 1]);
    const checklist = await api.checklist.refresh();
    const item = checklist?.stages.flatMap((s) => s.items).find((i) => i.id === 'evaluation.offline-with-intervals');
    assert.equal(item?.status, 'verified');
    assert.deepEqual(
      item.evidence.map((e) => e.path),
      ['reports/evaluation.md'],
    );
  });
});

describe('Check Split for Leakage in VS Code', () => {
  it('runs the data-backed checks on a split whose files share a row, and reports FAIL for duplicates', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = (relative: string): vscode.Uri => vscode.Uri.joinPath(folder.uri, relative);
    const churn = Buffer.from(await vscode.workspace.fs.readFile(file('data/churn.csv'))).toString('utf8');
    const [header, ...rows] = churn.trim().split('\n');
    const write = (relative: string, text: string): Thenable<void> =>
      vscode.workspace.fs.writeFile(file(relative), Buffer.from(text));
    await write('data/host-split/train.csv', `${[header, ...rows.slice(0, 100)].join('\n')}\n`);
    await write('data/host-split/test.csv', `${[header, ...rows.slice(100), rows[0]].join('\n')}\n`);
    await write(
      'host.split.yaml',
      [
        'data: data/churn.csv',
        'target: churned',
        'seed: 7',
        'strategy: stratified',
        'shuffle: true',
        'sizes: { train: 0.5, test: 0.5 }',
        'outputs: { train: data/host-split/train.csv, test: data/host-split/test.csv }',
        '',
      ].join('\n'),
    );
    const result = await vscode.commands.executeCommand<{ summary: string; skipped?: string } | undefined>(
      'mlguide.checkSplit',
      file('host.split.yaml'),
    );
    assert.ok(result, 'the command answers');
    assert.equal(result.skipped, undefined);
    assert.match(result.summary, /FAIL.*duplicate/i);
  });
});
