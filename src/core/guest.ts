// 外部人员临时入群 (§2.1): any member asks with a reason and an end date; the department head or
// the group's leader approves; an admin adds the guest and confirms; at the end date the admins are
// told to remove the guest, and confirm that too.
//
//   requested ──approve──▶ adding     (the department head of the group's department, or its leader)
//   requested ──reject───▶ rejected   (same; a reason is required)
//   requested ──withdraw─▶ withdrawn  (the member who asked)
//   adding ─────confirm──▶ active     (an admin: the guest is in the WeChat group; timed to the end date)
//   active ─────timeout──▶ removing   (the end date has passed: remove the guest)
//   removing ───confirm──▶ ended      (an admin)
//   requested / adding / removing ──timeout──▶ same state (remind once)
import type { CaseCommand, SettingsValues } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';
import { endOfShanghaiDay, formatShanghai } from './time';

export interface GuestData extends Record<string, unknown> {
  groupName: string;
  subjectName: string;
  guestName: string;
  organisation: string;
  reason: string;
  endDate: string;
  /** Who may approve: the department head and the group's leaders at request time. */
  approvers: string[];
  guestPersonId?: string;
  rejectReason?: string;
  requestId: string;
}
export type GuestCase = Case<GuestData>;

export type GuestCommand =
  | { type: 'approve'; note?: string; admins: string[] }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw' }
  | { type: 'confirm'; note?: string }
  | { type: 'timeout'; admins: string[] };

export const guestMachine = {
  requested: { open: true, commands: { approve: 'approver', reject: 'approver', withdraw: 'requester', timeout: 'system' } },
  adding: { open: true, commands: { confirm: 'admin', timeout: 'system' } },
  active: { open: true, commands: { timeout: 'system' } },
  removing: { open: true, commands: { confirm: 'admin', timeout: 'system' } },
  ended: { open: false, commands: {} },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} },
} as const;

/** The guest's stay is over at the end of the end date, Shanghai time. */
export const guestEndsAt = (d: GuestData) => endOfShanghaiDay(d.endDate);

export function openGuest(input: { id: string; groupId: string; requesterId: string; data: GuestData; settingsVersion: number; now: number; settings: SettingsValues }): GuestCase {
  const { now, settings, data } = input;
  const dueAt = deadlineAfter(now, settings.membership.guestApproveDays, settings.calendar);
  const empty = blankCase<GuestCase>({
    _id: input.id,
    kind: 'guest',
    groupId: input.groupId,
    subjectId: input.requesterId,
    openedBy: input.requesterId,
    state: 'requested',
    data,
    settingsVersion: input.settingsVersion,
    now,
  });
  const approvers = audience(data.approvers, input.requesterId);
  return step(
    empty,
    {
      action: 'submit',
      by: input.requesterId,
      to: 'requested',
      open: true,
      note: data.reason,
      assignees: approvers,
      ...deadlineFields(dueAt, settings.calendar),
      notify: approvers.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '外部人员入群申请',
        body: `${data.subjectName} 申请 ${data.guestName}（${data.organisation}）临时加入「${data.groupName}」至 ${data.endDate}`,
      })),
    },
    now,
  );
}

const isApprover = (c: GuestCase, actor: CaseActor) => actor.id !== null && actor.id !== c.subjectId && (c.data.approvers.includes(actor.id) || actor.rolesInGroup.includes('leader'));
const isAdmin = (c: GuestCase, actor: CaseActor) => actor.id !== null && (actor.rolesInGroup.includes('admin') || c.assignees.includes(actor.id));

export function guestAllowed(c: GuestCase, actor: CaseActor): CaseCommand[] {
  if (c.state === 'requested') {
    return isApprover(c, actor) ? ['approve', 'reject'] : [];
  }
  if (c.state === 'adding' || c.state === 'removing') return isAdmin(c, actor) ? ['confirm'] : [];
  return [];
}

export function decideGuest(c: GuestCase, cmd: GuestCommand, actor: CaseActor, ctx: { now: number; settings: SettingsValues }): Decision<GuestCase> {
  const { now, settings } = ctx;
  const d = c.data;
  const who = `${d.guestName}（外部，${d.organisation}）`;
  const timed = (days: number) => {
    const dueAt = deadlineAfter(now, days, settings.calendar);
    return deadlineFields(dueAt, settings.calendar);
  };
  switch (cmd.type) {
    case 'approve':
    case 'reject': {
      if (c.state !== 'requested') return { ok: false, code: 'CASE_ALREADY_DECIDED' };
      if (!isApprover(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      if (cmd.type === 'reject') {
        if (!cmd.reason.trim()) return { ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' };
        return {
          ok: true,
          case: step(c, { action: 'reject', by: actor.id, to: 'rejected', open: false, note: cmd.reason, assignees: [], wakeAt: null, data: { rejectReason: cmd.reason.trim() }, notify: [{ to: c.subjectId, purpose: 'caseDecided', title: '外部人员入群未批准', body: `理由：${cmd.reason.trim()}` }] }, now),
        };
      }
      const admins = cmd.admins;
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'approve',
            by: actor.id,
            to: 'adding',
            open: true,
            note: cmd.note,
            assignees: admins,
            escalation: 0,
            ...timed(settings.membership.onboardDays),
            notify: [
              { to: c.subjectId, purpose: 'caseDecided' as const, title: '外部人员入群已批准', body: `${who} 可临时加入「${d.groupName}」至 ${d.endDate}，管理员将拉其入群` },
              ...audience(admins, actor.id).map((to) => ({ to, purpose: 'newTask' as const, title: '请拉外部人员入群', body: `把 ${who} 拉入「${d.groupName}」，群昵称标注“外部”，完成后确认` })),
            ],
          },
          now,
        ),
      };
    }
    case 'withdraw':
      if (c.state !== 'requested') return { ok: false, code: 'CASE_NOT_OPEN' };
      if (actor.id !== c.subjectId) return { ok: false, code: 'FORBIDDEN' };
      return { ok: true, case: step(c, { action: 'withdraw', by: actor.id, to: 'withdrawn', open: false, assignees: [], wakeAt: null }, now) };
    case 'confirm': {
      if (c.state !== 'adding' && c.state !== 'removing') return { ok: false, code: 'CASE_ALREADY_DECIDED' };
      if (!isAdmin(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      if (c.state === 'adding') {
        const endsAt = guestEndsAt(d);
        return {
          ok: true,
          case: step(c, { action: 'confirm_added', by: actor.id, to: 'active', open: true, note: cmd.note, assignees: [], escalation: 0, dueAt: endsAt, dueAtUnconfirmed: false, wakeAt: endsAt, notify: audience([c.subjectId], actor.id).map((to) => ({ to, purpose: 'caseDecided' as const, title: '外部人员已入群', body: `${who} 已加入「${d.groupName}」，${d.endDate} 后将被移出` })) }, now),
        };
      }
      return {
        ok: true,
        case: step(c, { action: 'confirm_removed', by: actor.id, to: 'ended', open: false, note: cmd.note, assignees: [], wakeAt: null, notify: audience([c.subjectId], actor.id).map((to) => ({ to, purpose: 'caseDecided' as const, title: '外部人员已移出', body: `${who} 已移出「${d.groupName}」` })) }, now),
      };
    }
    case 'timeout': {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: 'CASE_NOT_OPEN' };
      if (c.state === 'active') {
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'guest_expired',
              by: null,
              to: 'removing',
              open: true,
              assignees: cmd.admins,
              escalation: 0,
              ...timed(settings.membership.offboardDays),
              notify: cmd.admins.map((to) => ({ to, purpose: 'newTask' as const, title: '外部人员到期，请移出', body: `${who} 在「${d.groupName}」的期限（${d.endDate}）已到，请移出并确认` })),
            },
            now,
          ),
        };
      }
      if (c.escalation > 0) return { ok: false, code: 'CASE_NOT_OPEN' };
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'remind',
            by: null,
            to: c.state,
            open: true,
            escalation: 1,
            wakeAt: null,
            notify: c.assignees.map((to) => ({ to, purpose: 'reminder' as const, title: '外部人员事项已超期', body: `${who}（「${d.groupName}」）的事项已超期，请尽快处理` })),
          },
          now,
        ),
      };
    }
  }
}

export function describeGuestEnd(d: GuestData): string {
  return `至 ${d.endDate}（${formatShanghai(guestEndsAt(d), 'M月D日')} 到期）`;
}
