import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_SETTINGS, ok, type SettingsView, type CaseViewOf, type EmergencyAssignment, type EmergencyViewData, type FeedbackViewData, type HistoryView } from '../../src/contract';
import HomePage from '../../src/app/pages/home/index';
import CasePage from '../../src/app/packages/case/pages/case/index';
import EmergencyNewPage from '../../src/app/packages/respond/pages/emergency-new/index';
import EmergencyPage from '../../src/app/packages/respond/pages/emergency/index';
import FeedbackNewPage from '../../src/app/packages/respond/pages/feedback-new/index';
import FeedbackPage from '../../src/app/packages/respond/pages/feedback/index';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import { caseRoute } from '../../src/app/lib/routes';
import { forgetWhoAmI } from '../../src/app/lib/session';
import { mockApi } from './api-mock';
import { whoami } from './fixtures';
import * as taro from './stubs/taro';

jest.setTimeout(30_000);
const slow = { timeout: 10_000 };

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 24, 2, 0); // 10:00 in Shanghai

function task(personId: string, name: string, taskText: string, over: Partial<EmergencyAssignment> = {}): EmergencyAssignment {
  return {
    personId, name, task: taskText, status: 'alerted', assignedAt: T0, ackDueAt: T0 + 10 * MIN, ackStage: 0, ackedAt: null, progressDueAt: null,
    lastProgress: null, doneAt: null, doneNote: null, reopened: 0, noticeId: `em_1.1.${name}`, ...over,
  };
}
const entry = (seq: number, minutes: number, by: string | null, actionLabel: string, note?: string): HistoryView => ({
  seq, at: T0 + minutes * MIN, by: by ? { id: by, name: by } : null, action: 'x', actionLabel, from: null, to: 'em_active', dueAt: T0 + 60 * MIN, ...(note ? { note } : {}),
});

function emergency(over: Partial<Omit<CaseViewOf<'emergency'>, 'kind' | 'data'>> = {}, data: Partial<EmergencyViewData> = {}): CaseViewOf<'emergency'> {
  const assignments = [task('p_zw1', '张伟', '到现场'), task('p_hl', '黄磊', '联系客户', { status: 'acknowledged', ackedAt: T0 + 2 * MIN, ackDueAt: null, progressDueAt: T0 + 62 * MIN })];
  return {
    id: 'em_1', kind: 'emergency', kindLabel: '紧急事件', group: { id: 'g_mkt', name: '市场部工作群' }, subject: { id: 'p_ly', name: '刘洋' },
    state: 'em_active', stateLabel: '处置中', open: true, waitingOn: [{ id: 'p_zw1', name: '张伟' }, { id: 'p_hl', name: '黄磊' }],
    dueAt: T0 + 60 * MIN, dueAtUnconfirmed: false, escalation: 0, title: '客户现场投诉',
    data: {
      groupName: '市场部工作群', starterName: '刘洋', title: '客户现场投诉', description: '客户在展厅要求退款', respondWithinMinutes: 60, ackWithinMinutes: 10,
      respondBy: T0 + 60 * MIN, assignments, summary: null, alertedCount: 6, mine: assignments[0], ...data,
    },
    allowed: ['acknowledge', 'progress'], createdAt: T0, updatedAt: T0,
    history: [entry(1, 0, '刘洋', '发起紧急事件', '通知全群 6 人'), entry(2, 2, '黄磊', '接收任务', '接收：联系客户'), entry(3, 10, null, '超时未接收，提醒', '提醒接收：张伟（到现场）')],
    links: { images: [] },
    ...over,
  };
}

function feedback(over: Partial<Omit<CaseViewOf<'feedback'>, 'kind' | 'data'>> = {}, data: Partial<FeedbackViewData> = {}): CaseViewOf<'feedback'> {
  return {
    id: 'fb_1', kind: 'feedback', kindLabel: '意见反馈', group: { id: 'g_mkt', name: '市场部工作群' }, subject: { id: '', name: '一位群成员' },
    state: 'fb_forwarded', stateLabel: '已转交，待答复', open: true, waitingOn: [{ id: 'p_wq', name: '王强' }], dueAt: T0 + 3 * 86400_000, dueAtUnconfirmed: false, escalation: 0,
    title: '建议：例会改到周一上午',
    data: {
      groupName: '市场部工作群', category: '建议', text: '希望每周例会改到周一上午', anonymous: true, sender: null, mine: false, seconds: 2, secondedByMe: false,
      forwardedTo: { id: 'p_wq', name: '王强', role: '市场部负责人' }, forwardNote: '请市场部答复', answer: null, followUp: null, ...data,
    },
    allowed: ['answer'], createdAt: T0, updatedAt: T0,
    history: [{ seq: 1, at: T0, by: { id: '', name: '一位群成员' }, action: 'fb_submit', actionLabel: '提交反馈', from: null, to: 'fb_triage', dueAt: null }],
    links: { images: [] },
    ...over,
  };
}

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
});

describe('emergency page', () => {
  beforeEach(() => taro.setRouterParams({ id: 'em_1' }));

  it('should let an assignee acknowledge their task in one tap, then report progress or done', async () => {
    const acked = emergency({ allowed: ['progress'] }, { mine: task('p_zw1', '张伟', '到现场', { status: 'acknowledged', ackedAt: T0 + 3 * MIN, ackDueAt: null, progressDueAt: T0 + 63 * MIN }) });
    const api = mockApi({
      'cases.get': () => ok(emergency()),
      'emergencies.acknowledge': () => ok(acked),
      'emergencies.progress': () => ok(emergency({ allowed: [] }, { mine: task('p_zw1', '张伟', '到现场', { status: 'done' }) })),
    });
    render(<EmergencyPage />);
    expect(await screen.findByText('我的任务：到现场', {}, slow)).toBeTruthy();
    expect(screen.getByText('请在 10:10 前接收。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '接收任务' }));
    expect(await screen.findByText(/请在 11:03 前报告进展/, {}, slow)).toBeTruthy();
    expect(api.sentTo('emergencies.acknowledge')).toEqual([{ caseId: 'em_1' }]);
    expect(screen.queryByRole('button', { name: '接收任务' })).toBeNull();

    fireEvent.click(screen.getByText('已完成'));
    fireEvent.input(screen.getByPlaceholderText('例如：已联系上客户，正在安抚'), { target: { value: '客户已同意退款方案' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(api.sentTo('emergencies.progress')).toEqual([{ caseId: 'em_1', note: '客户已同意退款方案', done: true }]), slow);
  });

  it('should show every task with its state and the timeline by the minute', async () => {
    mockApi({ 'cases.get': () => ok(emergency()) });
    render(<EmergencyPage />);
    const tasks = await screen.findByTestId('tasks', {}, slow);
    expect(tasks.querySelector('[data-task="p_zw1"]')!.textContent).toContain('待接收');
    expect(tasks.querySelector('[data-task="p_hl"]')!.textContent).toContain('已接收');
    expect(tasks.querySelector('[data-task="p_hl"]')!.textContent).toContain('10:02 接收');
    const timeline = screen.getByTestId('timeline');
    expect(Array.from(timeline.querySelectorAll('[data-seq]')).map((r) => r.textContent)).toEqual([
      '10:00刘洋 · 发起紧急事件通知全群 6 人',
      '10:02黄磊 · 接收任务接收：联系客户',
      '10:10系统 · 超时未接收，提醒提醒接收：张伟（到现场）',
    ]);
  });

  it('should show the starter who was not reached and copy the @名单 in one tap', async () => {
    const mention = '@张伟-市场部 @何静 紧急事件「客户现场投诉」：请立即打开「群务」小程序查看并保持手机畅通';
    mockApi({
      'cases.get': () => ok(emergency({ allowed: ['reassign', 'assign', 'close'] }, { mine: null })),
      'emergencies.reach': () => ok({ reached: [{ id: 'p_hl', name: '黄磊' }], notReached: [{ id: 'p_zw1', name: '张伟' }, { id: 'p_hj', name: '何静' }], pending: [], mentionText: mention }),
    });
    render(<EmergencyPage />);
    const reach = await screen.findByTestId('reach', {}, slow);
    fireEvent.click(screen.getByRole('button', { name: '查看' }));
    expect(await screen.findByText('张伟、何静', {}, slow)).toBeTruthy();
    expect(reach.textContent).toContain(mention);
    fireEvent.click(screen.getByRole('button', { name: '复制 @名单' }));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: mention });
    // Closing needs a summary.
    expect((screen.getByRole('button', { name: '结束紧急事件' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('should be reached from a notification through the case page', async () => {
    mockApi({ 'cases.get': () => ok(emergency()) });
    render(<CasePage />);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/respond/pages/emergency/index?id=em_1' }), slow);
  });
});

describe('starting an emergency', () => {
  it('should send the title, what happened, the minutes and each chosen member\'s task, then open the emergency', async () => {
    taro.setRouterParams({ groupId: 'g_mkt' });
    const api = mockApi({
      'session.whoami': () => ok(whoami()),
      'emergencies.form': () => ok({ group: { id: 'g_mkt', name: '市场部工作群' }, members: [{ id: 'p_hl', name: '黄磊' }, { id: 'p_zs', name: '郑爽' }, { id: 'p_hj', name: '何静' }], respondMinutes: 60, ackMinutes: 10 }),
      'emergencies.start': () => ok(emergency()),
    });
    render(<EmergencyNewPage />);
    const go = (await screen.findByRole('button', { name: '通知全群并分派任务' }, slow)) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.input(screen.getByPlaceholderText('例如：客户现场投诉'), { target: { value: '客户现场投诉' } });
    fireEvent.input(screen.getByPlaceholderText('时间、地点、现状和需要大家做什么'), { target: { value: '客户在展厅要求退款' } });
    fireEvent.click(screen.getByText('黄磊'));
    fireEvent.click(screen.getByText('郑爽'));
    const [first, second] = screen.getAllByPlaceholderText('例如：联系客户、到现场');
    fireEvent.input(first, { target: { value: '联系客户' } });
    expect(screen.getByText('请写明每位成员的任务')).toBeTruthy();
    fireEvent.input(second, { target: { value: '到现场' } });
    await waitFor(() => expect(go.disabled).toBe(false), slow);
    fireEvent.click(go);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/respond/pages/emergency/index?id=em_1' }), slow);
    expect(api.sentTo('emergencies.start')).toEqual([
      expect.objectContaining({
        groupId: 'g_mkt', title: '客户现场投诉', description: '客户在展厅要求退款', respondWithinMinutes: 60, ackWithinMinutes: 10,
        assignments: [{ personId: 'p_hl', task: '联系客户' }, { personId: 'p_zs', task: '到现场' }],
      }),
    ]);
    // Escalations and finished tasks reach the starter as messages.
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_ESC', 'TPL_DECIDED'] }));
  });
});

describe('首页 and 待办', () => {
  it('should show an active emergency above everything else on 首页', async () => {
    mockApi({
      'session.whoami': () => ok(whoami()),
      'cases.mine': () => ok({ items: [], total: 0, offset: 0, limit: 20 }),
      'notifications.list': () => ok({ items: [], total: 0, offset: 0, limit: 1, unread: 0 }),
      'notices.list': () => ok({ items: [], total: 0, offset: 0, limit: 20, pending: 0 }),
      'emergencies.active': () => ok({ items: [emergency()] }),
    });
    render(<HomePage />);
    const section = await screen.findByTestId('active-emergencies', {}, slow);
    expect(section.textContent).toContain('客户现场投诉');
    const page = document.body.textContent!;
    expect(page.indexOf('客户现场投诉')).toBeLessThan(page.indexOf('你好，张伟'));
    fireEvent.click(screen.getByText('客户现场投诉'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/respond/pages/emergency/index?id=em_1' });
  });

  it('should open feedback and emergencies from 待办 on their own pages', () => {
    expect(caseRoute(feedback(), true)).toBe('/packages/respond/pages/feedback/index?id=fb_1');
    expect(caseRoute(emergency(), true)).toBe('/packages/respond/pages/emergency/index?id=em_1');
  });
});

describe('sending feedback', () => {
  it('should offer similar open feedback to second before sending, and send anonymously by default', async () => {
    taro.setRouterParams({ groupId: 'g_mkt' });
    const similar = { caseId: 'fb_0', category: '建议', text: '例会能不能改到周一上午', stateLabel: '待管理员处理', seconds: 1, similarity: 44, mine: false, secondedByMe: false };
    const api = mockApi({
      'session.whoami': () => ok(whoami()),
      'feedback.form': () => ok({ group: { id: 'g_mkt', name: '市场部工作群' }, categories: ['建议', '问题', '投诉', '其他'], receivers: [] }),
      'feedback.similar': () => ok({ items: [similar] }),
      'feedback.second': () => ok({ ...similar, seconds: 2, secondedByMe: true }),
      'feedback.submit': () => ok(feedback({ id: 'fb_2' })),
    });
    render(<FeedbackNewPage />);
    fireEvent.input(await screen.findByPlaceholderText('写下你的意见、建议或遇到的问题', {}, slow), { target: { value: '希望每周例会改到周一上午' } });
    expect(screen.getByTestId('anonymous').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    const list = await screen.findByTestId('similar', {}, slow);
    expect(list.textContent).toContain('例会能不能改到周一上午');
    expect(api.sentTo('feedback.submit')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '附议 +1' }));
    expect(await screen.findByText('你已附议', {}, slow)).toBeTruthy();
    expect(api.sentTo('feedback.second')).toEqual([{ caseId: 'fb_0' }]);
    // Not the same thing after all: send it anyway.
    fireEvent.click(screen.getByRole('button', { name: '不是同一件事，仍然提交' }));
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/respond/pages/feedback/index?id=fb_2' }), slow);
    expect(api.sentTo('feedback.submit')).toEqual([expect.objectContaining({ groupId: 'g_mkt', category: '建议', text: '希望每周例会改到周一上午', anonymous: true, images: [] })]);
  });
});

describe('feedback page', () => {
  beforeEach(() => taro.setRouterParams({ id: 'fb_1' }));

  it('should show whoever it was forwarded to 一位群成员 and let them answer', async () => {
    const api = mockApi({
      'cases.get': () => ok(feedback()),
      'feedback.answer': () => ok(feedback({ state: 'fb_answered', stateLabel: '已答复', allowed: [] }, { answer: { text: '下周起改到周一上午十点', byName: '王强', at: T0 } })),
    });
    render(<FeedbackPage />);
    expect(await screen.findByText('一位群成员（匿名）', {}, slow)).toBeTruthy();
    expect(screen.getByText('2 人附议')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('答复内容（必填）'), { target: { value: '下周起改到周一上午十点' } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    expect(await screen.findByTestId('answer', {}, slow)).toBeTruthy();
    expect(api.sentTo('feedback.answer')).toEqual([{ caseId: 'fb_1', answer: '下周起改到周一上午十点' }]);
  });

  it('should let an admin forward it to a department head or the leader, warning them to keep the sender anonymous', async () => {
    const triage = feedback(
      { state: 'fb_triage', stateLabel: '待管理员处理', subject: { id: 'p_hl', name: '黄磊' }, allowed: ['forward', 'answer'] },
      { sender: { id: 'p_hl', name: '黄磊' }, forwardedTo: null, forwardNote: null },
    );
    const api = mockApi({
      'cases.get': () => ok(triage),
      'feedback.form': () => ok({ group: { id: 'g_mkt', name: '市场部工作群' }, categories: ['建议'], receivers: [{ id: 'p_cg', name: '陈刚', role: '上级领导' }, { id: 'p_wq', name: '王强', role: '市场部负责人' }] }),
      'feedback.forward': () => ok(feedback()),
    });
    render(<FeedbackPage />);
    expect(await screen.findByText('黄磊（要求对处理部门匿名）', {}, slow)).toBeTruthy();
    expect(screen.getByText(/转交说明中请勿透露其身份/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '选择转交对象' }));
    fireEvent.click(await screen.findByText('王强（市场部负责人）', {}, slow));
    fireEvent.click(screen.getByRole('button', { name: '转交' }));
    await waitFor(() => expect(api.sentTo('feedback.forward')).toEqual([{ caseId: 'fb_1', toPersonId: 'p_wq' }]), slow);
  });

  it('should let the member who sent it follow up once or mark it resolved', async () => {
    const answered = feedback(
      { state: 'fb_answered', stateLabel: '已答复', subject: { id: 'p_zw1', name: '张伟' }, waitingOn: [], allowed: ['followUp', 'resolve'] },
      { mine: true, sender: { id: 'p_zw1', name: '张伟' }, answer: { text: '下周起改到周一上午十点', byName: '王强', at: T0 } },
    );
    const api = mockApi({ 'cases.get': () => ok(answered), 'feedback.resolve': () => ok({ ...answered, state: 'fb_resolved', stateLabel: '已解决', open: false, allowed: [] }) });
    render(<FeedbackPage />);
    expect(await screen.findByText('下周起改到周一上午十点', {}, slow)).toBeTruthy();
    expect(screen.getByText('我')).toBeTruthy();
    expect(screen.getByRole('button', { name: '追问' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '问题已解决' }));
    expect(await screen.findByText('已解决', {}, slow)).toBeTruthy();
    expect(api.sentTo('feedback.resolve')).toEqual([{ caseId: 'fb_1' }]);
  });
});

describe('系统设置 for emergencies and feedback', () => {
  it('should save the acknowledgement window and the feedback categories, refusing a window out of range', async () => {
    const view: SettingsView = { version: 3, values: DEFAULT_SETTINGS, updatedAt: T0, updatedBy: 'p_zm', calendar: { officialYears: [2004, 2026], unconfirmedYears: [], warning: null } };
    const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': (d) => ok({ ...view, version: 4, values: d.values }) });
    render(<SettingsPage />);
    const form = await screen.findByTestId('respond-settings', {}, slow);
    const inputs = form.querySelectorAll('input');
    const save = Array.from(form.querySelectorAll('button')).find((b) => b.textContent === '保存')!;
    fireEvent.input(inputs[0], { target: { value: '200' } });
    expect(save.disabled).toBe(true);
    fireEvent.input(inputs[0], { target: { value: '15' } });
    fireEvent.input(inputs[inputs.length - 1], { target: { value: '建议、问题、投诉、表扬' } });
    await waitFor(() => expect(save.disabled).toBe(false), slow);
    fireEvent.click(save);
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1), slow);
    const sent = api.sentTo('settings.update')[0];
    expect(sent.expectedVersion).toBe(3);
    expect(sent.values.emergency).toEqual({ ackMinutes: 15, respondMinutes: 60 });
    expect(sent.values.feedback.categories).toEqual(['建议', '问题', '投诉', '表扬']);
    expect(sent.values.violation).toEqual(DEFAULT_SETTINGS.violation);
  });
});
