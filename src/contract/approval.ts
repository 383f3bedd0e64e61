// Approval ergonomics (issue 19): 转交 hand over, 代理 delegation, 催办 nudge, batch decisions.
// Inputs are in actions.ts beside every other action; the limits and answer shapes are here.
import type { PersonRef } from './model';
import type { ErrorCode } from './errors';

/** Cases one inbox.decideMany may decide (more is refused as a whole, nothing decided). */
export const BATCH_MAX = 50;
/** Longest delegation period, in days (出差、休假); longer is refused. */
export const DELEGATION_MAX_DAYS = 90;
/** A hand-over's note. */
export const HANDOVER_NOTE_MAX = 200;

/** A person as a step shows them: the delegate entry says whom they stand in for. */
export interface AssigneeView extends PersonRef {
  /** Set on a delegate standing in for an assignee: shown as "孙丽（代 周杰）". */
  onBehalfOf?: PersonRef;
}

/** "孙丽（代 周杰）", or just the name: one wording for history, 待办 and the case page. */
export function assigneeLabel(p: { name: string; onBehalfOf?: { name: string } | null }): string {
  return p.onBehalfOf ? `${p.name}（代 ${p.onBehalfOf.name}）` : p.name;
}

/** What the caller may do about who a case waits on (on every case view). */
export interface CaseApprovalView {
  /** Who the open step waits on, each assignee followed by their active delegate (if any). Empty when closed. */
  assignees: AssigneeView[];
  /** The caller sees this case in 待办 as a delegate: whom they stand in for (null: their own). */
  actingFor: PersonRef | null;
  /** The caller waits on this step (or stands in for who does) and the kind lets it be handed over. */
  canHandOver: boolean;
  /** Whom it may be handed to (the detail view only, when canHandOver; lists leave it empty). */
  handOverTo: PersonRef[];
  /** The caller asked (or is the subject) and the step waits on someone. */
  canNudge: boolean;
  /** When the caller may nudge again (null: now, or never when canNudge is false). */
  nextNudgeAt: number | null;
  /** The latest nudge of this step (null: none yet). */
  lastNudgeAt: number | null;
  /** This kind may be decided in a batch from 待办 (the caller still needs to be a decider of each). */
  batch: boolean;
}

export interface DelegationView {
  /** Who delegated (whose steps are also waiting on the delegate). */
  delegator: PersonRef;
  delegate: PersonRef;
  /** UTC ms; the delegation holds from ≤ now < to and ends by itself. */
  from: number;
  to: number;
  active: boolean;
  createdAt: number;
}

export interface DelegationsMine {
  /** The caller's own delegation (current or scheduled; an expired one is not shown). */
  mine: DelegationView | null;
  /** Delegations naming the caller as delegate, active now: whose 待办 they also see. */
  forMe: DelegationView[];
  /** Whom the caller may name: an admin (or leader) of each group they admin, a leader of each group they lead. */
  candidates: PersonRef[];
  /** The longest period allowed, in days. */
  maxDays: number;
}

/** One case's answer in a batch decision. */
export type BatchItemResult = { caseId: string; ok: true; state: string; stateLabel: string } | { caseId: string; ok: false; code: ErrorCode; message: string };

export interface BatchResult {
  items: BatchItemResult[];
  /** How many were decided. */
  decided: number;
  /** How many were refused (each with its reason in `items`). */
  failed: number;
}

export interface NudgeResult {
  caseId: string;
  /** Who was nudged (assignees and their active delegates). */
  nudged: PersonRef[];
  at: number;
  /** When the next nudge of this case is possible. */
  nextNudgeAt: number;
}
