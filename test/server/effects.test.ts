// The effect interpreter, one effect type at a time, in the state a crash leaves behind: the step
// is written with its effect in the outbox, and nothing after that happened. The scheduler applies
// it; a second run (and a duplicate delivery) changes nothing more.
import type { Effect, EffectType } from '../../src/core/effects';
import type { Case } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/contract';
import { openViolation } from '../../src/core/kinds/violation';
import { sealHistory } from '../../src/server/cases/audit';
import { uploadKey } from '../../src/server/reads/files';
import { runScheduler } from '../../src/server/jobs';
import { makeWorld, T0, type World } from './harness';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

/** A case whose step was saved with `effects` queued, then the process died. */
async function crashedAfterWrite(effects: Effect[], id = `crash_${Math.random().toString(36).slice(2)}`): Promise<string> {
  const c: Case = {
    _id: id,
    kind: 'rename',
    groupId: 'g_market',
    subjectId: 'p_huanglei',
    openedBy: 'p_huanglei',
    state: 'approved',
    open: false,
    assignees: [],
    dueAt: null,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    data: { nickname: '黄磊-市场部', previous: '磊磊', groupName: '市场部工作群', subjectName: '黄磊', requestId: 'r-crash-0001' },
    history: [{ seq: 1, at: T0, by: 'p_liuyang', action: 'approve', from: null, to: 'approved', dueAt: null, prevHash: '', hash: '' }],
    outbox: effects.map((effect, i) => ({ id: `${id}.1.fx${i}`, effect, createdAt: T0 })),
    version: 0,
    settingsVersion: 1,
    createdAt: T0,
    updatedAt: T0,
  };
  expect(await w.store.insertCase(sealHistory(w.deps.audit, c))).toBe(true);
  return id;
}

/** Two scheduler runs; the effect's case is left with an empty outbox after the first. */
async function recover(caseId: string) {
  await runScheduler(w.deps);
  expect((await w.store.getCase(caseId))!.outbox).toEqual([]);
  await runScheduler(w.deps);
}

const membership = async (groupId: string, personId: string) => (await w.store.listMembershipsOfPerson(personId)).find((m) => m.groupId === groupId);
const casesOf = async (kind: string, groupId: string) => w.store.listCasesOfKind(kind, groupId);

const tested = new Set<EffectType>();
function effectTest(type: EffectType, title: string, fn: () => Promise<void>) {
  tested.add(type);
  it(`${type}: should ${title}`, fn);
}

describe('the effect interpreter after a crash between the step and its effects', () => {
  effectTest('setNickname', 'record the approved nickname on the roster', async () => {
    const id = await crashedAfterWrite([{ type: 'setNickname', groupId: 'g_market', personId: 'p_huanglei', nickname: '黄磊-市场部' }]);
    expect((await membership('g_market', 'p_huanglei'))!.nickname).toBe('磊磊');
    await recover(id);
    expect((await membership('g_market', 'p_huanglei'))!.nickname).toBe('黄磊-市场部');
  });

  effectTest('confirmNamingFixes', "confirm the member's open 昵称整改 task once, telling the admin who asked once", async () => {
    const fix = await w.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    const id = await crashedAfterWrite([{ type: 'confirmNamingFixes', groupId: 'g_market', personId: 'p_huanglei', by: 'p_liuyang', note: '改名申请已批准：黄磊-市场部' }]);
    await recover(id);
    const done = (await w.store.getCase(fix.id))!;
    expect(done).toMatchObject({ state: 'done', open: false });
    expect(done.history.filter((h) => h.action === 'confirm')).toHaveLength(1);
  });

  effectTest('markNamingFix', "point the member's roster row at the open fix", async () => {
    const fix = await w.okCall('p_liuyang', 'roster.askFix', { groupId: 'g_market', personId: 'p_huanglei' });
    await w.store.setMembershipFix('g_market', 'p_huanglei', null, fix.id);
    const id = await crashedAfterWrite([{ type: 'markNamingFix', groupId: 'g_market', personId: 'p_huanglei', caseId: fix.id }]);
    await recover(id);
    expect((await membership('g_market', 'p_huanglei'))!.fixCaseId).toBe(fix.id);
  });

  effectTest('clearNamingFix', 'clear the fix it names, and leave a newer one alone', async () => {
    await w.store.setMembershipFix('g_market', 'p_huanglei', 'fix_old');
    const id = await crashedAfterWrite([{ type: 'clearNamingFix', groupId: 'g_market', personId: 'p_huanglei', caseId: 'fix_old' }]);
    await recover(id);
    expect((await membership('g_market', 'p_huanglei'))!.fixCaseId ?? null).toBeNull();
    await w.store.setMembershipFix('g_market', 'p_huanglei', 'fix_new');
    const again = await crashedAfterWrite([{ type: 'clearNamingFix', groupId: 'g_market', personId: 'p_huanglei', caseId: 'fix_old' }]);
    await recover(again);
    expect((await membership('g_market', 'p_huanglei'))!.fixCaseId).toBe('fix_new');
  });

  effectTest('setAdmin', 'grant then revoke the admin role, in the order the step gave', async () => {
    const id = await crashedAfterWrite([
      { type: 'setAdmin', groupId: 'g_market', personId: 'p_zhengshuang', admin: true },
      { type: 'setAdmin', groupId: 'g_market', personId: 'p_liuyang', admin: false },
    ]);
    await recover(id);
    expect((await membership('g_market', 'p_zhengshuang'))!.roles).toContain('admin');
    expect((await membership('g_market', 'p_liuyang'))!.roles).not.toContain('admin');
  });

  effectTest('joinGroup', 'make the person an active member, with one roster row', async () => {
    const id = await crashedAfterWrite([{ type: 'joinGroup', groupId: 'g_market', personId: 'p_wufang' }]);
    await recover(id);
    const rows = (await w.store.listMembershipsOfPerson('p_wufang')).filter((m) => m.groupId === 'g_market');
    expect(rows.map((m) => [m.status, m.roles])).toEqual([['active', ['member']]]);
  });

  effectTest('leaveGroup', 'mark the member as gone from the group', async () => {
    const id = await crashedAfterWrite([{ type: 'leaveGroup', groupId: 'g_market', personId: 'p_hejing' }]);
    await recover(id);
    expect((await membership('g_market', 'p_hejing'))!.status).toBe('left');
  });

  effectTest('registerGuest', "create the guest's person record once", async () => {
    const id = await crashedAfterWrite([
      { type: 'registerGuest', personId: 'px_guest', name: '访客甲', until: '2026-12-10' },
      { type: 'registerGuest', personId: 'px_guest', name: '访客甲', until: '2026-12-10' },
    ]);
    await recover(id);
    expect(await w.store.getPerson('px_guest')).toMatchObject({ name: '访客甲', external: true, status: 'active', guestUntil: '2026-12-10' });
  });

  effectTest('endAccess', "end the person's access, keeping when it first ended", async () => {
    const id = await crashedAfterWrite([{ type: 'endAccess', personId: 'p_hejing' }]);
    await recover(id);
    const left = await w.store.getPerson('p_hejing');
    expect(left).toMatchObject({ status: 'left', leftAt: T0 });
    w.clock.t += 60_000;
    await recover(await crashedAfterWrite([{ type: 'endAccess', personId: 'p_hejing' }]));
    expect((await w.store.getPerson('p_hejing'))!.leftAt).toBe(T0);
  });

  effectTest('fileElectedAdmin', 'file the winner with the leader exactly once, and tell the leader once', async () => {
    const id = await crashedAfterWrite([{ type: 'fileElectedAdmin', electionId: 'el_x_1', groupId: 'g_market', personId: 'p_zhengshuang', groupName: '市场部工作群' }]);
    await recover(id);
    const filings = (await casesOf('admin_filing', 'g_market')).filter((c) => c._id === 'af_el_x_1');
    expect(filings).toHaveLength(1);
    expect(filings[0]).toMatchObject({ state: 'filed', subjectId: 'p_zhengshuang', assignees: ['p_chengang'] });
    const told = (await w.store.listNotifications('p_chengang', { offset: 0, limit: 50 }, false)).items.filter((n) => n.caseId === 'af_el_x_1');
    expect(told).toHaveLength(1);
  });

  effectTest('completeDeparture', "end a leaver's access and open one remove task per group, once", async () => {
    const dep = await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_zhangwei_m', reason: '个人原因' });
    // The record was written and dispatched; replaying its effect as if it had crashed changes nothing.
    const before = [...(await casesOf('offboard', 'g_market')), ...(await casesOf('offboard', 'g_projecta'))];
    expect(before.map((c) => c.subjectId)).toEqual(['p_zhangwei_m', 'p_zhangwei_m']);
    const id = await crashedAfterWrite([{ type: 'completeDeparture', departureId: dep.id }]);
    await recover(id);
    const after = [...(await casesOf('offboard', 'g_market')), ...(await casesOf('offboard', 'g_projecta'))];
    expect(after.map((c) => c._id).sort()).toEqual(before.map((c) => c._id).sort());
    expect((await w.store.getPerson('p_zhangwei_m'))!.status).toBe('left');
  });

  effectTest('attachUploads', 'mark the images a case attaches as used, and bring a verdict that came first to the case, once', async () => {
    // A screenshot the local rule finds risky; its verdict lands on the upload at once.
    const img = await w.upload('p_zhoujie', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('赌博网站')]), { name: '截图.png' });
    expect((await w.store.getUploads([uploadKey(img)]))[0].check.status).toBe('risky');
    // The case was written while the image still waited for its verdict, then the process died.
    const opened = openViolation({
      id: 'vi_crash_1', groupId: 'g_projecta', subjectId: 'p_machao', openedBy: 'p_zhoujie', requestId: 'r-crash-0002', groupName: '项目A群', subjectName: '马超',
      category: '广告推销、擅自拉票集赞', description: '发广告', evidence: [img], media: { [img]: 'pending' }, severity: 'minor', proposed: 'warning', proposalReasons: [],
      priorCount: 0, step: 'warning', lighterReason: null, settingsVersion: 1, ctx: { now: T0, settings: DEFAULT_SETTINGS, admins: ['p_zhoujie', 'p_sunli'], leaders: ['p_chengang'] },
    });
    expect(await w.store.insertCase(sealHistory(w.deps.audit, { ...opened, outbox: opened.outbox.filter((e) => 'effect' in e) }))).toBe(true);
    await recover('vi_crash_1');
    const stored = (await w.store.getCase('vi_crash_1'))!;
    expect(stored.history.map((h) => h.action)).toEqual(['decide', 'media_risky']);
    expect((stored.data as { media: Record<string, string> }).media).toEqual({ [img]: 'risky' });
    expect((await w.store.getUploads([uploadKey(img)]))[0]).toMatchObject({ used: true, usedBy: ['case:vi_crash_1'] });
    const told = (await w.store.listNotifications('p_sunli', { offset: 0, limit: 10 }, false)).items.map((n) => n.title);
    expect(told).toEqual(['证据图片未通过内容安全检查']);
    // The member sees neither the image nor a link to it; the case says one was hidden.
    const view = await w.okCall('p_machao', 'cases.get', { caseId: 'vi_crash_1' });
    expect(view.links!.evidence).toEqual([]);
    expect(view.hiddenFiles).toBe(1);
  });

  it('should have a test for every effect type', () => {
    const all: Record<EffectType, true> = {
      setNickname: true,
      confirmNamingFixes: true,
      markNamingFix: true,
      clearNamingFix: true,
      setAdmin: true,
      joinGroup: true,
      leaveGroup: true,
      registerGuest: true,
      endAccess: true,
      fileElectedAdmin: true,
      completeDeparture: true,
      attachUploads: true,
    };
    expect([...tested].sort()).toEqual(Object.keys(all).sort());
  });
});

describe('a crash inside a real step', () => {
  it('should leave a departure whose effect failed to the scheduler, which finishes it exactly once', async () => {
    const { instrumentStore } = await import('../support/instrumented-store');
    const probe = instrumentStore(w.store);
    w.deps.store = probe.store;
    // The departure's effect dies after opening the remove tasks, before cancelling add tasks.
    probe.failNext('listOpenCasesAbout');
    const dep = await w.okCall('p_wangqiang', 'people.offboard', { personId: 'p_zhangwei_m', reason: '个人原因' });
    expect((await w.store.getCase(dep.id))!.outbox.some((e) => 'effect' in e && e.effect.type === 'completeDeparture')).toBe(true);
    await runScheduler(w.deps);
    await runScheduler(w.deps);
    const tasks = [...(await casesOf('offboard', 'g_market')), ...(await casesOf('offboard', 'g_projecta'))];
    expect(tasks.map((c) => c.groupId).sort()).toEqual(['g_market', 'g_projecta']);
    expect((await w.store.getPerson('p_zhangwei_m'))!.status).toBe('left');
    expect((await w.store.getCase(dep.id))!.outbox).toEqual([]);
  });
});
