// Daily audit checkpoints. The first scheduler run of a day (Asia/Shanghai) — so also the first run
// after a day without one — writes the head (last seq and seal) of every case and backup changed
// since the previous checkpoint, and the seal of every export record made since (a record is written
// once: its seal is its head, seq 1), folded into a Merkle root, chained to the previous checkpoint and
// sealed with the deployment key, into its own collection. The owner is told its fingerprint
// (in-app, and a subscription message where granted), so a copy lives outside the database. A
// history cut short, or a case set back to an earlier state, no longer holds a head a checkpoint
// recorded, and a deleted or replaced export record no longer matches the seal one recorded: the
// verify routine (audit.ts) names it.
import type { CheckpointDoc, NoticeEntry } from '../../core/model';
import { shanghaiDate, formatShanghai } from '../../core/time';
import { fingerprintOf, GENESIS, merkleRoot, sealValue } from '../cases/audit';
import { deliver } from '../cases/outbox';
import type { Deps } from '../ports';

/** Changes written this long before the previous checkpoint are looked at again: a write's time is taken before it lands. */
export const CHECKPOINT_MARGIN_MS = 10 * 60_000;

export const checkpointId = (seq: number) => `cp_${String(seq).padStart(6, '0')}`;

/** What a checkpoint's seal covers: everything but the seal (the heads through their root). */
export function checkpointSealed(cp: Omit<CheckpointDoc, 'seal' | 'keyId'>) {
  // `exports` absent (older checkpoints) leaves their sealed value as it was.
  return { _id: cp._id, seq: cp.seq, at: cp.at, since: cp.since, prev: cp.prev, count: cp.heads.length, root: cp.root, exports: cp.exports };
}

/** The heads of every chain changed at or after `since`, and of every export record made at or after `exportsSince`, sorted by chain. */
async function changedHeads(deps: Deps, since: number, exportsSince: number): Promise<CheckpointDoc['heads']> {
  const heads: CheckpointDoc['heads'] = [];
  const add = (scope: string, doc: { _id: string; history: { seq: number; hash: string }[] }) => {
    const last = doc.history[doc.history.length - 1];
    if (last) heads.push([`${scope}:${doc._id}`, last.seq, last.hash]);
  };
  // Three reads at once: one round of latency on the cloud database.
  const [cases, backups, exports] = await Promise.all([deps.store.listCasesChangedSince(since), deps.store.listBackupsChangedSince(since), deps.store.listExportsSince(exportsSince)]);
  for (const c of cases) add('case', c);
  for (const b of backups) add('backup', b);
  for (const e of exports) heads.push([`export:${e._id}`, 1, e.seal]);
  return heads.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Today's checkpoint, once: null when one was written today already, or nothing changed since the last. */
export async function runCheckpoint(deps: Deps, now = deps.clock.now()): Promise<CheckpointDoc | null> {
  const { store } = deps;
  const latest = await store.getLatestCheckpoint();
  if (latest && shanghaiDate(latest.at) === shanghaiDate(now)) return null;
  const since = latest ? latest.at - CHECKPOINT_MARGIN_MS : 0;
  // The first checkpoint to record exports takes every record there is, so none is left unanchored.
  const heads = await changedHeads(deps, since, latest?.exports ? since : 0);
  // Nothing changed: nothing to anchor, and nothing to tell the owner.
  if (!heads.length) return null;
  const seq = (latest?.seq ?? 0) + 1;
  const body = { _id: checkpointId(seq), seq, at: now, since, prev: latest?.seal ?? GENESIS, heads, root: merkleRoot(heads), exports: true as const };
  const cp: CheckpointDoc = { ...body, ...sealValue(deps.audit, 'checkpoint', checkpointSealed(body)) };
  // Two schedulers at once: the database lets one write this number.
  if (!(await store.insertCheckpoint(cp))) return null;
  await tellOwner(deps, cp);
  return cp;
}

/** The owner's copy of the fingerprint: an in-app message, and a subscription message where granted. */
async function tellOwner(deps: Deps, cp: CheckpointDoc): Promise<void> {
  try {
    const owner = deps.ownerOpenid ? await deps.store.getPersonByOpenid(deps.ownerOpenid) : null;
    if (!owner) return;
    const e: NoticeEntry = {
      id: `audit.${cp._id}`,
      to: owner._id,
      purpose: 'caseDecided',
      title: `审计检查点 #${cp.seq}`,
      // The fingerprint first: a subscription message keeps only the first 20 characters of this.
      body: `${fingerprintOf(cp.seal)}（检查点指纹，${formatShanghai(cp.at, 'M月D日 HH:mm')}，${cp.heads.length} 项记录）。请另行保存，核对审计记录时用它确认记录未被删改或回退。`,
      page: 'packages/admin/pages/settings/index',
      createdAt: cp.at,
    };
    await deliver(deps, null, e);
  } catch (err) {
    // The checkpoint stands; 系统设置 shows its fingerprint too.
    console.error('checkpoint notice failed', cp._id, err);
  }
}
