// A group's backups with the coverage timeline, and one backup with its history.
import { fail, ok, type ActionInput, type BackupView, type GroupBackups, type Result } from '../../contract';
import { canManageBackups, canSeeBackups, coverageView, toBackupViews } from '../reads/backup-views';
import type { HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';

export async function backupsList(ctx: HandlerCtx, input: ActionInput<'backups.list'>): Promise<Result<GroupBackups>> {
  const { store } = ctx.deps;
  // Another group's backups answer exactly like a missing group.
  if (!canSeeBackups(ctx.actor, input.groupId)) return fail('NOT_FOUND');
  const [[group], backups, settings] = await Promise.all([store.getGroups([input.groupId]), store.listBackups(input.groupId), currentSettings(store)]);
  if (!group) return fail('NOT_FOUND');
  return ok({
    group: { id: group._id, name: group.name },
    // Newest period first: the one an admin looks for.
    backups: (await toBackupViews(store, backups, group, backups)).reverse(),
    coverage: coverageView(backups, group, ctx.now, settings.values),
    canManage: canManageBackups(ctx.actor, group._id),
  });
}

export async function backupsGet(ctx: HandlerCtx, input: ActionInput<'backups.get'>): Promise<Result<BackupView>> {
  const { store } = ctx.deps;
  const found = await store.getBackupInGroup(input.backupId);
  if (!found || !canSeeBackups(ctx.actor, found.backup.groupId)) return fail('NOT_FOUND');
  const { backup: b, all } = found;
  const [group] = await store.getGroups([b.groupId]);
  if (!group) return fail('NOT_FOUND');
  return ok((await toBackupViews(store, [b], group, all, true))[0]);
}
