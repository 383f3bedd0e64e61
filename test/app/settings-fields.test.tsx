// 系统设置's number rows (SettingField): one row for every form of the page — the range in the label,
// a value out of range marked red and keeping 保存 off, the typed value saved as a number.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_SETTINGS, ok, type SettingsView } from '../../src/contract';
import { SettingField } from '../../src/app/packages/admin/components/SettingField';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import { mockApi } from './api-mock';

beforeEach(() => jest.clearAllMocks());

const view: SettingsView = { version: 3, values: DEFAULT_SETTINGS, updatedAt: Date.UTC(2026, 0, 2), updatedBy: 'p_zm', calendar: { officialYears: [2004, 2026], unconfirmedYears: [], warning: null } };
const slow = { timeout: 5000 };

/** The card whose title is `title`, and its input under the label `label`. */
function row(title: string, label: string) {
  const card = screen.getByText(title).closest('.qw-card') as HTMLElement;
  const labelEl = Array.from(card.querySelectorAll('.qw-label')).find((l) => l.textContent === label);
  if (!labelEl) throw new Error(`no row ${label} in ${title}`);
  const input = labelEl.parentElement!.querySelector('input')!;
  const save = Array.from(card.querySelectorAll('button')).find((b) => b.textContent?.startsWith('保存'))!;
  return { card, input, save };
}

describe('SettingField', () => {
  it('should show the range after the label, mark a value outside it, and hand up what is typed', () => {
    const typed: string[] = [];
    const { container, rerender } = render(<SettingField label="备份周期（月）" range={{ min: 1, max: 12 }} value="13" onInput={(v) => typed.push(v)} />);
    expect(container.querySelector('.qw-label')!.textContent).toBe('备份周期（月）（1–12）');
    expect(container.querySelector('.qw-input--invalid')).not.toBeNull();
    rerender(<SettingField label="备份周期（月）" range={{ min: 1, max: 12 }} value="1.5" onInput={(v) => typed.push(v)} />);
    expect(container.querySelector('.qw-input--invalid')).not.toBeNull();
    rerender(<SettingField label="备份周期（月）" range={{ min: 1, max: 12 }} value="12" onInput={(v) => typed.push(v)} />);
    expect(container.querySelector('.qw-input--invalid')).toBeNull();
    fireEvent.input(container.querySelector('input')!, { target: { value: '6' } });
    expect(typed).toEqual(['6']);
  });

  it('should show a row with no range as its label alone, never marked', () => {
    const { container } = render(<SettingField label="申诉期限 X₁（工作日）" value="0" onInput={() => undefined} />);
    expect(container.querySelector('.qw-label')!.textContent).toBe('申诉期限 X₁（工作日）');
    expect(container.querySelector('.qw-input--invalid')).toBeNull();
  });
});

describe('系统设置 number rows', () => {
  it('should keep 聊天记录备份与查阅 from saving a period out of range, then save the corrected one', async () => {
    const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': (d) => ok({ ...view, version: 4, values: d.values }) });
    render(<SettingsPage />);
    await screen.findByText('聊天记录备份与查阅', {}, slow);
    const { input, save } = row('聊天记录备份与查阅', '备份周期（月）（1–12）');
    fireEvent.input(input, { target: { value: '13' } });
    await waitFor(() => expect(input.closest('.qw-input--invalid')).not.toBeNull(), slow);
    expect(save.disabled).toBe(true);
    fireEvent.input(input, { target: { value: '6' } });
    await waitFor(() => expect(save.disabled).toBe(false), slow);
    expect(input.closest('.qw-input--invalid')).toBeNull();
    fireEvent.click(save);
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1), slow);
    expect(api.sentTo('settings.update')[0].values.backup).toEqual({ ...DEFAULT_SETTINGS.backup, periodMonths: 6 });
  });

  it('should save 违规处理与申诉\'s X values as numbers', async () => {
    const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': (d) => ok({ ...view, version: 4, values: d.values }) });
    render(<SettingsPage />);
    await screen.findByText('违规处理与申诉', {}, slow);
    const { input, save } = row('违规处理与申诉', '申诉期限 X₁（工作日）');
    fireEvent.input(input, { target: { value: '5' } });
    fireEvent.click(save);
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1), slow);
    expect(api.sentTo('settings.update')[0].values.violation).toEqual({ ...DEFAULT_SETTINGS.violation, appealDays: 5 });
  });
});
