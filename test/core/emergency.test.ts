import { DEFAULT_SETTINGS } from '../../src/contract';
import { allowed, decide, notices, type CaseActor } from '../../src/core/engine';
import { emergencyKind, openEmergency, type EmergencyCase, type EmergencyCommand } from '../../src/core/kinds/emergency';

// A Saturday night: emergencies run on the wall clock, weekends and nights included.
const T0 = Date.parse('2026-11-28T23:55:00+08:00');
const MIN = 60_000;
const ctx = (now = T0) => ({ now, settings: DEFAULT_SETTINGS, admins: ['liuyang'], leaders: ['chengang'] });
const starter: CaseActor = { id: 'liuyang', rolesInGroup: ['member', 'admin'] };
const huanglei: CaseActor = { id: 'huanglei', rolesInGroup: ['member'] };
const zhengshuang: CaseActor = { id: 'zhengshuang', rolesInGroup: ['member'] };
const system: CaseActor = { id: null, rolesInGroup: [] };

function start(): EmergencyCase {
  return openEmergency({
    id: 'em_1', groupId: 'g_market', starterId: 'liuyang', starterName: '刘洋', groupName: '市场部工作群', title: '客户现场投诉', description: '客户在展厅要求退款',
    images: [], respondWithinMinutes: 60,
    assignments: [{ personId: 'huanglei', name: '黄磊', task: '联系客户' }, { personId: 'zhengshuang', name: '郑爽', task: '到现场' }],
    members: ['liuyang', 'huanglei', 'zhengshuang', 'hejing', 'chengang'], requestId: 'req-em-1', settingsVersion: 1, ctx: ctx(),
  });
}
function run(c: EmergencyCase, cmd: EmergencyCommand, actor: CaseActor, now: number) {
  const d = decide(emergencyKind, c, cmd, actor, ctx(now));
  if (!d.ok) throw new Error(`refused: ${d.code}`);
  return d.case;
}
const tick = (c: EmergencyCase, now: number) => run(c, { type: 'timeout' }, system, now);
const newNotices = (before: EmergencyCase, after: EmergencyCase) => notices(after).filter((n) => !notices(before).some((o) => o.id === n.id));
const task = (c: EmergencyCase, id: string) => c.data.assignments.filter((a) => a.personId === id).at(-1)!;

describe('emergency machine (wall clock)', () => {
  it('should alert every member once (the assignees with their task), wait on the assignees and wake at the ack window', () => {
    const c = start();
    expect(c).toMatchObject({ state: 'em_active', open: true, assignees: ['huanglei', 'zhengshuang'], dueAt: T0 + 60 * MIN, wakeAt: T0 + 10 * MIN });
    expect(notices(c).map((n) => [n.to, n.title])).toEqual([
      ['huanglei', '紧急任务：联系客户'],
      ['zhengshuang', '紧急任务：到现场'],
      ['hejing', '紧急事件：客户现场投诉'],
      ['chengang', '紧急事件：客户现场投诉'],
    ]);
    // Each alert's notification id is kept, so who was reached can be looked up.
    expect(c.data.alerts).toEqual({ huanglei: 'em_1.1.0', zhengshuang: 'em_1.1.1', hejing: 'em_1.1.2', chengang: 'em_1.1.3' });
    expect(c.history[0]).toMatchObject({ action: 'em_start', at: T0 });
  });

  it('should remind at the window past midnight on a Sunday, escalate one window later, and never remind whoever acknowledged', () => {
    let c = start();
    // Nothing is due before the window: a timer that has not come does nothing.
    expect(decide(emergencyKind, c, { type: 'timeout' }, system, ctx(T0 + 9 * MIN)).ok).toBe(false);
    c = run(c, { type: 'acknowledge' }, huanglei, T0 + 3 * MIN);
    expect(task(c, 'huanglei')).toMatchObject({ status: 'acknowledged', ackedAt: T0 + 3 * MIN, progressDueAt: T0 + 60 * MIN });
    let before = c;
    c = tick(c, T0 + 10 * MIN);
    expect(c.history.at(-1)).toMatchObject({ action: 'em_remind', at: T0 + 10 * MIN, by: null });
    expect(c.history.at(-1)!.note).toContain('郑爽（到现场）');
    expect(newNotices(before, c).map((n) => [n.to, n.purpose])).toEqual([['zhengshuang', 'reminder']]);
    expect(c.wakeAt).toBe(T0 + 20 * MIN);
    before = c;
    c = tick(c, T0 + 20 * MIN);
    expect(c.history.at(-1)).toMatchObject({ action: 'em_escalate', at: T0 + 20 * MIN });
    expect(newNotices(before, c).map((n) => [n.to, n.purpose])).toEqual([['liuyang', 'escalation'], ['chengang', 'escalation']]);
    expect(task(c, 'zhengshuang')).toMatchObject({ status: 'alerted', ackStage: 2, ackDueAt: null });
    expect(c.escalation).toBe(2);
    // The next timer is 黄磊's progress deadline (the response deadline): nothing more for 郑爽, nothing at all for 黄磊 until then.
    expect(c.wakeAt).toBe(T0 + 60 * MIN);
    expect(notices(c).filter((n) => n.to === 'huanglei' && n.purpose === 'reminder')).toEqual([]);
  });

  it('should re-open an acknowledged task that reports no progress by its deadline, and alert the starter and the leader', () => {
    let c = run(start(), { type: 'acknowledge' }, huanglei, T0 + 1 * MIN);
    c = run(c, { type: 'acknowledge' }, zhengshuang, T0 + 2 * MIN);
    expect(c.wakeAt).toBe(T0 + 60 * MIN);
    c = run(c, { type: 'progress', note: '已联系上客户，正在安抚' }, huanglei, T0 + 30 * MIN);
    expect(task(c, 'huanglei').progressDueAt).toBe(T0 + 90 * MIN);
    const before = c;
    c = tick(c, T0 + 60 * MIN);
    expect(c.history.at(-1)).toMatchObject({ action: 'em_reopen' });
    expect(task(c, 'zhengshuang')).toMatchObject({ status: 'alerted', ackStage: 0, reopened: 1, ackDueAt: T0 + 70 * MIN });
    expect(task(c, 'huanglei').status).toBe('acknowledged');
    expect(newNotices(before, c).map((n) => [n.to, n.purpose])).toEqual([['zhengshuang', 'reminder'], ['liuyang', 'escalation'], ['chengang', 'escalation']]);
    // Re-opened: 接收 is asked for again.
    expect(allowed(emergencyKind, c, zhengshuang, T0 + 63 * MIN)).toContain('acknowledge');
  });

  it('should give a task acknowledged after the response deadline one window to report, and a task given later its own response window', () => {
    let c = tick(tick(start(), T0 + 10 * MIN), T0 + 20 * MIN);
    c = run(c, { type: 'acknowledge' }, zhengshuang, T0 + 65 * MIN);
    expect(task(c, 'zhengshuang').progressDueAt).toBe(T0 + 75 * MIN);
    c = run(c, { type: 'assign', assignments: [{ personId: 'hejing', name: '何静', task: '整理记录' }] }, starter, T0 + 66 * MIN);
    c = run(c, { type: 'acknowledge' }, { id: 'hejing', rolesInGroup: ['member'] }, T0 + 67 * MIN);
    expect(task(c, 'hejing').progressDueAt).toBe(T0 + 126 * MIN);
  });

  it('should handle two timers due at the same minute in one step, naming both', () => {
    const c = tick(start(), T0 + 10 * MIN);
    expect(c.history.at(-1)!.note).toBe('提醒接收：黄磊（联系客户）、郑爽（到现场）');
    expect(c.history).toHaveLength(2);
  });

  it('should offer 接收 only while a task waits for it, and end a task with done', () => {
    let c = start();
    expect(allowed(emergencyKind, c, huanglei, T0)).toEqual(['acknowledge', 'progress']);
    c = run(c, { type: 'acknowledge' }, huanglei, T0 + MIN);
    expect(allowed(emergencyKind, c, huanglei, T0 + MIN)).toEqual(['progress']);
    expect(decide(emergencyKind, c, { type: 'acknowledge' }, huanglei, ctx(T0 + 2 * MIN))).toMatchObject({ ok: false, code: 'ALREADY_ACKNOWLEDGED' });
    const before = c;
    c = run(c, { type: 'progress', note: '客户已同意退款方案', done: true }, huanglei, T0 + 40 * MIN);
    expect(task(c, 'huanglei')).toMatchObject({ status: 'done', doneNote: '客户已同意退款方案', progressDueAt: null });
    expect(c.assignees).toEqual(['zhengshuang']);
    expect(newNotices(before, c).map((n) => [n.to, n.title])).toEqual([['liuyang', '黄磊 已完成任务']]);
    expect(allowed(emergencyKind, c, huanglei, T0 + 41 * MIN)).toEqual([]);
  });

  it('should let the starter reassign a task and add one, each with its own fresh window', () => {
    let c = run(start(), { type: 'reassign', fromPersonId: 'zhengshuang', toPersonId: 'hejing', toName: '何静' }, starter, T0 + 5 * MIN);
    expect(task(c, 'zhengshuang')).toMatchObject({ status: 'replaced', replacedBy: 'hejing' });
    expect(task(c, 'hejing')).toMatchObject({ status: 'alerted', task: '到现场', ackDueAt: T0 + 15 * MIN, noticeId: 'em_1.2.0' });
    expect(c.assignees.sort()).toEqual(['hejing', 'huanglei']);
    expect(decide(emergencyKind, c, { type: 'reassign', fromPersonId: 'zhengshuang', toPersonId: 'chengang', toName: '陈刚' }, starter, ctx(T0 + 6 * MIN))).toMatchObject({ ok: false, code: 'NOT_ASSIGNED' });
    expect(decide(emergencyKind, c, { type: 'assign', assignments: [{ personId: 'hejing', name: '何静', task: '拍照取证' }] }, starter, ctx(T0 + 6 * MIN))).toMatchObject({ ok: false, code: 'ALREADY_ASSIGNED' });
    c = run(c, { type: 'assign', assignments: [{ personId: 'zhengshuang', name: '郑爽', task: '整理记录' }] }, starter, T0 + 6 * MIN);
    expect(task(c, 'zhengshuang')).toMatchObject({ status: 'alerted', task: '整理记录', ackDueAt: T0 + 16 * MIN });
    // Only the starter directs the work.
    expect(decide(emergencyKind, c, { type: 'close', summary: '处理完毕' }, huanglei, ctx(T0 + 7 * MIN))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should close with a summary, stop every timer and tell those still at work', () => {
    let c = run(start(), { type: 'acknowledge' }, huanglei, T0 + MIN);
    c = run(c, { type: 'progress', note: '完成', done: true }, huanglei, T0 + 2 * MIN);
    const before = c;
    c = run(c, { type: 'close', summary: '客户已接受退款方案，现场恢复正常' }, starter, T0 + 50 * MIN);
    expect(c).toMatchObject({ state: 'em_closed', open: false, wakeAt: null, assignees: [] });
    expect(c.data.summary).toBe('客户已接受退款方案，现场恢复正常');
    expect(newNotices(before, c).map((n) => n.to)).toEqual(['zhengshuang']);
    expect(decide(emergencyKind, c, { type: 'timeout' }, system, ctx(T0 + 90 * MIN)).ok).toBe(false);
  });
});
