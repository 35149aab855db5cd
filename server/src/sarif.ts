/**
 * `mlguide lint --format sarif`: the findings as a SARIF 2.1.0 log, the format GitHub code scanning
 * (and other SARIF viewers) read. Pure: the CLI reads the files, the docs pages and the package
 * metadata, and this module only arranges them.
 *
 * Mapping, in short: one run; `tool.driver.rules` holds every card rule (id, alias as `name`,
 * description, the docs page as `help` and, when a public base URL is known, `helpUri`); each
 * finding is a result pointing at its rule by id and index, with a 1-based region in UTF-16 code
 * units (the unit of LSP and of the ranges rules report). Paths are relative to the run's root
 * (`%SRCROOT%`, the working folder); inputs that could not be linted and problems in
 * `.mlguide.yaml` are notifications of the run's one invocation.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintFinding } from './lint';
import type { CardRule, Severity } from './rules/types';

/** The SARIF version written, and the schema it follows. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The `uriBaseId` result locations are relative to: the folder `mlguide lint` ran in. */
export const SARIF_ROOT_ID = '%SRCROOT%';

/** One linted file: its absolute path, its text (for fingerprints) and its findings. */
export interface SarifFileResult {
  file: string;
  text?: string;
  findings: readonly LintFinding[];
}

/** Something about the run that is not a finding: an unreadable input, a config mistake. */
export interface SarifNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  /** Absolute path of the file the notification is about. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
}

/** Everything a SARIF log is made of; see {@link toSarif}. */
export interface SarifInput {
  /** The run's root folder (absolute): result paths are relative to it. */
  rootDir: string;
  results: readonly SarifFileResult[];
  /** The rules that could report (all registered card rules), in the order `ruleIndex` counts. */
  rules: readonly CardRule[];
  tool: {
    version: string;
    /** Where to read about mlguide (`tool.driver.informationUri`); absolute URI. */
    informationUri?: string;
    /**
     * Public base URL of the rule pages (`https://…/docs/rules`): `helpUri` is `<base>/<ID>.md`.
     * Without it a rule has no `helpUri` (a local `file:` URL means nothing to a code-scanning
     * service), only its page's text in `help` and the `file:` URL in `properties.docsUrl`.
     */
    rulesBaseUrl?: string;
  };
  /** A rule's docs page (Markdown), when the caller could read it. */
  ruleHelp?: (ruleId: string) => string | undefined;
  /** The `file:` URL of a rule's docs page. */
  ruleDocsUrl: (ruleId: string) => string;
  /** Inputs that could not be linted (unreadable, binary): the run did not fully succeed. */
  executionNotifications?: readonly SarifNotification[];
  /** Problems in the configuration (`.mlguide.yaml`); the run still succeeded. */
  configurationNotifications?: readonly SarifNotification[];
  /** Whether every input was linted. */
  executionSuccessful: boolean;
  exitCode?: number;
  /** The command line as given, for `invocations[].commandLine`. */
  commandLine?: string;
}

/** A SARIF log; typed only as deep as this module writes it. */
export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: SarifRun[];
}

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
}

/** `reportingDescriptor`: one rule. */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help?: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; profiles: string[]; docsUrl: string };
}

/** `result`: one finding. */
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  properties?: { alias: string };
}

interface SarifNotificationObject {
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
}

/** `run`: the one run of `mlguide lint`. */
export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion?: string;
      informationUri?: string;
      rules: SarifRule[];
    };
  };
  originalUriBaseIds: Record<string, { uri: string }>;
  artifacts: { location: SarifArtifactLocation; roles: ['analysisTarget'] }[];
  results: SarifResult[];
  invocations: {
    executionSuccessful: boolean;
    exitCode?: number;
    commandLine?: string;
    workingDirectory: { uri: string };
    toolExecutionNotifications: SarifNotificationObject[];
    toolConfigurationNotifications: SarifNotificationObject[];
  }[];
  columnKind: 'utf16CodeUnits';
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A finding's severity as a SARIF level: `information` and `hint` are SARIF's `note`. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A folder's `file:` URL with the trailing slash SARIF requires of a base URI. */
function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Where a file is, for SARIF: relative to the root (`uriBaseId`) when it is under it, so the log
 * means the same in any checkout; else its absolute `file:` URL.
 */
export function artifactLocation(rootDir: string, file: string): SarifArtifactLocation {
  const relative = path.relative(rootDir, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(file).href };
  }
  // Each segment percent-encoded (spaces, `#`, `%`…), joined with `/` whatever the OS.
  const uri = relative.split(path.sep).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SARIF_ROOT_ID };
}

/** The first paragraph of a docs page after its title, as plain text ("**The card states…**"). */
function firstParagraph(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && (/^#/.test(lines[i] ?? '') || (lines[i] ?? '').trim() === '')) i++;
  const paragraph: string[] = [];
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) paragraph.push((lines[i] ?? '').trim());
  const text = paragraph
    .join(' ')
    .replace(/\*\*|__|`/g, '')
    .trim();
  return text === '' ? undefined : text;
}

function ruleDescriptor(rule: CardRule, input: SarifInput): SarifRule {
  const page = input.ruleHelp?.(rule.id);
  const full = (page && firstParagraph(page)) ?? rule.description;
  const base = input.tool.rulesBaseUrl?.replace(/\/+$/, '');
  return {
    id: rule.id,
    name: rule.alias,
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    ...(page ? { help: { text: page, markdown: page } } : {}),
    ...(base ? { helpUri: `${base}/${rule.id}.md` } : {}),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: [...rule.tags], profiles: [...rule.profiles], docsUrl: input.ruleDocsUrl(rule.id) },
  };
}

/**
 * A fingerprint that survives edits elsewhere in the card: the rule, the file, the text of the
 * finding's line (whitespace-trimmed) and which occurrence of that triple it is. GitHub uses it to
 * follow an alert across commits.
 */
function fingerprint(ruleId: string, uri: string, lineText: string, occurrence: number): string {
  const hash = createHash('sha256').update(`${ruleId}\0${uri}\0${lineText.trim()}`).digest('hex').slice(0, 32);
  return `${hash}:${occurrence}`;
}

function notification(rootDir: string, note: SarifNotification): SarifNotificationObject {
  return {
    level: note.level,
    message: { text: note.message },
    ...(note.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(rootDir, note.file),
                ...(note.line !== undefined ? { region: { startLine: Math.max(1, note.line) } } : {}),
              },
            },
          ],
        }
      : {}),
  };
}

/** The SARIF 2.1.0 log of a lint run. */
export function toSarif(input: SarifInput): SarifLog {
  const { rootDir } = input;
  const rules = input.rules.map((rule) => ruleDescriptor(rule, input));
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const artifacts = input.results.map((r) => ({
    location: artifactLocation(rootDir, r.file),
    roles: ['analysisTarget'] as ['analysisTarget'],
  }));
  const results: SarifResult[] = [];
  input.results.forEach((fileResult, artifactIndex) => {
    const location = artifactLocation(rootDir, fileResult.file);
    const lines = fileResult.text?.split(/\r?\n/);
    const seen = new Map<string, number>();
    for (const finding of fileResult.findings) {
      const { start, end } = finding.range;
      const region: SarifRegion = {
        startLine: start.line + 1,
        startColumn: start.character + 1,
        endLine: Math.max(end.line, start.line) + 1,
        // SARIF's endColumn is exclusive, like the finding's end character.
        endColumn: (end.line > start.line ? end.character : Math.max(end.character, start.character)) + 1,
      };
      let partialFingerprints: Record<string, string> | undefined;
      if (lines) {
        const lineText = lines[start.line] ?? '';
        const key = `${finding.ruleId}\0${lineText.trim()}`;
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        partialFingerprints = { 'mlguideLineHash/v1': fingerprint(finding.ruleId, location.uri, lineText, occurrence) };
      }
      const index = ruleIndex.get(finding.ruleId);
      results.push({
        ruleId: finding.ruleId,
        // A finding of a rule the log does not list (none today) still names its rule by id.
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: sarifLevel(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region } }],
        ...(partialFingerprints ? { partialFingerprints } : {}),
        properties: { alias: finding.alias },
      });
    }
  });
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'mlguide',
            version: input.tool.version,
            ...(/^\d+\.\d+\.\d+/.test(input.tool.version) ? { semanticVersion: input.tool.version } : {}),
            ...(input.tool.informationUri ? { informationUri: input.tool.informationUri } : {}),
            rules,
          },
        },
        originalUriBaseIds: { [SARIF_ROOT_ID]: { uri: folderUri(rootDir) } },
        artifacts,
        results,
        invocations: [
          {
            executionSuccessful: input.executionSuccessful,
            ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
            ...(input.commandLine !== undefined ? { commandLine: input.commandLine } : {}),
            workingDirectory: { uri: folderUri(rootDir) },
            toolExecutionNotifications: (input.executionNotifications ?? []).map((n) => notification(rootDir, n)),
            toolConfigurationNotifications: (input.configurationNotifications ?? []).map((n) =>
              notification(rootDir, n),
            ),
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
