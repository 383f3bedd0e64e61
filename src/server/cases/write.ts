// Writing a case: seal the new history entries, then one conditional write (the version a decision
// was made on, or "does not exist yet"). Nothing here delivers: commit.ts does, after the write.
import { fail, type Failure } from '../../contract';
import type { Decision } from '../../core/engine';
import type { Case } from '../../core/model';
import type { Deps } from '../ports';
import { sealHistory } from './audit';

export const MAX_TRIES = 3;

/** The decided case saved over `current` if nobody changed it meanwhile; null when someone did. */
export async function saveDecided(deps: Deps, current: Case, decided: Case): Promise<Case | null> {
  const next = sealHistory(deps.audit, decided);
  if (!(await deps.store.updateCase(next, current.version))) return null;
  return { ...next, version: current.version + 1 };
}

/** Reads a case together with what deciding on it needs (one round trip); null when there is none. */
export type LoadCase<L extends { case: Case }> = (caseId: string) => Promise<L | null>;
/** Decides a step on the case as `LoadCase` read it. */
export type DecideOn<L extends { case: Case }> = (loaded: L) => Promise<Decision<Case>> | Decision<Case>;

/**
 * Decide on the case read by `load` (with what deciding needs, in one round trip) and save it; on a
 * lost race, read again and decide again, at most MAX_TRIES times.
 */
export async function writeStep<L extends { case: Case }>(deps: Deps, caseId: string, load: LoadCase<L>, decide: DecideOn<L>, canSee: (c: Case) => boolean): Promise<Case | Failure> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const loaded = await load(caseId);
    if (!loaded || !canSee(loaded.case)) return fail('NOT_FOUND');
    const d = await decide(loaded);
    if (!d.ok) return fail(d.code, d.message);
    // Accepted with nothing to write (e.g. a repeated nomination).
    if (d.case === loaded.case) return loaded.case;
    const saved = await saveDecided(deps, loaded.case, d.case);
    if (saved) return saved;
  }
  // Out of tries: if the case as it now stands refuses the command (someone else finished it), say
  // so; "busy, try again" only when trying again could still succeed.
  const latest = await load(caseId);
  if (!latest || !canSee(latest.case)) return fail('NOT_FOUND');
  const d = await decide(latest);
  return d.ok ? fail('CONFLICT') : fail(d.code, d.message);
}

export const loadCase = (deps: Deps) => async (id: string) => {
  const c = await deps.store.getCase(id);
  return c && { case: c };
};

/** Insert a new case; on a repeated id, the case already filed. */
export async function writeNew(deps: Deps, c: Case): Promise<{ case: Case; created: boolean }> {
  const sealed = sealHistory(deps.audit, c);
  if (await deps.store.insertCase(sealed)) return { case: sealed, created: true };
  const existing = await deps.store.getCase(c._id);
  if (!existing) throw new Error(`case ${c._id} neither inserted nor found`);
  return { case: existing, created: false };
}

/**
 * File the next case of a series where at most one may be open (a member's rename requests in a group):
 * the n-th case of the series has a fixed id, so two filed at once compete for it and the database lets
 * one in. `past` is the whole series so far; `mine` tells this request's case (a retry) from another's.
 */
export async function writeNext(
  deps: Deps,
  past: Case[],
  idOf: (n: number) => string,
  make: (id: string) => Case,
  mine: (c: Case) => boolean,
): Promise<{ case: Case; created: boolean } | 'open' | 'busy'> {
  for (let n = past.length + 1; n <= past.length + MAX_TRIES; n++) {
    const r = await writeNew(deps, make(idOf(n)));
    if (r.created || mine(r.case)) return r;
    // Another request took this number: still open, so this one would be a second; decided already
    // (the series moved on meanwhile), so take the next number.
    if (r.case.open) return 'open';
  }
  return 'busy';
}
