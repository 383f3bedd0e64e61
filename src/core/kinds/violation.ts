// A violation case (§7): the decision from the penalty ladder, then the two-tier appeal (§7.3).
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
//   any state     ──timeout, the task overdue──────   (1st: remind the admins; 2nd: alert the leader)
//   any state     ──mediaVerdict (system)──────────   an attached image's content check came back
//
// The case stays open while a WeChat task (remove / re-add the member) waits on an admin. The task is
// data of the case, with its own deadline in working days (violation.removalDays) and its own
// reminder stage, so the case has two timers: the state's (appeal periods, answers) and the task's;
// it wakes at the earlier (`wakeAt` below), the state's first when both are due. Its one effect
// marks the images it attaches as used (so they are not cleaned up as stray uploads).
import {
  APPEAL_OUTCOME_LABELS,
  MEASURES,
  PENALTY_LABELS,
  SEVERITY_LABELS,
  STATE_LABELS,
  type AppealOutcome,
  type Measure,
  type Penalty,
  type CitedBackup,
  type MediaState,
  type ViolationData,
  type WechatTask,
} from '../../contract';
import {
  audience,
  computeDue,
  defineKind,
  openCase,
  refuse,
  remindThenEscalate,
  type Command,
  type CommandType,
  type Guard,
  type KindContext,
  type Notice,
  type Refusal,
  type StepEnv,
  type StepSpec,
  type Transition,
} from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { attachUploads, mediaOf, othersThan } from './common';

export type { ViolationData, WechatTask };
export type ViolationCase = Case<ViolationData>;

export type ViolationCommand =
  | { type: 'decideMeasure'; measure: Measure; reason: string }
  | { type: 'appeal'; reasons: string; evidence: string[]; media?: Record<string, MediaState> }
  | { type: 'accept' }
  | { type: 'answer'; outcome: AppealOutcome; finding: string; reducedTo?: Penalty }
  | { type: 'escalate'; reasons: string }
  | { type: 'rule'; outcome: AppealOutcome; finding: string; reducedTo?: Penalty }
  | { type: 'confirmTask'; note?: string }
  | { type: 'mediaVerdict'; fileId: string; verdict: 'pass' | 'risky'; label?: string }
  | { type: 'timeout' };

/** The command's own fields (the engine hands every command over untyped). */
const input = <T extends ViolationCommand['type']>(cmd: Command) => cmd as unknown as Extract<ViolationCommand, { type: T }>;

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

/** A short title for lists: who, what, the penalty as it stands. */
export function violationTitle(c: ViolationCase): string {
  const p = c.data.penalty;
  const penalty = p === 'pending' ? '待定处分' : PENALTY_LABELS[p];
  return `${c.data.subjectName}：${c.data.category}（${penalty}）`;
}

type ViolationState = 'vio_referred' | 'vio_decided' | 'vio_appealed' | 'vio_answered' | 'vio_escalated' | 'vio_final' | 'vio_revoked';

const leadersOf = (c: ViolationCase, ctx: KindContext) => othersThan(ctx.leaders, c.subjectId);
const taskPending = (c: ViolationCase) => c.data.task?.status === 'pending';

/** Who the case waits on: the state's people, and the admins while a WeChat task is pending. */
function waitingOn(c: ViolationCase, ctx: KindContext): string[] {
  const leaders = leadersOf(c, ctx);
  const task = taskPending(c) ? othersThan(ctx.admins, c.subjectId) : [];
  const base: Record<ViolationState, string[]> = {
    vio_referred: leaders,
    vio_decided: [c.subjectId],
    vio_appealed: [...(c.data.appeal?.reviewers ?? []), ...(c.escalation >= 2 ? leaders : [])],
    vio_answered: [c.subjectId],
    vio_escalated: leaders,
    vio_final: [],
    vio_revoked: [],
  };
  return [...new Set([...base[c.state as ViolationState], ...task])];
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
const penaltyOf = (c: ViolationCase, cmd: Command) => {
  const o = input<'answer' | 'rule'>(cmd);
  return outcomePenalty(c.data.penalty, o.outcome, o.reducedTo);
};
const checkOutcome = (c: ViolationCase, cmd: Command) => {
  const p = penaltyOf(c, cmd);
  return typeof p === 'object' ? p : null;
};
const outcomeText = (outcome: AppealOutcome, penalty: Penalty) => `${APPEAL_OUTCOME_LABELS[outcome]}${outcome === 'reduce' ? `为${PENALTY_LABELS[penalty]}` : ''}`;

/** A WeChat task for the admins, due in violation.removalDays working days. */
export function newTask(action: WechatTask['action'], now: number, settings: KindContext['settings']): WechatTask {
  return { action, status: 'pending', by: null, at: null, dueAt: computeDue('violation.removalDays', now, settings).dueAt, stage: 0 };
}

/** When the member no longer has to leave the group: cancel the removal, or ask to re-add them. */
function taskAfter(d: ViolationData, penalty: Penalty, env: KindContext): WechatTask | null {
  if (penalty === 'removal' || d.task?.action !== 'remove') return d.task;
  if (d.task.status === 'pending') return { ...d.task, status: 'cancelled' };
  if (d.task.status === 'done') return newTask('readd', env.now, env.settings);
  return d.task;
}

function taskNotices(c: ViolationCase, ctx: KindContext, task: WechatTask | null, by: string | null): Notice[] {
  if (task?.action !== 'readd' || task.status !== 'pending' || c.data.task?.action === 'readd') return [];
  return audience(othersThan(ctx.admins, c.subjectId), by).map((to) => ({
    to,
    purpose: 'newTask' as const,
    title: '待将成员重新拉回群',
    body: `${c.data.subjectName} 的移出处理已撤销或减轻，请在「${c.data.groupName}」重新邀请其入群并确认`,
  }));
}


// ── The two timers: the state's and the WeChat task's ───────────────────────────────────────

/** When the state's own timer fires (a period ending, an answer or ruling overdue), read from the case. */
function stateWake(c: ViolationCase): number | null {
  switch (c.state as ViolationState) {
    case 'vio_decided':
    case 'vio_answered':
      // The period ends: the decision (or answer) stands.
      return c.dueAt;
    case 'vio_referred':
    case 'vio_escalated':
      // The leaders are reminded once.
      return c.escalation < 1 ? c.dueAt : null;
    case 'vio_appealed':
      // The reviewer is reminded, then the leader alerted.
      return c.escalation < 2 ? c.dueAt : null;
    default:
      return null;
  }
}

/** When the pending WeChat task is next due (its deadline, then the reminder's); null once the leader is alerted. */
function taskWake(c: ViolationCase): number | null {
  const t = c.data.task;
  return t?.status === 'pending' && (t.stage ?? 0) < 2 && typeof t.dueAt === 'number' ? t.dueAt : null;
}

function wakeOf(c: ViolationCase): number | null {
  const times = [stateWake(c), taskWake(c)].filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** The overdue WeChat task: remind the admins with a fresh deadline, then alert the leaders; the state stays. */
function taskTimeout(c: ViolationCase, env: StepEnv): StepSpec<ViolationCase> {
  const task = c.data.task!;
  const what = `${task.action === 'remove' ? '移出' : '重新拉回'} ${c.data.subjectName}`;
  const title = task.action === 'remove' ? '移出群成员' : '重新拉回群成员';
  if ((task.stage ?? 0) === 0) {
    const due = computeDue('violation.remindAfterDays', env.now, env.settings);
    return {
      action: 'task_remind',
      to: c.state,
      note: `${title}已超期，已提醒管理员`,
      data: { task: { ...task, stage: 1, dueAt: due.dueAt } },
      notify: othersThan(env.admins, c.subjectId).map((to) => ({
        to,
        purpose: 'reminder' as const,
        title: `${title}已超期`,
        body: `请在「${c.data.groupName}」${what}并在小程序确认；${day(due.dueAt)} 前仍未确认将报上级领导`,
      })),
    };
  }
  return {
    action: 'task_escalate',
    to: c.state,
    note: `${title}超期未完成，已报上级领导`,
    data: { task: { ...task, stage: 2 } },
    notify: leadersOf(c, env).map((to) => ({
      to,
      purpose: 'escalation' as const,
      title: `${title}超期未完成`,
      body: `「${c.data.groupName}」管理员超期未${what}，请督办`,
    })),
  };
}

/**
 * A state's timeout with the task's beside it: the task's acts when it is due and the state's is
 * not, otherwise the state's (as it always did). The shared remind → escalate ladder keeps its stage
 * in the case's `escalation`, which belongs to the state here, so the task keeps its own `stage`.
 */
function withTask(state: ViolationState, own?: Transition<ViolationCase>): Transition<ViolationCase> {
  const ownTargets = own ? (Array.isArray(own.to) ? own.to : [own.to as string]).map((t) => (t === '*' ? state : t)) : [];
  return {
    who: ['system'],
    to: [...new Set([state, ...ownTargets])],
    then: (c, cmd, env) => {
      const sw = stateWake(c);
      const tw = taskWake(c);
      if (tw !== null && tw <= env.now && !(own && sw !== null && sw <= env.now)) return taskTimeout(c, env);
      if (!own) return refuse('CASE_NOT_OPEN');
      const s = own.then(c, cmd, env);
      return typeof s === 'object' && !('ok' in s) && s.to === undefined && ownTargets.length === 1 ? { ...s, to: ownTargets[0] } : s;
    },
  };
}

/** An attached image's content check came back: record it; a risky one is hidden and the admins told. */
function mediaVerdict(state: ViolationState): Transition<ViolationCase> {
  return {
    who: ['system'],
    to: state,
    // Only an image still waiting: a repeated verdict, or one for an image the case lacks, changes nothing.
    check: (c, cmd) => (c.data.media?.[String(cmd.fileId)] === 'pending' ? null : refuse('CASE_NOT_OPEN')),
    then: (c, cmd, env) => {
      const { fileId, verdict, label } = input<'mediaVerdict'>(cmd);
      const media = { ...c.data.media, [fileId]: verdict };
      if (verdict === 'pass') return { action: 'media_pass', data: { media } };
      const which = c.data.evidence.includes(fileId) ? '立案证据' : '申诉材料';
      return {
        action: 'media_risky',
        note: `一张${which}图片未通过内容安全检查${label ? `（${label}）` : ''}，已隐藏`,
        data: { media },
        notify: othersThan(env.admins, c.subjectId).map((to) => ({
          to,
          purpose: 'newTask' as const,
          title: '证据图片未通过内容安全检查',
          body: `「${c.data.groupName}」${c.data.subjectName} 的违规事项中有一张${which}图片已被隐藏，请核实`,
        })),
      };
    },
  };
}

// ── The transitions ─────────────────────────────────────────────────────────────────────────

const appealOpen: Guard<ViolationCase> = (c, { now }) =>
  c.data.appealDeadline === null || now > c.data.appealDeadline ? refuse('APPEAL_CLOSED', appealClosedReason(c, now) ?? undefined) : null;
const escalateOpen: Guard<ViolationCase> = (c, { now }) =>
  c.data.escalateDeadline === null || now > c.data.escalateDeadline ? refuse('APPEAL_CLOSED', appealClosedReason(c, now) ?? undefined) : null;

const decideMeasure: Transition<ViolationCase> = {
  who: ['leader'],
  notSubject: true,
  to: 'vio_decided',
  needs: 'reason',
  deadline: 'violation.appealDays',
  then: (c, cmd, { actor, due }) => {
    const { measure, reason } = input<'decideMeasure'>(cmd);
    return {
      action: 'decide_measure',
      note: `${PENALTY_LABELS[measure]}。理由：${reason.trim()}`,
      data: { penalty: measure, measureReason: reason.trim(), decidedBy: actor.id!, appealDeadline: due!.dueAt },
      notify: [
        {
          to: c.subjectId,
          purpose: 'caseDecided',
          title: `纪律处分：${PENALTY_LABELS[measure]}`,
          body: `上级领导决定给予${PENALTY_LABELS[measure]}。如有异议请于 ${dayTime(due!.dueAt)} 前申诉`,
        },
        ...audience([c.openedBy], actor.id).map((to): Notice => ({
          to,
          purpose: 'caseDecided',
          title: '领导已决定纪律处分',
          body: `${c.data.subjectName}：${PENALTY_LABELS[measure]}`,
        })),
      ],
    };
  },
};

const appeal: Transition<ViolationCase> = {
  who: ['subject'],
  to: ['vio_appealed', 'vio_escalated'],
  guard: appealOpen,
  needs: 'reasons',
  deadline: 'violation.answerDays',
  then: (c, cmd, env) => {
    const d = c.data;
    const { reasons, evidence, media } = input<'appeal'>(cmd);
    // A measure the leader decided has no admin tier: its appeal goes straight to the leader.
    const byLeader = d.decidedBy !== c.openedBy;
    const reviewers = byLeader ? [] : appealReviewers(d.decidedBy, c.subjectId, env.admins, env.leaders);
    const due = env.due!;
    const a = { reasons: reasons.trim(), evidence, at: env.now, reviewers };
    return {
      action: 'appeal',
      to: byLeader ? 'vio_escalated' : 'vio_appealed',
      note: a.reasons,
      data: {
        appeal: a,
        ...(byLeader ? { escalation: { reasons: a.reasons, at: env.now } } : {}),
        ...(evidence.length ? { media: { ...d.media, ...mediaOf(evidence, media) } } : {}),
      },
      effects: attachUploads(c._id, evidence),
      notify: (byLeader ? leadersOf(c, env) : reviewers).map((r) => ({
        to: r,
        purpose: byLeader ? ('escalation' as const) : ('newTask' as const),
        title: byLeader ? '纪律处分申诉待裁决' : '新的违规申诉',
        body: `${d.subjectName} 对「${d.groupName}」的处理提出申诉，请于 ${day(due.dueAt)} 前答复`,
      })),
    };
  },
};

const accept: Transition<ViolationCase> = {
  who: ['subject'],
  to: 'vio_final',
  then: (c, _cmd, { actor }) => ({
    action: 'accept',
    dueAt: null,
    wakeAt: null,
    notify: audience([c.data.answer?.by ?? c.data.decidedBy], actor.id).map((to) => ({
      to,
      purpose: 'caseDecided' as const,
      title: '成员接受处理结果',
      body: `${c.data.subjectName} 接受了「${c.data.groupName}」的处理结果`,
    })),
  }),
};

const answer: Transition<ViolationCase> = {
  who: ['reviewer'],
  notSubject: true,
  to: ['vio_answered', 'vio_revoked'],
  needs: 'finding',
  check: checkOutcome,
  // Computed always; a revoke closes the case and clears it below.
  deadline: 'violation.escalateDays',
  then: (c, cmd, env) => {
    const { outcome, finding } = input<'answer'>(cmd);
    const penalty = penaltyOf(c, cmd) as Penalty;
    const a = { outcome, finding: finding.trim(), by: env.actor.id!, at: env.now, penalty };
    const task = taskAfter(c.data, penalty, env);
    const revoked = penalty === 'none';
    const due = revoked ? null : env.due!;
    const result = outcomeText(outcome, penalty);
    return {
      action: 'answer',
      to: revoked ? 'vio_revoked' : 'vio_answered',
      note: `${result}。${a.finding}`,
      ...(revoked ? { dueAt: null, dueAtUnconfirmed: false, wakeAt: null } : {}),
      data: { answer: a, penalty, task, escalateDeadline: due?.dueAt ?? null },
      notify: [
        {
          to: c.subjectId,
          purpose: 'caseDecided',
          title: `申诉结果：${APPEAL_OUTCOME_LABELS[outcome]}`,
          body: revoked ? `管理员已撤销对你的处理：${a.finding}` : `${result}。如仍不满意，可于 ${dayTime(due!.dueAt)} 前向上级领导申诉`,
        },
        ...taskNotices(c, env, task, env.actor.id),
      ],
    };
  },
};

const escalate: Transition<ViolationCase> = {
  who: ['subject'],
  to: 'vio_escalated',
  guard: escalateOpen,
  needs: 'reasons',
  deadline: 'violation.answerDays',
  then: (c, cmd, env) => {
    const reasons = input<'escalate'>(cmd).reasons.trim();
    const due = env.due!;
    return {
      action: 'escalate_appeal',
      note: reasons,
      data: { escalation: { reasons, at: env.now } },
      notify: leadersOf(c, env).map((to) => ({
        to,
        purpose: 'escalation' as const,
        title: '违规申诉待最终裁决',
        body: `${c.data.subjectName} 对「${c.data.groupName}」的申诉答复不服，请于 ${day(due.dueAt)} 前裁决`,
      })),
    };
  },
};

/** The leader's final ruling; in vio_appealed only once the admin's answer is overdue and escalated. */
function rule(takeOver: boolean): Transition<ViolationCase> {
  return {
    who: ['leader'],
    notSubject: true,
    to: ['vio_final', 'vio_revoked'],
    ...(takeOver
      ? { guard: (c: ViolationCase) => (c.escalation < 2 ? refuse('FORBIDDEN', '申诉由管理员答复；管理员超期未答复时才会报你处理') : null) }
      : {}),
    needs: 'finding',
    check: checkOutcome,
    then: (c, cmd, env) => {
      const d = c.data;
      const { outcome, finding } = input<'rule'>(cmd);
      const penalty = penaltyOf(c, cmd) as Penalty;
      const ruling = { outcome, finding: finding.trim(), by: env.actor.id!, at: env.now, penalty };
      const task = taskAfter(d, penalty, env);
      const result = outcomeText(outcome, penalty);
      return {
        action: takeOver ? 'take_over_rule' : 'rule',
        to: penalty === 'none' ? 'vio_revoked' : 'vio_final',
        note: `最终裁决：${result}。${ruling.finding}`,
        dueAt: null,
        wakeAt: null,
        data: { ruling, penalty, task },
        notify: [
          { to: c.subjectId, purpose: 'caseDecided', title: `最终裁决：${APPEAL_OUTCOME_LABELS[outcome]}`, body: `${result}。${ruling.finding}` },
          ...audience([d.decidedBy, ...(d.appeal?.reviewers ?? [])], env.actor.id)
            .filter((to) => to !== c.subjectId)
            .map((to) => ({ to, purpose: 'caseDecided' as const, title: '领导已作最终裁决', body: `${d.subjectName}：${result}` })),
          ...taskNotices(c, env, task, env.actor.id),
        ],
      };
    },
  };
}

/** The member let the period pass: the decision (or the answer) stands. */
function finalize(note: string): Transition<ViolationCase> {
  return {
    who: ['system'],
    to: 'vio_final',
    then: (c) => ({
      action: 'finalize',
      note,
      dueAt: null,
      wakeAt: null,
      notify: [
        {
          to: c.subjectId,
          purpose: 'caseDecided',
          title: '违规处理已生效',
          body: `你在「${c.data.groupName}」的违规处理（${PENALTY_LABELS[c.data.penalty as Penalty]}）已生效`,
        },
      ],
    }),
  };
}

/** The leaders are reminded once; nothing more is timed. */
function remindLeaders(title: string): Transition<ViolationCase> {
  return remindThenEscalate<ViolationCase>({
    remind: {
      to: leadersOf,
      title,
      body: (c) => `${c.data.subjectName} 在「${c.data.groupName}」的违规事项等待你处理，已超过期限`,
    },
  });
}

/** An admin did the WeChat task (remove, or re-add after a revoke); allowed in every state while it waits. */
function confirmTask(state: ViolationState): Transition<ViolationCase> {
  return {
    // A task that is not pending is TASK_NOT_PENDING whoever asks (checked before who).
    guardFirst: (c) => (taskPending(c) ? null : refuse('TASK_NOT_PENDING')),
    who: ['admin'],
    notSubject: true,
    to: state,
    then: (c, cmd, env) => ({
      action: c.data.task!.action === 'remove' ? 'confirm_removal' : 'confirm_readd',
      note: input<'confirmTask'>(cmd).note,
      data: { task: { ...c.data.task!, status: 'done', by: env.actor.id, at: env.now } },
    }),
  };
}

/** A state's commands, with confirmTask last (the order `allowed` offers them in), the task's timer beside the state's, and image verdicts. */
const on = (state: ViolationState, commands: Partial<Record<CommandType, Transition<ViolationCase>>>) => ({
  ...commands,
  confirmTask: confirmTask(state),
  timeout: withTask(state, commands.timeout),
  mediaVerdict: mediaVerdict(state),
});

/** Final states stay open while a WeChat task waits on an admin. */
const untilTaskDone = (c: ViolationCase) => taskPending(c);

const MEMBER_STEPS: readonly string[] = ['appeal', 'accept', 'escalate'];

/** Why a command the state does not have is refused, as the member or admin should read it. */
function refuseOutOfState(c: ViolationCase, cmd: Command, now: number): Refusal {
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

export const violationKind = defineKind<ViolationCase>({
  kind: 'violation',
  initial: 'vio_decided',
  states: {
    vio_referred: { open: true, on: on('vio_referred', { decideMeasure, timeout: remindLeaders('违规事项待定处分已超期') }) },
    vio_decided: { open: true, on: on('vio_decided', { appeal, accept, timeout: finalize('申诉期届满，处理决定生效') }) },
    vio_appealed: {
      open: true,
      on: on('vio_appealed', {
        answer,
        rule: rule(true),
        timeout: remindThenEscalate<ViolationCase>({
          remind: {
            deadline: 'violation.remindAfterDays',
            to: (c) => audience(c.data.appeal?.reviewers ?? [], null),
            title: '违规申诉已超期',
            body: (c, due) => `${c.data.subjectName} 的申诉已超过答复期限，请于 ${day(due!.dueAt)} 前答复，否则将报上级领导`,
          },
          escalate: {
            to: leadersOf,
            title: '违规申诉超期未答复',
            body: (c) => `「${c.data.groupName}」管理员超期未答复 ${c.data.subjectName} 的申诉，请督办或直接裁决`,
          },
        }),
      }),
    },
    vio_answered: { open: true, on: on('vio_answered', { escalate, accept, timeout: finalize('申诉人未在期限内向上级领导申诉，答复结果生效') }) },
    vio_escalated: { open: true, on: on('vio_escalated', { rule: rule(false), timeout: remindLeaders('违规申诉裁决已超期') }) },
    vio_final: { open: untilTaskDone, on: on('vio_final', {}) },
    vio_revoked: { open: untilTaskDone, on: on('vio_revoked', {}) },
  },
  roles: {
    reviewer: (c, actor) => (c.data.appeal?.reviewers ?? []).includes(actor.id!),
  },
  assignees: waitingOn,
  wakeAt: wakeOf,
  // A step into another state starts its escalation stage afresh (a reminded referral, once decided, is not reminded).
  escalationPerState: true,
  // Every step derives its assignees from the group's admins and leaders now.
  needsGroup: true,
  // The member's own steps are theirs alone, whatever the state: anyone else is FORBIDDEN before
  // being told the state has moved on.
  outOfState: (c, cmd, actor, now) => (MEMBER_STEPS.includes(cmd.type) && actor.id !== c.subjectId ? refuse('FORBIDDEN') : refuseOutOfState(c, cmd, now)),
});

/** What the admin's filing gives: the case's opening data as the admin states it (the rest starts empty), and where it is filed. */
export interface OpenViolationInput
  extends Pick<
    ViolationData,
    'requestId' | 'groupName' | 'subjectName' | 'category' | 'description' | 'evidence' | 'severity' | 'proposed' | 'proposalReasons' | 'priorCount' | 'step' | 'lighterReason'
  > {
  id: string;
  groupId: string;
  subjectId: string;
  openedBy: string;
  /** The content check of each evidence image as the upload records stood ('pending' when not given). */
  media?: Record<string, MediaState>;
  backupIds?: string[];
  /** The cited backups as read now: frozen into the opening entry of the history. */
  citations?: CitedBackup[];
  settingsVersion: number;
  ctx: KindContext;
}

export function openViolation(input: OpenViolationInput): ViolationCase {
  const { ctx } = input;
  const removal = input.step === 'removal';
  const referral = input.step === 'referral';
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
    penalty: referral ? 'pending' : (input.step as Penalty),
    measureReason: null,
    filedWith: [],
    appealDeadline: null,
    appeal: null,
    answer: null,
    escalateDeadline: null,
    escalation: null,
    ruling: null,
    task: removal ? newTask('remove', ctx.now, ctx.settings) : null,
  };
  // Recorded by the opening step, so the history itself holds them (sealed with it).
  const attached: Partial<ViolationData> = {
    ...(input.citations?.length ? { citations: input.citations } : {}),
    ...(input.evidence.length ? { media: mediaOf(input.evidence, input.media) } : {}),
  };
  const leaders = othersThan(ctx.leaders, input.subjectId);
  const what = `「${input.groupName}」${input.category}（${SEVERITY_LABELS[input.severity]}）`;
  const note = [
    `违规类别：${input.category}；情节：${SEVERITY_LABELS[input.severity]}；系统建议：${PENALTY_LABELS[input.proposed]}；处理：${PENALTY_LABELS[input.step]}`,
    input.lighterReason ? `从轻理由：${input.lighterReason}` : '',
  ]
    .filter(Boolean)
    .join('。');

  return openCase(violationKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    data,
    settingsVersion: input.settingsVersion,
    by: input.openedBy,
    ctx,
    deadline: referral ? 'violation.answerDays' : 'violation.appealDays',
    step: ({ due }): StepSpec<ViolationCase> | StepSpec<ViolationCase>[] => {
      const dueAt = due!.dueAt;
      if (referral) {
        return {
          action: 'refer',
          to: 'vio_referred',
          note,
          data: { filedWith: leaders, ...attached },
          effects: attachUploads(input.id, input.evidence),
          notify: [
            ...leaders.map((to): Notice => ({
              to,
              purpose: 'newTask',
              title: '违规事项待定处分',
              body: `${input.subjectName} 在${what}，请于 ${day(dueAt)} 前决定纪律处分`,
            })),
            { to: input.subjectId, purpose: 'caseDecided', title: '违规事项已报上级领导', body: `你在${what}，已报上级领导决定处理` },
          ],
        };
      }
      const decided: StepSpec<ViolationCase> = {
        action: 'decide',
        note,
        data: { appealDeadline: dueAt, ...(removal ? { filedWith: leaders } : {}), ...attached },
        effects: attachUploads(input.id, input.evidence),
        notify: [
          {
            to: input.subjectId,
            purpose: 'caseDecided',
            title: `违规处理：${PENALTY_LABELS[input.step]}`,
            body: `你在${what}，处理为${PENALTY_LABELS[input.step]}。如有异议请于 ${dayTime(dueAt)} 前申诉`,
          },
          ...(removal
            ? audience(othersThan(ctx.admins, input.subjectId), input.openedBy).map((to): Notice => ({
                to,
                purpose: 'newTask',
                title: '待移出群成员',
                body: `请在微信群「${input.groupName}」中移出 ${input.subjectName}，完成后在小程序确认`,
              }))
            : []),
        ],
      };
      if (!removal) return decided;
      // 备案: the removal is filed with the leader, as its own entry in the history (by the system).
      return [
        decided,
        {
          action: 'file',
          by: null,
          note: leaders.length ? '移出群聊已报上级领导备案' : '本群未设上级领导，备案待补',
          notify: leaders.map((to): Notice => ({
            to,
            purpose: 'newTask',
            title: '违规移出备案',
            body: `${input.subjectName} 因${what}被移出群聊，报你备案`,
          })),
        },
      ];
    },
  });
}
