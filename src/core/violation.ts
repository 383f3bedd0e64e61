// A violation case (§7): the decision from the penalty ladder, then the two-tier appeal (§7.3),
// as a state machine you can read top to bottom.
//
//   open ─(warning | removal)────────────────────▶ vio_decided   member told, appeal within X₁
//   open ─(referral: major loss)─────────────────▶ vio_referred  the leader decides the measure
//   vio_referred  ──decideMeasure (leader)───────▶ vio_decided
//   vio_decided   ──appeal (member, ≤ X₁)────────▶ vio_appealed  an admin who did not decide answers within X₂
//                                                 (a measure the leader decided goes to vio_escalated)
//   vio_decided   ──accept (member) / timeout────▶ vio_final
//   vio_appealed  ──answer uphold|reduce─────────▶ vio_answered  member may escalate within X₃
//   vio_appealed  ──answer revoke────────────────▶ vio_revoked
//   vio_appealed  ──timeout──────────────────────▶ (1st: remind the admin; 2nd: alert the leader,
//                                                  who may then rule instead: `rule`, final)
//   vio_answered  ──escalate (member, ≤ X₃)──────▶ vio_escalated
//   vio_answered  ──accept (member) / timeout────▶ vio_final
//   vio_escalated ──rule (leader: final)─────────▶ vio_final | vio_revoked
//   any state     ──confirmTask (admin)──────────   the removal (or re-adding after a revoke) was done in WeChat
//
// The case stays open while a WeChat task (remove / re-add the member) waits on an admin.
import {
  APPEAL_OUTCOME_LABELS,
  MEASURES,
  PENALTY_LABELS,
  SEVERITY_LABELS,
  STATE_LABELS,
  type AppealOutcome,
  type CaseCommand,
  type ErrorCode,
  type LadderStep,
  type Measure,
  type Penalty,
  type SettingsValues,
  type Severity,
} from '../contract';
import { deadlineAfter, isDeadlineUnconfirmed } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision, type Notice, type StepInput } from './case';
import type { Case } from './model';
import { formatShanghai } from './time';

export interface WechatTask {
  action: 'remove' | 'readd';
  status: 'pending' | 'done' | 'cancelled';
  by: string | null;
  at: number | null;
}

export interface ViolationData extends Record<string, unknown> {
  requestId: string;
  groupName: string;
  subjectName: string;
  category: string;
  description: string;
  evidence: string[];
  /** Chat-record backups of the group cited as evidence (§6.2); absent on cases opened before. */
  backupIds?: string[];
  severity: Severity;
  proposed: LadderStep;
  proposalReasons: string[];
  priorCount: number;
  /** The step the admin chose (the proposed one, or a lighter one with `lighterReason`). */
  step: LadderStep;
  lighterReason: string | null;
  /** Who decided the penalty now under appeal: the admin, or the leader for a measure. */
  decidedBy: string;
  /** What the member has now; 'pending' while the leader has not decided a referral. */
  penalty: Penalty | 'pending';
  measureReason: string | null;
  /** Leaders the removal was filed with (备案). */
  filedWith: string[];
  appealDeadline: number | null;
  appeal: { reasons: string; evidence: string[]; at: number; reviewers: string[] } | null;
  answer: { outcome: AppealOutcome; finding: string; by: string; at: number; penalty: Penalty } | null;
  escalateDeadline: number | null;
  escalation: { reasons: string; at: number } | null;
  ruling: { outcome: AppealOutcome; finding: string; by: string; at: number; penalty: Penalty } | null;
  task: WechatTask | null;
}
export type ViolationCase = Case<ViolationData>;

export type ViolationCommand =
  | { type: 'decideMeasure'; measure: Measure; reason: string }
  | { type: 'appeal'; reasons: string; evidence: string[] }
  | { type: 'accept' }
  | { type: 'answer'; outcome: AppealOutcome; finding: string; reducedTo?: Penalty }
  | { type: 'escalate'; reasons: string }
  | { type: 'rule'; outcome: AppealOutcome; finding: string; reducedTo?: Penalty }
  | { type: 'confirmTask'; note?: string }
  | { type: 'timeout' };

export interface ViolationContext {
  now: number;
  /** The settings version the case was opened under. */
  settings: SettingsValues;
  /** Current admins and leaders of the group. */
  admins: string[];
  leaders: string[];
}

export const violationMachine = {
  vio_referred: { final: false, commands: { decideMeasure: 'leader', timeout: 'system' } },
  vio_decided: { final: false, commands: { appeal: 'subject', accept: 'subject', timeout: 'system' } },
  vio_appealed: { final: false, commands: { answer: 'reviewer', rule: 'leader (after escalation)', timeout: 'system' } },
  vio_answered: { final: false, commands: { accept: 'subject', escalate: 'subject', timeout: 'system' } },
  vio_escalated: { final: false, commands: { rule: 'leader', timeout: 'system' } },
  vio_final: { final: true, commands: {} },
  vio_revoked: { final: true, commands: {} },
} as const;
export type ViolationState = keyof typeof violationMachine;
/** Allowed in every state while a WeChat task waits. */
const TASK_COMMAND = 'confirmTask';

type Refusal = { ok: false; code: ErrorCode; message?: string };
const refuse = (code: ErrorCode, message?: string): Refusal => (message ? { ok: false, code, message } : { ok: false, code });
const day = (ms: number) => formatShanghai(ms, 'M月D日');
const dayTime = (ms: number) => formatShanghai(ms, 'M月D日 HH:mm');

/** Who answers an appeal: an admin who did not decide the case where there is one (§7.3). */
export function appealReviewers(decidedBy: string, subjectId: string, admins: string[], leaders: string[]): string[] {
  const others = admins.filter((a) => a !== decidedBy && a !== subjectId);
  if (others.length) return others;
  const any = admins.filter((a) => a !== subjectId);
  return any.length ? any : leaders.filter((l) => l !== subjectId);
}

/** A lighter penalty of the same kind: removal → warning; a measure → a lighter measure. */
export function isLighter(from: Penalty, to: Penalty): boolean {
  if (from === 'removal') return to === 'warning';
  const i = MEASURES.indexOf(from as Measure);
  const j = MEASURES.indexOf(to as Measure);
  return i > 0 && j >= 0 && j < i;
}

function taskAdmins(d: ViolationData, subjectId: string, admins: string[]): string[] {
  return d.task?.status === 'pending' ? admins.filter((a) => a !== subjectId) : [];
}

function waitingOn(state: ViolationState, d: ViolationData, c: ViolationCase, ctx: ViolationContext, escalation: number): string[] {
  const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
  const task = taskAdmins(d, c.subjectId, ctx.admins);
  const base: Record<ViolationState, string[]> = {
    vio_referred: leaders,
    vio_decided: [c.subjectId],
    vio_appealed: [...(d.appeal?.reviewers ?? []), ...(escalation >= 2 ? leaders : [])],
    vio_answered: [c.subjectId],
    vio_escalated: leaders,
    vio_final: [],
    vio_revoked: [],
  };
  return [...new Set([...base[state], ...task])];
}

function isOpen(state: ViolationState, d: ViolationData): boolean {
  return !violationMachine[state].final || d.task?.status === 'pending';
}

/** One transition of this kind: assignees and `open` follow from the state and the task. */
function move(c: ViolationCase, ctx: ViolationContext, input: Omit<StepInput, 'open' | 'assignees'> & { to: ViolationState }): ViolationCase {
  const data = { ...c.data, ...(input.data ?? {}) } as ViolationData;
  const escalation = input.escalation ?? (input.to === c.state ? c.escalation : 0);
  return step(
    c,
    { ...input, escalation, open: isOpen(input.to, data), assignees: waitingOn(input.to, data, c, ctx, escalation) },
    ctx.now,
  );
}

function deadline(ctx: ViolationContext, days: number) {
  const dueAt = deadlineAfter(ctx.now, days, ctx.settings.calendar);
  return { dueAt, dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, ctx.settings.calendar) };
}

export interface OpenViolationInput {
  id: string;
  groupId: string;
  subjectId: string;
  openedBy: string;
  requestId: string;
  groupName: string;
  subjectName: string;
  category: string;
  description: string;
  evidence: string[];
  backupIds?: string[];
  severity: Severity;
  proposed: LadderStep;
  proposalReasons: string[];
  priorCount: number;
  step: LadderStep;
  lighterReason: string | null;
  settingsVersion: number;
  ctx: ViolationContext;
}

export function openViolation(input: OpenViolationInput): ViolationCase {
  const { ctx } = input;
  const removal = input.step === 'removal';
  const data: ViolationData = {
    requestId: input.requestId,
    groupName: input.groupName,
    subjectName: input.subjectName,
    category: input.category,
    description: input.description,
    evidence: input.evidence,
    backupIds: input.backupIds ?? [],
    severity: input.severity,
    proposed: input.proposed,
    proposalReasons: input.proposalReasons,
    priorCount: input.priorCount,
    step: input.step,
    lighterReason: input.lighterReason,
    decidedBy: input.openedBy,
    penalty: input.step === 'referral' ? 'pending' : input.step,
    measureReason: null,
    filedWith: [],
    appealDeadline: null,
    appeal: null,
    answer: null,
    escalateDeadline: null,
    escalation: null,
    ruling: null,
    task: removal ? { action: 'remove', status: 'pending', by: null, at: null } : null,
  };
  const empty = blankCase<ViolationCase>({
    _id: input.id,
    kind: 'violation',
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    state: 'vio_decided',
    data,
    settingsVersion: input.settingsVersion,
    now: ctx.now,
  });
  const leaders = ctx.leaders.filter((l) => l !== input.subjectId);
  const what = `「${input.groupName}」${input.category}（${SEVERITY_LABELS[input.severity]}）`;
  const note = [
    `违规类别：${input.category}；情节：${SEVERITY_LABELS[input.severity]}；系统建议：${PENALTY_LABELS[input.proposed]}；处理：${PENALTY_LABELS[input.step]}`,
    input.lighterReason ? `从轻理由：${input.lighterReason}` : '',
  ]
    .filter(Boolean)
    .join('。');

  if (input.step === 'referral') {
    const due = deadline(ctx, ctx.settings.violation.answerDays);
    return move(empty, ctx, {
      action: 'refer',
      by: input.openedBy,
      to: 'vio_referred',
      note,
      ...due,
      wakeAt: due.dueAt,
      data: { filedWith: leaders },
      notify: [
        ...leaders.map((to): Notice => ({
          to,
          purpose: 'newTask',
          title: '违规事项待定处分',
          body: `${input.subjectName} 在${what}，请于 ${day(due.dueAt)} 前决定纪律处分`,
        })),
        { to: input.subjectId, purpose: 'caseDecided', title: '违规事项已报上级领导', body: `你在${what}，已报上级领导决定处理` },
      ],
    });
  }

  const due = deadline(ctx, ctx.settings.violation.appealDays);
  const decided = move(empty, ctx, {
    action: 'decide',
    by: input.openedBy,
    to: 'vio_decided',
    note,
    ...due,
    wakeAt: due.dueAt,
    data: { appealDeadline: due.dueAt, ...(removal ? { filedWith: leaders } : {}) },
    notify: [
      {
        to: input.subjectId,
        purpose: 'caseDecided',
        title: `违规处理：${PENALTY_LABELS[input.step]}`,
        body: `你在${what}，处理为${PENALTY_LABELS[input.step]}。如有异议请于 ${dayTime(due.dueAt)} 前申诉`,
      },
      ...(removal
        ? audience(ctx.admins.filter((a) => a !== input.subjectId), input.openedBy).map((to): Notice => ({
            to,
            purpose: 'newTask',
            title: '待移出群成员',
            body: `请在微信群「${input.groupName}」中移出 ${input.subjectName}，完成后在小程序确认`,
          }))
        : []),
    ],
  });
  if (!removal) return decided;
  // 备案: the removal is filed with the leader, as its own entry in the history.
  return move(decided, ctx, {
    action: 'file',
    by: null,
    to: 'vio_decided',
    note: leaders.length ? '移出群聊已报上级领导备案' : '本群未设上级领导，备案待补',
    notify: leaders.map((to): Notice => ({
      to,
      purpose: 'newTask',
      title: '违规移出备案',
      body: `${input.subjectName} 因${what}被移出群聊，报你备案`,
    })),
  });
}

function mayRule(actor: CaseActor, c: ViolationCase): boolean {
  return !!actor.id && actor.id !== c.subjectId && actor.rolesInGroup.includes('leader');
}
function mayAnswer(actor: CaseActor, c: ViolationCase): boolean {
  return !!actor.id && actor.id !== c.subjectId && (c.data.appeal?.reviewers ?? []).includes(actor.id);
}
function mayConfirmTask(actor: CaseActor, c: ViolationCase): boolean {
  return !!actor.id && actor.id !== c.subjectId && actor.rolesInGroup.includes('admin') && c.data.task?.status === 'pending';
}

export function violationAllowed(c: ViolationCase, actor: CaseActor, now: number): CaseCommand[] {
  const out: CaseCommand[] = [];
  const s = c.state as ViolationState;
  const me = actor.id;
  const d = c.data;
  if (s === 'vio_referred' && mayRule(actor, c)) out.push('decideMeasure');
  if (s === 'vio_decided' && me === c.subjectId) {
    if (d.appealDeadline !== null && now <= d.appealDeadline) out.push('appeal');
    out.push('accept');
  }
  if (s === 'vio_appealed' && mayAnswer(actor, c)) out.push('answer');
  if (s === 'vio_appealed' && c.escalation >= 2 && mayRule(actor, c)) out.push('rule');
  if (s === 'vio_answered' && me === c.subjectId) {
    if (d.escalateDeadline !== null && now <= d.escalateDeadline) out.push('escalate');
    out.push('accept');
  }
  if (s === 'vio_escalated' && mayRule(actor, c)) out.push('rule');
  if (mayConfirmTask(actor, c)) out.push(TASK_COMMAND);
  return out;
}

/** Why the member can no longer appeal or escalate, in one sentence; null while they can. */
export function appealClosedReason(c: ViolationCase, now: number): string | null {
  const d = c.data;
  switch (c.state as ViolationState) {
    case 'vio_referred':
      return '上级领导尚未决定处分，决定后才能申诉。';
    case 'vio_decided':
      return d.appealDeadline !== null && now > d.appealDeadline ? `申诉期已于 ${dayTime(d.appealDeadline)} 截止，处理决定已生效。` : null;
    case 'vio_appealed':
    case 'vio_escalated':
      return '你的申诉正在处理中，同一处理决定一次只能有一个申诉。';
    case 'vio_answered':
      return d.escalateDeadline !== null && now > d.escalateDeadline ? `向上级领导申诉的期限已于 ${dayTime(d.escalateDeadline)} 截止。` : null;
    case 'vio_final':
      return '处理决定已生效，不能再申诉。';
    case 'vio_revoked':
      return '处理已撤销，无需申诉。';
  }
}

/** The new penalty an outcome gives, or a refusal. */
function outcomePenalty(current: Penalty | 'pending', outcome: AppealOutcome, reducedTo?: Penalty): Penalty | Refusal {
  if (current === 'pending' || current === 'none') return refuse('CASE_NOT_OPEN');
  if (outcome === 'uphold') return current;
  if (outcome === 'revoke') return 'none';
  if (current === 'warning') return refuse('PENALTY_NOT_ALLOWED', '警告已是最轻的处理，请选择维持或撤销');
  if (!reducedTo) return refuse('PENALTY_NOT_ALLOWED', '减轻处理时请选择减轻后的处理');
  if (!isLighter(current, reducedTo)) {
    return refuse('PENALTY_NOT_ALLOWED', `“${PENALTY_LABELS[reducedTo]}”不比“${PENALTY_LABELS[current]}”轻，请重新选择`);
  }
  return reducedTo;
}

/** When the member no longer has to leave the group: cancel the removal, or ask to re-add them. */
function taskAfter(d: ViolationData, penalty: Penalty): WechatTask | null {
  if (penalty === 'removal' || d.task?.action !== 'remove') return d.task;
  if (d.task.status === 'pending') return { ...d.task, status: 'cancelled' };
  if (d.task.status === 'done') return { action: 'readd', status: 'pending', by: null, at: null };
  return d.task;
}

function taskNotices(c: ViolationCase, ctx: ViolationContext, task: WechatTask | null, by: string | null): Notice[] {
  if (task?.action !== 'readd' || task.status !== 'pending' || c.data.task?.action === 'readd') return [];
  return audience(ctx.admins.filter((a) => a !== c.subjectId), by).map((to) => ({
    to,
    purpose: 'newTask' as const,
    title: '待将成员重新拉回群',
    body: `${c.data.subjectName} 的移出处理已撤销或减轻，请在「${c.data.groupName}」重新邀请其入群并确认`,
  }));
}

export function decideViolation(c: ViolationCase, cmd: ViolationCommand, actor: CaseActor, ctx: ViolationContext): Decision<ViolationCase> {
  const s = c.state as ViolationState;
  const rules = violationMachine[s];
  if (!rules) return refuse('INTERNAL');
  const d = c.data;
  const { now } = ctx;
  const v = ctx.settings.violation;

  if (cmd.type === 'confirmTask') {
    if (d.task?.status !== 'pending') return refuse('TASK_NOT_PENDING');
    if (!mayConfirmTask(actor, c)) return refuse('FORBIDDEN');
    const task: WechatTask = { ...d.task, status: 'done', by: actor.id, at: now };
    return {
      ok: true,
      case: move(c, ctx, {
        action: d.task.action === 'remove' ? 'confirm_removal' : 'confirm_readd',
        by: actor.id,
        to: s,
        note: cmd.note,
        escalation: c.escalation,
        data: { task },
      }),
    };
  }

  // The member's own steps are theirs alone, whatever the state.
  if ((cmd.type === 'appeal' || cmd.type === 'accept' || cmd.type === 'escalate') && actor.id !== c.subjectId) return refuse('FORBIDDEN');
  if (!(cmd.type in rules.commands)) return refuseOutOfState(c, cmd, now);

  switch (cmd.type) {
    case 'decideMeasure': {
      if (!mayRule(actor, c)) return refuse('FORBIDDEN');
      if (!cmd.reason.trim()) return refuse('REASON_REQUIRED', '决定纪律处分时请写明理由');
      const due = deadline(ctx, v.appealDays);
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'decide_measure',
          by: actor.id,
          to: 'vio_decided',
          note: `${PENALTY_LABELS[cmd.measure]}。理由：${cmd.reason.trim()}`,
          ...due,
          wakeAt: due.dueAt,
          data: { penalty: cmd.measure, measureReason: cmd.reason.trim(), decidedBy: actor.id, appealDeadline: due.dueAt },
          notify: [
            {
              to: c.subjectId,
              purpose: 'caseDecided',
              title: `纪律处分：${PENALTY_LABELS[cmd.measure]}`,
              body: `上级领导决定给予${PENALTY_LABELS[cmd.measure]}。如有异议请于 ${dayTime(due.dueAt)} 前申诉`,
            },
            ...audience([c.openedBy], actor.id).map((to): Notice => ({
              to,
              purpose: 'caseDecided',
              title: '领导已决定纪律处分',
              body: `${d.subjectName}：${PENALTY_LABELS[cmd.measure]}`,
            })),
          ],
        }),
      };
    }
    case 'appeal': {
      if (actor.id !== c.subjectId) return refuse('FORBIDDEN');
      if (d.appealDeadline === null || now > d.appealDeadline) return refuse('APPEAL_CLOSED', appealClosedReason(c, now) ?? undefined);
      if (!cmd.reasons.trim()) return refuse('REASON_REQUIRED', '申诉时请写明理由');
      const byLeader = d.decidedBy !== c.openedBy;
      const reviewers = byLeader ? [] : appealReviewers(d.decidedBy, c.subjectId, ctx.admins, ctx.leaders);
      const due = deadline(ctx, v.answerDays);
      const appeal = { reasons: cmd.reasons.trim(), evidence: cmd.evidence, at: now, reviewers };
      const to: ViolationState = byLeader ? 'vio_escalated' : 'vio_appealed';
      const notify: Notice[] = (byLeader ? ctx.leaders.filter((l) => l !== c.subjectId) : reviewers).map((r) => ({
        to: r,
        purpose: byLeader ? ('escalation' as const) : ('newTask' as const),
        title: byLeader ? '纪律处分申诉待裁决' : '新的违规申诉',
        body: `${d.subjectName} 对「${d.groupName}」的处理提出申诉，请于 ${day(due.dueAt)} 前答复`,
      }));
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'appeal',
          by: actor.id,
          to,
          note: appeal.reasons,
          ...due,
          wakeAt: due.dueAt,
          data: byLeader ? { appeal, escalation: { reasons: appeal.reasons, at: now } } : { appeal },
          notify,
        }),
      };
    }
    case 'accept': {
      if (actor.id !== c.subjectId) return refuse('FORBIDDEN');
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'accept',
          by: actor.id,
          to: 'vio_final',
          dueAt: null,
          wakeAt: null,
          notify: audience([d.answer?.by ?? d.decidedBy], actor.id).map((to) => ({
            to,
            purpose: 'caseDecided' as const,
            title: '成员接受处理结果',
            body: `${d.subjectName} 接受了「${d.groupName}」的处理结果`,
          })),
        }),
      };
    }
    case 'answer': {
      if (!mayAnswer(actor, c)) return refuse('FORBIDDEN');
      if (!cmd.finding.trim()) return refuse('REASON_REQUIRED', '答复申诉时请写明调查核实的结论');
      const penalty = outcomePenalty(d.penalty, cmd.outcome, cmd.reducedTo);
      if (typeof penalty === 'object') return penalty;
      const answer = { outcome: cmd.outcome, finding: cmd.finding.trim(), by: actor.id!, at: now, penalty };
      const task = taskAfter(d, penalty);
      const revoked = penalty === 'none';
      const due = revoked ? null : deadline(ctx, v.escalateDays);
      const result = `${APPEAL_OUTCOME_LABELS[cmd.outcome]}${cmd.outcome === 'reduce' ? `为${PENALTY_LABELS[penalty]}` : ''}`;
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'answer',
          by: actor.id,
          to: revoked ? 'vio_revoked' : 'vio_answered',
          note: `${result}。${answer.finding}`,
          dueAt: due?.dueAt ?? null,
          dueAtUnconfirmed: due?.dueAtUnconfirmed ?? false,
          wakeAt: due?.dueAt ?? null,
          data: { answer, penalty, task, escalateDeadline: due?.dueAt ?? null },
          notify: [
            {
              to: c.subjectId,
              purpose: 'caseDecided',
              title: `申诉结果：${APPEAL_OUTCOME_LABELS[cmd.outcome]}`,
              body: revoked
                ? `管理员已撤销对你的处理：${answer.finding}`
                : `${result}。如仍不满意，可于 ${dayTime(due!.dueAt)} 前向上级领导申诉`,
            },
            ...taskNotices(c, ctx, task, actor.id),
          ],
        }),
      };
    }
    case 'escalate': {
      if (actor.id !== c.subjectId) return refuse('FORBIDDEN');
      if (d.escalateDeadline === null || now > d.escalateDeadline) return refuse('APPEAL_CLOSED', appealClosedReason(c, now) ?? undefined);
      if (!cmd.reasons.trim()) return refuse('REASON_REQUIRED', '向上级领导申诉时请写明理由');
      const due = deadline(ctx, v.answerDays);
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'escalate_appeal',
          by: actor.id,
          to: 'vio_escalated',
          note: cmd.reasons.trim(),
          ...due,
          wakeAt: due.dueAt,
          data: { escalation: { reasons: cmd.reasons.trim(), at: now } },
          notify: leaders.map((to) => ({
            to,
            purpose: 'escalation' as const,
            title: '违规申诉待最终裁决',
            body: `${d.subjectName} 对「${d.groupName}」的申诉答复不服，请于 ${day(due.dueAt)} 前裁决`,
          })),
        }),
      };
    }
    case 'rule': {
      if (!mayRule(actor, c)) return refuse('FORBIDDEN');
      if (s === 'vio_appealed' && c.escalation < 2) return refuse('FORBIDDEN', '申诉由管理员答复；管理员超期未答复时才会报你处理');
      if (!cmd.finding.trim()) return refuse('REASON_REQUIRED', '最终裁决时请写明理由');
      const penalty = outcomePenalty(d.penalty, cmd.outcome, cmd.reducedTo);
      if (typeof penalty === 'object') return penalty;
      const ruling = { outcome: cmd.outcome, finding: cmd.finding.trim(), by: actor.id!, at: now, penalty };
      const task = taskAfter(d, penalty);
      const result = `${APPEAL_OUTCOME_LABELS[cmd.outcome]}${cmd.outcome === 'reduce' ? `为${PENALTY_LABELS[penalty]}` : ''}`;
      return {
        ok: true,
        case: move(c, ctx, {
          action: s === 'vio_appealed' ? 'take_over_rule' : 'rule',
          by: actor.id,
          to: penalty === 'none' ? 'vio_revoked' : 'vio_final',
          note: `最终裁决：${result}。${ruling.finding}`,
          dueAt: null,
          wakeAt: null,
          data: { ruling, penalty, task },
          notify: [
            { to: c.subjectId, purpose: 'caseDecided', title: `最终裁决：${APPEAL_OUTCOME_LABELS[cmd.outcome]}`, body: `${result}。${ruling.finding}` },
            ...audience([d.decidedBy, ...(d.appeal?.reviewers ?? [])], actor.id)
              .filter((to) => to !== c.subjectId)
              .map((to) => ({ to, purpose: 'caseDecided' as const, title: '领导已作最终裁决', body: `${d.subjectName}：${result}` })),
            ...taskNotices(c, ctx, task, actor.id),
          ],
        }),
      };
    }
    case 'timeout':
      return timeout(c, actor, ctx);
  }
}

function timeout(c: ViolationCase, actor: CaseActor, ctx: ViolationContext): Decision<ViolationCase> {
  const { now } = ctx;
  // A stale timer (the case moved on, or nothing is timed) does nothing.
  if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return refuse('CASE_NOT_OPEN');
  const d = c.data;
  const s = c.state as ViolationState;
  const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
  switch (s) {
    case 'vio_decided':
    case 'vio_answered':
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'finalize',
          by: null,
          to: 'vio_final',
          note: s === 'vio_decided' ? '申诉期届满，处理决定生效' : '申诉人未在期限内向上级领导申诉，答复结果生效',
          dueAt: null,
          wakeAt: null,
          notify: [
            {
              to: c.subjectId,
              purpose: 'caseDecided',
              title: '违规处理已生效',
              body: `你在「${d.groupName}」的违规处理（${PENALTY_LABELS[d.penalty as Penalty]}）已生效`,
            },
          ],
        }),
      };
    case 'vio_appealed': {
      if (c.escalation === 0) {
        const due = deadline(ctx, ctx.settings.violation.remindAfterDays);
        return {
          ok: true,
          case: move(c, ctx, {
            action: 'remind',
            by: null,
            to: s,
            escalation: 1,
            ...due,
            wakeAt: due.dueAt,
            notify: audience(d.appeal?.reviewers ?? [], null).map((to) => ({
              to,
              purpose: 'reminder' as const,
              title: '违规申诉已超期',
              body: `${d.subjectName} 的申诉已超过答复期限，请于 ${day(due.dueAt)} 前答复，否则将报上级领导`,
            })),
          }),
        };
      }
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'escalate',
          by: null,
          to: s,
          escalation: 2,
          wakeAt: null,
          notify: leaders.map((to) => ({
            to,
            purpose: 'escalation' as const,
            title: '违规申诉超期未答复',
            body: `「${d.groupName}」管理员超期未答复 ${d.subjectName} 的申诉，请督办或直接裁决`,
          })),
        }),
      };
    }
    case 'vio_referred':
    case 'vio_escalated': {
      if (c.escalation > 0) return refuse('CASE_NOT_OPEN');
      return {
        ok: true,
        case: move(c, ctx, {
          action: 'remind',
          by: null,
          to: s,
          escalation: 1,
          wakeAt: null,
          notify: leaders.map((to) => ({
            to,
            purpose: 'reminder' as const,
            title: s === 'vio_referred' ? '违规事项待定处分已超期' : '违规申诉裁决已超期',
            body: `${d.subjectName} 在「${d.groupName}」的违规事项等待你处理，已超过期限`,
          })),
        }),
      };
    }
    default:
      return refuse('CASE_NOT_OPEN');
  }
}

function refuseOutOfState(c: ViolationCase, cmd: ViolationCommand, now: number): Refusal {
  const s = c.state as ViolationState;
  switch (cmd.type) {
    case 'appeal':
      if (s === 'vio_appealed' || s === 'vio_escalated') return refuse('APPEAL_ALREADY_OPEN');
      if (s === 'vio_answered') return refuse('APPEAL_ALREADY_OPEN', '管理员已答复你的申诉；如仍不满意，请向上级领导申诉');
      return refuse('APPEAL_CLOSED', appealClosedReason(c, now) ?? undefined);
    case 'escalate':
      if (s === 'vio_escalated') return refuse('APPEAL_ALREADY_OPEN', '你已向上级领导申诉，请等待最终裁决');
      return refuse('APPEAL_CLOSED', s === 'vio_decided' ? '请先向管理员申诉；管理员答复后仍不满意才可向上级领导申诉' : appealClosedReason(c, now) ?? undefined);
    case 'answer':
    case 'rule':
    case 'decideMeasure':
      return refuse('CASE_ALREADY_DECIDED', `该事项已是“${STATE_LABELS[s]}”，请刷新查看最新结果`);
    case 'accept':
      return refuse('CASE_NOT_OPEN', '当前没有需要你确认的处理结果');
    default:
      return refuse('CASE_NOT_OPEN');
  }
}


/** A short title for lists: who, what, the penalty as it stands. */
export function violationTitle(c: ViolationCase): string {
  const p = c.data.penalty;
  const penalty = p === 'pending' ? '待定处分' : PENALTY_LABELS[p];
  return `${c.data.subjectName}：${c.data.category}（${penalty}）`;
}
