/** The checklist page's view of a {@link ChecklistResult}: what to show, computed without the DOM. */
import type { ChecklistItemModel, ChecklistResult, ChecklistStageModel } from '../../core/src/protocol/checklist';

/** How an item's status reads. */
export const STATUS_LABEL: Record<ChecklistItemModel['status'], string> = {
  open: 'open',
  done: 'done',
  verified: 'verified',
  'not-applicable': 'not applicable',
  'no-longer-holds': 'no longer holds',
};

/** One stage as the page shows it. */
export interface StageView {
  stage: ChecklistStageModel;
  /** `3 / 7` */
  progress: string;
  /** 0–1, for the bar. */
  share: number;
  /** Open the stage's section: the focused one, else the first stage not complete. */
  expanded: boolean;
  /** What to do next in this stage: its open required items, else its first open item. */
  next: ChecklistItemModel[];
}

/** The whole page. */
export interface ChecklistView {
  total: string;
  /** A banner when the state file cannot be written (conflict, syntax error). */
  stateProblem?: string;
  stages: StageView[];
}

/** Whether an item counts as finished. */
export function isComplete(item: ChecklistItemModel): boolean {
  return item.status === 'done' || item.status === 'verified';
}

/** The view of a checklist; `focusStage` opens that stage. */
export function checklistView(model: ChecklistResult, focusStage?: string): ChecklistView {
  const firstIncomplete = model.stages.find((s) => s.complete < s.applicable)?.id;
  const expand = focusStage ?? firstIncomplete;
  const complete = model.stages.reduce((n, s) => n + s.complete, 0);
  const applicable = model.stages.reduce((n, s) => n + s.applicable, 0);
  const problem = model.stateFile.problems[0];
  return {
    total: `${String(complete)} of ${String(applicable)} items complete`,
    ...(!model.stateFile.writable && problem
      ? {
          stateProblem: `.mlguide/checklist.yaml line ${String(problem.line)}: ${problem.message}. Changes are not saved until the file is fixed.`,
        }
      : {}),
    stages: model.stages.map((stage) => {
      const open = stage.items.filter((item) => !isComplete(item) && item.status !== 'not-applicable');
      const required = open.filter((item) => item.required);
      return {
        stage,
        progress: `${String(stage.complete)} / ${String(stage.applicable)}`,
        share: stage.applicable === 0 ? 1 : stage.complete / stage.applicable,
        expanded: stage.id === expand,
        next: required.length > 0 ? required : open.slice(0, 1),
      };
    }),
  };
}
