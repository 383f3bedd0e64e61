// Every action the functions answer: input schema, result type and who may call it.
// The client and the cloud functions import these same definitions.
import * as z from 'zod/mini';
import type { ErrorCode } from './errors';
import type { Role } from './roles';
import type {
  AccessGrantView,
  BackupView,
  CaseView,
  FileAccessView,
  GroupBackups,
  NotificationView,
  Page,
  RenamePreview,
  WhoAmI,
} from './model';
import { settingsValuesSchema, type SettingsView } from './settings';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/));
/** Free text a person writes: trimmed length checked by handlers, control characters refused here. */
const text = (max: number) =>
  z.string().check(z.maxLength(max), z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/));
const paging = {
  offset: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
};

export const REASON_MAX = 200;
export const PURPOSE_MAX = 200;
export const LOCATION_MAX = 120;
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const requestId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
/** A stored file id: the local host's `local:<hex>` or a `cloud://` id; the server checks it is its own. */
const fileId = z.string().check(z.minLength(1), z.maxLength(600), z.regex(/^[^\s]+$/));
export const NICKNAME_MAX_INPUT = 40;

export const actions = {
  'session.whoami': {
    input: z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我是谁：身份、所在的群和角色',
  },
  'rename.preview': {
    input: z.strictObject({ groupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '我在某群应使用的规范群昵称及原因',
  },
  'rename.submit': {
    input: z.strictObject({
      groupId: id,
      nickname: text(NICKNAME_MAX_INPUT),
      note: z.optional(text(REASON_MAX)),
      /** Client-made id so a retried tap files one request, not two. */
      requestId: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
    }),
    roles: ['member', 'admin'],
    summary: '提交改名申请',
  },
  'rename.withdraw': {
    input: z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '撤回自己的改名申请',
  },
  'rename.approve': {
    input: z.strictObject({ caseId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '批准改名申请',
  },
  'rename.reject': {
    input: z.strictObject({ caseId: id, reason: text(REASON_MAX) }),
    roles: ['admin', 'leader'],
    summary: '驳回改名申请（须填写理由）',
  },
  'backups.register': {
    input: z.strictObject({
      groupId: id,
      from: isoDate,
      to: isoDate,
      storage: z.enum(['cloud', 'local']),
      /** Uploaded file (storage cloud): the id storage gave the client. The server computes its SHA-256. */
      fileId: z.optional(fileId),
      fileName: z.optional(text(120)),
      /** Local storage (storage local): where the backup is kept. */
      location: z.optional(text(LOCATION_MAX)),
      /** Who made the backup; the caller when omitted. */
      madeBy: z.optional(id),
      note: z.optional(text(REASON_MAX)),
      requestId,
    }),
    roles: ['admin'],
    summary: '登记一份群聊记录备份（§6.1）',
  },
  'backups.list': {
    input: z.strictObject({ groupId: id }),
    roles: ['admin', 'leader'],
    summary: '某群的备份、覆盖时间线与下次备份日期',
  },
  'backups.get': {
    input: z.strictObject({ backupId: id }),
    roles: ['admin', 'leader'],
    summary: '一份备份及其完整记录',
  },
  'backups.verify': {
    input: z.strictObject({ backupId: id }),
    roles: ['admin'],
    summary: '重新计算备份文件的 SHA-256，检查是否完整',
  },
  'backups.cite': {
    input: z.strictObject({ backupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '引用备份作为依据时注明出处（§6.2）',
  },
  'records.request': {
    input: z.strictObject({
      groupId: id,
      from: isoDate,
      to: isoDate,
      purpose: text(PURPOSE_MAX),
      /** The confidentiality pledge was ticked: without it there is no request (PLEDGE_REQUIRED). */
      pledge: z.boolean(),
      requestId,
    }),
    roles: ['member', 'admin'],
    summary: '申请查阅群聊记录（须勾选保密承诺）',
  },
  'records.withdraw': {
    input: z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '撤回自己的查阅申请',
  },
  'records.approve': {
    input: z.strictObject({ caseId: id, days: z.int().check(z.minimum(1), z.maximum(365)), note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '批准查阅申请并设定有效期',
  },
  'records.reject': {
    input: z.strictObject({ caseId: id, reason: text(REASON_MAX) }),
    roles: ['admin', 'leader'],
    summary: '驳回查阅申请（须填写理由）',
  },
  'records.revoke': {
    input: z.strictObject({ caseId: id, reason: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '提前撤销查阅授权',
  },
  'records.grant': {
    input: z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '查阅授权：可下载的备份与有效期',
  },
  'records.link': {
    input: z.strictObject({ caseId: id, backupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '获取一份备份的限时下载链接（记入查阅日志）',
  },
  'records.log': {
    input: z.strictObject({ caseId: id }),
    roles: ['admin', 'leader'],
    summary: '查阅日志：谁在何时获取链接、下载了什么',
  },
  'cases.mine': {
    input: z.strictObject({ ...paging }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我提交的或与我有关的事项',
  },
  'cases.get': {
    input: z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '事项详情及完整记录',
  },
  'inbox.list': {
    input: z.strictObject({ ...paging }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '等我处理的事项，截止时间最早的在前',
  },
  'notifications.list': {
    input: z.strictObject({ ...paging, unreadOnly: z.optional(z.boolean()) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '站内消息',
  },
  'notifications.read': {
    input: z.strictObject({ ids: z.array(id).check(z.minLength(1), z.maxLength(50)) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '标记站内消息为已读',
  },
  'subscriptions.record': {
    input: z.strictObject({
      /** What requestSubscribeMessage answered, template id → accept | reject | ban | filter. */
      results: z
        .record(
          z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
          z.enum(['accept', 'reject', 'ban', 'filter']),
        )
        .check(z.refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3)),
    }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '记录订阅消息授权结果',
  },
  'settings.get': {
    input: z.strictObject({}),
    roles: ['owner'],
    summary: '查看系统设置与节假日数据状态',
  },
  'settings.update': {
    input: z.strictObject({ values: settingsValuesSchema, expectedVersion: z.int().check(z.minimum(1)) }),
    roles: ['owner'],
    summary: '修改系统设置（仅对新事项生效）',
  },
} as const satisfies Record<string, { input: z.ZodMiniType; roles: readonly Role[]; summary: string }>;

export type ActionName = keyof typeof actions;
export const ACTION_NAMES = Object.keys(actions) as ActionName[];
export type ActionInput<A extends ActionName> = z.infer<(typeof actions)[A]['input']>;

export interface ActionResults {
  'session.whoami': WhoAmI;
  'rename.preview': RenamePreview;
  'rename.submit': CaseView;
  'rename.withdraw': CaseView;
  'rename.approve': CaseView;
  'rename.reject': CaseView;
  'backups.register': BackupView;
  'backups.list': GroupBackups;
  'backups.get': BackupView;
  'backups.verify': BackupView;
  'backups.cite': { citation: string };
  'records.request': CaseView;
  'records.withdraw': CaseView;
  'records.approve': CaseView;
  'records.reject': CaseView;
  'records.revoke': CaseView;
  'records.grant': AccessGrantView;
  'records.link': { url: string; expiresAt: number; fileName: string | null };
  'records.log': { items: FileAccessView[] };
  'cases.mine': Page<CaseView>;
  'cases.get': CaseView;
  'inbox.list': Page<CaseView>;
  'notifications.list': Page<NotificationView> & { unread: number };
  'notifications.read': { updated: number };
  'subscriptions.record': { grants: Record<string, number> };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
}
export type ActionResult<A extends ActionName> = ActionResults[A];

/** Error codes each action may answer besides the common ones. */
export const COMMON_ERRORS: ErrorCode[] = [
  'BAD_INPUT',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'NOT_BOUND',
  'OFFBOARDED',
  'FORBIDDEN',
  'CONFLICT',
  'INTERNAL',
];

/** The event a cloud function receives and the local host's POST body. */
export interface ApiEvent<A extends ActionName = ActionName> {
  action: A;
  data: ActionInput<A>;
}
