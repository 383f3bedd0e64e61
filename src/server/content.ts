import { fail, type Failure } from '../contract';
import type { HandlerCtx } from './context';

/** msgSecCheck v2 labels, as a person would name them. */
const LABELS: Record<string, string> = {
  '10001': '广告',
  '20001': '时政',
  '20002': '色情',
  '20003': '辱骂',
  '20006': '违法犯罪',
  '20008': '欺诈',
  '20012': '低俗',
  '20013': '版权',
  '21000': '其他违规',
};

/** A msgSecCheck / mediaCheckAsync label as a person would name it. */
export function labelName(label: string | undefined): string {
  return (label && LABELS[label]) || '违规';
}

/** Run what a person wrote through content security before anything is stored. */
export async function checkText(ctx: HandlerCtx, texts: (string | undefined)[]): Promise<Failure | null> {
  for (const text of texts) {
    if (!text) continue;
    const verdict = await ctx.deps.content.check(text, ctx.actor.openid, 2);
    if (!verdict.pass) {
      return fail('CONTENT_REJECTED', `内容未通过安全检查（疑似${LABELS[verdict.label] ?? '违规'}内容），请修改后再提交`);
    }
  }
  return null;
}
