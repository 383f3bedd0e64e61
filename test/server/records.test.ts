// Backups (§6.1) and record access (§6.2) through dispatch, and the local host's download check.
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { verifyHistory } from '../../src/server/cases/audit';
import { createHost, signSession } from '../../src/server/host/http';
import { demoOpenid } from '../../src/server/host/seed';
import { runScheduler } from '../../src/server/jobs';
import { guardRecordDownload } from '../../src/server/reads/record-downloads';
import { makeWorld, requestId, T0, type World } from './harness';

const DAY = 86_400_000;
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const OCT = Buffer.from('2026-10 市场部工作群 聊天记录导出\n'.repeat(50));

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

function upload(bytes: Buffer, name = '市场部-2026-10.txt', by = 'p_liuyang') {
  return w.upload(by, bytes, { name, contentType: 'text/plain' });
}

async function register(from: string, to: string, bytes = OCT, as = 'p_liuyang', groupId = 'g_market') {
  return w.okCall(as, 'backups.register', { groupId, from, to, storage: 'cloud', fileId: await upload(bytes), fileName: `${from}.txt`, requestId: requestId() });
}

async function requestAccess(from = '2026-10-10', to = '2026-10-20', as = 'p_huanglei') {
  return w.okCall(as, 'records.request', { groupId: 'g_market', from, to, purpose: '核对十月活动报价的沟通记录', pledge: true, requestId: requestId() });
}

describe('registering backups', () => {
  it('should compute the SHA-256 from the stored file itself and record who registered it', async () => {
    const b = await register('2026-10-01', '2026-10-31');
    expect(b).toMatchObject({ sha256: sha(OCT), size: OCT.length, storage: 'cloud', from: '2026-10-01', to: '2026-10-31', madeBy: { name: '刘洋' } });
    expect(b.history!.map((h) => h.actionLabel)).toEqual(['登记备份']);
    expect(b.citation).toBe(`来源：「市场部工作群」群聊记录（2026-10-01 至 2026-10-31），备份编号 ${b.id}，SHA-256 ${sha(OCT)}`);
  });

  it('should refuse a checksum sent by the client', async () => {
    const r = await w.call('p_liuyang', 'backups.register', {
      groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId: await upload(OCT), requestId: requestId(), sha256: 'f'.repeat(64),
    } as never);
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('should refuse an empty or future period, a file that is not ours, and a local backup without a place', async () => {
    const base = { groupId: 'g_market', storage: 'cloud' as const, fileId: await upload(OCT), requestId: requestId() };
    expect(await w.call('p_liuyang', 'backups.register', { ...base, from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: false, code: 'PERIOD_INVALID' });
    expect(await w.call('p_liuyang', 'backups.register', { ...base, from: '2026-10-02', to: '2026-10-01' })).toMatchObject({ ok: false, code: 'PERIOD_INVALID' });
    expect(await w.call('p_liuyang', 'backups.register', { ...base, from: '2026-10-01', to: '2026-10-31', fileId: 'https://example.invalid/a.txt' })).toMatchObject({ ok: false, code: 'FILE_INVALID' });
    expect(await w.call('p_liuyang', 'backups.register', { ...base, from: '2026-10-01', to: '2026-10-31', fileId: `local:${'0'.repeat(32)}` })).toMatchObject({ ok: false, code: 'FILE_INVALID' });
    expect(await w.call('p_liuyang', 'backups.register', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'local', requestId: requestId() })).toMatchObject({ ok: false, code: 'STORAGE_REQUIRED' });
    const local = await w.okCall('p_liuyang', 'backups.register', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'local', location: '行政部档案柜 A-3', requestId: requestId() });
    expect(local).toMatchObject({ sha256: null, location: '行政部档案柜 A-3' });
  });

  it('should register once when the same request is retried', async () => {
    const input = { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'cloud' as const, fileId: await upload(OCT), requestId: requestId() };
    const [a, b] = await Promise.all([w.okCall('p_liuyang', 'backups.register', input), w.okCall('p_liuyang', 'backups.register', input)]);
    expect(a.id).toBe(b.id);
    expect((await w.okCall('p_liuyang', 'backups.list', { groupId: 'g_market' })).backups).toHaveLength(1);
  });

  it('should keep backups to the admins of their own group', async () => {
    const b = await register('2026-10-01', '2026-10-31');
    // 周杰 is an admin, but of 项目A群.
    expect(await w.call('p_zhoujie', 'backups.register', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', storage: 'local', location: 'x', requestId: requestId() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_zhoujie', 'backups.list', { groupId: 'g_market' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_zhoujie', 'backups.get', { backupId: b.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_zhoujie', 'backups.verify', { backupId: b.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_huanglei', 'backups.list', { groupId: 'g_market' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The leader sees them, but does not manage them.
    expect((await w.okCall('p_chengang', 'backups.list', { groupId: 'g_market' })).canManage).toBe(false);
  });

  it('should show covered periods, gaps, overlaps and the next due date', async () => {
    const sep = await register('2026-09-01', '2026-09-30');
    const oct = await register('2026-10-20', '2026-10-31');
    const mid = await register('2026-10-25', '2026-11-05');
    const list = await w.okCall('p_liuyang', 'backups.list', { groupId: 'g_market' });
    expect(list.coverage).toMatchObject({
      covered: [{ from: '2026-09-01', to: '2026-09-30' }, { from: '2026-10-20', to: '2026-11-05' }],
      gaps: [{ from: '2026-10-01', to: '2026-10-19' }],
      nextDue: '2026-12-06',
      status: 'ok',
      periodMonths: 1,
    });
    expect(list.backups.map((b) => b.id)).toEqual([mid.id, oct.id, sep.id]);
    expect(list.backups.find((b) => b.id === oct.id)!.overlaps).toEqual([mid.id]);
  });

  it('should say 完整 for an untouched file and 已损坏/已变更 after it changed, keeping the history chain', async () => {
    const b = await register('2026-10-01', '2026-10-31');
    const ok1 = await w.okCall('p_liuyang', 'backups.verify', { backupId: b.id });
    expect(ok1.lastVerify).toMatchObject({ intact: true, by: { name: '刘洋' } });
    expect(ok1.history!.at(-1)!.note).toBe('完整：SHA-256 与登记时一致');

    const stored = (await w.store.getBackup(b.id))!;
    // Change one byte of the stored file behind the product's back.
    const bytes = (await w.files.read(stored.fileId!))!;
    bytes[0] ^= 1;
    writeFileSync(join(w.filesDir, stored.fileId!.slice('local:'.length)), bytes);

    w.clock.t += 60_000;
    const bad = await w.okCall('p_liuyang', 'backups.verify', { backupId: b.id });
    expect(bad.lastVerify).toMatchObject({ intact: false });
    expect(bad.history!.at(-1)!.note).toContain('已损坏/已变更');
    expect(bad.history!.map((h) => h.actionLabel)).toEqual(['登记备份', '校验完整性', '校验完整性']);
    expect(bad.sha256).toBe(sha(OCT));
    expect(verifyHistory(w.deps.audit, (await w.store.getBackup(b.id))!, 'backup')).toEqual({ ok: true });
  });
});

describe('the backup-due reminder', () => {
  it('should remind the admins when a backup is due, alert the leader when overdue, and close once one is registered', async () => {
    await register('2026-10-01', '2026-10-31');
    expect((await runScheduler(w.deps)).backupsDue).toBe(0);
    w.clock.t = Date.parse('2026-12-01T09:00:00+08:00');
    // Both demo groups: 项目A群's seeded backup also ends with October.
    expect((await runScheduler(w.deps)).backupsDue).toBe(2);
    expect((await runScheduler(w.deps)).backupsDue).toBe(0);
    const inbox = await w.okCall('p_liuyang', 'inbox.list', {});
    expect(inbox.items.map((c) => [c.kindLabel, c.title, c.subject.name])).toEqual([['聊天记录备份到期', '备份「市场部工作群」的聊天记录', '市场部工作群']]);
    expect((await w.okCall('p_liuyang', 'notifications.list', {})).items[0].title).toBe('聊天记录该备份了');

    // Three working days later (12-04), then past it: the leader is alerted, once.
    w.clock.t = Date.parse('2026-12-07T09:00:00+08:00');
    await runScheduler(w.deps);
    const leaderInbox = await w.okCall('p_chengang', 'inbox.list', {});
    expect(leaderInbox.items.map((c) => [c.kind, c.group.name, c.escalation]).sort()).toEqual([
      ['backup_due', '市场部工作群', 2],
      ['backup_due', '项目A群', 2],
    ]);
    expect((await w.okCall('p_chengang', 'notifications.list', {})).items[0].title).toBe('聊天记录备份已逾期');

    await register('2026-11-01', '2026-11-30');
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).total).toBe(0);
    expect((await w.okCall('p_chengang', 'inbox.list', {})).items.map((c) => c.group.name)).toEqual(['项目A群']);
  });

  it('should alert the leader at once when a backup is first found already overdue', async () => {
    w.clock.t = Date.parse('2026-12-24T09:00:00+08:00');
    await runScheduler(w.deps);
    const leader = await w.okCall('p_chengang', 'inbox.list', {});
    // 市场部工作群 (registered 11-24, no backup) is due today; 项目A群 (October) is long overdue.
    expect(leader.items.map((c) => [c.group.name, c.escalation])).toEqual([['项目A群', 2]]);
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.map((c) => [c.group.name, c.escalation])).toEqual([['市场部工作群', 1]]);
  });
});

describe('record access', () => {
  it('should refuse a request without the pledge, from another group, or for a range in the future', async () => {
    const base = { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '核对', requestId: requestId() };
    expect(await w.call('p_huanglei', 'records.request', { ...base, pledge: false })).toMatchObject({ ok: false, code: 'PLEDGE_REQUIRED' });
    expect(await w.call('p_wufang', 'records.request', { ...base, pledge: true })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    expect(await w.call('p_huanglei', 'records.request', { ...base, to: '2026-12-01', pledge: true })).toMatchObject({ ok: false, code: 'PERIOD_INVALID' });
    expect(await w.call('p_huanglei', 'records.request', { ...base, purpose: '  ', pledge: true })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
  });

  it('should become a case for the admins and grant exactly the overlapping backups on approval', async () => {
    const sep = await register('2026-09-01', '2026-09-30');
    const oct = await register('2026-10-01', '2026-10-15');
    const late = await register('2026-10-16', '2026-11-10');
    const c = await requestAccess('2026-10-10', '2026-10-20');
    expect(c).toMatchObject({ kind: 'record_access', kindLabel: '查阅聊天记录', state: 'submitted', waitingOn: [{ name: '刘洋' }] });
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items[0].allowed).toEqual(['approve', 'reject']);

    expect(await w.call('p_liuyang', 'records.approve', { caseId: c.id, days: 31 })).toMatchObject({ ok: false, code: 'EXPIRY_INVALID' });
    const approved = await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 7 });
    expect(approved).toMatchObject({ state: 'approved', stateLabel: '已通过', waitingOn: [] });
    const grant = await w.okCall('p_huanglei', 'records.grant', { caseId: c.id });
    expect(grant).toMatchObject({ active: true, expiresAt: T0 + 7 * DAY, linkTtlMinutes: 10 });
    expect(grant.files.map((f) => f.backupId).sort()).toEqual([oct.id, late.id].sort());
    expect(grant.files.map((f) => f.backupId)).not.toContain(sep.id);

    expect(await w.call('p_huanglei', 'records.link', { caseId: c.id, backupId: sep.id })).toMatchObject({ ok: false, code: 'NOT_GRANTED' });
    const link = await w.okCall('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id });
    expect(link.expiresAt).toBe(T0 + 10 * 60_000);
    expect(link.url).toMatch(/^\/files\/[a-f0-9]{32}\?exp=\d+&ref=fl_[a-f0-9]+&sig=/);
  });

  it('should keep what it granted as read at approval, without handing the storage file ids to the client', async () => {
    const oct = await register('2026-10-01', '2026-10-31');
    const c = await requestAccess();
    const approved = await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 7 });
    expect(JSON.stringify(approved)).not.toContain('fileId');
    expect(JSON.stringify(await w.okCall('p_huanglei', 'cases.get', { caseId: c.id }))).not.toContain('local:');
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.data.files).toEqual([expect.objectContaining({ _id: oct.id, from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId: expect.any(String) })]);

    // A case approved before grants kept their files reads the backups instead, with the same answer.
    const grant = await w.okCall('p_huanglei', 'records.grant', { caseId: c.id });
    const { files: _files, ...olderData } = stored.data;
    expect(await w.store.updateCase({ ...stored, data: olderData }, stored.version)).toBe(true);
    expect(await w.okCall('p_huanglei', 'records.grant', { caseId: c.id })).toEqual(grant);
    expect((await w.okCall('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id })).fileName).toBe('2026-10-01.txt');
    expect((await w.okCall('p_liuyang', 'records.log', { caseId: c.id })).items).toMatchObject([{ type: 'link', backupId: oct.id, fileName: '2026-10-01.txt' }]);
  });

  it('should let a reject, a withdraw and an early revoke through the same case, with the member told', async () => {
    const a = await requestAccess();
    expect((await w.okCall('p_huanglei', 'records.withdraw', { caseId: a.id })).state).toBe('withdrawn');
    const b = await requestAccess();
    expect((await w.okCall('p_liuyang', 'records.reject', { caseId: b.id, reason: '请说明具体用途' })).stateLabel).toBe('已驳回');
    const c = await requestAccess();
    await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 3 });
    expect(await w.call('p_huanglei', 'records.revoke', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const revoked = await w.okCall('p_chengang', 'records.revoke', { caseId: c.id, reason: '已另行提供摘录' });
    expect(revoked).toMatchObject({ state: 'revoked', stateLabel: '已撤销授权' });
    expect(revoked.history!.map((h) => h.actionLabel)).toEqual(['提交申请', '批准', '撤销授权']);
    expect(await w.call('p_huanglei', 'records.link', { caseId: c.id, backupId: 'bk_x' })).toMatchObject({ ok: false, code: 'ACCESS_NOT_ACTIVE' });
    const titles = (await w.okCall('p_huanglei', 'notifications.list', {})).items.map((n) => n.title);
    expect(titles).toEqual(expect.arrayContaining(['查阅申请未通过', '查阅申请已通过', '查阅授权已撤销']));
  });

  it('should expire the grant at its expiry and then issue no link', async () => {
    const oct = await register('2026-10-01', '2026-10-31');
    const c = await requestAccess();
    await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 1 });
    w.clock.t = T0 + DAY;
    await runScheduler(w.deps);
    const grant = await w.okCall('p_huanglei', 'records.grant', { caseId: c.id });
    expect(grant).toMatchObject({ state: 'expired', stateLabel: '授权已到期', active: false });
    expect(await w.call('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id })).toMatchObject({ ok: false, code: 'ACCESS_NOT_ACTIVE' });
  });

  it('should keep a request away from members of another group and admins of another group', async () => {
    const oct = await register('2026-10-01', '2026-10-31');
    const c = await requestAccess();
    for (const who of ['p_wufang', 'p_zhoujie', 'p_zhengshuang']) {
      expect(await w.call(who, 'cases.get', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await w.call(who, 'records.grant', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await w.call(who, 'records.link', { caseId: c.id, backupId: oct.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await w.call('p_zhoujie', 'records.approve', { caseId: c.id, days: 3 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_zhoujie', 'records.log', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A member of the group may cite its backups; a member of another group may not.
    expect(await w.call('p_wufang', 'backups.cite', { backupId: oct.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await w.okCall('p_zhengshuang', 'backups.cite', { backupId: oct.id })).citation).toContain(oct.id);
    // The admin who approves does not get the member's links.
    await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 3 });
    expect(await w.call('p_liuyang', 'records.link', { caseId: c.id, backupId: oct.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('downloads on the local host', () => {
  it('should serve the bytes to the grantee, refuse after revocation and after expiry, and log everything', async () => {
    const server = createHost({ deps: w.deps, secret: 's', files: w.files, listPushes: () => [], guardDownload: (f, r, o) => guardRecordDownload(w.deps, f, r, o) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = (p: string) => ({ cookie: `qw_session=${signSession('s', demoOpenid(p))}` });
    try {
      const oct = await register('2026-10-01', '2026-10-31');
      const c = await requestAccess();
      await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 2 });
      const link = await w.okCall('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id });

      w.clock.t += 1000;
      const got = await fetch(`${base}${link.url}`, { headers: cookie('p_huanglei') });
      expect(got.status).toBe(200);
      expect(sha(Buffer.from(await got.arrayBuffer()))).toBe(sha(OCT));
      // Forwarded to someone else, or opened signed out: refused.
      w.clock.t += 1000;
      expect((await fetch(`${base}${link.url}`, { headers: cookie('p_zhengshuang') })).status).toBe(403);
      // A signed link without its issued-link record, or with the record swapped: refused.
      const stored = (await w.store.getBackup(oct.id))!;
      const bare = await w.files.link(stored.fileId!, w.clock.t + 60_000);
      expect((await fetch(`${base}${bare}`, { headers: cookie('p_huanglei') })).status).toBe(403);
      expect((await fetch(`${base}${link.url.replace(/ref=[^&]+/, 'ref=fl_other')}`, { headers: cookie('p_huanglei') })).status).toBe(403);

      // The signature expires with the link (10 minutes), whatever the grant says.
      w.clock.t += 11 * 60_000;
      const stale = await fetch(`${base}${link.url}`, { headers: cookie('p_huanglei') });
      expect(stale.status).toBe(410);

      // A fresh link works until the admin revokes the grant; then it is refused at once.
      const fresh = await w.okCall('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id });
      w.clock.t += 1000;
      expect((await fetch(`${base}${fresh.url}`, { headers: cookie('p_huanglei') })).status).toBe(200);
      await w.okCall('p_liuyang', 'records.revoke', { caseId: c.id });
      w.clock.t += 1000;
      const afterRevoke = await fetch(`${base}${fresh.url}`, { headers: cookie('p_huanglei') });
      expect(afterRevoke.status).toBe(410);
      expect(await afterRevoke.text()).toContain('查阅授权已被撤销');

      const log = await w.okCall('p_liuyang', 'records.log', { caseId: c.id });
      expect(new Set(log.items.map((e) => e.fileName))).toEqual(new Set(['2026-10-01.txt']));
      expect(log.items.map((e) => [e.type, e.person?.name ?? null, e.note ?? ''])).toEqual([
        ['link', '黄磊', ''],
        ['download', '黄磊', ''],
        ['refused', '郑爽', '不是获得授权的本人'],
        ['link', '黄磊', ''],
        ['download', '黄磊', ''],
        ['refused', '黄磊', '查阅授权已被撤销'],
      ]);
      expect(log.items.every((e) => e.fileName === '2026-10-01.txt')).toBe(true);
      expect((await w.okCall('p_chengang', 'records.log', { caseId: c.id })).items).toHaveLength(6);
      expect(await w.call('p_huanglei', 'records.log', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    } finally {
      server.close();
    }
  });

  it('should refuse a download after the grant expired even within the link lifetime', async () => {
    const oct = await register('2026-10-01', '2026-10-31');
    const c = await requestAccess();
    await w.okCall('p_liuyang', 'records.approve', { caseId: c.id, days: 1 });
    w.clock.t = T0 + DAY - 5 * 60_000;
    const link = await w.okCall('p_huanglei', 'records.link', { caseId: c.id, backupId: oct.id });
    // The link never outlives the grant.
    expect(link.expiresAt).toBe(T0 + DAY);
    const ref = new URL(link.url, 'http://h').searchParams.get('ref');
    const stored = (await w.store.getBackup(oct.id))!;
    w.clock.t = T0 + DAY + 1;
    expect(await guardRecordDownload(w.deps, stored.fileId!, ref, demoOpenid('p_huanglei'))).toMatchObject({ ok: false, status: 410 });
  });
});

describe('settings saved before backups existed', () => {
  it('should answer a stored version without the backup and access sections with their defaults', async () => {
    const { backup: _b, access: _a, ...old } = (await import('../../src/contract')).DEFAULT_SETTINGS;
    await w.store.insertSettings({ _id: 'v2', version: 2, values: old as never, updatedAt: T0, updatedBy: null });
    const view = await w.okCall('p_zhaomin', 'settings.get', {});
    expect(view.values.access).toEqual({ adminDays: 2, defaultDays: 7, maxDays: 30, linkTtlMinutes: 10 });
    expect((await w.okCall('p_liuyang', 'backups.list', { groupId: 'g_market' })).coverage.periodMonths).toBe(1);
  });
});

describe('record settings', () => {
  it('should refuse a default expiry longer than the maximum, and apply a new maximum to new requests only', async () => {
    const s = await w.okCall('p_zhaomin', 'settings.get', {});
    const bad = await w.call('p_zhaomin', 'settings.update', { values: { ...s.values, access: { ...s.values.access, defaultDays: 40, maxDays: 30 } }, expectedVersion: s.version });
    expect(bad).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
    const old = await requestAccess();
    await w.okCall('p_zhaomin', 'settings.update', { values: { ...s.values, access: { ...s.values.access, defaultDays: 3, maxDays: 5 } }, expectedVersion: s.version });
    // The request filed under the old settings keeps its 30-day maximum; a new one gets 5.
    expect((await w.okCall('p_liuyang', 'records.approve', { caseId: old.id, days: 20 })).state).toBe('approved');
    const fresh = await requestAccess();
    expect(await w.call('p_liuyang', 'records.approve', { caseId: fresh.id, days: 6 })).toMatchObject({ ok: false, code: 'EXPIRY_INVALID' });
    expect((await w.okCall('p_liuyang', 'records.grant', { caseId: fresh.id })).maxDays).toBe(5);
  });
});
