// 代理 copies raced: two scheduler runs overlap (a timer run outlasting its minute) on an overdue case
// waiting on 周杰, whose delegate is 孙丽. One run writes the reminder and delivers its outbox while the
// other's outbox retry delivers the same outbox: each person is told once, 孙丽 as 代周杰, and the
// outbox ends empty.
import { demoOpenid } from '../../src/server/host/seed';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from '../server/harness';

const TRIALS = 60;
const MIN = 60_000;

/** A rename waiting on 周杰 and 陈刚 (孙丽 handed her part over), 周杰 away with 孙丽 standing in: each granted several pushes. */
async function overdueWithDelegate(): Promise<{ w: World; caseId: string }> {
  const w = await makeWorld();
  const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_projecta', nickname: '黄磊-市场部', requestId: requestId() });
  await w.okCall('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
  await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + 30 * 86_400_000 });
  for (const who of ['p_zhoujie', 'p_sunli']) for (let i = 0; i < 3; i++) await w.okCall(who, 'subscriptions.record', { results: { TPL_REMINDER: 'accept' } });
  w.clock.t = filed.dueAt! + MIN;
  return { w, caseId: filed.id };
}

describe('races on delegate messages', () => {
  it(`should tell the delegate once when two scheduler runs deliver the same reminder, over ${TRIALS} trials`, async () => {
    let contested = 0;
    for (let i = 0; i < TRIALS; i++) {
      const { w, caseId } = await overdueWithDelegate();
      // The second run starts a few steps later each trial, so it meets the first at different points.
      const lag = async () => {
        for (let k = 0; k < i % 20; k++) await Promise.resolve();
        return runScheduler(w.deps, undefined, { sweeps: false });
      };
      const [a, b] = await Promise.all([runScheduler(w.deps, undefined, { sweeps: false }), lag()]);
      if (a.dispatched + b.dispatched > 0) contested++;
      const stored = (await w.store.getCase(caseId))!;
      expect(stored.history.filter((h) => h.action === 'remind')).toHaveLength(1);
      expect(stored.outbox).toEqual([]);
      const told = async (who: string) => (await w.okCall(who, 'notifications.list', { limit: 50 })).items.filter((n) => n.caseId === caseId && n.title !== '新的改名申请').map((n) => n.title);
      expect(await told('p_zhoujie')).toEqual(['改名申请已超期']);
      expect(await told('p_sunli')).toEqual(['代周杰：改名申请已超期']);
      // Pushed at most once each, whichever run got there (never twice for one message).
      for (const who of ['p_zhoujie', 'p_sunli']) expect(w.notifier.sent.filter((m) => m.touser === demoOpenid(who)).length).toBeLessThanOrEqual(1);
      w.store.close();
    }
    expect(contested).toBeGreaterThan(TRIALS / 4);
  });
});
