// The local host's audit keys: a file under the data directory, never in the database, made on first
// start. Rotation adds a key and makes it current; retired keys stay in the file so old seals verify.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditKeysFrom, parseKeySecret } from '../cases/audit';
import type { AuditKeys } from '../ports';

export const AUDIT_KEY_FILE = 'audit-keys.json';

interface KeyFile {
  current: string;
  /** Key id → 32 random bytes, hex. */
  keys: Record<string, string>;
}

function read(dataDir: string): KeyFile | null {
  const file = join(dataDir, AUDIT_KEY_FILE);
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  if (!parsed.keys?.[parsed.current]) throw new Error(`${file}: the current key ${parsed.current} is missing`);
  return parsed;
}

function write(dataDir: string, k: KeyFile): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, AUDIT_KEY_FILE);
  // Written whole, then renamed over the old one: a crash never leaves half a key file.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(k, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

function toKeys(k: KeyFile): AuditKeys {
  const keys: Record<string, Buffer> = {};
  for (const [id, hex] of Object.entries(k.keys)) {
    const secret = parseKeySecret(hex);
    if (secret) keys[id] = secret;
  }
  return auditKeysFrom(keys, k.current);
}

/** The keys in `dataDir`; null when there is no key file (the host never started there). */
export function loadAuditKeys(dataDir: string): AuditKeys | null {
  const k = read(dataDir);
  return k && toKeys(k);
}

/** The keys in `dataDir`, creating the file with one fresh key when there is none. */
export function loadOrCreateAuditKeys(dataDir: string): AuditKeys {
  const existing = read(dataDir);
  if (existing) return toKeys(existing);
  const k: KeyFile = { current: 'local-1', keys: { 'local-1': randomBytes(32).toString('hex') } };
  write(dataDir, k);
  return toKeys(k);
}

/** A new current key (`local-<n+1>`); the old ones stay for verification. Returns the new id. */
export function rotateAuditKey(dataDir: string): string {
  const k = read(dataDir) ?? { current: '', keys: {} };
  let n = Object.keys(k.keys).length + 1;
  while (k.keys[`local-${n}`]) n++;
  const id = `local-${n}`;
  write(dataDir, { current: id, keys: { ...k.keys, [id]: randomBytes(32).toString('hex') } });
  return id;
}
