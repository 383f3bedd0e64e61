import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '/work/main/src/contract';
import { openRename } from '/work/main/src/core/rename';
import { createDiskFiles, createLocalContentCheck, createLocalNotifier, createLocalOpenData, openSqliteStore } from '/work/main/src/server/adapters/sqlite';
import { sealHistory } from '/work/main/src/server/audit';
import { cachedStore } from '/work/main/src/server/cached-store';
import { dispatch } from '/work/main/src/server/dispatch';
import { demoOpenid, DEMO_OWNER_OPENID, seedDemo } from '/work/main/src/server/host/seed';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'prof-'));
  const store = openSqliteStore(join(dir, 'db.sqlite'));
  const now = Date.now();
  await seedDemo(store, now);
  const N = 5000;
  store.db.transaction(() => {
    for (let i = 0; i < N; i++) void store.insertCase(sealHistory(openRename({ id: `b_${i}`, groupId: 'g_market', subjectId: 'p_huanglei', nickname: '黄磊-市场部', previous: null, requestId: `r-${i}`, groupName: 'g', subjectName: 's', settingsVersion: 1, ctx: { now: now + i, settings: DEFAULT_SETTINGS, admins: ['p_liuyang'], leaders: [] } })) as never);
  })();
  const deps = { store: cachedStore(store), notifier: createLocalNotifier(store.db), content: createLocalContentCheck(), files: createDiskFiles(dir, 'x'), openData: createLocalOpenData(), clock: { now: () => Date.now() }, ownerOpenid: DEMO_OWNER_OPENID, ids: randomUUID };
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const r = await dispatch(deps as never, { action: 'rename.approve', data: { caseId: `b_${i}` } }, demoOpenid('p_liuyang'));
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`${(N / s).toFixed(0)} approvals/s in-process`);
}
main();
