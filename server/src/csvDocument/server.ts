/**
 * The language server's side of CSV and TSV documents open in the editor: their diagnostics
 * (computed in slices, newest version wins) and the CodeLens on the header line that starts the
 * Profile, Baseline and Evaluate commands. lintServer.ts hands CSV documents here.
 */
import * as path from 'node:path';
import {
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  type CodeLens,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from '../uri';
import { checkCsvDocument, type CsvDocumentFinding, type CsvDocumentOptions } from './diagnostics';

/** The commands of the CodeLens on a CSV document's header line; each takes the document's URI (a string). */
export const CSV_CODE_LENS_COMMANDS = [
  { title: 'Profile', command: 'mlguide.profileCsv' },
  { title: 'Baseline', command: 'mlguide.baseline' },
  { title: 'Evaluate', command: 'mlguide.evaluate' },
] as const;

/** The `mlguide.csv` section of the settings. */
export interface CsvSettings {
  /** `mlguide.csv.codeLens`: show Profile · Baseline · Evaluate above a CSV's header (default true). */
  codeLens?: boolean;
}

const SEVERITY: Record<CsvDocumentFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** A check of one version of a document; `cancelled` is set when a newer version or a close supersedes it. */
interface Run {
  version: number;
  cancelled: boolean;
}

/** An LSP diagnostic for a finding of {@link checkCsvDocument}. */
export function csvDiagnostic(finding: CsvDocumentFinding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'mlguide',
    code: finding.code,
    message: finding.message,
  };
}

/** CSV and TSV documents of one language server connection. */
export class CsvDocuments {
  private codeLensEnabled = true;
  private refreshSupported = false;
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly connection: Connection,
    /** Options of every check (tests shrink the slices or the size bound). */
    private readonly checkOptions: Omit<CsvDocumentOptions, 'delimiter' | 'isCancelled'> = {},
  ) {}

  /** Whether the client can be asked to fetch CodeLenses again (`workspace.codeLens.refreshSupport`). */
  setRefreshSupport(supported: boolean): void {
    this.refreshSupported = supported;
  }

  /**
   * The `mlguide.csv` settings (from initialization options or a settings change); anything but a
   * boolean `codeLens` leaves it as it was. Open editors drop or show their lenses at once.
   */
  setSettings(section: unknown): void {
    const codeLens = (section as { codeLens?: unknown } | null | undefined)?.codeLens;
    if (typeof codeLens !== 'boolean' || codeLens === this.codeLensEnabled) return;
    this.codeLensEnabled = codeLens;
    if (this.refreshSupported) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /** Whether a document is a CSV or TSV file: by its language, else by its extension. */
  isCsvDocument(document: Pick<TextDocument, 'uri' | 'languageId'>): boolean {
    if (document.languageId === 'csv' || document.languageId === 'tsv') return true;
    return /\.(?:csv|tsv)$/i.test(uriToPath(document.uri) ?? '');
  }

  /** Whether this version of the document is checked already or being checked (the change event after an open). */
  linted(uri: string, version: number): boolean {
    return this.runs.get(uri)?.version === version;
  }

  /**
   * Checks a document and publishes its diagnostics, unless a newer version (or a close) cancels
   * the check first; the check yields between slices of the text, so edits arrive meanwhile.
   */
  async lint(document: TextDocument): Promise<void> {
    const uri = document.uri;
    const previous = this.runs.get(uri);
    if (previous?.version === document.version) return;
    if (previous) previous.cancelled = true;
    const run: Run = { version: document.version, cancelled: false };
    this.runs.set(uri, run);
    const tsv = document.languageId === 'tsv' || path.extname(uriToPath(uri) ?? '').toLowerCase() === '.tsv';
    try {
      const checked = await checkCsvDocument(document.getText(), {
        ...this.checkOptions,
        ...(tsv ? { delimiter: '\t' } : {}),
        isCancelled: () => run.cancelled,
      });
      if (!checked || run.cancelled) return;
      await this.connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: checked.findings.map(csvDiagnostic),
      });
    } catch (error) {
      // A bug must not take the server down with it; the file is named so it can be reported.
      this.connection.console.error(
        `mlguide: could not check ${uriToPath(uri) ?? uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }

  /** A document changed: its running check is out of date, so it stops (the new version is checked after the pause in typing). */
  changed(uri: string, version: number): void {
    const run = this.runs.get(uri);
    if (run && run.version !== version) run.cancelled = true;
  }

  /** Forgets a closed document and stops its check. */
  close(uri: string): void {
    const run = this.runs.get(uri);
    if (run) run.cancelled = true;
    this.runs.delete(uri);
  }

  /** The CodeLens over a CSV document's header line (its first non-blank line); none when switched off or blank. */
  codeLenses(document: TextDocument | undefined): CodeLens[] {
    if (!document || !this.codeLensEnabled || !this.isCsvDocument(document)) return [];
    const line = headerLine(document.getText());
    if (line === undefined) return [];
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    return CSV_CODE_LENS_COMMANDS.map(({ title, command }) => ({
      range,
      command: { title, command, arguments: [document.uri] },
    }));
  }
}

/** Lines looked at for the header before the lens settles for the first line. */
const HEADER_SEARCH_LINES = 1000;

/** The 0-based line of the first non-blank line, or undefined for a blank text. */
function headerLine(text: string): number | undefined {
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let line = 0; line < HEADER_SEARCH_LINES; line++) {
    const match = breaks.exec(text);
    const end = match ? match.index : text.length;
    if (
      text
        .slice(start, end)
        .replace(/^\ufeff/, '')
        .trim() !== ''
    )
      return line;
    if (!match) return undefined;
    start = match.index + match[0].length;
  }
  return 0;
}
