import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { profileCsvCommand, profileLoader } from './commands/profileCsv';
import { startLanguageClient } from './languageClient';
import { ProfilePanel } from './panels/ProfilePanel';
import { registerChecklist, type ChecklistController } from './commands/checklist';
import type { ChecklistResult } from '../../core/src/protocol/checklist';
import { registerWalkthrough } from './commands/walkthrough';
import { registerAnalysis } from './commands/analysis';
import type { AnalysisPanel } from './panels/AnalysisPanel';
import type { AnalysisKind } from '../../core/src/protocol/webview';

let client: LanguageClient | undefined;

/** What `activate` returns, for tests and other extensions. */
export interface MlguideApi {
  /** Milliseconds from the start of `activate` until the language server answered `initialize`. */
  activationMs: number;
  /** The life-cycle checklist: what the views show, a fresh check, and changes (tests, other extensions). */
  checklist: Pick<ChecklistController, 'refresh' | 'set'> & {
    readonly current: ChecklistResult | undefined;
    /** What the status-bar item says. */
    readonly statusText: string;
  };
  /** Opens an evaluation panel on a CSV file (tests, other extensions). */
  openAnalysis: (
    kind: AnalysisKind,
    uri: vscode.Uri,
  ) => Promise<Pick<AnalysisPanel, 'run' | 'exportReport' | 'current' | 'panel'>>;
}

export async function activate(context: vscode.ExtensionContext): Promise<MlguideApi> {
  const started = performance.now();
  const clientReady = startLanguageClient(context);
  registerWalkthrough(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('mlguide.profileCsv', async (arg: unknown) =>
      profileCsvCommand(await clientReady, context.extensionUri, arg),
    ),
  );
  client = await clientReady;
  context.subscriptions.push(ProfilePanel.registerSerializer(context.extensionUri, profileLoader(client)));
  const openAnalysis = registerAnalysis(context, client);
  const checklist = registerChecklist(context, client);
  (await import('./commands/checkSplit')).registerCheckSplit(context, client);
  return {
    activationMs: performance.now() - started,
    openAnalysis,
    checklist: {
      refresh: (start?: boolean) => checklist.refresh(start),
      set: (change) => checklist.set(change),
      get current() {
        return checklist.tree.current;
      },
      get statusText() {
        return checklist.statusBar.text;
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
