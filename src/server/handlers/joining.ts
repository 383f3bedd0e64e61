// Onboarding and offboarding (§2.1): a department head marks a new hire or a leaver; the product
// opens the add / remove tasks for the admins of each group, with deadlines from the settings.
import { fail, ok, type ActionInput, type CaseView, type Result } from '../../contract';
import type { Case, Person } from '../../core/model';
import { decideTask, openTask, type TaskCase, type TaskKind } from '../../core/task';
import type { HandlerCtx } from '../context';
import type { Deps } from '../ports';
import { managesDept } from '../org';
import { decideAndSave, insertNext, memberSeries } from '../save';
import { currentSettings, settingsAt } from '../settings';
import { toCaseViews } from '../views';
import { checkText } from '../content';
import { groupContextIn, type GroupContext } from './group-context';

/** Admins other than the person concerned; the leaders when no such admin is left. */
function taskAssignees(gc: GroupContext, subjectId: string): string[] {
  const admins = gc.admins.filter((a) => a !== subjectId);
  return admins.length ? admins : gc.leaders.filter((l) => l !== subjectId);
}

async function openGroupTask(ctx: HandlerCtx, kind: TaskKind, gc: GroupContext, person: Person, instruction: string, reason?: string): Promise<Case | null> {
  const { store } = ctx.deps;
  const settings = await currentSettings(store);
  const depts = gc.departments;
  const head = depts.get(gc.group.deptId)?.headId ?? null;
  const make = (id: string) => openTask({
    kind,
    id,
    groupId: gc.group._id,
    subjectId: person._id,
    openedBy: ctx.actor.person._id,
    assignees: taskAssignees(gc, person._id),
    data: {
      groupName: gc.group.name,
      subjectName: person.name,
      instruction,
      escalateTo: head && head !== person._id ? [head] : [],
      ...(reason ? { reason } : {}),
    },
    settingsVersion: settings.version,
    now: ctx.now,
    settings: settings.values,
  });
  // Started twice at once (the owner and the head): the n-th task of a person in a group has a fixed id.
  // A person rarely has more than one such task in a group, so the series is not read: the insert
  // tries the first numbers and finds an open one by itself; only a long series is read.
  const series = memberSeries(kind === 'onboard' ? 'ob' : 'of', gc.group._id, person._id);
  let filed = await insertNext(ctx.deps, [], series, make, () => false);
  if (filed === 'busy') {
    const past = await store.listCasesAbout(kind, gc.group._id, person._id, 0);
    if (past.some((c) => c.open)) return null;
    filed = await insertNext(ctx.deps, past, series, make, () => false);
  }
  return typeof filed === 'string' ? null : filed;
}

export async function peopleOnboard(ctx: HandlerCtx, input: ActionInput<'people.onboard'>): Promise<Result<CaseView[]>> {
  const { store } = ctx.deps;
  // One read for the person, the groups and every roster (the org page read it a moment ago).
  const dir = await store.getDirectory();
  const person = dir.people.find((p) => p._id === input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail('NOT_FOUND');
  if (person.status !== 'active') return fail('PERSON_LEFT');
  const chosen = input.groupIds ? dir.groups.filter((g) => input.groupIds!.includes(g._id)) : dir.groups.filter((g) => g.deptId === person.deptId);
  if (input.groupIds && chosen.length !== new Set(input.groupIds).size) return fail('NOT_FOUND');
  const mine = new Set(dir.memberships.filter((m) => m.personId === person._id && m.status === 'active').map((m) => m.groupId));
  const dept = dir.departments.find((d) => d._id === person.deptId);
  const opened: Case[] = [];
  for (const g of chosen) {
    if (mine.has(g._id)) continue;
    const gc = groupContextIn(dir, g._id);
    if (!gc) continue;
    const c = await openGroupTask(ctx, 'onboard', gc, person, `把新同事 ${person.name}（${dept?.name ?? ''}）拉入「${g.name}」`);
    if (c) opened.push(c);
  }
  return ok(await toCaseViews(store, ctx.actor, opened, false, { now: ctx.now, known: dir }));
}

export async function peopleOffboard(ctx: HandlerCtx, input: ActionInput<'people.offboard'>): Promise<Result<CaseView[]>> {
  const { store } = ctx.deps;
  const { now } = ctx;
  const dir = await store.getDirectory();
  const person = dir.people.find((p) => p._id === input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail('NOT_FOUND');
  if (person.status !== 'active') return fail('PERSON_LEFT');
  if (person._id === ctx.actor.person._id) return fail('FORBIDDEN', '不能为自己办理离职');
  const reason = input.reason?.trim() || undefined;
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  // Access ends at once: every later call of theirs is refused (OFFBOARDED).
  await store.updatePerson({ ...person, status: 'left', leftAt: now });
  const left = { ...person, status: 'left' as const };
  const opened: Case[] = [];
  for (const m of dir.memberships) {
    if (m.personId !== person._id || m.status !== 'active') continue;
    const gc = groupContextIn(dir, m.groupId);
    if (!gc) continue;
    const lastAdmin = m.roles.includes('admin') && !gc.admins.some((a) => a !== person._id);
    const instruction = `把离职的 ${person.name} 移出「${gc.group.name}」${lastAdmin ? '（该群已没有管理员，请尽快指定新管理员）' : ''}`;
    const c = await openGroupTask(ctx, 'offboard', gc, left, instruction, reason);
    if (c) opened.push(c);
  }
  await cancelOnboarding(ctx.deps, person._id, now);
  return ok(await toCaseViews(store, ctx.actor, opened, false, { now, known: dir }));
}

/** A new hire who leaves before being added needs adding no more. */
async function cancelOnboarding(deps: Deps, personId: string, now: number) {
  // One query across groups, not one per group of the organisation.
  for (const c of await deps.store.listOpenCasesAbout('onboard', personId)) {
    await decideAndSave(
      deps,
      c._id,
      async (cur) => decideTask(cur as TaskCase, { type: 'cancel', note: '此人已离职' }, { id: null, rolesInGroup: [] }, { now, settings: (await settingsAt(deps.store, cur.settingsVersion)).values, leaders: [] }),
      () => true,
    );
  }
}
