// Which data files a card describes: relative links to CSV/TSV files in its body, Hugging Face
// `configs[].data_files` (string, list, `{split, path}`, globs), and the data the project's
// `.mlguide.yaml` or the `mlguide.datasetDocs.data` setting assigns to it. Two steps, so the
// keystroke path stays free of I/O: `dataInputs` reads only the card's text; `expandInputs`
// expands globs on disk, and runs only when the inputs changed.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DatasetCard } from '../parse/datasetCard';
import { metadataAt } from '../rules/requiredSection';
import type { DataReference, DataSource } from './types';

/** One place a card's data is named: a path or glob (absolute), with its split when known. */
export interface DataInput {
  reference: string;
  /** Absolute path or glob, with forward slashes. */
  pattern: string;
  split?: string;
  source: DataSource;
}

/** Data assigned to a card outside its text. */
export interface DataAssignments {
  /** Absolute paths from the project's `.mlguide.yaml` (`configuredDataFor`). */
  configured?: readonly string[];
  /**
   * The `mlguide.datasetDocs.data` setting: a glob of card files → path(s) relative to the card.
   * A glob without a `/` matches the card's file name; any other matches the end of its path (or
   * the whole path, when absolute).
   */
  setting?: Readonly<Record<string, string | readonly string[]>>;
}

const DATA_FILE = /\.(?:csv|tsv)$/i;
const GLOB_CHARS = /[*?[\]{}]/;
/** Files a glob may expand to, and folders it may look in: a guard against `**` over a huge tree. */
const MAX_GLOB_MATCHES = 1000;
const MAX_GLOB_DIRS = 2000;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__']);

const posix = (p: string): string => p.split(path.sep).join('/');

/** Canonical split names, so `training`, `train.csv` and `data_files: {split: train}` agree. */
export function canonicalSplit(name: string): string {
  const lower = name.toLowerCase();
  if (/^(?:train|training)$/.test(lower)) return 'train';
  if (/^(?:validation|valid|val|dev|development)$/.test(lower)) return 'validation';
  if (/^(?:test|testing|eval|evaluation|holdout|hold-out)$/.test(lower)) return 'test';
  return lower;
}

/** The split a file name says it holds: `train.csv`, `churn_test.csv`, `data/val-00001.csv`. */
export function splitOfFileName(file: string): string | undefined {
  const stem = path.posix.basename(file).replace(/\.[^.]+$/, '');
  const match = /(?:^|[-_.\s])(train|training|validation|valid|val|dev|test|testing)(?=$|[-_.\s\d])/i.exec(stem);
  return match ? canonicalSplit(match[1] ?? '') : undefined;
}

/** Strings of a `path` value: a scalar or a list of scalars. */
function pathStrings(node: Node | null | undefined): string[] {
  if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
  if (isSeq(node))
    return node.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
  return [];
}

/** `data_files` entries: `"x.csv"`, `[a.csv, b.csv]`, `[{split: train, path: …}]`, `{train: …}`. */
function dataFilesEntries(node: Node): { path: string; split?: string }[] {
  if (isScalar(node)) return pathStrings(node).map((p) => ({ path: p }));
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      if (isMap(item)) {
        const split = item.get('split');
        const paths = pathStrings(item.get('path', true));
        return paths.map((p) => ({ path: p, ...(typeof split === 'string' ? { split } : {}) }));
      }
      return pathStrings(item as Node).map((p) => ({ path: p }));
    });
  }
  if (isMap(node)) {
    // The older mapping form: `data_files: {train: train.csv, test: [a.csv, b.csv]}`.
    return node.items.flatMap((pair) => {
      const split = isScalar(pair.key) ? String(pair.key.value) : undefined;
      return pathStrings(pair.value as Node).map((p) => ({ path: p, ...(split ? { split } : {}) }));
    });
  }
  return [];
}

/** Whether a setting's card glob matches the card at `cardPath` (absolute). */
function settingMatches(glob: string, cardPath: string): boolean {
  const card = posix(cardPath);
  const pattern = posix(glob);
  if (!pattern.includes('/')) return minimatch(path.posix.basename(card), pattern, { nocase: true, dot: true });
  if (path.posix.isAbsolute(pattern)) return minimatch(card, pattern, { dot: true });
  return minimatch(card, `**/${pattern.replace(/^\.\//, '')}`, { dot: true });
}

/**
 * Where the card's data is named, from its text and the assignments; no I/O. The same inputs
 * give the same files, so a server compares them to know whether a keystroke changed the data.
 */
export function dataInputs(cardPath: string, card: DatasetCard, assignments: DataAssignments = {}): DataInput[] {
  const dir = path.dirname(path.resolve(cardPath));
  const inputs: DataInput[] = [];
  const add = (reference: string, resolved: string, source: DataSource, split?: string): void => {
    const pattern = posix(resolved);
    if (inputs.some((input) => input.pattern === pattern)) return;
    const named =
      split !== undefined ? canonicalSplit(split) : GLOB_CHARS.test(pattern) ? undefined : splitOfFileName(pattern);
    inputs.push({ reference, pattern, source, ...(named !== undefined ? { split: named } : {}) });
  };

  for (const { target } of card.links) {
    const link = target.replace(/[?#].*$/, '');
    if (!DATA_FILE.test(link) || /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/')) continue;
    let decoded = link;
    try {
      decoded = decodeURIComponent(link);
    } catch {
      // A malformed escape: the link as written.
    }
    add(link, path.resolve(dir, decoded), 'link');
  }

  for (const dataFiles of metadataAt(card, ['configs', 'data_files'])) {
    for (const entry of dataFilesEntries(dataFiles)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(entry.path) || !DATA_FILE.test(entry.path.replace(/[*?]+$/, '.csv'))) continue;
      add(entry.path, path.resolve(dir, entry.path), 'data_files', entry.split);
    }
  }

  // A dataset.yaml card names its files in `splits: [{name, path}]` or `data_files`.
  if (card.kind === 'yaml') {
    for (const split of metadataAt(card, ['splits'])) {
      const items = isSeq(split) ? split.items : [];
      for (const item of items) {
        if (!isMap(item)) continue;
        const name = item.get('name');
        for (const p of pathStrings(item.get('path', true))) {
          if (DATA_FILE.test(p))
            add(p, path.resolve(dir, p), 'data_files', typeof name === 'string' ? name : undefined);
        }
      }
    }
    for (const dataFiles of metadataAt(card, ['data_files'])) {
      for (const entry of dataFilesEntries(dataFiles)) {
        if (DATA_FILE.test(entry.path)) add(entry.path, path.resolve(dir, entry.path), 'data_files', entry.split);
      }
    }
  }

  for (const file of assignments.configured ?? []) {
    add(posix(path.relative(dir, file)) || path.basename(file), file, 'config');
  }
  for (const [glob, value] of Object.entries(assignments.setting ?? {})) {
    if (!settingMatches(glob, cardPath)) continue;
    const paths: readonly unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const p of paths) if (typeof p === 'string' && p.trim() !== '') add(p, path.resolve(dir, p), 'setting');
  }
  return inputs;
}

/** The folder a glob's matches are under: its path up to the first segment with a glob character. */
function globRoot(pattern: string): string {
  const segments = pattern.split('/');
  const index = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  return segments.slice(0, index < 0 ? segments.length : index).join('/') || '/';
}

function expandGlob(pattern: string): string[] {
  const root = globRoot(pattern);
  const deep = pattern.includes('**');
  const depth = pattern.split('/').length - root.split('/').length;
  const found: string[] = [];
  let dirs = 0;
  const walk = (dir: string, level: number): void => {
    if (found.length >= MAX_GLOB_MATCHES || ++dirs > MAX_GLOB_DIRS) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = `${dir === '/' ? '' : dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && (deep || level + 1 < depth)) walk(full, level + 1);
      } else if (DATA_FILE.test(entry.name) && minimatch(full, pattern, { dot: true })) {
        found.push(full);
      }
    }
  };
  walk(root, 0);
  return found;
}

/**
 * The files the inputs name, globs expanded (in name order) and each file once; a file keeps the
 * split its entry gives, else the one its name gives. A path that does not exist stays: reading it
 * will say so.
 */
export function expandInputs(cardPath: string, inputs: readonly DataInput[]): DataReference[] {
  const dir = path.dirname(path.resolve(cardPath));
  const references: DataReference[] = [];
  for (const input of inputs) {
    const files = GLOB_CHARS.test(input.pattern) ? expandGlob(input.pattern) : [input.pattern];
    for (const file of files) {
      const absolute = path.resolve(file);
      if (references.some((r) => r.path === absolute)) continue;
      const split = input.split ?? splitOfFileName(file);
      references.push({
        reference: input.reference,
        path: absolute,
        displayPath: posix(path.relative(dir, absolute)) || path.basename(absolute),
        source: input.source,
        ...(split !== undefined ? { split } : {}),
      });
    }
  }
  return references;
}

/** A stable key of a card's inputs: equal keys, equal files (until the disk changes). */
export function inputsKey(inputs: readonly DataInput[]): string {
  return inputs.map((input) => `${input.source}\u0000${input.pattern}\u0000${input.split ?? ''}`).join('\u0001');
}
