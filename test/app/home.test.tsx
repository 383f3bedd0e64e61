import { fireEvent, render, screen } from '@testing-library/react';
import { fail, ok } from '../../src/contract';
import HomePage from '../../src/app/pages/home/index';
import { mockApi } from './api-mock';
import { renameCase, whoami } from './fixtures';
import { notice } from './notice-fixtures';
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
      'notices.list': () => ok({ items: [], total: 0, offset: 0, limit: 20, pending: 0 }),
    });
    render(<HomePage />);
    expect(await screen.findByText('你好，张伟')).toBeTruthy();
    // Nothing to acknowledge: no section.
    expect(screen.queryByText('待确认的通知')).toBeNull();
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
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/rename/index?groupId=g_proj_a' });
    fireEvent.click(screen.getByText('3 条未读'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/pages/notifications/index' });
  });

  it('should show the notices I owe first, with the count, each opening the notice', async () => {
    const later = notice({ id: 'nt_2', title: '十二月安全检查安排', ackDueAt: Date.UTC(2026, 11, 9, 15, 59) });
    const api = mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.mine': () => ok({ items: [renameCase()], total: 1, offset: 0, limit: 20 }),
      'notifications.list': () => ok({ items: [], total: 0, offset: 0, limit: 1, unread: 0 }),
      'notices.list': () => ok({ items: [later, notice()], total: 2, offset: 0, limit: 20, pending: 2 }),
    });
    render(<HomePage />);
    const section = await screen.findByTestId('pending-notices');
    expect(section.textContent).toContain('待确认的通知');
    expect(section.querySelector('.qw-badge')!.textContent).toBe('2');
    // In the server's order (newest deadline first), each with its kind and deadline.
    expect(Array.from(section.querySelectorAll('[data-notice]')).map((n) => n.getAttribute('data-notice'))).toEqual(['nt_2', 'nt_1']);
    expect(section.textContent).toContain('12月9日（周三）23:59');
    expect(section.textContent).toContain('重要通知');
    // First on the page: before 站内消息, 我的群 and 我的事项.
    const page = document.body.textContent!;
    expect(page.indexOf('待确认的通知')).toBeLessThan(page.indexOf('站内消息'));
    expect(page.indexOf('待确认的通知')).toBeLessThan(page.indexOf('我的群'));
    // All of it in the screen's one call.
    expect(api.sentTo('home.load')).toEqual([{}]);

    fireEvent.click(screen.getByText('十二月安全检查安排'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/notice/index?id=nt_2' });
  });

  it('should say 首页 did not load, with 重试 loading it again in one call', async () => {
    let round = 0;
    const api = mockApi({
      'home.load': () =>
        ++round === 1
          ? fail('INTERNAL')
          : ok({ me: whoami(), cases: { items: [], total: 0, offset: 0, limit: 20 }, unread: 0, notices: { items: [], total: 0, offset: 0, limit: 20, pending: 0 }, emergencies: [] }),
    });
    render(<HomePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('我的群')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('项目A群')).toBeTruthy();
    expect(api.sentTo('home.load')).toHaveLength(2);
  });

  it('should tell an unbound person how to get an invitation, and nothing else', async () => {
    mockApi({ 'session.whoami': () => fail('NOT_BOUND') });
    render(<HomePage />);
    expect(await screen.findByText('还没有绑定身份')).toBeTruthy();
    expect(screen.getByText(/邀请卡片/)).toBeTruthy();
    expect(screen.queryByText('我的群')).toBeNull();
  });
});
