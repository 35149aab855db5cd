import * as path from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerEngineRequests } from './engineRequests';
import { registerChecklistRequests } from './checklist/requests';
import { countLinkedData, insertSectionEdit } from './fixes';
import { DEFAULT_CARD_GLOBS, datasetCardKind, lintDatasetCard, type LintFinding } from './lint';
import { commentKindAt, disableRuleAction, fileDirectiveLine, suppressionComment } from './suppress';
import { CONFIG_NAMES, configFor, parseConfig, setOpenConfig, type RuleSeverity } from './config';
import { headingCompletions } from './completion';
import { headingHover } from './hover';
import { cardFileExists } from './huggingface/fileExists';
import { inMetadata, metadataCompletions } from './huggingface/metadataCompletion';
import { metadataHover } from './huggingface/metadataHover';
import { toDiagnostic } from './toDiagnostic';
import type { CardProfile } from './rules/types';
import { uriToPath } from './uri';
import { SplitDocuments } from './split/server';
import { CardDataPasses } from './cardData/dataPass';
import { parseDatasetCard } from './parse/datasetCard';
import { configuredDataFor } from './config';
import { CsvDocuments, type CsvSettings } from './csvDocument/server';

/**
 * The `mlguide.*` settings the server uses, sent by the client in `initializationOptions` and
 * again in `workspace/didChangeConfiguration` (`{ settings: { mlguide: … } }`) when they change.
 */
export interface MlguideInitializationOptions {
  cardGlobs?: string[];
  progressThresholdBytes?: number;
  /** Severity by rule id or alias: off | info | warning | error (setting `mlguide.rules`). */
  rules?: Record<string, string>;
  /** `mlguide.datasetDocs.*`: profiles, and the data each card describes. */
  datasetDocs?: { profiles?: string[]; data?: Record<string, string | string[]> };
  /** `mlguide.csv.*`: the CodeLens on CSV header lines. */
  csv?: CsvSettings;
}

/** The `mlguide` section of the settings, as VS Code's configuration sync sends it. */
interface MlguideSettingsSection {
  cards?: { globs?: unknown };
  profile?: { progressThresholdBytes?: unknown };
  rules?: unknown;
  datasetDocs?: { profiles?: unknown; data?: unknown };
  splits?: { globs?: unknown };
  csv?: unknown;
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
  // `profiles`: the configured ones, for hover and completion (absent: each card's defaults).
  const findings = new Map<
    string,
    { version: number; findings: LintFinding[]; kind?: 'markdown' | 'yaml'; profiles?: CardProfile[] }
  >();
  const pending = new Map<string, NodeJS.Timeout>();
  const splits = new SplitDocuments(connection);
  const csvDocuments = new CsvDocuments(connection);
  let cardGlobs: readonly string[] = DEFAULT_CARD_GLOBS;
  let progressThreshold = DEFAULT_PROGRESS_THRESHOLD;
  let resolveSupported = false;
  let serverProgressSupported = false;

  const lint = (document: TextDocument): void => {
    const file = uriToPath(document.uri);
    const text = document.getText();
    if (file && CONFIG_NAMES.includes(path.basename(file))) {
      // The project's .mlguide.yaml itself: its mistakes, where they are.
      const config = parseConfig(text, file);
      setOpenConfig(file, config);
      const { problems } = config;
      void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: problems.map((problem) => ({
          range: {
            start: { line: problem.line - 1, character: 0 },
            end: { line: problem.line - 1, character: Number.MAX_SAFE_INTEGER },
          },
          severity: DiagnosticSeverity.Warning,
          source: 'mlguide',
          code: 'config',
          message: problem.message,
        })),
      });
      // Cards already open may follow other severities now.
      for (const other of documents.all()) if (other.uri !== document.uri && findings.has(other.uri)) lintCard(other);
      for (const other of documents.all()) if (splits.linted(other.uri, other.version)) lint(other);
      return;
    }
    if (csvDocuments.isCsvDocument(document)) {
      // An open CSV or TSV file: its own problems, computed in slices (newest version wins).
      void csvDocuments.lint(document);
      return;
    }
    if (splits.isSplitDocument(document.uri)) {
      // Split configurations (MLS rules): the project's severities, then the user's setting.
      void splits.lint(document, { ...(file ? configFor(file).rules : {}), ...ruleSeverities });
      return;
    }
    lintCard(document);
  };

  /** Lints a card; `onlyIfChanged` (a data pass ended) publishes only findings that differ. */
  const lintCard = (document: TextDocument, onlyIfChanged = false): void => {
    const file = uriToPath(document.uri);
    const text = document.getText();
    const kind = file ? datasetCardKind(file, text, cardGlobs) : undefined;
    // The project's .mlguide.yaml, then the user's `mlguide.rules` setting on top.
    const config = file ? configFor(file) : undefined;
    const severities = { ...config?.rules, ...ruleSeverities };
    // The user's setting, else the project's, else each card's default.
    const profiles = settingProfiles ?? config?.profiles;
    // The data's facts from the cache (no I/O on a keystroke); missing ones are read by a
    // background pass, which lints the card again when it ends.
    const configured = file && config ? configuredDataFor(config, file) : undefined;
    const data =
      kind && file
        ? dataPasses.dataFor(document.uri, file, parseDatasetCard(text, kind), {
            ...(configured ? { configured } : {}),
            setting: settingData,
          })
        : undefined;
    const current = kind
      ? lintDatasetCard(text, kind, {
          severities,
          ...(file ? { file } : {}),
          ...(profiles ? { profiles: new Set(profiles) } : {}),
          ...(data ? { data } : {}),
          // Paths the metadata names (data_files, license_link) are looked up beside a saved card.
          ...(file ? { fileExists: cardFileExists(path.dirname(file)) } : {}),
        })
      : [];
    const previous = findings.get(document.uri);
    findings.set(document.uri, {
      version: document.version,
      findings: current,
      ...(kind ? { kind } : {}),
      ...(profiles ? { profiles } : {}),
    });
    if (current.length === 0 && (!previous || previous.findings.length === 0) && !kind) return;
    if (
      onlyIfChanged &&
      previous?.version === document.version &&
      JSON.stringify(previous.findings) === JSON.stringify(current)
    ) {
      return;
    }
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: current.map((finding) => toDiagnostic(finding)),
    });
  };

  const dataPasses = new CardDataPasses({
    factsChanged: (uri) => {
      const document = documents.get(uri);
      if (document) lintCard(document, true);
    },
    log: (message) => connection.console.log(message),
    beginProgress: async (title, totalBytes) => {
      if (totalBytes <= progressThreshold || !serverProgressSupported) return undefined;
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin(title, 0, undefined, false);
      return progress;
    },
  });

  // Settings come from any client: only well-formed values are taken.
  let ruleSeverities: Record<string, RuleSeverity> = {};
  /** `mlguide.datasetDocs.data`: card glob → data path(s) relative to the card. */
  let settingData: Record<string, string | string[]> = {};
  let settingProfiles: CardProfile[] | undefined;
  const applySettings = (globs: unknown, threshold: unknown, rules?: unknown, datasetDocs?: unknown): void => {
    if (Array.isArray(globs)) cardGlobs = globs.filter((g): g is string => typeof g === 'string');
    if (typeof threshold === 'number' && threshold >= 0) progressThreshold = threshold;
    if (typeof rules === 'object' && rules !== null) {
      // The same checks as a .mlguide.yaml's `rules:`, by way of its parser.
      ruleSeverities = parseConfig(JSON.stringify({ rules })).rules;
    }
    const profiles = (datasetDocs as { profiles?: unknown } | null | undefined)?.profiles;
    if (Array.isArray(profiles)) {
      // An empty list leaves the choice to the project's .mlguide.yaml and each card's default.
      const known = parseConfig(JSON.stringify({ profiles })).profiles ?? [];
      settingProfiles = known.length > 0 ? known : undefined;
    }
    const data = (datasetDocs as { data?: unknown } | null | undefined)?.data;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      settingData = Object.fromEntries(
        Object.entries(data).flatMap(([glob, paths]): [string, string | string[]][] =>
          typeof paths === 'string'
            ? [[glob, paths]]
            : Array.isArray(paths)
              ? [[glob, paths.filter((p): p is string => typeof p === 'string')]]
              : [],
        ),
      );
    }
  };

  let pullSettings = false;
  let registerForChanges = false;
  let watchData = false;
  const applySection = (section: MlguideSettingsSection | null | undefined): void => {
    applySettings(
      section?.cards?.globs,
      section?.profile?.progressThresholdBytes,
      section?.rules,
      section?.datasetDocs,
    );
    splits.setGlobs(section?.splits?.globs);
    csvDocuments.setSettings(section?.csv);
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
    applySettings(options.cardGlobs, options.progressThresholdBytes, options.rules, options.datasetDocs);
    pullSettings = params.capabilities.workspace?.configuration ?? false;
    registerForChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration ?? false;
    watchData = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
    resolveSupported =
      params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') ?? false;
    serverProgressSupported = params.capabilities.window?.workDoneProgress ?? false;
    splits.setWorkspaceRoots(params.workspaceFolders?.map((folder) => folder.uri) ?? []);
    csvDocuments.setSettings(options.csv);
    csvDocuments.setRefreshSupport(params.capabilities.workspace?.codeLens?.refreshSupport ?? false);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', ' '] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'mlguide' },
    };
  });

  documents.onDidOpen((event) => lint(event.document));

  // Settings: pulled with workspace/configuration where the client can (VS Code), pushed in the
  // notification by clients that cannot (`{ settings: { mlguide: … } }`).
  connection.onInitialized(() => {
    if (registerForChanges) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // A changed CSV re-lints the cards that describe it; nothing else re-reads data.
    if (watchData) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{csv,tsv}' }],
      });
    }
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { mlguide?: MlguideSettingsSection } | null)?.mlguide;
    if (pushed) applySection(pushed);
    else if (pullSettings) void refreshSettings();
  });
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    // Also fired on open, which onDidOpen has just linted: nothing new to lint then.
    if (
      findings.get(uri)?.version === event.document.version ||
      splits.linted(uri, event.document.version) ||
      csvDocuments.linted(uri, event.document.version)
    ) {
      return;
    }
    csvDocuments.changed(uri, event.document.version);
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
  connection.onDidChangeWatchedFiles((params) => {
    const files = params.changes.flatMap((change) => {
      const changed = uriToPath(change.uri);
      return changed ? [changed] : [];
    });
    if (files.length > 0) dataPasses.filesChanged(files);
    // Split configurations whose data appeared, changed or went away.
    for (const uri of splits.usingData(files)) {
      const document = documents.get(uri);
      if (document) lint(document);
    }
  });
  documents.onDidClose((event) => {
    dataPasses.forget(event.document.uri);
    const closed = uriToPath(event.document.uri);
    if (closed && CONFIG_NAMES.includes(path.basename(closed))) setOpenConfig(closed, undefined);
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    findings.delete(event.document.uri);
    splits.close(event.document.uri);
    csvDocuments.close(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const resolveFix = async (action: CodeAction, data: FixData, token?: CancellationToken): Promise<CodeAction> => {
    const document = documents.get(data.uri);
    const finding = findings.get(data.uri)?.findings[data.index];
    const file = uriToPath(data.uri);
    if (!document || document.version !== data.version || !finding?.fix || !file) return action;
    if (finding.fix.kind === 'edit') return { ...action, edit: { changes: { [data.uri]: finding.fix.edits } } };
    const text = document.getText();
    const counted = await countLinkedData(file, text, () => token?.isCancellationRequested ?? false, dataPasses.cache);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const today = new Date().toISOString().slice(0, 10);
    const edit = insertSectionEdit(finding.fix, text.split(/\r?\n/), counted, today, eol);
    return { ...action, edit: { changes: { [data.uri]: [edit] } } };
  };

  connection.onCodeAction(async (params, token) => {
    const splitDocument = documents.get(params.textDocument.uri);
    if (splitDocument && splits.isSplitDocument(splitDocument.uri)) return splits.codeActions(params, splitDocument);
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!current || !document || current.version !== document.version) return [];
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const lines = document.getText().split(/\r?\n/);
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    const kind = current.kind ?? 'markdown';
    for (const diagnostic of params.context.diagnostics) {
      const index = current.findings.findIndex((f) => matches(f, diagnostic));
      const finding = current.findings[index];
      if (!finding) continue;
      if (finding.fix) {
        const data: FixData = { uri: document.uri, version: document.version, ruleId: finding.ruleId, index };
        const action: CodeAction = {
          title: finding.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          data,
        };
        // Counting the linked data reads files, so it waits for resolve when the client supports it;
        // a rule's own edits are known already.
        fixes.push(
          finding.fix.kind === 'edit'
            ? { ...action, edit: { changes: { [document.uri]: finding.fix.edits } } }
            : resolveSupported
              ? action
              : await resolveFix(action, data, token),
        );
      }
      // Switching the rule off, for this line or the whole file, with a comment the card keeps.
      const fileLine = fileDirectiveLine(lines, kind);
      for (const [scope, line] of [
        ['next-line', finding.range.start.line],
        ['file', fileLine],
      ] as const) {
        // Nothing may go above a front matter's opening `---`: there only the file-wide switch.
        if (scope === 'next-line' && line === 0 && fileLine > 0) continue;
        const commentKind = scope === 'file' ? kind : commentKindAt(lines, kind, line);
        const comment = `${suppressionComment(commentKind, scope, finding.ruleId)}${eol}`;
        disables.push(disableRuleAction(document.uri, diagnostic, finding, scope, line, comment));
      }
    }
    // The fixes first: an editor offers the first (preferred) one at once.
    return [...fixes, ...disables];
  });

  connection.onHover((params) => {
    const splitDocument = documents.get(params.textDocument.uri);
    if (splitDocument && splits.isSplitDocument(splitDocument.uri)) return splits.hover(params, splitDocument);
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!document || current?.kind === undefined) return null;
    // YAML metadata (front matter, dataset.yaml) explains its keys; only Markdown bodies have headings.
    const text = document.getText();
    const hover = inMetadata(text, current.kind, params.position)
      ? metadataHover(text, current.kind, params.position)
      : current.kind === 'markdown'
        ? headingHover(
            text,
            params.position,
            current.profiles ? new Set(current.profiles) : undefined,
            uriToPath(document.uri),
          )
        : undefined;
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCompletion((params) => {
    const splitDocument = documents.get(params.textDocument.uri);
    if (splitDocument && splits.isSplitDocument(splitDocument.uri)) return splits.completion(params, splitDocument);
    const current = findings.get(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (!document || current?.kind === undefined) return [];
    const { line, character } = params.position;
    const text = document.getText();
    if (inMetadata(text, current.kind, params.position)) {
      return metadataCompletions(text, current.kind, params.position).map((c) => ({
        label: c.label,
        kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
        detail: c.detail,
        documentation: { kind: 'markdown' as const, value: c.documentation },
        sortText: c.sortText,
        textEdit: {
          range: { start: { line, character: c.replaceFrom }, end: { line, character } },
          newText: c.insertText,
        },
      }));
    }
    if (current.kind !== 'markdown') return [];
    const profiles = current.profiles ? new Set(current.profiles) : undefined;
    return headingCompletions(text, params.position, profiles, uriToPath(document.uri)).map((c) => ({
      label: c.label,
      kind: CompletionItemKind.Keyword,
      detail: c.detail,
      documentation: { kind: 'markdown' as const, value: c.documentation },
      sortText: c.sortText,
      filterText: c.insertText,
      textEdit: {
        range: { start: { line, character: c.replaceFrom }, end: { line, character } },
        newText: c.insertText,
      },
    }));
  });

  // Profile · Baseline · Evaluate over a CSV's header line (setting mlguide.csv.codeLens).
  connection.onCodeLens((params) => csvDocuments.codeLenses(documents.get(params.textDocument.uri)));

  connection.onCodeActionResolve(async (action, token) => {
    const data = action.data as FixData | undefined;
    return data ? resolveFix(action, data, token) : action;
  });

  registerEngineRequests(connection, {
    progressThreshold: () => progressThreshold,
    serverProgressSupported: () => serverProgressSupported,
  });
  registerChecklistRequests(connection);

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
