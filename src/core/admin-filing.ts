// 管理员任命备案 (§3.1): an appointment or an election result is filed with the leader, who is
// alerted and acknowledges it. The appointment itself has already taken effect.
//
//   filed ──acknowledge──▶ acknowledged   (a leader of the group)
import type { CaseCommand } from '../contract';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';

export interface AdminFilingData extends Record<string, unknown> {
  groupName: string;
  subjectName: string;
  /** appointed by the group creator, or elected by the members. */
  how: 'appointed' | 'elected';
  byName: string;
  electionCaseId?: string;
}
export type AdminFilingCase = Case<AdminFilingData>;

export const adminFilingMachine = {
  filed: { open: true, commands: { acknowledge: { who: 'leader', to: 'acknowledged' } } },
  acknowledged: { open: false, commands: {} },
} as const;

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
  const { now, data } = input;
  const empty = blankCase<AdminFilingCase>({
    _id: input.id,
    kind: 'admin_filing',
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy ?? input.subjectId,
    state: 'filed',
    data,
    settingsVersion: input.settingsVersion,
    now,
  });
  const what = data.how === 'appointed' ? `${data.byName} 指定` : '群成员选举产生';
  return step(
    empty,
    {
      action: data.how === 'appointed' ? 'appoint' : 'elect',
      by: input.openedBy,
      to: 'filed',
      open: true,
      assignees: input.leaders,
      notify: audience([...input.leaders, input.subjectId], input.openedBy).map((to) => ({
        to,
        purpose: input.leaders.includes(to) ? ('escalation' as const) : ('caseDecided' as const),
        title: input.leaders.includes(to) ? '管理员任命备案' : '你已成为群管理员',
        body: `「${data.groupName}」新管理员：${data.subjectName}（${what}）`,
      })),
    },
    now,
  );
}

export function adminFilingAllowed(c: AdminFilingCase, actor: CaseActor): CaseCommand[] {
  return c.state === 'filed' && actor.id !== null && (c.assignees.includes(actor.id) || actor.rolesInGroup.includes('leader')) ? ['acknowledge'] : [];
}

export function decideAdminFiling(c: AdminFilingCase, cmd: { type: 'acknowledge' }, actor: CaseActor, now: number): Decision<AdminFilingCase> {
  if (c.state !== 'filed') return { ok: false, code: 'CASE_NOT_OPEN' };
  if (!adminFilingAllowed(c, actor).includes(cmd.type)) return { ok: false, code: 'FORBIDDEN' };
  return { ok: true, case: step(c, { action: 'acknowledge', by: actor.id, to: 'acknowledged', open: false, assignees: [] }, now) };
}
