// What the scheduler runs: timeouts first (they queue notifications), then leftover outboxes.
import { timeout } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { commitDecided, retryOutboxes as retry } from '../cases/commit';
import type { Deps } from '../ports';
import { loadGroupContext } from '../reads/group-context';
import { settingsAt } from '../reads/settings';
import { runBackupDue } from './backup-due';
import { SCHEDULER_BUDGET_MS, timeBudget, UNLIMITED, type Budget } from './budget';
import { runNoticeReminders } from './notices';
import { fingerprintOf } from '../cases/audit';
import { runCheckpoint } from './checkpoints';
import { runUploadCleanup } from './uploads';
import { runNamingSnapshots } from './naming-snapshots';

export interface SchedulerReport {
  backupsDue: number;
  timeouts: number;
  skipped: number;
  /** Notice reminders sent and final counts. */
  reminded: number;
  dispatched: number;
  /** Uploads nothing used, removed a day after they were made. */
  uploadsRemoved: number;
  /** The fingerprint of the audit checkpoint this run wrote (the first run of a day), else null. */
  checkpoint: string | null;
}

const BATCH = 100;

/** Each due case gets its kind's timeout transition once: the versioned save lets one run win. */
export async function runTimeouts(deps: Deps, now = deps.clock.now(), budget: Budget = UNLIMITED): Promise<{ applied: number; skipped: number }> {
  let applied = 0;
  let skipped = 0;
  for (const listed of await deps.store.listDueCases(now, BATCH)) {
    // Out of time: the rest are still due on the next run.
    if (budget.expired()) break;
    // One case failing must not hold up the others; it is due again on the next run.
    try {
      // Re-read: a person may have moved the case on since the listing. Act only on the step that was due.
      const c = await deps.store.getCase(listed._id);
      if (!c || c.version !== listed.version || c.state !== listed.state) {
        skipped++;
        continue;
      }
      const [settings, gc] = await Promise.all([settingsAt(deps.store, c.settingsVersion), loadGroupContext(deps.store, c.groupId)]);
      const d = timeout(kindOf(c), c, { now, settings: settings.values, admins: gc?.admins ?? [], leaders: gc?.leaders ?? [] });
      // Another run or a person got there first: that is their step, not ours to repeat.
      if (!d.ok || !(await commitDecided(deps, c, d.case))) {
        skipped++;
        continue;
      }
      applied++;
    } catch (err) {
      skipped++;
      console.error('timeout failed', listed._id, err);
    }
  }
  return { applied, skipped };
}

export async function retryOutboxes(deps: Deps, budget: Budget = UNLIMITED): Promise<number> {
  return retry(deps, BATCH, () => budget.expired());
}

/** One run, within `budget` (the function's timeout less a margin): what does not fit waits for the next run. */
/**
 * The sweeps (every group's backups, every unused upload) read the whole of a collection; the timer
 * runs every minute for emergencies, so on the cloud they run once an hour, in its first minute.
 */
export function sweepsDue(now: number): boolean {
  // Asia/Shanghai is a whole number of hours from UTC: its minutes are UTC's.
  return new Date(now).getUTCMinutes() === 0;
}

export async function runScheduler(deps: Deps, budget: Budget = timeBudget(SCHEDULER_BUDGET_MS), opts: { sweeps?: boolean } = {}): Promise<SchedulerReport> {
  const sweeps = opts.sweeps ?? true;
  const backupsDue = sweeps ? await runBackupDue(deps, undefined, budget) : 0;
  const { applied, skipped } = await runTimeouts(deps, undefined, budget);
  const notices = await runNoticeReminders(deps, undefined, budget);
  const dispatched = await retryOutboxes(deps, budget);
  if (budget.expired()) console.warn('scheduler: time budget spent; what is left waits for the next run');
  const uploadsRemoved = sweeps ? await runUploadCleanup(deps, undefined, budget) : 0;
  // Reports over time: every group's naming compliance of the day (one directory read, one write per group).
  if (sweeps && !budget.expired()) await runNamingSnapshots(deps);
  // Last: the day's checkpoint records every head as this run left it (out of time: the next run writes it).
  const cp = budget.expired() ? null : await runCheckpoint(deps);
  return { backupsDue, timeouts: applied, skipped, reminded: notices.reminded + notices.finals, dispatched, uploadsRemoved, checkpoint: cp && fingerprintOf(cp.seal) };
}
