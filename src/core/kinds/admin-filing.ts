// 管理员任命备案 (§3.1): an appointment or an election result is filed with the leader, who is
// alerted and acknowledges it. The appointment itself takes effect as it is filed.
//
//   filed ──acknowledge──▶ acknowledged   (a leader of the group)
import type { AdminFilingData } from '../../contract';
import { audience, defineKind, openCase } from '../engine';
import type { Case } from '../model';

export type { AdminFilingData };
export type AdminFilingCase = Case<AdminFilingData>;

export const adminFilingKind = defineKind<AdminFilingCase>({
  kind: 'admin_filing',
  initial: 'filed',
  states: {
    filed: { open: true, on: { acknowledge: { who: ['assignee', 'leader'], to: 'acknowledged', then: () => ({ action: 'acknowledge' }) } } },
    acknowledged: { open: false, on: {} },
  },
});

export function openAdminFiling(input: {
  id: string;
  groupId: string;
  subjectId: string;
  openedBy: string | null;
  leaders: string[];
  data: AdminFilingData;
  settingsVersion: number;
  now: number;
}): AdminFilingCase {
  const { now, data, leaders } = input;
  const what = data.how === 'appointed' ? `${data.byName} 指定` : '群成员选举产生';
  return openCase(adminFilingKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy ?? input.subjectId,
    data,
    settingsVersion: input.settingsVersion,
    by: input.openedBy,
    // Nothing in a filing is timed, so no settings are read.
    ctx: { now, settings: undefined as never, admins: [], leaders },
    step: () => ({
      action: data.how === 'appointed' ? 'appoint' : 'elect',
      assignees: leaders,
      notify: audience([...leaders, input.subjectId], input.openedBy).map((to) => ({
        to,
        purpose: leaders.includes(to) ? ('escalation' as const) : ('caseDecided' as const),
        title: leaders.includes(to) ? '管理员任命备案' : '你已成为群管理员',
        body: `「${data.groupName}」新管理员：${data.subjectName}（${what}）`,
      })),
      // An elected admin was made one by the election (its own effect); an appointment takes effect here.
      ...(data.how === 'appointed' ? { effects: [{ type: 'setAdmin' as const, groupId: input.groupId, personId: input.subjectId, admin: true }] } : {}),
    }),
  });
}
