import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ProfileCsvErrorCode,
  ProfileCsvMethod,
  type ProfileCsvParams,
  type ProfileCsvResult,
} from '../../core/src/protocol/lsp';
import { CsvInputError, CsvReadCancelled, profileCsvFile } from './engine/readCsv';
import { countLinkedData, insertSectionEdit } from './fixes';
import { DEFAULT_CARD_GLOBS, datasetCardKind, lintDatasetCard, type LintFinding } from './lint';
import { toDiagnostic } from './toDiagnostic';

/**
 * The `mlguide.*` settings the server uses, sent by the client in `initializationOptions` and
 * again in `workspace/didChangeConfiguration` (`{ settings: { mlguide: … } }`) when they change.
 */
export interface MlguideInitializationOptions {
  cardGlobs?: string[];
  progressThresholdBytes?: number;
}

/** The `mlguide` section of the settings, as VS Code's configuration sync sends it. */
interface MlguideSettingsSection {
  cards?: { globs?: unknown };
  profile?: { progressThresholdBytes?: unknown };
}

/** What a quick fix carries between `codeAction` and `codeAction/resolve`. */
interface FixData {
  uri: string;
  version: number;
  ruleId: string;
  index: number;
}

const DEFAULT_PROGRESS_THRESHOLD = 4_000_000;
const LINT_DELAY_MS = 150;

/** Wires mlguide's language features to a connection (stdio, IPC, or in-memory streams). */
export function startLintServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const findings = new Map<string, { version: number; findings: LintFinding[] }>();
  const pending = new Map<string, NodeJS.Timeout>();
  let cardGlobs: readonly string[] = DEFAULT_CARD_GLOBS;
  let progressThreshold = DEFAULT_PROGRESS_THRESHOLD;
  let resolveSupported = false;
  let serverProgressSupported = false;

  const lint = (document: TextDocument): void => {
    const file = uriToPath(document.uri);
    const text = document.getText();
    const kind = file ? datasetCardKind(file, text, cardGlobs) : undefined;
    const current = kind ? lintDatasetCard(text, kind) : [];
    const previous = findings.get(document.uri);
    findings.set(document.uri, { version: document.version, findings: current });
    if (current.length === 0 && (!previous || previous.findings.length === 0) && !kind) return;
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: current.map((finding) => toDiagnostic(finding)),
    });
  };

  // Settings come from any client: only well-formed values are taken.
  const applySettings = (globs: unknown, threshold: unknown): void => {
    if (Array.isArray(globs)) cardGlobs = globs.filter((g): g is string => typeof g === 'string');
    if (typeof threshold === 'number' && threshold >= 0) progressThreshold = threshold;
  };

  let pullSettings = false;
  let registerForChanges = false;
  const applySection = (section: MlguideSettingsSection | null | undefined): void => {
    applySettings(section?.cards?.globs, section?.profile?.progressThresholdBytes);
    // Which files are cards may have changed: lint every open document again.
    for (const document of documents.all()) lint(document);
  };
  const refreshSettings = async (): Promise<void> => {
    try {
      applySection((await connection.workspace.getConfiguration('mlguide')) as MlguideSettingsSection | null);
    } catch (error) {
      connection.console.warn(
        `mlguide: could not read settings: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  connection.onInitialize((params): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as MlguideInitializationOptions;
    applySettings(options.cardGlobs, options.progressThresholdBytes);
    pullSettings = params.capabilities.workspace?.configuration ?? false;
    registerForChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration ?? false;
    resolveSupported =
      params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    serverProgressSupported = params.capabilities.window?.workDoneProgress ?? false;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
      },
      serverInfo: { name: 'mlguide' },
    };
  });

  documents.onDidOpen((event) => lint(event.document));

  // Settings: pulled with workspace/configuration where the client can (VS Code), pushed in the
  // notification by clients that cannot (`{ settings: { mlguide: … } }`).
  connection.onInitialized(() => {
    if (registerForChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { mlguide?: MlguideSettingsSection } | null)?.mlguide;
    if (pushed) applySection(pushed);
    else if (pullSettings) void refreshSettings();
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    // Also fired on open, which onDidOpen has just linted: nothing new to lint then.
    if (findings.get(uri)?.version === event.document.version) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const document = documents.get(uri);
        if (document) lint(document);
      }, LINT_DELAY_MS),
    );
  });
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    findings.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const resolveFix = async (action: CodeAction, data: FixData, token?: CancellationToken): Promise<CodeAction> => {
    const document = documents.get(data.uri);
    const finding = findings.get(data.uri)?.findings[data.index];
    const file = uriToPath(data.uri);
    if (!document || document.version !== data.version || !finding?.fix || !file) return action;
    const text = document.getText();
    const counted = await countLinkedData(file, text, () => token?.isCancellationRequested ?? false);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const today = new Date().toISOString().slice(0, 10);
    const edit = insertSectionEdit(finding.fix, text.split(/\r?\n/), counted, today, eol);
    return { ...action, edit: { changes: { [data.uri]: [edit] } } };
  };

  connection.onCodeAction(async (params, token) => {
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!current || !document || current.version !== document.version) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const index = current.findings.findIndex((f) => matches(f, diagnostic));
      const finding = current.findings[index];
      if (!finding?.fix) continue;
      const data: FixData = { uri: document.uri, version: document.version, ruleId: finding.ruleId, index };
      const action: CodeAction = {
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        data,
      };
      // Counting the linked data reads files, so it waits for resolve when the client supports it.
      actions.push(resolveSupported ? action : await resolveFix(action, data, token));
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action, token) => {
    const data = action.data as FixData | undefined;
    return data ? resolveFix(action, data, token) : action;
  });

  // Parameters come from any LSP client: checked, not trusted.
  connection.onRequest(ProfileCsvMethod, async (params: Partial<ProfileCsvParams> | null, token: CancellationToken) => {
    const file = uriToPath(params?.uri);
    if (!params || !file) {
      return new ResponseError(
        ProfileCsvErrorCode.Unreadable,
        `mlguide/profileCsv: params.uri must be a file: URI, got ${JSON.stringify(params?.uri ?? null)}`,
      );
    }
    let progress: WorkDoneProgressReporter | undefined;
    try {
      // Small files finish before a progress notification would be worth showing.
      const size = await fs.stat(file).then(
        (stat) => stat.size,
        () => 0,
      );
      if (params.workDoneToken !== undefined) {
        progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
      } else if (size > progressThreshold && serverProgressSupported) {
        progress = await connection.window.createWorkDoneProgress();
      }
      progress?.begin(`Profiling ${path.basename(file)}`, 0, undefined, true);
      let lastPercent = 0;
      const result = await profileCsvFile(file, {
        ...(params.delimiter ? { delimiter: params.delimiter } : {}),
        isCancelled: () => token.isCancellationRequested,
        onProgress: (read, total) => {
          const percent = Math.floor((100 * read) / Math.max(total, 1));
          if (!progress || percent === lastPercent) return;
          lastPercent = percent;
          progress.report(percent, `${formatBytes(read)} of ${formatBytes(total)}`);
        },
      });
      const response: ProfileCsvResult = { ...result, uri: pathToFileURL(file).href };
      return response;
    } catch (error) {
      if (error instanceof CsvReadCancelled || token.isCancellationRequested) {
        return new ResponseError(LSPErrorCodes.RequestCancelled, error instanceof Error ? error.message : 'cancelled');
      }
      if (error instanceof CsvInputError) {
        const code = {
          unreadable: ProfileCsvErrorCode.Unreadable,
          empty: ProfileCsvErrorCode.Empty,
          binary: ProfileCsvErrorCode.Binary,
        }[error.problem];
        return new ResponseError(code, error.message);
      }
      throw error;
    } finally {
      progress?.done();
    }
  });

  documents.listen(connection);
  connection.listen();
}

function matches(finding: LintFinding, diagnostic: Diagnostic): boolean {
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character
  );
}

function uriToPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}
