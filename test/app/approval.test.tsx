// 转交, 代理, 催办 and 批量处理 (issue 19) as a person sees and taps them.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fail, ok, type CaseApprovalView, type CaseView, type DelegationsMine } from '../../src/contract';
import CasePage from '../../src/app/packages/case/pages/case/index';
import InboxPage from '../../src/app/pages/inbox/index';
import BatchPage from '../../src/app/packages/approval/pages/batch/index';
import DelegationPage from '../../src/app/packages/approval/pages/delegation/index';
import HandOverPage from '../../src/app/packages/approval/pages/hand-over/index';
import { mockApi } from './api-mock';
import { DAY, HOUR, renameCase } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  taro.setRouterParams({ id: 'rn_1' });
});

const zhoujie = { id: 'p_zj', name: '周杰' };
const sunli = { id: 'p_sl', name: '孙丽' };
const liuyang = { id: 'p_ly', name: '刘洋' };

function approval(over: Partial<CaseApprovalView> = {}): CaseApprovalView {
  return { assignees: [zhoujie], actingFor: null, canHandOver: false, handOverTo: [], canNudge: false, nextNudgeAt: null, lastNudgeAt: null, batch: true, ...over };
}
const withApproval = (over: Partial<CaseApprovalView>, rest: Parameters<typeof renameCase>[0] = {}) => renameCase({ ...rest, approval: approval(over) });
const page = (items: CaseView[]) => ok({ items, total: items.length, offset: 0, limit: 20 });
/** 待办 opens with inbox.load: the caller's roles and the first page. */
const inbox = (items: CaseView[]) => ok({ roles: ['member' as const, 'admin' as const], inbox: { items, total: items.length, offset: 0, limit: 20 } });
const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

describe('delegation (代理)', () => {
  const none: DelegationsMine = { mine: null, forMe: [], candidates: [sunli, liuyang], maxDays: 90 };

  it('should name a delegate for a week, from now to the end of the seventh day, and show it with 取消代理', async () => {
    const now = Date.now();
    const set: DelegationsMine = { ...none, mine: { delegator: zhoujie, delegate: sunli, from: now, to: now + 7 * DAY, active: true, createdAt: now } };
    const api = mockApi({ 'delegations.mine': () => ok(none), 'delegations.set': () => ok(set), 'delegations.clear': () => ok(none) });
    render(<DelegationPage />);
    fireEvent.click(await screen.findByText('孙丽'));
    fireEvent.click(screen.getByText('一周'));
    expect(screen.getByText(/共 7 天/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认代理' }));
    expect(await screen.findByText('当前代理')).toBeTruthy();
    const [sent] = api.sentTo('delegations.set');
    expect(sent.delegateId).toBe('p_sl');
    expect(Math.abs(sent.from - now)).toBeLessThan(60_000);
    // Ends at 24:00 (Shanghai) of the seventh day, today counted.
    expect(sent.to).toBe(Date.parse(`${shanghaiDay(now + 7 * DAY)}T00:00:00+08:00`));
    const current = within(screen.getByTestId('current-delegation'));
    expect(current.getByText('孙丽')).toBeTruthy();
    expect(current.getByText('生效中')).toBeTruthy();

    fireEvent.click(current.getByRole('button', { name: '取消代理' }));
    await waitFor(() => expect(api.sentTo('delegations.clear')).toEqual([{}]));
    await waitFor(() => expect(screen.queryByText('当前代理')).toBeNull());
  });

  it('should refuse a period longer than allowed before anything is sent, and show the server refusal', async () => {
    const api = mockApi({ 'delegations.mine': () => ok({ ...none, maxDays: 10 }), 'delegations.set': () => fail('DELEGATE_INVALID') });
    render(<DelegationPage />);
    fireEvent.click(await screen.findByText('孙丽'));
    fireEvent.click(screen.getByText('两周'));
    expect(screen.getByText('代理期限最长 10 天')).toBeTruthy();
    expect((screen.getByRole('button', { name: '确认代理' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('3 天'));
    fireEvent.click(screen.getByRole('button', { name: '确认代理' }));
    expect(await screen.findByText(/代理人须是与你同群的管理员/)).toBeTruthy();
    expect(api.sentTo('delegations.set')).toHaveLength(1);
  });

  it('should say so when nobody can stand in', async () => {
    mockApi({ 'delegations.mine': () => ok({ ...none, candidates: [] }) });
    render(<DelegationPage />);
    expect(await screen.findByText(/没有其他可以担任代理的管理员/)).toBeTruthy();
  });
});

describe('delegate marks (代 周杰)', () => {
  it('should mark a case a delegate sees for someone else, and name the delegate beside the assignee', async () => {
    const item = withApproval({ assignees: [zhoujie, { ...sunli, onBehalfOf: zhoujie }], actingFor: zhoujie }, { subject: { id: 'p_hl', name: '黄磊' } });
    mockApi({ 'inbox.load': () => inbox([item]) });
    render(<InboxPage />);
    expect(await screen.findByText('代 周杰')).toBeTruthy();
    expect(screen.getByText('周杰、孙丽（代 周杰）')).toBeTruthy();
  });

  it('should show in the history who decided for whom and to whom a step was handed', async () => {
    const history = [
      { seq: 1, at: Date.now(), by: zhoujie, action: 'handOver', actionLabel: '转交', from: 'submitted', to: 'submitted', dueAt: null, target: liuyang, note: '我出差' },
      { seq: 2, at: Date.now(), by: sunli, onBehalfOf: liuyang, action: 'approve', actionLabel: '批准', from: 'submitted', to: 'approved', dueAt: null },
    ];
    mockApi({ 'cases.get': () => ok(renameCase({ history })) });
    render(<CasePage />);
    expect(await screen.findByText('周杰 · 转交 → 刘洋')).toBeTruthy();
    expect(screen.getByText('孙丽（代 刘洋） · 批准')).toBeTruthy();
  });
});

describe('hand over (转交)', () => {
  it('should open the hand-over form from the case of whoever it waits on', async () => {
    mockApi({ 'cases.get': () => ok(withApproval({ canHandOver: true, handOverTo: [sunli] }, { allowed: ['approve', 'reject'] })) });
    render(<CasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '转交他人处理' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/approval/pages/hand-over/index?id=rn_1' });
    expect(screen.queryByRole('button', { name: '催办' })).toBeNull();
  });

  it('should hand over to the chosen person with the note, after a confirmation, and go back to the case', async () => {
    const api = mockApi({
      'cases.get': () => ok(withApproval({ canHandOver: true, handOverTo: [sunli, liuyang] })),
      'cases.handOver': () => ok(withApproval({ assignees: [sunli] })),
    });
    render(<HandOverPage />);
    const confirm = await screen.findByRole('button', { name: '请选择转交对象' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByText('孙丽'));
    fireEvent.change(screen.getByPlaceholderText(/我本周出差/), { target: { value: '我下周休假，请孙丽处理' } });
    fireEvent.click(screen.getByRole('button', { name: '转交给孙丽' }));
    await waitFor(() => expect(api.sentTo('cases.handOver')).toEqual([{ caseId: 'rn_1', toPersonId: 'p_sl', note: '我下周休假，请孙丽处理' }]));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认转交' }));
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled());
  });

  it('should send nothing when the confirmation is cancelled, and show a refusal in Chinese', async () => {
    const api = mockApi({ 'cases.get': () => ok(withApproval({ canHandOver: true, handOverTo: [sunli] })), 'cases.handOver': () => fail('HANDOVER_TARGET_INVALID') });
    render(<HandOverPage />);
    fireEvent.click(await screen.findByText('孙丽'));
    taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: false, cancel: true });
    fireEvent.click(screen.getByRole('button', { name: '转交给孙丽' }));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(api.sentTo('cases.handOver')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '转交给孙丽' }));
    expect(await screen.findByText('只能转交给本群其他管理员，或可处理该事项的上级领导')).toBeTruthy();
    expect(taro.navigateBack).not.toHaveBeenCalled();
  });

  it('should not offer a hand-over on a case that no longer waits on the caller', async () => {
    mockApi({ 'cases.get': () => ok(withApproval({ canHandOver: false })) });
    render(<HandOverPage />);
    expect(await screen.findByText('这个事项当前不在等你处理，不能转交。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /转交给/ })).toBeNull();
  });
});

describe('nudge (催办)', () => {
  it('should nudge the assignees and then wait until the next allowed time', async () => {
    const next = Date.now() + 4 * HOUR;
    const api = mockApi({
      'cases.get': () => ok(withApproval({ canNudge: true })),
      'cases.nudge': () => ok({ caseId: 'rn_1', nudged: [zhoujie], at: Date.now(), nextNudgeAt: next }),
    });
    render(<CasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '催办' }));
    await waitFor(() => expect(api.sentTo('cases.nudge')).toEqual([{ caseId: 'rn_1' }]));
    const later = await screen.findByRole('button', { name: /后可再催办/ });
    expect((later as HTMLButtonElement).disabled).toBe(true);
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已催办 周杰' }));
  });

  it('should show the button disabled with the time of the next nudge when it is too soon, and a refusal in Chinese', async () => {
    const next = Date.UTC(2030, 2, 7, 10, 5); // 18:05 in Shanghai
    mockApi({ 'cases.get': () => ok(withApproval({ canNudge: true, lastNudgeAt: next - 4 * HOUR, nextNudgeAt: next })) });
    const { unmount } = render(<CasePage />);
    const btn = await screen.findByRole('button', { name: '2030年3月7日（周四）18:05 后可再催办' });
    expect((btn as HTMLButtonElement).disabled).toBe(true);
    unmount();
    // The server has the last word (another device nudged a moment ago).
    mockApi({ 'cases.get': () => ok(withApproval({ canNudge: true })), 'cases.nudge': () => fail('NUDGE_TOO_SOON') });
    render(<CasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '催办' }));
    expect(await screen.findByText('刚刚催办过，请稍后再催')).toBeTruthy();
  });

  it('should offer no nudge to whoever may not nudge', async () => {
    mockApi({ 'cases.get': () => ok(withApproval({ canNudge: false })) });
    render(<CasePage />);
    expect(await screen.findByText('处理记录')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '催办' })).toBeNull();
  });
});

describe('batch (批量处理)', () => {
  const three = ['黄磊', '郑爽', '何静'].map((name, i) =>
    withApproval({ batch: true }, { id: `rn_${i}`, allowed: ['approve', 'reject'], subject: { id: `p_${i}`, name }, title: `${name} 申请改名` }),
  );

  it('should offer 批量处理 in 待办 only with two or more cases that may be decided in a batch', async () => {
    mockApi({ 'inbox.load': () => inbox(three) });
    const { unmount } = render(<InboxPage />);
    fireEvent.click(await screen.findByRole('button', { name: '批量处理' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/approval/pages/batch/index' });
    unmount();
    mockApi({ 'inbox.load': () => inbox([three[0], withApproval({ batch: false }, { id: 'x', allowed: ['approve'] })]) });
    render(<InboxPage />);
    expect(await screen.findAllByText('黄磊 申请改名')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '批量处理' })).toBeNull();
  });

  it('should approve the selected cases in one call and list each result, a refusal in Chinese', async () => {
    let decided = false;
    const api = mockApi({
      'inbox.list': () => page(decided ? [three[2]] : three),
      'inbox.decideMany': () => {
        decided = true;
        return ok({
          items: [
            { caseId: 'rn_0', ok: true as const, state: 'approved', stateLabel: '已通过' },
            { caseId: 'rn_1', ok: false as const, code: 'CASE_ALREADY_DECIDED' as const, message: '该申请已被其他人处理，请刷新查看最新结果' },
          ],
          decided: 1,
          failed: 1,
        });
      },
    });
    render(<BatchPage />);
    fireEvent.click(await screen.findByText('黄磊 申请改名'));
    fireEvent.click(screen.getByText('郑爽 申请改名'));
    expect(screen.getByText('已选 2 项')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '批准 2 项' }));
    await waitFor(() => expect(api.sentTo('inbox.decideMany')).toEqual([{ caseIds: ['rn_0', 'rn_1'], decision: 'approve' }]));
    const result = within(await screen.findByTestId('batch-result'));
    expect(result.getByText('处理结果：1 项已批准，1 项未成功')).toBeTruthy();
    expect(result.getByText('✓ 已通过')).toBeTruthy();
    expect(result.getByText('✗ 该申请已被其他人处理，请刷新查看最新结果')).toBeTruthy();
    expect(result.getByText('郑爽：郑爽 申请改名')).toBeTruthy();
    // The list updates: only the undecided case is left, nothing selected.
    await waitFor(() => expect(screen.queryByText('黄磊 申请改名')).toBeNull());
    expect(screen.getByText('何静 申请改名')).toBeTruthy();
    expect(screen.getByText('已选 0 项')).toBeTruthy();
  });

  it('should reject all selected with one reason, and refuse to reject without one', async () => {
    const api = mockApi({
      'inbox.list': () => page(three),
      'inbox.decideMany': () => ok({ items: three.map((c) => ({ caseId: c.id, ok: true as const, state: 'rejected', stateLabel: '已驳回' })), decided: 3, failed: 0 }),
    });
    render(<BatchPage />);
    fireEvent.click(await screen.findByText('全选（共 3 项）'));
    const reject = screen.getByRole('button', { name: '驳回' }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    fireEvent.change(screen.getByPlaceholderText(/驳回理由/), { target: { value: '昵称须用真实姓名' } });
    fireEvent.click(reject);
    await waitFor(() =>
      expect(api.sentTo('inbox.decideMany')).toEqual([{ caseIds: ['rn_0', 'rn_1', 'rn_2'], decision: 'reject', reason: '昵称须用真实姓名' }]),
    );
    expect(await screen.findByText('处理结果：3 项已驳回')).toBeTruthy();
  });

  it('should keep one kind selected at a time and leave out kinds that cannot be batched', async () => {
    const guest = withApproval({ batch: true }, { id: 'gu_1', kind: 'guest', kindLabel: '外部人员入群', allowed: ['approve', 'reject'], title: '外部人员李明临时入群' });
    const violation = withApproval({ batch: false }, { id: 'vi_1', kind: 'violation', kindLabel: '违规处理', allowed: ['answer'], title: '违规' });
    mockApi({ 'inbox.list': () => page([...three, guest, violation]) });
    render(<BatchPage />);
    expect(await screen.findByText('改名申请（3）')).toBeTruthy();
    expect(screen.queryByText('违规')).toBeNull();
    expect(screen.queryByText('外部人员李明临时入群')).toBeNull();
    fireEvent.click(screen.getByText('外部人员入群（1）'));
    expect(screen.getByText('外部人员李明临时入群')).toBeTruthy();
    expect(screen.queryByText('黄磊 申请改名')).toBeNull();
  });
});
