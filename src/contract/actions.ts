// Every action the functions answer: input schema, result type and who may call it.
// The client and the cloud functions import these same definitions.
import * as z from 'zod/mini';
import type { ErrorCode } from './errors';
import type { Role } from './roles';
import { GROUP_TYPES } from './model';
import { CASE_KINDS } from './model';
import { EXPORT_GROUPS_MAX, type ExportResult, type ExportVerification, type ExportView } from './exports';
import { REPORT_BUCKETS, REPORT_METRICS, type ReportDrill, type ReportOverview } from './reports';
import { APPEAL_OUTCOMES, LADDER_STEPS, MEASURES, SEVERITIES } from './model';
import { CASE_KINDS as SEARCH_KINDS, STATE_LABELS } from './model';
import { SEARCH_ORDERS, SEARCH_PERSON_MAX, SEARCH_TEXT_MAX, type CaseSearchResult } from './search';
import type {
  AccessGrantView,
  BackupView,
  CaseView,
  GroupView,
  InvitationView,
  JoinResult,
  FileAccessView,
  GroupBackups,
  ViolationForm,
  NotificationView,
  DepartmentView,
  OrgView,
  PersonView,
  RosterView,
  Page,
  RenamePreview,
  WhoAmI,
  AuditReport,
  UploadView,
} from './model';
import { settingsValuesSchema, type SettingsView } from './settings';
import {
  ATTACHMENT_DESCRIPTION_MAX,
  ATTACHMENT_NAME_MAX,
  KEY_FACT_CHOICE_MAX,
  NOTICE_ATTACHMENTS_MAX,
  NOTICE_BODY_MAX_INPUT,
  NOTICE_KINDS,
  NOTICE_TITLE_MAX,
  type NoticeForm,
  type NoticePreview,
  type NoticeReceipts,
  type NoticeView,
} from './notices';
import type { HomeScreen, InboxScreen, MeScreen } from './screens';
import { BATCH_MAX, HANDOVER_NOTE_MAX, type BatchResult, type DelegationsMine, type NudgeResult } from './approval';
import { NO_CONTROL_CHARS, reasonUnlessApproved, reasonUnlessApproving, requiredReason, type ReasonCommand } from './reasons';
import {
  EMERGENCY_ASSIGNMENTS_MAX,
  EMERGENCY_TASK_MAX,
  EMERGENCY_TITLE_MAX,
  FEEDBACK_TEXT_MAX,
  type EmergencyForm,
  type EmergencyReach,
  type FeedbackForm,
  type FeedbackSimilarItem,
} from './emergency-feedback';

const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/));
/** Free text a person writes: control characters refused here; a required one also has a `reason` rule (needs). */
const text = (max: number) => z.string().check(z.maxLength(max), z.regex(NO_CONTROL_CHARS));
/**
 * The text an action cannot do without (a rejection's reason, a finding…): refused with
 * REASON_REQUIRED and its command's prompt. Kept out of `input`, which says only whether a request
 * is well-formed: dispatch checks it after the role gate, where handlers used to.
 */
const needs = (field: string, command: ReasonCommand, max: number) => () => z.object({ [field]: requiredReason(command, max) });
/** `{ approve, reason? }`: a rejection needs a reason, an approval none. */
const reasonToReject = () => z.object({ approve: z.boolean(), reason: z.optional(z.string()) }).check(reasonUnlessApproved());
const paging = {
  offset: z.optional(z.int().check(z.minimum(0), z.maximum(100_000))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50))),
};

const requestId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
/** A short plain name: a person's real name, a department, a group. */
const plainName = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.regex(/^[^\u0000-\u001f\u007f<>]*$/));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const REASON_MAX = 200;
export const PERSON_NAME_MAX = 20;
export const GROUP_NAME_MAX = 30;
export const EMPLOYEE_NO_MAX = 16;
export const PURPOSE_MAX = 200;
export const LOCATION_MAX = 120;
/** A stored file: a cloud file id (cloud://…) or the local host's (local:…), never a URL; the server checks it is its own. */
const fileId = z.string().check(z.minLength(1), z.maxLength(600), z.regex(/^[^\s]+$/));
const outcome = z.enum(APPEAL_OUTCOMES);
const penalty = z.enum(['warning', 'removal', ...MEASURES]);

export const DESCRIPTION_MAX = 500;
export const EVIDENCE_MAX = 9;
/** Chat-record backups a violation case may cite as evidence (§6.2 注明出处). */
export const CITED_BACKUPS_MAX = 5;
export const NICKNAME_MAX_INPUT = 40;

/** One task of an emergency: a member of the group and what they are to do. */
const emergencyAssignment = () => z.strictObject({ personId: id, task: text(EMERGENCY_TASK_MAX) });

/** A notice as the publisher drafts it; the body's length is checked against settings by the function. */
const noticeDraft = () => ({
  groupIds: z.array(id).check(z.minLength(1), z.maxLength(20)),
  kind: z.enum(NOTICE_KINDS),
  // Longer than the rule allows, so an overlong title is told as the format rule (NOTICE_FORMAT), not as malformed input.
  title: text(NOTICE_TITLE_MAX * 4),
  body: text(NOTICE_BODY_MAX_INPUT),
  attachments: z.optional(
    z.array(z.strictObject({ fileId, name: text(ATTACHMENT_NAME_MAX), description: text(ATTACHMENT_DESCRIPTION_MAX) })).check(z.maxLength(NOTICE_ATTACHMENTS_MAX)),
  ),
  ackDueDays: z.optional(z.int().check(z.minimum(1), z.maximum(30))),
  keyFact: z.optional(
    z.strictObject({ question: text(KEY_FACT_CHOICE_MAX), choices: z.array(text(KEY_FACT_CHOICE_MAX)).check(z.length(3)), answer: z.int().check(z.minimum(0), z.maximum(2)) }),
  ),
});

const definitions = {
  'session.whoami': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我是谁：身份、所在的群和角色',
  },
  // One call per screen (issue 20): what 首页, 待办 and 我的 show, each in one answer.
  'home.load': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '首页：我是谁、我的群、我的事项、待确认的通知、未读消息、处置中的紧急事件',
  },
  'inbox.load': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '待办：我的角色和等我处理的第一页事项',
  },
  'me.load': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我的：身份、角色、微信提醒次数和未读消息数',
  },
  'rename.preview': {
    input: () => z.strictObject({ groupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '我在某群应使用的规范群昵称及原因',
  },
  'rename.submit': {
    input: () => z.strictObject({
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
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '撤回自己的改名申请',
  },
  'rename.approve': {
    input: () => z.strictObject({ caseId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '批准改名申请',
  },
  'rename.reject': {
    input: () => z.strictObject({ caseId: id, reason: text(REASON_MAX) }),
    reason: needs('reason', 'reject', REASON_MAX),
    roles: ['admin', 'leader'],
    summary: '驳回改名申请（须填写理由）',
  },
  'invitations.accept': {
    // The one action an unbound caller reaches: dispatch runs it before loading an actor.
    input: () => z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(128)) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '打开邀请卡片，把本人微信绑定到登记的人员',
  },
  'invitations.create': {
    input: () => z.strictObject({ personId: id }),
    roles: ['deptHead', 'owner'],
    summary: '为本部门登记的人员生成一次性邀请卡片',
  },
  'org.overview': {
    input: () => z.strictObject({}),
    roles: ['deptHead', 'owner'],
    summary: '部门、人员和群的总览',
  },
  'departments.create': {
    input: () => z.strictObject({ name: plainName(20), headId: z.optional(id) }),
    roles: ['owner'],
    summary: '新建部门',
  },
  'departments.setHead': {
    input: () => z.strictObject({ deptId: id, personId: id }),
    roles: ['owner'],
    summary: '指定部门负责人',
  },
  'people.add': {
    input: () => z.strictObject({
      name: plainName(PERSON_NAME_MAX),
      deptId: id,
      employeeNo: z.string().check(z.minLength(1), z.maxLength(EMPLOYEE_NO_MAX), z.regex(/^[A-Za-z0-9_-]+$/)),
      requestId,
    }),
    roles: ['deptHead', 'owner'],
    summary: '登记本部门的一位人员（姓名、部门、工号）',
  },
  'people.setPublisher': {
    input: () => z.strictObject({ personId: id, publisher: z.boolean() }),
    roles: ['owner'],
    summary: '指定或取消重要通知的指定发布人',
  },
  'people.onboard': {
    input: () => z.strictObject({ personId: id, groupIds: z.optional(z.array(id).check(z.maxLength(50))) }),
    roles: ['deptHead', 'owner'],
    summary: '标记新员工入职：为部门的群开出入群任务',
  },
  'people.offboard': {
    input: () => z.strictObject({ personId: id, reason: z.optional(text(REASON_MAX)) }),
    roles: ['deptHead', 'owner'],
    summary: '标记员工离职：立即停用并为其所在的每个群开出移出任务',
  },
  'groups.create': {
    input: () => z.strictObject({
      name: plainName(GROUP_NAME_MAX),
      type: z.enum(GROUP_TYPES),
      deptId: id,
      creatorId: id,
      adminIds: z.array(id).check(z.minLength(1), z.maxLength(10)),
      leaderId: id,
      requestId,
    }),
    roles: ['deptHead', 'owner'],
    summary: '登记一个微信群（类型、部门、创建者、管理员、上级领导）',
  },
  'groups.bindWechat': {
    /** cloudID from wx.getGroupEnterInfo; the function resolves it to the chat's opengid. */
    input: () => z.strictObject({ groupId: id, cloudID: z.string().check(z.minLength(1), z.maxLength(512)) }),
    roles: ['admin', 'owner'],
    summary: '把登记的群绑定到当前打开小程序的微信群',
  },
  'groups.enter': {
    input: () => z.strictObject({ cloudID: z.string().check(z.minLength(1), z.maxLength(512)) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '从微信群打开时，找到对应的登记群',
  },
  'groups.roster': {
    input: () => z.strictObject({ groupId: id }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '群成员名册、命名合规情况和群的记录',
  },
  'roster.askFix': {
    input: () => z.strictObject({ groupId: id, personId: id }),
    roles: ['admin'],
    summary: '请昵称不合规的成员改正（开出昵称整改事项）',
  },
  'tasks.confirm': {
    input: () => z.strictObject({ caseId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader', 'member'],
    summary: '确认已在微信里办完（拉人入群、移出、昵称已改）',
  },
  'cases.acknowledge': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['leader'],
    summary: '上级领导确认已阅备案',
  },
  'admins.appoint': {
    input: () => z.strictObject({ groupId: id, personId: id }),
    roles: ['member', 'admin', 'deptHead', 'owner'],
    summary: '群创建者指定管理员，并报上级领导备案',
  },
  'admins.applyChange': {
    input: () => z.strictObject({ groupId: id, successorId: id, reason: text(REASON_MAX), requestId }),
    roles: ['admin'],
    summary: '管理员申请变更（须写理由和接任人）',
  },
  'admins.decideChange': {
    input: () => z.strictObject({ caseId: id, approve: z.boolean(), reason: z.optional(text(REASON_MAX)) }),
    reason: reasonToReject,
    roles: ['leader'],
    summary: '上级领导批准或驳回管理员变更',
  },
  'elections.open': {
    input: () => z.strictObject({ groupId: id, requestId }),
    roles: ['member', 'admin', 'leader', 'owner'],
    summary: '发起管理员选举（群创建者、管理员或上级领导）',
  },
  'elections.nominate': {
    input: () => z.strictObject({ caseId: id, personId: id }),
    roles: ['member', 'admin'],
    summary: '提名候选人（可自荐）',
  },
  'elections.vote': {
    input: () => z.strictObject({ caseId: id, candidateId: id }),
    roles: ['member', 'admin'],
    summary: '投票（每人一票）',
  },
  'elections.decideTie': {
    input: () => z.strictObject({ caseId: id, personId: id }),
    roles: ['leader'],
    summary: '平票时由上级领导在得票最多的候选人中决定',
  },
  'guests.request': {
    input: () => z.strictObject({
      groupId: id,
      name: plainName(PERSON_NAME_MAX),
      organisation: plainName(30),
      reason: text(REASON_MAX),
      endDate: isoDate,
      requestId,
    }),
    roles: ['member', 'admin'],
    summary: '申请临时外部人员入群（理由、结束日期）',
  },
  'guests.decide': {
    input: () => z.strictObject({ caseId: id, approve: z.boolean(), reason: z.optional(text(REASON_MAX)) }),
    reason: reasonToReject,
    roles: ['deptHead', 'leader'],
    summary: '部门负责人或上级领导批准或驳回外部人员入群',
  },
  'backups.register': {
    input: () => z.strictObject({
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
    input: () => z.strictObject({ groupId: id }),
    roles: ['admin', 'leader'],
    summary: '某群的备份、覆盖时间线与下次备份日期',
  },
  'backups.get': {
    input: () => z.strictObject({ backupId: id }),
    roles: ['admin', 'leader'],
    summary: '一份备份及其完整记录',
  },
  'backups.verify': {
    input: () => z.strictObject({ backupId: id }),
    roles: ['admin'],
    summary: '重新计算备份文件的 SHA-256，检查是否完整',
  },
  'backups.cite': {
    input: () => z.strictObject({ backupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '引用备份作为依据时注明出处（§6.2）',
  },
  'records.request': {
    input: () => z.strictObject({
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
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '撤回自己的查阅申请',
  },
  'records.approve': {
    input: () => z.strictObject({ caseId: id, days: z.int().check(z.minimum(1), z.maximum(365)), note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '批准查阅申请并设定有效期',
  },
  'records.reject': {
    input: () => z.strictObject({ caseId: id, reason: text(REASON_MAX) }),
    reason: needs('reason', 'reject', REASON_MAX),
    roles: ['admin', 'leader'],
    summary: '驳回查阅申请（须填写理由）',
  },
  'records.revoke': {
    input: () => z.strictObject({ caseId: id, reason: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '提前撤销查阅授权',
  },
  'records.grant': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '查阅授权：可下载的备份与有效期',
  },
  'records.link': {
    input: () => z.strictObject({ caseId: id, backupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '获取一份备份的限时下载链接（记入查阅日志）',
  },
  'records.log': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['admin', 'leader'],
    summary: '查阅日志：谁在何时获取链接、下载了什么',
  },
  'violation.form': {
    input: () => z.strictObject({
      groupId: id,
      subjectId: z.optional(id),
      severity: z.optional(z.enum(SEVERITIES)),
    }),
    roles: ['admin'],
    summary: '违规处理表单：本群成员、违规类别，及按处罚规则建议的处理和理由',
  },
  'violation.open': {
    input: () => z.strictObject({
      groupId: id,
      subjectId: id,
      category: text(40),
      description: text(DESCRIPTION_MAX),
      evidence: z.array(fileId).check(z.maxLength(EVIDENCE_MAX)),
      /** Backups of this group cited as evidence; the case shows each one's citation (group, period, id, SHA-256). */
      backupIds: z.optional(z.array(id).check(z.maxLength(CITED_BACKUPS_MAX))),
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
    input: () => z.strictObject({ caseId: id, measure: z.enum(MEASURES), reason: text(REASON_MAX) }),
    reason: needs('reason', 'decideMeasure', REASON_MAX),
    roles: ['leader'],
    summary: '上级领导决定纪律处分（批评教育 / 罚款 / 降职 / 辞退）',
  },
  'violation.appeal': {
    input: () => z.strictObject({
      caseId: id,
      reasons: text(DESCRIPTION_MAX),
      evidence: z.optional(z.array(fileId).check(z.maxLength(EVIDENCE_MAX))),
    }),
    reason: needs('reasons', 'appeal', DESCRIPTION_MAX),
    roles: ['member', 'admin'],
    summary: '对处理决定提出申诉（须在申诉期内）',
  },
  'violation.accept': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '接受处理结果，不再申诉',
  },
  'violation.answer': {
    input: () => z.strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: z.optional(penalty) }),
    reason: needs('finding', 'answer', DESCRIPTION_MAX),
    roles: ['admin', 'leader'],
    summary: '管理员答复申诉：维持、减轻或撤销，并写明调查结论',
  },
  'violation.escalate': {
    input: () => z.strictObject({ caseId: id, reasons: text(DESCRIPTION_MAX) }),
    reason: needs('reasons', 'escalate', DESCRIPTION_MAX),
    roles: ['member', 'admin'],
    summary: '对申诉答复不服，向上级领导申诉',
  },
  'violation.rule': {
    input: () => z.strictObject({ caseId: id, outcome, finding: text(DESCRIPTION_MAX), reducedTo: z.optional(penalty) }),
    reason: needs('finding', 'rule', DESCRIPTION_MAX),
    roles: ['leader'],
    summary: '上级领导最终裁决（结案）',
  },
  'violation.confirmTask': {
    input: () => z.strictObject({ caseId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin'],
    summary: '确认已在微信群中完成移出（或重新拉回）',
  },
  'cases.mine': {
    input: () => z.strictObject({ ...paging }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我提交的或与我有关的事项',
  },
  'cases.get': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '事项详情及完整记录',
  },
  'cases.search': {
    input: () => z.strictObject({
      kinds: z.optional(z.array(z.enum(SEARCH_KINDS)).check(z.minLength(1), z.maxLength(SEARCH_KINDS.length))),
      states: z.optional(z.array(z.enum(Object.keys(STATE_LABELS) as [string, ...string[]])).check(z.minLength(1), z.maxLength(20))),
      groupId: z.optional(id),
      /** A name or group nickname (or part of one): cases about, or asked for by, the people it matches in scope. */
      personQuery: z.optional(text(SEARCH_PERSON_MAX).check(z.minLength(1))),
      /** Title text (the nickname asked for, a violation's category, an emergency's title…). */
      text: z.optional(text(SEARCH_TEXT_MAX).check(z.minLength(1))),
      /** Opened from the start of `from` to the end of `to` (Asia/Shanghai dates). */
      from: z.optional(isoDate),
      to: z.optional(isoDate),
      /** Open cases whose deadline has passed. */
      overdueOnly: z.optional(z.boolean()),
      order: z.optional(z.enum(SEARCH_ORDERS)),
      ...paging,
    }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '全部事项：按种类、状态、群、人员、时间段、是否超期和标题文字查找可查看范围内的事项',
  },
  'inbox.list': {
    input: () => z.strictObject({ ...paging }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '等我处理的事项，截止时间最早的在前',
  },
  'cases.handOver': {
    input: () => z.strictObject({ caseId: id, toPersonId: id, note: z.optional(text(HANDOVER_NOTE_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '转交：把等我处理的一步交给本群其他可处理的人（期限不变）',
  },
  'cases.nudge': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '催办：提醒处理人尽快处理我提交的事项（每隔几小时可催一次）',
  },
  'delegations.set': {
    /** UTC ms; `from` may be now or later, the period at most DELEGATION_MAX_DAYS days. */
    input: () => z.strictObject({ delegateId: id, from: z.int().check(z.minimum(0)), to: z.int().check(z.minimum(0)) }),
    roles: ['admin', 'leader'],
    summary: '设置代理人：出差、休假期间，等我处理的事项也由代理人处理',
  },
  'delegations.clear': {
    input: () => z.strictObject({}),
    roles: ['admin', 'leader'],
    summary: '取消我的代理设置',
  },
  'delegations.mine': {
    input: () => z.strictObject({}),
    roles: ['admin', 'leader'],
    summary: '我的代理设置、我正在代理谁，以及可选的代理人',
  },
  'inbox.decideMany': {
    input: () => z.strictObject({ caseIds: z.array(id).check(z.minLength(1), z.maxLength(BATCH_MAX)), decision: z.enum(['approve', 'reject']), reason: z.optional(text(REASON_MAX)) }),
    reason: () => z.object({ decision: z.enum(['approve', 'reject']), reason: z.optional(z.string()) }).check(reasonUnlessApproving()),
    roles: ['admin', 'leader'],
    summary: '批量处理待办：逐项批准，或以同一理由逐项驳回',
  },
  'notifications.list': {
    input: () => z.strictObject({ ...paging, unreadOnly: z.optional(z.boolean()) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '站内消息',
  },
  'notifications.read': {
    input: () => z.strictObject({ ids: z.array(id).check(z.minLength(1), z.maxLength(50)) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '标记站内消息为已读',
  },
  'subscriptions.record': {
    input: () => z.strictObject({
      /** What requestSubscribeMessage answered (5 templates a call at most), template id → accept | reject | ban | filter. */
      results: z
        .record(
          z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
          z.enum(['accept', 'reject', 'ban', 'filter']),
        )
        .check(z.refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 5)),
    }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '记录订阅消息授权结果',
  },
  'notices.form': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '发布通知：可发布的种类和可发往的群',
  },
  'notices.preview': {
    // `noticeId`: the notice a correction replaces, left out of the duplicate check.
    input: () => z.strictObject({ ...noticeDraft(), noticeId: z.optional(id) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '发布前检查：格式、重复与相近的通知、附件说明',
  },
  'notices.publish': {
    input: () => z.strictObject({ ...noticeDraft(), confirmNearDuplicate: z.optional(text(REASON_MAX)), requestId }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '发布通知到一个或多个群',
  },
  'notices.get': {
    input: () => z.strictObject({ noticeId: id }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '查看一条通知',
  },
  'notices.list': {
    input: () => z.strictObject({ scope: z.enum(['mine', 'group', 'published']), groupId: z.optional(id), ...paging }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '待我确认的通知、某群的通知、我发布的通知',
  },
  'notices.acknowledge': {
    input: () => z.strictObject({ noticeId: id, keyFact: z.optional(z.int().check(z.minimum(0), z.maximum(2))) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '确认已读（重要通知可要求先确认要点）',
  },
  'notices.receipts': {
    input: () => z.strictObject({ noticeId: id, groupId: z.optional(id), filter: z.optional(z.enum(['all', 'pending', 'acked'])), ...paging }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '通知的确认情况：按群统计、名单与未读名单',
  },
  'notices.withdraw': {
    input: () => z.strictObject({ noticeId: id, reason: text(REASON_MAX) }),
    reason: needs('reason', 'withdraw', REASON_MAX),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '撤回已发布的通知（须写明理由）',
  },
  'notices.correct': {
    input: () => z.strictObject({ ...noticeDraft(), noticeId: id, confirmNearDuplicate: z.optional(text(REASON_MAX)), requestId }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '发布更正，替换原通知',
  },
  'emergencies.form': {
    input: () => z.strictObject({ groupId: id }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '发起紧急事件的表单：本群成员与默认时限',
  },
  'emergencies.start': {
    input: () => z.strictObject({
      groupId: id,
      title: text(EMERGENCY_TITLE_MAX),
      description: text(DESCRIPTION_MAX),
      /** Wall-clock minutes, nights and holidays included. */
      respondWithinMinutes: z.int().check(z.minimum(5), z.maximum(1440)),
      ackWithinMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
      assignments: z.array(emergencyAssignment()).check(z.minLength(1), z.maxLength(EMERGENCY_ASSIGNMENTS_MAX)),
      images: z.optional(z.array(fileId).check(z.maxLength(EVIDENCE_MAX))),
      requestId,
    }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '发起紧急事件：通知全群成员，并给成员分派任务（分钟级时限）',
  },
  'emergencies.acknowledge': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '接收紧急事件中分派给我的任务',
  },
  'emergencies.progress': {
    input: () => z.strictObject({ caseId: id, note: text(DESCRIPTION_MAX), done: z.optional(z.boolean()) }),
    reason: needs('note', 'progress', DESCRIPTION_MAX),
    roles: ['member', 'admin', 'leader'],
    summary: '报告任务进展，或报告已完成',
  },
  'emergencies.reassign': {
    input: () => z.strictObject({ caseId: id, fromPersonId: id, toPersonId: id, task: z.optional(text(EMERGENCY_TASK_MAX)) }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '发起人把一项任务转派给另一位成员',
  },
  'emergencies.assign': {
    input: () => z.strictObject({ caseId: id, assignments: z.array(emergencyAssignment()).check(z.minLength(1), z.maxLength(EMERGENCY_ASSIGNMENTS_MAX)) }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '发起人追加分工',
  },
  'emergencies.close': {
    input: () => z.strictObject({ caseId: id, summary: text(DESCRIPTION_MAX) }),
    reason: needs('summary', 'close', DESCRIPTION_MAX),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '发起人结束紧急事件并填写处置总结',
  },
  'emergencies.reach': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '紧急通知送达情况：谁收到了微信推送，谁没有（可复制 @名单）',
  },
  'emergencies.active': {
    input: () => z.strictObject({}),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '我所在的群正在处置的紧急事件',
  },
  'feedback.form': {
    input: () => z.strictObject({ groupId: id }),
    roles: ['member', 'admin', 'leader'],
    summary: '意见反馈表单：反馈类别，管理员可转交的对象',
  },
  'feedback.submit': {
    input: () => z.strictObject({
      groupId: id,
      category: text(10),
      text: text(FEEDBACK_TEXT_MAX),
      /** 对处理部门匿名: the department or leader it is forwarded to never learns who sent it. */
      anonymous: z.optional(z.boolean()),
      images: z.optional(z.array(fileId).check(z.maxLength(EVIDENCE_MAX))),
      requestId,
    }),
    roles: ['member', 'admin'],
    summary: '向群管理员提交意见或建议（可对处理部门匿名）',
  },
  'feedback.similar': {
    input: () => z.strictObject({ groupId: id, text: text(FEEDBACK_TEXT_MAX) }),
    roles: ['member', 'admin'],
    summary: '提交前查看本群内容相近、仍在处理的反馈，可直接附议',
  },
  'feedback.second': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '附议（+1）一条仍在处理的反馈',
  },
  'feedback.forward': {
    input: () => z.strictObject({ caseId: id, toPersonId: id, note: z.optional(text(REASON_MAX)) }),
    roles: ['admin', 'leader'],
    summary: '管理员把反馈转交部门负责人或上级领导',
  },
  'feedback.answer': {
    input: () => z.strictObject({ caseId: id, answer: text(DESCRIPTION_MAX) }),
    roles: ['admin', 'leader', 'deptHead'],
    summary: '答复反馈',
  },
  'feedback.followUp': {
    input: () => z.strictObject({ caseId: id, text: text(DESCRIPTION_MAX) }),
    reason: needs('text', 'followUp', DESCRIPTION_MAX),
    roles: ['member', 'admin'],
    summary: '对答复追问一次，退回给答复人',
  },
  'feedback.resolve': {
    input: () => z.strictObject({ caseId: id }),
    roles: ['member', 'admin'],
    summary: '反馈人确认问题已解决',
  },
  'settings.get': {
    input: () => z.strictObject({}),
    roles: ['owner'],
    summary: '查看系统设置与节假日数据状态',
  },
  'settings.update': {
    input: () => z.strictObject({ values: settingsValuesSchema(), expectedVersion: z.int().check(z.minimum(1)) }),
    roles: ['owner'],
    summary: '修改系统设置（仅对新事项生效）',
  },
  'files.record': {
    /** Right after wx.cloud.uploadFile: the upload is recorded as the caller's (size, type, SHA-256 from the stored bytes). */
    input: () => z.strictObject({ fileId, name: z.optional(text(120)) }),
    roles: ['member', 'admin', 'leader', 'deptHead', 'owner'],
    summary: '登记刚上传的文件（上传人、大小、类型、SHA-256；图片送内容安全检查）',
  },
  'audit.verify': {
    input: () => z.strictObject({
      /** Where the previous call stopped (its `next`); absent: from the start. */
      cursor: z.optional(z.string().check(z.maxLength(80), z.regex(/^(case|backup|export):[A-Za-z0-9_:.-]*$/))),
      /** A checkpoint fingerprint the owner kept (from the message): it must still be in the database. */
      fingerprint: z.optional(z.string().check(z.regex(/^[0-9A-Fa-f]{4}(-?[0-9A-Fa-f]{4}){3}$/))),
    }),
    roles: ['owner'],
    summary: '校验审计记录：封印、检查点，以及记录有无被删改、截断或回退',
  },
  'reports.export': {
    input: () => z.strictObject({
      /** Groups to export; absent: every group in the caller's scope. */
      groupIds: z.optional(z.array(id).check(z.minLength(1), z.maxLength(EXPORT_GROUPS_MAX))),
      /** Cases opened from the start of `from` to the end of `to` (Asia/Shanghai dates). */
      from: isoDate,
      to: isoDate,
      kinds: z.optional(z.array(z.enum(CASE_KINDS)).check(z.minLength(1), z.maxLength(CASE_KINDS.length))),
      /** Client-made id: a retried export answers the same record and file. */
      requestId,
    }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '导出事项与处理记录为 Excel（导出本身记入导出记录）',
  },
  'reports.exports': {
    input: () => z.strictObject({ ...paging }),
    roles: ['owner'],
    summary: '导出记录：谁在何时导出了什么，及文件校验值',
  },
  'reports.verifyExport': {
    /** Exactly one: a SHA-256 (of the file, or the data checksum on its 说明 sheet), or an uploaded copy of the file. */
    input: () => z.strictObject({ sha256: z.optional(z.string().check(z.regex(/^[0-9A-Fa-f]{64}$/))), fileId: z.optional(fileId) })
      .check(z.refine((i) => (i.sha256 === undefined) !== (i.fileId === undefined), { message: '请提供校验值或上传的文件（二者选一）' })),
    roles: ['owner'],
    summary: '核对导出的文件或校验值是否与导出记录一致',
  },
  'reports.overview': {
    input: () => z.strictObject({
      /** Absent: every group in the caller's scope. */
      groupId: z.optional(id),
      /** Asia/Shanghai dates, inclusive; at most 12 months or 53 weeks (REPORT_PERIOD_INVALID). */
      from: isoDate,
      to: isoDate,
      bucket: z.enum(REPORT_BUCKETS),
    }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '报表：按周或按月统计事项、违规与申诉、群昵称合规、备份覆盖和通知确认',
  },
  'reports.drill': {
    input: () => z.strictObject({
      metric: z.enum(REPORT_METRICS),
      /** 'YYYY-MM' (a month) or 'YYYY-MM-DD' (the Monday a week starts), as the overview's cell gave it. */
      bucketStart: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
      groupId: z.optional(id),
      /** The series: a case kind, a violation category, a ladder step or an appeal outcome. */
      key: z.optional(text(40)),
      ...paging,
    }),
    roles: ['admin', 'leader', 'deptHead', 'owner'],
    summary: '报表下钻：某个数字背后的事项（或成员、日期、通知）',
  },
} as const satisfies Record<string, { input: () => z.ZodMiniType; reason?: () => z.ZodMiniType; roles: readonly Role[]; summary: string }>;

type Lazy = 'input' | 'reason';
type Built<D> = { [K in keyof D]: { [P in keyof D[K]]: P extends Lazy ? (D[K][P] extends () => infer S ? S : never) : D[K][P] } };

/**
 * Every action with its schemas built on first use: a cold function instance builds the one
 * schema it is called with rather than all of them (building them all was most of its load time).
 */
export const actions = buildLazily(definitions);

function buildLazily<D extends Record<string, { input: () => z.ZodMiniType; reason?: () => z.ZodMiniType }>>(defs: D): Built<D> {
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    const built: Record<string, unknown> = { ...def };
    for (const key of ['input', 'reason'] as const) {
      const make = def[key];
      if (!make) continue;
      let schema: z.ZodMiniType | undefined;
      Object.defineProperty(built, key, { enumerable: true, get: () => (schema ??= make()) });
    }
    out[name] = built;
  }
  return out as Built<D>;
}

export type ActionName = keyof typeof actions;
export const ACTION_NAMES = Object.keys(actions) as ActionName[];
/** An action's input schema, for code generic over the action name. */
export function inputSchema(action: ActionName): z.ZodMiniType {
  return actions[action].input;
}
export type ActionInput<A extends ActionName> = z.infer<(typeof actions)[A]['input']>;
/** The action's required-reason rule, if it has one, for input that already passed `input`. */
export function reasonSchema(action: ActionName): z.ZodMiniType | undefined {
  const def = actions[action];
  return 'reason' in def ? def.reason : undefined;
}

export interface ActionResults {
  'session.whoami': WhoAmI;
  'home.load': HomeScreen;
  'inbox.load': InboxScreen;
  'me.load': MeScreen;
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
  'cases.search': CaseSearchResult;
  'notifications.list': Page<NotificationView> & { unread: number };
  'notifications.read': { updated: number };
  /** The case as the caller (who handed it over) now sees it. */
  'cases.handOver': CaseView;
  'cases.nudge': NudgeResult;
  'delegations.set': DelegationsMine;
  'delegations.clear': DelegationsMine;
  'delegations.mine': DelegationsMine;
  'inbox.decideMany': BatchResult;
  'subscriptions.record': { grants: Record<string, number> };
  'settings.get': SettingsView;
  'settings.update': SettingsView;
  'files.record': UploadView;
  'audit.verify': AuditReport;
  'reports.export': ExportResult;
  'reports.exports': Page<ExportView>;
  'reports.verifyExport': ExportVerification;
  'reports.overview': ReportOverview;
  'reports.drill': ReportDrill;
  'invitations.accept': JoinResult;
  'invitations.create': InvitationView;
  'org.overview': OrgView;
  'departments.create': DepartmentView;
  'departments.setHead': DepartmentView;
  'people.add': PersonView;
  'people.setPublisher': PersonView;
  'people.onboard': CaseView[];
  /** The departure record; its remove tasks go to each group's admins. */
  'people.offboard': CaseView;
  'groups.create': GroupView;
  'groups.bindWechat': GroupView;
  'groups.enter': { group: GroupView | null };
  'groups.roster': RosterView;
  'roster.askFix': CaseView;
  'tasks.confirm': CaseView;
  'cases.acknowledge': CaseView;
  'admins.appoint': CaseView;
  'admins.applyChange': CaseView;
  'admins.decideChange': CaseView;
  'elections.open': CaseView;
  'elections.nominate': CaseView;
  'elections.vote': CaseView;
  'elections.decideTie': CaseView;
  'guests.request': CaseView;
  'guests.decide': CaseView;
  'notices.form': NoticeForm;
  'notices.preview': NoticePreview;
  'notices.publish': NoticeView;
  'notices.get': NoticeView;
  'notices.list': Page<NoticeView> & { pending: number };
  'notices.acknowledge': NoticeView;
  'notices.receipts': NoticeReceipts;
  'notices.withdraw': NoticeView;
  'notices.correct': NoticeView;
  'emergencies.form': EmergencyForm;
  'emergencies.start': CaseView;
  'emergencies.acknowledge': CaseView;
  'emergencies.progress': CaseView;
  'emergencies.reassign': CaseView;
  'emergencies.assign': CaseView;
  'emergencies.close': CaseView;
  'emergencies.reach': EmergencyReach;
  'emergencies.active': { items: CaseView[] };
  'feedback.form': FeedbackForm;
  'feedback.submit': CaseView;
  'feedback.similar': { items: FeedbackSimilarItem[] };
  /** The seconded feedback as the similar list shows it (the seconder does not read the case itself). */
  'feedback.second': FeedbackSimilarItem;
  'feedback.forward': CaseView;
  'feedback.answer': CaseView;
  'feedback.followUp': CaseView;
  'feedback.resolve': CaseView;
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

/** Actions an unbound caller may reach (before any person is bound to the OPENID). */
export const UNBOUND_ACTIONS: readonly ActionName[] = ['invitations.accept'];

/** The event a cloud function receives and the local host's POST body. */
export interface ApiEvent<A extends ActionName = ActionName> {
  action: A;
  data: ActionInput<A>;
}
