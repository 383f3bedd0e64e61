// Changing any stored history entry is found by the verify routine, which names the case.
import fc from 'fast-check';
import type { Case, HistoryEntry } from '../../src/core/model';
import { verifyAudit } from '../../src/server/jobs/audit';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, type World } from '../server/harness';

let w: World;
let ids: string[];

beforeAll(async () => {
  w = await makeWorld();
  ids = [];
  for (let i = 0; i < 6; i++) {
    const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    ids.push(c.id);
    if (i % 3 === 0) await w.okCall('p_zhoujie', 'rename.approve', { caseId: c.id, note: '已核对' });
    if (i % 3 === 1) await w.okCall('p_sunli', 'rename.reject', { caseId: c.id, reason: '部门不对' });
    if (i % 3 === 2) {
      w.clock.t = c.dueAt! + 1;
      await runScheduler(w.deps);
      await w.okCall('p_machao', 'rename.withdraw', { caseId: c.id });
    }
  }
});

type Tamper = (h: HistoryEntry[]) => HistoryEntry[];
const edit = (i: number, patch: Partial<HistoryEntry>): Tamper => (h) => h.map((e, j) => (j === i % h.length ? { ...e, ...patch } : e));
const tampers = fc.oneof(
  fc.tuple(fc.nat(), fc.string({ minLength: 1 })).map(([i, note]) => ['note', edit(i, { note: `${note}（改）` })] as const),
  fc.tuple(fc.nat(), fc.constantFrom('p_liuyang', 'p_chengang', null)).map(([i, by]) => ['by', edit(i, { by })] as const),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 10 ** 9 })).map(([i, d]) => ['at', edit(i, { at: 1_700_000_000_000 + d })] as const),
  fc.tuple(fc.nat(), fc.constantFrom('approved', 'rejected', 'withdrawn')).map(([i, to]) => ['to', edit(i, { to, action: 'approve' })] as const),
  fc.nat().map((i) => ['delete', (h: HistoryEntry[]) => (h.length > 1 ? h.filter((_, j) => j !== i % h.length) : [])] as const),
  fc.constant(['reorder', (h: HistoryEntry[]) => [...h].reverse()] as const),
);

it('should report a clean trail as clean', async () => {
  const report = await verifyAudit(w.store);
  expect(report.problems).toEqual([]);
  // The renames, plus what the scheduler opened on its own (a backup falling due).
  expect(report.checked).toBeGreaterThanOrEqual(ids.length);
});

it('should name the case whose stored history was changed, for any change', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...ids), tampers, async (caseId, [label, tamper]) => {
      const original = (await w.store.getCase(caseId)) as Case;
      const changed = tamper(original.history);
      fc.pre(JSON.stringify(changed) !== JSON.stringify(original.history));
      expect(await w.store.updateCase({ ...original, history: changed }, original.version)).toBe(true);
      const report = await verifyAudit(w.store, 4);
      expect({ label, named: report.problems.map((p) => p.caseId) }).toEqual({ label, named: [caseId] });
      // Put it back for the next run.
      const now = (await w.store.getCase(caseId))!;
      await w.store.updateCase({ ...now, history: original.history }, now.version);
    }),
    { numRuns: 200 },
  );
  expect((await verifyAudit(w.store)).problems).toEqual([]);
});
