// What a step changes outside its case: the roster, the admins, a leaver's access. withEffects()
// writes an effects entry into the case's outbox with the step, and the outbox dispatcher applies it
// (retried by the scheduler until it succeeds), so the roster follows the case even across a crash.
// Every effect is idempotent and reads the case as it now stands.
import type { AdminChangeCase } from '../../core/admin-change';
import { openAdminFiling } from '../../core/admin-filing';
import type { DepartureCase } from '../../core/departure';
import type { ElectionCase } from '../../core/election';
import type { GuestCase } from '../../core/guest';
import type { Case, EffectsEntry, Membership } from '../../core/model';
import type { RenameCase } from '../../core/rename';
import { decideTask, type TaskCase } from '../../core/task';
import { completeDeparture } from './group-tasks';
import { loadGroupContext } from '../reads/group-context';
import type { Deps } from '../ports';
import { decideAndSave, insertNew } from './commit';
import { currentSettings, settingsAt } from '../reads/settings';

const fresh = (groupId: string, personId: string, now: number): Membership => ({
  _id: `${groupId}:${personId}`,
  groupId,
  personId,
  roles: ['member'],
  nickname: null,
  status: 'active',
  updatedAt: now,
});

/** Active in the group as a member: the row updated in place, or a new row. */
async function activate(deps: Deps, groupId: string, personId: string, now: number) {
  if (!(await deps.store.setMembershipStatus(groupId, personId, 'active', now))) await deps.store.putMembership(fresh(groupId, personId, now));
}

type Effect = (deps: Deps, now: number) => Promise<void>;

/** The effect the case calls for as it now stands, or null. */
function effectOf(c: Case): Effect | null {
  const last = c.history[c.history.length - 1];
  if (!last) return null;
  switch (c.kind) {
    case 'admin_filing':
      // An appointment takes effect as it is filed (an election's winner is made admin by the election).
      if (last.action !== 'appoint') return null;
      return (deps, now) => deps.store.setMembershipRole(c.groupId, c.subjectId, 'admin', true, now).then(() => undefined);
    case 'naming_fix':
      // The roster shows the open fix (groups.roster reads it there). Set by the opening; a reminder
      // calls for nothing, yet an opening's entry still pending when one comes still sets it.
      if (c.open) {
        if (last.action !== 'open_naming_fix' && !c.outbox.some((e) => 'effects' in e)) return null;
        return (deps) => markFix(deps, c);
      }
      // Closed, however: cleared, unless the row already points at a newer fix.
      return (deps) => deps.store.setMembershipFix(c.groupId, c.subjectId, null, c._id).then(() => undefined);
    case 'rename':
      if (c.state !== 'approved') return null;
      return (deps, now) => recordNickname(deps, c as RenameCase, now);
    case 'onboard':
      if (c.state !== 'done') return null;
      return (deps, now) => activate(deps, c.groupId, c.subjectId, now);
    case 'departure':
      return (deps, now) => completeDeparture(deps, c as DepartureCase, now);
    case 'offboard':
      if (c.state !== 'done') return null;
      return async (deps, now) => {
        await deps.store.setMembershipStatus(c.groupId, c.subjectId, 'left', now);
        const gid = (c as TaskCase).data.guestCaseId;
        if (gid) {
          const p = await deps.store.getPerson(c.subjectId);
          if (p && p.status === 'active') await deps.store.updatePerson({ ...p, status: 'left', leftAt: now });
        }
      };
    case 'guest': {
      const g = c as GuestCase;
      const guestId = g.data.guestPersonId;
      if (!guestId) return null;
      if (c.state === 'active' && last.action === 'confirm_added') {
        return async (deps, now) => {
          if (!(await deps.store.getPerson(guestId))) {
            await deps.store.insertPerson({ _id: guestId, openid: null, name: g.data.guestName, deptId: '', employeeNo: '', status: 'active', external: true, createdAt: now, guestUntil: g.data.endDate });
          }
          await activate(deps, c.groupId, guestId, now);
        };
      }
      if (c.state === 'ended') {
        return async (deps, now) => {
          await deps.store.setMembershipStatus(c.groupId, guestId, 'left', now);
          const p = await deps.store.getPerson(guestId);
          if (p && p.status === 'active') await deps.store.updatePerson({ ...p, status: 'left', leftAt: now });
        };
      }
      return null;
    }
    case 'admin_change': {
      if (c.state !== 'approved') return null;
      const d = (c as AdminChangeCase).data;
      return async (deps, now) => {
        await deps.store.setMembershipRole(c.groupId, d.successorId, 'admin', true, now);
        await deps.store.setMembershipRole(c.groupId, c.subjectId, 'admin', false, now);
      };
    }
    case 'election': {
      const e = c as ElectionCase;
      if (c.state !== 'elected' || !e.data.winnerId) return null;
      const winner = e.data.winnerId;
      return async (deps, now) => {
        await deps.store.setMembershipRole(c.groupId, winner, 'admin', true, now);
        const [gc, settings, person] = await Promise.all([loadGroupContext(deps.store, c.groupId), currentSettings(deps.store), deps.store.getPerson(winner)]);
        // Filed with the leader, once: the filing's id follows from the election's.
        await insertNew(
          deps,
          openAdminFiling({
            id: `af_${c._id}`,
            groupId: c.groupId,
            subjectId: winner,
            openedBy: null,
            leaders: gc?.leaders ?? [],
            data: { groupName: e.data.groupName, subjectName: person?.name ?? winner, how: 'elected', byName: '群成员', electionCaseId: c._id },
            settingsVersion: settings.version,
            now,
          }),
        );
      };
    }
    default:
      return null;
  }
}

/** Apply what the case calls for as it now stands (the outbox dispatcher's effects entry). */
export async function applyEffects(deps: Deps, c: Case, now: number): Promise<void> {
  await effectOf(c)?.(deps, now);
}

/** The step just made, with an effects entry in its outbox when it calls for one. */
export function withEffects(c: Case): Case {
  const last = c.history[c.history.length - 1];
  if (!last || !effectOf(c)) return c;
  const id = `${c._id}.${last.seq}.fx`;
  if (c.outbox.some((e) => e.id === id)) return c;
  const entry: EffectsEntry = { id, effects: true, createdAt: last.at };
  return { ...c, outbox: [entry, ...c.outbox] };
}

/** Point the member's roster row at their open fix task. */
async function markFix(deps: Deps, c: Case) {
  await deps.store.setMembershipFix(c.groupId, c.subjectId, c._id);
  // Closed meanwhile, its clear maybe run before this set (this case was read before it closed): undo.
  const current = await deps.store.getCase(c._id);
  if (current && !current.open) await deps.store.setMembershipFix(c.groupId, c.subjectId, null, c._id);
}

/** On approval the roster takes the new nickname, and an admin's request to fix it is answered. */
async function recordNickname(deps: Deps, c: RenameCase, now: number) {
  // A field update, not read-then-replace: a role change made meanwhile is kept.
  await deps.store.setNickname(c.groupId, c.subjectId, c.data.nickname, now);
  for (const fix of await deps.store.listOpenCases('naming_fix', c.groupId, c.subjectId)) {
    await decideAndSave(
      deps,
      fix._id,
      async (cur) =>
        decideTask(cur as TaskCase, { type: 'confirm', note: `改名申请已批准：${c.data.nickname}` }, { id: c.history[c.history.length - 1].by ?? '', rolesInGroup: ['admin'] }, {
          now,
          settings: (await settingsAt(deps.store, cur.settingsVersion)).values,
          leaders: [],
        }),
      () => true,
    );
  }
}
