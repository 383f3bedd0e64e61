// Who is calling: loaded from the OPENID the platform vouches for, never from the request body.
import type { GroupRole, Role } from '../contract';
import { fail, type Failure } from '../contract';
import type { CaseActor } from '../core/engine';
import type { DelegationDoc, Membership, Person, UploadDoc } from '../core/model';
import type { ActorQuery, Deps } from './ports';

export interface Actor {
  person: Person;
  openid: string;
  isOwner: boolean;
  /** Active memberships only. */
  memberships: Membership[];
  /** Departments this person heads. */
  headOf: string[];
  roles: Role[];
  /** Loaded for the actions that need them (ActorQuery): the person's recent uploads and the cases they opened. */
  uploads?: UploadDoc[];
  opened?: { _id: string; kind: string; createdAt: number }[];
  /** Loaded for admins and leaders (ActorQuery.delegationsAt): the active delegations naming them as delegate. */
  delegatedBy?: DelegationDoc[];
  /** Loaded for delegations.*: the caller's own delegation and the named delegate's (ActorQuery.delegationsOf). */
  delegations?: DelegationDoc[];
}

export interface HandlerCtx {
  deps: Deps;
  actor: Actor;
  now: number;
}

export function rolesIn(actor: Actor, groupId: string): GroupRole[] {
  return actor.memberships.find((m) => m.groupId === groupId)?.roles ?? [];
}

/** The caller as the case engine sees them in a group: their roles there, and whom they stand in for (代理). */
export function caseActorOf(actor: Actor, groupId: string): CaseActor {
  const actingFor = actor.delegatedBy?.map((d) => d.delegatorId) ?? [];
  return { id: actor.person._id, rolesInGroup: rolesIn(actor, groupId), ...(actingFor.length ? { actingFor } : {}) };
}

/** The owner may exist before any person record does: give them a stand-in person. */
function ownerStandIn(openid: string, now: number): Person {
  return { _id: 'owner', openid, name: '系统管理员', deptId: '', employeeNo: '', status: 'active', external: false, createdAt: now };
}

export async function loadActor(deps: Deps, openid: string | null, now: number, q?: ActorQuery): Promise<Actor | Failure> {
  if (!openid) return fail('UNAUTHENTICATED');
  const isOwner = !!deps.ownerOpenid && openid === deps.ownerOpenid;
  const found = await deps.store.getActor(openid, q);
  if (!found && !isOwner) return fail('NOT_BOUND');
  const person = found?.person ?? ownerStandIn(openid, now);
  // A recorded departure ends access in the same write, before its effect marks the person left.
  if (person.status === 'left' || found?.departed) return fail('OFFBOARDED');
  const memberships = found?.memberships ?? [];
  const headOf = found?.headOf ?? [];
  const active = memberships.filter((m) => m.status === 'active');
  // Everyone bound to the organisation is a member (群成员) even before joining a group.
  const roles = new Set<Role>(found ? ['member'] : []);
  for (const m of active) for (const r of m.roles) roles.add(r);
  if (headOf.length) roles.add('deptHead');
  if (isOwner) roles.add('owner');
  const actor: Actor = { person, openid, isOwner, memberships: active, headOf, roles: [...roles] };
  if (q?.uploadsSince !== undefined || q?.uploadIds) actor.uploads = found?.uploads ?? [];
  if (q?.openedSince !== undefined) actor.opened = found?.opened ?? [];
  if (q?.delegationsAt !== undefined) actor.delegatedBy = found?.delegatedBy ?? [];
  if (q?.delegationsOf) actor.delegations = found?.delegations ?? [];
  return actor;
}
