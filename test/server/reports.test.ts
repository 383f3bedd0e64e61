// reports.overview and reports.drill against a hand-built fixture whose every figure is known: cases
// inserted with their histories at chosen Shanghai times (one crossing a month boundary, one decided
// exactly at its deadline), a backup, a notice with an on-time, a late and a missing acknowledgement.
import { DEFAULT_SETTINGS, type ReportCell, type ReportDrillRef, type ReportOverview, type ReportSeries } from '../../src/contract';
import type { Case, HistoryEntry, NoticeDoc } from '../../src/core/model';
import { makeWorld, type World } from './harness';
import { runScheduler } from '../../src/server/jobs';
import { runNamingSnapshots } from '../../src/server/jobs/naming-snapshots';

const at = (s: string) => Date.parse(`${s}+08:00`);
const [CAT_A, CAT_B] = DEFAULT_SETTINGS.violation.categories;
const H = 3_600_000;

function entry(seq: number, when: string, by: string | null, action: string, from: string | null, to: string, dueAt: number | null = null): HistoryEntry {
  return { seq, at: at(when), by, action, from, to, dueAt, prevHash: '', hash: '' };
}

function mk(id: string, kind: Case['kind'], groupId: string, subjectId: string, history: HistoryEntry[], o: { open: boolean; dueAt?: number | null; data?: Record<string, unknown> }): Case {
  const last = history[history.length - 1];
  return {
    _id: id,
    kind,
    groupId,
    subjectId,
    openedBy: history[0].by ?? subjectId,
    state: last.to,
    open: o.open,
    assignees: o.open ? ['p_liuyang'] : [],
    dueAt: o.dueAt ?? null,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    data: o.data ?? { nickname: `${id}-市场部`, previous: null, requestId: `req-${id}`, groupName: groupId, subjectName: subjectId },
    history,
    outbox: [],
    version: history.length,
    settingsVersion: 1,
    createdAt: history[0].at,
    updatedAt: last.at,
  };
}

function violation(over: Record<string, unknown>): Record<string, unknown> {
  return {
    requestId: 'req-v', groupName: '市场部工作群', subjectName: '黄磊', category: CAT_A, description: '在群内发广告', evidence: [], severity: 'minor',
    proposed: 'warning', proposalReasons: [], priorCount: 0, step: 'warning', lighterReason: null, decidedBy: 'p_liuyang', penalty: 'warning',
    measureReason: null, filedWith: [], appealDeadline: null, appeal: null, answer: null, escalateDeadline: null, escalation: null, ruling: null, task: null,
    ...over,
  };
}

const FIXTURE: Case[] = [
  // Opened and decided in January: one day.
  mk('r1', 'rename', 'g_market', 'p_huanglei', [entry(0, '2026-01-05T10:00:00', 'p_huanglei', 'submit', null, 'submitted'), entry(1, '2026-01-06T10:00:00', 'p_liuyang', 'approve', 'submitted', 'approved')], { open: false }),
  // Opened at 23:30 on 31 January (15:30 UTC), approved at 00:30 on 1 February: opened in January, decided in February.
  mk('r2', 'rename', 'g_market', 'p_zhengshuang', [entry(0, '2026-01-31T23:30:00', 'p_zhengshuang', 'submit', null, 'submitted'), entry(1, '2026-02-01T00:30:00', 'p_liuyang', 'approve', 'submitted', 'approved')], { open: false }),
  // Decided exactly at its deadline: on time, decided in February after 2 days 9 hours.
  mk('r3', 'rename', 'g_projecta', 'p_wufang', [entry(0, '2026-02-02T09:00:00', 'p_wufang', 'submit', null, 'submitted', at('2026-02-04T18:00:00')), entry(1, '2026-02-04T18:00:00', 'p_zhoujie', 'reject', 'submitted', 'rejected')], { open: false }),
  // Still open, its deadline long past: overdue in February.
  mk('r4', 'rename', 'g_market', 'p_hejing', [entry(0, '2026-02-10T10:00:00', 'p_hejing', 'submit', null, 'submitted', at('2026-02-12T10:00:00'))], { open: true, dueAt: at('2026-02-12T10:00:00') }),
  // Open, due in the future (after the world's now): not overdue.
  mk('r5', 'rename', 'g_market', 'p_wangqiang', [entry(0, '2026-03-02T10:00:00', 'p_wangqiang', 'submit', null, 'submitted', at('2026-12-31T18:00:00'))], { open: true, dueAt: at('2026-12-31T18:00:00') }),
  // Withdrawn: closed in March, never decided.
  mk('r6', 'rename', 'g_market', 'p_zhangwei_m', [entry(0, '2026-03-03T10:00:00', 'p_zhangwei_m', 'submit', null, 'submitted'), entry(1, '2026-03-04T10:00:00', 'p_zhangwei_m', 'withdraw', 'submitted', 'withdrawn')], { open: false }),
  // A warning, appealed, upheld by an admin.
  mk('v1', 'violation', 'g_market', 'p_huanglei', [
    entry(0, '2026-01-10T10:00:00', 'p_liuyang', 'decide', null, 'vio_decided'),
    entry(1, '2026-01-12T10:00:00', 'p_huanglei', 'appeal', 'vio_decided', 'vio_appealed'),
    entry(2, '2026-01-14T10:00:00', 'p_liuyang', 'answer', 'vio_appealed', 'vio_answered'),
    entry(3, '2026-01-20T10:00:00', null, 'finalize', 'vio_answered', 'vio_final'),
  ], { open: false, data: violation({ appeal: { reasons: '不服', evidence: [], at: at('2026-01-12T10:00:00'), reviewers: ['p_liuyang'] }, answer: { outcome: 'uphold', finding: '属实', by: 'p_liuyang', at: at('2026-01-14T10:00:00'), penalty: 'warning' } }) }),
  // A removal, appealed, reduced, escalated to the leader, who revoked it.
  mk('v2', 'violation', 'g_market', 'p_zhengshuang', [
    entry(0, '2026-02-15T10:00:00', 'p_liuyang', 'decide', null, 'vio_decided'),
    entry(1, '2026-02-16T10:00:00', 'p_zhengshuang', 'appeal', 'vio_decided', 'vio_appealed'),
    entry(2, '2026-02-17T10:00:00', 'p_liuyang', 'answer', 'vio_appealed', 'vio_answered'),
    entry(3, '2026-02-18T10:00:00', 'p_zhengshuang', 'escalate_appeal', 'vio_answered', 'vio_escalated'),
    entry(4, '2026-02-20T10:00:00', 'p_chengang', 'rule', 'vio_escalated', 'vio_revoked'),
  ], { open: false, data: violation({ subjectName: '郑爽', category: CAT_B, step: 'removal', proposed: 'removal', penalty: 'none', appeal: { reasons: '不服', evidence: [], at: at('2026-02-16T10:00:00'), reviewers: ['p_liuyang'] }, answer: { outcome: 'reduce', finding: '减轻', by: 'p_liuyang', at: at('2026-02-17T10:00:00'), penalty: 'warning' }, escalation: { reasons: '仍不服', at: at('2026-02-18T10:00:00') }, ruling: { outcome: 'revoke', finding: '撤销', by: 'p_chengang', at: at('2026-02-20T10:00:00'), penalty: 'none' } }) }),
  // A referral in 项目A群: the leader decided the measure a day later; the appeal went straight to the leader, unanswered.
  mk('v3', 'violation', 'g_projecta', 'p_machao', [
    entry(0, '2026-03-05T10:00:00', 'p_zhoujie', 'refer', null, 'vio_referred'),
    entry(1, '2026-03-06T10:00:00', 'p_chengang', 'decide_measure', 'vio_referred', 'vio_decided'),
    entry(2, '2026-03-07T10:00:00', 'p_machao', 'appeal', 'vio_decided', 'vio_escalated', at('2026-12-30T18:00:00')),
  ], { open: true, dueAt: at('2026-12-30T18:00:00'), data: violation({ groupName: '项目A群', subjectName: '马超', category: CAT_A, step: 'referral', proposed: 'referral', severity: 'major', penalty: 'fine', decidedBy: 'p_chengang', appeal: { reasons: '不服', evidence: [], at: at('2026-03-07T10:00:00'), reviewers: [] } }) }),
];

const NOTICE_DUE = at('2026-02-05T18:00:00');
function notice(): NoticeDoc {
  const owed = ['p_huanglei', 'p_zhengshuang', 'p_hejing'];
  return {
    _id: 'n1', kind: 'general', title: '春节值班安排', body: '请确认值班表', deptId: 'd_market', deptName: '市场部', publisherId: 'p_wangqiang', publisherName: '王强',
    groupIds: ['g_market'], groupNames: ['市场部工作群'], attachments: [], norm: '春节值班安排请确认值班表', publishedAt: at('2026-02-01T09:00:00'), ackDueAt: NOTICE_DUE, keyFact: null,
    audience: [{ groupId: 'g_market', personIds: owed }], owed, status: 'active', open: true, wakeAt: null, reminders: 0, cursor: null, finalSent: true,
    requestId: 'req-n1', version: 0, createdAt: at('2026-02-01T09:00:00'), updatedAt: at('2026-02-01T09:00:00'),
  };
}

async function fixture(): Promise<World> {
  const w = await makeWorld();
  for (const c of FIXTURE) expect(await w.store.insertCase(c)).toBe(true);
  await w.store.insertBackup({
    _id: 'b_jan', groupId: 'g_market', from: '2026-01-20', to: '2026-02-10', storage: 'local', fileId: null, fileName: null, size: null, location: '档案柜', sha256: null,
    madeBy: 'p_liuyang', registeredBy: 'p_liuyang', requestId: 'req-b-jan', lastVerify: null, history: [], version: 1, createdAt: at('2026-02-11T10:00:00'), updatedAt: at('2026-02-11T10:00:00'),
  });
  await w.store.insertNotice(notice());
  // On time exactly at the deadline, one late, one never.
  await w.store.insertAck({ _id: 'n1:p_huanglei', noticeId: 'n1', personId: 'p_huanglei', at: NOTICE_DUE, late: false });
  await w.store.insertAck({ _id: 'n1:p_zhengshuang', noticeId: 'n1', personId: 'p_zhengshuang', at: NOTICE_DUE + 1, late: true });
  return w;
}

const Q1 = { from: '2026-01-01', to: '2026-03-31', bucket: 'month' as const };
const series = (list: ReportSeries[], key: string) => list.find((s) => s.key === key)?.cells.map((c) => c.value) ?? [0, 0, 0];

describe('reports.overview figures (hand-built fixture, months of 2026 Q1)', () => {
  let w: World;
  let r: ReportOverview;
  beforeAll(async () => {
    w = await fixture();
    r = await w.okCall('p_zhaomin', 'reports.overview', Q1);
  });

  it('should give three calendar months with their drill starts', () => {
    expect(r.buckets.map((b) => [b.start, b.label, b.from, b.to])).toEqual([
      ['2026-01', '2026年1月', '2026-01-01', '2026-01-31'],
      ['2026-02', '2026年2月', '2026-02-01', '2026-02-28'],
      ['2026-03', '2026年3月', '2026-03-01', '2026-03-31'],
    ]);
    expect(r.groups.map((g) => g.id).sort()).toEqual(['g_market', 'g_projecta']);
    expect(r.empty).toBe(false);
  });

  it('should count cases opened and closed by kind in Shanghai months (23:30 on 31 January is January)', () => {
    expect(series(r.cases.opened, 'rename')).toEqual([2, 2, 2]);
    expect(series(r.cases.opened, 'violation')).toEqual([1, 1, 1]);
    expect(series(r.cases.closed, 'rename')).toEqual([1, 2, 1]);
    expect(series(r.cases.closed, 'violation')).toEqual([1, 1, 0]);
  });

  it('should count open steps past their deadline by the month they fell due, not one decided exactly at it', () => {
    expect(series(r.cases.overdue, 'rename')).toEqual([0, 1, 0]);
    expect(r.cases.overdue.find((s) => s.key === 'violation')).toBeUndefined();
  });

  it('should give the median and p90 from opening to decision per kind, a withdrawal not being a decision', () => {
    const rename = r.cases.decided.find((s) => s.key === 'rename')!;
    expect(rename.cells.map((c) => c.value)).toEqual([1, 2, 0]);
    expect(rename.cells[0].medianMs).toBe(24 * H);
    // February: 1 hour (across the boundary) and 2 days 9 hours (exactly at the deadline).
    expect(rename.cells[1].medianMs).toBe(H);
    expect(rename.cells[1].p90Ms).toBe(57 * H);
    expect(rename.cells[2].medianMs).toBeNull();
    const vio = r.cases.decided.find((s) => s.key === 'violation')!;
    // A warning or removal is decided as it is opened; a referral when the leader decides the measure.
    expect(vio.cells.map((c) => [c.value, c.medianMs])).toEqual([[1, 0], [1, 0], [1, 24 * H]]);
  });

  it('should count violations by category and by measure', () => {
    expect(series(r.violations.byCategory, CAT_A)).toEqual([1, 0, 1]);
    expect(series(r.violations.byCategory, CAT_B)).toEqual([0, 1, 0]);
    expect(r.violations.byMeasure.map((s) => [s.label, s.cells.map((c) => c.value)])).toEqual([
      ['警告', [1, 0, 0]],
      ['移出', [0, 1, 0]],
      ['纪律处分', [0, 0, 1]],
    ]);
  });

  it('should count appeals by their outcome (the leader’s ruling over the admin’s answer) and those that reached the leader', () => {
    expect(r.appeals.byOutcome.map((s) => [s.label, s.cells.map((c) => c.value)])).toEqual([
      ['维持', [1, 0, 0]],
      ['减轻', [0, 0, 0]],
      ['撤销', [0, 1, 0]],
      ['待答复', [0, 0, 1]],
    ]);
    expect(r.appeals.reachedLeader.map((c) => c.value)).toEqual([0, 1, 1]);
  });

  it('should give the days covered by a backup per group, and notices acknowledged by the deadline (exactly at it counts)', () => {
    const market = r.backups.find((g) => g.groupId === 'g_market')!;
    expect(market.cells.map((c) => [c.value, c.total])).toEqual([[12, 31], [10, 28], [0, 31]]);
    expect(r.backups.find((g) => g.groupId === 'g_projecta')!.cells.map((c) => c.value)).toEqual([0, 0, 0]);
    const acks = r.acks.find((g) => g.groupId === 'g_market')!;
    expect(acks.cells.map((c) => [c.value, c.total, c.notices])).toEqual([[0, 0, 0], [1, 3, 1], [0, 0, 0]]);
    expect(acks.cells[1].share).toBeCloseTo(1 / 3);
  });

  it('should give the naming compliance of each group now', () => {
    const market = r.naming.find((g) => g.groupId === 'g_market')!;
    // 黄磊 (磊磊) and 何静 (no nickname recorded) of six named members; 陈刚 leads without being a member.
    expect([market.now.value, market.now.total]).toEqual([4, 6]);
    expect(market.now.share).toBeCloseTo(4 / 6);
    expect(market.now.drill).toEqual({ metric: 'naming', bucketStart: '2026-11', groupId: 'g_market' });
    // No snapshot was taken in these months.
    expect(market.cells).toEqual([null, null, null]);
  });

  it('should count by week from Monday: the Sunday-night case in the week of 26 January, its approval in the next', async () => {
    const weeks = await w.okCall('p_zhaomin', 'reports.overview', { from: '2026-01-28', to: '2026-02-03', bucket: 'week' });
    expect(weeks.buckets.map((b) => [b.start, b.from, b.to, b.label])).toEqual([
      ['2026-01-26', '2026-01-26', '2026-02-01', '1月26日–2月1日'],
      ['2026-02-02', '2026-02-02', '2026-02-08', '2月2日–2月8日'],
    ]);
    expect(series(weeks.cases.opened, 'rename')).toEqual([1, 1]);
    // r2 approved at 00:30 on Sunday 1 February: still the week of 26 January.
    expect(series(weeks.cases.closed, 'rename')).toEqual([1, 1]);
  });

  it('should say a quiet period is empty', async () => {
    const quiet = await w.okCall('p_zhaomin', 'reports.overview', { from: '2025-01-01', to: '2025-03-31', bucket: 'month' });
    expect(quiet.empty).toBe(true);
    expect(quiet.cases.opened).toEqual([]);
  });

  /** Every cell of the overview, with the number a drill must list. */
  function everyCell(o: ReportOverview): { n: number; drill: ReportDrillRef }[] {
    const out: { n: number; drill: ReportDrillRef }[] = [];
    const add = (c: ReportCell | null) => c && out.push({ n: c.value, drill: c.drill });
    for (const list of [o.cases.opened, o.cases.closed, o.cases.overdue, o.cases.decided, o.violations.byCategory, o.violations.byMeasure, o.appeals.byOutcome] as ReportSeries[][]) for (const s of list) s.cells.forEach(add);
    o.appeals.reachedLeader.forEach(add);
    for (const g of o.backups) g.cells.forEach(add);
    // Naming lists those not complying; acks lists the notices.
    for (const g of o.naming) out.push({ n: g.now.total - g.now.value, drill: g.now.drill });
    for (const g of o.acks) for (const c of g.cells) out.push({ n: c.notices, drill: c.drill });
    return out;
  }

  it('should list behind every number exactly as many things as it shows, for every metric', async () => {
    const cells = everyCell(r);
    const metrics = new Set(cells.map((c) => c.drill.metric));
    expect([...metrics].sort()).toEqual(['acks', 'appeals', 'appealsToLeader', 'backups', 'closed', 'decided', 'measures', 'naming', 'opened', 'overdue', 'violations']);
    for (const { n, drill } of cells) {
      const d = await w.okCall('p_zhaomin', 'reports.drill', { ...drill, limit: 50 });
      expect({ drill, total: d.total, items: d.items.length }).toEqual({ drill, total: n, items: n });
    }
  });

  it('should drill to the very cases behind a number, and to the members, days and notices of per-group figures', async () => {
    const feb = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'decided', bucketStart: '2026-02', key: 'rename' });
    expect(feb.type).toBe('cases');
    expect(feb.items.map((c) => (c as { id: string }).id).sort()).toEqual(['r2', 'r3']);
    const overdue = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'overdue', bucketStart: '2026-02', key: 'rename' });
    expect(overdue.items.map((c) => (c as { id: string }).id)).toEqual(['r4']);
    // Today's roster: the bucket holding today (the overview's `now` drills there).
    const naming = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'naming', bucketStart: '2026-11', groupId: 'g_market' });
    expect(naming.type === 'members' && naming.items.map((m) => [m.personId, m.nickname, m.reason])).toEqual([
      ['p_hejing', null, '应为“何静-行政部”'],
      ['p_huanglei', '磊磊', '应为“黄磊-市场部”'],
    ]);
    const days = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'backups', bucketStart: '2026-02', groupId: 'g_market', limit: 50 });
    expect(days.type === 'days' && [days.items[0].date, days.items[days.items.length - 1].date, days.items[0].backups[0].id]).toEqual(['2026-02-01', '2026-02-10', 'b_jan']);
    const notices = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'acks', bucketStart: '2026-02', groupId: 'g_market' });
    expect(notices.type === 'notices' && notices.items).toEqual([{ noticeId: 'n1', title: '春节值班安排', publishedAt: at('2026-02-01T09:00:00'), ackDueAt: NOTICE_DUE, owed: 3, ackedOnTime: 1 }]);
  });

  it('should page a drill list', async () => {
    const p1 = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'opened', bucketStart: '2026-01', limit: 2 });
    const p2 = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'opened', bucketStart: '2026-01', limit: 2, offset: 2 });
    expect([p1.total, p1.items.length, p2.items.length]).toEqual([3, 2, 1]);
    const ids = [...p1.items, ...p2.items].map((c) => (c as { id: string }).id).sort();
    expect(ids).toEqual(['r1', 'r2', 'v1']);
  });
});

describe('reports scopes', () => {
  let w: World;
  beforeAll(async () => {
    w = await fixture();
  });
  const groupsOf = async (as: string) => (await w.okCall(as, 'reports.overview', Q1)).groups.map((g) => g.id).sort();

  it('should give each role its own groups: admin, leader, department head, owner', async () => {
    expect(await groupsOf('p_liuyang')).toEqual(['g_market']); // admin of 市场部工作群
    expect(await groupsOf('p_zhoujie')).toEqual(['g_projecta']); // admin of 项目A群
    expect(await groupsOf('p_chengang')).toEqual(['g_market', 'g_projecta']); // leader of both
    expect(await groupsOf('p_wangqiang')).toEqual(['g_market']); // head of 市场部
    expect(await groupsOf('p_lina')).toEqual(['g_projecta']); // head of 技术部
    expect(await groupsOf('p_zhaomin')).toEqual(['g_market', 'g_projecta']); // owner
  });

  it('should count only the groups in scope', async () => {
    const r = await w.okCall('p_liuyang', 'reports.overview', Q1);
    // r3 and v3 are 项目A群's.
    expect(series(r.cases.opened, 'rename')).toEqual([2, 1, 2]);
    expect(series(r.violations.byMeasure, 'referral')).toEqual([0, 0, 0]);
    const one = await w.okCall('p_chengang', 'reports.overview', { ...Q1, groupId: 'g_projecta' });
    expect(one.groupId).toBe('g_projecta');
    expect(series(one.cases.opened, 'rename')).toEqual([0, 1, 0]);
    expect(one.cases.opened[0].cells[1].drill).toEqual({ metric: 'opened', bucketStart: '2026-02', groupId: 'g_projecta', key: 'rename' });
  });

  it('should refuse a group outside the scope, for figures and for the drill', async () => {
    for (const [as, groupId] of [['p_liuyang', 'g_projecta'], ['p_zhoujie', 'g_market'], ['p_wangqiang', 'g_projecta'], ['p_lina', 'g_market'], ['p_liuyang', 'g_nowhere']]) {
      const o = await w.call(as, 'reports.overview', { ...Q1, groupId });
      expect(o.ok ? 'ok' : o.code).toBe('GROUP_NOT_IN_SCOPE');
      const d = await w.call(as, 'reports.drill', { metric: 'opened', bucketStart: '2026-01', groupId });
      expect(d.ok ? 'ok' : d.code).toBe('GROUP_NOT_IN_SCOPE');
    }
    const d = await w.call('p_liuyang', 'reports.drill', { metric: 'naming', bucketStart: '2026-01', groupId: 'g_projecta' });
    expect(d.ok ? 'ok' : [d.code, d.message]).toEqual(['GROUP_NOT_IN_SCOPE', expect.stringContaining('不在你可查看的范围内')]);
  });

  it('should not let a drill without a group reach past the scope', async () => {
    const all = await w.okCall('p_liuyang', 'reports.drill', { metric: 'measures', bucketStart: '2026-03', key: 'referral' });
    expect(all.total).toBe(0);
  });

  it('should refuse a plain member and a department head whose department has no group', async () => {
    const member = await w.call('p_huanglei', 'reports.overview', Q1);
    expect(member.ok ? 'ok' : member.code).toBe('FORBIDDEN');
    await w.store.insertDepartment({ _id: 'd_empty', name: '财务部', headId: 'p_hejing' });
    const head = await w.call('p_hejing', 'reports.overview', Q1);
    expect(head.ok ? 'ok' : [head.code, head.message]).toEqual(['NO_REPORT_SCOPE', expect.stringContaining('没有可查看报表的群')]);
  });
});

describe('reports input', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  it.each([
    [{ from: '2026-03-01', to: '2026-01-01', bucket: 'month' }, '开始日期不能晚于结束日期'],
    [{ from: '2025-01-01', to: '2026-01-01', bucket: 'month' }, '最多 12 个月'],
    [{ from: '2025-01-01', to: '2026-01-15', bucket: 'week' }, '最多 53 周'],
    [{ from: '2026-02-30', to: '2026-03-01', bucket: 'month' }, '日期不存在'],
  ])('should refuse the period %j with a Chinese reason', async (input, words) => {
    const r = await w.call('p_zhaomin', 'reports.overview', input as never);
    expect(r.ok ? 'ok' : [r.code, r.message]).toEqual(['REPORT_PERIOD_INVALID', expect.stringContaining(words)]);
  });

  it('should take a year of months and 53 weeks', async () => {
    expect((await w.okCall('p_zhaomin', 'reports.overview', { from: '2025-12-01', to: '2026-11-30', bucket: 'month' })).buckets).toHaveLength(12);
    expect((await w.okCall('p_zhaomin', 'reports.overview', { from: '2025-11-24', to: '2026-11-29', bucket: 'week' })).buckets).toHaveLength(53);
  });

  it('should refuse a week that does not start on Monday, and a per-group figure without its group', async () => {
    const tue = await w.call('p_zhaomin', 'reports.drill', { metric: 'opened', bucketStart: '2026-01-06' });
    expect(tue.ok ? 'ok' : [tue.code, tue.message]).toEqual(['DATE_INVALID', expect.stringContaining('星期一')]);
    const noGroup = await w.call('p_zhaomin', 'reports.drill', { metric: 'backups', bucketStart: '2026-01' });
    expect(noGroup.ok ? 'ok' : [noGroup.code, noGroup.message]).toEqual(['BAD_INPUT', expect.stringContaining('请选择一个群')]);
  });
});

describe('naming compliance over time (the sweep’s daily snapshot, read at each bucket’s last day)', () => {
  let w: World;
  beforeAll(async () => {
    w = await fixture();
    // 31 January, evening: 黄磊 (磊磊) and 何静 (none) off the rule.
    w.clock.t = at('2026-01-31T22:00:00');
    expect(await runNamingSnapshots(w.deps)).toBe(2);
    // 黄磊 renamed in February; the sweep of 28 February sees it, a later sweep of the same day replaces an earlier one.
    w.clock.t = at('2026-02-28T08:00:00');
    await runNamingSnapshots(w.deps);
    await w.deps.store.setNickname('g_market', 'p_huanglei', '黄磊-市场部', at('2026-02-20T10:00:00'));
    w.clock.t = at('2026-02-28T23:00:00');
    await runNamingSnapshots(w.deps);
    w.clock.t = at('2026-11-24T10:00:00');
  });

  it('should give each ended month the compliance of its last day, and none for a month without a snapshot', async () => {
    const r = await w.okCall('p_zhaomin', 'reports.overview', Q1);
    const market = r.naming.find((g) => g.groupId === 'g_market')!;
    expect(market.cells.map((c) => c && [c.value, c.total])).toEqual([[4, 6], [5, 6], null]);
    expect([market.now.value, market.now.total]).toEqual([5, 6]);
    const pa = r.naming.find((g) => g.groupId === 'g_projecta')!;
    // 马超 (no department) and 张伟 of 市场部 (a namesake there: needs his employee number) off the rule in 项目A群.
    expect(pa.cells.map((c) => c && [c.value, c.total])).toEqual([[6, 8], [6, 8], null]);
  });

  it('should drill an ended month to the members its snapshot found off the rule', async () => {
    const jan = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'naming', bucketStart: '2026-01', groupId: 'g_market' });
    expect(jan.type === 'members' && jan.items.map((m) => [m.personId, m.nickname])).toEqual([['p_hejing', null], ['p_huanglei', '磊磊']]);
    const feb = await w.okCall('p_zhaomin', 'reports.drill', { metric: 'naming', bucketStart: '2026-02', groupId: 'g_market' });
    expect(feb.type === 'members' && feb.items.map((m) => m.personId)).toEqual(['p_hejing']);
  });

  it('should count a week by the snapshot of its Sunday', async () => {
    const r = await w.okCall('p_zhaomin', 'reports.overview', { from: '2026-01-26', to: '2026-02-08', bucket: 'week', groupId: 'g_market' });
    // 1 February was a Sunday with no snapshot; 31 January is a Saturday.
    expect(r.naming[0].cells).toEqual([null, null]);
  });

  it('should take the snapshot in the scheduler’s sweep', async () => {
    const fresh = await makeWorld();
    await runScheduler(fresh.deps);
    const day = Math.floor((fresh.clock.t + 8 * H) / 86_400_000);
    const data = await fresh.store.getReport({ scope: { all: true, groupIds: [], deptIds: [] }, fromDay: day, toDay: day, now: fresh.clock.t, figures: ['naming'], snapshotDays: [day] });
    expect(data.snapshots.map((s) => [s.groupId, s.members, s.failing.length]).sort()).toEqual([['g_market', 6, 2], ['g_projecta', 8, 2]]);
  });
});
