// Every decision action, raced: several people allowed to decide (and the subject, where they may
// withdraw or accept) send contradictory commands on one case at once. Exactly one takes effect.
import { DEFAULT_SETTINGS, type ErrorCode } from '../../src/contract';
import type { Membership } from '../../src/core/model';
import { decide, type Command } from '../../src/core/engine';
import { electionKind, openElection, type ElectionCase } from '../../src/core/kinds/election';
import { openTask } from '../../src/core/kinds/task';
import { openViolation, violationKind, type ViolationCase, type ViolationCommand } from '../../src/core/kinds/violation';
import type { LadderStep } from '../../src/contract';
import { verifyHistory } from '../../src/server/cases/audit';
import { runTimeouts } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from '../server/harness';
import { insertBuilt, move, notificationIds, race, recordStore, type Recorder } from './race-kit';

const TRIALS = 1000;
// Deterministic jitter, so a failing trial replays the same way.
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};
const HOUR = 3_600_000;
const CLOSED: ErrorCode[] = ['CASE_ALREADY_DECIDED', 'CASE_NOT_OPEN'];

let w: World;
let rec: Recorder;
let seeded: Membership[];

async function freshWorld() {
  // Hundreds of requests by one member at one moment: the hourly request limit is not what is tested here.
  w = await makeWorld({ liftLimits: true });
  // A second leader for 项目A群, so leaders' decisions have two competing deciders.
  await w.store.putMembership({ _id: 'g_projecta:p_wangqiang', groupId: 'g_projecta', personId: 'p_wangqiang', roles: ['leader'], nickname: null, status: 'active', updatedAt: T0 });
  seeded = await projectaMemberships();
  rec = recordStore(w);
}
beforeEach(freshWorld);

const PROJECTA = ['p_lina', 'p_zhoujie', 'p_sunli', 'p_zhangwei_m', 'p_zhangwei_t', 'p_huanglei', 'p_wufang', 'p_machao', 'p_chengang', 'p_wangqiang'];
async function projectaMemberships(): Promise<Membership[]> {
  return (await Promise.all(PROJECTA.map((p) => w.store.listMembershipsOfPerson(p)))).flat().filter((m) => m.groupId === 'g_projecta');
}
const projectaAdmins = async () => (await projectaMemberships()).filter((m) => m.roles.includes('admin')).map((m) => m.personId).sort();

/** Undo a trial's roster effects (an admin change, an election) so the next trial starts alike. */
async function restoreRoster() {
  for (const m of seeded) await w.store.putMembership(m);
}

/**
 * Run `trial` TRIALS times; most trials must have raced (a loser reloaded after a version conflict).
 * A new world every few hundred trials keeps rosters and inboxes at a realistic size.
 */
async function trials(trial: (i: number) => Promise<boolean>, minContested = TRIALS / 2) {
  let contested = 0;
  for (let i = 0; i < TRIALS; i++) {
    if (i > 0 && i % 200 === 0) await freshWorld();
    if (await trial(i)) contested++;
  }
  expect(contested).toBeGreaterThan(minContested);
}

const LEADERS = ['p_chengang', 'p_wangqiang'];
const vctx = (now: number) => ({ now, settings: DEFAULT_SETTINGS, admins: ['p_zhoujie', 'p_sunli'], leaders: LEADERS });

/** 周杰 decided a violation by 马超 in 项目A群, then `steps` moved it on (pure machine, no ladder). */
function violation(stepName: LadderStep, steps: [by: string, roles: string[], cmd: ViolationCommand | 'wake'][] = []): { c: ViolationCase; now: number } {
  let now = T0;
  let c = openViolation({
    id: `vi_race_${requestId()}`,
    groupId: 'g_projecta',
    subjectId: 'p_machao',
    openedBy: 'p_zhoujie',
    requestId: requestId(),
    groupName: '项目A群',
    subjectName: '马超',
    category: DEFAULT_SETTINGS.violation.categories[0],
    description: '在群里连续发布保险推销广告',
    evidence: [],
    severity: stepName === 'referral' ? 'major' : 'minor',
    proposed: stepName,
    proposalReasons: [],
    priorCount: 0,
    step: stepName,
    lighterReason: null,
    settingsVersion: 1,
    ctx: vctx(now),
  });
  for (const [by, roles, cmd] of steps) {
    now = cmd === 'wake' ? c.wakeAt! + 1 : now + HOUR;
    const d = cmd === 'wake' ? decide(violationKind, c, { type: 'timeout' }, { id: null, rolesInGroup: [] }, vctx(now)) : decide(violationKind, c, cmd, { id: by, rolesInGroup: roles as never }, vctx(now));
    if (!d.ok) throw new Error(`setup ${JSON.stringify(cmd)}: ${d.code}`);
    c = d.case;
  }
  return { c, now: now + HOUR };
}
const APPEAL: [string, string[], ViolationCommand] = ['p_machao', ['member'], { type: 'appeal', reasons: '那是同事让我转发的', evidence: [] }];
const UPHOLD: [string, string[], ViolationCommand] = ['p_sunli', ['member', 'admin'], { type: 'answer', outcome: 'uphold', finding: '核实属实' }];
const ESCALATE: [string, string[], ViolationCommand] = ['p_machao', ['member'], { type: 'escalate', reasons: '处理过重' }];

async function insertViolation(v: { c: ViolationCase; now: number }) {
  w.clock.t = v.now;
  return insertBuilt(w, v.c);
}

describe('races on rename-like requests', () => {
  it(`should settle every records request to one of approve / reject / withdraw over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await w.okCall('p_wufang', 'records.request', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', purpose: '核对项目决策记录', pledge: true, requestId: requestId() });
      const r = await race(w, rec, c.id, [
        move('p_zhoujie', 'records.approve', { caseId: c.id, days: 7 }, 'approve'),
        move('p_sunli', 'records.reject', { caseId: c.id, reason: '范围过大' }, 'reject'),
        move('p_wufang', 'records.withdraw', { caseId: c.id }, 'withdraw'),
        move('p_sunli', 'records.approve', { caseId: c.id, days: 30 }, 'approve'),
      ], CLOSED);
      if (r.stored.state === 'approved') expect(r.stored.data.expiresAt).toBe(T0 + (r.winner === 0 ? 7 : 30) * 86_400_000);
      return r.contested;
    });
  });

  it(`should revoke a records grant once however many revoke it at once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await w.okCall('p_wufang', 'records.request', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', purpose: '核对项目决策记录', pledge: true, requestId: requestId() });
      await w.okCall('p_zhoujie', 'records.approve', { caseId: c.id, days: 7 });
      const r = await race(w, rec, c.id, [
        move('p_zhoujie', 'records.revoke', { caseId: c.id }, 'revoke'),
        move('p_sunli', 'records.revoke', { caseId: c.id, reason: '项目已结束' }, 'revoke'),
        move('p_chengang', 'records.revoke', { caseId: c.id, reason: '领导收回' }, 'revoke'),
        move('p_wufang', 'records.withdraw', { caseId: c.id }, 'withdraw'),
      ], [...CLOSED, 'ACCESS_NOT_ACTIVE']);
      expect(r.stored.state).toBe('revoked');
      return r.contested;
    });
  });

  it(`should settle every guest request to one decision by the head or a leader over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await w.okCall('p_wufang', 'guests.request', { groupId: 'g_projecta', name: '王五', organisation: '某某咨询公司', reason: '项目联调', endDate: '2026-11-30', requestId: requestId() });
      const r = await race(w, rec, c.id, [
        move('p_lina', 'guests.decide', { caseId: c.id, approve: true }, 'approve'),
        move('p_chengang', 'guests.decide', { caseId: c.id, approve: false, reason: '无必要' }, 'reject'),
        move('p_wangqiang', 'guests.decide', { caseId: c.id, approve: true }, 'approve'),
        move('p_lina', 'guests.decide', { caseId: c.id, approve: false, reason: '另行安排' }, 'reject'),
      ], CLOSED);
      return r.contested;
    });
  });

  it(`should decide every admin change once, and move the admin role only on approval, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      await restoreRoster();
      const c = await w.okCall('p_zhoujie', 'admins.applyChange', { groupId: 'g_projecta', successorId: 'p_wufang', reason: '工作调动', requestId: requestId() });
      const r = await race(w, rec, c.id, [
        move('p_chengang', 'admins.decideChange', { caseId: c.id, approve: true }, 'approve'),
        move('p_wangqiang', 'admins.decideChange', { caseId: c.id, approve: false, reason: '暂不调整' }, 'reject'),
        move('p_chengang', 'admins.decideChange', { caseId: c.id, approve: false, reason: '另有安排' }, 'reject'),
        move('p_wangqiang', 'admins.decideChange', { caseId: c.id, approve: true }, 'approve'),
      ], CLOSED);
      const admins = await projectaAdmins();
      expect(admins).toEqual(r.stored.state === 'approved' ? ['p_sunli', 'p_wufang'] : ['p_sunli', 'p_zhoujie']);
      return r.contested;
    });
  });

  it(`should acknowledge an admin filing once over ${TRIALS} trials`, async () => {
    await trials(async () => {
      await restoreRoster();
      const c = await w.okCall('p_lina', 'admins.appoint', { groupId: 'g_projecta', personId: 'p_wufang' });
      const r = await race(w, rec, c.id, [
        move('p_chengang', 'cases.acknowledge', { caseId: c.id }, 'acknowledge'),
        move('p_wangqiang', 'cases.acknowledge', { caseId: c.id }, 'acknowledge'),
        move('p_chengang', 'cases.acknowledge', { caseId: c.id }, 'acknowledge'),
      ], CLOSED);
      return r.contested;
    });
  });
});

describe('races on a violation case', () => {
  it(`should decide a referred measure once between two leaders over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const id = await insertViolation(violation('referral'));
      const r = await race(w, rec, id, [
        move('p_chengang', 'violation.decideMeasure', { caseId: id, measure: 'criticism', reason: '初犯' }, 'decide_measure'),
        move('p_wangqiang', 'violation.decideMeasure', { caseId: id, measure: 'fine', reason: '情节较重' }, 'decide_measure'),
        move('p_chengang', 'violation.decideMeasure', { caseId: id, measure: 'demotion', reason: '影响恶劣' }, 'decide_measure'),
      ], CLOSED);
      expect(r.stored.data.penalty).toBe(['criticism', 'fine', 'demotion'][r.winner]);
      return r.contested;
    });
  });

  it(`should take either the appeal or the acceptance of a decision, never both, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const id = await insertViolation(violation('warning'));
      const r = await race(w, rec, id, [
        move('p_machao', 'violation.appeal', { caseId: id, reasons: '那是同事让我转发的' }, 'appeal'),
        move('p_machao', 'violation.accept', { caseId: id }, 'accept'),
        move('p_machao', 'violation.appeal', { caseId: id, reasons: '我没有发广告' }, 'appeal'),
        move('p_machao', 'violation.accept', { caseId: id }, 'accept'),
      ], [...CLOSED, 'APPEAL_ALREADY_OPEN', 'APPEAL_CLOSED']);
      return r.contested;
    });
  });

  it(`should answer an overdue appeal once, whether the reviewer or a leader taking over gets there first, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      // Twice overdue: the leaders may now rule in the reviewer's place.
      const id = await insertViolation(violation('warning', [APPEAL, ['', [], 'wake'], ['', [], 'wake']]));
      const r = await race(w, rec, id, [
        move('p_sunli', 'violation.answer', { caseId: id, outcome: 'uphold', finding: '核实属实' }, 'answer'),
        move('p_chengang', 'violation.rule', { caseId: id, outcome: 'revoke', finding: '证据不足' }, 'take_over_rule'),
        move('p_sunli', 'violation.answer', { caseId: id, outcome: 'revoke', finding: '确系误会' }, 'answer'),
        move('p_wangqiang', 'violation.rule', { caseId: id, outcome: 'uphold', finding: '维持警告' }, 'take_over_rule'),
      ], CLOSED);
      expect(r.stored.state).toBe(['vio_answered', 'vio_revoked', 'vio_revoked', 'vio_final'][r.winner]);
      return r.contested;
    });
  });

  it(`should take either the escalation or the acceptance of an answer, never both, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const id = await insertViolation(violation('warning', [APPEAL, UPHOLD]));
      const r = await race(w, rec, id, [
        move('p_machao', 'violation.escalate', { caseId: id, reasons: '处理过重' }, 'escalate_appeal'),
        move('p_machao', 'violation.accept', { caseId: id }, 'accept'),
        move('p_machao', 'violation.escalate', { caseId: id, reasons: '请领导裁决' }, 'escalate_appeal'),
        move('p_machao', 'violation.accept', { caseId: id }, 'accept'),
      ], [...CLOSED, 'APPEAL_ALREADY_OPEN', 'APPEAL_CLOSED']);
      return r.contested;
    });
  });

  it(`should rule an escalated appeal once between two leaders over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const id = await insertViolation(violation('warning', [APPEAL, UPHOLD, ESCALATE]));
      const r = await race(w, rec, id, [
        move('p_chengang', 'violation.rule', { caseId: id, outcome: 'uphold', finding: '维持警告' }, 'rule'),
        move('p_wangqiang', 'violation.rule', { caseId: id, outcome: 'revoke', finding: '证据不足' }, 'rule'),
        move('p_chengang', 'violation.rule', { caseId: id, outcome: 'revoke', finding: '确系误会' }, 'rule'),
        move('p_wangqiang', 'violation.rule', { caseId: id, outcome: 'uphold', finding: '情节属实' }, 'rule'),
      ], CLOSED);
      expect(r.stored.state).toBe(r.winner === 0 || r.winner === 3 ? 'vio_final' : 'vio_revoked');
      return r.contested;
    });
  });

  it(`should confirm a removal once between two admins, while the member's acceptance still lands, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const id = await insertViolation(violation('removal'));
      const r = await race(
        w,
        rec,
        id,
        [
          move('p_zhoujie', 'violation.confirmTask', { caseId: id }, 'confirm_removal'),
          move('p_sunli', 'violation.confirmTask', { caseId: id, note: '已移出' }, 'confirm_removal'),
          move('p_zhoujie', 'violation.confirmTask', { caseId: id, note: '已处理' }, 'confirm_removal'),
        ],
        // Losers are told the task is done, never 系统繁忙 (CONFLICT) after running out of tries.
        ['TASK_NOT_PENDING'],
        [move('p_machao', 'violation.accept', { caseId: id }, 'accept')],
      );
      expect(r.stored).toMatchObject({ state: 'vio_final', open: false, data: { task: { status: 'done' } } });
      return r.contested;
    });
  });
});

describe('races on elections and WeChat tasks', () => {
  const ELECTORATE = ['p_lina', 'p_zhoujie', 'p_sunli', 'p_zhangwei_m', 'p_zhangwei_t', 'p_huanglei', 'p_wufang', 'p_machao'];
  /** An election in 项目A群 with 吴芳 and 黄磊 nominated, voting open, and `votes` cast (pure machine). */
  function election(votes: [string, string][], closeVoting: boolean): { c: ElectionCase; now: number } {
    let now = T0;
    let c = openElection({
      id: `el_race_${requestId()}`,
      groupId: 'g_projecta',
      openedBy: 'p_zhoujie',
      groupName: '项目A群',
      electorate: ELECTORATE,
      names: { p_wufang: '吴芳', p_huanglei: '黄磊' },
      requestId: requestId(),
      settingsVersion: 1,
      now,
      settings: DEFAULT_SETTINGS,
    });
    const ctx = () => ({ now, settings: DEFAULT_SETTINGS, admins: [], leaders: LEADERS });
    const apply = (by: string | null, cmd: Command) => {
      const d = decide(electionKind, c, cmd, { id: by, rolesInGroup: by ? ['member'] : [] }, ctx());
      if (!d.ok) throw new Error(`setup ${cmd.type}: ${d.code}`);
      c = d.case;
    };
    now += HOUR;
    apply('p_zhoujie', { type: 'nominate', personId: 'p_wufang' });
    apply('p_sunli', { type: 'nominate', personId: 'p_huanglei' });
    now = c.wakeAt! + 1;
    apply(null, { type: 'timeout' });
    now += HOUR;
    for (const [voter, candidate] of votes) apply(voter, { type: 'vote', candidateId: candidate });
    if (closeVoting) {
      now = c.wakeAt! + 1;
      apply(null, { type: 'timeout' });
    }
    return { c, now: now + HOUR };
  }

  it(`should break a tie once between two leaders, and make one admin filed once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      await restoreRoster();
      const e = election([['p_zhoujie', 'p_wufang'], ['p_sunli', 'p_huanglei']], true);
      expect(e.c.state).toBe('tie');
      w.clock.t = e.now;
      const id = await insertBuilt(w, e.c);
      const r = await race(w, rec, id, [
        move('p_chengang', 'elections.decideTie', { caseId: id, personId: 'p_wufang' }, 'elected'),
        move('p_wangqiang', 'elections.decideTie', { caseId: id, personId: 'p_huanglei' }, 'elected'),
        move('p_chengang', 'elections.decideTie', { caseId: id, personId: 'p_huanglei' }, 'elected'),
        move('p_wangqiang', 'elections.decideTie', { caseId: id, personId: 'p_wufang' }, 'elected'),
      ], CLOSED);
      const winner = r.winner === 0 || r.winner === 3 ? 'p_wufang' : 'p_huanglei';
      expect(r.stored.data.winnerId).toBe(winner);
      const admins = await projectaAdmins();
      expect(admins).toEqual(['p_sunli', 'p_zhoujie', winner].sort());
      const filings = (await w.store.listOpenCases('admin_filing', 'g_projecta', winner)).filter((f) => f.data.electionCaseId === id);
      expect(filings).toHaveLength(1);
      return r.contested;
    });
  });

  it(`should count one vote per elector however many they send at once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const e = election([], false);
      w.clock.t = e.now;
      const id = await insertBuilt(w, e.c);
      const r = await race(
        w,
        rec,
        id,
        [move('p_zhoujie', 'elections.vote', { caseId: id, candidateId: 'p_wufang' }, 'vote'), move('p_zhoujie', 'elections.vote', { caseId: id, candidateId: 'p_huanglei' }, 'vote')],
        ['ALREADY_VOTED'],
        [move('p_sunli', 'elections.vote', { caseId: id, candidateId: 'p_huanglei' }, 'vote'), move('p_lina', 'elections.vote', { caseId: id, candidateId: 'p_wufang' }, 'vote')],
      );
      expect(r.stored.data.votes).toEqual({ p_zhoujie: r.winner === 0 ? 'p_wufang' : 'p_huanglei', p_sunli: 'p_huanglei', p_lina: 'p_wufang' });
      return r.contested;
    });
  });

  it(`should confirm a guest added once between two admins, adding the guest once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await w.okCall('p_wufang', 'guests.request', { groupId: 'g_projecta', name: '王五', organisation: '某某咨询公司', reason: '项目联调', endDate: '2026-11-30', requestId: requestId() });
      await w.okCall('p_lina', 'guests.decide', { caseId: c.id, approve: true });
      const r = await race(w, rec, c.id, [
        move('p_zhoujie', 'tasks.confirm', { caseId: c.id }, 'confirm_added'),
        move('p_sunli', 'tasks.confirm', { caseId: c.id, note: '已拉入群' }, 'confirm_added'),
        move('p_zhoujie', 'tasks.confirm', { caseId: c.id, note: '已处理' }, 'confirm_added'),
      ], CLOSED);
      expect(r.stored.state).toBe('active');
      const guest = String(r.stored.data.guestPersonId);
      expect((await w.store.listMembershipsOfPerson(guest)).map((m) => [m.groupId, m.status])).toEqual([['g_projecta', 'active']]);
      return r.contested;
    });
  });

  it.each([
    ['onboard', 'p_hejing', 'active'],
    ['offboard', 'p_machao', 'left'],
  ] as const)(`should confirm the %s task once between two admins, changing the roster once, over ${TRIALS} trials`, async (kind, subject, status) => {
    await trials(async () => {
      await restoreRoster();
      const id = await insertBuilt(
        w,
        openTask({
          kind,
          id: `${kind}_race_${requestId()}`,
          groupId: 'g_projecta',
          subjectId: subject,
          openedBy: 'p_lina',
          assignees: ['p_zhoujie', 'p_sunli'],
          data: { groupName: '项目A群', subjectName: subject, instruction: kind === 'onboard' ? '请把何静拉入「项目A群」' : '请把马超移出「项目A群」', escalateTo: ['p_lina'] },
          settingsVersion: 1,
          now: w.clock.t,
          settings: DEFAULT_SETTINGS,
        }),
      );
      const r = await race(w, rec, id, [
        move('p_zhoujie', 'tasks.confirm', { caseId: id }, 'confirm'),
        move('p_sunli', 'tasks.confirm', { caseId: id, note: '已办好' }, 'confirm'),
        move('p_zhoujie', 'tasks.confirm', { caseId: id, note: '已处理' }, 'confirm'),
      ], CLOSED);
      expect(r.stored.state).toBe('done');
      const m = (await w.store.listMembershipsOfPerson(subject)).filter((x) => x.groupId === 'g_projecta');
      expect(m.map((x) => x.status)).toEqual([status]);
      if (kind === 'onboard') await w.store.putMembership({ ...m[0], status: 'left' });
      return r.contested;
    });
  });

  it(`should confirm a nickname fix once, by an admin or by approving the member's rename, over ${TRIALS} trials`, async () => {
    let byRename = 0;
    await trials(async () => {
      await restoreRoster();
      const fix = await w.okCall('p_zhoujie', 'roster.askFix', { groupId: 'g_projecta', personId: 'p_machao' });
      const rename = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
      rec.reset();
      const confirms = [
        move('p_zhoujie', 'tasks.confirm', { caseId: fix.id }, 'confirm'),
        move('p_sunli', 'tasks.confirm', { caseId: fix.id, note: '已改好' }, 'confirm'),
        move('p_zhoujie', 'tasks.confirm', { caseId: fix.id, note: '已核对' }, 'confirm'),
      ];
      // The approval reaches the fix many steps later than a confirm does: hold the confirms back a
      // varying number of turns so that either may come first.
      const results = await Promise.all([
        ...confirms.map(async (m) => {
          for (let n = rand(150); n > 0; n--) await undefined;
          return w.call(m.as, m.action, m.data as never);
        }),
        w.call('p_sunli', 'rename.approve', { caseId: rename.id }),
      ]);
      expect(results[3].ok).toBe(true);
      for (const r of results.slice(0, 3)) if (!r.ok) expect(CLOSED).toContain(r.code);
      const stored = (await w.store.getCase(fix.id))!;
      const confirmed = stored.history.filter((h) => h.action === 'confirm');
      expect(confirmed).toHaveLength(1);
      const viaRename = confirmed[0].note?.startsWith('改名申请已批准') ?? false;
      if (viaRename) byRename++;
      expect(results.slice(0, 3).filter((r) => r.ok)).toHaveLength(viaRename ? 0 : 1);
      expect(stored).toMatchObject({ state: 'done', open: false, outbox: [] });
      return rec.gets > 5;
    }, TRIALS / 10);
    // Both ways of closing the fix really competed.
    expect(byRename).toBeGreaterThan(0);
    expect(byRename).toBeLessThan(TRIALS);
  });
});

describe('races on a backup', () => {
  it(`should record every verification that answered, once each, when admins verify at once, over ${TRIALS} trials`, async () => {
    let backupId = '';
    let conflicts = 0;
    await trials(async (i) => {
      // A fresh backup now and then keeps its history (read whole on every verify) short.
      if (i % 20 === 0) {
        const fileId = await w.upload('p_zhoujie', Buffer.from('2026-10 项目A群 聊天记录导出\n'.repeat(50)), { name: '项目A群-2026-10.txt', contentType: 'text/plain' });
        backupId = (await w.okCall('p_zhoujie', 'backups.register', { groupId: 'g_projecta', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', fileId, fileName: '2026-10.txt', requestId: requestId() })).id;
      }
      const before = (await w.store.getBackup(backupId))!;
      rec.reset();
      const results = await Promise.all([
        w.call('p_zhoujie', 'backups.verify', { backupId }),
        w.call('p_sunli', 'backups.verify', { backupId }),
        w.call('p_zhoujie', 'backups.verify', { backupId }),
      ]);
      const after = (await w.store.getBackup(backupId))!;
      const answered = results.filter((r) => r.ok).length;
      for (const r of results) if (!r.ok) expect(r.code).toBe('CONFLICT');
      conflicts += results.length - answered;
      expect(answered).toBeGreaterThan(0);
      // No verification lost to another, none written twice, and the chain still holds.
      const added = after.history.slice(before.history.length);
      expect(added.map((h) => h.action)).toEqual(Array(answered).fill('verify'));
      expect(after.version).toBe(before.version + answered);
      expect(after.lastVerify).toMatchObject({ intact: true });
      if (i % 20 === 19) expect(verifyHistory(w.deps.audit, after, 'backup')).toEqual({ ok: true });
      return rec.backupGets > results.length;
    });
    // 系统繁忙 is rare: most concurrent verifications get through on a retry.
    expect(conflicts).toBeLessThan(TRIALS / 10);
  });
});

describe('people against two schedulers at a deadline', () => {
  /** Deciders and two timeout runs at once, on a case whose timer has just run out: one ending only. */
  async function againstScheduler(caseId: string, moves: ReturnType<typeof move>[], ending: Set<string>, losers: ErrorCode[]) {
    const before = (await w.store.getCase(caseId))!;
    // At the very moment the timer is due: the deadline itself still belongs to the people.
    w.clock.t = before.wakeAt!;
    rec.reset();
    const [runs, results] = await Promise.all([
      // The scheduler is quicker to the case than a person; hold each run back a varying number of turns.
      Promise.all([0, 1].map(async () => {
        for (let n = rand(120); n > 0; n--) await undefined;
        return runTimeouts(w.deps);
      })),
      Promise.all(moves.map((m) => w.call(m.as, m.action, m.data as never))),
    ]);
    const stored = (await w.store.getCase(caseId))!;
    const added = stored.history.slice(before.history.length);
    expect(added).toHaveLength(1);
    expect(ending.has(added[0].action)).toBe(true);
    const people = results.filter((r) => r.ok).length;
    expect(people + runs[0].applied + runs[1].applied).toBe(1);
    for (const r of results) if (!r.ok) expect(losers).toContain(r.code);
    if (added[0].by === null) expect(stored.state).not.toBe(before.state);
    else expect(stored.state).toBe((results.find((r) => r.ok) as { data: { state: string } }).data.state);
    expect(stored.outbox).toEqual([]);
    return { byScheduler: added[0].by === null, contested: rec.gets > moves.length + 2 };
  }

  // The member acts as the window closes, against the scheduler finalising: each settles once.
  it.each([
    {
      what: 'a decision once, accepted, appealed or final',
      history: [] as typeof APPEAL[],
      moves: () => [['violation.accept', {}, 'accept'], ['violation.appeal', { reasons: '那是同事让我转发的' }, 'appeal'], ['violation.accept', {}, 'accept']] as const,
      steps: ['accept', 'appeal', 'finalize'],
    },
    {
      what: 'an appeal answer once, accepted, escalated or final',
      history: [APPEAL, UPHOLD],
      moves: () => [['violation.escalate', { reasons: '处理过重' }, 'escalate_appeal'], ['violation.accept', {}, 'accept'], ['violation.escalate', { reasons: '请领导裁决' }, 'escalate_appeal']] as const,
      steps: ['accept', 'escalate_appeal', 'finalize'],
    },
  ])(`should settle $what when the member acts as the window closes, over ${TRIALS} trials`, async ({ history, moves, steps }) => {
    let final = 0;
    await trials(async () => {
      const id = await insertViolation(violation('warning', history));
      const r = await againstScheduler(
        id,
        moves().map(([action, data, step]) => move('p_machao', action, { caseId: id, ...data }, step)),
        new Set(steps),
        [...CLOSED, 'APPEAL_CLOSED', 'APPEAL_ALREADY_OPEN'],
      );
      if (r.byScheduler) final++;
      return r.contested;
    }, TRIALS / 20);
    // Both the member and the scheduler won some trials.
    expect(final).toBeGreaterThan(0);
    expect(final).toBeLessThan(TRIALS);
  });
});

describe('races on an emergency', () => {
  const startEmergency = () =>
    w.okCall('p_zhoujie', 'emergencies.start', {
      groupId: 'g_projecta',
      title: '机房断电',
      description: '项目服务器所在机房断电',
      respondWithinMinutes: 60,
      assignments: [
        { personId: 'p_machao', task: '联系物业' },
        { personId: 'p_wufang', task: '切换备用线路' },
      ],
      requestId: requestId(),
    });

  it(`should take both assignees' acknowledgements at once, and one of an assignee's double tap, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await startEmergency();
      const r = await race(
        w,
        rec,
        c.id,
        [move('p_machao', 'emergencies.acknowledge', { caseId: c.id }, 'em_ack'), move('p_machao', 'emergencies.acknowledge', { caseId: c.id }, 'em_ack')],
        ['ALREADY_ACKNOWLEDGED'],
        [move('p_wufang', 'emergencies.acknowledge', { caseId: c.id }, 'em_ack')],
      );
      expect((r.stored.data.assignments as { status: string }[]).map((a) => a.status)).toEqual(['acknowledged', 'acknowledged']);
      return r.contested;
    });
  });

  it(`should remind, then escalate, each unacknowledged task once with two schedulers running at once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      w.clock.t = T0;
      const c = await startEmergency();
      await w.okCall('p_wufang', 'emergencies.acknowledge', { caseId: c.id });
      rec.reset();
      let contested = false;
      for (const [minutes, action, told] of [[10, 'em_remind', ['p_machao']], [20, 'em_escalate', ['p_zhoujie', 'p_chengang', 'p_wangqiang']]] as const) {
        const before = (await w.store.getCase(c.id))!;
        w.clock.t = T0 + minutes * 60_000;
        const runs = await Promise.all([runTimeouts(w.deps), runTimeouts(w.deps)]);
        const stored = (await w.store.getCase(c.id))!;
        const added = stored.history.slice(before.history.length);
        expect(added.map((h) => [h.action, h.by, h.at])).toEqual([[action, null, w.clock.t]]);
        expect(runs.filter((x) => x.applied > 0)).toHaveLength(1);
        // Each notice of the step delivered once; nobody else told.
        const ids = notificationIds(w, c.id).filter((id) => id.startsWith(`${c.id}.${added[0].seq}.`));
        const to = (w.store.db.prepare(`SELECT json_extract(doc, '$.to') AS t FROM notifications WHERE _id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { t: string }[]).map((x) => x.t);
        expect(to.sort()).toEqual([...told].sort());
        expect(stored.outbox).toEqual([]);
        contested ||= runs.some((x) => x.skipped > 0);
      }
      // Nine alerted at the start (the group but its starter), one reminder, three escalations: 吴芳 acknowledged in time and was never reminded.
      expect(notificationIds(w, c.id).length).toBe(9 + 1 + 3);
      return contested;
    }, TRIALS / 4);
  });
});

describe('races on feedback', () => {
  it(`should settle feedback to one of two admins' forward or answer, while members second it at once, over ${TRIALS} trials`, async () => {
    await trials(async () => {
      const c = await w.okCall('p_machao', 'feedback.submit', { groupId: 'g_projecta', category: '问题', text: '项目群里的文件经常找不到最新版本', anonymous: true, requestId: requestId() });
      const r = await race(
        w,
        rec,
        c.id,
        [
          move('p_zhoujie', 'feedback.forward', { caseId: c.id, toPersonId: 'p_lina' }, 'fb_forward'),
          move('p_sunli', 'feedback.answer', { caseId: c.id, answer: '已建立共享文件夹' }, 'fb_answer'),
          move('p_zhoujie', 'feedback.answer', { caseId: c.id, answer: '下周统一整理' }, 'fb_answer'),
        ],
        CLOSED,
        [move('p_wufang', 'feedback.second', { caseId: c.id }, 'fb_second'), move('p_huanglei', 'feedback.second', { caseId: c.id }, 'fb_second')],
      );
      expect(r.stored.state).toBe(r.winner === 0 ? 'fb_forwarded' : 'fb_answered');
      expect([...(r.stored.data.seconders as string[])].sort()).toEqual(['p_huanglei', 'p_wufang']);
      return r.contested;
    });
  });
});
