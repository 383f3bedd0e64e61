// Every page in app.config.ts, opened from the real weapp build (dist/weapp) in miniprogram-simulate
// with plausible api answers: a page counts as working only when this renders its data.
import type { ActionName, CaseView, GroupView, RosterView, SettingsView } from '../../src/contract';
import { DEFAULT_SETTINGS, inputSchema, ok } from '../../src/contract';
import { renameCase, whoami } from '../app/fixtures';
import { notice, noticeForm, receipts } from '../app/notice-fixtures';
import { exportView, overview } from '../app/report-fixtures';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(120_000);

// app.config.ts calls Taro's build-time global; read the page list from it so a new page needs a row here.
(global as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c;
const config = require('../../src/app/app.config').default as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
const routes = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

const T0 = Date.UTC(2026, 10, 24, 2, 0);
const MIN = 60_000;
const group: GroupView = {
  id: 'g_proj_a', name: '项目A群', type: 'project', typeLabel: '项目群', department: { id: 'd_market', name: '市场部' },
  creator: { id: 'p_zj', name: '周杰' }, admins: [{ id: 'p_zj', name: '周杰' }], leaders: [{ id: 'p_wq', name: '王强' }], memberCount: 2, boundToWechat: true,
};
const page = <T>(items: T[]) => ({ items, total: items.length, offset: 0, limit: 20 });
const history = [{ seq: 1, at: T0, by: { id: 'p_zw1', name: '张伟' }, action: 'submit', actionLabel: '提交申请', from: null, to: 'submitted', dueAt: null }];

function caseOf(kind: string, over: Record<string, unknown>, data: Record<string, unknown>): CaseView {
  return {
    id: 'c_1', kind, kindLabel: kind, group: { id: group.id, name: group.name }, subject: { id: 'p_zw1', name: '张伟' }, state: 'submitted', stateLabel: '待审批',
    open: true, waitingOn: [{ id: 'p_zj', name: '周杰' }], dueAt: T0 + 2 * 86400_000, dueAtUnconfirmed: false, escalation: 0, title: kind,
    data: { groupName: group.name, subjectName: '张伟', ...data }, allowed: [], createdAt: T0, updatedAt: T0, history, links: { images: [] }, ...over,
  } as unknown as CaseView;
}

const violation = caseOf('violation', { id: 'vi_1', kindLabel: '违规处理', state: 'vio_decided', stateLabel: '已处理·申诉期内', title: '张伟：广告推销、擅自拉票集赞（警告）', allowed: ['appeal', 'accept'] }, {
  category: '广告推销、擅自拉票集赞', description: '在群里发布保险广告', severity: 'minor', proposed: 'warning', proposalReasons: ['初次违规且情节较轻：给予警告，提醒其遵守群规。'],
  priorCount: 0, step: 'warning', lighterReason: null, decidedBy: 'p_zj', penalty: 'warning', measureReason: null, filedWith: [], appealDeadline: T0 + 3 * 86400_000,
  appeal: null, answer: null, escalateDeadline: null, escalation: null, ruling: null, task: null, appealClosedReason: null,
});
const assignment = { personId: 'p_zw1', name: '张伟', task: '到现场', status: 'alerted', assignedAt: T0, ackDueAt: T0 + 10 * MIN, ackStage: 0, ackedAt: null, progressDueAt: null, lastProgress: null, doneAt: null, doneNote: null, reopened: 0, noticeId: 'em_1.1.张伟' };
const emergency = caseOf('emergency', { id: 'em_1', kindLabel: '紧急事件', subject: { id: 'p_ly', name: '刘洋' }, state: 'em_active', stateLabel: '处置中', title: '客户现场投诉', allowed: ['acknowledge', 'progress'] }, {
  starterName: '刘洋', title: '客户现场投诉', description: '客户在展厅要求退款', respondWithinMinutes: 60, ackWithinMinutes: 10, respondBy: T0 + 60 * MIN,
  assignments: [assignment], summary: null, alertedCount: 6, mine: assignment,
});
const feedback = caseOf('feedback', { id: 'fb_1', kindLabel: '意见反馈', subject: { id: '', name: '一位群成员' }, state: 'fb_forwarded', stateLabel: '已转交，待答复', title: '建议：例会改到周一上午', allowed: ['answer'] }, {
  category: '建议', text: '希望每周例会改到周一上午', anonymous: true, sender: null, mine: false, seconds: 2, secondedByMe: false,
  forwardedTo: { id: 'p_wq', name: '王强', role: '市场部负责人' }, forwardNote: '请市场部答复', answer: null, followUp: null,
});
const guest = caseOf('guest', { id: 'gu_1', kindLabel: '外部人员入群', title: '外部人员李明临时入群', allowed: ['approve', 'reject'] }, {
  guestName: '李明', organisation: '远景咨询', reason: '协助项目验收', endDate: '2026-12-31', approvers: ['p_wq'],
});
const searchAnswer = {
  ...page([violation]), hasMore: false, totalCapped: false, people: [], states: [],
  groups: [{ id: 'g_proj_a', name: '项目A群' }, { id: 'g_mkt', name: '市场部工作群' }],
};
const settings: SettingsView = { version: 3, values: DEFAULT_SETTINGS, updatedAt: Date.UTC(2026, 0, 2), updatedBy: 'p_zm', calendar: { officialYears: [2004, 2026], unconfirmedYears: [], warning: null } };
const backup = {
  id: 'bk_1', groupId: group.id, from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileName: '十月聊天记录.txt', size: 4096, location: null, sha256: 'ab'.repeat(32),
  madeBy: { id: 'p_zj', name: '周杰' }, registeredBy: { id: 'p_zj', name: '周杰' }, createdAt: T0, overlaps: [], lastVerify: null,
  citation: '来源：「项目A群」群聊记录（2026-10-01 至 2026-10-31），备份编号 bk_1', history,
};
const coverage = { covered: [{ from: '2026-10-01', to: '2026-10-31' }], gaps: [], nextDue: '2026-12-31', status: 'ok', periodMonths: 1 };
const grant = {
  caseId: 'ra_1', state: 'approved', stateLabel: '已通过', group: { id: group.id, name: group.name }, from: '2026-10-01', to: '2026-10-31', expiresAt: T0 + 7 * 86400_000, active: true,
  files: [{ backupId: 'bk_1', from: '2026-10-01', to: '2026-10-31', fileName: '十月聊天记录.txt', storage: 'cloud', location: null, sha256: 'ab'.repeat(32), citation: backup.citation }],
  linkTtlMinutes: 10, defaultDays: 7, maxDays: 30, mine: true,
};
const roster: RosterView = {
  group,
  members: [{ person: { id: 'p_zw1', name: '张伟' }, department: '市场部', employeeNo: '1024', roles: ['member'], external: false, left: false, nickname: '伟哥', canonical: '张伟-市场部-1024', compliant: false, fixCaseId: null },
    { person: { id: 'p_hl', name: '黄磊' }, department: '市场部', employeeNo: '1025', roles: ['member'], external: false, left: false, nickname: '黄磊-市场部', canonical: '黄磊-市场部', compliant: true, fixCaseId: null },
  ],
  history: [],
  can: { manage: true, bind: true, appoint: true, elect: true, applyChange: true, guest: true, emergency: true },
};
const org = {
  departments: [{ id: 'd_market', name: '市场部', head: { id: 'p_wq', name: '王强' } }],
  people: [{ id: 'p_zw1', name: '张伟', department: { id: 'd_market', name: '市场部' }, employeeNo: '1024', status: 'active', external: false, bound: true, publisher: false }],
  groups: [group], manages: ['d_market'], isOwner: true,
};
/** A rename waiting on 周杰 that may be decided in a batch (issue 19). */
const approval = { assignees: [{ id: 'p_zj', name: '周杰' }], actingFor: null, canHandOver: false, handOverTo: [], canNudge: false, nextNudgeAt: null, lastNudgeAt: null, batch: true };
const admin = whoami({ roles: ['member', 'leader'], groups: [{ ...whoami().groups[0], roles: ['member', 'admin'] }] });

type Answers = Partial<Record<ActionName, (data: Record<string, unknown>) => unknown>>;
/** What every page may ask: who the caller is. */
const common: Answers = { 'session.whoami': () => admin };

/** One row per page: the query it is opened with, its api answers, and a text a person sees once its data is in. */
const table: Record<string, { query?: Record<string, string>; api: Answers; shows: string }> = {
  // The tabs open with one screen call each (issue 20).
  'pages/home/index': {
    api: {
      'home.load': () => ({ me: admin, cases: page([renameCase()]), unread: 0, notices: { ...page([notice()]), pending: 1 }, emergencies: [emergency] }),
      'groups.enter': () => ({ group: null }),
    },
    shows: '关于召开年终总结会的通知',
  },
  'pages/inbox/index': { api: { 'inbox.load': () => ({ roles: admin.roles, inbox: page([renameCase()]) }) }, shows: '张伟 申请改名为“张伟-市场部-1024”' },
  'pages/me/index': { api: { 'me.load': () => ({ me: admin, unread: 2 }) }, shows: '站内消息（2 条未读）' },
  'packages/member/pages/rename/index': { query: { groupId: 'g_proj_a' }, api: { 'rename.preview': () => ({ group, canonical: '张伟-市场部-1024', current: '伟哥', compliant: false, requiresSuffix: true, reasons: ['本群另有 1 位成员也叫“张伟”，须在末尾加上工号以便区分。'], rule: { separator: '-', maxLength: 20 }, subject: { personId: 'p_zw1', name: '张伟', department: '市场部', employeeNo: '1024' }, namesakes: [], openCaseId: null }) }, shows: '本群另有 1 位成员也叫“张伟”' },
  'packages/case/pages/case/index': { query: { id: 'rn_1' }, api: { 'cases.get': () => renameCase() }, shows: '张伟-市场部-1024' },
  'packages/admin/pages/review/index': { query: { id: 'rn_1' }, api: { 'cases.get': () => renameCase({ allowed: ['approve', 'reject'] }) }, shows: '张伟-市场部-1024' },
  'packages/admin/pages/settings/index': { api: { 'settings.get': () => settings }, shows: '校验审计记录' },
  'packages/admin/pages/backups/index': { query: { groupId: 'g_proj_a' }, api: { 'backups.list': () => ({ group, backups: [backup], coverage, canManage: true }) }, shows: '2026-10-31' },
  'packages/admin/pages/backup/index': { query: { id: 'bk_1' }, api: { 'backups.get': () => backup }, shows: '十月聊天记录.txt' },
  'packages/admin/pages/violation-new/index': {
    api: { 'violation.form': () => ({ group, members: [{ id: 'p_zw1', name: '张伟' }], categories: ['广告推销、擅自拉票集赞'], proposal: null, appealDays: 3 }), 'backups.list': () => ({ group, backups: [backup], coverage, canManage: true }) },
    shows: '广告推销、擅自拉票集赞',
  },
  'packages/admin/pages/violation/index': { query: { id: 'vi_1' }, api: { 'cases.get': () => violation }, shows: '在群里发布保险广告' },
  'packages/records/pages/request/index': { query: { groupId: 'g_proj_a' }, api: {}, shows: '项目A群' },
  'packages/records/pages/grant/index': { query: { id: 'ra_1' }, api: { 'records.grant': () => grant }, shows: '十月聊天记录.txt' },
  'packages/leader/pages/overview/index': { api: { 'inbox.list': () => page([violation]) }, shows: '张伟：广告推销、擅自拉票集赞（警告）' },
  'packages/leader/pages/ruling/index': { query: { id: 'vi_1' }, api: { 'cases.get': () => violation }, shows: '在群里发布保险广告' },
  'packages/member/pages/violation/index': { query: { id: 'vi_1' }, api: { 'cases.get': () => violation }, shows: '在群里发布保险广告' },
  'packages/member/pages/notifications/index': {
    api: { 'notifications.list': () => ({ ...page([{ id: 'n_1', caseId: 'rn_1', title: '改名申请已通过', body: '你的群昵称可改为 张伟-市场部-1024', page: '/packages/case/pages/case/index?id=rn_1', createdAt: T0, read: false, push: 'sent' }]), unread: 1 }), 'notifications.read': () => ({ updated: 1 }) },
    shows: '改名申请已通过',
  },
  'packages/notices/pages/notice/index': {
    query: { id: 'nt_1' },
    // As its publisher sees it: the counts, and an image hidden by the content check.
    api: { 'notices.get': () => notice({ canManage: true, canReceipts: true, stats: { owed: 5, acked: 1, late: 0, overdue: 4 }, hiddenAttachments: 1, mine: { owed: false, ackedAt: null, late: false } }) },
    shows: '发布部门：市场部',
  },
  'packages/notices/pages/publish/index': { api: { 'notices.form': () => noticeForm() }, shows: '重要通知由部门负责人或指定的发布人发布。' },
  'packages/notices/pages/receipts/index': { query: { id: 'nt_1' }, api: { 'notices.receipts': () => receipts() }, shows: '刘洋-市场部' },
  'packages/notices/pages/group/index': { query: { groupId: 'g_mkt' }, api: { 'notices.list': () => ({ ...page([notice()]), pending: 1 }) }, shows: '关于召开年终总结会的通知' },
  'packages/notices/pages/published/index': {
    api: { 'notices.list': () => ({ ...page([notice({ stats: { owed: 5, acked: 3, late: 1, overdue: 2 }, mine: { owed: false, ackedAt: null, late: false } })]), pending: 0 }) },
    shows: '已确认 3 / 5 人 · 未确认 2 人',
  },
  'packages/respond/pages/emergency-new/index': { query: { groupId: 'g_proj_a' }, api: { 'emergencies.form': () => ({ group, members: [{ id: 'p_hl', name: '黄磊' }], respondMinutes: 60, ackMinutes: 10 }) }, shows: '黄磊' },
  'packages/respond/pages/emergency/index': { query: { id: 'em_1' }, api: { 'cases.get': () => emergency }, shows: '客户在展厅要求退款' },
  'packages/respond/pages/feedback-new/index': { query: { groupId: 'g_proj_a' }, api: { 'feedback.form': () => ({ group, categories: ['建议', '投诉'], receivers: [] }) }, shows: '投诉' },
  'packages/respond/pages/feedback/index': { query: { id: 'fb_1' }, api: { 'cases.get': () => feedback, 'feedback.form': () => ({ group, categories: ['建议'], receivers: [{ id: 'p_wq', name: '王强', role: '市场部负责人' }] }) }, shows: '希望每周例会改到周一上午' },
  'packages/org/pages/join/index': { query: { token: 'tk_1' }, api: {}, shows: '确认绑定' },
  'packages/org/pages/setup/index': { api: { 'org.overview': () => org }, shows: '王强' },
  'packages/org/pages/group-new/index': { api: { 'org.overview': () => org }, shows: '市场部' },
  'packages/org/pages/invite/index': { query: { personId: 'p_zw1' }, api: {}, shows: '生成邀请卡片' },
  'packages/org/pages/group/index': { query: { id: 'g_proj_a' }, api: { 'groups.roster': () => roster }, shows: '伟哥' },
  'packages/org/pages/guest/index': { query: { groupId: 'g_proj_a' }, api: {}, shows: '申请外部人员临时入群' },
  'packages/org/pages/admin-change/index': { query: { groupId: 'g_proj_a' }, api: { 'groups.roster': () => roster }, shows: '黄磊' },
  'packages/org/pages/act/index': { query: { id: 'gu_1' }, api: { 'cases.get': () => guest }, shows: '李明（外部，远景咨询）' },
  // Reports (issue 17): the canvas is not drawn here, the page's text and tables are.
  'packages/reports/pages/overview/index': { api: { 'reports.overview': () => overview() }, shows: '全部 2 个群（市场部工作群、项目A群）' },
  'packages/reports/pages/drill/index': {
    query: { metric: 'opened', bucketStart: '2026-11-09', key: 'rename', title: '新开事项' },
    api: { 'reports.drill': () => ({ type: 'cases', ...page([renameCase()]) }) },
    shows: '共 1 件事项',
  },
  'packages/reports/pages/export/index': { api: { 'reports.overview': () => overview() }, shows: '项目A群' },
  'packages/reports/pages/exports/index': { api: { 'reports.exports': () => page([exportView()]) }, shows: 'ab'.repeat(32) },
  // 全部事项 (issue 19): its main tap (只看超期) is sent below, checked against the contract.
  'packages/search/pages/cases/index': { api: { 'cases.search': () => searchAnswer }, shows: '张伟：广告推销、擅自拉票集赞（警告）' },
  'packages/approval/pages/delegation/index': {
    api: { 'delegations.mine': () => ({ mine: { delegator: { id: 'p_zj', name: '周杰' }, delegate: { id: 'p_sl', name: '孙丽' }, from: T0, to: T0 + 7 * 86400_000, active: true, createdAt: T0 }, forMe: [], candidates: [{ id: 'p_sl', name: '孙丽' }], maxDays: 90 }) },
    shows: '在孙丽的待办里显示为“代 周杰”',
  },
  'packages/approval/pages/hand-over/index': { query: { id: 'rn_1' }, api: { 'cases.get': () => renameCase({ approval: { ...approval, canHandOver: true, handOverTo: [{ id: 'p_sl', name: '孙丽' }] } }) }, shows: '孙丽' },
  'packages/approval/pages/batch/index': {
    api: { 'inbox.list': () => page([renameCase({ id: 'rn_1', allowed: ['approve', 'reject'], approval: { ...approval, actingFor: { id: 'p_zj', name: '周杰' } } }), renameCase({ id: 'rn_2', allowed: ['approve', 'reject'], approval })]) },
    shows: '全选（共 2 项）',
  },
};

let answers: Answers = {};
const opened: Record<string, ReturnType<ReturnType<typeof startApp>['openPage']>> = {};
let unanswered: string[] = [];
const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: ActionName; data: Record<string, unknown> } }) => {
  const answer = name === 'api' ? answers[data.action] : undefined;
  if (!answer) {
    unanswered.push(`${name}:${data.action}`);
    return { result: { ok: false, error: { code: 'NOT_FOUND', message: `no fixture for ${data.action}` } } };
  }
  return { result: ok(answer(data.data)) };
});

describe('every page of app.config.ts in the weapp build', () => {
  let app: ReturnType<typeof startApp>;
  beforeAll(() => {
    ensureWeappBuild();
    app = startApp({ cloud: { init: jest.fn(), callFunction }, showToast: jest.fn(), requestSubscribeMessage: jest.fn() });
  });

  it('should list every page (tabs, main package, subpackages), each with a row in the table', () => {
    // The count the issue asks to see in the run's output.
    console.log(`weapp: ${routes.length} pages of app.config.ts rendered from the build`);
    expect(routes.length).toBeGreaterThanOrEqual(42);
    expect(routes.filter((r) => !table[r])).toEqual([]);
  });

  it.each(routes)('should render %s with its data', async (route) => {
    const row = table[route];
    if (!row) throw new Error(`no fixture row for ${route}`);
    answers = { ...common, ...row.api };
    unanswered = [];
    const view = app.openPage(route, row.query);
    opened[route] = view;
    const text = () => view.dom!.textContent!;
    for (let i = 0; i < 100 && !text().includes(row.shows); i++) await app.simulate.sleep(20);
    // Late calls (after the first data) must be answered too.
    await app.simulate.sleep(40);
    expect(unanswered).toEqual([]);
    expect(text()).toContain(row.shows);
    expect(text()).not.toContain('出错');
    expect(view.querySelector('.qw-error')).toBeFalsy();
  });

  it("should show a notice's counts to its publisher, with what is late and the image the content check hid", () => {
    const published = opened['packages/notices/pages/published/index']!.dom!.textContent!;
    expect(published).toContain('逾期未确认 2');
    expect(published).toContain('逾期确认 1');
    const notice = opened['packages/notices/pages/notice/index']!.dom!.textContent!;
    expect(notice).toContain('已确认 1 / 5 人 · 未确认 4 人');
    expect(notice).toContain('逾期未确认 4');
    expect(notice).toContain('1 张图片未通过微信内容安全检查，已隐藏。如需补发，请更正通知并换一张图片');
  });

  it('should send a contract-valid cases.search when 全部事项 is filtered to overdue violations of one group', async () => {
    answers = { ...common, 'cases.search': () => searchAnswer };
    // The page as its row above rendered it: miniprogram-simulate cannot load one path twice.
    const view = opened['packages/search/pages/cases/index'] ?? app.openPage('packages/search/pages/cases/index');
    for (let i = 0; i < 100 && !view.dom!.textContent!.includes('项目A群'); i++) await app.simulate.sleep(20);
    const chip = (label: string) => view.querySelectorAll('.qw-chip').find((c) => c.dom!.textContent!.trim().startsWith(label));
    for (const label of ['违规处理', '项目A群', '只看超期']) {
      chip(label)!.dispatchEvent('tap');
      await app.simulate.sleep(60);
    }
    const sent = callFunction.mock.calls.map(([c]) => c.data).filter((d) => d.action === 'cases.search').at(-1)!.data;
    expect(sent).toMatchObject({ kinds: ['violation'], groupId: 'g_proj_a', overdueOnly: true, offset: 0 });
    expect(inputSchema('cases.search').safeParse(sent).success).toBe(true);
  });
});
