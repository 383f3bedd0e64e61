// The whole `npm run deploy` against a local fake of WeChat's server APIs and a stub of
// miniprogram-ci: what it sends and in which order, that a second run changes nothing, and each way
// it can fail (every failure names the step, WeChat's code and what to do).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDeploy, type StepKey } from '../../scripts/deploy/deploy';
import { cloudCollections, cloudIndexes, functionSpecs, LEDGER, templatePurposes } from '../../scripts/deploy/plan';
import { startFakeWechat, type FakeWechat } from './fake-wechat';
import { createStubCi } from './stub-ci';

const REPO = join(__dirname, '..', '..');
const APPID = 'wx1234567890abcdef';
const SECRET = 'app-secret-for-tests';
const ENV_ID = 'prod-4f9a2c7d1e';
const OWNER = 'oOwnerOpenid_0123456789abcdef';
const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

let fake: FakeWechat;
let root: string;
let lines: string[];
let builds: { args: string[]; env: Record<string, string> }[];

/** A project root the deploy can read: the real functions' config, a built bundle, a built weapp. */
function makeRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qunwu-deploy-'));
  for (const name of readdirSync(join(REPO, 'cloudfunctions'))) {
    const from = join(REPO, 'cloudfunctions', name);
    mkdirSync(join(dir, 'cloudfunctions', name), { recursive: true });
    for (const f of ['config.json', 'package.json']) cpSync(join(from, f), join(dir, 'cloudfunctions', name, f));
    writeFileSync(join(dir, 'cloudfunctions', name, 'index.js'), `exports.main = async () => '${name}';\n`);
  }
  mkdirSync(join(dir, 'dist', 'weapp'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'weapp', 'app.json'), '{"pages":["pages/home/index"]}');
  writeFileSync(join(dir, 'private.key'), '-----BEGIN RSA PRIVATE KEY-----\nplaceholder\n-----END RSA PRIVATE KEY-----\n');
  writeConfig(dir, {});
  return dir;
}

function writeConfig(dir: string, extra: Record<string, unknown>) {
  const config = {
    appid: APPID,
    envId: ENV_ID,
    privateKeyPath: 'private.key',
    ownerOpenid: OWNER,
    version: '1.0.0',
    description: '首次部署',
    ...extra,
  };
  writeFileSync(join(dir, 'deploy.config.json'), JSON.stringify(config, null, 2));
}

async function deploy(opts: { dryRun?: boolean; env?: Record<string, string>; only?: StepKey[]; ci?: ReturnType<typeof createStubCi> } = {}) {
  lines = [];
  builds = [];
  const ci = opts.ci ?? createStubCi(fake);
  const code = await runDeploy({
    root,
    configPath: join(root, 'deploy.config.json'),
    dryRun: opts.dryRun ?? false,
    env: opts.env ?? { WECHAT_APP_SECRET: SECRET, AUDIT_KEY: KEY_A },
    out: (l) => lines.push(l),
    only: opts.only,
    apiBase: fake.base,
    loadCi: () => ci,
    runCommand: (_cmd, args, env) => {
      builds.push({ args, env });
    },
    now: () => 1_700_000_000_000,
  });
  return { code, ci, out: lines.join('\n') };
}

const paths = (f: FakeWechat) => f.calls.map((c) => c.path);
const funcConfig = (fn: string, type: number) => JSON.parse(fake.state.funcConfigs.get(fn)?.get(type) ?? 'null');
const envOf = (fn: string) => Object.fromEntries((funcConfig(fn, 3)?.environment ?? []).map((e: { key: string; value: string }) => [e.key, e.value]));

beforeEach(async () => {
  fake = await startFakeWechat({ appid: APPID, secret: SECRET, env: ENV_ID });
  root = makeRoot();
});

afterEach(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('should set up a fresh environment: collections, indexes, functions, templates, then the upload, in that order', async () => {
    const { code, ci, out } = await deploy();
    expect(code).toBe(0);

    // Builds: the functions, and the weapp with the cloud environment id.
    expect(builds).toEqual([
      { args: ['run', 'build:cloud'], env: {} },
      { args: ['run', 'build:weapp'], env: { TARO_APP_CLOUD_ENV: ENV_ID } },
    ]);

    // Every collection of collections.ts (and the deploy's ledger), with every index as declared.
    expect([...fake.state.collections.keys()].sort()).toEqual([...cloudCollections()].sort());
    for (const ix of cloudIndexes()) {
      expect(fake.state.collections.get(ix.collection)?.get(ix.name)).toEqual(ix.create.keys);
    }
    expect(fake.calls.filter((c) => c.path === '/tcb/updateindex').every((c) => (c.body?.drop_indexes as unknown[]).length === 0)).toBe(true);

    // Functions: code through miniprogram-ci, then permissions, trigger, timeout and environment.
    const fns = functionSpecs(root);
    expect(ci.calls.filter((c) => c.fn === 'uploadFunction').map((c) => c.args)).toEqual(
      fns.map((f) => ({ env: ENV_ID, name: f.name, path: f.dir, remoteNpmInstall: true })),
    );
    // The permissions the function's own config.json declares, whatever they are.
    const declared = JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions/api/config.json'), 'utf8')).permissions.openapi as string[];
    expect(declared).toContain('subscribeMessage.send');
    expect(funcConfig('api', 1)).toEqual({ permissions: { openapi: [...declared].sort() } });
    expect(funcConfig('scheduler', 2)).toEqual({ triggers: [{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }] });
    for (const fn of ['api', 'scheduler']) {
      expect(funcConfig(fn, 3).timeout).toBe(60);
      expect(envOf(fn)).toEqual({ OWNER_OPENID: OWNER, AUDIT_KEY: KEY_A, AUDIT_KEY_ID: 'k1' });
    }

    // Templates: one per purpose from the public library, written into a new settings version.
    const adds = fake.calls.filter((c) => c.path === '/wxaapi/newtmpl/addtemplate');
    expect(adds).toHaveLength(templatePurposes().length);
    expect(adds.every((c) => c.contentType.includes('x-www-form-urlencoded'))).toBe(true);
    const settings = fake.state.docs.get('settings')!;
    expect([...settings.keys()]).toEqual(['v2']);
    const templates = (settings.get('v2')!.values as { templates: Record<string, unknown> }).templates;
    for (const p of templatePurposes()) {
      expect(fake.state.own.map((t) => t.priTmplId)).toContainEqual(typeof templates[p] === 'string' ? templates[p] : (templates[p] as { id: string }).id);
    }
    // Which of our values goes into which keyword key, where the settings contract keeps that (issue 22).
    const values = settings.get('v2')!.values as Record<string, unknown>;
    if ('templateFields' in values) {
      expect((values.templateFields as Record<string, unknown>).caseDecided).toEqual([
        { key: 'thing3', source: 'title' },
        { key: 'thing4', source: 'body' },
        { key: 'time5', source: 'time' },
      ]);
    }
    expect(out).toMatch(/caseDecided（处理结果）：已从公共模板库选用：tmpl-501-\d+ 「审批结果通知」 \{"title":"thing3","body":"thing4","time":"time5"\}/);
    // A `time` keyword is preferred to a `date` one for when it happened; a long-term title is never picked.
    expect(out).toMatch(/newTask（新的待办）：已从公共模板库选用：tmpl-502-\d+ 「待办事项提醒」 \{"title":"thing1","body":"thing2","time":"time4"\}/);
    expect(fake.calls.some((c) => c.query.tid === '505')).toBe(false);

    // The development version, last.
    expect(ci.calls.filter((c) => c.fn === 'upload').map((c) => c.args)).toEqual([
      { version: '1.0.0', desc: '首次部署', robot: 1, setting: { es6: false, minify: false } },
    ]);

    // The order of what was sent.
    const firstOf = (p: string) => paths(fake).indexOf(p);
    const lastOf = (p: string) => paths(fake).lastIndexOf(p);
    expect(lastOf('/tcb/databasecollectionadd')).toBeLessThan(firstOf('/tcb/updateindex'));
    expect(lastOf('/tcb/updateindex')).toBeLessThan(firstOf('/tcb/uploadfuncconfig'));
    expect(lastOf('/tcb/uploadfuncconfig')).toBeLessThan(firstOf('/wxaapi/newtmpl/addtemplate'));
    const section = (t: string) => lines.findIndex((l) => /^== \[\d\] /.test(l) && l.includes(`] ${t}`));
    expect(section('数据库集合')).toBeGreaterThan(0);
    expect(section('数据库集合')).toBeLessThan(section('数据库索引'));
    expect(section('数据库索引')).toBeLessThan(section('安全规则'));
    expect(section('安全规则')).toBeLessThan(section('云函数'));
    expect(section('云函数')).toBeLessThan(section('订阅消息'));
    expect(section('订阅消息')).toBeLessThan(section('上传小程序'));

    // What only the console can do, and what to do next.
    expect(out).toContain('安全规则（没有可用接口，需在控制台设置一次）');
    expect(out).toContain('{"read":false,"write":"resource.openid == auth.openid"}');
    expect(out).toContain('运行环境是 Node.js 16 或更高');
    expect(out).toContain('提交审核');
  });

  it('should change nothing on a second run, and say so', async () => {
    expect((await deploy()).code).toBe(0);
    const before = fake.writes().length;
    const second = await deploy();
    expect(second.code).toBe(0);
    expect(fake.writes().slice(before)).toEqual([]);
    expect(second.ci.calls.filter((c) => c.fn !== 'Project')).toEqual([]);
    expect(second.out).toContain('本次没有任何改动');
    expect(second.out).toContain('集合 people：已存在，未改动');
    expect(second.out).toContain('索引 cases.inbox：已存在，未改动');
    expect(second.out).toContain('云函数 api：代码未变，未上传');
    expect(second.out).toContain('小程序 1.0.0：这个版本的代码已上传过，未改动');
    expect(second.out).toMatch(/设置 templates：已是这些模板（设置版本 2），未改动/);
  });

  it('should upload only what changed: a new function bundle, a new version', async () => {
    await deploy();
    writeFileSync(join(root, 'cloudfunctions', 'api', 'index.js'), 'exports.main = async () => "v2";\n');
    writeConfig(root, { version: '1.0.1', description: '修复' });
    const { code, ci } = await deploy();
    expect(code).toBe(0);
    expect(ci.calls.filter((c) => c.fn === 'uploadFunction').map((c) => c.args.name)).toEqual(['api']);
    expect(ci.calls.filter((c) => c.fn === 'upload').map((c) => c.args.version)).toEqual(['1.0.1']);
  });

  it('should keep a collection that exists already and create only the missing ones', async () => {
    fake.state.collections.set('people', new Map());
    fake.state.docs.set('people', new Map([['p1', { _id: 'p1', name: '赵敏' }]]));
    const { code, out } = await deploy();
    expect(code).toBe(0);
    expect(out).toContain('集合 people：已存在，未改动');
    expect(out).toContain('集合 groups：已创建');
    const created = fake.calls.filter((c) => c.path === '/tcb/databasecollectionadd').map((c) => c.body?.collection_name);
    expect(created).not.toContain('people');
    expect(fake.state.docs.get('people')!.get('p1')).toEqual({ _id: 'p1', name: '赵敏' });
  });

  it('should report an index that exists with another definition and never drop it', async () => {
    // Made by hand in the console under the same name, on other fields.
    fake.state.collections.set('cases', new Map([['inbox', [{ name: 'assignees', direction: '1' }]]]));
    fake.state.docs.set('cases', new Map());
    const { code, out } = await deploy();
    expect(code).toBe(1);
    expect(out).toMatch(/索引 cases\.inbox：冲突：微信拒绝创建（错误码 -502001/);
    expect(out).toContain('冲突 1 项');
    expect(fake.state.collections.get('cases')!.get('inbox')).toEqual([{ name: 'assignees', direction: '1' }]);
    expect(fake.state.collections.get('cases')!.get('due')).toBeDefined();
    // The other steps still ran.
    expect(fake.state.docs.get('settings')!.size).toBe(1);
  });

  it('should report an index whose declared definition changed since it was created, and leave it', async () => {
    await deploy();
    const ledger = fake.state.docs.get(LEDGER)!.get('index:cases.due')!;
    ledger.keys = [{ name: 'open', direction: '1' }];
    const before = fake.writes().length;
    const { code, out } = await deploy();
    expect(code).toBe(1);
    expect(out).toContain('索引 cases.due：冲突：已存在但定义不同，未改动');
    expect(out).toContain('部署不会删除索引');
    expect(fake.writes().slice(before)).toEqual([]);
  });

  it('should fail at the first WeChat call with 40001 when the AppSecret is wrong, and change nothing', async () => {
    const { code, out } = await deploy({ env: { WECHAT_APP_SECRET: 'wrong', AUDIT_KEY: KEY_A } });
    expect(code).toBe(1);
    expect(out).toMatch(/✗ \[数据库集合.*\] 失败：错误码 40001。怎么办：AppSecret 不对.*WECHAT_APP_SECRET/);
    expect(fake.writes()).toEqual([]);
  });

  it('should fail with 40013 when the AppID is not one WeChat knows', async () => {
    fake.state.appid = 'wx0000000000000001';
    const { code, out } = await deploy();
    expect(code).toBe(1);
    expect(out).toMatch(/失败：错误码 40013。怎么办：AppID 无效：核对 deploy\.config\.json 的 appid/);
  });

  it('should fail with 40164 and say which whitelist when this machine is not allowed', async () => {
    fake.state.refuse.push({ path: '/cgi-bin/stable_token', errcode: 40164, errmsg: 'invalid ip 203.0.113.9, not in whitelist' });
    const { code, out } = await deploy();
    expect(code).toBe(1);
    expect(out).toContain('错误码 40164');
    expect(out).toContain('IP 白名单');
  });

  it('should fetch a new access token once when WeChat says it expired (42001), and carry on', async () => {
    fake.state.expireTokenOnce = true;
    const { code } = await deploy();
    expect(code).toBe(0);
    expect(fake.calls.filter((c) => c.path === '/cgi-bin/stable_token')).toHaveLength(2);
  });

  it('should stop at the functions with what to do when the code-upload key is expired or reset', async () => {
    writeFileSync(join(root, 'private.key'), 'expired');
    const { code, out } = await deploy();
    expect(code).toBe(1);
    expect(out).toMatch(/✗ \[云函数.*\] 失败：错误码 10008。怎么办：代码上传密钥无效或已重置/);
    expect(fake.calls.some((c) => c.path === '/wxaapi/newtmpl/addtemplate')).toBe(false);
  });

  it('should print exactly which template to pick in the console when the account cannot add one', async () => {
    // Already at WeChat's limit of 25 personal templates, none of them ours.
    fake.state.own = Array.from({ length: 25 }, (_, i) => ({ priTmplId: `other-${i}`, title: '别的通知', content: '内容:{{thing1.DATA}}\n', example: '', type: 2 }));
    const { code, out } = await deploy();
    expect(code).toBe(0);
    expect(out).toContain('错误码 200012');
    expect(out).toMatch(/公共模板库，搜索「审批结果通知」或「审核结果通知」/);
    expect(out).toContain('"templates": { "caseDecided": { "id": "模板 ID", "keys": { "title": "thing1", "body": "thing2", "time": "time3" } } }');
    expect(fake.state.docs.get('settings')!.size).toBe(0);
  });

  it('should use templates pinned in deploy.config.json without looking anything up', async () => {
    const pins = Object.fromEntries(templatePurposes().map((p, i) => [p, { id: `pinned-${i}`, keys: { title: 'thing1', body: 'thing2', time: 'time3' } }]));
    writeConfig(root, { templates: pins });
    const { code } = await deploy();
    expect(code).toBe(0);
    expect(fake.calls.some((c) => c.path.startsWith('/wxaapi/'))).toBe(false);
    const templates = (fake.state.docs.get('settings')!.get('v2')!.values as { templates: Record<string, unknown> }).templates;
    expect(JSON.stringify(templates)).toContain('pinned-0');
  });

  it('should never replace the audit key in use, and rotate it only under a new key id', async () => {
    await deploy();
    const same = await deploy({ env: { WECHAT_APP_SECRET: SECRET, AUDIT_KEY: KEY_B } });
    expect(same.code).toBe(1);
    expect(same.out).toMatch(/失败：错误码 AUDIT_KEY_DIFFERS。怎么办：部署不会悄悄替换在用的审计密钥/);
    expect(envOf('api').AUDIT_KEY).toBe(KEY_A);

    writeConfig(root, { auditKeyId: 'k2' });
    const rotated = await deploy({ env: { WECHAT_APP_SECRET: SECRET, AUDIT_KEY: KEY_B } });
    expect(rotated.code).toBe(0);
    for (const fn of ['api', 'scheduler']) {
      expect(envOf(fn)).toMatchObject({ AUDIT_KEY: KEY_B, AUDIT_KEY_ID: 'k2', AUDIT_OLD_KEYS: `k1:${KEY_A}` });
    }
  });

  it('should keep the audit key already on the functions when AUDIT_KEY is not given', async () => {
    await deploy();
    const before = fake.writes().length;
    const { code } = await deploy({ env: { WECHAT_APP_SECRET: SECRET } });
    expect(code).toBe(0);
    expect(fake.writes().slice(before)).toEqual([]);
  });

  it('should refuse to deploy functions that would have no audit key', async () => {
    const { code, out } = await deploy({ env: { WECHAT_APP_SECRET: SECRET } });
    expect(code).toBe(1);
    expect(out).toContain('错误码 AUDIT_KEY_MISSING');
  });

  it('should redeploy the functions alone with --only=functions (a rollback from an older checkout)', async () => {
    await deploy();
    writeFileSync(join(root, 'cloudfunctions', 'scheduler', 'index.js'), 'exports.main = async () => "older";\n');
    const before = fake.calls.length;
    const { code, ci } = await deploy({ only: ['functions'] });
    expect(code).toBe(0);
    expect(builds).toEqual([{ args: ['run', 'build:cloud'], env: {} }]);
    expect(ci.calls.filter((c) => c.fn !== 'Project').map((c) => [c.fn, c.args.name])).toEqual([['uploadFunction', 'scheduler']]);
    expect(fake.calls.slice(before).some((c) => c.path === '/tcb/databasecollectionadd' || c.path.startsWith('/wxaapi/'))).toBe(false);
  });

  it('should send nothing, build nothing and upload nothing in a dry run', async () => {
    const ci = createStubCi(fake);
    const { code, out } = await deploy({ dryRun: true, env: {}, ci });
    expect(code).toBe(0);
    expect(fake.calls).toEqual([]);
    expect(ci.calls).toEqual([]);
    expect(builds).toEqual([]);
    expect(out).toContain('⚠ 环境变量 WECHAT_APP_SECRET 未设置');
    expect(out).toContain('⚠ 环境变量 AUDIT_KEY 未设置');
  });
});
