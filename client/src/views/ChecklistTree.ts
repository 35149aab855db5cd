import * as vscode from 'vscode';
import type { ChecklistItemModel, ChecklistResult, ChecklistStageModel } from '../../../core/src/protocol/checklist';

/** A node of the checklist tree: a stage, or an item of one. */
export type ChecklistNode =
  | { kind: 'stage'; stage: ChecklistStageModel }
  | { kind: 'item'; item: ChecklistItemModel; stage: ChecklistStageModel };

const STATUS_ICON: Record<ChecklistItemModel['status'], vscode.ThemeIcon> = {
  verified: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  'no-longer-holds': new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  'not-applicable': new vscode.ThemeIcon('circle-slash'),
  done: new vscode.ThemeIcon('check'),
  open: new vscode.ThemeIcon('circle-large-outline'),
};

/**
 * The checklist in the sidebar: stages with `complete / applicable`, items with checkboxes (items
 * a check verified show its result instead), tooltips with the reason, context menus for the
 * rest. Empty until the project starts its checklist, so the welcome view shows.
 */
export class ChecklistTree implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private model: ChecklistResult | undefined;
  private shown = JSON.stringify(null);

  /**
   * Shows `model` (undefined: nothing, the welcome view). A model equal to the one shown does not
   * redraw the tree: redrawing drops the view's handles of its rows until they are fetched again,
   * and a checkbox ticked in that moment would be lost — most checks find the checklist unchanged.
   */
  update(model: ChecklistResult | undefined): void {
    this.model = model;
    const shown = JSON.stringify(model ?? null);
    if (shown === this.shown) return;
    this.shown = shown;
    this.changed.fire(undefined);
  }

  get current(): ChecklistResult | undefined {
    return this.model;
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    if (!this.model?.stateFile.exists) return [];
    if (!node) return this.model.stages.map((stage) => ({ kind: 'stage', stage }));
    return node.kind === 'stage' ? node.stage.items.map((item) => ({ kind: 'item', item, stage: node.stage })) : [];
  }

  getParent(node: ChecklistNode): ChecklistNode | undefined {
    return node.kind === 'item' ? { kind: 'stage', stage: node.stage } : undefined;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    if (node.kind === 'stage') {
      const { stage } = node;
      const tree = new vscode.TreeItem(
        stage.title,
        stage.complete < stage.applicable
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed,
      );
      tree.id = `stage:${stage.id}`;
      tree.description = `${String(stage.complete)} / ${String(stage.applicable)}`;
      tree.tooltip = stage.summary;
      tree.contextValue = 'mlguide.stage';
      return tree;
    }
    const { item } = node;
    const tree = new vscode.TreeItem(item.title, vscode.TreeItemCollapsibleState.None);
    tree.id = `item:${item.id}`;
    const parts = [
      item.status === 'verified' ? 'verified' : item.status === 'no-longer-holds' ? 'no longer holds' : '',
      item.status === 'not-applicable' ? 'n/a' : '',
      item.owner ?? '',
      item.required ? 'required' : '',
    ].filter(Boolean);
    tree.description = parts.join(' · ');
    tree.tooltip = tooltip(item);
    // What the checkbox means: done by the team. Verified and not-applicable items show an icon.
    if (item.status === 'verified' || item.status === 'not-applicable') {
      tree.iconPath = STATUS_ICON[item.status];
    } else {
      tree.checkboxState =
        item.status === 'done' ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
      if (item.status === 'no-longer-holds') tree.iconPath = STATUS_ICON[item.status];
    }
    tree.contextValue = [
      'mlguide.item',
      item.evidence.length > 0 ? 'evidence' : '',
      item.status === 'not-applicable' ? 'na' : 'applies',
    ]
      .filter(Boolean)
      .join('.');
    tree.command = { command: 'mlguide.checklist.openPanel', title: 'Open in the checklist', arguments: [node] };
    return tree;
  }
}

/** The item's reason and state as a tooltip; everything from files goes in as text. */
function tooltip(item: ChecklistItemModel): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**').appendText(item.title).appendMarkdown('**\n\n');
  markdown.appendText(item.why).appendMarkdown('\n\n');
  const source = item.fromBook
    ? `Machine Learning Engineering, chapter ${String(item.chapter ?? '')}`
    : 'mlguide (the book’s notes are silent here)';
  markdown.appendMarkdown('*').appendText(source).appendMarkdown('*');
  if (item.detail !== undefined) markdown.appendMarkdown('\n\n').appendText(`${item.holds ? '✓' : '…'} ${item.detail}`);
  if (item.reason !== undefined) markdown.appendMarkdown('\n\n').appendText(`Reason: ${item.reason}`);
  if (item.note !== undefined) markdown.appendMarkdown('\n\n').appendText(`Note: ${item.note}`);
  return markdown;
}
