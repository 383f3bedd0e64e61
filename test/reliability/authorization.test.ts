// The authorization matrix, generated from the contract: every action × every kind of caller ×
// their own group / another group. Unbound and offboarded callers are refused; a caller lacking every
// role the contract names gets FORBIDDEN; every refused cell writes nothing. Where an action's row is
// declared below, each remaining cell must give exactly the declared outcome; for the others each
// remaining cell must answer with success or a closed code (their exact cells are pinned by the
// feature's own role matrix in test/server).
import { ACTION_NAMES, actions, ERROR_CODES, UNBOUND_ACTIONS, type ActionInput, type ActionName, type ErrorCode, type Role } from '../../src/contract';
import { dispatch } from '../../src/server/dispatch';
import { instrumentStore } from '../../src/server/instrumented-store';
import { demoOpenid } from '../../src/server/host/seed';
import { makeWorld, requestId, type World } from '../server/harness';
import { samples } from './samples';

type Caller = 'member' | 'admin' | 'leader' | 'deptHead' | 'owner' | 'unbound' | 'offboarded';
type Scope = 'own' | 'other';
type Outcome = 'ok' | ErrorCode;

// Who plays each caller in the demo organisation; "own" is 市场部工作群, "other" a group they have no part in.
const CALLERS: Record<Caller, { personId: string | null; openid: string; roles: Role[]; nickname?: string }> = {
  member: { personId: 'p_zhengshuang', openid: demoOpenid('p_zhengshuang'), roles: ['member'], nickname: '郑爽-市场部' },
  admin: { personId: 'p_liuyang', openid: demoOpenid('p_liuyang'), roles: ['member', 'admin'], nickname: '刘洋-市场部' },
  // Everyone bound to the organisation is a member, in a group or not.
  leader: { personId: 'p_chengang', openid: demoOpenid('p_chengang'), roles: ['member', 'leader'] },
  deptHead: { personId: 'p_wangqiang', openid: demoOpenid('p_wangqiang'), roles: ['member', 'deptHead'], nickname: '王强-市场部' },
  owner: { personId: 'p_zhaomin', openid: demoOpenid('p_zhaomin'), roles: ['member', 'deptHead', 'owner'] },
  unbound: { personId: null, openid: 'o_never_invited', roles: [] },
  offboarded: { personId: 'p_left', openid: demoOpenid('p_left'), roles: [] },
};

type Row = Partial<Record<Caller, Outcome | Record<Scope, Outcome>>>;
const both = (o: Outcome) => ({ own: o, other: o });
const ownOnly = (refusal: ErrorCode) => ({ own: 'ok' as Outcome, other: refusal });
const everyone: Row = { member: 'ok', admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' };

/** Cells that pass the contract's role gate; the rest are FORBIDDEN by construction. */
const EXPECTED: Partial<Record<ActionName, Row>> = {
  'session.whoami': everyone,
  'rename.preview': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), deptHead: ownOnly('NOT_MEMBER'), leader: both('NOT_MEMBER'), owner: both('NOT_MEMBER') },
  'rename.submit': { member: ownOnly('NOT_MEMBER'), admin: ownOnly('NOT_MEMBER'), deptHead: ownOnly('NOT_MEMBER'), leader: both('NOT_MEMBER'), owner: both('NOT_MEMBER') },
  'rename.withdraw': {
    member: ownOnly('NOT_FOUND'),
    admin: { own: 'FORBIDDEN', other: 'NOT_FOUND' },
    deptHead: both('NOT_FOUND'),
    leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' },
    owner: both('FORBIDDEN'),
  },
  'rename.approve': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'rename.reject': { admin: ownOnly('NOT_FOUND'), leader: { own: 'FORBIDDEN', other: 'NOT_FOUND' } },
  'cases.mine': everyone,
  'cases.get': { member: ownOnly('NOT_FOUND'), admin: ownOnly('NOT_FOUND'), leader: ownOnly('NOT_FOUND'), deptHead: both('NOT_FOUND'), owner: 'ok' },
  'inbox.list': { admin: 'ok', leader: 'ok', deptHead: 'ok', owner: 'ok' },
  'notifications.list': everyone,
  'notifications.read': everyone,
  'subscriptions.record': everyone,
  'settings.get': { owner: 'ok' },
  'settings.update': { owner: 'ok' },
};

interface Fixture {
  w: World;
  groups: Record<Scope, string>;
  /** A rename request by the member in the own group, and one by a stranger in the other group. */
  cases: Record<Scope, string>;
}

/** `ownFiler` files the own group's request: for rename.submit someone other than the caller, so the caller has none open. */
async function fixture(ownFiler: 'p_zhengshuang' | 'p_huanglei' = 'p_zhengshuang'): Promise<Fixture> {
  const w = await makeWorld();
  const { store } = w;
  const now = w.clock.t;
  await store.insertGroup({ _id: 'g_other', name: '其他部门群', type: 'exchange', deptId: 'd_admin', creatorId: 'p_o_admin', opengid: null, createdAt: now });
  for (const [id, name, roles] of [['p_o_admin', '钱进', ['member', 'admin']], ['p_o_member', '孔明', ['member']], ['p_o_leader', '冯远', ['leader']]] as const) {
    await store.insertPerson({ _id: id, openid: demoOpenid(id), name, deptId: 'd_admin', employeeNo: id, status: 'active', external: false, createdAt: now });
    await store.putMembership({ _id: `g_other:${id}`, groupId: 'g_other', personId: id, roles: [...roles], nickname: null, status: 'active', updatedAt: now });
  }
  await store.insertPerson({ _id: 'p_left', openid: demoOpenid('p_left'), name: '离职者', deptId: 'd_market', employeeNo: 'M999', status: 'left', external: false, createdAt: now });
  await store.putMembership({ _id: 'g_market:p_left', groupId: 'g_market', personId: 'p_left', roles: ['member', 'admin'], nickname: null, status: 'active', updatedAt: now });
  const own = await w.okCall(ownFiler, 'rename.submit', { groupId: 'g_market', nickname: ownFiler === 'p_huanglei' ? '黄磊-市场部' : '郑爽-市场部', requestId: requestId() });
  const other = await w.okCall('p_o_member', 'rename.submit', { groupId: 'g_other', nickname: '孔明-行政部', requestId: requestId() });
  return { w, groups: { own: 'g_market', other: 'g_other' }, cases: { own: own.id, other: other.id } };
}

function inputFor(action: ActionName, caller: Caller, scope: Scope, f: Fixture): ActionInput<ActionName> {
  const base = { ...(samples[action] as Record<string, unknown>) };
  if ('groupId' in base) base.groupId = f.groups[scope];
  if ('caseId' in base) base.caseId = f.cases[scope];
  if (action === 'rename.submit') base.nickname = (scope === 'own' && CALLERS[caller].nickname) || '某某-某部门';
  return base as ActionInput<ActionName>;
}

/** The outcome a cell must have; 'any' where only "success or a closed code, no write if refused" is pinned here. */
function expected(action: ActionName, caller: Caller, scope: Scope): Outcome | 'any' {
  const unboundAllowed = UNBOUND_ACTIONS.includes(action);
  if (caller === 'unbound') return unboundAllowed ? 'any' : 'NOT_BOUND';
  if (caller === 'offboarded') return unboundAllowed ? 'any' : 'OFFBOARDED';
  const row = EXPECTED[action];
  const gate = unboundAllowed || (actions[action].roles as readonly Role[]).some((r) => CALLERS[caller].roles.includes(r));
  const cell = row?.[caller];
  if (!gate) {
    if (cell !== undefined) throw new Error(`${action}: ${caller} is declared but the contract refuses that role`);
    return 'FORBIDDEN';
  }
  if (!row) return 'any';
  if (cell === undefined) throw new Error(`${action}: no expectation declared for ${caller}`);
  return typeof cell === 'string' ? cell : cell[scope];
}

const cells = ACTION_NAMES.flatMap((action) =>
  (Object.keys(CALLERS) as Caller[]).flatMap((caller) => (['own', 'other'] as Scope[]).map((scope) => [action, caller, scope] as const)),
);

const exact = cells.filter(([a, c, s]) => expected(a, c, s) !== 'any').length;
afterAll(() =>
  console.log(
    `authorization matrix: ${cells.length} cells (${ACTION_NAMES.length} actions × ${Object.keys(CALLERS).length} callers × 2 scopes), ` +
      `${exact} with an exact expected outcome, ${Object.keys(EXPECTED).length} actions fully declared`,
  ),
);

it('should declare rows only for actions in the contract', () => {
  for (const a of Object.keys(EXPECTED)) expect(ACTION_NAMES).toContain(a);
});

it.each(cells)('%s as %s in the %s group', async (action, caller, scope) => {
  const f = await fixture(action === 'rename.submit' ? 'p_huanglei' : 'p_zhengshuang');
  const probe = instrumentStore(f.w.store);
  f.w.deps.store = probe.store;
  const want = expected(action, caller, scope);
  const r = await dispatch(f.w.deps, { action, data: inputFor(action, caller, scope, f) }, CALLERS[caller].openid);
  if (want === 'any') {
    if (!r.ok) expect(ERROR_CODES).toContain(r.code);
  } else expect(r.ok ? 'ok' : r.code).toBe(want);
  if (!r.ok) {
    expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(probe.counts().writes).toBe(0);
  }
});
