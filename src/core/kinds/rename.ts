// The rename request (§2.2).
//
//   submitted ──approve──▶ approved      (an admin of the group, or the leader once alerted)
//   submitted ──reject───▶ rejected      (same deciders; a reason is required)
//   submitted ──withdraw─▶ withdrawn     (the member who asked)
//   submitted ──timeout──▶ submitted     (1st: remind the admins; 2nd: alert the leader)
import type { RenameData } from '../../contract';
import { audience, defineKind, openCase, remindThenEscalate, type KindContext, type Transition } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { adminsElseLeaders, alreadyDecided, othersThan, rejectWithReason, withdrawBySubject } from './common';

export type { RenameData };
export type RenameCase = Case<RenameData>;

const deciders = ['assignee', 'admin'] as const;

const approve: Transition<RenameCase> = {
  who: deciders,
  notSubject: true,
  to: 'approved',
  then: (c, cmd, env) => ({
    action: 'approve',
    note: cmd.note as string | undefined,
    notify: [{ to: c.subjectId, purpose: 'caseDecided', title: '改名申请已通过', body: `请在微信群「${c.data.groupName}」中把群昵称设置为：${c.data.nickname}` }],
    effects: [
      { type: 'setNickname', groupId: c.groupId, personId: c.subjectId, nickname: c.data.nickname },
      { type: 'confirmNamingFixes', groupId: c.groupId, personId: c.subjectId, by: env.actor.id!, note: `改名申请已批准：${c.data.nickname}` },
    ],
  }),
};

export const renameKind = defineKind<RenameCase>({
  kind: 'rename',
  initial: 'submitted',
  states: {
    submitted: {
      open: true,
      on: {
        approve,
        reject: rejectWithReason({ who: deciders, notSubject: true, field: 'reason', title: '改名申请未通过' }),
        withdraw: withdrawBySubject(),
        timeout: remindThenEscalate<RenameCase>({
          remind: {
            deadline: 'rename.escalateAfterDays',
            to: (c) => audience(c.assignees, null),
            title: '改名申请已超期',
            body: (c, due) => `${c.data.subjectName} 在「${c.data.groupName}」的改名申请已超过处理期限，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前处理，否则将报上级领导`,
          },
          escalate: {
            to: (c, ctx) => othersThan(ctx.leaders, c.subjectId),
            assign: true,
            title: '改名申请超期未处理',
            body: (c) => `「${c.data.groupName}」管理员超期未处理 ${c.data.subjectName} 的改名申请，请督办或直接处理`,
          },
        }),
      },
    },
    approved: { open: false, on: {} },
    rejected: { open: false, on: {} },
    withdrawn: { open: false, on: {} },
  },
  outOfState: (c, cmd) => alreadyDecided(c, cmd, ['approve', 'reject']),
  batch: { approve: 'approve', reject: 'reject' },
});

/** Admins other than the member; the leaders when no other admin exists. */
export const renameDeciders = adminsElseLeaders;

export function openRename(input: {
  id: string;
  groupId: string;
  subjectId: string;
  nickname: string;
  previous: string | null;
  note?: string;
  requestId: string;
  groupName: string;
  subjectName: string;
  settingsVersion: number;
  ctx: KindContext;
}): RenameCase {
  const { ctx } = input;
  const assignees = renameDeciders(input.subjectId, ctx.admins, ctx.leaders);
  return openCase(renameKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
    data: {
      nickname: input.nickname,
      previous: input.previous,
      groupName: input.groupName,
      subjectName: input.subjectName,
      requestId: input.requestId,
      ...(input.note ? { note: input.note } : {}),
    },
    settingsVersion: input.settingsVersion,
    by: input.subjectId,
    ctx,
    deadline: 'rename.adminDays',
    step: ({ due }) => ({
      action: 'submit',
      note: input.note,
      assignees,
      notify: assignees.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '新的改名申请',
        body: `${input.subjectName} 申请在「${input.groupName}」使用群昵称“${input.nickname}”，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前处理`,
      })),
    }),
  });
}
