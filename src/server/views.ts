// What a case looks like to the person asking: names resolved, commands they may issue now.
import { CASE_KIND_LABELS, STATE_LABELS, type CaseView, type HistoryView, type PersonRef } from '../contract';
import type { Case, Group, Person } from '../core/model';
import { tally, type ElectionData } from '../core/election';
import { rolesIn, type Actor } from './context';
import { kinds } from './kinds';
import type { Store } from './ports';

const ACTION_LABELS: Record<string, string> = {
  submit: '提交申请',
  approve: '批准',
  reject: '驳回',
  withdraw: '撤回',
  remind: '超期提醒',
  escalate: '超期报上级领导',
  open_onboard: '开出入群任务',
  open_offboard: '开出移出任务',
  open_naming_fix: '要求改正群昵称',
  confirm: '确认已完成',
  cancel: '取消',
  appoint: '指定管理员并报备案',
  elect: '选举结果报备案',
  acknowledge: '上级领导已阅',
  open_election: '发起选举',
  nominate: '提名',
  vote: '投票',
  start_voting: '提名截止，开始投票',
  no_candidates: '无人被提名',
  tie: '平票，待上级领导决定',
  elected: '选出管理员',
  confirm_added: '确认已拉入群',
  confirm_removed: '确认已移出',
  guest_expired: '到期，待移出',
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
  if (roles.includes('admin') || roles.includes('leader')) return true;
  // An election belongs to every member of the group; a guest request also to whoever may approve it.
  if (c.kind === 'election' && roles.includes('member')) return true;
  if (c.kind === 'guest' && ((c.data as { approvers?: string[] }).approvers ?? []).includes(me)) return true;
  return false;
}

/** A case's subject is a person, except a group's backup task, whose subject is the group. */
function subjectRef(c: Case, group: Group | undefined, ref: (id: string) => PersonRef): PersonRef {
  return c.kind === 'backup_due' ? { id: c.groupId, name: group?.name ?? String(c.data.groupName ?? '') } : ref(c.subjectId);
}

export async function toCaseViews(store: Store, actor: Actor, cases: Case[], withHistory = false, now = Date.now()): Promise<CaseView[]> {
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
      data: publicData(c, actor.person._id),
      allowed: kinds[c.kind].allowed(c, { id: actor.person._id, rolesInGroup: rolesIn(actor, c.groupId) }, now),
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

function publicData(c: Case, viewer: string): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = c.data as Record<string, unknown>;
  if (c.kind === 'election') {
    // A secret ballot: everyone sees the tally and whether they voted, nobody sees who voted for whom.
    const d = c.data as unknown as ElectionData;
    const { votes: _votes, electorate: _electorate, ...shown } = rest;
    return { ...shown, tally: tally(d), voted: Object.keys(d.votes).length, electorateSize: d.electorate.length, myVote: d.votes[viewer] ?? null };
  }
  return rest;
}
