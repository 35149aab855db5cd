/**
 * The in-editor suite: runs inside a real VS Code extension host with the full `vscode` API,
 * against the example project opened as the workspace (a temporary copy).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ProfileCsvResult } from '../../../core/src/protocol/lsp';
import { metrics } from './metrics';

const EXTENSION_ID = 'mlguide.mlguide';

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Resolves with the diagnostics of `uri` once `accept` holds for them (bounded wait). */
function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlguide');
      if (!accept(current)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(current);
      return true;
    };
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics of ${uri.fsPath} did not settle within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Resolves once a tab for which `accept` holds is open (bounded wait). */
function tabAppears(accept: (tab: vscode.Tab) => boolean, timeoutMs = 20_000): Promise<void> {
  const open = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!open().some(accept)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      listener.dispose();
      reject(
        new Error(
          `tab did not open within ${timeoutMs} ms; tabs: ${open()
            .map((t) => t.label)
            .join(', ')}`,
        ),
      );
    }, timeoutMs);
    const listener = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
}

/** Data rows of a simple CSV (no quoted newlines), counted without mlguide's engine. */
function countRows(file: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length - 1
  );
}

describe('mlguide in VS Code', () => {
  it('activates from the workspace and reports its activation time', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(api.activationMs > 0);
    metrics.activationMs = api.activationMs;
    const manifest = extension.packageJSON as { activationEvents: string[] };
    assert.ok(!manifest.activationEvents.includes('*'), 'never activates on *');
  });

  it('registers the Profile CSV command', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mlguide.profileCsv'));
  });

  it('publishes MLG009 on the card title with a link to the rule page', async () => {
    const card = workspaceFile('DATASET.md');
    const opened = Date.now();
    const document = await vscode.workspace.openTextDocument(card);
    await vscode.window.showTextDocument(document);
    const [diagnostic, ...others] = await diagnosticsWhen(card, (d) => d.length > 0);
    metrics.openToDiagnosticMs = Date.now() - opened;
    assert.ok(diagnostic);
    assert.equal(others.length, 0);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /does not state the number of examples/);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'MLG009');
    assert.equal(code.target.scheme, 'file');
    assert.ok(code.target.path.endsWith('/docs/rules/MLG009.md'));
    // The range is the title's text, without the `# ` marks.
    const title = document.lineAt(0).text;
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(document.getText(diagnostic.range), title.replace(/^#\s+/, ''));
  });

  it('fixes MLG009 with a quick fix that counts the linked data', async () => {
    const card = workspaceFile('DATASET.md');
    const document = await vscode.workspace.openTextDocument(card);
    const [diagnostic] = await diagnosticsWhen(card, (d) => d.length > 0);
    assert.ok(diagnostic);
    // VS Code cancels a code-action request when a provider registers while it runs; the
    // built-in Markdown extension registers its own as it activates on the first Markdown file.
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      card,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    const fix = actions.find((a) => a.title.startsWith('Insert a "Number of examples" section'));
    assert.ok(fix, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, 'the resolved quick fix carries its edit');
    const rows = countRows(workspaceFile('data/churn.csv').fsPath);
    assert.match(fix.edit.get(card)[0]?.newText ?? '', new RegExp(`data/churn.csv\`: ${rows} examples`));
    const applied = await vscode.workspace.applyEdit(fix.edit);
    assert.equal(applied, true);
    assert.match(document.getText(), new RegExp(`## Number of examples[\\s\\S]*${rows} examples`));
    await diagnosticsWhen(card, (d) => d.length === 0);
    // Leave the file as it was on disk for the tests that follow.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhen(card, (d) => d.length === 1);
  });

  it('does not lint Markdown that is not a dataset card', async () => {
    const notes = workspaceFile('README.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    // Linting is in order: once a card opened after it has diagnostics, the notes were seen.
    const card = workspaceFile('DATASET.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(card));
    await diagnosticsWhen(card, (d) => d.length > 0);
    assert.deepEqual(
      vscode.languages.getDiagnostics(notes).filter((d) => d.source === 'mlguide'),
      [],
    );
  });

  it('lints a file as a card once the card globs setting names it, and stops when it no longer does', async () => {
    const notes = workspaceFile('README.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    const config = vscode.workspace.getConfiguration('mlguide');
    const defaults = config.inspect<string[]>('cards.globs')?.defaultValue ?? [];
    await config.update('cards.globs', [...defaults, '**/README.md'], vscode.ConfigurationTarget.Workspace);
    const diagnostics = await diagnosticsWhen(notes, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => (d.code as { value: string } | undefined)?.value === 'MLG009'));
    await config.update('cards.globs', undefined, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhen(notes, (d) => d.length === 0);
  });

  it('profiles a CSV with the Profile CSV command and opens the panel', async () => {
    const csv = workspaceFile('data/churn.csv');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(csv));
    const result = await vscode.commands.executeCommand<ProfileCsvResult | undefined>('mlguide.profileCsv');
    assert.ok(result, 'the command resolves to the profile');
    assert.equal(result.rows, countRows(csv.fsPath));
    const header = readFileSync(csv.fsPath, 'utf8').split('\n')[0]?.split(',') ?? [];
    assert.deepEqual(
      result.columns.map((c) => c.name),
      header,
    );
    assert.equal(result.delimiter, ',');
    const totalCharges = result.columns.find((c) => c.name === 'total_charges');
    const emptyCells = readFileSync(csv.fsPath, 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => line !== '' && line.split(',')[5] === '').length;
    assert.equal(totalCharges?.missing, emptyCells);
    await tabAppears((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Profile: churn.csv');
  });

  it('reports an empty CSV as an error instead of a profile', async () => {
    const empty = workspaceFile('data/empty.csv');
    writeFileSync(empty.fsPath, '');
    const result = await vscode.commands.executeCommand<ProfileCsvResult | undefined>('mlguide.profileCsv', empty);
    assert.equal(result, undefined);
  });
});
