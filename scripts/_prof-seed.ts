import { mkdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../src/contract';
import { openRename } from '../src/core/rename';
import { openSqliteStore } from '../src/server/adapters/sqlite';
import { sealHistory } from '../src/server/audit';
import { seedDemo } from '../src/server/host/seed';
async function main() {
  mkdirSync('/tmp/prof/data', { recursive: true });
  writeFileSync('/tmp/prof/data/session-secret', 'x'.repeat(64));
  const store = openSqliteStore('/tmp/prof/data/qunwu.sqlite');
  const now = Date.now();
  await seedDemo(store, now);
  store.db.transaction(() => {
    for (let i = 0; i < 60000; i++) void store.insertCase(sealHistory(openRename({ id: `b_${i}`, groupId: 'g_market', subjectId: 'p_huanglei', nickname: '黄磊-市场部', previous: null, requestId: `r-${i}`, groupName: 'g', subjectName: 's', settingsVersion: 1, ctx: { now: now + i, settings: DEFAULT_SETTINGS, admins: ['p_liuyang'], leaders: [] } })) as never);
  })();
  store.close();
}
main();
