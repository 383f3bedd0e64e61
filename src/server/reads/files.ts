// Uploads bound to their uploader. Every upload is recorded when it is made (the local host's upload
// endpoint, or files.record right after wx.cloud.uploadFile): who uploaded it — from the caller's
// identity, never from the client — its size, type and SHA-256 from the stored bytes, and, for an
// image, its content check sent off (security.mediaCheckAsync; the verdict arrives by push). A case,
// notice or feedback may attach only the caller's own uploads: `checkOwnFiles`.
import { createHash } from 'node:crypto';
import { fail, type ErrorCode, type Failure, type MediaState } from '../../contract';
import type { UploadDoc } from '../../core/model';
import type { HandlerCtx } from '../context';
import type { Deps } from '../ports';

const HOUR = 3_600_000;
/** An upload nothing uses is removed this long after it was made (jobs/uploads.ts). */
export const UNUSED_UPLOAD_TTL_MS = 24 * HOUR;
/** How old an upload may be to be attached: an hour short of its removal, so the two never meet. */
export const ATTACH_WINDOW_MS = UNUSED_UPLOAD_TTL_MS - HOUR;
/** mediaCheckAsync takes images up to 10 MB. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** The record's id: a hash of the storage id (a cloud file id is long and full of '/'). */
export function uploadKey(fileId: string): string {
  return `f_${createHash('sha256').update(fileId).digest('hex').slice(0, 40)}`;
}

const SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.length >= 8 && b.readUInt32BE(0) === 0x89504e47],
  ['image/jpeg', (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['image/bmp', (b) => b.subarray(0, 2).toString('latin1') === 'BM'],
];

/** An image's type from its first bytes (what it is, not what it is called); null for anything else. */
export function sniffImage(bytes: Buffer): string | null {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? null;
}

export interface Uploader {
  personId: string;
  openid: string;
}

/**
 * Record an upload for `by`, and send an image to the content check. Recording the same file again
 * (a retried call) answers the record; a file someone else recorded is FILE_NOT_OWNED. `known`:
 * upload records the caller read already (this file's, if recorded): then nothing is written twice.
 */
export async function recordUpload(
  deps: Deps,
  by: Uploader,
  fileId: string,
  declared: { name: string; contentType?: string },
  now: number,
  known: UploadDoc[] = [],
): Promise<UploadDoc | Failure> {
  const { store, files } = deps;
  const _id = uploadKey(fileId);
  const recorded = known.find((u) => u._id === _id);
  if (recorded) return recorded.uploadedBy === by.personId ? recorded : fail('FILE_NOT_OWNED');
  if (!files.owns(fileId)) return fail('FILE_INVALID');
  const bytes = await files.read(fileId);
  if (!bytes || !bytes.length) return fail('FILE_INVALID');
  const image = sniffImage(bytes);
  if (image && bytes.length > MAX_IMAGE_BYTES) return fail('FILE_INVALID', '图片不能超过 10 MB，请压缩后重新上传');
  const check: UploadDoc['check'] = image ? { status: 'pending', traceId: (await deps.media.submit(fileId, by.openid)).traceId } : { status: 'none' };
  const doc: UploadDoc = {
    _id,
    fileId,
    uploadedBy: by.personId,
    uploadedAt: now,
    name: declared.name.slice(0, 120) || 'file',
    size: bytes.length,
    contentType: image ?? (declared.contentType?.slice(0, 100) || 'application/octet-stream'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    usedBy: [],
    used: false,
    check,
  };
  if (!(await store.insertUpload(doc))) {
    const [existing] = await store.getUploads([_id]);
    return existing && existing.uploadedBy === by.personId ? existing : fail('FILE_NOT_OWNED');
  }
  if (check.traceId) {
    // A verdict can beat this record: it waits under its trace id (handlers/media-verdict.ts writes it
    // there first, then looks for the record; this writes the record first, then looks for it).
    const early = await store.getMediaVerdict(check.traceId);
    if (early) return (await store.setUploadVerdict(check.traceId, { status: early.suggest, traceId: check.traceId, label: early.label, at: early.at })) ?? doc;
  }
  return doc;
}

export interface OwnFilesOptions {
  /** The code for a file that is not a recorded upload at all (default EVIDENCE_INVALID). */
  missing?: ErrorCode;
}

/**
 * The caller's own uploads for `fileIds` (order kept, repeats dropped), or a refusal: FILE_NOT_OWNED
 * for a file someone else uploaded, `missing` for one that is not a recorded upload of this
 * deployment or too old to attach, CONTENT_REJECTED for an image the check found risky. Reads
 * nothing when the actor was loaded with these upload records (dispatch does that for the actions
 * in server/limits.ts `FILE_INPUTS`); otherwise one read.
 */
export async function checkOwnFiles(ctx: HandlerCtx, fileIds: string[] | undefined, opts: OwnFilesOptions = {}): Promise<UploadDoc[] | Failure> {
  const missing = opts.missing ?? 'EVIDENCE_INVALID';
  const unique = [...new Set(fileIds ?? [])];
  if (!unique.length) return [];
  if (unique.some((id) => !ctx.deps.files.owns(id))) return fail(missing);
  const keys = unique.map(uploadKey);
  const found = new Map((ctx.actor.uploads ?? []).map((u) => [u._id, u]));
  const unread = keys.filter((k) => !found.has(k));
  if (unread.length) for (const u of await ctx.deps.store.getUploads(unread)) found.set(u._id, u);
  const out: UploadDoc[] = [];
  for (const key of keys) {
    const u = found.get(key);
    if (!u) return fail(missing);
    if (u.uploadedBy !== ctx.actor.person._id) return fail('FILE_NOT_OWNED');
    if (u.uploadedAt <= ctx.now - ATTACH_WINDOW_MS && !u.used) return fail(missing, '上传的文件已过期（超过一天未使用会被清理），请重新上传');
    if (u.check.status === 'risky') return fail('CONTENT_REJECTED', '图片未通过内容安全检查，请换一张图片');
    out.push(u);
  }
  return out;
}

/** The content check of each upload as a case records it ('none': not an image, nothing to wait for). */
export function mediaStates(uploads: UploadDoc[]): Record<string, MediaState> {
  return Object.fromEntries(uploads.map((u) => [u.fileId, u.check.status === 'none' ? 'pass' : u.check.status]));
}

/** A person's uploads in the last hour, for the upload limit. */
export function uploadsInLastHour(uploads: UploadDoc[] | undefined, personId: string, now: number): UploadDoc[] {
  return (uploads ?? []).filter((u) => u.uploadedBy === personId && u.uploadedAt > now - HOUR);
}
