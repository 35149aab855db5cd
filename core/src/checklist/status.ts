/**
 * Where a project stands: the checklist's items with what the state file records and what the
 * automatic checks found. Pure; the server and the CLI run the checks and read / write the file.
 */
import type { ChecklistItem, ChecklistStage, VerifyKind } from './content';
import type { ItemState } from './state';

/** What one automatic check found. */
export interface Verification {
  holds: boolean;
  /** Files that show it (relative to the project), when it holds or when they show why not. */
  evidence: string[];
  /** One sentence: what was found ("DATASET.md lints clean", "no baseline report in reports/"). */
  detail: string;
}

/**
 * An item's status as shown to the user:
 * - `verified`: its automatic check holds now;
 * - `no-longer-holds`: it was verified, and its check fails now (the reason says why);
 * - `done` / `not-applicable`: set by the team;
 * - `open`: neither.
 */
export type ItemStatusView = 'open' | 'done' | 'not-applicable' | 'verified' | 'no-longer-holds';

/** One item, ready to show. */
export interface ItemView {
  item: ChecklistItem;
  status: ItemStatusView;
  owner?: string;
  note?: string;
  /** Why it does not apply, or why it no longer holds. */
  reason?: string;
  /** What its automatic check found now (automatic items only). */
  verification?: Verification;
}

/** One stage, with its progress. */
export interface StageView {
  stage: ChecklistStage;
  items: ItemView[];
  /** Items done or verified. */
  complete: number;
  /** Items that apply (all but the not-applicable ones). */
  applicable: number;
  /** Required items that are neither complete nor not applicable. */
  openRequired: ItemView[];
}

/** True for items that count as finished. */
export function isComplete(status: ItemStatusView): boolean {
  return status === 'done' || status === 'verified';
}

/** The checklist as it stands, from the recorded state and the checks' results. */
export function checklistStatus(
  stages: readonly ChecklistStage[],
  recorded: ReadonlyMap<string, ItemState>,
  verifications: ReadonlyMap<VerifyKind, Verification>,
): StageView[] {
  return stages.map((stage) => {
    const items = stage.items.map((item) => itemView(item, recorded.get(item.id), verifications));
    const applicable = items.filter((view) => view.status !== 'not-applicable');
    return {
      stage,
      items,
      complete: applicable.filter((view) => isComplete(view.status)).length,
      applicable: applicable.length,
      openRequired: applicable.filter((view) => view.item.required && !isComplete(view.status)),
    };
  });
}

function itemView(
  item: ChecklistItem,
  state: ItemState | undefined,
  verifications: ReadonlyMap<VerifyKind, Verification>,
): ItemView {
  const base: ItemView = {
    item,
    status: 'open',
    ...(state?.owner !== undefined ? { owner: state.owner } : {}),
    ...(state?.note !== undefined ? { note: state.note } : {}),
  };
  const verification = item.verify ? verifications.get(item.verify) : undefined;
  if (verification) base.verification = verification;
  if (state?.status === 'not-applicable') {
    return { ...base, status: 'not-applicable', ...(state.reason !== undefined ? { reason: state.reason } : {}) };
  }
  if (!item.verify)
    return { ...base, status: state?.status === 'done' || state?.status === 'verified' ? 'done' : 'open' };
  if (verification?.holds) return { ...base, status: 'verified' };
  // Verified before, failing now (recorded as open with a reason once the file was updated).
  if (state?.status === 'verified' || (state?.status === 'open' && state.reason !== undefined)) {
    return {
      ...base,
      status: 'no-longer-holds',
      reason: verification ? verification.detail : 'its check has not run',
    };
  }
  // A team may tick an automatic item by hand (its check cannot see their evidence).
  return { ...base, status: state?.status === 'done' ? 'done' : 'open' };
}

/**
 * The state to record after the checks ran: automatic items that now hold become `verified` with
 * their evidence; verified ones that no longer hold become open with the reason. Returns
 * `undefined` when nothing changed, so the file is not rewritten for nothing.
 */
export function recordVerifications(
  stages: readonly ChecklistStage[],
  recorded: ReadonlyMap<string, ItemState>,
  verifications: ReadonlyMap<VerifyKind, Verification>,
  today: string,
): Map<string, ItemState> | undefined {
  const next = new Map(recorded);
  let changed = false;
  for (const item of stages.flatMap((stage) => stage.items)) {
    if (!item.verify) continue;
    const verification = verifications.get(item.verify);
    const state = recorded.get(item.id);
    if (!verification || state?.status === 'not-applicable') continue;
    if (verification.holds) {
      const same =
        state?.status === 'verified' && JSON.stringify(state.evidence ?? []) === JSON.stringify(verification.evidence);
      if (same) continue;
      const rest: ItemState = { ...(state ?? { status: 'verified' }) };
      delete rest.reason;
      next.set(item.id, { ...rest, status: 'verified', evidence: verification.evidence, at: today });
      changed = true;
    } else if (state?.status === 'verified') {
      const rest: ItemState = { ...state };
      delete rest.evidence;
      next.set(item.id, { ...rest, status: 'open', reason: `no longer holds: ${verification.detail}`, at: today });
      changed = true;
    }
  }
  return changed ? next : undefined;
}
