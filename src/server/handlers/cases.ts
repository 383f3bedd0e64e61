import { fail, ok, type ActionInput, type CaseView, type Page, type Result } from '../../contract';
import { DELEGATED_KINDS } from '../../core/kinds';
import type { Case } from '../../core/model';
import type { HandlerCtx } from '../context';
import { canSeeCase, toCaseViews } from '../reads/views';

const DEFAULT_LIMIT = 20;

export async function casesMine(ctx: HandlerCtx, input: ActionInput<'cases.mine'>): Promise<Result<Page<CaseView>>> {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? DEFAULT_LIMIT };
  const { items, total } = await ctx.deps.store.listCasesOfPerson(ctx.actor.person._id, page);
  return ok({ items: await toCaseViews(ctx.deps.store, ctx.actor, items, false, { now: ctx.now }), total, ...page });
}

export async function casesGet(ctx: HandlerCtx, input: ActionInput<'cases.get'>): Promise<Result<CaseView>> {
  // The case with its assignees' delegations in one round trip (the case page's one call).
  const { case: c, delegations } = await ctx.deps.store.getScreen(ctx.actor.person._id, { case: input.caseId, delegations: true });
  // Someone else's case answers exactly like a missing one: its existence is not theirs to know.
  if (!c || !(canSeeCase(ctx.actor, c) || (await headSees(ctx, c)))) return fail('NOT_FOUND');
  return ok((await toCaseViews(ctx.deps.store, ctx.actor, [c], true, { now: ctx.now, files: ctx.deps.files, delegations: delegations ?? [], handOverTo: true }))[0]);
}

/** A department head looks through their departments' groups (全部事项, a report's drill), so opens their cases too. */
async function headSees(ctx: HandlerCtx, c: Case): Promise<boolean> {
  if (!ctx.actor.headOf.length || !c.groupId) return false;
  // Only heads pay this read (the group list, cached on a warm instance).
  const group = (await ctx.deps.store.listGroups()).find((g) => g._id === c.groupId);
  return !!group && ctx.actor.headOf.includes(group.deptId);
}

export async function inboxList(ctx: HandlerCtx, input: ActionInput<'inbox.list'>): Promise<Result<Page<CaseView>>> {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? DEFAULT_LIMIT };
  // 代理: a delegate's 待办 also holds what waits on whoever delegated to them (read-time, one query),
  // of the kinds delegation reaches: not an emergency's task, which they could not act on.
  const me = ctx.actor.person._id;
  const actingFor = (ctx.actor.delegatedBy ?? []).map((d) => d.delegatorId);
  const whose = actingFor.length ? { own: me, actingFor, kinds: DELEGATED_KINDS } : me;
  // With the assignees' delegations in the same round trip.
  const s = await ctx.deps.store.getScreen(me, { inbox: { whose, page }, delegations: true });
  const { items, total } = s.inbox!;
  return ok({ items: await toCaseViews(ctx.deps.store, ctx.actor, items, false, { now: ctx.now, delegations: s.delegations ?? [] }), total, ...page });
}
