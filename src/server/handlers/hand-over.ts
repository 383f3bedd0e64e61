// 转交: the step waiting on the caller (or on whom they stand in for) goes to another person eligible
// for it; the deadline stays. The rule is the engine's, the same for every kind (core/engine.ts handOver).
import { CASE_KIND_LABELS, type ActionInput, type CaseView, type Result } from '../../contract';
import { handOver, standsInFor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import { formatShanghai } from '../../core/time';
import { kinds } from '../cases/kinds';
import { checkText } from '../content';
import type { HandlerCtx } from '../context';
import { caseView, stepCaseWith } from './case-step';

export async function casesHandOver(ctx: HandlerCtx, input: ActionInput<'cases.handOver'>): Promise<Result<CaseView>> {
  const note = input.note?.trim() || undefined;
  const refused = await checkText(ctx, [note]);
  if (refused) return refused;
  const saved = await stepCaseWith(
    ctx,
    input.caseId,
    (c, _env, who, kctx) => {
      const delegator = standsInFor(c, who);
      const by = delegator ? `${ctx.actor.person.name}（代 ${ctx.actor.delegatedBy?.find((d) => d.delegatorId === delegator)?.delegatorName ?? ''}）` : ctx.actor.person.name;
      const due = c.dueAt ? `，请于 ${formatShanghai(c.dueAt, 'M月D日')} 前处理` : '';
      const tell = { title: `转交给你的${CASE_KIND_LABELS[c.kind]}`, body: `${by} 把「${kinds[c.kind].title(c)}」转交给你处理${due}${note ? `。留言：${note}` : ''}` };
      return handOver(kindOf(c), c, { to: input.toPersonId, note, tell }, who, kctx);
    },
    { group: true },
  );
  if ('ok' in saved) return saved;
  return caseView(ctx, saved);
}
