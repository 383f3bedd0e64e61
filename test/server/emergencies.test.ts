// Emergencies (§5.3) through dispatch: who may start one, the alert to the whole group, per-task
// acknowledgement windows on the wall clock, who was reached by push, and the timeline.
import { runScheduler } from '../../src/server/jobs';
import { uploadKey } from '../../src/server/reads/files';
import { makeWorld, requestId, T0, viewAs, type World } from './harness';

const MIN = 60_000;
let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const start = (as = 'p_liuyang', over: Record<string, unknown> = {}) =>
  w.call(as, 'emergencies.start', {
    groupId: 'g_market',
    title: '客户现场投诉',
    description: '客户在展厅要求退款，情绪激动',
    respondWithinMinutes: 60,
    assignments: [
      { personId: 'p_huanglei', task: '联系客户' },
      { personId: 'p_zhengshuang', task: '到现场' },
    ],
    requestId: requestId(),
    ...over,
  });
const started = async () => {
  const r = await start();
  if (!r.ok) throw new Error(r.message);
  return viewAs(r.data, 'emergency');
};
const notificationsOf = async (person: string) => (await w.okCall(person, 'notifications.list', { limit: 50 })).items;
const taskOf = (v: { data: { assignments: { personId: string; status: string }[] } }, id: string) => v.data.assignments.filter((a) => a.personId === id).at(-1)!;

describe('starting an emergency', () => {
  it('should alert every member of the group once, give each assignee their task, and wait on the assignees', async () => {
    const e = await started();
    expect(e).toMatchObject({ state: 'em_active', open: true, dueAt: T0 + 60 * MIN, subject: { name: '刘洋' } });
    expect(e.waitingOn.map((p) => p.name)).toEqual(['黄磊', '郑爽']);
    expect(e.data).toMatchObject({ alertedCount: 6, ackWithinMinutes: 10, respondBy: T0 + 60 * MIN });
    expect((await notificationsOf('p_huanglei')).map((n) => n.title)).toEqual(['紧急任务：联系客户']);
    for (const p of ['p_wangqiang', 'p_zhangwei_m', 'p_hejing', 'p_chengang']) expect((await notificationsOf(p)).map((n) => n.title)).toEqual(['紧急事件：客户现场投诉']);
    expect(await notificationsOf('p_liuyang')).toEqual([]);
    // Not in the group: not alerted.
    expect(await notificationsOf('p_zhoujie')).toEqual([]);
    expect(e.history!.map((h) => [h.actionLabel, h.by?.name])).toEqual([['发起紧急事件', '刘洋']]);
  });

  it('should let an admin, the leader or the head of the group\'s department start one, and nobody else', async () => {
    expect((await start('p_chengang')).ok).toBe(true);
    expect((await start('p_wangqiang')).ok).toBe(true);
    expect(await start('p_lina')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await start('p_zhengshuang')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should refuse a task for someone outside the group, a person given two tasks or a blank task, writing nothing', async () => {
    const before = w.footprint();
    expect(await start('p_liuyang', { assignments: [{ personId: 'p_zhoujie', task: '联系客户' }] })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    expect(await start('p_liuyang', { assignments: [{ personId: 'p_huanglei', task: '联系客户' }, { personId: 'p_huanglei', task: '到现场' }] })).toMatchObject({ ok: false, code: 'ALREADY_ASSIGNED' });
    expect(await start('p_liuyang', { assignments: [{ personId: 'p_huanglei', task: '  ' }] })).toMatchObject({ ok: false, code: 'REASON_REQUIRED', message: '请写明 黄磊 的任务' });
    expect(await start('p_liuyang', { title: '  ' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await start('p_liuyang', { assignments: [{ personId: 'p_huanglei', task: '通知客户转账到安全账户' }] })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(w.footprint()).toEqual(before);
  });

  it('should attach only the starter\'s own uploads, each recorded with its uploader and marked used by the emergency', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const mine = await w.upload('p_liuyang', png, { name: '现场.png', contentType: 'image/png' });
    const theirs = await w.upload('p_huanglei', png, { name: '别人的.png', contentType: 'image/png' });
    expect(await start('p_liuyang', { images: [theirs] })).toMatchObject({ ok: false, code: 'FILE_NOT_OWNED' });
    const r = await start('p_liuyang', { images: [mine] });
    if (!r.ok) throw new Error(r.message);
    expect(r.data.links!.images).toHaveLength(1);
    const [upload] = await w.store.getUploads([uploadKey(mine)]);
    expect(upload).toMatchObject({ uploadedBy: 'p_liuyang', used: true, usedBy: [`case:${r.data.id}`] });
  });

  it('should start once when the same request is retried', async () => {
    const rid = requestId();
    const a = await start('p_liuyang', { requestId: rid });
    const b = await start('p_liuyang', { requestId: rid });
    expect(a.ok && b.ok && a.data.id === b.data.id).toBe(true);
    expect(await notificationsOf('p_hejing')).toHaveLength(1);
  });
});

describe('who was reached', () => {
  it('should tell the starter who got a WeChat push and give an @名单 of the others by their group nickname', async () => {
    // 黄磊 allowed new-task messages; nobody else did.
    await w.okCall('p_huanglei', 'subscriptions.record', { results: { TPL_NEW_TASK: 'accept' } });
    const e = await started();
    const reach = await w.okCall('p_liuyang', 'emergencies.reach', { caseId: e.id });
    expect(reach.reached.map((p) => p.name)).toEqual(['黄磊']);
    expect(reach.notReached.map((p) => p.name).sort()).toEqual(['何静', '张伟', '王强', '郑爽', '陈刚'].sort());
    expect(reach.pending).toEqual([]);
    // WeChat @-mentions use the group nickname where the roster has one.
    expect(reach.mentionText).toContain('@郑爽-市场部');
    expect(reach.mentionText).toContain('@何静');
    expect(reach.mentionText).not.toContain('@黄磊');
    expect(reach.mentionText).toContain('紧急事件「客户现场投诉」');
    expect(w.notifier.sent.map((m) => m.touser)).toEqual(['dev_p_huanglei']);
    // A member without a task may not read it.
    expect(await w.call('p_hejing', 'emergencies.reach', { caseId: e.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('acknowledgement windows on the wall clock', () => {
  it('should remind whoever has not acknowledged at the window, alert the starter and the leader one window later, and never remind whoever acknowledged', async () => {
    const e = await started();
    w.clock.t = T0 + 2 * MIN;
    const acked = viewAs(await w.okCall('p_huanglei', 'emergencies.acknowledge', { caseId: e.id }), 'emergency');
    expect(acked.data.mine).toMatchObject({ status: 'acknowledged', ackedAt: T0 + 2 * MIN });
    expect(await w.call('p_huanglei', 'emergencies.acknowledge', { caseId: e.id })).toMatchObject({ ok: false, code: 'ALREADY_ACKNOWLEDGED' });

    w.clock.t = T0 + 10 * MIN;
    expect((await runScheduler(w.deps)).timeouts).toBe(1);
    expect((await notificationsOf('p_zhengshuang')).map((n) => n.title)).toEqual(['请接收紧急任务：到现场', '紧急任务：到现场']);
    w.clock.t = T0 + 20 * MIN;
    expect((await runScheduler(w.deps)).timeouts).toBe(1);
    for (const p of ['p_liuyang', 'p_chengang']) expect((await notificationsOf(p)).map((n) => n.title)).toContain('紧急任务无人接收：郑爽');
    // Nothing more about 郑爽, however often the scheduler runs; 黄磊 was never reminded.
    w.clock.t = T0 + 40 * MIN;
    expect((await runScheduler(w.deps)).timeouts).toBe(0);
    expect((await notificationsOf('p_huanglei')).map((n) => n.title)).toEqual(['紧急任务：联系客户']);

    // 黄磊 reports done; the starter closes it with a summary; the timeline has every minute.
    w.clock.t = T0 + 45 * MIN;
    await w.okCall('p_huanglei', 'emergencies.progress', { caseId: e.id, note: '客户已同意退款方案', done: true });
    w.clock.t = T0 + 50 * MIN;
    const closed = viewAs(await w.okCall('p_liuyang', 'emergencies.close', { caseId: e.id, summary: '客户已接受方案，现场恢复正常' }), 'emergency');
    expect(closed).toMatchObject({ state: 'em_closed', open: false });
    expect(closed.history!.map((h) => [h.actionLabel, h.by?.name ?? '系统', (h.at - T0) / MIN])).toEqual([
      ['发起紧急事件', '刘洋', 0],
      ['接收任务', '黄磊', 2],
      ['超时未接收，提醒', '系统', 10],
      ['超时未接收，报发起人和上级领导', '系统', 20],
      ['报告完成', '黄磊', 45],
      ['结束紧急事件', '刘洋', 50],
    ]);
    expect(taskOf(closed, 'p_zhengshuang')).toMatchObject({ status: 'alerted', ackStage: 2 });
  });

  it('should re-open an acknowledged task that goes quiet past the response deadline', async () => {
    const e = await started();
    await w.okCall('p_huanglei', 'emergencies.acknowledge', { caseId: e.id });
    await w.okCall('p_zhengshuang', 'emergencies.acknowledge', { caseId: e.id });
    w.clock.t = T0 + 30 * MIN;
    await w.okCall('p_huanglei', 'emergencies.progress', { caseId: e.id, note: '已联系上客户' });
    w.clock.t = T0 + 60 * MIN;
    await runScheduler(w.deps);
    const v = viewAs(await w.okCall('p_liuyang', 'cases.get', { caseId: e.id }), 'emergency');
    expect(taskOf(v, 'p_zhengshuang')).toMatchObject({ status: 'alerted', reopened: 1 });
    expect(taskOf(v, 'p_huanglei')).toMatchObject({ status: 'acknowledged' });
    expect(v.history!.at(-1)).toMatchObject({ actionLabel: '超时未报进展，重新打开', at: T0 + 60 * MIN });
    expect((await notificationsOf('p_chengang')).map((n) => n.title)).toContain('紧急任务没有进展：郑爽');
  });

  it('should let the starter reassign and add tasks, and refuse those steps to anyone else', async () => {
    const e = await started();
    expect(await w.call('p_huanglei', 'emergencies.reassign', { caseId: e.id, fromPersonId: 'p_zhengshuang', toPersonId: 'p_hejing' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_liuyang', 'emergencies.reassign', { caseId: e.id, fromPersonId: 'p_zhengshuang', toPersonId: 'p_zhoujie' })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    const moved = viewAs(await w.okCall('p_liuyang', 'emergencies.reassign', { caseId: e.id, fromPersonId: 'p_zhengshuang', toPersonId: 'p_hejing', task: '到展厅现场' }), 'emergency');
    expect(moved.waitingOn.map((p) => p.name)).toEqual(['黄磊', '何静']);
    expect((await notificationsOf('p_hejing')).map((n) => n.title)).toEqual(['紧急任务：到展厅现场', '紧急事件：客户现场投诉']);
    expect((await notificationsOf('p_zhengshuang')).map((n) => n.title)).toContain('你的紧急任务已转派');
    const added = viewAs(await w.okCall('p_liuyang', 'emergencies.assign', { caseId: e.id, assignments: [{ personId: 'p_zhengshuang', task: '整理沟通记录' }] }), 'emergency');
    expect(added.history!.map((h) => h.actionLabel).slice(-2)).toEqual(['转派任务', '追加分工']);
    // 郑爽 now has the new task only; her old one stays replaced.
    expect(await w.call('p_zhengshuang', 'emergencies.acknowledge', { caseId: e.id })).toMatchObject({ ok: true });
  });
});

describe('首页: active emergencies', () => {
  it('should list an open emergency to every member of its group, mine to act on first, and drop it once closed', async () => {
    const e = await started();
    const other = viewAs(await w.okCall('p_chengang', 'emergencies.start', { groupId: 'g_market', title: '展会物料未到', description: '物料车在路上抛锚', respondWithinMinutes: 30, assignments: [{ personId: 'p_hejing', task: '联系物流' }], requestId: requestId() }), 'emergency');
    expect((await w.okCall('p_huanglei', 'emergencies.active', {})).items.map((c) => c.id)).toEqual([e.id, other.id]);
    expect((await w.okCall('p_hejing', 'emergencies.active', {})).items.map((c) => c.id)).toEqual([other.id, e.id]);
    expect((await w.okCall('p_zhoujie', 'emergencies.active', {})).items).toEqual([]);
    await w.okCall('p_liuyang', 'emergencies.close', { caseId: e.id, summary: '已处理' });
    expect((await w.okCall('p_huanglei', 'emergencies.active', {})).items.map((c) => c.id)).toEqual([other.id]);
  });
});
