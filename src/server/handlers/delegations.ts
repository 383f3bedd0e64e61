// 代理: an admin or a leader names a delegate for a period (出差、休假). Read-time: nothing is written
// to cases; while the delegation holds, the delegate's 待办 and steps include what waits on the
// delegator (getActor reads the delegations naming the caller), and it ends by itself at `to`.
import { DELEGATION_MAX_DAYS, fail, ok, type ActionInput, type DelegationsMine, type DelegationView, type Result } from '../../contract';
import type { DelegationDoc, Person } from '../../core/model';
import type { HandlerCtx } from '../context';
import type { Directory } from '../ports';

const DAY_MS = 86_400_000;
/** A start a little in the past is "now" (the form's clock and ours differ by a few seconds). */
const START_SLACK_MS = 5 * 60_000;

const view = (d: DelegationDoc, now: number): DelegationView => ({
  delegator: { id: d.delegatorId, name: d.delegatorName },
  delegate: { id: d.delegateId, name: d.delegateName },
  from: d.from,
  to: d.to,
  active: d.from <= now && now < d.to,
  createdAt: d.createdAt,
});

/**
 * Whom `personId` may name: someone active who holds each of their roles in each of their groups
 * (an admin of every group they admin, a leader of every group they lead), so every step that waits
 * on them is one the delegate may act on too. Empty when they are neither admin nor leader anywhere.
 */
export function eligibleDelegates(dir: Directory, personId: string): Person[] {
  const active = dir.memberships.filter((m) => m.status === 'active');
  const rolesOf = new Map(active.map((m) => [`${m.groupId}:${m.personId}`, m.roles]));
  const needs = active.filter((m) => m.personId === personId).flatMap((m) => m.roles.filter((r) => r === 'admin' || r === 'leader').map((role) => ({ groupId: m.groupId, role })));
  if (!needs.length) return [];
  return dir.people.filter((p) => p._id !== personId && p.status === 'active' && !p.external && needs.every((n) => (rolesOf.get(`${n.groupId}:${p._id}`) ?? []).includes(n.role)));
}

async function answer(ctx: HandlerCtx, own: DelegationDoc | null, dir?: Directory): Promise<DelegationsMine> {
  const { now } = ctx;
  const directory = dir ?? (await ctx.deps.store.getDirectory());
  return {
    mine: own && own.to > now ? view(own, now) : null,
    forMe: (ctx.actor.delegatedBy ?? []).map((d) => view(d, now)),
    candidates: eligibleDelegates(directory, ctx.actor.person._id).map((p) => ({ id: p._id, name: p.name })),
    maxDays: DELEGATION_MAX_DAYS,
  };
}

/** The caller's own delegation, read with the caller (ActorQuery.delegationsOf). */
const ownOf = (ctx: HandlerCtx) => ctx.actor.delegations?.find((d) => d._id === ctx.actor.person._id) ?? null;

export async function delegationsMine(ctx: HandlerCtx, _input: ActionInput<'delegations.mine'>): Promise<Result<DelegationsMine>> {
  return ok(await answer(ctx, ownOf(ctx)));
}

export async function delegationsSet(ctx: HandlerCtx, input: ActionInput<'delegations.set'>): Promise<Result<DelegationsMine>> {
  const { store } = ctx.deps;
  const { now } = ctx;
  const me = ctx.actor.person;
  const from = Math.max(input.from, now);
  if (input.to <= now || input.to <= from || input.from < now - START_SLACK_MS || input.to - from > DELEGATION_MAX_DAYS * DAY_MS) {
    return fail('DELEGATION_PERIOD_INVALID', `代理期限不正确：开始时间不能早于现在，结束时间须晚于开始时间，且最长 ${DELEGATION_MAX_DAYS} 天`);
  }
  if (input.delegateId === me._id) return fail('DELEGATE_INVALID', '不能指定自己为代理人');
  const dir = await store.getDirectory();
  const existing = ctx.actor.delegations ?? [];
  const delegate = eligibleDelegates(dir, me._id).find((p) => p._id === input.delegateId);
  if (!delegate) return fail('DELEGATE_INVALID');
  // No chains: a delegate who is away (has delegated) over the period would pass nothing on; refuse.
  const theirs = existing.find((d) => d._id === input.delegateId);
  if (theirs && theirs.from < input.to && from < theirs.to) return fail('DELEGATION_CHAIN', `${delegate.name} 在这段时间已委托他人代理，不能再代理你的事项`);
  const own = existing.find((d) => d._id === me._id);
  const doc: DelegationDoc = {
    _id: me._id,
    delegatorId: me._id,
    delegateId: delegate._id,
    delegatorName: me.name,
    delegateName: delegate.name,
    from,
    to: input.to,
    createdAt: own && own.to > now ? own.createdAt : now,
    updatedAt: now,
  };
  await store.putDelegation(doc);
  return ok(await answer(ctx, doc, dir));
}

export async function delegationsClear(ctx: HandlerCtx, _input: ActionInput<'delegations.clear'>): Promise<Result<DelegationsMine>> {
  const { store } = ctx.deps;
  const own = ownOf(ctx);
  // Ended, not deleted: the record of who stood in for whom, and when, stays.
  if (own && own.to > ctx.now) {
    const ended = { ...own, to: Math.max(own.from, ctx.now), updatedAt: ctx.now };
    await store.putDelegation(ended);
    return ok(await answer(ctx, ended));
  }
  return ok(await answer(ctx, own));
}
