import { createHash } from 'node:crypto';
import type { ActionInput, CaseView } from '../../src/contract';
import { runScheduler, runTimeouts } from '../../src/server/jobs';
import type { Store } from '../../src/server/ports';
import { verifyHistory } from '../../src/server/cases/audit';
import { templateData } from '../../src/server/cases/outbox';
import { makeWorld, requestId, T0, viewAs, type World } from './harness';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const evidence = (by = 'p_zhoujie') => w.upload(by, PNG, { name: '截图.png', contentType: 'image/png' });
const end = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`);
const CATEGORY = '广告推销、擅自拉票集赞';

type OpenInput = ActionInput<'violation.open'>;
/** 周杰 (admin of 项目A群) opens a case about 马超; 孙丽 is the other admin, 陈刚 the leader. */
function openInput(over: Partial<OpenInput> = {}): OpenInput {
  return {
    groupId: 'g_projecta',
    subjectId: 'p_machao',
    category: CATEGORY,
    description: '在群里连续发布保险推销广告',
    evidence: [],
    severity: 'minor',
    step: 'warning',
    requestId: requestId(),
    ...over,
  };
}
const openCase = (over: Partial<OpenInput> = {}, by = 'p_zhoujie') => w.okCall(by, 'violation.open', openInput(over));
// Only this file's subject: the scheduler also sends other reminders (e.g. a backup falling due).
const titles = async (who: string) =>
  (await w.okCall(who, 'notifications.list', { limit: 50 })).items.filter((n) => n.caseId?.startsWith('vi_')).map((n) => n.title);

describe('a violation from decision to the final ruling', () => {
  it('should run decision → appeal → uphold → escalation → ruling, telling each person what waits on them', async () => {
    const img = await evidence();
    const c = await openCase({ evidence: [img] });
    expect(c).toMatchObject({ kind: 'violation', state: 'vio_decided', stateLabel: '已处理·申诉期内', waitingOn: [{ id: 'p_machao', name: '马超' }] });
    expect(c.dueAt).toBe(end('2026-11-27'));
    expect(c.data).toMatchObject({ penalty: 'warning', proposed: 'warning', category: CATEGORY, appealDeadline: end('2026-11-27') });
    expect((c.data as Record<string, unknown>).evidence).toBeUndefined();
    expect(c.links!.evidence).toHaveLength(1);
    expect(c.links!.evidence[0].url).toMatch(/^\/files\/[a-f0-9]{32}\?exp=\d+&sig=/);
    expect(c.links!.evidence[0].expiresAt).toBeGreaterThan(T0);

    const told = (await w.okCall('p_machao', 'notifications.list', {})).items[0];
    expect(told.title).toBe('违规处理：警告');
    expect(told.body).toContain('11月27日 23:59 前申诉');
    const mine = await w.okCall('p_machao', 'cases.get', { caseId: c.id });
    expect(mine.allowed).toEqual(['appeal', 'accept']);
    expect(mine.links!.evidence[0].url).toBe(c.links!.evidence[0].url);

    w.clock.t = T0 + 3600_000;
    const appealed = await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '那是同事让我转发的活动链接', evidence: [await evidence('p_machao')] });
    expect(appealed).toMatchObject({ state: 'vio_appealed', waitingOn: [{ id: 'p_sunli', name: '孙丽' }] });
    expect(appealed.dueAt).toBe(end('2026-12-01'));
    expect(appealed.links!.appealEvidence).toHaveLength(1);
    expect((await w.okCall('p_sunli', 'inbox.list', {})).items.map((i) => i.id)).toEqual([c.id]);
    expect(await titles('p_sunli')).toEqual(['新的违规申诉']);
    // The admin who decided does not judge the appeal.
    expect((await w.okCall('p_zhoujie', 'cases.get', { caseId: c.id })).allowed).toEqual([]);
    expect(await w.call('p_zhoujie', 'violation.answer', { caseId: c.id, outcome: 'revoke', finding: '算了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const answered = await w.okCall('p_sunli', 'violation.answer', { caseId: c.id, outcome: 'uphold', finding: '核实聊天记录，确为推销广告' });
    expect(answered).toMatchObject({ state: 'vio_answered', waitingOn: [{ id: 'p_machao' }] });
    expect(answered.dueAt).toBe(end('2026-11-27'));
    expect(await titles('p_machao')).toContain('申诉结果：维持原处理');

    const escalated = await w.okCall('p_machao', 'violation.escalate', { caseId: c.id, reasons: '我认为处理过重' });
    expect(escalated).toMatchObject({ state: 'vio_escalated', waitingOn: [{ id: 'p_chengang', name: '陈刚' }] });
    expect(await titles('p_chengang')).toEqual(['违规申诉待最终裁决']);
    expect((await w.okCall('p_chengang', 'cases.get', { caseId: c.id })).allowed).toEqual(['rule']);

    const ruled = await w.okCall('p_chengang', 'violation.rule', { caseId: c.id, outcome: 'uphold', finding: '维持警告，今后注意' });
    expect(ruled).toMatchObject({ state: 'vio_final', open: false, waitingOn: [] });
    expect(ruled.history!.map((h) => h.actionLabel)).toEqual(['作出处理决定', '提出申诉', '答复申诉', '向上级领导申诉', '上级领导最终裁决']);
    expect(ruled.history!.map((h) => h.by?.name)).toEqual(['周杰', '马超', '孙丽', '马超', '陈刚']);
    expect(ruled.history![1].dueAt).toBe(end('2026-12-01'));
    expect(verifyHistory(w.deps.audit, (await w.store.getCase(c.id))!)).toEqual({ ok: true });
    expect(await w.call('p_machao', 'violation.escalate', { caseId: c.id, reasons: '再申诉' })).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
  });

  it('should refer a major loss to the leader, who decides the measure with a reason', async () => {
    const c = await openCase({ severity: 'major', step: 'referral', category: '泄露群内敏感信息' });
    expect(c).toMatchObject({ state: 'vio_referred', waitingOn: [{ id: 'p_chengang' }] });
    expect(await titles('p_chengang')).toEqual(['违规事项待定处分']);
    expect(await w.call('p_chengang', 'violation.decideMeasure', { caseId: c.id, measure: 'fine', reason: '  ' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const d = await w.okCall('p_chengang', 'violation.decideMeasure', { caseId: c.id, measure: 'fine', reason: '泄露报价单造成损失' });
    expect(d).toMatchObject({ state: 'vio_decided', data: { penalty: 'fine' } });
    expect(await titles('p_machao')).toContain('纪律处分：罚款');
    // An appeal of the leader's own measure goes back to the leader.
    const a = await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '报价单并非我外传' });
    expect(a).toMatchObject({ state: 'vio_escalated', waitingOn: [{ id: 'p_chengang' }] });
  });

  it('should file a removal with the leader and track it as an admin task until confirmed', async () => {
    const c = await openCase({ severity: 'serious', step: 'removal', category: '人身攻击、诋毁、造谣' });
    expect(c.history!.map((h) => h.actionLabel)).toEqual(['作出处理决定', '报上级领导备案']);
    expect(await titles('p_chengang')).toEqual(['违规移出备案']);
    expect(await titles('p_sunli')).toEqual(['待移出群成员']);
    expect((await w.okCall('p_sunli', 'inbox.list', {})).items.map((i) => i.id)).toEqual([c.id]);
    const done = await w.okCall('p_sunli', 'violation.confirmTask', { caseId: c.id, note: '已在群内移出' });
    expect(viewAs(done, 'violation').data.task).toMatchObject({ action: 'remove', status: 'done', by: 'p_sunli' });
    expect(await w.call('p_zhoujie', 'violation.confirmTask', { caseId: c.id })).toMatchObject({ ok: false, code: 'TASK_NOT_PENDING' });
    expect((await w.okCall('p_sunli', 'inbox.list', {})).total).toBe(0);
  });
});

describe('the ladder through the server', () => {
  it('should propose a removal for a repeat, ask a reason for a lighter step, and stop counting a revoked warning', async () => {
    const form = await w.okCall('p_zhoujie', 'violation.form', { groupId: 'g_projecta', subjectId: 'p_machao', severity: 'minor' });
    expect(form.categories).toHaveLength(6);
    expect(form.members.map((m) => m.id)).not.toContain('p_zhoujie');
    expect(form.members.map((m) => m.id)).toContain('p_machao');
    expect(form.proposal).toMatchObject({ step: 'warning', priorCount: 0 });

    const first = await openCase();
    w.clock.t = T0 + 86400_000;
    const second = await w.okCall('p_zhoujie', 'violation.form', { groupId: 'g_projecta', subjectId: 'p_machao', severity: 'minor' });
    expect(second.proposal).toMatchObject({ step: 'removal', priorCount: 1 });
    expect(second.proposal!.reasons.join('')).toContain('第 2 次违规');
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ step: 'warning' }))).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ step: 'referral' }))).toMatchObject({ ok: false, code: 'PENALTY_NOT_ALLOWED' });

    // The first warning is revoked on appeal: it no longer counts.
    await w.okCall('p_machao', 'violation.appeal', { caseId: first.id, reasons: '不是我发的' });
    await w.okCall('p_sunli', 'violation.answer', { caseId: first.id, outcome: 'revoke', finding: '系他人冒用' });
    const after = await w.okCall('p_zhoujie', 'violation.form', { groupId: 'g_projecta', subjectId: 'p_machao', severity: 'minor' });
    expect(after.proposal).toMatchObject({ step: 'warning', priorCount: 0 });

    const lighter = await w.okCall('p_zhoujie', 'violation.open', openInput({ severity: 'serious', step: 'warning', lighterReason: '当场撤回并道歉' }));
    expect(lighter.data).toMatchObject({ proposed: 'removal', step: 'warning', lighterReason: '当场撤回并道歉' });
    expect(lighter.history![0].note).toContain('从轻理由：当场撤回并道歉');
  });

  it("should count the demo organisation's earlier warning of 郑爽 as a repeat", async () => {
    const form = await w.okCall('p_liuyang', 'violation.form', { groupId: 'g_market', subjectId: 'p_zhengshuang', severity: 'minor' });
    expect(form.proposal).toMatchObject({ step: 'removal', priorCount: 1 });
    const prior = await w.okCall('p_zhengshuang', 'cases.get', { caseId: 'vi_demo_prior_warning' });
    expect(prior).toMatchObject({ state: 'vio_final', open: false });
    expect(verifyHistory(w.deps.audit, (await w.store.getCase(prior.id))!)).toEqual({ ok: true });
  });

  it('should keep counting only in the same group', async () => {
    await openCase({ subjectId: 'p_huanglei' });
    const market = await w.okCall('p_liuyang', 'violation.form', { groupId: 'g_market', subjectId: 'p_huanglei', severity: 'minor' });
    expect(market.proposal).toMatchObject({ step: 'warning', priorCount: 0 });
  });

  it('should file one case when the same open is retried', async () => {
    const input = openInput();
    const [a, b] = await Promise.all([w.okCall('p_zhoujie', 'violation.open', input), w.okCall('p_zhoujie', 'violation.open', input)]);
    expect(a.id).toBe(b.id);
    expect((await w.okCall('p_machao', 'cases.mine', {})).total).toBe(1);
  });
});

describe('who may do what with violations', () => {
  /** A case in every interesting state, for the matrix. */
  async function casesByState() {
    const decided = await openCase();
    const referred = await openCase({ severity: 'major', step: 'referral', subjectId: 'p_wufang' });
    const removal = await openCase({ severity: 'serious', step: 'removal', subjectId: 'p_zhangwei_t' });
    const appealedBase = await openCase({ subjectId: 'p_huanglei' });
    await w.okCall('p_huanglei', 'violation.appeal', { caseId: appealedBase.id, reasons: '有误会' });
    const answeredBase = await openCase({ subjectId: 'p_zhangwei_m' });
    await w.okCall('p_zhangwei_m', 'violation.appeal', { caseId: answeredBase.id, reasons: '有误会' });
    await w.okCall('p_sunli', 'violation.answer', { caseId: answeredBase.id, outcome: 'uphold', finding: '属实' });
    const escalatedBase = await openCase({ subjectId: 'p_lina' });
    await w.okCall('p_lina', 'violation.appeal', { caseId: escalatedBase.id, reasons: '有误会' });
    await w.okCall('p_sunli', 'violation.answer', { caseId: escalatedBase.id, outcome: 'uphold', finding: '属实' });
    await w.okCall('p_lina', 'violation.escalate', { caseId: escalatedBase.id, reasons: '不服' });
    return { decided, referred, removal, appealed: appealedBase, answered: answeredBase, escalated: escalatedBase };
  }

  it('should answer every action by role and relation to the case', async () => {
    const s = await casesByState();
    // [who, action, input, expected: true for ok, or the error code]
    const matrix: [string, string, Record<string, unknown>, true | string][] = [
      // form and open: admins of the group only
      ['p_zhoujie', 'violation.form', { groupId: 'g_projecta' }, true],
      ['p_liuyang', 'violation.form', { groupId: 'g_projecta' }, 'FORBIDDEN'],
      ['p_machao', 'violation.form', { groupId: 'g_projecta' }, 'FORBIDDEN'],
      ['p_chengang', 'violation.form', { groupId: 'g_projecta' }, 'FORBIDDEN'],
      ['p_zhaomin', 'violation.form', { groupId: 'g_projecta' }, 'FORBIDDEN'],
      ['p_liuyang', 'violation.open', openInput(), 'FORBIDDEN'],
      ['p_wufang', 'violation.open', openInput(), 'FORBIDDEN'],
      ['p_chengang', 'violation.open', openInput(), 'FORBIDDEN'],
      ['p_lina', 'violation.open', openInput(), 'FORBIDDEN'],
      ['p_zhoujie', 'violation.open', openInput({ subjectId: 'p_zhoujie' }), 'FORBIDDEN'],
      ['p_zhoujie', 'violation.open', openInput({ subjectId: 'p_hejing' }), 'NOT_MEMBER'],
      ['p_zhoujie', 'violation.open', openInput({ subjectId: 'p_chengang' }), 'NOT_MEMBER'],
      ['p_zhoujie', 'violation.open', openInput({ category: '迟到' }), 'CATEGORY_UNKNOWN'],
      // the leader's measure
      ['p_chengang', 'violation.decideMeasure', { caseId: s.referred.id, measure: 'criticism', reason: '批评' }, true],
      ['p_zhoujie', 'violation.decideMeasure', { caseId: s.referred.id, measure: 'criticism', reason: '批评' }, 'FORBIDDEN'],
      ['p_wufang', 'violation.decideMeasure', { caseId: s.referred.id, measure: 'criticism', reason: '批评' }, 'FORBIDDEN'],
      // appeal: the member only, and only their own case
      ['p_wufang', 'violation.appeal', { caseId: s.decided.id, reasons: '替他申诉' }, 'NOT_FOUND'],
      ['p_liuyang', 'violation.appeal', { caseId: s.decided.id, reasons: '替他申诉' }, 'NOT_FOUND'],
      ['p_sunli', 'violation.appeal', { caseId: s.decided.id, reasons: '替他申诉' }, 'FORBIDDEN'],
      ['p_chengang', 'violation.appeal', { caseId: s.decided.id, reasons: '替他申诉' }, 'FORBIDDEN'],
      ['p_machao', 'violation.appeal', { caseId: s.decided.id, reasons: '有误会' }, true],
      ['p_huanglei', 'violation.appeal', { caseId: s.appealed.id, reasons: '再申诉' }, 'APPEAL_ALREADY_OPEN'],
      // accept
      ['p_zhoujie', 'violation.accept', { caseId: s.answered.id }, 'FORBIDDEN'],
      ['p_zhangwei_m', 'violation.accept', { caseId: s.answered.id }, true],
      // answer: the reviewer only
      ['p_zhoujie', 'violation.answer', { caseId: s.appealed.id, outcome: 'uphold', finding: '属实' }, 'FORBIDDEN'],
      ['p_chengang', 'violation.answer', { caseId: s.appealed.id, outcome: 'uphold', finding: '属实' }, 'FORBIDDEN'],
      ['p_liuyang', 'violation.answer', { caseId: s.appealed.id, outcome: 'uphold', finding: '属实' }, 'NOT_FOUND'],
      ['p_huanglei', 'violation.answer', { caseId: s.appealed.id, outcome: 'uphold', finding: '属实' }, 'FORBIDDEN'],
      ['p_sunli', 'violation.answer', { caseId: s.appealed.id, outcome: 'uphold', finding: '属实' }, true],
      // escalate: the member, after an answer
      ['p_wufang', 'violation.escalate', { caseId: s.referred.id, reasons: '不服' }, 'APPEAL_CLOSED'],
      ['p_sunli', 'violation.escalate', { caseId: s.escalated.id, reasons: '不服' }, 'FORBIDDEN'],
      ['p_lina', 'violation.escalate', { caseId: s.escalated.id, reasons: '不服' }, 'APPEAL_ALREADY_OPEN'],
      // rule: the leader of the group
      ['p_sunli', 'violation.rule', { caseId: s.escalated.id, outcome: 'revoke', finding: '撤销' }, 'FORBIDDEN'],
      ['p_lina', 'violation.rule', { caseId: s.escalated.id, outcome: 'revoke', finding: '撤销' }, 'FORBIDDEN'],
      ['p_chengang', 'violation.rule', { caseId: s.escalated.id, outcome: 'revoke', finding: '证据不足' }, true],
      // confirm the WeChat task: an admin of the group
      ['p_zhangwei_t', 'violation.confirmTask', { caseId: s.removal.id }, 'FORBIDDEN'],
      ['p_chengang', 'violation.confirmTask', { caseId: s.removal.id }, 'FORBIDDEN'],
      ['p_liuyang', 'violation.confirmTask', { caseId: s.removal.id }, 'NOT_FOUND'],
      ['p_zhoujie', 'violation.confirmTask', { caseId: s.removal.id }, true],
    ];
    const got = [];
    for (const [who, action, data, expected] of matrix) {
      const r = await w.call(who, action as never, data as never);
      got.push([who, action, r.ok ? true : r.code]);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
      void expected;
    }
    expect(got).toEqual(matrix.map(([who, action, , expected]) => [who, action, expected]));
  });

  it("should show a case to its member, the group admins, the leader, the head of the group's department and the owner only", async () => {
    const c = await openCase({ evidence: [await evidence()] });
    // 李娜 heads 技术部, whose group 项目A群 is: she looks through its cases in 全部事项 and reports.
    for (const who of ['p_machao', 'p_zhoujie', 'p_sunli', 'p_chengang', 'p_lina', 'p_zhaomin']) {
      expect((await w.call(who, 'cases.get', { caseId: c.id })).ok).toBe(true);
    }
    for (const who of ['p_wufang', 'p_liuyang', 'p_wangqiang']) {
      expect(await w.call(who, 'cases.get', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect((await w.okCall('p_wufang', 'cases.mine', {})).total).toBe(0);
    expect((await w.okCall('p_machao', 'cases.mine', {})).items.map((i) => i.id)).toEqual([c.id]);
  });

  it('should refuse evidence that is not ours or does not exist, and text that fails the check, writing nothing', async () => {
    const before = w.footprint();
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ evidence: ['local:0123456789abcdef0123456789abcdef'] }))).toMatchObject({ ok: false, code: 'EVIDENCE_INVALID' });
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ evidence: ['cloud://other-env/x.png'] }))).toMatchObject({ ok: false, code: 'EVIDENCE_INVALID' });
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ evidence: ['https://example.invalid/x.png'] }))).toMatchObject({ ok: false, code: 'EVIDENCE_INVALID' });
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ description: '推荐一个网赌平台' }))).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    expect(w.footprint()).toEqual(before);
  });
});

describe('deadlines, the scheduler and races', () => {
  it('should make the decision final when the member lets X₁ pass, and then refuse the appeal saying why', async () => {
    const c = await openCase();
    w.clock.t = c.dueAt! + 1;
    const view = await w.okCall('p_machao', 'cases.get', { caseId: c.id });
    expect(view.allowed).toEqual(['accept']);
    expect(viewAs(view, 'violation').data.appealClosedReason).toContain('截止');
    expect((await runScheduler(w.deps)).timeouts).toBe(1);
    const r = await w.call('p_machao', 'violation.appeal', { caseId: c.id, reasons: '晚了' });
    expect(r).toMatchObject({ ok: false, code: 'APPEAL_CLOSED' });
    if (!r.ok) expect(r.message).toContain('已生效');
    expect(await titles('p_machao')).toContain('违规处理已生效');
  });

  it('should remind an admin who misses X₂, then alert the leader, who can take the appeal over', async () => {
    const c = await openCase();
    const a = await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '有误会' });
    w.clock.t = a.dueAt! + 60_000;
    expect((await runScheduler(w.deps)).timeouts).toBe(1);
    expect(await titles('p_sunli')).toEqual(['违规申诉已超期', '新的违规申诉']);
    const reminded = (await w.store.getCase(c.id))!;
    w.clock.t = reminded.wakeAt! + 60_000;
    await Promise.all([runScheduler(w.deps), runScheduler(w.deps)]);
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.history.map((h) => h.action)).toEqual(['decide', 'appeal', 'remind', 'escalate']);
    expect(await titles('p_chengang')).toEqual(['违规申诉超期未答复']);
    const leaderView = await w.okCall('p_chengang', 'cases.get', { caseId: c.id });
    expect(leaderView.allowed).toEqual(['rule']);
    expect(leaderView.escalation).toBe(2);
    const ruled = await w.okCall('p_chengang', 'violation.rule', { caseId: c.id, outcome: 'revoke', finding: '管理员未核实，撤销警告' });
    expect(ruled).toMatchObject({ state: 'vio_revoked', open: false });
    expect(ruled.history!.at(-1)!.actionLabel).toBe('上级领导接手并裁决');
  });

  it('should settle a member escalating at the very moment the scheduler finalises to one outcome', async () => {
    for (const subject of ['p_wufang', 'p_huanglei', 'p_zhangwei_t', 'p_lina']) {
      const c = await openCase({ subjectId: subject });
      await w.okCall(subject, 'violation.appeal', { caseId: c.id, reasons: '有误会' });
      const b = await w.okCall('p_sunli', 'violation.answer', { caseId: c.id, outcome: 'uphold', finding: '属实' });
      w.clock.t = b.dueAt!; // both the member's last moment and the timer's
      const [member, sched] = await Promise.all([w.call(subject, 'violation.escalate', { caseId: c.id, reasons: '不服' }), runTimeouts(w.deps)]);
      const stored = (await w.store.getCase(c.id))!;
      const last = stored.history.at(-1)!.action;
      expect(['escalate_appeal', 'finalize']).toContain(last);
      expect(stored.history.filter((h) => h.action === 'escalate_appeal' || h.action === 'finalize')).toHaveLength(1);
      if (member.ok) expect(stored.state).toBe('vio_escalated');
      else {
        expect(member.code).toBe('APPEAL_CLOSED');
        expect(stored.state).toBe('vio_final');
        expect(sched.applied).toBeGreaterThanOrEqual(1);
      }
      w.clock.t = T0;
    }
  });

  it('should let exactly one of two admins answering at once win', async () => {
    // A third admin: 吴芳; 周杰 decides, so 孙丽 and 吴芳 both review.
    const m = (await w.store.listMembershipsOfPerson('p_wufang')).find((x) => x.groupId === 'g_projecta')!;
    await w.store.putMembership({ ...m, roles: ['member', 'admin'] });
    const c = await openCase();
    const a = await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '有误会' });
    expect(a.waitingOn.map((p) => p.id).sort()).toEqual(['p_sunli', 'p_wufang']);
    const results = await Promise.all([
      w.call('p_sunli', 'violation.answer', { caseId: c.id, outcome: 'uphold', finding: '属实' }),
      w.call('p_wufang', 'violation.answer', { caseId: c.id, outcome: 'revoke', finding: '证据不足' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.history.filter((h) => h.action === 'answer')).toHaveLength(1);
  });

  it('should never undo a step with a stale timeout: the appeal stands when the timer read the case before it', async () => {
    const c = await openCase();
    w.clock.t = c.dueAt!;
    const staleListing = await w.store.listDueCases(w.clock.t, 10);
    expect(staleListing.map((x) => x._id)).toEqual([c.id]);
    await w.okCall('p_machao', 'violation.appeal', { caseId: c.id, reasons: '最后一刻申诉' });
    // The scheduler acts on what it listed before the appeal.
    const staleStore: Store = { ...w.store, listDueCases: async () => staleListing };
    const report = await runTimeouts({ ...w.deps, store: staleStore });
    expect(report).toEqual({ applied: 0, skipped: 1 });
    const stored = (await w.store.getCase(c.id))!;
    expect(stored.state).toBe('vio_appealed');
    expect(stored.history.map((h) => h.action)).toEqual(['decide', 'appeal']);
    // Nor does a late run of the old timer close the revoked case or touch a later penalty.
    await w.okCall('p_sunli', 'violation.answer', { caseId: c.id, outcome: 'revoke', finding: '误判' });
    expect((await runTimeouts({ ...w.deps, store: staleStore })).applied).toBe(0);
    expect((await w.store.getCase(c.id))!.state).toBe('vio_revoked');
  });

  it('should apply a settings change to new cases only', async () => {
    const old = await openCase();
    const s = await w.okCall('p_zhaomin', 'settings.get', {});
    await w.okCall('p_zhaomin', 'settings.update', { expectedVersion: s.version, values: { ...s.values, violation: { ...s.values.violation, appealDays: 5, answerDays: 2 } } });
    const fresh = await openCase({ subjectId: 'p_wufang' });
    expect(old.dueAt).toBe(end('2026-11-27'));
    expect(fresh.dueAt).toBe(end('2026-12-01'));
    const a = await w.okCall('p_machao', 'violation.appeal', { caseId: old.id, reasons: '有误会' });
    expect(a.dueAt).toBe(end('2026-12-01')); // X₂ = 5 of the old version, not 2
  });
});

describe('subscription messages for violations', () => {
  it('should push leaders their filings and escalations within WeChat field limits', async () => {
    const tpl = (await w.okCall('p_chengang', 'session.whoami', {})).templates;
    for (let i = 0; i < 3; i++) await w.okCall('p_chengang', 'subscriptions.record', { results: { [tpl.newTask]: 'accept', [tpl.escalation]: 'accept' } });
    await openCase({ severity: 'serious', step: 'removal', description: '在群里多次辱骂同事并散布关于公司裁员的不实消息，影响恶劣'.repeat(2) });
    await openCase({ severity: 'major', step: 'referral', subjectId: 'p_wufang' });
    const pushed = w.notifier.sent.filter((m) => m.touser === 'dev_p_chengang');
    expect(pushed.map((m) => m.data.thing1.value)).toEqual(['违规移出备案', '违规事项待定处分']);
    for (const m of w.notifier.sent) {
      expect([...m.data.thing1.value].length).toBeLessThanOrEqual(20);
      expect([...m.data.thing2.value].length).toBeLessThanOrEqual(20);
      expect(m.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    }
    const long = templateData({ id: 'x', to: 'p', purpose: 'newTask', title: '违规处理：报上级领导给予纪律处分（批评教育、罚款、降职或辞退）', body: 'b', page: 'p', createdAt: T0 });
    expect([...long.thing1.value].length).toBe(20);
  });
});

export type { CaseView };

describe('chat-record backups cited as evidence (§6.2 注明出处)', () => {
  const CHAT = Buffer.from('2026-11 项目A群 聊天记录导出\n'.repeat(20));
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const registerBackup = async (groupId: string, as: string) =>
    w.okCall(as, 'backups.register', {
      groupId,
      from: '2026-11-01',
      to: '2026-11-20',
      storage: 'cloud',
      fileId: await w.upload(as, CHAT, { name: 'chat.txt', contentType: 'text/plain' }),
      fileName: 'chat.txt',
      requestId: requestId(),
    });

  it('should show each cited backup of the group with its citation and SHA-256, to the admin and to the member', async () => {
    const b = await registerBackup('g_projecta', 'p_zhoujie');
    const c = await openCase({ backupIds: [b.id, 'bk_demo_projecta'] });
    expect(c.citations).toEqual([
      { backupId: b.id, citation: `来源：「项目A群」群聊记录（2026-11-01 至 2026-11-20），备份编号 ${b.id}，SHA-256 ${sha(CHAT)}` },
      { backupId: 'bk_demo_projecta', citation: expect.stringContaining('本地存储于 技术部档案柜 B-2（U 盘），无校验值') },
    ]);
    expect((c.data as Record<string, unknown>).backupIds).toBeUndefined();
    const mine = await w.okCall('p_machao', 'cases.get', { caseId: c.id });
    expect(mine.citations!.map((x) => x.citation)).toEqual(c.citations!.map((x) => x.citation));
    expect(mine.citations![0].citation).toContain(`SHA-256 ${sha(CHAT)}`);
    expect((await w.okCall('p_chengang', 'cases.get', { caseId: c.id })).citations).toHaveLength(2);
  });

  it('should show no citation section for a case that cites no backup', async () => {
    const c = await openCase();
    expect(c.citations).toBeUndefined();
  });

  it('should refuse a backup of another group or an unknown backup with a Chinese message, writing nothing', async () => {
    const other = await registerBackup('g_market', 'p_liuyang');
    const before = w.footprint();
    for (const backupIds of [[other.id], ['bk_no_such_backup'], ['bk_demo_projecta', other.id]]) {
      expect(await w.call('p_zhoujie', 'violation.open', openInput({ backupIds }))).toEqual({
        ok: false,
        code: 'BACKUP_NOT_IN_GROUP',
        message: '所选的聊天记录备份不存在或不属于本群，不能作为证据引用',
      });
    }
    expect(w.footprint()).toEqual(before);
  });

  it('should refuse more than five cited backups as bad input', async () => {
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    expect(await w.call('p_zhoujie', 'violation.open', openInput({ backupIds: ids }))).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });
});
