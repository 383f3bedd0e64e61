// What the scheduler runs: timeouts first (they queue notifications), then leftover outboxes.
import { timeout } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { commitDecided, retryOutboxes as retry } from '../cases/commit';
import type { Deps } from '../ports';
import { loadGroupContext } from '../reads/group-context';
import { settingsAt } from '../reads/settings';
import { runBackupDue } from './backup-due';

export interface SchedulerReport {
  backupsDue: number;
  timeouts: number;
  skipped: number;
  dispatched: number;
}

const BATCH = 100;

/** Each due case gets its kind's timeout transition once: the versioned save lets one run win. */
export async function runTimeouts(deps: Deps, now = deps.clock.now()): Promise<{ applied: number; skipped: number }> {
  let applied = 0;
  let skipped = 0;
  for (const listed of await deps.store.listDueCases(now, BATCH)) {
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

export async function retryOutboxes(deps: Deps): Promise<number> {
  return retry(deps, BATCH);
}

export async function runScheduler(deps: Deps): Promise<SchedulerReport> {
  const backupsDue = await runBackupDue(deps);
  const { applied, skipped } = await runTimeouts(deps);
  const dispatched = await retryOutboxes(deps);
  return { backupsDue, timeouts: applied, skipped, dispatched };
}
