import * as vscode from 'vscode';

/**
 * The getting-started walkthrough's commands and the context keys its steps complete on:
 * `mlguide.walkthrough.exampleOpen` (the example project is the open folder) and
 * `mlguide.walkthrough.cardLinted` (set by the language client when a card's diagnostics arrive).
 */
export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('mlguide.openExample', () => openExample(context.extensionUri)),
    vscode.commands.registerCommand('mlguide.walkthrough.openCard', openCard),
  );
  void markExampleOpen();
}

/** Copies the bundled example project into a folder the user picks, then opens it. */
async function openExample(extensionUri: vscode.Uri): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Copy the example here',
    title: 'Where should the example project go? (a folder mlguide-example is created in it)',
  });
  const parent = picked?.[0];
  if (!parent) return;
  const target = vscode.Uri.joinPath(parent, 'mlguide-example');
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    void vscode.window.showErrorMessage(`${target.fsPath} exists already; choose another folder.`);
    return;
  }
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'examples'), target);
  await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
}

/** Opens the workspace's dataset card (DATASET.md first), for the walkthrough's lint step. */
async function openCard(): Promise<void> {
  const cards = await vscode.workspace.findFiles(
    '**/{DATASET.md,DATASHEET.md,dataset_card.md,*.datacard.md}',
    '**/node_modules/**',
    10,
  );
  const card = cards.find((uri) => uri.path.endsWith('/DATASET.md')) ?? cards[0];
  if (card) await vscode.window.showTextDocument(card);
  else void vscode.window.showInformationMessage('No dataset card in this folder: open the example project first.');
}

async function markExampleOpen(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const has = async (relative: string): Promise<boolean> =>
    vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, relative)).then(
      () => true,
      () => false,
    );
  if ((await has('DATASET.md')) && (await has('data/churn.csv'))) {
    await vscode.commands.executeCommand('setContext', 'mlguide.walkthrough.exampleOpen', true);
  }
}
