import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok } from '../../src/contract';
import JoinPage from '../../src/app/packages/org/pages/join/index';
import HomePage from '../../src/app/pages/home/index';
import { mockApi } from './api-mock';
import { whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

describe('joining by an invitation card', () => {
  it('should bind on confirmation and then lead into the app', async () => {
    taro.setRouterParams({ token: 'tok123' });
    const api = mockApi({ 'invitations.accept': () => ok({ person: { id: 'p1', name: '林晓' }, department: '财务部' }) });
    render(<JoinPage />);
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }));
    expect(await screen.findByText('欢迎，林晓')).toBeTruthy();
    expect(api.sentTo('invitations.accept')).toEqual([{ token: 'tok123' }]);
    fireEvent.click(screen.getByRole('button', { name: '进入群务' }));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('should say plainly why a used card does not work', async () => {
    taro.setRouterParams({ token: 'tok123' });
    mockApi({ 'invitations.accept': () => fail('INVITATION_USED') });
    render(<JoinPage />);
    fireEvent.click(screen.getByRole('button', { name: '确认绑定' }));
    expect(await screen.findByText(/该邀请已被使用过/)).toBeTruthy();
  });

  it('should land on the registered group when opened from its WeChat chat', async () => {
    taro.groupEnterInfo.mockImplementationOnce((o) => o.success?.({ cloudID: 'cloud-1' }));
    const api = mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.mine': () => ok({ items: [], total: 0, offset: 0, limit: 20 }),
      'notifications.list': () => ok({ items: [], total: 0, offset: 0, limit: 1, unread: 0 }),
      'groups.enter': () => ok({ group: { id: 'g_mkt' } as never }),
    });
    render(<HomePage />);
    await screen.findByText('你好，张伟');
    taro.showPage();
    await waitFor(() => expect(api.sentTo('groups.enter')).toEqual([{ cloudID: 'cloud-1' }]));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/pages/group/index?id=g_mkt' });
  });
});
