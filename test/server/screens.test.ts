// One call per screen (issue 20): home.load, inbox.load and me.load answer what 首页, 待办 and 我的
// show — the same as the separate actions those screens used to call — for a member, an admin and a
// leader, within the round-trip budget of any action.
import { instrumentStore, type InstrumentedStore } from '../support/instrumented-store';
import { fileMarketRename, makeWorld, requestId, type World } from './harness';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const publishNotice = () =>
  w.okCall('p_wangqiang', 'notices.publish', {
    groupIds: ['g_market'],
    kind: 'important',
    title: '关于召开季度总结会的通知',
    body: '各位同事：12月5日（周五）下午三点在三楼会议室召开季度总结会，请准时参加。',
    requestId: requestId(),
  });
const startEmergency = () =>
  w.okCall('p_liuyang', 'emergencies.start', {
    groupId: 'g_market',
    title: '客户现场投诉',
    description: '客户在展厅要求退款，情绪激动',
    respondWithinMinutes: 60,
    assignments: [{ personId: 'p_huanglei', task: '联系客户' }],
    requestId: requestId(),
  });

describe('home.load', () => {
  it('should give a member 首页 in one answer: who they are, their cases, notices to acknowledge, unread messages, emergencies', async () => {
    const rename = await fileMarketRename(w);
    const notice = await publishNotice();
    const emergency = await startEmergency();
    const home = await w.okCall('p_huanglei', 'home.load', {});
    // Each part as the action the screen used to call answers it.
    expect(home.me).toEqual(await w.okCall('p_huanglei', 'session.whoami', {}));
    expect(home.cases).toEqual(await w.okCall('p_huanglei', 'cases.mine', { limit: 20 }));
    expect(home.notices).toEqual(await w.okCall('p_huanglei', 'notices.list', { scope: 'mine', limit: 20 }));
    expect(home.emergencies).toEqual((await w.okCall('p_huanglei', 'emergencies.active', {})).items);
    expect(home.unread).toBe((await w.okCall('p_huanglei', 'notifications.list', { unreadOnly: true, limit: 1 })).unread);
    // What that is for 黄磊: his rename, the notice he owes, the emergency with his task, and the message with his task.
    expect(home.me.person.name).toBe('黄磊');
    expect(home.me.groups.find((g) => g.id === 'g_market')).toMatchObject({ nickname: '磊磊', compliant: false });
    expect(home.cases.items.map((c) => c.id)).toContain(rename.id);
    expect(home.notices).toMatchObject({ pending: 1, items: [{ id: notice.id }] });
    expect(home.emergencies.map((e) => e.id)).toEqual([emergency.id]);
    expect(home.unread).toBeGreaterThan(0);
  });

  it('should drop an acknowledged notice from 首页', async () => {
    const notice = await publishNotice();
    expect((await w.okCall('p_huanglei', 'home.load', {})).notices.pending).toBe(1);
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: notice.id });
    expect((await w.okCall('p_huanglei', 'home.load', {})).notices).toMatchObject({ pending: 0, items: [] });
  });

  it('should show an admin and a leader their own 首页: groups in their roles, the emergency they started or lead', async () => {
    const emergency = await startEmergency();
    const admin = await w.okCall('p_liuyang', 'home.load', {});
    expect(admin.me.groups.map((g) => [g.id, g.roles])).toEqual([['g_market', ['member', 'admin']]]);
    expect(admin.emergencies.map((e) => e.id)).toEqual([emergency.id]);
    const leader = await w.okCall('p_chengang', 'home.load', {});
    expect(leader.me.roles).toContain('leader');
    expect(leader.me.groups.map((g) => g.id).sort()).toEqual(['g_market', 'g_projecta']);
    expect(leader.emergencies.map((e) => e.id)).toEqual([emergency.id]);
    // Nobody in 项目A群 only sees it.
    expect((await w.okCall('p_zhoujie', 'home.load', {})).emergencies).toEqual([]);
  });
});

describe('inbox.load', () => {
  it('should give an admin their roles and the first page of 待办, as inbox.list answers it', async () => {
    const rename = await fileMarketRename(w);
    const screen = await w.okCall('p_liuyang', 'inbox.load', {});
    expect(screen.roles).toContain('admin');
    expect(screen.inbox).toEqual(await w.okCall('p_liuyang', 'inbox.list', { limit: 20 }));
    expect(screen.inbox!.items.map((c) => c.id)).toEqual([rename.id]);
    expect(screen.inbox!.total).toBe(1);
  });

  it('should answer a member only with no 待办 at all, rather than refusing', async () => {
    await fileMarketRename(w);
    expect(await w.okCall('p_huanglei', 'inbox.load', {})).toEqual({ roles: ['member'], inbox: null });
    // inbox.list itself still refuses them.
    expect(await w.call('p_huanglei', 'inbox.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should give a leader an empty 待办 while nothing waits on them', async () => {
    const screen = await w.okCall('p_chengang', 'inbox.load', {});
    expect(screen.roles).toContain('leader');
    expect(screen.inbox).toMatchObject({ items: [], total: 0 });
  });
});

describe('me.load', () => {
  it('should give 我的 who I am with my roles and grants, and my unread messages', async () => {
    await fileMarketRename(w);
    for (const who of ['p_huanglei', 'p_liuyang', 'p_chengang']) {
      const me = await w.okCall(who, 'me.load', {});
      expect(me.me).toEqual(await w.okCall(who, 'session.whoami', {}));
      expect(me.unread).toBe((await w.okCall(who, 'notifications.list', { unreadOnly: true, limit: 1 })).unread);
    }
    // 刘洋 was told of the new request; his roles open 待办 and the backups on 我的.
    const admin = await w.okCall('p_liuyang', 'me.load', {});
    expect(admin.unread).toBe(1);
    expect(admin.me.roles).toEqual(expect.arrayContaining(['member', 'admin']));
  });
});

describe('round trips of a screen', () => {
  let probe: InstrumentedStore;
  beforeEach(async () => {
    w = await makeWorld({
      wrapStore: (s) => {
        probe = instrumentStore(s);
        return probe.store;
      },
    });
    await fileMarketRename(w);
    await publishNotice();
    await startEmergency();
  });

  it.each([
    ['home.load', 'p_huanglei', ['getActor', 'getScreen']],
    ['me.load', 'p_liuyang', ['getActor', 'getScreen']],
    ['inbox.load', 'p_liuyang', ['getActor', 'getScreen']],
    ['cases.get', 'p_huanglei', ['getActor', 'getScreen']],
  ] as const)('should open %s as %s with the actor and one batched read (the directory from the cache)', async (action, who, methods) => {
    const input = action === 'cases.get' ? { caseId: (await w.okCall('p_huanglei', 'home.load', {})).cases.items[0].id } : {};
    // Warm, as the bench measures: the instance has served this caller just before.
    await w.okCall(who, action, input as never);
    probe.reset();
    await w.okCall(who, action, input as never);
    const c = probe.counts();
    expect(c.writes).toBe(0);
    expect(Object.keys(c.byMethod).sort()).toEqual([...methods].sort());
    expect(c.reads).toBe(2);
  });
});
