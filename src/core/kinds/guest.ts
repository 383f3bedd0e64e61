// 外部人员临时入群 (§2.1): any member asks with a reason and an end date; the department head or
// the group's leader approves; an admin adds the guest and confirms; at the end date the admins are
// told to remove the guest, and confirm that too.
//
//   requested ──approve──▶ adding     (the department head of the group's department, or its leader)
//   requested ──reject───▶ rejected   (same; a reason is required)
//   (withdrawn: kept as a state, but no action withdraws a guest request — see the table)
//   adding ─────confirm──▶ active     (an admin: the guest is in the WeChat group; timed to the end date)
//   active ─────timeout──▶ removing   (the end date has passed: remove the guest)
//   removing ───confirm──▶ ended      (an admin)
//   requested / adding / removing ──timeout──▶ same state (remind once)
import type { GuestData, SettingsValues } from '../../contract';
import { audience, defineKind, openCase, refuse, remindThenEscalate, type Transition } from '../engine';
import type { Effect } from '../effects';
import type { Case } from '../model';
import { endOfShanghaiDay, formatShanghai } from '../time';
import { rejectWithReason } from './common';

export type { GuestData };
export type GuestCase = Case<GuestData>;

/** The guest's stay is over at the end of the end date, Shanghai time. */
export const guestEndsAt = (d: GuestData) => endOfShanghaiDay(d.endDate);

const guestLabel = (d: GuestData) => `${d.guestName}（外部，${d.organisation}）`;

const approvers = ['approver', 'leader'] as const;
const confirmers = ['admin', 'assignee'] as const;

const remindOnce = remindThenEscalate<GuestCase>({
  remind: { title: '外部人员事项已超期', body: (c) => `${guestLabel(c.data)}（「${c.data.groupName}」）的事项已超期，请尽快处理` },
});

// Each new stage (adding, active, removing) may be reminded once again; a closing step keeps the stage.
const approve: Transition<GuestCase> = {
  who: approvers,
  notSubject: true,
  to: 'adding',
  deadline: 'membership.onboardDays',
  then: (c, cmd, env) => ({
    action: 'approve',
    note: cmd.note as string | undefined,
    assignees: env.admins,
    escalation: 0,
    notify: [
      { to: c.subjectId, purpose: 'caseDecided' as const, title: '外部人员入群已批准', body: `${guestLabel(c.data)} 可临时加入「${c.data.groupName}」至 ${c.data.endDate}，管理员将拉其入群` },
      ...audience(env.admins, env.actor.id).map((to) => ({ to, purpose: 'newTask' as const, title: '请拉外部人员入群', body: `把 ${guestLabel(c.data)} 拉入「${c.data.groupName}」，群昵称标注“外部”，完成后确认` })),
    ],
  }),
};

/** The guest in the group: their person record once, then the roster (nothing when no guest record is named). */
function addedEffects(c: GuestCase): Effect[] {
  const personId = c.data.guestPersonId;
  if (!personId) return [];
  return [
    { type: 'registerGuest', personId, name: c.data.guestName, until: c.data.endDate },
    { type: 'joinGroup', groupId: c.groupId, personId },
  ];
}

function removedEffects(c: GuestCase): Effect[] {
  const personId = c.data.guestPersonId;
  if (!personId) return [];
  return [
    { type: 'leaveGroup', groupId: c.groupId, personId },
    { type: 'endAccess', personId },
  ];
}

export const guestKind = defineKind<GuestCase>({
  kind: 'guest',
  initial: 'requested',
  // Approval assigns the group's current admins.
  needsGroup: true,
  roles: { approver: (c, actor) => c.data.approvers.includes(actor.id!) },
  batch: { approve: 'approve', reject: 'reject' },
  states: {
    requested: {
      open: true,
      on: {
        approve,
        reject: rejectWithReason<GuestCase>({ who: approvers, notSubject: true, field: 'rejectReason', title: '外部人员入群未批准' }),
        // No withdraw: no action issues one and the case page never offered it (it would, from this table).
        timeout: remindOnce,
      },
    },
    adding: {
      open: true,
      on: {
        confirm: {
          who: confirmers,
          to: 'active',
          then: (c, cmd, env) => {
            const endsAt = guestEndsAt(c.data);
            return {
              action: 'confirm_added',
              note: cmd.note as string | undefined,
              // Nobody is waited on until the end date; then the scheduler turns it into a removal.
              assignees: [],
              escalation: 0,
              dueAt: endsAt,
              wakeAt: endsAt,
              notify: audience([c.subjectId], env.actor.id).map((to) => ({ to, purpose: 'caseDecided' as const, title: '外部人员已入群', body: `${guestLabel(c.data)} 已加入「${c.data.groupName}」，${c.data.endDate} 后将被移出` })),
              effects: addedEffects(c),
            };
          },
        },
        timeout: remindOnce,
      },
    },
    active: {
      open: true,
      on: {
        timeout: {
          who: ['system'],
          to: 'removing',
          deadline: 'membership.offboardDays',
          then: (c, _cmd, env) => ({
            action: 'guest_expired',
            assignees: env.admins,
            escalation: 0,
            notify: env.admins.map((to) => ({ to, purpose: 'newTask' as const, title: '外部人员到期，请移出', body: `${guestLabel(c.data)} 在「${c.data.groupName}」的期限（${c.data.endDate}）已到，请移出并确认` })),
          }),
        },
      },
    },
    removing: {
      open: true,
      on: {
        confirm: {
          who: confirmers,
          to: 'ended',
          then: (c, cmd, env) => ({
            action: 'confirm_removed',
            note: cmd.note as string | undefined,
            notify: audience([c.subjectId], env.actor.id).map((to) => ({ to, purpose: 'caseDecided' as const, title: '外部人员已移出', body: `${guestLabel(c.data)} 已移出「${c.data.groupName}」` })),
            effects: removedEffects(c),
          }),
        },
        timeout: remindOnce,
      },
    },
    ended: { open: false, on: {} },
    rejected: { open: false, on: {} },
    withdrawn: { open: false, on: {} },
  },
  // A decision or a confirmation that comes too late says the case was already handled.
  outOfState: (_c, cmd) => refuse(cmd.type === 'approve' || cmd.type === 'reject' || cmd.type === 'confirm' ? 'CASE_ALREADY_DECIDED' : 'CASE_NOT_OPEN'),
});

export function openGuest(input: { id: string; groupId: string; requesterId: string; data: GuestData; settingsVersion: number; now: number; settings: SettingsValues }): GuestCase {
  const { now, settings, data } = input;
  const assignees = audience(data.approvers, input.requesterId);
  return openCase(guestKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.requesterId,
    openedBy: input.requesterId,
    data,
    settingsVersion: input.settingsVersion,
    by: input.requesterId,
    ctx: { now, settings, admins: [], leaders: [] },
    deadline: 'membership.guestApproveDays',
    step: () => ({
      action: 'submit',
      note: data.reason,
      assignees,
      notify: assignees.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '外部人员入群申请',
        body: `${data.subjectName} 申请 ${data.guestName}（${data.organisation}）临时加入「${data.groupName}」至 ${data.endDate}`,
      })),
    }),
  });
}

export function describeGuestEnd(d: GuestData): string {
  return `至 ${d.endDate}（${formatShanghai(guestEndsAt(d), 'M月D日')} 到期）`;
}
