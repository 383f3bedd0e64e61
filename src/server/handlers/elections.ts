// 管理员选举: opened by the group creator, an admin or the leader; members nominate and vote; the
// scheduler closes nominations and counts; a tie goes to the leader.
import { fail, type ActionInput, type CaseView, type Result } from '../../contract';
import { openElection } from '../../core/kinds/election';
import { rolesIn, type HandlerCtx } from '../context';
import { insertNext, seriesId } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import type { Case } from '../../core/model';
import { canSeeCase } from '../reads/views';
import { caseView, stepCase } from './case-step';
import { loadGroupContext } from '../reads/group-context';

export async function electionsOpen(ctx: HandlerCtx, input: ActionInput<'elections.open'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const [gc, past] = await Promise.all([loadGroupContext(store, input.groupId), store.listCasesOfKind('election', input.groupId)]);
  // A retried request finds its election among the group's, decided or not.
  const mine = (c: Case) => c.openedBy === me && c.data.requestId === input.requestId;
  const retried = past.find(mine);
  if (retried && canSeeCase(actor, retried)) return caseView(ctx, retried);
  if (!gc) return fail('NOT_FOUND');
  const roles = rolesIn(actor, gc.group._id);
  if (!(roles.includes('admin') || roles.includes('leader') || gc.group.creatorId === actor.person._id || actor.isOwner)) {
    return fail('FORBIDDEN', '只有群创建者、管理员或上级领导可以发起选举');
  }
  const duplicate = () => fail('DUPLICATE_OPEN_CASE', '该群已有一场进行中的选举');
  if (past.some((c) => c.open)) return duplicate();
  const electorate = gc.roster.filter((r) => r.person.status === 'active' && !r.person.external && r.membership.roles.includes('member'));
  const settings = await currentSettings(store);
  const filed = await insertNext(
    ctx.deps,
    past,
    // One election at a time in a group: two opened at once (two admins) compete for one id.
    (n) => seriesId('el', gc.group._id, n),
    (id) =>
      openElection({
        id,
        groupId: gc.group._id,
        openedBy: me,
        groupName: gc.group.name,
        electorate: electorate.map((r) => r.person._id),
        names: Object.fromEntries(electorate.map((r) => [r.person._id, r.person.name])),
        requestId: input.requestId,
        settingsVersion: settings.version,
        now,
        settings: settings.values,
      }),
    mine,
  );
  if (filed === 'open') return duplicate();
  if (filed === 'busy') return fail('CONFLICT');
  return canSeeCase(actor, filed) ? caseView(ctx, filed) : fail('NOT_FOUND');
}

export async function electionsNominate(ctx: HandlerCtx, input: ActionInput<'elections.nominate'>) {
  return stepCase(ctx, input.caseId, ['election'], { type: 'nominate', personId: input.personId });
}

export async function electionsVote(ctx: HandlerCtx, input: ActionInput<'elections.vote'>) {
  return stepCase(ctx, input.caseId, ['election'], { type: 'vote', candidateId: input.candidateId });
}

export async function electionsDecideTie(ctx: HandlerCtx, input: ActionInput<'elections.decideTie'>) {
  return stepCase(ctx, input.caseId, ['election'], { type: 'decide', personId: input.personId });
}
