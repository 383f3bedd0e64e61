// A request to read a group's chat records (§6.2), as a state machine you can read top to bottom.
//
//   submitted ──approve──▶ approved     (an admin of the group, or the leader once alerted; with an
//                                         expiry, granting exactly the backups overlapping the range)
//   submitted ──reject───▶ rejected     (same deciders; a reason is required)
//   submitted ──withdraw─▶ withdrawn    (the member who asked)
//   submitted ──timeout──▶ submitted    (1st: remind the admins; 2nd: alert the leader)
//   approved  ──revoke───▶ revoked      (an admin or the leader, before the expiry)
//   approved  ──timeout──▶ expired      (the scheduler, at the expiry)
//
// While approved the case stays "open" for the scheduler (it must expire) but waits on nobody.
import type { CaseCommand, SettingsValues } from '../contract';
import { STATE_LABELS } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { BackupDoc, Case } from './model';
import { formatShanghai } from './time';

export interface RecordAccessData extends Record<string, unknown> {
  groupName: string;
  subjectName: string;
  from: string;
  to: string;
  purpose: string;
  /** The pledge text the member ticked, as it read then. */
  pledge: string;
  requestId: string;
  /** Set on approval. */
  expiresAt?: number;
  backupIds?: string[];
  /**
   * The granted backups as they were read at approval. Their periods and files never change, so the
   * grant page and its links need no backup reads. Cases approved before this field existed lack it.
   */
  files?: GrantedFile[];
  note?: string;
  reason?: string;
}
export type RecordAccessCase = Case<RecordAccessData>;
export type GrantedFile = Pick<BackupDoc, '_id' | 'from' | 'to' | 'storage' | 'fileId' | 'fileName' | 'location' | 'sha256'>;

/** The part of a backup a grant keeps. */
export function grantedFile(b: GrantedFile): GrantedFile {
  return { _id: b._id, from: b.from, to: b.to, storage: b.storage, fileId: b.fileId, fileName: b.fileName, location: b.location, sha256: b.sha256 };
}

export type RecordAccessCommand =
  | { type: 'approve'; expiresAt: number; backupIds: string[]; files?: GrantedFile[]; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw' }
  | { type: 'revoke'; reason?: string }
  | { type: 'timeout' };

export interface RecordAccessContext {
  now: number;
  settings: SettingsValues;
  admins: string[];
  leaders: string[];
}

export const recordAccessMachine = {
  submitted: {
    open: true,
    commands: {
      approve: { who: 'decider', to: 'approved' },
      reject: { who: 'decider', to: 'rejected', needs: 'reason' },
      withdraw: { who: 'subject', to: 'withdrawn' },
      timeout: { who: 'system', to: 'submitted' },
    },
  },
  approved: {
    open: true,
    commands: {
      revoke: { who: 'decider', to: 'revoked' },
      timeout: { who: 'system', to: 'expired' },
    },
  },
  rejected: { open: false, commands: {} },
  withdrawn: { open: false, commands: {} },
  revoked: { open: false, commands: {} },
  expired: { open: false, commands: {} },
} as const;
export type RecordAccessState = keyof typeof recordAccessMachine;

const DAY = 86_400_000;

/** Admins other than the member; the leaders when no other admin exists. */
export function accessDeciders(subjectId: string, admins: string[], leaders: string[]): string[] {
  const others = admins.filter((a) => a !== subjectId);
  return others.length ? others : leaders.filter((l) => l !== subjectId);
}

/** A grant lasts `days` from the approval, never beyond the configured maximum. */
export function grantExpiry(now: number, days: number, access: SettingsValues['access']): number | null {
  if (!Number.isInteger(days) || days < 1 || days > access.maxDays) return null;
  return now + days * DAY;
}

/** Links may be issued only while approved and before the expiry. */
export function isGrantActive(c: RecordAccessCase, now: number): boolean {
  return c.state === 'approved' && typeof c.data.expiresAt === 'number' && c.data.expiresAt > now;
}

export function openRecordAccess(input: {
  id: string;
  groupId: string;
  subjectId: string;
  from: string;
  to: string;
  purpose: string;
  pledge: string;
  requestId: string;
  groupName: string;
  subjectName: string;
  settingsVersion: number;
  ctx: RecordAccessContext;
}): RecordAccessCase {
  const { ctx } = input;
  const deciders = accessDeciders(input.subjectId, ctx.admins, ctx.leaders);
  const dueAt = deadlineAfter(ctx.now, ctx.settings.access.adminDays, ctx.settings.calendar);
  const empty = blankCase<RecordAccessCase>({
    _id: input.id,
    kind: 'record_access',
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
    state: 'submitted',
    data: {
      groupName: input.groupName,
      subjectName: input.subjectName,
      from: input.from,
      to: input.to,
      purpose: input.purpose,
      pledge: input.pledge,
      requestId: input.requestId,
    },
    settingsVersion: input.settingsVersion,
    now: ctx.now,
  });
  return step(
    empty,
    {
      action: 'submit',
      by: input.subjectId,
      to: 'submitted',
      open: true,
      note: `查阅 ${input.from} 至 ${input.to}；目的：${input.purpose}；已签署保密承诺`,
      assignees: deciders,
      ...deadlineFields(dueAt, ctx.settings.calendar),
      notify: deciders.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '新的聊天记录查阅申请',
        body: `${input.subjectName} 申请查阅「${input.groupName}」${input.from} 至 ${input.to} 的聊天记录，请于 ${formatShanghai(dueAt, 'M月D日')} 前处理`,
      })),
    },
    ctx.now,
  );
}

function mayDecide(c: RecordAccessCase, actor: CaseActor): boolean {
  if (!actor.id || actor.id === c.subjectId) return false;
  if (c.assignees.includes(actor.id)) return true;
  return actor.rolesInGroup.includes('admin') || (c.state === 'approved' && actor.rolesInGroup.includes('leader'));
}

/** What the caller may do now; a grant past its expiry but not yet expired by the scheduler still refuses at decide. */
export function recordAccessAllowed(c: RecordAccessCase, actor: CaseActor): CaseCommand[] {
  if (c.state === 'submitted') {
    if (actor.id === c.subjectId) return ['withdraw'];
    return mayDecide(c, actor) ? ['approve', 'reject'] : [];
  }
  if (c.state === 'approved' && mayDecide(c, actor)) return ['revoke'];
  return [];
}

export function decideRecordAccess(
  c: RecordAccessCase,
  cmd: RecordAccessCommand,
  actor: CaseActor,
  ctx: RecordAccessContext,
): Decision<RecordAccessCase> {
  const { now } = ctx;
  const state = recordAccessMachine[c.state as RecordAccessState];
  if (!state) return { ok: false, code: 'INTERNAL' };
  const rule = (state.commands as Record<string, { who: string }>)[cmd.type];
  if (!rule) {
    if (cmd.type === 'approve' || cmd.type === 'reject') {
      return {
        ok: false,
        code: 'CASE_ALREADY_DECIDED',
        message: `该申请已${c.state === 'withdrawn' ? '被申请人撤回' : `处理（${STATE_LABELS[c.state]}）`}，请刷新查看最新结果`,
      };
    }
    if (cmd.type === 'revoke') return { ok: false, code: 'ACCESS_NOT_ACTIVE' };
    return { ok: false, code: 'CASE_NOT_OPEN' };
  }
  const d = c.data;
  const range = `${d.from} 至 ${d.to}`;
  switch (cmd.type) {
    case 'approve': {
      if (!mayDecide(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      const max = now + ctx.settings.access.maxDays * DAY;
      if (!(cmd.expiresAt > now) || cmd.expiresAt > max) {
        return { ok: false, code: 'EXPIRY_INVALID', message: `有效期最长 ${ctx.settings.access.maxDays} 天，请重新选择` };
      }
      const until = formatShanghai(cmd.expiresAt, 'YYYY-MM-DD HH:mm');
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'approve',
            by: actor.id,
            to: 'approved',
            open: true,
            note: [`授权至 ${until}，共 ${cmd.backupIds.length} 份备份`, cmd.note].filter(Boolean).join('；'),
            assignees: [],
            dueAt: null,
            wakeAt: cmd.expiresAt,
            escalation: 0,
            data: { expiresAt: cmd.expiresAt, backupIds: [...cmd.backupIds], ...(cmd.files ? { files: cmd.files.map(grantedFile) } : {}), ...(cmd.note ? { note: cmd.note } : {}) },
            notify: [
              {
                to: c.subjectId,
                purpose: 'caseDecided',
                title: '查阅申请已通过',
                body: `可查阅「${d.groupName}」${range} 的 ${cmd.backupIds.length} 份备份，有效期至 ${until}。请遵守保密承诺。`,
              },
            ],
          },
          now,
        ),
      };
    }
    case 'reject': {
      if (!mayDecide(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      const reason = cmd.reason.trim();
      if (!reason) return { ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' };
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'reject',
            by: actor.id,
            to: 'rejected',
            open: false,
            note: reason,
            assignees: [],
            wakeAt: null,
            data: { reason },
            notify: [{ to: c.subjectId, purpose: 'caseDecided', title: '查阅申请未通过', body: `理由：${reason}` }],
          },
          now,
        ),
      };
    }
    case 'withdraw': {
      if (actor.id !== c.subjectId) return { ok: false, code: 'FORBIDDEN' };
      return { ok: true, case: step(c, { action: 'withdraw', by: actor.id, to: 'withdrawn', open: false, assignees: [], wakeAt: null }, now) };
    }
    case 'revoke': {
      if (!mayDecide(c, actor)) return { ok: false, code: 'FORBIDDEN' };
      if (!isGrantActive(c, now)) return { ok: false, code: 'ACCESS_NOT_ACTIVE' };
      const reason = cmd.reason?.trim() || undefined;
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'revoke',
            by: actor.id,
            to: 'revoked',
            open: false,
            note: reason,
            wakeAt: null,
            data: reason ? { reason } : {},
            notify: [
              {
                to: c.subjectId,
                purpose: 'caseDecided',
                title: '查阅授权已撤销',
                body: `「${d.groupName}」${range} 的查阅授权已被提前撤销${reason ? `，理由：${reason}` : ''}`,
              },
            ],
          },
          now,
        ),
      };
    }
    case 'timeout': {
      // A stale timer (the case moved on) does nothing.
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: 'CASE_NOT_OPEN' };
      if (c.state === 'approved') {
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'expire',
              by: null,
              to: 'expired',
              open: false,
              wakeAt: null,
              notify: [{ to: c.subjectId, purpose: 'reminder', title: '查阅授权已到期', body: `「${d.groupName}」${range} 的查阅授权已到期，下载链接不再可用` }],
            },
            now,
          ),
        };
      }
      if (c.escalation === 0) {
        const dueAt = deadlineAfter(now, ctx.settings.access.adminDays, ctx.settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'remind',
              by: null,
              to: 'submitted',
              open: true,
              escalation: 1,
              ...deadlineFields(dueAt, ctx.settings.calendar),
              notify: audience(c.assignees, null).map((to) => ({
                to,
                purpose: 'reminder' as const,
                title: '查阅申请已超期',
                body: `${d.subjectName} 查阅「${d.groupName}」聊天记录的申请已超过处理期限，请于 ${formatShanghai(dueAt, 'M月D日')} 前处理`,
              })),
            },
            now,
          ),
        };
      }
      const leaders = ctx.leaders.filter((l) => l !== c.subjectId);
      return {
        ok: true,
        case: step(
          c,
          {
            action: 'escalate',
            by: null,
            to: 'submitted',
            open: true,
            escalation: 2,
            wakeAt: null,
            assignees: audience([...c.assignees, ...leaders], null),
            notify: leaders.map((to) => ({
              to,
              purpose: 'escalation' as const,
              title: '查阅申请超期未处理',
              body: `「${d.groupName}」管理员超期未处理 ${d.subjectName} 的聊天记录查阅申请`,
            })),
          },
          now,
        ),
      };
    }
  }
}
