// What a rename needs to know about one group: its admins, leaders and the naming inputs.
import type { Department, Group, RosterEntry } from '../../core/model';
import { canonicalNickname, type NamingRule, type NamingSubject } from '../../core/naming';
import type { Directory, Store } from '../ports';

export interface GroupContext {
  group: Group;
  roster: RosterEntry[];
  admins: string[];
  leaders: string[];
  departments: Map<string, Department>;
  /** Members of the group as the naming rule sees them (leaders who are not members excluded). */
  members: NamingSubject[];
}

export async function loadGroupContext(store: Store, groupId: string): Promise<GroupContext | null> {
  const [groups, roster, departments] = await Promise.all([
    store.getGroups([groupId]),
    store.listRoster(groupId),
    store.listDepartments(),
  ]);
  return groups[0] ? groupContext(groups[0], roster, departments) : null;
}

/** The same from the directory already read (the org page's actions): no further reads. */
export function groupContextIn(dir: Directory, groupId: string): GroupContext | null {
  const group = dir.groups.find((g) => g._id === groupId);
  if (!group) return null;
  const people = new Map(dir.people.map((p) => [p._id, p]));
  const roster: RosterEntry[] = [];
  for (const m of dir.memberships) {
    const person = m.groupId === groupId && m.status === 'active' ? people.get(m.personId) : undefined;
    if (person) roster.push({ membership: m, person });
  }
  return groupContext(group, roster, dir.departments);
}

function groupContext(group: Group, roster: RosterEntry[], departments: Department[]): GroupContext {
  const deptById = new Map(departments.map((d) => [d._id, d]));
  const has = (r: RosterEntry, role: string) => r.membership.roles.includes(role as never) && r.person.status === 'active';
  return {
    group,
    roster,
    admins: roster.filter((r) => has(r, 'admin')).map((r) => r.person._id),
    leaders: roster.filter((r) => has(r, 'leader')).map((r) => r.person._id),
    departments: deptById,
    members: roster.filter((r) => has(r, 'member')).map((r) => namingSubject(r, deptById)),
  };
}

export function namingSubject(r: RosterEntry, departments: Map<string, Department>): NamingSubject {
  return {
    personId: r.person._id,
    name: r.person.name,
    department: departments.get(r.person.deptId)?.name ?? '',
    employeeNo: r.person.employeeNo,
  };
}

/** The nickname §2.2 asks of a roster member (an external guest: name + 外部); the roster and reports compare against it. */
export function canonicalIn(gc: GroupContext, r: RosterEntry, naming: NamingRule): string {
  return r.person.external ? `${r.person.name}${naming.separator}外部` : canonicalNickname(namingSubject(r, gc.departments), gc.members, naming).canonical;
}

/** Who the naming rule applies to on a roster: members and admins (a leader who is not a member is not named). */
export function namedMembers(gc: GroupContext): RosterEntry[] {
  return gc.roster.filter((r) => r.membership.roles.includes('member') || r.membership.roles.includes('admin'));
}
