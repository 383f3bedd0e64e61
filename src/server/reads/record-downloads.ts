// The local host asks here before it serves a file behind a genuine, unexpired link. A chat-record
// backup is served only through a link issued for a grant that is still active, to the person it
// was issued to; every download and every refusal is logged.
import type { FileAccessDoc } from '../../core/model';
import { isGrantActive, type RecordAccessCase } from '../../core/kinds/record-access';
import type { Deps } from '../ports';

export type DownloadVerdict = { ok: true } | { ok: false; status: number; message: string };

export async function guardRecordDownload(deps: Deps, fileId: string, ref: string | null, openid: string | null): Promise<DownloadVerdict> {
  const { store } = deps;
  // Not a backup (e.g. an evidence image): the signed, expiring link is the whole rule.
  if (!(await store.findBackupsByFile(fileId)).length) return { ok: true };
  const link = ref ? await store.getFileAccess(ref) : null;
  if (!link || link.type !== 'link' || link.fileId !== fileId) {
    return { ok: false, status: 403, message: '聊天记录备份只能通过已批准的查阅申请下载。' };
  }
  const now = deps.clock.now();
  const person = openid ? await store.getPersonByOpenid(openid) : null;
  const c = (await store.getCase(link.caseId)) as RecordAccessCase | null;
  const log = (type: FileAccessDoc['type'], note?: string) =>
    store.insertFileAccess({
      _id: `fd_${deps.ids().replace(/-/g, '')}`,
      type,
      caseId: link.caseId,
      groupId: link.groupId,
      backupId: link.backupId,
      fileId,
      personId: person?._id ?? null,
      at: now,
      expiresAt: null,
      linkId: link._id,
      ...(note ? { note } : {}),
    });
  if (!c || !isGrantActive(c, now)) {
    const why = c?.state === 'revoked' ? '查阅授权已被撤销' : '查阅授权已到期';
    await log('refused', why);
    return { ok: false, status: 410, message: `${why}，下载链接不再可用。如仍需查阅，请重新申请。` };
  }
  if (!person || person._id !== link.personId) {
    await log('refused', '不是获得授权的本人');
    return { ok: false, status: 403, message: '下载链接只供获得授权的申请人本人使用，请登录后再打开。' };
  }
  await log('download');
  return { ok: true };
}
