import { ERROR_MESSAGES, ok } from '../../src/contract';
import { browser, call, NETWORK_MESSAGE, requestSubscribe, SUBSCRIBE_PROMPT } from '../../src/app/api';
import { mockApi } from './api-mock';
import * as taro from './stubs/taro';

beforeEach(() => {
  jest.clearAllMocks();
  process.env.TARO_ENV = 'weapp';
});
afterAll(() => {
  process.env.TARO_ENV = 'weapp';
});

describe('api client on weapp', () => {
  it('should call the api cloud function with the action and its data', async () => {
    taro.cloud.callFunction.mockResolvedValueOnce({ result: ok({ updated: 2 }) } as never);
    const r = await call('notifications.read', { ids: ['n1', 'n2'] });
    expect(taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'api', data: { action: 'notifications.read', data: { ids: ['n1', 'n2'] } } });
    expect(r).toEqual({ ok: true, data: { updated: 2 } });
  });

  it('should turn a failed call into INTERNAL with a Chinese sentence', async () => {
    taro.cloud.callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail -404011') as never);
    expect(await call('session.whoami', {})).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
  });

  it('should treat an answer that is not a Result as INTERNAL', async () => {
    taro.cloud.callFunction.mockResolvedValueOnce({ result: undefined } as never);
    expect(await call('session.whoami', {})).toEqual({ ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL });
  });

  it('should refuse malformed input before sending it', async () => {
    const r = await call('rename.submit', { groupId: 'g1', nickname: '张伟-市场部', requestId: 'short' });
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: 'requestId' }] });
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('should refuse a blank reason as the server does, with the prompt of its command, before sending it', async () => {
    expect(await call('rename.reject', { caseId: 'rn_1', reason: '  ' })).toEqual({ ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' });
    expect(await call('guests.decide', { caseId: 'gu_1', approve: false })).toEqual({ ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' });
    expect(await call('violation.appeal', { caseId: 'vi_1', reasons: '' })).toEqual({ ok: false, code: 'REASON_REQUIRED', message: '申诉时请写明理由' });
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('should not send anyone to a sign-in page inside WeChat', async () => {
    const go = jest.spyOn(browser, 'goToSignin').mockImplementation(() => {});
    mockApi({ 'session.whoami': () => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' }) });
    expect(await call('session.whoami', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(go).not.toHaveBeenCalled();
  });

  it('should ask WeChat for up to 5 grants in one popup and record the answers', async () => {
    taro.requestSubscribeMessage.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      T1: 'accept',
      T2: 'reject',
      T3: 'ban',
      T4: 'filter',
    } as never);
    const api = mockApi({ 'subscriptions.record': () => ok({ grants: { T1: 3 } }) });
    expect(await requestSubscribe(['T1', 'T2', '', 'T3', 'T4', 'T1'])).toEqual({ T1: 3 });
    expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T1', 'T2', 'T3', 'T4'] });
    expect(api.sentTo('subscriptions.record')).toEqual([{ results: { T1: 'accept', T2: 'reject', T3: 'ban', T4: 'filter' } }]);
  });

  it('should ask in two popups where an older client refuses more than 3 at once (20003)', async () => {
    taro.requestSubscribeMessage
      .mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds', errCode: 20003 } as never)
      .mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', T1: 'accept', T2: 'accept' } as never)
      .mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', T3: 'reject', T4: 'accept' } as never);
    const api = mockApi({ 'subscriptions.record': () => ok({ grants: { T1: 1, T2: 1, T4: 1 } }) });
    expect(await requestSubscribe(['T1', 'T2', 'T3', 'T4'])).toEqual({ T1: 1, T2: 1, T4: 1 });
    expect(taro.requestSubscribeMessage.mock.calls.map(([o]) => (o as { tmplIds: string[] }).tmplIds)).toEqual([
      ['T1', 'T2', 'T3', 'T4'],
      ['T1', 'T2'],
      ['T3', 'T4'],
    ]);
    expect(api.sentTo('subscriptions.record')).toEqual([{ results: { T1: 'accept', T2: 'accept', T3: 'reject', T4: 'accept' } }]);
  });

  it('should carry on quietly when the grant popup fails', async () => {
    taro.requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 } as never);
    expect(await requestSubscribe(['T1'])).toBeNull();
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });
});

describe('api client on h5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('should post the action to the local host with the session cookie', async () => {
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: ok({ updated: 1 }), header: {}, errMsg: 'ok' } as never);
    expect(await call('notifications.read', { ids: ['n1'] })).toEqual(ok({ updated: 1 }));
    expect(taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: '/api/api',
        method: 'POST',
        credentials: 'same-origin',
        data: JSON.stringify({ action: 'notifications.read', data: { ids: ['n1'] } }),
      }),
    );
    expect(taro.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('should send the browser to the sign-in page when the host answers UNAUTHENTICATED', async () => {
    const go = jest.spyOn(browser, 'goToSignin').mockImplementation(() => {});
    taro.request.mockResolvedValueOnce({
      statusCode: 200,
      data: { ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' },
      header: {},
      errMsg: 'ok',
    } as never);
    const r = await call('session.whoami', {});
    expect(r).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' });
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('should report a host that cannot be reached as a network failure', async () => {
    taro.request.mockRejectedValueOnce(new TypeError('Failed to fetch') as never);
    expect(await call('session.whoami', {})).toEqual({ ok: false, code: 'INTERNAL', message: NETWORK_MESSAGE });
  });

  it('should stand in for the WeChat grant popup with a local modal', async () => {
    taro.showModal.mockResolvedValueOnce({ errMsg: 'ok', confirm: true, cancel: false });
    taro.request.mockResolvedValueOnce({ statusCode: 200, data: ok({ grants: { T1: 1, T2: 1 } }), header: {}, errMsg: 'ok' } as never);
    expect(await requestSubscribe(['T1', 'T2'])).toEqual({ T1: 1, T2: 1 });
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: SUBSCRIBE_PROMPT }));
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(JSON.parse((taro.request.mock.calls[0] as unknown as [{ data: string }])[0].data)).toEqual({
      action: 'subscriptions.record',
      data: { results: { T1: 'accept', T2: 'accept' } },
    });
  });
});
