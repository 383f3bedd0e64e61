// Each case kind's pure rules, looked up by `kind`.
import type { CaseCommand, CaseKind, SettingsValues } from '../contract';
import { backupDueAllowed, decideBackupDue, type BackupDueCase } from '../core/backup-due';
import type { CaseActor, Decision } from '../core/case';
import type { Case } from '../core/model';
import { decideRecordAccess, recordAccessAllowed, type RecordAccessCase } from '../core/record-access';
import { decideRename, renameAllowed, type RenameCase } from '../core/rename';

export interface KindContext {
  now: number;
  settings: SettingsValues;
  admins: string[];
  leaders: string[];
}

export interface KindRules {
  allowed(c: Case, actor: CaseActor): CaseCommand[];
  timeout(c: Case, ctx: KindContext): Decision<Case>;
  title(c: Case): string;
}

const SYSTEM: CaseActor = { id: null, rolesInGroup: [] };

export const kinds: Record<CaseKind, KindRules> = {
  rename: {
    allowed: (c, actor) => renameAllowed(c as RenameCase, actor),
    timeout: (c, ctx) => decideRename(c as RenameCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => `改名为“${(c as RenameCase).data.nickname}”`,
  },
  record_access: {
    allowed: (c, actor) => recordAccessAllowed(c as RecordAccessCase, actor),
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
};
