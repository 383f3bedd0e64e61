// Every action the functions answer: input schema, result type and who may call it.
// The client and the cloud functions import these same definitions.
import * as z from 'zod/mini';
import type { ErrorCode } from './errors';
import type { Role } from './roles';
import { APPEAL_OUTCOMES, LADDER_STEPS, MEASURES, SEVERITIES } from './model';
import type {
  CaseView,
  ViolationForm,
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

/** A stored file: a cloud file id (cloud://…) or the local host's (local:…), never a URL. */
const fileId = z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^(cloud|local):[A-Za-z0-9_:.\/-]+$/));
const requestId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
const outcome = z.enum(APPEAL_OUTCOMES);
const penalty = z.enum(['warning', 'removal', ...MEASURES]);

export const REASON_MAX = 200;
export const DESCRIPTION_MAX = 500;
export const EVIDENCE_MAX = 9;
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
  'violation.form': {
    input: z.strictObject({
      groupId: id,
      subjectId: z.optional(id),
      severity: z.optional(z.enum(SEVERITIES)),
    }),
    roles: ['admin'],
    summary: '违规处理表单：本群成员、违规类别，及按处罚规则建议的处理和理由',
  },
  'violation.open': {
    input: z.strictObject({
      groupId: id,
      subjectId: id,
      category: text(40),
      description: text(DESCRIPTION_MAX),
      evidence: z.array(fileId).check(z.maxLength(EVIDENCE_MAX)),
      severity: z.enum(SEVERITIES),
      /** The step the admin chose: the proposed one or a lighter one (then `lighterReason` is required). */
      step: z.enum(LADDER_STEPS),
      lighterReason: z.optional(text(REASON_MAX)),
      requestId,
    }),
    roles: ['admin'],
    summary: '管理员立案处理违规（警告 / 移出群聊并备案 / 报领导处分）',
  },
  'violation.decideMeasure': {
    input: z.strictObject({ caseId: id, measure: z.enum(MEASURES), reason: text(REASON_MAX) }),
    roles: ['leader'],
    summary: '上级领导决定纪律处分（批评教育 / 罚款 / 降职 / 辞退）',
  },
  'violation.appeal': {
    input: z.strictObject({
      caseId: id,
      reasons: text(DESCRIPTION_MAX),
      evidence: z.optional(z.array(fileId).check(z.maxLength(EVIDENCE_MAX))),
    }),
    roles: ['member', 'admin'],
    summary: '对处理决定提出申诉（须在申诉期内）',
  },
  'violation.accept': {
    input: z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '接受处理结果，不再申诉',
  },
  'violation.answer': {
    input: z.strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: z.optional(penalty) }),
    roles: ['admin', 'leader'],
    summary: '管理员答复申诉：维持、减轻或撤销，并写明调查结论',
  },
  'violation.escalate': {
    input: z.strictObject({ caseId: id, reasons: text(DESCRIPTION_MAX) }),
    roles: ['member', 'admin'],
    summary: '对申诉答复不服，向上级领导申诉',
  },
  'violation.rule': {
    input: z.strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: z.optional(penalty) }),
    roles: ['leader'],
    summary: '上级领导最终裁决（结案）',
  },
  'violation.confirmTask': {
    input: z.strictObject({ caseId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin'],
    summary: '确认已在微信群中完成移出（或重新拉回）',
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
  'violation.form': ViolationForm;
  'violation.open': CaseView;
  'violation.decideMeasure': CaseView;
  'violation.appeal': CaseView;
  'violation.accept': CaseView;
  'violation.answer': CaseView;
  'violation.escalate': CaseView;
  'violation.rule': CaseView;
  'violation.confirmTask': CaseView;
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
