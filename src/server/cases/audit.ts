// The append-only audit trail: every history entry carries the hash of the one before it,
// so editing or deleting a stored entry breaks the chain and shows.
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../core/model';

/** Anything with an id and a hash-chained history: cases, backups. */
export interface Chained {
  _id: string;
  history: HistoryEntry[];
}

const GENESIS = '0'.repeat(64);

function entryHash(caseId: string, e: HistoryEntry): string {
  const { hash: _hash, ...body } = e;
  return createHash('sha256').update(caseId).update('\n').update(stableJson(body)).digest('hex');
}

/** Fill in prevHash/hash for entries appended since the last save. */
export function sealHistory<C extends Chained>(c: C): C {
  let prev = GENESIS;
  let changed = false;
  const history = c.history.map((e) => {
    if (e.hash) {
      prev = e.hash;
      return e;
    }
    changed = true;
    const sealed = { ...e, prevHash: prev };
    sealed.hash = entryHash(c._id, sealed);
    prev = sealed.hash;
    return sealed;
  });
  return changed ? { ...c, history } : c;
}

export type ChainCheck = { ok: true } | { ok: false; caseId: string; seq: number; problem: string };

export function verifyHistory(c: Chained & { state?: string; updatedAt?: number }): ChainCheck {
  // A chain alone cannot show its own tail cut off: tie a case's last entry to the state it produced.
  const last = c.history[c.history.length - 1];
  if (!last) return { ok: false, caseId: c._id, seq: 0, problem: '处理记录为空（可能被整体删除）' };
  if (c.state !== undefined && (last.to !== c.state || last.at !== c.updatedAt)) {
    return { ok: false, caseId: c._id, seq: last.seq, problem: '最后一条记录与事项当前状态不符（可能有记录被删除）' };
  }
  let prev = GENESIS;
  for (let i = 0; i < c.history.length; i++) {
    const e = c.history[i];
    if (e.seq !== i + 1) return { ok: false, caseId: c._id, seq: i + 1, problem: '记录序号不连续（可能被删除或插入）' };
    if (e.prevHash !== prev) return { ok: false, caseId: c._id, seq: e.seq, problem: '与上一条记录的哈希不符' };
    if (entryHash(c._id, e) !== e.hash) return { ok: false, caseId: c._id, seq: e.seq, problem: '记录内容被改动' };
    prev = e.hash;
  }
  return { ok: true };
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
