// The authorization matrix's world: the demo organisation plus "another group" nobody calling has a
// part in, and, per action, only the targets that action needs (a rename, a violation awaiting the
// member's appeal, a backup, an election in voting, ...), one in the own group and one in the other.
//
// Org-wide actions carry no group, so "own" and "other" mean:
//   departments, people, invitations, groups.create: 市场部 (the member's, admin's and dept head's
//     department, headed by the dept head) vs 技术部 (headed by nobody who calls);
//   groups.enter: the chat bound to 市场部工作群 vs the chat bound to the other group;
//   notifications.read: the caller's own notification vs someone else's;
//   invitations.accept: a valid card for an unbound person vs a card someone has already used;
//   no target at all (whoami, cases.mine, inbox.list, notifications.list, subscriptions.record,
//     org.overview, departments.create, settings.*): the same input in both scopes.
import { DEFAULT_SETTINGS, type ActionInput, type ActionName, type CaseView, type Role } from '../../src/contract';
import { demoOpenid } from '../../src/server/host/seed';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, type World, type WorldOptions } from '../server/harness';
import { samples } from './samples';

export type Caller = 'member' | 'admin' | 'leader' | 'deptHead' | 'owner' | 'unbound' | 'offboarded';
export type Scope = 'own' | 'other';

// Who plays each caller in the demo organisation; "own" is 市场部工作群, "other" a 技术部 group they have no part in.
export const CALLERS: Record<Caller, { personId: string | null; openid: string; roles: Role[]; nickname?: string }> = {
  member: { personId: 'p_zhengshuang', openid: demoOpenid('p_zhengshuang'), roles: ['member'], nickname: '郑爽-市场部' },
  admin: { personId: 'p_liuyang', openid: demoOpenid('p_liuyang'), roles: ['member', 'admin'], nickname: '刘洋-市场部' },
  // Everyone bound to the organisation is a member, in a group or not.
  leader: { personId: 'p_chengang', openid: demoOpenid('p_chengang'), roles: ['member', 'leader'] },
  deptHead: { personId: 'p_wangqiang', openid: demoOpenid('p_wangqiang'), roles: ['member', 'deptHead'], nickname: '王强-市场部' },
  owner: { personId: 'p_zhaomin', openid: demoOpenid('p_zhaomin'), roles: ['member', 'deptHead', 'owner'] },
  unbound: { personId: null, openid: 'o_never_invited', roles: [] },
  offboarded: { personId: 'p_left', openid: demoOpenid('p_left'), roles: [] },
};
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[];

/** What an action's input names in one scope; absent fields keep the per-scope defaults. */
export interface Target {
  caseId?: string;
  backupId?: string;
  personId?: string;
  cloudID?: string;
  token?: string;
  noticeId?: string;
  fileId?: string;
}

export interface Fixture {
  w: World;
  groups: Record<Scope, string>;
  targets: Record<Scope, Target>;
}

const GROUPS: Record<Scope, string> = { own: 'g_market', other: 'g_other' };
const DEPTS: Record<Scope, string> = { own: 'd_market', other: 'd_tech' };
/** A plain member of each group: the subject of violations, appointments, nominations, fixes. */
const SUBJECT: Record<Scope, string> = { own: 'p_huanglei', other: 'p_o_member' };
/** The admin of each group, who opens and decides what an admin does. */
const ADMIN: Record<Scope, string> = { own: 'p_liuyang', other: 'p_o_admin' };
/** The member who files requests: in the own group the matrix's member caller. */
const FILER: Record<Scope, string> = { own: 'p_zhengshuang', other: 'p_o_member' };

type PerScope = (w: World, s: Scope) => Promise<Target>;
const perScope = (f: PerScope) => async (w: World) => ({ own: await f(w, 'own'), other: await f(w, 'other') });

/** A category the settings know (the shared sample's is not one of them). */
const CATEGORY = DEFAULT_SETTINGS.violation.categories[0];

const firstAssignee = (c: CaseView) => {
  const id = c.waitingOn[0]?.id;
  if (!id) throw new Error(`${c.id} waits on nobody`);
  return id;
};

const rename = (filer: Record<Scope, string>) =>
  perScope(async (w, s) => {
    const nickname = s === 'other' ? '孔明-技术部' : filer.own === 'p_zhengshuang' ? '郑爽-市场部' : '黄磊-市场部';
    return { caseId: (await w.okCall(filer[s], 'rename.submit', { groupId: GROUPS[s], nickname, requestId: requestId() })).id };
  });

type ViolationStage = 'decided' | 'referred' | 'appealed' | 'answered' | 'escalated' | 'removal';
/** A violation about the group's filer (own: the member caller), opened by the group's admin. */
const violation = (stage: ViolationStage) =>
  perScope(async (w, s) => {
    const severity = stage === 'referred' ? 'major' : stage === 'removal' ? 'serious' : 'minor';
    const step = stage === 'referred' ? 'referral' : stage === 'removal' ? 'removal' : 'warning';
    let c = await w.okCall(ADMIN[s], 'violation.open', {
      groupId: GROUPS[s],
      subjectId: FILER[s],
      category: CATEGORY,
      description: '在群里发广告',
      evidence: [],
      severity,
      step,
      // 郑爽 has a prior warning, so a warning is lighter than proposed and needs a reason.
      lighterReason: '情节轻微，从轻处理',
      requestId: requestId(),
    });
    if (stage === 'appealed' || stage === 'answered' || stage === 'escalated') {
      c = await w.okCall(FILER[s], 'violation.appeal', { caseId: c.id, reasons: '当时是转发工作通知' });
    }
    if (stage === 'answered' || stage === 'escalated') {
      c = await w.okCall(firstAssignee(c), 'violation.answer', { caseId: c.id, outcome: 'uphold', finding: '经核实属实' });
    }
    if (stage === 'escalated') c = await w.okCall(FILER[s], 'violation.escalate', { caseId: c.id, reasons: '对答复不服' });
    return { caseId: c.id };
  });

/** A cloud backup of October, registered by the group's admin. */
async function cloudBackup(w: World, s: Scope): Promise<string> {
  const fileId = await w.upload(ADMIN[s], Buffer.from(`${GROUPS[s]} 十月聊天记录`), { name: '2026-10.txt', contentType: 'text/plain' });
  const b = await w.okCall(ADMIN[s], 'backups.register', { groupId: GROUPS[s], from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId, fileName: '2026-10.txt', requestId: requestId() });
  return b.id;
}

/** The filer asks to read October's records; 'approved' also has the admin grant it over a cloud backup. */
const recordAccess = (stage: 'submitted' | 'approved') =>
  perScope(async (w, s) => {
    const backupId = stage === 'approved' ? await cloudBackup(w, s) : undefined;
    const c = await w.okCall(FILER[s], 'records.request', { groupId: GROUPS[s], from: '2026-10-01', to: '2026-10-31', purpose: '核对项目记录', pledge: true, requestId: requestId() });
    if (stage === 'approved') await w.okCall(firstAssignee(c), 'records.approve', { caseId: c.id, days: 3 });
    return { caseId: c.id, backupId };
  });

/** An election opened by the group's admin: nominating, voting (two candidates), or tied between them. */
const election = (stage: 'nominating' | 'voting' | 'tie') => async (w: World) => {
  const e = { own: await w.okCall(ADMIN.own, 'elections.open', { groupId: GROUPS.own, requestId: requestId() }), other: await w.okCall(ADMIN.other, 'elections.open', { groupId: GROUPS.other, requestId: requestId() }) };
  // Own: 郑爽 (the member caller) and 黄磊; other: its admin and its member.
  const pair: Record<Scope, [string, string]> = { own: ['p_zhengshuang', 'p_huanglei'], other: ['p_o_admin', 'p_o_member'] };
  if (stage !== 'nominating') {
    for (const s of ['own', 'other'] as Scope[]) for (const p of pair[s]) await w.okCall(pair[s][0], 'elections.nominate', { caseId: e[s].id, personId: p });
    w.clock.t = Math.max(e.own.dueAt!, e.other.dueAt!) + 1;
    await runScheduler(w.deps);
  }
  if (stage === 'tie') {
    let due = 0;
    for (const s of ['own', 'other'] as Scope[]) {
      await w.okCall(pair[s][0], 'elections.vote', { caseId: e[s].id, candidateId: pair[s][1] });
      due = Math.max(due, (await w.okCall(pair[s][1], 'elections.vote', { caseId: e[s].id, candidateId: pair[s][0] })).dueAt!);
    }
    w.clock.t = due + 1;
    await runScheduler(w.deps);
  }
  return { own: { caseId: e.own.id }, other: { caseId: e.other.id } };
};

/** A notice to each group: own, from 市场部's head to 市场部工作群; other, from that group's admin. */
const notice = perScope(async (w, s) => {
  const [by, kind] = s === 'own' ? (['p_wangqiang', 'important'] as const) : (['p_o_admin', 'general'] as const);
  const n = await w.okCall(by, 'notices.publish', { groupIds: [GROUPS[s]], kind, title: '关于季度总结会的通知', body: '12月5日下午三点在三楼会议室开季度总结会。', requestId: requestId() });
  return { noticeId: n.id };
});

/** An emergency started by the group's admin, giving the filer (own: the member caller) and, in the own group, 黄磊 a task. */
const emergency = perScope(async (w, s) => {
  const assignments = [{ personId: FILER[s], task: '到现场' }, ...(s === 'own' ? [{ personId: SUBJECT.own, task: '联系客户' }] : [])];
  const c = await w.okCall(ADMIN[s], 'emergencies.start', { groupId: GROUPS[s], title: '客户现场投诉', description: '客户在展厅要求退款', respondWithinMinutes: 60, assignments, requestId: requestId() });
  return { caseId: c.id };
});

/** Feedback to the group's admins, anonymous: by `sender` (own: 黄磊 for others to second, or the member caller), 'answered' by the admin. */
const feedback = (sender: Record<Scope, string>, stage: 'triage' | 'answered' = 'triage') =>
  perScope(async (w, s) => {
    const c = await w.okCall(sender[s], 'feedback.submit', { groupId: GROUPS[s], category: '建议', text: '希望每周例会改到周一上午', anonymous: true, requestId: requestId() });
    if (stage === 'answered') await w.okCall(ADMIN[s], 'feedback.answer', { caseId: c.id, answer: '下周起改到周一上午' });
    return { caseId: c.id };
  });

/** Registered people not yet bound or in any group: one in 市场部, one in 技术部. */
const NEW_PERSON: Record<Scope, string> = { own: 'p_new_m', other: 'p_new_t' };
async function newPeople(w: World) {
  for (const [s, name, no] of [['own', '新员工甲', 'M100'], ['other', '新员工乙', 'T100']] as const) {
    await w.store.insertPerson({ _id: NEW_PERSON[s], openid: null, name, deptId: DEPTS[s], employeeNo: no, status: 'active', external: false, createdAt: w.clock.t });
  }
}
/** Who makes the card or onboards the new person: the head of their department. */
const HEAD: Record<Scope, string> = { own: 'p_wangqiang', other: 'p_lina' };

const SETUP: Partial<Record<ActionName, (w: World) => Promise<Record<Scope, Target>>>> = {
  'rename.withdraw': rename(FILER),
  'rename.approve': rename(FILER),
  'rename.reject': rename(FILER),
  'cases.get': rename(FILER),
  // Own: the member caller's rename in 市场部工作群, waiting on its admin (the admin caller); other: 孔明's in the other group.
  'inbox.decideMany': rename(FILER),
  'cases.handOver': rename(FILER),
  'cases.nudge': rename(FILER),
  // Own: 何静 made a second admin of 市场部工作群 (eligible to stand in for 刘洋); other: the other group's admin (not eligible).
  'delegations.set': async (w) => {
    await w.store.putMembership({ _id: 'g_market:p_hejing', groupId: 'g_market', personId: 'p_hejing', roles: ['member', 'admin'], nickname: null, status: 'active', updatedAt: w.clock.t });
    return { own: { personId: 'p_hejing' }, other: { personId: 'p_o_admin' } };
  },
  'invitations.accept': async (w) => {
    await newPeople(w);
    const own = await w.okCall(HEAD.own, 'invitations.create', { personId: NEW_PERSON.own });
    const other = await w.okCall(HEAD.other, 'invitations.create', { personId: NEW_PERSON.other });
    await w.call({ openid: 'o_got_there_first' }, 'invitations.accept', { token: other.token });
    return { own: { token: own.token }, other: { token: other.token } };
  },
  'invitations.create': async (w) => (await newPeople(w), { own: { personId: NEW_PERSON.own }, other: { personId: NEW_PERSON.other } }),
  'people.onboard': async (w) => (await newPeople(w), { own: { personId: NEW_PERSON.own }, other: { personId: NEW_PERSON.other } }),
  'groups.enter': async (w) => {
    await w.store.setGroupOpengid(GROUPS.own, 'local_gm');
    await w.store.setGroupOpengid(GROUPS.other, 'local_go');
    return { own: { cloudID: 'local:gm' }, other: { cloudID: 'local:go' } };
  },
  'tasks.confirm': async (w) => {
    await newPeople(w);
    const task = async (s: Scope) => (await w.okCall(HEAD[s], 'people.onboard', { personId: NEW_PERSON[s], groupIds: [GROUPS[s]] }))[0].id;
    return { own: { caseId: await task('own') }, other: { caseId: await task('other') } };
  },
  'cases.acknowledge': perScope(async (w, s) => {
    // The group's creator appoints its plain member; the filing waits on the leader.
    const creator = s === 'own' ? 'p_wangqiang' : 'p_o_admin';
    return { caseId: (await w.okCall(creator, 'admins.appoint', { groupId: GROUPS[s], personId: SUBJECT[s] })).id };
  }),
  'admins.decideChange': perScope(async (w, s) => ({
    caseId: (await w.okCall(ADMIN[s], 'admins.applyChange', { groupId: GROUPS[s], successorId: SUBJECT[s], reason: '工作调动', requestId: requestId() })).id,
  })),
  'elections.nominate': election('nominating'),
  'elections.vote': election('voting'),
  'elections.decideTie': election('tie'),
  'guests.decide': perScope(async (w, s) => ({
    caseId: (await w.okCall(SUBJECT[s], 'guests.request', { groupId: GROUPS[s], name: '客人', organisation: '某公司', reason: '项目合作', endDate: '2026-11-27', requestId: requestId() })).id,
  })),
  'backups.get': perScope(async (w, s) => ({ backupId: await cloudBackup(w, s) })),
  'backups.verify': perScope(async (w, s) => ({ backupId: await cloudBackup(w, s) })),
  'backups.cite': perScope(async (w, s) => ({ backupId: await cloudBackup(w, s) })),
  'records.withdraw': recordAccess('submitted'),
  'records.approve': recordAccess('submitted'),
  'records.reject': recordAccess('submitted'),
  'records.revoke': recordAccess('approved'),
  'records.grant': recordAccess('approved'),
  'records.link': recordAccess('approved'),
  'records.log': recordAccess('approved'),
  'violation.decideMeasure': violation('referred'),
  'violation.appeal': violation('decided'),
  'violation.accept': violation('decided'),
  'violation.answer': violation('appealed'),
  'violation.escalate': violation('answered'),
  'violation.rule': violation('escalated'),
  'violation.confirmTask': violation('removal'),
  'notices.get': notice,
  'notices.acknowledge': notice,
  'notices.receipts': notice,
  'notices.withdraw': notice,
  'notices.correct': notice,
  // A file just stored (not yet recorded) vs one another person recorded as theirs already.
  'files.record': async (w) => {
    const own = w.files.save(Buffer.from('会议纪要'), { name: '纪要.txt', contentType: 'text/plain', uploadedBy: 'p_zhengshuang', uploadedAt: w.clock.t });
    const other = await w.upload('p_o_member', Buffer.from('别人的文件'), { name: '别人的.txt', contentType: 'text/plain' });
    return { own: { fileId: own }, other: { fileId: other } };
  },
  'emergencies.acknowledge': emergency,
  'emergencies.progress': emergency,
  'emergencies.reassign': emergency,
  'emergencies.assign': emergency,
  'emergencies.close': emergency,
  'emergencies.reach': emergency,
  'feedback.second': feedback(SUBJECT),
  'feedback.forward': feedback(SUBJECT),
  'feedback.answer': feedback(SUBJECT),
  'feedback.followUp': feedback(FILER, 'answered'),
  'feedback.resolve': feedback(FILER),
  'notifications.read': async (w) => {
    // One unread notice for everyone who may call, and one for a stranger (the other scope's).
    for (const p of [...CALLER_NAMES.map((c) => CALLERS[c].personId), 'p_o_member']) {
      if (!p) continue;
      await w.store.insertNotification({ _id: `n_${p}`, to: p, caseId: null, purpose: 'newTask', title: '新事项', body: '请处理', page: 'pages/inbox/index', createdAt: w.clock.t, read: false, push: 'none' });
    }
    return { own: {}, other: {} };
  },
};

/** tasks.confirm's matrix row uses onboard tasks; these are the other task kinds, each with a row of its own. */
export const TASK_VARIANTS = {
  /** The admin asks the filer (own: the member caller, after a non-compliant nickname) to fix it. */
  naming_fix: perScope(async (w, s) => {
    const m = (await w.store.listMembershipsOfPerson(FILER[s])).find((x) => x.groupId === GROUPS[s])!;
    await w.store.putMembership({ ...m, nickname: '爽爽', updatedAt: w.clock.t });
    return { caseId: (await w.okCall(ADMIN[s], 'roster.askFix', { groupId: GROUPS[s], personId: FILER[s] })).id };
  }),
  /** The head of the subject's department marks them as having left; the group's task is to remove them. */
  offboard: perScope(async (w, s) => {
    await w.okCall(HEAD[s], 'people.offboard', { personId: SUBJECT[s] });
    const opened = await w.store.listOpenCasesAbout('offboard', SUBJECT[s]);
    return { caseId: opened.find((c) => c.groupId === GROUPS[s])!._id };
  }),
} satisfies Record<string, (w: World) => Promise<Record<Scope, Target>>>;
export type TaskVariant = keyof typeof TASK_VARIANTS;

/** The demo organisation, another group with its own admin, member and leader, a leaver, and what `action` (or a task variant) needs. */
export async function buildFixture(action: ActionName, variant?: TaskVariant, opts: WorldOptions = {}): Promise<Fixture> {
  const w = await makeWorld(opts);
  const { store } = w;
  const now = w.clock.t;
  await store.insertGroup({ _id: 'g_other', name: '其他部门群', type: 'exchange', deptId: 'd_tech', creatorId: 'p_o_admin', opengid: null, createdAt: now });
  for (const [id, name, roles] of [['p_o_admin', '钱进', ['member', 'admin']], ['p_o_member', '孔明', ['member']], ['p_o_leader', '冯远', ['leader']]] as const) {
    await store.insertPerson({ _id: id, openid: demoOpenid(id), name, deptId: 'd_tech', employeeNo: id, status: 'active', external: false, createdAt: now });
    await store.putMembership({ _id: `g_other:${id}`, groupId: 'g_other', personId: id, roles: [...roles], nickname: null, status: 'active', updatedAt: now });
  }
  await store.insertPerson({ _id: 'p_left', openid: demoOpenid('p_left'), name: '离职者', deptId: 'd_market', employeeNo: 'M999', status: 'left', external: false, createdAt: now });
  await store.putMembership({ _id: 'g_market:p_left', groupId: 'g_market', personId: 'p_left', roles: ['member', 'admin'], nickname: null, status: 'active', updatedAt: now });
  const setup = variant ? TASK_VARIANTS[variant] : SETUP[action];
  const targets = (await setup?.(w)) ?? { own: {}, other: {} };
  return { w, groups: GROUPS, targets };
}

/** The action's input for this caller in this scope: the shared sample with the fixture's targets put in. */
export function inputFor(action: ActionName, caller: Caller, scope: Scope, f: Fixture): ActionInput<ActionName> {
  const base = { ...(samples[action] as Record<string, unknown>) };
  const t = f.targets[scope];
  const person = t.personId ?? SUBJECT[scope];
  if ('groupId' in base) base.groupId = f.groups[scope];
  if ('caseId' in base) base.caseId = t.caseId ?? 'c_none';
  if ('backupId' in base) base.backupId = t.backupId ?? 'bk_none';
  if ('deptId' in base) base.deptId = DEPTS[scope];
  for (const k of ['personId', 'subjectId', 'successorId', 'candidateId'] as const) if (k in base) base[k] = person;
  if ('cloudID' in base) base.cloudID = t.cloudID ?? `local:new_${scope}`;
  if ('token' in base) base.token = t.token ?? 'forged';
  if (action === 'files.record') base.fileId = t.fileId ?? base.fileId;
  if ('noticeId' in base) base.noticeId = t.noticeId ?? 'nt_none';
  if ('caseIds' in base) base.caseIds = [t.caseId ?? 'c_none'];
  if ('delegateId' in base) base.delegateId = t.personId ?? 'p_none';
  if ('groupIds' in base) base.groupIds = [f.groups[scope]];
  if (action === 'rename.submit') base.nickname = (scope === 'own' && CALLERS[caller].nickname) || '某某-某部门';
  if (action === 'notifications.read') base.ids = [scope === 'own' ? `n_${CALLERS[caller].personId ?? 'none'}` : 'n_p_o_member'];
  if (action === 'departments.create') base.name = '新设部';
  if (action === 'violation.open') base.category = CATEGORY;
  if (action === 'groups.create') {
    const [creator, leader] = scope === 'own' ? ['p_liuyang', 'p_chengang'] : ['p_o_admin', 'p_o_leader'];
    Object.assign(base, { creatorId: creator, adminIds: [creator], leaderId: leader });
  }
  return base as ActionInput<ActionName>;
}

/** Who succeeds with each action in the own scope (the matrix pins that cell as 'ok'). */
export const SUCCESS_CALLER: Record<ActionName, Caller> = {
  'session.whoami': 'member',
  'home.load': 'member',
  'inbox.load': 'admin',
  'me.load': 'member',
  'rename.preview': 'member',
  'rename.submit': 'member',
  'rename.withdraw': 'member',
  'rename.approve': 'admin',
  'rename.reject': 'admin',
  'invitations.accept': 'unbound',
  'invitations.create': 'deptHead',
  'org.overview': 'deptHead',
  'departments.create': 'owner',
  'departments.setHead': 'owner',
  'people.add': 'deptHead',
  'people.setPublisher': 'owner',
  'people.onboard': 'deptHead',
  'people.offboard': 'deptHead',
  'groups.create': 'deptHead',
  'groups.bindWechat': 'admin',
  'groups.enter': 'member',
  'groups.roster': 'member',
  'roster.askFix': 'admin',
  'tasks.confirm': 'admin',
  'cases.acknowledge': 'leader',
  'admins.appoint': 'deptHead',
  'admins.applyChange': 'admin',
  'admins.decideChange': 'leader',
  'elections.open': 'admin',
  'elections.nominate': 'member',
  'elections.vote': 'member',
  'elections.decideTie': 'leader',
  'guests.request': 'member',
  'guests.decide': 'leader',
  'backups.register': 'admin',
  'backups.list': 'admin',
  'backups.get': 'admin',
  'backups.verify': 'admin',
  'backups.cite': 'member',
  'records.request': 'member',
  'records.withdraw': 'member',
  'records.approve': 'admin',
  'records.reject': 'admin',
  'records.revoke': 'admin',
  'records.grant': 'member',
  'records.link': 'member',
  'records.log': 'admin',
  'violation.form': 'admin',
  'violation.open': 'admin',
  'violation.decideMeasure': 'leader',
  'violation.appeal': 'member',
  'violation.accept': 'member',
  'violation.answer': 'admin',
  'violation.escalate': 'member',
  'violation.rule': 'leader',
  'violation.confirmTask': 'admin',
  'cases.mine': 'member',
  'cases.get': 'member',
  'inbox.list': 'admin',
  'inbox.decideMany': 'admin',
  'cases.handOver': 'admin',
  'cases.nudge': 'member',
  'delegations.set': 'admin',
  'delegations.clear': 'admin',
  'delegations.mine': 'admin',
  'cases.search': 'leader',
  'notifications.list': 'member',
  'notifications.read': 'member',
  'subscriptions.record': 'member',
  'settings.get': 'owner',
  'settings.update': 'owner',
  'files.record': 'member',
  'audit.verify': 'owner',
  'reports.overview': 'leader',
  'reports.drill': 'leader',
  'reports.export': 'admin',
  'reports.exports': 'owner',
  'reports.verifyExport': 'owner',
  'notices.form': 'member',
  'notices.preview': 'member',
  'notices.publish': 'member',
  'notices.get': 'member',
  'notices.list': 'member',
  'notices.acknowledge': 'member',
  'notices.receipts': 'admin',
  'notices.withdraw': 'deptHead',
  'notices.correct': 'deptHead',
  'emergencies.form': 'admin',
  'emergencies.start': 'admin',
  'emergencies.acknowledge': 'member',
  'emergencies.progress': 'member',
  'emergencies.reassign': 'admin',
  'emergencies.assign': 'admin',
  'emergencies.close': 'admin',
  'emergencies.reach': 'admin',
  'emergencies.active': 'member',
  'feedback.form': 'member',
  'feedback.submit': 'member',
  'feedback.similar': 'member',
  'feedback.second': 'member',
  'feedback.forward': 'admin',
  'feedback.answer': 'admin',
  'feedback.followUp': 'member',
  'feedback.resolve': 'member',
};

/**
 * A fresh world and a caller for whom `action` succeeds, with its input: the own-scope cell of
 * SUCCESS_CALLER. For invitations.accept the caller is unbound: `openid` is theirs and `personId` the
 * invited person (whose demo OPENID is unbound too); otherwise `openid` is the person's demo OPENID.
 */
export async function successCall(action: ActionName, opts: WorldOptions = {}): Promise<{ w: World; personId: string; openid: string; data: ActionInput<ActionName> }> {
  const caller = SUCCESS_CALLER[action];
  const f = await buildFixture(action, undefined, opts);
  const data = inputFor(action, caller, 'own', f);
  const personId = CALLERS[caller].personId ?? NEW_PERSON.own;
  return { w: f.w, personId, openid: CALLERS[caller].openid, data };
}
