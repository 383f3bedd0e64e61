// 全部事项 (cases.search) through dispatch: each role's scope, every filter, order and paging, and the refusals.
import { DEFAULT_SETTINGS, ERROR_MESSAGES, type ActionInput, type CaseSearchResult } from '../../src/contract';
import { fileMarketRename, makeWorld, requestId, T0, type World } from './harness';

let w: World;
let rename: string;
let violation: string;
const PRIOR = 'vi_demo_prior_warning'; // seeded: 郑爽's accepted warning in 市场部工作群, a month ago

beforeEach(async () => {
  w = await makeWorld({ liftLimits: true });
  rename = (await fileMarketRename(w, '黄磊-市场部')).id;
  w.clock.t = T0 + 60_000;
  violation = (
    await w.okCall('p_zhoujie', 'violation.open', {
      groupId: 'g_projecta',
      subjectId: 'p_machao',
      category: DEFAULT_SETTINGS.violation.categories[0],
      description: '在群里发广告',
      evidence: [],
      severity: 'minor',
      step: 'warning',
      requestId: requestId(),
    })
  ).id;
});

const search = (as: string, data: ActionInput<'cases.search'> = {}) => w.okCall(as, 'cases.search', data);
const ids = (r: CaseSearchResult) => r.items.map((c) => c.id);

describe('scope', () => {
  it("should show an admin their groups' cases, a leader the groups they lead, a department head their department's groups, the owner everything", async () => {
    expect(ids(await search('p_liuyang')).sort()).toEqual([PRIOR, rename].sort());
    expect(ids(await search('p_zhoujie'))).toEqual([violation]);
    expect(ids(await search('p_chengang')).sort()).toEqual([PRIOR, rename, violation].sort());
    expect(ids(await search('p_wangqiang')).sort()).toEqual([PRIOR, rename].sort());
    expect(ids(await search('p_lina'))).toEqual([violation]);
    expect(ids(await search('p_zhaomin')).sort()).toEqual([PRIOR, rename, violation].sort());
    // The group filter offers exactly the scope's groups.
    expect((await search('p_zhoujie')).groups).toEqual([{ id: 'g_projecta', name: '项目A群' }]);
    expect((await search('p_chengang')).groups.map((g) => g.name).sort()).toEqual(['市场部工作群', '项目A群'].sort());
  });

  it("should let a department head open what they find in their department's groups, and nothing else", async () => {
    expect((await w.okCall('p_wangqiang', 'cases.get', { caseId: rename })).id).toBe(rename);
    expect(await w.call('p_wangqiang', 'cases.get', { caseId: violation })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await w.okCall('p_lina', 'cases.get', { caseId: violation })).id).toBe(violation);
  });

  it('should refuse a member with a stable code and a Chinese sentence, and a group outside the scope, writing nothing', async () => {
    const before = w.footprint();
    expect(await w.call('p_huanglei', 'cases.search', {})).toEqual({ ok: false, code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN });
    const r = await w.call('p_liuyang', 'cases.search', { groupId: 'g_projecta' });
    expect(r).toMatchObject({ ok: false, code: 'GROUP_NOT_IN_SCOPE' });
    expect(!r.ok && r.message).toContain('不在你可查看的范围内');
    expect(await w.call('p_wangqiang', 'cases.search', { groupId: 'g_projecta' })).toMatchObject({ ok: false, code: 'GROUP_NOT_IN_SCOPE' });
    expect(w.footprint()).toEqual(before);
  });

  it('should never find a person outside the scope by name, nor their cases', async () => {
    // 马超 is only in 项目A群: 刘洋 (市场部工作群) cannot find him, though a case about him exists.
    const r = await search('p_liuyang', { personQuery: '马超' });
    expect(r.people).toEqual([]);
    expect(r.items).toEqual([]);
    // Nor by title text: the violation's title names him, but it is not in 刘洋's groups.
    expect(ids(await search('p_liuyang', { text: '马超' }))).toEqual([]);
    expect(ids(await search('p_zhoujie', { personQuery: '马超' }))).toEqual([violation]);
  });
});

describe('filters', () => {
  it('should filter by kind, state and group', async () => {
    expect(ids(await search('p_chengang', { kinds: ['rename'] }))).toEqual([rename]);
    expect(ids(await search('p_chengang', { kinds: ['violation'] })).sort()).toEqual([PRIOR, violation].sort());
    expect(ids(await search('p_chengang', { states: ['submitted'] }))).toEqual([rename]);
    expect(ids(await search('p_chengang', { kinds: ['violation'], states: ['vio_final'] }))).toEqual([PRIOR]);
    expect(ids(await search('p_chengang', { groupId: 'g_projecta' }))).toEqual([violation]);
  });

  it("should offer the chosen kind's states, and none before a kind is chosen", async () => {
    expect((await search('p_chengang')).states).toEqual([]);
    expect((await search('p_chengang', { kinds: ['rename'] })).states).toEqual([
      { id: 'submitted', label: '待审批' },
      { id: 'approved', label: '已通过' },
      { id: 'rejected', label: '已驳回' },
      { id: 'withdrawn', label: '已撤回' },
    ]);
  });

  it('should find cases about, or asked for by, the people a name or a group nickname matches', async () => {
    const byName = await search('p_chengang', { personQuery: '黄磊' });
    expect(byName.people).toEqual([{ id: 'p_huanglei', name: '黄磊' }]);
    expect(ids(byName)).toEqual([rename]);
    // 周杰 opened the violation (its requester): found by his name too.
    expect(ids(await search('p_chengang', { personQuery: '周杰' }))).toEqual([violation]);
    // 磊磊 is 黄磊's recorded nickname in 市场部工作群.
    expect((await search('p_liuyang', { personQuery: '磊磊' })).people).toEqual([{ id: 'p_huanglei', name: '黄磊' }]);
    // 张伟 stands for two people, both in scope.
    expect((await search('p_chengang', { personQuery: '张伟' })).people.map((p) => p.id).sort()).toEqual(['p_zhangwei_m', 'p_zhangwei_t']);
  });

  it("should match the title text: a rename's nickname, a violation's category and person", async () => {
    expect(ids(await search('p_chengang', { text: '市场部' }))).toEqual([rename]);
    expect(ids(await search('p_chengang', { text: DEFAULT_SETTINGS.violation.categories[0].slice(1) }))).toContain(violation);
    expect(ids(await search('p_chengang', { text: '黄磊 市场' }))).toEqual([rename]);
    expect(ids(await search('p_chengang', { text: '没有这个' }))).toEqual([]);
  });

  it('should keep only cases opened in the period (Shanghai days)', async () => {
    expect(ids(await search('p_chengang', { from: '2026-11-24', to: '2026-11-24' })).sort()).toEqual([rename, violation].sort());
    expect(ids(await search('p_chengang', { to: '2026-11-23' }))).toEqual([PRIOR]);
    expect(ids(await search('p_chengang', { from: '2026-11-25' }))).toEqual([]);
  });

  it('should show only open cases past their deadline when overdue only', async () => {
    expect(ids(await search('p_chengang', { overdueOnly: true }))).toEqual([]);
    const v = await w.okCall('p_chengang', 'cases.get', { caseId: violation });
    w.clock.t = v.dueAt! + 60_000;
    expect(ids(await search('p_chengang', { overdueOnly: true }))).toContain(violation);
    expect(ids(await search('p_chengang', { overdueOnly: true, kinds: ['violation'], groupId: 'g_projecta' }))).toEqual([violation]);
    expect(ids(await search('p_chengang', { overdueOnly: true, groupId: 'g_market', kinds: ['violation'] }))).toEqual([]);
  });

  it('should order by deadline newest or oldest first and page with a total', async () => {
    const desc = await search('p_chengang', { order: 'dueDesc' });
    const asc = await search('p_chengang', { order: 'dueAsc' });
    expect(ids(asc)).toEqual([...ids(desc)].reverse());
    expect(asc.items[0].id).toBe(PRIOR);
    const first = await search('p_chengang', { order: 'dueAsc', limit: 2 });
    expect(first).toMatchObject({ total: 3, hasMore: true, totalCapped: false, offset: 0, limit: 2 });
    const second = await search('p_chengang', { order: 'dueAsc', limit: 2, offset: 2 });
    expect(second).toMatchObject({ total: 3, hasMore: false });
    expect([...ids(first), ...ids(second)]).toEqual(ids(asc));
  });

  it('should refuse title text of one character, a day that does not exist and a period that ends before it starts', async () => {
    expect(await w.call('p_chengang', 'cases.search', { text: '磊' })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '标题文字请至少输入 2 个字' });
    expect(await w.call('p_chengang', 'cases.search', { from: '2026-02-31' })).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(await w.call('p_chengang', 'cases.search', { from: '2026-11-25', to: '2026-11-24' })).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(await w.call('p_chengang', 'cases.search', { limit: 51 })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('should show each case as 待办 does: title, group, state, who it waits on', async () => {
    const [c] = (await search('p_chengang', { kinds: ['rename'] })).items;
    expect(c).toMatchObject({ id: rename, kind: 'rename', title: '改名为“黄磊-市场部”', group: { id: 'g_market', name: '市场部工作群' }, stateLabel: '待审批', waitingOn: [{ id: 'p_liuyang', name: '刘洋' }] });
  });
});
