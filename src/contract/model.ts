// Shapes the client sees. Stored documents live in src/core/model.ts.
import type { GroupRole, Role } from './roles';

export const CASE_KINDS = ['rename', 'violation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { rename: '改名申请', violation: '违规处理' };

export const RENAME_STATES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type RenameState = (typeof RENAME_STATES)[number];
export const STATE_LABELS: Record<string, string> = {
  submitted: '待审批',
  approved: '已通过',
  rejected: '已驳回',
  withdrawn: '已撤回',
  vio_referred: '待领导决定处分',
  vio_decided: '已处理·申诉期内',
  vio_appealed: '申诉待答复',
  vio_answered: '申诉已答复',
  vio_escalated: '待领导裁决',
  vio_final: '处理已生效',
  vio_revoked: '已撤销',
};

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

export interface EvidenceLink {
  fileId: string;
  url: string;
  /** When the link stops working (UTC ms). */
  expiresAt: number;
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
}

export type CaseCommand =
  | 'approve'
  | 'reject'
  | 'withdraw'
  // violations
  | 'decideMeasure'
  | 'appeal'
  | 'accept'
  | 'answer'
  | 'escalate'
  | 'rule'
  | 'confirmTask';

export interface CaseView {
  id: string;
  kind: CaseKind;
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
  data: Record<string, unknown>;
  /** Commands the caller may issue now. */
  allowed: CaseCommand[];
  createdAt: number;
  updatedAt: number;
  history?: HistoryView[];
  /** Expiring download links of the case's files by field (e.g. evidence), in the detail view only. */
  links?: Record<string, EvidenceLink[]>;
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
