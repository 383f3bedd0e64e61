// What a closed step changes outside its case: the roster and the admins. Called by the handler that
// made the step and by the scheduler, after the case is saved; each effect is idempotent.
import type { AdminChangeCase } from '../core/admin-change';
import { openAdminFiling } from '../core/admin-filing';
import type { ElectionCase } from '../core/election';
import type { GuestCase } from '../core/guest';
import type { Case, Membership } from '../core/model';
import type { TaskCase } from '../core/task';
import { loadGroupContext } from './handlers/group-context';
import type { Deps } from './ports';
import { insertNew } from './save';
import { currentSettings } from './settings';

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

export async function applyEffects(deps: Deps, c: Case, now: number): Promise<void> {
  const last = c.history[c.history.length - 1];
  if (!last) return;
  switch (c.kind) {
    case 'onboard':
      if (c.state === 'done') await activate(deps, c.groupId, c.subjectId, now);
      return;
    case 'offboard':
      if (c.state === 'done') {
        await deps.store.setMembershipStatus(c.groupId, c.subjectId, 'left', now);
        const gid = (c as TaskCase).data.guestCaseId;
        if (gid) {
          const p = await deps.store.getPerson(c.subjectId);
          if (p && p.status === 'active') await deps.store.updatePerson({ ...p, status: 'left', leftAt: now });
        }
      }
      return;
    case 'guest': {
      const g = c as GuestCase;
      const guestId = g.data.guestPersonId;
      if (!guestId) return;
      if (c.state === 'active' && last.action === 'confirm_added') {
        if (!(await deps.store.getPerson(guestId))) {
          await deps.store.insertPerson({ _id: guestId, openid: null, name: g.data.guestName, deptId: '', employeeNo: '', status: 'active', external: true, createdAt: now, guestUntil: g.data.endDate });
        }
        await activate(deps, c.groupId, guestId, now);
      }
      if (c.state === 'ended') {
        await deps.store.setMembershipStatus(c.groupId, guestId, 'left', now);
        const p = await deps.store.getPerson(guestId);
        if (p && p.status === 'active') await deps.store.updatePerson({ ...p, status: 'left', leftAt: now });
      }
      return;
    }
    case 'admin_change': {
      if (c.state !== 'approved') return;
      const d = (c as AdminChangeCase).data;
      await deps.store.setMembershipRole(c.groupId, d.successorId, 'admin', true, now);
      await deps.store.setMembershipRole(c.groupId, c.subjectId, 'admin', false, now);
      return;
    }
    case 'election': {
      const e = c as ElectionCase;
      if (c.state !== 'elected' || !e.data.winnerId) return;
      const winner = e.data.winnerId;
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
      return;
    }
    default:
      return;
  }
}
