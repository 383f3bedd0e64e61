// Subscription templates from WeChat's public library: for each purpose, a one-time template whose
// title fits, with two `thing` keywords (our title and body, ≤ 20 characters each) and a `time`
// keyword. The library's titles depend on the mini-program's service category (类目), so the deploy
// looks the title up among the account's categories instead of assuming a template number.
import type { TemplatePin } from './config';
import { requests, WechatError, type WechatApi } from './wechat-api';

/** Our values, as the notifier fills them: the case's title, one line of detail, when it happened. */
export const VALUE_RULES = { title: ['thing'], body: ['thing'], time: ['time', 'date'] } as const;
export type TemplateValue = keyof typeof VALUE_RULES;

interface PurposeSpec {
  label: string;
  /** Library titles that fit, best first. */
  titles: string[];
  /** addTemplate's sceneDesc, ≤ 15 characters. */
  scene: string;
}

export const PURPOSE_SPECS: Record<string, PurposeSpec> = {
  newTask: { label: '新的待办', titles: ['待办事项提醒', '待办任务提醒', '新任务提醒', '审批提醒', '任务分配通知'], scene: '有新的待办事项' },
  reminder: { label: '催办提醒', titles: ['待办事项到期提醒', '任务到期提醒', '截止时间提醒', '办理提醒', '任务提醒'], scene: '待办即将到期' },
  escalation: { label: '超时上报', titles: ['事项升级提醒', '超时未处理提醒', '任务逾期提醒', '逾期提醒'], scene: '事项超时上报领导' },
  caseDecided: { label: '处理结果', titles: ['审批结果通知', '审核结果通知', '申请结果通知', '处理结果通知'], scene: '申请有了处理结果' },
};

export function purposeSpec(purpose: string): PurposeSpec {
  return PURPOSE_SPECS[purpose] ?? { label: purpose, titles: ['待办事项提醒'], scene: '事项通知' };
}

/** Keyword names that suit each value, best first; any keyword of the right type does otherwise. */
const NAME_HINTS: Record<TemplateValue, RegExp> = {
  title: /事项|任务|名称|标题|申请|项目/,
  body: /说明|备注|详情|原因|结果|状态|进度|内容/,
  time: /时间|日期/,
};

export interface Keyword {
  kid: number;
  name: string;
  rule: string;
}

/** Picks a keyword for each value, or null when the title lacks two `thing`s and a time. */
export function pickKeywords(keywords: Keyword[]): Record<TemplateValue, Keyword> | null {
  const taken = new Set<number>();
  const pick = (value: TemplateValue): Keyword | null => {
    // Rules in order of preference (a time before a date), then a fitting name, then any.
    for (const rule of VALUE_RULES[value]) {
      const fits = keywords.filter((k) => k.rule === rule && !taken.has(k.kid));
      const best = fits.find((k) => NAME_HINTS[value].test(k.name)) ?? fits[0];
      if (best) {
        taken.add(best.kid);
        return best;
      }
    }
    return null;
  };
  const title = pick('title');
  const body = pick('body');
  const time = pick('time');
  return title && body && time ? { title, body, time } : null;
}

/** "事项名称:{{thing1.DATA}}\n时间:{{time3.DATA}}" → { 事项名称: 'thing1', 时间: 'time3' }. */
export function contentKeys(content: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of content.matchAll(/([^\n:：{}]+)[:：]\s*\{\{\s*([a-z_]+\d+)\.DATA\s*\}\}/g)) out[m[1].trim()] = m[2];
  return out;
}

export interface TemplateChoice {
  purpose: string;
  /** How it was chosen. */
  source: 'config' | 'existing' | 'added';
  pin: TemplatePin;
  title?: string;
}

export interface TemplateMiss {
  purpose: string;
  /** What to do in the console, exactly. */
  consoleStep: string;
  error?: WechatError;
}

export function consoleStepFor(purpose: string): string {
  const spec = purposeSpec(purpose);
  return (
    `订阅消息「${spec.label}」(${purpose})：小程序后台 → 功能 → 订阅消息 → 公共模板库，搜索「${spec.titles.join('」或「')}」，` +
    '选一次性订阅，关键词选两个 thing 类（如 事项名称、说明）和一个时间（time 类）；' +
    `提交后在 deploy.config.json 写 "templates": { "${purpose}": { "id": "模板 ID", "keys": { "title": "thing1", "body": "thing2", "time": "time3" } } }` +
    '（key 照“我的模板”详情里的 {{…}} 填），再运行 npm run deploy'
  );
}

interface LibraryTitle {
  tid: number;
  title: string;
  type: number;
}

interface OwnTemplate {
  priTmplId: string;
  title: string;
  content: string;
  type?: number;
}

/** New-style one-time templates take no keyword list: they come with their own fixed keywords. */
const fixedKeywords = (tid: number) => tid >= 10000001 && tid < 20000000;

export interface TemplatePicker {
  choose(purpose: string): Promise<TemplateChoice | TemplateMiss>;
}

/** Looks each purpose up once per run: the categories and the library are read on first need. */
export function createTemplatePicker(api: WechatApi, pins: Record<string, TemplatePin>): TemplatePicker {
  let library: LibraryTitle[] | null = null;
  let own: OwnTemplate[] | null = null;

  async function loadLibrary(): Promise<LibraryTitle[]> {
    if (library) return library;
    const cats = ((await api.call(requests.getCategory())).data ?? []) as { id: number }[];
    const found: LibraryTitle[] = [];
    if (cats.length) {
      const ids = cats.map((c) => c.id);
      for (let start = 0; ; start += 30) {
        const r = await api.call(requests.getPubTemplateTitles(ids, start));
        const page = (r.data ?? []) as LibraryTitle[];
        found.push(...page);
        if (!page.length || found.length >= Number(r.count ?? 0) || start > 3000) break;
      }
    }
    return (library = found);
  }

  async function loadOwn(fresh = false): Promise<OwnTemplate[]> {
    if (own && !fresh) return own;
    return (own = ((await api.call(requests.getTemplateList())).data ?? []) as OwnTemplate[]);
  }

  /** Our value → key, from the template's own content and the keyword names we chose. */
  function keysFrom(content: string, chosen: Record<TemplateValue, Keyword>): Record<string, string> | null {
    const byLabel = contentKeys(content);
    const keys: Record<string, string> = {};
    for (const value of Object.keys(chosen) as TemplateValue[]) {
      const key = byLabel[chosen[value].name];
      if (!key) return null;
      keys[value] = key;
    }
    return keys;
  }

  return {
    async choose(purpose) {
      const pinned = pins[purpose];
      if (pinned) return { purpose, source: 'config', pin: pinned };
      const spec = purposeSpec(purpose);
      try {
        const lib = (await loadLibrary()).filter((t) => t.type === 2);
        for (const title of spec.titles) {
          const entry = lib.find((t) => t.title === title);
          // A new-style template comes with all its keywords, some of which we may have nothing for.
          if (!entry || fixedKeywords(entry.tid)) continue;
          const tid = String(entry.tid);
          const kws = ((await api.call(requests.getPubTemplateKeywords(tid))).data ?? []) as Keyword[];
          const chosen = pickKeywords(kws);
          if (!chosen) continue;
          // One the account picked before (an earlier run, or by hand) with these keywords: reuse it.
          for (const t of await loadOwn()) {
            const keys = t.title === title ? keysFrom(t.content, chosen) : null;
            if (keys) return { purpose, source: 'existing', pin: { id: t.priTmplId, keys }, title };
          }
          const kidList = [chosen.title.kid, chosen.body.kid, chosen.time.kid];
          const added = await api.call(requests.addTemplate(tid, kidList, spec.scene));
          const id = String(added.priTmplId ?? '');
          const mine = (await loadOwn(true)).find((t) => t.priTmplId === id);
          const keys = mine ? keysFrom(mine.content, chosen) : null;
          if (!id || !keys) break;
          return { purpose, source: 'added', pin: { id, keys }, title };
        }
        return { purpose, consoleStep: consoleStepFor(purpose) };
      } catch (err) {
        if (err instanceof WechatError && err.errcode >= 200000) return { purpose, consoleStep: consoleStepFor(purpose), error: err };
        throw err;
      }
    },
  };
}
