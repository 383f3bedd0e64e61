// Member feedback (§3.2 收集群成员的意见和建议，及时反馈给相关部门或领导).
//
//   fb_triage    ──forward (an admin)──────────────▶ fb_forwarded  (to a department head or the group's leader)
//   fb_triage    ──answer (an admin)───────────────▶ fb_answered
//   fb_forwarded ──answer (whom it was forwarded to)▶ fb_answered
//   fb_followup  ──answer (whoever answered)────────▶ fb_answered
//   fb_answered  ──followUp (the sender, once)──────▶ fb_followup   (back to whoever answered)
//   fb_answered  ──resolve (the sender)─────────────▶ fb_resolved
//   fb_answered  ──timeout──────────────────────────▶ fb_closed     (neither followed up nor resolved in time)
//   waiting      ──resolve (the sender)─────────────▶ fb_resolved   (settled before an answer)
//   waiting      ──second (another member: 附议)─────  the count grows
//   waiting      ──timeout───────────────────────────  (1st: remind; 2nd: alert the leader, who may then answer)
//   any state    ──mediaVerdict (system)─────────────  an image's content check came back
//
// Anonymity (对处理部门匿名) is not a rule of this table: the sender is the case's subject, and the
// server shows them only to themselves and the group's admins (server/cases/kinds.ts `masked`).
// Nothing this table sends to anyone else names them.
import type { FeedbackData, FeedbackReceiver, MediaState } from '../../contract';
import { audience, defineKind, openCase, refuse, remindThenEscalate, waitsOn, type Guard, type KindContext, type Notice, type RolePredicate, type Transition } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { adminsElseLeaders, attachUploads, mediaOf, othersThan, recordMediaVerdict } from './common';

export type { FeedbackData, FeedbackReceiver };
export type FeedbackCase = Case<FeedbackData>;

export type FeedbackCommand =
  | { type: 'second' }
  | { type: 'forward'; to: FeedbackReceiver; note?: string }
  | { type: 'answer'; answer: string; byName: string }
  | { type: 'followUp'; text: string }
  | { type: 'resolve' }
  | { type: 'mediaVerdict'; fileId: string; verdict: 'pass' | 'risky'; label?: string }
  | { type: 'timeout' };

/** States in which feedback still waits for an answer: it may be seconded there. */
export const WAITING_STATES = ['fb_triage', 'fb_forwarded', 'fb_followup'] as const;

const day = (ms: number) => formatShanghai(ms, 'M月D日');
const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/** How a notice to someone who may not know the sender names them: never. */
const about = (c: FeedbackCase) => `「${c.data.groupName}」一位群成员的${c.data.category}`;

/** A member of the group other than the sender. */
const fellowMember: RolePredicate<FeedbackCase> = (c, actor) => actor.id !== null && actor.id !== c.subjectId && actor.rolesInGroup.includes('member');

const notSeconded: Guard<FeedbackCase> = (c, { actor }) => (c.data.seconders.includes(actor.id!) ? refuse('ALREADY_SECONDED') : null);

const second: Transition<FeedbackCase> = {
  who: ['fellowMember'],
  guard: notSeconded,
  to: [...WAITING_STATES],
  then: (c, _cmd, env) => ({ action: 'fb_second', to: c.state, data: { seconders: [...c.data.seconders, env.actor.id!] } }),
};

const resolve: Transition<FeedbackCase> = {
  who: ['subject'],
  to: 'fb_resolved',
  then: (c, _cmd, env) => ({
    action: 'fb_resolve',
    notify: audience(c.data.answer ? [c.data.answer.by] : [], env.actor.id).map((to) => ({ to, purpose: 'caseDecided' as const, title: '反馈人已确认问题解决', body: clip(`${about(c)}：${c.data.text}`, 60) })),
  }),
};

const forward: Transition<FeedbackCase> = {
  who: ['admin', 'assignee'],
  notSubject: true,
  to: 'fb_forwarded',
  deadline: 'feedback.answerDays',
  check: (c, cmd) => ((cmd.to as FeedbackReceiver | undefined)?.personId === c.subjectId ? refuse('FORWARD_TARGET_INVALID', '不能把反馈转交给反馈人本人') : null),
  then: (c, cmd, env) => {
    const to = cmd.to as FeedbackReceiver;
    const note = (typeof cmd.note === 'string' && cmd.note.trim()) || null;
    return {
      action: 'fb_forward',
      note: `转交${to.role} ${to.name}${note ? `：${note}` : ''}`,
      assignees: [to.personId],
      data: { forwardedTo: to, forwardNote: note },
      notify: [
        {
          to: to.personId,
          purpose: 'newTask',
          title: '转交给你的群成员反馈',
          // The sender is named only when they did not ask for anonymity.
          body: clip(`${c.data.anonymous ? about(c) : `${c.data.senderName} 在「${c.data.groupName}」的${c.data.category}`}，请于 ${day(env.due!.dueAt)} 前答复：${c.data.text}`, 80),
        },
        ...audience([c.subjectId], env.actor.id).map((s) => ({ to: s, purpose: 'caseDecided' as const, title: '你的反馈已转交', body: `已转交${to.role} ${to.name} 处理` })),
      ],
    };
  },
};

/** Someone other than whom it now waits on (an admin who was about to answer it themselves): say where it went. */
const waitsOnOthers: Guard<FeedbackCase> = (c, { actor }) =>
  waitsOn(c, actor) ? null : refuse('CASE_ALREADY_DECIDED', c.data.forwardedTo && c.state === 'fb_forwarded' ? `这条反馈已转交${c.data.forwardedTo.role} ${c.data.forwardedTo.name} 答复` : '这条反馈正等待答复人答复');

/** The answer: to the sender, with a deadline for them to follow up or mark it resolved. */
function answer(who: Transition<FeedbackCase>['who']): Transition<FeedbackCase> {
  return {
    ...(who.includes('admin') ? {} : { guardFirst: waitsOnOthers }),
    who,
    notSubject: true,
    to: 'fb_answered',
    deadline: 'feedback.confirmDays',
    check: (_c, cmd) => (typeof cmd.answer === 'string' && cmd.answer.trim() ? null : refuse('REASON_REQUIRED', '请填写答复内容')),
    then: (c, cmd, env) => {
      const text = String(cmd.answer).trim();
      return {
        action: 'fb_answer',
        note: text,
        assignees: [],
        data: { answer: { text, by: env.actor.id!, byName: String(cmd.byName), at: env.now } },
        notify: [{ to: c.subjectId, purpose: 'caseDecided', title: '你的反馈已有答复', body: clip(text, 60) }],
      };
    },
  };
}

const notFollowedUp: Guard<FeedbackCase> = (c) => (c.data.followUp ? refuse('FOLLOWUP_USED') : null);

const followUp: Transition<FeedbackCase> = {
  who: ['subject'],
  to: 'fb_followup',
  guard: notFollowedUp,
  needs: 'text',
  deadline: 'feedback.answerDays',
  then: (c, cmd, env) => {
    const text = String(cmd.text).trim();
    const answerer = c.data.answer!.by;
    return {
      action: 'fb_follow_up',
      note: text,
      assignees: [answerer],
      data: { followUp: { text, at: env.now } },
      notify: [{ to: answerer, purpose: 'newTask', title: '反馈人对你的答复有追问', body: clip(`${about(c)}，请于 ${day(env.due!.dueAt)} 前答复：${text}`, 80) }],
    };
  },
};

/** Overdue: remind whoever it waits on, then alert the group's leaders (others than whoever it waits on), who join the assignees. */
function overdue(what: string): Transition<FeedbackCase> {
  return remindThenEscalate<FeedbackCase>({
    remind: {
      deadline: 'feedback.remindAfterDays',
      title: `${what}已超期`,
      body: (c, due) => clip(`${about(c)}已超过答复期限，请于 ${day(due!.dueAt)} 前处理，否则将报上级领导`, 60),
    },
    escalate: {
      to: (c, ctx) => escalationTargets(c, ctx),
      assign: true,
      title: `${what}超期未答复`,
      body: (c) => `${about(c)}超期未答复，请督办或直接答复`,
    },
  });
}

/** The group's leaders other than whoever it waits on; if that leaves nobody, the admins. */
function escalationTargets(c: FeedbackCase, ctx: KindContext): string[] {
  const leaders = othersThan(ctx.leaders, c.subjectId).filter((id) => !c.assignees.includes(id));
  return leaders.length ? leaders : othersThan(ctx.admins, c.subjectId).filter((id) => !c.assignees.includes(id));
}

const closeUnconfirmed: Transition<FeedbackCase> = {
  who: ['system'],
  to: 'fb_closed',
  then: () => ({ action: 'fb_close', note: '反馈人未在期限内追问或确认，按已答复结案' }),
};

const mediaVerdict = (state: string) =>
  recordMediaVerdict<FeedbackCase>(state, (c, env) =>
    othersThan(env.admins, c.subjectId).map((to): Notice => ({ to, purpose: 'newTask', title: '反馈图片未通过内容安全检查', body: `「${c.data.groupName}」的一条反馈中有一张图片已被隐藏` })),
  );

const waiting = { second, resolve };

export const feedbackKind = defineKind<FeedbackCase>({
  kind: 'feedback',
  initial: 'fb_triage',
  states: {
    fb_triage: {
      open: true,
      on: { forward, answer: answer(['admin', 'assignee']), ...waiting, timeout: overdue('意见反馈'), mediaVerdict: mediaVerdict('fb_triage') },
    },
    fb_forwarded: { open: true, on: { answer: answer(['assignee']), ...waiting, timeout: overdue('转交的反馈'), mediaVerdict: mediaVerdict('fb_forwarded') } },
    fb_followup: { open: true, on: { answer: answer(['assignee']), ...waiting, timeout: overdue('反馈追问'), mediaVerdict: mediaVerdict('fb_followup') } },
    fb_answered: { open: true, on: { followUp, resolve, timeout: closeUnconfirmed, mediaVerdict: mediaVerdict('fb_answered') } },
    fb_resolved: { open: false, on: { mediaVerdict: mediaVerdict('fb_resolved') } },
    fb_closed: { open: false, on: { mediaVerdict: mediaVerdict('fb_closed') } },
  },
  roles: { fellowMember },
  escalationPerState: true,
  outOfState: (c, cmd) => {
    if (cmd.type === 'second') return refuse('CASE_NOT_OPEN', '这条反馈已答复或已结束，不能再附议');
    if (cmd.type === 'answer' || cmd.type === 'forward') return refuse('CASE_ALREADY_DECIDED', '这条反馈已被处理，请刷新查看最新状态');
    return refuse('CASE_NOT_OPEN');
  },
});

export interface OpenFeedbackInput {
  id: string;
  groupId: string;
  senderId: string;
  senderName: string;
  groupName: string;
  category: string;
  text: string;
  anonymous: boolean;
  images: string[];
  media?: Record<string, MediaState>;
  requestId: string;
  settingsVersion: number;
  ctx: KindContext;
}

/** Who triages: the group's admins other than the sender; the leaders when no other admin exists. */
export const feedbackTriagers = adminsElseLeaders;

export function openFeedback(input: OpenFeedbackInput): FeedbackCase {
  const { ctx } = input;
  const triagers = feedbackTriagers(input.senderId, ctx.admins, ctx.leaders);
  const effects = attachUploads(input.id, input.images);
  return openCase(feedbackKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.senderId,
    openedBy: input.senderId,
    data: {
      groupName: input.groupName,
      senderName: input.senderName,
      category: input.category,
      text: input.text,
      anonymous: input.anonymous,
      images: input.images,
      ...(input.images.length ? { media: mediaOf(input.images, input.media) } : {}),
      seconders: [],
      forwardedTo: null,
      forwardNote: null,
      answer: null,
      followUp: null,
      requestId: input.requestId,
    },
    settingsVersion: input.settingsVersion,
    by: input.senderId,
    ctx,
    deadline: 'feedback.triageDays',
    step: ({ due }) => ({
      action: 'fb_submit',
      note: input.anonymous ? '要求对处理部门匿名' : undefined,
      assignees: triagers,
      effects,
      // The admins may know who sent it.
      notify: triagers.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: `新的意见反馈（${input.category}）`,
        body: clip(`${input.senderName}${input.anonymous ? '（要求对处理部门匿名）' : ''}在「${input.groupName}」：${input.text}；请于 ${day(due!.dueAt)} 前答复或转交`, 80),
      })),
    }),
  });
}
