// What the server adds to each kind's table (core/kinds): how a case of the kind is shown — its
// title in lists, its stored files and cited backups, facts computed for the reader, and the data
// fields never sent to a client. What may be done with it comes from the table alone.
import type { BackupCitation, CaseCommand, CaseKind, GroupRole, MediaState } from '../../contract';
import { allowed, type CaseActor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { AdminChangeCase } from '../../core/kinds/admin-change';
import type { AdminFilingCase } from '../../core/kinds/admin-filing';
import type { BackupDueCase } from '../../core/kinds/backup-due';
import type { DepartureCase } from '../../core/kinds/departure';
import type { ElectionCase } from '../../core/kinds/election';
import type { EmergencyCase } from '../../core/kinds/emergency';
import type { FeedbackCase } from '../../core/kinds/feedback';
import type { GuestCase } from '../../core/kinds/guest';
import type { RecordAccessCase } from '../../core/kinds/record-access';
import type { RenameCase } from '../../core/kinds/rename';
import type { TaskCase } from '../../core/kinds/task';
import { appealClosedReason, violationTitle, type ViolationCase } from '../../core/kinds/violation';
import type { Case } from '../../core/model';

/** Who reads a case: their person id and their roles in its group. */
export interface Reader {
  id: string;
  roles: GroupRole[];
}

interface ViewRules {
  title(c: Case): string;
  /** Stored file ids by field, shown to those who may see the case as expiring links. */
  files?(c: Case): Record<string, string[]>;
  /** Chat-record backups the case cites (§6.2), shown in the detail view with their citations. */
  backups?(c: Case): string[];
  /** The citations as frozen when they were made (absent on older cases: then read from the backups). */
  citations?(c: Case): BackupCitation[] | undefined;
  /** Each attached image's content check by file id (absent: not checked, shown as passed). */
  media?(c: Case): Record<string, MediaState> | undefined;
  /** Who uploaded the files of a field (sees them while their check is pending, as the admins do). */
  uploader?(c: Case, field: string): string;
  /** Facts computed for the reader at `now` (e.g. why an appeal is closed), merged into the view's data. */
  viewData?(c: Case, now: number, reader: Reader): Record<string, unknown>;
  /** People this reader may not learn of (an anonymous sender): shown as 一位群成员 wherever they would appear. */
  masked?(c: Case, reader: Reader): string[];
  /** Everyone some reader of the case may not learn of: `masked` picks from these. */
  maskable?(c: Case): string[];
  /** Data fields never shown to the client. */
  hidden?: string[];
}

export interface KindRules extends ViewRules {
  /** The commands the caller may issue now: the kind's table, through the one interpreter. */
  allowed(c: Case, actor: CaseActor, now: number): CaseCommand[];
}

const task: ViewRules = { title: (c) => (c as TaskCase).data.instruction };

const views: Record<CaseKind, ViewRules> = {
  rename: { title: (c) => `改名为“${(c as RenameCase).data.nickname}”` },
  naming_fix: task,
  onboard: task,
  offboard: task,
  guest: {
    title: (c) => {
      const d = (c as GuestCase).data;
      return `${d.guestName}（外部，${d.organisation}）临时入群至 ${d.endDate}`;
    },
  },
  admin_filing: {
    title: (c) => {
      const d = (c as AdminFilingCase).data;
      return `${d.subjectName} 任管理员（${d.how === 'appointed' ? '指定' : '选举'}）`;
    },
  },
  admin_change: {
    title: (c) => {
      const d = (c as AdminChangeCase).data;
      return `管理员由 ${d.subjectName} 变更为 ${d.successorName}`;
    },
  },
  election: { title: (c) => `选举「${(c as ElectionCase).data.groupName}」管理员` },
  record_access: {
    // Storage file ids stay on the server; the grant page shows the files.
    hidden: ['files'],
    title: (c) => {
      const d = (c as RecordAccessCase).data;
      return `查阅 ${d.from} 至 ${d.to} 的聊天记录`;
    },
  },
  backup_due: { title: (c) => `备份「${(c as BackupDueCase).data.groupName}」的聊天记录` },
  departure: {
    title: (c) => {
      const d = (c as DepartureCase).data;
      return `${d.subjectName}（${d.deptName}）离职`;
    },
  },
  violation: {
    title: (c) => violationTitle(c as ViolationCase),
    files: (c) => {
      const d = (c as ViolationCase).data;
      return { evidence: d.evidence, appealEvidence: d.appeal?.evidence ?? [] };
    },
    backups: (c) => (c as ViolationCase).data.backupIds ?? [],
    citations: (c) => (c as ViolationCase).data.citations?.map(({ backupId, citation }) => ({ backupId, citation })),
    media: (c) => (c as ViolationCase).data.media,
    // Evidence is the admin's who opened the case (only their own uploads attach); appeal material the member's.
    uploader: (c, field) => (field === 'appealEvidence' ? c.subjectId : c.openedBy),
    viewData: (c, now) => {
      const { appeal } = (c as ViolationCase).data;
      // The appeal's images reach the reader as links (links.appealEvidence), never as file ids.
      return { appealClosedReason: appealClosedReason(c as ViolationCase, now), appeal: appeal && { reasons: appeal.reasons, at: appeal.at, reviewers: appeal.reviewers } };
    },
    hidden: ['evidence', 'backupIds', 'citations', 'media'],
  },
  emergency: {
    title: (c) => (c as EmergencyCase).data.title,
    files: (c) => ({ images: (c as EmergencyCase).data.images }),
    media: (c) => (c as EmergencyCase).data.media,
    uploader: (c) => c.openedBy,
    viewData: (c, _now, reader) => {
      const d = (c as EmergencyCase).data;
      return { alertedCount: Object.keys(d.alerts).length, mine: d.assignments.filter((a) => a.personId === reader.id).at(-1) ?? null };
    },
    // Notification ids of the alerts stay on the server: emergencies.reach answers who was reached.
    hidden: ['images', 'media', 'alerts'],
  },
  feedback: {
    title: (c) => {
      const d = (c as FeedbackCase).data;
      return `${d.category}：${[...d.text].length > 24 ? `${[...d.text].slice(0, 23).join('')}…` : d.text}`;
    },
    files: (c) => ({ images: (c as FeedbackCase).data.images }),
    media: (c) => (c as FeedbackCase).data.media,
    uploader: (c) => c.subjectId,
    masked: feedbackMasked,
    maskable: feedbackMaskable,
    viewData: (c, _now, reader) => {
      const d = (c as FeedbackCase).data;
      const hidden = feedbackMasked(c, reader).includes(c.subjectId);
      return {
        sender: hidden ? null : { id: c.subjectId, name: d.senderName },
        mine: reader.id === c.subjectId,
        seconds: d.seconders.length,
        secondedByMe: d.seconders.includes(reader.id),
        forwardedTo: d.forwardedTo && { id: d.forwardedTo.personId, name: d.forwardedTo.name, role: d.forwardedTo.role },
        answer: d.answer && { text: d.answer.text, byName: d.answer.byName, at: d.answer.at },
      };
    },
    hidden: ['senderName', 'seconders', 'images', 'media', 'forwardedTo', 'answer'],
  },
};

/**
 * 对处理部门匿名: only the sender and the group's admins may learn who sent feedback. Everyone else
 * (whom it is forwarded to, the leader, the owner) sees 一位群成员 for an anonymous sender, and for
 * every member who seconded it (附议 is counted, not named).
 */
export function feedbackMasked(c: Case, reader: Reader): string[] {
  if (reader.id === c.subjectId || reader.roles.includes('admin')) return [];
  return feedbackMaskable(c).filter((id) => id !== reader.id);
}

function feedbackMaskable(c: Case): string[] {
  const d = (c as FeedbackCase).data;
  return [...(d.anonymous ? [c.subjectId] : []), ...d.seconders];
}

/**
 * Whether some reader of the case may not learn of this person: a message that reaches several
 * readers at once (a nudge) then calls them 一位群成员 rather than naming them.
 */
export function maskedFromSomeone(c: Case, personId: string): boolean {
  return kinds[c.kind].maskable?.(c).includes(personId) ?? false;
}

const fromTable = (c: Case, actor: CaseActor, now: number) => allowed(kindOf(c), c, actor, now);

export const kinds = Object.fromEntries(Object.entries(views).map(([k, v]) => [k, { ...v, allowed: fromTable }])) as Record<CaseKind, KindRules>;
