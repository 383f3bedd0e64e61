// `npm start` ends here: SQLite under .data/, the demo seed once, the API and the h5 app on
// 127.0.0.1, and the scheduler on an interval.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cachedStore } from '../adapters/cached-store';
import { createDiskFiles, createLocalContentCheck, createLocalMediaCheck, createLocalOpenData, createLocalNotifier, openSqliteStore } from '../adapters/sqlite';
import { receiveMediaVerdict } from '../handlers/media-verdict';
import { loadOrCreateAuditKeys } from './audit-keys';
import { runScheduler } from '../jobs';
import type { Deps } from '../ports';
import { guardRecordDownload } from '../reads/record-downloads';
import { createHost } from './http';
import { DEMO_OWNER_OPENID, seedDemo } from './seed';

const root = resolve(__dirname, '../../..');
const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'));
const port = Number(process.env.PORT ?? 8787);
// Every minute, as the cloud scheduler's timer trigger (emergencies escalate by the minute).
const schedulerMs = Number(process.env.SCHEDULER_INTERVAL_MS ?? 60_000);
const testControls = process.env.QW_TEST_CONTROLS === '1';

mkdirSync(dataDir, { recursive: true });
const secretFile = join(dataDir, 'session-secret');
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
const secret = readFileSync(secretFile, 'utf8');

const store = openSqliteStore(join(dataDir, 'qunwu.sqlite'), { groupCommit: true, backgroundCheckpoint: true });
const notifier = createLocalNotifier(store.db);
const files = createDiskFiles(join(dataDir, 'files'), secret);
let offsetMs = 0;
const deps: Deps = {
  store: cachedStore(store),
  notifier,
  content: createLocalContentCheck(),
  files,
  openData: createLocalOpenData(),
  clock: { now: () => Date.now() + offsetMs },
  // The owner is set at deployment, never "whoever calls first".
  ownerOpenid: process.env.OWNER_OPENID ?? DEMO_OWNER_OPENID,
  ids: randomUUID,
  // The audit key lives in a file beside the database, never in it.
  audit: loadOrCreateAuditKeys(dataDir),
  // The local rule's verdict arrives a moment later through the handler WeChat's push reaches.
  media: createLocalMediaCheck({
    read: (fileId) => files.read(fileId),
    name: (fileId) => files.meta(fileId)?.name ?? null,
    deliver: async (push) => {
      await receiveMediaVerdict(deps, push);
      await store.flush();
    },
    delay: Number(process.env.MEDIA_CHECK_DELAY_MS ?? 1000),
  }),
};

async function main() {
  if (await seedDemo(store, deps.clock.now(), deps.audit)) console.log('已写入演示组织（3 个部门、2 个群、14 人）');
  const server = createHost({
    deps,
    secret,
    staticDir: process.env.STATIC_DIR ?? join(root, 'dist/h5'),
    listPushes: (limit) => notifier.listPushes(limit),
    files,
    guardDownload: (fileId, ref, openid) => guardRecordDownload(deps, fileId, ref, openid),
    flush: () => store.flush(),
    testControls: testControls
      ? { advance: (ms) => ((offsetMs += ms), deps.clock.now()) }
      : undefined,
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`群务本地服务已启动：http://127.0.0.1:${port}/  （选择身份：/dev/signin，订阅消息发件箱：/dev/outbox）`);
  });
  const timer = setInterval(() => {
    runScheduler(deps).catch((err) => console.error('scheduler run failed', err));
  }, schedulerMs);
  const stop = () => {
    clearInterval(timer);
    server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
