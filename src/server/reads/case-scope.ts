// Which groups' cases a caller may look through (全部事项, reports): an admin the groups they
// administer, a leader the groups they lead, a department head their departments' groups, the owner
// every case. A member with none of these has no scope.
import type { Group } from '../../core/model';
import type { Actor } from '../context';

export interface CaseScope {
  /** The owner: every case, those about no group (a departure) included. */
  all: boolean;
  /** The groups in scope (every group for the owner). */
  groupIds: string[];
}

export function caseScope(actor: Actor, groups: Group[]): CaseScope {
  if (actor.isOwner) return { all: true, groupIds: groups.map((g) => g._id) };
  const ids = new Set<string>();
  for (const m of actor.memberships) if (m.roles.includes('admin') || m.roles.includes('leader')) ids.add(m.groupId);
  for (const g of groups) if (actor.headOf.includes(g.deptId)) ids.add(g._id);
  return { all: false, groupIds: [...ids] };
}

export function inScope(scope: CaseScope, groupId: string): boolean {
  return scope.all || scope.groupIds.includes(groupId);
}
