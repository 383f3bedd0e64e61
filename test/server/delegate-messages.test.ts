// 代理 and messages: while 周杰 is away with 孙丽 standing in, what tells 周杰 that a step waits on him
// (a new case, a hand-over, the overdue sweep, a nudge) tells 孙丽 too, worded 代周杰, in-app and as a
// subscription message where she granted the template — once, never while the delegation has not begun
// or after it ended, and never for an emergency's task, which she cannot act on (nor list in 待办).
import { KEYWORD_TYPES } from '../../src/contract/template-keywords';
import { demoOpenid } from '../../src/server/host/seed';
import { retryOutboxes, runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from './harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

/** What `who` was told about one case, in-app, oldest first. */
const toldAbout = async (who: string, caseId: string) =>
  (await w.okCall(who, 'notifications.list', { limit: 50 })).items.filter((n) => n.caseId === caseId).sort((a, b) => a.createdAt - b.createdAt);
const titles = async (who: string, caseId: string) => (await toldAbout(who, caseId)).map((n) => n.title);
/** The same, less the filing's own message to the group's admins. */
const titlesSinceFiled = async (who: string, caseId: string) => (await titles(who, caseId)).filter((t) => t !== '新的改名申请');
const pushesTo = (who: string) => w.notifier.sent.filter((m) => m.touser === demoOpenid(who));
const grant = (who: string, ...templates: string[]) => w.okCall(who, 'subscriptions.record', { results: Object.fromEntries(templates.map((t) => [t, 'accept' as const])) });
const delegate = (from: string, to: string, start = T0, end = T0 + 7 * DAY) => w.okCall(from, 'delegations.set', { delegateId: to, from: start, to: end });

/** 黄磊 asks to be renamed in 项目A群 (waits on its admins 周杰 and 孙丽); 孙丽 hands her part to 陈刚. */
async function waitingOnZhoujieAndChengang() {
  const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_projecta', nickname: '黄磊-市场部', requestId: requestId() });
  await w.okCall('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
  return filed;
}

/** 王强 as a second leader of both of 陈刚's groups: someone who may stand in for 陈刚. */
async function wangqiangLeadsToo() {
  await w.deps.store.setMembershipRole('g_market', 'p_wangqiang', 'leader', true, T0);
  await w.deps.store.putMembership({ _id: 'g_projecta:p_wangqiang', groupId: 'g_projecta', personId: 'p_wangqiang', roles: ['leader'], nickname: null, status: 'active', updatedAt: T0 });
}

describe('代理: the delegate is told what now waits on the delegator', () => {
  it('should tell the delegate of whom a step is handed over to, in-app and on the same template, worded 代陈刚 within the field limits', async () => {
    await wangqiangLeadsToo();
    await grant('p_wangqiang', 'TPL_NEW_TASK');
    await delegate('p_chengang', 'p_wangqiang');
    const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    await w.okCall('p_liuyang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });

    const [his] = await toldAbout('p_chengang', filed.id);
    expect(his.title).toBe('转交给你的改名申请');
    const hers = await toldAbout('p_wangqiang', filed.id);
    expect(hers.map((n) => [n.title, n.body, n.page, n.push])).toEqual([['代陈刚：转交给你的改名申请', his.body, his.page, 'sent']]);
    const [push] = pushesTo('p_wangqiang');
    expect(pushesTo('p_wangqiang')).toHaveLength(1);
    expect(push).toMatchObject({ templateId: 'TPL_NEW_TASK', page: his.page });
    expect(push.data.thing1.value).toBe('代陈刚：转交给你的改名申请');
    // Every keyword within what WeChat accepts (47003 otherwise).
    for (const [key, { value }] of Object.entries(push.data)) {
      const max = KEYWORD_TYPES[key.replace(/\d+$/, '')].max;
      if (max !== undefined) expect([key, [...value].length <= max]).toEqual([key, true]);
    }
    // And it is in his 待办, as standing in for 陈刚.
    const item = (await w.okCall('p_wangqiang', 'inbox.list', {})).items.find((c) => c.id === filed.id)!;
    expect(item.approval!.actingFor).toEqual({ id: 'p_chengang', name: '陈刚' });
  });

  it('should tell the delegate of a new case waiting on the delegator, and only once when it waits on her in her own right', async () => {
    // Two one-time grants: one for each message she is owed.
    await grant('p_sunli', 'TPL_NEW_TASK');
    await grant('p_sunli', 'TPL_NEW_TASK');
    await delegate('p_zhoujie', 'p_sunli');
    // 项目A群's renames wait on both its admins: 孙丽 is told as herself, not a second time as 周杰's delegate.
    const both = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_projecta', nickname: '黄磊-市场部', requestId: requestId() });
    expect(await titles('p_sunli', both.id)).toEqual(['新的改名申请']);
    expect(pushesTo('p_sunli')).toHaveLength(1);
    // 周杰 becomes an admin of 市场部工作群 too while away: its new requests wait on him, and so reach her.
    await w.deps.store.putMembership({ _id: 'g_market:p_zhoujie', groupId: 'g_market', personId: 'p_zhoujie', roles: ['member', 'admin'], nickname: '周杰-技术部', status: 'active', updatedAt: T0 });
    const market = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    expect(market.waitingOn.map((p) => p.name).sort()).toEqual(['刘洋', '周杰'].sort());
    expect(await titles('p_sunli', market.id)).toEqual(['代周杰：新的改名申请']);
    expect(await titles('p_zhoujie', market.id)).toEqual(['新的改名申请']);
    expect(pushesTo('p_sunli').map((m) => m.data.thing1.value)).toEqual(['新的改名申请', '代周杰：新的改名申请']);
  });

  it("should copy the overdue sweep's reminder to the delegate once, and not an escalation to someone else", async () => {
    const filed = await waitingOnZhoujieAndChengang();
    await grant('p_sunli', 'TPL_REMINDER');
    await delegate('p_zhoujie', 'p_sunli');
    w.clock.t = filed.dueAt! + MIN;
    await runScheduler(w.deps, undefined, { sweeps: false });
    expect(await titlesSinceFiled('p_zhoujie', filed.id)).toEqual(['改名申请已超期']);
    expect(await titlesSinceFiled('p_sunli', filed.id)).toEqual(['代周杰：改名申请已超期']);
    expect(pushesTo('p_sunli').map((m) => [m.templateId, m.data.thing1.value])).toEqual([['TPL_REMINDER', '代周杰：改名申请已超期']]);
    // The next run has nothing left to send.
    await runScheduler(w.deps, undefined, { sweeps: false });
    expect(await titlesSinceFiled('p_sunli', filed.id)).toEqual(['代周杰：改名申请已超期']);
    // Still undecided: escalated to the leader, who is told; 周杰 is not, so neither is 孙丽.
    const reminded = (await w.store.getCase(filed.id))!;
    w.clock.t = reminded.wakeAt! + MIN;
    await runScheduler(w.deps, undefined, { sweeps: false });
    expect((await w.store.getCase(filed.id))!.history.at(-1)!.action).toBe('escalate');
    expect(await titles('p_chengang', filed.id)).toContain('改名申请超期未处理');
    expect(await titlesSinceFiled('p_sunli', filed.id)).toEqual(['代周杰：改名申请已超期']);
  });

  it('should tell the delegate nothing before the delegation begins, after it ends, or once it is cleared', async () => {
    const filed = await waitingOnZhoujieAndChengang();
    await delegate('p_zhoujie', 'p_sunli', T0 + DAY, T0 + 2 * DAY);
    const nudge = async (at: number) => {
      w.clock.t = at;
      await w.okCall('p_huanglei', 'cases.nudge', { caseId: filed.id });
      return titlesSinceFiled('p_sunli', filed.id);
    };
    expect(await nudge(T0)).toEqual([]);
    expect(await nudge(T0 + DAY + HOUR)).toEqual(['代周杰：催办：改名申请']);
    expect(await nudge(T0 + 2 * DAY + HOUR)).toEqual(['代周杰：催办：改名申请']);
    await delegate('p_zhoujie', 'p_sunli', T0 + 2 * DAY + HOUR, T0 + 3 * DAY);
    await w.okCall('p_zhoujie', 'delegations.clear', {});
    expect(await nudge(T0 + 2 * DAY + 6 * HOUR)).toEqual(['代周杰：催办：改名申请']);
    // 周杰 himself was told each time.
    expect((await titlesSinceFiled('p_zhoujie', filed.id)).filter((t) => t === '催办：改名申请')).toHaveLength(4);
  });

  it("should send the delegate's copy once when its push fails and the scheduler retries it", async () => {
    await wangqiangLeadsToo();
    await grant('p_wangqiang', 'TPL_NEW_TASK');
    await delegate('p_chengang', 'p_wangqiang');
    const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    w.notifier.mode = 'throw';
    await w.okCall('p_liuyang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
    expect((await toldAbout('p_wangqiang', filed.id)).map((n) => n.push)).toEqual(['pending']);
    expect((await w.store.getCase(filed.id))!.outbox).toHaveLength(1);
    w.notifier.mode = 'ok';
    await retryOutboxes(w.deps);
    await retryOutboxes(w.deps);
    expect((await toldAbout('p_wangqiang', filed.id)).map((n) => [n.title, n.push])).toEqual([['代陈刚：转交给你的改名申请', 'sent']]);
    expect(pushesTo('p_wangqiang')).toHaveLength(1);
    expect(await titles('p_chengang', filed.id)).toEqual(['转交给你的改名申请']);
    expect((await w.store.getCase(filed.id))!.outbox).toEqual([]);
  });

  it('should keep the notice for the retry when the delegations cannot be read, and then send the copy', async () => {
    let failReads = true;
    w = await makeWorld({
      wrapStore: (s) =>
        // Decided at each call: the directory cache takes the store's methods once.
        Object.assign(Object.create(s) as typeof s, { getDelegations: (ids: string[]) => (failReads ? Promise.reject(new Error('database timeout')) : s.getDelegations(ids)) }),
    });
    await wangqiangLeadsToo();
    failReads = false;
    await delegate('p_chengang', 'p_wangqiang');
    const filed = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    failReads = true;
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await w.okCall('p_liuyang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
    spy.mockRestore();
    expect(await titles('p_chengang', filed.id)).toEqual(['转交给你的改名申请']);
    expect(await titles('p_wangqiang', filed.id)).toEqual([]);
    expect((await w.store.getCase(filed.id))!.outbox).toHaveLength(1);
    failReads = false;
    await retryOutboxes(w.deps);
    expect(await titles('p_wangqiang', filed.id)).toEqual(['代陈刚：转交给你的改名申请']);
    expect(await titles('p_chengang', filed.id)).toEqual(['转交给你的改名申请']);
    expect((await w.store.getCase(filed.id))!.outbox).toEqual([]);
  });
});

describe('代理 and emergencies (§5.3): a task is its assignee’s own', () => {
  const startEmergency = () =>
    w.okCall('p_chengang', 'emergencies.start', {
      groupId: 'g_projecta',
      title: '服务器宕机',
      description: '线上服务不可用',
      respondWithinMinutes: 60,
      assignments: [{ personId: 'p_zhoujie', task: '重启服务' }],
      requestId: requestId(),
    });

  it("should keep an emergency task waiting on the delegator out of the delegate's 待办, while his other steps are in it", async () => {
    const rename = await waitingOnZhoujieAndChengang();
    await delegate('p_zhoujie', 'p_sunli');
    const em = await startEmergency();
    expect(em.waitingOn.map((p) => p.name)).toEqual(['周杰']);
    expect((await w.okCall('p_zhoujie', 'inbox.list', {})).items.map((c) => c.id)).toContain(em.id);
    const hers = await w.okCall('p_sunli', 'inbox.list', {});
    expect(hers.items.map((c) => c.id)).toContain(rename.id);
    expect(hers.items.map((c) => c.id)).not.toContain(em.id);
    expect(hers.total).toBe(hers.items.length);
    const screen = await w.okCall('p_sunli', 'inbox.load', {});
    expect(screen.inbox!.items.map((c) => c.id)).not.toContain(em.id);
    // Opened (she is an admin of the group), it does not offer her 周杰's task, nor say she stands in for him.
    const seen = await w.okCall('p_sunli', 'cases.get', { caseId: em.id });
    expect(seen.approval!.actingFor).toBeNull();
    expect(seen.allowed).not.toContain('acknowledge');
    expect((await w.call('p_sunli', 'emergencies.acknowledge', { caseId: em.id })).ok).toBe(false);
  });

  it("should not copy an emergency task's messages to the delegate", async () => {
    await delegate('p_zhoujie', 'p_sunli');
    const em = await startEmergency();
    // Ten minutes without 接收: 周杰 is reminded; 孙丽 only had the alert every member of the group gets.
    w.clock.t = T0 + 11 * MIN;
    await runScheduler(w.deps, undefined, { sweeps: false });
    expect(await titles('p_zhoujie', em.id)).toEqual(['紧急任务：重启服务', '请接收紧急任务：重启服务']);
    const hers = await titles('p_sunli', em.id);
    expect(hers).toEqual(['紧急事件：服务器宕机']);
  });
});
