// Words for codes the contract does not label itself.
import { assigneeLabel, ROLE_LABELS, type GroupRole, type Role, type TemplatePurpose } from '../../contract';

export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  member: '群成员',
  admin: '管理员',
  leader: '上级领导',
};

export function roleLabels(roles: Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、');
}

export function groupRoleLabels(roles: GroupRole[]): string {
  return roles.map((r) => GROUP_ROLE_LABELS[r]).join('、');
}

/** Escalation stage of a case's current step, as the tag an admin sees. */
export function escalationLabel(escalation: number): string | null {
  if (escalation >= 2) return '已报领导';
  // 已提醒, not 已催办: 催办 is what the requester does (issue 19); this is the scheduler's reminder.
  if (escalation === 1) return '已提醒';
  return null;
}

export const TEMPLATE_LABELS: Record<TemplatePurpose, string> = {
  caseDecided: '申请处理结果',
  newTask: '新待办提醒',
  reminder: '超期与催办提醒',
  escalation: '超期上报提醒',
};

export const PUSH_LABELS: Record<string, string> = {
  sent: '已推送到微信',
  no_grant: '未推送（没有订阅授权）',
  failed: '推送失败',
  pending: '等待推送',
  none: '',
};

/** Who a list item waits on, as one line; a delegate as "孙丽（代 周杰）". */
export function waitingOnText(people: { name: string; onBehalfOf?: { name: string } }[], open: boolean): string {
  if (!open) return '已结束';
  if (!people.length) return '无';
  return people.map(assigneeLabel).join('、');
}

/** What the person a case is about is, for its kind. */
export function subjectLabel(kind: string): string {
  if (kind === 'rename' || kind === 'guest' || kind === 'admin_change' || kind === 'record_access') return '申请人';
  if (kind === 'violation') return '当事成员';
  if (kind === 'backup_due') return '群';
  if (kind === 'election' || kind === 'emergency') return '发起人';
  if (kind === 'feedback') return '反馈人';
  if (kind === 'admin_filing') return '新管理员';
  return '人员';
}

/** A departure names every group the leaver was in; every other case belongs to one group. */
export function groupLabel(kind: string): string {
  return kind === 'departure' ? '所在的群' : '群';
}
