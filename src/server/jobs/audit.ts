// The audit verify routine (npm run audit:verify, and the owner's audit.verify a page at a time):
// every case's and backup's sealed history, every export record, every checkpoint, and every head a
// checkpoint recorded. It reports any chain with an edited, inserted, removed or reordered entry, one
// copied from another case, one cut short or set back to an earlier state (it no longer holds a head a
// checkpoint recorded), an export record altered, replaced or deleted once a checkpoint recorded it, a
// checkpoint altered or missing — naming the case (or backup, export or checkpoint) and entry.
import type { BackupDoc, Case, CheckpointDoc, ExportDoc } from '../../core/model';
import { formatShanghai } from '../../core/time';
import { checkSeal, fingerprintOf, GENESIS, merkleRoot, verifyHistory, type ChainScope } from '../cases/audit';
import type { AuditKeys, Store } from '../ports';
import { exportSealed } from '../reads/exports';
import { checkpointId, checkpointSealed } from './checkpoints';

/** What a checkpoint records: sealed histories (cases, backups) and export records. */
export type RecordScope = ChainScope | 'export';

const SCOPE_NAME: Record<RecordScope, string> = { case: '事项', backup: '备份', export: '导出记录' };

export interface AuditProblem {
  scope: RecordScope | 'checkpoint';
  /** The case, backup, export record or checkpoint. */
  id: string;
  /** The entry (or checkpoint number); null when the problem is the whole record. */
  seq: number | null;
  problem: string;
}

interface RecordedHead {
  seq: number;
  seal: string;
  cp: CheckpointDoc;
}

/** A change this old should be under a checkpoint (the scheduler writes one a day). */
export const CHECKPOINT_OVERDUE_MS = 36 * 3_600_000;
export const AUDIT_PAGE = 200;

const when = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm');
const normaliseFingerprint = (f: string) => f.replace(/-/g, '').toUpperCase();

export interface CheckpointCheck {
  problems: AuditProblem[];
  /** Heads recorded by checkpoints that verify, by chain (`case:<id>`). */
  heads: Map<string, RecordedHead[]>;
  latest: CheckpointDoc | null;
  count: number;
  /**
   * The first checkpoint that verifies and records exports (it took every record there was, older ones
   * too): every record made before it is among its heads or later ones'. Null: exports never recorded.
   */
  exportsFrom: number | null;
}

/** The checkpoints' own chain, their seals and roots, and the owner's fingerprint if given. */
export function verifyCheckpoints(keys: AuditKeys, checkpoints: CheckpointDoc[], fingerprint?: string): CheckpointCheck {
  const problems: AuditProblem[] = [];
  const heads = new Map<string, RecordedHead[]>();
  const bad = (seq: number, problem: string) => problems.push({ scope: 'checkpoint', id: checkpointId(seq), seq, problem });
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS;
  let expected = 1;
  let exportsFrom: number | null = null;
  for (const cp of sorted) {
    for (; expected < cp.seq; expected++) bad(expected, `检查点 #${expected} 缺失（被删除）`);
    expected = cp.seq + 1;
    const sealed = checkSeal(keys, cp.keyId, 'checkpoint', checkpointSealed(cp), cp.seal);
    const intact = cp._id === checkpointId(cp.seq) && Array.isArray(cp.heads) && merkleRoot(cp.heads) === cp.root && sealed === true;
    if (sealed === 'unknown-key') bad(cp.seq, `检查点 #${cp.seq} 的封印密钥“${String(cp.keyId).slice(0, 32)}”不是本部署的密钥`);
    else if (!intact) bad(cp.seq, `检查点 #${cp.seq}（${when(cp.at)}）被改动：内容与它的封印不符`);
    else if (cp.prev !== prev) bad(cp.seq, `检查点 #${cp.seq} 与上一个检查点不相连（之前的检查点被删除或改动）`);
    if (!intact) continue;
    // Only a checkpoint that verifies vouches for heads.
    if (cp.exports && exportsFrom === null) exportsFrom = cp.seq;
    for (const [chain, seq, seal] of cp.heads) {
      const list = heads.get(chain) ?? [];
      list.push({ seq, seal, cp });
      heads.set(chain, list);
    }
    prev = cp.seal;
  }
  if (fingerprint && !sorted.some((cp) => normaliseFingerprint(fingerprintOf(cp.seal)) === normaliseFingerprint(fingerprint))) {
    problems.push({ scope: 'checkpoint', id: 'fingerprint', seq: null, problem: `你保存的检查点指纹 ${fingerprint.toUpperCase()} 在数据库中找不到：该检查点被删除或改动` });
  }
  return { problems, heads, latest: sorted[sorted.length - 1] ?? null, count: sorted.length, exportsFrom };
}

type Chain = (Case | BackupDoc) & { state?: string };

/** One case's or backup's problem, the first found: its seals, then the heads checkpoints recorded, then a missing checkpoint. */
export function verifyChain(keys: AuditKeys, scope: ChainScope, doc: Chain, cps: CheckpointCheck, now: number): AuditProblem | null {
  const chain = verifyHistory(keys, doc, scope);
  if (!chain.ok) return { scope, id: doc._id, seq: chain.seq, problem: chain.problem };
  for (const h of cps.heads.get(`${scope}:${doc._id}`) ?? []) {
    const entry = doc.history[h.seq - 1];
    if (!entry) {
      return {
        scope,
        id: doc._id,
        seq: h.seq,
        problem: `检查点 #${h.cp.seq}（${when(h.cp.at)}）记下本${scope === 'case' ? '事项' : '备份'}有 ${h.seq} 条记录，现在只有 ${doc.history.length} 条：记录被截断，或被回退到之前的状态`,
      };
    }
    if (entry.hash !== h.seal) {
      return { scope, id: doc._id, seq: h.seq, problem: `第 ${h.seq} 条记录与检查点 #${h.cp.seq}（${when(h.cp.at)}）记下的不同：记录被替换` };
    }
  }
  // Its last entry should be under a checkpoint within a day (the scheduler writes one daily).
  const last = doc.history[doc.history.length - 1];
  const anchored = (cps.heads.get(`${scope}:${doc._id}`) ?? []).some((h) => h.seq === last.seq && h.seal === last.hash);
  if (!anchored && last.at < now - CHECKPOINT_OVERDUE_MS) {
    const latest = cps.latest;
    return {
      scope,
      id: doc._id,
      seq: last.seq,
      problem: `检查点缺失：${when(last.at)} 的这条记录早该由之后的检查点记下，但没有检查点记下它（${latest ? `最近的检查点是 #${latest.seq}，${when(latest.at)}` : '没有任何检查点'}；检查点被删除，或定时任务没有运行）`,
    };
  }
  return null;
}

/** Chains (export records) a checkpoint recorded in (after, upTo] that are no longer in the database at all. */
function vanished(cps: CheckpointCheck, scope: RecordScope, after: string, upTo: string | null, seen: Set<string>): AuditProblem[] {
  const out: AuditProblem[] = [];
  const prefix = `${scope}:`;
  for (const [chain, list] of cps.heads) {
    if (!chain.startsWith(prefix)) continue;
    const id = chain.slice(prefix.length);
    if (id <= after || (upTo !== null && id > upTo) || seen.has(id)) continue;
    // An export record is gone whole: the first checkpoint to record it bounds when it was made.
    const cp = scope === 'export' ? list[0].cp : list[list.length - 1].cp;
    const span = cp.since > 0 && cp.seq !== cps.exportsFrom ? ` ${when(cp.since)} 至 ${when(cp.at)} 之间` : ` ${when(cp.at)} 之前`;
    const made = scope === 'export' ? `：该次导出发生在${span}，导出文件“说明”页上的导出编号即此编号` : '';
    out.push({ scope, id, seq: null, problem: `${SCOPE_NAME[scope]}已从数据库中删除，但检查点 #${cp.seq}（${when(cp.at)}）记下过它${made}` });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** One export record's problem: its seal, the seal a checkpoint recorded, then a missing checkpoint. */
export function verifyExportRecord(keys: AuditKeys, e: ExportDoc, cps: CheckpointCheck, now: number): AuditProblem | null {
  const bad = (problem: string): AuditProblem => ({ scope: 'export', id: e._id, seq: null, problem });
  const sealed = checkSeal(keys, e.keyId, 'export', exportSealed(e), e.seal);
  // What the record says now, to find it by; after a change it may not be what was exported.
  const says = `（记录现在写着：${String(e.byName).slice(0, 40)} 于 ${typeof e.at === 'number' ? when(e.at) : '?'} 导出 ${String(e.filters?.from)} 至 ${String(e.filters?.to)}）`;
  if (sealed === 'unknown-key') return bad(`导出记录的封印密钥“${String(e.keyId).slice(0, 32)}”不是本部署的密钥${says}`);
  if (!sealed) return bad(`导出记录被改动：内容与它的封印不符，导出人、时间、筛选条件、行数或校验和被改过${says}`);
  const heads = cps.heads.get(`export:${e._id}`) ?? [];
  for (const h of heads) {
    if (h.seal !== e.seal) return bad(`导出记录与检查点 #${h.cp.seq}（${when(h.cp.at)}）记下的不同：记录被替换${says}`);
  }
  // Before any checkpoint recorded exports (a deployment from before they were), none is overdue.
  if (!heads.length && cps.exportsFrom !== null && e.at < now - CHECKPOINT_OVERDUE_MS) {
    const latest = cps.latest;
    return bad(
      `检查点缺失：${when(e.at)} 的这次导出早该由之后的检查点记下，但没有检查点记下它（${latest ? `最近的检查点是 #${latest.seq}，${when(latest.at)}` : '没有任何检查点'}；检查点被删除，或定时任务没有运行）`,
    );
  }
  return null;
}

/** Name the source of a history copied from another chain (its first seal is that chain's). */
function nameCopies(problems: AuditProblem[], firstSeals: Map<string, string[]>, docs: Map<string, Chain>): void {
  for (const p of problems) {
    // Seals name their chain, so two chains never share one honestly.
    if (p.scope === 'checkpoint' || p.scope === 'export') continue;
    const first = docs.get(`${p.scope}:${p.id}`)?.history[0]?.hash;
    const others = (first && firstSeals.get(first)?.filter((k) => k !== `${p.scope}:${p.id}`)) ?? [];
    if (others.length) {
      p.seq = 1;
      p.problem = `记录是从${others[0].startsWith('case:') ? '事项' : '备份'} ${others[0].replace(/^\w+:/, '')} 复制来的（封印属于那边，不属于本处）`;
    }
  }
}

export interface AuditPage {
  checked: number;
  problems: AuditProblem[];
  /** Where the next call starts (`case:<id>` / `backup:<id>` / `export:<id>`), null when done. */
  next: string | null;
  checkpoints: { count: number; latest: CheckpointDoc | null };
}

const CURSOR = /^(case|backup|export):(.*)$/;
/** The scopes in the order a verification walks them. */
const AFTER: Record<RecordScope, RecordScope | null> = { case: 'backup', backup: 'export', export: null };

/**
 * One page: `cursor` null starts with the cases (and reports the checkpoints' own problems), then the
 * backups, then the export records; the answer's `next` continues. One Store call (the page with every
 * checkpoint).
 */
export async function verifyAuditPage(store: Store, keys: AuditKeys, cursor: string | null, opts: { now: number; fingerprint?: string; pageSize?: number }): Promise<AuditPage & { docs: Chain[] }> {
  const size = opts.pageSize ?? AUDIT_PAGE;
  const m = CURSOR.exec(cursor ?? 'case:');
  const scope = (m?.[1] ?? 'case') as RecordScope;
  const after = m?.[2] ?? '';
  const page = await store.getAuditPage(scope, after || null, size);
  const docs: Chain[] = scope === 'case' ? page.cases : scope === 'backup' ? page.backups : [];
  const records: ExportDoc[] = scope === 'export' ? page.exports : [];
  const cps = verifyCheckpoints(keys, page.checkpoints, opts.fingerprint);
  const problems: AuditProblem[] = cursor === null ? [...cps.problems] : [];
  for (const d of docs) {
    const p = verifyChain(keys, scope as ChainScope, d, cps, opts.now);
    if (p) problems.push(p);
  }
  for (const e of records) {
    const p = verifyExportRecord(keys, e, cps, opts.now);
    if (p) problems.push(p);
  }
  const read = [...docs, ...records];
  const full = read.length >= size;
  const last = read.length ? read[read.length - 1]._id : null;
  problems.push(...vanished(cps, scope, after, full ? last : null, new Set(read.map((d) => d._id))));
  const firstSeals = new Map<string, string[]>();
  for (const d of docs) if (d.history[0]) firstSeals.set(d.history[0].hash, [...(firstSeals.get(d.history[0].hash) ?? []), `${scope}:${d._id}`]);
  nameCopies(problems, firstSeals, new Map(docs.map((d) => [`${scope}:${d._id}`, d])));
  const then = AFTER[scope];
  const next = full ? `${scope}:${last}` : then ? `${then}:` : null;
  return { checked: read.length, problems, next, checkpoints: { count: cps.count, latest: cps.latest }, docs };
}

/** Every page: what npm run audit:verify reports. A copied history is named by its source across pages. */
export async function verifyAudit(
  store: Store,
  keys: AuditKeys,
  opts: { now?: number; fingerprint?: string; pageSize?: number } = {},
): Promise<{ checked: number; problems: AuditProblem[]; checkpoints: AuditPage['checkpoints'] }> {
  const now = opts.now ?? Date.now();
  const problems: AuditProblem[] = [];
  const firstSeals = new Map<string, string[]>();
  const failing = new Map<string, Chain>();
  let checked = 0;
  let checkpoints: AuditPage['checkpoints'] = { count: 0, latest: null };
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const page: AuditPage & { docs: Chain[] } = await verifyAuditPage(store, keys, cursor, { now, fingerprint: opts.fingerprint, pageSize: opts.pageSize });
    const scope = (CURSOR.exec(cursor ?? 'case:')?.[1] ?? 'case') as RecordScope;
    checked += page.checked;
    problems.push(...page.problems);
    checkpoints = page.checkpoints;
    for (const d of page.docs) {
      const key = `${scope}:${d._id}`;
      if (d.history[0]) firstSeals.set(d.history[0].hash, [...(firstSeals.get(d.history[0].hash) ?? []), key]);
      if (page.problems.some((p) => p.scope === scope && p.id === d._id)) failing.set(key, d);
    }
    cursor = page.next;
  }
  nameCopies(problems, firstSeals, failing);
  return { checked, problems, checkpoints };
}
