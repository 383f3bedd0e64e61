// Registering groups, binding them to their WeChat chats, and the roster with naming compliance.
import { fail, ok, type ActionInput, type CaseView, type GroupView, type Result, type RosterView } from '../../contract';
import type { Group, Membership } from '../../core/model';
import { canonicalNickname } from '../../core/naming';
import { openTask } from '../../core/kinds/task';
import { rolesIn, type HandlerCtx } from '../context';
import { requestKey } from '../cases/ids';
import { groupView, managesDept, toGroupView } from '../reads/org';
import { insertNext, memberSeries } from '../cases/commit';
import { currentSettings } from '../reads/settings';
import { canSeeCase, toCaseViews } from '../reads/views';
import { caseView } from './case-step';
import { mayStartEmergency } from './emergencies';
import { canonicalIn, loadGroupContext, namedMembers, namingSubject } from '../reads/group-context';

const HISTORY_KINDS = new Set(['onboard', 'offboard', 'guest', 'admin_filing', 'admin_change', 'election', 'naming_fix']);

export async function groupsCreate(ctx: HandlerCtx, input: ActionInput<'groups.create'>): Promise<Result<GroupView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  if (!managesDept(actor, input.deptId)) return fail('FORBIDDEN', '只能为你负责的部门登记群');
  const id = requestKey('g', actor.person._id, input.requestId);
  // One read serves the retry check and the name check; a retry this list does not show yet (made on
  // another instance a moment ago) is caught by the insert below.
  const [groups, departments] = await Promise.all([store.listGroups(), store.listDepartments()]);
  const retried = groups.find((g) => g._id === id);
  if (retried) return ok(await groupView(store, retried));
  const name = input.name.trim();
  if (!name) return fail('BAD_INPUT', '请填写群名称');
  if (!departments.some((d) => d._id === input.deptId)) return fail('NOT_FOUND');
  if (groups.some((g) => g.name === name)) return fail('NAME_TAKEN', `已有名为“${name}”的群`);
  const adminIds = [...new Set(input.adminIds)];
  const everyone = [...new Set([input.creatorId, input.leaderId, ...adminIds])];
  const people = await store.getPeople(everyone);
  if (people.length !== everyone.length) return fail('NOT_FOUND', '找不到所选的人员');
  if (people.some((p) => p.status !== 'active')) return fail('PERSON_LEFT');
  // A guest is in a group only until its end date; it never creates, manages or oversees one.
  if (people.some((p) => p.external)) return fail('NOT_ELIGIBLE', '外部人员不能担任群的创建者、管理员或上级领导');
  const group: Group = { _id: id, name, type: input.type, deptId: input.deptId, creatorId: input.creatorId, opengid: null, createdAt: now };
  // The creator and the admins are members; the leader oversees without being one unless also an admin.
  const roles = new Map<string, Membership['roles']>();
  const add = (pid: string, r: Membership['roles'][number]) => roles.set(pid, [...new Set([...(roles.get(pid) ?? []), r])]);
  add(input.creatorId, 'member');
  for (const a of adminIds) {
    add(a, 'member');
    add(a, 'admin');
  }
  add(input.leaderId, 'leader');
  const rows: Membership[] = [...roles].map(([personId, r]) => ({ _id: `${id}:${personId}`, groupId: id, personId, roles: r, nickname: null, status: 'active', updatedAt: now }));
  if (!(await store.createGroup(group, rows))) {
    const again = (await store.getGroups([id]))[0];
    if (!again) throw new Error(`group ${id} neither created nor found`);
    return ok(await groupView(store, again));
  }
  // Everything the answer shows was read or made above.
  const byId = new Map(people.map((p) => [p._id, p]));
  const roster = rows.map((m) => ({ membership: m, person: byId.get(m.personId)! }));
  return ok(toGroupView(group, roster, byId, new Map(departments.map((d) => [d._id, d]))));
}

async function resolveChat(ctx: HandlerCtx, cloudID: string): Promise<string | null> {
  return ctx.deps.openData.groupOpengid(cloudID, ctx.actor.openid);
}

export async function groupsBindWechat(ctx: HandlerCtx, input: ActionInput<'groups.bindWechat'>): Promise<Result<GroupView>> {
  const { store } = ctx.deps;
  const group = (await store.getGroups([input.groupId]))[0];
  if (!group) return fail('NOT_FOUND');
  if (!ctx.actor.isOwner && !rolesIn(ctx.actor, group._id).includes('admin')) return fail('FORBIDDEN', '只有该群的管理员可以绑定微信群');
  const opengid = await resolveChat(ctx, input.cloudID);
  if (!opengid) return fail('NO_GROUP_CONTEXT');
  const other = await store.getGroupByOpengid(opengid);
  if (other && other._id !== group._id) return fail('GROUP_ALREADY_BOUND', `这个微信群已绑定到「${other.name}」`);
  await store.setGroupOpengid(group._id, opengid);
  return ok(await groupView(store, { ...group, opengid }));
}

export async function groupsEnter(ctx: HandlerCtx, input: ActionInput<'groups.enter'>): Promise<Result<{ group: GroupView | null }>> {
  const { store } = ctx.deps;
  const opengid = await resolveChat(ctx, input.cloudID);
  const group = opengid ? await store.getGroupByOpengid(opengid) : null;
  // Only someone in that group learns which registered group the chat is.
  if (!group || !(ctx.actor.isOwner || rolesIn(ctx.actor, group._id).length || managesDept(ctx.actor, group.deptId))) return ok({ group: null });
  return ok({ group: await groupView(store, group) });
}

export async function groupsRoster(ctx: HandlerCtx, input: ActionInput<'groups.roster'>): Promise<Result<RosterView>> {
  const { store } = ctx.deps;
  const { actor } = ctx;
  const gc = await loadGroupContext(store, input.groupId);
  const roles = rolesIn(actor, input.groupId);
  if (!gc || !(roles.length || managesDept(actor, gc.group.deptId))) return fail('NOT_FOUND');
  const settings = await currentSettings(store);
  const creator = await store.getPerson(gc.group.creatorId);
  const people = new Map(gc.roster.map((r) => [r.person._id, r.person]));
  if (creator) people.set(creator._id, creator);
  const group = toGroupView(gc.group, gc.roster, people, gc.departments);
  const members = namedMembers(gc)
    .map((r) => {
      const canonical = canonicalIn(gc, r, settings.values.naming);
      return {
        person: { id: r.person._id, name: r.person.name },
        department: gc.departments.get(r.person.deptId)?.name ?? '',
        employeeNo: r.person.employeeNo,
        roles: r.membership.roles,
        external: r.person.external,
        left: r.person.status === 'left',
        nickname: r.membership.nickname,
        canonical,
        compliant: r.membership.nickname === canonical,
        // Kept on the row by the fix task's effects: no case query here.
        fixCaseId: r.membership.fixCaseId ?? null,
      };
    });
  const history = (await store.listCasesOfGroup(gc.group._id, { offset: 0, limit: 30 })).items.filter((c) => HISTORY_KINDS.has(c.kind) && canSeeCase(actor, c));
  const isAdmin = roles.includes('admin');
  const isMember = roles.includes('member');
  return ok({
    group,
    members,
    history: await toCaseViews(store, actor, history, false, { now: ctx.now }),
    can: {
      manage: isAdmin,
      bind: isAdmin || actor.isOwner,
      appoint: actor.isOwner || gc.group.creatorId === actor.person._id,
      elect: isAdmin || roles.includes('leader') || gc.group.creatorId === actor.person._id || actor.isOwner,
      applyChange: isAdmin,
      guest: isMember || isAdmin,
      emergency: mayStartEmergency(actor, gc.group),
    },
  });
}

export async function rosterAskFix(ctx: HandlerCtx, input: ActionInput<'roster.askFix'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  if (!rolesIn(actor, input.groupId).includes('admin')) return fail('FORBIDDEN', '只有该群的管理员可以要求成员改正昵称');
  const gc = await loadGroupContext(store, input.groupId);
  if (!gc) return fail('NOT_FOUND');
  const entry = gc.roster.find((r) => r.person._id === input.personId && r.membership.roles.includes('member'));
  if (!entry || entry.person.status !== 'active') return fail('NOT_MEMBER', '此人不是该群的在册成员');
  const past = await store.listCasesAbout('naming_fix', gc.group._id, input.personId, 0);
  const duplicate = () => fail('DUPLICATE_OPEN_CASE', '已要求该成员改正昵称，正在等待处理');
  if (past.some((c) => c.open)) return duplicate();
  const settings = await currentSettings(store);
  const { canonical } = canonicalNickname(namingSubject(entry, gc.departments), gc.members, settings.values.naming);
  if (entry.membership.nickname === canonical) return fail('BAD_INPUT', '该成员的群昵称已符合规范');
  const make = (id: string) => openTask({
    kind: 'naming_fix',
    id,
    groupId: gc.group._id,
    subjectId: entry.person._id,
    openedBy: actor.person._id,
    assignees: [entry.person._id],
    data: {
      groupName: gc.group.name,
      subjectName: entry.person.name,
      instruction: `请在「${gc.group.name}」把群昵称改为“${canonical}”并在群务提交改名申请`,
      escalateTo: [actor.person._id],
      canonical,
    },
    settingsVersion: settings.version,
    now,
    settings: settings.values,
  });
  // Two admins asking at once: the n-th fix of a member in a group has a fixed id, so one task opens.
  const filed = await insertNext(ctx.deps, past, memberSeries('nf', gc.group._id, entry.person._id), make, () => false);
  if (filed === 'open') return duplicate();
  if (filed === 'busy') return fail('CONFLICT');
  return caseView(ctx, filed);
}
