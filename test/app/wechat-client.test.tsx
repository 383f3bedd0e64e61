// The mini-program's side of WeChat as WeChat behaves: Taro's promise around getGroupEnterInfo,
// the app returning to the foreground from a chat, the cloud environment from the build, and the
// template keywords 系统设置 maps.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SETTINGS, ok, type SettingsView } from '../../src/contract';
import { DEFAULT_TEMPLATE_FIELDS } from '../../src/contract/template-keywords';
import SettingsPage from '../../src/app/packages/admin/pages/settings/index';
import HomePage from '../../src/app/pages/home/index';
import { mockApi } from './api-mock';
import { whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  // Each test starts as an app just brought to the foreground.
  taro.showApp();
});

function homeApi(enter: (cloudID: string) => string | null) {
  return mockApi({
    'session.whoami': () => ok(whoami()),
    'cases.mine': () => ok({ items: [], total: 0, offset: 0, limit: 20 }),
    'notifications.list': () => ok({ items: [], total: 0, offset: 0, limit: 1, unread: 0 }),
    'notices.list': () => ok({ items: [], total: 0, offset: 0, limit: 20, pending: 0 } as never),
    'groups.enter': (input) => ok({ group: enter((input as { cloudID: string }).cloudID) ? ({ id: enter((input as { cloudID: string }).cloudID) } as never) : null }),
  });
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('首页 opened from a WeChat group chat', () => {
  it('should let the refusal outside a group chat (40097) pass quietly, with no rejection left unhandled', async () => {
    const api = homeApi(() => null);
    render(<HomePage />);
    await screen.findByText('你好，张伟');
    taro.showPage();
    await flush();
    expect(taro.getGroupEnterInfo).toHaveBeenCalledTimes(1);
    expect(api.sentTo('groups.enter')).toEqual([]);
    expect(taro.droppedRejections()).toBe(0);
  });

  it('should land on the group each time the running app is brought back from a chat, once per return', async () => {
    const api = homeApi((cloudID) => (cloudID === 'cloud-market' ? 'g_market' : 'g_projecta'));
    taro.groupEnterInfo.mockImplementationOnce((o) => o.success?.({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'cloud-market' }));
    render(<HomePage />);
    await screen.findByText('你好，张伟');
    taro.showPage();
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/org/pages/group/index?id=g_market' }));

    // Back from the group page to 首页: the same foreground, nothing to look at again.
    taro.showPage();
    await flush();
    expect(taro.getGroupEnterInfo).toHaveBeenCalledTimes(1);

    // The member switches to WeChat and opens the running app from the 项目A群 chat.
    taro.showApp();
    taro.groupEnterInfo.mockImplementationOnce((o) => o.success?.({ errMsg: 'getGroupEnterInfo:ok', cloudID: 'cloud-project' }));
    taro.showPage();
    await waitFor(() => expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/org/pages/group/index?id=g_projecta' }));
    expect(api.sentTo('groups.enter')).toEqual([{ cloudID: 'cloud-market' }, { cloudID: 'cloud-project' }]);
    expect(taro.droppedRejections()).toBe(0);
  });
});

describe('the cloud environment', () => {
  /** Loads app.ts as the mini-program starts; the wx.cloud.init it called. */
  const load = () => {
    let init!: jest.Mock;
    jest.isolateModules(() => {
      init = (require('@tarojs/taro') as typeof taro).cloud.init;
      require('../../src/app/app');
    });
    return init;
  };
  afterEach(() => {
    delete process.env.TARO_APP_CLOUD_ENV;
  });

  it('should initialise wx.cloud with the environment the build names', () => {
    process.env.TARO_APP_CLOUD_ENV = 'qunwu-prod-7g2k';
    expect(load()).toHaveBeenCalledWith({ env: 'qunwu-prod-7g2k', traceUser: true });
  });

  it("should use WeChat's default environment when the build names none", () => {
    expect(load()).toHaveBeenCalledWith({ traceUser: true });
  });
});

describe('系统设置: subscription templates', () => {
  const view: SettingsView = {
    version: 4,
    values: DEFAULT_SETTINGS,
    updatedAt: 0,
    updatedBy: null,
    calendar: { officialYears: [2025, 2026], unconfirmedYears: [], warning: null },
  };

  it("should show each keyword's type, refuse a mapping WeChat would refuse, and save one it takes", async () => {
    const api = mockApi({ 'settings.get': () => ok(view), 'settings.update': () => ok({ ...view, version: 5 }) });
    render(<SettingsPage />);
    const form = await screen.findByTestId('templates-form');
    const newTask = within(form.querySelector('[data-purpose="newTask"]') as HTMLElement);
    expect(newTask.getByText('thing1（事物，20 个以内字符）← 事项')).toBeTruthy();
    expect(newTask.getByText('time3（时间，24 小时制时间，可带年月日）← 时间')).toBeTruthy();
    const save = within(form).getByRole('button', { name: '保存模板设置' });
    expect(save).toHaveProperty('disabled', true);

    const [id, keys] = newTask.getAllByRole('textbox') as HTMLInputElement[];
    expect(id.value).toBe('TPL_NEW_TASK');
    expect(keys.value).toBe('thing1=事项，thing2=说明，time3=时间');
    fireEvent.change(keys, { target: { value: 'name1=事项，phrase2=提醒类型，time4=时间' } });
    expect(newTask.getByText('关键词 name1 是姓名（10 个以内汉字或 20 个以内字母），不能填“事项”，可填：收件人')).toBeTruthy();
    expect(save).toHaveProperty('disabled', true);

    fireEvent.change(id, { target: { value: 'LIB_TODO_REMIND' } });
    fireEvent.change(keys, { target: { value: 'name1=收件人，phrase2=提醒类型，time4=时间' } });
    expect(newTask.getByText('phrase2（汉字，5 个以内汉字）← 提醒类型')).toBeTruthy();
    fireEvent.click(save);
    await waitFor(() => expect(api.sentTo('settings.update')).toHaveLength(1));
    const sent = api.sentTo('settings.update')[0] as { values: SettingsView['values']; expectedVersion: number };
    expect(sent.expectedVersion).toBe(4);
    expect(sent.values.templates.newTask).toBe('LIB_TODO_REMIND');
    expect(sent.values.templateFields.newTask).toEqual([
      { key: 'name1', source: 'recipient' },
      { key: 'phrase2', source: 'purpose' },
      { key: 'time4', source: 'time' },
    ]);
    expect(sent.values.templateFields.caseDecided).toEqual(DEFAULT_TEMPLATE_FIELDS);
  });
});
