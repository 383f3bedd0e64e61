// Stored documents: one shape per collection, shared by both databases.
import type { Effect } from './effects';
import type { BackupStorage, CaseKind, GroupRole, GroupType, NotificationView, TemplatePurpose } from '../contract';

export interface Person {
  _id: string;
  /** The WeChat OPENID this person is bound to; null until they accept an invitation. */
  openid: string | null;
  name: string;
  deptId: string;
  employeeNo: string;
  status: 'active' | 'left';
  external: boolean;
  createdAt: number;
  /** A designated publisher of important notices (§4.2). */
  publisher?: boolean;
  leftAt?: number;
  /** An external guest's last day (YYYY-MM-DD). */
  guestUntil?: string;
}

/** A one-time invitation card; `_id` is the SHA-256 of the token, never the token itself. */
export interface Invitation {
  _id: string;
  personId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

export interface Department {
  _id: string;
  name: string;
  headId: string | null;
}

export interface Group {
  _id: string;
  name: string;
  type: GroupType;
  deptId: string;
  creatorId: string;
  opengid: string | null;
  createdAt: number;
}

export interface Membership {
  /** `${groupId}:${personId}` */
  _id: string;
  groupId: string;
  personId: string;
  roles: GroupRole[];
  /** Group nickname the roster has recorded; null when never recorded. */
  nickname: string | null;
  status: 'active' | 'left';
  updatedAt: number;
  /** The member's open 昵称整改 task (kept by its effects, so the roster needs no case query); absent or null when none. */
  fixCaseId?: string | null;
}

/** A roster row with what the naming rule needs of the person. */
export interface RosterEntry {
  membership: Membership;
  person: Person;
}

export interface HistoryEntry {
  seq: number;
  at: number;
  /** Person id; null for the system. */
  by: string | null;
  action: string;
  from: string | null;
  to: string;
  note?: string;
  dueAt: number | null;
  /** What changed in `data`, for the audit trail. */
  changes?: Record<string, { before: unknown; after: unknown }>;
  /** A delegate's step: the assignee (person id) they stood in for. */
  onBehalfOf?: string;
  /** A hand-over: whom the step went to (person id); a nudge: the first person it reached. */
  target?: string;
  /** The seal of the entry before (zeros for the first), the deployment key this entry is sealed with, and its seal (server/cases/audit.ts). */
  prevHash: string;
  keyId?: string;
  hash: string;
}

/** What leaves a case after its write: notices, and the effects of the step outside the case. */
export type OutboxEntry = NoticeEntry | EffectEntry;

/**
 * One effect of a step (core/effects.ts), written with the step, applied by the outbox dispatcher and
 * retried by the scheduler like a notice, so a crash after the case write cannot leave the roster
 * behind. Applying it twice changes nothing.
 */
export interface EffectEntry {
  /** `${caseId}.${seq}.fx${i}` */
  id: string;
  effect: Effect;
  createdAt: number;
}

export interface NoticeEntry {
  /** Globally unique; also the notification's _id, so a retry writes the inbox copy once. */
  id: string;
  to: string;
  purpose: TemplatePurpose;
  title: string;
  body: string;
  page: string;
  createdAt: number;
}

export interface Case<D = Record<string, unknown>> {
  _id: string;
  kind: CaseKind;
  groupId: string;
  subjectId: string;
  openedBy: string;
  state: string;
  open: boolean;
  assignees: string[];
  /** Deadline of the current step, shown to people. */
  dueAt: number | null;
  dueAtUnconfirmed: boolean;
  /** When the scheduler must next look at this case; null when nothing is timed. */
  wakeAt: number | null;
  escalation: number;
  data: D;
  history: HistoryEntry[];
  outbox: OutboxEntry[];
  version: number;
  settingsVersion: number;
  createdAt: number;
  updatedAt: number;
}

export interface NotificationDoc {
  _id: string;
  to: string;
  caseId: string | null;
  purpose: TemplatePurpose;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  read: boolean;
  push: NotificationView['push'];
  pushError?: string;
}

export interface GrantDoc {
  /** `${personId}:${templateId}` */
  _id: string;
  personId: string;
  templateId: string;
  count: number;
  updatedAt: number;
}

export interface SettingsDoc {
  /** `v${version}`; the highest version is current. */
  _id: string;
  version: number;
  values: import('../contract').SettingsValues;
  updatedAt: number;
  updatedBy: string | null;
}

/** A registered chat-record backup (§6.1): not a case, but with its own hash-chained history. */
export interface BackupDoc {
  _id: string;
  groupId: string;
  /** Inclusive dates, YYYY-MM-DD in Asia/Shanghai. */
  from: string;
  to: string;
  storage: BackupStorage;
  fileId: string | null;
  fileName: string | null;
  size: number | null;
  location: string | null;
  /** Computed by the server from the stored bytes at registration; null for a local backup. */
  sha256: string | null;
  madeBy: string;
  registeredBy: string;
  note?: string;
  requestId: string;
  lastVerify: { at: number; intact: boolean; by: string; sha256: string | null } | null;
  history: HistoryEntry[];
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** One line of the record-access log: a link issued, a download served, or a download refused. */
export interface FileAccessDoc {
  _id: string;
  type: 'link' | 'download' | 'refused';
  caseId: string;
  groupId: string;
  backupId: string;
  fileId: string;
  /** Who was given the link, or who downloaded (null: no signed-in person). */
  personId: string | null;
  at: number;
  /** For a link: when it stops working. */
  expiresAt: number | null;
  /** For a download: the link it came through. */
  linkId?: string;
  note?: string;
}

/** A published notice (§4): not a case. Who owes an acknowledgement is frozen into it at publish. */
export interface NoticeDoc {
  _id: string;
  kind: import('../contract').NoticeKind;
  title: string;
  body: string;
  deptId: string;
  deptName: string;
  publisherId: string;
  publisherName: string;
  groupIds: string[];
  groupNames: string[];
  /**
   * `check`: an image's content check as this notice last heard it (absent: not an image). A risky one
   * is hidden from everyone; its label and time stay here as the record of why.
   */
  attachments: { fileId: string; name: string; description: string; sha256: string; size: number; check?: NoticeAttachmentCheck }[];
  /** Title and body normalised for the duplicate check (core/notices.ts `noticeText`). */
  norm: string;
  publishedAt: number;
  ackDueAt: number;
  /** An important notice's key fact: the member picks `answer` among `choices` before the acknowledgement counts. */
  keyFact: { question: string; choices: string[]; answer: number } | null;
  /** Active members of each target group at publish time, the publisher excluded. */
  audience: { groupId: string; personIds: string[] }[];
  /** Everyone in `audience`, once (the index "what do I still have to acknowledge" runs on). */
  owed: string[];
  status: import('../contract').NoticeStatus;
  withdrawReason?: string;
  withdrawnBy?: string;
  withdrawnAt?: number;
  corrects?: string;
  correctedBy?: string;
  /** A near duplicate the publisher confirmed, with their reason (§4.1). */
  nearDuplicate?: { noticeIds: string[]; similarity: number; reason: string };
  /** Shown to those who still owe it: false once withdrawn or corrected. */
  open: boolean;
  /** When the scheduler next looks: a 10:00 reminder, or the deadline's final count; null: nothing left. */
  wakeAt: number | null;
  /**
   * Publishing's work after its one write, still to do (server/handlers/notices-media.ts
   * `dispatchNoticeOutbox`): mark the attachments' uploads used by the notice and apply any verdict
   * that came before. While set, `wakeAt` is the publish time, so the scheduler retries it; this
   * `wakeAt` is the reminder wake it then gets back.
   */
  outbox?: { wakeAt: number | null };
  /** Reminder rounds done. */
  reminders: number;
  /** A round in progress: how far into `owed` it has reached (the scheduler resumes there). */
  cursor: number | null;
  finalSent: boolean;
  requestId: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface NoticeAttachmentCheck {
  status: 'pending' | 'pass' | 'risky';
  label?: string;
  at?: number;
}

/** One acknowledgement: `${noticeId}:${personId}`, so a double tap writes once. */
export interface AckDoc {
  _id: string;
  noticeId: string;
  personId: string;
  at: number;
  /** After the deadline. */
  late: boolean;
}

/**
 * An upload, recorded when it is made (server/reads/files.ts): who uploaded it (the caller's
 * identity, never the client's word), its size, type and SHA-256 computed from the stored bytes, what
 * uses it, and its image content check. `_id` follows from the storage file id.
 */
export interface UploadDoc {
  _id: string;
  fileId: string;
  uploadedBy: string;
  uploadedAt: number;
  name: string;
  size: number;
  /** Sniffed from the bytes for images; otherwise what the upload declared. */
  contentType: string;
  sha256: string;
  /** What attaches it (`case:<id>`, `notice:<id>`, `backup:<id>`); an upload nothing uses is removed after a day. */
  usedBy: string[];
  used: boolean;
  /** Images only: the content security verdict ('none' for other files). */
  check: { status: 'none' | 'pending' | 'pass' | 'risky'; traceId?: string; label?: string; at?: number };
}

/** A media check verdict as it arrived (kept by trace id, so a verdict that beats its upload record is not lost). */
export interface MediaVerdictDoc {
  _id: string;
  suggest: 'pass' | 'risky';
  label: string;
  at: number;
}

/**
 * A daily audit checkpoint: the head (last seq and seal) of every chain changed since the one before,
 * folded into one root, chained to the previous checkpoint and sealed with the deployment key.
 * `_id` is `cp_<seq>` (zero-padded), so two schedulers write one.
 */
export interface CheckpointDoc {
  _id: string;
  seq: number;
  at: number;
  /** Chains changed at or after this time are in `heads` (a margin before the previous checkpoint). */
  since: number;
  /** The previous checkpoint's seal (zeros for the first). */
  prev: string;
  /** `[chain, last seq, last seal]`, sorted by chain; chain is `case:<id>`, `backup:<id>` or `export:<id>` (an export record: seq 1, its seal). */
  heads: [string, number, string][];
  /** SHA-256 Merkle root of the heads. */
  root: string;
  /**
   * Export records are among the heads (absent on checkpoints written before they were): those made
   * since `since`, or every one for the first checkpoint that has this (records older than it too).
   */
  exports?: true;
  keyId: string;
  seal: string;
}

/**
 * 代理: while `from ≤ now < to`, every step waiting on the delegator also waits on the delegate
 * (read-time: cases are not rewritten). One per person: `_id` is the delegator's id; clearing ends it.
 */
export interface DelegationDoc {
  _id: string;
  delegatorId: string;
  delegateId: string;
  /** Names as set, so a view shows "孙丽（代 周杰）" without reading the people. */
  delegatorName: string;
  delegateName: string;
  from: number;
  to: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * One audited Excel export (reports.export): who, when, what was asked and what the file holds,
 * sealed under the deployment's audit key (server/reads/exports.ts) so a database writer without the
 * key cannot forge or alter one. `_id` follows from the exporter and their requestId (a retry finds it).
 */
export interface ExportDoc {
  _id: string;
  requestId: string;
  by: string;
  byName: string;
  at: number;
  filters: {
    /** The groups exported, by id with their names at the time. */
    groups: { id: string; name: string }[];
    allInScope: boolean;
    /** Asia/Shanghai dates, inclusive (cases opened in that period). */
    from: string;
    to: string;
    kinds: CaseKind[] | null;
  };
  rows: { cases: number; history: number };
  fileId: string;
  fileName: string;
  fileSize: number;
  /** SHA-256 (hex) of the .xlsx bytes as stored. */
  fileSha256: string;
  /** SHA-256 (hex) of the data sheets' canonical content, as the 说明 sheet prints it. */
  contentSha256: string;
  keyId: string;
  seal: string;
}

/**
 * A group's naming compliance (§2.2) as the scheduler's hourly sweep found it, one per group per
 * Asia/Shanghai day (`${groupId}:${date}`), overwritten by each sweep of the day: the day's last sweep
 * stands for its end. Reports read it at each bucket's last day ("over time").
 */
export interface NamingSnapshotDoc {
  _id: string;
  groupId: string;
  date: string;
  /** Shanghai day number (core/report-facts.ts). */
  day: number;
  /** Members the rule applies to (members and admins). */
  members: number;
  /** Those whose recorded nickname was not the one §2.2 asks. */
  failing: { personId: string; name: string; nickname: string | null; canonical: string }[];
  takenAt: number;
}
