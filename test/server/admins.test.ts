// Admins (§3.1): appointment filed with the leader, change approved by the leader, elections with
// one vote per member; and external guests (§2.1) from request to removal at the end date.
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, T0, type World } from './harness';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const admins = async (groupId: string) => (await w.okCall('p_chengang', 'groups.roster', { groupId })).group.admins.map((a) => a.name).sort();

describe('appointment', () => {
  it('should let the creator appoint a member, file it with the leader, and show it in the history', async () => {
    const filed = await w.okCall('p_wangqiang', 'admins.appoint', { groupId: 'g_market', personId: 'p_zhengshuang' });
    expect(filed).toMatchObject({ kind: 'admin_filing', state: 'filed', waitingOn: [{ name: '陈刚' }], allowed: [] });
    expect(await admins('g_market')).toEqual(['刘洋', '郑爽'].sort());
    const alert = (await w.okCall('p_chengang', 'notifications.list', {})).items[0];
    expect(alert).toMatchObject({ title: '管理员任命备案' });
    const ack = await w.okCall('p_chengang', 'cases.acknowledge', { caseId: filed.id });
    expect(ack.stateLabel).toBe('已备案');
    const roster = await w.okCall('p_chengang', 'groups.roster', { groupId: 'g_market' });
    expect(roster.history.map((c) => c.kind)).toContain('admin_filing');
  });

  it('should never make an external guest an admin, by appointment or as a successor', async () => {
    const g = await w.okCall('p_huanglei', 'guests.request', { groupId: 'g_market', name: '赵六', organisation: '某广告公司', reason: '联合推广', endDate: '2026-11-27', requestId: requestId() });
    await w.okCall('p_wangqiang', 'guests.decide', { caseId: g.id, approve: true });
    await w.okCall('p_liuyang', 'tasks.confirm', { caseId: g.id });
    const guest = (await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' })).members.find((m) => m.external)!;
    expect(guest.person.name).toBe('赵六');
    const before = w.footprint();
    expect(await w.call('p_wangqiang', 'admins.appoint', { groupId: 'g_market', personId: guest.person.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await w.call('p_zhaomin', 'admins.appoint', { groupId: 'g_market', personId: guest.person.id })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await w.call('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: guest.person.id, reason: '工作调动', requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(w.footprint()).toEqual(before);
    expect(await admins('g_market')).toEqual(['刘洋']);
  });

  it('should refuse anyone but the creator, and a non-member', async () => {
    expect(await w.call('p_liuyang', 'admins.appoint', { groupId: 'g_market', personId: 'p_zhengshuang' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_wangqiang', 'admins.appoint', { groupId: 'g_market', personId: 'p_wufang' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
  });
});

describe('admin change', () => {
  it('should take effect only when the leader approves', async () => {
    const c = await w.okCall('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_zhengshuang', reason: '调往项目组', requestId: requestId() });
    expect(c).toMatchObject({ kind: 'admin_change', state: 'submitted', waitingOn: [{ name: '陈刚' }] });
    expect(await admins('g_market')).toEqual(['刘洋']);
    expect(await w.call('p_liuyang', 'admins.decideChange', { caseId: c.id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const done = await w.okCall('p_chengang', 'admins.decideChange', { caseId: c.id, approve: true });
    expect(done.stateLabel).toBe('已通过');
    expect(await admins('g_market')).toEqual(['郑爽']);
  });

  it('should keep the admins as they are on rejection, which needs a reason', async () => {
    const c = await w.okCall('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_zhengshuang', reason: '调往项目组', requestId: requestId() });
    expect(await w.call('p_chengang', 'admins.decideChange', { caseId: c.id, approve: false })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect((await w.okCall('p_chengang', 'admins.decideChange', { caseId: c.id, approve: false, reason: '暂不调整' })).state).toBe('rejected');
    expect(await admins('g_market')).toEqual(['刘洋']);
  });

  it('should open one change request when an admin files two different ones at the same moment', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const apply = () => w.call('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_zhengshuang', reason: '调往项目组', requestId: requestId() });
      const results = await Promise.all([apply(), apply()]);
      const filed = results.filter((r) => r.ok);
      expect(filed).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: 'DUPLICATE_OPEN_CASE' });
      if (filed[0].ok) await w.okCall('p_chengang', 'admins.decideChange', { caseId: (filed[0].data as { id: string }).id, approve: false, reason: '暂不调整' });
    }
    expect(await admins('g_market')).toEqual(['刘洋']);
  });

  it('should require a successor who is a member, and never leave the group without an admin', async () => {
    expect(await w.call('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_wufang', reason: '调动', requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    expect(await w.call('p_huanglei', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_zhengshuang', reason: '调动', requestId: requestId() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const c = await w.okCall('p_liuyang', 'admins.applyChange', { groupId: 'g_market', successorId: 'p_zhengshuang', reason: '调动', requestId: requestId() });
    // The successor leaves before the leader decides: approving would leave the group with no admin.
    await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_zhengshuang' });
    expect(await w.call('p_chengang', 'admins.decideChange', { caseId: c.id, approve: true })).toMatchObject({ ok: false, code: 'LAST_ADMIN' });
    expect(await admins('g_market')).toEqual(['刘洋']);
  });
});

describe('election', () => {
  async function openAndNominate() {
    const e = await w.okCall('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: requestId() });
    expect(e).toMatchObject({ kind: 'election', state: 'nominating' });
    await w.okCall('p_huanglei', 'elections.nominate', { caseId: e.id, personId: 'p_zhengshuang' });
    await w.okCall('p_zhengshuang', 'elections.nominate', { caseId: e.id, personId: 'p_huanglei' });
    expect(await w.call('p_huanglei', 'elections.nominate', { caseId: e.id, personId: 'p_wufang' })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    w.clock.t = e.dueAt! + 1;
    await runScheduler(w.deps);
    const voting = await w.okCall('p_huanglei', 'cases.get', { caseId: e.id });
    expect(voting.state).toBe('voting');
    return voting;
  }

  it('should count one vote per member, refuse late votes, and file the winner with the leader', async () => {
    const e = await openAndNominate();
    expect(await w.call('p_huanglei', 'elections.nominate', { caseId: e.id, personId: 'p_hejing' })).toMatchObject({ ok: false, code: 'ELECTION_CLOSED' });
    await w.okCall('p_huanglei', 'elections.vote', { caseId: e.id, candidateId: 'p_zhengshuang' });
    expect(await w.call('p_huanglei', 'elections.vote', { caseId: e.id, candidateId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'ALREADY_VOTED' });
    expect(await w.call('p_hejing', 'elections.vote', { caseId: e.id, candidateId: 'p_hejing' })).toMatchObject({ ok: false, code: 'NOT_CANDIDATE' });
    // Someone outside the group cannot even see it.
    expect(await w.call('p_wufang', 'elections.vote', { caseId: e.id, candidateId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.okCall('p_hejing', 'elections.vote', { caseId: e.id, candidateId: 'p_zhengshuang' });
    const seen = await w.okCall('p_zhangwei_m', 'cases.get', { caseId: e.id });
    expect(seen.data).toMatchObject({ tally: { p_zhengshuang: 2, p_huanglei: 0 }, voted: 2, myVote: null });
    expect(seen.data).not.toHaveProperty('votes');
    expect(seen.allowed).toEqual(['vote']);
    // The deadline passes before the scheduler counts: a late vote is still refused.
    w.clock.t = e.dueAt! + 1;
    expect(await w.call('p_zhangwei_m', 'elections.vote', { caseId: e.id, candidateId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'ELECTION_CLOSED' });
    await runScheduler(w.deps);
    const result = await w.okCall('p_huanglei', 'cases.get', { caseId: e.id });
    expect(result).toMatchObject({ state: 'elected', data: { winnerId: 'p_zhengshuang' } });
    expect(await admins('g_market')).toEqual(['刘洋', '郑爽'].sort());
    const filing = (await w.okCall('p_chengang', 'inbox.list', {})).items.find((c) => c.kind === 'admin_filing');
    expect(filing?.title).toBe('郑爽 任管理员（选举）');
  });

  it('should send a tie to the leader, who decides among the tied only', async () => {
    const e = await openAndNominate();
    await w.okCall('p_huanglei', 'elections.vote', { caseId: e.id, candidateId: 'p_zhengshuang' });
    await w.okCall('p_zhengshuang', 'elections.vote', { caseId: e.id, candidateId: 'p_huanglei' });
    w.clock.t = e.dueAt! + 1;
    await runScheduler(w.deps);
    const tie = await w.okCall('p_chengang', 'cases.get', { caseId: e.id });
    expect(tie).toMatchObject({ state: 'tie', allowed: ['decide'], data: { tied: ['p_zhengshuang', 'p_huanglei'] } });
    expect(await w.call('p_liuyang', 'elections.decideTie', { caseId: e.id, personId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.call('p_chengang', 'elections.decideTie', { caseId: e.id, personId: 'p_hejing' })).toMatchObject({ ok: false, code: 'NOT_CANDIDATE' });
    expect((await w.okCall('p_chengang', 'elections.decideTie', { caseId: e.id, personId: 'p_huanglei' })).state).toBe('elected');
    expect(await admins('g_market')).toEqual(['刘洋', '黄磊'].sort());
  });

  it('should refuse a second election while one is open, however many cases the group has had since', async () => {
    const e = await w.okCall('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: requestId() });
    // 60 later cases in the group push the election out of its latest 50 (ten minutes apart: within the hourly request limit).
    for (let i = 0; i < 60; i++) {
      w.clock.t += 10 * 60_000;
      const r = await w.okCall('p_zhengshuang', 'records.request', { groupId: 'g_market', from: '2026-10-01', to: '2026-10-31', purpose: '核对项目记录', pledge: true, requestId: requestId() });
      await w.okCall('p_zhengshuang', 'records.withdraw', { caseId: r.id });
    }
    expect(await w.call('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: requestId() })).toMatchObject({ ok: false, code: 'DUPLICATE_OPEN_CASE' });
    expect((await w.okCall('p_liuyang', 'cases.get', { caseId: e.id })).open).toBe(true);
  });

  it('should answer a retried election request with the election it opened', async () => {
    const input = { groupId: 'g_market', requestId: requestId() };
    const e = await w.okCall('p_liuyang', 'elections.open', input);
    expect((await w.okCall('p_liuyang', 'elections.open', input)).id).toBe(e.id);
  });

  it('should open one election when two admins and the leader start one at the same moment', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const start = (who: string) => w.call(who, 'elections.open', { groupId: 'g_projecta', requestId: requestId() });
      const results = await Promise.all([start('p_zhoujie'), start('p_sunli'), start('p_chengang')]);
      const opened = results.filter((r) => r.ok);
      expect(opened).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'DUPLICATE_OPEN_CASE' }), expect.objectContaining({ code: 'DUPLICATE_OPEN_CASE' })]);
      const e = (opened[0] as { data: { id: string; dueAt: number } }).data;
      // Nobody nominated: it ends, and the next trial may start another.
      w.clock.t = e.dueAt + 1;
      await runScheduler(w.deps);
      expect((await w.okCall('p_zhoujie', 'cases.get', { caseId: e.id })).state).toBe('failed');
    }
  });

  it('should end with no result when nobody is nominated', async () => {
    const e = await w.okCall('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: requestId() });
    expect(await w.call('p_liuyang', 'elections.open', { groupId: 'g_market', requestId: requestId() })).toMatchObject({ ok: false, code: 'DUPLICATE_OPEN_CASE' });
    w.clock.t = e.dueAt! + 1;
    await runScheduler(w.deps);
    expect((await w.okCall('p_liuyang', 'cases.get', { caseId: e.id })).state).toBe('failed');
  });
});

describe('external guests', () => {
  it('should go from request to approval, addition, and a removal task at the end date', async () => {
    const g = await w.okCall('p_huanglei', 'guests.request', { groupId: 'g_market', name: '赵六', organisation: '某广告公司', reason: '联合推广', endDate: '2026-11-27', requestId: requestId() });
    expect(g).toMatchObject({ kind: 'guest', state: 'requested', waitingOn: [{ name: '王强' }, { name: '陈刚' }] });
    expect(await w.call('p_liuyang', 'guests.decide', { caseId: g.id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const approved = await w.okCall('p_wangqiang', 'guests.decide', { caseId: g.id, approve: true });
    expect(approved).toMatchObject({ state: 'adding', waitingOn: [{ name: '刘洋' }] });
    const added = await w.okCall('p_liuyang', 'tasks.confirm', { caseId: g.id });
    expect(added.state).toBe('active');
    const roster = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    expect(roster.members.find((m) => m.person.name === '赵六')).toMatchObject({ external: true, canonical: '赵六-外部' });

    w.clock.t = Date.parse('2026-11-27T23:59:59.999+08:00') + 1;
    await runScheduler(w.deps);
    const removing = await w.okCall('p_liuyang', 'cases.get', { caseId: g.id });
    expect(removing).toMatchObject({ state: 'removing', waitingOn: [{ name: '刘洋' }] });
    await w.okCall('p_liuyang', 'tasks.confirm', { caseId: g.id });
    expect((await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' })).members.some((m) => m.person.name === '赵六')).toBe(false);
  });

  it('should refuse an end date in the past or beyond the longest stay, and a rejection without reason', async () => {
    const base = { groupId: 'g_market', name: '赵六', organisation: '某公司', reason: '合作' };
    expect(await w.call('p_huanglei', 'guests.request', { ...base, endDate: '2026-11-01', requestId: requestId() })).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(await w.call('p_huanglei', 'guests.request', { ...base, endDate: '2027-06-01', requestId: requestId() })).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(await w.call('p_wufang', 'guests.request', { ...base, endDate: '2026-11-30', requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    const g = await w.okCall('p_huanglei', 'guests.request', { ...base, endDate: '2026-11-30', requestId: requestId() });
    expect(await w.call('p_chengang', 'guests.decide', { caseId: g.id, approve: false })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect((await w.okCall('p_chengang', 'guests.decide', { caseId: g.id, approve: false, reason: '不需要' })).state).toBe('rejected');
    void T0;
  });
});
