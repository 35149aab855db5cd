import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ProfileCsvMethod, type ProfileCsvParams, type ProfileCsvResult } from '../../core/src/protocol/lsp';

/** Starts the mlguide language server (dist/server.js) over IPC. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('mlguide');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'csv' },
      { scheme: 'file', language: 'tsv' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
    middleware: {
      // The walkthrough's "lint a dataset card" step completes when a card's diagnostics arrive.
      handleDiagnostics: (uri, diagnostics, next) => {
        // A CSV's own diagnostics are not a card's.
        if (!cardLinted && !/\.(?:csv|tsv)$/i.test(uri.path)) {
          cardLinted = true;
          void vscode.commands.executeCommand('setContext', 'mlguide.walkthrough.cardLinted', true);
        }
        next(uri, diagnostics);
      },
    },
    initializationOptions: {
      cardGlobs: config.get<string[]>('cards.globs'),
      progressThresholdBytes: config.get<number>('profile.progressThresholdBytes'),
      rules: config.get<Record<string, string>>('rules'),
      datasetDocs: {
        profiles: config.get<string[]>('datasetDocs.profiles'),
        data: config.get<Record<string, string | string[]>>('datasetDocs.data'),
      },
      csv: { codeLens: config.get<boolean>('csv.codeLens') },
    },
  };
  const client = new LanguageClient('mlguide', 'mlguide', serverOptions, clientOptions);
  await client.start();
  return client;
}

let tokenCounter = 0;
let cardLinted = false;

/**
 * Sends `mlguide/profileCsv` and shows the server's work-done progress in a cancellable
 * notification; cancelling it cancels the request.
 */
export async function requestProfile(client: LanguageClient, uri: vscode.Uri): Promise<ProfileCsvResult> {
  const name = uri.path.split('/').pop() ?? uri.toString();
  // Small files finish at once: a status-bar spinner; large ones get a cancellable notification.
  const threshold = vscode.workspace.getConfiguration('mlguide').get<number>('profile.progressThresholdBytes', 4e6);
  const size = await vscode.workspace.fs.stat(uri).then(
    (stat) => stat.size,
    () => 0,
  );
  const location = size > threshold ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
  return vscode.window.withProgress(
    { location, title: `mlguide: profiling ${name}`, cancellable: true },
    async (progress, token) => {
      const workDoneToken = `mlguide-profile-${process.pid}-${++tokenCounter}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = value.percentage ?? reported;
        progress.report({ increment: percentage - reported, ...(value.message ? { message: value.message } : {}) });
        reported = percentage;
      });
      try {
        const params: ProfileCsvParams = { uri: uri.toString(), workDoneToken };
        return await client.sendRequest<ProfileCsvResult>(ProfileCsvMethod, params, token);
      } finally {
        listener.dispose();
      }
    },
  );
}
