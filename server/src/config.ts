/**
 * `.mlguide.yaml`: the project's mlguide settings, shared by the editor and the CLI and kept in
 * git. Found by walking up from the linted file; the nearest one wins.
 *
 *   rules:
 *     MLG006: off              # id or alias; off | info | warning | error
 *     storage-format: error
 *   profiles: [book, datasheets] # book | datasheets | huggingface (default: book, + huggingface
 *                                # for cards with Hugging Face front matter)
 *   data:                      # the data a card describes, for the doc-against-data rules
 *     DATASET.md: data/churn.csv # card (path or glob, relative to this file) → file(s)
 *
 * The JSON Schema in schemas/mlguide-config.schema.json describes it for editors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { findRule } from './rules/registry';
import { CARD_PROFILES, type CardProfile } from './rules/types';

/** A rule's severity as a project or a user sets it. */
export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';
const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

/** The settings of one `.mlguide.yaml`, with what was wrong in it. */
export interface MlguideConfig {
  /** The file, when there is one. */
  file?: string;
  /** Severity by rule id. */
  rules: Record<string, RuleSeverity>;
  /** The profiles cards are linted with; absent: the default for each card. */
  profiles?: CardProfile[];
  /** Which data each card describes: cards matching `card` (absolute path or glob) → absolute paths. */
  data?: { card: string; files: string[] }[];
  /** Problems with the file, each with its 1-based line; the rest of the file still applies. */
  problems: { line: number; message: string }[];
}

export const CONFIG_NAMES = ['.mlguide.yaml', '.mlguide.yml'];
const CONFIG_KEYS = ['rules', 'profiles', 'data'];

/** The nearest `.mlguide.yaml` at or above `dir`, if any. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/** Parses a config's text; `file` is for messages. */
export function parseConfig(text: string, file?: string): MlguideConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const config: MlguideConfig = { ...(file ? { file } : {}), rules: {}, problems: [] };
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  for (const error of doc.errors) config.problems.push({ line: lineOf(error.pos[0]), message: error.message });
  if (doc.contents === null) return config;
  if (!isMap(doc.contents)) {
    config.problems.push({ line: 1, message: 'the file must be a mapping (key: value)' });
    return config;
  }
  const dir = file ? path.dirname(file) : process.cwd();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyLine = lineOf(isScalar(pair.key) ? pair.key.range[0] : undefined);
    const problem = (message: string, node?: unknown): void => {
      const offset = isNode(node) ? node.range?.[0] : undefined;
      config.problems.push({ line: offset === undefined ? keyLine : lineOf(offset), message });
    };
    if (key === 'rules') parseRules(pair.value, config, problem, lineOf);
    else if (key === 'profiles') parseProfiles(pair.value, config, problem);
    else if (key === 'data') parseData(pair.value, config, problem, dir);
    else problem(`unknown key "${key}"; known: ${CONFIG_KEYS.join(', ')}`);
  }
  return config;
}

const cache = new Map<string, { mtimeMs: number; size: number; config: MlguideConfig }>();
const open = new Map<string, MlguideConfig>();

/**
 * Uses `config` for `file` instead of what is on disk while the file is open in an editor (its
 * unsaved text applies at once); `undefined` goes back to the disk.
 */
export function setOpenConfig(file: string, config: MlguideConfig | undefined): void {
  if (config) open.set(file, config);
  else open.delete(file);
}

/** The config that applies to `filePath` (read again only when the file changed). */
export function configFor(filePath: string): MlguideConfig {
  const file = findConfigFile(path.dirname(filePath));
  if (!file) return { rules: {}, problems: [] };
  const editing = open.get(file);
  if (editing) return editing;
  try {
    const stat = statSync(file);
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
    const config = parseConfig(readFileSync(file, 'utf8'), file);
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, config });
    return config;
  } catch (error) {
    return {
      file,
      rules: {},
      problems: [{ line: 1, message: `cannot be read (${error instanceof Error ? error.message : String(error)})` }],
    };
  }
}

type Problem = (message: string, node?: unknown) => void;

function parseRules(value: unknown, config: MlguideConfig, problem: Problem, lineOf: (o?: number) => number): void {
  if (!isMap(value)) {
    problem('rules must map rule ids to off | info | warning | error');
    return;
  }
  for (const rule of value.items) {
    const name = isScalar(rule.key) ? String(rule.key.value) : '';
    const line = lineOf(isScalar(rule.key) ? rule.key.range?.[0] : undefined);
    const found = findRule(name);
    const severity = isScalar(rule.value) ? String(rule.value.value) : '';
    if (!found) config.problems.push({ line, message: `unknown rule "${name}"` });
    else if (!(SEVERITIES as readonly string[]).includes(severity)) {
      config.problems.push({
        line,
        message: `${name}: severity must be one of ${SEVERITIES.join(', ')}, not "${severity}"`,
      });
    } else config.rules[found.id] = severity as RuleSeverity;
  }
}

function parseProfiles(value: unknown, config: MlguideConfig, problem: Problem): void {
  const items = isSeq(value) ? value.items : isScalar(value) ? [value] : undefined;
  if (!items) {
    problem(`profiles must be a list of ${CARD_PROFILES.join(', ')}`);
    return;
  }
  const profiles: CardProfile[] = [];
  for (const item of items) {
    const name = isScalar(item) ? String(item.value) : '';
    if ((CARD_PROFILES as readonly string[]).includes(name)) profiles.push(name as CardProfile);
    else problem(`unknown profile "${name}"; known: ${CARD_PROFILES.join(', ')}`, item);
  }
  config.profiles = profiles;
}

function parseData(value: unknown, config: MlguideConfig, problem: Problem, dir: string): void {
  const paths = (node: unknown): string[] | undefined => {
    const items = isSeq(node) ? node.items : isScalar(node) ? [node] : undefined;
    if (!items) return undefined;
    const found: string[] = [];
    for (const item of items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') {
        found.push(path.resolve(dir, item.value));
      } else problem('data paths must be non-empty strings', item);
    }
    return found;
  };
  if (!isMap(value)) {
    // A path or a list of paths: the data of every card under this config.
    const files = paths(value);
    if (files) config.data = [{ card: path.join(dir, '**'), files }];
    else problem('data must map a card to its data file(s), or list data files');
    return;
  }
  config.data = [];
  for (const pair of value.items) {
    const card = isScalar(pair.key) ? String(pair.key.value) : '';
    const files = paths(pair.value);
    if (!card || !files) problem(`data: "${card}" must map to a data file or a list of them`, pair.key);
    else config.data.push({ card: path.resolve(dir, card), files });
  }
}

/**
 * The data files a card describes according to `config` (absolute paths), or `undefined` when the
 * config says nothing about this card.
 */
export function configuredDataFor(config: MlguideConfig, cardPath: string): string[] | undefined {
  const card = path.resolve(cardPath).split(path.sep).join('/');
  const matching = (config.data ?? []).filter((entry) =>
    minimatch(card, entry.card.split(path.sep).join('/'), { dot: true, nocase: process.platform !== 'linux' }),
  );
  return matching.length > 0 ? matching.flatMap((entry) => entry.files) : undefined;
}
