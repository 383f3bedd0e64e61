// 系统设置 → 审计记录校验: the owner's check runs page by page to the end, with the fingerprint they
// kept, and names every problem found; the hourly limits are saved like the other settings.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SETTINGS, ok, type AuditReport, type SettingsView } from '../../src/contract';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import { mockApi } from './api-mock';

beforeEach(() => jest.clearAllMocks());

const view: SettingsView = {
  version: 3,
  values: DEFAULT_SETTINGS,
  updatedAt: Date.UTC(2026, 0, 2),
  updatedBy: 'p_zm',
  calendar: { officialYears: [2004, 2026], unconfirmedYears: [], warning: null },
};
const latest = { seq: 12, at: Date.UTC(2026, 10, 24, 16), chains: 8, fingerprint: '3F2A-9C41-0B7D-E5A8' };

it('should check every page with the kept fingerprint and name each problem', async () => {
  const pages: AuditReport[] = [
    { checked: 200, problems: [], next: 'case:rn_x', checkpoints: { count: 12, latest } },
    {
      checked: 37,
      problems: [
        { scope: 'case', id: 'rn_abc', seq: 2, problem: '封印不符：记录内容被改动，或这段记录不属于本事项' },
        { scope: 'export', id: 'ex_0a1b', seq: null, problem: '导出记录已从数据库中删除，但检查点 #12（2026-11-25 00:00）记下过它' },
        { scope: 'checkpoint', id: 'fingerprint', seq: null, problem: '你保存的检查点指纹 3F2A-9C41-0B7D-E5A9 在数据库中找不到：该检查点被删除或改动' },
      ],
      next: null,
      checkpoints: { count: 12, latest },
    },
  ];
  const api = mockApi({ 'settings.get': () => ok(view), 'audit.verify': () => ok(pages[api.sentTo('audit.verify').length - 1]) });
  render(<SettingsPage />);
  const input = await screen.findByPlaceholderText('XXXX-XXXX-XXXX-XXXX');
  fireEvent.change(input, { target: { value: '3F2A-9C41' } });
  expect(screen.getByText('指纹应为 16 位十六进制字符，例如 3F2A-9C41-0B7D-E5A8')).toBeTruthy();
  expect(screen.getByRole('button', { name: '校验审计记录' })).toHaveProperty('disabled', true);
  fireEvent.change(input, { target: { value: '3F2A-9C41-0B7D-E5A9' } });
  fireEvent.click(screen.getByRole('button', { name: '校验审计记录' }));
  expect(await screen.findByText('✗ 已检查 237 项，发现 3 处问题：')).toBeTruthy();
  expect(api.sentTo('audit.verify')).toEqual([{ fingerprint: '3F2A-9C41-0B7D-E5A9' }, { cursor: 'case:rn_x', fingerprint: '3F2A-9C41-0B7D-E5A9' }]);
  expect(screen.getByText('事项 rn_abc 第 2 条：封印不符：记录内容被改动，或这段记录不属于本事项')).toBeTruthy();
  expect(screen.getByText('导出记录 ex_0a1b：导出记录已从数据库中删除，但检查点 #12（2026-11-25 00:00）记下过它')).toBeTruthy();
  expect(screen.getByText(/^检查点 fingerprint：你保存的检查点指纹/)).toBeTruthy();
  expect(screen.getByText(/最近的检查点 #12（.*，8 项记录），指纹 3F2A-9C41-0B7D-E5A8/)).toBeTruthy();
});

it('should say so when the whole trail is intact', async () => {
  mockApi({ 'settings.get': () => ok(view), 'audit.verify': () => ok({ checked: 5, problems: [], next: null, checkpoints: { count: 1, latest } }) });
  render(<SettingsPage />);
  fireEvent.click(await screen.findByRole('button', { name: '校验审计记录' }));
  expect(await screen.findByText('✓ 已检查 5 项记录（处理记录与导出记录），全部完整，未发现篡改')).toBeTruthy();
});

it('should save the hourly limits and the removal deadline with the rest of the settings', async () => {
  const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': (d) => ok({ ...view, version: 4, values: d.values }) });
  render(<SettingsPage />);
  const form = await screen.findByTestId('limits-form');
  // The fields in order: requests, uploads, reminders.
  fireEvent.change(within(form).getAllByRole('textbox')[0], { target: { value: '5' } });
  fireEvent.click(screen.getByRole('button', { name: '保存频率限制' }));
  await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1));
  expect(api.sentTo('settings.update')[0]).toEqual({ expectedVersion: 3, values: { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits, requestsPerHour: 5 } } });
  expect(screen.getByText('移出（或重新拉回）群成员期限（工作日）')).toBeTruthy();
});

it('should save the interval between two nudges (催办) with the limits', async () => {
  const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': (d) => ok({ ...view, version: 4, values: d.values }) });
  render(<SettingsPage />);
  const form = await screen.findByTestId('limits-form');
  expect(within(form).getByText('同一事项两次催办的间隔（小时，1–72）')).toBeTruthy();
  // After requests, uploads and reminders.
  fireEvent.change(within(form).getAllByRole('textbox')[3], { target: { value: '8' } });
  fireEvent.click(screen.getByRole('button', { name: '保存频率限制' }));
  await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1));
  expect(api.sentTo('settings.update')[0]).toEqual({ expectedVersion: 3, values: { ...DEFAULT_SETTINGS, approval: { nudgeHours: 8 } } });
});
