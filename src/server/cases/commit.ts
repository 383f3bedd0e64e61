// Saving a decision: optimistic version check, reload and decide again when someone else won.
import { createHash } from 'node:crypto';
import { fail, type Failure } from '../../contract';
import type { Decision } from '../../core/case';
import type { Case } from '../../core/model';
import { sealHistory } from './audit';
import { withEffects } from './effects';
import { dispatchOutbox } from './outbox';
import type { Deps } from '../ports';

const MAX_TRIES = 3;

export async function decideAndSave(
  deps: Deps,
  caseId: string,
  decide: (c: Case) => Promise<Decision<Case>> | Decision<Case>,
  canSee: (c: Case) => boolean,
): Promise<Case | Failure> {
  const load = async (id: string) => {
    const c = await deps.store.getCase(id);
    return c && { case: c };
  };
  return decideLoadedAndSave(deps, caseId, load, (loaded) => decide(loaded.case), canSee);
}

/**
 * decideAndSave with the case read by `load` together with what deciding needs (one round trip, e.g.
 * the group's backups), on every try: a retry decides on fresh data, not on what the first try read.
 */
export async function decideLoadedAndSave<L extends { case: Case }>(
  deps: Deps,
  caseId: string,
  load: (caseId: string) => Promise<L | null>,
  decide: (loaded: L) => Promise<Decision<Case>> | Decision<Case>,
  canSee: (c: Case) => boolean,
): Promise<Case | Failure> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const loaded = await load(caseId);
    if (!loaded || !canSee(loaded.case)) return fail('NOT_FOUND');
    const current = loaded.case;
    const d = await decide(loaded);
    if (!d.ok) return fail(d.code, d.message);
    const next = sealHistory(withEffects(d.case));
    if (await deps.store.updateCase(next, current.version)) {
      const saved = { ...next, version: current.version + 1 };
      return dispatchOutbox(deps, saved);
    }
  }
  // Out of tries: if the case as it now stands refuses the command (someone else finished it), say
  // so; "busy, try again" only when trying again could still succeed.
  const latest = await load(caseId);
  if (!latest || !canSee(latest.case)) return fail('NOT_FOUND');
  const d = await decide(latest);
  return d.ok ? fail('CONFLICT') : fail(d.code, d.message);
}

/** Insert a new case; on a repeated request id, answer with the case already filed. */
export async function insertNew(deps: Deps, c: Case): Promise<{ case: Case; created: boolean }> {
  const sealed = sealHistory(withEffects(c));
  if (await deps.store.insertCase(sealed)) return { case: await dispatchOutbox(deps, sealed), created: true };
  const existing = await deps.store.getCase(c._id);
  if (!existing) throw new Error(`case ${c._id} neither inserted nor found`);
  return { case: existing, created: false };
}

/** The id of the n-th case of a series (`key`: what the series is about, e.g. a group and a member). */
export function seriesId(prefix: string, key: string, n: number): string {
  return `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 24)}_${n}`;
}

/** The ids of one member's series in one group (their rename requests, the fix tasks about them, ...). */
export function memberSeries(prefix: string, groupId: string, personId: string): (n: number) => string {
  return (n) => seriesId(prefix, `${groupId}\n${personId}`, n);
}

/**
 * File the next case of a series where at most one may be open (a member's rename requests in a group):
 * the n-th case of the series has a fixed id, so two filed at once compete for it and the database lets
 * one in. `past` is the whole series so far; `mine` tells this request's case (a retry) from another's.
 */
export async function insertNext(
  deps: Deps,
  past: Case[],
  idOf: (n: number) => string,
  make: (id: string) => Case,
  mine: (c: Case) => boolean,
): Promise<Case | 'open' | 'busy'> {
  for (let n = past.length + 1; n <= past.length + MAX_TRIES; n++) {
    const { case: saved, created } = await insertNew(deps, make(idOf(n)));
    if (created || mine(saved)) return saved;
    // Another request took this number: still open, so this one would be a second; decided already
    // (the series moved on meanwhile), so take the next number.
    if (saved.open) return 'open';
  }
  return 'busy';
}
