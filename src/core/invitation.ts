// Invitation cards (R14): one-time, with an expiry. Pure: the server hashes tokens and reads the clock.
import type { ErrorCode } from '../contract';
import type { Invitation } from './model';

const HOUR = 3_600_000;

export function invitationExpiry(now: number, hours: number): number {
  return now + hours * HOUR;
}

/** Why an invitation cannot bind now, or null when it can. A missing one is as good as forged. */
export function invitationProblem(inv: Invitation | null, now: number): ErrorCode | null {
  if (!inv) return 'INVITATION_INVALID';
  if (inv.usedAt !== null) return 'INVITATION_USED';
  if (now >= inv.expiresAt) return 'INVITATION_EXPIRED';
  return null;
}
