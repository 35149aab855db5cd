/** Helpers the split rules share: the effective strategy, where to place a finding, the data header. */
import { lineRange, type TextRange } from '../../parse/text';
import type { SplitStrategy } from '../keys';
import type { ParsedSplitConfig, SplitDataFacts, SplitRuleContext } from '../types';

/** The strategy the split uses: as written, else a random split (what split functions do by default). */
export function strategyOf(parsed: ParsedSplitConfig): { value: SplitStrategy; written: boolean } {
  const written = parsed.config.strategy?.value.value;
  return written ? { value: written, written: true } : { value: 'random', written: false };
}

/** Whether the file writes `key` at the top level, whatever its value (a mistyped value is MLS001's). */
export function writes(parsed: ParsedSplitConfig, key: string): boolean {
  return parsed.root?.entries.some((entry) => entry.key === key) ?? false;
}

/**
 * Whether the rules that depend on the strategy can run: not when a strategy is written but is
 * not one the format knows (MLS001 reports that).
 */
export function strategyKnown(parsed: ParsedSplitConfig): boolean {
  return parsed.config.strategy !== undefined || !writes(parsed, 'strategy');
}

/** Strategies that draw rows at random, so the rows must be shuffled and the draw seeded. */
export const RANDOM_STRATEGIES: ReadonlySet<SplitStrategy> = new Set(['random', 'stratified', 'group', 'cluster']);

/**
 * Where a finding about a missing key goes: the first of `keys` the file has (its key), else the
 * first key of the file, else its first line.
 */
export function anchor(parsed: ParsedSplitConfig, ...keys: string[]): TextRange {
  const entries = parsed.root?.entries ?? [];
  for (const key of keys) {
    const entry = entries.find((e) => e.key === key);
    if (entry) return entry.keyRange;
  }
  return entries[0]?.keyRange ?? lineRange(parsed.lines, 0);
}

/** The first data file whose header could be read, with its header. */
export function dataHeader(
  parsed: ParsedSplitConfig,
  context: SplitRuleContext,
): { facts: SplitDataFacts & { header: string[] }; range: TextRange } | undefined {
  for (const written of parsed.config.data?.value ?? []) {
    const facts = context.data?.get(written.value);
    if (facts?.header) return { facts: { ...facts, header: facts.header }, range: written.range };
  }
  return undefined;
}

/** `customerId` → `customer_id`; lower case. */
export function snakeName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

const ENTITY =
  /^(?:users?|user_?name|patients?|customers?|clients?|subjects?|participants?|persons?|members?|accounts?|sessions?|devices?|households?|famil(?:y|ies)|authors?|speakers?|students?|employees?|drivers?|visitors?)$/;

/** Whether a column name looks like an entity identifier: `*_id`, `id`, `user`, `patient`, `customer`… */
export function isIdLike(name: string): boolean {
  const snake = snakeName(name);
  if (/(?:^|_)(?:id|ids|uuid|guid)$/.test(snake)) return true;
  if (ENTITY.test(snake)) return true;
  return /^(?:users?|patients?|customers?|clients?|subjects?|participants?|accounts?|members?|devices?|sessions?)_(?:no|num|number|key|code|name)$/.test(
    snake,
  );
}
