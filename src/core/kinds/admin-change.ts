// 管理员变更 (§3.1): the current admin applies with a reason and a successor; the leader approves or
// rejects; the change takes effect only on approval (the successor becomes admin, the applicant stops).
//
//   submitted ──approve──▶ approved    (a leader of the group)
//   submitted ──reject───▶ rejected    (a leader; a reason is required)
//   (withdrawn: kept as a state, but no action withdraws an admin change — see the table)
//   submitted ──timeout──▶ submitted   (remind the leaders once)
import type { AdminChangeData, SettingsValues } from '../../contract';
import { audience, defineKind, openCase, refuse, remindThenEscalate, type Transition } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { rejectWithReason } from './common';

export type { AdminChangeData };
export type AdminChangeCase = Case<AdminChangeData>;

const deciders = ['assignee', 'leader'] as const;

const approve: Transition<AdminChangeCase> = {
  who: deciders,
  notSubject: true,
  to: 'approved',
  then: (c, cmd, env) => ({
    action: 'approve',
    note: cmd.note as string | undefined,
    notify: audience([c.subjectId, c.data.successorId], env.actor.id).map((to) => ({
      to,
      purpose: 'caseDecided' as const,
      title: '管理员变更已批准',
      body: `「${c.data.groupName}」管理员由 ${c.data.subjectName} 变更为 ${c.data.successorName}`,
    })),
    // The successor first, so the group is never left without this admin's replacement.
    effects: [
      { type: 'setAdmin', groupId: c.groupId, personId: c.data.successorId, admin: true },
      { type: 'setAdmin', groupId: c.groupId, personId: c.subjectId, admin: false },
    ],
  }),
};

export const adminChangeKind = defineKind<AdminChangeCase>({
  kind: 'admin_change',
  initial: 'submitted',
  states: {
    submitted: {
      open: true,
      on: {
        approve,
        reject: rejectWithReason<AdminChangeCase>({
          who: deciders,
          notSubject: true,
          field: 'rejectReason',
          title: '管理员变更未批准',
          told: (c, by) => audience([c.subjectId, c.data.successorId], by),
        }),
        // No withdraw: no action issues one and the case page never offered it (it would, from this table).
        timeout: remindThenEscalate<AdminChangeCase>({
          remind: { title: '管理员变更待审批', body: (c) => `「${c.data.groupName}」的管理员变更申请已超期，请尽快审批` },
        }),
      },
    },
    approved: { open: false, on: {} },
    rejected: { open: false, on: {} },
    withdrawn: { open: false, on: {} },
  },
  // A decision on a decided request says so, without naming the outcome (unlike rename).
  outOfState: (_c, cmd) => refuse(cmd.type === 'approve' || cmd.type === 'reject' ? 'CASE_ALREADY_DECIDED' : 'CASE_NOT_OPEN'),
});

export function openAdminChange(input: {
  id: string;
  groupId: string;
  applicantId: string;
  leaders: string[];
  data: AdminChangeData;
  settingsVersion: number;
  now: number;
  settings: SettingsValues;
}): AdminChangeCase {
  const { now, settings, data, leaders } = input;
  return openCase(adminChangeKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.applicantId,
    openedBy: input.applicantId,
    data,
    settingsVersion: input.settingsVersion,
    by: input.applicantId,
    ctx: { now, settings, admins: [], leaders },
    deadline: 'membership.adminChangeDays',
    step: ({ due }) => ({
      action: 'submit',
      note: data.reason,
      assignees: leaders,
      notify: leaders.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '管理员变更申请',
        body: `「${data.groupName}」管理员 ${data.subjectName} 申请由 ${data.successorName} 接任，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前审批`,
      })),
    }),
  });
}
