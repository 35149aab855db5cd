import { moveStep } from '../edits';
import { fittedStep } from '../steps';
import type { SplitFinding, SplitRule } from '../types';

/** A step that learns statistics (scaling, imputation, encoding, sampling, PCA, a vocabulary) before the split. */
export const fittedBeforeSplit: SplitRule = {
  id: 'MLS007',
  alias: 'fitted-before-split',
  description: 'No step that learns from the data runs before the split',
  defaultSeverity: 'error',
  tags: ['split', 'leakage', 'book'],
  check(parsed) {
    const steps = parsed.config.preprocessing?.value.beforeSplit?.value ?? [];
    const findings: SplitFinding[] = [];
    steps.forEach((step, index) => {
      const fitted = fittedStep(step);
      if (!fitted) return;
      const edits = moveStep(parsed, 'before_split', 'after_split', index);
      findings.push({
        range: step.nameRange,
        message: `"${step.name}" is ${fitted.kind}: it learns ${fitted.fits}. Before the split, the validation and test rows shape what it learns — leakage; the book: "Split was applied to raw data" (ch. 3). Move it to after_split, fitted on the training split only`,
        ...(edits ? { fix: { kind: 'edit' as const, title: `Move ${step.name} to after_split`, edits } } : {}),
      });
    });
    return findings;
  },
};
