// "Back up the chat records regularly" (§6.1) as a task in the admins' inbox.
//
//   (scheduler finds a group's backup due) ──open──▶ due   (tell the admins; deadline = overdue day)
//   due ──timeout──▶ due        (past the configured working days: alert the leader, once)
//   due ──covered──▶ done       (a backup reaching the due day was registered)
//
// One case per group and due day: its id says which, so a second scheduler run files nothing new.
import type { BackupDueData, SettingsValues } from '../../contract';
import { isDeadlineUnconfirmed } from '../calendar';
import { audience, defineKind, openCase, remindThenEscalate } from '../engine';
import type { Case } from '../model';
import { endOfShanghaiDay } from '../time';

export type { BackupDueData };
export type BackupDueCase = Case<BackupDueData>;

const overdueTitle = '聊天记录备份已逾期';
const overdueBody = (d: BackupDueData) => `「${d.groupName}」应于 ${d.nextDue} 起备份，已超过 ${d.overdueAfter} 仍未登记`;

export const backupDueKind = defineKind<BackupDueCase>({
  kind: 'backup_due',
  initial: 'due',
  states: {
    due: {
      open: true,
      on: {
        // Issued by the backups handler for the person who registered the backup: the history names them.
        covered: { who: ['system'], to: 'done', then: (_c, cmd) => ({ action: 'covered', by: cmd.by as string, note: `已登记备份 ${String(cmd.backupId)}` }) },
        // Opened at stage 1 (the admins were told as it opened), so the only timeout left alerts the leader.
        timeout: remindThenEscalate<BackupDueCase>({
          escalate: { to: (_c, ctx) => ctx.leaders, assign: true, title: overdueTitle, body: (c) => overdueBody(c.data) },
        }),
      },
    },
    done: { open: false, on: {} },
  },
});

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
  const data: BackupDueData = { groupName: input.groupName, nextDue: input.nextDue, lastCovered: input.lastCovered, overdueAfter: input.overdueAfter };
  const since = input.lastCovered ? `上次备份截至 ${input.lastCovered}` : '该群尚无备份';
  const leaders = input.overdue ? input.leaders : [];
  return openCase(backupDueKind, {
    _id: backupDueId(input.groupId, input.nextDue),
    // Nobody in particular is its subject: the group is.
    groupId: input.groupId,
    subjectId: input.groupId,
    openedBy: 'system',
    data,
    settingsVersion: input.settingsVersion,
    by: null,
    ctx: { now: input.now, settings: input.settings, admins: input.admins, leaders: input.leaders },
    // The deadline is the overdue day itself, not a number of working days from now.
    step: () => ({
      action: 'due',
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
        ...leaders.map((to) => ({ to, purpose: 'escalation' as const, title: overdueTitle, body: overdueBody(data) })),
      ],
    }),
  });
}
