// The cloud function as deployed (wechatDeps over wx-server-sdk), with the real SDK talking to a
// local CloudBase gateway that answers in WeChat's documented shapes; only the database is the
// fake. A mismatch between the adapter and the platform shows here as a user would meet it.
import type { ActionInput, ActionName, ActionResult, Result } from '../../src/contract';
import { createWechatNotifier, wechatDeps } from '../../src/server/adapters/wechat';
import { dispatch } from '../../src/server/dispatch';
import { DEMO_OWNER_OPENID, demoOpenid, seedDemo } from '../../src/server/host/seed';
import { retryOutboxes } from '../../src/server/jobs';
import type { Deps } from '../../src/server/ports';
import { createFakeWxDb } from './fakes/wx-db';
import { startTcbGateway, type TcbGateway } from './fakes/tcb-gateway';

const T0 = Date.parse('2026-11-24T10:00:00+08:00');
const ENV = { OWNER_OPENID: DEMO_OWNER_OPENID, AUDIT_KEY: 'ab'.repeat(32), AUDIT_KEY_ID: 'test1' };

let gateway: TcbGateway;
let saved: Record<string, string | undefined>;
beforeAll(async () => {
  gateway = await startTcbGateway();
  saved = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, ENV);
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await gateway.close();
});

/** The demo organisation in a fresh cloud database, behind the function's own composition. */
async function cloudFunction() {
  const clock = { t: T0 };
  const deps: Deps = { ...wechatDeps(gateway.sdk(createFakeWxDb())), clock: { now: () => clock.t } };
  await seedDemo(deps.store, T0, deps.audit);
  async function call<A extends ActionName>(as: string, action: A, data: ActionInput<A>): Promise<Result<ActionResult<A>>> {
    return dispatch(deps, { action, data }, demoOpenid(as)) as Promise<Result<ActionResult<A>>>;
  }
  async function okCall<A extends ActionName>(as: string, action: A, data: ActionInput<A>): Promise<ActionResult<A>> {
    const r = await call(as, action, data);
    if (!r.ok) throw new Error(`${action} as ${as} failed: ${r.code} ${r.message}`);
    return r.data;
  }
  return { deps, clock, call, okCall };
}

// A WeChat group chat's opengid as getOpenData gives it.
const MARKET_CHAT = 'tGz8Q5_market_chat_opengid01';

describe('a group bound from its WeChat chat (groups.bindWechat, groups.enter)', () => {
  it('should bind the chat an admin opened the app from, then bring each member there from it', async () => {
    const f = await cloudFunction();
    // 刘洋 taps the 群务 card in the market chat: getGroupEnterInfo gives him a cloudID for it.
    const bound = await f.okCall('p_liuyang', 'groups.bindWechat', { groupId: 'g_market', cloudID: gateway.groupCloudID(MARKET_CHAT) });
    expect(bound).toMatchObject({ id: 'g_market', name: '市场部工作群' });
    expect(gateway.calls).toContain('wx.openApi ApiGetOpenDataByCloudId');

    // 黄磊 opens the app from the same chat: his own cloudID, the same chat.
    expect(await f.okCall('p_huanglei', 'groups.enter', { cloudID: gateway.groupCloudID(MARKET_CHAT) })).toMatchObject({ group: { id: 'g_market' } });
    // 周杰 is not in that group: he learns nothing about the chat.
    expect(await f.okCall('p_zhoujie', 'groups.enter', { cloudID: gateway.groupCloudID(MARKET_CHAT) })).toEqual({ group: null });
    // Another group cannot take a chat that is bound already.
    expect(await f.call('p_zhoujie', 'groups.bindWechat', { groupId: 'g_projecta', cloudID: gateway.groupCloudID(MARKET_CHAT) })).toMatchObject({
      ok: false,
      code: 'GROUP_ALREADY_BOUND',
    });
  });

  it('should refuse a cloudID WeChat does not vouch for, and bind nothing', async () => {
    const f = await cloudFunction();
    expect(await f.call('p_liuyang', 'groups.bindWechat', { groupId: 'g_market', cloudID: 'made-up-cloud-id' })).toMatchObject({ ok: false, code: 'NO_GROUP_CONTEXT' });
    expect((await f.deps.store.getGroups(['g_market']))[0].opengid).toBeNull();
    expect(await f.okCall('p_liuyang', 'groups.enter', { cloudID: 'made-up-cloud-id' })).toEqual({ group: null });
  });
});

describe('files that are not in cloud storage', () => {
  it('should tell the admin a backup file is gone (校验完整性), and refuse to record a missing upload, never 内部错误', async () => {
    const f = await cloudFunction();
    const bytes = Buffer.from('2026-10 市场部工作群 聊天记录导出\n'.repeat(10));
    // 刘洋 uploads the export with wx.cloud.uploadFile, then registers it.
    const fileId = gateway.put(`backups/g_market/${Date.now()}-oct.txt`, bytes);
    await f.okCall('p_liuyang', 'files.record', { fileId, name: '十月.txt' });
    const b = await f.okCall('p_liuyang', 'backups.register', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId, fileName: '十月.txt', requestId: 'wx-backup-oct-0001' });
    expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Someone deletes the file in the cloud console.
    gateway.storage.delete(fileId);
    const verified = await f.okCall('p_liuyang', 'backups.verify', { backupId: b.id });
    expect(verified).toMatchObject({ lastVerify: { intact: false } });
    expect(verified.history!.at(-1)).toMatchObject({ actionLabel: '校验完整性', note: '已损坏/已变更：存储中找不到该文件' });

    const never = gateway.put(`evidence/p_liuyang/${Date.now()}-x.png`, 'x');
    gateway.storage.delete(never);
    expect(await f.call('p_liuyang', 'files.record', { fileId: never, name: 'x.png' })).toMatchObject({ ok: false, code: 'FILE_INVALID' });
  });
});

describe('subscription messages as WeChat takes them', () => {
  /** 黄磊 files a rename; 刘洋 (who granted one newTask message) is told by subscription message. */
  async function renameFiledWithGrant(f: Awaited<ReturnType<typeof cloudFunction>>) {
    const tpl = (await f.okCall('p_liuyang', 'session.whoami', {})).templates.newTask;
    await f.okCall('p_liuyang', 'subscriptions.record', { results: { [tpl]: 'accept' } });
    const c = await f.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: `wx-${Math.random().toString(36).slice(2)}` });
    return { tpl, c };
  }
  const grantsOf = async (f: Awaited<ReturnType<typeof cloudFunction>>, tpl: string) => (await f.okCall('p_liuyang', 'session.whoami', {})).grants[tpl];

  it('should send the first templates as they are (thing1 事项, thing2 说明, time3 时间) with settings saved before keys existed', async () => {
    const f = await cloudFunction();
    gateway.templates.set('TPL_NEW_TASK', ['thing1', 'thing2', 'time3']);
    const before = gateway.sent.length;
    const { tpl } = await renameFiledWithGrant(f);
    const sent = gateway.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: demoOpenid('p_liuyang'), template_id: tpl, miniprogram_state: 'formal', lang: 'zh_CN' });
    expect(Object.keys(sent[0].data).sort()).toEqual(['thing1', 'thing2', 'time3']);
    expect(sent[0].data.time3.value).toBe('2026-11-24 10:00');
    expect(await grantsOf(f, tpl)).toBe(0);
  });

  it("should fill a library template's own keywords (name1, phrase2, time4) as 系统设置 maps them, within each type's limits", async () => {
    const f = await cloudFunction();
    gateway.templates.set('LIB_TODO_REMIND', ['name1', 'phrase2', 'time4']);
    const current = await f.okCall('p_zhaomin', 'settings.get', {});
    const values = {
      ...current.values,
      templates: { ...current.values.templates, newTask: 'LIB_TODO_REMIND' },
      templateFields: {
        ...current.values.templateFields,
        newTask: [
          { key: 'name1', source: 'recipient' as const },
          { key: 'phrase2', source: 'purpose' as const },
          { key: 'time4', source: 'time' as const },
        ],
      },
    };
    await f.okCall('p_zhaomin', 'settings.update', { values, expectedVersion: current.version });
    const before = gateway.sent.length;
    await renameFiledWithGrant(f);
    const sent = gateway.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].template_id).toBe('LIB_TODO_REMIND');
    expect(sent[0].data).toEqual({ name1: { value: '刘洋' }, phrase2: { value: '新待办' }, time4: { value: '2026-11-24 10:00' } });
  });

  it('should refuse in 系统设置 a mapping WeChat would refuse, and save nothing', async () => {
    const f = await cloudFunction();
    const current = await f.okCall('p_zhaomin', 'settings.get', {});
    const bad = (newTask: { key: string; source: 'title' | 'body' | 'purpose' | 'time' | 'recipient' }[]) =>
      f.call('p_zhaomin', 'settings.update', { values: { ...current.values, templateFields: { ...current.values.templateFields, newTask } }, expectedVersion: current.version });
    expect(await bad([{ key: 'phrase2', source: 'title' }])).toMatchObject({ ok: false, code: 'SETTINGS_INVALID', message: expect.stringContaining('phrase2') });
    expect(await bad([{ key: 'time4', source: 'body' }])).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
    expect(await bad([{ key: 'character_string3', source: 'title' }])).toMatchObject({ ok: false, code: 'SETTINGS_INVALID', message: expect.stringContaining('请换一个模板') });
    expect(await bad([{ key: 'thing1', source: 'title' }, { key: 'thing1', source: 'body' }])).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
    expect((await f.okCall('p_zhaomin', 'settings.get', {})).version).toBe(current.version);
  });

  it('should stop pushing with a template id WeChat does not know (40037): the in-app copy stays, the grant is given back, nothing is retried', async () => {
    const f = await cloudFunction();
    gateway.templates.delete('TPL_NEW_TASK');
    const sends = () => gateway.calls.filter((c) => c === 'wx.openApi subscribeMessage.send').length;
    const before = sends();
    const { tpl, c } = await renameFiledWithGrant(f);
    expect(sends() - before).toBe(1);
    const inbox = await f.okCall('p_liuyang', 'notifications.list', {});
    expect(inbox.items.map((n) => [n.title, n.push])).toEqual([['新的改名申请', 'failed']]);
    expect(await grantsOf(f, tpl)).toBe(1);
    expect((await f.deps.store.getCase(c.id))!.outbox).toEqual([]);
    // The scheduler has nothing left to push.
    await retryOutboxes(f.deps);
    await retryOutboxes(f.deps);
    expect(sends() - before).toBe(1);
  });
});

describe('wechat notifier over the real SDK', () => {
  const msg = { touser: 'o_1', templateId: 'TPL_X', page: 'packages/case/pages/case/index?id=c1', data: { thing1: { value: '改名申请' } } };

  it.each([
    [43101, 'no grant left'],
    [40037, 'a template id WeChat does not know'],
  ])('should answer errCode %i (%s) as a refusal, not an error', async (errcode) => {
    gateway.sendErrcode = errcode;
    try {
      expect(await createWechatNotifier(gateway.sdk(), 'formal').send(msg)).toMatchObject({ ok: false, errCode: errcode });
    } finally {
      gateway.sendErrcode = null;
    }
  });

  it('should answer 47003 for data that does not fit the template', async () => {
    gateway.templates.set('TPL_X', ['thing1', 'time2']);
    expect(await createWechatNotifier(gateway.sdk(), 'formal').send(msg)).toMatchObject({ ok: false, errCode: 47003 });
  });
});
