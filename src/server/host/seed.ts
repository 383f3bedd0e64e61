// The demo organisation: enough people and groups to click through every role.
import { DEFAULT_SETTINGS, type GroupRole } from '../../contract';
import { proposePenalty } from '../../core/ladder';
import type { BackupDoc, Department, Group, Membership, Person } from '../../core/model';
import { shanghaiDate } from '../../core/time';
import { decide } from '../../core/engine';
import { openViolation, violationKind } from '../../core/kinds/violation';
import { sealHistory } from '../cases/audit';
import type { AuditKeys, Store } from '../ports';

type P = [id: string, name: string, deptId: string, employeeNo: string, title: string];

export const DEMO_DEPARTMENTS: Department[] = [
  { _id: 'd_market', name: '市场部', headId: 'p_wangqiang' },
  { _id: 'd_tech', name: '技术部', headId: 'p_lina' },
  { _id: 'd_admin', name: '行政部', headId: 'p_zhaomin' },
];

const PEOPLE: P[] = [
  ['p_wangqiang', '王强', 'd_market', 'M001', '市场部负责人'],
  ['p_lina', '李娜', 'd_tech', 'T001', '技术部负责人'],
  ['p_zhaomin', '赵敏', 'd_admin', 'A001', '行政部负责人、系统管理员'],
  ['p_chengang', '陈刚', 'd_admin', 'A002', '上级领导（两个群）'],
  ['p_liuyang', '刘洋', 'd_market', 'M002', '市场部群管理员'],
  ['p_zhoujie', '周杰', 'd_tech', 'T002', '项目A群管理员'],
  ['p_sunli', '孙丽', 'd_tech', 'T003', '项目A群管理员'],
  ['p_zhangwei_m', '张伟', 'd_market', '1024', '群成员（与技术部张伟同名）'],
  ['p_zhangwei_t', '张伟', 'd_tech', '2048', '群成员（与市场部张伟同名）'],
  ['p_huanglei', '黄磊', 'd_market', 'M003', '群成员'],
  ['p_wufang', '吴芳', 'd_tech', 'T004', '群成员'],
  ['p_zhengshuang', '郑爽', 'd_market', 'M004', '群成员'],
  ['p_hejing', '何静', 'd_admin', 'A003', '群成员'],
  ['p_machao', '马超', 'd_tech', 'T005', '群成员'],
];

/** What the sign-in page says each demo person is. */
export const DEMO_TITLES: Record<string, string> = Object.fromEntries(PEOPLE.map((p) => [p[0], p[4]]));
export const DEMO_OWNER_OPENID = 'dev_p_zhaomin';
export const demoOpenid = (personId: string) => `dev_${personId}`;

export const DEMO_GROUPS: Group[] = [
  { _id: 'g_market', name: '市场部工作群', type: 'department', deptId: 'd_market', creatorId: 'p_wangqiang', opengid: null, createdAt: 0 },
  { _id: 'g_projecta', name: '项目A群', type: 'project', deptId: 'd_tech', creatorId: 'p_lina', opengid: null, createdAt: 0 },
];

// [groupId, personId, roles, recorded nickname]
const MEMBERSHIPS: [string, string, GroupRole[], string | null][] = [
  ['g_market', 'p_wangqiang', ['member'], '王强-市场部'],
  ['g_market', 'p_liuyang', ['member', 'admin'], '刘洋-市场部'],
  ['g_market', 'p_zhangwei_m', ['member'], '张伟-市场部'],
  ['g_market', 'p_huanglei', ['member'], '磊磊'],
  ['g_market', 'p_zhengshuang', ['member'], '郑爽-市场部'],
  ['g_market', 'p_hejing', ['member'], null],
  ['g_market', 'p_chengang', ['leader'], null],
  ['g_projecta', 'p_lina', ['member'], '李娜-技术部'],
  ['g_projecta', 'p_zhoujie', ['member', 'admin'], '周杰-技术部'],
  ['g_projecta', 'p_sunli', ['member', 'admin'], '孙丽-技术部'],
  ['g_projecta', 'p_zhangwei_m', ['member'], '张伟-市场部'],
  ['g_projecta', 'p_zhangwei_t', ['member'], '张伟-技术部-2048'],
  ['g_projecta', 'p_huanglei', ['member'], '黄磊-市场部'],
  ['g_projecta', 'p_wufang', ['member'], '吴芳-技术部'],
  ['g_projecta', 'p_machao', ['member'], '马超'],
  ['g_projecta', 'p_chengang', ['leader'], null],
];

/** Seeds the demo organisation once; a second call finds it and does nothing. */
export async function seedDemo(store: Store, now: number, keys: AuditKeys): Promise<boolean> {
  if (await store.getPerson(PEOPLE[0][0])) return false;
  for (const d of DEMO_DEPARTMENTS) await store.insertDepartment(d);
  for (const [_id, name, deptId, employeeNo] of PEOPLE) {
    const person: Person = { _id, openid: demoOpenid(_id), name, deptId, employeeNo, status: 'active', external: false, createdAt: now };
    await store.insertPerson(person);
  }
  for (const g of DEMO_GROUPS) await store.insertGroup({ ...g, createdAt: now });
  for (const [groupId, personId, roles, nickname] of MEMBERSHIPS) {
    const m: Membership = { _id: `${groupId}:${personId}`, groupId, personId, roles, nickname, status: 'active', updatedAt: now };
    await store.putMembership(m);
  }
  await store.insertBackup(demoBackup(now, keys));
  await store.insertCase(priorWarning(now, keys));
  return true;
}

/** 项目A群 kept last month's chat on a USB stick in a cabinet: a local backup, no file, no checksum. */
export function demoBackup(now: number, keys: AuditKeys): BackupDoc {
  const today = shanghaiDate(now);
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = shanghaiDate(Date.parse(`${firstOfThisMonth}T12:00:00+08:00`) - 86_400_000);
  const from = `${lastMonthEnd.slice(0, 7)}-01`;
  return sealHistory(keys, {
    _id: 'bk_demo_projecta',
    groupId: 'g_projecta',
    from,
    to: lastMonthEnd,
    storage: 'local',
    fileId: null,
    fileName: null,
    size: null,
    location: '技术部档案柜 B-2（U 盘）',
    sha256: null,
    madeBy: 'p_zhoujie',
    registeredBy: 'p_zhoujie',
    requestId: 'demo-seed',
    lastVerify: null,
    history: [
      { seq: 1, at: now, by: 'p_zhoujie', action: 'register', from: null, to: 'registered', dueAt: null, note: `${from} 至 ${lastMonthEnd}，本地存储：技术部档案柜 B-2（U 盘）`, prevHash: '', hash: '' },
    ],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }, 'backup');
}

/**
 * 郑爽 had a light violation in 市场部工作群 a month ago and accepted the warning, so a second one
 * now shows the ladder proposing 移出群聊 (a repeat within the window).
 */
function priorWarning(now: number, keys: AuditKeys) {
  const then = now - 30 * 86_400_000;
  const ctx = { now: then, settings: DEFAULT_SETTINGS, admins: ['p_liuyang'], leaders: ['p_chengang'] };
  const proposal = proposePenalty('minor', [], DEFAULT_SETTINGS.violation, then);
  const opened = openViolation({
    id: 'vi_demo_prior_warning',
    groupId: 'g_market',
    subjectId: 'p_zhengshuang',
    openedBy: 'p_liuyang',
    requestId: 'demo-prior-warning',
    groupName: '市场部工作群',
    subjectName: '郑爽',
    category: DEFAULT_SETTINGS.violation.categories[3],
    description: '在群里转发拉票链接',
    evidence: [],
    severity: 'minor',
    proposed: proposal.step,
    proposalReasons: proposal.reasons,
    priorCount: 0,
    step: proposal.step,
    lighterReason: null,
    settingsVersion: 1,
    ctx,
  });
  const accepted = decide(violationKind, opened, { type: 'accept' }, { id: 'p_zhengshuang', rolesInGroup: ['member'] }, { ...ctx, now: then + 3_600_000 });
  if (!accepted.ok) throw new Error(`demo warning: ${accepted.code}`);
  // History only: a month-old notice is not worth delivering now.
  return sealHistory(keys, { ...accepted.case, outbox: [] });
}
