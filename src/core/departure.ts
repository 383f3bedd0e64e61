// 员工离职 (§2.1): a department head records that someone has left. The record is the one write of
// the request; its effect (applied through the outbox, retried until it holds) stops the person's
// access and opens a remove task for the admins of each group they are in.
//
//   (none) ──depart──▶ recorded   (the person's department head or the owner; closed at once)
import { blankCase, step } from './case';
import type { Case } from './model';

export interface DepartureData extends Record<string, unknown> {
  subjectName: string;
  deptName: string;
  /** The groups they were in when it was recorded, by name, and as one line for the case card. */
  groups: string[];
  groupName: string;
  reason?: string;
}
export type DepartureCase = Case<DepartureData>;

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
  const { now } = input;
  const empty = blankCase<DepartureCase>({
    _id: departureId(input.personId),
    kind: 'departure',
    // About a person, not one group: every group they were in is named in the data.
    groupId: '',
    subjectId: input.personId,
    openedBy: input.openedBy,
    state: 'recorded',
    data: {
      subjectName: input.subjectName,
      deptName: input.deptName,
      groups: input.groups,
      groupName: input.groups.join('、') || '（不在任何群中）',
      ...(input.reason ? { reason: input.reason } : {}),
    },
    settingsVersion: input.settingsVersion,
    now,
  });
  return step(empty, { action: 'depart', by: input.openedBy, to: 'recorded', open: false, assignees: [], ...(input.reason ? { note: input.reason } : {}) }, now);
}
