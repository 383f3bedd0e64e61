import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fail, ok, type CaseView } from '../../src/contract';
import InboxPage from '../../src/app/pages/inbox/index';
import LeaderOverviewPage from '../../src/app/packages/leader/pages/overview/index';
import { mockApi } from './api-mock';
import { DAY, HOUR, renameCase } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

function items(n: number, from = 0): CaseView[] {
  return Array.from({ length: n }, (_, i) =>
    renameCase({ id: `rn_${from + i}`, subject: { id: `p${i}`, name: `成员${from + i}` }, dueAt: Date.now() + (from + i) * HOUR }),
  );
}

describe('inbox', () => {
  it('should show each item with its state, deadline, who it waits on, and overdue ones in red', async () => {
    const overdue = renameCase({ id: 'rn_late', dueAt: Date.now() - DAY, escalation: 1, subject: { id: 'p1', name: '黄磊' } });
    const escalated = renameCase({ id: 'rn_esc', dueAt: Date.now() - 2 * DAY, escalation: 2, dueAtUnconfirmed: true });
    mockApi({ 'inbox.list': () => ok({ items: [escalated, overdue], total: 2, offset: 0, limit: 20 }) });
    render(<InboxPage />);
    expect(await screen.findByText('黄磊')).toBeTruthy();
    const late = screen.getAllByText(/（已超期）/);
    expect(late).toHaveLength(2);
    late.forEach((el) => expect(el.className).toContain('qw-deadline--overdue'));
    expect(screen.getByText(/（节假日未确认）/)).toBeTruthy();
    expect(screen.getByText('已提醒')).toBeTruthy();
    expect(screen.getByText('已报领导')).toBeTruthy();
    expect(screen.getAllByText('待审批')).toHaveLength(2);
    expect(screen.getAllByText('周杰')).toHaveLength(2);

    fireEvent.click(screen.getByText('黄磊'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review/index?id=rn_late' });
  });

  it('should load more pages in order', async () => {
    const api = mockApi({
      'inbox.list': (d) => ok({ items: items(Math.min(20, 25 - (d.offset ?? 0)), d.offset ?? 0), total: 25, offset: d.offset ?? 0, limit: 20 }),
    });
    render(<InboxPage />);
    expect(await screen.findByText('成员19')).toBeTruthy();
    expect(screen.queryByText('成员20')).toBeNull();
    fireEvent.click(screen.getByText('加载更多（已显示 20 / 25）'));
    expect(await screen.findByText('成员24')).toBeTruthy();
    // The first page comes with the screen's one call, the next from inbox.list.
    expect(api.sentTo('inbox.load')).toEqual([{}]);
    expect(api.sentTo('inbox.list')).toEqual([{ offset: 20, limit: 20 }]);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('should give members a friendly empty state', async () => {
    mockApi({ 'inbox.list': () => fail('FORBIDDEN') });
    render(<InboxPage />);
    expect(await screen.findByText('这里是管理员的待办')).toBeTruthy();
    expect(screen.queryByText('你没有权限进行此操作')).toBeNull();
  });

  it('should show an admin with nothing to do that the list is empty', async () => {
    mockApi({ 'inbox.list': () => ok({ items: [], total: 0, offset: 0, limit: 20 }) });
    render(<InboxPage />);
    expect(await screen.findByText('没有待处理的事项')).toBeTruthy();
  });
});

describe('leader overview', () => {
  it('should list only what was escalated to the leader', async () => {
    const escalated = renameCase({ id: 'rn_esc', escalation: 2, subject: { id: 'p1', name: '黄磊' } });
    const ordinary = renameCase({ id: 'rn_own', escalation: 0, subject: { id: 'p2', name: '赵敏' } });
    mockApi({ 'inbox.list': () => ok({ items: [escalated, ordinary], total: 2, offset: 0, limit: 20 }) });
    render(<LeaderOverviewPage />);
    expect(await screen.findByText('黄磊')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('赵敏')).toBeNull());
  });
});
