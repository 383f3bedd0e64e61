// Ids that make a repeated request land on the same record: the one place they are hashed.
import { createHash } from 'node:crypto';

const hash24 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

/** A stable id from who asked and their request id: a retried tap lands on the same record. */
export function requestKey(prefix: string, personId: string, requestId: string): string {
  return `${prefix}_${hash24(`${personId}\n${requestId}`)}`;
}

/** The id of the n-th case of a series (`key`: what the series is about, e.g. a group and a member). */
export function seriesId(prefix: string, key: string, n: number): string {
  return `${prefix}_${hash24(key)}_${n}`;
}

/** The ids of one member's series in one group (their rename requests, the fix tasks about them, ...). */
export function memberSeries(prefix: string, groupId: string, personId: string): (n: number) => string {
  return (n) => seriesId(prefix, `${groupId}\n${personId}`, n);
}
