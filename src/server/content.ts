import { fail, type Failure } from '../contract';
import type { HandlerCtx } from './context';

/** Run what a person wrote through content security before anything is stored. */
export async function checkText(ctx: HandlerCtx, texts: (string | undefined)[]): Promise<Failure | null> {
  for (const text of texts) {
    if (!text) continue;
    const verdict = await ctx.deps.content.check(text, ctx.actor.openid, 2);
    if (!verdict.pass) return fail('CONTENT_REJECTED', `内容未通过安全检查（${verdict.label}），请修改后再提交`);
  }
  return null;
}
