// Image verdicts reaching a notice that attaches the image, as handlers/media-verdict.ts routes them
// to cases: the attachment's check is recorded on the notice (label and time kept as the record of
// why), a risky image is left out for every reader from then on, and the publisher is told in-app.
// Reached from both sides of a race — the verdict's push, and publishing's outbox, which looks at a
// pending image's upload again once the notice marks it used — and idempotent: only an attachment still
// pending changes, and the publisher's message has one id per notice and image, so whichever comes
// second, or a repeated push, changes nothing.
import type { NoticeDoc, UploadDoc } from '../../core/model';
import { deliver } from '../cases/outbox';
import { labelName } from '../content';
import type { Deps } from '../ports';
import { NOTICE_PAGE } from '../reads/notice-views';
import { uploadKey } from '../reads/files';

const ATTEMPTS = 5;

/** The attachment checks of a notice being published: pending or pass for each image ('none': not an image, no check). */
export function attachmentChecks(uploads: UploadDoc[]): Map<string, NoticeDoc['attachments'][number]['check']> {
  return new Map(uploads.filter((u) => u.check.status !== 'none').map((u) => [u.fileId, { status: u.check.status as 'pending' | 'pass' | 'risky' }]));
}

/**
 * Publishing's outbox (the notice's `outbox`), after its one write: mark the uploads used by the
 * notice, so a verdict's push finds it from then on, then look once more at the images still pending,
 * whose verdict may have come before that mark; record what came and clear the outbox in one
 * conditional write. Idempotent; on a failure the outbox stays for the scheduler (jobs/notices.ts),
 * which finds the notice by its wakeAt. The notice as it then stands.
 */
export async function dispatchNoticeOutbox(deps: Deps, n: NoticeDoc): Promise<NoticeDoc> {
  if (!n.outbox) return n;
  try {
    await deps.store.attachUploads(n.attachments.map((a) => uploadKey(a.fileId)), `notice:${n._id}`);
    const pending = n.attachments.filter((a) => a.check?.status === 'pending').map((a) => uploadKey(a.fileId));
    const uploads = pending.length ? await deps.store.getUploads(pending) : [];
    return (await applyNoticeMediaVerdicts(deps, n._id, uploads, deps.clock.now(), n, { settle: true })) ?? n;
  } catch (err) {
    console.error('notice outbox failed', n._id, err);
    return n;
  }
}

/**
 * Record each decided verdict among `uploads` on notice `noticeId` (`known`: the notice as just
 * written, to save its read; `settle`: clear its outbox in the same write). The notice as it then
 * stands; null when there is no such notice.
 */
export async function applyNoticeMediaVerdicts(deps: Deps, noticeId: string, uploads: UploadDoc[], now: number, known?: NoticeDoc, opts: { settle?: boolean } = {}): Promise<NoticeDoc | null> {
  const decided = new Map(uploads.filter((u) => u.check.status === 'pass' || u.check.status === 'risky').map((u) => [u.fileId, u]));
  let n = known ?? null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!n || attempt > 0) n = await deps.store.getNotice(noticeId);
    if (!n) return null;
    const turning = n.attachments.filter((a) => a.check?.status === 'pending' && decided.has(a.fileId));
    const settling = opts.settle ? n.outbox : undefined;
    if (!turning.length && !settling) return n;
    // Told before the notice is written: a crash in between leaves the image pending, so the push's
    // retry (or the next one) tells again under the same id, which writes nothing twice.
    for (const a of turning) {
      const u = decided.get(a.fileId)!;
      if (u.check.status !== 'risky') continue;
      await deliver(deps, null, {
        id: `${n._id}.media.${uploadKey(a.fileId)}`,
        to: n.publisherId,
        purpose: 'caseDecided',
        title: '通知附件未通过内容安全检查',
        body: `你发布的通知《${n.title}》中的图片「${a.name}」未通过微信内容安全检查（疑似${labelName(u.check.label)}内容），已对所有人隐藏。如需补发，请更正通知并换一张图片`,
        page: `${NOTICE_PAGE}?id=${n._id}`,
        createdAt: now,
      });
    }
    const { outbox: _outbox, ...rest } = n;
    const next: NoticeDoc = {
      ...(settling ? { ...rest, wakeAt: n.open ? settling.wakeAt : null } : n),
      attachments: n.attachments.map((a) => {
        const u = decided.get(a.fileId);
        if (a.check?.status !== 'pending' || !u) return a;
        const status = u.check.status as 'pass' | 'risky';
        return { ...a, check: { status, ...(status === 'risky' ? { label: labelName(u.check.label) } : {}), at: u.check.at ?? now } };
      }),
      updatedAt: now,
    };
    if (await deps.store.updateNotice(next, n.version)) {
      if (turning.some((a) => decided.get(a.fileId)!.check.status === 'risky')) {
        console.warn('notice attachment hidden by content check', JSON.stringify({ noticeId: n._id, files: turning.map((a) => a.fileId) }));
      }
      return { ...next, version: n.version + 1 };
    }
  }
  // Still moving under us (reminders, a withdrawal): the push is answered again by WeChat's retry or
  // found by the next publish-side look; nothing was half-written.
  throw new Error(`notice ${noticeId}: media verdict not recorded after ${ATTEMPTS} attempts`);
}
