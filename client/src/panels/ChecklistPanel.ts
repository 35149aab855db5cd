import * as vscode from 'vscode';
import type { ChecklistResult } from '../../../core/src/protocol/checklist';
import {
  isChecklistPageMessage,
  type ChecklistHostMessage,
  type ChecklistPageMessage,
} from '../../../core/src/protocol/webview';
import { loadWebviewApp, webviewOptions } from './webviewApp';

/** What the panel asks of the extension: the team's changes, a fresh check, a file to open. */
export type ChecklistPanelAction = Exclude<ChecklistPageMessage, { type: 'ready' }>;

/** The "ML project checklist" panel: one per window. */
export class ChecklistPanel {
  static readonly viewType = 'mlguide.checklist';
  private static current: ChecklistPanel | undefined;

  private message: ChecklistHostMessage | undefined;
  private ready = false;

  /** Shows the panel (creating it if needed) with `model`, opening `focusStage`. */
  static show(
    extensionUri: vscode.Uri,
    model: ChecklistResult | undefined,
    onAction: (action: ChecklistPanelAction) => void,
    focusStage?: string,
  ): ChecklistPanel {
    let panel = ChecklistPanel.current;
    if (panel) panel.panel.reveal(undefined, false);
    else {
      const created = vscode.window.createWebviewPanel(
        ChecklistPanel.viewType,
        'ML project checklist',
        vscode.ViewColumn.Active,
        webviewOptions(extensionUri),
      );
      panel = new ChecklistPanel(created, extensionUri, onAction);
    }
    if (model) panel.update(model, focusStage);
    return panel;
  }

  /** Whether the panel is open. */
  static isOpen(): boolean {
    return ChecklistPanel.current !== undefined;
  }

  /** Sends the checklist to the open panel, if any. */
  static update(model: ChecklistResult): void {
    ChecklistPanel.current?.update(model);
  }

  /** Shows an error in the open panel, if any. */
  static showError(message: string): void {
    ChecklistPanel.current?.post({ type: 'error', message });
  }

  /** Brings the panel back after a reload; `refresh` then sends it the checklist. */
  static registerSerializer(
    extensionUri: vscode.Uri,
    onAction: (action: ChecklistPanelAction) => void,
    refresh: () => void,
  ): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(ChecklistPanel.viewType, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel) => {
        panel.webview.options = webviewOptions(extensionUri);
        new ChecklistPanel(panel, extensionUri, onAction);
        refresh();
        return Promise.resolve();
      },
    });
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onAction: (action: ChecklistPanelAction) => void,
  ) {
    ChecklistPanel.current = this;
    panel.onDidDispose(() => {
      if (ChecklistPanel.current === this) ChecklistPanel.current = undefined;
    });
    const webview = panel.webview;
    loadWebviewApp(panel, extensionUri, 'checklist');
    webview.onDidReceiveMessage((message: unknown) => {
      // The page is untrusted: anything it sends is checked before it is acted on.
      if (!isChecklistPageMessage(message)) return;
      if (message.type === 'ready') {
        this.ready = true;
        if (this.message) void webview.postMessage(this.message);
        return;
      }
      onAction(message);
    });
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
  }

  private update(model: ChecklistResult, focusStage?: string): void {
    this.post({ type: 'checklist', model, ...(focusStage ? { focusStage } : {}) });
  }

  private post(message: ChecklistHostMessage): void {
    this.message = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}
