// A request to read a group's chat records (§6.2).
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
import type { GrantedFile, RecordAccessData, SettingsValues } from '../../contract';
import { audience, defineKind, openCase, refuse, remindThenEscalate, type KindContext, type Transition } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';
import { adminsElseLeaders, alreadyDecided, othersThan, rejectWithReason, withdrawBySubject } from './common';

export type { GrantedFile, RecordAccessData };
export type RecordAccessCase = Case<RecordAccessData>;

/** The commands as the server issues them (approve's expiry and backups are computed there). */
export type RecordAccessCommand =
  | { type: 'approve'; expiresAt: number; backupIds: string[]; files?: GrantedFile[]; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'withdraw' }
  | { type: 'revoke'; reason?: string }
  | { type: 'timeout' };

const DAY = 86_400_000;

/** The part of a backup a grant keeps. */
export function grantedFile(b: GrantedFile): GrantedFile {
  return { _id: b._id, from: b.from, to: b.to, storage: b.storage, fileId: b.fileId, fileName: b.fileName, location: b.location, sha256: b.sha256 };
}

/** Admins other than the member; the leaders when no other admin exists. */
export const accessDeciders = adminsElseLeaders;

/** A grant lasts `days` from the approval, never beyond the configured maximum. */
export function grantExpiry(now: number, days: number, access: SettingsValues['access']): number | null {
  if (!Number.isInteger(days) || days < 1 || days > access.maxDays) return null;
  return now + days * DAY;
}

/** Links may be issued only while approved and before the expiry. */
export function isGrantActive(c: RecordAccessCase, now: number): boolean {
  return c.state === 'approved' && typeof c.data.expiresAt === 'number' && c.data.expiresAt > now;
}

const range = (c: RecordAccessCase) => `${c.data.from} 至 ${c.data.to}`;

const deciders = ['assignee', 'admin'] as const;

const approve: Transition<RecordAccessCase> = {
  who: deciders,
  notSubject: true,
  to: 'approved',
  check: (_c, cmd, env) => {
    const expiresAt = cmd.expiresAt as number;
    const max = env.now + env.settings.access.maxDays * DAY;
    if (!(expiresAt > env.now) || expiresAt > max) return refuse('EXPIRY_INVALID', `有效期最长 ${env.settings.access.maxDays} 天，请重新选择`);
    return null;
  },
  then: (c, cmd) => {
    const expiresAt = cmd.expiresAt as number;
    const backupIds = cmd.backupIds as string[];
    const files = cmd.files as GrantedFile[] | undefined;
    const note = cmd.note as string | undefined;
    const until = formatShanghai(expiresAt, 'YYYY-MM-DD HH:mm');
    return {
      action: 'approve',
      note: [`授权至 ${until}，共 ${backupIds.length} 份备份`, note].filter(Boolean).join('；'),
      // Open until the expiry, waiting on nobody: the scheduler wakes it to expire.
      assignees: [],
      dueAt: null,
      wakeAt: expiresAt,
      escalation: 0,
      data: { expiresAt, backupIds: [...backupIds], ...(files ? { files: files.map(grantedFile) } : {}), ...(note ? { note } : {}) },
      notify: [
        {
          to: c.subjectId,
          purpose: 'caseDecided',
          title: '查阅申请已通过',
          body: `可查阅「${c.data.groupName}」${range(c)} 的 ${backupIds.length} 份备份，有效期至 ${until}。请遵守保密承诺。`,
        },
      ],
    };
  },
};

const baseReject = rejectWithReason<RecordAccessCase>({ who: deciders, notSubject: true, field: 'reason', title: '查阅申请未通过' });
const reject: Transition<RecordAccessCase> = {
  ...baseReject,
  // This kind always noted the trimmed reason (rename notes it as typed).
  then: (c, cmd, env) => baseReject.then(c, { ...cmd, reason: String(cmd.reason).trim() }, env),
};

const revoke: Transition<RecordAccessCase> = {
  // In the approved state the assignees are nobody; the leader may revoke without being alerted.
  who: ['assignee', 'admin', 'leader'],
  notSubject: true,
  to: 'revoked',
  // A check, not a guard: the page still offers revoke past the expiry until the scheduler expires it.
  check: (c, _cmd, env) => (isGrantActive(c, env.now) ? null : refuse('ACCESS_NOT_ACTIVE')),
  then: (c, cmd) => {
    const reason = (typeof cmd.reason === 'string' && cmd.reason.trim()) || undefined;
    return {
      action: 'revoke',
      note: reason,
      data: reason ? { reason } : {},
      notify: [
        {
          to: c.subjectId,
          purpose: 'caseDecided',
          title: '查阅授权已撤销',
          body: `「${c.data.groupName}」${range(c)} 的查阅授权已被提前撤销${reason ? `，理由：${reason}` : ''}`,
        },
      ],
    };
  },
};

const expire: Transition<RecordAccessCase> = {
  who: ['system'],
  to: 'expired',
  then: (c) => ({
    action: 'expire',
    notify: [{ to: c.subjectId, purpose: 'reminder', title: '查阅授权已到期', body: `「${c.data.groupName}」${range(c)} 的查阅授权已到期，下载链接不再可用` }],
  }),
};

export const recordAccessKind = defineKind<RecordAccessCase>({
  kind: 'record_access',
  initial: 'submitted',
  // A batch approval grants the default period (settings.access.defaultDays).
  batch: { approve: 'approve', reject: 'reject' },
  states: {
    submitted: {
      open: true,
      on: {
        approve,
        reject,
        withdraw: withdrawBySubject(),
        timeout: remindThenEscalate<RecordAccessCase>({
          remind: {
            deadline: 'access.adminDays',
            to: (c) => audience(c.assignees, null),
            title: '查阅申请已超期',
            body: (c, due) => `${c.data.subjectName} 查阅「${c.data.groupName}」聊天记录的申请已超过处理期限，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前处理`,
          },
          escalate: {
            to: (c, ctx) => othersThan(ctx.leaders, c.subjectId),
            assign: true,
            title: '查阅申请超期未处理',
            body: (c) => `「${c.data.groupName}」管理员超期未处理 ${c.data.subjectName} 的聊天记录查阅申请`,
          },
        }),
      },
    },
    approved: { open: true, on: { revoke, timeout: expire } },
    rejected: { open: false, on: {} },
    withdrawn: { open: false, on: {} },
    revoked: { open: false, on: {} },
    expired: { open: false, on: {} },
  },
  // A revoke with no grant to revoke says so; a decision on a decided request says what became of it.
  outOfState: (c, cmd) => (cmd.type === 'revoke' ? refuse('ACCESS_NOT_ACTIVE') : alreadyDecided(c, cmd, ['approve', 'reject'])),
});

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
  ctx: KindContext;
}): RecordAccessCase {
  const { ctx } = input;
  const assignees = accessDeciders(input.subjectId, ctx.admins, ctx.leaders);
  return openCase(recordAccessKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.subjectId,
    openedBy: input.subjectId,
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
    by: input.subjectId,
    ctx,
    deadline: 'access.adminDays',
    step: ({ due }) => ({
      action: 'submit',
      note: `查阅 ${input.from} 至 ${input.to}；目的：${input.purpose}；已签署保密承诺`,
      assignees,
      notify: assignees.map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '新的聊天记录查阅申请',
        body: `${input.subjectName} 申请查阅「${input.groupName}」${input.from} 至 ${input.to} 的聊天记录，请于 ${formatShanghai(due!.dueAt, 'M月D日')} 前处理`,
      })),
    }),
  });
}
