// Emergencies (§5.3): an admin, the leader or the head of the group's department alerts the whole
// group and gives members tasks; every later step is a step of the kind's table
// (core/kinds/emergency.ts). Who was reached by WeChat push is read from the alerts' notifications.
import { fail, ok, type ActionInput, type CaseView, type EmergencyForm, type EmergencyReach, type PersonRef, type Result } from '../../contract';
import { checkAssignments, liveTaskOf, openEmergency, type EmergencyCase, type NewAssignment } from '../../core/kinds/emergency';
import type { Case, Group } from '../../core/model';
import { requestKey } from '../cases/ids';
import { checkText } from '../content';
import { rolesIn, type Actor, type HandlerCtx } from '../context';
import { loadGroupContext, type GroupContext } from '../reads/group-context';
import { currentSettings } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';
import { fileCase, stepCase } from './case-step';
import { checkFiles } from './violation-files';

export const emergencyCaseId = (personId: string, requestId: string) => requestKey('em', personId, requestId);

/** An admin of the group, its leader, or the head of its department. */
export function mayStartEmergency(actor: Actor, group: Group): boolean {
  const roles = rolesIn(actor, group._id);
  return roles.includes('admin') || roles.includes('leader') || actor.headOf.includes(group.deptId);
}

const NOT_STARTER = '只有本群管理员、上级领导或本部门负责人可以发起紧急事件';

/** Active people of the group by id (leaders included): who may be given a task. */
const rosterById = (gc: GroupContext) => new Map(gc.roster.filter((r) => r.person.status === 'active' && r.membership.status === 'active').map((r) => [r.person._id, r]));

/** The assignments with each person's name from the roster (null: not a member; the table refuses it). */
const named = (gc: GroupContext, list: { personId: string; task: string }[]): NewAssignment[] => {
  const members = rosterById(gc);
  return list.map((a) => ({ personId: a.personId, name: members.get(a.personId)?.person.name ?? null, task: a.task.trim() }));
};

export async function emergenciesForm(ctx: HandlerCtx, input: ActionInput<'emergencies.form'>): Promise<Result<EmergencyForm>> {
  const { store } = ctx.deps;
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  if (!mayStartEmergency(ctx.actor, gc.group)) return fail('FORBIDDEN', NOT_STARTER);
  return ok({
    group: { id: gc.group._id, name: gc.group.name },
    members: [...rosterById(gc).values()].map((r) => ({ id: r.person._id, name: r.person.name })),
    respondMinutes: settings.values.emergency.respondMinutes,
    ackMinutes: settings.values.emergency.ackMinutes,
  });
}

export async function emergenciesStart(ctx: HandlerCtx, input: ActionInput<'emergencies.start'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) return fail('REASON_REQUIRED', '请填写事件标题');
  if (!description) return fail('REASON_REQUIRED', '请写明发生了什么');
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  if (!gc) return fail('NOT_FOUND');
  if (!mayStartEmergency(actor, gc.group)) return fail('FORBIDDEN', NOT_STARTER);
  const assignments = named(gc, input.assignments);
  const bad = checkAssignments(assignments);
  if (bad) return fail(bad.code, bad.message);
  const refused = await checkText(ctx, [title, description, ...assignments.map((a) => a.task)]);
  if (refused) return refused;
  const files = await checkFiles(ctx, input.images);
  if ('ok' in files) return files;

  const c = openEmergency({
    id: emergencyCaseId(me, input.requestId),
    groupId: gc.group._id,
    starterId: me,
    starterName: actor.person.name,
    groupName: gc.group.name,
    title,
    description,
    images: files.fileIds,
    media: files.media,
    respondWithinMinutes: input.respondWithinMinutes,
    ...(input.ackWithinMinutes ? { ackWithinMinutes: input.ackWithinMinutes } : {}),
    assignments,
    members: [...rosterById(gc).keys()],
    requestId: input.requestId,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders },
  });
  return fileCase(ctx, c);
}

export async function emergenciesAcknowledge(ctx: HandlerCtx, input: ActionInput<'emergencies.acknowledge'>) {
  return stepCase(ctx, input.caseId, ['emergency'], { type: 'acknowledge' });
}

export async function emergenciesProgress(ctx: HandlerCtx, input: ActionInput<'emergencies.progress'>) {
  const note = input.note.trim();
  return (await checkText(ctx, [note])) ?? stepCase(ctx, input.caseId, ['emergency'], { type: 'progress', note, done: input.done === true });
}

export async function emergenciesReassign(ctx: HandlerCtx, input: ActionInput<'emergencies.reassign'>) {
  const task = input.task?.trim() || undefined;
  const refused = await checkText(ctx, [task]);
  if (refused) return refused;
  return stepCase(
    ctx,
    input.caseId,
    ['emergency'],
    (_c, { group }) => ({
      type: 'reassign',
      fromPersonId: input.fromPersonId,
      toPersonId: input.toPersonId,
      toName: (group && rosterById(group).get(input.toPersonId)?.person.name) ?? null,
      ...(task ? { task } : {}),
    }),
    { group: true },
  );
}

export async function emergenciesAssign(ctx: HandlerCtx, input: ActionInput<'emergencies.assign'>) {
  const refused = await checkText(ctx, input.assignments.map((a) => a.task.trim()));
  if (refused) return refused;
  return stepCase(
    ctx,
    input.caseId,
    ['emergency'],
    (_c, { group }) => (group ? { type: 'assign', assignments: named(group, input.assignments) } : fail('NOT_FOUND')),
    { group: true },
  );
}

export async function emergenciesClose(ctx: HandlerCtx, input: ActionInput<'emergencies.close'>) {
  const summary = input.summary.trim();
  return (await checkText(ctx, [summary])) ?? stepCase(ctx, input.caseId, ['emergency'], { type: 'close', summary });
}

/** Who the alerts reached by push: the starter (and the group's admins and leaders) may ask. One read with the case. */
export async function emergenciesReach(ctx: HandlerCtx, input: ActionInput<'emergencies.reach'>): Promise<Result<EmergencyReach>> {
  const { store } = ctx.deps;
  const { actor } = ctx;
  const found = await store.getCaseWithNotifications(input.caseId);
  const c = found?.case as EmergencyCase | undefined;
  if (!found || !c || c.kind !== 'emergency' || !canSeeCase(actor, c)) return fail('NOT_FOUND');
  const roles = rolesIn(actor, c.groupId);
  if (c.openedBy !== actor.person._id && !roles.includes('admin') && !roles.includes('leader')) return fail('FORBIDDEN', '只有发起人和本群管理员、上级领导可以查看送达情况');
  // Everyone alerted at the start, and everyone given a task later; each reached if any of the case's messages to them was pushed.
  const people = [...new Set([...Object.keys(c.data.alerts), ...c.data.assignments.map((a) => a.personId)])];
  const pushes = new Map<string, string[]>();
  for (const n of found.notifications) pushes.set(n.to, [...(pushes.get(n.to) ?? []), n.push]);
  const delivered = new Set(found.notifications.map((n) => n._id));
  const gc = await loadGroupContext(store, c.groupId);
  const roster = new Map((gc?.roster ?? []).map((r) => [r.person._id, r]));
  const missing = people.filter((id) => !roster.has(id));
  const others = missing.length ? await store.getPeople(missing) : [];
  const nameOf = (id: string) => roster.get(id)?.person.name ?? others.find((p) => p._id === id)?.name ?? '（未知）';
  const out: EmergencyReach = { reached: [], notReached: [], pending: [], mentionText: '' };
  const nicknames: string[] = [];
  for (const personId of people) {
    const states = pushes.get(personId) ?? [];
    const ref: PersonRef = { id: personId, name: nameOf(personId) };
    // An alert or task notice still in the outbox: its push is not settled yet.
    const undelivered = [c.data.alerts[personId], ...c.data.assignments.filter((a) => a.personId === personId).map((a) => a.noticeId)].some((id) => id && !delivered.has(id));
    if (states.includes('sent')) out.reached.push(ref);
    else if (undelivered || states.includes('pending')) out.pending.push(ref);
    else {
      out.notReached.push(ref);
      // In WeChat people are @-ed by their group nickname.
      nicknames.push(roster.get(personId)?.membership.nickname || ref.name);
    }
  }
  out.mentionText = nicknames.length ? `${nicknames.map((n) => `@${n}`).join(' ')} 紧急事件「${c.data.title}」：请立即打开「群务」小程序查看并保持手机畅通` : '';
  return ok(out);
}

/** Open emergencies of my groups: mine to act on first, then those I started, then the newest. */
export async function emergenciesActive(ctx: HandlerCtx): Promise<Result<{ items: CaseView[] }>> {
  const { store } = ctx.deps;
  const { actor } = ctx;
  // One query per group the person is in (leaders included); a starter outside the group finds theirs in 我的事项.
  const lists = await Promise.all(activeEmergencyGroups(actor).map((g) => store.listOpenCases('emergency', g)));
  return ok({ items: await activeEmergencyViews(ctx, lists.flat()) });
}

/** The groups whose open emergencies the person sees on 首页. */
export const activeEmergencyGroups = (actor: Actor): string[] => [...new Set(actor.memberships.map((m) => m.groupId))];

/** Those open emergencies as 首页 shows them: mine to act on first, then those I started, then the newest. */
export async function activeEmergencyViews(ctx: HandlerCtx, open: Case[]): Promise<CaseView[]> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const byId = new Map<string, Case>();
  for (const c of open) if (canSeeCase(actor, c)) byId.set(c._id, c);
  const rank = (c: Case) => (liveTaskOf(c as EmergencyCase, me) ? 0 : c.openedBy === me ? 1 : 2);
  const cases = [...byId.values()].sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt);
  return toCaseViews(store, actor, cases, false, { now });
}
