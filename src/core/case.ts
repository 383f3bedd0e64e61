// What every case kind shares: one transition step that records history and queues notifications.
import type { ErrorCode, GroupRole, TemplatePurpose } from '../contract';
import type { Case, HistoryEntry, NoticeEntry } from './model';

export interface CaseActor {
  /** null: the system (the scheduler). */
  id: string | null;
  rolesInGroup: GroupRole[];
}

export interface Notice {
  to: string;
  purpose: TemplatePurpose;
  title: string;
  body: string;
}

export interface StepInput {
  action: string;
  by: string | null;
  to: string;
  open: boolean;
  note?: string;
  assignees?: string[];
  dueAt?: number | null;
  dueAtUnconfirmed?: boolean;
  wakeAt?: number | null;
  escalation?: number;
  data?: Record<string, unknown>;
  notify?: Notice[];
}

export type Decision<C> = { ok: true; case: C } | { ok: false; code: ErrorCode; message?: string };

/** A case before its first step: the opening `step` sets its deadline, assignees and history. */
export function blankCase<C extends Case>(f: Pick<C, '_id' | 'kind' | 'groupId' | 'subjectId' | 'openedBy' | 'state' | 'data' | 'settingsVersion'> & { now: number }): C {
  const { now, ...fields } = f;
  const blank: Case = {
    ...fields,
    open: true,
    assignees: [],
    dueAt: null,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    history: [],
    outbox: [],
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  return blank as C;
}

/**
 * Apply one transition. History entries and outbox ids are completed here except for the hash
 * chain, which the server seals (core has no crypto); `version` is bumped by the store.
 */
export function step<C extends Case>(c: C, input: StepInput, now: number): C {
  const changes: HistoryEntry['changes'] = {};
  const data = { ...c.data, ...(input.data ?? {}) };
  for (const k of Object.keys(input.data ?? {})) {
    if ((c.data as Record<string, unknown>)[k] !== data[k]) {
      changes[k] = { before: (c.data as Record<string, unknown>)[k] ?? null, after: data[k] };
    }
  }
  const next = {
    ...c,
    state: input.to,
    open: input.open,
    assignees: input.assignees ?? c.assignees,
    dueAt: input.dueAt === undefined ? c.dueAt : input.dueAt,
    dueAtUnconfirmed: input.dueAtUnconfirmed ?? (input.dueAt === undefined ? c.dueAtUnconfirmed : false),
    wakeAt: input.wakeAt === undefined ? c.wakeAt : input.wakeAt,
    escalation: input.escalation ?? c.escalation,
    data,
    updatedAt: now,
  } as C;
  const entry: HistoryEntry = {
    seq: c.history.length + 1,
    at: now,
    by: input.by,
    action: input.action,
    from: c.history.length ? c.state : null,
    to: input.to,
    dueAt: next.dueAt,
    prevHash: '',
    hash: '',
  };
  if (input.note) entry.note = input.note;
  if (Object.keys(changes).length) entry.changes = changes;
  next.history = [...c.history, entry];
  next.outbox = [
    ...c.outbox,
    ...(input.notify ?? []).map(
      (n, i): NoticeEntry => ({
        id: `${c._id}.${entry.seq}.${i}`,
        to: n.to,
        purpose: n.purpose,
        title: n.title,
        body: n.body,
        page: `pages/case/index?id=${c._id}`,
        createdAt: now,
      }),
    ),
  ];
  return next;
}

/** Every person to tell, once each, never the one who acted. */
export function audience(ids: string[], except: string | null): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

/** The notices in a case's outbox (the server adds roster effects entries beside them). */
export function notices(c: Case): NoticeEntry[] {
  return c.outbox.filter((e): e is NoticeEntry => !('effects' in e));
}
