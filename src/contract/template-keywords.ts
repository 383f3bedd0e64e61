// What each keyword type of a subscription-message template accepts, and the check 系统设置 runs on
// a mapping. A template picked in the mini-program console has its own keyword keys (thing1, name2,
// time4 …); the part of a key before its number is its type, and each type limits what WeChat accepts
// (subscribeMessage.send, "订阅消息参数值内容限制说明"). A message whose keys or values do not fit
// its template is refused with 47003, so a mapping is checked before it is saved.
import { TEMPLATE_SOURCES, type TemplateField, type TemplateSource } from './templates';

/** The fields of the templates 群务 first asked for: thing1 事项, thing2 说明, time3 时间. */
export const DEFAULT_TEMPLATE_FIELDS: TemplateField[] = [
  { key: 'thing1', source: 'title' },
  { key: 'thing2', source: 'body' },
  { key: 'time3', source: 'time' },
];

export const TEMPLATE_SOURCE_LABELS: Record<TemplateSource, string> = {
  title: '事项',
  body: '说明',
  purpose: '提醒类型',
  time: '时间',
  recipient: '收件人',
};

/** Each purpose's template as the owner knows it (the 我的 page and 系统设置 show these). */
export const TEMPLATE_PURPOSE_LABELS: Record<string, string> = {
  caseDecided: '申请处理结果',
  newTask: '新待办提醒',
  // One template for both: the scheduler's overdue reminders and a requester's 催办 (cases.nudge), which users have already granted.
  reminder: '超期与催办提醒',
  escalation: '超期上报提醒',
};

/** The purpose in at most five Chinese characters, for a `phrase` keyword (e.g. 状态). */
export const TEMPLATE_PURPOSE_WORDS: Record<string, string> = {
  caseDecided: '已处理',
  newTask: '新待办',
  reminder: '催办提醒',
  escalation: '超期上报',
};

export interface KeywordType {
  label: string;
  /** What WeChat accepts, as its documentation words it. */
  limit: string;
  /** Longest value in characters, where WeChat counts them. */
  max?: number;
  /** Which of our values can fill it; none: a template with such a keyword cannot be used. */
  fits: readonly TemplateSource[];
}

const TEXT: readonly TemplateSource[] = ['title', 'body', 'purpose', 'recipient'];

/** WeChat's keyword types ("订阅消息参数值内容限制说明"). */
export const KEYWORD_TYPES: Record<string, KeywordType> = {
  thing: { label: '事物', limit: '20 个以内字符', max: 20, fits: TEXT },
  phrase: { label: '汉字', limit: '5 个以内汉字', max: 5, fits: ['purpose'] },
  name: { label: '姓名', limit: '10 个以内汉字或 20 个以内字母', max: 10, fits: ['recipient'] },
  time: { label: '时间', limit: '24 小时制时间，可带年月日', fits: ['time'] },
  date: { label: '日期', limit: '年月日，可带 24 小时制时间', fits: ['time'] },
  number: { label: '数字', limit: '32 位以内数字', max: 32, fits: [] },
  letter: { label: '字母', limit: '32 位以内字母', max: 32, fits: [] },
  symbol: { label: '符号', limit: '5 位以内符号', max: 5, fits: [] },
  character_string: { label: '字符串', limit: '32 位以内数字、字母或符号', max: 32, fits: [] },
  amount: { label: '金额', limit: '1 个币种符号加 10 位以内数字', fits: [] },
  phone_number: { label: '电话', limit: '17 位以内数字、符号', max: 17, fits: [] },
  car_number: { label: '车牌', limit: '8 位以内', max: 8, fits: [] },
};

/** A purpose's fields; settings saved before the mapping existed use the first templates' fields. */
export function templateFieldsFor(values: { templateFields?: Record<string, TemplateField[] | undefined> }, purpose: string): TemplateField[] {
  return values.templateFields?.[purpose] ?? DEFAULT_TEMPLATE_FIELDS;
}


/** The type of a keyword key (`name1` → name), or null for a key of no known type. */
export function keywordType(key: string): (KeywordType & { type: string }) | null {
  const type = key.replace(/\d+$/, '');
  const t = KEYWORD_TYPES[type];
  return t ? { ...t, type } : null;
}

/** The first thing wrong with a mapping, in words for the owner; null when WeChat will take it. */
export function checkTemplateFields(fields: TemplateField[]): string | null {
  if (!fields.length) return '至少要填一个关键词';
  if (fields.length > 5) return '一个模板最多 5 个关键词';
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.key)) return `关键词 ${f.key} 填了两次`;
    seen.add(f.key);
    const t = keywordType(f.key);
    if (!t) return `关键词 ${f.key} 的类型无法识别：应是模板详情里 thing1、time2 这样的写法`;
    if (!t.fits.length) return `关键词 ${f.key} 是${t.label}（${t.limit}），群务没有这样的内容可填，请换一个模板`;
    if (!t.fits.includes(f.source)) {
      const can = t.fits.map((s) => TEMPLATE_SOURCE_LABELS[s]).join('、');
      return `关键词 ${f.key} 是${t.label}（${t.limit}），不能填“${TEMPLATE_SOURCE_LABELS[f.source]}”，可填：${can}`;
    }
  }
  return null;
}

/** `thing1=事项，thing2=说明，time3=时间`: how 系统设置 shows and takes a mapping. */
export function formatTemplateFields(fields: TemplateField[]): string {
  return fields.map((f) => `${f.key}=${TEMPLATE_SOURCE_LABELS[f.source]}`).join('，');
}

export function parseTemplateFields(text: string): { ok: true; fields: TemplateField[] } | { ok: false; message: string } {
  const bySource = new Map<string, TemplateSource>();
  for (const s of TEMPLATE_SOURCES) {
    bySource.set(s, s);
    bySource.set(TEMPLATE_SOURCE_LABELS[s], s);
  }
  const parts = text
    .split(/[,，;；、\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const fields: TemplateField[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z_]+\d+)\s*[=:：]\s*(\S+)$/.exec(part.replace(/\.DATA|{{|}}/g, ''));
    if (!m) return { ok: false, message: `“${part}”看不懂：请写成 关键词=内容，例如 thing1=事项` };
    const source = bySource.get(m[2]);
    if (!source) return { ok: false, message: `“${m[2]}”不是可填的内容：可填 ${TEMPLATE_SOURCES.map((s) => TEMPLATE_SOURCE_LABELS[s]).join('、')}` };
    fields.push({ key: m[1].toLowerCase(), source });
  }
  const problem = checkTemplateFields(fields);
  return problem ? { ok: false, message: problem } : { ok: true, fields };
}
