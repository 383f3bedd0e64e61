import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok, type AccessGrantView } from '../../src/contract';
import RecordRequestPage from '../../src/app/packages/records/pages/request/index';
import RecordGrantPage from '../../src/app/packages/records/pages/grant/index';
import { forgetWhoAmI } from '../../src/app/lib/session';
import { mockApi } from './api-mock';
import { renameCase, whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
});

function grant(over: Partial<AccessGrantView> = {}): AccessGrantView {
  return {
    caseId: 'ra_1',
    state: 'approved',
    stateLabel: '已通过',
    group: { id: 'g_proj_a', name: '项目A群' },
    from: '2026-10-01',
    to: '2026-10-31',
    expiresAt: Date.UTC(2026, 10, 30, 2, 0),
    active: true,
    files: [
      { backupId: 'bk_1', from: '2026-10-01', to: '2026-10-31', fileName: '十月.txt', storage: 'cloud', location: null, sha256: 'ab'.repeat(32), citation: '来源：「项目A群」群聊记录（2026-10-01 至 2026-10-31），备份编号 bk_1，SHA-256 abab' },
    ],
    linkTtlMinutes: 10,
    defaultDays: 7,
    maxDays: 30,
    mine: true,
    ...over,
  };
}

describe('record access request form', () => {
  it('should not send without the pledge, and send it ticked with the range and purpose', async () => {
    taro.setRouterParams({ groupId: 'g_proj_a' });
    const api = mockApi({ 'session.whoami': () => ok(whoami()), 'records.request': () => ok(renameCase({ id: 'ra_1' })) });
    render(<RecordRequestPage />);
    await screen.findByText('查阅目的');
    fireEvent.input(screen.getByPlaceholderText('例如：核对十月活动报价的沟通记录'), { target: { value: '核对报价' } });
    const submit = () => screen.getByRole('button', { name: '提交申请' });
    expect(submit()).toHaveProperty('disabled', true);
    expect(screen.getByText('须先勾选保密承诺才能提交。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('pledge'));
    expect(submit()).toHaveProperty('disabled', false);
    fireEvent.click(submit());
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=ra_1' }));
    expect(api.sentTo('records.request')[0]).toMatchObject({ groupId: 'g_proj_a', pledge: true, purpose: '核对报价' });
    expect(api.sentTo('records.request')[0].from).toMatch(/^\d{4}-\d{2}-01$/);
  });
});

describe('record access grant page', () => {
  it('should copy the citation in one tap', async () => {
    taro.setRouterParams({ id: 'ra_1' });
    mockApi({ 'records.grant': () => ok(grant()) });
    render(<RecordGrantPage />);
    fireEvent.click(await screen.findByRole('button', { name: '复制出处' }));
    await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalledWith({ data: grant().files[0].citation }));
  });

  it('should offer no download once the grant has ended, and say so', async () => {
    taro.setRouterParams({ id: 'ra_1' });
    mockApi({ 'records.grant': () => ok(grant({ state: 'expired', stateLabel: '授权已到期', active: false })) });
    render(<RecordGrantPage />);
    await screen.findByText('授权已结束，不能再获取下载链接。如仍需查阅，请重新申请。');
    expect(screen.queryByRole('button', { name: '下载' })).toBeNull();
    expect(screen.getByText('授权已到期')).toBeTruthy();
  });
});
