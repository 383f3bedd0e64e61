// What a case looks like to the person asking: names resolved, commands they may issue now.
import { CASE_KIND_LABELS, STATE_LABELS, type AssigneeView, type BackupCitation, type CaseApprovalView, type CaseCommand, type CaseView, type EvidenceLink, type PersonRef } from '../../contract';
import { delegatesFor, handOverCandidates, lastNudgeAt, mayHandOver, mayNudge, nextNudgeAt, standsInFor, type CaseActor } from '../../core/engine';
import { kindOf } from '../../core/kinds';
import type { Case, DelegationDoc, Group, Person } from '../../core/model';
import { citationsOf } from '../../core/backups';
import { tally, type ElectionData } from '../../core/kinds/election';
import { caseActorOf, rolesIn, type Actor } from '../context';
import { loadGroupContext } from './group-context';
import { historyView } from './history-view';
import { currentSettings } from './settings';
import { kinds } from '../cases/kinds';
import type { Files, Store } from '../ports';

export const ACTION_LABELS: Record<string, string> = {
  submit: '提交申请',
  approve: '批准',
  reject: '驳回',
  withdraw: '撤回',
  remind: '超期提醒',
  escalate: '超期报上级领导',
  open_onboard: '开出入群任务',
  open_offboard: '开出移出任务',
  depart: '登记离职',
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
  // violations
  decide: '作出处理决定',
  refer: '报上级领导决定处分',
  file: '报上级领导备案',
  decide_measure: '领导决定纪律处分',
  appeal: '提出申诉',
  accept: '接受处理结果',
  answer: '答复申诉',
  escalate_appeal: '向上级领导申诉',
  rule: '上级领导最终裁决',
  take_over_rule: '上级领导接手并裁决',
  finalize: '期满生效',
  confirm_removal: '确认已移出群聊',
  confirm_readd: '确认已重新拉回群',
  task_remind: '群内操作超期提醒管理员',
  task_escalate: '群内操作超期报上级领导',
  media_pass: '图片通过内容安全检查',
  media_risky: '图片未通过内容安全检查，已隐藏',
  // emergencies
  em_start: '发起紧急事件',
  em_ack: '接收任务',
  em_progress: '报告进展',
  em_done: '报告完成',
  em_remind: '超时未接收，提醒',
  em_escalate: '超时未接收，报发起人和上级领导',
  em_reopen: '超时未报进展，重新打开',
  em_reassign: '转派任务',
  em_assign: '追加分工',
  em_close: '结束紧急事件',
  // feedback
  fb_submit: '提交反馈',
  fb_second: '附议',
  fb_forward: '转交处理',
  fb_answer: '答复',
  fb_follow_up: '追问',
  fb_resolve: '确认已解决',
  fb_close: '逾期未确认，结案',
  // hand over, delegation, nudge (the same for every kind)
  hand_over: '转交',
  hand_over_leaver: '离职交接',
  nudge: '催办',
};

/** Who a reader sees in place of a person they may not learn of. */
export const MASKED: PersonRef = { id: '', name: '一位群成员' };

/** How long an evidence link in a case view works. */
export const LINK_TTL_MS = 30 * 60_000;

/** Who may see a case: the people in it, the group's admins and leaders, and the owner. */
export function canSeeCase(actor: Actor, c: Case): boolean {
  const me = actor.person._id;
  if (actor.isOwner || c.subjectId === me || c.openedBy === me || c.assignees.includes(me)) return true;
  // 代理: what waits on whoever delegated to the caller, of a kind delegation reaches.
  if (delegatesFor(kindOf(c)) && actor.delegatedBy?.some((d) => c.assignees.includes(d.delegatorId))) return true;
  const roles = rolesIn(actor, c.groupId);
  if (roles.includes('admin') || roles.includes('leader')) return true;
  // An election, and an emergency (all were alerted), belong to every member of the group; a guest request also to whoever may approve it.
  if ((c.kind === 'election' || c.kind === 'emergency') && roles.includes('member')) return true;
  if (c.kind === 'guest' && ((c.data as { approvers?: string[] }).approvers ?? []).includes(me)) return true;
  return false;
}

/** A case's subject is a person, except a group's backup task, whose subject is the group. */
function subjectRef(c: Case, group: Group | undefined, ref: (id: string) => PersonRef): PersonRef {
  return c.kind === 'backup_due' ? { id: c.groupId, name: group?.name ?? String(c.data.groupName ?? '') } : ref(c.subjectId);
}

export interface ViewOptions {
  /** The request's time: what the reader may do depends on deadlines. */
  now: number;
  /** Given with the detail view: expiring links to the case's files. */
  files?: Files;
  /** People and groups the caller read already (the directory): names are taken from here first. */
  known?: { people: Person[]; groups: Group[] };
  /**
   * The assignees' delegations, to show each one's active delegate (待办, the case page): read here (one
   * query) when true, or as the caller read them with the cases (Store.getScreen).
   */
  delegations?: boolean | DelegationDoc[];
  /** Read the group of a case the caller may hand over, to list whom to (the case page). */
  handOverTo?: boolean;
}

export async function toCaseViews(store: Store, actor: Actor, cases: Case[], withHistory: boolean, opts: ViewOptions): Promise<CaseView[]> {
  const personIds = new Set<string>();
  for (const c of cases) {
    personIds.add(c.subjectId);
    c.assignees.forEach((a) => personIds.add(a));
    if (withHistory) c.history.forEach((h) => [h.by, h.onBehalfOf, h.target].forEach((id) => id && personIds.add(id)));
  }
  const me = actor.person._id;
  const caseActors = cases.map((c) => caseActorOf(actor, c.groupId));
  const assigneeIds = [...new Set(cases.filter((c) => c.open).flatMap((c) => c.assignees))];
  const handing = opts.handOverTo ? cases.filter((c, i) => mayHandOver(kindOf(c), c, caseActors[i])) : [];
  const nudging = cases.some((c) => mayNudge(c, me));
  const personById = new Map<string, Person>((opts.known?.people ?? []).filter((p) => personIds.has(p._id)).map((p) => [p._id, p]));
  // A departure is about no one group ('').
  const groupIds = new Set(cases.map((c) => c.groupId).filter(Boolean));
  const groupById = new Map<string, Group>((opts.known?.groups ?? []).filter((g) => groupIds.has(g._id)).map((g) => [g._id, g]));
  const missingPeople = [...personIds].filter((id) => !personById.has(id));
  const missingGroups = [...groupIds].filter((id) => !groupById.has(id));
  const [people, groups, delegations, settings, contexts] = await Promise.all([
    missingPeople.length ? store.getPeople(missingPeople) : [],
    missingGroups.length ? store.getGroups(missingGroups) : [],
    Array.isArray(opts.delegations) ? opts.delegations : opts.delegations && assigneeIds.length ? store.getDelegations(assigneeIds) : [],
    nudging ? currentSettings(store) : null,
    Promise.all(handing.map((c) => loadGroupContext(store, c.groupId))),
  ]);
  // Whom each assignee's active delegate is: read, or (for the caller's own) from who they are.
  const delegateOf = new Map<string, DelegationDoc>();
  for (const d of [...delegations, ...(actor.delegatedBy ?? [])]) if (d.from <= opts.now && opts.now < d.to) delegateOf.set(d.delegatorId, d);
  const candidates = new Map<string, string[]>(
    handing.map((c, i) => {
      const gc = contexts[i];
      return [c._id, gc ? handOverCandidates(kindOf(c), c, caseActors[cases.indexOf(c)], { now: opts.now, settings: undefined as never, admins: gc.admins, leaders: gc.leaders }) : []];
    }),
  );
  const candidateIds = [...new Set([...candidates.values()].flat())].filter((id) => !personById.has(id));
  if (candidateIds.length) for (const p of await store.getPeople(candidateIds)) personById.set(p._id, p);
  for (const p of people) personById.set(p._id, p);
  for (const g of groups) groupById.set(g._id, g);
  const ref = (id: string): PersonRef => ({ id, name: personById.get(id)?.name ?? '（未知）' });

  const links = withHistory && opts.files ? await Promise.all(cases.map((c) => fileLinks(c, opts.files!, opts.now, actor))) : [];
  const groupName = (c: Case) => groupById.get(c.groupId)?.name ?? String(c.data.groupName ?? '');
  const citations = withHistory ? await Promise.all(cases.map((c) => backupCitations(store, c, groupName(c)))) : [];

  return cases.map((c, i) => {
    const rules = kinds[c.kind];
    const reader = { id: actor.person._id, roles: rolesIn(actor, c.groupId) };
    // Someone this reader may not learn of (an anonymous sender) is 一位群成员 wherever they appear.
    const masked = new Set(rules.masked?.(c, reader) ?? []);
    const refIn = (id: string): PersonRef => (masked.has(id) ? MASKED : ref(id));
    // The one place a stored case becomes the typed union: `data` gets each kind's view shape from
    // publicData() and the kind's viewData() (contract/case-data.ts: CaseViewDataByKind).
    const view = {
      id: c._id,
      kind: c.kind,
      kindLabel: CASE_KIND_LABELS[c.kind],
      group: { id: c.groupId, name: groupById.get(c.groupId)?.name ?? String(c.data.groupName ?? '') },
      subject: subjectRef(c, groupById.get(c.groupId), refIn),
      state: c.state,
      stateLabel: STATE_LABELS[c.state] ?? c.state,
      open: c.open,
      waitingOn: c.assignees.map(refIn),
      dueAt: c.dueAt,
      dueAtUnconfirmed: c.dueAtUnconfirmed,
      escalation: c.escalation,
      title: rules.title(c),
      data: { ...publicData(c, actor.person._id, rules.hidden ?? []), ...(rules.viewData?.(c, opts.now, reader) ?? {}) },
      allowed: rules.allowed(c, caseActors[i], opts.now),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    } as CaseView;
    view.approval = approvalView(c, caseActors[i], view.allowed, refIn, delegateOf, candidates.get(c._id) ?? [], settings?.values.approval.nudgeHours, opts.now);
    if (withHistory) {
      view.history = c.history.map((h) => historyView(h, refIn, ACTION_LABELS));
    }
    if (links[i]) {
      view.links = links[i]!.links;
      if (links[i]!.hidden) view.hiddenFiles = links[i]!.hidden;
    }
    if (citations[i]) view.citations = citations[i];
    return view;
  });
}

/** Who the step waits on (each assignee, then their active delegate), and what the caller may do about it. */
function approvalView(
  c: Case,
  who: CaseActor,
  allowedNow: CaseCommand[],
  ref: (id: string) => PersonRef,
  delegateOf: Map<string, DelegationDoc>,
  handOverTo: string[],
  nudgeHours: number | undefined,
  now: number,
): CaseApprovalView {
  const spec = kindOf(c);
  const delegated = c.open && delegatesFor(spec);
  const assignees: AssigneeView[] = [];
  if (c.open) {
    for (const a of c.assignees) {
      const person = ref(a);
      assignees.push(person);
      const d = delegated ? delegateOf.get(a) : undefined;
      if (d && !c.assignees.includes(d.delegateId)) assignees.push({ id: d.delegateId, name: d.delegateName, onBehalfOf: person });
    }
  }
  const standsIn = delegated ? standsInFor(c, who) : undefined;
  const canNudge = mayNudge(c, who.id);
  return {
    assignees,
    actingFor: standsIn ? ref(standsIn) : null,
    canHandOver: mayHandOver(spec, c, who),
    handOverTo: handOverTo.map(ref),
    canNudge,
    nextNudgeAt: canNudge && nudgeHours !== undefined ? nextNudgeAt(c, nudgeHours, now) : null,
    lastNudgeAt: lastNudgeAt(c),
    // The caller can decide it now with the command a batch issues.
    batch: !!spec.batch && allowedNow.includes(spec.batch.approve),
  };
}

/**
 * Links to the case's files: an image that failed its content check is left out for everyone (and
 * counted), one still being checked is shown only to its uploader and the group's admins.
 */
async function fileLinks(c: Case, files: Files, now: number, actor: Actor): Promise<{ links: Record<string, EvidenceLink[]>; hidden: number } | undefined> {
  const rules = kinds[c.kind];
  const byField = rules.files?.(c);
  if (!byField) return undefined;
  const media = rules.media?.(c);
  const admin = rolesIn(actor, c.groupId).includes('admin');
  const expiresAt = now + LINK_TTL_MS;
  const links: Record<string, EvidenceLink[]> = {};
  let hidden = 0;
  for (const [field, ids] of Object.entries(byField)) {
    const mayPreview = admin || rules.uploader?.(c, field) === actor.person._id;
    const shown = ids.filter((id) => {
      const state = media?.[id] ?? 'pass';
      if (state === 'risky') hidden++;
      return state === 'pass' || (state === 'pending' && mayPreview);
    });
    links[field] = await Promise.all(
      shown.map(async (fileId): Promise<EvidenceLink> => ({ url: await files.link(fileId, expiresAt), expiresAt, ...(media?.[fileId] === 'pending' ? { pending: true as const } : {}) })),
    );
  }
  return { links, hidden };
}

/** 注明出处: the citation of each backup the case cites (only backups of the case's own group are read). */
async function backupCitations(store: Store, c: Case, groupName: string): Promise<BackupCitation[] | undefined> {
  // Frozen when cited: later changes to the backup record never change what the case cited.
  const frozen = kinds[c.kind].citations?.(c);
  if (frozen) return frozen;
  const ids = kinds[c.kind].backups?.(c);
  if (!ids || ids.length === 0) return undefined;
  const found = (await store.getBackups(ids)).filter((b) => b.groupId === c.groupId);
  return citationsOf(ids, found, groupName);
}

function publicData(c: Case, viewer: string, hidden: string[]): Record<string, unknown> {
  const { requestId: _requestId, ...rest } = c.data as Record<string, unknown>;
  for (const k of hidden) delete rest[k];
  if (c.kind === 'election') {
    // A secret ballot: everyone sees the tally and whether they voted, nobody sees who voted for whom.
    const d = c.data as unknown as ElectionData;
    const { votes: _votes, electorate: _electorate, ...shown } = rest;
    return { ...shown, tally: tally(d), voted: Object.keys(d.votes).length, electorateSize: d.electorate.length, myVote: d.votes[viewer] ?? null };
  }
  return rest;
}
