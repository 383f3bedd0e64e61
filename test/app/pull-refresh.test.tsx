// 下拉刷新 and loading more at the bottom, as WeChat drives a list page: the page's pull-down handler
// loads again and stops the spinner once the answer is in (also when it fails); reaching the bottom
// loads the next page.
import { act, render, screen } from '@testing-library/react';
import { fail, ok, type CaseView, type RosterView } from '../../src/contract';
import InboxPage from '../../src/app/pages/inbox/index';
import GroupPage from '../../src/app/packages/org/pages/group/index';
import { deferred, mockApi } from './api-mock';
import { renameCase } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

/** WeChat calls the handler the page registered last (each render registers the current one). */
const pullDown = () => act(async () => (taro.usePullDownRefresh.mock.calls.at(-1)![0] as () => void)());
const reachBottom = () => act(async () => (taro.useReachBottom.mock.calls.at(-1)![0] as () => void)());

const item = (i: number): CaseView => renameCase({ id: `rn_${i}`, subject: { id: `p${i}`, name: `成员${i}` } });

describe('下拉刷新 on 待办', () => {
  it('should show what changed since the first load and stop the spinner only once the answer is in', async () => {
    let round = 0;
    const second = deferred<void>();
    const api = mockApi({
      'inbox.list': async () => {
        round += 1;
        if (round === 2) await second.promise;
        return ok({ items: round === 1 ? [item(1)] : [item(2), item(1)], total: round === 1 ? 1 : 2, offset: 0, limit: 20 });
      },
    });
    render(<InboxPage />);
    expect(await screen.findByText('成员1')).toBeTruthy();
    expect(screen.queryByText('成员2')).toBeNull();

    await pullDown();
    expect(taro.stopPullDownRefresh).not.toHaveBeenCalled();
    await act(async () => second.resolve());
    expect(await screen.findByText('成员2')).toBeTruthy();
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    // The first load and the refresh: one screen call each (inbox.load).
    expect(api.sentTo('inbox.load')).toEqual([{}, {}]);
  });

  it('should stop the spinner and say what failed, with 重试, when the refresh fails', async () => {
    let round = 0;
    mockApi({ 'inbox.list': () => (++round !== 2 ? ok({ items: [item(round)], total: 1, offset: 0, limit: 20 }) : fail('INTERNAL')) });
    render(<InboxPage />);
    expect(await screen.findByText('成员1')).toBeTruthy();
    await pullDown();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText('待办没有加载出来')).toBeTruthy();
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    // 重试 is a button that loads again.
    await act(async () => screen.getByRole('button', { name: '重试' }).click());
    expect(await screen.findByText('成员3')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should show a skeleton, not a blank page, until the first answer is in', async () => {
    const first = deferred<void>();
    mockApi({ 'inbox.list': async () => (await first.promise, ok({ items: [item(1)], total: 1, offset: 0, limit: 20 })) });
    render(<InboxPage />);
    expect(screen.getByTestId('skeleton').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText('成员1')).toBeNull();
    await act(async () => first.resolve());
    expect(await screen.findByText('成员1')).toBeTruthy();
    expect(screen.queryByTestId('skeleton')).toBeNull();
  });

  it('should load the next page on reaching the bottom, and nothing more once all are shown', async () => {
    const api = mockApi({
      'inbox.list': (d) => {
        const from = d.offset ?? 0;
        return ok({ items: Array.from({ length: Math.min(20, 25 - from) }, (_, i) => item(from + i)), total: 25, offset: from, limit: 20 });
      },
    });
    render(<InboxPage />);
    expect(await screen.findByText('成员19')).toBeTruthy();
    await reachBottom();
    expect(await screen.findByText('成员24')).toBeTruthy();
    await reachBottom();
    expect(api.sentTo('inbox.load')).toEqual([{}]);
    expect(api.sentTo('inbox.list')).toEqual([{ offset: 20, limit: 20 }]);
  });
});

describe("下拉刷新 on a group's roster", () => {
  const roster = (names: string[]): RosterView => ({
    group: {
      id: 'g_mkt', name: '市场部工作群', type: 'department', typeLabel: '部门群', department: { id: 'd_market', name: '市场部' },
      creator: { id: 'p_wq', name: '王强' }, admins: [{ id: 'p_ly', name: '刘洋' }], leaders: [{ id: 'p_cg', name: '陈刚' }], memberCount: names.length, boundToWechat: true,
    },
    members: names.map((n, i) => ({
      person: { id: `p${i}`, name: n }, department: '市场部', employeeNo: `10${i}`, roles: ['member'], external: false, left: false,
      nickname: `${n}-市场部`, canonical: `${n}-市场部`, compliant: true, fixCaseId: null,
    })),
    history: [],
    can: { manage: false, bind: false, appoint: false, elect: false, applyChange: false, guest: false, emergency: false },
  } as RosterView);

  it('should show a member who joined since, and stop the spinner', async () => {
    taro.setRouterParams({ id: 'g_mkt' });
    let round = 0;
    mockApi({ 'groups.roster': () => ok(roster(++round === 1 ? ['黄磊'] : ['黄磊', '郑爽'])) });
    render(<GroupPage />);
    expect(await screen.findByText('黄磊')).toBeTruthy();
    await pullDown();
    expect(await screen.findByText('郑爽')).toBeTruthy();
    expect(taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });
});
