// Notices with several people at once: members acknowledging (double taps included) while the
// publisher reads 我发布的通知, and an image's verdict arriving while its notice is being published
// or pushed twice at once.
import type { ActionInput } from '../../src/contract';
import { receiveMediaVerdict } from '../../src/server/handlers/media-verdict';
import type { MediaCheckPush } from '../../src/server/ports';
import { makeWorld, requestId } from '../server/harness';

const TRIALS = 40;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const MEMBERS = ['p_huanglei', 'p_zhengshuang', 'p_zhangwei_m', 'p_hejing', 'p_liuyang'];
const draft = (i: number, over: Partial<ActionInput<'notices.publish'>> = {}): ActionInput<'notices.publish'> => ({
  groupIds: ['g_market'],
  kind: 'important',
  title: `第${i}次例会通知`,
  body: `第${i}次例会于本周${i}号下午三点在三楼会议室召开，请准时参加。`,
  requestId: requestId(),
  // Each week's meeting reads like the last one's.
  confirmNearDuplicate: '每周例会，不是重复发布',
  ...over,
});

it(`should count every acknowledgement once on the publisher's list while members tap (twice) at once, over ${TRIALS} notices`, async () => {
  const w = await makeWorld({ liftLimits: true });
  for (let i = 0; i < TRIALS; i++) {
    w.clock.t += 60_000;
    const n = await w.okCall('p_wangqiang', 'notices.publish', draft(i));
    const counts: number[] = [];
    const list = async () => {
      const item = (await w.okCall('p_wangqiang', 'notices.list', { scope: 'published', limit: 5 })).items.find((x) => x.id === n.id)!;
      counts.push(item.stats!.acked);
      expect(item.stats!.owed).toBe(MEMBERS.length);
    };
    const taps = MEMBERS.flatMap((m) => [w.call(m, 'notices.acknowledge', { noticeId: n.id }), w.call(m, 'notices.acknowledge', { noticeId: n.id })]);
    const results = await Promise.all([...taps, list(), list(), list()]);
    // Every tap answered with the one acknowledgement; the list read in between saw a count in range.
    for (const r of results.slice(0, taps.length)) expect(r).toMatchObject({ ok: true, data: { mine: { ackedAt: expect.any(Number) } } });
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(0);
    for (const c of counts) expect(c).toBeLessThanOrEqual(MEMBERS.length);
    await list();
    expect(counts.at(-1)).toBe(MEMBERS.length);
    expect((await w.store.listAcks(n.id)).length).toBe(MEMBERS.length);
    expect((await w.okCall('p_wangqiang', 'notices.get', { noticeId: n.id })).stats).toEqual((await w.okCall('p_wangqiang', 'notices.receipts', { noticeId: n.id })).total);
  }
});

it(`should hide a risky image and tell the publisher once, however its verdict meets the publishing and a second push, over ${TRIALS} trials`, async () => {
  const w = await makeWorld({ liftLimits: true });
  let trace = 0;
  w.deps.media = { submit: async () => ({ traceId: `trace-race-${++trace}` }) };
  const push = (n: number): MediaCheckPush => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id: `trace-race-${n}`, version: 2, result: { suggest: 'risky', label: 20006 } });
  // Which side brought the verdict to the notice: publishing's second look, or the push.
  let byPublishing = 0;
  let byPush = 0;
  let refused = 0;
  for (let i = 0; i < TRIALS; i++) {
    const img = await w.upload('p_wangqiang', Buffer.concat([PNG, Buffer.from(`#${i}`)]), { name: `图${i}.png` });
    const t = trace;
    const attachments = [{ fileId: img, name: `示意图${i}`, description: '会议室位置' }];
    const body = `第${i}次例会于本周${i}号下午三点在三楼会议室召开，请准时参加。\n附件：《示意图${i}》（会议室位置）`;
    // The push (twice, as a retried delivery) lands before, during or after publishing.
    const later = async (ticks: number) => {
      for (let k = 0; k < ticks; k++) await new Promise((r) => setImmediate(r));
      return receiveMediaVerdict(w.deps, push(t));
    };
    const before = w.footprint().counts.notices ?? 0;
    const [r, a, b] = await Promise.all([w.call('p_wangqiang', 'notices.publish', draft(i, { attachments, body })), later(i % 20), later((i * 7) % 23)]);
    expect([a, b]).toEqual(['applied', 'applied']);
    if (!r.ok) {
      // The verdict was on the upload before publishing checked it: refused, nothing written.
      expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
      expect(w.footprint().counts.notices ?? 0).toBe(before);
      refused++;
      continue;
    }
    const published = r.data;
    if (published.hiddenAttachments) byPublishing++;
    else byPush++;
    const stored = (await w.store.getNotice(published.id))!;
    expect(stored.attachments[0]!.check).toMatchObject({ status: 'risky', label: '违法犯罪' });
    for (const who of ['p_wangqiang', 'p_huanglei']) {
      const v = await w.okCall(who, 'notices.get', { noticeId: published.id });
      expect(v.attachments).toEqual([]);
      expect(v.hiddenAttachments).toBe(1);
    }
    const told = (await w.store.listNotifications('p_wangqiang', { offset: 0, limit: 100 }, false)).items.filter((m) => m.caseId === null && m.body.includes(`「示意图${i}」`));
    expect(told).toHaveLength(1);
  }
  // The trials really raced: both ways happened.
  expect(byPublishing).toBeGreaterThan(0);
  expect(byPush).toBeGreaterThan(0);
  console.log(`verdict reached the notice: by publishing ${byPublishing}, by the push ${byPush}; refused at publishing ${refused}`);
});
