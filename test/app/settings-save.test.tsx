// 系统设置's save path, the same for every form of the page: while a save is out, the form's button
// is off and a second press sends nothing; a refusal is shown in that form with no 已保存; the next
// press that the server takes says 已保存.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SETTINGS, fail, ok, type Result, type SettingsView } from '../../src/contract';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import { deferred, mockApi } from './api-mock';
import * as taro from './stubs/taro';

beforeEach(() => jest.clearAllMocks());

const view: SettingsView = { version: 3, values: DEFAULT_SETTINGS, updatedAt: Date.UTC(2026, 0, 2), updatedBy: 'p_zm', calendar: { officialYears: [2004, 2026], unconfirmedYears: [], warning: null } };
const slow = { timeout: 5000 };

/** The input under the label `label` (its row's only input). */
const inputOf = (label: string) => screen.getByText(label).parentElement!.querySelector('input')!;
/** A card's button, by the card's title (the 节假日 form's button stands outside any card). */
function button(name: string, card?: string) {
  const scope = card ? within(screen.getByText(card).closest('.qw-card') as HTMLElement) : screen;
  return scope.getByRole('button', { name }) as HTMLButtonElement;
}

// Each form, and a change that lets its button be pressed (a form with no unsaved-change check needs none).
const FORMS: { form: string; name: string; card?: string; change: () => void }[] = [
  { form: '节假日与入群期限', name: '保存设置', change: () => fireEvent.input(inputOf('邀请卡片有效期（小时）'), { target: { value: '48' } }) },
  { form: '聊天记录备份与查阅', name: '保存', card: '聊天记录备份与查阅', change: () => fireEvent.input(inputOf('备份周期（月）（1–12）'), { target: { value: '6' } }) },
  { form: '违规处理与申诉', name: '保存违规处理设置', change: () => undefined },
  { form: '紧急事件与意见反馈', name: '保存', card: '紧急事件与意见反馈', change: () => fireEvent.input(inputOf('紧急任务接收时限（分钟）（1–120）'), { target: { value: '3' } }) },
  {
    form: '订阅消息模板',
    name: '保存模板设置',
    change: () => fireEvent.input(within(screen.getByTestId('templates-form')).getAllByRole('textbox')[0], { target: { value: 'LIB_TODO_REMIND' } }),
  },
  { form: '频率限制', name: '保存频率限制', change: () => undefined },
];

describe.each(FORMS)('系统设置 $form', ({ name, card, change }) => {
  it('should send one save however often it is pressed while out, show a refusal without 已保存, then save', async () => {
    const answers: ReturnType<typeof deferred<Result<SettingsView>>>[] = [];
    const api = mockApi({
      'settings.get': () => ok(view),
      'settings.update': () => {
        const d = deferred<Result<SettingsView>>();
        answers.push(d);
        return d.promise;
      },
    });
    render(<SettingsPage />);
    await screen.findByText('频率限制', {}, slow);
    change();
    const save = () => button(name, card);
    await waitFor(() => expect(save().disabled).toBe(false), slow);

    fireEvent.click(save());
    fireEvent.click(save());
    await waitFor(() => expect(save().disabled).toBe(true), slow);
    fireEvent.click(save());
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1), slow);
    expect(api.sentTo('settings.update')[0].expectedVersion).toBe(3);

    answers[0].resolve(fail('CONFLICT', '设置已被他人修改，请刷新后再改'));
    expect(await screen.findByText('设置已被他人修改，请刷新后再改', {}, slow)).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(taro.showToast).not.toHaveBeenCalled();
    await waitFor(() => expect(save().disabled).toBe(false), slow);

    fireEvent.click(save());
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(2), slow);
    answers[1].resolve(ok({ ...view, version: 4 }));
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存', icon: 'success' })), slow);
    expect(screen.queryByText('设置已被他人修改，请刷新后再改')).toBeNull();
  });
});
