// npm run audit:verify — checks every case's history chain in the local host's database.
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../src/server/adapters/sqlite';
import { verifyAudit } from '../src/server/jobs/audit';

const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
const store = openSqliteStore(join(dataDir, 'qunwu.sqlite'));
verifyAudit(store)
  .then(({ checked, problems }) => {
    console.log(`已检查 ${checked} 个事项的处理记录`);
    for (const p of problems) console.log(`✗ 事项 ${p.caseId} 第 ${p.seq} 条记录：${p.problem}`);
    if (!problems.length) console.log('✓ 所有处理记录完整，未发现篡改');
    store.close();
    process.exit(problems.length ? 1 : 0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(2);
  });
