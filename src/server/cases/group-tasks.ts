// The add / remove tasks a department head's marking opens for the admins of a group (§2.1), shared
// by the onboarding handler and the departure's effect. They write cases and return the ones they
// wrote: the caller (commit.ts, or the handler through it) delivers their outboxes.
import { decide, reassignLeaver, SYSTEM } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { adminsElseLeaders } from '../../core/kinds/common';
import type { DepartureCase } from '../../core/kinds/departure';
import { openTask, type TaskData, type TaskKind } from '../../core/kinds/task';
import type { Case, Person } from '../../core/model';
import type { Deps, Directory } from '../ports';
import { kinds } from './kinds';
import { groupContextIn, type GroupContext } from '../reads/group-context';
import { currentSettings, settingsAt } from '../reads/settings';
import { memberSeries } from './ids';
import { loadCase, writeNext, writeStep } from './write';

export interface TaskOpening {
  kind: TaskKind;
  gc: GroupContext;
  person: Person;
  instruction: string;
  openedBy: string;
  now: number;
  reason?: string;
  /** The departure that opens it: a retried effect finds its own task instead of filing another. */
  departureId?: string;
}

/**
 * The task (`created`: filed now, its outbox still to deliver), or null when the person already has
 * one open of this kind in the group.
 */
export async function openGroupTask(deps: Deps, o: TaskOpening): Promise<{ case: Case; created: boolean } | null> {
  const { store } = deps;
  const { gc, person } = o;
  const settings = await currentSettings(store);
  const head = gc.departments.get(gc.group.deptId)?.headId ?? null;
  const data: TaskData = {
    groupName: gc.group.name,
    subjectName: person.name,
    instruction: o.instruction,
    escalateTo: head && head !== person._id ? [head] : [],
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.departureId ? { departureId: o.departureId } : {}),
  };
  const make = (id: string) =>
    openTask({
      kind: o.kind,
      id,
      groupId: gc.group._id,
      subjectId: person._id,
      openedBy: o.openedBy,
      assignees: adminsElseLeaders(person._id, gc.admins, gc.leaders),
      data,
      settingsVersion: settings.version,
      now: o.now,
      settings: settings.values,
    });
  const mine = (c: Case) => !!o.departureId && (c.data as TaskData).departureId === o.departureId;
  // Started twice at once (the owner and the head): the n-th task of a person in a group has a fixed id.
  // A person rarely has more than one such task in a group, so the series is not read: the insert
  // tries the first numbers and finds an open one by itself; only a long series is read.
  const series = memberSeries(o.kind === 'onboard' ? 'ob' : 'of', gc.group._id, person._id);
  let filed = await writeNext(deps, [], series, make, mine);
  if (filed === 'busy') {
    const past = await store.listCasesAbout(o.kind, gc.group._id, person._id, 0);
    const own = past.find(mine);
    if (own) return { case: own, created: false };
    if (past.some((c) => c.open)) return null;
    filed = await writeNext(deps, past, series, make, mine);
  }
  return typeof filed === 'string' ? null : filed;
}

/** A new hire who leaves before being added needs adding no more. */
export async function cancelOnboarding(deps: Deps, personId: string, now: number): Promise<Case[]> {
  const written: Case[] = [];
  // One query across groups, not one per group of the organisation.
  for (const c of await deps.store.listOpenCasesAbout('onboard', personId)) {
    const saved = await writeStep(
      deps,
      c._id,
      loadCase(deps),
      async ({ case: cur }) =>
        decide(kindOf(cur), cur, { type: 'cancel', note: '此人已离职' }, SYSTEM, { now, settings: (await settingsAt(deps.store, cur.settingsVersion)).values, admins: [], leaders: [] }),
      () => true,
    );
    if (!('ok' in saved)) written.push(saved);
  }
  return written;
}

/**
 * What a recorded departure calls for, each part idempotent (the outbox retries it): the person's
 * access ends, each group they are in gets a remove task, and tasks to add them are cancelled.
 */
export async function completeDeparture(deps: Deps, c: DepartureCase, now: number): Promise<Case[]> {
  const { store } = deps;
  const person = await store.getPerson(c.subjectId);
  if (!person) return [];
  const written: Case[] = [];
  // Every later call of theirs is refused (OFFBOARDED); they left when it was recorded.
  if (person.status === 'active') await store.updatePerson({ ...person, status: 'left', leftAt: c.createdAt });
  const left: Person = { ...person, status: 'left' };
  const dir = await store.getDirectory();
  const reason = c.data.reason;
  for (const m of dir.memberships) {
    if (m.personId !== person._id || m.status !== 'active') continue;
    const gc = groupContextIn(dir, m.groupId);
    if (!gc) continue;
    const lastAdmin = m.roles.includes('admin') && !gc.admins.some((a) => a !== person._id);
    const instruction = `把离职的 ${person.name} 移出「${gc.group.name}」${lastAdmin ? '（该群已没有管理员，请尽快指定新管理员）' : ''}`;
    const task = await openGroupTask(deps, { kind: 'offboard', gc, person: left, instruction, openedBy: c.openedBy, now, reason, departureId: c._id });
    if (task?.created) written.push(task.case);
  }
  const handedOver = await handOverLeaversSteps(deps, left, dir, now);
  await endDelegations(deps, person._id, now);
  return [...written, ...(await cancelOnboarding(deps, person._id, now)), ...handedOver];
}

const LEAVER_PAGE = 50;

/**
 * 离职交接: every open step waiting on the leaver moves on (core/engine.ts reassignLeaver): one
 * waiting on others too keeps them, one waiting on them alone goes to the group's other admins, else
 * its leaders, recorded in each case's history and told to whoever takes it. Each case is its own
 * versioned step and one already moved is refused (not waiting on them), so the outbox's retry
 * resumes where a failed run stopped and does nothing twice. A step nobody can take stays (its
 * kind's timeout still escalates it).
 */
export async function handOverLeaversSteps(deps: Deps, person: Person, dir: Directory, now: number): Promise<Case[]> {
  const written: Case[] = [];
  let skipped = 0;
  for (;;) {
    // Moved cases leave the leaver's inbox; only those that stay are paged past.
    const { items } = await deps.store.listInbox(person._id, { offset: skipped, limit: LEAVER_PAGE });
    if (!items.length) break;
    for (const c of items) {
      const saved = await writeStep(
        deps,
        c._id,
        loadCase(deps),
        async ({ case: cur }) => {
          const gc = groupContextIn(dir, cur.groupId);
          const tell = { title: '离职交接的待办', body: `${person.name} 已离职，「${kinds[cur.kind].title(cur)}」转由你处理` };
          const settings = (await settingsAt(deps.store, cur.settingsVersion)).values;
          return reassignLeaver(kindOf(cur), cur, { leaverId: person._id, note: `${person.name} 已离职，待办自动转交`, tell }, { now, settings, admins: gc?.admins ?? [], leaders: gc?.leaders ?? [] });
        },
        () => true,
      );
      if ('ok' in saved) skipped++;
      else written.push(saved);
    }
    if (items.length < LEAVER_PAGE) break;
  }
  return written;
}

/** The leaver's own delegation ends, and so does every one naming them (ended, not deleted: the record stays). */
async function endDelegations(deps: Deps, personId: string, now: number): Promise<void> {
  const { store } = deps;
  const [own, naming] = await Promise.all([store.getDelegations([personId]), store.listDelegationsTo(personId, now)]);
  for (const d of [...own.filter((x) => x.to > now), ...naming]) await store.putDelegation({ ...d, to: Math.max(d.from, now), updatedAt: now });
}
