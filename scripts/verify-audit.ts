// npm run audit:verify [-- --fingerprint XXXX-XXXX-XXXX-XXXX] — checks every case's and backup's
// sealed history and every export record in the local host's database against the deployment key in
// .data/audit-keys.json and the daily checkpoints; names every case whose record was edited, inserted,
// removed, reordered, copied from another case, cut short or set back, every export record altered,
// replaced or deleted after a checkpoint recorded it, and every checkpoint missing or altered.
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../src/server/adapters/sqlite';
import { loadAuditKeys } from '../src/server/host/audit-keys';
import { verifyAudit } from '../src/server/jobs/audit';
import { fingerprintOf } from '../src/server/cases/audit';

const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
const flag = process.argv.indexOf('--fingerprint');
const fingerprint = flag >= 0 ? process.argv[flag + 1] : undefined;
const keys = loadAuditKeys(dataDir);
if (!keys) {
  console.error(`找不到审计密钥 ${join(dataDir, 'audit-keys.json')}：没有它无法校验封印（本地服务首次启动时生成）`);
  process.exit(2);
}
const store = openSqliteStore(join(dataDir, 'qunwu.sqlite'));
const SCOPE = { case: '事项', backup: '备份', export: '导出记录', checkpoint: '检查点' } as const;
verifyAudit(store, keys, { fingerprint })
  .then(({ checked, problems, checkpoints }) => {
    console.log(`已检查 ${checked} 个事项、备份的处理记录和导出记录，${checkpoints.count} 个检查点`);
    if (checkpoints.latest) console.log(`最近的检查点 #${checkpoints.latest.seq}，指纹 ${fingerprintOf(checkpoints.latest.seal)}`);
    for (const p of problems) console.log(`✗ ${SCOPE[p.scope]} ${p.id}${p.seq ? ` 第 ${p.seq} 条` : ''}：${p.problem}`);
    if (!problems.length) console.log('✓ 所有处理记录完整，未发现篡改');
    store.close();
    process.exit(problems.length ? 1 : 0);
  })
  .catch((err) => {
    console.error(err);
    process.exit(2);
  });
