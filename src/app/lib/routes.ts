// Every page path in one place, so a renamed page breaks the type check, not a tap.
const q = encodeURIComponent;

export const routes = {
  home: '/pages/home/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  notifications: '/packages/member/pages/notifications/index',
  rename: (groupId: string) => `/packages/member/pages/rename/index?groupId=${q(groupId)}`,
  case: (id: string) => `/packages/case/pages/case/index?id=${q(id)}`,
  review: (id: string) => `/packages/admin/pages/review/index?id=${q(id)}`,
  settings: '/packages/admin/pages/settings/index',
  backups: (groupId?: string) => `/packages/admin/pages/backups/index${groupId ? `?groupId=${q(groupId)}` : ''}`,
  backup: (id: string) => `/packages/admin/pages/backup/index?id=${q(id)}`,
  recordRequest: (groupId: string) => `/packages/records/pages/request/index?groupId=${q(groupId)}`,
  recordGrant: (caseId: string) => `/packages/records/pages/grant/index?id=${q(caseId)}`,
  leaderOverview: '/packages/leader/pages/overview/index',
  join: (token: string) => `/packages/org/pages/join/index?token=${q(token)}`,
  org: '/packages/org/pages/setup/index',
  groupNew: '/packages/org/pages/group-new/index',
  invite: (personId: string) => `/packages/org/pages/invite/index?personId=${q(personId)}`,
  group: (id: string) => `/packages/org/pages/group/index?id=${q(id)}`,
  guestNew: (groupId: string) => `/packages/org/pages/guest/index?groupId=${q(groupId)}`,
  adminChange: (groupId: string) => `/packages/org/pages/admin-change/index?groupId=${q(groupId)}`,
  act: (id: string) => `/packages/org/pages/act/index?id=${q(id)}`,
  violationNew: '/packages/admin/pages/violation-new/index',
  violationAdmin: (id: string) => `/packages/admin/pages/violation/index?id=${q(id)}`,
  violationMember: (id: string) => `/packages/member/pages/violation/index?id=${q(id)}`,
  ruling: (id: string) => `/packages/leader/pages/ruling/index?id=${q(id)}`,
  notice: (id: string) => `/packages/notices/pages/notice/index?id=${q(id)}`,
  /** With `correct`, the form publishes a correction of that notice. */
  noticePublish: (correct?: string) => `/packages/notices/pages/publish/index${correct ? `?correct=${q(correct)}` : ''}`,
  noticeReceipts: (id: string) => `/packages/notices/pages/receipts/index?id=${q(id)}`,
  groupNotices: (groupId: string) => `/packages/notices/pages/group/index?groupId=${q(groupId)}`,
  publishedNotices: '/packages/notices/pages/published/index',
  emergencyNew: (groupId: string) => `/packages/respond/pages/emergency-new/index?groupId=${q(groupId)}`,
  emergency: (id: string) => `/packages/respond/pages/emergency/index?id=${q(id)}`,
  feedbackNew: (groupId: string) => `/packages/respond/pages/feedback-new/index?groupId=${q(groupId)}`,
  feedback: (id: string) => `/packages/respond/pages/feedback/index?id=${q(id)}`,
  /** 报表; its other pages' routes live in the reports subpackage. */
  reports: '/packages/reports/pages/overview/index',
  delegation: '/packages/approval/pages/delegation/index',
  /** 全部事项 (cases.search). */
  searchCases: '/packages/search/pages/cases/index',
  handOver: (id: string) => `/packages/approval/pages/hand-over/index?id=${q(id)}`,
  batch: (kind?: string) => `/packages/approval/pages/batch/index${kind ? `?kind=${q(kind)}` : ''}`,
} as const;

/** Kinds decided on the admin review page; the organisation's task kinds are done on 事项办理. */
const REVIEWED = new Set(['rename', 'record_access', 'backup_due']);

/**
 * Where a case is handled by this reader: a violation opens the page for what they may do now; from
 * the 待办 list, reviewed kinds open the review page and task kinds the 事项办理 page.
 */
export function caseRoute(c: { id: string; kind: string; allowed: string[] }, adminList = false): string {
  if (c.kind === 'violation') {
    const can = (x: string) => c.allowed.includes(x);
    if (can('rule') || can('decideMeasure')) return routes.ruling(c.id);
    if (can('answer') || can('confirmTask')) return routes.violationAdmin(c.id);
    return routes.violationMember(c.id);
  }
  if (c.kind === 'emergency') return routes.emergency(c.id);
  if (c.kind === 'feedback') return routes.feedback(c.id);
  if (!adminList) return routes.case(c.id);
  return REVIEWED.has(c.kind) ? routes.review(c.id) : routes.act(c.id);
}

export const TAB_ROUTES: string[] = [routes.home, routes.inbox, routes.me];

/** The case page's path before it left the main package: stored notifications still name it. */
const OLD_CASE_PAGE = /^\/?pages\/case\/index(?=\?|$)/;

/** Paths stored by the server (notifications) have no leading slash; an old case path goes on to the new one. */
export function absolute(path: string): string {
  const moved = path.replace(OLD_CASE_PAGE, 'packages/case/pages/case/index');
  return moved.startsWith('/') ? moved : `/${moved}`;
}
