import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ok, fail } from '../../src/contract';
import RenamePage from '../../src/app/packages/member/pages/rename/index';
import { forgetWhoAmI } from '../../src/app/lib/session';
import { deferred, mockApi } from './api-mock';
import { namesakePreview, renameCase, whoami } from './fixtures';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  forgetWhoAmI();
  taro.setRouterParams({ groupId: 'g_proj_a' });
});

const submitButton = () => screen.getByRole('button', { name: '提交申请' });
const nicknameInput = () => screen.getByPlaceholderText('张伟-市场部-1024');

async function openForm() {
  render(<RenamePage />);
  await screen.findByText('项目A群 · 规范群昵称');
}

describe('rename form', () => {
  it('should show the canonical nickname and why the employee number is required', async () => {
    const api = mockApi({ 'rename.preview': () => ok(namesakePreview()), 'session.whoami': () => ok(whoami()) });
    await openForm();
    expect(api.sentTo('rename.preview')).toEqual([{ groupId: 'g_proj_a' }]);
    expect(screen.getByTestId('canonical').textContent).toBe('张伟-市场部-1024');
    expect(screen.getByText('本群另有 1 位成员也叫“张伟”，须在末尾加上工号以便区分。')).toBeTruthy();
    expect(nicknameInput()).toHaveProperty('value', '张伟-市场部-1024');
    expect(screen.getByText('需改名')).toBeTruthy();
    expect(submitButton()).toHaveProperty('disabled', false);
  });

  it('should disable submit and say in Chinese what is wrong with an invalid nickname', async () => {
    mockApi({ 'rename.preview': () => ok(namesakePreview()), 'session.whoami': () => ok(whoami()) });
    await openForm();
    fireEvent.change(nicknameInput(), { target: { value: '张伟-市场部' } });
    expect(screen.getByText('本群有同名成员，须在末尾加上“-1024”（工号）')).toBeTruthy();
    expect(submitButton()).toHaveProperty('disabled', true);

    fireEvent.change(nicknameInput(), { target: { value: '伟哥 😀' } });
    expect(screen.getByText('应以你的真实姓名“张伟”开头')).toBeTruthy();
    expect(submitButton()).toHaveProperty('disabled', true);

    fireEvent.change(nicknameInput(), { target: { value: '张伟-市场部-1024' } });
    expect(screen.getByText('符合命名规范')).toBeTruthy();
    expect(submitButton()).toHaveProperty('disabled', false);
  });

  it('should file one request with one requestId when submit is tapped twice', async () => {
    const answer = deferred<ReturnType<typeof ok>>();
    const api = mockApi({
      'rename.preview': () => ok(namesakePreview()),
      'session.whoami': () => ok(whoami()),
      'subscriptions.record': () => ok({ grants: { TPL_DECIDED: 1 } }),
      'rename.submit': () => answer.promise as never,
    });
    await openForm();
    fireEvent.change(screen.getByPlaceholderText('例如：入职后首次登记'), { target: { value: ' 入职登记 ' } });
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    // The grant popup is asked inside the tap, before anything is awaited.
    expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_DECIDED'] });
    await waitFor(() => expect(api.sentTo('rename.submit')).toHaveLength(1));
    await act(async () => answer.resolve(ok(renameCase({ id: 'rn_new' }))));

    const [sent] = api.sentTo('rename.submit');
    expect(sent).toMatchObject({ groupId: 'g_proj_a', nickname: '张伟-市场部-1024', note: '入职登记' });
    expect(sent.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(api.sentTo('subscriptions.record')).toEqual([{ results: { TPL_DECIDED: 'accept' } }]);
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=rn_new' }));
    fireEvent.click(submitButton());
    expect(api.sentTo('rename.submit')).toHaveLength(1);
  });

  it('should show the server message and each issue inline, and retry with the same requestId', async () => {
    let attempts = 0;
    const api = mockApi({
      'rename.preview': () => ok(namesakePreview()),
      'session.whoami': () => ok(whoami()),
      'subscriptions.record': () => ok({ grants: {} }),
      'rename.submit': () =>
        ++attempts === 1
          ? fail('NAME_INVALID', '群昵称不符合命名规范：末尾的区分信息应为你的工号“1024”', [
              { path: 'nickname', message: '末尾的区分信息应为你的工号“1024”' },
              { path: 'nickname', message: '群昵称最多 20 个字，当前 21 个' },
            ])
          : ok(renameCase({ id: 'rn_2' })),
    });
    await openForm();
    fireEvent.click(submitButton());
    expect(await screen.findByText('群昵称不符合命名规范：末尾的区分信息应为你的工号“1024”')).toBeTruthy();
    expect(screen.getByText('· 群昵称最多 20 个字，当前 21 个')).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();

    fireEvent.click(submitButton());
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=rn_2' }));
    const [first, second] = api.sentTo('rename.submit');
    expect(second.requestId).toBe(first.requestId);
  });

  it('should point to the open request instead of filing a second one', async () => {
    mockApi({ 'rename.preview': () => ok(namesakePreview({ openCaseId: 'rn_open' })), 'session.whoami': () => ok(whoami()) });
    await openForm();
    expect(screen.getByText(/已有一个待审批的改名申请/)).toBeTruthy();
    expect(submitButton()).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByText('查看申请'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/case/pages/case/index?id=rn_open' });
  });

  it('should show the reason a preview was refused', async () => {
    mockApi({ 'rename.preview': () => fail('NOT_MEMBER'), 'session.whoami': () => ok(whoami()) });
    render(<RenamePage />);
    expect(await screen.findByText('你不是该群的成员')).toBeTruthy();
  });
});
