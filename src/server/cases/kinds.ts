// What the server adds to each kind's table (core/kinds): how a case of the kind is shown — its
// title in lists, its stored files and cited backups, facts computed for the reader, and the data
// fields never sent to a client. What may be done with it comes from the table alone.
import type { CaseCommand, CaseKind } from '../../contract';
import { allowed, type CaseActor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { AdminChangeCase } from '../../core/kinds/admin-change';
import type { AdminFilingCase } from '../../core/kinds/admin-filing';
import type { BackupDueCase } from '../../core/kinds/backup-due';
import type { DepartureCase } from '../../core/kinds/departure';
import type { ElectionCase } from '../../core/kinds/election';
import type { GuestCase } from '../../core/kinds/guest';
import type { RecordAccessCase } from '../../core/kinds/record-access';
import type { RenameCase } from '../../core/kinds/rename';
import type { TaskCase } from '../../core/kinds/task';
import { appealClosedReason, violationTitle, type ViolationCase } from '../../core/kinds/violation';
import type { Case } from '../../core/model';

interface ViewRules {
  title(c: Case): string;
  /** Stored file ids by field, shown to those who may see the case as expiring links. */
  files?(c: Case): Record<string, string[]>;
  /** Chat-record backups the case cites (§6.2), shown in the detail view with their citations. */
  backups?(c: Case): string[];
  /** Facts computed for the reader at `now` (e.g. why an appeal is closed), merged into the view's data. */
  viewData?(c: Case, now: number): Record<string, unknown>;
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
    viewData: (c, now) => {
      const { appeal } = (c as ViolationCase).data;
      // The appeal's images reach the reader as links (links.appealEvidence), never as file ids.
      return { appealClosedReason: appealClosedReason(c as ViolationCase, now), appeal: appeal && { reasons: appeal.reasons, at: appeal.at, reviewers: appeal.reviewers } };
    },
    hidden: ['evidence', 'backupIds'],
  },
};

const fromTable = (c: Case, actor: CaseActor, now: number) => allowed(kindOf(c), c, actor, now);

export const kinds = Object.fromEntries(Object.entries(views).map(([k, v]) => [k, { ...v, allowed: fromTable }])) as Record<CaseKind, KindRules>;
