// The organisation as the owner and department heads see it: departments, people and groups.
import { GROUP_TYPE_LABELS, type DepartmentView, type GroupView, type PersonRef, type PersonView } from '../../contract';
import type { Department, Group, Person, RosterEntry } from '../../core/model';
import type { Actor } from '../context';
import type { Store } from '../ports';

/** The owner manages every department; a department head the ones they head. */
export function managesDept(actor: Actor, deptId: string): boolean {
  return actor.isOwner || actor.headOf.includes(deptId);
}

export function personRef(p: Person | undefined, id: string): PersonRef {
  return { id, name: p?.name ?? (id === 'owner' ? '系统管理员' : '（未知）') };
}

export function toPersonView(p: Person, depts: Map<string, Department>): PersonView {
  return {
    id: p._id,
    name: p.name,
    department: { id: p.deptId, name: depts.get(p.deptId)?.name ?? '' },
    employeeNo: p.employeeNo,
    status: p.status,
    external: p.external,
    bound: p.openid !== null,
    publisher: p.publisher === true,
  };
}

export function toDepartmentView(d: Department, people: Map<string, Person>): DepartmentView {
  return { id: d._id, name: d.name, head: d.headId ? personRef(people.get(d.headId), d.headId) : null };
}

export function toGroupView(g: Group, roster: RosterEntry[], people: Map<string, Person>, depts: Map<string, Department>): GroupView {
  const active = roster.filter((r) => r.person.status === 'active');
  const withRole = (role: 'admin' | 'leader') => active.filter((r) => r.membership.roles.includes(role)).map((r) => ({ id: r.person._id, name: r.person.name }));
  return {
    id: g._id,
    name: g.name,
    type: g.type,
    typeLabel: GROUP_TYPE_LABELS[g.type],
    department: { id: g.deptId, name: depts.get(g.deptId)?.name ?? '' },
    creator: personRef(people.get(g.creatorId), g.creatorId),
    admins: withRole('admin'),
    leaders: withRole('leader'),
    memberCount: active.filter((r) => r.membership.roles.includes('member')).length,
    boundToWechat: g.opengid !== null,
  };
}

export async function groupView(store: Store, g: Group): Promise<GroupView> {
  const [roster, depts] = await Promise.all([store.listRoster(g._id), store.listDepartments()]);
  const creator = await store.getPerson(g.creatorId);
  const people = new Map(roster.map((r) => [r.person._id, r.person]));
  if (creator) people.set(creator._id, creator);
  return toGroupView(g, roster, people, new Map(depts.map((d) => [d._id, d])));
}
