// The acceptance of `npm run deploy -- --dry-run` as a new organisation runs it: the committed
// example copied to deploy.config.json, a placeholder key file, no secrets in the environment, and
// no network at all (any connection attempt is logged and refused by no-network.cjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cloudCollections, cloudIndexes, functionSpecs, templatePurposes } from '../../scripts/deploy/plan';

const REPO = join(__dirname, '..', '..');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qunwu-dry-'));
  copyFileSync(join(REPO, 'deploy.config.example.json'), join(dir, 'deploy.config.json'));
  const { privateKeyPath } = JSON.parse(readFileSync(join(dir, 'deploy.config.json'), 'utf8')) as { privateKeyPath: string };
  writeFileSync(join(dir, privateKeyPath), 'placeholder');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function dryRun(configPath = join(dir, 'deploy.config.json')) {
  const log = join(dir, 'network.log');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${join(__dirname, 'no-network.cjs')}`, NO_NETWORK_LOG: log };
  delete env.WECHAT_APP_SECRET;
  delete env.AUDIT_KEY;
  const r = spawnSync(process.execPath, [createRequire(__filename).resolve('tsx/cli'), 'scripts/deploy/main.ts', '--dry-run', `--config=${configPath}`], {
    cwd: REPO,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr, network: existsSync(log) ? readFileSync(log, 'utf8') : '' };
}

describe('npm run deploy -- --dry-run', () => {
  it('should pass on the example config, reach no network, and list everything by name in order', () => {
    const { code, out, network } = dryRun();
    expect(network).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('⚠ 环境变量 WECHAT_APP_SECRET 未设置');
    expect(out).toContain('⚠ 环境变量 AUDIT_KEY 未设置');

    const lines = out.split('\n');
    const at = (prefix: string) => {
      const i = lines.findIndex((l) => l.startsWith(prefix));
      expect({ prefix, found: i >= 0 }).toEqual({ prefix, found: true });
      return i;
    };
    const collections = cloudCollections().map((c) => at(`  集合 ${c}：`));
    const indexes = cloudIndexes().map((ix) => at(`  索引 ${ix.collection}.${ix.name}：`));
    const rules = [...cloudCollections().map((c) => at(`  规则 ${c}：`)), at('  规则 云存储：')];
    const functions = functionSpecs().map((f) => at(`  云函数 ${f.name}：`));
    const templates = templatePurposes().map((p) => at(`  模板 ${p}（`));
    const groups = [collections, indexes, rules, functions, templates];
    for (let i = 1; i < groups.length; i++) expect(Math.max(...groups[i - 1])).toBeLessThan(Math.min(...groups[i]));
    // …and what each would send.
    expect(out).toContain('→ databaseCollectionAdd: POST /tcb/databasecollectionadd {"env":"prod-0000example","collection_name":"people"}');
    expect(out).toContain('"drop_indexes":[]');
    expect(out).toContain('演练结束');
  }, 90_000);

  it('should name each problem of the config and exit 1', () => {
    const cfg = JSON.parse(readFileSync(join(dir, 'deploy.config.json'), 'utf8')) as Record<string, unknown>;
    delete cfg.ownerOpenid;
    cfg.envId = 'my environment';
    cfg.privateKeyPath = 'missing.key';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(cfg));
    const { code, out, network } = dryRun(join(dir, 'bad.json'));
    expect(network).toBe('');
    expect(code).toBe(1);
    expect(out).toContain('缺少字段 ownerOpenid');
    expect(out).toContain('字段 envId 的值“my environment”不像云开发环境 ID');
    expect(out).toMatch(/代码上传密钥文件不存在：.*missing\.key/);
    expect(out).toContain('✗ [配置] 失败：配置有 3 处问题');
  }, 90_000);

  it('should say where to start when there is no deploy.config.json', () => {
    const { code, out } = dryRun(join(dir, 'none.json'));
    expect(code).toBe(1);
    expect(out).toContain('把 deploy.config.example.json 复制为 deploy.config.json');
  }, 90_000);
});
