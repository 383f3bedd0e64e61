// What a backup and a group's coverage look like to an admin or leader: names resolved, overlaps
// and the citation computed here.
import type { BackupView, CoverageView, PersonRef, SettingsValues } from '../../contract';
import { citationOf, coverage, overlapsOf } from '../../core/backups';
import type { BackupDoc, Group } from '../../core/model';
import { shanghaiDate } from '../../core/time';
import { rolesIn, type Actor } from '../context';
import type { Store } from '../ports';
import { historyView } from './history-view';

export const BACKUP_ACTION_LABELS: Record<string, string> = {
  register: '登记备份',
  verify: '校验完整性',
};

/** Admins manage a group's backups; leaders of the group see them. */
export function canManageBackups(actor: Actor, groupId: string): boolean {
  return rolesIn(actor, groupId).includes('admin');
}
export function canSeeBackups(actor: Actor, groupId: string): boolean {
  const roles = rolesIn(actor, groupId);
  return roles.includes('admin') || roles.includes('leader');
}

export async function toBackupViews(store: Store, backups: BackupDoc[], group: Group, all: BackupDoc[], withHistory = false): Promise<BackupView[]> {
  const ids = new Set<string>();
  for (const b of backups) {
    ids.add(b.madeBy);
    ids.add(b.registeredBy);
    if (b.lastVerify) ids.add(b.lastVerify.by);
    if (withHistory) b.history.forEach((h) => h.by && ids.add(h.by));
  }
  const people = new Map((await store.getPeople([...ids])).map((p) => [p._id, p.name]));
  const ref = (id: string): PersonRef => ({ id, name: people.get(id) ?? '（未知）' });
  return backups.map((b) => {
    const v: BackupView = {
      id: b._id,
      groupId: b.groupId,
      from: b.from,
      to: b.to,
      storage: b.storage,
      fileName: b.fileName,
      size: b.size,
      location: b.location,
      sha256: b.sha256,
      madeBy: ref(b.madeBy),
      registeredBy: ref(b.registeredBy),
      createdAt: b.createdAt,
      ...(b.note ? { note: b.note } : {}),
      overlaps: overlapsOf(b, all),
      lastVerify: b.lastVerify ? { at: b.lastVerify.at, intact: b.lastVerify.intact, by: ref(b.lastVerify.by) } : null,
      citation: citationOf(b, group.name),
    };
    if (withHistory) v.history = b.history.map((h) => historyView(h, ref, BACKUP_ACTION_LABELS));
    return v;
  });
}

export function coverageView(backups: BackupDoc[], group: Group, now: number, settings: SettingsValues): CoverageView {
  const c = coverage(backups, shanghaiDate(group.createdAt), shanghaiDate(now), settings.backup, settings.calendar);
  return { covered: c.covered, gaps: c.gaps, nextDue: c.nextDue, status: c.status, periodMonths: settings.backup.periodMonths };
}
