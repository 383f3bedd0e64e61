// Member feedback (§3.2) through dispatch: triage, forwarding, answers, one follow-up, 附议, the
// shared overdue ladder, and anonymity enforced by the server against whoever handles it.
import type { ActionName } from '../../src/contract';
import { runScheduler } from '../../src/server/jobs';
import { kinds, maskedFromSomeone } from '../../src/server/cases/kinds';
import { fileMarketRename, makeWorld, requestId, T0, viewAs, type World } from './harness';

const DAY = 86_400_000;
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const submit = (as = 'p_huanglei', over: Record<string, unknown> = {}) =>
  w.okCall(as, 'feedback.submit', { groupId: 'g_market', category: '建议', text: '希望每周例会改到周一上午，方便安排一周工作', anonymous: true, requestId: requestId(), ...over });
const titles = async (person: string) => (await w.okCall(person, 'notifications.list', { limit: 50 })).items.map((n) => n.title);

describe('anonymous towards whoever handles it', () => {
  it('should never let the head it is forwarded to, nor the leader, learn who sent it — not from the case, its history, the lists or the messages', async () => {
    // 黄磊 sends it anonymously with a photo; 郑爽 seconds it; 刘洋 (admin) sees who sent it and forwards it to 王强.
    const photo = await w.upload('p_huanglei', PNG, { name: '黄磊拍的会议室.png', contentType: 'image/png' });
    const fb = viewAs(await submit('p_huanglei', { images: [photo] }), 'feedback');
    await w.okCall('p_zhengshuang', 'feedback.second', { caseId: fb.id });
    const triage = viewAs(await w.okCall('p_liuyang', 'cases.get', { caseId: fb.id }), 'feedback');
    expect(triage.data.sender).toEqual({ id: 'p_huanglei', name: '黄磊' });
    expect(triage.subject.name).toBe('黄磊');
    expect(triage.history!.map((h) => h.by?.name)).toEqual(['黄磊', '郑爽']);
    await w.okCall('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_wangqiang', note: '请市场部研究答复' });

    // Everything 王强 (the receiver), 陈刚 (the group's leader) and the owner can read about it.
    const seen: unknown[] = [];
    const as = async <A extends ActionName>(who: string, action: A, data: Parameters<typeof w.okCall<A>>[2]) => {
      const r = await w.okCall(who, action, data);
      seen.push(r);
      return r;
    };
    const received = viewAs(await as('p_wangqiang', 'cases.get', { caseId: fb.id }), 'feedback');
    expect(received.data).toMatchObject({ sender: null, anonymous: true, seconds: 1, mine: false, text: '希望每周例会改到周一上午，方便安排一周工作' });
    expect(received.subject).toEqual({ id: '', name: '一位群成员' });
    // The photo reaches the receiver as an expiring link, never as its file id or its uploader.
    expect(received.links!.images).toHaveLength(1);
    expect(JSON.stringify(received)).not.toContain(photo);
    expect(received.history!.map((h) => [h.actionLabel, h.by?.name])).toEqual([
      ['提交反馈', '一位群成员'],
      ['附议', '一位群成员'],
      ['转交处理', '刘洋'],
    ]);
    await as('p_wangqiang', 'inbox.list', {});
    await as('p_wangqiang', 'notifications.list', { limit: 50 });
    await as('p_wangqiang', 'cases.mine', {});
    // 王强 is also a member of the group: the similar list never names anyone either.
    const similar = await as('p_wangqiang', 'feedback.similar', { groupId: 'g_market', text: '例会能不能改到周一上午' });
    expect(similar.items.map((i) => i.caseId)).toEqual([fb.id]);
    await as('p_chengang', 'cases.get', { caseId: fb.id });
    await as('p_chengang', 'notifications.list', { limit: 50 });
    await as('p_zhaomin', 'cases.get', { caseId: fb.id });
    const answered = await as('p_wangqiang', 'feedback.answer', { caseId: fb.id, answer: '下周起例会改到周一上午十点' });
    const text = JSON.stringify(seen);
    for (const trace of ['黄磊', 'p_huanglei', 'dev_p_huanglei', '郑爽', 'p_zhengshuang']) expect(text).not.toContain(trace);
    expect(viewAs(answered, 'feedback').state).toBe('fb_answered');
    // The sender sees the answer and who gave it.
    const mine = viewAs(await w.okCall('p_huanglei', 'cases.get', { caseId: fb.id }), 'feedback');
    expect(mine.data).toMatchObject({ mine: true, answer: { text: '下周起例会改到周一上午十点', byName: '王强' }, forwardedTo: { name: '王强', role: '市场部负责人' } });
  });

  it('should not name an anonymous sender who nudges the one it was forwarded to', async () => {
    const fb = await submit('p_huanglei');
    await w.okCall('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_wangqiang' });
    await w.okCall('p_huanglei', 'cases.nudge', { caseId: fb.id });
    const got = (await w.okCall('p_wangqiang', 'notifications.list', { limit: 50 })).items.filter((n) => n.title.startsWith('催办'));
    expect(got).toHaveLength(1);
    expect(got[0].body).toContain('一位群成员 催你尽快处理');
    expect(JSON.stringify(got)).not.toContain('黄磊');
  });

  it('should count as masked from someone exactly the anonymous sender and those who seconded, and name a sender who nudges otherwise', async () => {
    const anon = await submit('p_huanglei');
    await w.okCall('p_zhengshuang', 'feedback.second', { caseId: anon.id });
    const named = await submit('p_hejing', { anonymous: false, text: '茶水间的饮水机坏了，请尽快维修' });
    const stored = async (id: string) => (await w.store.getCase(id))!;
    const a = await stored(anon.id);
    expect(['p_huanglei', 'p_zhengshuang', 'p_liuyang', 'p_wangqiang'].filter((p) => maskedFromSomeone(a, p))).toEqual(['p_huanglei', 'p_zhengshuang']);
    expect(maskedFromSomeone(await stored(named.id), 'p_hejing')).toBe(false);
    const rename = await fileMarketRename(w);
    expect(maskedFromSomeone(await stored(rename.id), rename.subject.id)).toBe(false);
    // Whomever a reader may not learn of, the helper knows of too.
    for (const reader of [{ id: 'p_wangqiang', roles: [] }, { id: 'p_zhengshuang', roles: ['member'] }, { id: '', roles: [] }] as const)
      for (const p of kinds.feedback.masked!(a, { ...reader, roles: [...reader.roles] })) expect(maskedFromSomeone(a, p)).toBe(true);

    await w.okCall('p_liuyang', 'feedback.forward', { caseId: named.id, toPersonId: 'p_wangqiang' });
    await w.okCall('p_hejing', 'cases.nudge', { caseId: named.id });
    const got = (await w.okCall('p_wangqiang', 'notifications.list', { limit: 50 })).items.filter((n) => n.title.startsWith('催办'));
    expect(got.map((n) => n.body)).toEqual([expect.stringContaining('何静 催你尽快处理')]);
  });

  it('should name the sender to the receiver when they did not ask for anonymity, but never those who seconded', async () => {
    const fb = await submit('p_huanglei', { anonymous: false });
    await w.okCall('p_zhengshuang', 'feedback.second', { caseId: fb.id });
    await w.okCall('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_chengang' });
    const v = viewAs(await w.okCall('p_chengang', 'cases.get', { caseId: fb.id }), 'feedback');
    expect(v.data.sender).toEqual({ id: 'p_huanglei', name: '黄磊' });
    expect(v.data.forwardedTo).toMatchObject({ name: '陈刚', role: '上级领导' });
    expect(JSON.stringify(v)).not.toContain('郑爽');
  });
});

describe('triage, answers and one follow-up', () => {
  it('should put it in the admins\' 待办, forward it only to a department head or the group\'s leader, and return a follow-up to whoever answered', async () => {
    const fb = await submit();
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.map((c) => c.id)).toContain(fb.id);
    expect(await w.call('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_zhangwei_m' })).toMatchObject({ ok: false, code: 'FORWARD_TARGET_INVALID' });
    expect(await w.call('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'FORWARD_TARGET_INVALID' });
    expect(await w.call('p_zhengshuang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_wangqiang' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Any department's head: 李娜 heads 技术部.
    const forwarded = await w.okCall('p_liuyang', 'feedback.forward', { caseId: fb.id, toPersonId: 'p_lina' });
    expect(forwarded).toMatchObject({ state: 'fb_forwarded', waitingOn: [{ name: '李娜' }] });
    expect((await w.okCall('p_lina', 'inbox.list', {})).items.map((c) => c.id)).toEqual([fb.id]);
    expect(await titles('p_lina')).toEqual(['转交给你的群成员反馈']);
    // Only the receiver answers now.
    expect(await w.call('p_liuyang', 'feedback.answer', { caseId: fb.id, answer: '我来答复' })).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED', message: '这条反馈已转交技术部负责人 李娜 答复' });
    await w.okCall('p_lina', 'feedback.answer', { caseId: fb.id, answer: '技术部会配合调整' });
    expect(await titles('p_huanglei')).toContain('你的反馈已有答复');
    const back = await w.okCall('p_huanglei', 'feedback.followUp', { caseId: fb.id, text: '线上参会的同事怎么安排？' });
    expect(back).toMatchObject({ state: 'fb_followup', waitingOn: [{ name: '李娜' }] });
    await w.okCall('p_lina', 'feedback.answer', { caseId: fb.id, answer: '线上会议室链接会提前发到群里' });
    expect(await w.call('p_huanglei', 'feedback.followUp', { caseId: fb.id, text: '还有问题' })).toMatchObject({ ok: false, code: 'FOLLOWUP_USED' });
    const done = await w.okCall('p_huanglei', 'feedback.resolve', { caseId: fb.id });
    expect(done).toMatchObject({ state: 'fb_resolved', open: false });
    // Closed feedback stays readable by the member and the admins.
    expect((await w.call('p_huanglei', 'cases.get', { caseId: fb.id })).ok).toBe(true);
    expect((await w.call('p_liuyang', 'cases.get', { caseId: fb.id })).ok).toBe(true);
  });

  it('should refuse an unknown category, blank text, a non-member and someone else\'s upload, writing nothing', async () => {
    const theirs = await w.upload('p_zhengshuang', PNG, { name: '截图.png', contentType: 'image/png' });
    const before = w.footprint();
    expect(await w.call('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '附上截图', images: [theirs], requestId: requestId() })).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    expect(await w.call('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '表扬', text: '很好', requestId: requestId() })).toMatchObject({ ok: false, code: 'CATEGORY_UNKNOWN' });
    expect(await w.call('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '   ', requestId: requestId() })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await w.call('p_zhoujie', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '建议', requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    expect(await w.call('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '投诉', text: '有人在群里推广刷单返利', requestId: requestId() })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(w.footprint()).toEqual(before);
  });
});

describe('limits', () => {
  it('should refuse an eleventh piece of feedback from one member within the hour, writing nothing', async () => {
    for (let i = 0; i < 10; i++) await submit('p_huanglei', { text: `第 ${i + 1} 条建议：改进例会安排` });
    const before = w.footprint();
    expect(await w.call('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '再提一条', requestId: requestId() })).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(w.footprint()).toEqual(before);
    // Someone else is not held back.
    expect((await w.call('p_zhengshuang', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '我的建议', requestId: requestId() })).ok).toBe(true);
  });
});

describe('附议 (+1)', () => {
  it('should offer open feedback with similar text before sending, count each member\'s second once, and show the count to the admins', async () => {
    const fb = await submit();
    await submit('p_hejing', { text: '食堂的饭菜太咸了，希望改进', category: '问题' });
    const similar = await w.okCall('p_zhengshuang', 'feedback.similar', { groupId: 'g_market', text: '建议把例会改到周一上午' });
    expect(similar.items).toEqual([expect.objectContaining({ caseId: fb.id, category: '建议', seconds: 0, mine: false, secondedByMe: false })]);
    expect((await w.okCall('p_zhengshuang', 'feedback.similar', { groupId: 'g_market', text: '停车位不够用' })).items).toEqual([]);
    const seconded = await w.okCall('p_zhengshuang', 'feedback.second', { caseId: fb.id });
    expect(seconded).toMatchObject({ seconds: 1, secondedByMe: true });
    expect(await w.call('p_zhengshuang', 'feedback.second', { caseId: fb.id })).toMatchObject({ ok: false, code: 'ALREADY_SECONDED' });
    expect(await w.call('p_huanglei', 'feedback.second', { caseId: fb.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_zhoujie', 'feedback.second', { caseId: fb.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.okCall('p_hejing', 'feedback.second', { caseId: fb.id });
    expect(viewAs(await w.okCall('p_liuyang', 'cases.get', { caseId: fb.id }), 'feedback').data.seconds).toBe(2);
    // The seconder reaches the feedback to second it, not to read it.
    expect(await w.call('p_zhengshuang', 'cases.get', { caseId: fb.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Answered feedback is no longer offered.
    await w.okCall('p_liuyang', 'feedback.answer', { caseId: fb.id, answer: '已采纳' });
    expect((await w.okCall('p_zhengshuang', 'feedback.similar', { groupId: 'g_market', text: '建议把例会改到周一上午' })).items).toEqual([]);
  });
});

describe('overdue, on the shared timeout', () => {
  it('should remind the admins, then bring in the leader, who may answer; close answered feedback nobody confirmed', async () => {
    const fb = await submit();
    // Tuesday 10:00 + 2 working days → Thursday end of day; the reminder gives one more working day.
    w.clock.t = T0 + 3 * DAY;
    await runScheduler(w.deps);
    expect(await titles('p_liuyang')).toContain('意见反馈已超期');
    w.clock.t = T0 + 7 * DAY;
    await runScheduler(w.deps);
    expect(await titles('p_chengang')).toContain('意见反馈超期未答复');
    const v = viewAs(await w.okCall('p_chengang', 'cases.get', { caseId: fb.id }), 'feedback');
    expect(v).toMatchObject({ escalation: 2, data: { sender: null } });
    expect(v.allowed).toEqual(expect.arrayContaining(['answer', 'forward']));
    await w.okCall('p_chengang', 'feedback.answer', { caseId: fb.id, answer: '下周例会讨论' });
    w.clock.t = T0 + 20 * DAY;
    await runScheduler(w.deps);
    const closed = await w.okCall('p_huanglei', 'cases.get', { caseId: fb.id });
    expect(closed).toMatchObject({ state: 'fb_closed', open: false });
    expect(closed.history!.at(-1)).toMatchObject({ actionLabel: '逾期未确认，结案', by: null });
  });
});
