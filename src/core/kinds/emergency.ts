// An emergency (§5.3 保持手机畅通…迅速组织…明确分工), on the wall clock: nights, weekends and
// holidays count the same as working hours.
//
//   em_active ──acknowledge (an assignee: 接收)──────────────▶ em_active
//   em_active ──progress (an assignee; `done` ends their task)─▶ em_active
//   em_active ──reassign / assign (the starter: 转派, 追加分工)──▶ em_active
//   em_active ──close (the starter, with a summary)────────────▶ em_closed
//   em_active ──timeout (every assignment timer that came due)─▶ em_active
//   any state ──mediaVerdict (system)──────────────────────────   an image's content check came back
//
// Each assignment keeps its own state and timers (data.assignments). Not acknowledged within the
// window → the assignee is reminded; one window later → the starter and the group's leader are
// alerted, and nothing more is sent for it. Acknowledged → a 进展 is due by the response deadline
// (a task given later: one response window after it was given), then one window after each report;
// missing it re-opens the assignment (back to 接收 with a
// fresh ladder) and alerts the starter and the leader. Nobody is reminded after acknowledging: an
// acknowledged assignment only has its progress deadline. The case's `wakeAt` is the earliest
// pending timer of any assignment; one timeout step handles every timer that came due, so two due
// at the same minute are one entry of the timeline.
import type { EmergencyAssignment, EmergencyData, MediaState } from '../../contract';
import { audience, defineKind, noticeId, openCase, refuse, type Guard, type KindContext, type Notice, type StepSpec, type Transition } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { attachUploads, mediaOf, othersThan, recordMediaVerdict } from './common';

export type { EmergencyAssignment, EmergencyData };
export type EmergencyCase = Case<EmergencyData>;

/** The commands as the server issues them (names come from the group's roster). */
export type EmergencyCommand =
  | { type: 'acknowledge' }
  | { type: 'progress'; note: string; done?: boolean }
  | { type: 'reassign'; fromPersonId: string; toPersonId: string; toName: string; task?: string }
  | { type: 'assign'; assignments: NewAssignment[] }
  | { type: 'close'; summary: string }
  | { type: 'mediaVerdict'; fileId: string; verdict: 'pass' | 'risky'; label?: string }
  | { type: 'timeout' };

export interface NewAssignment {
  personId: string;
  /** From the group's roster; null when the person is not an active member of the group. */
  name: string | null;
  task: string;
}

/** New tasks: each for a member of the group, one each, each written, nobody already at work on one. */
export function checkAssignments(list: NewAssignment[], c?: EmergencyCase) {
  const ids = list.map((a) => a.personId);
  if (new Set(ids).size !== ids.length) return refuse('ALREADY_ASSIGNED', '同一位成员只能分派一项任务');
  for (const a of list) {
    if (!a.name) return refuse('NOT_MEMBER', '所选的成员不在本群，只能给本群成员分派任务');
    if (!a.task.trim()) return refuse('REASON_REQUIRED', `请写明 ${a.name} 的任务`);
    if (c && liveTaskOf(c, a.personId)) return refuse('ALREADY_ASSIGNED', `${a.name} 已有进行中的任务，可直接转派或调整`);
  }
  return null;
}

const MINUTE = 60_000;
const hm = (ms: number) => formatShanghai(ms, 'HH:mm');

const isLive = (a: EmergencyAssignment) => a.status === 'alerted' || a.status === 'acknowledged';

/** A person's task in progress (at most one at a time). */
export const liveTaskOf = (c: EmergencyCase, personId: string | null) => c.data.assignments.find((a) => a.personId === personId && isLive(a)) ?? null;

/** When an assignment next needs the scheduler: its ladder while waiting for 接收, its progress deadline after. */
function timerOf(a: EmergencyAssignment): number | null {
  if (a.status === 'alerted') return a.ackStage < 2 ? a.ackDueAt : null;
  if (a.status === 'acknowledged') return a.progressDueAt;
  return null;
}

/** The case-level fields the assignments decide: when to wake, and the stage the case card shows. */
function timers(assignments: EmergencyAssignment[]) {
  const due = assignments.map(timerOf).filter((t): t is number => t !== null);
  const stages = assignments.filter((a) => a.status === 'alerted').map((a) => a.ackStage);
  return { wakeAt: due.length ? Math.min(...due) : null, escalation: stages.length ? Math.max(...stages) : 0 };
}

/** The step's new assignments, with the timers they imply. */
const withAssignments = (assignments: EmergencyAssignment[]): Pick<StepSpec<EmergencyCase>, 'data' | 'wakeAt' | 'escalation'> => ({
  data: { assignments },
  ...timers(assignments),
});

function fresh(p: NewAssignment, now: number, ackMinutes: number, notice: string): EmergencyAssignment {
  return {
    personId: p.personId,
    name: p.name ?? '',
    task: p.task.trim(),
    status: 'alerted',
    assignedAt: now,
    ackDueAt: now + ackMinutes * MINUTE,
    ackStage: 0,
    ackedAt: null,
    progressDueAt: null,
    lastProgress: null,
    doneAt: null,
    doneNote: null,
    reopened: 0,
    noticeId: notice,
  };
}

const taskLine = (a: { name: string; task: string }) => `${a.name}（${a.task}）`;

function taskNotice(d: Pick<EmergencyData, 'groupName' | 'title' | 'ackWithinMinutes'>, a: EmergencyAssignment): Notice {
  return {
    to: a.personId,
    purpose: 'newTask',
    title: `紧急任务：${a.task}`,
    body: `「${d.groupName}」${d.title}：请在 ${hm(a.ackDueAt!)} 前打开小程序接收任务`,
  };
}

/** Who hears that an assignment went unanswered or quiet: the starter and the group's leaders. */
const escalationAudience = (c: EmergencyCase, ctx: KindContext) => audience([c.openedBy, ...ctx.leaders], null);

/**
 * The first 进展 is due by the task's response deadline (the emergency's, for a task given at the
 * start); a task acknowledged late still gets one acknowledgement window to report.
 */
const firstProgressDue = (c: EmergencyCase, a: EmergencyAssignment, now: number) =>
  Math.max(a.assignedAt + c.data.respondWithinMinutes * MINUTE, now + c.data.ackWithinMinutes * MINUTE);

const mine: Guard<EmergencyCase> = (c, { actor }) => (liveTaskOf(c, actor.id)?.status === 'alerted' ? null : refuse('ALREADY_ACKNOWLEDGED'));

const acknowledge: Transition<EmergencyCase> = {
  who: ['assignee'],
  to: 'em_active',
  guard: mine,
  then: (c, _cmd, env) => {
    const me = liveTaskOf(c, env.actor.id)!;
    const assignments = c.data.assignments.map(
      (a): EmergencyAssignment => (a === me ? { ...a, status: 'acknowledged', ackedAt: env.now, ackDueAt: null, progressDueAt: firstProgressDue(c, a, env.now) } : a),
    );
    return { action: 'em_ack', note: `接收：${me.task}`, ...withAssignments(assignments) };
  },
};

const progress: Transition<EmergencyCase> = {
  who: ['assignee'],
  to: 'em_active',
  needs: 'note',
  then: (c, cmd, env) => {
    const me = liveTaskOf(c, env.actor.id)!;
    const note = String(cmd.note).trim();
    const done = cmd.done === true;
    const report = { at: env.now, note };
    // A report counts as 接收 too: whoever reports is at work.
    const next: EmergencyAssignment = done
      ? { ...me, status: 'done', ackedAt: me.ackedAt ?? env.now, ackDueAt: null, progressDueAt: null, lastProgress: report, doneAt: env.now, doneNote: note }
      : { ...me, status: 'acknowledged', ackedAt: me.ackedAt ?? env.now, ackDueAt: null, progressDueAt: env.now + c.data.respondWithinMinutes * MINUTE, lastProgress: report };
    const assignments = c.data.assignments.map((a) => (a === me ? next : a));
    const allDone = assignments.every((a) => !isLive(a));
    return {
      action: done ? 'em_done' : 'em_progress',
      note: `${me.task}：${note}`,
      ...withAssignments(assignments),
      // The starter hears when a task is done (progress shows on the timeline, sparing their push grants for escalations).
      notify: done
        ? audience([c.openedBy], env.actor.id).map((to) => ({
            to,
            purpose: 'caseDecided' as const,
            title: allDone ? '紧急事件的任务已全部完成' : `${me.name} 已完成任务`,
            body: allDone ? `「${c.data.title}」的任务都已完成，请结束事件并填写处置总结` : `${me.task}：${note}`,
          }))
        : [],
    };
  },
};

const reassign: Transition<EmergencyCase> = {
  who: ['subject'],
  to: 'em_active',
  check: (c, cmd) => {
    if (!liveTaskOf(c, String(cmd.fromPersonId))) return refuse('NOT_ASSIGNED');
    // The server names the new assignee from the group's roster: no name, not a member.
    if (!cmd.toName) return refuse('NOT_MEMBER', '只能转派给本群成员');
    if (cmd.toPersonId === cmd.fromPersonId || liveTaskOf(c, String(cmd.toPersonId))) return refuse('ALREADY_ASSIGNED');
    return null;
  },
  then: (c, cmd, env) => {
    const from = liveTaskOf(c, String(cmd.fromPersonId))!;
    const task = (typeof cmd.task === 'string' && cmd.task.trim()) || from.task;
    const seq = c.history.length + 1;
    const taken = fresh({ personId: String(cmd.toPersonId), name: String(cmd.toName), task }, env.now, c.data.ackWithinMinutes, noticeId(c._id, seq, 0));
    const assignments = [...c.data.assignments.map((a): EmergencyAssignment => (a === from ? { ...a, status: 'replaced', replacedBy: taken.personId, ackDueAt: null, progressDueAt: null } : a)), taken];
    return {
      action: 'em_reassign',
      note: `转派：${from.name} → ${taskLine(taken)}`,
      ...withAssignments(assignments),
      notify: [
        taskNotice(c.data, taken),
        { to: from.personId, purpose: 'caseDecided', title: '你的紧急任务已转派', body: `「${c.data.title}」中的“${from.task}”已转派给 ${taken.name}，你无需再处理` },
      ],
    };
  },
};

const assign: Transition<EmergencyCase> = {
  who: ['subject'],
  to: 'em_active',
  check: (c, cmd) => checkAssignments(cmd.assignments as NewAssignment[], c),
  then: (c, cmd, env) => {
    const seq = c.history.length + 1;
    const added = (cmd.assignments as NewAssignment[]).map((p, i) => fresh(p, env.now, c.data.ackWithinMinutes, noticeId(c._id, seq, i)));
    return {
      action: 'em_assign',
      note: `追加分工：${added.map(taskLine).join('、')}`,
      ...withAssignments([...c.data.assignments, ...added]),
      notify: added.map((a) => taskNotice(c.data, a)),
    };
  },
};

const close: Transition<EmergencyCase> = {
  who: ['subject'],
  to: 'em_closed',
  needs: 'summary',
  then: (c, cmd, env) => {
    const summary = String(cmd.summary).trim();
    const working = c.data.assignments.filter(isLive);
    return {
      action: 'em_close',
      note: summary,
      data: { summary },
      wakeAt: null,
      escalation: 0,
      // Those still at work stop; everyone else sees it ended on the case page.
      notify: audience(
        working.map((a) => a.personId),
        env.actor.id,
      ).map((to) => ({ to, purpose: 'caseDecided' as const, title: '紧急事件已结束', body: `「${c.data.title}」已结束，你的任务无需再处理。总结：${summary}` })),
    };
  },
};

/** Every assignment timer that came due: reminders, escalations and re-openings, as one entry. */
const timeout: Transition<EmergencyCase> = {
  who: ['system'],
  to: 'em_active',
  then: (c, _cmd, env) => {
    const up = escalationAudience(c, env);
    const told = up.length ? '报发起人和上级领导' : '无人可报';
    const reminded: EmergencyAssignment[] = [];
    const escalated: EmergencyAssignment[] = [];
    const reopened: EmergencyAssignment[] = [];
    const window = c.data.ackWithinMinutes * MINUTE;
    const assignments = c.data.assignments.map((a): EmergencyAssignment => {
      const t = timerOf(a);
      if (t === null || t > env.now) return a;
      if (a.status === 'acknowledged') {
        reopened.push(a);
        return { ...a, status: 'alerted', ackStage: 0, ackDueAt: env.now + window, progressDueAt: null, reopened: a.reopened + 1 };
      }
      if (a.ackStage === 0) {
        reminded.push(a);
        return { ...a, ackStage: 1, ackDueAt: env.now + window };
      }
      escalated.push(a);
      return { ...a, ackStage: 2, ackDueAt: null };
    });
    if (!reminded.length && !escalated.length && !reopened.length) return refuse('CASE_NOT_OPEN');
    const notify: Notice[] = [];
    for (const a of reminded) {
      notify.push({ to: a.personId, purpose: 'reminder', title: `请接收紧急任务：${a.task}`, body: `「${c.data.title}」：请立即打开小程序接收；${hm(env.now + window)} 前仍未接收将报告发起人和上级领导` });
    }
    for (const a of escalated) {
      for (const to of up) {
        notify.push({ to, purpose: 'escalation', title: `紧急任务无人接收：${a.name}`, body: `${a.name} 超过 ${2 * c.data.ackWithinMinutes} 分钟未接收“${a.task}”（${c.data.title}），请电话联系或转派` });
      }
    }
    for (const a of reopened) {
      const quietSince = a.lastProgress?.at ?? a.ackedAt ?? a.assignedAt;
      notify.push({ to: a.personId, purpose: 'reminder', title: `请报告进展：${a.task}`, body: `「${c.data.title}」：你接收的任务自 ${hm(quietSince)} 起没有进展，请立即报告进展` });
      for (const to of up) {
        notify.push({ to, purpose: 'escalation', title: `紧急任务没有进展：${a.name}`, body: `${a.name} 接收的“${a.task}”自 ${hm(quietSince)} 起未报进展（${c.data.title}），已重新打开，请跟进` });
      }
    }
    const parts = [
      reminded.length ? `提醒接收：${reminded.map(taskLine).join('、')}` : '',
      escalated.length ? `超时未接收，已${told}：${escalated.map(taskLine).join('、')}` : '',
      reopened.length ? `超时未报进展，已重新打开并${told}：${reopened.map(taskLine).join('、')}` : '',
    ].filter(Boolean);
    return {
      action: reopened.length ? 'em_reopen' : escalated.length ? 'em_escalate' : 'em_remind',
      note: parts.join('；'),
      ...withAssignments(assignments),
      notify,
    };
  },
};

const mediaVerdict = (state: string) =>
  recordMediaVerdict<EmergencyCase>(state, (c) => [
    { to: c.openedBy, purpose: 'caseDecided', title: '图片未通过内容安全检查', body: `「${c.data.title}」中有一张图片已被隐藏` },
  ]);

export const emergencyKind = defineKind<EmergencyCase>({
  kind: 'emergency',
  initial: 'em_active',
  states: {
    em_active: {
      open: true,
      on: { acknowledge, progress, reassign, assign, close, timeout, mediaVerdict: mediaVerdict('em_active') },
    },
    em_closed: { open: false, on: { mediaVerdict: mediaVerdict('em_closed') } },
  },
  // Waiting on whoever still has a task to accept or report on.
  assignees: (next) => (next.open ? [...new Set(next.data.assignments.filter(isLive).map((a) => a.personId))] : []),
});

export interface OpenEmergencyInput {
  id: string;
  groupId: string;
  starterId: string;
  starterName: string;
  groupName: string;
  title: string;
  description: string;
  images: string[];
  /** The content check of each image as the upload records stood ('pending' when not given). */
  media?: Record<string, MediaState>;
  respondWithinMinutes: number;
  /** Default: settings emergency.ackMinutes. */
  ackWithinMinutes?: number;
  assignments: NewAssignment[];
  /** Everyone in the group now (the starter is left out of the alert). */
  members: string[];
  requestId: string;
  settingsVersion: number;
  ctx: KindContext;
}

export function openEmergency(input: OpenEmergencyInput): EmergencyCase {
  const { ctx } = input;
  const now = ctx.now;
  const ackWithinMinutes = input.ackWithinMinutes ?? ctx.settings.emergency.ackMinutes;
  const respondBy = now + input.respondWithinMinutes * MINUTE;
  const d0 = { groupName: input.groupName, title: input.title, ackWithinMinutes };
  // Assignees first: notice i of the opening step (seq 1) is the i-th person told.
  const assignees = input.assignments.map((p, i) => fresh(p, now, ackWithinMinutes, noticeId(input.id, 1, i)));
  const given = new Set(assignees.map((a) => a.personId));
  const others = [...new Set(othersThan(input.members, input.starterId))].filter((id) => !given.has(id));
  const notify: Notice[] = [
    ...assignees.map((a) => taskNotice(d0, a)),
    ...others.map((to) => ({
      to,
      purpose: 'newTask' as const,
      title: `紧急事件：${input.title}`,
      body: `「${input.groupName}」${input.starterName} 发起紧急事件，请保持手机畅通，留意群内安排`,
    })),
  ];
  const alerts = Object.fromEntries(notify.map((n, i) => [n.to, noticeId(input.id, 1, i)]));
  const effects = attachUploads(input.id, input.images);
  return openCase(emergencyKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.starterId,
    openedBy: input.starterId,
    data: {
      groupName: input.groupName,
      starterName: input.starterName,
      title: input.title,
      description: input.description,
      images: input.images,
      ...(input.images.length ? { media: mediaOf(input.images, input.media) } : {}),
      respondWithinMinutes: input.respondWithinMinutes,
      ackWithinMinutes,
      respondBy,
      alerts,
      assignments: assignees,
      summary: null,
      requestId: input.requestId,
    },
    settingsVersion: input.settingsVersion,
    by: input.starterId,
    ctx,
    step: () => ({
      action: 'em_start',
      note: `通知全群 ${notify.length} 人；分工：${assignees.map(taskLine).join('、')}；${ackWithinMinutes} 分钟内接收，${hm(respondBy)} 前响应`,
      dueAt: respondBy,
      ...timers(assignees),
      notify,
      effects,
    }),
  });
}
