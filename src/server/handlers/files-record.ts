// files.record: right after wx.cloud.uploadFile the client names the file it stored; the function
// records it as the caller's upload (reads/files.ts), within the hourly upload limit. The local
// host's upload endpoint records in the same way as it stores.
import { ok, type ActionInput, type Result, type UploadView } from '../../contract';
import type { UploadDoc } from '../../core/model';
import type { HandlerCtx } from '../context';
import { checkUploadLimit } from '../limits';
import { recordUpload, uploadKey } from '../reads/files';
import { currentSettings } from '../reads/settings';

export function toUploadView(u: UploadDoc): UploadView {
  return { fileId: u.fileId, name: u.name, size: u.size, contentType: u.contentType, sha256: u.sha256, check: u.check.status };
}

export async function filesRecord(ctx: HandlerCtx, input: ActionInput<'files.record'>): Promise<Result<UploadView>> {
  const { actor, now } = ctx;
  const known = actor.uploads ?? [];
  // A retried call for a file already recorded is answered, not counted again.
  if (!known.some((u) => u._id === uploadKey(input.fileId))) {
    const limited = checkUploadLimit(actor, (await currentSettings(ctx.deps.store)).values.limits, now);
    if (limited) return limited;
  }
  const r = await recordUpload(ctx.deps, { personId: actor.person._id, openid: actor.openid }, input.fileId, { name: input.name?.trim() || 'file' }, now, known);
  return 'ok' in r ? r : ok(toUploadView(r));
}
