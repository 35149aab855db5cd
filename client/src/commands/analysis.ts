import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AnalysisKind } from '../../../core/src/protocol/webview';
import { AnalysisPanel } from '../panels/AnalysisPanel';

const CSV_FILE = /\.(?:csv|tsv)$/i;

/** The file a command acts on: its argument (title button, explorer, CodeLens), the active CSV editor, or a pick. */
async function pickCsv(arg: unknown, label: string): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.startsWith('file:')) return vscode.Uri.parse(arg, true);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && CSV_FILE.test(active.path)) return active;
  // With a panel focused there is no active text editor: the active tab, else the one CSV in view.
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputText && CSV_FILE.test(tab.uri.path)) return tab.uri;
  const visible = vscode.window.visibleTextEditors.map((e) => e.document.uri).filter((u) => CSV_FILE.test(u.path));
  if (visible.length === 1) return visible[0];
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'CSV files': ['csv', 'tsv'] },
    openLabel: label,
  });
  return picked?.[0];
}

/**
 * The evaluation panels' commands (`mlguide.baseline`, `mlguide.evaluate`, `mlguide.compare`),
 * their restore after a reload, and the read-only "mlguide data view" editor for CSV files.
 */
export function registerAnalysis(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): (kind: AnalysisKind, uri: vscode.Uri) => Promise<AnalysisPanel> {
  const open = async (kind: AnalysisKind, arg: unknown, label: string): Promise<AnalysisPanel | undefined> => {
    const uri = await pickCsv(arg, label);
    if (!uri) return undefined;
    if (uri.scheme !== 'file') {
      void vscode.window.showErrorMessage(`mlguide reads files on disk only, not ${uri.scheme}: resources.`);
      return undefined;
    }
    return AnalysisPanel.show(context, client, kind, uri);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('mlguide.baseline', (arg: unknown) => open('dataset', arg, 'Baselines')),
    vscode.commands.registerCommand('mlguide.evaluate', (arg: unknown) => open('evaluate', arg, 'Evaluate')),
    vscode.commands.registerCommand('mlguide.compare', (arg: unknown) => open('compare', arg, 'Compare')),
    AnalysisPanel.registerSerializer(context, client),
    vscode.window.registerCustomEditorProvider(
      'mlguide.dataView',
      {
        openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
        resolveCustomEditor: async (document, panel) => {
          await AnalysisPanel.attach(panel, context, client, document.uri);
        },
      } satisfies vscode.CustomReadonlyEditorProvider,
      { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: true },
    ),
  );
  return (kind, uri) => AnalysisPanel.show(context, client, kind, uri);
}
