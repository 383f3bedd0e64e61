// Reports over time: each sweep (hourly on the cloud) records every group's naming compliance for the
// day, replacing the day's earlier record, so the day's last sweep stands for its end. The roster keeps
// no history of nicknames; this is what "compliance at the end of a week or month" is read from.
import type { NamingSnapshotDoc } from '../../core/model';
import { shanghaiDay } from '../../core/report-facts';
import { shanghaiDate } from '../../core/time';
import type { Deps } from '../ports';
import { canonicalIn, groupContextIn, namedMembers } from '../reads/group-context';
import { currentSettings } from '../reads/settings';

export async function runNamingSnapshots(deps: Deps, now = deps.clock.now()): Promise<number> {
  const [dir, settings] = await Promise.all([deps.store.getDirectory(), currentSettings(deps.store)]);
  const date = shanghaiDate(now);
  const docs: NamingSnapshotDoc[] = [];
  for (const g of dir.groups) {
    const gc = groupContextIn(dir, g._id);
    if (!gc) continue;
    const named = namedMembers(gc);
    const failing = named
      .map((r) => ({ personId: r.person._id, name: r.person.name, nickname: r.membership.nickname, canonical: canonicalIn(gc, r, settings.values.naming) }))
      .filter((x) => x.nickname !== x.canonical);
    docs.push({ _id: `${g._id}:${date}`, groupId: g._id, date, day: shanghaiDay(now), members: named.length, failing, takenAt: now });
  }
  if (docs.length) await deps.store.putNamingSnapshots(docs);
  return docs.length;
}
