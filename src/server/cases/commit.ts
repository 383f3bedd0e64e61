// The one way a case is saved and its consequences leave: seal → conditional write (write.ts) →
// dispatch, where dispatch applies the step's effects (effects.ts) and delivers its notices
// (outbox.ts). Handlers and jobs alike go through here; nothing here is imported back by them.
import type { Failure } from '../../contract';
import type { Decision } from '../../core/engine';
import type { Case, EffectEntry, NoticeEntry } from '../../core/model';
import type { Deps } from '../ports';
import { delegateCopies, mayOweCopy } from './delegate-notices';
import { applyEffect } from './effects';
import { deliver } from './outbox';
import { loadCase, saveDecided, writeNew, writeNext, writeStep, type DecideOn, type LoadCase } from './write';

export { memberSeries, requestKey, seriesId } from './ids';

/** Decide on the case as it now stands and save the step (reload and decide again when someone else won). */
export async function decideAndSave(
  deps: Deps,
  caseId: string,
  decide: (c: Case) => Promise<Decision<Case>> | Decision<Case>,
  canSee: (c: Case) => boolean,
): Promise<Case | Failure> {
  return decideLoadedAndSave(deps, caseId, loadCase(deps), (loaded) => decide(loaded.case), canSee);
}

/**
 * decideAndSave with the case read by `load` together with what deciding needs (one round trip, e.g.
 * the group's backups), on every try: a retry decides on fresh data, not on what the first try read.
 */
export async function decideLoadedAndSave<L extends { case: Case }>(deps: Deps, caseId: string, load: LoadCase<L>, decide: DecideOn<L>, canSee: (c: Case) => boolean): Promise<Case | Failure> {
  const saved = await writeStep(deps, caseId, load, decide, canSee);
  return 'ok' in saved ? saved : dispatchOutbox(deps, saved);
}

/** The scheduler's step, decided on `current`: saved and dispatched, or null when someone else moved the case first. */
export async function commitDecided(deps: Deps, current: Case, decided: Case): Promise<Case | null> {
  const saved = await saveDecided(deps, current, decided);
  return saved && dispatchOutbox(deps, saved);
}

/** Insert a new case; on a repeated request id, answer with the case already filed. */
export async function insertNew(deps: Deps, c: Case): Promise<{ case: Case; created: boolean }> {
  const r = await writeNew(deps, c);
  return r.created ? { case: await dispatchOutbox(deps, r.case), created: true } : r;
}

/** File the next case of a series where at most one may be open (see write.ts `writeNext`). */
export async function insertNext(
  deps: Deps,
  past: Case[],
  idOf: (n: number) => string,
  make: (id: string) => Case,
  mine: (c: Case) => boolean,
): Promise<Case | 'open' | 'busy'> {
  const r = await writeNext(deps, past, idOf, make, mine);
  if (typeof r === 'string') return r;
  return r.created ? dispatchOutbox(deps, r.case) : r.case;
}

/** Cases written elsewhere (e.g. a task the onboarding filed) whose outboxes are still to leave. */
export async function dispatchAll(deps: Deps, cases: Case[]): Promise<Case[]> {
  const out: Case[] = [];
  for (const c of cases) out.push(await dispatchOutbox(deps, c));
  return out;
}

/**
 * Apply the effects the case's outbox holds, in order, then deliver its notices, and drop what was
 * done from the outbox. Returns the case as it now stands. Never throws for a delivery problem: the
 * scheduler picks up what remains.
 */
export async function dispatchOutbox(deps: Deps, c: Case): Promise<Case> {
  if (!c.outbox.length) return c;
  const done = new Set<string>();
  // The roster first, so whoever a notice sends to the group sees it changed.
  const effects = c.outbox.filter((e): e is EffectEntry => 'effect' in e);
  const notices = c.outbox.filter((e): e is NoticeEntry => !('effect' in e));
  for (const e of effects) {
    try {
      const written = await applyEffect(deps, e.effect, deps.clock.now());
      done.add(e.id);
      await dispatchAll(deps, written);
    } catch (err) {
      // Later effects of the step may depend on this one (grant the successor, then revoke): wait for the retry.
      console.error('effect failed', c._id, e.id, err);
      break;
    }
  }
  // 代理: the copies owed to the assignees' delegates, read while the notices themselves go out (after
  // the effects: a departure's ends delegations). Unread (a failed read), a notice that may owe a copy is
  // delivered but kept, so the retry works its copy out.
  const copiesRead = delegateCopies(deps.store, c, notices, deps.clock.now()).catch((err) => {
    console.error('delegations read failed', c._id, err);
    return null;
  });
  const delivered: NoticeEntry[] = [];
  for (const e of notices) {
    try {
      if ((await deliver(deps, c._id, e)) === 'done') delivered.push(e);
    } catch (err) {
      console.error('outbox delivery failed', c._id, e.id, err);
    }
  }
  const copies = await copiesRead;
  for (const e of delivered) {
    const copy = copies?.get(e.id);
    try {
      // Its own id: written once however often the notice beside it is retried.
      if (copy && (await deliver(deps, c._id, copy)) !== 'done') continue;
      if (copies || !mayOweCopy(c, e)) done.add(e.id);
    } catch (err) {
      console.error('outbox delivery failed', c._id, copy?.id, err);
    }
  }
  if (!done.size) return c;
  try {
    let current: Case | null = c;
    for (let attempt = 0; attempt < 3 && current; attempt++) {
      const outbox = current.outbox.filter((e) => !done.has(e.id));
      if (await deps.store.setOutbox(current, outbox)) return { ...current, outbox };
      current = await deps.store.getCase(c._id);
    }
    return current ?? c;
  } catch (err) {
    // The case is saved and the inbox copies exist; the scheduler clears the outbox later.
    console.error('outbox clean-up failed', c._id, err);
    return c;
  }
}

/** Whatever outboxes are left (a crash, a failed push): the scheduler's retry. */
/** `stop`: out of time, leave the rest for the next run. */
export async function retryOutboxes(deps: Deps, batch: number, stop: () => boolean = () => false): Promise<number> {
  let dispatched = 0;
  for (const c of await deps.store.listCasesWithOutbox(batch)) {
    if (stop()) break;
    const after = await dispatchOutbox(deps, c);
    dispatched += c.outbox.length - after.outbox.length;
  }
  return dispatched;
}
