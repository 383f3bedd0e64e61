// Two people at once on what this issue added: the same stored file recorded by two callers, and two
// schedulers writing the day's checkpoint.
import { runScheduler } from '../../src/server/jobs';
import { uploadKey } from '../../src/server/reads/files';
import { makeWorld, requestId, T0 } from '../server/harness';

const TRIALS = 200;

it(`should bind a file to exactly one of two callers recording it at once, over ${TRIALS} trials`, async () => {
  const w = await makeWorld({ liftLimits: true });
  for (let i = 0; i < TRIALS; i++) {
    const fileId = w.files.save(Buffer.from(`会议纪要 ${i}`), { name: `${i}.txt`, contentType: 'text/plain', uploadedBy: 'p_zhoujie', uploadedAt: T0 });
    const [a, b] = await Promise.all([w.call('p_zhoujie', 'files.record', { fileId }), w.call('p_sunli', 'files.record', { fileId })]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    const [u] = await w.store.getUploads([uploadKey(fileId)]);
    expect(u.uploadedBy).toBe(a.ok ? 'p_zhoujie' : 'p_sunli');
  }
});

it(`should write one checkpoint a day, and tell the owner once, with two schedulers running at once, over ${TRIALS / 10} days`, async () => {
  const w = await makeWorld();
  for (let day = 1; day <= TRIALS / 10; day++) {
    const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    await w.okCall('p_machao', 'rename.withdraw', { caseId: c.id });
    w.clock.t = T0 + day * 86_400_000;
    const runs = await Promise.all([runScheduler(w.deps), runScheduler(w.deps)]);
    expect(runs.filter((r) => r.checkpoint)).toHaveLength(1);
  }
  const cps = await w.store.listCheckpoints();
  expect(cps.map((cp) => cp.seq)).toEqual(Array.from({ length: TRIALS / 10 }, (_, i) => i + 1));
  const told = (await w.store.listNotifications('p_zhaomin', { offset: 0, limit: 100 }, false)).items.filter((n) => n.title.startsWith('审计检查点'));
  expect(told).toHaveLength(TRIALS / 10);
  const { verifyAudit } = await import('../../src/server/jobs/audit');
  expect((await verifyAudit(w.store, w.deps.audit, { now: w.clock.t })).problems).toEqual([]);
});
