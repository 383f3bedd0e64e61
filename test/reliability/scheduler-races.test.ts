// Two schedulers at once must do what one does: every timeout of every kind applied once, every
// notice sent once. Two identical worlds: one runs the scheduler alone, the other twice at a time.
import type { Case } from '../../src/core/model';
import { runScheduler, type SchedulerReport } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from '../server/harness';

const STEP = 3 * 3_600_000;
const DAYS = 45;
const CATEGORY = '广告推销、擅自拉票集赞';

/** One open case of every kind that has a timeout, in each state whose deadline can pass. */
async function fileEverything(w: World) {
  const rid = requestId;
  // rename: submitted → remind → escalate
  await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: rid() });
  // record access: submitted → remind → escalate; approved → expire
  await w.okCall('p_wufang', 'records.request', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', purpose: '核对项目决策记录', pledge: true, requestId: rid() });
  const granted = await w.okCall('p_zhangwei_t', 'records.request', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', purpose: '核对会议纪要', pledge: true, requestId: rid() });
  await w.okCall('p_zhoujie', 'records.approve', { caseId: granted.id, days: 1 });
  // violation: decided → final; appealed → remind → escalate; answered → final; referred → remind
  const open = (subjectId: string, severity: 'minor' | 'major', step: 'warning' | 'referral') =>
    w.okCall('p_zhoujie', 'violation.open', { groupId: 'g_projecta', subjectId, category: CATEGORY, description: '在群里发布广告', evidence: [], severity, step, requestId: rid() });
  await open('p_machao', 'minor', 'warning');
  const appealed = await open('p_wufang', 'minor', 'warning');
  await w.okCall('p_wufang', 'violation.appeal', { caseId: appealed.id, reasons: '那是同事让我转发的' });
  const answered = await open('p_zhangwei_t', 'minor', 'warning');
  await w.okCall('p_zhangwei_t', 'violation.appeal', { caseId: answered.id, reasons: '我没有发广告' });
  await w.okCall('p_sunli', 'violation.answer', { caseId: answered.id, outcome: 'uphold', finding: '核实属实' });
  const form = await w.okCall('p_zhoujie', 'violation.form', { groupId: 'g_projecta', subjectId: 'p_huanglei', severity: 'major' });
  await open('p_huanglei', 'major', form.proposal!.step as 'referral');
  // naming fix task: pending → remind → escalate
  await w.okCall('p_sunli', 'roster.askFix', { groupId: 'g_projecta', personId: 'p_machao' });
  // guests: requested → remind; active → removing at the end date
  await w.okCall('p_wufang', 'guests.request', { groupId: 'g_projecta', name: '王五', organisation: '某某咨询公司', reason: '项目联调', endDate: '2026-11-30', requestId: rid() });
  const guest = await w.okCall('p_huanglei', 'guests.request', { groupId: 'g_market', name: '赵六', organisation: '某某广告公司', reason: '活动策划', endDate: '2026-11-26', requestId: rid() });
  await w.okCall('p_wangqiang', 'guests.decide', { caseId: guest.id, approve: true });
  await w.okCall('p_liuyang', 'tasks.confirm', { caseId: guest.id });
  // elections: one with a candidate (nominating → voting → result), one with none (→ failed)
  const withCandidate = await w.okCall('p_zhoujie', 'elections.open', { groupId: 'g_projecta', requestId: rid() });
  await w.okCall('p_wufang', 'elections.nominate', { caseId: withCandidate.id, personId: 'p_wufang' });
  await w.okCall('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: rid() });
  // admin change: submitted → remind
  await w.okCall('p_sunli', 'admins.applyChange', { groupId: 'g_projecta', successorId: 'p_lina', reason: '工作调动', requestId: rid() });
  // backup_due: the scheduler opens these itself.
  // emergency (wall clock): not acknowledged → remind → escalate; acknowledged, then quiet → re-opened
  const em = await w.okCall('p_zhoujie', 'emergencies.start', {
    groupId: 'g_projecta', title: '机房断电', description: '项目服务器所在机房断电', respondWithinMinutes: 60,
    assignments: [{ personId: 'p_machao', task: '联系物业' }, { personId: 'p_wufang', task: '切换备用线路' }], requestId: rid(),
  });
  await w.okCall('p_wufang', 'emergencies.acknowledge', { caseId: em.id });
  // feedback: triage → remind → escalate; answered → closed when the member neither follows up nor confirms
  await w.okCall('p_wufang', 'feedback.submit', { groupId: 'g_projecta', category: '问题', text: '项目文件经常找不到最新版本', anonymous: true, requestId: rid() });
  const fb = await w.okCall('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '例会改到周一上午', requestId: rid() });
  await w.okCall('p_liuyang', 'feedback.answer', { caseId: fb.id, answer: '下周起调整' });
}

function allCases(w: World): Case[] {
  return (w.store.db.prepare('SELECT doc FROM cases').all() as { doc: string }[]).map((r) => JSON.parse(r.doc) as Case);
}
/** What the scheduler did, comparable across worlds (case ids are random): each system step and notice. */
function footprint(w: World) {
  const steps = allCases(w)
    .flatMap((c) => c.history.filter((h) => h.by === null).map((h) => `${c.kind} ${c.subjectId} ${h.action} ${h.from}→${h.to} @${h.at}`))
    .sort();
  const notices = (w.store.db.prepare('SELECT doc FROM notifications').all() as { doc: string }[])
    .map((r) => JSON.parse(r.doc) as { personId: string; title: string; createdAt: number })
    .map((n) => `${n.personId} ${n.title} @${n.createdAt}`)
    .sort();
  return { steps, notices, kinds: [...new Set(allCases(w).filter((c) => c.history.some((h) => h.by === null && h.seq > 1)).map((c) => c.kind))].sort() };
}

it(`should apply each timeout of every kind exactly once with two schedulers running at once, over ${DAYS} days`, async () => {
  const alone = await makeWorld();
  const twice = await makeWorld();
  await fileEverything(alone);
  await fileEverything(twice);
  const sum = (rs: SchedulerReport[]) => rs.reduce((a, r) => ({ timeouts: a.timeouts + r.timeouts, skipped: a.skipped + r.skipped }), { timeouts: 0, skipped: 0 });
  const one: SchedulerReport[] = [];
  const two: SchedulerReport[] = [];
  for (let t = T0 + STEP; t <= T0 + DAYS * 86_400_000; t += STEP) {
    alone.clock.t = t;
    twice.clock.t = t;
    one.push(await runScheduler(alone.deps));
    two.push(...(await Promise.all([runScheduler(twice.deps), runScheduler(twice.deps)])));
  }

  const a = footprint(alone);
  const b = footprint(twice);
  // Every kind with a deadline really timed out in this run.
  expect(a.kinds).toEqual(['admin_change', 'backup_due', 'election', 'emergency', 'feedback', 'guest', 'naming_fix', 'record_access', 'rename', 'violation']);
  expect(b.steps).toEqual(a.steps);
  expect(b.notices).toEqual(a.notices);
  expect(allCases(twice).filter((c) => c.outbox.length)).toEqual([]);
  // The two runs really overlapped: one found steps the other had just taken.
  expect(sum(two).timeouts).toBe(sum(one).timeouts);
  expect(sum(two).skipped).toBeGreaterThan(sum(one).skipped);
});
