import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { profileCsvCommand, profileLoader } from './commands/profileCsv';
import { startLanguageClient } from './languageClient';
import { ProfilePanel } from './panels/ProfilePanel';

let client: LanguageClient | undefined;

/** What `activate` returns, for tests and other extensions. */
export interface MlguideApi {
  /** Milliseconds from the start of `activate` until the language server answered `initialize`. */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<MlguideApi> {
  const started = performance.now();
  const clientReady = startLanguageClient(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('mlguide.profileCsv', async (arg: unknown) =>
      profileCsvCommand(await clientReady, context.extensionUri, arg),
    ),
  );
  client = await clientReady;
  context.subscriptions.push(ProfilePanel.registerSerializer(context.extensionUri, profileLoader(client)));
  return { activationMs: performance.now() - started };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
