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
} as const;

/** Rename requests have their own pages; every other kind is handled on the 事项办理 page. */
export function reviewRoute(c: { id: string; kind: string }): string {
  return c.kind === 'rename' ? routes.review(c.id) : routes.act(c.id);
}

export const TAB_ROUTES: string[] = [routes.home, routes.inbox, routes.me];

/** Paths stored by the server (notifications) have no leading slash. */
export function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}
