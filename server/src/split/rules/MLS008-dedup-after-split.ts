import { moveStep } from '../edits';
import { isDeduplication } from '../steps';
import type { SplitFinding, SplitRule } from '../types';

/** Deduplication after the split: copies of a row already sit in train and test. */
export const dedupAfterSplit: SplitRule = {
  id: 'MLS008',
  alias: 'dedup-after-split',
  description: 'Duplicates are removed before the split, not after it',
  defaultSeverity: 'warning',
  tags: ['split', 'leakage', 'book'],
  check(parsed) {
    const steps = parsed.config.preprocessing?.value.afterSplit?.value ?? [];
    const findings: SplitFinding[] = [];
    steps.forEach((step, index) => {
      if (!isDeduplication(step.name)) return;
      const edits = moveStep(parsed, 'after_split', 'before_split', index);
      findings.push({
        range: step.nameRange,
        message: `"${step.name}" removes duplicates after the split: copies of one row can already sit in train and in test, where the model is scored on rows it has seen — leakage. Deduplicate before the split`,
        ...(edits ? { fix: { kind: 'edit' as const, title: `Move ${step.name} to before_split`, edits } } : {}),
      });
    });
    return findings;
  },
};
