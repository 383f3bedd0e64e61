// Roster tasks an admin does by hand in WeChat, tracked to confirmed (§2.1, §2.2):
// 入群任务 (onboard: add a new hire), 移出任务 (offboard: remove a leaver or a guest),
// 昵称整改 (naming_fix: a member sets the canonical nickname).
//
//   pending ──confirm──▶ done        (an assignee, or any admin of the group; naming_fix: an admin,
//                                     or the approval of the member's rename request)
//   pending ──cancel───▶ cancelled   (the system: e.g. the new hire left before being added)
//   pending ──timeout──▶ pending     (1st: remind the assignees; 2nd: alert the leader and dept head)
import type { CaseCommand, SettingsValues } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';
import { formatShanghai } from './time';

export type TaskKind = 'onboard' | 'offboard' | 'naming_fix';

export interface TaskData extends Record<string, unknown> {
  groupName: string;
  subjectName: string;
  /** What to do in WeChat, one sentence. */
  instruction: string;
  /** People alerted when the task is overdue twice (the leader, the department head). */
  escalateTo: string[];
  reason?: string;
  /** naming_fix: the nickname to set. */
  canonical?: string;
  /** offboard of a guest: the guest case it ends. */
  guestCaseId?: string;
  /** offboard of a departing employee: the departure that opened it. */
  departureId?: string;
}
export type TaskCase = Case<TaskData>;

export type TaskCommand = { type: 'confirm'; note?: string } | { type: 'cancel'; note: string } | { type: 'timeout' };

export const taskMachine = {
  pending: {
    open: true,
    commands: {
      confirm: { who: 'assignee or admin', to: 'done' },
      cancel: { who: 'system', to: 'cancelled' },
      timeout: { who: 'system', to: 'pending' },
    },
  },
  done: { open: false, commands: {} },
  cancelled: { open: false, commands: {} },
} as const;

const TITLES: Record<TaskKind, string> = { onboard: '入群任务', offboard: '移出任务', naming_fix: '昵称整改' };

/** Working days the kind allows. */
export function taskDays(kind: TaskKind, settings: SettingsValues): number {
  if (kind === 'onboard') return settings.membership.onboardDays;
  if (kind === 'offboard') return settings.membership.offboardDays;
  return settings.rename.adminDays;
}

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
  const { now, settings } = input;
  const dueAt = deadlineAfter(now, taskDays(input.kind, settings), settings.calendar);
  const empty = blankCase<TaskCase>({
    _id: input.id,
    kind: input.kind,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.openedBy,
    state: 'pending',
    data: input.data,
    settingsVersion: input.settingsVersion,
    now,
  });
  return step(
    empty,
    {
      action: `open_${input.kind}`,
      by: input.openedBy,
      to: 'pending',
      open: true,
      note: input.data.reason,
      assignees: input.assignees,
      ...deadlineFields(dueAt, settings.calendar),
      notify: audience(input.assignees, input.openedBy).map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: `新的${TITLES[input.kind]}`,
        body: `${input.data.instruction}，请于 ${formatShanghai(dueAt, 'M月D日')} 前完成并在群务里确认`,
      })),
    },
    now,
  );
}

function mayConfirm(c: TaskCase, actor: CaseActor): boolean {
  if (!actor.id) return false;
  // A member asked to fix their nickname does it by a rename request; an admin confirms the fix.
  if (c.kind === 'naming_fix') return actor.id !== c.subjectId && actor.rolesInGroup.includes('admin');
  if (c.assignees.includes(actor.id)) return true;
  // Any admin of the group may confirm a task, but nobody confirms their own removal.
  return actor.rolesInGroup.includes('admin') && !(c.kind === 'offboard' && actor.id === c.subjectId);
}

export function taskAllowed(c: TaskCase, actor: CaseActor): CaseCommand[] {
  return c.state === 'pending' && mayConfirm(c, actor) ? ['confirm'] : [];
}

export function decideTask(c: TaskCase, cmd: TaskCommand, actor: CaseActor, ctx: { now: number; settings: SettingsValues; leaders: string[] }): Decision<TaskCase> {
  const { now, settings } = ctx;
  if (c.state !== 'pending') return { ok: false, code: cmd.type === 'confirm' ? 'CASE_ALREADY_DECIDED' : 'CASE_NOT_OPEN' };
  const d = c.data;
  switch (cmd.type) {
    case 'confirm': {
      if (!mayConfirm(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      const told = audience([c.openedBy, ...(c.kind === 'naming_fix' ? [] : [c.subjectId])], actor.id);
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'confirm',
            by: actor.id,
            to: 'done',
            open: false,
            note: cmd.note,
            assignees: [],
            wakeAt: null,
            notify: told.map((to) => ({
              to,
              purpose: 'caseDecided' as const,
              title: `${TITLES[c.kind as TaskKind]}已完成`,
              body: `${d.instruction}：已确认完成`,
            })),
          },
          now,
        ),
      };
    }
    case 'cancel': {
      if (actor.id !== null) return { ok: false, code: 'FORBIDDEN' };
      return { ok: true, case: step(c, { action: 'cancel', by: null, to: 'cancelled', open: false, note: cmd.note, assignees: [], wakeAt: null }, now) };
    }
    case 'timeout': {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: 'CASE_NOT_OPEN' };
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, settings.membership.escalateAfterDays, settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'remind',
              by: null,
              to: 'pending',
              open: true,
              escalation: 1,
              ...deadlineFields(dueAt, settings.calendar),
              notify: c.assignees.map((to) => ({
                to,
                purpose: 'reminder' as const,
                title: `${TITLES[c.kind as TaskKind]}已超期`,
                body: `${d.instruction}，已超过期限，请于 ${formatShanghai(dueAt, 'M月D日')} 前完成，否则将报上级领导`,
              })),
            },
            now,
          ),
        };
      }
      const up = audience([...ctx.leaders, ...d.escalateTo], c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'escalate',
            by: null,
            to: 'pending',
            open: true,
            escalation: 2,
            wakeAt: null,
            notify: up.map((to) => ({
              to,
              purpose: 'escalation' as const,
              title: `${TITLES[c.kind as TaskKind]}超期未完成`,
              body: `「${d.groupName}」：${d.instruction}，已超期，请督办`,
            })),
          },
          now,
        ),
      };
    }
  }
}
