// `npm run deploy [-- --dry-run] [-- --only=functions,…] [-- --config=path]`: see README 部署到微信.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadPinnedCi } from './ci';
import { runDeploy, STEPS, type StepKey } from './deploy';
import { ROOT } from './plan';

function arg(name: string): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = process.argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : process.argv[i + 1];
}

const only = arg('only')
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean) as StepKey[] | undefined;
const unknown = only?.filter((s) => !STEPS.includes(s));
if (unknown?.length) {
  console.error(`✗ --only 里有未知的步骤 ${unknown.join(', ')}；可选：${STEPS.join(', ')}`);
  process.exit(1);
}

runDeploy({
  root: ROOT,
  configPath: resolve(arg('config') ?? join(ROOT, 'deploy.config.json')),
  dryRun: process.argv.includes('--dry-run'),
  env: process.env,
  out: (line) => console.log(line),
  only,
  loadCi: () => loadPinnedCi(ROOT, (line) => console.log(line)),
  runCommand(cmd, args, env) {
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} 退出码 ${r.status ?? r.signal}`);
  },
}).then(
  (code) => process.exit(code),
  (err) => {
    console.error('✗ 部署脚本内部错误：', err);
    process.exit(1);
  },
);
