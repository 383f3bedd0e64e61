// A scheduler run's time: the platform kills a function at its timeout (config.json), so a run
// starts nothing new once its budget is spent and ends cleanly; what is left stays queued in the
// database (due cases, outboxes) for the next run, a minute later.
import { performance } from 'node:perf_hooks';

/** The `scheduler` function's timeout is 60 s; the last item started gets the remaining 15 s. */
export const SCHEDULER_BUDGET_MS = 45_000;

export interface Budget {
  /** True once no new item should be started. */
  expired(): boolean;
}

/** Wall time from now (monotonic: the domain clock may stand still in tests). */
export function timeBudget(ms: number, now: () => number = () => performance.now()): Budget {
  const end = now() + ms;
  return { expired: () => now() >= end };
}

export const UNLIMITED: Budget = { expired: () => false };
