/** What the data-backed rules (MLS016–MLS022) share: their check's headline and where it goes. */
import { checkHeadlines, type LeakageCheckKey } from '../../../../core/src/leakage/summary';
import type { TextRange } from '../../parse/text';
import type { ParsedSplitConfig, SplitFinding, SplitRuleContext } from '../types';
import { anchor } from './common';

/** The range of `outputs.<split>`'s first path, else of the `outputs` key. */
export function outputRange(parsed: ParsedSplitConfig, split: string | undefined): TextRange {
  const output = parsed.config.outputs?.value.find((o) => o.split === split);
  return output?.paths[0]?.range ?? parsed.config.outputs?.keyRange ?? anchor(parsed, 'outputs');
}

/**
 * One finding when the check warned or failed (at `range`), none when it passed, was skipped or
 * did not run (no split files yet: the rule has nothing to say without data).
 */
export function leakageFinding(
  parsed: ParsedSplitConfig,
  context: SplitRuleContext,
  key: LeakageCheckKey,
  range: (report: NonNullable<SplitRuleContext['leakage']>) => TextRange,
): SplitFinding[] {
  const report = context.leakage;
  if (!report) return [];
  const headline = checkHeadlines(report, context.dir).find((h) => h.key === key);
  if (!headline || (headline.status !== 'warn' && headline.status !== 'fail')) return [];
  return [{ range: range(report), message: headline.message }];
}
