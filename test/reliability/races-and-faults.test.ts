// Concurrency and failure: one decision per case however many decide at once, each timeout once
// however many schedulers run, and every notification delivered exactly once through any fault.
import { runScheduler } from '../../src/server/jobs';
import { instrumentStore, type InstrumentedStore } from '../support/instrumented-store';
import { makeWorld, requestId, type World } from '../server/harness';

const TRIALS = 1_000;
let w: World;
let probe: InstrumentedStore;

beforeEach(async () => {
  // Hundreds of requests by one member at one moment: the hourly request limit is not what is tested here.
  w = await makeWorld({ liftLimits: true });
  probe = instrumentStore(w.store);
  w.deps.store = probe.store;
});

const TERMINAL = new Set(['approve', 'reject', 'withdraw']);

describe('races', () => {
  it(`should settle every rename to exactly one decision over ${TRIALS} trials of concurrent deciders`, async () => {
    let contested = 0;
    for (let i = 0; i < TRIALS; i++) {
      const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
      probe.reset();
      const results = await Promise.all([
        w.call('p_zhoujie', 'rename.approve', { caseId: c.id }),
        w.call('p_sunli', 'rename.reject', { caseId: c.id, reason: '请核对' }),
        w.call('p_machao', 'rename.withdraw', { caseId: c.id }),
        w.call('p_sunli', 'rename.approve', { caseId: c.id }),
      ]);
      if ((probe.counts().byMethod.getCase ?? 0) > 4) contested++;
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(['CASE_ALREADY_DECIDED', 'CASE_NOT_OPEN', 'FORBIDDEN']).toContain(r.code);
      const stored = (await w.store.getCase(c.id))!;
      expect(stored.history.filter((h) => TERMINAL.has(h.action))).toHaveLength(1);
    }
    // The trials really raced: losers had to reload after a version conflict.
    expect(contested).toBeGreaterThan(TRIALS / 2);
  });

  it('should apply each timeout exactly once with two schedulers running at the same time', async () => {
    const filed = [];
    for (const [who, group, nick] of [
      ['p_machao', 'g_projecta', '马超-技术部'],
      ['p_huanglei', 'g_market', '黄磊-市场部'],
      ['p_zhangwei_m', 'g_projecta', '张伟-市场部-1024'],
      ['p_hejing', 'g_market', '何静-行政部'],
      ['p_zhangwei_m', 'g_market', '张伟-市场部'],
    ] as const) {
      filed.push(await w.okCall(who, 'rename.submit', { groupId: group, nickname: nick, requestId: requestId() }));
    }
    w.clock.t = Math.max(...filed.map((c) => c.dueAt!)) + 1;
    for (let round = 0; round < 50; round++) await Promise.all([runScheduler(w.deps), runScheduler(w.deps)]);
    for (const c of filed) {
      const stored = (await w.store.getCase(c.id))!;
      expect(stored.history.filter((h) => h.action === 'remind')).toHaveLength(1);
      expect(stored.outbox).toHaveLength(0);
    }
    const reminders = (await w.okCall('p_zhoujie', 'notifications.list', { limit: 50 })).items.filter((n) => n.title === '改名申请已超期');
    expect(reminders).toHaveLength(2);
  });
});

describe('faults', () => {
  async function notificationsOf(personId: string) {
    return (await w.okCall(personId, 'notifications.list', { limit: 50 })).items;
  }

  it('should bring the roster in line on the next scheduler run when its write fails after an approval', async () => {
    const c = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    const nickname = async () => (await w.store.listMembershipsOfPerson('p_huanglei')).find((m) => m.groupId === 'g_market')!.nickname;
    // The approval is saved; the roster write that follows it fails (a crash at that point looks the same).
    probe.failNext('setNickname');
    expect(await w.okCall('p_liuyang', 'rename.approve', { caseId: c.id })).toMatchObject({ state: 'approved' });
    expect(await nickname()).toBe('磊磊');
    expect((await w.store.getCase(c.id))!.outbox.some((e) => 'effect' in e && e.effect.type === 'setNickname')).toBe(true);
    await runScheduler(w.deps);
    expect(await nickname()).toBe('黄磊-市场部');
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(0);
    // The member heard of the approval once, however the roster write went.
    expect((await notificationsOf('p_huanglei')).filter((n) => n.caseId === c.id)).toHaveLength(1);
  });

  it('should make an appointed admin on the next scheduler run when the role write fails after the filing', async () => {
    const roles = async () => (await w.store.listMembershipsOfPerson('p_zhengshuang')).find((m) => m.groupId === 'g_market')!.roles;
    probe.failNext('setMembershipRole');
    const filed = await w.okCall('p_wangqiang', 'admins.appoint', { groupId: 'g_market', personId: 'p_zhengshuang' });
    expect(await roles()).not.toContain('admin');
    await runScheduler(w.deps);
    expect(await roles()).toContain('admin');
    expect((await w.store.getCase(filed.id))!.outbox).toHaveLength(0);
    // Applied once more by a second run, it changes nothing.
    await runScheduler(w.deps);
    expect((await roles()).filter((r) => r === 'admin')).toHaveLength(1);
  });

  it('should deliver once when the store fails right after the case write', async () => {
    probe.failNext('insertNotification');
    const c = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    expect(c.state).toBe('submitted');
    expect(await notificationsOf('p_liuyang')).toHaveLength(0);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(1);
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    expect((await notificationsOf('p_liuyang')).map((n) => n.caseId)).toEqual([c.id]);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(0);
  });

  it('should deliver once when the process dies between delivering and clearing the outbox', async () => {
    // The notification is written, then the outbox clean-up write never happens (the submit is an insert).
    probe.failNext('setOutbox');
    const c = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    expect(await notificationsOf('p_liuyang')).toHaveLength(1);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(1);
    await runScheduler(w.deps);
    expect(await notificationsOf('p_liuyang')).toHaveLength(1);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(0);
  });

  it('should push once when the notifier and then the grant store fail', async () => {
    await w.okCall('p_liuyang', 'subscriptions.record', { results: { TPL_NEW_TASK: 'accept' } });
    w.notifier.mode = 'throw';
    const c = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    w.notifier.mode = 'ok';
    probe.failNext('takeGrant');
    await runScheduler(w.deps);
    expect(w.notifier.sent).toHaveLength(0);
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    expect(w.notifier.sent).toHaveLength(1);
    const mine = await notificationsOf('p_liuyang');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId: c.id, push: 'sent' });
  });
});
