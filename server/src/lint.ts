import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Minimatch } from 'minimatch';
import { parseDocument, isMap, isScalar } from 'yaml';
import { parseDatasetCard, type DatasetCard } from './parse/datasetCard';
import type { TextRange } from './parse/text';
import { cardRules } from './rules/registry';
import { isSuppressed, parseSuppressions } from './suppress';
import type { RuleSeverity } from './config';
import type { CardProfile, RuleContext, RuleFix, Severity } from './rules/types';

/** Default globs of dataset-card files (setting `mlguide.cards.globs`). */
export const DEFAULT_CARD_GLOBS: readonly string[] = [
  '**/DATASET.md',
  '**/DATASHEET.md',
  '**/*.datacard.md',
  '**/dataset_card.md',
  '**/dataset.yaml',
  '**/dataset.yml',
];

/** Front-matter keys that make any Markdown file a (Hugging Face style) dataset card. */
const DATASET_METADATA_KEYS = ['task_categories', 'size_categories', 'configs', 'dataset_info'];

/** Front-matter keys of the Hugging Face dataset card metadata that turn its profile on by default. */
const HUGGING_FACE_KEYS = [
  ...DATASET_METADATA_KEYS,
  'license',
  'language',
  'task_ids',
  'annotations_creators',
  'language_creators',
  'multilinguality',
  'source_datasets',
  'pretty_name',
];

/** One problem, as both the language server and the CLI report it. */
export interface LintFinding {
  ruleId: string;
  alias: string;
  severity: Severity;
  message: string;
  range: TextRange;
  docsUrl: string;
  fix?: RuleFix;
}

/** Whether a file is a dataset card, and of which kind; `undefined` when it is not one. */
export function datasetCardKind(
  filePath: string,
  text: string,
  globs: readonly string[] = DEFAULT_CARD_GLOBS,
): 'markdown' | 'yaml' | undefined {
  const normalized = filePath.split(path.sep).join('/');
  const yaml = /\.ya?ml$/i.test(normalized);
  if (globs.some((glob) => globMatcher(glob).match(normalized))) {
    return yaml ? 'yaml' : 'markdown';
  }
  if (/\.(?:md|markdown)$/i.test(normalized) && hasDatasetFrontMatter(text)) return 'markdown';
  return undefined;
}

/**
 * Front matter already judged, by its text: a Hugging Face card is a `README.md` found by its
 * front matter, which is asked on every keystroke and rarely changes while the body is typed.
 */
const frontMatterVerdicts = new Map<string, boolean>();

/** Compiled card globs: compiling one costs more than matching it, and every keystroke matches. */
const globMatchers = new Map<string, Minimatch>();
function globMatcher(glob: string): Minimatch {
  let matcher = globMatchers.get(glob);
  if (!matcher) {
    if (globMatchers.size >= 256) globMatchers.clear();
    matcher = new Minimatch(glob, { nocase: true, dot: true });
    globMatchers.set(glob, matcher);
  }
  return matcher;
}

function hasDatasetFrontMatter(text: string): boolean {
  const match = /^\ufeff?---(?:\r\n?|\n)([\s\S]*?)(?:\r\n?|\n)(?:---|\.\.\.)[^\S\r\n]*(?:\r|\n|$)/.exec(text);
  if (!match) return false;
  const frontMatter = match[1] ?? '';
  const known = frontMatterVerdicts.get(frontMatter);
  if (known !== undefined) return known;
  const doc = parseDocument(frontMatter.replace(/\r\n?/g, '\n'));
  const verdict =
    isMap(doc.contents) &&
    doc.contents.items.some((pair) => isScalar(pair.key) && DATASET_METADATA_KEYS.includes(String(pair.key.value)));
  if (frontMatter.length <= 1 << 20) {
    if (frontMatterVerdicts.size >= 64) frontMatterVerdicts.clear();
    frontMatterVerdicts.set(frontMatter, verdict);
  }
  return verdict;
}

/** What a lint run knows besides the text: severities, profiles, the linked data's facts. */
export interface LintOptions extends Partial<RuleContext> {
  /** Severity by rule id; `off` rules are not run. */
  severities?: Readonly<Record<string, RuleSeverity>>;
  /** The card's path: its name chooses default profiles (`DATASHEET.md` is a datasheet). */
  file?: string;
}

/** A card named for Datasheets for Datasets. */
const DATASHEET_FILE = /(?:^|[\\/])datasheet\.md$/i;

/**
 * The profiles a card is linted with when none are configured: the book's; plus Datasheets for
 * Datasets' for a `DATASHEET.md`; plus Hugging Face's when the card carries Hugging Face metadata
 * in its front matter.
 */
export function defaultProfiles(card: DatasetCard, file?: string): CardProfile[] {
  const metadata = card.metadata?.contents;
  const huggingFace =
    card.kind === 'markdown' &&
    isMap(metadata) &&
    metadata.items.some((pair) => isScalar(pair.key) && HUGGING_FACE_KEYS.includes(String(pair.key.value)));
  const profiles: CardProfile[] = ['book'];
  if (file !== undefined && DATASHEET_FILE.test(file)) profiles.push('datasheets');
  if (huggingFace) profiles.push('huggingface');
  return profiles;
}

/** Runs every active dataset-card rule over a card's text, at the configured severities. */
export function lintDatasetCard(text: string, kind: 'markdown' | 'yaml', options: LintOptions = {}): LintFinding[] {
  const card = parseDatasetCard(text, kind);
  const { severities = {}, profiles, file, ...rest } = options;
  const off = new Set(Object.keys(severities).filter((id) => severities[id] === 'off'));
  const context: RuleContext = { ...rest, profiles: profiles ?? new Set(defaultProfiles(card, file)), off };
  const suppressions = parseSuppressions(card.lines, kind, text);
  const active = cardRules.filter(
    (rule) => severities[rule.id] !== 'off' && rule.profiles.some((profile) => context.profiles.has(profile)),
  );
  return active.flatMap((rule) =>
    rule
      .check(card, context)
      .filter((finding) => !isSuppressed(suppressions, rule.id, finding.range.start.line))
      .map((finding) => ({
        ruleId: rule.id,
        alias: rule.alias,
        severity: severityOf(severities[rule.id]) ?? rule.defaultSeverity,
        message: finding.message,
        range: finding.range,
        docsUrl: ruleDocsUrl(rule.id),
        ...(finding.fix ? { fix: finding.fix } : {}),
      })),
  );
}

/** A configured severity as a finding's; `off` rules are not run at all. */
function severityOf(configured: RuleSeverity | undefined): Severity | undefined {
  return configured === undefined || configured === 'off'
    ? undefined
    : configured === 'info'
      ? 'information'
      : configured;
}

let docsRoot: string | undefined;
/** Each rule's page URL, made once: a card with many findings asks for the same few on every keystroke. */
const docsUrls = new Map<string, string>();

/**
 * The page that explains a rule: `docs/rules/<id>.md` shipped with mlguide, as a `file:` URL so
 * it opens offline in any editor. Found by walking up from this module (bundled or not).
 */
export function ruleDocsUrl(ruleId: string): string {
  const known = docsUrls.get(ruleId);
  if (known !== undefined) return known;
  if (docsRoot === undefined) {
    let dir = __dirname;
    while (!existsSync(path.join(dir, 'docs', 'rules')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    docsRoot = path.join(dir, 'docs', 'rules');
  }
  const url = pathToFileURL(path.join(docsRoot, `${ruleId}.md`)).href;
  // Rule ids come from the registries (a few hundred at most); anything else is not kept.
  if (docsUrls.size < 1024) docsUrls.set(ruleId, url);
  return url;
}
