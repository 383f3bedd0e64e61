import { DEFAULT_SETTINGS, type LadderStep, type SettingsValues } from '../../src/contract';
import { allowed, decide, notices, timeout, type CaseActor, type KindContext } from '../../src/core/engine';
import {
  appealClosedReason,
  appealReviewers,
  isLighter,
  openViolation,
  violationKind,
  type ViolationCase,
  type ViolationCommand,
} from '../../src/core/kinds/violation';

const t0 = Date.parse('2026-11-24T10:00:00+08:00'); // a Tuesday
const at = (s: string) => Date.parse(`${s}+08:00`);
const end = (date: string) => at(`${date}T23:59:59.999`);
const ctx = (now = t0, settings: SettingsValues = DEFAULT_SETTINGS): KindContext => ({
  now,
  settings,
  admins: ['admin1', 'admin2'],
  leaders: ['boss'],
});
const admin1: CaseActor = { id: 'admin1', rolesInGroup: ['member', 'admin'] };
const admin2: CaseActor = { id: 'admin2', rolesInGroup: ['member', 'admin'] };
const member: CaseActor = { id: 'm1', rolesInGroup: ['member'] };
const other: CaseActor = { id: 'm2', rolesInGroup: ['member'] };
const boss: CaseActor = { id: 'boss', rolesInGroup: ['leader'] };

function opened(stepChosen: LadderStep = 'warning', c = ctx(), proposed: LadderStep = stepChosen): ViolationCase {
  return openViolation({
    id: 'v1',
    groupId: 'g1',
    subjectId: 'm1',
    openedBy: 'admin1',
    requestId: 'r1',
    groupName: '项目A群',
    subjectName: '张三',
    category: '广告推销、擅自拉票集赞',
    description: '在群里发了三次保险广告',
    evidence: [],
    severity: proposed === 'referral' ? 'major' : proposed === 'removal' ? 'serious' : 'minor',
    proposed,
    proposalReasons: ['初次违规且情节较轻'],
    priorCount: 0,
    step: stepChosen,
    lighterReason: stepChosen === proposed ? null : '主动撤回并道歉',
    settingsVersion: 1,
    ctx: c,
  });
}
function must(d: ReturnType<typeof decide<ViolationCase>>): ViolationCase {
  if (!d.ok) throw new Error(`refused: ${d.code} ${d.message ?? ''}`);
  return d.case;
}
const run = (c: ViolationCase, cmd: ViolationCommand, actor: CaseActor, now = t0) => decide(violationKind, c, cmd, actor, ctx(now));
const violationAllowed = (c: ViolationCase, actor: CaseActor, now: number) => allowed(violationKind, c, actor, now);
const appealed = (c = opened(), now = t0 + 3600_000) => must(run(c, { type: 'appeal', reasons: '广告是同事转发的', evidence: [] }, member, now));
const answered = (outcome: 'uphold' | 'reduce' | 'revoke' = 'uphold', c = appealed(), now = t0 + 7200_000) =>
  must(run(c, { type: 'answer', outcome, finding: '核实属实', ...(outcome === 'reduce' ? { reducedTo: 'warning' as const } : {}) }, admin2, now));

describe('violation machine: opening', () => {
  it('should declare two final states and five open ones', () => {
    // Final states are those open only while a WeChat task waits.
    expect(Object.entries(violationKind.states).filter(([, s]) => s.open !== true).map(([k]) => k)).toEqual(['vio_final', 'vio_revoked']);
  });

  it('should open a warning with the member told and an appeal deadline of 3 working days', () => {
    const c = opened();
    expect(c.state).toBe('vio_decided');
    expect(c.data.penalty).toBe('warning');
    expect(c.dueAt).toBe(end('2026-11-27'));
    expect(c.data.appealDeadline).toBe(c.dueAt);
    expect(c.wakeAt).toBe(c.dueAt);
    expect(c.assignees).toEqual(['m1']);
    expect(notices(c).map((o) => [o.to, o.purpose, o.title])).toEqual([['m1', 'caseDecided', '违规处理：警告']]);
    expect(notices(c)[0].body).toContain('11月27日 23:59');
    expect(c.history.map((h) => h.action)).toEqual(['decide']);
  });

  it('should file a removal with the leader and give the other admins the WeChat task', () => {
    const c = opened('removal');
    expect(c.history.map((h) => h.action)).toEqual(['decide', 'file']);
    expect(c.data.filedWith).toEqual(['boss']);
    expect(c.data.task).toMatchObject({ action: 'remove', status: 'pending' });
    expect(c.assignees).toEqual(['m1', 'admin1', 'admin2']);
    expect(notices(c).map((o) => [o.to, o.title])).toEqual([
      ['m1', '违规处理：移出群聊'],
      ['admin2', '待移出群成员'],
      ['boss', '违规移出备案'],
    ]);
  });

  it('should refer a major loss to the leader, and record a lighter step with its reason', () => {
    const c = opened('referral');
    expect(c.state).toBe('vio_referred');
    expect(c.assignees).toEqual(['boss']);
    expect(c.data.penalty).toBe('pending');
    expect(notices(c).map((o) => [o.to, o.purpose])).toEqual([['boss', 'newTask'], ['m1', 'caseDecided']]);
    const lighter = opened('warning', ctx(), 'removal');
    expect(lighter.history[0].note).toContain('从轻理由：主动撤回并道歉');
    expect(lighter.data.lighterReason).toBe('主动撤回并道歉');
  });
});

describe('violation machine: the appeal', () => {
  it('should let only the member appeal, before the deadline, to the admin who did not decide', () => {
    const c = opened();
    expect(violationAllowed(c, member, t0)).toEqual(['appeal', 'accept']);
    expect(violationAllowed(c, member, c.data.appealDeadline! + 1)).toEqual(['accept']);
    expect(appealClosedReason(c, c.data.appealDeadline! + 1)).toContain('11月27日 23:59 截止');
    expect(run(c, { type: 'appeal', reasons: 'x', evidence: [] }, other)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(c, { type: 'appeal', reasons: 'x', evidence: [] }, member, c.data.appealDeadline! + 1)).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
    expect(run(c, { type: 'appeal', reasons: '  ', evidence: [] }, member)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const a = appealed(c);
    expect(a.state).toBe('vio_appealed');
    expect(a.assignees).toEqual(['admin2']);
    expect(a.dueAt).toBe(end('2026-12-01'));
    expect(notices(a).at(-1)).toMatchObject({ to: 'admin2', purpose: 'newTask', title: '新的违规申诉' });
  });

  it('should refuse a second appeal while one is open', () => {
    const a = appealed();
    expect(run(a, { type: 'appeal', reasons: '再申诉', evidence: [] }, member)).toMatchObject({ ok: false, code: 'APPEAL_ALREADY_OPEN' });
    const b = answered('uphold', a);
    expect(run(b, { type: 'appeal', reasons: '再申诉', evidence: [] }, member)).toMatchObject({ ok: false, code: 'APPEAL_ALREADY_OPEN' });
  });

  it('should send the appeal to the deciding admin when no other admin exists, and to the leader when no admin', () => {
    expect(appealReviewers('admin1', 'm1', ['admin1', 'admin2'], ['boss'])).toEqual(['admin2']);
    expect(appealReviewers('admin1', 'm1', ['admin1'], ['boss'])).toEqual(['admin1']);
    expect(appealReviewers('admin1', 'm1', [], ['boss'])).toEqual(['boss']);
  });

  it('should let only the reviewer answer, with a finding', () => {
    const a = appealed();
    expect(run(a, { type: 'answer', outcome: 'uphold', finding: '属实' }, admin1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(a, { type: 'answer', outcome: 'uphold', finding: '属实' }, member)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(a, { type: 'answer', outcome: 'uphold', finding: ' ' }, admin2)).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(violationAllowed(a, admin2, t0)).toEqual(['answer']);
    expect(violationAllowed(a, boss, t0)).toEqual([]);
  });

  it('should uphold with an escalation deadline of 3 working days', () => {
    const b = answered('uphold');
    expect(b.state).toBe('vio_answered');
    expect(b.data.answer).toMatchObject({ outcome: 'uphold', penalty: 'warning', by: 'admin2' });
    expect(b.dueAt).toBe(end('2026-11-27'));
    expect(b.assignees).toEqual(['m1']);
    expect(violationAllowed(b, member, t0)).toEqual(['escalate', 'accept']);
  });

  it('should refuse to reduce a warning and revoke it instead, closing the case', () => {
    const a = appealed();
    expect(run(a, { type: 'answer', outcome: 'reduce', finding: '轻', reducedTo: 'warning' }, admin2)).toMatchObject({ ok: false, code: 'PENALTY_NOT_ALLOWED' });
    const r = answered('revoke', a);
    expect(r).toMatchObject({ state: 'vio_revoked', open: false, assignees: [] });
    expect(r.data.penalty).toBe('none');
  });

  it('should reduce a removal to a warning and cancel the pending removal task', () => {
    const a = appealed(opened('removal'));
    expect(run(a, { type: 'answer', outcome: 'reduce', finding: '情节较轻', reducedTo: 'fine' }, admin2)).toMatchObject({ ok: false, code: 'PENALTY_NOT_ALLOWED' });
    const b = answered('reduce', a);
    expect(b.data.penalty).toBe('warning');
    expect(b.data.task).toMatchObject({ action: 'remove', status: 'cancelled' });
    expect(b.assignees).toEqual(['m1']);
  });

  it('should ask the admins to re-add a member whose removal was carried out and then revoked', () => {
    let c = opened('removal');
    expect(run(c, { type: 'confirmTask' }, member)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    c = must(run(c, { type: 'confirmTask' }, admin2));
    expect(c.data.task).toMatchObject({ status: 'done', by: 'admin2' });
    expect(c.history.at(-1)!.action).toBe('confirm_removal');
    expect(run(c, { type: 'confirmTask' }, admin1)).toMatchObject({ ok: false, code: 'TASK_NOT_PENDING' });
    const r = answered('revoke', appealed(c));
    expect(r.state).toBe('vio_revoked');
    expect(r.open).toBe(true);
    expect(r.data.task).toMatchObject({ action: 'readd', status: 'pending' });
    expect(r.assignees).toEqual(['admin1', 'admin2']);
    expect(notices(r).filter((o) => o.title === '待将成员重新拉回群').map((o) => o.to)).toEqual(['admin1']);
    const done = must(run(r, { type: 'confirmTask' }, admin1));
    expect(done).toMatchObject({ open: false, assignees: [] });
    expect(done.history.at(-1)!.action).toBe('confirm_readd');
  });

  it('should let the member accept, or escalate to the leader whose ruling is final', () => {
    const b = answered('uphold');
    expect(must(run(b, { type: 'accept' }, member))).toMatchObject({ state: 'vio_final', open: false });
    expect(run(b, { type: 'escalate', reasons: '不服' }, other)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(b, { type: 'escalate', reasons: '不服' }, member, b.data.escalateDeadline! + 1)).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
    const e = must(run(b, { type: 'escalate', reasons: '不服' }, member));
    expect(e).toMatchObject({ state: 'vio_escalated', assignees: ['boss'] });
    expect(notices(e).at(-1)).toMatchObject({ to: 'boss', purpose: 'escalation' });
    expect(run(e, { type: 'escalate', reasons: '再申诉' }, member)).toMatchObject({ ok: false, code: 'APPEAL_ALREADY_OPEN' });
    expect(run(e, { type: 'rule', outcome: 'uphold', finding: '维持' }, admin2)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const f = must(run(e, { type: 'rule', outcome: 'uphold', finding: '证据确凿，维持警告' }, boss));
    expect(f).toMatchObject({ state: 'vio_final', open: false, dueAt: null, wakeAt: null });
    expect(notices(f).slice(notices(e).length).map((o) => o.to)).toEqual(['m1', 'admin1', 'admin2']);
    expect(run(f, { type: 'rule', outcome: 'revoke', finding: '改判' }, boss)).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
    expect(run(f, { type: 'appeal', reasons: 'x', evidence: [] }, member)).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
    expect(run(f, { type: 'accept' }, member)).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
  });

  it('should refuse escalating before the admin answered', () => {
    expect(run(opened(), { type: 'escalate', reasons: '不服' }, member)).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
  });

  it('should let the leader decide a referred measure, and send its appeal straight to the leader', () => {
    const r = opened('referral');
    expect(run(r, { type: 'decideMeasure', measure: 'fine', reason: '损失较大' }, admin1)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(r, { type: 'appeal', reasons: 'x', evidence: [] }, member)).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
    const d = must(run(r, { type: 'decideMeasure', measure: 'demotion', reason: '造成客户流失' }, boss));
    expect(d).toMatchObject({ state: 'vio_decided', assignees: ['m1'] });
    expect(d.data).toMatchObject({ penalty: 'demotion', decidedBy: 'boss' });
    const a = must(run(d, { type: 'appeal', reasons: '损失并非我造成', evidence: [] }, member));
    expect(a).toMatchObject({ state: 'vio_escalated', assignees: ['boss'] });
    expect(run(a, { type: 'rule', outcome: 'reduce', finding: '酌情减轻', reducedTo: 'dismissal' }, boss)).toMatchObject({ ok: false, code: 'PENALTY_NOT_ALLOWED' });
    const f = must(run(a, { type: 'rule', outcome: 'reduce', finding: '酌情减轻', reducedTo: 'criticism' }, boss));
    expect(f.data.penalty).toBe('criticism');
    expect(isLighter('demotion', 'criticism')).toBe(true);
    expect(isLighter('criticism', 'fine')).toBe(false);
  });
});

describe('violation machine: timeouts', () => {
  it('should make the decision final when the member lets X₁ pass, and never before', () => {
    const c = opened();
    expect(timeout(violationKind, c, ctx(c.wakeAt! - 1))).toMatchObject({ ok: false });
    const f = must(timeout(violationKind, c, ctx(c.wakeAt!)));
    expect(f).toMatchObject({ state: 'vio_final', open: false, wakeAt: null });
    expect(f.history.at(-1)).toMatchObject({ action: 'finalize', by: null });
    expect(timeout(violationKind, f, ctx(c.wakeAt! + 1))).toMatchObject({ ok: false });
  });

  it('should make the answer final when the member lets X₃ pass', () => {
    const b = answered('uphold');
    expect(must(timeout(violationKind, b, ctx(b.wakeAt!)))).toMatchObject({ state: 'vio_final' });
  });

  it('should remind an admin who misses X₂, then alert the leader, who may take the appeal over', () => {
    const a = appealed();
    const reminded = must(timeout(violationKind, a, ctx(a.wakeAt! + 1)));
    expect(reminded).toMatchObject({ state: 'vio_appealed', escalation: 1 });
    expect(notices(reminded).at(-1)).toMatchObject({ to: 'admin2', purpose: 'reminder' });
    // Reminded just after midnight on 12-02: one more working day.
    expect(reminded.wakeAt).toBe(end('2026-12-03'));
    expect(run(reminded, { type: 'rule', outcome: 'revoke', finding: 'x' }, boss)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const alerted = must(timeout(violationKind, reminded, ctx(reminded.wakeAt! + 1)));
    expect(alerted).toMatchObject({ escalation: 2, wakeAt: null, assignees: ['admin2', 'boss'] });
    expect(notices(alerted).at(-1)).toMatchObject({ to: 'boss', purpose: 'escalation', title: '违规申诉超期未答复' });
    expect(violationAllowed(alerted, boss, t0)).toEqual(['rule']);
    const ruled = must(run(alerted, { type: 'rule', outcome: 'revoke', finding: '证据不足' }, boss));
    expect(ruled).toMatchObject({ state: 'vio_revoked', open: false });
    expect(ruled.history.at(-1)!.action).toBe('take_over_rule');
  });

  it('should never act on a timer from a person', () => {
    const c = opened();
    expect(decide(violationKind, c, { type: 'timeout' }, member, ctx(c.wakeAt! + 1))).toMatchObject({ ok: false });
  });
});

describe('violation deadlines on China\'s 2026 calendar', () => {
  it.each([
    ['Spring Festival: notified Friday 2026-02-13, 调休 Saturday 02-14 counts', '2026-02-13T10:00:00', 'appeal', '2026-02-25'],
    ['Spring Festival: X₂ = 5 from 02-13', '2026-02-13T10:00:00', 'answer', '2026-02-27'],
    ['Labour Day: notified 04-30, break 05-01..05-05', '2026-04-30T10:00:00', 'appeal', '2026-05-08'],
    ['Labour Day: X₂ = 5 with the 调休 Saturday 05-09', '2026-04-30T10:00:00', 'answer', '2026-05-11'],
    ['National Day: notified 09-30, 调休 Saturday 10-10 counts', '2026-09-30T10:00:00', 'appeal', '2026-10-10'],
    ['National Day: X₂ = 5 from 09-30', '2026-09-30T10:00:00', 'answer', '2026-10-13'],
    ['National Day: 调休 Sunday 09-20 counts', '2026-09-18T10:00:00', 'appeal', '2026-09-22'],
  ])('should set the deadline for %s', (_label, when, which, date) => {
    const now = at(when);
    const c = opened('warning', ctx(now));
    if (which === 'appeal') expect(c.dueAt).toBe(end(date));
    else expect(appealed(c, now).dueAt).toBe(end(date));
  });

  it('should use the settings the case was opened under', () => {
    const longer: SettingsValues = { ...DEFAULT_SETTINGS, violation: { ...DEFAULT_SETTINGS.violation, appealDays: 10 } };
    expect(opened('warning', ctx(t0, longer)).dueAt).toBe(end('2026-12-08'));
  });
});

describe('the WeChat task has a deadline of its own (violation.removalDays), reminded then escalated', () => {
  it('should remind the admins when a removal is not confirmed in a working day, then alert the leader, keeping the appeal period', () => {
    const c = opened('removal');
    // Tuesday 10:00 + 1 working day; the member's appeal period (3 days) is untouched.
    expect(c.data.task).toMatchObject({ action: 'remove', status: 'pending', dueAt: end('2026-11-25'), stage: 0 });
    expect(c.dueAt).toBe(end('2026-11-27'));
    expect(c.wakeAt).toBe(end('2026-11-25'));
    expect(timeout(violationKind, c, ctx(c.wakeAt! - 1))).toMatchObject({ ok: false });

    const reminded = must(timeout(violationKind, c, ctx(c.wakeAt! + 1)));
    expect(reminded).toMatchObject({ state: 'vio_decided', dueAt: end('2026-11-27'), escalation: 0 });
    expect(reminded.data.task).toMatchObject({ status: 'pending', stage: 1, dueAt: end('2026-11-27') });
    expect(reminded.history.at(-1)).toMatchObject({ action: 'task_remind', by: null });
    // Every admin the task waits on (the member is never one) is reminded.
    expect(reminded.assignees).toEqual(['m1', 'admin1', 'admin2']);
    expect(notices(reminded).slice(notices(c).length).map((n) => [n.to, n.purpose, n.title])).toEqual([
      ['admin1', 'reminder', '移出群成员已超期'],
      ['admin2', 'reminder', '移出群成员已超期'],
    ]);

    // Both timers due at once: the member's period ends first, the task's escalation on the next run.
    const final = must(timeout(violationKind, reminded, ctx(end('2026-11-27') + 1)));
    expect(final).toMatchObject({ state: 'vio_final', open: true, wakeAt: end('2026-11-27') });
    const alerted = must(timeout(violationKind, final, ctx(end('2026-11-27') + 2)));
    expect(alerted).toMatchObject({ state: 'vio_final', open: true, wakeAt: null });
    expect(alerted.data.task).toMatchObject({ stage: 2 });
    expect(notices(alerted).at(-1)).toMatchObject({ to: 'boss', purpose: 'escalation', title: '移出群成员超期未完成' });
    expect(timeout(violationKind, alerted, ctx(end('2026-12-31')))).toMatchObject({ ok: false });

    const done = must(run(alerted, { type: 'confirmTask' }, admin2, end('2026-11-28')));
    expect(done).toMatchObject({ open: false, wakeAt: null });
  });

  it('should stop the task timer once the removal is confirmed, leaving the appeal period', () => {
    const confirmed = must(run(opened('removal'), { type: 'confirmTask' }, admin2));
    expect(confirmed.wakeAt).toBe(end('2026-11-27'));
    expect(must(timeout(violationKind, confirmed, ctx(end('2026-11-27') + 1)))).toMatchObject({ state: 'vio_final', open: false, wakeAt: null });
  });

  it('should give a re-add after a revoke its own deadline from the day it is asked', () => {
    const removed = must(run(opened('removal'), { type: 'confirmTask' }, admin2));
    const revoked = answered('revoke', appealed(removed, at('2026-11-25T09:00:00')), at('2026-11-26T09:00:00'));
    expect(revoked.data.task).toMatchObject({ action: 'readd', status: 'pending', dueAt: end('2026-11-27'), stage: 0 });
    expect(revoked.wakeAt).toBe(end('2026-11-27'));
    const reminded = must(timeout(violationKind, revoked, ctx(end('2026-11-27') + 1)));
    expect(notices(reminded).at(-1)).toMatchObject({ purpose: 'reminder', title: '重新拉回群成员已超期' });
  });

  it('should keep removal deadlines of cases opened before they existed untimed', () => {
    const old = opened('removal');
    const legacy = { ...old, wakeAt: old.dueAt, data: { ...old.data, task: { action: 'remove' as const, status: 'pending' as const, by: null, at: null } } };
    expect(must(timeout(violationKind, legacy, ctx(old.dueAt! + 1)))).toMatchObject({ state: 'vio_final', open: true, wakeAt: null });
  });
});

describe('attached images wait for their content check', () => {
  const withImage = () =>
    openViolation({
      id: 'v2', groupId: 'g1', subjectId: 'm1', openedBy: 'admin1', requestId: 'r2', groupName: '项目A群', subjectName: '张三', category: '广告推销、擅自拉票集赞',
      description: '发广告', evidence: ['img1', 'img2'], media: { img2: 'pass' }, severity: 'minor', proposed: 'warning', proposalReasons: [], priorCount: 0,
      step: 'warning', lighterReason: null, settingsVersion: 1, ctx: ctx(),
    });

  it('should record each image once, hide a risky one and tell the admins, and mark the images as used', () => {
    const c = withImage();
    expect(c.data.media).toEqual({ img1: 'pending', img2: 'pass' });
    expect(c.outbox.filter((e) => 'effect' in e).map((e) => ('effect' in e ? e.effect : null))).toEqual([{ type: 'attachUploads', caseId: 'v2', fileIds: ['img1', 'img2'] }]);
    // The frozen states are part of the opening entry: sealed with it.
    expect(c.history[0].changes!.media).toEqual({ before: null, after: { img1: 'pending', img2: 'pass' } });
    const flagged = must(decide(violationKind, c, { type: 'mediaVerdict', fileId: 'img1', verdict: 'risky', label: '色情' }, { id: null, rolesInGroup: [] }, ctx()));
    expect(flagged.data.media).toEqual({ img1: 'risky', img2: 'pass' });
    expect(flagged.history.at(-1)).toMatchObject({ action: 'media_risky', by: null, note: '一张立案证据图片未通过内容安全检查（色情），已隐藏' });
    expect(notices(flagged).slice(notices(c).length).map((n) => n.to)).toEqual(['admin1', 'admin2']);
    // Again, or for an image already decided, or one the case lacks: nothing.
    const sys = { id: null, rolesInGroup: [] };
    expect(decide(violationKind, flagged, { type: 'mediaVerdict', fileId: 'img1', verdict: 'risky' }, sys, ctx())).toMatchObject({ ok: false });
    expect(decide(violationKind, flagged, { type: 'mediaVerdict', fileId: 'img2', verdict: 'risky' }, sys, ctx())).toMatchObject({ ok: false });
    expect(decide(violationKind, flagged, { type: 'mediaVerdict', fileId: 'nope', verdict: 'pass' }, sys, ctx())).toMatchObject({ ok: false });
    // Only the system brings verdicts.
    expect(decide(violationKind, c, { type: 'mediaVerdict', fileId: 'img1', verdict: 'pass' }, admin1, ctx())).toMatchObject({ ok: false });
  });
});
