// The deployable bundles themselves: they load with plain node and no network, and, with the SDK
// swapped for the faithful fake, answer as the cloud function would — identity from the context.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createWechatStore } from '../../src/server/adapters/wechat';
import { auditKeysFromEnv } from '../../src/server/cases/audit';
import { demoOpenid, seedDemo } from '../../src/server/host/seed';
import { createFakeCloud } from './fakes/wx-db';

const ROOT = resolve(__dirname, '../..');
// QW_CLOUD_DIST: a build of one's own (scripts/build-cloud.mjs writes there too), not the shared cloudfunctions/.
const OUT = resolve(ROOT, process.env.QW_CLOUD_DIST ?? 'cloudfunctions');
const bundle = (name: string) => join(OUT, name, 'index.js');

beforeAll(() => {
  if (!existsSync(bundle('api')) || !existsSync(bundle('scheduler'))) {
    execFileSync(process.execPath, ['scripts/build-cloud.mjs'], { cwd: ROOT });
  }
});

it.each(['api', 'scheduler'])('should load the %s bundle with plain node', (name) => {
  const r = spawnSync(process.execPath, ['-e', `const f=require(${JSON.stringify(bundle(name))}); if(typeof f.main!=='function') process.exit(3)`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('should answer through the bundle with the OPENID from the context, never from the event', async () => {
  const cloud = createFakeCloud();
  const sdk = {
    DYNAMIC_CURRENT_ENV: 'dynamic',
    init: jest.fn(),
    database: () => cloud.database(),
    getWXContext: () => cloud.getWXContext(),
    openapi: cloud.openapi,
    downloadFile: (p: { fileID: string }) => cloud.downloadFile(p),
    getTempFileURL: (p: { fileList: { fileID: string; maxAge: number }[] }) => cloud.getTempFileURL(p),
  };
  // The deployment's audit key, as the deploy sets it in the functions' environment.
  process.env.AUDIT_KEY = randomBytes(32).toString('hex');
  process.env.AUDIT_KEY_ID = 'bundle-1';
  await seedDemo(createWechatStore(cloud.database()), Date.now(), auditKeysFromEnv(process.env));
  let api!: { main(e: unknown): Promise<any> };
  let scheduler!: { main(): Promise<any> };
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => sdk, { virtual: false });
    api = require(bundle('api'));
    scheduler = require(bundle('scheduler'));
  });
  expect(sdk.init).toHaveBeenCalled();

  cloud.openid = demoOpenid('p_huanglei');
  // WeChat adds userInfo to the event; a client could forge other fields too. Neither counts.
  const who = await api.main({ action: 'session.whoami', data: {}, userInfo: { openId: demoOpenid('p_liuyang') } });
  expect(who).toMatchObject({ ok: true, data: { person: { name: '黄磊' } } });

  const filed = await api.main({ action: 'rename.submit', data: { groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'bundle-test-0001' } });
  expect(filed).toMatchObject({ ok: true, data: { state: 'submitted' } });
  expect(cloud.secChecks).toHaveLength(1);

  cloud.openid = demoOpenid('p_liuyang');
  const approved = await api.main({ action: 'rename.approve', data: { caseId: filed.data.id } });
  expect(approved).toMatchObject({ ok: true, data: { stateLabel: '已通过' } });
  // A rarely used action: its handler is a file of its own beside index.js, loaded on this first call.
  const found = await api.main({ action: 'cases.search', data: { text: '黄磊-市场部' } });
  expect(found).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ id: filed.data.id })] } });

  // WeChat's message push of an image verdict reaches the same function: answered as a push, never as an action.
  expect(await api.main({ ToUserName: 'gh_x', FromUserName: 'o_platform', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', trace_id: 'no-such-trace', version: 2, result: { suggest: 'pass', label: 100 } })).toBe('success');

  cloud.openid = 'o_never_invited';
  expect(await api.main({ action: 'session.whoami', data: {} })).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  expect(await api.main({ action: 'nope', data: {} })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  // Nothing was due; the day's first run sealed a checkpoint of what changed.
  expect(await scheduler.main()).toMatchObject({ backupsDue: 0, timeouts: 0, skipped: 0, dispatched: 0, uploadsRemoved: 0, checkpoint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/) });
});
