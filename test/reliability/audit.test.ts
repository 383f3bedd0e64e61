// The audit trail against someone who can write the database but does not hold the deployment key:
// every attack is made on the stored data as such a person would (the public code at hand), and the
// verify routine must name the case (or backup, export record, or checkpoint) and the entry.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { ExportResult } from '../../src/contract';
import type { Case, CheckpointDoc, ExportDoc, HistoryEntry } from '../../src/core/model';
import { openSqliteStore } from '../../src/server/adapters/sqlite';
import { auditKeysFrom, fingerprintOf, merkleRoot, sealHistory, sealValue, stableJson } from '../../src/server/cases/audit';
import { loadAuditKeys, loadOrCreateAuditKeys, rotateAuditKey } from '../../src/server/host/audit-keys';
import { seedDemo } from '../../src/server/host/seed';
import { runScheduler } from '../../src/server/jobs';
import { verifyAudit, type AuditProblem } from '../../src/server/jobs/audit';
import { checkpointSealed, runCheckpoint } from '../../src/server/jobs/checkpoints';
import { exportIdOf, sealExport } from '../../src/server/reads/exports';
import type { Deps } from '../../src/server/ports';
import { makeWorld, requestId, T0, type World } from '../server/harness';

const DAY = 86_400_000;
const ROOT = resolve(__dirname, '../..');
let w: World;
let ids: string[];

/** Six renames through every ending, then a day later the scheduler's checkpoint of all of them. */
async function world(): Promise<{ w: World; ids: string[] }> {
  const w = await makeWorld();
  const ids: string[] = [];
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
  w.clock.t += DAY;
  const r = await runScheduler(w.deps);
  expect(r.checkpoint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
  return { w, ids };
}

const verify = (opts: { fingerprint?: string } = {}) => verifyAudit(w.store, w.deps.audit, { now: w.clock.t, pageSize: 4, ...opts });
const named = (ps: AuditProblem[]) => ps.map((p) => `${p.scope}:${p.id}`);

/** Replace a stored case as an attacker with database access would: no version check, no key. */
async function overwrite(c: Case) {
  const now = (await w.store.getCase(c._id))!;
  expect(await w.store.updateCase(c, now.version)).toBe(true);
}

/** The seal as the old public code computed it (plain SHA-256 over the case id and the entry). */
function publicReseal(caseId: string, history: HistoryEntry[]): HistoryEntry[] {
  let prev = history[0]?.prevHash ?? '0'.repeat(64);
  return history.map((e) => {
    const { hash: _h, ...body } = { ...e, prevHash: prev };
    const hash = createHash('sha256').update(caseId).update('\n').update(stableJson(body)).digest('hex');
    prev = hash;
    return { ...body, hash };
  });
}

beforeAll(async () => {
  ({ w, ids } = await world());
});

it('should report a clean trail as clean, with the checkpoint it was anchored by', async () => {
  const report = await verify();
  expect(report.problems).toEqual([]);
  // The renames, the seeded cases and backup, and what the scheduler opened on its own.
  expect(report.checked).toBeGreaterThanOrEqual(ids.length + 2);
  // One for each day the scheduler ran on; every rename is under one of them.
  expect(report.checkpoints.count).toBeGreaterThanOrEqual(1);
  const anchored = (await w.store.listCheckpoints()).flatMap((cp) => cp.heads.map(([chain]) => chain));
  expect(anchored).toEqual(expect.arrayContaining(ids.map((id) => `case:${id}`)));
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
  // Edited, then every seal recomputed with the public code: without the key that is no seal at all.
  fc.tuple(fc.nat(), fc.string({ minLength: 1 })).map(([i, note]) => ['edit+public reseal', (h: HistoryEntry[]) => publicReseal('?', edit(i, { note })(h))] as const),
  // Edited, then re-sealed with a key the attacker made up and named like ours.
  fc.tuple(fc.nat(), fc.string({ minLength: 1 })).map(
    ([i, note]) => ['edit+forged key', (h: HistoryEntry[]) => sealHistory(auditKeysFrom({ 'test-1': randomBytes(32) }, 'test-1'), { _id: 'x', history: edit(i, { note, hash: '' })(h).map((e, j) => (j >= i % h.length ? { ...e, hash: '' } : e)) }).history] as const,
  ),
);

it('should name the case whose stored history was changed, for any change, resealed or not', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...ids), tampers, async (caseId, [label, tamper]) => {
      const original = (await w.store.getCase(caseId)) as Case;
      const changed = tamper(original.history);
      fc.pre(JSON.stringify(changed) !== JSON.stringify(original.history));
      await overwrite({ ...original, history: changed });
      const report = await verify();
      expect({ label, named: named(report.problems) }).toEqual({ label, named: [`case:${caseId}`] });
      await overwrite({ ...(await w.store.getCase(caseId))!, history: original.history });
    }),
    { numRuns: 150 },
  );
  expect((await verify()).problems).toEqual([]);
});

describe('attacks a chain alone cannot show, caught by the checkpoints', () => {
  beforeEach(async () => {
    ({ w, ids } = await world());
  });

  it('should catch entries cut off the end with the case set back to its earlier state', async () => {
    const id = ids[0];
    const approved = (await w.store.getCase(id))!;
    // Back to "submitted": history cut to its first entry, and the case made to match it.
    const first = approved.history[0];
    await overwrite({ ...approved, history: [first], state: first.to, open: true, updatedAt: first.at, dueAt: first.dueAt, data: { ...approved.data } });
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'case', id, seq: approved.history.length })]);
    expect(report.problems[0].problem).toContain('被截断');
  });

  it('should catch a case deleted outright after a checkpoint recorded it', async () => {
    w.store.db.prepare('DELETE FROM cases WHERE _id = ?').run(ids[1]);
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'case', id: ids[1], seq: null })]);
    expect(report.problems[0].problem).toContain('删除');
  });

  it('should catch a history copied from another case, naming where it came from', async () => {
    const [target, source] = [ids[1], ids[0]];
    const from = (await w.store.getCase(source))!;
    const to = (await w.store.getCase(target))!;
    // The rejected request made to look approved: the approved one's whole history and state.
    await overwrite({ ...to, history: from.history, state: from.state, updatedAt: from.updatedAt, data: { ...to.data } });
    const report = await verify();
    expect(named(report.problems)).toEqual([`case:${target}`]);
    expect(report.problems[0]).toMatchObject({ seq: 1 });
    expect(report.problems[0].problem).toContain(`复制`);
    expect(report.problems[0].problem).toContain(source);
  });

  it('should catch an edited checkpoint, a deleted one, and a deleted newest one against the fingerprint the owner kept', async () => {
    // A second day's change and checkpoint.
    await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    w.clock.t += DAY;
    const fp2 = (await runScheduler(w.deps)).checkpoint!;
    const [cp1, cp2] = (await w.store.listCheckpoints()).slice(-2);
    expect(cp2.prev).toBe(cp1.seal);
    const put = (cp: CheckpointDoc) => w.store.db.prepare('UPDATE audit_checkpoints SET doc = ? WHERE _id = ?').run(JSON.stringify(cp), cp._id);

    // Edited: a case left out of it, the root recomputed with the public code.
    const heads = cp1.heads.slice(1);
    put({ ...cp1, heads, root: merkleRoot(heads) });
    expect(named((await verify()).problems)).toContain(`checkpoint:${cp1._id}`);
    put(cp1);
    expect((await verify()).problems).toEqual([]);

    // Deleted in the middle of the chain.
    w.store.db.prepare('DELETE FROM audit_checkpoints WHERE _id = ?').run(cp1._id);
    expect((await verify()).problems).toEqual(expect.arrayContaining([expect.objectContaining({ scope: 'checkpoint', id: cp1._id, problem: expect.stringContaining('缺失') })]));
    w.store.db.prepare('INSERT INTO audit_checkpoints (_id, doc, f_seq) VALUES (?, ?, ?)').run(cp1._id, JSON.stringify(cp1), cp1.seq);
    expect((await verify()).problems).toEqual([]);

    // The newest deleted: the chain of checkpoints still looks whole; the owner's fingerprint does not.
    w.store.db.prepare('DELETE FROM audit_checkpoints WHERE _id = ?').run(cp2._id);
    expect((await verify()).problems).toEqual([]);
    const report = await verify({ fingerprint: fp2 });
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'checkpoint', id: 'fingerprint' })]);
    expect(fingerprintOf(cp2.seal)).toBe(fp2);
  });

  it('should catch a checkpoint that never came: changes two days old that no checkpoint holds', async () => {
    const late = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    // The next day's checkpoint, deleted as soon as it was written; two days on, nothing has replaced it.
    w.clock.t += DAY;
    await runScheduler(w.deps);
    const newest = (await w.store.getLatestCheckpoint())!;
    expect(newest.heads.map(([chain]) => chain)).toContain(`case:${late.id}`);
    w.store.db.prepare('DELETE FROM audit_checkpoints WHERE _id = ?').run(newest._id);
    w.clock.t += 2 * DAY;
    const report = await verify();
    expect(named(report.problems)).toContain(`case:${late.id}`);
    for (const p of report.problems) expect(p.problem).toContain('检查点缺失');
  });

  it('should seal backups the same way and catch one rewritten', async () => {
    const b = (await w.store.getBackup('bk_demo_projecta'))!;
    const rewritten = { ...b, location: '已销毁', history: b.history.map((e) => ({ ...e, note: '本地存储：已销毁' })) };
    w.store.db.prepare('UPDATE backups SET doc = ? WHERE _id = ?').run(JSON.stringify(rewritten), b._id);
    expect((await verify()).problems).toEqual([expect.objectContaining({ scope: 'backup', id: 'bk_demo_projecta', seq: 1 })]);
  });
});

describe('export records, under the checkpoints', () => {
  let exported: ExportResult[];
  const exportAs = (personId: string) => w.okCall(personId, 'reports.export', { from: '2026-11-01', to: '2026-11-30', requestId: requestId() }) as Promise<ExportResult>;

  /** Two exports after the renames, then the next day's checkpoint. */
  beforeEach(async () => {
    ({ w, ids } = await world());
    exported = [await exportAs('p_liuyang'), await exportAs('p_chengang')];
    w.clock.t += DAY;
    expect((await runScheduler(w.deps)).checkpoint).not.toBeNull();
  });

  it('should record every export made since the last checkpoint in the next one, and verify them as intact', async () => {
    const newest = (await w.store.getLatestCheckpoint())!;
    expect(newest.heads.filter(([chain]) => chain.startsWith('export:'))).toEqual(
      exported.map((e) => [`export:${e.id}`, 1, expect.stringMatching(/^[0-9a-f]{64}$/)]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    const report = await verify();
    expect(report.problems).toEqual([]);
    // The cases' pages, the backups', then the exports' (page size 4): both records were read.
    expect(report.checked).toBeGreaterThanOrEqual(ids.length + 2 + exported.length);
  });

  it('should name an export record deleted after a checkpoint recorded it, with when it was made', async () => {
    const gone = exported[0].id;
    w.store.db.prepare('DELETE FROM exports WHERE _id = ?').run(gone);
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'export', id: gone, seq: null })]);
    const cp = (await w.store.getLatestCheckpoint())!;
    expect(report.problems[0].problem).toContain(`已从数据库中删除，但检查点 #${cp.seq}`);
    expect(report.problems[0].problem).toContain('导出编号');
  });

  it('should name an export record altered in the database, and one resealed under a leaked key but not the checkpoints', async () => {
    const [a, b] = exported;
    // 刘洋's export made to look smaller and someone else's.
    w.store.db.prepare(`UPDATE exports SET doc = json_set(doc, '$.rows.history', 0, '$.byName', '某人') WHERE _id = ?`).run(a.id);
    let report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'export', id: a.id })]);
    expect(report.problems[0].problem).toContain('被改动');
    expect(report.problems[0].problem).toContain('某人');

    // Whoever holds the key can reseal a record; the checkpoint still holds the seal it had.
    const doc = JSON.parse((w.store.db.prepare('SELECT doc FROM exports WHERE _id = ?').get(b.id) as { doc: string }).doc) as ExportDoc;
    const { keyId: _k, seal: _s, ...body } = doc;
    const resealed = sealExport(w.deps.audit, { ...body, rows: { cases: 0, history: 0 } });
    w.store.db.prepare('UPDATE exports SET doc = ? WHERE _id = ?').run(JSON.stringify(resealed), b.id);
    report = await verify();
    expect(named(report.problems).sort()).toEqual([`export:${a.id}`, `export:${b.id}`].sort());
    expect(report.problems.find((p) => p.id === b.id)!.problem).toContain('记录被替换');
  });

  it('should name an export no checkpoint recorded once it is more than a day and a half old (the checkpoint deleted)', async () => {
    const late = await exportAs('p_liuyang');
    w.clock.t += DAY;
    await runScheduler(w.deps);
    const newest = (await w.store.getLatestCheckpoint())!;
    expect(newest.heads.map(([chain]) => chain)).toContain(`export:${late.id}`);
    w.store.db.prepare('DELETE FROM audit_checkpoints WHERE _id = ?').run(newest._id);
    w.clock.t += 2 * DAY;
    const report = await verify();
    // With whatever else that checkpoint held (the scheduler's own backup case of the day).
    expect(named(report.problems)).toContain(`export:${late.id}`);
    for (const p of report.problems) expect(p.problem).toContain('检查点缺失');
  });

  it('should take the export records an older deployment made into its first checkpoint that records exports, flagging none before', async () => {
    // Every checkpoint as the code before this wrote it: without exports, sealed with the deployment key, chained.
    let prev = '0'.repeat(64);
    for (const { exports: _x, keyId: _k, seal: _s, ...cp } of await w.store.listCheckpoints()) {
      const heads = cp.heads.filter(([chain]) => !chain.startsWith('export:'));
      const old = { ...cp, prev, heads, root: merkleRoot(heads) };
      const sealed: CheckpointDoc = { ...old, ...sealValue(w.deps.audit, 'checkpoint', checkpointSealed(old)) };
      w.store.db.prepare('UPDATE audit_checkpoints SET doc = ? WHERE _id = ?').run(JSON.stringify(sealed), cp._id);
      prev = sealed.seal;
    }
    w.clock.t += 2 * DAY;
    // Two days old and under no checkpoint, but no checkpoint has ever recorded exports: not overdue.
    expect((await verify()).problems).toEqual([]);

    await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    await runScheduler(w.deps);
    const first = (await w.store.getLatestCheckpoint())!;
    expect(first.exports).toBe(true);
    // Made before the previous checkpoint, recorded all the same.
    expect(first.heads.map(([chain]) => chain)).toEqual(expect.arrayContaining(exported.map((e) => `export:${e.id}`)));
    expect((await verify()).problems).toEqual([]);
    w.store.db.prepare('DELETE FROM exports WHERE _id = ?').run(exported[1].id);
    const report = await verify();
    expect(report.problems).toEqual([expect.objectContaining({ scope: 'export', id: exported[1].id })]);
    expect(report.problems[0].problem).toContain(`检查点 #${first.seq}`);
    expect(report.problems[0].problem).toMatch(/该次导出发生在 [\d-]+ [\d:]+ 之前/);
  });

  it('should not see an export record deleted before any checkpoint recorded it (the documented limit)', async () => {
    const unrecorded = await exportAs('p_liuyang');
    w.store.db.prepare('DELETE FROM exports WHERE _id = ?').run(unrecorded.id);
    w.clock.t += DAY;
    await runScheduler(w.deps);
    expect((await verify()).problems).toEqual([]);
    expect((await w.store.getLatestCheckpoint())?.heads.map(([chain]) => chain) ?? []).not.toContain(`export:${unrecorded.id}`);
  });
});

describe('key rotation', () => {
  it('should verify old entries under their old key and new ones under the new, and name entries whose key is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qw-keys-'));
    try {
      const first = loadOrCreateAuditKeys(dir);
      const submitted: HistoryEntry = { seq: 1, at: T0, by: 'p1', action: 'submit', from: null, to: 'submitted', dueAt: null, prevHash: '', hash: '' };
      const approved: HistoryEntry = { seq: 2, at: T0 + 1, by: 'p2', action: 'approve', from: 'submitted', to: 'approved', dueAt: null, prevHash: '', hash: '' };
      const c = sealHistory(first, { _id: 'c1', history: [submitted] });
      expect(c.history[0].keyId).toBe('local-1');
      const newId = rotateAuditKey(dir);
      const rotated = loadAuditKeys(dir)!;
      expect(rotated.current().id).toBe(newId);
      const later = sealHistory(rotated, { ...c, history: [...c.history, approved] });
      expect(later.history.map((e) => e.keyId)).toEqual(['local-1', newId]);
      const { verifyHistory } = await import('../../src/server/cases/audit');
      expect(verifyHistory(rotated, later)).toEqual({ ok: true });
      // A deployment without the old key cannot vouch for what it sealed.
      const onlyNew = auditKeysFrom({ [newId]: rotated.byId(newId)! }, newId);
      expect(verifyHistory(onlyNew, later)).toMatchObject({ ok: false, caseId: 'c1', seq: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run audit:verify on a copy of the local host data', () => {
  it('should exit 0 on the untouched data, and 1 naming the case and entry once one is edited, and an export record once deleted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qw-data-'));
    try {
      const store = openSqliteStore(join(dir, 'qunwu.sqlite'));
      const keys = loadOrCreateAuditKeys(dir);
      await seedDemo(store, T0, keys);
      // An export made on the host, as reports.export records it.
      const exportId = exportIdOf('p_zhaomin', 'r-script');
      await store.insertExport(
        sealExport(keys, {
          _id: exportId,
          requestId: 'r-script',
          by: 'p_zhaomin',
          byName: '赵敏',
          at: T0,
          filters: { groups: [], allInScope: true, from: '2026-11-01', to: '2026-11-30', kinds: null },
          rows: { cases: 3, history: 7 },
          fileId: `local:exports/${exportId}/x.xlsx`,
          fileName: 'x.xlsx',
          fileSize: 1000,
          fileSha256: 'a'.repeat(64),
          contentSha256: 'b'.repeat(64),
        }),
      );
      // The host's first scheduler run anchors what the seed wrote.
      await runCheckpoint({ store, audit: keys, ownerOpenid: null, clock: { now: () => T0 } } as unknown as Deps, T0);
      store.close();
      const run = () =>
        spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/verify-audit.ts'], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir }, encoding: 'utf8', timeout: 60_000 });
      const clean = run();
      expect(clean.stdout).toContain('未发现篡改');
      expect(clean.status).toBe(0);
      const raw = openSqliteStore(join(dir, 'qunwu.sqlite'));
      const doc = JSON.parse((raw.db.prepare("SELECT doc FROM cases WHERE _id = 'vi_demo_prior_warning'").get() as { doc: string }).doc) as Case;
      doc.history[0].note = '（改）';
      raw.db.prepare("UPDATE cases SET doc = ? WHERE _id = 'vi_demo_prior_warning'").run(JSON.stringify(doc));
      raw.db.prepare('DELETE FROM exports WHERE _id = ?').run(exportId);
      raw.close();
      const tampered = run();
      expect(tampered.stdout).toContain('事项 vi_demo_prior_warning 第 1 条');
      expect(tampered.stdout).toContain(`导出记录 ${exportId}：导出记录已从数据库中删除，但检查点 #1`);
      expect(tampered.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
