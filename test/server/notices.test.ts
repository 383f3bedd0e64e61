// Notices end to end over the SQLite store: publishing rights, format, duplicates, acknowledgement,
// receipts, reminders, leavers and late joiners, withdraw and correct (§3.2, §4, R4).
import type { ActionInput, NoticeKind } from '../../src/contract';
import type { MediaCheckPush } from '../../src/server/ports';
import { receiveMediaVerdict } from '../../src/server/handlers/media-verdict';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from './harness';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BODY = '各位同事：12月5日（周五）下午三点在三楼会议室召开季度总结会，请准时参加。';
const draft = (over: Partial<ActionInput<'notices.publish'>> = {}): ActionInput<'notices.publish'> => ({
  groupIds: ['g_market'],
  kind: 'important',
  title: '关于召开季度总结会的通知',
  body: BODY,
  requestId: requestId(),
  ...over,
});
const preview = (over: Partial<ActionInput<'notices.publish'>> = {}) => {
  const { requestId: _r, confirmNearDuplicate: _c, ...d } = draft(over);
  return d;
};
const publish = (as: string, over: Partial<ActionInput<'notices.publish'>> = {}) => w.call(as, 'notices.publish', draft(over));
const okPublish = (as: string, over: Partial<ActionInput<'notices.publish'>> = {}) => w.okCall(as, 'notices.publish', draft(over));
const attachment = (as: string, bytes = 'quarterly agenda v1') => w.upload(as, Buffer.from(bytes), { name: 'agenda.pdf', contentType: 'application/pdf' });
const inbox = async (as: string) => (await w.okCall(as, 'notifications.list', { limit: 50 })).items;

describe('publishing rights (§4.2, §4.3, §3.2)', () => {
  const cases: [who: string, kind: NoticeKind, group: string, allowed: boolean, why: string][] = [
    ['p_wangqiang', 'important', 'g_market', true, 'the head of 市场部, to his department’s group'],
    ['p_wangqiang', 'important', 'g_projecta', true, 'a head publishes important notices to any group'],
    ['p_zhengshuang', 'important', 'g_market', false, 'a plain member may not publish an important notice'],
    ['p_liuyang', 'important', 'g_market', true, 'an admin, to the group they run'],
    ['p_liuyang', 'important', 'g_projecta', false, 'an admin, to a group they do not run'],
    ['p_lina', 'crossDept', 'g_market', true, 'the head of the lead department, across departments'],
    ['p_zhoujie', 'crossDept', 'g_projecta', true, 'an admin of the project group'],
    ['p_zhoujie', 'crossDept', 'g_market', false, 'neither head nor admin nor creator there'],
    ['p_zhengshuang', 'crossDept', 'g_market', false, 'a plain member'],
    ['p_zhengshuang', 'general', 'g_market', true, 'a member of 市场部, to 市场部’s group'],
    ['p_huanglei', 'general', 'g_projecta', false, 'a 市场部 member, to a 技术部 group he is in'],
    ['p_chengang', 'general', 'g_market', false, 'the leader is not of 市场部'],
  ];
  for (const [who, kind, group, allowed, why] of cases) {
    it(`should ${allowed ? 'let' : 'refuse'} ${who} publish ${kind} to ${group}: ${why}`, async () => {
      const before = w.footprint().counts.notices;
      const r = await publish(who, { kind, groupIds: [group], title: `${kind}-${who}-${group}`.slice(0, 30) });
      if (allowed) expect(r).toMatchObject({ ok: true, data: { kind, status: 'active' } });
      else {
        expect(r).toMatchObject({ ok: false, code: 'NOT_PUBLISHER' });
        expect(w.footprint().counts.notices).toBe(before);
      }
    });
  }

  it('should let a designated publisher publish important notices, and show the form only the groups each kind reaches', async () => {
    expect((await w.okCall('p_zhengshuang', 'notices.form', {})).kinds.find((k) => k.kind === 'important')!.groups).toEqual([]);
    await w.okCall('p_zhaomin', 'people.setPublisher', { personId: 'p_zhengshuang', publisher: true });
    const form = await w.okCall('p_zhengshuang', 'notices.form', {});
    expect(form.kinds.find((k) => k.kind === 'important')!.groups.map((g) => g.name)).toContain('市场部工作群');
    expect(form.kinds.find((k) => k.kind === 'general')!.groups.map((g) => g.name)).toEqual(['市场部工作群']);
    expect(form.dept.name).toBe('市场部');
    expect((await publish('p_zhengshuang')).ok).toBe(true);
  });
});

describe('format (§4.4)', () => {
  const refused: [string, Partial<ActionInput<'notices.publish'>>, RegExp][] = [
    ['a blank title', { title: '   ' }, /标题/],
    ['a title over 30 characters', { title: '关于'.repeat(16) }, /30/],
    ['a blank body', { body: '  ' }, /正文/],
    ['a body over the settings limit', { body: '会'.repeat(1001) }, /1000/],
    ['a run of empty lines', { body: '第一段\n\n\n第二段' }, /空行/],
    ['decoration', { body: '★★★重要★★★ 明天开会' }, /装饰/],
    ['emoji', { title: '开会啦🎉' }, /装饰/],
  ];
  for (const [what, over, message] of refused) {
    it(`should refuse ${what}, writing nothing`, async () => {
      const before = w.footprint();
      const r = await publish('p_wangqiang', over);
      expect(r).toMatchObject({ ok: false, code: 'NOTICE_FORMAT' });
      if (!r.ok) expect(r.message).toMatch(message);
      expect(w.footprint()).toEqual(before);
    });
  }

  it('should require a name and a description for each attachment, and the body to mention it', async () => {
    const fileId = await attachment('p_wangqiang');
    const noDescription = await publish('p_wangqiang', { attachments: [{ fileId, name: '会议议程', description: ' ' }] });
    expect(noDescription).toMatchObject({ ok: false, code: 'NOTICE_FORMAT' });
    const checked = await w.okCall('p_wangqiang', 'notices.preview', preview({ attachments: [{ fileId, name: '会议议程', description: '时间安排与分工' }] }));
    expect(checked.unmentioned).toEqual([{ name: '会议议程', line: '附件：《会议议程》（时间安排与分工）' }]);
    expect(await publish('p_wangqiang', { attachments: [{ fileId, name: '会议议程', description: '时间安排与分工' }] })).toMatchObject({ ok: false, code: 'NOTICE_FORMAT' });
    const n = await okPublish('p_wangqiang', { body: `${BODY}\n附件：《会议议程》（时间安排与分工）`, attachments: [{ fileId, name: '会议议程', description: '时间安排与分工' }] });
    expect(n.attachments).toEqual([expect.objectContaining({ name: '会议议程', description: '时间安排与分工', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), url: expect.any(String) })]);
    // The publishing department and the date are the product's, not the publisher's to type.
    expect(n).toMatchObject({ dept: { name: '市场部' }, publisher: { name: '王强' }, publishedAt: T0, kindLabel: '重要通知' });
  });
});

describe('attachments', () => {
  it("should refuse someone else's upload, writing nothing, and keep a published one from the unused-upload cleanup", async () => {
    const theirs = await attachment('p_liuyang');
    const before = w.footprint();
    const r = await publish('p_wangqiang', { body: `${BODY}\n附件：《议程》（安排）`, attachments: [{ fileId: theirs, name: '议程', description: '安排' }] });
    expect(r).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    expect(w.footprint()).toEqual(before);
    const mine = await attachment('p_wangqiang');
    const n = await okPublish('p_wangqiang', { body: `${BODY}\n附件：《议程》（安排）`, attachments: [{ fileId: mine, name: '议程', description: '安排' }] });
    const [u] = await w.store.getUploads([(await import('../../src/server/reads/files')).uploadKey(mine)]);
    expect(u).toMatchObject({ used: true });
    expect(u.usedBy).toContain(`notice:${n.id}`);
  });
});

describe('duplicates (§4.1)', () => {
  it('should refuse the same text again in the same group, however its spacing and punctuation differ', async () => {
    const first = await okPublish('p_wangqiang');
    const again = await publish('p_wangqiang', { body: BODY.replace('：', ':').replace(/，/g, ', ') + '  ' });
    expect(again).toMatchObject({ ok: false, code: 'NOTICE_DUPLICATE' });
    if (!again.ok) expect(again.message).toContain('《关于召开季度总结会的通知》');
    const checked = await w.okCall('p_wangqiang', 'notices.preview', preview());
    expect(checked.duplicate).toMatchObject({ noticeId: first.id, why: 'text' });
    // A correction of that very notice is no duplicate of it.
    expect((await w.okCall('p_wangqiang', 'notices.preview', { ...preview(), noticeId: first.id })).duplicate).toBeNull();
    // Another group has not seen it: no duplicate there.
    expect((await publish('p_wangqiang', { groupIds: ['g_projecta'] })).ok).toBe(true);
  });

  it('should refuse an attachment with the same SHA-256 under another title', async () => {
    const a = await attachment('p_wangqiang', 'same bytes');
    const b = await attachment('p_wangqiang', 'same bytes');
    await okPublish('p_wangqiang', { body: `${BODY}\n附件：《议程》（安排）`, attachments: [{ fileId: a, name: '议程', description: '安排' }] });
    const r = await publish('p_wangqiang', { title: '季度会材料', body: '请查阅附件：《材料》（会议材料）', attachments: [{ fileId: b, name: '材料', description: '会议材料' }] });
    expect(r).toMatchObject({ ok: false, code: 'NOTICE_DUPLICATE' });
    if (!r.ok) expect(r.message).toContain('相同的附件');
  });

  it('should ask for a reason before publishing a near duplicate, and record it', async () => {
    await okPublish('p_wangqiang');
    const near = { body: BODY.replace('三点', '三点半') };
    expect(await publish('p_wangqiang', near)).toMatchObject({ ok: false, code: 'NEAR_DUPLICATE' });
    const checked = await w.okCall('p_wangqiang', 'notices.preview', preview(near));
    expect(checked.near[0].similarity).toBeGreaterThanOrEqual(0.8);
    const n = await okPublish('p_wangqiang', { ...near, confirmNearDuplicate: '会议时间改为三点半' });
    const stored = (await w.store.getNotice(n.id))!;
    expect(stored.nearDuplicate).toMatchObject({ reason: '会议时间改为三点半' });
  });

  it('should not count a notice older than the window, nor a withdrawn one', async () => {
    const old = await okPublish('p_wangqiang');
    w.clock.t += 31 * DAY;
    expect((await publish('p_wangqiang')).ok).toBe(true);
    const again = await okPublish('p_wangqiang', { groupIds: ['g_projecta'] });
    await w.okCall('p_wangqiang', 'notices.withdraw', { noticeId: again.id, reason: '发错群' });
    expect((await publish('p_wangqiang', { groupIds: ['g_projecta'] })).ok).toBe(true);
    expect(old.id).not.toBe(again.id);
  });

  it('should answer a retried publish with the notice filed the first time', async () => {
    const input = draft();
    const a = await w.okCall('p_wangqiang', 'notices.publish', input);
    const b = await w.okCall('p_wangqiang', 'notices.publish', input);
    expect(b.id).toBe(a.id);
    expect(w.footprint().counts.notices).toBe(1);
  });
});

describe('acknowledgement', () => {
  it('should owe one acknowledgement per person across groups, and take a double tap once', async () => {
    const n = await okPublish('p_wangqiang', { groupIds: ['g_market', 'g_projecta'] });
    const stored = (await w.store.getNotice(n.id))!;
    // 黄磊 is in both groups; the publisher owes nothing; the leader is no member.
    expect(stored.owed.filter((p) => p === 'p_huanglei')).toHaveLength(1);
    expect(stored.owed).not.toContain('p_wangqiang');
    expect(stored.owed).not.toContain('p_chengang');
    const mine = await w.okCall('p_huanglei', 'notices.list', { scope: 'mine' });
    expect(mine).toMatchObject({ pending: 1, items: [{ id: n.id, mine: { owed: true, ackedAt: null } }] });
    const [a, b] = await Promise.all([w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id }), w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id })]);
    expect(a).toMatchObject({ ok: true, data: { mine: { ackedAt: T0, late: false } } });
    expect(b).toMatchObject({ ok: true, data: { mine: { ackedAt: T0 } } });
    expect(w.footprint().counts.acks).toBe(1);
    expect((await w.okCall('p_huanglei', 'notices.list', { scope: 'mine' })).pending).toBe(0);
  });

  it('should take an acknowledgement only with the right key fact', async () => {
    const n = await okPublish('p_wangqiang', { keyFact: { question: '会议在哪一天？', choices: ['12月4日', '12月5日', '12月6日'], answer: 1 } });
    expect(n.keyFact).toEqual({ question: '会议在哪一天？', choices: ['12月4日', '12月5日', '12月6日'] });
    expect(await w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id })).toMatchObject({ ok: false, code: 'KEY_FACT_WRONG' });
    expect(await w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id, keyFact: 0 })).toMatchObject({ ok: false, code: 'KEY_FACT_WRONG' });
    expect(w.footprint().counts.acks).toBe(0);
    expect(await w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id, keyFact: 1 })).toMatchObject({ ok: true });
  });

  it('should refuse a key fact on any notice but an important one', async () => {
    expect(await publish('p_zhengshuang', { kind: 'general', keyFact: { question: '哪天？', choices: ['一', '二', '三'], answer: 0 } })).toMatchObject({ ok: false, code: 'NOTICE_FORMAT' });
  });

  it('should mark an acknowledgement after the deadline late, and still take it', async () => {
    const n = await okPublish('p_wangqiang');
    w.clock.t = n.ackDueAt + HOUR;
    expect(await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id })).toMatchObject({ mine: { late: true } });
  });

  it('should let someone who joined later see the notice but owe nothing', async () => {
    const n = await okPublish('p_wangqiang');
    await w.store.putMembership({ _id: 'g_market:p_wufang', groupId: 'g_market', personId: 'p_wufang', roles: ['member'], nickname: null, status: 'active', updatedAt: T0 });
    expect((await w.okCall('p_wufang', 'notices.list', { scope: 'group', groupId: 'g_market' })).items.map((x) => x.id)).toEqual([n.id]);
    expect((await w.okCall('p_wufang', 'notices.list', { scope: 'mine' })).pending).toBe(0);
    expect(await w.call('p_wufang', 'notices.acknowledge', { noticeId: n.id })).toMatchObject({ ok: false, code: 'NOTICE_NOT_OWED' });
  });

  it('should not show a notice to someone with no part in its groups', async () => {
    const n = await okPublish('p_wangqiang');
    expect(await w.call('p_wufang', 'notices.get', { noticeId: n.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('receipts', () => {
  it('should show the publisher and the admins who has acknowledged, and the @-line of the rest', async () => {
    const n = await okPublish('p_wangqiang', { title: '季度总结会' });
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    const r = await w.okCall('p_liuyang', 'notices.receipts', { noticeId: n.id });
    expect(r.groups).toEqual([{ id: 'g_market', name: '市场部工作群', owed: 5, acked: 1 }]);
    expect(r.total).toEqual({ owed: 5, acked: 1, late: 0, overdue: 0 });
    expect(r.items.at(-1)).toMatchObject({ person: { name: '黄磊' }, nickname: '黄磊-市场部', ackedAt: T0 });
    // Canonical nicknames (§2.2), whatever the member has set in WeChat.
    expect(r.unreadLine).toBe('@何静-行政部 @刘洋-市场部 @张伟-市场部 @郑爽-市场部 请查看并确认《季度总结会》');
    const pending = await w.okCall('p_wangqiang', 'notices.receipts', { noticeId: n.id, filter: 'pending', limit: 2 });
    expect(pending).toMatchObject({ matching: 4, items: [{ ackedAt: null }, { ackedAt: null }] });
    expect(await w.call('p_huanglei', 'notices.receipts', { noticeId: n.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should show an admin only the groups they run', async () => {
    const n = await okPublish('p_wangqiang', { groupIds: ['g_market', 'g_projecta'] });
    const r = await w.okCall('p_zhoujie', 'notices.receipts', { noticeId: n.id });
    expect(r.groups.map((g) => g.name)).toEqual(['项目A群']);
    expect(await w.call('p_zhoujie', 'notices.receipts', { noticeId: n.id, groupId: 'g_market' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should stop counting someone who left the group', async () => {
    const n = await okPublish('p_wangqiang');
    await w.store.setMembershipStatus('g_market', 'p_hejing', 'left', T0);
    const r = await w.okCall('p_wangqiang', 'notices.receipts', { noticeId: n.id });
    expect(r.total.owed).toBe(4);
    expect(r.items.map((x) => x.person.name)).not.toContain('何静');
  });
});

describe('reminders', () => {
  it('should remind at 10:00 on working days until the deadline, once a round, never who acknowledged, then give the final count', async () => {
    // Tuesday 10:00: due at the end of Thursday (2 working days); reminders Wednesday and Thursday 10:00.
    const n = await okPublish('p_wangqiang');
    expect(n.ackDueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    await w.store.setMembershipStatus('g_market', 'p_hejing', 'left', T0);
    const reminders = async (who: string) => (await inbox(who)).filter((x) => x.title === '请确认通知');

    w.clock.t = Date.parse('2026-11-25T09:59:00+08:00');
    await runScheduler(w.deps);
    expect(await reminders('p_zhengshuang')).toHaveLength(0);

    w.clock.t = Date.parse('2026-11-25T10:00:00+08:00');
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    expect(await reminders('p_zhengshuang')).toHaveLength(1);
    expect(await reminders('p_huanglei')).toHaveLength(0);
    expect(await reminders('p_hejing')).toHaveLength(0);
    expect((await reminders('p_zhengshuang'))[0].body).toContain('《关于召开季度总结会的通知》');

    await w.okCall('p_zhengshuang', 'notices.acknowledge', { noticeId: n.id });
    w.clock.t = Date.parse('2026-11-26T10:00:00+08:00');
    await runScheduler(w.deps);
    expect(await reminders('p_zhengshuang')).toHaveLength(1);
    expect(await reminders('p_liuyang')).toHaveLength(2);

    w.clock.t = n.ackDueAt + 1;
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    const finals = async (who: string) => (await inbox(who)).filter((x) => x.title === '通知确认截止');
    expect(await finals('p_wangqiang')).toEqual([expect.objectContaining({ body: '《关于召开季度总结会的通知》已确认 2 / 4 人' })]);
    expect(await finals('p_liuyang')).toHaveLength(1);
    expect(await reminders('p_liuyang')).toHaveLength(2);
  });

  it('should send a large group its reminders in chunks that resume where the last run stopped', async () => {
    const n = await okPublish('p_wangqiang');
    const stored = (await w.store.getNotice(n.id))!;
    // 250 owed (the five members and 245 more on paper): three chunks, run until done.
    const extra = Array.from({ length: 245 }, (_, i) => `p_extra_${i}`);
    for (const id of extra) {
      await w.store.insertPerson({ _id: id, openid: null, name: `员工${i(id)}`, deptId: 'd_market', employeeNo: `E${i(id)}`, status: 'active', external: false, createdAt: T0 });
      await w.store.putMembership({ _id: `g_market:${id}`, groupId: 'g_market', personId: id, roles: ['member'], nickname: null, status: 'active', updatedAt: T0 });
    }
    const owed = [...stored.owed, ...extra];
    await w.store.updateNotice({ ...stored, owed, audience: [{ groupId: 'g_market', personIds: owed }] }, stored.version);
    w.clock.t = Date.parse('2026-11-25T10:00:00+08:00');
    const { runNoticeReminders } = await import('../../src/server/jobs/notices');
    // A run that stops at once leaves the cursor for the next.
    let chunks = 0;
    const stopped = await runNoticeReminders(w.deps, w.clock.t, { expired: () => ++chunks > 1 });
    expect(stopped).toMatchObject({ unfinished: true, reminded: 100 });
    expect((await w.store.getNotice(n.id))!.cursor).toBe(100);
    let total = stopped.reminded;
    for (let run = 0; run < 5; run++) total += (await runNoticeReminders(w.deps, w.clock.t)).reminded;
    expect(total).toBe(owed.length);
    expect((await w.store.getNotice(n.id))!).toMatchObject({ reminders: 1, cursor: null });
  });
});

const i = (id: string) => id.slice('p_extra_'.length);

describe('withdraw and correct', () => {
  it('should withdraw with a reason: gone from 首页, marked where it was, no longer acknowledged', async () => {
    const n = await okPublish('p_wangqiang');
    expect(await w.call('p_wangqiang', 'notices.withdraw', { noticeId: n.id, reason: ' ' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await w.call('p_liuyang', 'notices.withdraw', { noticeId: n.id, reason: '不是你发的' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.okCall('p_wangqiang', 'notices.withdraw', { noticeId: n.id, reason: '时间待定' })).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', withdrawReason: '时间待定' });
    expect((await w.okCall('p_huanglei', 'notices.list', { scope: 'mine' })).pending).toBe(0);
    expect((await w.okCall('p_huanglei', 'notices.list', { scope: 'group', groupId: 'g_market' })).items[0]).toMatchObject({ id: n.id, statusLabel: '已撤回' });
    expect(await w.call('p_huanglei', 'notices.acknowledge', { noticeId: n.id })).toMatchObject({ ok: false, code: 'NOTICE_WITHDRAWN' });
    w.clock.t = Date.parse('2026-11-25T10:00:00+08:00');
    await runScheduler(w.deps);
    expect((await inbox('p_huanglei')).filter((x) => x.title === '请确认通知')).toHaveLength(0);
  });

  it('should replace a notice with its correction, which everyone acknowledges again', async () => {
    const n = await okPublish('p_wangqiang');
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    const fixed = await w.okCall('p_wangqiang', 'notices.correct', { ...draft({ body: BODY.replace('三楼', '五楼') }), noticeId: n.id });
    expect(fixed).toMatchObject({ corrects: n.id, status: 'active' });
    expect(await w.okCall('p_huanglei', 'notices.get', { noticeId: n.id })).toMatchObject({ status: 'corrected', correctedBy: fixed.id, statusLabel: '已更正' });
    expect((await w.okCall('p_huanglei', 'notices.list', { scope: 'mine' })).items.map((x) => x.id)).toEqual([fixed.id]);
    expect(await w.call('p_wangqiang', 'notices.correct', { ...draft(), noticeId: n.id })).toMatchObject({ ok: false, code: 'NOTICE_WITHDRAWN' });
  });
});

describe("the publisher's counts", () => {
  const published = async (as = 'p_wangqiang') => (await w.okCall(as, 'notices.list', { scope: 'published' })).items;
  /** b and a as 我发布的通知 lists them. */
  const pair = async (a: string, b: string) => {
    const items = await published();
    return [items.find((n) => n.id === b), items.find((n) => n.id === a)] as const;
  };

  it('should show on 我发布的通知 each notice acknowledged x / y, late and overdue, as the receipts count them', async () => {
    const a = await okPublish('p_wangqiang', { title: '季度总结会' });
    const b = await okPublish('p_wangqiang', { title: '安全检查安排', body: '本周三上午十点进行消防安全检查，请各部门配合。', groupIds: ['g_market', 'g_projecta'] });
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: a.id });
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: b.id });
    await w.okCall('p_hejing', 'notices.acknowledge', { noticeId: b.id });
    let [nb, na] = await pair(a.id, b.id);
    expect(na).toMatchObject({ id: a.id, stats: { owed: 5, acked: 1, late: 0, overdue: 0 } });
    const owedB = nb!.stats!.owed;
    expect(nb).toMatchObject({ id: b.id, stats: { acked: 2, late: 0, overdue: 0 } });
    // 何静 leaves 市场部工作群 (the only group she owed b through): out of both sides, as 确认情况 counts.
    await w.store.setMembershipStatus('g_market', 'p_hejing', 'left', T0);
    [nb, na] = await pair(a.id, b.id);
    expect(nb!.stats).toEqual({ owed: owedB - 1, acked: 1, late: 0, overdue: 0 });
    expect(na!.stats).toEqual({ owed: 4, acked: 1, late: 0, overdue: 0 });
    // Past the deadline: who has not acknowledged is overdue; a late acknowledgement is counted, as late.
    w.clock.t = a.ackDueAt + HOUR;
    await w.okCall('p_zhengshuang', 'notices.acknowledge', { noticeId: a.id });
    [nb, na] = await pair(a.id, b.id);
    expect(na!.stats).toEqual({ owed: 4, acked: 2, late: 1, overdue: 2 });
    for (const n of [na!, nb!]) expect(n.stats).toEqual((await w.okCall('p_wangqiang', 'notices.receipts', { noticeId: n.id })).total);
  });

  it('should give the counts on the notice to the publisher and an admin of all its groups, not to a member', async () => {
    const n = await okPublish('p_wangqiang');
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    for (const who of ['p_wangqiang', 'p_liuyang']) expect((await w.okCall(who, 'notices.get', { noticeId: n.id })).stats).toEqual({ owed: 5, acked: 1, late: 0, overdue: 0 });
    expect((await w.okCall('p_huanglei', 'notices.get', { noticeId: n.id })).stats).toBeUndefined();
    // 周杰 runs 项目A群 only: his groups' counts are on 确认情况, not the whole notice's here.
    const both = await okPublish('p_wangqiang', { title: '两个群的通知', body: '请两个群的同事于周五前提交周报。', groupIds: ['g_market', 'g_projecta'] });
    const asZhoujie = await w.okCall('p_zhoujie', 'notices.get', { noticeId: both.id });
    expect(asZhoujie).toMatchObject({ canReceipts: true });
    expect(asZhoujie.stats).toBeUndefined();
  });

  it('should read the list and the notice with at most two store reads and write nothing', async () => {
    const { instrumentStore } = await import('../support/instrumented-store');
    for (let i = 0; i < 3; i++) {
      const n = await okPublish('p_wangqiang', { title: `第${i + 1}次例会`, body: `第${i + 1}次例会于周${'一二三'[i]}下午召开，请准时参加。` });
      await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    }
    await w.store.setMembershipStatus('g_market', 'p_hejing', 'left', T0);
    const { cachedStore } = await import('../../src/server/adapters/cached-store');
    const probe = instrumentStore(w.store);
    // As the bench measures: warm, the caller having opened the app on this instance just before.
    w.deps.store = cachedStore(probe.store);
    await w.okCall('p_wangqiang', 'session.whoami', {});
    probe.reset();
    const list = await w.okCall('p_wangqiang', 'notices.list', { scope: 'published' });
    expect(list.items.map((n) => n.stats)).toEqual([0, 1, 2].map(() => ({ owed: 4, acked: 1, late: 0, overdue: 0 })));
    expect(probe.counts().byMethod).toEqual({ getActor: 1, listNoticesByPublisher: 1 });
    expect(probe.counts()).toMatchObject({ reads: 2, writes: 0 });
    probe.reset();
    await w.okCall('p_wangqiang', 'notices.get', { noticeId: list.items[0]!.id });
    expect(probe.counts().byMethod).toEqual({ getActor: 1, getNoticeForPerson: 1 });
    expect(probe.counts()).toMatchObject({ reads: 2, writes: 0 });
  });
});

describe('image attachments and their content check', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  /** The verdict held back, as WeChat's arrives minutes later; `push` sends it. */
  function holdVerdicts() {
    const traces: string[] = [];
    w.deps.media = { submit: async () => ({ traceId: `trace-notice-${traces.push('') }` }) };
    return (n: number, suggest: 'pass' | 'risky', label = 20002): MediaCheckPush => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id: `trace-notice-${n}`, version: 2, result: { suggest, label } });
  }
  const withImage = async (fileId: string, over: Partial<ActionInput<'notices.publish'>> = {}) =>
    okPublish('p_wangqiang', { attachments: [{ fileId, name: '场地示意图', description: '三楼会议室位置' }], body: `${BODY}\n附件：《场地示意图》（三楼会议室位置）`, ...over });
  const views = async (id: string) =>
    Object.fromEntries(await Promise.all(['p_wangqiang', 'p_liuyang', 'p_huanglei'].map(async (who) => [who, await w.okCall(who, 'notices.get', { noticeId: id })] as const)));

  it('should link an image under check only for the publisher and the admins, then for everyone once it passes', async () => {
    const verdict = holdVerdicts();
    const img = await w.upload('p_wangqiang', PNG, { name: '场地.png' });
    const n = await withImage(img);
    let v = await views(n.id);
    for (const who of ['p_wangqiang', 'p_liuyang']) expect(v[who]!.attachments).toEqual([expect.objectContaining({ name: '场地示意图', pending: true, url: expect.any(String) })]);
    expect(v.p_huanglei!.attachments).toEqual([expect.objectContaining({ name: '场地示意图', pending: true })]);
    expect(v.p_huanglei!.attachments[0]).not.toHaveProperty('url');
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'pass'))).toBe('applied');
    v = await views(n.id);
    expect(v.p_huanglei!.attachments).toEqual([expect.objectContaining({ url: expect.any(String) })]);
    expect(v.p_huanglei!.attachments[0]).not.toHaveProperty('pending');
    expect((await w.store.getNotice(n.id))!.attachments[0]!.check).toEqual({ status: 'pass', at: T0 });
  });

  it('should hide a risky image from everyone, tell the publisher once and keep the record, however often WeChat pushes it', async () => {
    const verdict = holdVerdicts();
    const img = await w.upload('p_wangqiang', PNG, { name: '场地.png' });
    const pdf = await attachment('p_wangqiang');
    const n = await okPublish('p_wangqiang', {
      attachments: [
        { fileId: img, name: '场地示意图', description: '三楼会议室位置' },
        { fileId: pdf, name: '会议议程', description: '时间安排与议题' },
      ],
      body: `${BODY}\n附件：《场地示意图》（三楼会议室位置）\n附件：《会议议程》（时间安排与议题）`,
    });
    w.clock.t = T0 + 20 * 60_000;
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'risky'))).toBe('applied');
    const v = await views(n.id);
    for (const who of ['p_wangqiang', 'p_liuyang', 'p_huanglei']) {
      expect(v[who]!.attachments.map((a) => a.name)).toEqual(['会议议程']);
      expect(v[who]!.hiddenAttachments).toBe(1);
    }
    const told = (await inbox('p_wangqiang')).filter((m) => m.title === '通知附件未通过内容安全检查');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toBe('你发布的通知《关于召开季度总结会的通知》中的图片「场地示意图」未通过微信内容安全检查（疑似色情内容），已对所有人隐藏。如需补发，请更正通知并换一张图片');
    // The record of why, on the notice itself.
    const stored = (await w.store.getNotice(n.id))!;
    expect(stored.attachments[0]!.check).toEqual({ status: 'risky', label: '色情', at: T0 + 20 * 60_000 });
    expect(stored.attachments[1]).not.toHaveProperty('check');
    // WeChat pushes again (and a pass for the same trace after it): nothing changes.
    const before = w.footprint();
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'risky'))).toBe('applied');
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'pass'))).toBe('applied');
    expect(w.footprint()).toEqual(before);
    expect((await w.store.getNotice(n.id))!.version).toBe(stored.version);
    expect((await inbox('p_wangqiang')).filter((m) => m.title === '通知附件未通过内容安全检查')).toHaveLength(1);
    // The same image cannot go out again in a correction.
    expect(await w.call('p_wangqiang', 'notices.correct', { ...draft({ attachments: [{ fileId: img, name: '场地示意图', description: '三楼会议室位置' }] }), noticeId: n.id })).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    });
  });

  it('should take a verdict that arrives while the notice is being published, before the push can find the notice', async () => {
    const verdict = holdVerdicts();
    const img = await w.upload('p_wangqiang', PNG, { name: '场地.png' });
    // The push lands after publishing checked the upload (pending) and before it marked the upload used.
    const attach = w.deps.store.attachUploads.bind(w.deps.store);
    let outcome: string | null = null;
    w.deps.store.attachUploads = async (ids, ref) => {
      outcome = await receiveMediaVerdict(w.deps, verdict(1, 'risky'));
      return attach(ids, ref);
    };
    const n = await withImage(img);
    expect(outcome).toBe('applied');
    expect(n.attachments).toEqual([]);
    expect(n.hiddenAttachments).toBe(1);
    expect((await w.store.getNotice(n.id))!.attachments[0]!.check).toMatchObject({ status: 'risky' });
    expect((await inbox('p_wangqiang')).filter((m) => m.title === '通知附件未通过内容安全检查')).toHaveLength(1);
  });

  it("should finish publishing's outbox on the scheduler when it failed after the notice was written: the upload kept, an early verdict applied, reminders as usual", async () => {
    const verdict = holdVerdicts();
    const img = await w.upload('p_wangqiang', PNG, { name: '场地.png' });
    const { instrumentStore } = await import('../support/instrumented-store');
    const { runNoticeReminders } = await import('../../src/server/jobs/notices');
    const { uploadKey } = await import('../../src/server/reads/files');
    const probe = instrumentStore(w.store);
    w.deps.store = probe.store;
    // The database fails right after the notice is written: published, the upload not yet marked.
    probe.failNext('attachUploads');
    const n = await withImage(img);
    const plain = await okPublish('p_wangqiang', { title: '关于调整午休时间的通知', body: '自下周一起午休时间调整为12:00至13:30。' });
    expect(n.attachments).toEqual([expect.objectContaining({ pending: true })]);
    expect((await w.store.getUploads([uploadKey(img)]))[0]).toMatchObject({ used: false, usedBy: [] });
    // The verdict lands meanwhile; the push cannot find the notice yet.
    w.clock.t = T0 + 10 * 60_000;
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'risky'))).toBe('applied');
    expect((await w.store.getNotice(n.id))!.attachments[0]!.check).toEqual({ status: 'pending' });
    await runNoticeReminders(w.deps, w.clock.t);
    const stored = (await w.store.getNotice(n.id))!;
    expect(stored.attachments[0]!.check).toMatchObject({ status: 'risky' });
    expect((await w.store.getUploads([uploadKey(img)]))[0]!.usedBy).toEqual([`notice:${n.id}`]);
    expect((await w.okCall('p_huanglei', 'notices.get', { noticeId: n.id })).hiddenAttachments).toBe(1);
    expect((await inbox('p_wangqiang')).filter((m) => m.title === '通知附件未通过内容安全检查')).toHaveLength(1);
    // Its first reminder is the one any notice published then gets, nothing reminded meanwhile.
    expect(stored.wakeAt).toBe((await w.store.getNotice(plain.id))!.wakeAt);
    expect(stored.reminders).toBe(0);
    // Done once: the next run, and another push, change nothing.
    const before = w.footprint();
    await runNoticeReminders(w.deps, w.clock.t);
    expect(await receiveMediaVerdict(w.deps, verdict(1, 'risky'))).toBe('applied');
    expect(w.footprint()).toEqual(before);
    expect((await w.store.getNotice(n.id))!.version).toBe(stored.version);
  });
});

describe('cost', () => {
  it('should publish with one write whatever the group size, and acknowledge with at most two reads and one write', async () => {
    const { instrumentStore } = await import('../support/instrumented-store');
    const probe = instrumentStore(w.store);
    w.deps.store = probe.store;
    await w.okCall('p_wangqiang', 'session.whoami', {});
    probe.reset();
    const n = await okPublish('p_wangqiang', { groupIds: ['g_market', 'g_projecta'] });
    expect(probe.counts().writes).toBe(1);
    await w.okCall('p_huanglei', 'session.whoami', {});
    probe.reset();
    await w.okCall('p_huanglei', 'notices.acknowledge', { noticeId: n.id });
    expect(probe.counts()).toMatchObject({ reads: 2, writes: 1 });
  });
});
