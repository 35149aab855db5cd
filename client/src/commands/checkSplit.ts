/**
 * `mlguide.checkSplit` — **mlguide: Check Split for Leakage**: runs every data-backed split check
 * (MLS016–MLS022) on the split configuration in the active editor (or one picked) through the
 * language server's `mlguide/checkSplit` request, with a cancellable progress notification, and
 * writes the PASS / WARN / FAIL summary to the "mlguide: Split Checks" output channel. The
 * computation and the summary's wording live in the server and core; this is wiring.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CheckSplitMethod, type CheckSplitParams, type CheckSplitResult } from '../../../core/src/protocol/checkSplit';

const SPLIT_FILE = /(?:\.split|(?:^|[\\/])split)\.(?:ya?ml|json)$/i;
let tokenCounter = 0;

/** The split file: the argument (explorer, editor title), the active editor, or a pick among the workspace's split files. */
async function pickSplitFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && SPLIT_FILE.test(active.path)) return active;
  const found = await vscode.workspace.findFiles('**/{*.split,split}.{yaml,yml,json}', '**/node_modules/**', 50);
  if (found.length === 0) {
    void vscode.window.showInformationMessage('mlguide: no split configuration (*.split.yaml) in the workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })),
    { placeHolder: 'Split configuration to check for leakage' },
  );
  return picked?.uri;
}

/** Registers the command; one line in extension.ts. */
export function registerCheckSplit(context: vscode.ExtensionContext, client: LanguageClient): void {
  const channel = vscode.window.createOutputChannel('mlguide: Split Checks');
  context.subscriptions.push(
    channel,
    vscode.commands.registerCommand('mlguide.checkSplit', (arg: unknown) => checkSplitCommand(client, channel, arg)),
  );
}

/** Runs the checks and shows the summary; resolves to the server's result (undefined when cancelled or nothing picked). */
export async function checkSplitCommand(
  client: LanguageClient,
  channel: vscode.OutputChannel,
  arg: unknown,
): Promise<CheckSplitResult | undefined> {
  const uri = await pickSplitFile(arg);
  if (!uri) return undefined;
  // The server reads the open document's last linted text, else the file: save first so both agree.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  const name = uri.path.split('/').pop() ?? uri.toString();
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `mlguide: checking ${name} for leakage`,
        cancellable: true,
      },
      async (progress, token) => {
        const workDoneToken = `mlguide-check-split-${process.pid}-${++tokenCounter}`;
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? reported;
          progress.report({ increment: percentage - reported });
          reported = percentage;
        });
        try {
          const params: CheckSplitParams = { uri: uri.toString(), workDoneToken };
          return await client.sendRequest<CheckSplitResult>(CheckSplitMethod, params, token);
        } finally {
          listener.dispose();
        }
      },
    );
    channel.clear();
    channel.append(result.summary);
    channel.show(true);
    return result;
  } catch (error) {
    if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return undefined;
    void vscode.window.showErrorMessage(`mlguide: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
