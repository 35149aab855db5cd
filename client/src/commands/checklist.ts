import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ChecklistMethod,
  ChecklistSetMethod,
  type ChecklistItemModel,
  type ChecklistResult,
  type ChecklistSetParams,
} from '../../../core/src/protocol/checklist';
import { ChecklistPanel, type ChecklistPanelAction } from '../panels/ChecklistPanel';
import { ChecklistTree, type ChecklistNode } from '../views/ChecklistTree';

/** Set while the project has a checklist file: the view shows the tree instead of its welcome. */
const STARTED_CONTEXT = 'mlguide.checklist.started';
const REFRESH_DELAY_MS = 400;

/**
 * The checklist in the editor: the sidebar tree, the panel, their commands, and refreshes when
 * the files the checks look at change. The language server does the work (mlguide/checklist).
 */
export function registerChecklist(context: vscode.ExtensionContext, client: LanguageClient): ChecklistController {
  const controller = new ChecklistController(context, client);
  context.subscriptions.push(controller);
  return controller;
}

export class ChecklistController implements vscode.Disposable {
  readonly tree = new ChecklistTree();
  private readonly view: vscode.TreeView<ChecklistNode>;
  /** The current stage and its open required items, once the project has a checklist. */
  readonly statusBar = vscode.window.createStatusBarItem('mlguide.checklist', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Changes the team made (ticks, notes…): a check begun before the latest one is out of date. */
  private changes = 0;
  private refreshing: Promise<ChecklistResult | undefined> | undefined;
  private again: Promise<ChecklistResult | undefined> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.view = vscode.window.createTreeView('mlguide.checklist', {
      treeDataProvider: this.tree,
      showCollapseAll: true,
      manageCheckboxStateManually: true,
    });
    const command = (id: string, run: (node?: ChecklistNode) => unknown): void => {
      this.disposables.push(vscode.commands.registerCommand(id, run));
    };
    command('mlguide.checklist.start', () => this.start());
    command('mlguide.checklist.refresh', () => this.refresh());
    command('mlguide.checklist.openPanel', (node) => this.openPanel(node));
    command('mlguide.checklist.openEvidence', (node) => this.openEvidence(node));
    command('mlguide.checklist.addNote', (node) => this.askAndSet(node, 'note'));
    command('mlguide.checklist.setOwner', (node) => this.askAndSet(node, 'owner'));
    command('mlguide.checklist.notApplicable', (node) => this.askAndSet(node, 'reason'));
    command('mlguide.checklist.applies', (node) => {
      if (node?.kind === 'item') void this.set({ itemId: node.item.id, status: 'open' });
    });
    this.statusBar.name = 'mlguide checklist';
    this.statusBar.command = 'mlguide.checklist.openPanel';
    this.disposables.push(
      new vscode.Disposable(() => {
        this.statusBar.dispose();
      }),
      this.view,
      this.view.onDidChangeCheckboxState((event) => {
        for (const [node, state] of event.items) {
          if (node.kind !== 'item') continue;
          void this.set({
            itemId: node.item.id,
            status: state === vscode.TreeItemCheckboxState.Checked ? 'done' : 'open',
          });
        }
      }),
      this.view.onDidChangeVisibility((event) => {
        if (event.visible) void this.refresh();
      }),
      ChecklistPanel.registerSerializer(
        context.extensionUri,
        (action) => void this.onPanelAction(action),
        () => void this.refresh(),
      ),
    );
    // What the checks look at: the state file, reports, and any saved card or split config.
    // The state file itself always counts (a pull may bring the team's checklist); reports only
    // while someone is looking or the project keeps a checklist.
    const watch = (glob: string, always: boolean): void => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      const changed = (): void => {
        if (always || this.watching()) this.refreshSoon();
      };
      this.disposables.push(
        watcher,
        watcher.onDidChange(changed),
        watcher.onDidCreate(changed),
        watcher.onDidDelete(changed),
      );
    };
    watch('**/.mlguide/checklist.yaml', true);
    watch('**/reports/**', false);
    watch('**/.mlguide/reports/**', false);
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/\.(?:md|markdown|ya?ml|json)$/i.test(document.uri.path) && this.watching()) this.refreshSoon();
      }),
    );
    // Activation does no project-wide check unless the project keeps a checklist (for the status
    // bar); otherwise the first check runs when the view or the panel is shown.
    void this.startedOnDisk().then((started) => (started ? this.refresh() : undefined));
  }

  /** Whether saves and report changes are worth a check: someone looks, or the project keeps a checklist. */
  private watching(): boolean {
    return this.view.visible || ChecklistPanel.isOpen() || this.tree.current?.stateFile.exists === true;
  }

  private async startedOnDisk(): Promise<boolean> {
    const root = this.root();
    if (!root) return false;
    return vscode.workspace.fs.stat(vscode.Uri.joinPath(root, '.mlguide', 'checklist.yaml')).then(
      () => true,
      () => false,
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The project folder: the first workspace folder (the checklist is per project). */
  private root(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.find((folder) => folder.uri.scheme === 'file')?.uri;
  }

  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the checklist and shows it everywhere; one request at a time. */
  async refresh(start = false): Promise<ChecklistResult | undefined> {
    const root = this.root();
    if (!root) {
      await this.show(undefined);
      return undefined;
    }
    // A check already running may have read the files before the latest change: one more follows it.
    if (this.refreshing && !start) {
      this.again ??= this.refreshing.then(() => {
        this.again = undefined;
        return this.refresh();
      });
      return this.again;
    }
    const changes = this.changes;
    const request = this.client
      .sendRequest<ChecklistResult>(ChecklistMethod, { rootUri: root.toString(), ...(start ? { start: true } : {}) })
      .then(
        async (model) => {
          // A change made while this check ran may not be in its answer: the change's own answer
          // (shown already) is newer, so this one is dropped and the project checked again.
          if (this.changes !== changes) {
            this.refreshSoon();
            return this.tree.current;
          }
          await this.show(model);
          return model;
        },
        (error: unknown) => {
          ChecklistPanel.showError(messageOf(error));
          return undefined;
        },
      );
    this.refreshing = request;
    try {
      return await request;
    } finally {
      if (this.refreshing === request) this.refreshing = undefined;
    }
  }

  private async show(model: ChecklistResult | undefined): Promise<void> {
    this.tree.update(model);
    await vscode.commands.executeCommand('setContext', STARTED_CONTEXT, model?.stateFile.exists === true);
    if (model) {
      ChecklistPanel.update(model);
      const complete = model.stages.reduce((n, s) => n + s.complete, 0);
      const applicable = model.stages.reduce((n, s) => n + s.applicable, 0);
      this.view.description = model.stateFile.exists ? `${String(complete)} / ${String(applicable)}` : undefined;
      this.updateStatusBar(model);
      this.view.message =
        model.stateFile.exists && !model.stateFile.writable
          ? `.mlguide/checklist.yaml line ${String(model.stateFile.problems[0]?.line ?? 1)}: ${model.stateFile.problems[0]?.message ?? 'cannot be written'} — fix it to save changes.`
          : undefined;
    }
  }

  /**
   * The stage the project is at (the first with items left) and the required items open in it:
   * `$(checklist) Data 12/18 · 2 required open`; hidden until the project starts its checklist.
   */
  private updateStatusBar(model: ChecklistResult): void {
    if (!model.stateFile.exists) {
      this.statusBar.hide();
      return;
    }
    const stage = model.stages.find((s) => s.complete < s.applicable) ?? model.stages[model.stages.length - 1];
    if (!stage) return;
    const required = stage.items.filter(
      (item) =>
        item.required && item.status !== 'done' && item.status !== 'verified' && item.status !== 'not-applicable',
    );
    this.statusBar.text = `$(checklist) ${stage.title} ${String(stage.complete)}/${String(stage.applicable)}${
      required.length > 0 ? ` · ${String(required.length)} required open` : ''
    }`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**ML project checklist** — current stage: ').appendText(stage.title);
    for (const item of required) tooltip.appendMarkdown('\n- ').appendText(item.title);
    this.statusBar.tooltip = tooltip;
    this.statusBar.show();
  }

  private async start(): Promise<void> {
    if (!this.root()) {
      void vscode.window.showInformationMessage('Open a folder first: the checklist lives in the project.');
      return;
    }
    await this.refresh(true);
    await vscode.commands.executeCommand('mlguide.checklist.focus');
  }

  private async openPanel(node?: ChecklistNode): Promise<void> {
    const focus = node?.kind === 'stage' ? node.stage.id : node?.kind === 'item' ? node.stage.id : undefined;
    ChecklistPanel.show(
      this.context.extensionUri,
      this.tree.current,
      (action) => void this.onPanelAction(action),
      focus,
    );
    await this.refresh();
  }

  private async openEvidence(node?: ChecklistNode): Promise<void> {
    if (node?.kind !== 'item') return;
    const links = node.item.evidence;
    const pick =
      links.length <= 1
        ? links[0]
        : await vscode.window
            .showQuickPick(
              links.map((link) => ({ label: link.path, link })),
              { title: `Evidence for "${node.item.title}"` },
            )
            .then((chosen) => chosen?.link);
    if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(pick.uri, true));
  }

  private async askAndSet(node: ChecklistNode | undefined, field: 'note' | 'owner' | 'reason'): Promise<void> {
    if (node?.kind !== 'item') return;
    const item: ChecklistItemModel = node.item;
    const prompts = {
      note: { prompt: `Note on "${item.title}"`, value: item.note ?? '' },
      owner: { prompt: `Who takes care of "${item.title}"?`, value: item.owner ?? '' },
      reason: { prompt: `Why does "${item.title}" not apply to this project?`, value: '' },
    };
    const answer = await vscode.window.showInputBox({
      ...prompts[field],
      validateInput: (text) =>
        field === 'reason' && text.trim() === ''
          ? 'Say why, so the team (and you, later) knows'
          : text.length > 2000
            ? 'At most 2000 characters'
            : undefined,
    });
    if (answer === undefined) return;
    if (field === 'reason') await this.set({ itemId: item.id, status: 'not-applicable', reason: answer.trim() });
    else await this.set({ itemId: item.id, [field]: answer.trim() === '' ? null : answer.trim() });
  }

  private async onPanelAction(action: ChecklistPanelAction): Promise<void> {
    switch (action.type) {
      case 'refresh':
        await this.refresh();
        return;
      case 'openEvidence': {
        // Only files the checklist itself named as evidence are opened.
        const known = this.tree.current?.stages.some((s) =>
          s.items.some((i) => i.evidence.some((link) => link.uri === action.uri)),
        );
        if (known) await vscode.window.showTextDocument(vscode.Uri.parse(action.uri, true));
        return;
      }
      case 'setStatus':
        await this.set({
          itemId: action.itemId,
          status: action.status,
          ...(action.reason !== undefined ? { reason: action.reason } : {}),
        });
        return;
      case 'setNote':
        await this.set({ itemId: action.itemId, note: action.note === '' ? null : action.note });
        return;
      case 'setOwner':
        await this.set({ itemId: action.itemId, owner: action.owner === '' ? null : action.owner });
        return;
      default: {
        const unhandled: never = action;
        throw new Error(`unhandled checklist action ${JSON.stringify(unhandled)}`);
      }
    }
  }

  /** Sends a change to the server; a refusal (a conflicted file) is shown, with the file to open. */
  async set(change: Omit<ChecklistSetParams, 'rootUri'>): Promise<void> {
    const root = this.root();
    if (!root) return;
    this.changes++;
    try {
      const model = await this.client.sendRequest<ChecklistResult>(ChecklistSetMethod, {
        rootUri: root.toString(),
        ...change,
      });
      await this.show(model);
    } catch (error) {
      const message = messageOf(error);
      const open = 'Open checklist.yaml';
      const choice = await vscode.window.showErrorMessage(`mlguide: ${message}`, open);
      if (choice === open) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(root, '.mlguide', 'checklist.yaml'));
      }
      // The views show the file's state again, not the change that was refused.
      await this.refresh();
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
