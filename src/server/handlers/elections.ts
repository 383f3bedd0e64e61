// 管理员选举: opened by the group creator, an admin or the leader; members nominate and vote; the
// scheduler closes nominations and counts; a tie goes to the leader.
import { fail, ok, type ActionInput, type CaseView, type Result } from '../../contract';
import { decideElection, openElection, type ElectionCase } from '../../core/election';
import { rolesIn, type HandlerCtx } from '../context';
import { requestKey } from '../org';
import { insertNew } from '../save';
import { currentSettings } from '../settings';
import { canSeeCase, toCaseViews } from '../views';
import { stepCase } from './case-step';
import { loadGroupContext } from './group-context';

export async function electionsOpen(ctx: HandlerCtx, input: ActionInput<'elections.open'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const id = requestKey('el', actor.person._id, input.requestId);
  const retried = await store.getCase(id);
  if (retried && canSeeCase(actor, retried)) return ok((await toCaseViews(store, actor, [retried], true, { now: now }))[0]);
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail('NOT_FOUND');
  const roles = rolesIn(actor, gc.group._id);
  if (!(roles.includes('admin') || roles.includes('leader') || gc.group.creatorId === actor.person._id || actor.isOwner)) {
    return fail('FORBIDDEN', '只有群创建者、管理员或上级领导可以发起选举');
  }
  const open = (await store.listCasesOfGroup(gc.group._id, { offset: 0, limit: 50 })).items.some((c) => c.kind === 'election' && c.open);
  if (open) return fail('DUPLICATE_OPEN_CASE', '该群已有一场进行中的选举');
  const electorate = gc.roster.filter((r) => r.person.status === 'active' && !r.person.external && r.membership.roles.includes('member'));
  const settings = await currentSettings(store);
  const c = openElection({
    id,
    groupId: gc.group._id,
    openedBy: actor.person._id,
    groupName: gc.group.name,
    electorate: electorate.map((r) => r.person._id),
    names: Object.fromEntries(electorate.map((r) => [r.person._id, r.person.name])),
    requestId: input.requestId,
    settingsVersion: settings.version,
    now,
    settings: settings.values,
  });
  const { case: saved } = await insertNew(ctx.deps, c);
  return ok((await toCaseViews(store, actor, [saved], true, { now: now }))[0]);
}

export async function electionsNominate(ctx: HandlerCtx, input: ActionInput<'elections.nominate'>) {
  return stepCase(ctx, input.caseId, ['election'], (c, env) => decideElection(c as ElectionCase, { type: 'nominate', personId: input.personId }, env.actor, { ...env, leaders: env.group?.leaders ?? [] }));
}

export async function electionsVote(ctx: HandlerCtx, input: ActionInput<'elections.vote'>) {
  return stepCase(ctx, input.caseId, ['election'], (c, env) => decideElection(c as ElectionCase, { type: 'vote', candidateId: input.candidateId }, env.actor, { ...env, leaders: env.group?.leaders ?? [] }));
}

export async function electionsDecideTie(ctx: HandlerCtx, input: ActionInput<'elections.decideTie'>) {
  return stepCase(ctx, input.caseId, ['election'], (c, env) => decideElection(c as ElectionCase, { type: 'decide', personId: input.personId }, env.actor, { ...env, leaders: env.group?.leaders ?? [] }));
}
