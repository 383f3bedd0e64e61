// "Back up the chat records regularly" (§6.1) as a task in the admins' inbox.
//
//   (scheduler finds a group's backup due) ──open──▶ due   (tell the admins; deadline = overdue day)
//   due ──timeout──▶ due        (past the configured working days: alert the leader, once)
//   due ──covered──▶ done       (a backup reaching the due day was registered)
//
// One case per group and due day: its id says which, so a second scheduler run files nothing new.
import type { CaseCommand, SettingsValues } from '../contract';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import { isDeadlineUnconfirmed } from './calendar';
import type { Case } from './model';
import { endOfShanghaiDay } from './time';

export interface BackupDueData extends Record<string, unknown> {
  groupName: string;
  /** The day a backup was due, and the last covered day then (null: never backed up). */
  nextDue: string;
  lastCovered: string | null;
  overdueAfter: string;
}
export type BackupDueCase = Case<BackupDueData>;

export type BackupDueCommand = { type: 'covered'; backupId: string; by: string } | { type: 'timeout' };

export const backupDueMachine = {
  due: { open: true, commands: { covered: { who: 'system', to: 'done' }, timeout: { who: 'system', to: 'due' } } },
  done: { open: false, commands: {} },
} as const;

export const backupDueId = (groupId: string, nextDue: string) => `bd_${groupId}_${nextDue}`;

export function openBackupDue(input: {
  groupId: string;
  groupName: string;
  nextDue: string;
  lastCovered: string | null;
  overdueAfter: string;
  admins: string[];
  leaders: string[];
  /** Already past the overdue day when first noticed: alert the leader at once. */
  overdue: boolean;
  now: number;
  settingsVersion: number;
  settings: SettingsValues;
}): BackupDueCase {
  const dueAt = endOfShanghaiDay(input.overdueAfter);
  const empty = blankCase<BackupDueCase>({
    _id: backupDueId(input.groupId, input.nextDue),
    kind: 'backup_due',
    // Nobody in particular is its subject: the group is.
    groupId: input.groupId,
    subjectId: input.groupId,
    openedBy: 'system',
    state: 'due',
    data: { groupName: input.groupName, nextDue: input.nextDue, lastCovered: input.lastCovered, overdueAfter: input.overdueAfter },
    settingsVersion: input.settingsVersion,
    now: input.now,
  });
  const since = input.lastCovered ? `上次备份截至 ${input.lastCovered}` : '该群尚无备份';
  const leaders = input.overdue ? input.leaders : [];
  return step(
    empty,
    {
      action: 'due',
      by: null,
      to: 'due',
      open: true,
      note: `${since}，应于 ${input.nextDue} 起备份`,
      assignees: audience([...input.admins, ...leaders], null),
      dueAt,
      dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, input.settings.calendar),
      wakeAt: input.overdue ? null : dueAt,
      escalation: input.overdue ? 2 : 1,
      notify: [
        ...input.admins.map((to) => ({
          to,
          purpose: 'reminder' as const,
          title: '聊天记录该备份了',
          body: `「${input.groupName}」${since}，请在 ${input.overdueAfter} 前备份并登记`,
        })),
        ...leaders.map((to) => ({
          to,
          purpose: 'escalation' as const,
          title: '聊天记录备份已逾期',
          body: `「${input.groupName}」应于 ${input.nextDue} 起备份，已超过 ${input.overdueAfter} 仍未登记`,
        })),
      ],
    },
    input.now,
  );
}

export function backupDueAllowed(_c: BackupDueCase, _actor: CaseActor): CaseCommand[] {
  return [];
}

export function decideBackupDue(c: BackupDueCase, cmd: BackupDueCommand, ctx: { now: number; leaders: string[] }): Decision<BackupDueCase> {
  if (c.state !== 'due') return { ok: false, code: 'CASE_NOT_OPEN' };
  const d = c.data;
  if (cmd.type === 'covered') {
    return {
      ok: true,
      case: step(c, { action: 'covered', by: cmd.by, to: 'done', open: false, assignees: [], wakeAt: null, note: `已登记备份 ${cmd.backupId}` }, ctx.now),
    };
  }
  if (c.wakeAt === null || c.wakeAt > ctx.now) return { ok: false, code: 'CASE_NOT_OPEN' };
  return {
    ok: true,
    case: step(
      c,
      {
        action: 'escalate',
        by: null,
        to: 'due',
        open: true,
        escalation: 2,
        wakeAt: null,
        assignees: audience([...c.assignees, ...ctx.leaders], null),
        notify: ctx.leaders.map((to) => ({
          to,
          purpose: 'escalation' as const,
          title: '聊天记录备份已逾期',
          body: `「${d.groupName}」应于 ${d.nextDue} 起备份，已超过 ${d.overdueAfter} 仍未登记`,
        })),
      },
      ctx.now,
    ),
  };
}
