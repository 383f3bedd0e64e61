// A notice's counts for its publisher (noticeStats) from acknowledgements counted in the database and
// the memberships ended since: whoever no longer owes it leaves both sides, as 确认情况 counts.
import type { AckDoc, NoticeDoc } from '../../src/core/model';
import { leftAudience, noticeStats } from '../../src/core/notices';

const T0 = Date.UTC(2026, 11, 1, 2);
const DUE = T0 + 86_400_000;
const notice = {
  _id: 'n1',
  ackDueAt: DUE,
  groupIds: ['g1', 'g2'],
  audience: [
    { groupId: 'g1', personIds: ['p1', 'p2', 'p3'] },
    { groupId: 'g2', personIds: ['p3', 'p4'] },
  ],
  owed: ['p1', 'p2', 'p3', 'p4'],
} as unknown as NoticeDoc;
const ack = (personId: string, late = false): AckDoc => ({ _id: `n1:${personId}`, noticeId: 'n1', personId, at: T0, late });

describe('leftAudience', () => {
  it('should keep only ended memberships of people owed the notice through that group', () => {
    const ended = [
      { groupId: 'g1', personId: 'p2' },
      { groupId: 'g2', personId: 'p1' }, // p1 never owed it through g2
      { groupId: 'g1', personId: 'p3' },
      { groupId: 'g9', personId: 'p4' },
    ];
    expect(leftAudience(notice, ended)).toEqual(['g1:p2', 'g1:p3']);
  });
});

describe('noticeStats', () => {
  it('should count everyone owed when nobody left, and nothing overdue before the deadline', () => {
    expect(noticeStats(notice, { acked: 2, late: 0, left: [], leftAcks: [] }, T0)).toEqual({ owed: 4, acked: 2, late: 0, overdue: 0 });
  });

  it('should take someone who left every group they owed it in out of both sides, but not someone still in another', () => {
    // p2 left g1 (their only group); p3 left g1 but is still in g2.
    const t = { acked: 3, late: 1, left: ['g1:p2', 'g1:p3'], leftAcks: [ack('p2', true), ack('p3')] };
    expect(noticeStats(notice, t, T0)).toEqual({ owed: 3, acked: 2, late: 0, overdue: 0 });
  });

  it('should call those who have not acknowledged overdue once the deadline has passed', () => {
    expect(noticeStats(notice, { acked: 1, late: 1, left: [], leftAcks: [] }, DUE)).toMatchObject({ overdue: 0 });
    expect(noticeStats(notice, { acked: 1, late: 1, left: [], leftAcks: [] }, DUE + 1)).toEqual({ owed: 4, acked: 1, late: 1, overdue: 3 });
  });
});
