export const ROLES = ['member', 'admin', 'leader', 'deptHead', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '群成员',
  admin: '管理员',
  leader: '上级领导',
  deptHead: '部门负责人',
  owner: '系统管理员',
};

/** Roles a person holds within one group. */
export type GroupRole = 'member' | 'admin' | 'leader';
