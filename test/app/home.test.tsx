import { fireEvent, render, screen } from '@testing-library/react';
import { fail, ok } from '../../src/contract';
import HomePage from '../../src/app/pages/home/index';
import { mockApi } from './api-mock';
import { renameCase, whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

describe('home', () => {
  it('should greet me and show my groups, my cases and unread messages', async () => {
    const me = whoami();
    me.groups.push({
      id: 'g_mkt',
      name: '市场部工作群',
      type: 'department',
      typeLabel: '部门群',
      roles: ['member', 'admin'],
      nickname: '张伟-市场部',
      canonical: '张伟-市场部',
      compliant: true,
    });
    mockApi({
      'session.whoami': () => ok(me),
      'cases.mine': () => ok({ items: [renameCase({ dueAtUnconfirmed: true })], total: 1, offset: 0, limit: 20 }),
      'notifications.list': () => ok({ items: [], total: 3, offset: 0, limit: 1, unread: 3 }),
    });
    render(<HomePage />);
    expect(await screen.findByText('你好，张伟')).toBeTruthy();
    expect(screen.getByText('市场部')).toBeTruthy();
    expect(screen.getByText('需改名')).toBeTruthy();
    expect(screen.getByText('合规')).toBeTruthy();
    expect(screen.getByText('项目群 · 我的角色：群成员')).toBeTruthy();
    expect(screen.getByText('部门群 · 我的角色：群成员、管理员')).toBeTruthy();
    expect(screen.getByText('伟哥')).toBeTruthy();
    expect(screen.getAllByText('张伟-市场部-1024').length).toBeGreaterThan(0);
    expect(screen.getByText(/（节假日未确认）/)).toBeTruthy();
    expect(screen.getByText('3 条未读')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: '申请改名' })[0]);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/rename/index?groupId=g_proj_a' });
    fireEvent.click(screen.getByText('3 条未读'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/notifications/index' });
  });

  it('should tell an unbound person how to get an invitation, and nothing else', async () => {
    mockApi({ 'session.whoami': () => fail('NOT_BOUND') });
    render(<HomePage />);
    expect(await screen.findByText('还没有绑定身份')).toBeTruthy();
    expect(screen.getByText(/邀请卡片/)).toBeTruthy();
    expect(screen.queryByText('我的群')).toBeNull();
  });
});
