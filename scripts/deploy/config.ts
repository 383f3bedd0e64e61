// deploy.config.json (git-ignored) and the secrets that never go in it: checked before anything
// is sent, so a dry run names every missing or malformed field at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

export interface TemplatePin {
  /** The template id from the mini-program console (我的模板). */
  id: string;
  /** Which of our values goes into which keyword key, e.g. { title: 'thing1', body: 'thing2', time: 'time3' }. */
  keys: Record<string, string>;
}

export interface DeployConfig {
  appid: string;
  envId: string;
  /** Absolute path of the code-upload private key. */
  privateKeyPath: string;
  ownerOpenid: string;
  version: string;
  description: string;
  /** Which version a subscription message opens (the functions' MINIPROGRAM_STATE); unset keeps what is there. */
  miniprogramState?: 'developer' | 'trial' | 'formal';
  /** Templates picked by hand in the console, by purpose; the rest are looked up in the public library. */
  templates: Record<string, TemplatePin>;
  /** The name of the audit key (the functions' AUDIT_KEY_ID); a new name with a new key rotates it. */
  auditKeyId: string;
  /** Where the config was read from. */
  path: string;
}

export interface Secrets {
  appSecret?: string;
  auditKey?: string;
}

/** The environment variables that carry secrets, never a committed file. */
export const SECRET_VARS = {
  appSecret: { name: 'WECHAT_APP_SECRET', label: 'AppSecret（小程序后台 → 开发管理 → 开发设置）' },
  auditKey: { name: 'AUDIT_KEY', label: '审计密钥（如 openssl rand -hex 32 生成，妥善保存）' },
} as const;

export interface ConfigCheck {
  config: DeployConfig | null;
  errors: string[];
  warnings: string[];
  secrets: Secrets;
}

const APPID = /^wx[0-9a-f]{16}$/;
// WeChat cloud environment ids: a lowercase name, a dash, a generated suffix (e.g. prod-3gewtf9c10f60c76).
const ENV_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{4,}$/;
const OPENID = /^[A-Za-z0-9_-]{20,64}$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const STATES = ['developer', 'trial', 'formal'];
const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;
export const DEFAULT_AUDIT_KEY_ID = 'k1';

/** The functions' rule for AUDIT_KEY (src/server/cases/audit.ts): 64+ hex digits, or base64 of 32+ bytes. */
export function auditKeyLooksValid(text: string): boolean {
  const t = text.trim();
  if (/^[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0) return t.length >= 64;
  return /^[A-Za-z0-9+/_-]+=*$/.test(t) && Buffer.from(t, 'base64').length >= 32;
}
/** The placeholders of deploy.config.example.json: fine for a dry run, named so nobody deploys them. */
const EXAMPLE_VALUES: Record<string, string> = {
  appid: 'wx0000000000000000',
  envId: 'prod-0000example',
  ownerOpenid: 'oEXAMPLE-owner-openid-000000',
};

export function readSecrets(env: NodeJS.ProcessEnv): Secrets {
  return {
    appSecret: env[SECRET_VARS.appSecret.name] || undefined,
    auditKey: env[SECRET_VARS.auditKey.name] || undefined,
  };
}

/**
 * Reads and checks the config. A dry run reports missing secrets as warnings; a real run needs the
 * AppSecret (the audit key may already be set on the functions, which the deploy checks then).
 */
export function checkConfig(path: string, env: NodeJS.ProcessEnv, dryRun: boolean): ConfigCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const secrets = readSecrets(env);
  if (!existsSync(path)) {
    errors.push(`找不到配置文件 ${path}：把 deploy.config.example.json 复制为 deploy.config.json 并填写`);
    return { config: null, errors, warnings, secrets };
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    errors.push(`配置文件 ${path} 不是合法的 JSON：${(err as Error).message}`);
    return { config: null, errors, warnings, secrets };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(`配置文件 ${path} 应是一个 JSON 对象`);
    return { config: null, errors, warnings, secrets };
  }

  const text = (field: string, label: string, pattern?: RegExp, shape?: string): string => {
    const v = raw[field];
    if (typeof v !== 'string' || v.trim() === '') {
      errors.push(`缺少字段 ${field}（${label}）`);
      return '';
    }
    if (pattern && !pattern.test(v)) errors.push(`字段 ${field} 的值“${v}”不像${label}：${shape}`);
    return v;
  };
  const appid = text('appid', '小程序 AppID', APPID, '应为 wx 加 16 位十六进制字符');
  const envId = text('envId', '云开发环境 ID', ENV_ID, '应形如 prod-3gewtf9c10f60c76（云开发控制台 → 设置 → 环境 ID）');
  const keyPath = text('privateKeyPath', '代码上传密钥文件路径');
  const ownerOpenid = text('ownerOpenid', '组织负责人的 OPENID', OPENID, '应为 20–64 位字母、数字、- 或 _');
  const version = text('version', '上传的版本号', VERSION, '应形如 1.0.0');
  const description = text('description', '上传的版本说明');

  let privateKeyPath = '';
  if (keyPath) {
    privateKeyPath = isAbsolute(keyPath) ? keyPath : resolve(dirname(path), keyPath);
    if (!existsSync(privateKeyPath) || !statSync(privateKeyPath).isFile()) {
      errors.push(`代码上传密钥文件不存在：${privateKeyPath}（小程序后台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成并下载）`);
    }
  }

  let miniprogramState: DeployConfig['miniprogramState'];
  if (raw.miniprogramState !== undefined) {
    if (typeof raw.miniprogramState === 'string' && STATES.includes(raw.miniprogramState)) {
      miniprogramState = raw.miniprogramState as DeployConfig['miniprogramState'];
    } else {
      errors.push(`字段 miniprogramState 只能是 developer、trial 或 formal`);
    }
  }

  let auditKeyId = DEFAULT_AUDIT_KEY_ID;
  if (raw.auditKeyId !== undefined) {
    if (typeof raw.auditKeyId === 'string' && KEY_ID.test(raw.auditKeyId)) auditKeyId = raw.auditKeyId;
    else errors.push('字段 auditKeyId 应为 1–32 位字母、数字、. _ -');
  }
  if (secrets.auditKey && !auditKeyLooksValid(secrets.auditKey)) {
    errors.push(`环境变量 ${SECRET_VARS.auditKey.name} 的格式不对：应为至少 64 位十六进制（openssl rand -hex 32）或 32 字节以上的 base64`);
  }

  const templates: Record<string, TemplatePin> = {};
  if (raw.templates !== undefined) {
    if (typeof raw.templates !== 'object' || raw.templates === null || Array.isArray(raw.templates)) {
      errors.push('字段 templates 应是一个对象：{ 用途: { "id": 模板 ID, "keys": { "title": …, "body": …, "time": … } } }');
    } else {
      for (const [purpose, pin] of Object.entries(raw.templates as Record<string, unknown>)) {
        if (purpose.startsWith('//')) continue;
        const p = pin as Partial<TemplatePin> | null;
        const keysOk =
          p && typeof p.keys === 'object' && p.keys !== null && Object.values(p.keys).every((k) => typeof k === 'string' && /^[a-z_]+\d+$/.test(k));
        if (!p || typeof p.id !== 'string' || !p.id || !keysOk) {
          errors.push(`templates.${purpose} 应为 { "id": 模板 ID, "keys": { "title": "thing1", "body": "thing2", "time": "time3" } }`);
          continue;
        }
        templates[purpose] = { id: p.id, keys: { ...(p.keys as Record<string, string>) } };
      }
    }
  }

  for (const key of Object.keys(secrets) as (keyof Secrets)[]) {
    if (secrets[key]) continue;
    const { name, label } = SECRET_VARS[key];
    const message = `环境变量 ${name} 未设置：${label}`;
    if (dryRun || key === 'auditKey') warnings.push(message);
    else errors.push(message);
  }
  for (const field of Object.keys(raw)) {
    if (/secret|密钥/i.test(field) && field !== 'privateKeyPath' && !field.startsWith('//')) {
      errors.push(`配置文件里不要写密钥（字段 ${field}）：改用环境变量 ${SECRET_VARS.appSecret.name} / ${SECRET_VARS.auditKey.name}`);
    }
  }

  for (const [field, value] of Object.entries(EXAMPLE_VALUES)) {
    if (raw[field] === value) warnings.push(`字段 ${field} 仍是示例值“${value}”：真正部署前改成你的`);
  }

  const config: DeployConfig = { appid, envId, privateKeyPath, ownerOpenid, version, description, miniprogramState, templates, auditKeyId, path };
  return { config: errors.length ? null : config, errors, warnings, secrets };
}
