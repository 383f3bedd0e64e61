// Files on the local host: bytes on disk under .data/files, downloads behind links that carry an
// expiry and an HMAC, so a link cannot be stretched or forged.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Files } from '../../ports';

const PREFIX = 'local:';
const KEY = /^[a-f0-9]{32}$/;

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
  verifyLink(key: string, exp: string | null, sig: string | null, now: number): { ok: true; fileId: string } | { ok: false; reason: 'expired' | 'forged' | 'missing' };
}

export function createDiskFiles(dir: string, secret: string): DiskFiles {
  mkdirSync(dir, { recursive: true });
  const keyOf = (fileId: string) => (fileId.startsWith(PREFIX) && KEY.test(fileId.slice(PREFIX.length)) ? fileId.slice(PREFIX.length) : null);
  const sign = (key: string, exp: number) => createHmac('sha256', secret).update(`${key}.${exp}`).digest('base64url');

  return {
    owns: (fileId) => keyOf(fileId) !== null,
    save(bytes, meta) {
      const key = randomBytes(16).toString('hex');
      writeFileSync(join(dir, key), bytes);
      writeFileSync(join(dir, `${key}.json`), JSON.stringify({ ...meta, size: bytes.length }));
      return PREFIX + key;
    },
    meta(fileId) {
      const key = keyOf(fileId);
      if (!key || !existsSync(join(dir, `${key}.json`))) return null;
      return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as FileMeta;
    },
    async read(fileId) {
      const key = keyOf(fileId);
      return key && existsSync(join(dir, key)) ? readFileSync(join(dir, key)) : null;
    },
    async link(fileId, expiresAt) {
      const key = keyOf(fileId);
      if (!key) throw new Error(`not a local file id: ${fileId}`);
      return `/files/${key}?exp=${expiresAt}&sig=${sign(key, expiresAt)}`;
    },
    verifyLink(key, exp, sig, now) {
      if (!KEY.test(key) || !exp || !sig || !/^\d+$/.test(exp)) return { ok: false, reason: 'forged' };
      const a = Buffer.from(sig);
      const b = Buffer.from(sign(key, Number(exp)));
      if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'forged' };
      if (Number(exp) <= now) return { ok: false, reason: 'expired' };
      if (!existsSync(join(dir, key))) return { ok: false, reason: 'missing' };
      return { ok: true, fileId: PREFIX + key };
    },
  };
}
