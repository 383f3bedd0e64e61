// The new case machines, pure: roster tasks, elections, guests and invitations.
import { DEFAULT_SETTINGS } from '../../src/contract';
import { decide, notices, timeout, type KindContext } from '../../src/core/engine';
import { electionKind, openElection, tally, type ElectionCase } from '../../src/core/kinds/election';
import { guestKind, openGuest } from '../../src/core/kinds/guest';
import { invitationProblem } from '../../src/core/invitation';
import { namingFixKind, onboardKind, openTask } from '../../src/core/kinds/task';
import { departureId, openDeparture } from '../../src/core/kinds/departure';

const T0 = Date.parse('2026-11-24T10:00:00+08:00'); // Tuesday
const settings = DEFAULT_SETTINGS;
const kctx = (now: number, o: Partial<KindContext> = {}): KindContext => ({ now, settings, admins: [], leaders: [], ...o });

function task(kind: 'onboard' | 'offboard' | 'naming_fix' = 'onboard') {
  return openTask({
    kind,
    id: 'c1',
    groupId: 'g1',
    subjectId: 'p_new',
    openedBy: 'p_head',
    assignees: ['p_admin'],
    data: { groupName: '群', subjectName: '新人', instruction: '把新人拉入群', escalateTo: ['p_head'] },
    settingsVersion: 1,
    now: T0,
    settings,
  });
}

describe('roster tasks', () => {
  it('should give an add task the onboarding deadline in working days and tell the admin', () => {
    const c = task();
    expect(c).toMatchObject({ state: 'pending', open: true, assignees: ['p_admin'], dueAt: Date.parse('2026-11-26T23:59:59.999+08:00') });
    expect(notices(c).map((o) => o.to)).toEqual(['p_admin']);
    expect(task('offboard').dueAt).toBe(Date.parse('2026-11-25T23:59:59.999+08:00'));
  });

  it('should let an assignee or an admin confirm, and nobody else', () => {
    const c = task();
    const ctx = kctx(T0 + 1, { leaders: ['p_leader'] });
    expect(decide(onboardKind, c, { type: 'confirm' }, { id: 'p_other', rolesInGroup: ['member'] }, ctx)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const done = decide(onboardKind, c, { type: 'confirm' }, { id: 'p_admin', rolesInGroup: ['admin'] }, ctx);
    expect(done).toMatchObject({ ok: true, case: { state: 'done', open: false } });
    if (done.ok) expect(decide(onboardKind, done.case, { type: 'confirm' }, { id: 'p_admin', rolesInGroup: ['admin'] }, ctx)).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
  });

  it('should let only an admin confirm a nickname fix, never the member asked', () => {
    const c = task('naming_fix');
    const ctx = kctx(T0 + 1);
    expect(decide(namingFixKind, { ...c, assignees: ['p_new'] }, { type: 'confirm' }, { id: 'p_new', rolesInGroup: ['member'] }, ctx)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should remind once when overdue, then escalate to the leader and the department head', () => {
    const c = task();
    const r1 = timeout(onboardKind, c, kctx(c.dueAt! + 1, { leaders: ['p_leader'] }));
    if (!r1.ok) throw new Error('no remind');
    expect(r1.case).toMatchObject({ escalation: 1, state: 'pending' });
    const r2 = timeout(onboardKind, r1.case, kctx(r1.case.dueAt! + 1, { leaders: ['p_leader'] }));
    if (!r2.ok) throw new Error('no escalation');
    expect(r2.case.escalation).toBe(2);
    expect(notices(r2.case).slice(-2).map((o) => o.to).sort()).toEqual(['p_head', 'p_leader']);
    expect(timeout(onboardKind, r2.case, kctx(T0 + 1e10))).toMatchObject({ ok: false });
  });
});

describe('elections', () => {
  const open = () =>
    openElection({ id: 'e1', groupId: 'g1', openedBy: 'a', groupName: '群', electorate: ['a', 'b', 'c'], names: { a: '甲', b: '乙', c: '丙' }, requestId: 'r', settingsVersion: 1, now: T0, settings });
  const ctx = (now: number) => kctx(now, { leaders: ['L'] });
  function toVoting(): ElectionCase {
    let c = open();
    for (const [by, who] of [['a', 'b'], ['b', 'c']]) {
      const r = decide(electionKind, c, { type: 'nominate', personId: who }, { id: by, rolesInGroup: ['member'] }, ctx(T0 + 1));
      if (!r.ok) throw new Error(r.code);
      c = r.case;
    }
    const v = timeout(electionKind, c, ctx(c.data.nominationEndsAt + 1));
    if (!v.ok) throw new Error(v.code);
    return v.case;
  }

  it('should take one vote per member before the deadline and elect the one on top', () => {
    let c = toVoting();
    const at = T0 + 3 * 86_400_000;
    for (const [by, who] of [['a', 'b'], ['c', 'b'], ['b', 'c']]) {
      const r = decide(electionKind, c, { type: 'vote', candidateId: who }, { id: by, rolesInGroup: ['member'] }, ctx(at));
      if (!r.ok) throw new Error(r.code);
      c = r.case;
    }
    expect(decide(electionKind, c, { type: 'vote', candidateId: 'c' }, { id: 'a', rolesInGroup: ['member'] }, ctx(at))).toMatchObject({ ok: false, code: 'ALREADY_VOTED' });
    expect(decide(electionKind, c, { type: 'vote', candidateId: 'c' }, { id: 'x', rolesInGroup: [] }, ctx(at))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(tally(c.data)).toEqual({ b: 2, c: 1 });
    // Who voted for whom never reaches the history.
    expect(JSON.stringify(c.history.map((h) => h.note ?? ''))).not.toContain('"b"');
    const end = timeout(electionKind, c, ctx(c.data.votingEndsAt! + 1));
    expect(end).toMatchObject({ ok: true, case: { state: 'elected', data: { winnerId: 'b' } } });
  });

  it('should refuse a vote after the deadline even before the count', () => {
    const c = toVoting();
    expect(decide(electionKind, c, { type: 'vote', candidateId: 'b' }, { id: 'a', rolesInGroup: ['member'] }, ctx(c.data.votingEndsAt!))).toMatchObject({ ok: false, code: 'ELECTION_CLOSED' });
  });

  it('should send a tie to the leaders', () => {
    const c = toVoting();
    const end = timeout(electionKind, c, ctx(c.data.votingEndsAt! + 1));
    expect(end).toMatchObject({ ok: true, case: { state: 'tie', assignees: ['L'], data: { tied: ['b', 'c'] } } });
  });
});

describe('guests', () => {
  it('should turn into a removal for the admins at the end of the end date', () => {
    const g = openGuest({
      id: 'gu1',
      groupId: 'g1',
      requesterId: 'm',
      data: { groupName: '群', subjectName: '成员', guestName: '客', organisation: '某司', reason: '合作', endDate: '2026-11-27', approvers: ['h'], requestId: 'r' },
      settingsVersion: 1,
      now: T0,
      settings,
    });
    // The admins the removal goes to are the group's, from the context.
    const c1 = decide(guestKind, g, { type: 'approve' }, { id: 'h', rolesInGroup: [] }, kctx(T0 + 1, { admins: ['adm'] }));
    if (!c1.ok) throw new Error(c1.code);
    const c2 = decide(guestKind, c1.case, { type: 'confirm' }, { id: 'adm', rolesInGroup: ['admin'] }, kctx(T0 + 2, { admins: ['adm'] }));
    if (!c2.ok) throw new Error(c2.code);
    expect(c2.case).toMatchObject({ state: 'active', wakeAt: Date.parse('2026-11-27T23:59:59.999+08:00') });
    expect(timeout(guestKind, c2.case, kctx(Date.parse('2026-11-27T12:00:00+08:00'), { admins: ['adm'] }))).toMatchObject({ ok: false });
    const c3 = timeout(guestKind, c2.case, kctx(Date.parse('2026-11-28T00:00:00+08:00'), { admins: ['adm'] }));
    expect(c3).toMatchObject({ ok: true, case: { state: 'removing', assignees: ['adm'] } });
  });
});

describe('invitations', () => {
  const inv = { _id: 'h', personId: 'p', createdBy: 'x', createdAt: T0, expiresAt: T0 + 1000, usedAt: null, usedBy: null };
  it('should name what is wrong with a card', () => {
    expect(invitationProblem(null, T0)).toBe('INVITATION_INVALID');
    expect(invitationProblem(inv, T0)).toBeNull();
    expect(invitationProblem(inv, T0 + 1000)).toBe('INVITATION_EXPIRED');
    expect(invitationProblem({ ...inv, usedAt: T0, usedBy: 'o' }, T0)).toBe('INVITATION_USED');
  });
});

describe('departure record', () => {
  const base = { personId: 'p_left', openedBy: 'p_head', subjectName: '林晓', deptName: '财务部', settingsVersion: 1, now: T0 };

  it('should be one closed record per person, naming the groups and the reason, alerting no one itself', () => {
    const c = openDeparture({ ...base, groups: ['财务部工作群', '预算项目群'], reason: '合同到期' });
    expect(c._id).toBe(departureId('p_left'));
    expect(openDeparture({ ...base, groups: [] })._id).toBe(c._id);
    expect(c).toMatchObject({ kind: 'departure', state: 'recorded', open: false, assignees: [], groupId: '', subjectId: 'p_left', openedBy: 'p_head' });
    expect(c.data).toMatchObject({ groups: ['财务部工作群', '预算项目群'], groupName: '财务部工作群、预算项目群', reason: '合同到期' });
    expect(c.history).toEqual([expect.objectContaining({ action: 'depart', by: 'p_head', to: 'recorded', note: '合同到期', at: T0 })]);
    // The remove tasks its effect opens alert the admins; the record itself has no notices.
    expect(notices(c)).toEqual([]);
  });

  it('should say so when the person is in no group, and keep no empty reason', () => {
    const c = openDeparture({ ...base, groups: [] });
    expect(c.data.groupName).toBe('（不在任何群中）');
    expect('reason' in c.data).toBe(false);
    expect(c.history[0].note).toBeUndefined();
  });
});
