// The audit trail: every history entry is sealed with HMAC-SHA256 under a deployment key that
// never enters the database (ports.ts AuditKeys). A seal binds the chain it belongs to (a case or a
// backup, by id), the entry's position, the seal before it and the key's id. Whoever can write the
// database but not read the key can neither edit an entry and re-seal the rest, nor insert, reorder
// or move a history to another case. Cutting entries off the end (with the case set back to match)
// leaves a valid chain: the daily checkpoints catch that (jobs/checkpoints.ts).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HistoryEntry } from '../../core/model';
import type { AuditKeys } from '../ports';

/** Anything with an id and a sealed history: cases, backups. */
export interface Chained {
  _id: string;
  history: HistoryEntry[];
}

/** What a chain belongs to: the same id in two collections is two chains. */
export type ChainScope = 'case' | 'backup';

/** The seal before the first: of a chain's first entry, of the first checkpoint. */
export const GENESIS = '0'.repeat(64);

function hmac(secret: Buffer, label: string, value: unknown): string {
  return createHmac('sha256', secret).update(label).update('\n').update(stableJson(value)).digest('hex');
}

/** The entry's seal: everything in it but the seal itself (seq, prevHash and keyId included). */
function entrySeal(secret: Buffer, scope: ChainScope, chainId: string, e: HistoryEntry): string {
  const { hash: _hash, ...body } = e;
  return hmac(secret, `${scope}:${chainId}`, body);
}

/** Equal seals, compared in constant time. */
export function sameSeal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Seal the entries appended since the last save (those without a seal), under the current key. */
export function sealHistory<C extends Chained>(keys: AuditKeys, c: C, scope: ChainScope = 'case'): C {
  if (c.history.every((e) => e.hash)) return c;
  const key = keys.current();
  let prev = GENESIS;
  const history = c.history.map((e) => {
    if (e.hash) {
      prev = e.hash;
      return e;
    }
    const sealed: HistoryEntry = { ...e, keyId: key.id, prevHash: prev, hash: '' };
    sealed.hash = entrySeal(key.secret, scope, c._id, sealed);
    prev = sealed.hash;
    return sealed;
  });
  return { ...c, history };
}

export type ChainCheck = { ok: true } | { ok: false; caseId: string; seq: number; problem: string };

/** Check a chain's seals; for a case, also that its last entry is the state it stands in. */
export function verifyHistory(keys: AuditKeys, c: Chained & { state?: string; updatedAt?: number }, scope: ChainScope = 'case'): ChainCheck {
  const bad = (seq: number, problem: string): ChainCheck => ({ ok: false, caseId: c._id, seq, problem });
  const last = c.history[c.history.length - 1];
  if (!last) return bad(0, '处理记录为空（可能被整体删除）');
  if (c.state !== undefined && (last.to !== c.state || last.at !== c.updatedAt)) {
    return bad(last.seq, '最后一条记录与事项当前状态不符（可能有记录被删除）');
  }
  let prev = GENESIS;
  for (let i = 0; i < c.history.length; i++) {
    const e = c.history[i];
    if (e.seq !== i + 1) return bad(i + 1, '记录序号不连续（记录被删除、插入或调换了顺序）');
    if (!e.keyId) return bad(e.seq, '记录没有部署密钥的封印（旧版记录，或不是本系统写入的）');
    const secret = keys.byId(e.keyId);
    if (!secret) return bad(e.seq, `记录的封印密钥“${e.keyId.slice(0, 32)}”不是本部署的密钥`);
    if (e.prevHash !== prev) return bad(e.seq, '与上一条记录的封印不相连（记录被删除、插入或调换了顺序）');
    if (typeof e.hash !== 'string' || !sameSeal(entrySeal(secret, scope, c._id, e), e.hash)) {
      return bad(e.seq, '封印不符：记录内容被改动，或这段记录不属于本事项');
    }
    prev = e.hash;
  }
  return { ok: true };
}

/** A seal over any value (a checkpoint) under the current key, binding the key's id too. */
export function sealValue(keys: AuditKeys, label: string, value: unknown): { keyId: string; seal: string } {
  const key = keys.current();
  return { keyId: key.id, seal: hmac(key.secret, `${label}@${key.id}`, value) };
}

/** Whether `seal` is the seal of `value` under key `keyId`; 'unknown-key' when this deployment lacks that key. */
export function checkSeal(keys: AuditKeys, keyId: string, label: string, value: unknown, seal: string): boolean | 'unknown-key' {
  const secret = typeof keyId === 'string' ? keys.byId(keyId) : null;
  if (!secret) return 'unknown-key';
  return typeof seal === 'string' && sameSeal(hmac(secret, `${label}@${keyId}`, value), seal);
}

/** SHA-256 Merkle root of a checkpoint's heads (an odd node is paired with itself). */
export function merkleRoot(leaves: unknown[]): string {
  const h = (x: string) => createHash('sha256').update(x).digest('hex');
  let level = leaves.map((l) => h(`leaf:${stableJson(l)}`));
  if (!level.length) return h('empty');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(h(`node:${level[i]}${level[i + 1] ?? level[i]}`));
    level = next;
  }
  return level[0];
}

/** A seal as people compare it by eye: its first 16 hex digits in groups of four. */
export function fingerprintOf(seal: string): string {
  return (seal.slice(0, 16).toUpperCase().match(/.{1,4}/g) ?? []).join('-');
}

/** The keys a deployment holds: `keys` by id, `currentId` the one new seals use (null: none, sealing fails). */
export function auditKeysFrom(keys: Record<string, Buffer>, currentId: string | null): AuditKeys {
  const byId = new Map(Object.entries(keys));
  return {
    current() {
      const secret = currentId === null ? undefined : byId.get(currentId);
      if (!secret) throw new Error('no audit key: set AUDIT_KEY and AUDIT_KEY_ID in the function environment');
      return { id: currentId!, secret };
    },
    byId: (id) => byId.get(id) ?? null,
  };
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;

/** A key as written in an environment value: 64+ hex digits, or base64 of 32+ bytes. */
export function parseKeySecret(text: string): Buffer | null {
  const t = text.trim();
  const bytes = /^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0 ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]+=*$/.test(t) ? Buffer.from(t, 'base64') : null;
  return bytes && bytes.length >= 32 ? bytes : null;
}

/**
 * The keys from a cloud function's environment: AUDIT_KEY (the current key) with AUDIT_KEY_ID (its
 * name), and AUDIT_OLD_KEYS ("id:key,id:key") for keys retired by a rotation, so old seals verify.
 * A missing or malformed current key is not guessed at: sealing fails until the deploy sets it.
 */
export function auditKeysFromEnv(env: Record<string, string | undefined>): AuditKeys {
  const keys: Record<string, Buffer> = {};
  for (const part of (env.AUDIT_OLD_KEYS ?? '').split(',')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    const id = part.slice(0, i).trim();
    const secret = parseKeySecret(part.slice(i + 1));
    if (KEY_ID.test(id) && secret) keys[id] = secret;
  }
  const id = (env.AUDIT_KEY_ID ?? '').trim();
  const secret = env.AUDIT_KEY ? parseKeySecret(env.AUDIT_KEY) : null;
  const valid = KEY_ID.test(id) && secret !== null;
  if (valid) keys[id] = secret;
  return auditKeysFrom(keys, valid ? id : null);
}

/** JSON with sorted keys, so the hash does not depend on how a database orders fields. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}
