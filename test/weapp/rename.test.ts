import type { ActionName } from '../../src/contract';
import { fail, ok } from '../../src/contract';
import { ensureWeappBuild, startApp } from './harness';

jest.setTimeout(300_000);

const preview = {
  group: { id: 'g_proj_a', name: '项目A群' },
  canonical: '张伟-市场部-1024',
  current: '伟哥',
  compliant: false,
  requiresSuffix: true,
  reasons: ['群昵称统一为“真实姓名-部门名称”（制度第二条第2款）。', '本群另有 1 位成员也叫“张伟”，须在末尾加上工号以便区分。'],
  rule: { separator: '-', maxLength: 20 },
  subject: { personId: 'p1', name: '张伟', department: '市场部', employeeNo: '1024' },
  namesakes: [{ personId: 'p2', name: '张伟', department: '技术部', employeeNo: '2048' }],
  openCaseId: null,
};

describe('rename page in the weapp build', () => {
  beforeAll(() => ensureWeappBuild());

  it('should render the canonical nickname and file rename.submit through the api cloud function', async () => {
    const calls: { name: string; action: ActionName; data: Record<string, unknown> }[] = [];
    const callFunction = jest.fn(async ({ name, data }: { name: string; data: { action: ActionName; data: Record<string, unknown> } }) => {
      calls.push({ name, action: data.action, data: data.data });
      switch (data.action) {
        case 'rename.preview':
          return { result: ok(preview) };
        case 'session.whoami':
          return {
            result: ok({
              person: { id: 'p1', name: '张伟', department: '市场部', employeeNo: '1024', external: false },
              roles: ['member'],
              groups: [],
              templates: { caseDecided: 'TPL_DECIDED', newTask: 'TPL_TASK', reminder: 'TPL_REMIND', escalation: 'TPL_ESC' },
              grants: {},
            }),
          };
        case 'subscriptions.record':
          return { result: ok({ grants: { TPL_DECIDED: 1 } }) };
        case 'rename.submit':
          return { result: ok({ id: 'rn_new' }) };
        default:
          return { result: fail('UNKNOWN_ACTION') };
      }
    });
    const requestSubscribeMessage = jest.fn((o: { tmplIds: string[]; success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      const res = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(o.tmplIds.map((id) => [id, 'accept'])) };
      o.success?.(res);
      o.complete?.(res);
    });
    const redirectTo = jest.fn((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'redirectTo:ok' }));
    const cloudInit = jest.fn();

    const { simulate, openPage } = startApp({
      cloud: { init: cloudInit, callFunction },
      requestSubscribeMessage,
      redirectTo,
    });
    expect(cloudInit).toHaveBeenCalledWith({ traceUser: true });

    const page = openPage('packages/member/pages/rename/index', { groupId: 'g_proj_a' });
    for (let i = 0; i < 50 && !page.dom!.textContent!.includes('规范群昵称'); i++) await simulate.sleep(20);
    const text = page.dom!.textContent!;
    expect(text).toContain('张伟-市场部-1024');
    expect(text).toContain('本群另有 1 位成员也叫“张伟”，须在末尾加上工号以便区分。');
    expect(calls.find((c) => c.action === 'rename.preview')).toMatchObject({ name: 'api', data: { groupId: 'g_proj_a' } });

    const submit = page.querySelectorAll('.qw-btn').find((b) => b.dom!.textContent!.includes('提交申请'));
    expect(submit).toBeDefined();
    submit!.dispatchEvent('tap');
    for (let i = 0; i < 50 && !calls.some((c) => c.action === 'rename.submit'); i++) await simulate.sleep(20);

    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['TPL_DECIDED']);
    const submitted = calls.filter((c) => c.action === 'rename.submit');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ name: 'api', data: { groupId: 'g_proj_a', nickname: '张伟-市场部-1024' } });
    expect(submitted[0].data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    for (let i = 0; i < 50 && !redirectTo.mock.calls.length; i++) await simulate.sleep(20);
    expect(redirectTo.mock.calls[0][0]).toMatchObject({ url: '/packages/case/pages/case/index?id=rn_new' });
  });
});
