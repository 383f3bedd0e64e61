// 管理员选举: opened by the group creator, an admin or the leader; members nominate and vote; the
// scheduler closes nominations and counts; a tie goes to the leader.
import { fail, ok, type ActionInput, type CaseView, type Result } from '../../contract';
import { decideElection, openElection, type ElectionCase } from '../../core/election';
import { rolesIn, type HandlerCtx } from '../context';
import { requestKey } from '../org';
import { insertNew } from '../save';
import { currentSettings } from '../settings';
import type { Case } from '../../core/model';
import { canSeeCase, toCaseViews } from '../views';
import { stepCase } from './case-step';
import { loadGroupContext } from './group-context';

export async function electionsOpen(ctx: HandlerCtx, input: ActionInput<'elections.open'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const id = requestKey('el', actor.person._id, input.requestId);
  const view = async (c: Case) => ok((await toCaseViews(store, actor, [c], true, { now }))[0]);
  const [gc, open] = await Promise.all([loadGroupContext(store, input.groupId), store.listOpenCases('election', input.groupId)]);
  // A retried request finds its case among the open ones; one decided since then is found on insert.
  const retried = open.find((c) => c._id === id);
  if (retried && canSeeCase(actor, retried)) return view(retried);
  if (!gc) return fail('NOT_FOUND');
  const roles = rolesIn(actor, gc.group._id);
  if (!(roles.includes('admin') || roles.includes('leader') || gc.group.creatorId === actor.person._id || actor.isOwner)) {
    return fail('FORBIDDEN', '只有群创建者、管理员或上级领导可以发起选举');
  }
  if (open.length) return fail('DUPLICATE_OPEN_CASE', '该群已有一场进行中的选举');
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
  return canSeeCase(actor, saved) ? view(saved) : fail('NOT_FOUND');
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
