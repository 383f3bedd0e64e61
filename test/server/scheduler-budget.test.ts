// The scheduler within its function's timeout: WeChat kills a cloud function at its configured
// timeout (3 s when none is set), so a run starts nothing new once its budget is spent, ends
// cleanly, and the next run picks up exactly what is left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScheduler } from '../../src/server/jobs';
import { SCHEDULER_BUDGET_MS, timeBudget, type Budget } from '../../src/server/jobs/budget';
import type { Store } from '../../src/server/ports';
import { makeWorld, requestId, type World } from './harness';

const configOf = (fn: string) => JSON.parse(readFileSync(join(__dirname, '../../cloudfunctions', fn, 'config.json'), 'utf8')) as { timeout?: number };

describe('function timeouts', () => {
  it.each(['api', 'scheduler'])('should give the %s function a timeout between 20 and 60 seconds, not the 3 s default', (fn) => {
    expect(configOf(fn).timeout).toBeGreaterThanOrEqual(20);
    expect(configOf(fn).timeout).toBeLessThanOrEqual(60);
  });

  it('should stop the scheduler starting work at least 10 s before its function is killed', () => {
    expect(SCHEDULER_BUDGET_MS).toBeLessThanOrEqual((configOf('scheduler').timeout! - 10) * 1000);
  });

  it('should measure the budget in wall time from the start of the run', () => {
    let t = 1000;
    const b = timeBudget(45_000, () => t);
    expect(b.expired()).toBe(false);
    t += 44_999;
    expect(b.expired()).toBe(false);
    t += 1;
    expect(b.expired()).toBe(true);
  });
});

describe('a scheduler run that runs out of time', () => {
  let w: World;
  beforeEach(async () => {
    // Time runs out as soon as one timeout has been written: what a slow database would do.
    let writes = 0;
    budget = { expired: () => writes >= 1 };
    const countWrites = (s: Store): Store =>
      new Proxy(s, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (prop !== 'updateCase' || typeof v !== 'function') return v;
          return async (...args: unknown[]) => {
            const r = await (v as (...a: unknown[]) => Promise<boolean>).apply(target, args);
            if (r) writes++;
            return r;
          };
        },
      });
    w = await makeWorld({ wrapStore: countWrites });
  });
  let budget: Budget;

  /** Three members each file a rename; nobody decides. */
  async function threeOverdueRenames() {
    const filed = [];
    for (const [who, groupId] of [
      ['p_huanglei', 'g_market'],
      ['p_hejing', 'g_market'],
      ['p_machao', 'g_projecta'],
    ] as const) {
      const { canonical } = await w.okCall(who, 'rename.preview', { groupId });
      filed.push(await w.okCall(who, 'rename.submit', { groupId, nickname: canonical, requestId: requestId() }));
    }
    w.clock.t = Math.max(...filed.map((c) => c.dueAt!)) + 60_000;
    return filed;
  }

  it('should stop after the step it was taking, and leave the rest due for the next run', async () => {
    const filed = await threeOverdueRenames();
    const first = await runScheduler(w.deps, budget);
    expect(first.timeouts).toBe(1);
    const actions = async () => Promise.all(filed.map(async (c) => (await w.store.getCase(c.id))!.history.map((h) => h.action)));
    expect((await actions()).filter((a) => a.includes('remind'))).toHaveLength(1);

    // The next run (five minutes later) has its own budget and finishes the job, once each.
    w.clock.t += 5 * 60_000;
    const second = await runScheduler(w.deps);
    expect(second.timeouts).toBe(2);
    expect(await actions()).toEqual(filed.map(() => ['submit', 'remind']));
    expect((await runScheduler(w.deps)).timeouts).toBe(0);
  });
});

describe('the sweeps on a timer that runs every minute', () => {
  it('should read every group and every upload only in the first minute of an hour', async () => {
    const { sweepsDue } = await import('../../src/server/jobs');
    expect(sweepsDue(Date.parse('2026-11-24T10:00:30+08:00'))).toBe(true);
    expect(sweepsDue(Date.parse('2026-11-24T10:01:00+08:00'))).toBe(false);
    expect(sweepsDue(Date.parse('2026-11-24T10:59:59+08:00'))).toBe(false);
    const { instrumentStore } = await import('../support/instrumented-store');
    const w = await makeWorld();
    const probe = instrumentStore(w.store);
    w.deps.store = probe.store;
    await runScheduler(w.deps, undefined, { sweeps: false });
    expect(probe.counts().byMethod.listBackups ?? 0).toBe(0);
    expect(probe.counts().byMethod.listGroups ?? 0).toBe(0);
    probe.reset();
    await runScheduler(w.deps, undefined, { sweeps: true });
    expect(probe.counts().byMethod.listBackups ?? 0).toBeGreaterThan(0);
  });
});
