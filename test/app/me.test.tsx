import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_SETTINGS, ok, type NotificationView, type SettingsView } from '../../src/contract';
import MePage from '../../src/app/pages/me/index';
import NotificationsPage from '../../src/app/packages/member/pages/notifications/index';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import { mockApi } from './api-mock';
import { whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

describe('me', () => {
  it('should show my grants and ask for more inside the tap', async () => {
    const api = mockApi({
      'session.whoami': () => ok(whoami({ roles: ['member', 'admin', 'leader'], grants: { TPL_DECIDED: 2, TPL_TASK: 0, TPL_REMIND: 0, TPL_ESC: 0 } })),
      'subscriptions.record': () => ok({ grants: { TPL_TASK: 1, TPL_REMIND: 1, TPL_ESC: 1 } }),
    });
    render(<MePage />);
    expect(await screen.findByText('群成员、管理员、上级领导')).toBeTruthy();
    expect(screen.getByText('剩余 2 次')).toBeTruthy();
    expect(screen.getByText('领导视图')).toBeTruthy();
    expect(screen.queryByText('系统设置')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '接收更多提醒' }));
    // All four reminders in one popup: WeChat takes five templates a call.
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_TASK', 'TPL_REMIND', 'TPL_ESC', 'TPL_DECIDED'] });
    await waitFor(() => expect(screen.getAllByText('剩余 1 次')).toHaveLength(3));
    expect(api.sentTo('subscriptions.record')).toHaveLength(1);

    fireEvent.click(screen.getByText('领导视图'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/leader/pages/overview/index' });
  });

  it('should lead to publishing a notice and to the notices I published', async () => {
    mockApi({ 'session.whoami': () => ok(whoami()) });
    render(<MePage />);
    fireEvent.click(await screen.findByText('发布通知'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/publish/index' });
    fireEvent.click(screen.getByText('我发布的通知'));
    expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/published/index' });
  });

  it('should offer the owner the settings page', async () => {
    mockApi({ 'session.whoami': () => ok(whoami({ roles: ['member', 'owner'] })) });
    render(<MePage />);
    fireEvent.click(await screen.findByText('系统设置'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/settings/index' });
  });
});

describe('notifications', () => {
  const note = (id: string, read: boolean, push: NotificationView['push']): NotificationView => ({
    id,
    caseId: 'rn_1',
    title: read ? '新的改名申请' : '改名申请已通过',
    body: '请在微信群「项目A群」中把群昵称设置为：张伟-市场部-1024',
    // A message stored before the case page left the main package names its old path.
    page: read ? 'pages/case/index?id=rn_1' : 'packages/case/pages/case/index?id=rn_1',
    createdAt: Date.UTC(2025, 2, 4, 1, 30),
    read,
    push,
  });

  it('should mark what I open as read and say which were not pushed', async () => {
    const api = mockApi({
      'notifications.list': () => ok({ items: [note('n1', false, 'no_grant'), note('n2', true, 'sent')], total: 2, offset: 0, limit: 20, unread: 1 }),
      'notifications.read': () => ok({ updated: 1 }),
    });
    render(<NotificationsPage />);
    expect(await screen.findByText('改名申请已通过')).toBeTruthy();
    expect(screen.getByText('未推送（没有订阅授权）')).toBeTruthy();
    await waitFor(() => expect(api.sentTo('notifications.read')).toEqual([{ ids: ['n1'] }]));
    fireEvent.click(screen.getByText('改名申请已通过'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=rn_1' });
    (taro.navigateTo as jest.Mock).mockClear();
    fireEvent.click(screen.getByText('新的改名申请'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=rn_1' });
  });
});

describe('settings', () => {
  const view: SettingsView = {
    version: 3,
    values: DEFAULT_SETTINGS,
    updatedAt: Date.UTC(2026, 0, 2),
    updatedBy: 'p_zm',
    calendar: {
      officialYears: [2004, 2026],
      unconfirmedYears: [2027],
      warning: '2027 年的法定节假日尚无官方数据，期限可能不准确',
    },
  };

  it('should warn about unconfirmed years and save holidays and a confirmed year', async () => {
    const api = mockApi({
      'settings.get': () => ok(view),
      'settings.update': (d) => ok({ ...view, version: 4, values: d.values, calendar: { ...view.calendar, unconfirmedYears: [], warning: null } }),
    });
    render(<SettingsPage />);
    expect(await screen.findByText('2027 年的法定节假日尚无官方数据，期限可能不准确')).toBeTruthy();
    const save = screen.getByRole('button', { name: '保存设置' });
    expect(save).toHaveProperty('disabled', true);

    const date = screen.getByPlaceholderText('2027-01-01');
    fireEvent.change(date, { target: { value: '2027-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: '加为休息日' }));
    expect(screen.getByText('请按 2027-01-01 的格式填写日期')).toBeTruthy();
    fireEvent.change(date, { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '加为休息日' }));
    fireEvent.change(date, { target: { value: '2027-02-07' } });
    fireEvent.click(screen.getByRole('button', { name: '加为调休上班日' }));
    expect(screen.getByText('2027-01-01 周五')).toBeTruthy();
    expect(screen.getByText('2027-02-07 周日')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认已录入' }));

    fireEvent.click(save);
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1));
    expect(api.sentTo('settings.update')[0]).toEqual({
      expectedVersion: 3,
      values: { ...DEFAULT_SETTINGS, calendar: { holidays: ['2027-01-01'], workdays: ['2027-02-07'], confirmedYears: [2027] } },
    });
    await waitFor(() => expect(screen.queryByText('2027 年的法定节假日尚无官方数据，期限可能不准确')).toBeNull());
  });
});
