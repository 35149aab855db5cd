import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LSPErrorCodes,
  ProgressType,
  ResponseError,
  WorkDoneProgress,
  type LanguageClient,
} from 'vscode-languageclient/node';
import { analysisReport } from '../../../core/src/panels/report';
import {
  defaultCompareChoices,
  defaultDatasetChoices,
  defaultEvaluateChoices,
  suggestOther,
} from '../../../core/src/panels/suggest';
import {
  AbMethod,
  BaselineMethod,
  CompareMethod,
  EvaluateMethod,
  ProfileCsvMethod,
  type ProfileCsvPartialResult,
  type ProfileCsvResult,
} from '../../../core/src/protocol/lsp';
import {
  isAnalysisPageMessage,
  isAnalysisPanelState,
  type AnalysisChoices,
  type AnalysisColumn,
  type AnalysisHostMessage,
  type AnalysisKind,
  type AnalysisModel,
  type AnalysisResult,
} from '../../../core/src/protocol/webview';
import { loadWebviewApp, webviewOptions } from './webviewApp';

/** The `$/progress` values sent on a profile request's partial-result token. */
const PartialProfileType = new ProgressType<ProfileCsvPartialResult>();

const TITLES: Record<AnalysisKind, string> = {
  dataset: 'Dataset & baseline',
  evaluate: 'Evaluate',
  compare: 'Compare',
};

/** Distinct values a column's profile lists in full (for the positive-class and control choices). */
const VALUES_SHOWN = 50;

/**
 * The evaluation panels on one CSV file: "Dataset & baseline", "Evaluate predictions", "Compare
 * models". One panel per file and kind; the user's last choices are kept per file and kind (in the
 * workspace state) and the panel comes back after a reload. The jobs run in the language server;
 * the page gets the report, never the rows.
 */
export class AnalysisPanel {
  static readonly viewType = 'mlguide.analysis';
  private static readonly open = new Map<string, AnalysisPanel>();

  private model: AnalysisModel | undefined;
  private ready = false;
  private pending: AnalysisHostMessage | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;

  /** Opens (or reveals) the panel of `kind` on `uri`, profiling the file for its columns. */
  static async show(
    context: vscode.ExtensionContext,
    client: LanguageClient,
    kind: AnalysisKind,
    uri: vscode.Uri,
  ): Promise<AnalysisPanel> {
    const key = `${kind}:${uri.toString()}`;
    const existing = AnalysisPanel.open.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      AnalysisPanel.viewType,
      `${TITLES[kind]}: ${path.basename(uri.fsPath)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      webviewOptions(context.extensionUri, true),
    );
    const created = new AnalysisPanel(panel, context, client, kind, uri);
    await created.load();
    return created;
  }

  /** Brings evaluation panels back after a reload: the page's state names the file and kind. */
  static registerSerializer(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(AnalysisPanel.viewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        if (!isAnalysisPanelState(state)) {
          panel.dispose();
          return;
        }
        panel.webview.options = webviewOptions(context.extensionUri, true);
        const restored = new AnalysisPanel(panel, context, client, state.kind, vscode.Uri.parse(state.uri, true));
        await restored.load();
      },
    });
  }

  /** Shows the "Dataset & baseline" view in a webview VS Code created (the "mlguide data view" custom editor). */
  static async attach(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    client: LanguageClient,
    uri: vscode.Uri,
  ): Promise<AnalysisPanel> {
    panel.webview.options = webviewOptions(context.extensionUri, true);
    const attached = new AnalysisPanel(panel, context, client, 'dataset', uri, false);
    await attached.load();
    return attached;
  }

  /** The panel showing `kind` on `uri`, if one is open (tests, commands). */
  static find(kind: AnalysisKind, uri: vscode.Uri): AnalysisPanel | undefined {
    return AnalysisPanel.open.get(`${kind}:${uri.toString()}`);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    readonly kind: AnalysisKind,
    readonly uri: vscode.Uri,
    /** False for a custom editor's webview: the editor, not this registry, owns it. */
    register = true,
  ) {
    const key = `${kind}:${uri.toString()}`;
    if (register) AnalysisPanel.open.set(key, this);
    panel.onDidDispose(() => {
      if (AnalysisPanel.open.get(key) === this) AnalysisPanel.open.delete(key);
      this.cancel?.cancel();
    });
    const webview = panel.webview;
    loadWebviewApp(panel, context.extensionUri, 'analysis');
    webview.onDidReceiveMessage((message: unknown) => {
      // The page is untrusted: anything it sends is checked before it is acted on.
      if (!isAnalysisPageMessage(message)) return;
      switch (message.type) {
        case 'ready':
          this.ready = true;
          if (this.pending) void webview.postMessage(this.pending);
          break;
        case 'run':
          if (message.choices.kind === this.kind) void this.run(message.choices);
          break;
        case 'cancel':
          this.cancel?.cancel();
          break;
        case 'export':
          void this.exportReport();
          break;
        case 'copySvg':
          void vscode.env.clipboard
            .writeText(message.svg)
            .then(() => vscode.window.setStatusBarMessage('mlguide: chart copied as SVG', 3000));
          break;
        case 'savePng':
          void this.savePng(message.dataUrl, message.name);
          break;
        case 'pickOther':
          void this.pickOther();
          break;
        case 'clearOther':
          void this.setOther(undefined);
          break;
        default: {
          const unhandled: never = message;
          throw new Error(`unhandled message ${JSON.stringify(unhandled)}`);
        }
      }
    });
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = retainsContext(panel);
    });
  }

  /** What the panel shows now (tests). */
  get current(): AnalysisModel | undefined {
    return this.model;
  }

  private choicesKey(): string {
    return `mlguide.analysis.choices:${this.kind}:${this.uri.toString()}`;
  }

  /**
   * Profiles the file for its columns, then shows the form with the remembered or suggested
   * choices. A large file's panel fills in as the stream goes: the server's partial results (the
   * profile of the rows read so far) are shown with the progress, and Cancel stops the read.
   */
  async load(): Promise<void> {
    let profile: ProfileCsvResult;
    const cancel = new vscode.CancellationTokenSource();
    this.cancel = cancel;
    const token = `mlguide-analysis-profile-${String(process.pid)}-${String(Date.now())}-${String(Math.random()).slice(2, 8)}`;
    const partials = this.client.onProgress(PartialProfileType, `${token}-partial`, (partial) => {
      if (cancel.token.isCancellationRequested) return;
      this.model = this.modelFor(partial, true);
      this.post({ type: 'analysis', model: this.model });
    });
    const progress = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'end') return;
      const percent = value.percentage ?? 0;
      this.post({
        type: 'progress',
        percent,
        message: `Reading: ${String(percent)} %${value.message ? ` · ${value.message}` : ''}`,
      });
    });
    try {
      profile = await this.client.sendRequest<ProfileCsvResult>(
        ProfileCsvMethod,
        { uri: this.uri.toString(), workDoneToken: token, partialResultToken: `${token}-partial` },
        cancel.token,
      );
    } catch (error) {
      const cancelled = error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
      this.post({
        type: 'error',
        message: cancelled ? `Reading ${path.basename(this.uri.fsPath)} was cancelled.` : messageOf(error),
      });
      return;
    } finally {
      partials.dispose();
      progress.dispose();
      if (this.cancel === cancel) this.cancel = undefined;
    }
    this.model = this.modelFor(profile, false);
    this.post({ type: 'analysis', model: this.model });
  }

  /** The panel's model for a profile (complete, or of the rows read so far). */
  private modelFor(profile: ProfileCsvResult, partial: boolean): AnalysisModel {
    const columns: AnalysisColumn[] = profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      distinct: c.distinct,
      missing: c.missing,
      ...(c.top && c.distinct <= VALUES_SHOWN ? { values: c.top.map((v) => String(v.value)) } : {}),
    }));
    const remembered = this.context.workspaceState.get<AnalysisChoices>(this.choicesKey());
    const names = new Set(columns.map((c) => c.name));
    const choices =
      remembered && remembered.kind === this.kind && rememberedColumnsExist(remembered, names)
        ? // A second file is picked again after a reload: its columns are not kept.
          remembered.kind === 'compare' && remembered.otherUri
          ? { ...remembered, otherUri: '', joinOn: '', b: defaultCompareChoices(columns).b }
          : remembered
        : this.kind === 'dataset'
          ? defaultDatasetChoices(columns)
          : this.kind === 'evaluate'
            ? defaultEvaluateChoices(columns)
            : defaultCompareChoices(columns);
    return {
      kind: this.kind,
      uri: this.uri.toString(),
      fileName: path.basename(this.uri.fsPath),
      path: vscode.workspace.asRelativePath(this.uri, false),
      rows: profile.rows,
      columns,
      choices,
      ...(this.kind === 'dataset' ? { profile, ...(partial ? { profilePartial: true } : {}) } : {}),
      running: partial,
      version: packageVersion(this.context),
    };
  }

  /** Runs the panel's job with `choices` in the language server, with progress and Cancel. */
  async run(choices: AnalysisChoices): Promise<AnalysisResult | undefined> {
    if (!this.model) return undefined;
    await this.context.workspaceState.update(this.choicesKey(), choices);
    this.cancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.cancel = cancel;
    this.model = { ...this.model, choices, running: true };
    delete this.model.error;
    this.post({ type: 'analysis', model: this.model });
    const workDoneToken = `mlguide-analysis-${String(process.pid)}-${String(Date.now())}-${String(Math.random()).slice(2, 8)}`;
    const listener = this.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percent = value.percentage ?? 0;
      this.post({
        type: 'progress',
        percent,
        message: `${String(percent)} %${value.message ? ` · ${value.message}` : ''}`,
      });
    });
    try {
      const result = await this.request(choices, workDoneToken, cancel.token);
      if (this.cancel !== cancel) return undefined;
      this.model = { ...this.model, running: false, ...(result ? { result } : {}) };
      this.post({ type: 'analysis', model: this.model });
      return result;
    } catch (error) {
      if (this.cancel !== cancel) return undefined;
      const cancelled = error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
      this.model = { ...this.model, running: false, ...(cancelled ? {} : { error: messageOf(error) }) };
      this.post({ type: 'analysis', model: this.model });
      return undefined;
    } finally {
      listener.dispose();
    }
  }

  private async request(
    choices: AnalysisChoices,
    workDoneToken: string,
    token: vscode.CancellationToken,
  ): Promise<AnalysisResult | undefined> {
    const uri = this.uri.toString();
    const bootstrap = (confidence?: number, method?: 'bca' | 'percentile') =>
      choices.resamples > 0
        ? {
            bootstrap: {
              resamples: choices.resamples,
              seed: choices.seed,
              ...(confidence !== undefined ? { confidence } : {}),
              ...(method ? { method } : {}),
            },
          }
        : { bootstrap: false as const };
    switch (choices.kind) {
      case 'dataset':
        return {
          kind: 'baseline',
          report: await this.client.sendRequest(
            BaselineMethod,
            {
              uri,
              workDoneToken,
              target: choices.target,
              ...(choices.task !== 'auto' ? { task: choices.task } : {}),
              seed: choices.seed,
              ...(choices.evaluation === 'kfold' ? { folds: choices.folds } : { testFraction: choices.testFraction }),
              ...(choices.evaluation === 'test' && choices.testUri ? { testUri: choices.testUri } : {}),
              ...bootstrap(),
            },
            token,
          ),
        };
      case 'evaluate':
        return {
          kind: 'evaluate',
          report: await this.client.sendRequest(
            EvaluateMethod,
            {
              uri,
              workDoneToken,
              truth: choices.truth,
              predicted: choices.predicted,
              ...(choices.score ? { score: choices.score, thresholds: 101 } : {}),
              ...(choices.positive ? { positive: choices.positive } : {}),
              beta: choices.beta,
              ...bootstrap(choices.confidence, choices.method),
            },
            token,
          ),
        };
      case 'compare':
        if (choices.mode === 'ab') {
          if (!choices.variant || !choices.outcome) return undefined;
          return {
            kind: 'ab',
            report: await this.client.sendRequest(
              AbMethod,
              {
                uri,
                workDoneToken,
                variant: choices.variant,
                outcome: choices.outcome,
                confidence: choices.confidence,
                seed: choices.seed,
                ...(choices.mde > 0 ? { minimumDetectableEffect: choices.mde } : {}),
              },
              token,
            ),
          };
        }
        return {
          kind: 'compare',
          report: await this.client.sendRequest(
            CompareMethod,
            {
              uri,
              workDoneToken,
              truth: choices.truth,
              a: choices.a,
              b: choices.b,
              ...(choices.otherUri ? { otherUri: choices.otherUri } : {}),
              ...(choices.otherUri && choices.joinOn ? { joinOn: choices.joinOn } : {}),
              ...bootstrap(choices.confidence),
            },
            token,
          ),
        };
    }
  }

  /** Asks for a second predictions file holding model B, and reads its columns. */
  private async pickOther(): Promise<void> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { 'CSV files': ['csv', 'tsv'] },
      openLabel: 'Model B',
      title: "The predictions file holding model B's column",
      defaultUri: vscode.Uri.joinPath(this.uri, '..'),
    });
    if (picked?.[0]) await this.setOther(picked[0]);
  }

  /** Compares against model B in `other` (undefined: back to a column of this file). */
  async setOther(other: vscode.Uri | undefined): Promise<void> {
    if (!this.model || this.model.choices.kind !== 'compare') return;
    const choices = this.model.choices;
    if (!other) {
      const next: AnalysisModel = {
        ...this.model,
        choices: { ...choices, otherUri: '', joinOn: '', b: defaultCompareChoices(this.model.columns).b },
      };
      delete next.other;
      this.model = next;
      this.post({ type: 'analysis', model: this.model });
      return;
    }
    try {
      const profile = await this.client.sendRequest<ProfileCsvResult>(ProfileCsvMethod, { uri: other.toString() });
      const columns = profile.columns.map((c) => ({
        name: c.name,
        type: c.type,
        distinct: c.distinct,
        missing: c.missing,
      }));
      const suggested = suggestOther(this.model.columns, columns);
      this.model = {
        ...this.model,
        other: { fileName: path.basename(other.fsPath), columns },
        choices: { ...choices, otherUri: other.toString(), ...suggested },
      };
      delete this.model.error;
    } catch (error) {
      this.model = { ...this.model, error: messageOf(error) };
    }
    this.post({ type: 'analysis', model: this.model });
  }

  /** Writes the Markdown report to a file the user picks (in `reports/` by default, where the checklist looks). */
  async exportReport(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.model?.result) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? vscode.Uri.joinPath(this.uri, '..');
    const base = path.basename(this.uri.fsPath).replace(/\.[^.]+$/, '');
    const file =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder, 'reports', `${base}-${this.model.result.kind}.md`),
        filters: { Markdown: ['md'] },
        title: 'Export the report',
      }));
    if (!file) return undefined;
    const text = analysisReport(this.model, new Date().toISOString().slice(0, 10));
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await vscode.workspace.fs.writeFile(file, Buffer.from(text, 'utf8'));
    const open = 'Open';
    void vscode.window
      .showInformationMessage(`mlguide: report written to ${vscode.workspace.asRelativePath(file)}`, open)
      .then((choice) => (choice === open ? vscode.window.showTextDocument(file) : undefined));
    return file;
  }

  private async savePng(dataUrl: string, name: string): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(this.uri)?.uri ?? vscode.Uri.joinPath(this.uri, '..');
    const file = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { PNG: ['png'] },
      title: 'Save the chart',
    });
    if (!file) return;
    await vscode.workspace.fs.writeFile(file, Buffer.from(dataUrl.slice('data:image/png;base64,'.length), 'base64'));
  }

  private post(message: AnalysisHostMessage): void {
    if (message.type !== 'progress') this.pending = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}

/** With `retainContextWhenHidden` the page survives being hidden and stays ready. */
function retainsContext(panel: vscode.WebviewPanel): boolean {
  return panel.options.retainContextWhenHidden === true;
}

/** Remembered choices are reused only while the columns they name are still in the file. */
function rememberedColumnsExist(choices: AnalysisChoices, names: ReadonlySet<string>): boolean {
  const used =
    choices.kind === 'dataset'
      ? [choices.target]
      : choices.kind === 'evaluate'
        ? [choices.truth, choices.predicted, choices.score]
        : choices.mode === 'paired'
          ? [choices.truth, choices.a, choices.otherUri ? '' : choices.b]
          : [choices.variant, choices.outcome];
  return used.every((name) => name === '' || names.has(name));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function packageVersion(context: vscode.ExtensionContext): string {
  const version = (context.extension.packageJSON as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'development';
}
