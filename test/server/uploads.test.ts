// Files bound to their uploader: every upload recorded with who made it, size, type and SHA-256;
// every action that takes files refuses a file someone else uploaded (and writes nothing); uploads
// nothing uses are removed after a day; images wait for their content check, on the local rule and
// through the WeChat adapter's mediaCheckAsync over the fake cloud.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, type ActionInput } from '../../src/contract';
import { createWechatContentCheck, createWechatFiles, createWechatMediaCheck, createWechatNotifier, createWechatStore } from '../../src/server/adapters/wechat';
import { auditKeysFrom } from '../../src/server/cases/audit';
import { dispatch } from '../../src/server/dispatch';
import { receiveMediaVerdict } from '../../src/server/handlers/media-verdict';
import { demoOpenid, seedDemo } from '../../src/server/host/seed';
import { runScheduler } from '../../src/server/jobs';
import type { Deps } from '../../src/server/ports';
import { uploadKey } from '../../src/server/reads/files';
import { createFakeCloud, type FakeCloud } from './fakes/wx-db';
import { makeWorld, requestId, T0, type World } from './harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
/** A screenshot whose text the local rule finds prohibited. */
const RISKY_PNG = Buffer.concat([PNG, Buffer.from('网赌平台 注册就送')]);
const CHAT = Buffer.from('2026-11 项目A群 聊天记录导出\n'.repeat(10));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const HOUR = 3_600_000;

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const violationInput = (over: Partial<ActionInput<'violation.open'>> = {}): ActionInput<'violation.open'> => ({
  groupId: 'g_projecta',
  subjectId: 'p_machao',
  category: '广告推销、擅自拉票集赞',
  description: '在群里发广告',
  evidence: [],
  severity: 'minor',
  step: 'warning',
  requestId: requestId(),
  ...over,
});

describe('an upload is recorded as its uploader\'s', () => {
  it('should record who uploaded it, its size, its type from the bytes and its SHA-256, and answer a retry with the same record', async () => {
    const fileId = w.files.save(PNG, { name: '截图.jpg', contentType: 'text/plain', uploadedBy: 'p_zhoujie', uploadedAt: T0 });
    const r = await w.okCall('p_zhoujie', 'files.record', { fileId, name: '截图.jpg' });
    // An image whatever it is called or declared as; its check came back from the local rule.
    expect(r).toEqual({ fileId, name: '截图.jpg', size: PNG.length, contentType: 'image/png', sha256: sha(PNG), check: 'pass' });
    expect((await w.store.getUploads([uploadKey(fileId)]))[0]).toMatchObject({ uploadedBy: 'p_zhoujie', uploadedAt: T0, used: false });
    expect(await w.okCall('p_zhoujie', 'files.record', { fileId })).toEqual(r);
    // Someone else naming the same file gets nothing.
    expect(await w.call('p_sunli', 'files.record', { fileId })).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    expect(await w.call('p_sunli', 'files.record', { fileId: `local:${'0'.repeat(32)}` })).toMatchObject({ ok: false, code: 'FILE_INVALID' });
  });

  it('should refuse, in every action that takes files, a file another person uploaded, writing nothing', async () => {
    const theirs = await w.upload('p_sunli', PNG, { name: '孙丽的截图.png' });
    const theirChat = await w.upload('p_sunli', CHAT, { name: 'chat.txt' });
    const before = w.footprint();
    expect(await w.call('p_zhoujie', 'violation.open', violationInput({ evidence: [theirs] }))).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    expect(await w.call('p_zhoujie', 'backups.register', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId: theirChat, requestId: requestId() })).toMatchObject({
      ok: false,
      code: 'FILE_NOT_OWNED',
    });
    expect(w.footprint()).toEqual(before);
    const c = await w.okCall('p_zhoujie', 'violation.open', violationInput());
    const mid = w.footprint();
    const r = await w.call('p_machao', 'violation.appeal', { caseId: c.id, reasons: '有误会', evidence: [theirs] });
    expect(r).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    if (!r.ok) expect(r.message).toContain('本人上传');
    expect(w.footprint()).toEqual(mid);
  });

  it('should refuse an image the check found risky, and a file not recorded at all', async () => {
    const risky = await w.upload('p_zhoujie', RISKY_PNG, { name: '截图.png' });
    expect((await w.store.getUploads([uploadKey(risky)]))[0].check).toMatchObject({ status: 'risky', label: '20006' });
    expect(await w.call('p_zhoujie', 'violation.open', violationInput({ evidence: [risky] }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    const unrecorded = w.files.save(PNG, { name: 'x.png', contentType: 'image/png', uploadedBy: 'p_zhoujie', uploadedAt: T0 });
    expect(await w.call('p_zhoujie', 'violation.open', violationInput({ evidence: [unrecorded] }))).toMatchObject({ ok: false, code: 'EVIDENCE_INVALID' });
  });

  it('should attach the uploader\'s own files, marking them used so they stay', async () => {
    const img = await w.upload('p_zhoujie', PNG, { name: '截图.png' });
    const c = await w.okCall('p_zhoujie', 'violation.open', violationInput({ evidence: [img] }));
    expect((await w.store.getUploads([uploadKey(img)]))[0]).toMatchObject({ used: true, usedBy: [`case:${c.id}`] });
    const appealImg = await w.upload('p_machao', PNG, { name: '聊天截图.png' });
    await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '有误会', evidence: [appealImg] });
    expect((await w.store.getUploads([uploadKey(appealImg)]))[0]).toMatchObject({ used: true, usedBy: [`case:${c.id}`] });
  });

  it('should remove uploads nothing uses a day after they were made, and keep what a case or a backup uses', async () => {
    const stray = await w.upload('p_zhoujie', PNG, { name: 'stray.png' });
    const used = await w.upload('p_zhoujie', PNG, { name: 'used.png' });
    const backupFile = await w.upload('p_zhoujie', CHAT, { name: 'chat.txt' });
    await w.okCall('p_zhoujie', 'violation.open', violationInput({ evidence: [used] }));
    await w.okCall('p_zhoujie', 'backups.register', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId: backupFile, requestId: requestId() });
    w.clock.t = T0 + 23 * HOUR;
    expect((await runScheduler(w.deps)).uploadsRemoved).toBe(0);
    // Too old to attach an hour before it goes.
    expect(await w.call('p_zhoujie', 'violation.open', violationInput({ subjectId: 'p_wufang', evidence: [stray] }))).toMatchObject({ ok: false, code: 'EVIDENCE_INVALID' });
    w.clock.t = T0 + 24 * HOUR + 1;
    expect((await runScheduler(w.deps)).uploadsRemoved).toBe(1);
    expect(await w.files.read(stray)).toBeNull();
    expect(await w.store.getUploads([uploadKey(stray)])).toEqual([]);
    expect(await w.files.read(used)).not.toBeNull();
    expect(await w.files.read(backupFile)).not.toBeNull();
    expect((await w.store.getUploads([uploadKey(backupFile)]))[0]).toMatchObject({ used: true, usedBy: [expect.stringMatching(/^backup:/)] });
  });

  it('should refuse uploads past the hourly limit, saying when to try again, and count only the caller\'s', async () => {
    const limit = DEFAULT_SETTINGS.limits.uploadsPerHour;
    for (let i = 0; i < limit; i++) {
      w.clock.t = T0 + i * 60_000;
      const fileId = w.files.save(CHAT, { name: `${i}.txt`, contentType: 'text/plain', uploadedBy: 'p_zhoujie', uploadedAt: w.clock.t });
      await w.okCall('p_zhoujie', 'files.record', { fileId });
    }
    const extra = w.files.save(CHAT, { name: 'extra.txt', contentType: 'text/plain', uploadedBy: 'p_zhoujie', uploadedAt: w.clock.t });
    const before = w.footprint();
    const r = await w.call('p_zhoujie', 'files.record', { fileId: extra });
    expect(r).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    // The first upload (10:00) leaves the hour at 11:00.
    if (!r.ok) expect(r.message).toContain('11:00 后再试');
    expect(w.footprint()).toEqual(before);
    expect(await w.call('p_sunli', 'files.record', { fileId: w.files.save(CHAT, { name: 's.txt', contentType: 'text/plain', uploadedBy: 'p_sunli', uploadedAt: w.clock.t }) })).toMatchObject({ ok: true });
    w.clock.t = T0 + HOUR + 1;
    expect(await w.call('p_zhoujie', 'files.record', { fileId: extra })).toMatchObject({ ok: true });
  });
});

describe('images wait for their content check', () => {
  it('should show an image under check only to its uploader and the admins, then to everyone once it passes', async () => {
    // A verdict that has not come back yet: the local rule held back.
    let held: Parameters<typeof receiveMediaVerdict>[1] | null = null;
    w.deps.media = { submit: async () => ({ traceId: 'trace-held-1' }) };
    const img = await w.upload('p_zhoujie', PNG, { name: '截图.png' });
    const c = await w.okCall('p_zhoujie', 'violation.open', violationInput({ evidence: [img] }));
    const links = async (who: string) => (await w.okCall(who, 'cases.get', { caseId: c.id })).links!.evidence;
    expect(await links('p_zhoujie')).toEqual([expect.objectContaining({ pending: true })]);
    expect(await links('p_sunli')).toEqual([expect.objectContaining({ pending: true })]);
    expect(await links('p_machao')).toEqual([]);
    expect(await links('p_chengang')).toEqual([]);
    held = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-held-1', version: 2, result: { suggest: 'pass', label: 100 } };
    expect(await receiveMediaVerdict(w.deps, held)).toBe('applied');
    const seen = await links('p_machao');
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('pending');
    expect((await w.store.getCase(c.id))!.history.map((h) => h.action)).toEqual(['decide', 'media_pass']);
    // The same push again changes nothing.
    expect(await receiveMediaVerdict(w.deps, held)).toBe('applied');
    expect((await w.store.getCase(c.id))!.history).toHaveLength(2);
  });

  it('should ignore a push naming a trace this deployment never asked for, or without a verdict', async () => {
    const before = w.footprint();
    expect(await receiveMediaVerdict(w.deps, { Event: 'wxa_media_check', trace_id: 'made-up', result: { suggest: 'pass' } })).toBe('waiting');
    expect(await receiveMediaVerdict(w.deps, { Event: 'wxa_media_check', trace_id: 'x', result: {} })).toBe('ignored');
    expect(await receiveMediaVerdict(w.deps, { Event: 'wxa_media_check', trace_id: '../../etc', result: { suggest: 'pass' } })).toBe('ignored');
    // The one verdict kept (by its trace id, in case its upload is about to be recorded) and nothing else.
    const after = w.footprint();
    expect(after.cases).toEqual(before.cases);
    expect(after.counts.media_verdicts).toBe((before.counts.media_verdicts ?? 0) + 1);
  });
});

describe('mediaCheckAsync through the WeChat adapter (fake cloud)', () => {
  let cloud: FakeCloud;
  let deps: Deps;
  const call = (as: string, action: string, data: unknown) => {
    cloud.openid = demoOpenid(as);
    return dispatch(deps, { action, data }, demoOpenid(as)) as Promise<{ ok: boolean; data?: any; code?: string }>;
  };
  beforeEach(async () => {
    cloud = createFakeCloud();
    const audit = auditKeysFrom({ 'test-1': randomBytes(32) }, 'test-1');
    const store = createWechatStore(cloud.database());
    await seedDemo(store, T0, audit);
    deps = {
      store,
      notifier: createWechatNotifier(cloud),
      content: createWechatContentCheck(cloud),
      files: createWechatFiles(cloud, () => T0),
      openData: { groupOpengid: async () => null },
      clock: { now: () => T0 },
      ownerOpenid: null,
      ids: randomUUID,
      audit,
      media: createWechatMediaCheck(cloud),
    };
  });
  const cloudUpload = (who: string, bytes: Buffer) => {
    // What wx.cloud.uploadFile leaves: the bytes in storage under a cloud file id.
    const fileID = `cloud://qunwu-test.7175/evidence/${who}/${Date.now()}-${Math.random().toString(36).slice(2)}.png`;
    cloud.storage.set(fileID, bytes);
    return fileID;
  };

  it('should send the image to mediaCheckAsync at files.record and hide it everywhere when WeChat pushes a risky verdict', async () => {
    const fileID = cloudUpload('p_zhoujie', PNG);
    const recorded = await call('p_zhoujie', 'files.record', { fileId: fileID, name: '截图.png' });
    expect(recorded).toMatchObject({ ok: true, data: { check: 'pending', contentType: 'image/png', sha256: sha(PNG) } });
    expect(cloud.mediaChecks).toEqual([expect.objectContaining({ mediaType: 2, version: 2, openid: demoOpenid('p_zhoujie'), mediaUrl: expect.stringMatching(/^https:\/\//) })]);
    const traceId = cloud.mediaChecks[0].traceId;

    const opened = await call('p_zhoujie', 'violation.open', violationInput({ evidence: [fileID] }));
    expect(opened).toMatchObject({ ok: true, data: { links: { evidence: [expect.objectContaining({ pending: true })] } } });
    expect(await call('p_machao', 'cases.get', { caseId: opened.data.id })).toMatchObject({ ok: true, data: { links: { evidence: [] } } });

    // What WeChat pushes to the api function (event wxa_media_check, v2).
    const push = {
      ToUserName: 'gh_fake',
      FromUserName: 'o_platform',
      CreateTime: Math.floor(T0 / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx_fake_appid',
      trace_id: traceId,
      version: 2,
      result: { suggest: 'risky', label: 20002 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20002, prob: 90 }],
    } as const;
    expect(await receiveMediaVerdict(deps, push)).toBe('applied');
    const stored = (await deps.store.getCase(opened.data.id))!;
    expect(stored.history.at(-1)).toMatchObject({ action: 'media_risky', note: '一张立案证据图片未通过内容安全检查（色情），已隐藏' });
    for (const who of ['p_zhoujie', 'p_machao']) {
      expect(await call(who, 'cases.get', { caseId: opened.data.id })).toMatchObject({ ok: true, data: { links: { evidence: [] }, hiddenFiles: 1 } });
    }
    // The other admin is told.
    const told = await deps.store.listNotifications('p_sunli', { offset: 0, limit: 10 }, false);
    expect(told.items.map((n) => n.title)).toContain('证据图片未通过内容安全检查');
    // And the image cannot be attached again.
    expect(await call('p_zhoujie', 'violation.open', violationInput({ subjectId: 'p_wufang', evidence: [fileID] }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
  });

  it('should keep a verdict that arrives before its upload is recorded', async () => {
    const fileID = cloudUpload('p_zhoujie', PNG);
    // WeChat answers the check and pushes before files.record has written the record.
    const media = deps.media;
    deps.media = {
      submit: async (id, openid) => {
        const r = await media.submit(id, openid);
        await receiveMediaVerdict(deps, { Event: 'wxa_media_check', trace_id: r.traceId, version: 2, result: { suggest: 'pass', label: 100 } });
        return r;
      },
    };
    expect(await call('p_zhoujie', 'files.record', { fileId: fileID })).toMatchObject({ ok: true, data: { check: 'pass' } });
  });
});

describe('mediaCheckAsync through the real wx-server-sdk (local CloudBase gateway)', () => {
  it('should ask for a check of a link WeChat can download, and keep the trace id the SDK answers', async () => {
    const { startTcbGateway } = await import('./fakes/tcb-gateway');
    const gateway = await startTcbGateway();
    try {
      const cloud = gateway.sdk();
      const fileID = gateway.put('evidence/p_zhoujie/1.png', PNG);
      const r = await createWechatMediaCheck(cloud).submit(fileID, 'o_zhoujie');
      expect(gateway.mediaChecks).toEqual([expect.objectContaining({ media_type: 2, version: 2, openid: 'o_zhoujie', scene: 2, trace_id: r.traceId })]);
      // The link handed to the checker serves the image.
      const got = await fetch(String(gateway.mediaChecks[0].media_url));
      expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG);
    } finally {
      await gateway.close();
    }
  });
});
