// One call per screen (issue 20), counted at the cloud function as a phone would make them: each tab
// and the case page open with one call (first load and first show together), come back with one,
// and a tap that changes something is answered with what the screen then shows — no call after it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok, type HomeScreen } from '../../src/contract';
import CasePage from '../../src/app/packages/case/pages/case/index';
import HomePage from '../../src/app/pages/home/index';
import InboxPage from '../../src/app/pages/inbox/index';
import MePage from '../../src/app/pages/me/index';
import { forgetWhoAmI, loadWhoAmI } from '../../src/app/lib/session';
import { forgetScreenLoad, screenLoadFor, startScreenLoad } from '../../src/app/api/early';
import { mockApi } from './api-mock';
import { approvedCase, renameCase, whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
});

/** The actions sent to the api function so far, in order. */
const sent = () => taro.cloud.callFunction.mock.calls.map((c) => (c as unknown as [{ data: { action: string } }])[0].data.action);
const show = () => act(async () => taro.showPage());
const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)));

const home = (): HomeScreen => ({
  me: whoami(),
  cases: { items: [renameCase()], total: 1, offset: 0, limit: 20 },
  unread: 2,
  notices: { items: [], total: 0, offset: 0, limit: 20, pending: 0 },
  emergencies: [],
});

describe('首页', () => {
  it('should open with one call (the first show does not load again), come back with one, and keep who I am for the pages after it', async () => {
    mockApi({ 'home.load': () => ok(home()) });
    render(<HomePage />);
    await show();
    expect(await screen.findByText('你好，张伟')).toBeTruthy();
    expect(screen.getByText('2 条未读')).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['home.load']);

    // Back from another page: one refresh.
    await show();
    await settle();
    expect(sent()).toEqual(['home.load', 'home.load']);

    // A page opened from 首页 that needs who I am (申请改名) asks nobody.
    expect(await loadWhoAmI()).toEqual(ok(whoami()));
    expect(sent()).toEqual(['home.load', 'home.load']);
  });
});

describe('待办', () => {
  it('should open with one call that brings my roles with the list', async () => {
    mockApi({ 'inbox.load': () => ok({ roles: ['member', 'admin'], inbox: { items: [renameCase()], total: 1, offset: 0, limit: 20 } }) });
    render(<InboxPage />);
    await show();
    expect(await screen.findByText('共 1 项等你处理，截止时间最早的在前')).toBeTruthy();
    // An admin's entry, known from the same answer.
    expect(screen.getByRole('button', { name: '处理群成员违规' })).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['inbox.load']);
    await show();
    await settle();
    expect(sent()).toEqual(['inbox.load', 'inbox.load']);
  });

  it('should show a member only the friendly state, from the same one call', async () => {
    mockApi({ 'inbox.load': () => ok({ roles: ['member'], inbox: null }) });
    render(<InboxPage />);
    await show();
    expect(await screen.findByText('这里是管理员的待办')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '处理群成员违规' })).toBeNull();
    expect(sent()).toEqual(['inbox.load']);
  });
});

describe('我的', () => {
  it('should open with one call, and a tap for more reminders answer with the new counts and nothing after it', async () => {
    mockApi({
      'me.load': () => ok({ me: whoami({ roles: ['member', 'admin'], grants: { TPL_DECIDED: 2, TPL_TASK: 0, TPL_REMIND: 0, TPL_ESC: 0 } }), unread: 3 }),
      'subscriptions.record': () => ok({ grants: { TPL_TASK: 1, TPL_REMIND: 1 } }),
    });
    render(<MePage />);
    await show();
    expect(await screen.findByText('站内消息（3 条未读）')).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['me.load']);

    fireEvent.click(screen.getByRole('button', { name: '接收更多提醒' }));
    await waitFor(() => expect(screen.getAllByText('剩余 1 次')).toHaveLength(2));
    await settle();
    expect(sent()).toEqual(['me.load', 'subscriptions.record']);
  });
});

describe('the case page', () => {
  it('should open with one call, and an approval answer with the case as it now is, with no call after it', async () => {
    taro.setRouterParams({ id: 'rn_1' });
    mockApi({
      'cases.get': () => ok(renameCase({ allowed: ['approve', 'reject'] })),
      'rename.approve': () => ok(approvedCase()),
    });
    render(<CasePage />);
    await show();
    expect(await screen.findByRole('button', { name: '批准' })).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['cases.get']);

    fireEvent.click(screen.getByRole('button', { name: '批准' }));
    // What the screen then shows comes with the answer: 已通过 and what to set in WeChat.
    expect(await screen.findByText(/中把群昵称设置为/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '批准' })).toBeNull();
    await settle();
    expect(sent()).toEqual(['cases.get', 'rename.approve']);
  });
});

describe('the launch screen’s call, started before its page has loaded', () => {
  beforeEach(() => forgetScreenLoad());

  it('should map each launch page to its one screen call, and leave other pages to themselves', () => {
    expect(screenLoadFor('pages/home/index', {})).toEqual({ action: 'home.load', data: {} });
    expect(screenLoadFor('/', {})).toEqual({ action: 'home.load', data: {} });
    expect(screenLoadFor('/pages/inbox/index', {})).toEqual({ action: 'inbox.load', data: {} });
    expect(screenLoadFor('pages/me/index', {})).toEqual({ action: 'me.load', data: {} });
    expect(screenLoadFor('packages/case/pages/case/index', { id: 'rn_1' })).toEqual({ action: 'cases.get', data: { caseId: 'rn_1' } });
    expect(screenLoadFor('packages/case/pages/case/index', {})).toBeNull();
    expect(screenLoadFor('packages/member/pages/notifications/index', {})).toBeNull();
  });

  it('should show 首页 from the launch call, with no second call, and call again on the next show', async () => {
    mockApi({ 'home.load': () => ok(home()) });
    startScreenLoad('pages/home/index', {});
    expect(sent()).toEqual(['home.load']);
    render(<HomePage />);
    await show();
    expect(await screen.findByText('你好，张伟')).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['home.load']);
    await show();
    await settle();
    expect(sent()).toEqual(['home.load', 'home.load']);
  });

  it('should draw a launch answer that has already arrived on the first render, with no skeleton before it', async () => {
    mockApi({ 'home.load': () => ok(home()) });
    startScreenLoad('pages/home/index', {});
    await settle();
    const { container } = render(<HomePage />);
    // No await: what the first paint shows.
    expect(screen.getByText('你好，张伟')).toBeTruthy();
    expect(container.querySelector('.qw-skeleton')).toBeNull();
    await settle();
    expect(sent()).toEqual(['home.load']);
  });

  it('should draw 待办 from an arrived launch answer on the first render too', async () => {
    mockApi({ 'inbox.load': () => ok({ roles: ['member', 'admin'], inbox: { items: [renameCase()], total: 1, offset: 0, limit: 20 } }) });
    startScreenLoad('pages/inbox/index', {});
    await settle();
    render(<InboxPage />);
    expect(screen.getByText('共 1 项等你处理，截止时间最早的在前')).toBeTruthy();
    expect(screen.getByRole('button', { name: '处理群成员违规' })).toBeTruthy();
  });

  it('should start once: a second launch hook (h5 calls both) sends nothing more', async () => {
    mockApi({ 'inbox.load': () => ok({ roles: ['member', 'admin'], inbox: { items: [renameCase()], total: 1, offset: 0, limit: 20 } }) });
    startScreenLoad('/pages/inbox/index', {});
    startScreenLoad('pages/inbox/index', {});
    render(<InboxPage />);
    await show();
    expect(await screen.findByText('共 1 项等你处理，截止时间最早的在前')).toBeTruthy();
    await settle();
    expect(sent()).toEqual(['inbox.load']);
  });

  it('should not give the case page an answer about another case', async () => {
    taro.setRouterParams({ id: 'rn_2' });
    mockApi({ 'cases.get': ({ caseId }) => ok(renameCase({ id: caseId, allowed: ['approve', 'reject'] })) });
    startScreenLoad('packages/case/pages/case/index', { id: 'rn_1' });
    render(<CasePage />);
    await show();
    expect(await screen.findByRole('button', { name: '批准' })).toBeTruthy();
    await settle();
    expect(taro.cloud.callFunction.mock.calls.map((c) => (c as unknown as [{ data: { data: { caseId: string } } }])[0].data.data.caseId)).toEqual(['rn_1', 'rn_2']);
  });

  it('should not show an answer older than ten seconds: the page asks again', async () => {
    mockApi({ 'me.load': () => ok({ me: whoami(), unread: 3 }) });
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    startScreenLoad('pages/me/index', {});
    clock.mockReturnValue(now + 11_000);
    render(<MePage />);
    await show();
    expect(await screen.findByText('站内消息（3 条未读）')).toBeTruthy();
    clock.mockRestore();
    await settle();
    expect(sent()).toEqual(['me.load', 'me.load']);
  });
});
