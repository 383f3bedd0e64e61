// What a case looks like to the person asking: names resolved, commands they may issue now.
import { CASE_KIND_LABELS, STATE_LABELS, type CaseView, type HistoryView, type PersonRef } from '../contract';
import type { Case, Group, Person } from '../core/model';
import { rolesIn, type Actor } from './context';
import { kinds } from './kinds';
import type { Store } from './ports';

const ACTION_LABELS: Record<string, string> = {
  submit: '提交申请',
  approve: '批准',
  reject: '驳回',
  withdraw: '撤回',
  remind: '超期提醒管理员',
  escalate: '超期报上级领导',
  revoke: '撤销授权',
  expire: '授权到期',
  due: '备份到期提醒管理员',
  covered: '已登记备份',
};

/** Who may see a case: the people in it, the group's admins and leaders, and the owner. */
export function canSeeCase(actor: Actor, c: Case): boolean {
  const me = actor.person._id;
  if (actor.isOwner || c.subjectId === me || c.openedBy === me || c.assignees.includes(me)) return true;
  const roles = rolesIn(actor, c.groupId);
  return roles.includes('admin') || roles.includes('leader');
}

/** A case's subject is a person, except a group's backup task, whose subject is the group. */
function subjectRef(c: Case, group: Group | undefined, ref: (id: string) => PersonRef): PersonRef {
  return c.kind === 'backup_due' ? { id: c.groupId, name: group?.name ?? String(c.data.groupName ?? '') } : ref(c.subjectId);
}

export async function toCaseViews(store: Store, actor: Actor, cases: Case[], withHistory = false): Promise<CaseView[]> {
  const personIds = new Set<string>();
  for (const c of cases) {
    personIds.add(c.subjectId);
    c.assignees.forEach((a) => personIds.add(a));
    if (withHistory) c.history.forEach((h) => h.by && personIds.add(h.by));
  }
  const [people, groups] = await Promise.all([
    store.getPeople([...personIds]),
    store.getGroups([...new Set(cases.map((c) => c.groupId))]),
  ]);
  const personById = new Map<string, Person>(people.map((p) => [p._id, p]));
  const groupById = new Map<string, Group>(groups.map((g) => [g._id, g]));
  const ref = (id: string): PersonRef => ({ id, name: personById.get(id)?.name ?? '（未知）' });

  return cases.map((c) => {
    const view: CaseView = {
      id: c._id,
      kind: c.kind,
      kindLabel: CASE_KIND_LABELS[c.kind],
      group: { id: c.groupId, name: groupById.get(c.groupId)?.name ?? String(c.data.groupName ?? '') },
      subject: subjectRef(c, groupById.get(c.groupId), ref),
      state: c.state,
      stateLabel: STATE_LABELS[c.state] ?? c.state,
      open: c.open,
      waitingOn: c.assignees.map(ref),
      dueAt: c.dueAt,
      dueAtUnconfirmed: c.dueAtUnconfirmed,
      escalation: c.escalation,
      title: kinds[c.kind].title(c),
      data: publicData(c),
      allowed: kinds[c.kind].allowed(c, { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) }),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
    if (withHistory) {
      view.history = c.history.map(
        (h): HistoryView => ({
          seq: h.seq,
          at: h.at,
          by: h.by ? ref(h.by) : null,
          action: h.action,
          actionLabel: ACTION_LABELS[h.action] ?? h.action,
          from: h.from,
          to: h.to,
          ...(h.note ? { note: h.note } : {}),
          dueAt: h.dueAt,
        }),
      );
    }
    return view;
  });
}

function publicData(c: Case): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = c.data as Record<string, unknown>;
  return rest;
}
