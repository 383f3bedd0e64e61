import { DEFAULT_SETTINGS } from '../../src/contract';
import { allowed, decide, notices, type CaseActor, type Command, type KindContext } from '../../src/core/engine';
import { openRename, renameDeciders, renameKind, type RenameCase } from '../../src/core/kinds/rename';

type RenameContext = KindContext;
const decideRename = (c: RenameCase, cmd: Command, actor: CaseActor, x: KindContext) => decide(renameKind, c, cmd, actor, x);
const renameAllowed = (c: RenameCase, actor: CaseActor) => allowed(renameKind, c, actor, t0);

const t0 = Date.parse('2026-11-24T10:00:00+08:00'); // a Tuesday
const ctx = (now = t0): RenameContext => ({ now, settings: DEFAULT_SETTINGS, admins: ['admin1', 'admin2'], leaders: ['boss'] });
const admin = { id: 'admin1', rolesInGroup: ['member' as const, 'admin' as const] };
const member = { id: 'm1', rolesInGroup: ['member' as const] };
const stranger = { id: 'x', rolesInGroup: ['member' as const] };
const system: CaseActor = { id: null, rolesInGroup: [] };

function submitted(c = ctx()): RenameCase {
  return openRename({
    id: 'c1', groupId: 'g1', subjectId: 'm1', nickname: '张三-市场部', previous: null, requestId: 'r1',
    groupName: '项目A群', subjectName: '张三', settingsVersion: 1, ctx: c,
  });
}
function must(d: ReturnType<typeof decideRename>): RenameCase {
  if (!d.ok) throw new Error(`refused: ${d.code}`);
  return d.case;
}

describe('rename request machine', () => {
  it('should declare exactly one open state and three final ones', () => {
    expect(Object.entries(renameKind.states).filter(([, s]) => s.open).map(([k]) => k)).toEqual(['submitted']);
  });

  it('should open assigned to the admins with a 2-working-day deadline and tell them', () => {
    const c = submitted();
    expect(c.state).toBe('submitted');
    expect(c.assignees).toEqual(['admin1', 'admin2']);
    expect(c.dueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));
    expect(c.wakeAt).toBe(c.dueAt);
    expect(notices(c).map((o) => [o.to, o.purpose])).toEqual([['admin1', 'newTask'], ['admin2', 'newTask']]);
    expect(c.history.map((h) => h.action)).toEqual(['submit']);
  });

  it('should send an admin\'s own request to the other admins, or to the leader when none', () => {
    expect(renameDeciders('admin1', ['admin1', 'admin2'], ['boss'])).toEqual(['admin2']);
    expect(renameDeciders('admin1', ['admin1'], ['boss'])).toEqual(['boss']);
  });

  it('should approve, close, and tell the member exactly what to set in WeChat', () => {
    const c = must(decideRename(submitted(), { type: 'approve' }, admin, ctx()));
    expect(c).toMatchObject({ state: 'approved', open: false, assignees: [], wakeAt: null });
    const told = notices(c).filter((o) => o.to === 'm1');
    expect(told[0].body).toBe('请在微信群「项目A群」中把群昵称设置为：张三-市场部');
    expect(c.history.map((h) => [h.action, h.by, h.from, h.to])).toEqual([
      ['submit', 'm1', null, 'submitted'],
      ['approve', 'admin1', 'submitted', 'approved'],
    ]);
  });

  it('should reject only with a reason and pass the reason on', () => {
    const blank = decideRename(submitted(), { type: 'reject', reason: '  ' }, admin, ctx());
    expect(blank).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const c = must(decideRename(submitted(), { type: 'reject', reason: '部门名称写错了' }, admin, ctx()));
    expect(c.state).toBe('rejected');
    expect(c.data.reason).toBe('部门名称写错了');
    expect(notices(c).at(-1)?.body).toContain('部门名称写错了');
  });

  it('should let only the member withdraw, and only while it waits', () => {
    expect(decideRename(submitted(), { type: 'withdraw' }, admin, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const c = must(decideRename(submitted(), { type: 'withdraw' }, member, ctx()));
    expect(c.state).toBe('withdrawn');
    expect(decideRename(c, { type: 'withdraw' }, member, ctx())).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
  });

  it('should refuse deciders who are not admins, and the member deciding their own request', () => {
    expect(decideRename(submitted(), { type: 'approve' }, stranger, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decideRename(submitted(), { type: 'approve' }, member, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should answer a second decision with CASE_ALREADY_DECIDED', () => {
    const c = must(decideRename(submitted(), { type: 'approve' }, admin, ctx()));
    const again = decideRename(c, { type: 'reject', reason: '不同意' }, { ...admin, id: 'admin2' }, ctx());
    expect(again).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
    if (!again.ok) expect(again.message).toContain('已通过');
  });

  it('should remind the admins at the first timeout and alert the leader at the second, once each', () => {
    const c = submitted();
    expect(decideRename(c, { type: 'timeout' }, system, ctx(c.dueAt! - 1))).toMatchObject({ ok: false });
    const reminded = must(decideRename(c, { type: 'timeout' }, system, ctx(c.dueAt! + 1)));
    expect(reminded.escalation).toBe(1);
    expect(notices(reminded).slice(-2).map((o) => [o.to, o.purpose])).toEqual([['admin1', 'reminder'], ['admin2', 'reminder']]);
    // Fires at 00:00 Friday (Shanghai): one working day later is Monday 30th.
    expect(reminded.dueAt).toBe(Date.parse('2026-11-30T23:59:59.999+08:00'));
    const escalated = must(decideRename(reminded, { type: 'timeout' }, system, ctx(reminded.dueAt! + 1)));
    expect(escalated.escalation).toBe(2);
    expect(escalated.wakeAt).toBeNull();
    expect(escalated.assignees).toEqual(['admin1', 'admin2', 'boss']);
    expect(notices(escalated).at(-1)).toMatchObject({ to: 'boss', purpose: 'escalation' });
    expect(decideRename(escalated, { type: 'timeout' }, system, ctx(reminded.dueAt! + 10))).toMatchObject({ ok: false });
    // The leader, now assigned, may decide.
    expect(must(decideRename(escalated, { type: 'approve' }, { id: 'boss', rolesInGroup: ['leader'] }, ctx())).state).toBe('approved');
  });

  it('should ignore a timeout on a decided case', () => {
    const c = must(decideRename(submitted(), { type: 'approve' }, admin, ctx()));
    expect(decideRename(c, { type: 'timeout' }, system, ctx(t0 + 10 * 86400_000))).toMatchObject({ ok: false });
  });

  it('should offer each person only the commands they may use', () => {
    const c = submitted();
    expect(renameAllowed(c, member)).toEqual(['withdraw']);
    expect(renameAllowed(c, admin)).toEqual(['approve', 'reject']);
    expect(renameAllowed(c, stranger)).toEqual([]);
    expect(renameAllowed(must(decideRename(c, { type: 'approve' }, admin, ctx())), admin)).toEqual([]);
  });

  it('should flag a deadline that falls in a year without official holiday data', () => {
    const c = submitted(ctx(Date.parse('2026-12-30T10:00:00+08:00')));
    expect(c.dueAtUnconfirmed).toBe(true);
    const confirmed = { ...DEFAULT_SETTINGS, calendar: { holidays: [], workdays: [], confirmedYears: [2027] } };
    const c2 = openRename({
      id: 'c2', groupId: 'g1', subjectId: 'm1', nickname: 'x', previous: null, requestId: 'r2', groupName: 'g', subjectName: 's',
      settingsVersion: 1, ctx: { ...ctx(Date.parse('2026-12-30T10:00:00+08:00')), settings: confirmed },
    });
    expect(c2.dueAtUnconfirmed).toBe(false);
  });
});
