// 转发 (the ··· menu): a case or group page offers a card only where it reveals nothing private
// (lib/share.ts decides per case kind), hides 转发 everywhere else, and a person who opens a card
// without the right to see it gets 你无权查看.
import { render, screen, waitFor } from '@testing-library/react';
import { CASE_KINDS, fail, ok, type RosterView } from '../../src/contract';
import CasePage from '../../src/app/packages/case/pages/case/index';
import GroupPage from '../../src/app/packages/org/pages/group/index';
import NoticePage from '../../src/app/packages/notices/pages/notice/index';
import { CASE_SHARING } from '../../src/app/lib/share';
import { mockApi } from './api-mock';
import { renameCase } from './fixtures';
import { notice } from './notice-fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

/** The card WeChat would take when the person taps 转发 now. */
const card = () => (taro.useShareAppMessage.mock.calls.at(-1)![0] as () => unknown)();

describe('which cases can be shared', () => {
  it('should decide every case kind, and never share a violation or (possibly anonymous) feedback', () => {
    expect(Object.keys(CASE_SHARING).sort()).toEqual([...CASE_KINDS].sort());
    expect(CASE_SHARING.violation).toBe(false);
    expect(CASE_SHARING.feedback).toBe(false);
    expect(CASE_SHARING.record_access).toBe(false);
  });
});

describe('sharing the case page', () => {
  it('should offer a rename request as a card that opens the case page', async () => {
    taro.setRouterParams({ id: 'rn_1' });
    mockApi({ 'cases.get': () => ok(renameCase({ id: 'rn_1' })) });
    render(<CasePage />);
    expect(await screen.findByText('处理记录')).toBeTruthy();
    await waitFor(() => expect(taro.showShareMenu).toHaveBeenCalled());
    expect(card()).toEqual({ title: '项目A群：改名申请', path: '/packages/case/pages/case/index?id=rn_1' });
  });

  it('should hide 转发 on a violation', async () => {
    taro.setRouterParams({ id: 'vi_1' });
    mockApi({ 'cases.get': () => ok(renameCase({ id: 'vi_1', kind: 'violation', kindLabel: '违规处理', allowed: [] })) });
    render(<CasePage />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());
    expect(taro.showShareMenu).not.toHaveBeenCalled();
    expect(taro.hideShareMenu).toHaveBeenCalled();
  });

  it('should tell someone who opens a card for a case they may not see 你无权查看, with nothing of the case, and hide 转发', async () => {
    taro.setRouterParams({ id: 'rn_other' });
    mockApi({ 'cases.get': () => fail('NOT_FOUND') });
    render(<CasePage />);
    expect(await screen.findByText('你无权查看')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(taro.showShareMenu).not.toHaveBeenCalled();
    expect(taro.hideShareMenu).toHaveBeenCalled();
    screen.getByRole('button', { name: '回到首页' }).click();
    expect(taro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});

describe('sharing the group page', () => {
  const roster = {
    group: {
      id: 'g_mkt', name: '市场部工作群', type: 'department', typeLabel: '部门群', department: { id: 'd_market', name: '市场部' },
      creator: { id: 'p_wq', name: '王强' }, admins: [{ id: 'p_ly', name: '刘洋' }], leaders: [{ id: 'p_cg', name: '陈刚' }], memberCount: 0, boundToWechat: true,
    },
    members: [],
    history: [],
    can: { manage: false, bind: false, appoint: false, elect: false, applyChange: false, guest: false, emergency: false },
  } as unknown as RosterView;

  it("should offer the group's roster as a card that opens the group page", async () => {
    taro.setRouterParams({ id: 'g_mkt' });
    mockApi({ 'groups.roster': () => ok(roster) });
    render(<GroupPage />);
    await waitFor(() => expect(taro.showShareMenu).toHaveBeenCalled());
    expect(card()).toEqual({ title: '「市场部工作群」群名册', path: '/packages/org/pages/group/index?id=g_mkt' });
  });

  it('should answer 你无权查看 to someone outside the group', async () => {
    taro.setRouterParams({ id: 'g_mkt' });
    mockApi({ 'groups.roster': () => fail('NOT_FOUND') });
    render(<GroupPage />);
    expect(await screen.findByText('你无权查看')).toBeTruthy();
    expect(taro.hideShareMenu).toHaveBeenCalled();
  });
});

describe('sharing a notice', () => {
  it('should hide 转发 for a withdrawn notice', async () => {
    taro.setRouterParams({ id: 'nt_1' });
    mockApi({ 'notices.get': () => ok(notice({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '会议延期' })) });
    render(<NoticePage />);
    expect(await screen.findByText(/本通知已撤回/)).toBeTruthy();
    expect(taro.hideShareMenu).toHaveBeenCalled();
    expect(taro.showShareMenu).not.toHaveBeenCalled();
  });

  it('should answer 你无权查看 to someone outside the notice', async () => {
    taro.setRouterParams({ id: 'nt_9' });
    mockApi({ 'notices.get': () => fail('NOT_FOUND') });
    render(<NoticePage />);
    expect(await screen.findByText('你无权查看')).toBeTruthy();
  });
});
