// A protected file's storage id never reaches a client. On WeChat anyone holding a fileID could ask
// storage for it (wx.cloud.downloadFile, getTempFileURL) and bypass grants, expiry and the access
// log: the storage rule lets only the functions read (README), and views carry expiring links only.
import { DEFAULT_SETTINGS, type Role } from '../../src/contract';
import { openViolation, type ViolationCase } from '../../src/core/kinds/violation';
import { openSqliteStore } from '../../src/server/adapters/sqlite';
import type { Actor } from '../../src/server/context';
import type { Files } from '../../src/server/ports';
import { toCaseViews } from '../../src/server/reads/views';
import { membership, person, T0 } from './store.contract';

const EVIDENCE = 'cloud://qunwu-prod-7g2k.7175-qunwu-prod-7g2k-1300000000/evidence/p_admin1/1764000000000-a1b2.png';
const APPEAL_EVIDENCE = 'cloud://qunwu-prod-7g2k.7175-qunwu-prod-7g2k-1300000000/evidence/p_m1/1764003600000-c3d4.png';

/** Temp URLs as getTempFileURL hands them out: signed, expiring, and no fileID in them. */
const files: Files & { issued: number } = {
  issued: 0,
  owns: (id) => id.startsWith('cloud://'),
  read: async () => Buffer.from('png'),
  link: async (_id, expiresAt) => `https://7175-qunwu-prod-7g2k-1300000000.tcb.qcloud.la/t/${++files.issued}?sign=x&t=${expiresAt}`,
  remove: async () => undefined,
  put: async () => 'cloud://qunwu-prod-7g2k.7175-qunwu-prod-7g2k-1300000000/exports/x.xlsx',
} as Files & { issued: number };

function actor(personId: string, roles: Role[]): Actor {
  return {
    person: person(personId),
    openid: `o_${personId}`,
    isOwner: false,
    memberships: [membership('g1', personId, { roles: roles.filter((r) => r !== 'deptHead' && r !== 'owner') as never })],
    headOf: [],
    roles,
  };
}

/** A warning with an image, appealed by the member with an image of his own. */
function appealedViolation(): ViolationCase {
  const ctx = { now: T0, settings: DEFAULT_SETTINGS, admins: ['admin1', 'admin2'], leaders: ['boss'] };
  const c = openViolation({
    id: 'vi_1', groupId: 'g1', subjectId: 'm1', openedBy: 'admin1', requestId: 'r1', groupName: '项目A群', subjectName: '马超',
    category: '广告推销、擅自拉票集赞', description: '在群里连续发布保险推销广告', evidence: [EVIDENCE], severity: 'minor', proposed: 'warning',
    proposalReasons: [], priorCount: 0, step: 'warning', lighterReason: null, settingsVersion: 1, ctx,
  });
  return {
    ...c,
    state: 'vio_appealed',
    assignees: ['admin2'],
    data: { ...c.data, appeal: { reasons: '那是同事让我转发的活动链接', evidence: [APPEAL_EVIDENCE], at: T0 + 3_600_000, reviewers: ['admin2'] } },
  };
}

describe('storage file ids stay on the server', () => {
  it('should give every reader of a case its images as expiring links, and never a file id', async () => {
    const store = openSqliteStore(':memory:');
    for (const id of ['m1', 'admin1', 'admin2', 'boss']) await store.insertPerson(person(id));
    await store.insertGroup({ _id: 'g1', name: '项目A群', type: 'project', deptId: 'd1', creatorId: 'admin1', opengid: null, createdAt: T0 });
    const c = appealedViolation();
    const readers = [actor('m1', ['member']), actor('admin1', ['member', 'admin']), actor('admin2', ['member', 'admin']), actor('boss', ['leader'])];
    for (const reader of readers) {
      const [detail] = await toCaseViews(store, reader, [c], true, { now: T0 + 7_200_000, files });
      const [listed] = await toCaseViews(store, reader, [c], false, { now: T0 + 7_200_000 });
      const text = JSON.stringify([detail, listed]);
      expect(text).not.toContain('cloud://');
      expect(text).not.toContain('evidence/p_');
      for (const link of Object.values(detail.links ?? {}).flat()) expect(Object.keys(link).sort()).toEqual(expect.arrayContaining(['expiresAt', 'url']));
      if (reader.person._id === 'admin2') {
        // The reviewing admin sees both images (an image still under its content check included).
        expect(detail.links?.evidence).toEqual([expect.objectContaining({ url: expect.stringMatching(/^https:\/\//), expiresAt: expect.any(Number) })]);
        expect(detail.links?.appealEvidence).toEqual([expect.objectContaining({ url: expect.stringMatching(/^https:\/\//), expiresAt: expect.any(Number) })]);
      }
      // What the member wrote stays readable; only the files became links.
      expect(detail.data).toMatchObject({ appeal: { reasons: '那是同事让我转发的活动链接', reviewers: ['admin2'] } });
    }
    store.close();
  });
});
