// Racing deciders on one case: run contradictory commands at once and check that exactly one took
// effect, that the store and the notifications agree with it, and that the trial really raced.
import type { ActionInput, ActionName, ErrorCode, Result } from '../../src/contract';
import type { Case } from '../../src/core/model';
import { sealHistory } from '../../src/server/cases/audit';
import type { Store } from '../../src/server/ports';
import type { World } from '../server/harness';

export interface Move<A extends ActionName = ActionName> {
  as: string;
  action: A;
  data: ActionInput<A>;
  /** The history action this move records when it takes effect. */
  entry: string;
}
export const move = <A extends ActionName>(as: string, action: A, data: ActionInput<A>, entry: string): Move => ({ as, action, data, entry }) as Move;

/** Counts case reads and keeps every case write that won its version check. */
export function recordStore(w: World) {
  const inner = w.store as Store;
  let gets = 0;
  let backupGets = 0;
  let writes: Case[] = [];
  w.deps.store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      // An approval reads its case together with the group's backups.
      if (prop === 'getCase' || prop === 'getCaseWithGroupBackups') {
        return (id: string) => {
          gets++;
          return inner[prop](id);
        };
      }
      if (prop === 'getBackup' || prop === 'getBackupInGroup') {
        return (id: string) => {
          backupGets++;
          return inner[prop](id);
        };
      }
      if (prop === 'updateCase') {
        return async (c: Case, version: number) => {
          const won = await inner.updateCase(c, version);
          if (won) writes.push(c);
          return won;
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    get gets() {
      return gets;
    },
    get backupGets() {
      return backupGets;
    },
    get writes() {
      return writes;
    },
    reset() {
      gets = 0;
      backupGets = 0;
      writes = [];
    },
  };
}
export type Recorder = ReturnType<typeof recordStore>;

/** Notification ids of one case: `${caseId}.${seq}.${i}`, seq being the history step that queued it. */
export function notificationIds(w: World, caseId: string): string[] {
  const rows = w.store.db.prepare(`SELECT _id FROM notifications WHERE json_extract(doc, '$.caseId') = ?`).all(caseId) as { _id: string }[];
  return rows.map((r) => r._id);
}
const seqOf = (outboxId: string) => Number(outboxId.split('.').at(-2));

/** Put a case built by the pure machine straight into the store, its past notices already delivered. */
export async function insertBuilt(w: World, c: Case): Promise<string> {
  if (!(await w.store.insertCase(sealHistory(w.deps.audit, { ...c, outbox: [] })))) throw new Error(`case ${c._id} exists`);
  return c._id;
}

export interface RaceOutcome {
  /** Index of the move that took effect. */
  winner: number;
  stored: Case;
  results: Result<unknown>[];
  contested: boolean;
}

/**
 * Race `moves` (contradictory: at most one may win) and `alongside` (independent steps on the same case:
 * each must still succeed once) on one case. Losers may only answer with one of `losers`.
 */
export async function race(
  w: World,
  rec: Recorder,
  caseId: string,
  moves: Move[],
  losers: ErrorCode[],
  alongside: Move[] = [],
): Promise<RaceOutcome> {
  const before = (await w.store.getCase(caseId))!;
  rec.reset();
  const all = [...moves, ...alongside];
  const results = (await Promise.all(all.map((m) => w.call(m.as, m.action, m.data as never)))) as Result<unknown>[];
  // Without contention each caller reads the case once.
  const contested = rec.gets > all.length;

  const won = moves.flatMap((_, i) => (results[i].ok ? [i] : []));
  if (won.length !== 1) throw new Error(`expected one winner, got ${won.length}: ${JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.code)))}`);
  for (const r of results.slice(0, moves.length)) if (!r.ok && !losers.includes(r.code)) throw new Error(`loser answered ${r.code}: ${r.message}`);
  for (const [i, m] of alongside.entries()) {
    const r = results[moves.length + i];
    if (!r.ok) throw new Error(`${m.action} by ${m.as} alongside the race failed: ${r.code}`);
  }

  const stored = (await w.store.getCase(caseId))!;
  const added = stored.history.slice(before.history.length);
  const expected = [moves[won[0]], ...alongside].map((m) => `${m.entry} by ${m.as}`).sort();
  const got = added.map((h) => `${h.action} by ${h.by}`).sort();
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`history added ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  if (!alongside.length && stored.state !== (results[won[0]] as { ok: true; data: { state: string } }).data.state) {
    throw new Error(`stored state ${stored.state} is not the winner's ${(results[won[0]] as { ok: true; data: { state: string } }).data.state}`);
  }
  if (stored.outbox.length) throw new Error(`outbox left: ${stored.outbox.length}`);

  // Notices: exactly those the saved steps queued, each delivered once, none from a losing attempt.
  const steps = new Set(added.map((h) => h.seq));
  const queued = [...new Set(rec.writes.filter((c) => c._id === caseId).flatMap((c) => c.outbox.filter((o) => !('effect' in o)).map((o) => o.id)).filter((id) => steps.has(seqOf(id))))].sort();
  const told = notificationIds(w, caseId).filter((id) => seqOf(id) > before.history.length).sort();
  if (JSON.stringify(told) !== JSON.stringify(queued)) throw new Error(`notified ${JSON.stringify(told)}, queued ${JSON.stringify(queued)}`);
  return { winner: won[0], stored, results, contested };
}
