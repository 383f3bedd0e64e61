import { GROUP_TYPE_LABELS, ok, type Result, type WhoAmI } from '../../contract';
import { canonicalNickname } from '../../core/naming';
import type { GrantDoc } from '../../core/model';
import type { HandlerCtx } from '../context';
import { currentSettings } from '../reads/settings';
import { loadGroupContext, namingSubject } from '../reads/group-context';

export async function whoami(ctx: HandlerCtx): Promise<Result<WhoAmI>> {
  return ok(await whoamiWith(ctx, ctx.deps.store.listGrants(ctx.actor.person._id)));
}

/** Who the caller is, with their grants read by the caller (a screen reads them with its other parts). */
export async function whoamiWith(ctx: HandlerCtx, grantsRead: Promise<GrantDoc[]>): Promise<WhoAmI> {
  const { store } = ctx.deps;
  const { person, memberships, roles } = ctx.actor;
  const [settings, grants, contexts] = await Promise.all([
    currentSettings(store),
    grantsRead,
    Promise.all(memberships.map((m) => loadGroupContext(store, m.groupId))),
  ]);
  const departments = contexts.find((c) => c)?.departments ?? new Map((await store.listDepartments()).map((d) => [d._id, d]));
  const groups: WhoAmI['groups'] = [];
  memberships.forEach((m, i) => {
    const gc = contexts[i];
    if (!gc) return;
    const canonical = m.roles.includes('member')
      ? canonicalNickname(namingSubject({ membership: m, person }, departments), gc.members, settings.values.naming).canonical
      : '';
    groups.push({
      id: gc.group._id,
      name: gc.group.name,
      type: gc.group.type,
      typeLabel: GROUP_TYPE_LABELS[gc.group.type],
      roles: m.roles,
      nickname: m.nickname,
      canonical,
      compliant: !m.roles.includes('member') || m.nickname === canonical,
    });
  });
  const byTemplate = new Map(grants.map((g) => [g.templateId, g.count]));
  return {
    person: {
      id: person._id,
      name: person.name,
      department: departments.get(person.deptId)?.name ?? '',
      employeeNo: person.employeeNo,
      external: person.external,
    },
    roles,
    groups,
    templates: { ...settings.values.templates },
    grants: Object.fromEntries(Object.values(settings.values.templates).map((t) => [t, byTemplate.get(t) ?? 0])),
  };
}
