// Files on the local host: bytes on disk under .data/files, downloads behind links that carry an
// expiry and an HMAC, so a link cannot be stretched or forged.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Files } from '../../ports';

const PREFIX = 'local:';
const KEY = /^[a-f0-9]{32}$/;
const REF = /^[A-Za-z0-9_-]{1,64}$/;

export interface FileMeta {
  name: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: number;
}

export interface DiskFiles extends Files {
  save(bytes: Buffer, meta: Omit<FileMeta, 'size'>): string;
  meta(fileId: string): FileMeta | null;
  /** For the download endpoint: the file id when the link is genuine and not expired. */
  verifyLink(
    key: string,
    exp: string | null,
    sig: string | null,
    now: number,
    ref?: string | null,
  ): { ok: true; fileId: string; ref?: string } | { ok: false; reason: 'expired' | 'forged' | 'missing' };
}

export function createDiskFiles(dir: string, secret: string): DiskFiles {
  mkdirSync(dir, { recursive: true });
  const keyOf = (fileId: string) => (fileId.startsWith(PREFIX) && KEY.test(fileId.slice(PREFIX.length)) ? fileId.slice(PREFIX.length) : null);
  // The ref is signed with the rest: a link cannot be moved onto another issued-link record.
  const sign = (key: string, exp: number, ref?: string | null) =>
    createHmac('sha256', secret).update(ref ? `${key}.${exp}.${ref}` : `${key}.${exp}`).digest('base64url');

  const save = (bytes: Buffer, meta: Omit<FileMeta, 'size'>): string => {
    const key = randomBytes(16).toString('hex');
    writeFileSync(join(dir, key), bytes);
    writeFileSync(join(dir, `${key}.json`), JSON.stringify({ ...meta, size: bytes.length }));
    return PREFIX + key;
  };

  return {
    owns: (fileId) => keyOf(fileId) !== null,
    save,
    // The cloud path means nothing on disk: the file gets a key like an upload, and its name for downloads.
    put: async (file) => save(file.bytes, { name: file.name, contentType: file.contentType, uploadedBy: file.by, uploadedAt: file.at }),
    meta(fileId) {
      const key = keyOf(fileId);
      if (!key || !existsSync(join(dir, `${key}.json`))) return null;
      return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as FileMeta;
    },
    async read(fileId) {
      const key = keyOf(fileId);
      return key && existsSync(join(dir, key)) ? readFileSync(join(dir, key)) : null;
    },
    async remove(fileId) {
      const key = keyOf(fileId);
      if (!key) return;
      rmSync(join(dir, key), { force: true });
      rmSync(join(dir, `${key}.json`), { force: true });
    },
    async link(fileId, expiresAt, ref) {
      const key = keyOf(fileId);
      if (!key) throw new Error(`not a local file id: ${fileId}`);
      if (ref !== undefined && !REF.test(ref)) throw new Error(`not a link ref: ${ref}`);
      const tail = ref ? `&ref=${ref}` : '';
      return `/files/${key}?exp=${expiresAt}${tail}&sig=${sign(key, expiresAt, ref)}`;
    },
    verifyLink(key, exp, sig, now, ref = null) {
      if (!KEY.test(key) || !exp || !sig || !/^\d+$/.test(exp)) return { ok: false, reason: 'forged' };
      if (ref !== null && !REF.test(ref)) return { ok: false, reason: 'forged' };
      const a = Buffer.from(sig);
      const b = Buffer.from(sign(key, Number(exp), ref));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'forged' };
      if (Number(exp) <= now) return { ok: false, reason: 'expired' };
      if (!existsSync(join(dir, key))) return { ok: false, reason: 'missing' };
      return ref ? { ok: true, fileId: PREFIX + key, ref } : { ok: true, fileId: PREFIX + key };
    },
  };
}
