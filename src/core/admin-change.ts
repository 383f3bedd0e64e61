// 管理员变更 (§3.1): the current admin applies with a reason and a successor; the leader approves or
// rejects; the change takes effect only on approval (the handler swaps the roles then).
//
//   submitted ──approve──▶ approved    (a leader of the group)
//   submitted ──reject───▶ rejected    (a leader; a reason is required)
//   submitted ──withdraw─▶ withdrawn   (the applicant)
//   submitted ──timeout──▶ submitted   (remind the leaders once)
import type { CaseCommand, SettingsValues } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';
import { formatShanghai } from './time';

export interface AdminChangeData extends Record<string, unknown> {
  groupName: string;
  subjectName: string;
  successorId: string;
  successorName: string;
  reason: string;
  requestId: string;
  rejectReason?: string;
}
export type AdminChangeCase = Case<AdminChangeData>;

export type AdminChangeCommand =
  | { type: 'approve'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw' }
  | { type: 'timeout' };

export const adminChangeMachine = {
  submitted: {
    open: true,
    commands: {
      approve: { who: 'leader', to: 'approved' },
      reject: { who: 'leader', to: 'rejected', needs: 'reason' },
      withdraw: { who: 'applicant', to: 'withdrawn' },
      timeout: { who: 'system', to: 'submitted' },
    },
  },
  approved: { open: false, commands: {} },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} },
} as const;

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
  const { now, settings, data } = input;
  const dueAt = deadlineAfter(now, settings.membership.adminChangeDays, settings.calendar);
  const empty = blankCase<AdminChangeCase>({
    _id: input.id,
    kind: 'admin_change',
    groupId: input.groupId,
    subjectId: input.applicantId,
    openedBy: input.applicantId,
    state: 'submitted',
    data,
    settingsVersion: input.settingsVersion,
    now,
  });
  return step(
    empty,
    {
      action: 'submit',
      by: input.applicantId,
      to: 'submitted',
      open: true,
      note: data.reason,
      assignees: input.leaders,
      ...deadlineFields(dueAt, settings.calendar),
      notify: input.leaders.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '管理员变更申请',
        body: `「${data.groupName}」管理员 ${data.subjectName} 申请由 ${data.successorName} 接任，请于 ${formatShanghai(dueAt, 'M月D日')} 前审批`,
      })),
    },
    now,
  );
}

function isLeader(c: AdminChangeCase, actor: CaseActor): boolean {
  return actor.id !== null && actor.id !== c.subjectId && (c.assignees.includes(actor.id) || actor.rolesInGroup.includes('leader'));
}

export function adminChangeAllowed(c: AdminChangeCase, actor: CaseActor): CaseCommand[] {
  if (c.state !== 'submitted') return [];
  return isLeader(c, actor) ? ['approve', 'reject'] : [];
}

export function decideAdminChange(c: AdminChangeCase, cmd: AdminChangeCommand, actor: CaseActor, ctx: { now: number; settings: SettingsValues }): Decision<AdminChangeCase> {
  const { now } = ctx;
  if (c.state !== 'submitted') {
    return { ok: false, code: cmd.type === 'approve' || cmd.type === 'reject' ? 'CASE_ALREADY_DECIDED' : 'CASE_NOT_OPEN' };
  }
  const d = c.data;
  switch (cmd.type) {
    case 'approve':
    case 'reject': {
      if (!isLeader(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      if (cmd.type === 'reject' && !cmd.reason.trim()) return { ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' };
      const approved = cmd.type === 'approve';
      return {
        ok: true,
        case: step(
          c,
          {
            action: cmd.type,
            by: actor.id,
            to: approved ? 'approved' : 'rejected',
            open: false,
            note: approved ? cmd.note : cmd.reason,
            assignees: [],
            wakeAt: null,
            data: approved ? {} : { rejectReason: cmd.reason.trim() },
            notify: audience([c.subjectId, d.successorId], actor.id).map((to) => ({
              to,
              purpose: 'caseDecided' as const,
              title: approved ? '管理员变更已批准' : '管理员变更未批准',
              body: approved ? `「${d.groupName}」管理员由 ${d.subjectName} 变更为 ${d.successorName}` : `理由：${cmd.reason.trim()}`,
            })),
          },
          now,
        ),
      };
    }
    case 'withdraw':
      if (actor.id !== c.subjectId) return { ok: false, code: 'FORBIDDEN' };
      return { ok: true, case: step(c, { action: 'withdraw', by: actor.id, to: 'withdrawn', open: false, assignees: [], wakeAt: null }, now) };
    case 'timeout':
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now || c.escalation > 0) return { ok: false, code: 'CASE_NOT_OPEN' };
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'remind',
            by: null,
            to: 'submitted',
            open: true,
            escalation: 1,
            wakeAt: null,
            notify: c.assignees.map((to) => ({
              to,
              purpose: 'reminder' as const,
              title: '管理员变更待审批',
              body: `「${d.groupName}」的管理员变更申请已超期，请尽快审批`,
            })),
          },
          now,
        ),
      };
  }
}
