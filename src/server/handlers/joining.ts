// Onboarding and offboarding (§2.1): a department head marks a new hire or a leaver; the product
// opens the add / remove tasks for the admins of each group, with deadlines from the settings.
import { fail, ok, type ActionInput, type CaseView, type Result } from '../../contract';
import { openDeparture } from '../../core/kinds/departure';
import type { Case } from '../../core/model';
import type { HandlerCtx } from '../context';
import { checkText } from '../content';
import { openGroupTask } from '../cases/group-tasks';
import { managesDept } from '../reads/org';
import { dispatchOutbox, insertNew } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import { toCaseViews } from '../reads/views';
import { groupContextIn } from '../reads/group-context';

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
    const task = await openGroupTask(ctx.deps, { kind: 'onboard', gc, person, instruction: `把新同事 ${person.name}（${dept?.name ?? ''}）拉入「${g.name}」`, openedBy: ctx.actor.person._id, now: ctx.now });
    if (task) opened.push(task.created ? await dispatchOutbox(ctx.deps, task.case) : task.case);
  }
  return ok(await toCaseViews(store, ctx.actor, opened, false, { now: ctx.now, known: dir }));
}

/**
 * One write: the departure record, whose id follows from the person's (two heads at once file one).
 * Its effect, applied by the outbox before this answers (retried by the scheduler should it fail),
 * ends the person's access and opens the remove tasks.
 */
export async function peopleOffboard(ctx: HandlerCtx, input: ActionInput<'people.offboard'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const dir = await store.getDirectory();
  const person = dir.people.find((p) => p._id === input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail('NOT_FOUND');
  if (person.status !== 'active') return fail('PERSON_LEFT');
  if (person._id === ctx.actor.person._id) return fail('FORBIDDEN', '不能为自己办理离职');
  const reason = input.reason?.trim() || undefined;
  const refused = await checkText(ctx, [reason]);
  if (refused) return refused;
  const inGroups = new Set(dir.memberships.filter((m) => m.personId === person._id && m.status === 'active').map((m) => m.groupId));
  const settings = await currentSettings(store);
  const { case: saved, created } = await insertNew(
    ctx.deps,
    openDeparture({
      personId: person._id,
      openedBy: ctx.actor.person._id,
      subjectName: person.name,
      deptName: dir.departments.find((d) => d._id === person.deptId)?.name ?? '',
      groups: dir.groups.filter((g) => inGroups.has(g._id)).map((g) => g.name),
      reason,
      settingsVersion: settings.version,
      now: ctx.now,
    }),
  );
  // Recorded a moment ago by someone else (the directory read may lag by seconds).
  if (!created) return fail('PERSON_LEFT');
  return ok((await toCaseViews(store, ctx.actor, [saved], false, { now: ctx.now, known: dir }))[0]);
}
