// Approval ergonomics on the case engine, for every kind at once: 转交 (hand over), 代理 (delegation,
// read-time), 催办 (nudge), 批量处理 (batch decisions) and 离职交接 (a leaver's steps move on).
import { assigneeLabel, type CaseView } from '../../src/contract';
import { handOverLeaversSteps } from '../../src/server/cases/group-tasks';
import { forgetCurrentSettings, currentSettings } from '../../src/server/reads/settings';
import { fileMarketRename, makeWorld, requestId, T0, type World } from './harness';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 黄磊 asks to be renamed in 项目A群: waits on its two admins, 周杰 and 孙丽. */
const fileProjectRename = (w: World, who = 'p_huanglei', nickname = '黄磊-市场部') =>
  w.okCall(who, 'rename.submit', { groupId: 'g_projecta', nickname, requestId: requestId() });

const notificationsOf = async (w: World, who: string) => (await w.okCall(who, 'notifications.list', {})).items;

describe('转交 (cases.handOver)', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });

  it('should move the step to the leader with the same deadline, record who handed what to whom, and tell the new assignee', async () => {
    const filed = await fileMarketRename(w);
    expect(filed.waitingOn.map((p) => p.id)).toEqual(['p_liuyang']);
    w.clock.t += HOUR;
    const handed = await w.okCall('p_liuyang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang', note: '我下周休假，请陈总处理' });
    expect(handed.waitingOn.map((p) => p.name)).toEqual(['陈刚']);
    expect(handed.dueAt).toBe(filed.dueAt);
    const entry = handed.history!.at(-1)!;
    expect(entry).toMatchObject({ action: 'hand_over', actionLabel: '转交', by: { name: '刘洋' }, target: { name: '陈刚' }, note: '我下周休假，请陈总处理' });
    const told = (await notificationsOf(w, 'p_chengang')).find((n) => n.caseId === filed.id)!;
    expect(told.title).toBe('转交给你的改名申请');
    expect(told.body).toContain('刘洋 把「改名为“黄磊-市场部”」转交给你处理');
    // 刘洋 no longer holds it; 陈刚 decides it.
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.map((c) => c.id)).not.toContain(filed.id);
    const approved = await w.okCall('p_chengang', 'rename.approve', { caseId: filed.id });
    expect(approved.state).toBe('approved');
  });

  it('should offer the hand-over on the case page with whom it may go to', async () => {
    const filed = await fileProjectRename(w);
    const seen = await w.okCall('p_zhoujie', 'cases.get', { caseId: filed.id });
    expect(seen.approval).toMatchObject({ canHandOver: true, canNudge: false, batch: true });
    // 孙丽 already holds it; 黄磊 is its subject; 吴芳 is a plain member: only the leader remains.
    expect(seen.approval!.handOverTo.map((p) => p.name)).toEqual(['陈刚']);
    const asker = await w.okCall('p_huanglei', 'cases.get', { caseId: filed.id });
    expect(asker.approval).toMatchObject({ canHandOver: false, canNudge: true, nextNudgeAt: null });
  });

  it('should refuse with a stable code and write nothing: same person, not eligible, not an assignee, closed', async () => {
    const filed = await fileProjectRename(w);
    const before = w.footprint();
    const cases: [string, string, string][] = [
      ['p_zhoujie', 'p_sunli', 'HANDOVER_SAME_PERSON'],
      ['p_zhoujie', 'p_zhoujie', 'HANDOVER_SAME_PERSON'],
      ['p_zhoujie', 'p_wufang', 'HANDOVER_TARGET_INVALID'],
      ['p_zhoujie', 'p_huanglei', 'HANDOVER_TARGET_INVALID'],
      ['p_zhoujie', 'p_nobody', 'HANDOVER_TARGET_INVALID'],
    ];
    for (const [as, to, code] of cases) {
      const r = await w.call(as, 'cases.handOver', { caseId: filed.id, toPersonId: to });
      expect([to, r.ok ? 'ok' : r.code]).toEqual([to, code]);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // A member is not let in at all; the leader who is not waited on is not an assignee.
    expect(await w.call('p_huanglei', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_chengang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_sunli' })).toMatchObject({ ok: false, code: 'NOT_ASSIGNEE' });
    expect(w.footprint()).toEqual(before);
    await w.okCall('p_sunli', 'rename.approve', { caseId: filed.id });
    expect(await w.call('p_zhoujie', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' })).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
  });

  it('should refuse a kind that moves its own people (an emergency reassigns its tasks)', async () => {
    const started = await w.okCall('p_liuyang', 'emergencies.start', {
      groupId: 'g_market',
      title: '机房漏水',
      description: '请立即处理',
      respondWithinMinutes: 60,
      assignments: [{ personId: 'p_huanglei', task: '关闭电源' }],
      requestId: requestId(),
    });
    const r = await w.call('p_liuyang', 'cases.handOver', { caseId: started.id, toPersonId: 'p_chengang' });
    expect(r).toMatchObject({ ok: false, code: 'HANDOVER_NOT_ALLOWED' });
  });
});

describe('代理 (delegations.*)', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });

  /** A rename that waits on 周杰 and the leader, not on 孙丽 (she handed her part to 陈刚). */
  async function waitingOnZhoujieNotSunli() {
    const filed = await fileProjectRename(w);
    await w.okCall('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
    return filed;
  }

  it('should list eligible delegates (an admin of each group the caller admins) and set one for a week', async () => {
    const mine = await w.okCall('p_zhoujie', 'delegations.mine', {});
    expect(mine).toMatchObject({ mine: null, forMe: [], maxDays: 90 });
    expect(mine.candidates.map((p) => p.name)).toEqual(['孙丽']);
    const set = await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + 7 * DAY });
    expect(set.mine).toMatchObject({ delegator: { name: '周杰' }, delegate: { name: '孙丽' }, from: T0, to: T0 + 7 * DAY, active: true });
    const hers = await w.okCall('p_sunli', 'delegations.mine', {});
    expect(hers.forMe.map((d) => d.delegator.name)).toEqual(['周杰']);
    // 刘洋 admins 市场部工作群, where nobody else is an admin.
    expect((await w.okCall('p_liuyang', 'delegations.mine', {})).candidates).toEqual([]);
  });

  it('should refuse a delegate who is not eligible, a period in the past or over 90 days, and a chain', async () => {
    const before = w.footprint();
    const tries: [string, string, number, number, string][] = [
      ['p_zhoujie', 'p_zhoujie', T0, T0 + DAY, 'DELEGATE_INVALID'],
      ['p_zhoujie', 'p_liuyang', T0, T0 + DAY, 'DELEGATE_INVALID'],
      ['p_zhoujie', 'p_wufang', T0, T0 + DAY, 'DELEGATE_INVALID'],
      ['p_zhoujie', 'p_chengang', T0, T0 + DAY, 'DELEGATE_INVALID'],
      ['p_zhoujie', 'p_sunli', T0 - 10 * DAY, T0 - DAY, 'DELEGATION_PERIOD_INVALID'],
      ['p_zhoujie', 'p_sunli', T0, T0 + 91 * DAY, 'DELEGATION_PERIOD_INVALID'],
      ['p_zhoujie', 'p_sunli', T0 + 2 * DAY, T0 + DAY, 'DELEGATION_PERIOD_INVALID'],
    ];
    for (const [as, to, from, until, code] of tries) {
      const r = await w.call(as, 'delegations.set', { delegateId: to, from, to: until });
      expect([to, from, r.ok ? 'ok' : r.code]).toEqual([to, from, code]);
    }
    expect(w.footprint()).toEqual(before);
    expect(await w.call('p_huanglei', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + DAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // 孙丽 is away herself (she delegated to 周杰): she cannot stand in for him over that time.
    await w.okCall('p_sunli', 'delegations.set', { delegateId: 'p_zhoujie', from: T0 + DAY, to: T0 + 3 * DAY });
    const chain = await w.call('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + 2 * DAY });
    expect(chain).toMatchObject({ ok: false, code: 'DELEGATION_CHAIN' });
    // After her absence it is fine.
    expect((await w.call('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0 + 3 * DAY, to: T0 + 5 * DAY })).ok).toBe(true);
  });

  it("should put the delegator's waiting cases in the delegate's 待办 marked 代 周杰, and record both names on a decision", async () => {
    const filed = await waitingOnZhoujieNotSunli();
    expect((await w.okCall('p_sunli', 'inbox.list', {})).items.map((c) => c.id)).not.toContain(filed.id);
    await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + 7 * DAY });
    const inbox = await w.okCall('p_sunli', 'inbox.list', {});
    const item = inbox.items.find((c) => c.id === filed.id)!;
    expect(item.approval!.actingFor).toEqual({ id: 'p_zhoujie', name: '周杰' });
    expect(item.approval!.assignees.map(assigneeLabel)).toEqual(['陈刚', '周杰', '孙丽（代 周杰）']);
    // Anyone reading the case sees the delegate beside whom she stands in for.
    const asker = await w.okCall('p_huanglei', 'cases.get', { caseId: filed.id });
    expect(asker.approval!.assignees.map(assigneeLabel)).toEqual(['陈刚', '周杰', '孙丽（代 周杰）']);
    const approved = await w.okCall('p_sunli', 'rename.approve', { caseId: filed.id });
    const entry = approved.history!.at(-1)!;
    expect(entry).toMatchObject({ action: 'approve', by: { name: '孙丽' }, onBehalfOf: { name: '周杰' } });
    expect(assigneeLabel({ name: entry.by!.name, onBehalfOf: entry.onBehalfOf })).toBe('孙丽（代 周杰）');
  });

  it('should let a delegate hand over what waits on the delegator, in both names', async () => {
    const filed = await waitingOnZhoujieNotSunli();
    await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + DAY });
    // The leader holds the other part; the delegate hands 周杰's part back to herself? No: to herself is refused.
    expect(await w.call('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_sunli' })).toMatchObject({ ok: false, code: 'HANDOVER_SAME_PERSON' });
    await w.okCall('p_chengang', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_sunli' });
    const now = await w.okCall('p_huanglei', 'cases.get', { caseId: filed.id });
    expect(now.waitingOn.map((p) => p.name)).toEqual(['孙丽', '周杰']);
  });

  it('should end by itself, and at once when cleared', async () => {
    const filed = await waitingOnZhoujieNotSunli();
    await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0 + DAY, to: T0 + 3 * DAY });
    const inboxOfSunli = async () => (await w.okCall('p_sunli', 'inbox.list', {})).items.map((c) => c.id);
    // Scheduled, not yet begun.
    expect(await inboxOfSunli()).not.toContain(filed.id);
    expect((await w.okCall('p_sunli', 'cases.get', { caseId: filed.id })).approval!.actingFor).toBeNull();
    w.clock.t = T0 + DAY + HOUR;
    expect(await inboxOfSunli()).toContain(filed.id);
    w.clock.t = T0 + 3 * DAY;
    expect(await inboxOfSunli()).not.toContain(filed.id);
    expect((await w.okCall('p_zhoujie', 'delegations.mine', {})).mine).toBeNull();
    await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: w.clock.t, to: w.clock.t + DAY });
    expect(await inboxOfSunli()).toContain(filed.id);
    const cleared = await w.okCall('p_zhoujie', 'delegations.clear', {});
    expect(cleared.mine).toBeNull();
    expect(await inboxOfSunli()).not.toContain(filed.id);
  });
});

describe('催办 (cases.nudge)', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });

  it('should reach the assignee in-app and as a subscription message, record it, and refuse a second nudge too soon', async () => {
    await w.okCall('p_liuyang', 'subscriptions.record', { results: { TPL_REMINDER: 'accept' } });
    const filed = await fileMarketRename(w);
    const nudged = await w.okCall('p_huanglei', 'cases.nudge', { caseId: filed.id });
    expect(nudged.nudged).toEqual([{ id: 'p_liuyang', name: '刘洋' }]);
    expect(nudged.nextNudgeAt).toBe(T0 + 4 * HOUR);
    const told = (await notificationsOf(w, 'p_liuyang')).find((n) => n.title === '催办：改名申请')!;
    expect(told.body).toContain('黄磊 催你尽快处理「改名为“黄磊-市场部”」');
    expect(w.notifier.sent.filter((m) => m.templateId === 'TPL_REMINDER').map((m) => m.touser)).toEqual(['dev_p_liuyang']);
    const seen = await w.okCall('p_huanglei', 'cases.get', { caseId: filed.id });
    expect(seen.history!.at(-1)).toMatchObject({ action: 'nudge', actionLabel: '催办', by: { name: '黄磊' }, target: { name: '刘洋' } });
    expect(seen.approval).toMatchObject({ canNudge: true, nextNudgeAt: T0 + 4 * HOUR, lastNudgeAt: T0 });

    w.clock.t = T0 + 3 * HOUR;
    const soon = await w.call('p_huanglei', 'cases.nudge', { caseId: filed.id });
    expect(soon).toMatchObject({ ok: false, code: 'NUDGE_TOO_SOON' });
    expect(soon.ok ? '' : soon.message).toContain('11月24日 14:00');
    w.clock.t = T0 + 4 * HOUR;
    expect((await w.call('p_huanglei', 'cases.nudge', { caseId: filed.id })).ok).toBe(true);
  });

  it('should work after the deadline, follow the interval in settings, and only for whoever asked', async () => {
    const filed = await fileMarketRename(w);
    const cur = await currentSettings(w.deps.store);
    await w.store.insertSettings({ _id: `v${cur.version + 1}`, version: cur.version + 1, values: { ...cur.values, approval: { nudgeHours: 1 } }, updatedAt: T0, updatedBy: null });
    forgetCurrentSettings(w.deps.store);
    w.clock.t = filed.dueAt! + DAY;
    const r = await w.okCall('p_huanglei', 'cases.nudge', { caseId: filed.id });
    expect(r.nextNudgeAt).toBe(w.clock.t + HOUR);
    const body = (await notificationsOf(w, 'p_liuyang')).find((n) => n.title === '催办：改名申请')!.body;
    expect(body).toContain('已超过期限');
    // Not the asker: another member cannot even see it; the admin it waits on is not the asker.
    expect(await w.call('p_zhengshuang', 'cases.nudge', { caseId: filed.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_liuyang', 'cases.nudge', { caseId: filed.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await w.okCall('p_liuyang', 'rename.approve', { caseId: filed.id });
    w.clock.t += 2 * HOUR;
    expect(await w.call('p_huanglei', 'cases.nudge', { caseId: filed.id })).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
  });

  it("should reach the assignees' active delegates too", async () => {
    const filed = await fileProjectRename(w);
    await w.okCall('p_sunli', 'cases.handOver', { caseId: filed.id, toPersonId: 'p_chengang' });
    await w.okCall('p_zhoujie', 'delegations.set', { delegateId: 'p_sunli', from: T0, to: T0 + DAY });
    const r = await w.okCall('p_huanglei', 'cases.nudge', { caseId: filed.id });
    expect(r.nudged.map((p) => p.name)).toEqual(['陈刚', '周杰', '孙丽']);
    // Once, worded as standing in for 周杰 (cases/delegate-notices.ts).
    expect((await notificationsOf(w, 'p_sunli')).filter((n) => n.caseId === filed.id && n.title.includes('催办')).map((n) => n.title)).toEqual(['代周杰：催办：改名申请']);
  });
});

describe('批量处理 (inbox.decideMany)', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });

  const marketRename = (who: string, nickname: string) => w.okCall(who, 'rename.submit', { groupId: 'g_market', nickname, requestId: requestId() });

  it('should approve three renames in one action, each decided on its own', async () => {
    const filed = [await marketRename('p_huanglei', '黄磊-市场部'), await marketRename('p_zhengshuang', '郑爽-市场部'), await marketRename('p_hejing', '何静-行政部')];
    const inbox = await w.okCall('p_liuyang', 'inbox.list', {});
    expect(inbox.items.filter((c) => c.approval?.batch).map((c) => c.id).sort()).toEqual(filed.map((c) => c.id).sort());
    const r = await w.okCall('p_liuyang', 'inbox.decideMany', { caseIds: filed.map((c) => c.id), decision: 'approve' });
    expect(r).toMatchObject({ decided: 3, failed: 0 });
    expect(r.items.map((i) => (i.ok ? i.stateLabel : i.code))).toEqual(['已通过', '已通过', '已通过']);
    for (const c of filed) {
      const now = await w.okCall('p_liuyang', 'cases.get', { caseId: c.id });
      expect([now.state, now.history!.filter((h) => h.action === 'approve').length]).toEqual(['approved', 1]);
    }
    // The roster took each nickname (the effects ran per case).
    const roster = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    expect(JSON.stringify(roster)).toContain('何静-行政部');
  });

  it('should reject with one reason for all, and say per case why the others were not decided', async () => {
    const a = await marketRename('p_huanglei', '黄磊-市场部');
    const b = await marketRename('p_zhengshuang', '郑爽-市场部');
    await w.okCall('p_zhengshuang', 'rename.withdraw', { caseId: b.id });
    const violation = await w.okCall('p_liuyang', 'violation.open', {
      groupId: 'g_market',
      subjectId: 'p_hejing',
      category: '广告推销、擅自拉票集赞',
      description: '在群内发布广告',
      evidence: [],
      severity: 'minor',
      step: 'warning',
      requestId: requestId(),
    });
    const other = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_projecta', nickname: '黄磊-市场部', requestId: requestId() });
    const ids = [a.id, b.id, violation.id, other.id, 'no_such_case'];
    const r = await w.okCall('p_liuyang', 'inbox.decideMany', { caseIds: ids, decision: 'reject', reason: '昵称不符合规范' });
    expect(r.items.map((i) => [i.caseId, i.ok ? i.state : i.code])).toEqual([
      [a.id, 'rejected'],
      [b.id, 'CASE_ALREADY_DECIDED'],
      [violation.id, violation.open ? 'BATCH_NOT_ALLOWED' : 'CASE_NOT_OPEN'],
      [other.id, 'NOT_FOUND'],
      ['no_such_case', 'NOT_FOUND'],
    ]);
    for (const i of r.items) if (!i.ok) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await w.okCall('p_huanglei', 'cases.get', { caseId: a.id })).data).toMatchObject({ reason: '昵称不符合规范' });
  });

  it('should refuse a rejection without a reason, and more than 50 cases, deciding nothing', async () => {
    const a = await marketRename('p_huanglei', '黄磊-市场部');
    const before = w.footprint();
    const blank = await w.call('p_liuyang', 'inbox.decideMany', { caseIds: [a.id], decision: 'reject', reason: '  ' });
    expect(blank).toMatchObject({ ok: false, code: 'REASON_REQUIRED', message: '驳回时请填写理由' });
    const many = await w.call('p_liuyang', 'inbox.decideMany', { caseIds: Array.from({ length: 51 }, (_, i) => `c${i}`), decision: 'approve' });
    expect(many).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '一次批量处理的事项超出允许范围（最多 50）' });
    expect(w.footprint()).toEqual(before);
  });

  it('should confirm add / remove tasks and approve record access for the default period', async () => {
    const access = await w.okCall('p_huanglei', 'records.request', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '核对项目记录', pledge: true, requestId: requestId() });
    const r = await w.okCall('p_liuyang', 'inbox.decideMany', { caseIds: [access.id], decision: 'approve' });
    expect(r.items[0]).toMatchObject({ ok: true, state: 'approved' });
    const granted = await w.okCall('p_huanglei', 'cases.get', { caseId: access.id });
    expect((granted.data as { expiresAt?: number }).expiresAt).toBe(T0 + 7 * DAY);
  });
});

describe('离职交接 (a leaver’s waiting steps move on)', () => {
  it('should keep the other assignees, move a step waiting on the leaver alone to the leader, record it, and do nothing twice', async () => {
    const w = await makeWorld();
    const both = await fileProjectRename(w);
    // 孙丽's own request waits on 周杰 alone (she is its subject).
    const alone = await fileProjectRename(w, 'p_sunli', '孙丽-技术部');
    expect(alone.waitingOn.map((p) => p.id)).toEqual(['p_zhoujie']);
    await w.okCall('p_lina', 'people.offboard', { personId: 'p_zhoujie', reason: '合同到期' });

    const bothNow = await w.okCall('p_chengang', 'cases.get', { caseId: both.id });
    expect(bothNow.waitingOn.map((p) => p.name)).toEqual(['孙丽']);
    const aloneNow: CaseView = await w.okCall('p_chengang', 'cases.get', { caseId: alone.id });
    expect(aloneNow.waitingOn.map((p) => p.name)).toEqual(['陈刚']);
    expect(aloneNow.dueAt).toBe(alone.dueAt);
    expect(aloneNow.history!.at(-1)).toMatchObject({ action: 'hand_over_leaver', actionLabel: '离职交接', by: null, target: { name: '陈刚' } });
    expect((await notificationsOf(w, 'p_chengang')).some((n) => n.caseId === alone.id && n.title === '离职交接的待办')).toBe(true);

    // The effect retried (a crash after part of it): nothing moves twice.
    const again = await handOverLeaversSteps(w.deps, (await w.store.getPerson('p_zhoujie'))!, await w.store.getDirectory(), w.clock.t);
    expect(again).toEqual([]);
    expect((await w.okCall('p_chengang', 'cases.get', { caseId: alone.id })).history!.filter((h) => h.action === 'hand_over_leaver')).toHaveLength(1);
  });

  it("should end the leaver's delegation and those naming them", async () => {
    const w = await makeWorld();
    await w.okCall('p_sunli', 'delegations.set', { delegateId: 'p_zhoujie', from: T0, to: T0 + 5 * DAY });
    await w.okCall('p_lina', 'people.offboard', { personId: 'p_zhoujie' });
    expect((await w.okCall('p_sunli', 'delegations.mine', {})).mine).toBeNull();
  });
});
