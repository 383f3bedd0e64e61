// §6.1 "定期备份": each group whose next backup is due gets one task for its admins; the ordinary
// timeout of that task alerts the leader once it is overdue by the configured working days.
import { openBackupDue } from '../../core/kinds/backup-due';
import { coverage } from '../../core/backups';
import { shanghaiDate } from '../../core/time';
import { loadGroupContext } from '../reads/group-context';
import type { Deps } from '../ports';
import { insertNew } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import { UNLIMITED, type Budget } from './budget';

/** Runs of the scheduler: one a minute (cloudfunctions/scheduler/config.json). */
const RUN_EVERY_MS = 60_000;

export async function runBackupDue(deps: Deps, now = deps.clock.now(), budget: Budget = UNLIMITED): Promise<number> {
  const { store } = deps;
  const settings = await currentSettings(store);
  const today = shanghaiDate(now);
  let opened = 0;
  const groups = await store.listGroups();
  // Each run starts one group further on, so a run cut short by its budget never leaves the same
  // groups unvisited: with up to 1,440 groups each is first in some run of the day.
  const start = groups.length ? Math.floor(now / RUN_EVERY_MS) % groups.length : 0;
  for (let i = 0; i < groups.length; i++) {
    if (budget.expired()) break;
    const group = groups[(start + i) % groups.length];
    const backups = await store.listBackups(group._id);
    const cov = coverage(backups, shanghaiDate(group.createdAt), today, settings.values.backup, settings.values.calendar);
    if (cov.status === 'ok') continue;
    const gc = await loadGroupContext(store, group._id);
    if (!gc) continue;
    const c = openBackupDue({
      groupId: group._id,
      groupName: group.name,
      nextDue: cov.nextDue,
      lastCovered: cov.covered.length ? cov.covered[cov.covered.length - 1].to : null,
      overdueAfter: cov.overdueAfter,
      admins: gc.admins,
      leaders: gc.leaders,
      overdue: cov.status === 'overdue',
      now,
      settingsVersion: settings.version,
      settings: settings.values,
    });
    // The id names the group and the due day: a second run finds it and files nothing.
    if ((await insertNew(deps, c)).created) opened++;
  }
  return opened;
}
