// npm run audit:rotate-key — a new current audit key for the local host (.data/audit-keys.json).
// New entries and checkpoints are sealed with it; the old keys stay in the file, so what they
// sealed still verifies. Restart the host afterwards (it reads the file at start).
import { join, resolve } from 'node:path';
import { rotateAuditKey } from '../src/server/host/audit-keys';

const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
console.log(`新的审计密钥：${rotateAuditKey(dataDir)}（旧密钥保留，用于校验旧记录）。请重启本地服务。`);
