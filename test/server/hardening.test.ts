// Workflow gaps closed: a leaver refused from the write that records the departure, violation
// removal tasks with a deadline, citations frozen when made, hourly request limits, and the
// owner's audit.verify a page at a time.
import { createHash } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../src/contract';
import { runScheduler } from '../../src/server/jobs';
import { instrumentStore, type InstrumentedStore } from '../support/instrumented-store';
import { makeWorld, requestId, T0, viewAs, type World } from './harness';

const end = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`);
const titles = async (w: World, who: string) => (await w.store.listNotifications(who, { offset: 0, limit: 50 }, false)).items.map((n) => n.title);

describe('a leaver loses access in the write that records the departure', () => {
  it('should refuse the leaver while the departure\'s effect has not run, and the scheduler finish it', async () => {
    let probe!: InstrumentedStore;
    const w = await makeWorld({ wrapStore: (s) => (probe = instrumentStore(s)).store });
    // Warm: the leaver's session is open on this instance.
    expect(await w.call('p_huanglei', 'session.whoami', {})).toMatchObject({ ok: true });
    // The effect dies at its first write: the record is there, the person not yet marked left.
    probe.failNext('updatePerson');
    const dep = await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_huanglei', reason: '个人原因' });
    expect((await w.store.getPerson('p_huanglei'))!.status).toBe('active');
    expect((await w.store.getCase(dep.id))!.outbox.some((e) => 'effect' in e)).toBe(true);
    const before = w.footprint();
    for (const [action, data] of [
      ['session.whoami', {}],
      ['rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() }],
      ['records.request', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '带走资料', pledge: true, requestId: requestId() }],
    ] as const) {
      expect([action, await w.call('p_huanglei', action, data as never)]).toEqual([action, expect.objectContaining({ ok: false, code: 'OFFBOARDED' })]);
    }
    expect(w.footprint()).toEqual(before);
    await runScheduler(w.deps);
    expect((await w.store.getPerson('p_huanglei'))!.status).toBe('left');
    expect(await w.call('p_huanglei', 'session.whoami', {})).toMatchObject({ ok: false, code: 'OFFBOARDED' });
  });
});

describe('violation removal tasks have a deadline in working days', () => {
  it('should remind the admins when the removal is overdue, then alert the leader, until an admin confirms it', async () => {
    const w = await makeWorld();
    const c = await w.okCall('p_zhoujie', 'violation.open', {
      groupId: 'g_projecta', subjectId: 'p_machao', category: '人身攻击、诋毁、造谣', description: '在群里辱骂同事', evidence: [], severity: 'serious', step: 'removal', requestId: requestId(),
    });
    const task = viewAs(c, 'violation').data.task!;
    // Tuesday 10:00 + violation.removalDays (1 working day).
    expect(task).toMatchObject({ action: 'remove', status: 'pending', dueAt: end('2026-11-25') });
    w.clock.t = end('2026-11-25') + 60_000;
    await runScheduler(w.deps);
    expect(await titles(w, 'p_sunli')).toContain('移出群成员已超期');
    expect(await titles(w, 'p_chengang')).not.toContain('移出群成员超期未完成');
    // Reminded just after midnight on the 26th: one more working day, to the end of the 27th.
    expect((await w.store.getCase(c.id))!).toMatchObject({ state: 'vio_decided', dueAt: end('2026-11-27'), wakeAt: end('2026-11-27') });
    // Then both timers are due: the member's appeal period ends first, the leader is alerted on the next run.
    w.clock.t = end('2026-11-27') + 60_000;
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    expect(await titles(w, 'p_chengang')).toContain('移出群成员超期未完成');
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.history.map((h) => h.action)).toEqual(['decide', 'file', 'task_remind', 'finalize', 'task_escalate']);
    // Final, but open while the removal waits; nothing more is timed. Confirming it closes the case.
    expect(stored).toMatchObject({ state: 'vio_final', open: true, wakeAt: null });
    await w.okCall('p_sunli', 'violation.confirmTask', { caseId: c.id });
    expect((await w.store.getCase(c.id))!).toMatchObject({ open: false, wakeAt: null });
  });

  it('should take the deadline from the settings the case was opened under', async () => {
    const w = await makeWorld();
    await w.okCall('p_zhaomin', 'settings.update', { values: { ...DEFAULT_SETTINGS, violation: { ...DEFAULT_SETTINGS.violation, removalDays: 3 } }, expectedVersion: 1 });
    const c = await w.okCall('p_zhoujie', 'violation.open', {
      groupId: 'g_projecta', subjectId: 'p_machao', category: '人身攻击、诋毁、造谣', description: '在群里辱骂同事', evidence: [], severity: 'serious', step: 'removal', requestId: requestId(),
    });
    expect(viewAs(c, 'violation').data.task!.dueAt).toBe(end('2026-11-27'));
  });
});

describe('a citation of a backup is frozen into the case when it is made', () => {
  it('should keep citing the backup as it was, whatever later happens to the backup record', async () => {
    const w = await makeWorld();
    const bytes = Buffer.from('2026-10 项目A群 聊天记录导出\n'.repeat(20));
    const sha = createHash('sha256').update(bytes).digest('hex');
    const fileId = await w.upload('p_zhoujie', bytes, { name: 'chat.txt', contentType: 'text/plain' });
    const b = await w.okCall('p_zhoujie', 'backups.register', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId, requestId: requestId() });
    const c = await w.okCall('p_zhoujie', 'violation.open', {
      groupId: 'g_projecta', subjectId: 'p_machao', category: '人身攻击、诋毁、造谣', description: '在群里辱骂同事', evidence: [], backupIds: [b.id], severity: 'minor', step: 'warning', requestId: requestId(),
    });
    const cited = `来源：「项目A群」群聊记录（2026-10-01 至 2026-10-31），备份编号 ${b.id}，SHA-256 ${sha}`;
    expect(c.citations).toEqual([{ backupId: b.id, citation: cited }]);
    // In the sealed opening entry of the history itself.
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.history[0].changes!.citations).toEqual({ before: null, after: [expect.objectContaining({ backupId: b.id, from: '2026-10-01', to: '2026-10-31', sha256: sha, citation: cited })] });
    // The backup record changes afterwards (a different period and checksum written over it).
    const doc = (await w.store.getBackup(b.id))!;
    expect(await w.store.updateBackup({ ...doc, from: '2026-09-01', sha256: '0'.repeat(64) }, doc.version)).toBe(true);
    expect((await w.okCall('p_machao', 'cases.get', { caseId: c.id })).citations).toEqual([{ backupId: b.id, citation: cited }]);
  });
});

describe('hourly limits on new requests', () => {
  it('should refuse a new request of a kind past the limit, saying when to try again, writing nothing; other kinds and later hours go through', async () => {
    const w = await makeWorld();
    const ask = () => w.call('p_huanglei', 'records.request', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '核对记录', pledge: true, requestId: requestId() });
    for (let i = 0; i < DEFAULT_SETTINGS.limits.requestsPerHour; i++) {
      w.clock.t = T0 + i * 60_000;
      const r = await ask();
      if (!r.ok) throw new Error(r.code);
      await w.okCall('p_huanglei', 'records.withdraw', { caseId: r.data.id });
    }
    const before = w.footprint();
    const refused = await ask();
    expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (!refused.ok) expect(refused.message).toBe('操作过于频繁：每小时最多提交同类申请 10 次，请于 11:00 后再试');
    expect(w.footprint()).toEqual(before);
    // Another kind, and another person, are not held up.
    expect(await w.call('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() })).toMatchObject({ ok: true });
    expect(await w.call('p_zhengshuang', 'records.request', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '核对记录', pledge: true, requestId: requestId() })).toMatchObject({ ok: true });
    w.clock.t = T0 + 3_600_000 + 1;
    expect(await ask()).toMatchObject({ ok: true });
  });
});

describe('audit.verify (owner, 系统设置)', () => {
  it('should report a page at a time until done, name a tampered case, and check the fingerprint the owner kept', async () => {
    const w = await makeWorld();
    const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    w.clock.t += 86_400_000;
    const fp = (await runScheduler(w.deps)).checkpoint!;
    const all = async (fingerprint?: string) => {
      const pages = [];
      for (let cursor: string | undefined; ; ) {
        const r = await w.okCall('p_zhaomin', 'audit.verify', { ...(cursor ? { cursor } : {}), ...(fingerprint ? { fingerprint } : {}) });
        pages.push(r);
        if (!r.next) break;
        cursor = r.next;
      }
      return pages;
    };
    const clean = await all(fp);
    expect(clean.flatMap((p) => p.problems)).toEqual([]);
    expect(clean.reduce((n, p) => n + p.checked, 0)).toBeGreaterThanOrEqual(3);
    expect(clean[0].checkpoints).toEqual({ count: 1, latest: { seq: 1, at: w.clock.t, chains: expect.any(Number), fingerprint: fp } });

    const stored = (await w.store.getCase(c.id))!;
    await w.store.updateCase({ ...stored, history: stored.history.map((h) => ({ ...h, by: 'p_zhoujie' })) }, stored.version);
    expect((await all()).flatMap((p) => p.problems)).toEqual([{ scope: 'case', id: c.id, seq: 1, problem: expect.stringContaining('封印不符') }]);
    expect((await all('0000-0000-0000-0000')).flatMap((p) => p.problems.map((x) => x.scope))).toEqual(['checkpoint', 'case']);
  });
});

describe('exports carry the checkpoint fingerprints they cover', () => {
  it('should give the checkpoints written in the period and the first one after it', async () => {
    const { checkpointFingerprints } = await import('../../src/server/reads/audit');
    const w = await makeWorld();
    const fps: string[] = [];
    for (let day = 1; day <= 3; day++) {
      const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
      await w.okCall('p_machao', 'rename.withdraw', { caseId: c.id });
      w.clock.t = T0 + day * 86_400_000;
      fps.push((await runScheduler(w.deps)).checkpoint!);
    }
    const all = await w.store.listCheckpoints();
    const covering = await checkpointFingerprints(w.store, all[0].at, all[0].at + 1);
    expect(covering.map((c) => c.fingerprint)).toEqual([fps[0], fps[1]]);
    expect((await checkpointFingerprints(w.store, all[2].at + 1, all[2].at + 2)).map((c) => c.fingerprint)).toEqual([]);
  });
});

describe('the hourly limit rule', () => {
  it('should refuse once the last hour holds the limit, and name when the earliest of those leaves it', async () => {
    const { checkReminderLimit } = await import('../../src/server/limits');
    const limits = { ...DEFAULT_SETTINGS.limits, remindersPerHour: 3 };
    const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00+08:00`);
    expect(checkReminderLimit([at('09:00'), at('10:05'), at('10:20')], limits, at('10:30'))).toBeNull();
    const r = checkReminderLimit([at('09:00'), at('10:05'), at('10:20'), at('10:25')], limits, at('10:30'));
    expect(r).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '操作过于频繁：每小时最多发送催办提醒 3 次，请于 11:05 后再试' });
  });
});
