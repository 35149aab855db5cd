/**
 * `.mlguide.yaml`: the project's mlguide settings, shared by the editor and the CLI and kept in
 * git. Found by walking up from the linted file; the nearest one wins. For now it holds rule
 * severities:
 *
 *   rules:
 *     MLG006: off              # id or alias; off | info | warning | error
 *     storage-format: error
 *
 * The JSON Schema in schemas/mlguide-config.schema.json describes it for editors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { findRule } from './rules/registry';

/** A rule's severity as a project or a user sets it. */
export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';
const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

/** The settings of one `.mlguide.yaml`, with what was wrong in it. */
export interface MlguideConfig {
  /** The file, when there is one. */
  file?: string;
  /** Severity by rule id. */
  rules: Record<string, RuleSeverity>;
  /** Problems with the file, each with its 1-based line; the rest of the file still applies. */
  problems: { line: number; message: string }[];
}

export const CONFIG_NAMES = ['.mlguide.yaml', '.mlguide.yml'];

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
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyLine = lineOf(isScalar(pair.key) ? pair.key.range[0] : undefined);
    if (key !== 'rules') {
      config.problems.push({ line: keyLine, message: `unknown key "${key}"; known: rules` });
      continue;
    }
    if (!isMap(pair.value)) {
      config.problems.push({ line: keyLine, message: 'rules must map rule ids to off | info | warning | error' });
      continue;
    }
    for (const rule of pair.value.items) {
      const name = isScalar(rule.key) ? String(rule.key.value) : '';
      const line = lineOf(isScalar(rule.key) ? rule.key.range[0] : undefined);
      const found = findRule(name);
      const value = isScalar(rule.value) ? String(rule.value.value) : '';
      if (!found) config.problems.push({ line, message: `unknown rule "${name}"` });
      else if (!(SEVERITIES as readonly string[]).includes(value)) {
        config.problems.push({
          line,
          message: `${name}: severity must be one of ${SEVERITIES.join(', ')}, not "${value}"`,
        });
      } else config.rules[found.id] = value as RuleSeverity;
    }
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
