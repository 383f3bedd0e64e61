// Every page path in one place, so a renamed page breaks the type check, not a tap.
const q = encodeURIComponent;

export const routes = {
  home: '/pages/home/index',
  inbox: '/pages/inbox/index',
  me: '/pages/me/index',
  notifications: '/pages/notifications/index',
  rename: (groupId: string) => `/pages/rename/index?groupId=${q(groupId)}`,
  case: (id: string) => `/pages/case/index?id=${q(id)}`,
  review: (id: string) => `/packages/admin/pages/review/index?id=${q(id)}`,
  settings: '/packages/admin/pages/settings/index',
  leaderOverview: '/packages/leader/pages/overview/index',
  violationNew: '/packages/admin/pages/violation-new/index',
  violationAdmin: (id: string) => `/packages/admin/pages/violation/index?id=${q(id)}`,
  violationMember: (id: string) => `/packages/member/pages/violation/index?id=${q(id)}`,
  ruling: (id: string) => `/packages/leader/pages/ruling/index?id=${q(id)}`,
} as const;

/** Where a case is handled by this reader: a violation opens the page for what they may do now. */
export function caseRoute(c: { id: string; kind: string; allowed: string[] }, adminList = false): string {
  if (c.kind !== 'violation') return adminList ? routes.review(c.id) : routes.case(c.id);
  const can = (x: string) => c.allowed.includes(x);
  if (can('rule') || can('decideMeasure')) return routes.ruling(c.id);
  if (can('answer') || can('confirmTask')) return routes.violationAdmin(c.id);
  return routes.violationMember(c.id);
}

export const TAB_ROUTES: string[] = [routes.home, routes.inbox, routes.me];

/** Paths stored by the server (notifications) have no leading slash. */
export function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
