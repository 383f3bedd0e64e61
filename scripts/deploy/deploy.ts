// npm run deploy: from a clean clone to a WeChat cloud environment, idempotently. Every step first
// reads what is there and changes only what differs; `--dry-run` prints each step with what it would
// send and touches nothing. Every failure names the step, WeChat's error code and what to do.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkConfig, type DeployConfig, type TemplatePin } from './config';
import type { MiniprogramCi } from './ci';
import { hintFor } from './hints';
import {
  cloudCollections,
  cloudIndexes,
  COLLECTION_RULE,
  functionHash,
  functionSpecs,
  hashTree,
  LEDGER,
  STORAGE_RULE,
  templatePurposes,
  type FunctionSpec,
} from './plan';
import { DEFAULT_STORED, templatesWith, type StoredSettings } from './settings';
import { createTemplatePicker, purposeSpec, type TemplateChoice } from './templates';
import { createWechatApi, describeRequest, FUNC_CONFIG, requests, WechatError, type ApiRequest, type WechatApi } from './wechat-api';

export const STEPS = ['tools', 'build', 'collections', 'indexes', 'rules', 'functions', 'templates', 'upload'] as const;
export type StepKey = (typeof STEPS)[number];

const TITLES: Record<StepKey, string> = {
  tools: '部署工具 miniprogram-ci',
  build: '构建（小程序与云函数）',
  collections: '数据库集合（databaseCollectionGet / databaseCollectionAdd）',
  indexes: '数据库索引（updateIndex，只增不删）',
  rules: '安全规则',
  functions: '云函数（miniprogram-ci cloud.uploadFunction；getFuncConfig / uploadFuncConfig）',
  templates: '订阅消息模板（subscribeMessage.*）与系统设置',
  upload: '上传小程序开发版（miniprogram-ci upload）',
};

export interface DeployOptions {
  root: string;
  configPath: string;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  /** Steps to run (all by default); `--only=functions` redeploys the functions alone, e.g. to roll back. */
  only?: StepKey[];
  apiBase?: string;
  fetch?: typeof fetch;
  /** Loads miniprogram-ci, installing the pinned version on first use. */
  loadCi: () => MiniprogramCi | Promise<MiniprogramCi>;
  /** Runs a build command; throws when it fails. */
  runCommand: (cmd: string, args: string[], env: Record<string, string>) => void | Promise<void>;
  now?: () => number;
}

/** A problem that is not WeChat's refusal: it has our own code and a Chinese sentence. */
class DeployProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

interface LedgerDoc {
  _id: string;
  [field: string]: unknown;
}

const q = (v: unknown) => JSON.stringify(v);

export async function runDeploy(opts: DeployOptions): Promise<number> {
  const { out, dryRun } = opts;
  const now = opts.now ?? (() => Date.now());
  const only = new Set<StepKey>(opts.only?.length ? opts.only : STEPS);
  const counts = { changed: 0, unchanged: 0, conflicts: 0 };
  const consoleSteps: string[] = [];
  const say = (line: string) => out(line);
  const item = (kind: string, name: string, status: string, detail = '') => say(`  ${kind} ${name}：${status}${detail ? ` ${detail}` : ''}`);
  const wouldSend = (req: ApiRequest) => say(`      → ${req.api}: ${describeRequest(req)}`);

  say(dryRun ? '群务部署 —— 演练（--dry-run）：只打印每一步会发送什么，不连接微信，不改任何东西' : '群务部署');
  const check = checkConfig(opts.configPath, opts.env, dryRun);
  for (const w of check.warnings) say(`⚠ ${w}`);
  for (const e of check.errors) say(`✗ [配置] ${e}`);
  if (!check.config) {
    say(`✗ [配置] 失败：配置有 ${check.errors.length} 处问题（见上），改好 ${relative(opts.root, opts.configPath) || opts.configPath} 后重跑`);
    return 1;
  }
  const config = check.config;
  const secrets = check.secrets;
  say(`✓ 配置 ${opts.configPath}：AppID ${config.appid}，云环境 ${config.envId}，版本 ${config.version}`);

  const api: WechatApi | null = dryRun
    ? null
    : createWechatApi({ appid: config.appid, secret: secrets.appSecret ?? '', base: opts.apiBase, fetch: opts.fetch });
  let ci: MiniprogramCi | null = null;
  let project: unknown = null;
  const ciProject = async () => {
    ci ??= await opts.loadCi();
    project ??= new ci.Project({
      appid: config.appid,
      type: 'miniProgram',
      projectPath: opts.root,
      privateKeyPath: config.privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    return { ci, project };
  };
  const call = (req: ApiRequest) => (api as WechatApi).call(req);

  let ledger = new Map<string, LedgerDoc>();
  const readLedger = async () => {
    const r = await call(requests.dbQuery(config.envId, `db.collection(${q(LEDGER)}).limit(1000).get()`));
    ledger = new Map(((r.data ?? []) as string[]).map((s) => JSON.parse(s) as LedgerDoc).map((d) => [d._id, d]));
  };
  const writeLedger = async (doc: LedgerDoc) => {
    const { _id, ...fields } = doc;
    if (ledger.has(_id)) {
      await call(requests.dbUpdate(config.envId, `db.collection(${q(LEDGER)}).where(${q({ _id })}).update({data: ${q(fields)}})`));
    } else {
      await call(requests.dbAdd(config.envId, `db.collection(${q(LEDGER)}).add({data: ${q(doc)}})`));
    }
    ledger.set(_id, doc);
  };

  const steps: Record<StepKey, () => Promise<void>> = {
    async tools() {
      if (dryRun) {
        say('  首次真正部署时安装固定版本的 miniprogram-ci 到 scripts/deploy/tools（不进 npm ci）');
        return;
      }
      await ciProject();
      say('  miniprogram-ci：已就绪');
    },

    async build() {
      const cmds: [string[], Record<string, string>][] = [];
      if (only.has('functions')) cmds.push([['run', 'build:cloud'], {}]);
      if (only.has('upload')) cmds.push([['run', 'build:weapp'], { TARO_APP_CLOUD_ENV: config.envId }]);
      for (const [args, env] of cmds) {
        const shown = `${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}npm ${args.join(' ')}`;
        if (dryRun) {
          say(`  将运行 ${shown}`);
          continue;
        }
        say(`  运行 ${shown}`);
        await opts.runCommand('npm', args, env);
      }
    },

    async collections() {
      const wanted = cloudCollections();
      if (dryRun) {
        for (const name of wanted) {
          item('集合', name, '若不存在则创建');
          wouldSend(requests.collectionAdd(config.envId, name));
        }
        return;
      }
      const existing = new Set<string>();
      for (let offset = 0; ; offset += 100) {
        const r = await call(requests.collectionGet(config.envId, offset));
        const page = (r.collections ?? []) as { name: string }[];
        for (const c of page) existing.add(c.name);
        const total = Number((r.pager as { Total?: number } | undefined)?.Total ?? 0);
        if (!page.length || existing.size >= total) break;
      }
      for (const name of wanted) {
        if (existing.has(name)) {
          counts.unchanged++;
          item('集合', name, '已存在，未改动');
          continue;
        }
        await call(requests.collectionAdd(config.envId, name));
        counts.changed++;
        item('集合', name, '已创建');
      }
    },

    async indexes() {
      const wanted = cloudIndexes();
      if (dryRun) {
        for (const ix of wanted) {
          item('索引', `${ix.collection}.${ix.name}`, `若未建则创建（${ix.label}）`);
          wouldSend(requests.updateIndex(config.envId, ix.collection, [ix.create]));
        }
        return;
      }
      await readLedger();
      for (const ix of wanted) {
        const id = `index:${ix.collection}.${ix.name}`;
        const known = ledger.get(id);
        const keys = ix.create.keys;
        if (known) {
          if (q(known.keys) === q(keys)) {
            counts.unchanged++;
            item('索引', `${ix.collection}.${ix.name}`, '已存在，未改动');
          } else {
            counts.conflicts++;
            const was = (known.keys as { name: string; direction: string }[]).map((k) => `${k.name} ${k.direction === '1' ? '升序' : '降序'}`).join(', ');
            item('索引', `${ix.collection}.${ix.name}`, '冲突：已存在但定义不同，未改动', `（云端：${was}；声明：${ix.label}）`);
            consoleSteps.push(
              `索引 ${ix.collection}.${ix.name} 的定义变了：部署不会删除索引。确认旧定义不再需要后，在云开发控制台 → 数据库 → ${ix.collection} → 索引管理 删除「${ix.name}」，再运行 npm run deploy；或在 src/server/collections.ts 给新定义另起名字`,
            );
          }
          continue;
        }
        try {
          await call(requests.updateIndex(config.envId, ix.collection, [ix.create]));
        } catch (err) {
          // Not ours (made in the console?) and WeChat refused to create it alongside: report, never drop.
          if (!(err instanceof WechatError) || [40001, 40013, 40014, 40125, 40164, 41001, 42001, 85088].includes(err.errcode)) throw err;
          counts.conflicts++;
          item('索引', `${ix.collection}.${ix.name}`, `冲突：微信拒绝创建（错误码 ${err.errcode}：${err.errmsg}），未改动`);
          consoleSteps.push(
            `索引 ${ix.collection}.${ix.name}（${ix.label}）未能创建，可能已有同名索引定义不同：在云开发控制台 → 数据库 → ${ix.collection} → 索引管理 核对；删除同名旧索引后重跑 npm run deploy`,
          );
          continue;
        }
        await writeLedger({ _id: id, kind: 'index', collection: ix.collection, name: ix.name, keys, at: now() });
        counts.changed++;
        item('索引', `${ix.collection}.${ix.name}`, '已创建', `（${ix.label}）`);
      }
    },

    async rules() {
      // WeChat's server API for a mini-program's own access token has no call that sets a collection's
      // or storage's security rule (those exist only for third-party platforms), so this is one console step.
      const rule = q(COLLECTION_RULE);
      for (const name of cloudCollections()) item('规则', name, `${rule}（在控制台设置）`);
      item('规则', '云存储', `${q(STORAGE_RULE)}（在控制台设置）`);
      consoleSteps.push(
        `安全规则（没有可用接口，需在控制台设置一次）：云开发控制台 → 数据库 → 每个集合（${cloudCollections().join('、')}）→ 数据权限 → 自定义安全规则，填 ${rule}；` +
          `云开发控制台 → 存储 → 权限设置 → 自定义安全规则，填 ${q(STORAGE_RULE)}（只有云函数能读文件，用户只能上传、改删自己的文件）`,
      );
    },

    async functions() {
      for (const spec of functionSpecs(opts.root)) await deployFunction(spec);
    },

    async templates() {
      const purposes = templatePurposes();
      if (dryRun) {
        for (const p of purposes) {
          const pin = config.templates[p];
          const spec = purposeSpec(p);
          if (pin) item('模板', `${p}（${spec.label}）`, `使用配置里的模板 ${pin.id}，关键词 ${q(pin.keys)}`);
          else {
            item('模板', `${p}（${spec.label}）`, `在本小程序类目的公共模板库里找「${spec.titles.join('」/「')}」，选 thing×2 + time 关键词，已有则复用，否则选用`);
            const shown = requests.addTemplate('<tid>', [], spec.scene);
            shown.form = [['tid', '<所选标题的 tid>'], ['kidList', '<事项>'], ['kidList', '<说明>'], ['kidList', '<时间>'], ['sceneDesc', spec.scene]];
            wouldSend(shown);
          }
        }
        item('设置', 'templates', '写入系统设置的新版本（databaseQuery / databaseAdd）：每个用途的模板 ID 和关键词');
        return;
      }
      const picker = createTemplatePicker(api as WechatApi, config.templates);
      const chosen: Record<string, TemplatePin> = {};
      for (const p of purposes) {
        const r = await picker.choose(p);
        const label = `${p}（${purposeSpec(p).label}）`;
        if ('pin' in r) {
          chosen[p] = r.pin;
          const how = { config: '配置指定', existing: '已在我的模板中，复用', added: '已从公共模板库选用' }[(r as TemplateChoice).source];
          item('模板', label, `${how}：${r.pin.id}`, r.title ? `「${r.title}」 ${q(r.pin.keys)}` : q(r.pin.keys));
        } else {
          item('模板', label, `未能自动选用${r.error ? `（微信错误码 ${r.error.errcode}：${hintFor(r.error).hint}）` : '（本小程序类目的公共库里没有合适的标题）'}，见控制台步骤`);
          consoleSteps.push(r.consoleStep);
        }
      }
      await writeSettings(chosen);
    },

    async upload() {
      const dist = join(opts.root, 'dist', 'weapp');
      if (dryRun) {
        item('小程序', config.version, `上传 dist/weapp 为开发版「${config.description}」（机器人 1）`);
        return;
      }
      if (!existsSync(join(dist, 'app.json'))) throw new DeployProblem('NO_BUILD', '没有 dist/weapp/app.json', '先让构建步骤完成（npm run build:weapp）');
      await readLedger();
      const sha256 = hashTree(dist);
      const known = ledger.get('weapp');
      if (known && known.sha256 === sha256 && known.version === config.version) {
        counts.unchanged++;
        item('小程序', config.version, '这个版本的代码已上传过，未改动');
        return;
      }
      const { ci: tool, project: proj } = await ciProject();
      await tool.upload({ project: proj, version: config.version, desc: config.description, robot: 1, setting: { es6: false, minify: false } });
      await writeLedger({ _id: 'weapp', kind: 'weapp', version: config.version, sha256, at: now() });
      counts.changed++;
      item('小程序', config.version, '已上传为开发版');
    },
  };

  async function deployFunction(spec: FunctionSpec) {
    const rel = relative(opts.root, spec.dir);
    const envValues = functionEnv(config);
    const shownEnv = [
      ...Object.entries(envValues).map(([k, v]) => `${k}=${v}`),
      `AUDIT_KEY=${secrets.auditKey ? '***' : '（未提供：沿用云函数上已有的）'}`,
      `AUDIT_KEY_ID=${config.auditKeyId}`,
    ].join(', ');
    if (dryRun) {
      item('云函数', spec.name, `上传 ${rel}（云端安装依赖）`);
      say(`      → miniprogram-ci cloud.uploadFunction: ${q({ env: config.envId, name: spec.name, path: rel, remoteNpmInstall: true })}`);
      wouldSend(requests.uploadFuncConfig(config.envId, spec.name, FUNC_CONFIG.openapi, { permissions: { openapi: spec.openapi } }));
      if (spec.triggers.length) wouldSend(requests.uploadFuncConfig(config.envId, spec.name, FUNC_CONFIG.triggers, { triggers: spec.triggers }));
      say(`      → uploadFuncConfig: 超时 ${spec.timeout} 秒；环境变量 ${shownEnv}`);
      return;
    }
    if (!existsSync(join(spec.dir, 'index.js'))) throw new DeployProblem('NO_BUILD', `没有 ${rel}/index.js`, '先让构建步骤完成（npm run build:cloud）');
    await readLedger();
    const id = `function:${spec.name}`;
    const sha256 = functionHash(spec);
    if (ledger.get(id)?.sha256 === sha256) {
      counts.unchanged++;
      item('云函数', spec.name, '代码未变，未上传');
    } else {
      const firstTime = !ledger.has(id);
      const { ci: tool, project: proj } = await ciProject();
      const r = await tool.cloud.uploadFunction({ project: proj, env: config.envId, name: spec.name, path: spec.dir, remoteNpmInstall: true });
      await writeLedger({ _id: id, kind: 'function', sha256, at: now() });
      counts.changed++;
      item('云函数', spec.name, '代码已上传并部署', `（${r.filesCount} 个文件，${(r.packSize / 1024).toFixed(1)} KB，云端安装依赖）`);
      if (firstTime) {
        consoleSteps.push(
          `云函数 ${spec.name} 第一次由本脚本部署：在云开发控制台 → 云函数 → ${spec.name} → 函数配置 确认运行环境是 Node.js 16 或更高（miniprogram-ci 新建函数时会用 Node.js 8.9，函数会无法加载；改好后重跑 npm run deploy -- --only=functions）`,
        );
      }
    }
    await ensureFuncConfig(spec, FUNC_CONFIG.openapi, '云调用权限', (cur) => {
      const have = [...(((cur.permissions as { openapi?: string[] } | undefined)?.openapi ?? []) as string[])].sort();
      return q(have) === q(spec.openapi) ? null : { permissions: { openapi: spec.openapi } };
    });
    await ensureFuncConfig(spec, FUNC_CONFIG.triggers, '定时触发器', (cur) => {
      const have = (cur.triggers ?? []) as unknown[];
      if (!spec.triggers.length && !have.length) return null;
      return q(have) === q(spec.triggers) ? null : { triggers: spec.triggers };
    });
    await ensureFuncConfig(spec, FUNC_CONFIG.environment, '超时与环境变量', (cur) => {
      const have = new Map(((cur.environment ?? []) as { key: string; value: string }[]).map((e) => [e.key, e.value]));
      const merged = new Map(have);
      for (const [k, v] of Object.entries(envValues)) merged.set(k, v);
      for (const [k, v] of Object.entries(auditEnv(spec.name, have, secrets.auditKey, config.auditKeyId))) merged.set(k, v);
      const environment = [...merged].map(([key, value]) => ({ key, value }));
      const same = cur.timeout === spec.timeout && q([...have]) === q([...merged]);
      return same ? null : { timeout: spec.timeout, environment };
    });
  }

  /** Reads one kind of function configuration and uploads it only where it differs. */
  async function ensureFuncConfig(
    spec: FunctionSpec,
    type: (typeof FUNC_CONFIG)[keyof typeof FUNC_CONFIG],
    label: string,
    decide: (current: Record<string, unknown>) => Record<string, unknown> | null,
  ) {
    let current: Record<string, unknown> = {};
    try {
      const r = await call(requests.getFuncConfig(config.envId, spec.name, type));
      current = typeof r.config === 'string' && r.config ? (JSON.parse(r.config) as Record<string, unknown>) : {};
    } catch (err) {
      // 85089: no configuration of this kind yet.
      if (!(err instanceof WechatError) || err.errcode !== 85089) throw err;
    }
    const next = decide(current);
    if (!next) {
      counts.unchanged++;
      item('云函数', `${spec.name} ${label}`, '未改动');
      return;
    }
    await call(requests.uploadFuncConfig(config.envId, spec.name, type, next));
    counts.changed++;
    const shown = type === FUNC_CONFIG.environment ? `超时 ${spec.timeout} 秒，环境变量 ${((next.environment ?? []) as { key: string }[]).map((e) => e.key).join('、')}` : q(next);
    item('云函数', `${spec.name} ${label}`, '已更新', shown);
  }

  async function writeSettings(chosen: Record<string, TemplatePin>) {
    if (!Object.keys(chosen).length) {
      item('设置', 'templates', '没有可写入的模板，未改动');
      return;
    }
    const r = await call(requests.dbQuery(config.envId, `db.collection("settings").orderBy("version", "desc").limit(1).get()`));
    const raw = ((r.data ?? []) as string[])[0];
    const current: StoredSettings = raw ? (JSON.parse(raw) as StoredSettings) : DEFAULT_STORED;
    const result = templatesWith(current, chosen);
    if ('error' in result) throw new DeployProblem('SETTINGS_SHAPE', result.error, '这是部署脚本的问题，请报告');
    if (!result.changed) {
      counts.unchanged++;
      item('设置', 'templates', `已是这些模板（设置版本 ${current.version}），未改动`);
      return;
    }
    const version = current.version + 1;
    const doc = { _id: `v${version}`, version, values: result.values, updatedAt: now(), updatedBy: null };
    await call(requests.dbAdd(config.envId, `db.collection("settings").add({data: ${q(doc)}})`));
    counts.changed++;
    item('设置', 'templates', `已写入系统设置版本 ${version}`, `（${Object.keys(chosen).join('、')}）`);
  }

  const order = STEPS.filter((s) => only.has(s) || s === 'tools' || (s === 'build' && (only.has('functions') || only.has('upload'))));
  const needsCi = only.has('functions') || only.has('upload');
  let n = 0;
  for (const step of order) {
    if (step === 'tools' && !needsCi) continue;
    n++;
    say(`== [${n}] ${TITLES[step]}`);
    try {
      await steps[step]();
    } catch (err) {
      const { code, hint, detail } = err instanceof DeployProblem ? { code: err.code, hint: err.hint, detail: err.message } : hintFor(err);
      say(`✗ [${TITLES[step]}] 失败：错误码 ${code}。怎么办：${hint}`);
      say(`  原始信息：${detail}`);
      if (consoleSteps.length) printConsoleSteps();
      return 1;
    }
  }

  function printConsoleSteps() {
    say('== 需要在微信控制台完成的步骤');
    consoleSteps.forEach((s, i) => say(`  ${i + 1}. ${s}`));
  }

  if (dryRun) {
    say('== 演练结束：以上每一步都未执行，没有连接微信。去掉 --dry-run 即真正部署。');
    if (check.warnings.length) say(`  注意：有 ${check.warnings.length} 条提醒（见开头），真正部署前处理。`);
    return 0;
  }
  if (consoleSteps.length) printConsoleSteps();
  say('== 下一步');
  if (only.has('upload')) {
    say('  1. 小程序后台 → 管理 → 版本管理 → 开发版本：把刚上传的版本“选为体验版”，让成员试用（成员 → 体验成员 加人）。');
    say('  2. 试用无误后在同一处“提交审核”；审核通过后“发布”。');
  }
  say(`  订阅消息默认打开正式版；体验期间在 deploy.config.json 设 "miniprogramState": "trial" 后重跑。`);
  const changedText = counts.changed ? `改动 ${counts.changed} 项` : '本次没有任何改动';
  say(`== 完成：${changedText}，未改动 ${counts.unchanged} 项，控制台待办 ${consoleSteps.length} 项${counts.conflicts ? `，冲突 ${counts.conflicts} 项（未改动，见上）` : ''}`);
  return counts.conflicts ? 1 : 0;
}

/** The functions' environment values besides the audit key: the owner, which version messages open. */
export function functionEnv(config: DeployConfig): Record<string, string> {
  const env: Record<string, string> = { OWNER_OPENID: config.ownerOpenid };
  if (config.miniprogramState) env.MINIPROGRAM_STATE = config.miniprogramState;
  return env;
}

/**
 * The audit key's environment values (src/server/cases/audit.ts reads AUDIT_KEY, AUDIT_KEY_ID and
 * AUDIT_OLD_KEYS). A key in use is never replaced silently: a different key needs a new id, and the
 * old one moves to AUDIT_OLD_KEYS so the seals made under it still verify.
 */
export function auditEnv(fn: string, have: Map<string, string>, key: string | undefined, id: string): Record<string, string> {
  const [hk, hid] = [have.get('AUDIT_KEY'), have.get('AUDIT_KEY_ID')];
  if (!key) {
    if (hk) return {};
    throw new DeployProblem('AUDIT_KEY_MISSING', `云函数 ${fn} 还没有审计密钥`, '设置环境变量 AUDIT_KEY（openssl rand -hex 32 生成，妥善保存）后重跑');
  }
  if (!hk) return { AUDIT_KEY: key, AUDIT_KEY_ID: id };
  if (hk === key) {
    if (!hid || hid === id) return hid ? {} : { AUDIT_KEY_ID: id };
    throw new DeployProblem('AUDIT_KEY_ID_DIFFERS', `云函数 ${fn} 上这把审计密钥的编号是 ${hid}，配置是 ${id}`, `把 deploy.config.json 的 auditKeyId 改回 ${hid}：已封存的记录按编号找密钥`);
  }
  if (!hid || hid === id) {
    throw new DeployProblem(
      'AUDIT_KEY_DIFFERS',
      `云函数 ${fn} 上的审计密钥与环境变量 AUDIT_KEY 不同`,
      `部署不会悄悄替换在用的审计密钥：用原来的密钥重跑；要轮换，就在 deploy.config.json 给新密钥一个新的 auditKeyId（现在是 ${hid ?? '未设'}），旧密钥会移入 AUDIT_OLD_KEYS 继续用于校验`,
    );
  }
  const old = have.get('AUDIT_OLD_KEYS');
  return { AUDIT_KEY: key, AUDIT_KEY_ID: id, AUDIT_OLD_KEYS: [old, `${hid}:${hk}`].filter(Boolean).join(',') };
}

