import * as vscode from 'vscode';
import {
  isProfilePanelState,
  isWebviewToHostMessage,
  type HostToWebviewMessage,
  type ProfileViewModel,
} from '../../../core/src/protocol/webview';
import { loadWebviewApp, webviewOptions } from './webviewApp';

/** Profiles a file for the panel; rejects with an Error whose message the panel shows. */
export type LoadProfile = (uri: vscode.Uri) => Promise<ProfileViewModel | undefined>;

/** The "mlguide: Profile" panel of one CSV file. */
export class ProfilePanel {
  static readonly viewType = 'mlguide.profile';
  private static readonly open = new Map<string, ProfilePanel>();

  private message: HostToWebviewMessage | undefined;
  private ready = false;

  /** Shows (or reuses) the panel for `uri` and sends it `model` once the page is ready. */
  static show(extensionUri: vscode.Uri, uri: vscode.Uri, model: ProfileViewModel, load: LoadProfile): ProfilePanel {
    const existing = ProfilePanel.open.get(uri.toString());
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.post({ type: 'profile', model });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ProfilePanel.viewType,
      `Profile: ${model.fileName}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    const created = new ProfilePanel(panel, extensionUri, uri, load);
    created.post({ type: 'profile', model });
    return created;
  }

  /**
   * Restores panels VS Code kept across a reload: the page's saved state names the file, which
   * is profiled again (it may have changed since).
   */
  static registerSerializer(extensionUri: vscode.Uri, load: LoadProfile): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ProfilePanel.viewType, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => {
        if (!isProfilePanelState(state)) {
          panel.dispose();
          return Promise.resolve();
        }
        panel.webview.options = webviewOptions(extensionUri);
        const restored = new ProfilePanel(panel, extensionUri, vscode.Uri.parse(state.uri, true), load);
        restored.refresh();
        return Promise.resolve();
      },
    });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    readonly uri: vscode.Uri,
    private readonly load: LoadProfile,
  ) {
    const key = uri.toString();
    ProfilePanel.open.set(key, this);
    panel.onDidDispose(() => ProfilePanel.open.delete(key));
    const webview = panel.webview;
    loadWebviewApp(panel, extensionUri, 'profile');
    webview.onDidReceiveMessage((message: unknown) => {
      // The page is untrusted: anything it sends is checked before it is acted on.
      if (!isWebviewToHostMessage(message)) return;
      switch (message.type) {
        case 'ready':
          this.ready = true;
          if (this.message) void webview.postMessage(this.message);
          break;
        case 'refresh':
          this.refresh();
          break;
      }
    });
    // A hidden webview is torn down; when it is shown again its page reloads and says ready.
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
  }

  /** Profiles the file again and shows the result, or the error. */
  private refresh(): void {
    this.load(this.uri).then(
      (model) => {
        if (model) this.post({ type: 'profile', model });
      },
      (error: unknown) => this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Sends a message now if the page is ready, else when it says it is. */
  private post(message: HostToWebviewMessage): void {
    this.message = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}
