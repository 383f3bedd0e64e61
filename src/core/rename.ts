// The rename request (§2.2), as a state machine you can read top to bottom.
//
//   submitted ──approve──▶ approved      (an admin of the group, or the leader once alerted)
//   submitted ──reject───▶ rejected      (same deciders; a reason is required)
//   submitted ──withdraw─▶ withdrawn     (the member who asked)
//   submitted ──timeout──▶ submitted     (1st: remind the admins; 2nd: alert the leader)
import type { CaseCommand, SettingsValues } from '../contract';
import { STATE_LABELS } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';
import { formatShanghai } from './time';

export interface RenameData extends Record<string, unknown> {
  nickname: string;
  previous: string | null;
  groupName: string;
  subjectName: string;
  note?: string;
  reason?: string;
  requestId: string;
}
export type RenameCase = Case<RenameData>;

export type RenameCommand =
  | { type: 'approve'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw' }
  | { type: 'timeout' };

export interface RenameContext {
  now: number;
  settings: SettingsValues;
  /** Current admins and leaders of the group. */
  admins: string[];
  leaders: string[];
}

export const renameMachine = {
  submitted: {
    open: true,
    commands: {
      approve: { who: 'decider', to: 'approved' },
      reject: { who: 'decider', to: 'rejected', needs: 'reason' },
      withdraw: { who: 'subject', to: 'withdrawn' },
      timeout: { who: 'system', to: 'submitted' },
    },
  },
  approved: { open: false, commands: {} },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} },
} as const;
export type RenameStateName = keyof typeof renameMachine;

/** Admins other than the member; the leaders when no other admin exists. */
export function renameDeciders(subjectId: string, admins: string[], leaders: string[]): string[] {
  const others = admins.filter((a) => a !== subjectId);
  return others.length ? others : leaders.filter((l) => l !== subjectId);
}

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
  ctx: RenameContext;
}): RenameCase {
  const { ctx } = input;
  const deciders = renameDeciders(input.subjectId, ctx.admins, ctx.leaders);
  const dueAt = deadlineAfter(ctx.now, ctx.settings.rename.adminDays, ctx.settings.calendar);
  const empty = blankCase<RenameCase>({
    _id: input.id,
    kind: 'rename',
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
    state: 'submitted',
    data: {
      nickname: input.nickname,
      previous: input.previous,
      groupName: input.groupName,
      subjectName: input.subjectName,
      requestId: input.requestId,
      ...(input.note ? { note: input.note } : {}),
    },
    settingsVersion: input.settingsVersion,
    now: ctx.now,
  });
  return step(
    empty,
    {
      action: 'submit',
      by: input.subjectId,
      to: 'submitted',
      open: true,
      note: input.note,
      assignees: deciders,
      ...deadlineFields(dueAt, ctx.settings.calendar),
      notify: deciders.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '新的改名申请',
        body: `${input.subjectName} 申请在「${input.groupName}」使用群昵称“${input.nickname}”，请于 ${formatShanghai(dueAt, 'M月D日')} 前处理`,
      })),
    },
    ctx.now,
  );
}

function mayDecide(c: RenameCase, actor: CaseActor): boolean {
  if (!actor.id || actor.id === c.subjectId) return false;
  if (c.assignees.includes(actor.id)) return true;
  return actor.rolesInGroup.includes('admin');
}

export function renameAllowed(c: RenameCase, actor: CaseActor): CaseCommand[] {
  if (c.state !== 'submitted') return [];
  if (actor.id === c.subjectId) return ['withdraw'];
  return mayDecide(c, actor) ? ['approve', 'reject'] : [];
}

export function decideRename(
  c: RenameCase,
  cmd: RenameCommand,
  actor: CaseActor,
  ctx: RenameContext,
): Decision<RenameCase> {
  const { now } = ctx;
  const state = renameMachine[c.state as RenameStateName];
  if (!state) return { ok: false, code: 'INTERNAL' };
  const rule = (state.commands as Record<string, { who: string }>)[cmd.type];
  if (!rule) {
    if (cmd.type === 'approve' || cmd.type === 'reject') {
      return {
        ok: false,
        code: 'CASE_ALREADY_DECIDED',
        message: `该申请已${STATE_LABELS[c.state] === '已撤回' ? '被申请人撤回' : `处理（${STATE_LABELS[c.state]}）`}，请刷新查看最新结果`,
      };
    }
    return { ok: false, code: 'CASE_NOT_OPEN' };
  }
  const d = c.data;
  switch (cmd.type) {
    case 'approve':
    case 'reject': {
      if (!mayDecide(c, actor)) return { ok: false, code: 'FORBIDDEN' };
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
            data: approved ? {} : { reason: cmd.reason.trim() },
            notify: [
              approved
                ? { to: c.subjectId, purpose: 'caseDecided', title: '改名申请已通过', body: `请在微信群「${d.groupName}」中把群昵称设置为：${d.nickname}` }
                : { to: c.subjectId, purpose: 'caseDecided', title: '改名申请未通过', body: `理由：${cmd.reason.trim()}` },
            ],
          },
          now,
        ),
      };
    }
    case 'withdraw': {
      if (actor.id !== c.subjectId) return { ok: false, code: 'FORBIDDEN' };
      return {
        ok: true,
        case: step(c, { action: 'withdraw', by: actor.id, to: 'withdrawn', open: false, assignees: [], wakeAt: null }, now),
      };
    }
    case 'timeout': {
      // A stale timer (the case moved on, or was already escalated) does nothing.
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: 'CASE_NOT_OPEN' };
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, ctx.settings.rename.escalateAfterDays, ctx.settings.calendar);
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
              ...deadlineFields(dueAt, ctx.settings.calendar),
              notify: audience(c.assignees, null).map((to) => ({
                to,
                purpose: 'reminder' as const,
                title: '改名申请已超期',
                body: `${d.subjectName} 在「${d.groupName}」的改名申请已超过处理期限，请于 ${formatShanghai(dueAt, 'M月D日')} 前处理，否则将报上级领导`,
              })),
            },
            now,
          ),
        };
      }
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'escalate',
            by: null,
            to: 'submitted',
            open: true,
            escalation: 2,
            wakeAt: null,
            assignees: audience([...c.assignees, ...leaders], null),
            notify: leaders.map((to) => ({
              to,
              purpose: 'escalation' as const,
              title: '改名申请超期未处理',
              body: `「${d.groupName}」管理员超期未处理 ${d.subjectName} 的改名申请，请督办或直接处理`,
            })),
          },
          now,
        ),
      };
    }
  }
}
