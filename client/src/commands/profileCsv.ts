import * as path from 'node:path';
import * as vscode from 'vscode';
import { ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import type { ProfileCsvResult } from '../../../core/src/protocol/lsp';
import { requestProfile } from '../languageClient';
import { ProfilePanel } from '../panels/ProfilePanel';

const CSV_FILE = /\.(?:csv|tsv)$/i;

/** Which file to profile: the argument (editor title button, explorer), the active editor, or a pick. */
async function pickCsv(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && CSV_FILE.test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'CSV files': ['csv', 'tsv'] },
    openLabel: 'Profile',
  });
  return picked?.[0];
}

/**
 * `mlguide.profileCsv`: profiles a CSV file in the language server and shows the result in a
 * panel. Resolves to the profile (or undefined when nothing was profiled).
 */
export async function profileCsvCommand(
  client: LanguageClient,
  extensionUri: vscode.Uri,
  arg: unknown,
): Promise<ProfileCsvResult | undefined> {
  const uri = await pickCsv(arg);
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`mlguide can profile files on disk only, not ${uri.scheme}: resources.`);
    return undefined;
  }
  let result: ProfileCsvResult;
  try {
    result = await requestProfile(client, uri);
  } catch (error) {
    if (error instanceof ResponseError && error.code === -32800) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`mlguide: ${message}`);
    return undefined;
  }
  const relative = vscode.workspace.asRelativePath(uri, false);
  ProfilePanel.show(
    extensionUri,
    uri,
    { fileName: path.basename(uri.fsPath), path: relative, bytes: result.bytes, profile: result },
    () => void profileCsvCommand(client, extensionUri, uri),
  );
  return result;
}
