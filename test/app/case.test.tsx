import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok } from '../../src/contract';
import CasePage from '../../src/app/packages/case/pages/case/index';
import ReviewPage from '../../src/app/packages/admin/pages/review/index';
import { mockApi } from './api-mock';
import { approvedCase, renameCase } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  taro.setRouterParams({ id: 'rn_1' });
});

describe('case page', () => {
  it('should show the whole history: who, what, when and the note', async () => {
    mockApi({ 'cases.get': () => ok(approvedCase()) });
    render(<CasePage />);
    expect(await screen.findByText('处理记录')).toBeTruthy();
    expect(screen.getByText('张伟 · 提交申请')).toBeTruthy();
    expect(screen.getByText('周杰 · 批准')).toBeTruthy();
    expect(screen.getAllByText('2025-03-03 10:00').length).toBeGreaterThan(0); // 02:00 UTC, read in Asia/Shanghai
    expect(screen.getByText('2025-03-04 09:30')).toBeTruthy();
    expect(screen.getByText('符合规范')).toBeTruthy();
    expect(screen.getAllByText('入职后首次登记').length).toBeGreaterThan(0);
    expect(screen.getByText(/当时的处理期限：3月5日（周三）23:59/)).toBeTruthy();
  });

  it('should tell the member exactly what to set in WeChat once approved, with a copy button', async () => {
    mockApi({ 'cases.get': () => ok(approvedCase()) });
    render(<CasePage />);
    expect(await screen.findByText('请在微信群「项目A群」中把群昵称设置为：张伟-市场部-1024')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '复制群昵称' }));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: '张伟-市场部-1024' });
    expect(screen.queryByRole('button', { name: '批准' })).toBeNull();
  });

  it('should not show the WeChat instruction while the request waits', async () => {
    mockApi({ 'cases.get': () => ok(renameCase()) });
    render(<CasePage />);
    expect(await screen.findByText('待审批')).toBeTruthy();
    expect(screen.queryByText(/请在微信群/)).toBeNull();
    expect(screen.getByText('周杰')).toBeTruthy(); // waiting on
  });

  it('should show approve and reject only when allowed says so', async () => {
    mockApi({ 'cases.get': () => ok(renameCase({ allowed: [] })) });
    const { unmount } = render(<CasePage />);
    await screen.findByText('待审批');
    expect(screen.queryByRole('button', { name: '批准' })).toBeNull();
    expect(screen.queryByRole('button', { name: '驳回' })).toBeNull();
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull();
    unmount();

    mockApi({ 'cases.get': () => ok(renameCase({ allowed: ['approve', 'reject'] })) });
    render(<CasePage />);
    expect(await screen.findByRole('button', { name: '批准' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '驳回' })).toBeTruthy();
  });

  it('should require a reason before rejecting', async () => {
    const api = mockApi({
      'cases.get': () => ok(renameCase({ allowed: ['approve', 'reject'] })),
      'rename.reject': (d) =>
        ok(renameCase({ state: 'rejected', stateLabel: '已驳回', open: false, allowed: [], data: { nickname: 'x', reason: d.reason } })),
    });
    render(<ReviewPage />);
    const reject = await screen.findByRole('button', { name: '驳回' });
    expect(reject).toHaveProperty('disabled', true);
    fireEvent.click(reject);
    expect(api.sentTo('rename.reject')).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText(/驳回理由/), { target: { value: '   ' } });
    expect(reject).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByPlaceholderText(/驳回理由/), { target: { value: '部门名称写错了' } });
    expect(reject).toHaveProperty('disabled', false);
    fireEvent.click(reject);
    await waitFor(() => expect(api.sentTo('rename.reject')).toEqual([{ caseId: 'rn_1', reason: '部门名称写错了' }]));
    expect(await screen.findByText('已驳回')).toBeTruthy();
    expect(screen.getByText('部门名称写错了')).toBeTruthy();
  });

  it('should approve from the review page and show the naming check', async () => {
    const api = mockApi({
      'cases.get': () => ok(renameCase({ allowed: ['approve', 'reject'] })),
      'rename.approve': () => ok(approvedCase()),
    });
    render(<ReviewPage />);
    expect(await screen.findByText('符合规范')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '批准' }));
    await waitFor(() => expect(api.sentTo('rename.approve')).toEqual([{ caseId: 'rn_1' }]));
    expect(await screen.findByText('请在微信群「项目A群」中把群昵称设置为：张伟-市场部-1024')).toBeTruthy();
  });

  it('should withdraw only after the member confirms', async () => {
    const api = mockApi({
      'cases.get': () => ok(renameCase({ allowed: ['withdraw'] })),
      'rename.withdraw': () => ok(renameCase({ state: 'withdrawn', stateLabel: '已撤回', open: false, allowed: [] })),
    });
    render(<CasePage />);
    const withdraw = await screen.findByRole('button', { name: '撤回申请' });
    taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: false, cancel: true });
    fireEvent.click(withdraw);
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(api.sentTo('rename.withdraw')).toHaveLength(0);

    fireEvent.click(withdraw);
    await waitFor(() => expect(api.sentTo('rename.withdraw')).toEqual([{ caseId: 'rn_1' }]));
    expect(await screen.findByText('已撤回')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤回申请' })).toBeNull();
  });

  it('should show a departure as a record: the groups the leaver was in, the reason for leaving, nothing to do', async () => {
    const departure = renameCase({
      id: 'dep_p_lx',
      kind: 'departure',
      kindLabel: '员工离职',
      group: { id: '', name: '财务部工作群、预算项目群' },
      subject: { id: 'p_lx', name: '林晓' },
      state: 'recorded',
      stateLabel: '已登记离职',
      open: false,
      waitingOn: [],
      dueAt: null,
      title: '林晓（财务部）离职',
      data: { subjectName: '林晓', deptName: '财务部', groups: ['财务部工作群', '预算项目群'], groupName: '财务部工作群、预算项目群', reason: '合同到期' },
    });
    mockApi({ 'cases.get': () => ok(departure) });
    taro.setRouterParams({ id: 'dep_p_lx' });
    render(<CasePage />);
    expect(await screen.findByText('所在的群')).toBeTruthy();
    expect(screen.getByText('财务部工作群、预算项目群')).toBeTruthy();
    expect(screen.getByText('离职原因')).toBeTruthy();
    expect(screen.queryByText('驳回理由')).toBeNull();
    expect(screen.getByText('登记时间')).toBeTruthy();
    expect(screen.queryByText(/去办理此事项|查看办理详情/)).toBeNull();
  });

  it('should label a guest request’s reason as the reason it was asked for, not a rejection', async () => {
    mockApi({ 'cases.get': () => ok(renameCase({ kind: 'guest', kindLabel: '外部人员入群', data: { reason: '项目对接' } })) });
    render(<CasePage />);
    expect(await screen.findByText('项目对接')).toBeTruthy();
    expect(screen.getByText('理由')).toBeTruthy();
    expect(screen.queryByText('驳回理由')).toBeNull();
  });
});
