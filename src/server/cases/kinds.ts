// Each case kind's pure rules, looked up by `kind`.
import type { CaseCommand, CaseKind, SettingsValues } from '../../contract';
import { adminChangeAllowed, decideAdminChange, type AdminChangeCase } from '../../core/admin-change';
import { adminFilingAllowed, type AdminFilingCase } from '../../core/admin-filing';
import { backupDueAllowed, decideBackupDue, type BackupDueCase } from '../../core/backup-due';
import type { CaseActor, Decision } from '../../core/case';
import type { DepartureCase } from '../../core/departure';
import { decideElection, electionAllowed, type ElectionCase } from '../../core/election';
import { decideGuest, guestAllowed, type GuestCase } from '../../core/guest';
import type { Case } from '../../core/model';
import { decideRecordAccess, recordAccessAllowed, type RecordAccessCase } from '../../core/record-access';
import { decideRename, renameAllowed, type RenameCase } from '../../core/rename';
import { decideTask, taskAllowed, type TaskCase } from '../../core/task';
import { appealClosedReason, decideViolation, violationAllowed, violationTitle, type ViolationCase } from '../../core/violation';

export interface KindContext {
  now: number;
  settings: SettingsValues;
  admins: string[];
  leaders: string[];
}

export interface KindRules {
  allowed(c: Case, actor: CaseActor, now: number): CaseCommand[];
  timeout(c: Case, ctx: KindContext): Decision<Case>;
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

const SYSTEM: CaseActor = { id: null, rolesInGroup: [] };
const noTimeout = (): Decision<Case> => ({ ok: false, code: 'CASE_NOT_OPEN' });
const task: KindRules = {
  allowed: (c, actor) => taskAllowed(c as TaskCase, actor),
  timeout: (c, ctx) => decideTask(c as TaskCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
  title: (c) => (c as TaskCase).data.instruction,
};

export const kinds: Record<CaseKind, KindRules> = {
  rename: {
    allowed: (c, actor) => renameAllowed(c as RenameCase, actor),
    timeout: (c, ctx) => decideRename(c as RenameCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => `改名为“${(c as RenameCase).data.nickname}”`,
  },
  naming_fix: task,
  onboard: task,
  offboard: task,
  guest: {
    allowed: (c, actor) => guestAllowed(c as GuestCase, actor),
    timeout: (c, ctx) => decideGuest(c as GuestCase, { type: 'timeout', admins: ctx.admins }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => {
      const d = (c as GuestCase).data;
      return `${d.guestName}（外部，${d.organisation}）临时入群至 ${d.endDate}`;
    },
  },
  admin_filing: {
    allowed: (c, actor) => adminFilingAllowed(c as AdminFilingCase, actor),
    timeout: noTimeout,
    title: (c) => {
      const d = (c as AdminFilingCase).data;
      return `${d.subjectName} 任管理员（${d.how === 'appointed' ? '指定' : '选举'}）`;
    },
  },
  admin_change: {
    allowed: (c, actor) => adminChangeAllowed(c as AdminChangeCase, actor),
    timeout: (c, ctx) => decideAdminChange(c as AdminChangeCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => {
      const d = (c as AdminChangeCase).data;
      return `管理员由 ${d.subjectName} 变更为 ${d.successorName}`;
    },
  },
  election: {
    allowed: (c, actor, now) => electionAllowed(c as ElectionCase, actor, now),
    timeout: (c, ctx) => decideElection(c as ElectionCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => `选举「${(c as ElectionCase).data.groupName}」管理员`,
  },
  record_access: {
    allowed: (c, actor) => recordAccessAllowed(c as RecordAccessCase, actor),
    // Storage file ids stay on the server; the grant page shows the files.
    hidden: ['files'],
    timeout: (c, ctx) => decideRecordAccess(c as RecordAccessCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => {
      const d = (c as RecordAccessCase).data;
      return `查阅 ${d.from} 至 ${d.to} 的聊天记录`;
    },
  },
  backup_due: {
    allowed: (c, actor) => backupDueAllowed(c as BackupDueCase, actor),
    timeout: (c, ctx) => decideBackupDue(c as BackupDueCase, { type: 'timeout' }, ctx) as Decision<Case>,
    title: (c) => `备份「${(c as BackupDueCase).data.groupName}」的聊天记录`,
  },
  departure: {
    allowed: () => [],
    timeout: noTimeout,
    title: (c) => {
      const d = (c as DepartureCase).data;
      return `${d.subjectName}（${d.deptName}）离职`;
    },
  },
  violation: {
    allowed: (c, actor, now) => violationAllowed(c as ViolationCase, actor, now),
    timeout: (c, ctx) => decideViolation(c as ViolationCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => violationTitle(c as ViolationCase),
    files: (c) => {
      const d = (c as ViolationCase).data;
      return { evidence: d.evidence, appealEvidence: d.appeal?.evidence ?? [] };
    },
    backups: (c) => (c as ViolationCase).data.backupIds ?? [],
    viewData: (c, now) => ({ appealClosedReason: appealClosedReason(c as ViolationCase, now) }),
    hidden: ['evidence', 'backupIds'],
  },
};
