// The add / remove tasks a department head's marking opens for the admins of a group (§2.1), shared
// by the onboarding handler and the departure's effect. They write cases and return the ones they
// wrote: the caller (commit.ts, or the handler through it) delivers their outboxes.
import { decide, SYSTEM } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { adminsElseLeaders } from '../../core/kinds/common';
import type { DepartureCase } from '../../core/kinds/departure';
import { openTask, type TaskData, type TaskKind } from '../../core/kinds/task';
import type { Case, Person } from '../../core/model';
import type { Deps } from '../ports';
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
  return [...written, ...(await cancelOnboarding(deps, person._id, now))];
}
