import * as path from 'node:path';
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import type { ProfileCsvResult } from '../../../core/src/protocol/lsp';
import type { ProfileViewModel } from '../../../core/src/protocol/webview';
import { requestProfile } from '../languageClient';
import { ProfilePanel, type LoadProfile } from '../panels/ProfilePanel';

const CSV_FILE = /\.(?:csv|tsv)$/i;

/** Which file to profile: the argument (editor title button, explorer, CodeLens), the active editor, or a pick. */
async function pickCsv(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  // A CodeLens from the language server passes the document's URI as a string.
  if (typeof arg === 'string' && arg.startsWith('file:')) return vscode.Uri.parse(arg, true);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && CSV_FILE.test(active.path)) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { 'CSV files': ['csv', 'tsv'] },
    openLabel: 'Profile',
  });
  return picked?.[0];
}

function viewModel(uri: vscode.Uri, result: ProfileCsvResult): ProfileViewModel {
  return {
    uri: uri.toString(),
    fileName: path.basename(uri.fsPath),
    path: vscode.workspace.asRelativePath(uri, false),
    bytes: result.bytes,
    profile: result,
  };
}

/** Profiles `uri` in the language server; undefined when the user cancelled. */
export function profileLoader(client: LanguageClient): LoadProfile {
  return async (uri) => {
    try {
      return viewModel(uri, await requestProfile(client, uri));
    } catch (error) {
      if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return undefined;
      throw error;
    }
  };
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
  const load = profileLoader(client);
  let model: ProfileViewModel | undefined;
  try {
    model = await load(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(`mlguide: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!model) return undefined;
  ProfilePanel.show(extensionUri, uri, model, load);
  return { ...model.profile, uri: model.uri, bytes: model.bytes };
}
