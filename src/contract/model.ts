// Shapes the client sees. Stored documents live in src/core/model.ts.
import type { CaseApprovalView } from './approval';
import type { CaseViewDataByKind } from './case-data';
import type { GroupRole, Role } from './roles';

export const CASE_KINDS = ['rename', 'naming_fix', 'onboard', 'offboard', 'guest', 'admin_filing', 'admin_change', 'election', 'record_access', 'backup_due', 'violation', 'departure', 'emergency', 'feedback'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  rename: '改名申请',
  naming_fix: '昵称整改',
  onboard: '入群任务',
  offboard: '移出任务',
  guest: '外部人员入群',
  admin_filing: '管理员任命备案',
  admin_change: '管理员变更',
  election: '管理员选举',
  record_access: '查阅聊天记录',
  backup_due: '聊天记录备份到期',
  violation: '违规处理',
  departure: '员工离职',
  emergency: '紧急事件',
  feedback: '意见反馈',
};

export const RENAME_STATES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type RenameState = (typeof RENAME_STATES)[number];
export const STATE_LABELS: Record<string, string> = {
  submitted: '待审批',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
  pending: '待办理',
  done: '已完成',
  cancelled: '已取消',
  asked: '待改正',
  fixed: '已改正',
  filed: '待领导阅知',
  acknowledged: '已备案',
  nominating: '提名中',
  voting: '投票中',
  tie: '平票待领导裁定',
  elected: '已选出',
  failed: '未选出',
  requested: '待批准',
  adding: '待管理员添加',
  active: '在群中',
  removing: '待移出',
  ended: '已移出',
  // departure
  recorded: '已登记离职',
  // record_access after approval
  revoked: '已撤销授权',
  expired: '授权已到期',
  // backup_due
  due: '待备份',
  // violation (prefixed: other kinds use some of the same words)
  vio_referred: '待领导决定处分',
  vio_decided: '已处理·申诉期内',
  vio_appealed: '申诉待答复',
  vio_answered: '申诉已答复',
  vio_escalated: '待领导裁决',
  vio_final: '处理已生效',
  vio_revoked: '已撤销',
  // emergency (§5.3)
  em_active: '处置中',
  em_closed: '已结束',
  // feedback (§3.2)
  fb_triage: '待管理员处理',
  fb_forwarded: '已转交，待答复',
  fb_followup: '追问待答复',
  fb_answered: '已答复',
  fb_resolved: '已解决',
  fb_closed: '已结案',
};

/** The confidentiality pledge a member ticks before asking to read chat records (§6.2). */
export const ACCESS_PLEDGE =
  '查阅群聊记录时遵守保密规定，不将记录泄露给无关人员或用于非工作目的；如需引用作为工作依据，确保记录真实准确并注明出处。';

// --- Violations (§7) ---
export const SEVERITIES = ['minor', 'serious', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { minor: '轻微', serious: '严重', major: '重大损失' };

/** The ladder's steps: a warning, removal from the group (filed with the leader), referral to the leader. */
export const LADDER_STEPS = ['warning', 'removal', 'referral'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];
/** Disciplinary measures the leader decides on a referral (§7.2), lightest first. */
export const MEASURES = ['criticism', 'fine', 'demotion', 'dismissal'] as const;
export type Measure = (typeof MEASURES)[number];
/** What a member ends up with: a step, a measure, or nothing (revoked). */
export type Penalty = 'warning' | 'removal' | Measure | 'none';
export const PENALTY_LABELS: Record<Penalty | 'referral', string> = {
  warning: '警告',
  removal: '移出群聊',
  referral: '报上级领导给予纪律处分',
  criticism: '批评教育',
  fine: '罚款',
  demotion: '降职',
  dismissal: '辞退',
  none: '不予处理（已撤销）',
};
export const APPEAL_OUTCOMES = ['uphold', 'reduce', 'revoke'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, string> = { uphold: '维持原处理', reduce: '减轻处理', revoke: '撤销处理' };

export interface LadderProposal {
  step: LadderStep;
  /** Why, as sentences for the form. */
  reasons: string[];
  /** Prior violations in this group within the window that still count (revoked ones do not). */
  priorCount: number;
  window: { count: number; days: number };
}

export interface ViolationForm {
  group: { id: string; name: string };
  /** Members the admin may open a case about (not themselves). */
  members: PersonRef[];
  categories: string[];
  proposal: LadderProposal | null;
  appealDays: number;
}

/** A file as a reader gets it: a link that expires, never the storage file id (it would outlive any grant). */
export interface EvidenceLink {
  url: string;
  /** When the link stops working (UTC ms). */
  expiresAt: number;
  /** An image whose content check has not come back: shown only to its uploader and the admins. */
  pending?: true;
}


export const GROUP_TYPES = ['department', 'project', 'exchange'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
export const GROUP_TYPE_LABELS: Record<GroupType, string> = {
  department: '部门群',
  project: '项目群',
  exchange: '工作交流群',
};

export interface PersonRef {
  id: string;
  name: string;
}

export interface MyGroup {
  id: string;
  name: string;
  type: GroupType;
  typeLabel: string;
  roles: GroupRole[];
  /** What the roster has recorded as my group nickname; null when never recorded. */
  nickname: string | null;
  canonical: string;
  compliant: boolean;
}

export interface WhoAmI {
  person: { id: string; name: string; department: string; employeeNo: string; external: boolean };
  roles: Role[];
  groups: MyGroup[];
  /** Template ids for subscription messages, keyed by purpose, for requestSubscribeMessage. */
  templates: Record<string, string>;
  grants: Record<string, number>;
}

export interface HistoryView {
  seq: number;
  at: number;
  by: PersonRef | null; // null: the system (scheduler)
  action: string;
  actionLabel: string;
  from: string | null;
  to: string;
  note?: string;
  dueAt: number | null;
  /** A delegate's step: the assignee they stood in for (shown as "孙丽（代 周杰）"). */
  onBehalfOf?: PersonRef;
  /** A hand-over (转交, 离职交接) names whom the step went to; a nudge (催办) whom it reached first. */
  target?: PersonRef;
}

export type CaseCommand =
  | 'approve'
  | 'reject'
  | 'withdraw'
  | 'revoke'
  // organisation tasks, filings and elections
  | 'confirm'
  | 'acknowledge'
  | 'cancel'
  | 'nominate'
  | 'vote'
  | 'decide'
  // violations
  | 'decideMeasure'
  | 'appeal'
  | 'accept'
  | 'answer'
  | 'escalate'
  | 'rule'
  | 'confirmTask'
  // emergencies (acknowledge above: 接收)
  | 'progress'
  | 'reassign'
  | 'assign'
  | 'close'
  // feedback (answer above)
  | 'second'
  | 'forward'
  | 'followUp'
  | 'resolve';

/** A kind's data as the reader sees it (src/contract/case-data.ts). */
export type CaseViewData<K extends CaseKind = CaseKind> = CaseViewDataByKind[K];

/** A case of kind K as the reader sees it: `data` has that kind's shape. */
export interface CaseViewOf<K extends CaseKind> {
  id: string;
  kind: K;
  kindLabel: string;
  group: { id: string; name: string };
  subject: PersonRef;
  state: string;
  stateLabel: string;
  open: boolean;
  waitingOn: PersonRef[];
  dueAt: number | null;
  /** The deadline falls in a year whose official holidays are not confirmed yet. */
  dueAtUnconfirmed: boolean;
  /** Escalation stage of the current step: 0 none, 1 reminded, 2 escalated to the leader. */
  escalation: number;
  title: string;
  data: CaseViewData<K>;
  /** Commands the caller may issue now. */
  allowed: CaseCommand[];
  createdAt: number;
  updatedAt: number;
  history?: HistoryView[];
  /** Expiring download links of the case's files by field (e.g. evidence), in the detail view only. */
  links?: Record<string, EvidenceLink[]>;
  /** Images of the case hidden because they failed the content check (their links are left out). */
  hiddenFiles?: number;
  /** Chat-record backups the case cites (§6.2 注明出处), each with its citation line, in the detail view only. */
  citations?: BackupCitation[];
  /** Hand over, delegates, nudge and batch (contract/approval.ts); set on every view the server answers. */
  approval?: CaseApprovalView;
}

/** Any case as the reader sees it: narrow on `kind` to read its `data`. */
export type CaseView = { [K in CaseKind]: CaseViewOf<K> }[CaseKind];

export interface BackupCitation {
  backupId: string;
  /** One line to paste: group, period, backup id and SHA-256 (or where a local backup is kept). */
  citation: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

export interface NotificationView {
  id: string;
  caseId: string | null;
  title: string;
  body: string;
  page: string;
  createdAt: number;
  read: boolean;
  /** sent: pushed as a subscription message; no_grant: kept in-app only; pending: not tried yet. */
  push: 'pending' | 'sent' | 'no_grant' | 'failed' | 'none';
}

export interface RenamePreview {
  group: { id: string; name: string };
  canonical: string;
  current: string | null;
  compliant: boolean;
  requiresSuffix: boolean;
  /** Why the canonical form is what it is, as sentences for the form. */
  reasons: string[];
  rule: { separator: string; maxLength: number };
  /** What the naming rule needs, so the form checks with the very rule the server enforces. */
  subject: NamingSubjectView;
  namesakes: NamingSubjectView[];
  openCaseId: string | null;
}

/** Same shape as core/naming's NamingSubject. */
export interface NamingSubjectView {
  personId: string;
  name: string;
  department: string;
  employeeNo: string;
}

export interface DepartmentView {
  id: string;
  name: string;
  head: PersonRef | null;
}

export interface PersonView {
  id: string;
  name: string;
  department: { id: string; name: string };
  employeeNo: string;
  status: 'active' | 'left';
  external: boolean;
  /** Bound to a WeChat identity (accepted an invitation). */
  bound: boolean;
  publisher: boolean;
}

export interface GroupView {
  id: string;
  name: string;
  type: GroupType;
  typeLabel: string;
  department: { id: string; name: string };
  creator: PersonRef;
  admins: PersonRef[];
  leaders: PersonRef[];
  memberCount: number;
  /** Bound to its real WeChat group (opengid known). */
  boundToWechat: boolean;
}

/** What the owner and department heads manage: departments, people and groups they may see. */
export interface OrgView {
  departments: DepartmentView[];
  people: PersonView[];
  groups: GroupView[];
  /** Departments the caller may add people to (all for the owner). */
  manages: string[];
  isOwner: boolean;
}

export interface InvitationView {
  person: PersonRef;
  /** The one-time token: shown once, only its hash is stored. */
  token: string;
  expiresAt: number;
  /** Page path with the token, for the share card (weapp) or the link (local host). */
  path: string;
}

export interface RosterMember {
  person: PersonRef;
  department: string;
  employeeNo: string;
  roles: GroupRole[];
  external: boolean;
  /** Offboarded: access ended, waiting to be removed from the WeChat group. */
  left: boolean;
  nickname: string | null;
  canonical: string;
  compliant: boolean;
  /** An open 昵称整改 case for this member, if one was asked. */
  fixCaseId: string | null;
}

export interface RosterView {
  group: GroupView;
  members: RosterMember[];
  /** Everything that happened to the group's membership and admins, newest first. */
  history: CaseView[];
  /** What the caller may do here. */
  /** `emergency`: an admin, the leader or the head of the group's department may start one here. */
  can: { manage: boolean; bind: boolean; appoint: boolean; elect: boolean; applyChange: boolean; guest: boolean; emergency?: boolean };
}

export interface JoinResult {
  person: PersonRef;
  department: string;
}

export type BackupStorage = 'cloud' | 'local';

export interface BackupView {
  id: string;
  groupId: string;
  /** Inclusive dates, YYYY-MM-DD in Asia/Shanghai. */
  from: string;
  to: string;
  storage: BackupStorage;
  /** Uploaded file: its name and size; a local backup has a location instead. */
  fileName: string | null;
  size: number | null;
  location: string | null;
  /** Computed by the server from the stored bytes; null for a local backup. */
  sha256: string | null;
  madeBy: PersonRef;
  registeredBy: PersonRef;
  createdAt: number;
  note?: string;
  /** Overlaps another backup of the group (allowed, shown). */
  overlaps: string[];
  lastVerify: { at: number; intact: boolean; by: PersonRef } | null;
  citation: string;
  history?: HistoryView[];
}

export interface CoverageView {
  /** Merged covered periods and the gaps between them, oldest first. */
  covered: { from: string; to: string }[];
  gaps: { from: string; to: string }[];
  /** The date a new backup is due, and whether it is past due / overdue enough to alert the leader. */
  nextDue: string;
  status: 'ok' | 'due' | 'overdue';
  periodMonths: number;
}

export interface GroupBackups {
  group: { id: string; name: string };
  backups: BackupView[];
  coverage: CoverageView;
  canManage: boolean;
}

export interface AccessFileView {
  backupId: string;
  from: string;
  to: string;
  fileName: string | null;
  storage: BackupStorage;
  location: string | null;
  sha256: string | null;
  citation: string;
}

export interface AccessGrantView {
  caseId: string;
  state: string;
  stateLabel: string;
  group: { id: string; name: string };
  from: string;
  to: string;
  expiresAt: number | null;
  /** Links may be issued now. */
  active: boolean;
  files: AccessFileView[];
  linkTtlMinutes: number;
  /** The expiry an admin picks from (settings of the case's version). */
  defaultDays: number;
  maxDays: number;
  /** The caller is the member the grant is for (only they get links). */
  mine: boolean;
}

export interface FileAccessView {
  id: string;
  type: 'link' | 'download' | 'refused';
  at: number;
  person: PersonRef | null;
  backupId: string;
  fileName: string | null;
  expiresAt: number | null;
  note?: string;
}

/** An upload as recorded (files.record). */
export interface UploadView {
  fileId: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  /** Images: the content check ('pending' until WeChat's verdict); 'none' for other files. */
  check: 'none' | 'pending' | 'pass' | 'risky';
}

export interface AuditProblemView {
  scope: 'case' | 'backup' | 'export' | 'checkpoint';
  /** The case, backup, export record or checkpoint it is about. */
  id: string;
  /** The entry (or checkpoint number); null when the whole record is meant. */
  seq: number | null;
  problem: string;
}

export interface CheckpointView {
  seq: number;
  at: number;
  /** Cases, backups and export records it recorded. */
  chains: number;
  fingerprint: string;
}

/** One page of audit.verify: call again with `next` until it is null. */
export interface AuditReport {
  checked: number;
  problems: AuditProblemView[];
  next: string | null;
  checkpoints: { count: number; latest: CheckpointView | null };
}
