// Roster tasks an admin does by hand in WeChat, tracked to confirmed (§2.1, §2.2):
// 入群任务 (onboard: add a new hire), 移出任务 (offboard: remove a leaver or a guest),
// 昵称整改 (naming_fix: a member sets the canonical nickname). One table, three kinds.
//
//   pending ──confirm──▶ done        (onboard: an assignee or any admin of the group; offboard: an
//                                     assignee, or an admin who is not the one removed; naming_fix: an
//                                     admin who is not the member — or the approval of their rename request)
//   pending ──cancel───▶ cancelled   (the system: e.g. the new hire left before being added)
//   pending ──timeout──▶ pending     (1st: remind the assignees; 2nd: alert the leader and dept head)
import type { SettingsValues, TaskData } from '../../contract';
import { audience, defineKind, openCase, refuse, remindThenEscalate, type DeadlineKey, type KindSpec, type Transition, type Who } from '../engine';
import type { Effect } from '../effects';
import type { Case } from '../model';
import { formatShanghai } from '../time';

export type { TaskData };
export type TaskKind = 'onboard' | 'offboard' | 'naming_fix';
export type TaskCase = Case<TaskData>;

const TITLES: Record<TaskKind, string> = { onboard: '入群任务', offboard: '移出任务', naming_fix: '昵称整改' };

/** The settings key of the working days each kind allows. */
const DAYS: Record<TaskKind, DeadlineKey> = { onboard: 'membership.onboardDays', offboard: 'membership.offboardDays', naming_fix: 'rename.adminDays' };

/** Working days the kind allows. */
export function taskDays(kind: TaskKind, settings: SettingsValues): number {
  if (kind === 'onboard') return settings.membership.onboardDays;
  if (kind === 'offboard') return settings.membership.offboardDays;
  return settings.rename.adminDays;
}

/** Who may confirm: a member asked to fix their nickname does it by a rename request, and nobody confirms their own removal. */
const CONFIRMERS: Record<TaskKind, { who: readonly Who[]; notSubject?: true }> = {
  onboard: { who: ['assignee', 'admin'] },
  offboard: { who: ['assignee', 'adminNotSubject'] },
  naming_fix: { who: ['admin'], notSubject: true },
};

/** What confirming the task changes outside it. */
function doneEffects(kind: TaskKind, c: TaskCase): Effect[] {
  if (kind === 'onboard') return [{ type: 'joinGroup', groupId: c.groupId, personId: c.subjectId }];
  if (kind === 'offboard') {
    return [{ type: 'leaveGroup', groupId: c.groupId, personId: c.subjectId }, ...(c.data.guestCaseId ? [{ type: 'endAccess' as const, personId: c.subjectId }] : [])];
  }
  return [clearFix(c)];
}

const clearFix = (c: TaskCase): Effect => ({ type: 'clearNamingFix', groupId: c.groupId, personId: c.subjectId, caseId: c._id });

function taskKind(kind: TaskKind): KindSpec<TaskCase> {
  const title = TITLES[kind];
  const confirm: Transition<TaskCase> = {
    ...CONFIRMERS[kind],
    to: 'done',
    then: (c, cmd, env) => ({
      action: 'confirm',
      note: cmd.note as string | undefined,
      notify: audience([c.openedBy, ...(kind === 'naming_fix' ? [] : [c.subjectId])], env.actor.id).map((to) => ({
        to,
        purpose: 'caseDecided' as const,
        title: `${title}已完成`,
        body: `${c.data.instruction}：已确认完成`,
      })),
      effects: doneEffects(kind, c),
    }),
  };
  return defineKind<TaskCase>({
    kind,
    initial: 'pending',
    states: {
      pending: {
        open: true,
        on: {
          confirm,
          cancel: { who: ['system'], to: 'cancelled', then: (c, cmd) => ({ action: 'cancel', note: cmd.note as string | undefined, ...(kind === 'naming_fix' ? { effects: [clearFix(c)] } : {}) }) },
          timeout: remindThenEscalate<TaskCase>({
            remind: {
              deadline: 'membership.escalateAfterDays',
              title: `${title}已超期`,
              body: (c, due) => `${c.data.instruction}，已超过期限，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前完成，否则将报上级领导`,
            },
            escalate: {
              to: (c, ctx) => audience([...ctx.leaders, ...c.data.escalateTo], c.subjectId),
              title: `${title}超期未完成`,
              body: (c) => `「${c.data.groupName}」：${c.data.instruction}，已超期，请督办`,
            },
          }),
        },
      },
      done: { open: false, on: {} },
      cancelled: { open: false, on: {} },
    },
    roles: { adminNotSubject: (c, actor) => actor.id !== c.subjectId && actor.rolesInGroup.includes('admin') },
    outOfState: (_c, cmd) => refuse(cmd.type === 'confirm' ? 'CASE_ALREADY_DECIDED' : 'CASE_NOT_OPEN'),
    // Add and remove tasks are confirmed in a batch from 待办 (nothing to reject: the marking stands).
    ...(kind === 'naming_fix' ? {} : { batch: { approve: 'confirm' as const } }),
  });
}

export const onboardKind = taskKind('onboard');
export const offboardKind = taskKind('offboard');
export const namingFixKind = taskKind('naming_fix');

export const TASK_KINDS: Record<TaskKind, KindSpec<TaskCase>> = { onboard: onboardKind, offboard: offboardKind, naming_fix: namingFixKind };

export function openTask(input: {
  kind: TaskKind;
  id: string;
  groupId: string;
  subjectId: string;
  openedBy: string;
  assignees: string[];
  data: TaskData;
  settingsVersion: number;
  now: number;
  settings: SettingsValues;
}): TaskCase {
  const { kind, now, settings, data } = input;
  return openCase(TASK_KINDS[kind], {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    data,
    settingsVersion: input.settingsVersion,
    by: input.openedBy,
    ctx: { now, settings, admins: [], leaders: [] },
    deadline: DAYS[kind],
    step: ({ due }) => ({
      action: `open_${kind}`,
      note: data.reason,
      assignees: input.assignees,
      notify: audience(input.assignees, input.openedBy).map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: `新的${TITLES[kind]}`,
        body: `${data.instruction}，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前完成并在群务里确认`,
      })),
      // The roster shows the member's open fix (groups.roster reads it there).
      ...(kind === 'naming_fix' ? { effects: [{ type: 'markNamingFix' as const, groupId: input.groupId, personId: input.subjectId, caseId: input.id }] } : {}),
    }),
  });
}
