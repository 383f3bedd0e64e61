// The effect interpreter: applies one effect a step returned (core/effects.ts), by its type. Every
// effect is idempotent, because the outbox retries it until it succeeds. An effect that files or
// moves another case writes it here and returns it; commit.ts delivers its outbox.
import type { Effect } from '../../core/effects';
import { decide, type CaseActor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { openAdminFiling } from '../../core/kinds/admin-filing';
import type { DepartureCase } from '../../core/kinds/departure';
import type { Case, Membership } from '../../core/model';
import type { Deps } from '../ports';
import { loadGroupContext } from '../reads/group-context';
import { currentSettings, settingsAt } from '../reads/settings';
import { completeDeparture } from './group-tasks';
import { uploadKey } from '../reads/files';
import { applyMediaVerdicts } from './media';
import { loadCase, writeNew, writeStep } from './write';

const fresh = (groupId: string, personId: string, now: number): Membership => ({
  _id: `${groupId}:${personId}`,
  groupId,
  personId,
  roles: ['member'],
  nickname: null,
  status: 'active',
  updatedAt: now,
});

/** Apply one effect; the cases it wrote, whose outboxes are still to be delivered. */
export async function applyEffect(deps: Deps, e: Effect, now: number): Promise<Case[]> {
  const { store } = deps;
  switch (e.type) {
    case 'setNickname':
      // A field update, not read-then-replace: a role change made meanwhile is kept.
      await store.setNickname(e.groupId, e.personId, e.nickname, now);
      return [];
    case 'confirmNamingFixes': {
      const written: Case[] = [];
      const by: CaseActor = { id: e.by, rolesInGroup: ['admin'] };
      for (const fix of await store.listOpenCases('naming_fix', e.groupId, e.personId)) {
        const saved = await writeStep(
          deps,
          fix._id,
          loadCase(deps),
          async ({ case: cur }) => decide(kindOf(cur), cur, { type: 'confirm', note: e.note }, by, { now, settings: (await settingsAt(store, cur.settingsVersion)).values, admins: [], leaders: [] }),
          () => true,
        );
        if (!('ok' in saved)) written.push(saved);
      }
      return written;
    }
    case 'markNamingFix': {
      await store.setMembershipFix(e.groupId, e.personId, e.caseId);
      // Closed meanwhile, its clear maybe run before this set (the step was read before it closed): undo.
      const current = await store.getCase(e.caseId);
      if (current && !current.open) await store.setMembershipFix(e.groupId, e.personId, null, e.caseId);
      return [];
    }
    case 'clearNamingFix':
      // Unless the row already points at a newer fix.
      await store.setMembershipFix(e.groupId, e.personId, null, e.caseId);
      return [];
    case 'setAdmin':
      await store.setMembershipRole(e.groupId, e.personId, 'admin', e.admin, now);
      return [];
    case 'joinGroup':
      if (!(await store.setMembershipStatus(e.groupId, e.personId, 'active', now))) await store.putMembership(fresh(e.groupId, e.personId, now));
      return [];
    case 'leaveGroup':
      await store.setMembershipStatus(e.groupId, e.personId, 'left', now);
      return [];
    case 'registerGuest':
      if (!(await store.getPerson(e.personId))) {
        await store.insertPerson({ _id: e.personId, openid: null, name: e.name, deptId: '', employeeNo: '', status: 'active', external: true, createdAt: now, guestUntil: e.until });
      }
      return [];
    case 'endAccess': {
      const p = await store.getPerson(e.personId);
      if (p && p.status === 'active') await store.updatePerson({ ...p, status: 'left', leftAt: now });
      return [];
    }
    case 'fileElectedAdmin': {
      const [gc, settings, person] = await Promise.all([loadGroupContext(store, e.groupId), currentSettings(store), store.getPerson(e.personId)]);
      // Filed with the leader, once: the filing's id follows from the election's.
      const filed = await writeNew(
        deps,
        openAdminFiling({
          id: `af_${e.electionId}`,
          groupId: e.groupId,
          subjectId: e.personId,
          openedBy: null,
          leaders: gc?.leaders ?? [],
          data: { groupName: e.groupName, subjectName: person?.name ?? e.personId, how: 'elected', byName: '群成员', electionCaseId: e.electionId },
          settingsVersion: settings.version,
          now,
        }),
      );
      return filed.created ? [filed.case] : [];
    }
    case 'attachUploads': {
      const keys = e.fileIds.map(uploadKey);
      await store.attachUploads(keys, `case:${e.caseId}`);
      // After marking: a verdict that came before is applied here, one that comes after finds the case (media.ts).
      return applyMediaVerdicts(deps, e.caseId, await store.getUploads(keys), now);
    }
    case 'completeDeparture': {
      const c = await store.getCase(e.departureId);
      // Awaited here, so a profile (and the bench's phase count) sees it as part of the effect.
      return c ? await completeDeparture(deps, c as DepartureCase, now) : [];
    }
  }
}
