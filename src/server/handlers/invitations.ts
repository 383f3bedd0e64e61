// Invitation cards (R14): a department head makes one for a person they registered; the person
// opens it in WeChat and their OPENID is bound. Only the token's hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import { fail, ok, type ActionInput, type InvitationView, type JoinResult, type Result } from '../../contract';
import { invitationExpiry, invitationProblem } from '../../core/invitation';
import type { HandlerCtx } from '../context';
import { managesDept } from '../reads/org';
import type { Deps } from '../ports';
import { currentSettings } from '../reads/settings';

export const JOIN_PAGE = 'packages/org/pages/join/index';

export function tokenHash(token: string): string {
  return createHash('sha256').update(`invitation\n${token}`).digest('hex');
}

export async function invitationsCreate(ctx: HandlerCtx, input: ActionInput<'invitations.create'>): Promise<Result<InvitationView>> {
  const { store } = ctx.deps;
  const person = await store.getPerson(input.personId);
  if (!person || !managesDept(ctx.actor, person.deptId)) return fail('NOT_FOUND');
  if (person.status !== 'active') return fail('PERSON_LEFT');
  if (person.openid) return fail('PERSON_ALREADY_BOUND');
  const settings = await currentSettings(store);
  const token = randomBytes(24).toString('base64url');
  const expiresAt = invitationExpiry(ctx.now, settings.values.membership.invitationHours);
  await store.insertInvitation({ _id: tokenHash(token), personId: person._id, createdBy: ctx.actor.person._id, createdAt: ctx.now, expiresAt, usedAt: null, usedBy: null });
  return ok({ person: { id: person._id, name: person.name }, token, expiresAt, path: `${JOIN_PAGE}?token=${token}` });
}

export interface UnboundCtx {
  deps: Deps;
  openid: string;
  now: number;
}

export async function invitationsAccept(ctx: UnboundCtx, input: ActionInput<'invitations.accept'>): Promise<Result<JoinResult>> {
  const { store } = ctx.deps;
  const id = tokenHash(input.token.trim());
  const found = await store.getInvitationWithPerson(id, ctx.openid);
  // A WeChat bound already hears that first, whatever the card (a card that does not exist tells
  // nothing of who holds this OPENID, so that case asks).
  if (found ? found.holder : await store.getPersonByOpenid(ctx.openid)) return fail('ALREADY_BOUND');
  const problem = invitationProblem(found?.invitation ?? null, ctx.now);
  if (problem) return fail(problem);
  const person = found!.person;
  // A card for someone who has since left, or vanished, says no more than a forged one.
  if (!person || person.status !== 'active') return fail('INVITATION_INVALID');
  if (person.openid) return fail('PERSON_ALREADY_BOUND');
  // Lost a race: to another WeChat binding this person (or using this card), or to another card bound to this WeChat.
  if (!(await store.bindOpenid(person._id, ctx.openid, { id, now: ctx.now }))) {
    if (await store.getPersonByOpenid(ctx.openid)) return fail('ALREADY_BOUND');
    return fail((await store.getInvitation(id))?.usedAt ? 'INVITATION_USED' : 'PERSON_ALREADY_BOUND');
  }
  const dept = (await store.listDepartments()).find((d) => d._id === person.deptId);
  return ok({ person: { id: person._id, name: person.name }, department: dept?.name ?? '' });
}
