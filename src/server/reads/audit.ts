// What an export of the audit trail carries (the reports' Excel exports): the fingerprints of the
// checkpoints that cover the period it shows, so a reader can check the exported history against
// the fingerprints the owner kept.
import type { CheckpointView } from '../../contract';
import type { CheckpointDoc } from '../../core/model';
import { fingerprintOf } from '../cases/audit';
import type { Store } from '../ports';

export const checkpointView = (cp: CheckpointDoc): CheckpointView => ({ seq: cp.seq, at: cp.at, chains: cp.heads.length, fingerprint: fingerprintOf(cp.seal) });

/**
 * The checkpoints that cover changes made in [from, to] (UTC ms): those written in it, and the first
 * written after it (it records what changed at the end). Oldest first.
 */
export function checkpointsCovering(checkpoints: CheckpointDoc[], from: number, to: number): CheckpointView[] {
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  const inside = sorted.filter((cp) => cp.at >= from && cp.at <= to);
  const next = sorted.find((cp) => cp.at > to);
  return [...inside, ...(next ? [next] : [])].map(checkpointView);
}

/** checkpointsCovering, reading the checkpoints (one Store call). */
export async function checkpointFingerprints(store: Store, from: number, to: number): Promise<CheckpointView[]> {
  return checkpointsCovering(await store.listCheckpoints(), from, to);
}
