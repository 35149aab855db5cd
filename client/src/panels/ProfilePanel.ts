import * as vscode from 'vscode';
import {
  isWebviewToHostMessage,
  type HostToWebviewMessage,
  type ProfileViewModel,
} from '../../../core/src/protocol/webview';
import { createNonce, renderWebviewHtml } from './webviewHtml';

/** The "mlguide: Profile" panel of one CSV file. */
export class ProfilePanel {
  static readonly viewType = 'mlguide.profile';
  private static readonly open = new Map<string, ProfilePanel>();

  private model: HostToWebviewMessage | undefined;
  private ready = false;

  /** Shows (or reuses) the panel for `uri` and sends it `model` once the page is ready. */
  static show(extensionUri: vscode.Uri, uri: vscode.Uri, model: ProfileViewModel, refresh: () => void): ProfilePanel {
    const key = uri.toString();
    const existing = ProfilePanel.open.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.post({ type: 'profile', model });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ProfilePanel.viewType,
      `Profile: ${model.fileName}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')],
      },
    );
    const created = new ProfilePanel(panel, extensionUri, refresh);
    ProfilePanel.open.set(key, created);
    panel.onDidDispose(() => ProfilePanel.open.delete(key));
    created.post({ type: 'profile', model });
    return created;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    refresh: () => void,
  ) {
    const webview = panel.webview;
    const asset = (file: string): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webviews', file)).toString();
    webview.html = renderWebviewHtml({
      title: panel.title,
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('profile.js'),
      styleUri: asset('profile.css'),
    });
    webview.onDidReceiveMessage((message: unknown) => {
      // The page is untrusted: anything it sends is checked before it is acted on.
      if (!isWebviewToHostMessage(message)) return;
      switch (message.type) {
        case 'ready':
          this.ready = true;
          if (this.model) void webview.postMessage(this.model);
          break;
        case 'refresh':
          refresh();
          break;
      }
    });
    // A hidden webview is torn down; when it is shown again its page reloads and says ready.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
  }

  /** Sends a message now if the page is ready, else when it says it is. */
  post(message: HostToWebviewMessage): void {
    this.model = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}
