/**
 * The language server's side of split configurations: which open documents are split files, their
 * diagnostics (published after the data facts are read, newest edit wins), quick fixes and
 * suppression comments, hover and completion. lintServer.ts hands split documents here and keeps
 * its card paths as they were.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  CompletionItemKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleSeverity } from '../config';
import type { LintFinding } from '../lint';
import { disableRuleAction, suppressionComment } from '../suppress';
import { toDiagnostic } from '../toDiagnostic';
import { uriToPath } from '../uri';
import { formatLeakageSummary } from '../../../core/src/leakage/summary';
import type { LeakageReport } from '../../../core/src/leakage/types';
import { CheckSplitMethod, type CheckSplitParams, type CheckSplitResult } from '../../../core/src/protocol/checkSplit';
import { CsvInputError, CsvReadCancelled } from '../engine/readCsv';
import { splitCompletions, splitHover } from './editor';
import { insideRoots, readSplitFacts } from './facts';
import { isLeakageReport, runSplitLeakage, splitOutputFiles } from './leakage';
import { isSplitConfigFile, lintParsedSplitConfig } from './lint';
import { DEFAULT_SPLIT_GLOBS, parseSplitConfig, splitConfigFormat } from './parse';

interface SplitState {
  version: number;
  /** The data files (absolute) the lint read or looked for. */
  dataFiles: string[];
  findings: LintFinding[];
  format: 'yaml' | 'json';
  /** The header of the first readable data file, for completion of column names. */
  columns: string[];
  /** The text linted, for `mlguide/checkSplit` on this document. */
  text: string;
}

/** Split configuration documents of one language server connection. */
export class SplitDocuments {
  private globs: readonly string[] = DEFAULT_SPLIT_GLOBS;
  private roots: string[] = [];
  private readonly states = new Map<string, SplitState>();
  /** The latest lint started per document; an older one finishing later publishes nothing. */
  private readonly latest = new Map<string, number>();
  private sequence = 0;
  /** The version each document was last linted at (set when the lint starts). */
  private readonly versions = new Map<string, number>();

  constructor(private readonly connection: Connection) {
    connection.onRequest(CheckSplitMethod, (params: Partial<CheckSplitParams> | null, token: CancellationToken) =>
      this.checkSplit(params, token),
    );
  }

  /** The `mlguide.splits.globs` setting; ignored unless it is a list of strings. */
  setGlobs(globs: unknown): void {
    if (!Array.isArray(globs)) return;
    this.globs = globs.filter((g): g is string => typeof g === 'string');
    // Documents that are no longer split files lose their split diagnostics.
    for (const uri of [...this.states.keys()]) {
      if (this.isSplitDocument(uri)) continue;
      const had = (this.states.get(uri)?.findings.length ?? 0) > 0;
      this.close(uri);
      if (had) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** The workspace folders (from `initialize`): data and outputs outside them are refused. */
  setWorkspaceRoots(uris: readonly string[]): void {
    this.roots = uris.flatMap((uri) => uriToPath(uri) ?? []);
  }

  /** Whether a document is a split configuration, by its path and the globs. */
  isSplitDocument(uri: string): boolean {
    const file = uriToPath(uri);
    return file !== undefined && isSplitConfigFile(file, this.globs);
  }

  /** Whether this version of the document was linted already (the change event that follows an open). */
  linted(uri: string, version: number): boolean {
    return this.versions.get(uri) === version;
  }

  /** Split documents linted so far. */
  uris(): string[] {
    return [...this.states.keys()];
  }

  /** Lints a split document and publishes its diagnostics, once the data facts are read. */
  async lint(document: TextDocument, severities: Readonly<Record<string, RuleSeverity>>): Promise<void> {
    const file = uriToPath(document.uri);
    if (!file) return;
    const run = ++this.sequence;
    this.latest.set(document.uri, run);
    const version = document.version;
    this.versions.set(document.uri, version);
    const format = splitConfigFormat(file);
    const parsed = parseSplitConfig(document.getText(), format);
    const dir = path.dirname(file);
    const data = await readSplitFacts(parsed, dir, {
      isAllowed: (target) => insideRoots(target, this.roots),
      isCancelled: () => this.latest.get(document.uri) !== run,
    });
    if (this.latest.get(document.uri) !== run) return;
    const isAllowed = (target: string): boolean => insideRoots(target, this.roots);
    // The split files are watched too: a changed train or test file re-lints this document.
    const outputs = (await splitOutputFiles(parsed, dir, isAllowed)).map((f) => f.file);
    // The data-backed checks: from the cache at once when the split files are unchanged, else
    // the static findings go out first and the checks follow in the background.
    const cached = await runSplitLeakage(parsed, dir, { isAllowed, data, cachedOnly: true }).catch(() => undefined);
    const leakage = cached && isLeakageReport(cached) ? cached : undefined;
    const publish = async (report: LeakageReport | undefined): Promise<void> => {
      const findings = lintParsedSplitConfig(parsed, {
        severities,
        dir,
        workspaceRoots: this.roots,
        fileExists: existsSync,
        data,
        ...(report ? { leakage: report } : {}),
      });
      const previous = this.states.get(document.uri);
      const columns = [...data.values()].find((facts) => facts.header)?.header ?? [];
      const dataFiles = [...[...data.values()].map((facts) => facts.file), ...outputs];
      this.states.set(document.uri, { version, dataFiles, findings, format, columns, text: document.getText() });
      // Like cards: a clean file that never had diagnostics gets no message.
      if (findings.length === 0 && (!previous || previous.findings.length === 0)) return;
      await this.connection.sendDiagnostics({
        uri: document.uri,
        version,
        diagnostics: findings.map((finding) => toDiagnostic(finding)),
      });
    };
    await publish(leakage);
    if (leakage || outputs.length < 2 || cached === undefined) return;
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(`Checking ${path.basename(file)} for leakage`, 0, undefined, false);
    try {
      const result = await runSplitLeakage(parsed, dir, {
        isAllowed,
        data,
        isCancelled: () => this.latest.get(document.uri) !== run,
        onProgress: (read, total) => progress.report(Math.min(100, Math.floor((100 * read) / Math.max(1, total)))),
      });
      if (this.latest.get(document.uri) !== run || !isLeakageReport(result)) return;
      await publish(result);
    } catch (error) {
      // A newer lint took over, or a split file is unreadable: the static findings stand, and
      // the command says what went wrong with the file. Anything else is logged, never thrown:
      // this runs in the background, where a rejection would have no one to catch it.
      if (!(error instanceof CsvReadCancelled) && !(error instanceof CsvInputError)) {
        this.connection.console.error(
          `mlguide: leakage checks of ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    } finally {
      progress.done();
    }
  }

  /** `mlguide/checkSplit`: every data-backed check on a split file, with its summary. */
  private async checkSplit(
    params: Partial<CheckSplitParams> | null,
    token: CancellationToken,
  ): Promise<CheckSplitResult | ResponseError> {
    const file = uriToPath(params?.uri);
    if (!params?.uri || !file || !this.isSplitDocument(params.uri)) {
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `${CheckSplitMethod}: params.uri must be the file: URI of a split configuration, got ${JSON.stringify(params?.uri ?? null)}`,
      );
    }
    const uri = params.uri;
    let text = this.states.get(uri)?.text;
    if (text === undefined) {
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        return new ResponseError(ErrorCodes.InvalidParams, `${file}: cannot be read (${String(error)})`);
      }
    }
    const parsed = parseSplitConfig(text, splitConfigFormat(file));
    const dir = path.dirname(file);
    const isAllowed = (target: string): boolean => insideRoots(target, this.roots);
    const workDoneToken = params.workDoneToken;
    const progress =
      typeof workDoneToken === 'string' || typeof workDoneToken === 'number'
        ? this.connection.window.attachWorkDoneProgress(workDoneToken)
        : await this.connection.window.createWorkDoneProgress();
    progress.begin(`Checking ${path.basename(file)} for leakage`, 0, undefined, true);
    const started = Date.now();
    try {
      const data = await readSplitFacts(parsed, dir, { isAllowed, isCancelled: () => token.isCancellationRequested });
      const result = await runSplitLeakage(parsed, dir, {
        isAllowed,
        data,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (read, total) => progress.report(Math.min(100, Math.floor((100 * read) / Math.max(1, total)))),
      });
      const seconds = (Date.now() - started) / 1000;
      if (!isLeakageReport(result)) {
        return {
          uri,
          skipped: result.skipped,
          summary: `mlguide: leakage checks of ${file}
  not run: ${result.skipped}
`,
          seconds,
        };
      }
      return { uri, report: result, summary: formatLeakageSummary(result, file, seconds), seconds };
    } catch (error) {
      if (error instanceof CsvReadCancelled || token.isCancellationRequested) {
        return new ResponseError(LSPErrorCodes.RequestCancelled, `${CheckSplitMethod}: cancelled`);
      }
      if (error instanceof CsvInputError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    } finally {
      progress.done();
    }
  }

  /** The split documents that read or looked for one of `files` (created, changed or deleted on disk). */
  usingData(files: readonly string[]): string[] {
    const changed = new Set(files.map((file) => path.resolve(file)));
    return [...this.states.entries()]
      .filter(([, state]) => state.dataFiles.some((file) => changed.has(file)))
      .map(([uri]) => uri);
  }

  /** Forgets a closed document (lintServer clears its diagnostics). */
  close(uri: string): void {
    this.states.delete(uri);
    this.latest.delete(uri);
    this.versions.delete(uri);
  }

  /** Quick fixes of the diagnostics in the request, then comments that disable a rule (YAML only). */
  codeActions(params: CodeActionParams, document: TextDocument): CodeAction[] {
    const state = this.states.get(params.textDocument.uri);
    if (!state || state.version !== document.version) return [];
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
    for (const diagnostic of params.context.diagnostics) {
      const finding = state.findings.find((f) => matches(f, diagnostic));
      if (!finding) continue;
      if (finding.fix?.kind === 'edit') {
        fixes.push({
          title: finding.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: finding.fix.edits } },
        });
      }
      if (state.format !== 'yaml') continue;
      for (const [scope, line] of [
        ['next-line', finding.range.start.line],
        ['file', 0],
      ] as const) {
        // A line's directive goes above it at its indentation, so the YAML keeps its structure.
        const indent =
          scope === 'next-line'
            ? (/^\s*/.exec(document.getText({ start: { line, character: 0 }, end: { line, character: 200 } }))?.[0] ??
              '')
            : '';
        const comment = `${indent}${suppressionComment('yaml', scope, finding.ruleId)}${eol}`;
        disables.push(disableRuleAction(document.uri, diagnostic, finding, scope, line, comment));
      }
    }
    return [...fixes, ...disables];
  }

  hover(params: HoverParams, document: TextDocument): Hover | null {
    const file = uriToPath(document.uri);
    if (!file) return null;
    const hover = splitHover(document.getText(), splitConfigFormat(file), params.position);
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  }

  completion(params: CompletionParams, document: TextDocument): CompletionItem[] {
    const file = uriToPath(document.uri);
    if (!file) return [];
    const columns = this.states.get(document.uri)?.columns ?? [];
    const { line, character } = params.position;
    return splitCompletions(document.getText(), splitConfigFormat(file), params.position, columns).map((c) => ({
      label: c.label,
      kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
      detail: c.detail,
      documentation: { kind: 'markdown' as const, value: c.documentation },
      sortText: c.sortText,
      filterText: c.insertText,
      textEdit: {
        range: { start: { line, character: c.replaceFrom }, end: { line, character } },
        newText: c.insertText,
      },
    }));
  }
}

function matches(finding: LintFinding, diagnostic: Diagnostic): boolean {
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character
  );
}
