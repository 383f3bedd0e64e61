// An admin registers a backup of a group's chat records (§6.1). For an uploaded file the checksum
// is computed here from the stored bytes; nothing the client says about the file is trusted.
import { createHash } from 'node:crypto';
import { fail, ok, type ActionInput, type BackupView, type Result } from '../../contract';
import { checkPeriod } from '../../core/backups';
import type { BackupDoc } from '../../core/model';
import { shanghaiDate } from '../../core/time';
import { sealHistory } from '../cases/audit';
import { checkOwnFiles } from '../reads/files';
import { canManageBackups, toBackupViews } from '../reads/backup-views';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { requestKey } from '../cases/ids';
import { decideAndSave } from '../cases/commit';
import { decide, SYSTEM } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { BackupDueCase } from '../../core/kinds/backup-due';
import { settingsAt } from '../reads/settings';

export function backupId(personId: string, requestId: string): string {
  return requestKey('bk', personId, requestId);
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function backupsRegister(ctx: HandlerCtx, input: ActionInput<'backups.register'>): Promise<Result<BackupView>> {
  const { store, files } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id = backupId(me, input.requestId);

  // One read: the group, its backups (for the answer anyway; a retry of this request is among them)
  // and the backup tasks this one may settle.
  const found = await store.getGroupBackups(input.groupId);
  if (!found) return fail('NOT_FOUND');
  const { group, backups: before, dueTasks } = found;
  if (!canManageBackups(actor, group._id)) return fail('FORBIDDEN', '只有该群的管理员可以登记备份');
  const retried = before.find((b) => b._id === id);
  if (retried) return ok((await toBackupViews(store, [retried], group, before))[0]);

  const bad = checkPeriod(input, shanghaiDate(now));
  if (bad) return fail(bad.code, bad.message);

  const madeBy = input.madeBy ?? me;
  if (madeBy !== me && !(await store.listRoster(group._id)).some((r) => r.person._id === madeBy)) {
    return fail('BAD_INPUT', '备份人必须是该群的成员');
  }
  const note = input.note?.trim() || undefined;
  const location = input.location?.trim() || null;
  const fileName = input.fileName?.trim() || null;

  let stored: Pick<BackupDoc, 'fileId' | 'fileName' | 'size' | 'location' | 'sha256'>;
  if (input.storage === 'cloud') {
    if (!input.fileId) return fail('STORAGE_REQUIRED', '请先上传备份文件');
    // Only a file the caller uploaded (recorded at the upload, reads/files.ts).
    const own = await checkOwnFiles(ctx, [input.fileId], { missing: 'FILE_INVALID' });
    if (!Array.isArray(own)) return own;
    const bytes = await files.read(input.fileId);
    if (!bytes) return fail('FILE_INVALID');
    stored = { fileId: input.fileId, fileName, size: bytes.length, location: null, sha256: sha256(bytes) };
  } else {
    if (!location) return fail('STORAGE_REQUIRED', '请填写本地存储位置（例如哪台电脑、哪个柜子）');
    stored = { fileId: null, fileName: null, size: null, location, sha256: null };
  }
  const refused = await checkText(ctx, [note, location ?? undefined, fileName ?? undefined]);
  if (refused) return refused;

  const doc: BackupDoc = sealHistory(ctx.deps.audit, {
    _id: id,
    groupId: group._id,
    from: input.from,
    to: input.to,
    storage: input.storage,
    ...stored,
    madeBy,
    registeredBy: me,
    ...(note ? { note } : {}),
    requestId: input.requestId,
    lastVerify: null,
    history: [
      {
        seq: 1,
        at: now,
        by: me,
        action: 'register',
        from: null,
        to: 'registered',
        dueAt: null,
        note: stored.sha256 ? `${input.from} 至 ${input.to}，SHA-256 ${stored.sha256}` : `${input.from} 至 ${input.to}，本地存储：${location}`,
        prevHash: '',
        hash: '',
      },
    ],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }, 'backup');
  if (!(await store.insertBackup(doc))) {
    const existing = await store.getBackup(id);
    if (!existing) return fail('CONFLICT');
    return ok((await toBackupViews(store, [existing], group, await store.listBackups(group._id)))[0]);
  }
  await closeBackupDue(ctx, doc, dueTasks as BackupDueCase[]);
  const all = [...before, doc].sort((a, b) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : a._id < b._id ? -1 : 1));
  return ok((await toBackupViews(store, [doc], group, all, true))[0]);
}

/** A backup reaching past the last covered day settles the group's open backup task. */
async function closeBackupDue(ctx: HandlerCtx, b: BackupDoc, open: BackupDueCase[]) {
  for (const c of open) {
    if (c.data.lastCovered !== null && b.to <= c.data.lastCovered) continue;
    // The task's own step, by the system on behalf of the one who registered the backup.
    await decideAndSave(
      ctx.deps,
      c._id,
      async (cur) =>
        decide(kindOf(cur), cur, { type: 'covered', backupId: b._id, by: ctx.actor.person._id }, SYSTEM, { now: ctx.now, settings: (await settingsAt(ctx.deps.store, cur.settingsVersion)).values, admins: [], leaders: [] }),
      () => true,
    );
  }
}

