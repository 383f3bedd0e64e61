// The authorization matrix, generated from the contract: every action × every kind of caller ×
// their own group / another group (fixture.ts says what "own" and "other" name for each action).
// A caller lacking every role the contract names gets FORBIDDEN; unbound and offboarded callers are
// refused before any handler (NOT_BOUND, OFFBOARDED) except for UNBOUND_ACTIONS, whose cells are
// declared too. Every other cell must give exactly the outcome declared below, and every refused
// cell writes nothing.
import { ACTION_NAMES, actions, UNBOUND_ACTIONS, type ActionName, type BatchResult, type ErrorCode, type Role } from '../../src/contract';
import { dispatch } from '../../src/server/dispatch';
import { instrumentStore } from '../support/instrumented-store';
import { buildFixture, CALLER_NAMES, CALLERS, inputFor, SUCCESS_CALLER, successCall, TASK_VARIANTS, type Caller, type Scope, type TaskVariant } from './fixture';

type Outcome = 'ok' | ErrorCode;
type Row = Partial<Record<Caller, Outcome | Record<Scope, Outcome>>>;
const ownOnly = (refusal: ErrorCode) => ({ own: 'ok' as Outcome, other: refusal });

/** Cells that pass the contract's role gate (and, for UNBOUND_ACTIONS, every caller); the rest are FORBIDDEN by construction. */
const EXPECTED: Record<ActionName, Row> = {
  'session.whoami': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'home.load': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  // A member only is let in and answered with no inbox (inbox: null), which screens.test.ts checks.
  'inbox.load': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'me.load': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'rename.preview': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'rename.submit': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'rename.withdraw': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'rename.approve': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'rename.reject': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'invitations.accept': { member: 'ALREADY_BOUND', admin: 'ALREADY_BOUND', leader: 'ALREADY_BOUND', deptHead: 'ALREADY_BOUND', owner: 'ALREADY_BOUND', unbound: ownOnly('INVITATION_USED'), offboarded: 'ALREADY_BOUND' },
  'invitations.create': { deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'org.overview': { deptHead: 'ok', owner: 'ok' },
  'departments.create': { owner: 'ok' },
  'departments.setHead': { owner: 'ok' },
  'people.add': { deptHead: ownOnly('FORBIDDEN'), owner: 'ok' },
  'people.setPublisher': { owner: 'ok' },
  'people.onboard': { deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'people.offboard': { deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'groups.create': { deptHead: ownOnly('FORBIDDEN'), owner: 'ok' },
  'groups.bindWechat': { admin: ownOnly('FORBIDDEN'), owner: 'ok' },
  'groups.enter': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'groups.roster': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'roster.askFix': { admin: ownOnly('FORBIDDEN') },
  'tasks.confirm': { member: 'NOT_FOUND', admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  'cases.acknowledge': { leader: ownOnly('NOT_FOUND') },
  'admins.appoint': { member: 'FORBIDDEN', admin: 'FORBIDDEN', leader: 'FORBIDDEN', deptHead: ownOnly('FORBIDDEN'), owner: 'ok' },
  'admins.applyChange': { admin: ownOnly('FORBIDDEN') },
  'admins.decideChange': { leader: ownOnly('NOT_FOUND') },
  'elections.open': { member: 'FORBIDDEN', admin: ownOnly('FORBIDDEN'), leader: ownOnly('FORBIDDEN'), deptHead: ownOnly('FORBIDDEN'), owner: 'ok' },
  'elections.nominate': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'elections.vote': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'elections.decideTie': { leader: ownOnly('NOT_FOUND') },
  'guests.request': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'guests.decide': { leader: ownOnly('NOT_FOUND'), deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'backups.register': { admin: ownOnly('FORBIDDEN') },
  'backups.list': { admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND') },
  'backups.get': { admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND') },
  'backups.verify': { admin: ownOnly('NOT_FOUND') },
  'backups.cite': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: ownOnly('NOT_FOUND'), owner: 'NOT_FOUND' },
  'records.request': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'records.withdraw': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'records.approve': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'records.reject': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'records.revoke': { admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND') },
  'records.grant': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: 'NOT_FOUND', owner: 'ok' },
  'records.link': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'records.log': { admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND') },
  'violation.form': { admin: ownOnly('FORBIDDEN') },
  'violation.open': { admin: ownOnly('FORBIDDEN') },
  'violation.decideMeasure': { leader: ownOnly('NOT_FOUND') },
  'violation.appeal': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'violation.accept': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'violation.answer': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'violation.escalate': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'violation.rule': { leader: ownOnly('NOT_FOUND') },
  'violation.confirmTask': { admin: ownOnly('NOT_FOUND') },
  'cases.mine': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  // A department head opens their departments' groups' cases (what 全部事项 and a report's drill list).
  'cases.get': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'inbox.list': { admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  // Answered ok with each case's own result (ITEM_EXPECTED below checks that result).
  'inbox.decideMany': { admin: 'ok', leader: 'ok' },
  // Own: the admin caller's waiting rename, handed to the leader; the leader sees it but it does not wait on them.
  'cases.handOver': { admin: ownOnly('NOT_FOUND'), leader: { own: 'NOT_ASSIGNEE', other: 'NOT_FOUND' } },
  // Only whoever asked (or the subject) nudges; the member caller asked in the own group.
  'cases.nudge': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  // A delegate holds each of the caller's roles in each of their groups: the leader of two groups has none.
  'delegations.set': { admin: ownOnly('DELEGATE_INVALID'), leader: 'DELEGATE_INVALID' },
  'delegations.clear': { admin: 'ok', leader: 'ok' },
  'delegations.mine': { admin: 'ok', leader: 'ok' },
  // 全部事项: the own group is in each one's scope (administers, leads, heads its department); the other group in none but the owner's.
  'cases.search': { admin: ownOnly('GROUP_NOT_IN_SCOPE'), leader: ownOnly('GROUP_NOT_IN_SCOPE'), deptHead: ownOnly('GROUP_NOT_IN_SCOPE'), owner: 'ok' },
  'notifications.list': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'notifications.read': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'subscriptions.record': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'settings.get': { owner: 'ok' },
  'settings.update': { owner: 'ok' },
  // Own: a file the caller has just stored; other: one another person already recorded as theirs.
  'files.record': { member: ownOnly('FILE_NOT_OWNED'), admin: ownOnly('FILE_NOT_OWNED'), leader: ownOnly('FILE_NOT_OWNED'), deptHead: ownOnly('FILE_NOT_OWNED'), owner: ownOnly('FILE_NOT_OWNED') },
  'audit.verify': { owner: 'ok' },
  // The same scopes as cases: groups administered or led, the department's groups, all for the owner.
  'reports.overview': { admin: ownOnly('GROUP_NOT_IN_SCOPE'), leader: ownOnly('GROUP_NOT_IN_SCOPE'), deptHead: ownOnly('GROUP_NOT_IN_SCOPE'), owner: 'ok' },
  'reports.drill': { admin: ownOnly('GROUP_NOT_IN_SCOPE'), leader: ownOnly('GROUP_NOT_IN_SCOPE'), deptHead: ownOnly('GROUP_NOT_IN_SCOPE'), owner: 'ok' },
  // Groups named outside the caller's scope (cases' scopes: administered, led, the department's) are refused; the owner's scope is every group.
  'reports.export': { admin: ownOnly('GROUP_NOT_IN_SCOPE'), leader: ownOnly('GROUP_NOT_IN_SCOPE'), deptHead: ownOnly('GROUP_NOT_IN_SCOPE'), owner: 'ok' },
  'reports.exports': { owner: 'ok' },
  'reports.verifyExport': { owner: 'ok' },
  // Notices: own = 市场部工作群 (a general notice is 市场部's to publish), other = a 技术部 group.
  'notices.form': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'notices.preview': { member: ownOnly('NOT_PUBLISHER'), admin: ownOnly('NOT_PUBLISHER'), leader: 'NOT_PUBLISHER', deptHead: ownOnly('NOT_PUBLISHER'), owner: 'NOT_PUBLISHER' },
  'notices.publish': { member: ownOnly('NOT_PUBLISHER'), admin: ownOnly('NOT_PUBLISHER'), leader: 'NOT_PUBLISHER', deptHead: ownOnly('NOT_PUBLISHER'), owner: 'NOT_PUBLISHER' },
  'notices.get': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: ownOnly('NOT_FOUND'), owner: 'ok' },
  'notices.list': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: ownOnly('NOT_MEMBER'), deptHead: ownOnly('NOT_MEMBER'), owner: 'ok' },
  'notices.acknowledge': {
    member: ownOnly('NOT_FOUND'),
    admin: ownOnly('NOT_FOUND'),
    leader: { own: 'NOTICE_NOT_OWED', other: 'NOT_FOUND' },
    deptHead: { own: 'NOTICE_NOT_OWED', other: 'NOT_FOUND' },
    owner: 'NOTICE_NOT_OWED',
  },
  'notices.receipts': { member: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'notices.withdraw': { member: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'notices.correct': { member: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  // Emergencies: started by an admin, the leader or the head of the group's department (own: 市场部工作群).
  'emergencies.form': { admin: ownOnly('FORBIDDEN'), leader: ownOnly('FORBIDDEN'), deptHead: ownOnly('FORBIDDEN'), owner: 'FORBIDDEN' },
  'emergencies.start': { admin: ownOnly('FORBIDDEN'), leader: ownOnly('FORBIDDEN'), deptHead: ownOnly('FORBIDDEN'), owner: 'FORBIDDEN' },
  // Own: the member caller has a task; every member of the group may read the emergency, only assignees act on it.
  'emergencies.acknowledge': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  'emergencies.progress': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  // Own: the admin caller started it; only the starter directs the work.
  'emergencies.reassign': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  'emergencies.assign': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  'emergencies.close': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  // Who was reached: the starter, and the group's admins and leaders.
  'emergencies.reach': { admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
  'emergencies.active': { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  // Feedback: a member writes in their own group; own is 黄磊's anonymous feedback (the member caller's for followUp and resolve).
  'feedback.form': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: ownOnly('NOT_MEMBER'), deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'feedback.submit': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'feedback.similar': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), leader: 'NOT_MEMBER', deptHead: ownOnly('NOT_MEMBER'), owner: 'NOT_MEMBER' },
  'feedback.second': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: ownOnly('NOT_FOUND'), owner: 'FORBIDDEN' },
  'feedback.forward': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'feedback.answer': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'feedback.followUp': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  'feedback.resolve': { member: ownOnly('NOT_FOUND'), admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
};

/** tasks.confirm on the task kinds its row (onboard tasks) does not cover; outside the 854 cells. */
const TASK_ROWS: Record<TaskVariant, Row> = {
  // The member asked to fix their nickname does it by a rename request, not by confirming.
  naming_fix: { member: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: 'NOT_FOUND', owner: 'FORBIDDEN' },
  offboard: { member: 'NOT_FOUND', admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, deptHead: { own: 'FORBIDDEN', other: 'NOT_FOUND' }, owner: 'FORBIDDEN' },
};

/** inbox.decideMany answers ok with each case's result: the one case's, per caller and scope. */
const ITEM_EXPECTED: Partial<Record<Caller, Record<Scope, Outcome>>> = {
  admin: { own: 'ok', other: 'NOT_FOUND' },
  leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' },
};

/** The outcome a cell must have. */
function expected(action: ActionName, caller: Caller, scope: Scope, row: Row = EXPECTED[action]): Outcome {
  const unboundAllowed = UNBOUND_ACTIONS.includes(action);
  const cell = row[caller];
  if (!unboundAllowed && caller === 'unbound') return 'NOT_BOUND';
  if (!unboundAllowed && caller === 'offboarded') return 'OFFBOARDED';
  const gate = unboundAllowed || (actions[action].roles as readonly Role[]).some((r) => CALLERS[caller].roles.includes(r));
  if (!gate) {
    if (cell !== undefined) throw new Error(`${action}: ${caller} is declared but the contract refuses that role`);
    return 'FORBIDDEN';
  }
  if (cell === undefined) throw new Error(`${action}: no expectation declared for ${caller}`);
  return typeof cell === 'string' ? cell : cell[scope];
}

const cells = ACTION_NAMES.flatMap((action) => CALLER_NAMES.flatMap((caller) => (['own', 'other'] as Scope[]).map((scope) => [action, caller, scope] as const)));

let exact = 0;
for (const [a, c, s] of cells) if (expected(a, c, s)) exact++;
afterAll(() =>
  console.log(
    `authorization matrix: ${cells.length} cells (${ACTION_NAMES.length} actions × ${CALLER_NAMES.length} callers × 2 scopes), ` +
      `${exact} of ${cells.length} with an exact expected outcome, ${Object.keys(EXPECTED).length} of ${ACTION_NAMES.length} actions declared`,
  ),
);

it('should declare a row for every action in the contract, and only those', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...ACTION_NAMES].sort());
  expect(exact).toBe(ACTION_NAMES.length * CALLER_NAMES.length * 2);
});

it('should name a success caller whose own-scope cell is ok', () => {
  for (const a of ACTION_NAMES) expect([a, expected(a, SUCCESS_CALLER[a], 'own')]).toEqual([a, 'ok']);
});

it.each(cells)('%s as %s in the %s group', async (action, caller, scope) => {
  const f = await buildFixture(action);
  const probe = instrumentStore(f.w.store);
  f.w.deps.store = probe.store;
  const r = await dispatch(f.w.deps, { action, data: inputFor(action, caller, scope, f) }, CALLERS[caller].openid);
  expect(r.ok ? 'ok' : r.code).toBe(expected(action, caller, scope));
  if (!r.ok) {
    expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(probe.counts().writes).toBe(0);
  }
  // Answering ok is not the same as reaching the other scope's target.
  if (r.ok && action === 'notifications.read') expect(r.data).toEqual({ updated: scope === 'own' ? 1 : 0 });
  if (r.ok && action === 'inbox.decideMany') {
    const [item] = (r.data as BatchResult).items;
    expect(item.ok ? 'ok' : item.code).toBe(ITEM_EXPECTED[caller]?.[scope]);
    if (!item.ok) expect(probe.counts().writes).toBe(0);
  }
  if (r.ok && action === 'groups.enter') {
    const seen = (r.data as { group: { id: string } | null }).group?.id ?? null;
    expect(seen).toBe(scope === 'own' ? 'g_market' : caller === 'owner' ? 'g_other' : null);
  }
});

describe('tasks.confirm on every task kind', () => {
  const variantCells = (Object.keys(TASK_VARIANTS) as TaskVariant[]).flatMap((v) => CALLER_NAMES.flatMap((caller) => (['own', 'other'] as Scope[]).map((scope) => [v, caller, scope] as const)));
  it.each(variantCells)('%s task as %s in the %s group', async (variant, caller, scope) => {
    const f = await buildFixture('tasks.confirm', variant);
    const probe = instrumentStore(f.w.store);
    f.w.deps.store = probe.store;
    const r = await dispatch(f.w.deps, { action: 'tasks.confirm', data: inputFor('tasks.confirm', caller, scope, f) }, CALLERS[caller].openid);
    expect(r.ok ? 'ok' : r.code).toBe(expected('tasks.confirm', caller, scope, TASK_ROWS[variant]));
    if (!r.ok) expect(probe.counts().writes).toBe(0);
  });
});

describe('successCall', () => {
  it.each(ACTION_NAMES)('should give %s a caller and input that succeed', async (action) => {
    const { w, personId, openid, data } = await successCall(action);
    const r = await dispatch(w.deps, { action, data }, openid);
    expect(r.ok ? 'ok' : `${r.code} ${r.message}`).toBe('ok');
    if (!UNBOUND_ACTIONS.includes(action)) expect(openid).toBe(CALLERS[SUCCESS_CALLER[action]].openid);
    expect(personId).toMatch(/^p_/);
  });
});
