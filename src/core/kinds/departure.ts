// 员工离职 (§2.1): a department head records that someone has left. The record is the one write of
// the request; its effect (applied through the outbox, retried until it holds) stops the person's
// access and opens a remove task for the admins of each group they are in.
//
//   (none) ──depart──▶ recorded   (the person's department head or the owner; closed at once)
import type { DepartureData } from '../../contract';
import { defineKind, openCase } from '../engine';
import type { Case } from '../model';

export type { DepartureData };
export type DepartureCase = Case<DepartureData>;

export const departureKind = defineKind<DepartureCase>({
  kind: 'departure',
  initial: 'recorded',
  states: { recorded: { open: false, on: {} } },
});

/** A person leaves once: the record's id follows from theirs, so two heads marking it at once file one. */
export const departureId = (personId: string) => `dep_${personId}`;

export function openDeparture(input: {
  personId: string;
  openedBy: string;
  subjectName: string;
  deptName: string;
  groups: string[];
  reason?: string;
  settingsVersion: number;
  now: number;
}): DepartureCase {
  const id = departureId(input.personId);
  return openCase(departureKind, {
    _id: id,
    // About a person, not one group: every group they were in is named in the data.
    groupId: '',
    subjectId: input.personId,
    openedBy: input.openedBy,
    data: {
      subjectName: input.subjectName,
      deptName: input.deptName,
      groups: input.groups,
      groupName: input.groups.join('、') || '（不在任何群中）',
      ...(input.reason ? { reason: input.reason } : {}),
    },
    settingsVersion: input.settingsVersion,
    by: input.openedBy,
    // Nothing in a record is timed, so no settings are read.
    ctx: { now: input.now, settings: undefined as never, admins: [], leaders: [] },
    step: () => ({
      action: 'depart',
      ...(input.reason ? { note: input.reason } : {}),
      effects: [{ type: 'completeDeparture', departureId: id }],
    }),
  });
}
