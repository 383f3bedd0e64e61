// Joining (R14), onboarding and offboarding (§2.1): invitations bind once, tasks fan out with
// deadlines, and a leaver is refused everywhere at once.
import { ACTION_NAMES, type ActionName } from '../../src/contract';
import type { Case } from '../../src/core/model';
import { applyEffect } from '../../src/server/cases/effects';
import { instrumentStore, type InstrumentedStore } from '../support/instrumented-store';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, requestId, T0, viewAs, type World } from './harness';
import { SAMPLE_INPUTS } from './sample-inputs';

const HOUR = 3_600_000;
let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

/** 王强 (head of 市场部) registers 林晓 and makes her an invitation. */
async function registerAndInvite(name = '林晓', employeeNo = 'M100') {
  const person = await w.okCall('p_wangqiang', 'people.add', { name, deptId: 'd_market', employeeNo, requestId: requestId() });
  const inv = await w.okCall('p_wangqiang', 'invitations.create', { personId: person.id });
  return { person, inv };
}

describe('invitations', () => {
  it('should bind the OPENID that opens the card, once, and then let the person in', async () => {
    const { person, inv } = await registerAndInvite();
    expect(person).toMatchObject({ name: '林晓', department: { name: '市场部' }, bound: false });
    expect(inv.path).toBe(`packages/org/pages/join/index?token=${inv.token}`);
    expect(inv.expiresAt).toBe(T0 + 72 * HOUR);
    // The token itself is never stored, only its hash.
    expect(JSON.stringify(w.store.db.prepare('SELECT doc FROM invitations').all())).not.toContain(inv.token);

    expect(await w.call({ openid: 'wx_new' }, 'session.whoami', {})).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    const joined = await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: inv.token });
    expect(joined).toEqual({ ok: true, data: { person: { id: person.id, name: '林晓' }, department: '市场部' } });
    const me = await w.call({ openid: 'wx_new' }, 'session.whoami', {});
    expect(me).toMatchObject({ ok: true, data: { person: { name: '林晓' }, roles: ['member'], groups: [] } });

    // The same card again, by anyone: used.
    expect(await w.call({ openid: 'wx_other' }, 'invitations.accept', { token: inv.token })).toMatchObject({ ok: false, code: 'INVITATION_USED' });
    expect(await w.call({ openid: 'wx_other' }, 'session.whoami', {})).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  });

  it('should refuse an expired card', async () => {
    const { inv } = await registerAndInvite();
    w.clock.t = T0 + 72 * HOUR;
    const r = await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: inv.token });
    expect(r).toMatchObject({ ok: false, code: 'INVITATION_EXPIRED' });
    if (!r.ok) expect(r.message).toContain('过期');
  });

  it('should refuse a forged token without saying anything about it', async () => {
    await registerAndInvite();
    for (const token of ['forged', 'x'.repeat(32)]) {
      expect(await w.call({ openid: 'wx_new' }, 'invitations.accept', { token })).toEqual({ ok: false, code: 'INVITATION_INVALID', message: '邀请无效，请向部门负责人索取新的邀请卡片' });
    }
    expect(await w.call({ openid: null }, 'invitations.accept', { token: 'forged' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('should bind one OPENID to one person when it opens two cards at the same moment', async () => {
    const a = await registerAndInvite('林晓', 'M100');
    const b = await registerAndInvite('林夕', 'M101');
    const results = await Promise.all([
      w.call({ openid: 'wx_new' }, 'invitations.accept', { token: a.inv.token }),
      w.call({ openid: 'wx_new' }, 'invitations.accept', { token: b.inv.token }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'ALREADY_BOUND' });
    const bound = (w.store.db.prepare("SELECT COUNT(*) AS n FROM people WHERE json_extract(doc, '$.openid') = 'wx_new'").get() as { n: number }).n;
    expect(bound).toBe(1);
  });

  it('should bind one OPENID to one person only', async () => {
    const a = await registerAndInvite('林晓', 'M100');
    const b = await registerAndInvite('林夕', 'M101');
    await w.okCall('p_huanglei', 'session.whoami', {});
    expect(await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: a.inv.token })).toMatchObject({ ok: true });
    expect(await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: b.inv.token })).toMatchObject({ ok: false, code: 'ALREADY_BOUND' });
    // An existing member's WeChat cannot take over a new person either.
    expect(await w.call('p_huanglei', 'invitations.accept', { token: b.inv.token })).toMatchObject({ ok: false, code: 'ALREADY_BOUND' });
    // b's card is still good for b.
    expect(await w.call({ openid: 'wx_b' }, 'invitations.accept', { token: b.inv.token })).toMatchObject({ ok: true });
    // And a bound person needs no second card.
    expect(await w.call('p_wangqiang', 'invitations.create', { personId: a.person.id })).toMatchObject({ ok: false, code: 'PERSON_ALREADY_BOUND' });
  });

  it('should let one of two concurrent acceptances win', async () => {
    const { inv } = await registerAndInvite();
    const rs = await Promise.all([w.call({ openid: 'wx_1' }, 'invitations.accept', { token: inv.token }), w.call({ openid: 'wx_2' }, 'invitations.accept', { token: inv.token })]);
    expect(rs.filter((r) => r.ok)).toHaveLength(1);
  });

  it('should keep department heads to their own department', async () => {
    expect(await w.call('p_lina', 'people.add', { name: '某人', deptId: 'd_market', employeeNo: 'X1', requestId: requestId() })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { person } = await registerAndInvite();
    expect(await w.call('p_lina', 'invitations.create', { personId: person.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_wangqiang', 'people.add', { name: '重复', deptId: 'd_market', employeeNo: 'M100', requestId: requestId() })).toMatchObject({ ok: false, code: 'EMPLOYEE_NO_TAKEN' });
    // The owner may add to any department.
    expect(await w.call('p_zhaomin', 'people.add', { name: '新人', deptId: 'd_tech', employeeNo: 'T100', requestId: requestId() })).toMatchObject({ ok: true });
  });
});

describe('organisation set-up', () => {
  it('should let the owner create a department, name its head, and register a group', async () => {
    const fin = await w.okCall('p_zhaomin', 'departments.create', { name: '财务部' });
    expect(fin).toMatchObject({ name: '财务部', head: null });
    expect((await w.okCall('p_zhaomin', 'org.overview', {})).departments).toContainEqual(fin);
    expect(await w.call('p_zhaomin', 'departments.create', { name: '财务部' })).toMatchObject({ ok: false, code: 'NAME_TAKEN' });
    const p = await w.okCall('p_zhaomin', 'people.add', { name: '钱多', deptId: fin.id, employeeNo: 'F001', requestId: requestId() });
    const after = await w.okCall('p_zhaomin', 'departments.setHead', { deptId: fin.id, personId: p.id });
    expect(after).toEqual({ id: fin.id, name: '财务部', head: { id: p.id, name: '钱多' } });
    expect((await w.okCall('p_zhaomin', 'org.overview', {})).departments).toContainEqual(after);
    const g = await w.okCall('p_zhaomin', 'groups.create', { name: '财务部工作群', type: 'department', deptId: fin.id, creatorId: p.id, adminIds: ['p_hejing'], leaderId: 'p_chengang', requestId: requestId() });
    expect(g).toMatchObject({ name: '财务部工作群', typeLabel: '部门群', admins: [{ name: '何静' }], leaders: [{ name: '陈刚' }], memberCount: 2, boundToWechat: false });
    // Only the owner creates departments.
    expect(await w.call('p_wangqiang', 'departments.create', { name: '销售部' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A group needs at least one admin.
    expect(await w.call('p_zhaomin', 'groups.create', { name: 'X群', type: 'project', deptId: fin.id, creatorId: p.id, adminIds: [], leaderId: 'p_chengang', requestId: requestId() })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('should not register a group with an external guest as its creator, admin or leader', async () => {
    const g = await w.okCall('p_huanglei', 'guests.request', { groupId: 'g_market', name: '赵六', organisation: '某广告公司', reason: '联合推广', endDate: '2026-11-27', requestId: requestId() });
    await w.okCall('p_wangqiang', 'guests.decide', { caseId: g.id, approve: true });
    await w.okCall('p_liuyang', 'tasks.confirm', { caseId: g.id });
    const guest = (await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' })).members.find((m) => m.external)!.person.id;
    const base = { name: '市场部推广群', type: 'project' as const, deptId: 'd_market', creatorId: 'p_wangqiang', adminIds: ['p_liuyang'], leaderId: 'p_chengang' };
    const before = w.footprint();
    for (const over of [{ adminIds: [guest] }, { creatorId: guest }, { leaderId: guest }]) {
      expect(await w.call('p_wangqiang', 'groups.create', { ...base, ...over, requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' });
    }
    expect(w.footprint()).toEqual(before);
    expect(await w.okCall('p_wangqiang', 'groups.create', { ...base, requestId: requestId() })).toMatchObject({ admins: [{ name: '刘洋' }] });
  });

  it('should bind a group to its WeChat chat and find it from there afterwards', async () => {
    expect(await w.call('p_liuyang', 'groups.bindWechat', { groupId: 'g_market', cloudID: 'garbage' })).toMatchObject({ ok: false, code: 'NO_GROUP_CONTEXT' });
    expect(await w.call('p_zhoujie', 'groups.bindWechat', { groupId: 'g_market', cloudID: 'local:chat1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.okCall('p_liuyang', 'groups.bindWechat', { groupId: 'g_market', cloudID: 'local:chat1' })).toMatchObject({ boundToWechat: true });
    expect((await w.okCall('p_huanglei', 'groups.enter', { cloudID: 'local:chat1' })).group?.id).toBe('g_market');
    // Someone outside the group learns nothing.
    expect((await w.okCall('p_wufang', 'groups.enter', { cloudID: 'local:chat1' })).group).toBeNull();
    expect(await w.call('p_zhoujie', 'groups.bindWechat', { groupId: 'g_projecta', cloudID: 'local:chat1' })).toMatchObject({ ok: false, code: 'GROUP_ALREADY_BOUND' });
  });

  it('should list non-compliant members and let the admin ask for a fix that a rename closes', async () => {
    const roster = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    const bad = roster.members.filter((m) => !m.compliant).map((m) => m.person.name);
    expect(bad.sort()).toEqual(['何静', '黄磊'].sort());
    const fix = await w.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    expect(fix).toMatchObject({ kind: 'naming_fix', state: 'pending', waitingOn: [{ name: '黄磊' }] });
    expect(await fixShown(w)).toBe(fix.id);
    expect(await w.call('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'DUPLICATE_OPEN_CASE' });
    expect(await w.call('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_zhengshuang' })).toMatchObject({ ok: false, code: 'BAD_INPUT' });
    expect(await w.call('p_huanglei', 'roster.askFix', { groupId: 'g_market', personId: 'p_hejing' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const rn = await w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    await w.okCall('p_liuyang', 'rename.approve', { caseId: rn.id });
    expect((await w.okCall('p_liuyang', 'cases.get', { caseId: fix.id })).state).toBe('done');
    const after = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    expect(after.members.find((m) => m.person.id === 'p_huanglei')).toMatchObject({ compliant: true, fixCaseId: null });
  });
});

/** The open fix task the market group's roster shows for a member. */
async function fixShown(world: World, personId = 'p_huanglei') {
  return (await world.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' })).members.find((m) => m.person.id === personId)!.fixCaseId;
}

describe('the open fix on the roster', () => {
  it('should show the fix from its asking, through reminders, until an admin confirms it', async () => {
    let probe!: InstrumentedStore;
    const wi = await makeWorld({ wrapStore: (s) => (probe = instrumentStore(s)).store });
    const fix = await wi.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    expect(await fixShown(wi)).toBe(fix.id);
    // Reminded, then escalated: still open, so nothing for the roster to do.
    probe.reset();
    for (let i = 0; i < 2; i++) {
      wi.clock.t = (await wi.store.getCase(fix.id))!.wakeAt! + 1;
      await runScheduler(wi.deps);
    }
    expect((await wi.store.getCase(fix.id))!.escalation).toBe(2);
    expect(probe.counts().byMethod.setMembershipFix).toBeUndefined();
    expect(await fixShown(wi)).toBe(fix.id);
    await wi.okCall('p_liuyang', 'tasks.confirm', { caseId: fix.id });
    expect(await fixShown(wi)).toBeNull();
  });

  it("should keep a newer fix when an older one's clearing is retried after it", async () => {
    let probe!: InstrumentedStore;
    const wi = await makeWorld({ wrapStore: (s) => (probe = instrumentStore(s)).store });
    const ask = () => wi.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    const first = await ask();
    probe.failNext('setMembershipFix');
    await wi.okCall('p_liuyang', 'tasks.confirm', { caseId: first.id });
    // The clearing failed and waits in the outbox for the scheduler; meanwhile the admin asks again.
    expect((await wi.store.getCase(first.id))!.outbox.some((e) => 'effect' in e)).toBe(true);
    const second = await ask();
    expect(second.id).not.toBe(first.id);
    expect(await fixShown(wi)).toBe(second.id);
    await runScheduler(wi.deps);
    expect((await wi.store.getCase(first.id))!.outbox).toEqual([]);
    expect(await fixShown(wi)).toBe(second.id);
    await wi.okCall('p_liuyang', 'tasks.confirm', { caseId: second.id });
    expect(await fixShown(wi)).toBeNull();
  });

  it('should show no fix when its opening is applied only after it closed', async () => {
    const fix = await w.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    const asOpened = (await w.store.getCase(fix.id))!;
    await w.okCall('p_liuyang', 'tasks.confirm', { caseId: fix.id });
    // A late dispatch of the opening (it read the case while still open) sets the id, then sees it closed.
    for (const e of asOpened.outbox) if ('effect' in e) await applyEffect(w.deps, e.effect, w.clock.t);
    expect(await fixShown(w)).toBeNull();
  });
});

describe('asked at the same moment', () => {
  it('should open one fix task when both admins of a group ask a member at once', async () => {
    const roster = await w.okCall('p_zhoujie', 'groups.roster', { groupId: 'g_projecta' });
    const member = roster.members.find((m) => !m.compliant && !m.roles.includes('admin'))!;
    const ask = (who: string) => w.call(who, 'roster.askFix', { groupId: 'g_projecta', personId: member.person.id });
    const results = await Promise.all([ask('p_zhoujie'), ask('p_sunli')]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'DUPLICATE_OPEN_CASE' });
    expect((await w.okCall('p_zhoujie', 'groups.roster', { groupId: 'g_projecta' })).members.find((m) => m.person.id === member.person.id)!.fixCaseId).not.toBeNull();
  });

  it('should open one add task per group when the owner and the head start onboarding at once', async () => {
    const { person, inv } = await registerAndInvite();
    await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: inv.token });
    const [a, b] = await Promise.all([w.okCall('p_wangqiang', 'people.onboard', { personId: person.id }), w.okCall('p_zhaomin', 'people.onboard', { personId: person.id })]);
    expect(a.length + b.length).toBe(1);
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.filter((c) => c.kind === 'onboard')).toHaveLength(1);
  });
});

describe('onboarding', () => {
  it("should open an add task for the admins of each of the department's groups, tracked to confirmed", async () => {
    const { person, inv } = await registerAndInvite();
    await w.call({ openid: 'wx_new' }, 'invitations.accept', { token: inv.token });
    const opened = await w.okCall('p_wangqiang', 'people.onboard', { personId: person.id });
    expect(opened.map((c) => [c.kind, c.group.name, c.waitingOn.map((p) => p.name)])).toEqual([['onboard', '市场部工作群', ['刘洋']]]);
    expect(opened[0].dueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));
    // Marking again opens nothing new.
    expect(await w.okCall('p_wangqiang', 'people.onboard', { personId: person.id })).toEqual([]);
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.map((c) => c.id)).toEqual([opened[0].id]);
    expect(await w.call('p_huanglei', 'tasks.confirm', { caseId: opened[0].id })).toMatchObject({ ok: false });
    const done = await w.okCall('p_liuyang', 'tasks.confirm', { caseId: opened[0].id });
    expect(done).toMatchObject({ state: 'done', stateLabel: '已完成' });
    const me = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    expect(me.members.map((m) => m.person.name)).toContain('林晓');
    expect(me.history.map((c) => c.kind)).toContain('onboard');
  });

  it('should flag an overdue add task, then escalate it to the leader and the department head', async () => {
    const { person } = await registerAndInvite();
    const [c] = await w.okCall('p_wangqiang', 'people.onboard', { personId: person.id });
    w.clock.t = c.dueAt! + 1;
    await runScheduler(w.deps);
    const reminded = await w.okCall('p_liuyang', 'cases.get', { caseId: c.id });
    expect(reminded).toMatchObject({ escalation: 1, state: 'pending' });
    w.clock.t = reminded.dueAt! + 1;
    await runScheduler(w.deps);
    expect((await w.okCall('p_liuyang', 'cases.get', { caseId: c.id })).escalation).toBe(2);
    const leaderNote = (await w.okCall('p_chengang', 'notifications.list', {})).items[0];
    expect(leaderNote.title).toBe('入群任务超期未完成');
    expect((await w.okCall('p_wangqiang', 'notifications.list', {})).items.some((n) => n.title === '入群任务超期未完成')).toBe(true);
  });
});

/** The remove tasks about a person, as the owner sees them. */
async function removeTasks(wi: World, personId: string) {
  const open = await wi.store.listOpenCasesAbout('offboard', personId);
  return Promise.all(open.map((c) => wi.okCall('p_zhaomin', 'cases.get', { caseId: c._id })));
}

describe('offboarding', () => {
  it('should open a remove task for every group the person is in and refuse them at once', async () => {
    const departure = await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_huanglei', reason: '合同到期' });
    expect(departure).toMatchObject({ kind: 'departure', kindLabel: '员工离职', state: 'recorded', open: false, subject: { name: '黄磊' }, title: '黄磊（市场部）离职' });
    expect([...viewAs(departure, 'departure').data.groups].sort()).toEqual(['市场部工作群', '项目A群'].sort());
    // The head finds the record among their own cases.
    expect((await w.okCall('p_wangqiang', 'cases.mine', {})).items.map((c) => c.id)).toContain(departure.id);

    const opened = await removeTasks(w, 'p_huanglei');
    expect(opened.map((c) => [c.group.name, c.waitingOn.map((p) => p.name).sort()]).sort()).toEqual([
      ['市场部工作群', ['刘洋']],
      ['项目A群', ['周杰', '孙丽'].sort()],
    ]);
    expect(opened.every((c) => viewAs(c, 'offboard').data.reason === '合同到期')).toBe(true);
    // §2.1 及时: one working day by default.
    expect(opened[0].dueAt).toBe(Date.parse('2026-11-25T23:59:59.999+08:00'));
    // Each group's admin has it in their inbox.
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).items.map((c) => c.id)).toContain(opened.find((c) => c.group.id === 'g_market')!.id);
    expect(await w.call('p_wangqiang', 'people.offboard', { personId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'PERSON_LEFT' });

    // Every action, with input that parses, is refused for the leaver.
    for (const action of ACTION_NAMES) {
      const r = await w.call('p_huanglei', action, SAMPLE_INPUTS[action] as never);
      expect([action, r]).toEqual([action, expect.objectContaining({ ok: false, code: action === 'invitations.accept' ? 'ALREADY_BOUND' : 'OFFBOARDED' })]);
    }
    // The roster shows the leaver until an admin confirms the removal.
    const roster = await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' });
    expect(roster.members.find((m) => m.person.id === 'p_huanglei')).toMatchObject({ left: true });
    const market = opened.find((c) => c.group.id === 'g_market')!;
    await w.okCall('p_liuyang', 'tasks.confirm', { caseId: market.id });
    expect((await w.okCall('p_liuyang', 'groups.roster', { groupId: 'g_market' })).members.some((m) => m.person.id === 'p_huanglei')).toBe(false);
  });

  it("should cancel a leaver's open add tasks, and give the last admin's removal to the leader", async () => {
    const { person } = await registerAndInvite();
    const [add] = await w.okCall('p_wangqiang', 'people.onboard', { personId: person.id });
    await w.okCall('p_wangqiang', 'people.offboard', { personId: person.id });
    expect((await w.okCall('p_liuyang', 'cases.get', { caseId: add.id })).state).toBe('cancelled');

    const departure = await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_liuyang' });
    expect(viewAs(departure, 'departure').data.groups).toEqual(['市场部工作群']);
    const [rm] = await removeTasks(w, 'p_liuyang');
    expect(rm.waitingOn.map((p) => p.name)).toEqual(['陈刚']);
    expect(rm.title).toContain('该群已没有管理员');
  });

  it('should record one departure and one set of tasks when two heads mark it at once', async () => {
    const [a, b] = await Promise.all([
      w.call('p_wangqiang', 'people.offboard', { personId: 'p_huanglei' }),
      w.call('p_zhaomin', 'people.offboard', { personId: 'p_huanglei' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'PERSON_LEFT' });
    expect((await removeTasks(w, 'p_huanglei')).map((c) => c.group.id).sort()).toEqual(['g_market', 'g_projecta'].sort());
  });

  it('should end access and open the tasks on the next scheduler run when the effect failed, once', async () => {
    // The database fails while opening the second group's task: the first is already filed.
    let inserts = 0;
    const wi = await makeWorld({
      wrapStore: (raw) =>
        new Proxy(raw, {
          get: (t, k, r) =>
            k === 'insertCase'
              ? async (c: Case) => {
                  if (c.kind === 'offboard' && ++inserts === 2) throw new Error('injected failure');
                  return t.insertCase(c);
                }
              : Reflect.get(t, k, r),
        }),
    });
    const departure = await wi.okCall('p_wangqiang', 'people.offboard', { personId: 'p_huanglei' });
    expect((await wi.store.getCase(departure.id))!.outbox.some((e) => 'effect' in e)).toBe(true);
    expect(await removeTasks(wi, 'p_huanglei')).toHaveLength(1);
    // Access ended before the failure.
    expect(await wi.call('p_huanglei', 'session.whoami', {})).toMatchObject({ ok: false, code: 'OFFBOARDED' });

    await runScheduler(wi.deps);
    expect((await wi.store.getCase(departure.id))!.outbox).toEqual([]);
    expect((await removeTasks(wi, 'p_huanglei')).map((c) => c.group.id).sort()).toEqual(['g_market', 'g_projecta'].sort());
    // Run again: nothing more.
    await runScheduler(wi.deps);
    expect((await wi.store.listCasesAbout('offboard', 'g_market', 'p_huanglei', 0)).length).toBe(1);
  });

  it('should refuse offboarding outside the head’s department', async () => {
    expect(await w.call('p_lina', 'people.offboard', { personId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_liuyang', 'people.offboard', { personId: 'p_huanglei' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('the role × action matrix of the new actions', () => {
  // [action, who may reach the handler, who is refused]
  const personas = { member: 'p_huanglei', admin: 'p_liuyang', leader: 'p_chengang', deptHead: 'p_lina', owner: 'p_zhaomin' } as const;
  const refused: Partial<Record<ActionName, (keyof typeof personas)[]>> = {
    'invitations.create': ['member', 'admin', 'leader'],
    'org.overview': ['member', 'admin', 'leader'],
    'departments.create': ['member', 'admin', 'leader', 'deptHead'],
    'departments.setHead': ['member', 'admin', 'leader', 'deptHead'],
    'people.add': ['member', 'admin', 'leader'],
    'people.setPublisher': ['member', 'admin', 'leader', 'deptHead'],
    'people.onboard': ['member', 'admin', 'leader'],
    'people.offboard': ['member', 'admin', 'leader'],
    'groups.create': ['member', 'admin', 'leader'],
    'groups.bindWechat': ['member', 'leader', 'deptHead'],
    'roster.askFix': ['member', 'leader', 'deptHead', 'owner'],
    'cases.acknowledge': ['member', 'admin', 'deptHead', 'owner'],
    'admins.applyChange': ['member', 'leader', 'deptHead', 'owner'],
    'admins.decideChange': ['member', 'admin', 'deptHead', 'owner'],
    'elections.decideTie': ['member', 'admin', 'deptHead', 'owner'],
    'guests.decide': ['member', 'admin'],
  };
  for (const [action, no] of Object.entries(refused) as [ActionName, (keyof typeof personas)[]][]) {
    it(`should let only the right roles call ${action}`, async () => {
      for (const [role, pid] of Object.entries(personas) as [keyof typeof personas, string][]) {
        const r = await w.call(pid, action, SAMPLE_INPUTS[action] as never);
        const isRefused = !r.ok && r.code === 'FORBIDDEN';
        expect([role, isRefused]).toEqual([role, no.includes(role)]);
      }
    });
  }
});
