// Re-read a backup's stored file and compare its SHA-256 with the one taken at registration:
// 完整, or 已损坏/已变更. The result goes into the backup's hash-chained history.
import { fail, ok, type ActionInput, type BackupView, type Result } from '../../contract';
import type { BackupDoc } from '../../core/model';
import { sealHistory } from '../cases/audit';
import { canManageBackups, toBackupViews } from '../reads/backup-views';
import type { HandlerCtx } from '../context';
import { sha256 } from './backups-register';

const MAX_TRIES = 3;

export async function backupsVerify(ctx: HandlerCtx, input: ActionInput<'backups.verify'>): Promise<Result<BackupView>> {
  const { store, files } = ctx.deps;
  const me = ctx.actor.person._id;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const found = await store.getBackupInGroup(input.backupId);
    if (!found || !canManageBackups(ctx.actor, found.backup.groupId)) return fail('NOT_FOUND');
    const { backup: b, all } = found;
    if (b.storage !== 'cloud' || !b.fileId || !b.sha256) return fail('FILE_INVALID', '本地存储的备份没有上传文件，无法在线校验');
    const bytes = await files.read(b.fileId);
    const now = sha256OrNull(bytes);
    const intact = now === b.sha256;
    const note = intact
      ? '完整：SHA-256 与登记时一致'
      : bytes
        ? `已损坏/已变更：现在的 SHA-256 为 ${now}，登记时为 ${b.sha256}`
        : '已损坏/已变更：存储中找不到该文件';
    const next: BackupDoc = sealHistory(ctx.deps.audit, {
      ...b,
      lastVerify: { at: ctx.now, intact, by: me, sha256: now },
      updatedAt: ctx.now,
      history: [
        ...b.history,
        { seq: b.history.length + 1, at: ctx.now, by: me, action: 'verify', from: 'registered', to: 'registered', dueAt: null, note, prevHash: '', hash: '' },
      ],
    }, 'backup');
    if (await store.updateBackup(next, b.version)) {
      const [group] = await store.getGroups([b.groupId]);
      if (!group) return fail('NOT_FOUND');
      // A verification changes no period, so the overlaps read with it still hold.
      return ok((await toBackupViews(store, [{ ...next, version: b.version + 1 }], group, all, true))[0]);
    }
  }
  return fail('CONFLICT');
}

function sha256OrNull(bytes: Buffer | null): string | null {
  return bytes ? sha256(bytes) : null;
}
