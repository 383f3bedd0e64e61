// What a step changes outside its case, as data: a kind's table returns these, they go into the
// case's outbox in the same write as the step, and the server's effect interpreter applies each by
// its type (server/cases/effects.ts). Each is idempotent, so a retry after a crash changes nothing more.
export type Effect =
  /** The roster takes the approved nickname. */
  | { type: 'setNickname'; groupId: string; personId: string; nickname: string }
  /** Open 昵称整改 tasks about the member are confirmed done (their rename request was approved). */
  | { type: 'confirmNamingFixes'; groupId: string; personId: string; by: string; note: string }
  /** The member's roster row points at their open 昵称整改 task, or stops pointing at it. */
  | { type: 'markNamingFix'; groupId: string; personId: string; caseId: string }
  | { type: 'clearNamingFix'; groupId: string; personId: string; caseId: string }
  /** Make or unmake an admin of the group. */
  | { type: 'setAdmin'; groupId: string; personId: string; admin: boolean }
  /** Active in the group as a member (the row updated in place, or a new row). */
  | { type: 'joinGroup'; groupId: string; personId: string }
  | { type: 'leaveGroup'; groupId: string; personId: string }
  /** An external guest's person record, created once. */
  | { type: 'registerGuest'; personId: string; name: string; until: string }
  /** The person's access ends (status left), if it has not already. */
  | { type: 'endAccess'; personId: string }
  /** An election's winner is filed with the leader, once. */
  | { type: 'fileElectedAdmin'; electionId: string; groupId: string; personId: string; groupName: string }
  /** A leaver's departure: access ends, a remove task per group, open add tasks cancelled. */
  | { type: 'completeDeparture'; departureId: string }
  /** Uploads a case attaches are marked as used by it (kept, not cleaned up), and their image verdicts so far reach the case. */
  | { type: 'attachUploads'; caseId: string; fileIds: string[] };

export type EffectType = Effect['type'];
