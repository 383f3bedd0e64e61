// The directory cache: repeated directory reads stay in memory for a few seconds, writes made
// through it are seen at once, and who-the-caller-is and cases are always read fresh.
import { openSqliteStore } from '../../src/server/adapters/sqlite';
import { cachedStore, DIRECTORY_TTL_MS } from '../../src/server/adapters/cached-store';
import { instrumentStore } from '../support/instrumented-store';
import { randomBytes } from 'node:crypto';
import { auditKeysFrom } from '../../src/server/cases/audit';
import { seedDemo } from '../../src/server/host/seed';
import { demoOpenid } from '../../src/server/host/seed';
import { T0 } from './harness';

async function setup() {
  const raw = openSqliteStore(':memory:');
  await seedDemo(raw, T0, auditKeysFrom({ 'test-1': randomBytes(32) }, 'test-1'));
  const probe = instrumentStore(raw);
  const clock = { t: 1_000_000 };
  const store = cachedStore(probe.store, { now: () => clock.t });
  probe.reset();
  return { raw, probe, clock, store };
}

it('should answer repeated directory reads from memory until the TTL runs out', async () => {
  const { probe, clock, store } = await setup();
  for (let i = 0; i < 3; i++) {
    await store.listRoster('g_market');
    await store.listDepartments();
    await store.getGroups(['g_market', 'g_projecta']);
    await store.listPeople();
    await store.listGroups();
    await store.listMemberships();
    await store.getPeople(['p_machao', 'p_wufang']);
    await store.getPerson('p_machao');
    // Came with the roster: the names a case view of the group asks for next.
    await store.getPeople(['p_huanglei', 'p_liuyang']);
  }
  expect(probe.counts().byMethod).toEqual({ listRoster: 1, listDepartments: 1, getGroups: 1, getPeople: 1, listPeople: 1, listGroups: 1, listMemberships: 1 });

  clock.t += DIRECTORY_TTL_MS;
  await store.listRoster('g_market');
  await store.getPeople(['p_machao']);
  expect(probe.counts().byMethod).toMatchObject({ listRoster: 2, getPeople: 2 });
});

it('should read only the people it does not hold', async () => {
  const { probe, store } = await setup();
  await store.getPeople(['p_huanglei']);
  const got = await store.getPeople(['p_huanglei', 'p_liuyang', 'p_nobody']);
  expect(got.map((p) => p._id).sort()).toEqual(['p_huanglei', 'p_liuyang']);
  expect(probe.counts().byMethod.getPeople).toBe(2);
  // A person not found is asked for again next time: they may be added any moment.
  await store.getPeople(['p_nobody']);
  expect(probe.counts().byMethod.getPeople).toBe(3);
});

it('should see its own writes at once: roster, nickname, person, department, group', async () => {
  const { store } = await setup();
  const nick = async () => (await store.listRoster('g_market')).find((r) => r.person._id === 'p_huanglei')!.membership.nickname;
  expect(await nick()).toBe('磊磊');
  expect(await store.setNickname('g_market', 'p_huanglei', '黄磊-市场部', T0)).toBe(true);
  expect(await nick()).toBe('黄磊-市场部');

  const before = (await store.listRoster('g_market')).length;
  const all = (await store.listMemberships()).length;
  await store.putMembership({ _id: 'g_market:p_machao', groupId: 'g_market', personId: 'p_machao', roles: ['member'], nickname: null, status: 'active', updatedAt: T0 });
  expect(await store.listRoster('g_market')).toHaveLength(before + 1);
  expect(await store.listMemberships()).toHaveLength(all + 1);
  await store.setMembershipRole('g_market', 'p_machao', 'admin', true, T0);
  expect((await store.listMemberships()).find((m) => m._id === 'g_market:p_machao')!.roles).toContain('admin');

  const p = (await store.getPerson('p_machao'))!;
  await store.updatePerson({ ...p, status: 'left', leftAt: T0 });
  expect((await store.getPerson('p_machao'))!.status).toBe('left');
  expect((await store.listRoster('g_market')).find((r) => r.person._id === 'p_machao')!.person.status).toBe('left');

  const n = (await store.listPeople()).length;
  await store.insertPerson({ _id: 'p_new', openid: null, name: '新人', deptId: 'd_market', employeeNo: 'M900', status: 'active', external: false, createdAt: T0 });
  expect(await store.listPeople()).toHaveLength(n + 1);
  const g = (await store.listGroups()).length;
  await store.insertGroup({ _id: 'g_new', name: '新群', type: 'project', deptId: 'd_market', creatorId: 'p_liuyang', opengid: null, createdAt: T0 });
  expect(await store.listGroups()).toHaveLength(g + 1);

  const d = (await store.listDepartments()).find((x) => x._id === 'd_market')!;
  await store.updateDepartment({ ...d, headId: 'p_huanglei' });
  expect((await store.listDepartments()).find((x) => x._id === 'd_market')!.headId).toBe('p_huanglei');

  await store.getGroups(['g_market']);
  await store.setGroupOpengid('g_market', 'og_new');
  expect((await store.getGroups(['g_market']))[0].opengid).toBe('og_new');
});

it('should keep a change made behind its back (another instance) for at most the TTL', async () => {
  const { raw, clock, store } = await setup();
  expect((await store.getGroups(['g_market']))[0].opengid).toBeNull();
  await raw.setGroupOpengid('g_market', 'og_elsewhere');
  expect((await store.getGroups(['g_market']))[0].opengid).toBeNull();
  clock.t += DIRECTORY_TTL_MS;
  expect((await store.getGroups(['g_market']))[0].opengid).toBe('og_elsewhere');
});

it('should never cache who the caller is, nor cases', async () => {
  const { raw, probe, store } = await setup();
  const a = await store.getActor(demoOpenid('p_huanglei'));
  expect(a!.memberships.some((m) => m.groupId === 'g_market' && m.status === 'active')).toBe(true);
  // Removed from the group on another instance: the very next call knows.
  await raw.putMembership({ ...a!.memberships.find((m) => m.groupId === 'g_market')!, status: 'left' });
  const b = await store.getActor(demoOpenid('p_huanglei'));
  expect(b!.memberships.find((m) => m.groupId === 'g_market')!.status).toBe('left');
  await store.getCase('c_any');
  await store.getCase('c_any');
  expect(probe.counts().byMethod).toMatchObject({ getActor: 2, getCase: 2 });
});

it('should hand out copies, so a caller changing one does not change the next answer', async () => {
  const { store } = await setup();
  (await store.listRoster('g_market'))[0].person.name = '改坏了';
  (await store.listDepartments())[0].name = '改坏了';
  (await store.getPeople(['p_huanglei']))[0].name = '改坏了';
  expect((await store.listRoster('g_market'))[0].person.name).not.toBe('改坏了');
  expect((await store.listDepartments())[0].name).not.toBe('改坏了');
  expect((await store.getPeople(['p_huanglei']))[0].name).toBe('黄磊');
});
