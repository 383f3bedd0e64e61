// The owner's and department heads' organisation work: overview, departments, people, publishers.
import { fail, ok, type ActionInput, type DepartmentView, type OrgView, type PersonView, type Result } from '../../contract';
import type { Department, Person, RosterEntry } from '../../core/model';
import type { HandlerCtx } from '../context';
import { requestKey } from '../cases/ids';
import { managesDept, toDepartmentView, toGroupView, toPersonView } from '../reads/org';

export async function orgOverview(ctx: HandlerCtx): Promise<Result<OrgView>> {
  const { store } = ctx.deps;
  const { actor } = ctx;
  // One read however many groups there are: the rosters are put together from all memberships.
  const { departments, people, groups, memberships } = await store.getDirectory();
  const byId = new Map(people.map((p) => [p._id, p]));
  const depts = new Map(departments.map((d) => [d._id, d]));
  const manages = actor.isOwner ? departments.map((d) => d._id) : actor.headOf;
  const visibleGroups = groups.filter((g) => managesDept(actor, g.deptId));
  const rosterOf = new Map<string, RosterEntry[]>(visibleGroups.map((g) => [g._id, []]));
  for (const m of memberships) {
    const person = byId.get(m.personId);
    if (m.status === 'active' && person) rosterOf.get(m.groupId)?.push({ membership: m, person });
  }
  const rosters = visibleGroups.map((g) => rosterOf.get(g._id)!);
  return ok({
    departments: departments.map((d) => toDepartmentView(d, byId)),
    people: people.filter((p) => !p.external && (actor.isOwner || manages.includes(p.deptId))).map((p) => toPersonView(p, depts)),
    groups: visibleGroups.map((g, i) => toGroupView(g, rosters[i], byId, depts)),
    manages,
    isOwner: actor.isOwner,
  });
}

// Both answer with the department alone: the org page merges it into what it shows, rather than
// every change reading the whole organisation again.
export async function departmentsCreate(ctx: HandlerCtx, input: ActionInput<'departments.create'>): Promise<Result<DepartmentView>> {
  const { store } = ctx.deps;
  const name = input.name.trim();
  if (!name) return fail('BAD_INPUT', '请填写部门名称');
  const existing = await store.listDepartments();
  if (existing.some((d) => d.name === name)) return fail('NAME_TAKEN', `已有名为“${name}”的部门`);
  const head = input.headId ? await store.getPerson(input.headId) : null;
  if (input.headId && !head) return fail('NOT_FOUND');
  const dept: Department = { _id: `d_${ctx.deps.ids().replace(/-/g, '').slice(0, 16)}`, name, headId: head?._id ?? null };
  await store.insertDepartment(dept);
  return ok(toDepartmentView(dept, new Map(head ? [[head._id, head]] : [])));
}

export async function departmentsSetHead(ctx: HandlerCtx, input: ActionInput<'departments.setHead'>): Promise<Result<DepartmentView>> {
  const { store } = ctx.deps;
  const dept = (await store.listDepartments()).find((d) => d._id === input.deptId);
  const person = await store.getPerson(input.personId);
  if (!dept || !person) return fail('NOT_FOUND');
  if (person.status !== 'active' || person.external) return fail('PERSON_LEFT');
  const next = { ...dept, headId: person._id };
  await store.updateDepartment(next);
  return ok(toDepartmentView(next, new Map([[person._id, person]])));
}

export async function peopleAdd(ctx: HandlerCtx, input: ActionInput<'people.add'>): Promise<Result<PersonView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const departments = await store.listDepartments();
  const depts = new Map(departments.map((d) => [d._id, d]));
  if (!depts.has(input.deptId) || !managesDept(actor, input.deptId)) return fail('FORBIDDEN', '只能登记你负责的部门的人员');
  const id = requestKey('p', actor.person._id, input.requestId);
  // One read serves both the retry check and the employee-number check; a retry this list does not
  // show yet (added on another instance a moment ago) is caught by the insert below.
  const people = await store.listPeople();
  const retried = people.find((p) => p._id === id);
  if (retried) return ok(toPersonView(retried, depts));
  const name = input.name.trim();
  if (!name) return fail('BAD_INPUT', '请填写姓名');
  const employeeNo = input.employeeNo.trim();
  if (people.some((p) => !p.external && p.status === 'active' && p.employeeNo === employeeNo)) return fail('EMPLOYEE_NO_TAKEN', `工号 ${employeeNo} 已被登记`);
  const person: Person = { _id: id, openid: null, name, deptId: input.deptId, employeeNo, status: 'active', external: false, createdAt: now };
  try {
    await store.insertPerson(person);
  } catch {
    // The same request raced itself: the other insert won.
    const again = await store.getPerson(id);
    if (again) return ok(toPersonView(again, depts));
    throw new Error(`person ${id} neither inserted nor found`);
  }
  return ok(toPersonView(person, depts));
}

export async function peopleSetPublisher(ctx: HandlerCtx, input: ActionInput<'people.setPublisher'>): Promise<Result<PersonView>> {
  const { store } = ctx.deps;
  const person = await store.getPerson(input.personId);
  if (!person) return fail('NOT_FOUND');
  if (person.status !== 'active') return fail('PERSON_LEFT');
  const next = { ...person, publisher: input.publisher };
  await store.updatePerson(next);
  const depts = new Map((await store.listDepartments()).map((d) => [d._id, d]));
  return ok(toPersonView(next, depts));
}
