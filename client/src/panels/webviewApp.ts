import * as vscode from 'vscode';
import { createNonce, renderWebviewHtml } from './webviewHtml';

/** The webview apps built into dist/webviews (one bundle and stylesheet each). */
export type WebviewApp = 'profile' | 'checklist' | 'analysis';

/** Options of an mlguide webview: scripts on, local resources only from the built bundles. */
export function webviewOptions(
  extensionUri: vscode.Uri,
  retainContextWhenHidden = false,
): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')],
  };
}

/** Loads `app`'s page into the panel: its bundle and stylesheet under the strict CSP, a fresh nonce. */
export function loadWebviewApp(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, app: WebviewApp): void {
  const webview = panel.webview;
  const asset = (file: string): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviews', file)).toString();
  webview.html = renderWebviewHtml({
    title: panel.title,
    cspSource: webview.cspSource,
    nonce: createNonce(),
    scriptUri: asset(`${app}.js`),
    styleUri: asset(`${app}.css`),
  });
}
