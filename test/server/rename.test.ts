import { makeWorld, fileMarketRename, requestId, T0, type World } from './harness';
import { runScheduler } from '../../src/server/jobs';
import { verifyHistory } from '../../src/server/cases/audit';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

describe('rename requests end to end through dispatch', () => {
  it('should let a member file, the admin approve, and the roster take the nickname', async () => {
    const before = await w.okCall('p_huanglei', 'session.whoami', {});
    expect(before.groups.find((g) => g.id === 'g_market')).toMatchObject({ nickname: '磊磊', canonical: '黄磊-市场部', compliant: false });

    const filed = await fileMarketRename(w);
    expect(filed).toMatchObject({ state: 'submitted', stateLabel: '待审批', waitingOn: [{ id: 'p_liuyang', name: '刘洋' }] });
    expect(filed.dueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));

    const inbox = await w.okCall('p_liuyang', 'inbox.list', {});
    expect(inbox.items.map((c) => c.id)).toEqual([filed.id]);
    expect(inbox.items[0].allowed).toEqual(['approve', 'reject']);

    const approved = await w.okCall('p_liuyang', 'rename.approve', { caseId: filed.id });
    expect(approved.stateLabel).toBe('已通过');
    expect(approved.history!.map((h) => h.actionLabel)).toEqual(['提交申请', '批准']);
    expect((await w.okCall('p_liuyang', 'inbox.list', {})).total).toBe(0);

    const after = await w.okCall('p_huanglei', 'session.whoami', {});
    expect(after.groups.find((g) => g.id === 'g_market')).toMatchObject({ nickname: '黄磊-市场部', compliant: true });
    const note = (await w.okCall('p_huanglei', 'notifications.list', {})).items[0];
    expect(note.body).toBe('请在微信群「市场部工作群」中把群昵称设置为：黄磊-市场部');
  });

  it('should require the employee number where two members share a name', async () => {
    const preview = await w.okCall('p_zhangwei_m', 'rename.preview', { groupId: 'g_projecta' });
    expect(preview).toMatchObject({ canonical: '张伟-市场部-1024', requiresSuffix: true, compliant: false });
    expect(preview.namesakes.map((n) => n.personId)).toEqual(['p_zhangwei_t']);
    const bad = await w.call('p_zhangwei_m', 'rename.submit', { groupId: 'g_projecta', nickname: '张伟-市场部', requestId: requestId() });
    expect(bad).toMatchObject({ ok: false, code: 'NAME_INVALID' });
    if (!bad.ok) expect(bad.message).toContain('1024');
    // In the market group there is only one 张伟: no suffix.
    expect((await w.okCall('p_zhangwei_m', 'rename.preview', { groupId: 'g_market' })).canonical).toBe('张伟-市场部');
  });

  it('should file one case when the same request is retried', async () => {
    const rid = requestId();
    const input = { groupId: 'g_market', nickname: '黄磊-市场部', requestId: rid };
    const [a, b] = await Promise.all([w.okCall('p_huanglei', 'rename.submit', input), w.okCall('p_huanglei', 'rename.submit', input)]);
    const c = await w.okCall('p_huanglei', 'rename.submit', input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect((await w.okCall('p_huanglei', 'cases.mine', {})).total).toBe(1);
    expect((await w.okCall('p_liuyang', 'notifications.list', {})).total).toBe(1);
  });

  it('should answer a retry that arrives after the request was decided with that case, filing nothing new', async () => {
    const input = { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() };
    const first = await w.okCall('p_huanglei', 'rename.submit', input);
    await w.okCall('p_liuyang', 'rename.approve', { caseId: first.id });
    const retried = await w.okCall('p_huanglei', 'rename.submit', input);
    expect(retried).toMatchObject({ id: first.id, state: 'approved' });
    expect((await w.okCall('p_huanglei', 'cases.mine', {})).total).toBe(1);
  });

  it('should refuse a second open request in the same group', async () => {
    await fileMarketRename(w);
    const again = await w.call('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
    expect(again).toMatchObject({ ok: false, code: 'DUPLICATE_OPEN_REQUEST' });
  });

  it('should let only one of two different requests filed at the same moment in, however often it happens', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const submit = () => w.call('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: requestId() });
      const results = await Promise.all([submit(), submit(), submit()]);
      const filed = results.filter((r) => r.ok);
      expect(filed).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'DUPLICATE_OPEN_REQUEST' }), expect.objectContaining({ code: 'DUPLICATE_OPEN_REQUEST' })]);
      const open = (await w.okCall('p_huanglei', 'cases.mine', {})).items.filter((c) => c.kind === 'rename' && c.state === 'submitted');
      expect(open).toHaveLength(1);
      // Decided, so the next trial may file again (ten minutes on: within the hourly request limit).
      await w.okCall('p_liuyang', 'rename.reject', { caseId: open[0].id, reason: '请重新提交' });
      w.clock.t += 10 * 60_000;
    }
    expect((await w.okCall('p_huanglei', 'cases.mine', { limit: 50 })).total).toBe(20);
  });

  it('should let exactly one of two admins deciding at once win', async () => {
    // Two admins in the project group: 周杰 and 孙丽.
    const c = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    const [x, y] = await Promise.all([
      w.call('p_zhoujie', 'rename.approve', { caseId: c.id }),
      w.call('p_sunli', 'rename.reject', { caseId: c.id, reason: '请先核对部门' }),
    ]);
    const results = [x, y];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
    if (!loser.ok) expect(loser.message).toMatch(/[\u4e00-\u9fa5]/);
    const final = await w.okCall('p_machao', 'cases.get', { caseId: c.id });
    expect(final.history!.filter((h) => h.action === 'approve' || h.action === 'reject')).toHaveLength(1);
  });

  it('should let the member withdraw and then nobody decide', async () => {
    const c = await fileMarketRename(w);
    expect((await w.okCall('p_huanglei', 'rename.withdraw', { caseId: c.id })).state).toBe('withdrawn');
    expect(await w.call('p_liuyang', 'rename.approve', { caseId: c.id })).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
  });

  it('should refuse to store text that fails the content check, writing nothing', async () => {
    const before = w.footprint();
    const r = await w.call('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', note: '推荐一个网赌平台', requestId: requestId() });
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' });
    if (!r.ok) expect(r.message).toContain('违法犯罪');
    expect(w.footprint()).toEqual(before);
  });

  it('should keep a history chain that shows tampering', async () => {
    const c = await fileMarketRename(w);
    await w.okCall('p_liuyang', 'rename.reject', { caseId: c.id, reason: '昵称已经改过了' });
    const stored = (await w.store.getCase(c.id))!;
    expect(verifyHistory(w.deps.audit, stored)).toEqual({ ok: true });
    const edited = { ...stored, history: stored.history.map((h, i) => (i === 1 ? { ...h, note: '同意' } : h)) };
    expect(verifyHistory(w.deps.audit, edited)).toMatchObject({ ok: false, caseId: c.id, seq: 2 });
    const dropped = { ...stored, history: stored.history.slice(1) };
    expect(verifyHistory(w.deps.audit, dropped)).toMatchObject({ ok: false, caseId: c.id });
  });
});

describe('who may do what', () => {
  it('should refuse callers without identity, unbound ones and leavers', async () => {
    expect(await w.call({ openid: null }, 'session.whoami', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await w.call({ openid: 'stranger' }, 'session.whoami', {})).toMatchObject({ ok: false, code: 'NOT_BOUND' });
    const p = (await w.store.getPerson('p_wufang'))!;
    await w.store.insertPerson({ ...p, _id: 'p_left', openid: 'dev_p_left', status: 'left' });
    expect(await w.call('p_left', 'session.whoami', {})).toMatchObject({ ok: false, code: 'OFFBOARDED' });
  });

  it('should keep members to their own groups and cases', async () => {
    expect(await w.call('p_wufang', 'rename.preview', { groupId: 'g_market' })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    expect(await w.call('p_wufang', 'rename.submit', { groupId: 'g_market', nickname: '吴芳-技术部', requestId: requestId() })).toMatchObject({ ok: false, code: 'NOT_MEMBER' });
    const c = await fileMarketRename(w);
    // Another member of the same group, an admin of another group: neither sees it.
    expect(await w.call('p_zhengshuang', 'cases.get', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_zhoujie', 'cases.get', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.call('p_zhoujie', 'rename.approve', { caseId: c.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A plain member may not approve at all; the member may not approve their own request.
    expect(await w.call('p_zhengshuang', 'rename.approve', { caseId: c.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The group's leader and the owner see it.
    expect((await w.call('p_chengang', 'cases.get', { caseId: c.id })).ok).toBe(true);
    expect((await w.call('p_zhaomin', 'cases.get', { caseId: c.id })).ok).toBe(true);
  });

  it('should keep settings to the owner', async () => {
    expect(await w.call('p_liuyang', 'settings.get', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const s = await w.okCall('p_zhaomin', 'settings.get', {});
    expect(s.calendar.unconfirmedYears).toEqual([2027]);
    expect(s.calendar.warning).toContain('2027');
  });
});

describe('bad input', () => {
  const bad: [string, unknown][] = [
    ['not an object', 'rename.submit'],
    ['unknown action', { action: 'rename.destroy', data: {} }],
    ['prototype key as action', { action: '__proto__', data: {} }],
    ['missing field', { action: 'rename.submit', data: { groupId: 'g_market' } }],
    ['wrong type', { action: 'rename.submit', data: { groupId: 1, nickname: '黄磊-市场部', requestId: 'abcdefgh1' } }],
    ['extra field', { action: 'rename.submit', data: { groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'abcdefgh1', openid: 'dev_p_liuyang' } }],
    ['operator object', { action: 'cases.get', data: { caseId: { $ne: null } } }],
    ['huge string', { action: 'rename.reject', data: { caseId: 'x', reason: '很'.repeat(5000) } }],
    ['control characters', { action: 'rename.submit', data: { groupId: 'g_market', nickname: '黄磊\u0000-市场部', requestId: 'abcdefgh1' } }],
    ['__proto__ key', { action: 'rename.submit', data: JSON.parse('{"groupId":"g_market","nickname":"黄磊-市场部","requestId":"abcdefgh1","__proto__":{"admin":true}}') }],
  ];
  it.each(bad)('should answer %s with a code and a Chinese message and write nothing', async (_label, event) => {
    const before = w.footprint();
    const { dispatch } = await import('../../src/server/dispatch');
    const r = await dispatch(w.deps, event, 'dev_p_huanglei');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(['BAD_INPUT', 'UNKNOWN_ACTION']).toContain(r.code);
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(w.footprint()).toEqual(before);
  });

  it('should say which naming rule failed, in Chinese, per issue', async () => {
    const r = await w.call('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊', requestId: requestId() });
    expect(r).toMatchObject({ ok: false, code: 'NAME_INVALID' });
    if (!r.ok) expect(r.issues!.map((i) => i.message).join()).toContain('隔开');
  });
});

describe('notifications and subscription messages', () => {
  it('should push only with a grant, count grants down, and keep the rest in the inbox marked not pushed', async () => {
    const tpl = (await w.okCall('p_liuyang', 'session.whoami', {})).templates.newTask;
    const rec = await w.okCall('p_liuyang', 'subscriptions.record', { results: { [tpl]: 'accept' } });
    expect(rec.grants[tpl]).toBe(1);
    await fileMarketRename(w);
    expect(w.notifier.sent.map((m) => m.touser)).toEqual(['dev_p_liuyang']);
    expect(w.notifier.sent[0].data.thing1.value).toBe('新的改名申请');
    expect([...w.notifier.sent[0].data.thing2.value].length).toBeLessThanOrEqual(20);
    expect((await w.okCall('p_liuyang', 'session.whoami', {})).grants[tpl]).toBe(0);
    // The member held no grant for the decision: in-app only.
    const c = (await w.okCall('p_huanglei', 'cases.mine', {})).items[0];
    await w.okCall('p_liuyang', 'rename.approve', { caseId: c.id });
    const mine = await w.okCall('p_huanglei', 'notifications.list', {});
    expect(mine.items[0]).toMatchObject({ title: '改名申请已通过', push: 'no_grant', read: false });
    expect(mine.unread).toBe(1);
    expect((await w.okCall('p_huanglei', 'notifications.read', { ids: [mine.items[0].id] })).updated).toBe(1);
    expect((await w.okCall('p_huanglei', 'notifications.list', {})).unread).toBe(0);
  });

  it('should ignore declined and unknown templates when recording grants', async () => {
    const r = await w.okCall('p_huanglei', 'subscriptions.record', { results: { TPL_NEW_TASK: 'reject', SOMETHING_ELSE: 'accept' } });
    expect(r.grants).toEqual({ TPL_CASE_DECIDED: 0, TPL_NEW_TASK: 0, TPL_REMINDER: 0, TPL_ESCALATION: 0 });
  });

  it('should trust WeChat when it says there is no grant (43101)', async () => {
    await w.okCall('p_liuyang', 'subscriptions.record', { results: { TPL_NEW_TASK: 'accept' } });
    await w.okCall('p_liuyang', 'subscriptions.record', { results: { TPL_NEW_TASK: 'accept' } });
    w.notifier.mode = 'no-grant';
    await fileMarketRename(w);
    const n = (await w.okCall('p_liuyang', 'notifications.list', {})).items[0];
    expect(n.push).toBe('no_grant');
    expect((await w.okCall('p_liuyang', 'session.whoami', {})).grants.TPL_NEW_TASK).toBe(0);
  });

  it('should keep every notification through a failing notifier and push it once on the next scheduler run', async () => {
    await w.okCall('p_liuyang', 'subscriptions.record', { results: { TPL_NEW_TASK: 'accept' } });
    w.notifier.mode = 'throw';
    const c = await fileMarketRename(w);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(1);
    const inbox = await w.okCall('p_liuyang', 'notifications.list', {});
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0].push).toBe('pending');
    expect((await w.okCall('p_liuyang', 'session.whoami', {})).grants.TPL_NEW_TASK).toBe(1);

    w.notifier.mode = 'ok';
    const report = await runScheduler(w.deps);
    expect(report.dispatched).toBe(1);
    expect(w.notifier.sent).toHaveLength(1);
    expect((await w.store.getCase(c.id))!.outbox).toHaveLength(0);
    await runScheduler(w.deps);
    expect(w.notifier.sent).toHaveLength(1);
    const after = await w.okCall('p_liuyang', 'notifications.list', {});
    expect(after.items).toHaveLength(1);
    expect(after.items[0].push).toBe('sent');
  });
});

describe('scheduler timeouts', () => {
  it('should remind once, then alert the leader once, even with two runs at a time', async () => {
    const c = await fileMarketRename(w);
    w.clock.t = c.dueAt! + 60_000;
    const [a, b] = await Promise.all([runScheduler(w.deps), runScheduler(w.deps)]);
    expect(a.timeouts + b.timeouts).toBe(1);
    let stored = (await w.store.getCase(c.id))!;
    expect(stored.history.map((h) => h.action)).toEqual(['submit', 'remind']);
    expect((await w.okCall('p_liuyang', 'notifications.list', {})).items.map((n) => n.title)).toEqual(['改名申请已超期', '新的改名申请']);

    await runScheduler(w.deps);
    expect((await w.store.getCase(c.id))!.history).toHaveLength(2);

    w.clock.t = stored.wakeAt! + 60_000;
    await Promise.all([runScheduler(w.deps), runScheduler(w.deps), runScheduler(w.deps)]);
    stored = (await w.store.getCase(c.id))!;
    expect(stored.history.map((h) => h.action)).toEqual(['submit', 'remind', 'escalate']);
    const leader = await w.okCall('p_chengang', 'notifications.list', {});
    expect(leader.items.map((n) => n.title)).toEqual(['改名申请超期未处理']);
    expect((await w.okCall('p_chengang', 'inbox.list', {})).items.map((i) => i.id)).toEqual([c.id]);
    // The leader can settle it.
    expect((await w.okCall('p_chengang', 'rename.approve', { caseId: c.id })).state).toBe('approved');
  });

  it('should not act on a case decided before its deadline', async () => {
    const c = await fileMarketRename(w);
    await w.okCall('p_liuyang', 'rename.approve', { caseId: c.id });
    w.clock.t = T0 + 30 * 86400_000;
    expect((await runScheduler(w.deps)).timeouts).toBe(0);
  });
});

describe('inbox order and settings versions', () => {
  it('should list the oldest deadline first and page through', async () => {
    const first = await w.okCall('p_machao', 'rename.submit', { groupId: 'g_projecta', nickname: '马超-技术部', requestId: requestId() });
    w.clock.t += 2 * 86400_000;
    const second = await w.okCall('p_zhangwei_m', 'rename.submit', { groupId: 'g_projecta', nickname: '张伟-市场部-1024', requestId: requestId() });
    const page1 = await w.okCall('p_zhoujie', 'inbox.list', { limit: 1 });
    expect(page1.total).toBe(2);
    expect(page1.items.map((i) => i.id)).toEqual([first.id]);
    const page2 = await w.okCall('p_zhoujie', 'inbox.list', { limit: 1, offset: 1 });
    expect(page2.items.map((i) => i.id)).toEqual([second.id]);
  });

  it('should apply a settings change to new cases only', async () => {
    const old = await fileMarketRename(w);
    const s = await w.okCall('p_zhaomin', 'settings.get', {});
    const updated = await w.okCall('p_zhaomin', 'settings.update', {
      expectedVersion: s.version,
      values: { ...s.values, rename: { adminDays: 5, escalateAfterDays: 1 }, calendar: { holidays: [], workdays: [], confirmedYears: [2027] } },
    });
    expect(updated.version).toBe(s.version + 1);
    expect(updated.calendar.warning).toBeNull();
    const stale = await w.call('p_zhaomin', 'settings.update', { expectedVersion: s.version, values: s.values });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const fresh = await w.okCall('p_hejing', 'rename.submit', { groupId: 'g_market', nickname: '何静-行政部', requestId: requestId() });
    expect(old.dueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));
    expect(fresh.dueAt).toBe(Date.parse('2026-12-01T23:59:59.999+08:00'));
    // The old case's reminder period still comes from the version it was opened under.
    expect((await w.store.getCase(old.id))!.settingsVersion).toBe(s.version);
  });

  it('should refuse impossible override dates', async () => {
    const s = await w.okCall('p_zhaomin', 'settings.get', {});
    const r = await w.call('p_zhaomin', 'settings.update', { expectedVersion: s.version, values: { ...s.values, calendar: { holidays: ['2027-02-30'], workdays: [], confirmedYears: [] } } });
    expect(r).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
  });
});
