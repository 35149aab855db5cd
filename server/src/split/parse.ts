/**
 * Split configurations, YAML or JSON, parsed into one tree with a range for every key and value,
 * then into a typed {@link SplitConfig}. Nothing here throws on bad input: malformed text, wrong
 * types and unknown keys become {@link SplitParseProblem}s on the line they are on, and whatever
 * is well-formed is still typed so the other rules can run.
 *
 * YAML goes through the `yaml` library (already used for cards), JSON through `jsonc-parser`, VS
 * Code's own JSON parser: the `yaml` library accepts text that is not JSON (trailing commas,
 * single quotes, `.5`) and names YAML constructs in its errors ("block collections are not
 * allowed within flow collections" for a missing comma), where `jsonc-parser` reports JSON's own
 * errors at their offsets. It is imported from its ES module build: the CommonJS (UMD) build
 * loads its parts with a `require` esbuild cannot follow, so the bundled server would fail to start.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { splitLines, type TextPosition, type TextRange } from '../parse/text';
import {
  childKeys,
  didYouMean,
  keyName,
  SPLIT_STRATEGIES,
  SPLIT_TASKS,
  type SplitStrategy,
  type SplitTask,
} from './keys';
import type {
  LeakageSettings,
  Located,
  ParsedSplitConfig,
  SplitConfig,
  SplitEntry,
  SplitField,
  SplitMap,
  SplitNode,
  SplitOutput,
  SplitParseProblem,
  SplitSize,
  SplitStep,
} from './types';

/** Default globs of split configuration files (setting `mlguide.splits.globs`). */
export const DEFAULT_SPLIT_GLOBS: readonly string[] = ['**/*.split.{yaml,yml,json}', '**/split.{yaml,yml,json}'];

/** The syntax a split file is written in, from its name. */
export function splitConfigFormat(filePath: string): 'yaml' | 'json' {
  return /\.json$/i.test(filePath) ? 'json' : 'yaml';
}

/** Converts string offsets to positions, with the same meaning as LSP's (UTF-16 code units). */
class Positions {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.starts[low] ?? 0) };
  }
  range(start: number, end: number): TextRange {
    return { start: this.at(start), end: this.at(Math.max(start, end)) };
  }
}

/** Parses a split file's text; `format` follows the file name ({@link splitConfigFormat}). */
export function parseSplitConfig(text: string, format: 'yaml' | 'json'): ParsedSplitConfig {
  const lines = splitLines(text);
  const positions = new Positions(text);
  const problems: SplitParseProblem[] = [];
  const root = format === 'json' ? fromJson(text, positions, problems) : fromYaml(text, positions, problems);
  const parsed: ParsedSplitConfig = { format, text, lines, config: {}, problems };
  if (root === undefined) return parsed;
  if (root.kind !== 'map') {
    problems.push({
      kind: 'type',
      range: root.range,
      message: 'a split configuration is a map of keys (data, target, strategy, sizes…), not a list or a single value',
    });
    return parsed;
  }
  parsed.root = root;
  parsed.config = typeConfig(root, problems);
  problems.sort((a, b) => compare(a.range.start, b.range.start));
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// YAML and JSON to one tree

function fromYaml(text: string, positions: Positions, problems: SplitParseProblem[]): SplitNode | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of [...doc.errors, ...doc.warnings]) {
    const message = error.message.split('\n')[0] ?? error.message;
    problems.push({
      kind: 'syntax',
      range: positions.range(error.pos[0], error.pos[1]),
      message: `YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  if (doc.contents === null) return undefined;
  return yamlNode(doc, doc.contents, positions, problems, 0);
}

function yamlNode(
  doc: Document,
  node: unknown,
  positions: Positions,
  problems: SplitParseProblem[],
  at: number,
): SplitNode {
  const resolved = isAlias(node) ? (node.resolve(doc) ?? node) : node;
  const ranged = node as YamlNode | null;
  const range = ranged?.range ? positions.range(ranged.range[0], ranged.range[1]) : positions.range(at, at);
  if (isMap(resolved)) {
    const entries: SplitEntry[] = [];
    for (const pair of resolved.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyStart = keyNode?.range?.[0] ?? at;
      const keyRange = positions.range(keyStart, keyNode?.range?.[1] ?? keyStart);
      const name = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof name !== 'string' && typeof name !== 'number' && typeof name !== 'boolean') {
        problems.push({ kind: 'type', range: keyRange, message: 'keys must be plain names' });
        continue;
      }
      const valueNode = pair.value as YamlNode | null;
      // `key:` with nothing after it: a null at the end of the key.
      const value: SplitNode =
        valueNode === null
          ? { kind: 'scalar', value: null, range: { start: keyRange.end, end: keyRange.end } }
          : yamlNode(doc, valueNode, positions, problems, keyNode?.range?.[1] ?? at);
      entries.push({ key: String(name), keyRange, value });
    }
    return { kind: 'map', entries, range, flow: resolved.flow === true };
  }
  if (isSeq(resolved)) {
    const items = resolved.items.map((item) => yamlNode(doc, item, positions, problems, ranged?.range?.[0] ?? at));
    return { kind: 'list', items, range, flow: resolved.flow === true };
  }
  if (isScalar(resolved)) {
    const value = resolved.value;
    const plain =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
        ? value
        : value instanceof Date
          ? value.toISOString()
          : null;
    return { kind: 'scalar', value: plain, range };
  }
  return { kind: 'scalar', value: null, range };
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon (:) is expected after the key',
  CommaExpected: 'a comma (,) is expected between entries',
  CloseBraceExpected: 'a closing brace (}) is expected',
  CloseBracketExpected: 'a closing bracket (]) is expected',
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function fromJson(text: string, positions: Positions, problems: SplitParseProblem[]): SplitNode | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  for (const error of errors) {
    const code = printParseErrorCode(error.error);
    problems.push({
      kind: 'syntax',
      range: positions.range(error.offset, error.offset + Math.max(1, error.length)),
      message: `JSON: ${JSON_ERRORS[code] ?? code}`,
    });
  }
  if (!tree) return undefined;
  return jsonNode(tree, positions, problems);
}

function jsonNode(node: JsonNode, positions: Positions, problems: SplitParseProblem[]): SplitNode {
  const range = positions.range(node.offset, node.offset + node.length);
  if (node.type === 'object') {
    const entries: SplitEntry[] = [];
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const keyRange = positions.range(keyNode.offset, keyNode.offset + keyNode.length);
      if (seen.has(key)) problems.push({ kind: 'syntax', range: keyRange, message: `JSON: duplicate key "${key}"` });
      seen.add(key);
      const value: SplitNode = valueNode
        ? jsonNode(valueNode, positions, problems)
        : { kind: 'scalar', value: null, range: { start: keyRange.end, end: keyRange.end } };
      entries.push({ key, keyRange, value });
    }
    return { kind: 'map', entries, range, flow: true };
  }
  if (node.type === 'array') {
    return {
      kind: 'list',
      items: (node.children ?? []).map((c) => jsonNode(c, positions, problems)),
      range,
      flow: true,
    };
  }
  const value: unknown = node.value;
  return {
    kind: 'scalar',
    value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null,
    range,
  };
}

// ---------------------------------------------------------------------------------------------
// The tree to a typed config

type Problems = SplitParseProblem[];

function describe(node: SplitNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'list') return 'a list';
  if (node.value === null) return 'nothing';
  return typeof node.value === 'string' ? `"${node.value}"` : String(node.value);
}

function typeProblem(problems: Problems, node: SplitNode, key: string, expected: string): undefined {
  problems.push({ kind: 'type', range: node.range, message: `${key} must be ${expected}, not ${describe(node)}` });
  return undefined;
}

/** Reports keys of `map` the format does not know under `parent`. */
function unknownKeys(map: SplitMap, parent: string, problems: Problems): void {
  const known = childKeys(parent).map(keyName);
  for (const entry of map.entries) {
    if (known.includes(entry.key)) continue;
    const suggestion = didYouMean(entry.key, known);
    const where = parent === '' ? '' : ` under ${parent}`;
    problems.push({
      kind: 'unknown-key',
      range: entry.keyRange,
      message: `unknown key "${entry.key}"${where}${suggestion ? `; did you mean "${suggestion}"?` : '.'} Known: ${known.filter((k) => k !== '$schema').join(', ')}.`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

function entryOf(map: SplitMap, key: string): SplitEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

function field<T>(entry: SplitEntry, value: T | undefined): SplitField<T> | undefined {
  return value === undefined ? undefined : { keyRange: entry.keyRange, node: entry.value, value };
}

function stringValue(node: SplitNode, key: string, problems: Problems): Located<string> | undefined {
  if (node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number')) {
    const value = String(node.value);
    if (value.trim() !== '') return { value, range: node.range };
  }
  return typeProblem(problems, node, key, 'a non-empty name');
}

function stringList(node: SplitNode, key: string, problems: Problems): Located<string>[] | undefined {
  if (node.kind !== 'list') {
    const single = stringValue(node, key, problems);
    return single ? [single] : undefined;
  }
  const items = node.items.flatMap((item) => stringValue(item, `each item of ${key}`, problems) ?? []);
  return items;
}

function enumValue<T extends string>(
  node: SplitNode,
  key: string,
  values: readonly T[],
  problems: Problems,
): Located<T> | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const written = node.value;
    const found = values.find((v) => v === written.trim().toLowerCase());
    if (found) return { value: found, range: node.range };
    const suggestion = didYouMean(written, values);
    problems.push({
      kind: 'type',
      range: node.range,
      message: `${key} must be one of ${values.join(', ')}, not "${written}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
      ...(suggestion ? { suggestion } : {}),
    });
    return undefined;
  }
  return typeProblem(problems, node, key, `one of ${values.join(', ')}`);
}

function sizesOf(node: SplitNode, problems: Problems): SplitSize[] | undefined {
  if (node.kind !== 'map') return typeProblem(problems, node, 'sizes', 'a map of split → fraction or row count');
  const sizes: SplitSize[] = [];
  for (const entry of node.entries) {
    const value = entry.value;
    if (value.kind === 'scalar' && typeof value.value === 'number' && Number.isFinite(value.value)) {
      sizes.push({ split: entry.key, keyRange: entry.keyRange, value: value.value, range: value.range });
    } else if (
      value.kind === 'scalar' &&
      typeof value.value === 'string' &&
      /^\s*-?\d+(?:\.\d+)?\s*%\s*$/.test(value.value)
    ) {
      problems.push({
        kind: 'type',
        range: value.range,
        message: `sizes.${entry.key} must be a number: write ${Number.parseFloat(value.value) / 100} for ${value.value.trim()}`,
      });
    } else {
      typeProblem(problems, value, `sizes.${entry.key}`, 'a fraction (0.15) or a row count (1500)');
    }
  }
  return sizes;
}

function outputsOf(node: SplitNode, problems: Problems): SplitOutput[] | undefined {
  if (node.kind !== 'map') return typeProblem(problems, node, 'outputs', 'a map of split → path');
  return node.entries.flatMap((entry) => {
    const paths = stringList(entry.value, `outputs.${entry.key}`, problems);
    return paths ? [{ split: entry.key, keyRange: entry.keyRange, paths }] : [];
  });
}

function stepsOf(node: SplitNode, key: string, problems: Problems): SplitStep[] | undefined {
  if (node.kind === 'scalar' && node.value === null) return [];
  const items = node.kind === 'list' ? node.items : [node];
  const steps: SplitStep[] = [];
  for (const item of items) {
    if (item.kind === 'scalar' && typeof item.value === 'string' && item.value.trim() !== '') {
      steps.push({ name: item.value.trim(), nameRange: item.range, node: item });
      continue;
    }
    if (item.kind === 'map') {
      // `{ name: smote, k: 5 }` or `{ smote: { k: 5 } }`.
      const named = item.entries.find((e) => e.key === 'name' || e.key === 'step');
      if (named?.value.kind === 'scalar' && typeof named.value.value === 'string') {
        steps.push({ name: named.value.value, nameRange: named.value.range, node: item, options: item });
        continue;
      }
      const only = item.entries.length === 1 ? item.entries[0] : undefined;
      if (only) {
        steps.push({ name: only.key, nameRange: only.keyRange, node: item, options: only.value });
        continue;
      }
    }
    typeProblem(problems, item, `each step of ${key}`, 'a step name (standard_scale) or a map { step_name: options }');
  }
  return steps;
}

function numberIn(
  node: SplitNode,
  key: string,
  problems: Problems,
  accept: (n: number) => boolean,
  expected: string,
): Located<number> | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'number' && accept(node.value)) {
    return { value: node.value, range: node.range };
  }
  return typeProblem(problems, node, key, expected);
}

function typeConfig(root: SplitMap, problems: Problems): SplitConfig {
  unknownKeys(root, '', problems);
  const config: SplitConfig = {};
  for (const entry of root.entries) {
    const node = entry.value;
    switch (entry.key) {
      case 'data': {
        const paths = stringList(node, 'data', problems);
        if (paths && paths.length === 0) typeProblem(problems, node, 'data', 'a path or a non-empty list of paths');
        else config.data = field(entry, paths);
        break;
      }
      case 'task':
        config.task = field(entry, enumValue<SplitTask>(node, 'task', SPLIT_TASKS, problems));
        break;
      case 'target':
        config.target = field(entry, stringValue(node, 'target', problems));
        break;
      case 'seed':
        config.seed = field(
          entry,
          numberIn(node, 'seed', problems, (n) => Number.isInteger(n) && n >= 0, 'a non-negative integer (42)'),
        );
        break;
      case 'shuffle':
        if (node.kind === 'scalar' && typeof node.value === 'boolean') {
          config.shuffle = field(entry, { value: node.value, range: node.range });
        } else typeProblem(problems, node, 'shuffle', 'true or false');
        break;
      case 'strategy':
        config.strategy = field(entry, enumValue<SplitStrategy>(node, 'strategy', SPLIT_STRATEGIES, problems));
        break;
      case 'stratify_by':
        config.stratifyBy = field(entry, stringList(node, 'stratify_by', problems));
        break;
      case 'group_by':
        config.groupBy = field(entry, stringValue(node, 'group_by', problems));
        break;
      case 'time_column':
        config.timeColumn = field(entry, stringValue(node, 'time_column', problems));
        break;
      case 'sizes':
        config.sizes = field(entry, sizesOf(node, problems));
        break;
      case 'outputs':
        config.outputs = field(entry, outputsOf(node, problems));
        break;
      case 'preprocessing':
        config.preprocessing = field(entry, preprocessingOf(node, problems));
        break;
      case 'features':
        config.features = field(entry, featuresOf(node, problems));
        break;
      case 'margin':
      case 'precision': {
        const margin = numberIn(
          node,
          entry.key,
          problems,
          (n) => n > 0 && n < 1,
          'a fraction between 0 and 1 (0.02 for ±2 points)',
        );
        // `margin` wins over its synonym.
        if (margin && (entry.key === 'margin' || !config.margin)) config.margin = field(entry, margin);
        break;
      }
      case 'leakage':
        config.leakage = field(entry, leakageOf(node, problems));
        break;
      default:
        // `$schema`, `description`, and unknown keys (reported above) carry nothing to type.
        break;
    }
  }
  requiredColumns(config, problems);
  return config;
}

function preprocessingOf(
  node: SplitNode,
  problems: Problems,
): NonNullable<SplitConfig['preprocessing']>['value'] | undefined {
  if (node.kind !== 'map')
    return typeProblem(problems, node, 'preprocessing', 'a map with before_split and after_split');
  unknownKeys(node, 'preprocessing', problems);
  const value: NonNullable<SplitConfig['preprocessing']>['value'] = {};
  const before = entryOf(node, 'before_split');
  const after = entryOf(node, 'after_split');
  if (before) value.beforeSplit = field(before, stepsOf(before.value, 'preprocessing.before_split', problems));
  if (after) value.afterSplit = field(after, stepsOf(after.value, 'preprocessing.after_split', problems));
  return value;
}

function featuresOf(node: SplitNode, problems: Problems): NonNullable<SplitConfig['features']>['value'] | undefined {
  if (node.kind !== 'map') return typeProblem(problems, node, 'features', 'a map with include or exclude');
  unknownKeys(node, 'features', problems);
  const value: NonNullable<SplitConfig['features']>['value'] = {};
  const include = entryOf(node, 'include');
  const exclude = entryOf(node, 'exclude');
  if (include) value.include = field(include, stringList(include.value, 'features.include', problems));
  if (exclude) value.exclude = field(exclude, stringList(exclude.value, 'features.exclude', problems));
  return value;
}

function leakageOf(node: SplitNode, problems: Problems): LeakageSettings | undefined {
  if (node.kind !== 'map') return typeProblem(problems, node, 'leakage', 'a map of thresholds (alpha: 0.05, …)');
  unknownKeys(node, 'leakage', problems);
  const value: LeakageSettings = {};
  const fraction = (key: string): Located<number> | undefined => {
    const entry = entryOf(node, key);
    return entry
      ? numberIn(entry.value, `leakage.${key}`, problems, (n) => n > 0 && n < 1, 'a number between 0 and 1')
      : undefined;
  };
  const set = (key: keyof LeakageSettings, located: Located<number> | undefined): void => {
    if (located) value[key] = located;
  };
  set('alpha', fraction('alpha'));
  set('psiModerate', fraction('psi_moderate'));
  set('psiSignificant', fraction('psi_significant'));
  set('targetScore', fraction('target_score'));
  set('sizeTolerance', fraction('size_tolerance'));
  const examples = entryOf(node, 'max_examples');
  if (examples) {
    set(
      'maxExamples',
      numberIn(
        examples.value,
        'leakage.max_examples',
        problems,
        (n) => Number.isInteger(n) && n >= 1 && n <= 100,
        'an integer from 1 to 100',
      ),
    );
  }
  return value;
}

/** A group, cluster or time split cannot be made without the column it splits on. */
function requiredColumns(config: SplitConfig, problems: Problems): void {
  const strategy = config.strategy?.value;
  if (!strategy) return;
  const needs =
    (strategy.value === 'group' || strategy.value === 'cluster') && !config.groupBy
      ? 'group_by (the entity column whose rows stay together)'
      : strategy.value === 'time' && !config.timeColumn
        ? "time_column (the column holding each row's time)"
        : undefined;
  if (needs) {
    problems.push({ kind: 'type', range: strategy.range, message: `strategy ${strategy.value} needs ${needs}` });
  }
}

/** The key path of the entry at a node, for hover: `['preprocessing', 'before_split']`. */
export function keyPathAt(root: SplitMap, position: TextPosition): { path: string[]; entry: SplitEntry } | undefined {
  const within = (range: TextRange): boolean =>
    compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
  const search = (map: SplitMap, prefix: string[]): { path: string[]; entry: SplitEntry } | undefined => {
    for (const entry of map.entries) {
      if (within(entry.keyRange)) return { path: [...prefix, entry.key], entry };
      if (entry.value.kind === 'map' && within(entry.value.range)) {
        const inner = search(entry.value, [...prefix, entry.key]);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return search(root, []);
}

/** Orders positions. */
export function compare(a: TextPosition, b: TextPosition): number {
  return a.line - b.line || a.character - b.character;
}
