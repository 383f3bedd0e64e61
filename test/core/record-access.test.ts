import { DEFAULT_SETTINGS } from '../../src/contract';
import { allowed, decide, notices, type CaseActor } from '../../src/core/engine';
import {
  grantExpiry,
  isGrantActive,
  openRecordAccess,
  recordAccessKind,
  type RecordAccessCase,
  type RecordAccessCommand,
} from '../../src/core/kinds/record-access';

const T0 = Date.parse('2026-11-24T10:00:00+08:00'); // Tuesday
const DAY = 86_400_000;
const ctx = (now = T0) => ({ now, settings: DEFAULT_SETTINGS, admins: ['admin', 'admin2'], leaders: ['leader'] });
const member: CaseActor = { id: 'member', rolesInGroup: ['member'] };
const admin: CaseActor = { id: 'admin', rolesInGroup: ['member', 'admin'] };
const leader: CaseActor = { id: 'leader', rolesInGroup: ['leader'] };
const other: CaseActor = { id: 'other', rolesInGroup: ['member'] };
const system: CaseActor = { id: null, rolesInGroup: [] };

function open(): RecordAccessCase {
  return openRecordAccess({
    id: 'ra_1',
    groupId: 'g1',
    subjectId: 'member',
    from: '2026-10-01',
    to: '2026-10-31',
    purpose: '核对十月项目结算的沟通记录',
    pledge: '保密承诺',
    requestId: 'req-12345678',
    groupName: '项目A群',
    subjectName: '黄磊',
    settingsVersion: 1,
    ctx: ctx(),
  });
}

function run(c: RecordAccessCase, cmd: RecordAccessCommand, actor: CaseActor, now = T0) {
  const d = decide(recordAccessKind, c, cmd, actor, ctx(now));
  if (!d.ok) throw new Error(`refused: ${d.code}`);
  return d.case;
}
const approve = (expiresAt = T0 + 7 * DAY): RecordAccessCommand => ({ type: 'approve', expiresAt, backupIds: ['b1', 'b2'] });

describe('record access machine', () => {
  it('should open waiting on the admins with a deadline and tell them', () => {
    const c = open();
    expect(c).toMatchObject({ kind: 'record_access', state: 'submitted', open: true, assignees: ['admin', 'admin2'] });
    expect(c.dueAt).toBe(Date.parse('2026-11-26T23:59:59.999+08:00'));
    expect(notices(c).map((o) => o.to)).toEqual(['admin', 'admin2']);
    expect(notices(c)[0].body).toContain('2026-10-01 至 2026-10-31');
  });

  it('should approve with an expiry, granting the given backups, waiting on nobody until it expires', () => {
    const c = run(open(), approve(), admin);
    expect(c).toMatchObject({ state: 'approved', open: true, assignees: [], dueAt: null, wakeAt: T0 + 7 * DAY });
    expect(c.data).toMatchObject({ expiresAt: T0 + 7 * DAY, backupIds: ['b1', 'b2'] });
    expect(notices(c).at(-1)).toMatchObject({ to: 'member', title: '查阅申请已通过' });
    expect(isGrantActive(c, T0 + 7 * DAY - 1)).toBe(true);
    expect(isGrantActive(c, T0 + 7 * DAY)).toBe(false);
  });

  it('should refuse an expiry in the past or beyond the maximum', () => {
    for (const expiresAt of [T0, T0 + 31 * DAY]) {
      expect(decide(recordAccessKind, open(), approve(expiresAt), admin, ctx())).toMatchObject({ ok: false, code: 'EXPIRY_INVALID' });
    }
    expect(grantExpiry(T0, 30, DEFAULT_SETTINGS.access)).toBe(T0 + 30 * DAY);
    expect(grantExpiry(T0, 31, DEFAULT_SETTINGS.access)).toBeNull();
    expect(grantExpiry(T0, 0, DEFAULT_SETTINGS.access)).toBeNull();
  });

  it('should reject only with a reason, and tell the member why', () => {
    expect(decide(recordAccessKind, open(), { type: 'reject', reason: '  ' }, admin, ctx())).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    const c = run(open(), { type: 'reject', reason: '范围过大' }, admin);
    expect(c).toMatchObject({ state: 'rejected', open: false, data: { reason: '范围过大' } });
    expect(notices(c).at(-1)!.body).toBe('理由：范围过大');
  });

  it('should let only the member withdraw, and only while submitted', () => {
    expect(decide(recordAccessKind, open(), { type: 'withdraw' }, admin, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(run(open(), { type: 'withdraw' }, member)).toMatchObject({ state: 'withdrawn', open: false });
    expect(decide(recordAccessKind, run(open(), approve(), admin), { type: 'withdraw' }, member, ctx())).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
  });

  it('should refuse the member deciding their own request and a member who is no admin', () => {
    expect(decide(recordAccessKind, open(), approve(), member, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide(recordAccessKind, open(), approve(), other, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide(recordAccessKind, open(), approve(), leader, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('should let an admin or the leader revoke an active grant early, and tell the member', () => {
    const approved = run(open(), approve(), admin);
    expect(decide(recordAccessKind, approved, { type: 'revoke' }, member, ctx())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const byLeader = run(approved, { type: 'revoke', reason: '项目已结项' }, leader, T0 + DAY);
    expect(byLeader).toMatchObject({ state: 'revoked', open: false, wakeAt: null });
    expect(notices(byLeader).at(-1)!.body).toContain('理由：项目已结项');
    expect(run(approved, { type: 'revoke' }, admin).state).toBe('revoked');
    // Past the expiry there is nothing left to revoke.
    expect(decide(recordAccessKind, approved, { type: 'revoke' }, admin, ctx(T0 + 8 * DAY))).toMatchObject({ ok: false, code: 'ACCESS_NOT_ACTIVE' });
  });

  it('should expire an approved grant at its expiry, and not before', () => {
    const approved = run(open(), approve(), admin);
    expect(decide(recordAccessKind, approved, { type: 'timeout' }, system, ctx(T0 + 7 * DAY - 1))).toMatchObject({ ok: false });
    const expired = run(approved, { type: 'timeout' }, system, T0 + 7 * DAY);
    expect(expired).toMatchObject({ state: 'expired', open: false, wakeAt: null });
    expect(expired.history.at(-1)).toMatchObject({ action: 'expire', by: null, from: 'approved', to: 'expired' });
  });

  it('should remind the admins when the decision is late, then alert the leader', () => {
    const late = run(open(), { type: 'timeout' }, system, Date.parse('2026-11-27T09:00:00+08:00'));
    expect(late).toMatchObject({ state: 'submitted', escalation: 1 });
    const escalated = run(late, { type: 'timeout' }, system, late.wakeAt!);
    expect(escalated).toMatchObject({ escalation: 2, assignees: ['admin', 'admin2', 'leader'], wakeAt: null });
    expect(notices(escalated).at(-1)).toMatchObject({ to: 'leader', purpose: 'escalation' });
    // The alerted leader may now decide.
    expect(run(escalated, approve(T0 + 10 * DAY), leader, late.wakeAt!).state).toBe('approved');
  });

  it('should refuse every command in a closed state', () => {
    const closed = [run(open(), { type: 'reject', reason: 'x' }, admin), run(open(), { type: 'withdraw' }, member), run(run(open(), approve(), admin), { type: 'revoke' }, admin)];
    for (const c of closed) {
      expect(Object.keys(recordAccessKind.states[c.state].on)).toEqual([]);
      expect(decide(recordAccessKind, c, approve(), admin, ctx())).toMatchObject({ ok: false, code: 'CASE_ALREADY_DECIDED' });
      expect(decide(recordAccessKind, c, { type: 'revoke' }, admin, ctx())).toMatchObject({ ok: false, code: 'ACCESS_NOT_ACTIVE' });
      expect(decide(recordAccessKind, c, { type: 'timeout' }, system, ctx(T0 + 99 * DAY))).toMatchObject({ ok: false, code: 'CASE_NOT_OPEN' });
      expect(allowed(recordAccessKind, c, admin, T0)).toEqual([]);
    }
  });

  it('should offer each person exactly the commands they may issue', () => {
    expect(allowed(recordAccessKind, open(), member, T0)).toEqual(['withdraw']);
    expect(allowed(recordAccessKind, open(), admin, T0)).toEqual(['approve', 'reject']);
    expect(allowed(recordAccessKind, open(), other, T0)).toEqual([]);
    const approved = run(open(), approve(), admin);
    expect(allowed(recordAccessKind, approved, admin, T0)).toEqual(['revoke']);
    expect(allowed(recordAccessKind, approved, leader, T0)).toEqual(['revoke']);
    expect(allowed(recordAccessKind, approved, member, T0)).toEqual([]);
    // Past the expiry the page still offers revoke; decide answers ACCESS_NOT_ACTIVE until the scheduler expires it.
    expect(allowed(recordAccessKind, approved, admin, T0 + 8 * DAY)).toEqual(['revoke']);
  });
});
