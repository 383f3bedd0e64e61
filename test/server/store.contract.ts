// One behaviour for every Store: run against SQLite and against the wechat adapter over the fake
// cloud database. A difference between them is a bug in one of them.
import type { AckDoc, BackupDoc, Case, CheckpointDoc, DelegationDoc, ExportDoc, UploadDoc, Department, FileAccessDoc, GrantDoc, Group, Invitation, Membership, NoticeDoc, NotificationDoc, Person, SettingsDoc } from '../../src/core/model';
import { DEFAULT_SETTINGS } from '../../src/contract';
import type { CaseSearchQuery, ExportQuery, Files, OpenData, Store } from '../../src/server/ports';
import { dayOfDate } from '../../src/core/report-facts';

export interface StoreUnderTest {
  store: Store;
  close?: () => void | Promise<void>;
  /** The backend's storage beside the store, with a way to put a file there as a client upload would. */
  storage: { files: Files; put(bytes: Buffer): string | Promise<string> };
  /** The backend's open data, with the cloudID a member holds after opening the app from a chat. */
  openData: { openData: OpenData; chat(name: string): { cloudID: string; opengid: string } };
}

export const T0 = Date.parse('2026-11-24T10:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function person(id: string, over: Partial<Person> = {}): Person {
  return { _id: id, openid: `o_${id}`, name: `name ${id}`, deptId: 'd1', employeeNo: `E${id}`, status: 'active', external: false, createdAt: T0, ...over };
}

export function membership(groupId: string, personId: string, over: Partial<Membership> = {}): Membership {
  return { _id: `${groupId}:${personId}`, groupId, personId, roles: ['member'], nickname: null, status: 'active', updatedAt: T0, ...over };
}

export function makeCase(id: string, over: Partial<Case> = {}): Case {
  return {
    _id: id,
    kind: 'rename',
    groupId: 'g1',
    subjectId: 'p_subject',
    openedBy: 'p_subject',
    state: 'submitted',
    open: true,
    assignees: ['p_admin'],
    dueAt: T0 + 48 * HOUR,
    dueAtUnconfirmed: false,
    wakeAt: T0 + 24 * HOUR,
    escalation: 0,
    data: { nickname: '张三-市场部', previous: null, nested: { a: 1, b: [1, 2] } },
    history: [
      { seq: 1, at: T0, by: 'p_subject', action: 'submit', from: null, to: 'submitted', dueAt: T0 + 48 * HOUR, prevHash: '', hash: 'h1' },
    ],
    outbox: [],
    version: 1,
    settingsVersion: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function notification(id: string, to: string, over: Partial<NotificationDoc> = {}): NotificationDoc {
  return { _id: id, to, caseId: null, purpose: 'newTask', title: `title ${id}`, body: 'body', page: '/packages/case/pages/case/index', createdAt: T0, read: false, push: 'pending', ...over };
}

export function settingsDoc(version: number, over: Partial<SettingsDoc> = {}): SettingsDoc {
  return { _id: `v${version}`, version, values: DEFAULT_SETTINGS, updatedAt: T0 + version, updatedBy: null, ...over };
}

export function backup(id: string, over: Partial<BackupDoc> = {}): BackupDoc {
  return {
    _id: id,
    groupId: 'g1',
    from: '2026-10-01',
    to: '2026-10-31',
    storage: 'cloud',
    fileId: `local:${'a'.repeat(32)}`,
    fileName: '十月.txt',
    size: 12,
    location: null,
    sha256: 'f'.repeat(64),
    madeBy: 'p1',
    registeredBy: 'p1',
    requestId: `r-${id}`,
    lastVerify: null,
    history: [{ seq: 1, at: T0, by: 'p1', action: 'register', from: null, to: 'registered', dueAt: null, prevHash: '', hash: 'h1' }],
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function access(id: string, over: Partial<FileAccessDoc> = {}): FileAccessDoc {
  return { _id: id, type: 'link', caseId: 'c1', groupId: 'g1', backupId: 'b1', fileId: 'local:x', personId: 'p1', at: T0, expiresAt: T0 + HOUR, ...over };
}

/** An upload of `by`'s, recorded at `at`. */
export function upload(id: string, by: string, at: number, check: UploadDoc['check'] = { status: 'none' }): UploadDoc {
  return { _id: id, fileId: `local:${id}`, uploadedBy: by, uploadedAt: at, name: `${id}.png`, size: 8, contentType: 'image/png', sha256: 'a'.repeat(64), usedBy: [], used: false, check };
}

/** A notice published to g1 at T0, owed by p1 and p2. */
export function notice(id: string, over: Partial<NoticeDoc> = {}): NoticeDoc {
  return {
    _id: id,
    kind: 'general',
    title: `通知 ${id}`,
    body: '周五下午三点在三楼会议室开会。',
    deptId: 'd1',
    deptName: '市场部',
    publisherId: 'p_pub',
    publisherName: '王强',
    groupIds: ['g1'],
    groupNames: ['群 g1'],
    attachments: [{ fileId: 'local:f1', name: '议程', description: '会议议程', sha256: 'a'.repeat(64), size: 10 }],
    norm: `通知${id}周五下午三点在三楼会议室开会`,
    publishedAt: T0,
    ackDueAt: T0 + 72 * HOUR,
    keyFact: { question: '会议在哪天？', choices: ['周四', '周五', '周六'], answer: 1 },
    audience: [{ groupId: 'g1', personIds: ['p1', 'p2'] }],
    owed: ['p1', 'p2'],
    status: 'active',
    open: true,
    wakeAt: T0 + 24 * HOUR,
    reminders: 0,
    cursor: null,
    finalSent: false,
    requestId: `r-${id}`,
    version: 0,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function ack(noticeId: string, personId: string, over: Partial<AckDoc> = {}): AckDoc {
  return { _id: `${noticeId}:${personId}`, noticeId, personId, at: T0 + HOUR, late: false, ...over };
}

const outboxEntry = (id: string, to: string) => ({ id, to, purpose: 'newTask' as const, title: 't', body: 'b', page: '/p', createdAt: T0 });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const ids = (xs: { _id: string }[]) => xs.map((x) => x._id);

export function describeStore(name: string, makeStore: () => StoreUnderTest | Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let handle: StoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      handle = await makeStore();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.close?.();
    });

    describe('people and organisation', () => {
      it('should get a person by id, and null for an unknown id', async () => {
        await store.insertPerson(person('p1'));
        expect(await store.getPerson('p1')).toEqual(person('p1'));
        expect(await store.getPerson('nobody')).toBeNull();
      });

      it('should list every row however many pages the database answers in', async () => {
        const n = 250;
        for (let i = 0; i < n; i++) {
          await store.insertPerson(person(`p${String(i).padStart(3, '0')}`));
          await store.putMembership(membership('g1', `p${String(i).padStart(3, '0')}`));
          await store.insertCase(makeCase(`c${String(i).padStart(3, '0')}`, { assignees: ['p_admin'], dueAt: T0 + i }));
        }
        const people = await store.listPeople();
        expect(people).toHaveLength(n);
        expect(new Set(ids(people)).size).toBe(n);
        expect(await store.listMemberships()).toHaveLength(n);
        expect(await store.listRoster('g1')).toHaveLength(n);
        const inbox = await store.listInbox('p_admin', { offset: 20, limit: 200 });
        expect(inbox.total).toBe(n);
        expect(ids(inbox.items)).toEqual(Array.from({ length: 200 }, (_, i) => `c${String(i + 20).padStart(3, '0')}`));
      });

      it('should refuse a second person with the same id', async () => {
        await store.insertPerson(person('p1'));
        await expect(store.insertPerson(person('p1', { name: 'other' }))).rejects.toBeTruthy();
        expect((await store.getPerson('p1'))?.name).toBe('name p1');
      });

      it('should find a person by openid, and null for an unknown openid', async () => {
        await store.insertPerson(person('p1'));
        await store.insertPerson(person('p2', { openid: null }));
        expect((await store.getPersonByOpenid('o_p1'))?._id).toBe('p1');
        expect(await store.getPersonByOpenid('o_unknown')).toBeNull();
      });

      it('should get only the people asked for, once each', async () => {
        for (const id of ['p1', 'p2', 'p3']) await store.insertPerson(person(id));
        const got = await store.getPeople(['p3', 'p1', 'p1', 'nobody']);
        expect(ids(got).sort()).toEqual(['p1', 'p3']);
        expect(await store.getPeople([])).toEqual([]);
      });

      it('should list everyone by name', async () => {
        await store.insertPerson(person('p1', { name: 'c' }));
        await store.insertPerson(person('p2', { name: 'a' }));
        await store.insertPerson(person('p3', { name: 'b' }));
        expect((await store.listPeople()).map((p) => p.name)).toEqual(['a', 'b', 'c']);
      });

      it('should create a group with its first roster rows, once', async () => {
        const g: Group = { _id: 'g1', name: '新群', type: 'project', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 };
        expect(await store.createGroup(g, [membership('g1', 'p1'), membership('g1', 'p2', { roles: ['member', 'admin'] })])).toBe(true);
        expect(await store.getGroups(['g1'])).toEqual([g]);
        expect(await store.listMembershipsOfPerson('p2')).toEqual([membership('g1', 'p2', { roles: ['member', 'admin'] })]);
        // A second create of that id writes nothing, not even the rows.
        expect(await store.createGroup({ ...g, name: '别的群' }, [membership('g1', 'p2', { roles: ['leader'] }), membership('g1', 'p3')])).toBe(false);
        expect(await store.getGroups(['g1'])).toEqual([g]);
        expect(await store.listMembershipsOfPerson('p2')).toEqual([membership('g1', 'p2', { roles: ['member', 'admin'] })]);
        expect(await store.listMembershipsOfPerson('p3')).toEqual([]);
      });

      it('should read the whole directory at once, each list in its own order', async () => {
        expect(await store.getDirectory()).toEqual({ departments: [], people: [], groups: [], memberships: [] });
        const d2: Department = { _id: 'd2', name: '技术部', headId: null };
        const d1: Department = { _id: 'd1', name: '市场部', headId: 'p2' };
        await store.insertDepartment(d2);
        await store.insertDepartment(d1);
        await store.insertPerson(person('p1', { name: 'b' }));
        await store.insertPerson(person('p2', { name: 'a', deptId: 'd2' }));
        const g2: Group = { _id: 'g2', name: 'A群', type: 'project', deptId: 'd2', creatorId: 'p2', opengid: null, createdAt: T0 };
        const g1: Group = { _id: 'g1', name: 'B群', type: 'department', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 };
        await store.insertGroup(g1);
        await store.insertGroup(g2);
        await store.putMembership(membership('g2', 'p1'));
        await store.putMembership(membership('g1', 'p2', { roles: ['admin'] }));
        const dir = await store.getDirectory();
        expect(dir.departments).toEqual([d1, d2]);
        expect(dir.people.map((p) => p._id)).toEqual(['p2', 'p1']);
        expect(dir.people[0]).toEqual(person('p2', { name: 'a', deptId: 'd2' }));
        expect(dir.groups).toEqual([g2, g1]);
        expect(dir.memberships).toEqual([membership('g1', 'p2', { roles: ['admin'] }), membership('g2', 'p1')]);
      });

      it('should list departments and get groups by id', async () => {
        const d1: Department = { _id: 'd1', name: '市场部', headId: 'p1' };
        const d2: Department = { _id: 'd2', name: '技术部', headId: null };
        await store.insertDepartment(d1);
        await store.insertDepartment(d2);
        expect((await store.listDepartments()).sort((a, b) => a._id.localeCompare(b._id))).toEqual([d1, d2]);

        const g: Group = { _id: 'g1', name: '市场部群', type: 'department', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 };
        await store.insertGroup(g);
        expect(await store.getGroups(['g1', 'g_unknown'])).toEqual([g]);
        await expect(store.insertGroup(g)).rejects.toBeTruthy();
      });

      it('should insert or replace a membership by its id', async () => {
        await store.putMembership(membership('g1', 'p1'));
        await store.putMembership(membership('g1', 'p1', { nickname: '张三-市场部', roles: ['admin'] }));
        const ms = await store.listMembershipsOfPerson('p1');
        expect(ms).toEqual([membership('g1', 'p1', { nickname: '张三-市场部', roles: ['admin'] })]);
      });

      it('should list every membership of a person, any status', async () => {
        await store.putMembership(membership('g1', 'p1'));
        await store.putMembership(membership('g2', 'p1', { status: 'left' }));
        await store.putMembership(membership('g1', 'p2'));
        expect(ids(await store.listMembershipsOfPerson('p1')).sort()).toEqual(['g1:p1', 'g2:p1']);
        expect(await store.listMembershipsOfPerson('nobody')).toEqual([]);
      });


      it('should load an actor by openid: the person, every membership, the departments they head', async () => {
        await store.insertPerson(person('p1'));
        await store.insertPerson(person('p2'));
        await store.putMembership(membership('g2', 'p1', { roles: ['member', 'admin'] }));
        await store.putMembership(membership('g1', 'p1', { status: 'left' }));
        await store.putMembership(membership('g1', 'p2'));
        await store.insertDepartment({ _id: 'd2', name: '技术部', headId: 'p1' });
        await store.insertDepartment({ _id: 'd1', name: '市场部', headId: 'p1' });
        await store.insertDepartment({ _id: 'd3', name: '行政部', headId: 'p2' });
        const a = await store.getActor('o_p1');
        expect(a).toEqual({
          person: person('p1'),
          memberships: [membership('g1', 'p1', { status: 'left' }), membership('g2', 'p1', { roles: ['member', 'admin'] })],
          headOf: ['d1', 'd2'],
          departed: false,
        });
        expect(await store.getActor('o_unknown')).toBeNull();
        await store.insertPerson(person('p3'));
        expect(await store.getActor('o_p3')).toEqual({ person: person('p3'), memberships: [], headOf: [], departed: false });
      });

      it('should set a nickname on an existing roster row only, keeping its roles and status', async () => {
        await store.putMembership(membership('g1', 'p1', { roles: ['member', 'admin'] }));
        expect(await store.setNickname('g1', 'p1', '张三-市场部', T0 + 5)).toBe(true);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { roles: ['member', 'admin'], nickname: '张三-市场部', updatedAt: T0 + 5 })]);
        expect(await store.setNickname('g1', 'nobody', '某某', T0)).toBe(false);
        expect(await store.listMembershipsOfPerson('nobody')).toEqual([]);
      });

      it('should add and remove one role in place, once, on an existing roster row only', async () => {
        await store.putMembership(membership('g1', 'p1', { nickname: '张三-市场部' }));
        expect(await store.setMembershipRole('g1', 'p1', 'admin', true, T0 + 1)).toBe(true);
        expect(await store.setMembershipRole('g1', 'p1', 'admin', true, T0 + 2)).toBe(true);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { nickname: '张三-市场部', roles: ['member', 'admin'], updatedAt: T0 + 2 })]);
        expect(await store.setMembershipRole('g1', 'p1', 'member', false, T0 + 3)).toBe(true);
        expect((await store.listMembershipsOfPerson('p1'))[0].roles).toEqual(['admin']);
        expect(await store.setMembershipRole('g1', 'nobody', 'admin', true, T0)).toBe(false);
        expect(await store.listMembershipsOfPerson('nobody')).toEqual([]);
      });

      it('should set a roster row active (as a member) or left in place, keeping its other fields', async () => {
        await store.putMembership(membership('g1', 'p1', { roles: ['leader'], nickname: '李四' }));
        expect(await store.setMembershipStatus('g1', 'p1', 'left', T0 + 1)).toBe(true);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { roles: ['leader'], nickname: '李四', status: 'left', updatedAt: T0 + 1 })]);
        expect(await store.setMembershipStatus('g1', 'p1', 'active', T0 + 2)).toBe(true);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { roles: ['leader', 'member'], nickname: '李四', updatedAt: T0 + 2 })]);
        expect(await store.setMembershipStatus('g1', 'nobody', 'active', T0)).toBe(false);
        expect(await store.listMembershipsOfPerson('nobody')).toEqual([]);
      });

      it("should set and clear a roster row's open fix in place, clearing only the fix it still holds", async () => {
        await store.putMembership(membership('g1', 'p1', { roles: ['member', 'admin'], nickname: '磊磊' }));
        expect(await store.setMembershipFix('g1', 'p1', 'nf_1')).toBe(true);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { roles: ['member', 'admin'], nickname: '磊磊', fixCaseId: 'nf_1' })]);
        expect(await store.setMembershipFix('g1', 'p1', 'nf_1')).toBe(false);
        // A newer fix took the row: the older one closing leaves it.
        expect(await store.setMembershipFix('g1', 'p1', 'nf_2')).toBe(true);
        expect(await store.setMembershipFix('g1', 'p1', null, 'nf_1')).toBe(false);
        expect((await store.listMembershipsOfPerson('p1'))[0].fixCaseId).toBe('nf_2');
        expect(await store.setMembershipFix('g1', 'p1', null, 'nf_2')).toBe(true);
        expect(await store.setMembershipFix('g1', 'p1', null, 'nf_2')).toBe(false);
        expect(await store.listMembershipsOfPerson('p1')).toEqual([membership('g1', 'p1', { roles: ['member', 'admin'], nickname: '磊磊', fixCaseId: null })]);
        expect(await store.setMembershipFix('g1', 'nobody', 'nf_3')).toBe(false);
        expect(await store.listMembershipsOfPerson('nobody')).toEqual([]);
      });

      it('should keep a fix set at the same moment as a role change and a nickname on one row', async () => {
        await store.putMembership(membership('g1', 'p1'));
        await Promise.all([store.setMembershipFix('g1', 'p1', 'nf_1'), store.setNickname('g1', 'p1', '张三-市场部', T0), store.setMembershipRole('g1', 'p1', 'admin', true, T0)]);
        const [m] = await store.listMembershipsOfPerson('p1');
        expect(m).toMatchObject({ fixCaseId: 'nf_1', nickname: '张三-市场部', roles: ['member', 'admin'] });
      });

      it('should keep both of two role changes made at once on one row', async () => {
        await store.putMembership(membership('g1', 'p1'));
        await Promise.all([store.setMembershipRole('g1', 'p1', 'admin', true, T0), store.setNickname('g1', 'p1', '张三-市场部', T0), store.setMembershipRole('g1', 'p1', 'leader', true, T0)]);
        const [m] = await store.listMembershipsOfPerson('p1');
        expect([...m.roles].sort()).toEqual(['admin', 'leader', 'member']);
        expect(m.nickname).toBe('张三-市场部');
      });
      it('should list the roster as active memberships joined with their people, without those who left', async () => {
        for (const id of ['p1', 'p2', 'p3']) await store.insertPerson(person(id));
        await store.putMembership(membership('g1', 'p1', { roles: ['admin'] }));
        await store.putMembership(membership('g1', 'p2', { status: 'left' }));
        await store.putMembership(membership('g1', 'p3'));
        await store.putMembership(membership('g2', 'p2'));
        const roster = await store.listRoster('g1');
        expect(roster.map((r) => [r.membership._id, r.person._id]).sort()).toEqual([
          ['g1:p1', 'p1'],
          ['g1:p3', 'p3'],
        ]);
        expect(roster.find((r) => r.person._id === 'p1')).toEqual({ membership: membership('g1', 'p1', { roles: ['admin'] }), person: person('p1') });
      });

      it('should list every membership of every group, left ones too, in _id order', async () => {
        await store.putMembership(membership('g2', 'p1'));
        await store.putMembership(membership('g1', 'p2', { status: 'left' }));
        await store.putMembership(membership('g1', 'p1', { roles: ['admin'] }));
        expect(await store.listMemberships()).toEqual([membership('g1', 'p1', { roles: ['admin'] }), membership('g1', 'p2', { status: 'left' }), membership('g2', 'p1')]);
      });

      it('should list a roster longer than one cloud database page (1000)', async () => {
        const n = 1005;
        for (let i = 0; i < n; i++) {
          const id = `p${String(i).padStart(4, '0')}`;
          await store.insertPerson(person(id));
          await store.putMembership(membership('g_big', id));
        }
        const roster = await store.listRoster('g_big');
        expect(roster).toHaveLength(n);
        expect(new Set(roster.map((r) => r.person._id)).size).toBe(n);
      });
    });

    describe('cases', () => {
      it('should return a stored case exactly as given, and null for an unknown id', async () => {
        const c = makeCase('c1', { outbox: [outboxEntry('n1', 'p_admin')], dueAt: null, wakeAt: null });
        expect(await store.insertCase(c)).toBe(true);
        expect(await store.getCase('c1')).toEqual(c);
        expect(await store.getCase('c_unknown')).toBeNull();
      });

      it('should insert a case once: the same id again returns false and keeps the first', async () => {
        expect(await store.insertCase(makeCase('c1'))).toBe(true);
        expect(await store.insertCase(makeCase('c1', { state: 'approved' }))).toBe(false);
        expect((await store.getCase('c1'))?.state).toBe('submitted');
      });

      it('should update at the expected version and store version + 1', async () => {
        await store.insertCase(makeCase('c1', { version: 3 }));
        expect(await store.updateCase(makeCase('c1', { version: 3, state: 'approved' }), 3)).toBe(true);
        const saved = await store.getCase('c1');
        expect(saved?.state).toBe('approved');
        expect(saved?.version).toBe(4);
      });

      it('should refuse an update at a stale version and leave the case as it was', async () => {
        await store.insertCase(makeCase('c1'));
        expect(await store.updateCase(makeCase('c1', { state: 'approved' }), 1)).toBe(true);
        // A second writer that read version 1 too loses.
        expect(await store.updateCase(makeCase('c1', { state: 'rejected' }), 1)).toBe(false);
        const saved = await store.getCase('c1');
        expect(saved?.state).toBe('approved');
        expect(saved?.version).toBe(2);
        expect(await store.updateCase(makeCase('c_unknown'), 1)).toBe(false);
      });

      it('should let exactly one of two concurrent updates at the same version win', async () => {
        await store.insertCase(makeCase('c1'));
        const results = await Promise.all([
          store.updateCase(makeCase('c1', { state: 'approved' }), 1),
          store.updateCase(makeCase('c1', { state: 'rejected' }), 1),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.getCase('c1'))?.version).toBe(2);
      });

      it('should replace data, history and outbox wholesale on update', async () => {
        await store.insertCase(makeCase('c1', { outbox: [outboxEntry('n1', 'a'), outboxEntry('n2', 'b')] }));
        const next = makeCase('c1', { data: { nickname: 'new' }, history: [], outbox: [outboxEntry('n2', 'b')] });
        expect(await store.updateCase(next, 1)).toBe(true);
        const saved = await store.getCase('c1');
        expect(saved?.data).toEqual({ nickname: 'new' });
        expect(saved?.history).toEqual([]);
        expect(saved?.outbox).toEqual([outboxEntry('n2', 'b')]);
        expect(saved).toEqual({ ...next, version: 2 });
      });

      it('should neither mutate the case it is given nor share objects with what it returns', async () => {
        const c = deepFreeze(makeCase('c1'));
        await store.insertCase(c);
        await store.updateCase(c, 1);
        expect(c.version).toBe(1);
        const a = (await store.getCase('c1'))!;
        a.assignees.push('someone');
        (a.data as { nickname: string }).nickname = 'changed';
        const b = (await store.getCase('c1'))!;
        expect(b.assignees).toEqual(['p_admin']);
        expect(b.data.nickname).toBe('张三-市场部');
      });

      describe('inbox', () => {
        it('should list my open cases earliest deadline first, no deadline last, ties by creation', async () => {
          await store.insertCase(makeCase('no_deadline', { dueAt: null, createdAt: T0 - 10 }));
          await store.insertCase(makeCase('later', { dueAt: T0 + 5 * HOUR }));
          await store.insertCase(makeCase('soon_b', { dueAt: T0 + HOUR, createdAt: T0 + 2 }));
          await store.insertCase(makeCase('soon_a', { dueAt: T0 + HOUR, createdAt: T0 + 1 }));
          await store.insertCase(makeCase('overdue', { dueAt: T0 - HOUR }));
          await store.insertCase(makeCase('no_deadline_2', { dueAt: null, createdAt: T0 }));
          const page = await store.listInbox('p_admin', { offset: 0, limit: 20 });
          expect(ids(page.items)).toEqual(['overdue', 'soon_a', 'soon_b', 'later', 'no_deadline', 'no_deadline_2']);
          expect(page.total).toBe(6);
          expect(page.items[4].dueAt).toBeNull();
        });

        it('should list only open cases assigned to me', async () => {
          await store.insertCase(makeCase('mine', { assignees: ['p_other', 'p_admin'] }));
          await store.insertCase(makeCase('closed', { open: false, state: 'approved' }));
          await store.insertCase(makeCase('theirs', { assignees: ['p_other'] }));
          await store.insertCase(makeCase('nobody', { assignees: [] }));
          const page = await store.listInbox('p_admin', { offset: 0, limit: 20 });
          expect(ids(page.items)).toEqual(['mine']);
          expect(page.total).toBe(1);
          expect(ids((await store.listInbox('p_other', { offset: 0, limit: 20 })).items).sort()).toEqual(['mine', 'theirs']);
        });

        it('should page through the inbox with a total of all matches', async () => {
          for (let i = 0; i < 7; i++) await store.insertCase(makeCase(`c${i}`, { dueAt: T0 + i * HOUR }));
          const p1 = await store.listInbox('p_admin', { offset: 0, limit: 3 });
          const p3 = await store.listInbox('p_admin', { offset: 6, limit: 3 });
          expect(ids(p1.items)).toEqual(['c0', 'c1', 'c2']);
          expect(ids(p3.items)).toEqual(['c6']);
          expect(p1.total).toBe(7);
          expect(p3.total).toBe(7);
          const none = await store.listInbox('p_admin', { offset: 0, limit: 0 });
          expect(none).toEqual({ items: [], total: 7 });
          expect((await store.listInbox('p_admin', { offset: 50, limit: 3 })).items).toEqual([]);
        });

        it('should follow updates: new assignees, a new deadline, a closed case', async () => {
          await store.insertCase(makeCase('c1', { dueAt: T0 + 10 * HOUR }));
          await store.insertCase(makeCase('c2', { dueAt: T0 + 5 * HOUR }));
          await store.updateCase(makeCase('c1', { dueAt: T0 + HOUR }), 1);
          expect(ids((await store.listInbox('p_admin', { offset: 0, limit: 10 })).items)).toEqual(['c1', 'c2']);
          await store.updateCase(makeCase('c1', { dueAt: T0 + HOUR, assignees: ['p_leader'] }), 2);
          await store.updateCase(makeCase('c2', { open: false, state: 'approved' }), 1);
          expect(await store.listInbox('p_admin', { offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
          expect(ids((await store.listInbox('p_leader', { offset: 0, limit: 10 })).items)).toEqual(['c1']);
        });
      });

      describe('search (全部事项)', () => {
        const q = (over: Partial<CaseSearchQuery> = {}): CaseSearchQuery => ({ groupIds: null, order: 'dueDesc', offset: 0, limit: 20, countCap: 1000, ...over });
        const rename = (id: string, nickname: string, over: Partial<Case> = {}) => makeCase(id, { data: { nickname, previous: null }, ...over });
        beforeEach(async () => {
          await store.insertCase(rename('a', '张伟-市场部', { dueAt: T0 + 1 * HOUR, createdAt: T0 - 3 * HOUR }));
          await store.insertCase(rename('b', '李娜-技术部', { groupId: 'g2', subjectId: 'p_li', openedBy: 'p_li', dueAt: T0 + 2 * HOUR, createdAt: T0 - 2 * HOUR }));
          await store.insertCase(rename('c', '王强-市场部', { open: false, state: 'approved', assignees: [], dueAt: T0 - 5 * HOUR, createdAt: T0 - 30 * HOUR }));
          await store.insertCase(rename('d', '马超-项目A群', { dueAt: T0 - 1 * HOUR, createdAt: T0 - 20 * HOUR }));
          await store.insertCase(makeCase('e', { kind: 'violation', state: 'vio_decided', subjectId: 'p_ma', openedBy: 'p_admin', dueAt: null, createdAt: T0 - 10 * HOUR, data: { subjectName: '马超', category: '发布广告', penalty: 'warning' } }));
        });

        it('should order by deadline newest or oldest first, a case without one at its opening time', async () => {
          expect(ids((await store.searchCases(q())).items)).toEqual(['b', 'a', 'd', 'c', 'e']);
          expect(ids((await store.searchCases(q({ order: 'dueAsc' }))).items)).toEqual(['e', 'c', 'd', 'a', 'b']);
        });

        it('should filter by groups, kinds, states, people (subject or requester) and opening period', async () => {
          expect(ids((await store.searchCases(q({ groupIds: ['g2'] }))).items)).toEqual(['b']);
          expect(ids((await store.searchCases(q({ groupIds: [] }))).items)).toEqual([]);
          expect(ids((await store.searchCases(q({ kinds: ['violation'] }))).items)).toEqual(['e']);
          expect(ids((await store.searchCases(q({ states: ['approved', 'vio_decided'] }))).items)).toEqual(['c', 'e']);
          expect(ids((await store.searchCases(q({ personIds: ['p_li', 'p_ma'] }))).items)).toEqual(['b', 'e']);
          expect(ids((await store.searchCases(q({ personIds: ['p_admin'] }))).items)).toEqual(['e']);
          expect(ids((await store.searchCases(q({ openedFrom: T0 - 20 * HOUR, openedTo: T0 - 3 * HOUR }))).items)).toEqual(['a', 'd', 'e']);
        });

        it('should find only open cases past their deadline when overdue only', async () => {
          const page = await store.searchCases(q({ overdueAt: T0, order: 'dueAsc' }));
          expect(ids(page.items)).toEqual(['d']);
        });

        it('should match title words by any part of a word, every word given', async () => {
          expect(ids((await store.searchCases(q({ words: ['市场部'] }))).items)).toEqual(['a', 'c']);
          expect(ids((await store.searchCases(q({ words: ['场部'] }))).items)).toEqual(['a', 'c']);
          expect(ids((await store.searchCases(q({ words: ['张伟', '市场'] }))).items)).toEqual(['a']);
          expect(ids((await store.searchCases(q({ words: ['项目a'] }))).items)).toEqual(['d']);
          expect(ids((await store.searchCases(q({ words: ['广告'] }))).items)).toEqual(['e']);
          expect(ids((await store.searchCases(q({ words: ['伟-市'] }))).items)).toEqual([]);
        });

        it('should find the people of the searched groups by name or recorded nickname, and their cases', async () => {
          await store.insertPerson(person('p_li', { name: '李娜' }));
          await store.insertPerson(person('p_ma', { name: '马超' }));
          await store.insertPerson(person('p_admin', { name: '刘洋' }));
          await store.putMembership(membership('g2', 'p_li'));
          await store.putMembership(membership('g1', 'p_ma', { nickname: '超哥-技术部' }));
          await store.putMembership(membership('g1', 'p_admin'));
          const byName = await store.searchCases(q({ personText: '李娜' }));
          expect(ids(byName.people ?? [])).toEqual(['p_li']);
          expect(ids(byName.items)).toEqual(['b']);
          // A recorded nickname; and in g1 only, 李娜 (a g2 member) is not found at all.
          expect(ids((await store.searchCases(q({ personText: '超哥', groupIds: ['g1'] }))).people ?? [])).toEqual(['p_ma']);
          expect(await store.searchCases(q({ personText: '李娜', groupIds: ['g1'] }))).toMatchObject({ items: [], total: 0, people: [] });
          // Requester or subject: 刘洋 opened e.
          expect(ids((await store.searchCases(q({ personText: '刘洋', groupIds: ['g1'] }))).items)).toEqual(['e']);
          // More people than the cap: they come back (cap + 1) and no cases are read.
          expect(await store.searchCases(q({ personText: '-', peopleCap: 0 }))).toMatchObject({ items: [], total: 0 });
        });

        it('should combine filters, page with a total, and cap the count', async () => {
          const p1 = await store.searchCases(q({ kinds: ['rename'], groupIds: ['g1', 'g2'], limit: 2 }));
          expect(ids(p1.items)).toEqual(['b', 'a']);
          expect(p1).toMatchObject({ total: 4, capped: false });
          const p2 = await store.searchCases(q({ kinds: ['rename'], groupIds: ['g1', 'g2'], limit: 2, offset: 2 }));
          expect(ids(p2.items)).toEqual(['d', 'c']);
          expect(await store.searchCases(q({ countCap: 3 }))).toMatchObject({ total: 3, capped: true });
        });

        it('should order, page, count and filter title matches across every word they start (each case once)', async () => {
          // 市场 starts three words: 市场部 (a, c, f), 市场部市场部 (f again), 市场营销 (g).
          await store.insertCase(rename('f', '市场部市场部', { groupId: 'g2', dueAt: T0 + 3 * HOUR, createdAt: T0 - 1 * HOUR }));
          await store.insertCase(rename('g', '市场营销', { dueAt: T0 - 2 * HOUR, createdAt: T0 - 25 * HOUR }));
          const all = await store.searchCases(q({ words: ['市场'] }));
          expect(ids(all.items)).toEqual(['f', 'a', 'g', 'c']);
          expect(all).toMatchObject({ total: 4, capped: false });
          expect(ids((await store.searchCases(q({ words: ['市场'], order: 'dueAsc' }))).items)).toEqual(['c', 'g', 'a', 'f']);
          const p2 = await store.searchCases(q({ words: ['市场'], limit: 2, offset: 1 }));
          expect(ids(p2.items)).toEqual(['a', 'g']);
          expect(p2.total).toBe(4);
          expect(await store.searchCases(q({ words: ['市场'], countCap: 2 }))).toMatchObject({ total: 2, capped: true });
          expect(ids((await store.searchCases(q({ words: ['市场'], groupIds: ['g1'] }))).items)).toEqual(['a', 'g', 'c']);
          expect(ids((await store.searchCases(q({ words: ['营销'], groupIds: ['g1', 'g2'] }))).items)).toEqual(['g']);
          expect(ids((await store.searchCases(q({ words: ['营销'], groupIds: ['g2'] }))).items)).toEqual([]);
          expect(ids((await store.searchCases(q({ words: ['市场'], overdueAt: T0, order: 'dueAsc' }))).items)).toEqual(['g']);
          expect(ids((await store.searchCases(q({ words: ['市场'], openedFrom: T0 - 4 * HOUR }))).items)).toEqual(['f', 'a']);
          expect(ids((await store.searchCases(q({ words: ['市场'], states: ['approved'] }))).items)).toEqual(['c']);
          expect(ids((await store.searchCases(q({ words: ['市场', '营销'] }))).items)).toEqual(['g']);
          expect(await store.searchCases(q({ words: ['市场'], kinds: ['violation'] }))).toMatchObject({ items: [], total: 0 });
        });

        it('should follow updates: a new deadline, a closed case, a changed title', async () => {
          await store.updateCase(rename('d', '马超-项目A群', { open: false, state: 'approved', dueAt: T0 - 1 * HOUR, createdAt: T0 - 20 * HOUR }), 1);
          expect(ids((await store.searchCases(q({ overdueAt: T0 }))).items)).toEqual([]);
          await store.updateCase(rename('a', '赵敏-行政部', { dueAt: T0 + 9 * HOUR, createdAt: T0 - 3 * HOUR }), 1);
          expect(ids((await store.searchCases(q({ words: ['张伟'] }))).items)).toEqual([]);
          expect(ids((await store.searchCases(q({ words: ['赵敏'] }))).items)).toEqual(['a']);
          expect(ids((await store.searchCases(q())).items)[0]).toBe('a');
        });
      });

      it('should list the cases I opened or that are about me, newest change first, each once', async () => {
        await store.insertCase(makeCase('mine_about_me', { openedBy: 'me', subjectId: 'me', updatedAt: T0 + 1 }));
        await store.insertCase(makeCase('opened_by_me', { openedBy: 'me', subjectId: 'x', updatedAt: T0 + 3 }));
        await store.insertCase(makeCase('about_me', { openedBy: 'admin', subjectId: 'me', updatedAt: T0 + 2 }));
        await store.insertCase(makeCase('not_mine', { openedBy: 'x', subjectId: 'x', assignees: ['me'], updatedAt: T0 + 9 }));
        const page = await store.listCasesOfPerson('me', { offset: 0, limit: 10 });
        expect(ids(page.items)).toEqual(['opened_by_me', 'about_me', 'mine_about_me']);
        expect(page.total).toBe(3);
        const second = await store.listCasesOfPerson('me', { offset: 1, limit: 1 });
        expect(ids(second.items)).toEqual(['about_me']);
        expect(second.total).toBe(3);
      });

      it('should list the open cases of one kind about one subject in one group', async () => {
        await store.insertCase(makeCase('hit', { subjectId: 's', groupId: 'g1' }));
        await store.insertCase(makeCase('closed', { subjectId: 's', groupId: 'g1', open: false }));
        await store.insertCase(makeCase('other_group', { subjectId: 's', groupId: 'g2' }));
        await store.insertCase(makeCase('other_subject', { subjectId: 't', groupId: 'g1' }));
        expect(ids(await store.listOpenCases('rename', 'g1', 's'))).toEqual(['hit']);
        expect(await store.listOpenCases('rename', 'g9', 's')).toEqual([]);
      });

      it('should list the open cases of one kind about one subject across groups, oldest first', async () => {
        await store.insertCase(makeCase('g2_later', { subjectId: 's', groupId: 'g2', createdAt: T0 + 1 }));
        await store.insertCase(makeCase('g1_first', { subjectId: 's', groupId: 'g1' }));
        await store.insertCase(makeCase('closed', { subjectId: 's', groupId: 'g1', open: false }));
        await store.insertCase(makeCase('other_subject', { subjectId: 't', groupId: 'g1' }));
        await store.insertCase(makeCase('other_kind', { kind: 'onboard', subjectId: 's', groupId: 'g1' }));
        expect(ids(await store.listOpenCasesAbout('rename', 's'))).toEqual(['g1_first', 'g2_later']);
        expect(await store.listOpenCasesAbout('rename', 'nobody')).toEqual([]);
      });

      it('should list the open cases of one kind in a whole group, oldest first', async () => {
        await store.insertCase(makeCase('later', { subjectId: 't', groupId: 'g1', createdAt: T0 + 1 }));
        await store.insertCase(makeCase('first', { subjectId: 's', groupId: 'g1' }));
        await store.insertCase(makeCase('closed', { subjectId: 's', groupId: 'g1', open: false }));
        await store.insertCase(makeCase('other_group', { subjectId: 's', groupId: 'g2' }));
        await store.insertCase(makeCase('other_kind', { kind: 'naming_fix', subjectId: 's', groupId: 'g1' }));
        expect(ids(await store.listOpenCases('rename', 'g1'))).toEqual(['first', 'later']);
      });

      it("should list a member's cases of one kind in one group since a time, open or closed, oldest first", async () => {
        const v = (id: string, over: Partial<Case>) => makeCase(id, { kind: 'violation', subjectId: 's', groupId: 'g1', ...over });
        await store.insertCase(v('later_closed', { createdAt: T0 + 2 * HOUR, open: false }));
        await store.insertCase(v('first', { createdAt: T0 }));
        await store.insertCase(v('too_old', { createdAt: T0 - 1 }));
        await store.insertCase(v('other_group', { groupId: 'g2', createdAt: T0 + HOUR }));
        await store.insertCase(v('other_subject', { subjectId: 't', createdAt: T0 + HOUR }));
        await store.insertCase(makeCase('other_kind', { subjectId: 's', groupId: 'g1', createdAt: T0 + HOUR }));
        expect(ids(await store.listCasesAbout('violation', 'g1', 's', T0))).toEqual(['first', 'later_closed']);
        expect(ids(await store.listCasesAbout('violation', 'g1', 's', T0 + HOUR))).toEqual(['later_closed']);
        expect(await store.listCasesAbout('violation', 'g9', 's', 0)).toEqual([]);
      });

      it("should list a group's cases of one kind, open or closed, oldest first", async () => {
        await store.insertCase(makeCase('second', { kind: 'election', groupId: 'g1', createdAt: T0 + HOUR }));
        await store.insertCase(makeCase('first', { kind: 'election', groupId: 'g1', createdAt: T0, open: false }));
        await store.insertCase(makeCase('other_group', { kind: 'election', groupId: 'g2', createdAt: T0 }));
        await store.insertCase(makeCase('other_kind', { groupId: 'g1', createdAt: T0 }));
        expect(ids(await store.listCasesOfKind('election', 'g1'))).toEqual(['first', 'second']);
        expect(await store.listCasesOfKind('election', 'g9')).toEqual([]);
      });

      it('should list open cases due by now, earliest first, up to the limit', async () => {
        await store.insertCase(makeCase('due_late', { wakeAt: T0 - HOUR }));
        await store.insertCase(makeCase('due_early', { wakeAt: T0 - 5 * HOUR }));
        await store.insertCase(makeCase('due_now', { wakeAt: T0 }));
        await store.insertCase(makeCase('future', { wakeAt: T0 + 1 }));
        await store.insertCase(makeCase('untimed', { wakeAt: null }));
        await store.insertCase(makeCase('closed', { wakeAt: T0 - 9 * HOUR, open: false }));
        expect(ids(await store.listDueCases(T0, 10))).toEqual(['due_early', 'due_late', 'due_now']);
        expect(ids(await store.listDueCases(T0, 2))).toEqual(['due_early', 'due_late']);
        expect(await store.listDueCases(T0 - 10 * HOUR, 10)).toEqual([]);
      });

      it('should replace only the outbox, at the stored version, keeping that version', async () => {
        const entry = (id: string) => ({ id, to: 'a', purpose: 'newTask' as const, title: 't', body: 'b', page: '/p', createdAt: T0 });
        const c = makeCase('c1', { outbox: [entry('n1'), entry('n2')] });
        await store.insertCase(c);
        expect(await store.setOutbox(c, [entry('n2')])).toBe(true);
        expect(await store.getCase('c1')).toEqual({ ...c, outbox: [entry('n2')] });
        expect(ids(await store.listCasesWithOutbox(10))).toEqual(['c1']);
        expect(await store.setOutbox(c, [])).toBe(true);
        expect(await store.listCasesWithOutbox(10)).toEqual([]);
        // A decision saved meanwhile wins: the outbox of an older version is not written over it.
        await store.updateCase({ ...c, state: 'approved', outbox: [entry('n3')] }, 1);
        expect(await store.setOutbox(c, [])).toBe(false);
        expect(await store.getCase('c1')).toMatchObject({ version: 2, state: 'approved', outbox: [entry('n3')] });
      });

      it('should list the cases with undispatched outbox entries, until they are dispatched', async () => {
        await store.insertCase(makeCase('empty'));
        await store.insertCase(makeCase('one', { outbox: [outboxEntry('n1', 'a')] }));
        await store.insertCase(makeCase('two', { outbox: [outboxEntry('n2', 'a'), outboxEntry('n3', 'b')], open: false }));
        expect(ids(await store.listCasesWithOutbox(10)).sort()).toEqual(['one', 'two']);
        expect(await store.listCasesWithOutbox(1)).toHaveLength(1);
        await store.updateCase(makeCase('one', { outbox: [] }), 1);
        expect(ids(await store.listCasesWithOutbox(10))).toEqual(['two']);
      });

      it('should page through every case in id order, open or closed', async () => {
        for (const id of ['c3', 'c1', 'c2', 'c4']) await store.insertCase(makeCase(id, { open: id !== 'c2' }));
        expect(ids(await store.listCasesAfter(null, 3))).toEqual(['c1', 'c2', 'c3']);
        expect(ids(await store.listCasesAfter('c3', 3))).toEqual(['c4']);
        expect(await store.listCasesAfter('c4', 3)).toEqual([]);
      });
    });

    describe('what getActor reads in its one round trip', () => {
      it('should see a departure record the moment it is written, before the person is marked left', async () => {
        await store.insertPerson(person('p1'));
        await store.insertPerson(person('p2'));
        await store.insertCase(makeCase('dep_p2x', { kind: 'departure', subjectId: 'p1' }));
        expect((await store.getActor('o_p1'))!.departed).toBe(false);
        await store.insertCase(makeCase('dep_p1', { kind: 'departure', subjectId: 'p1', open: false }));
        expect(await store.getActor('o_p1')).toMatchObject({ person: { status: 'active' }, departed: true });
        expect((await store.getActor('o_p2'))!.departed).toBe(false);
      });

      it('should read the caller\'s recent uploads and named upload records, and the cases they opened, only when asked', async () => {
        await store.insertPerson(person('p1'));
        await store.insertUpload(upload('f_old', 'p1', T0 - 2 * HOUR));
        await store.insertUpload(upload('f_new', 'p1', T0));
        await store.insertUpload(upload('f_theirs', 'p2', T0));
        await store.insertCase(makeCase('c_old', { openedBy: 'p1', createdAt: T0 - 2 * HOUR }));
        await store.insertCase(makeCase('c_new', { openedBy: 'p1', kind: 'guest', createdAt: T0 }));
        await store.insertCase(makeCase('c_about', { openedBy: 'p2', subjectId: 'p1', createdAt: T0 }));
        const plain = await store.getActor('o_p1');
        expect(plain).not.toHaveProperty('uploads');
        expect(plain).not.toHaveProperty('opened');
        const a = await store.getActor('o_p1', { uploadsSince: T0 - HOUR, uploadIds: ['f_theirs', 'f_new', 'f_none'], openedSince: T0 - HOUR });
        expect(a!.uploads!.map((u) => u._id)).toEqual(['f_new', 'f_theirs']);
        expect(a!.uploads![0]).toEqual(upload('f_new', 'p1', T0));
        expect(a!.opened).toEqual([{ _id: 'c_new', kind: 'guest', createdAt: T0 }]);
        expect((await store.getActor('o_p1', { uploadIds: ['f_old'] }))!.uploads!.map((u) => u._id)).toEqual(['f_old']);
      });
    });

    describe('delegations (代理)', () => {
      const delegation = (delegatorId: string, delegateId: string, from: number, to: number): DelegationDoc => ({
        _id: delegatorId,
        delegatorId,
        delegateId,
        delegatorName: delegatorId,
        delegateName: delegateId,
        from,
        to,
        createdAt: T0,
        updatedAt: T0,
      });

      it('should keep one delegation per delegator, replaced by a new one, and get them by delegator', async () => {
        await store.putDelegation(delegation('p1', 'p2', T0, T0 + DAY));
        await store.putDelegation(delegation('p1', 'p3', T0, T0 + 2 * DAY));
        await store.putDelegation(delegation('p4', 'p2', T0, T0 + DAY));
        expect(await store.getDelegations(['p1'])).toEqual([delegation('p1', 'p3', T0, T0 + 2 * DAY)]);
        expect(ids(await store.getDelegations(['p1', 'p4', 'p_none'])).sort()).toEqual(['p1', 'p4']);
        expect(await store.getDelegations([])).toEqual([]);
      });

      it('should list the delegations naming a delegate that end after a time, earliest end first', async () => {
        await store.putDelegation(delegation('p1', 'p2', T0, T0 + 3 * DAY));
        await store.putDelegation(delegation('p3', 'p2', T0, T0 + DAY));
        await store.putDelegation(delegation('p4', 'p2', T0 - 2 * DAY, T0 - DAY));
        await store.putDelegation(delegation('p5', 'p9', T0, T0 + DAY));
        expect(ids(await store.listDelegationsTo('p2', T0))).toEqual(['p3', 'p1']);
        expect(ids(await store.listDelegationsTo('p2', T0 + 2 * DAY))).toEqual(['p1']);
      });

      it('should read the delegations that hold now with the actor, only when asked', async () => {
        await store.insertPerson(person('p2'));
        await store.putDelegation(delegation('p1', 'p2', T0 - DAY, T0 + DAY));
        await store.putDelegation(delegation('p3', 'p2', T0 + HOUR, T0 + DAY));
        await store.putDelegation(delegation('p4', 'p2', T0 - DAY, T0));
        await store.putDelegation(delegation('p5', 'p6', T0 - DAY, T0 + DAY));
        expect(await store.getActor('o_p2')).not.toHaveProperty('delegatedBy');
        expect((await store.getActor('o_p2', { delegationsAt: T0 }))!.delegatedBy!.map((d) => d.delegatorId)).toEqual(['p1']);
        expect((await store.getActor('o_p2', { delegationsAt: T0 + 2 * HOUR }))!.delegatedBy!.map((d) => d.delegatorId).sort()).toEqual(['p1', 'p3']);
      });

      it("should read the person's own delegation and the named ones' with the actor, only when asked", async () => {
        await store.insertPerson(person('p2'));
        await store.putDelegation(delegation('p2', 'p7', T0 - 3 * DAY, T0 - DAY));
        await store.putDelegation(delegation('p3', 'p2', T0, T0 + DAY));
        await store.putDelegation(delegation('p8', 'p9', T0, T0 + DAY));
        expect(await store.getActor('o_p2')).not.toHaveProperty('delegations');
        expect(ids((await store.getActor('o_p2', { delegationsOf: [] }))!.delegations!)).toEqual(['p2']);
        expect(ids((await store.getActor('o_p2', { delegationsOf: ['p8', 'p_none', 'p2'] }))!.delegations!).sort()).toEqual(['p2', 'p8']);
        await store.insertPerson(person('p4'));
        expect((await store.getActor('o_p4', { delegationsOf: ['p_none'] }))!.delegations).toEqual([]);
      });

      it("should list a delegate's inbox over several people, each case once, earliest deadline first", async () => {
        await store.insertCase(makeCase('c_a', { assignees: ['p1'], dueAt: T0 + 3 }));
        await store.insertCase(makeCase('c_both', { assignees: ['p1', 'p2'], dueAt: T0 + 1 }));
        await store.insertCase(makeCase('c_b', { assignees: ['p2'], dueAt: null }));
        await store.insertCase(makeCase('c_other', { assignees: ['p9'], dueAt: T0 }));
        await store.insertCase(makeCase('c_closed', { assignees: ['p1'], open: false, dueAt: T0 }));
        const all = await store.listInbox(['p2', 'p1'], { offset: 0, limit: 20 });
        expect([ids(all.items), all.total]).toEqual([['c_both', 'c_a', 'c_b'], 3]);
        const second = await store.listInbox(['p2', 'p1'], { offset: 1, limit: 1 });
        expect([ids(second.items), second.total]).toEqual([['c_a'], 3]);
        expect(ids((await store.listInbox(['p1'], { offset: 0, limit: 20 })).items)).toEqual(['c_both', 'c_a']);
      });

      it("should list of what waits on a delegator only the kinds delegation reaches, the delegate's own of any kind", async () => {
        await store.insertCase(makeCase('c_a', { assignees: ['p1'], dueAt: T0 + 3 }));
        await store.insertCase(makeCase('c_em', { kind: 'emergency', assignees: ['p1'], dueAt: T0 + 1 }));
        await store.insertCase(makeCase('c_em_both', { kind: 'emergency', assignees: ['p1', 'p2'], dueAt: T0 + 4 }));
        await store.insertCase(makeCase('c_em_mine', { kind: 'emergency', assignees: ['p2'], dueAt: T0 + 2 }));
        await store.insertCase(makeCase('c_both', { assignees: ['p1', 'p2'], dueAt: T0 + 5 }));
        await store.insertCase(makeCase('c_closed', { assignees: ['p1'], open: false, dueAt: T0 }));
        const whose = { own: 'p2', actingFor: ['p1'], kinds: ['rename'] };
        const all = await store.listInbox(whose, { offset: 0, limit: 20 });
        expect([ids(all.items), all.total]).toEqual([['c_em_mine', 'c_a', 'c_em_both', 'c_both'], 4]);
        const second = await store.listInbox(whose, { offset: 1, limit: 2 });
        expect([ids(second.items), second.total]).toEqual([['c_a', 'c_em_both'], 4]);
        // Standing in for nobody (or on no kind): the own inbox.
        expect(ids((await store.listInbox({ own: 'p2', actingFor: [], kinds: ['rename'] }, { offset: 0, limit: 20 })).items)).toEqual(['c_em_mine', 'c_em_both', 'c_both']);
        expect(ids((await store.listInbox({ own: 'p2', actingFor: ['p1'], kinds: [] }, { offset: 0, limit: 20 })).items)).toEqual(['c_em_mine', 'c_em_both', 'c_both']);
      });
    });

    describe('what getScreen reads in its one round trip', () => {
      it('should answer each part a screen asks for as its own list method does, and only those', async () => {
        const emergencyData = { title: '客户现场投诉' };
        await store.addGrants('p1', 'tpl', 2, T0);
        await store.insertCase(makeCase('c_mine', { openedBy: 'p1', subjectId: 'p1', updatedAt: T0 + 1 }));
        await store.insertCase(makeCase('c_about', { openedBy: 'p2', subjectId: 'p1', updatedAt: T0 + 2 }));
        await store.insertCase(makeCase('em_g1', { kind: 'emergency', groupId: 'g1', createdAt: T0 + 1, data: emergencyData }));
        await store.insertCase(makeCase('em_g2', { kind: 'emergency', groupId: 'g2', createdAt: T0, data: emergencyData }));
        await store.insertCase(makeCase('em_closed', { kind: 'emergency', groupId: 'g1', open: false, data: emergencyData }));
        await store.insertCase(makeCase('em_g3', { kind: 'emergency', groupId: 'g3', data: emergencyData }));
        await store.insertNotification(notification('n_unread', 'p1'));
        await store.insertNotification(notification('n_read', 'p1', { read: true }));
        await store.insertNotification(notification('n_theirs', 'p2'));
        await store.insertNotice(notice('nt_owed'));
        await store.insertNotice(notice('nt_acked', { ackDueAt: T0 + 96 * HOUR }));
        await store.insertAck(ack('nt_acked', 'p1'));
        const page = { offset: 0, limit: 10 };
        const all = await store.getScreen('p1', { grants: true, cases: page, unread: true, noticesToAck: page, open: { kind: 'emergency', groupIds: ['g2', 'g1'] } });
        expect(all.grants).toEqual(await store.listGrants('p1'));
        expect(ids(all.cases!.items)).toEqual(['c_about', 'c_mine']);
        expect(all.cases!.total).toBe(2);
        expect(all.unread).toBe(1);
        expect(ids(all.noticesToAck!.items)).toEqual(['nt_owed']);
        expect(all.noticesToAck!.total).toBe(1);
        // Each group's open ones, in the order the groups were named.
        expect(ids(all.open!)).toEqual(['em_g2', 'em_g1']);
        expect(await store.getScreen('p1', { unread: true })).toEqual({ unread: 1 });
        expect(await store.getScreen('p1', {})).toEqual({});
      });

      it('should read a 待办 page or a case with the delegations of its open cases\' assignees', async () => {
        const away = (delegatorId: string, delegateId: string) => ({ _id: delegatorId, delegatorId, delegateId, delegatorName: delegatorId, delegateName: delegateId, from: T0, to: T0 + 24 * HOUR, createdAt: T0, updatedAt: T0 });
        await store.insertCase(makeCase('c_both', { assignees: ['p_a', 'p_b'] }));
        await store.insertCase(makeCase('c_closed', { assignees: ['p_a', 'p_c'], open: false }));
        await store.putDelegation(away('p_b', 'p_x'));
        await store.putDelegation(away('p_c', 'p_y'));
        const page = { offset: 0, limit: 10 };
        const inbox = await store.getScreen('p_a', { inbox: { whose: 'p_a', page }, delegations: true });
        expect(ids(inbox.inbox!.items)).toEqual(['c_both']);
        expect(inbox.delegations!.map((d) => d.delegateId)).toEqual(['p_x']);
        const one = await store.getScreen('p_a', { case: 'c_both', delegations: true });
        expect(one.case!._id).toBe('c_both');
        expect(one.delegations!.map((d) => d.delegateId)).toEqual(['p_x']);
        // A closed case waits on no one: nobody's delegate is read for it.
        expect(await store.getScreen('p_a', { case: 'c_closed', delegations: true })).toMatchObject({ case: { _id: 'c_closed' }, delegations: [] });
        expect(await store.getScreen('p_a', { case: 'c_none', delegations: true })).toEqual({ case: null, delegations: [] });
      });
    });

    describe('uploads and media verdicts', () => {
      it('should record an upload once, mark it used idempotently, and never delete a used one', async () => {
        expect(await store.insertUpload(upload('f1', 'p1', T0))).toBe(true);
        expect(await store.insertUpload(upload('f1', 'p2', T0))).toBe(false);
        expect(await store.getUploads(['f1', 'f_none'])).toEqual([upload('f1', 'p1', T0)]);
        await store.insertUpload(upload('f2', 'p1', T0 - HOUR));
        await store.insertUpload(upload('f3', 'p1', T0 + HOUR));
        expect((await store.listStaleUploads(T0 + 1, 10)).map((u) => u._id)).toEqual(['f2', 'f1']);
        await store.attachUploads(['f1'], 'case:c1');
        await store.attachUploads(['f1'], 'case:c1');
        await store.attachUploads(['f1'], 'notice:n1');
        expect((await store.getUploads(['f1']))[0]).toMatchObject({ used: true, usedBy: ['case:c1', 'notice:n1'] });
        expect((await store.listStaleUploads(T0 + 1, 10)).map((u) => u._id)).toEqual(['f2']);
        expect(await store.deleteUnusedUpload('f1')).toBe(false);
        expect(await store.deleteUnusedUpload('f2')).toBe(true);
        expect(await store.deleteUnusedUpload('f2')).toBe(false);
        expect((await store.getUploads(['f1', 'f2', 'f3'])).map((u) => u._id).sort()).toEqual(['f1', 'f3']);
      });

      it('should set a verdict by trace id once, and keep a verdict that came before its upload', async () => {
        await store.insertUpload(upload('f1', 'p1', T0, { status: 'pending', traceId: 't1' }));
        expect(await store.setUploadVerdict('t_none', { status: 'pass', traceId: 't_none' })).toBeNull();
        expect(await store.setUploadVerdict('t1', { status: 'risky', traceId: 't1', label: '20002', at: T0 })).toMatchObject({ _id: 'f1', check: { status: 'risky', label: '20002' } });
        // Decided already: a repeated push changes nothing.
        expect(await store.setUploadVerdict('t1', { status: 'pass', traceId: 't1', at: T0 + 1 })).toMatchObject({ check: { status: 'risky' } });
        expect(await store.getMediaVerdict('t2')).toBeNull();
        await store.putMediaVerdict({ _id: 't2', suggest: 'pass', label: '100', at: T0 });
        await store.putMediaVerdict({ _id: 't2', suggest: 'pass', label: '100', at: T0 });
        expect(await store.getMediaVerdict('t2')).toEqual({ _id: 't2', suggest: 'pass', label: '100', at: T0 });
      });
    });

    describe('audit checkpoints', () => {
      const cp = (seq: number): CheckpointDoc => ({ _id: `cp_${String(seq).padStart(6, '0')}`, seq, at: T0 + seq, since: 0, prev: '0', heads: [['case:c1', 1, 'h1']], root: 'r', keyId: 'k1', seal: `s${seq}` });
      it('should insert a checkpoint once and give the latest and all of them in order', async () => {
        expect(await store.getLatestCheckpoint()).toBeNull();
        expect(await store.insertCheckpoint(cp(2))).toBe(true);
        expect(await store.insertCheckpoint(cp(1))).toBe(true);
        expect(await store.insertCheckpoint({ ...cp(2), seal: 'other' })).toBe(false);
        expect(await store.getLatestCheckpoint()).toEqual(cp(2));
        expect(await store.listCheckpoints()).toEqual([cp(1), cp(2)]);
      });

      it('should list the cases and backups changed since a time, oldest change first', async () => {
        await store.insertCase(makeCase('c1', { updatedAt: T0 }));
        await store.insertCase(makeCase('c2', { updatedAt: T0 + 2 * HOUR }));
        await store.insertCase(makeCase('c3', { updatedAt: T0 + HOUR }));
        await store.insertBackup(backup('b1', { updatedAt: T0 }));
        await store.insertBackup(backup('b2', { updatedAt: T0 + HOUR }));
        expect(ids(await store.listCasesChangedSince(T0 + 1))).toEqual(['c3', 'c2']);
        expect(ids(await store.listBackupsChangedSince(T0 + HOUR))).toEqual(['b2']);
      });

      it('should give one page of cases or backups in id order with every checkpoint, in one call', async () => {
        for (const id of ['c3', 'c1', 'c2']) await store.insertCase(makeCase(id));
        await store.insertBackup(backup('b1'));
        await store.insertCheckpoint(cp(1));
        const first = await store.getAuditPage('case', null, 2);
        expect({ cases: ids(first.cases), backups: first.backups, checkpoints: first.checkpoints }).toEqual({ cases: ['c1', 'c2'], backups: [], checkpoints: [cp(1)] });
        expect(ids((await store.getAuditPage('case', 'c2', 2)).cases)).toEqual(['c3']);
        const b = await store.getAuditPage('backup', null, 2);
        expect({ cases: b.cases, backups: ids(b.backups) }).toEqual({ cases: [], backups: ['b1'] });
      });
    });

    describe('notifications', () => {
      it('should insert a notification once and get it back', async () => {
        const n = notification('n1', 'p1');
        expect(await store.insertNotification(n)).toBe(true);
        expect(await store.insertNotification({ ...n, title: 'again' })).toBe(false);
        expect(await store.getNotification('n1')).toEqual(n);
        expect(await store.getNotification('n_unknown')).toBeNull();
      });


      it('should record the push outcome, with its error only when given', async () => {
        await store.insertNotification(notification('n1', 'p1'));
        await store.setNotificationPush('n1', 'failed', '47003 data invalid');
        expect(await store.getNotification('n1')).toMatchObject({ push: 'failed', pushError: '47003 data invalid' });
        await store.setNotificationPush('n1', 'sent');
        const n = await store.getNotification('n1');
        expect(n?.push).toBe('sent');
        expect(n).not.toHaveProperty('pushError');
        await expect(store.setNotificationPush('n_unknown', 'sent')).resolves.toBeUndefined();
      });

      it('should list my notifications newest first, with the unread count', async () => {
        await store.insertNotification(notification('old', 'p1', { createdAt: T0 }));
        await store.insertNotification(notification('new', 'p1', { createdAt: T0 + 2 }));
        await store.insertNotification(notification('mid_read', 'p1', { createdAt: T0 + 1, read: true }));
        await store.insertNotification(notification('theirs', 'p2', { createdAt: T0 + 5 }));
        const all = await store.listNotifications('p1', { offset: 0, limit: 10 }, false);
        expect(ids(all.items)).toEqual(['new', 'mid_read', 'old']);
        expect(all.total).toBe(3);
        expect(all.unread).toBe(2);
        const unread = await store.listNotifications('p1', { offset: 0, limit: 1 }, true);
        expect(ids(unread.items)).toEqual(['new']);
        expect(unread.total).toBe(2);
        expect(unread.unread).toBe(2);
        const second = await store.listNotifications('p1', { offset: 1, limit: 1 }, false);
        expect(ids(second.items)).toEqual(['mid_read']);
      });

      it("should mark only the person's own notifications read and count the changes", async () => {
        await store.insertNotification(notification('a', 'p1'));
        await store.insertNotification(notification('b', 'p1'));
        await store.insertNotification(notification('c', 'p1', { read: true }));
        await store.insertNotification(notification('x', 'p2'));
        expect(await store.markNotificationsRead('p1', ['a', 'c', 'x', 'unknown'])).toBe(1);
        expect((await store.getNotification('a'))?.read).toBe(true);
        expect((await store.getNotification('b'))?.read).toBe(false);
        expect((await store.getNotification('x'))?.read).toBe(false);
        expect(await store.markNotificationsRead('p1', ['a'])).toBe(0);
        expect(await store.markNotificationsRead('p1', [])).toBe(0);
        expect((await store.listNotifications('p1', { offset: 0, limit: 10 }, false)).unread).toBe(1);
      });
    });

    describe('grants', () => {
      it('should add grants per person and template and list them', async () => {
        expect(await store.addGrants('p1', 'tpl', 1, T0)).toBe(1);
        expect(await store.addGrants('p1', 'tpl', 2, T0 + 1)).toBe(3);
        expect(await store.addGrants('p1', 'tpl2', 1, T0)).toBe(1);
        await store.addGrants('p2', 'tpl', 5, T0);
        const grants = (await store.listGrants('p1')).sort((a, b) => a._id.localeCompare(b._id));
        expect(grants).toEqual<GrantDoc[]>([
          { _id: 'p1:tpl', personId: 'p1', templateId: 'tpl', count: 3, updatedAt: T0 + 1 },
          { _id: 'p1:tpl2', personId: 'p1', templateId: 'tpl2', count: 1, updatedAt: T0 },
        ]);
      });

      it('should take a grant while there is one, then refuse', async () => {
        expect(await store.takeGrant('p1', 'tpl', T0)).toBe(false);
        await store.addGrants('p1', 'tpl', 2, T0);
        expect(await store.takeGrant('p1', 'tpl', T0 + 1)).toBe(true);
        expect(await store.takeGrant('p1', 'tpl', T0 + 2)).toBe(true);
        expect(await store.takeGrant('p1', 'tpl', T0 + 3)).toBe(false);
        expect((await store.listGrants('p1'))[0]).toMatchObject({ count: 0, updatedAt: T0 + 2 });
      });

      it('should never hand out more grants than there are to concurrent takers', async () => {
        await store.addGrants('p1', 'tpl', 2, T0);
        const taken = await Promise.all([1, 2, 3, 4].map((i) => store.takeGrant('p1', 'tpl', T0 + i)));
        expect(taken.filter(Boolean)).toHaveLength(2);
      });

      it('should clear the grants of one template only', async () => {
        await store.addGrants('p1', 'tpl', 3, T0);
        await store.addGrants('p1', 'other', 2, T0);
        await store.clearGrants('p1', 'tpl', T0 + 5);
        expect(await store.takeGrant('p1', 'tpl', T0 + 6)).toBe(false);
        expect(await store.takeGrant('p1', 'other', T0 + 6)).toBe(true);
        await expect(store.clearGrants('p9', 'tpl', T0)).resolves.toBeUndefined();
      });
    });

    describe('joining and groups', () => {
      const group = (id: string, over: Partial<Group> = {}): Group => ({ _id: id, name: `群 ${id}`, type: 'project', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0, ...over });
      const invitation = (id: string, over: Partial<Invitation> = {}): Invitation => ({ _id: id, personId: 'p1', createdBy: 'p_head', createdAt: T0, expiresAt: T0 + HOUR, usedAt: null, usedBy: null, ...over });

      it('should bind an OPENID to an unbound person once, and never rebind', async () => {
        await store.insertPerson(person('p1', { openid: null }));
        expect(await store.bindOpenid('p1', 'o_new')).toBe(true);
        expect((await store.getPersonByOpenid('o_new'))?._id).toBe('p1');
        expect(await store.bindOpenid('p1', 'o_other')).toBe(false);
        expect((await store.getPerson('p1'))?.openid).toBe('o_new');
        expect(await store.bindOpenid('nobody', 'o_x')).toBe(false);
      });

      it('should never bind one OPENID to two people, even at the same moment', async () => {
        for (const id of ['p1', 'p2', 'p3']) await store.insertPerson(person(id, { openid: null }));
        const results = await Promise.all([store.bindOpenid('p1', 'o_x'), store.bindOpenid('p2', 'o_x')]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results[0] ? 'p1' : 'p2';
        const loser = results[0] ? 'p2' : 'p1';
        expect((await store.getPersonByOpenid('o_x'))?._id).toBe(winner);
        expect((await store.getPerson(loser))?.openid).toBeNull();
        expect(await store.bindOpenid('p3', 'o_x')).toBe(false);
        // The loser can still be bound to their own WeChat, and a refused OPENID stays free.
        expect(await store.bindOpenid(loser, 'o_y')).toBe(true);
        expect(await store.bindOpenid(winner, 'o_z')).toBe(false);
        expect(await store.bindOpenid('p3', 'o_z')).toBe(true);
      });

      it('should let exactly one of two concurrent bindings win', async () => {
        await store.insertPerson(person('p1', { openid: null }));
        const results = await Promise.all([store.bindOpenid('p1', 'o_a'), store.bindOpenid('p1', 'o_b')]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('should replace a person and a department', async () => {
        await store.insertPerson(person('p1'));
        await store.updatePerson(person('p1', { status: 'left', leftAt: T0, publisher: true }));
        expect(await store.getPerson('p1')).toEqual(person('p1', { status: 'left', leftAt: T0, publisher: true }));
        await store.insertDepartment({ _id: 'd1', name: '市场部', headId: null });
        await store.updateDepartment({ _id: 'd1', name: '市场部', headId: 'p1' });
        expect(await store.listDepartments()).toEqual([{ _id: 'd1', name: '市场部', headId: 'p1' }]);
      });

      it('should list groups by name and find one by its opengid once bound', async () => {
        await store.insertGroup(group('g2', { name: 'b' }));
        await store.insertGroup(group('g1', { name: 'a' }));
        expect(ids(await store.listGroups())).toEqual(['g1', 'g2']);
        expect(await store.getGroupByOpengid('og_1')).toBeNull();
        await store.setGroupOpengid('g2', 'og_1');
        expect(await store.getGroupByOpengid('og_1')).toEqual(group('g2', { name: 'b', opengid: 'og_1' }));
      });

      it('should store an invitation and use it exactly once', async () => {
        await store.insertInvitation(invitation('h1'));
        expect(await store.getInvitation('h1')).toEqual(invitation('h1'));
        expect(await store.getInvitation('h_unknown')).toBeNull();
        const results = await Promise.all([store.useInvitation('h1', 'o_a', T0 + 1), store.useInvitation('h1', 'o_b', T0 + 2)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const used = await store.getInvitation('h1');
        expect(used?.usedAt).not.toBeNull();
        expect(await store.useInvitation('h1', 'o_c', T0 + 3)).toBe(false);
        expect(await store.useInvitation('h_unknown', 'o_c', T0 + 3)).toBe(false);
      });

      it('should read an invitation with its person, and spend it only with the binding it makes', async () => {
        await store.insertPerson(person('p1', { openid: null }));
        await store.insertPerson(person('p2', { openid: null }));
        await store.insertInvitation(invitation('h1', { personId: 'p1' }));
        await store.insertInvitation(invitation('h_gone', { personId: 'p_gone' }));
        expect(await store.getInvitationWithPerson('h1', 'o_new')).toEqual({ invitation: invitation('h1', { personId: 'p1' }), person: person('p1', { openid: null }), holder: null });
        expect(await store.getInvitationWithPerson('h_gone', 'o_new')).toEqual({ invitation: invitation('h_gone', { personId: 'p_gone' }), person: null, holder: null });
        expect(await store.getInvitationWithPerson('h_unknown', 'o_new')).toBeNull();

        // The OPENID is p2's already: said by the read; no binding, and the card stays good.
        expect(await store.bindOpenid('p2', 'o_taken')).toBe(true);
        expect((await store.getInvitationWithPerson('h1', 'o_taken'))?.holder).toEqual(person('p2', { openid: 'o_taken' }));
        expect(await store.bindOpenid('p1', 'o_taken', { id: 'h1', now: T0 + 1 })).toBe(false);
        expect((await store.getInvitation('h1'))?.usedAt).toBeNull();

        expect(await store.bindOpenid('p1', 'o_new', { id: 'h1', now: T0 + 2 })).toBe(true);
        expect(await store.getInvitation('h1')).toMatchObject({ usedAt: T0 + 2, usedBy: 'o_new' });
        expect((await store.getPerson('p1'))?.openid).toBe('o_new');
      });

      it("should list a group's cases newest change first, with a total", async () => {
        await store.insertCase(makeCase('c1', { groupId: 'g1', updatedAt: T0 + 1 }));
        await store.insertCase(makeCase('c2', { groupId: 'g1', updatedAt: T0 + 3 }));
        await store.insertCase(makeCase('c3', { groupId: 'g2', updatedAt: T0 + 2 }));
        const page = await store.listCasesOfGroup('g1', { offset: 0, limit: 1 });
        expect(ids(page.items)).toEqual(['c2']);
        expect(page.total).toBe(2);
        expect(ids((await store.listCasesOfGroup('g1', { offset: 1, limit: 5 })).items)).toEqual(['c1']);
      });
    });

    describe('backups and the access log', () => {
      it('should insert a backup once and list a group\'s backups earliest period first', async () => {
        expect(await store.insertBackup(backup('b2', { from: '2026-11-01', to: '2026-11-20' }))).toBe(true);
        expect(await store.insertBackup(backup('b1'))).toBe(true);
        expect(await store.insertBackup(backup('b1', { note: 'again' }))).toBe(false);
        await store.insertBackup(backup('b3', { groupId: 'g2' }));
        expect(ids(await store.listBackups('g1'))).toEqual(['b1', 'b2']);
        expect(await store.getBackup('b1')).toEqual(backup('b1'));
        expect(await store.getBackup('nope')).toBeNull();
      });

      it('should update a backup only at the expected version, replacing its history whole', async () => {
        await store.insertBackup(backup('b1'));
        const verified = backup('b1', {
          lastVerify: { at: T0 + HOUR, intact: false, by: 'p2', sha256: 'e'.repeat(64) },
          history: [...backup('b1').history, { seq: 2, at: T0 + HOUR, by: 'p2', action: 'verify', from: 'registered', to: 'registered', dueAt: null, prevHash: 'h1', hash: 'h2' }],
        });
        expect(await store.updateBackup(verified, 1)).toBe(true);
        expect(await store.updateBackup(verified, 1)).toBe(false);
        expect(await store.getBackup('b1')).toEqual({ ...verified, version: 2 });
      });

      it('should give the backups of several ids in one call, skipping ids that do not exist', async () => {
        await store.insertBackup(backup('b1'));
        await store.insertBackup(backup('b2', { groupId: 'g2' }));
        expect(ids(await store.getBackups(['b2', 'nope', 'b1', 'b2'])).sort()).toEqual(['b1', 'b2']);
        expect(await store.getBackups([])).toEqual([]);
      });

      it('should give one backup together with all of its group\'s backups, earliest period first', async () => {
        await store.insertBackup(backup('b2', { from: '2026-11-01', to: '2026-11-20' }));
        await store.insertBackup(backup('b1'));
        await store.insertBackup(backup('b3', { groupId: 'g2' }));
        const got = await store.getBackupInGroup('b2');
        expect(got?.backup).toEqual(backup('b2', { from: '2026-11-01', to: '2026-11-20' }));
        expect(ids(got!.all)).toEqual(['b1', 'b2']);
        expect(ids((await store.getBackupInGroup('b3'))!.all)).toEqual(['b3']);
        expect(await store.getBackupInGroup('nope')).toBeNull();
      });

      it('should give a group with its backups and only its open backup tasks', async () => {
        const g1: Group = { _id: 'g1', name: '群 g1', type: 'project', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 };
        await store.insertGroup(g1);
        await store.insertBackup(backup('b2', { from: '2026-11-01', to: '2026-11-20' }));
        await store.insertBackup(backup('b1'));
        await store.insertBackup(backup('b3', { groupId: 'g2' }));
        const due = (id: string, over: Partial<Case> = {}) => makeCase(id, { kind: 'backup_due', groupId: 'g1', subjectId: 'g1', ...over });
        await store.insertCase(due('t2', { createdAt: T0 + 2 }));
        await store.insertCase(due('t1', { createdAt: T0 + 1 }));
        await store.insertCase(due('t_done', { open: false }));
        await store.insertCase(due('t_other', { groupId: 'g2', subjectId: 'g2' }));
        await store.insertCase(makeCase('c_rename', { groupId: 'g1' }));
        const got = await store.getGroupBackups('g1');
        expect(got?.group).toEqual(g1);
        expect(ids(got!.backups)).toEqual(['b1', 'b2']);
        expect(got!.dueTasks).toEqual([await store.getCase('t1'), await store.getCase('t2')]);
        expect(await store.getGroupBackups('g_none')).toBeNull();
      });

      it('should find the backups stored in one file', async () => {
        await store.insertBackup(backup('b1', { fileId: 'local:f1' }));
        await store.insertBackup(backup('b2', { fileId: 'local:f2' }));
        await store.insertBackup(backup('b3', { storage: 'local', fileId: null, location: '档案柜' }));
        expect(ids(await store.findBackupsByFile('local:f2'))).toEqual(['b2']);
        expect(await store.findBackupsByFile('local:none')).toEqual([]);
      });

      it('should list the groups by id', async () => {
        for (const id of ['g2', 'g1']) {
          await store.insertGroup({ _id: id, name: id, type: 'project', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 });
        }
        expect(ids(await store.listGroups())).toEqual(['g1', 'g2']);
      });

      it('should keep the access log append-only per entry and list one case\'s entries oldest first', async () => {
        expect(await store.insertFileAccess(access('a2', { at: T0 + 2, type: 'download', linkId: 'a1' }))).toBe(true);
        expect(await store.insertFileAccess(access('a1', { at: T0 + 1 }))).toBe(true);
        expect(await store.insertFileAccess(access('a1', { at: T0 + 9 }))).toBe(false);
        await store.insertFileAccess(access('a3', { caseId: 'c2' }));
        expect(ids(await store.listFileAccess('c1'))).toEqual(['a1', 'a2']);
        expect(await store.getFileAccess('a2')).toEqual(access('a2', { at: T0 + 2, type: 'download', linkId: 'a1' }));
        expect(await store.getFileAccess('zz')).toBeNull();
      });

      it('should give a case with its own access log, oldest first (ties by id), and null for an unknown case', async () => {
        await store.insertCase(makeCase('c1'));
        await store.insertCase(makeCase('c2'));
        await store.insertFileAccess(access('a3', { at: T0 + 2 }));
        await store.insertFileAccess(access('a2', { at: T0 + 1 }));
        await store.insertFileAccess(access('a1', { at: T0 + 2 }));
        await store.insertFileAccess(access('a4', { caseId: 'c2' }));
        const got = await store.getCaseWithAccessLog('c1');
        expect(got?.case).toEqual(makeCase('c1'));
        expect(ids(got!.log)).toEqual(['a2', 'a1', 'a3']);
        expect(got!.log[1]).toEqual(access('a1', { at: T0 + 2 }));
        expect(await store.getCaseWithAccessLog('c3')).toBeNull();
        await store.insertCase(makeCase('c3'));
        expect(await store.getCaseWithAccessLog('c3')).toEqual({ case: makeCase('c3'), log: [] });
      });

      it('should give a case with every notification it sent, in id order, and null for an unknown case', async () => {
        await store.insertCase(makeCase('c1'));
        await store.insertCase(makeCase('c2'));
        for (const id of ['c1.2.0', 'c1.1.1', 'c1.1.0']) await store.insertNotification(notification(id, `p_${id}`, { caseId: 'c1', push: id === 'c1.1.1' ? 'sent' : 'no_grant' }));
        await store.insertNotification(notification('c2.1.0', 'p1', { caseId: 'c2' }));
        await store.insertNotification(notification('n_other', 'p1'));
        const got = await store.getCaseWithNotifications('c1');
        expect(got?.case).toEqual(makeCase('c1'));
        expect(got!.notifications.map((n) => [n._id, n.push])).toEqual([['c1.1.0', 'no_grant'], ['c1.1.1', 'sent'], ['c1.2.0', 'no_grant']]);
        expect(got!.notifications[0]).toEqual(notification('c1.1.0', 'p_c1.1.0', { caseId: 'c1', push: 'no_grant' }));
        expect(await store.getCaseWithNotifications('c3')).toBeNull();
        expect((await store.getCaseWithNotifications('c2'))!.notifications.map((n) => n._id)).toEqual(['c2.1.0']);
      });

      it("should give a case with every backup of its group, earliest period first, and null for an unknown case", async () => {
        await store.insertCase(makeCase('c1'));
        await store.insertCase(makeCase('c2', { groupId: 'g3' }));
        await store.insertBackup(backup('b2', { from: '2026-11-01', to: '2026-11-20' }));
        await store.insertBackup(backup('b3'));
        await store.insertBackup(backup('b1'));
        await store.insertBackup(backup('b4', { groupId: 'g2' }));
        const got = await store.getCaseWithGroupBackups('c1');
        expect(got?.case).toEqual(makeCase('c1'));
        expect(ids(got!.backups)).toEqual(['b1', 'b3', 'b2']);
        expect(got!.backups[0]).toEqual(backup('b1'));
        expect(await store.getCaseWithGroupBackups('c2')).toEqual({ case: makeCase('c2', { groupId: 'g3' }), backups: [] });
        expect(await store.getCaseWithGroupBackups('nope')).toBeNull();
      });
    });

    describe('audited exports', () => {
      const DAY = 24 * HOUR;
      const group = (id: string, deptId: string, name: string): Group => ({ _id: id, name, type: 'department', deptId, creatorId: 'p_c', opengid: null, createdAt: T0 });
      const exportDoc = (id: string, over: Partial<ExportDoc> = {}): ExportDoc => ({
        _id: id,
        requestId: `r_${id}`,
        by: 'p_admin',
        byName: '管理员',
        at: T0,
        filters: { groups: [{ id: 'g1', name: '一群' }], allInScope: true, from: '2026-11-01', to: '2026-11-30', kinds: null },
        rows: { cases: 1, history: 2 },
        fileId: `local:${id}`,
        fileName: `${id}.xlsx`,
        fileSize: 10,
        fileSha256: `f${id}`.padEnd(64, '0'),
        contentSha256: `c${id}`.padEnd(64, '0'),
        keyId: 'k1',
        seal: 's',
        ...over,
      });
      // One entry per history line: `n` entries of the case's own.
      const withHistory = (c: Case, n: number): Case => ({
        ...c,
        history: Array.from({ length: n }, (_, i) => ({ seq: i + 1, at: c.createdAt + i, by: i ? 'p_admin' : c.subjectId, action: i ? 'approve' : 'submit', from: null, to: 'submitted', dueAt: null, prevHash: '', hash: `h${i}` })),
      });
      const query = (over: Partial<ExportQuery> = {}): ExportQuery => ({
        exportId: 'ex_new',
        scope: { all: true, groupIds: [], deptIds: [] },
        fromDay: dayOfDate('2026-11-01'),
        toDay: dayOfDate('2026-11-30'),
        kinds: null,
        maxHistory: 100,
        ...over,
      });

      beforeEach(async () => {
        await store.insertGroup(group('g1', 'd1', '一群'));
        await store.insertGroup(group('g2', 'd2', '二群'));
        await store.insertGroup(group('g3', 'd1', '三群'));
        await store.insertPerson(person('p_subject', { name: '张三' }));
        await store.insertPerson(person('p_admin', { name: '管理员' }));
        await store.insertCase(withHistory(makeCase('c1', { createdAt: T0 - DAY }), 2));
        await store.insertCase(withHistory(makeCase('c2', { groupId: 'g2', kind: 'violation' }), 3));
        // Opened at the very end of 30 November in Shanghai, and at the very start of 1 December.
        await store.insertCase(withHistory(makeCase('c3', { groupId: 'g3', createdAt: Date.parse('2026-11-30T23:59:59.999+08:00') }), 1));
        await store.insertCase(withHistory(makeCase('c4', { createdAt: Date.parse('2026-12-01T00:00:00+08:00') }), 4));
        await store.insertCase(withHistory(makeCase('c5', { groupId: '', kind: 'departure' }), 1));
      });

      it('should count and read the cases opened in the period, oldest first, with the people they name and the checkpoints', async () => {
        const src = await store.getExportSource(query());
        expect(src.existing).toBeNull();
        expect(src.groups.map((g) => g._id).sort()).toEqual(['g1', 'g2', 'g3']);
        // The owner's whole scope: cases of no group (a departure) too.
        expect(src.count).toEqual({ cases: 4, history: 2 + 3 + 1 + 1 });
        expect(src.cases!.map((c) => c._id)).toEqual(['c1', 'c2', 'c5', 'c3']);
        expect(src.cases![0]).toEqual(withHistory(makeCase('c1', { createdAt: T0 - DAY }), 2));
        expect(src.people.map((p) => p.name).sort()).toEqual(['张三', '管理员'].sort());
        expect(src.checkpoints).toEqual([]);
      });

      it('should select by groups, department and kinds, and never read a group outside the scope', async () => {
        const byDept = await store.getExportSource(query({ scope: { all: false, groupIds: ['g2'], deptIds: ['d1'] } }));
        expect(byDept.groups.map((g) => g._id).sort()).toEqual(['g1', 'g2', 'g3']);
        expect(byDept.cases!.map((c) => c._id)).toEqual(['c1', 'c2', 'c3']);
        const named = await store.getExportSource(query({ scope: { all: false, groupIds: ['g2'], deptIds: ['d1'] }, groupIds: ['g3'] }));
        expect(named.cases!.map((c) => c._id)).toEqual(['c3']);
        const kinds = await store.getExportSource(query({ kinds: ['violation'] }));
        expect(kinds.cases!.map((c) => c._id)).toEqual(['c2']);
        const december = await store.getExportSource(query({ fromDay: dayOfDate('2026-12-01'), toDay: dayOfDate('2026-12-01') }));
        expect(december.cases!.map((c) => c._id)).toEqual(['c4']);
        const outside = await store.getExportSource(query({ scope: { all: false, groupIds: ['g1'], deptIds: [] }, groupIds: ['g1', 'g2'] }));
        expect(outside.groups.map((g) => g._id)).toEqual(['g1']);
        expect(outside.cases).toBeNull();
        expect(outside.count).toEqual({ cases: 0, history: 0 });
      });

      it('should not read the cases past maxHistory, and nothing but the record when it exists', async () => {
        const big = await store.getExportSource(query({ maxHistory: 6 }));
        expect(big.cases).toBeNull();
        expect(big.count.history).toBeGreaterThan(6);
        expect(big.people).toEqual([]);
        await store.insertExport(exportDoc('ex_new'));
        const again = await store.getExportSource(query());
        expect(again.existing).toEqual(exportDoc('ex_new'));
        expect(again.cases).toBeNull();
      });

      it('should insert an export once, list the log newest first a page at a time, and find one by either checksum', async () => {
        expect(await store.insertExport(exportDoc('e1'))).toBe(true);
        expect(await store.insertExport(exportDoc('e1', { byName: '别人' }))).toBe(false);
        await store.insertExport(exportDoc('e2', { at: T0 + HOUR }));
        await store.insertExport(exportDoc('e3', { at: T0 + 2 * HOUR }));
        expect(await store.getExport('e1')).toEqual(exportDoc('e1'));
        expect(await store.getExport('nope')).toBeNull();
        const page = await store.listExports({ offset: 1, limit: 1 });
        expect(page.total).toBe(3);
        expect(page.items).toEqual([exportDoc('e2', { at: T0 + HOUR })]);
        expect((await store.listExports({ offset: 0, limit: 10 })).items.map((e) => e._id)).toEqual(['e3', 'e2', 'e1']);
        expect((await store.findExportsBySha256(exportDoc('e2').fileSha256)).map((e) => e._id)).toEqual(['e2']);
        expect((await store.findExportsBySha256(exportDoc('e3').contentSha256)).map((e) => e._id)).toEqual(['e3']);
        expect(await store.findExportsBySha256('0'.repeat(64))).toEqual([]);
      });

      it('should list the exports made since a time for the checkpoint, oldest first, and page them by id for the audit', async () => {
        await store.insertExport(exportDoc('e2', { at: T0 + 2 * HOUR }));
        await store.insertExport(exportDoc('e1', { at: T0 + HOUR }));
        await store.insertExport(exportDoc('e3', { at: T0 }));
        expect((await store.listExportsSince(T0 + HOUR)).map((e) => e._id)).toEqual(['e1', 'e2']);
        expect(await store.listExportsSince(T0 + 3 * HOUR)).toEqual([]);
        const first = await store.getAuditPage('export', null, 2);
        expect({ cases: first.cases, backups: first.backups, exports: first.exports.map((e) => e._id) }).toEqual({ cases: [], backups: [], exports: ['e1', 'e2'] });
        expect(first.exports[0]).toEqual(exportDoc('e1', { at: T0 + HOUR }));
        expect((await store.getAuditPage('export', 'e2', 2)).exports.map((e) => e._id)).toEqual(['e3']);
        expect((await store.getAuditPage('case', null, 2)).exports).toEqual([]);
      });
    });

    describe('storage beside the store', () => {
      it('should read back the bytes of a file this deployment stores, and own only its ids', async () => {
        const bytes = Buffer.from('2026-11 项目A群 聊天记录导出\n');
        const id = await handle.storage.put(bytes);
        const { files } = handle.storage;
        expect(files.owns(id)).toBe(true);
        expect(files.owns('https://example.invalid/x.txt')).toBe(false);
        expect(Buffer.compare((await files.read(id))!, bytes)).toBe(0);
      });

      it('should answer null for a file that is not there, not an error', async () => {
        const id = await handle.storage.put(Buffer.from('x'));
        const { files } = handle.storage;
        // The same id with its last character changed: well-formed, never stored.
        const gone = id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
        expect(files.owns(gone)).toBe(true);
        await expect(files.read(gone)).resolves.toBeNull();
      });

      it('should keep a file the function made (an export) and read back its bytes', async () => {
        const bytes = Buffer.from('PK\u0003\u0004 导出的工作簿');
        const { files } = handle.storage;
        const id = await files.put({ path: 'exports/ex_contract/0123456789abcdef.xlsx', name: '群务导出.xlsx', bytes, contentType: 'application/octet-stream', by: 'p_admin', at: T0 });
        expect(files.owns(id)).toBe(true);
        expect(Buffer.compare((await files.read(id))!, bytes)).toBe(0);
        expect(await files.link(id, Date.now() + 10 * 60_000)).toEqual(expect.any(String));
      });

      it('should hand out a download link that does not carry the file id', async () => {
        const id = await handle.storage.put(Buffer.from('x'));
        const url = await handle.storage.files.link(id, Date.now() + 10 * 60_000, 'ref1');
        expect(url).toEqual(expect.any(String));
        expect(url).not.toContain(id);
      });
    });

    describe('open data beside the store', () => {
      it('should resolve the cloudID a member opened the app with to that chat, and nothing else', async () => {
        const { openData, chat } = handle.openData;
        const market = chat('market');
        const project = chat('project');
        expect(market.opengid).not.toBe(project.opengid);
        expect(await openData.groupOpengid(market.cloudID, 'o_p1')).toBe(market.opengid);
        expect(await openData.groupOpengid(project.cloudID, 'o_p1')).toBe(project.opengid);
        expect(await openData.groupOpengid('forged-cloud-id', 'o_p1')).toBeNull();
      });
    });

    describe('notices and acknowledgements', () => {
      const DAY = 24 * HOUR;
      const group = (id: string): Group => ({ _id: id, name: `群 ${id}`, type: 'department', deptId: 'd1', creatorId: 'p_pub', opengid: null, createdAt: T0 });

      it('should insert a notice once and give it back exactly, and null for an unknown id', async () => {
        expect(await store.insertNotice(notice('n1'))).toBe(true);
        // A retried publish: the first stays.
        expect(await store.insertNotice(notice('n1', { title: '别的标题' }))).toBe(false);
        expect(await store.getNotice('n1')).toEqual(notice('n1'));
        expect(await store.getNotice('nope')).toBeNull();
      });

      it("should give a notice with the person's own acknowledgement, null when they have none", async () => {
        await store.insertNotice(notice('n1'));
        await store.insertAck(ack('n1', 'p2'));
        expect(await store.getNoticeForPerson('n1', 'p2')).toEqual({ notice: notice('n1'), ack: ack('n1', 'p2') });
        expect(await store.getNoticeForPerson('n1', 'p1')).toEqual({ notice: notice('n1'), ack: null });
        expect(await store.getNoticeForPerson('nope', 'p1')).toBeNull();
      });

      it('should update a notice only at the expected version, storing version + 1 and replacing it whole', async () => {
        // Publishing's outbox, still set, goes when the update leaves it out.
        await store.insertNotice(notice('n1', { nearDuplicate: { noticeIds: ['n0'], similarity: 0.85, reason: '补充时间' }, outbox: { wakeAt: T0 + 24 * HOUR } }));
        const withdrawn = notice('n1', { status: 'withdrawn', open: false, wakeAt: null, withdrawReason: '发错群了', withdrawnBy: 'p_pub', withdrawnAt: T0 + HOUR, audience: [], updatedAt: T0 + HOUR });
        expect(await store.updateNotice(withdrawn, 0)).toBe(true);
        // A second writer that read version 0 too loses.
        expect(await store.updateNotice(notice('n1', { reminders: 1 }), 0)).toBe(false);
        expect(await store.getNotice('n1')).toEqual({ ...withdrawn, version: 1 });
        expect(await store.updateNotice(notice('nope'), 0)).toBe(false);
        expect(await store.getNotice('nope')).toBeNull();
      });

      it('should let exactly one of two concurrent updates at the same version win', async () => {
        await store.insertNotice(notice('n1'));
        const results = await Promise.all([store.updateNotice(notice('n1', { reminders: 1 }), 0), store.updateNotice(notice('n1', { status: 'withdrawn', open: false }), 0)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.getNotice('n1'))?.version).toBe(1);
      });

      it('should publish a correction and close the old notice together, and answer its retry true without writing again', async () => {
        await store.insertNotice(notice('n1'));
        const fresh = notice('n2', { title: '更正：通知 n1', corrects: 'n1', publishedAt: T0 + HOUR });
        const closed = notice('n1', { status: 'corrected', correctedBy: 'n2', open: false, wakeAt: null, updatedAt: T0 + HOUR });
        expect(await store.replaceNotice(closed, 0, fresh)).toBe(true);
        expect(await store.getNotice('n1')).toEqual({ ...closed, version: 1 });
        expect(await store.getNotice('n2')).toEqual(fresh);
        expect(await store.replaceNotice(closed, 0, fresh)).toBe(true);
        expect(await store.getNotice('n1')).toEqual({ ...closed, version: 1 });
        expect(await store.getNotice('n2')).toEqual(fresh);
        expect(ids((await store.listNoticesToAck('p1', { offset: 0, limit: 10 })).items)).toEqual(['n2']);
      });

      it('should publish neither the correction nor the close when the old notice changed meanwhile', async () => {
        await store.insertNotice(notice('n1'));
        // The scheduler counted a reminder round after the publisher read version 0.
        expect(await store.updateNotice(notice('n1', { reminders: 1 }), 0)).toBe(true);
        const fresh = notice('n2', { corrects: 'n1' });
        expect(await store.replaceNotice(notice('n1', { status: 'corrected', correctedBy: 'n2', open: false }), 0, fresh)).toBe(false);
        expect(await store.getNotice('n2')).toBeNull();
        expect(await store.getNotice('n1')).toEqual(notice('n1', { reminders: 1, version: 1 }));
        expect(ids((await store.listNoticesOfGroup('g1', 'p1', { offset: 0, limit: 10 })).items)).toEqual(['n1']);
      });

      it('should let exactly one of two concurrent corrections of one notice stand', async () => {
        await store.insertNotice(notice('n1'));
        const correct = (id: string) => store.replaceNotice(notice('n1', { status: 'corrected', correctedBy: id, open: false }), 0, notice(id, { corrects: 'n1' }));
        const results = await Promise.all([correct('n2'), correct('n3')]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results[0] ? 'n2' : 'n3';
        const loser = results[0] ? 'n3' : 'n2';
        expect((await store.getNotice('n1'))?.correctedBy).toBe(winner);
        expect(await store.getNotice(winner)).not.toBeNull();
        expect(await store.getNotice(loser)).toBeNull();
      });

      it('should list the open notices I owe and have not acknowledged, newest deadline first (ties by id), with a total', async () => {
        await store.insertNotice(notice('soon', { ackDueAt: T0 + DAY }));
        await store.insertNotice(notice('later', { ackDueAt: T0 + 3 * DAY }));
        await store.insertNotice(notice('tie_a', { ackDueAt: T0 + 2 * DAY }));
        await store.insertNotice(notice('tie_b', { ackDueAt: T0 + 2 * DAY }));
        await store.insertNotice(notice('acked', { ackDueAt: T0 + 9 * DAY }));
        await store.insertNotice(notice('withdrawn', { ackDueAt: T0 + 9 * DAY, status: 'withdrawn', open: false }));
        await store.insertNotice(notice('not_mine', { ackDueAt: T0 + 9 * DAY, owed: ['p2'] }));
        await store.insertAck(ack('acked', 'p1'));
        await store.insertAck(ack('soon', 'p2'));
        const all = await store.listNoticesToAck('p1', { offset: 0, limit: 10 });
        expect(ids(all.items)).toEqual(['later', 'tie_b', 'tie_a', 'soon']);
        expect(all.total).toBe(4);
        expect(all.items[0]).toEqual(notice('later', { ackDueAt: T0 + 3 * DAY }));
        expect(await store.listNoticesToAck('p1', { offset: 1, limit: 2 })).toEqual({ items: [notice('tie_b', { ackDueAt: T0 + 2 * DAY }), notice('tie_a', { ackDueAt: T0 + 2 * DAY })], total: 4 });
        expect(await store.listNoticesToAck('p1', { offset: 0, limit: 0 })).toEqual({ items: [], total: 4 });
        expect(await store.listNoticesToAck('p1', { offset: 9, limit: 5 })).toEqual({ items: [], total: 4 });
        expect(ids((await store.listNoticesToAck('p2', { offset: 0, limit: 10 })).items)).toEqual(['not_mine', 'acked', 'later', 'tie_b', 'tie_a']);
        expect(await store.listNoticesToAck('p9', { offset: 0, limit: 10 })).toEqual({ items: [], total: 0 });
      });

      it('should drop a notice from my list once I acknowledge it or it is withdrawn', async () => {
        await store.insertNotice(notice('n1', { ackDueAt: T0 + DAY }));
        await store.insertNotice(notice('n2', { ackDueAt: T0 + 2 * DAY }));
        await store.insertNotice(notice('n3', { ackDueAt: T0 + 3 * DAY }));
        await store.insertAck(ack('n3', 'p1'));
        await store.updateNotice(notice('n2', { ackDueAt: T0 + 2 * DAY, status: 'withdrawn', open: false, withdrawReason: '作废' }), 0);
        expect(await store.listNoticesToAck('p1', { offset: 0, limit: 10 })).toEqual({ items: [notice('n1', { ackDueAt: T0 + DAY })], total: 1 });
        expect(ids((await store.listNoticesToAck('p2', { offset: 0, limit: 10 })).items)).toEqual(['n3', 'n1']);
      });

      it('should list what I still owe past one cloud database page of notices (1000)', async () => {
        const n = 1005;
        const id = (i: number) => `n${String(i).padStart(4, '0')}`;
        for (let i = 0; i < n; i++) await store.insertNotice(notice(id(i), { ackDueAt: T0 + i * HOUR, owed: ['p1'], audience: [{ groupId: 'g1', personIds: ['p1'] }] }));
        for (const i of [1004, 1003, 0]) await store.insertAck(ack(id(i), 'p1'));
        const first = await store.listNoticesToAck('p1', { offset: 0, limit: 2 });
        expect(ids(first.items)).toEqual([id(1002), id(1001)]);
        expect(first.total).toBe(1002);
        expect(ids((await store.listNoticesToAck('p1', { offset: 1000, limit: 10 })).items)).toEqual([id(2), id(1)]);
      });

      it("should list a group's notices newest first, any status, with only my acknowledgements of those on the page", async () => {
        await store.insertNotice(notice('old', { publishedAt: T0 + 1 }));
        await store.insertNotice(notice('new', { publishedAt: T0 + 3 }));
        await store.insertNotice(notice('mid_a', { publishedAt: T0 + 2, groupIds: ['g2', 'g1'] }));
        await store.insertNotice(notice('mid_b', { publishedAt: T0 + 2, status: 'withdrawn', open: false }));
        await store.insertNotice(notice('elsewhere', { publishedAt: T0 + 9, groupIds: ['g2'] }));
        for (const n of ['new', 'mid_b', 'old']) await store.insertAck(ack(n, 'p1'));
        await store.insertAck(ack('mid_a', 'p2'));
        const first = await store.listNoticesOfGroup('g1', 'p1', { offset: 0, limit: 3 });
        expect(ids(first.items)).toEqual(['new', 'mid_b', 'mid_a']);
        expect(first.total).toBe(4);
        expect(first.items[2]).toEqual(notice('mid_a', { publishedAt: T0 + 2, groupIds: ['g2', 'g1'] }));
        expect([...first.acks].sort((a, b) => a._id.localeCompare(b._id))).toEqual([ack('mid_b', 'p1'), ack('new', 'p1')]);
        expect(await store.listNoticesOfGroup('g1', 'p1', { offset: 3, limit: 3 })).toEqual({ items: [notice('old', { publishedAt: T0 + 1 })], total: 4, acks: [ack('old', 'p1')] });
        expect(ids((await store.listNoticesOfGroup('g2', 'p1', { offset: 0, limit: 10 })).items)).toEqual(['elsewhere', 'mid_a']);
        expect(await store.listNoticesOfGroup('g9', 'p1', { offset: 0, limit: 10 })).toEqual({ items: [], total: 0, acks: [] });
      });

      it('should list the notices a person published, newest first, with a total', async () => {
        await store.insertNotice(notice('a', { publishedAt: T0 + 1 }));
        await store.insertNotice(notice('b', { publishedAt: T0 + 3, status: 'corrected', open: false }));
        await store.insertNotice(notice('c', { publishedAt: T0 + 2, groupIds: ['g2'] }));
        await store.insertNotice(notice('theirs', { publishedAt: T0 + 5, publisherId: 'p_other' }));
        const first = await store.listNoticesByPublisher('p_pub', { offset: 0, limit: 2 });
        expect(ids(first.items)).toEqual(['b', 'c']);
        expect(first.total).toBe(3);
        expect(await store.listNoticesByPublisher('p_pub', { offset: 2, limit: 2 })).toEqual({ items: [notice('a', { publishedAt: T0 + 1 })], total: 3 });
        expect(await store.listNoticesByPublisher('p1', { offset: 0, limit: 2 })).toEqual({ items: [], total: 0 });
      });

      it('should count each notice’s acknowledgements, and name who left a group they owed it through, with their acknowledgements', async () => {
        const audience = [
          { groupId: 'g1', personIds: ['p1', 'p2', 'p3'] },
          { groupId: 'g2', personIds: ['p3', 'p4'] },
        ];
        await store.insertNotice(notice('n1', { publishedAt: T0 + 2, groupIds: ['g1', 'g2'], audience, owed: ['p1', 'p2', 'p3', 'p4'] }));
        await store.insertNotice(notice('n2', { publishedAt: T0 + 1, groupIds: ['g1'], audience: [audience[0]!], owed: ['p1', 'p2', 'p3'] }));
        await store.insertNotice(notice('n3', { publishedAt: T0, groupIds: ['g3'], audience: [{ groupId: 'g3', personIds: ['p5'] }], owed: ['p5'] }));
        // Late: after the deadline (T0 + 72 h), as notices.acknowledge records it.
        const late = { at: T0 + 80 * HOUR, late: true };
        for (const p of ['p1', 'p2', 'p3']) await store.insertAck(ack('n1', p, p === 'p3' ? late : {}));
        await store.insertAck(ack('n2', 'p2', late));
        await store.putMembership(membership('g1', 'p1'));
        await store.putMembership(membership('g1', 'p2', { status: 'left' }));
        await store.putMembership(membership('g1', 'p3', { status: 'left' }));
        await store.putMembership(membership('g2', 'p3'));
        // Left a group, but never owed this notice there.
        await store.putMembership(membership('g2', 'p9', { status: 'left' }));
        const r = await store.listNoticesByPublisher('p_pub', { offset: 0, limit: 10 }, { tallies: true });
        expect(ids(r.items)).toEqual(['n1', 'n2', 'n3']);
        expect(r.tallies).toEqual([
          { noticeId: 'n1', acked: 3, late: 1, left: ['g1:p2', 'g1:p3'], leftAcks: expect.arrayContaining([ack('n1', 'p2'), ack('n1', 'p3', late)]) },
          { noticeId: 'n2', acked: 1, late: 1, left: ['g1:p2', 'g1:p3'], leftAcks: [ack('n2', 'p2', late)] },
          { noticeId: 'n3', acked: 0, late: 0, left: [], leftAcks: [] },
        ]);
        expect(r.tallies![0]!.leftAcks).toHaveLength(2);
        // Without the option, the page alone.
        expect(await store.listNoticesByPublisher('p_pub', { offset: 0, limit: 1 })).toEqual({ items: [r.items[0]], total: 3 });
        // One notice, when the caller's rule says so.
        const seen: string[] = [];
        const one = await store.getNoticeForPerson('n2', 'p2', { tallyIf: (n) => (seen.push(n._id), true) });
        expect(one).toEqual({ notice: r.items[1], ack: ack('n2', 'p2', late), tally: r.tallies![1] });
        expect(seen).toEqual(['n2']);
        expect(await store.getNoticeForPerson('n2', 'p2', { tallyIf: () => false })).toEqual({ notice: r.items[1], ack: ack('n2', 'p2', late) });
      });

      it("should take one acknowledgement per person and notice, and list a notice's oldest first, for everyone or some", async () => {
        expect(await store.insertAck(ack('n1', 'p2', { at: T0 + 2 }))).toBe(true);
        // A double tap: the first stays.
        expect(await store.insertAck(ack('n1', 'p2', { at: T0 + 5, late: true }))).toBe(false);
        await store.insertAck(ack('n1', 'p3', { at: T0 + 1 }));
        await store.insertAck(ack('n1', 'p1', { at: T0 + 2, late: true }));
        await store.insertAck(ack('n2', 'p1'));
        expect(await store.listAcks('n1')).toEqual([ack('n1', 'p3', { at: T0 + 1 }), ack('n1', 'p1', { at: T0 + 2, late: true }), ack('n1', 'p2', { at: T0 + 2 })]);
        expect(await store.listAcks('n1', ['p2', 'nobody', 'p3', 'p2'])).toEqual([ack('n1', 'p3', { at: T0 + 1 }), ack('n1', 'p2', { at: T0 + 2 })]);
        expect(await store.listAcks('n1', [])).toEqual([]);
        expect(await store.listAcks('n9')).toEqual([]);
      });

      it("should give a notice's receipts: its acknowledgements, the active roster of its groups now, and the departments", async () => {
        await store.insertDepartment({ _id: 'd2', name: '技术部', headId: null });
        await store.insertDepartment({ _id: 'd1', name: '市场部', headId: 'p_pub' });
        for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) await store.insertPerson(person(id));
        await store.putMembership(membership('g1', 'p1', { nickname: '张三-市场部' }));
        await store.putMembership(membership('g1', 'p2', { status: 'left' }));
        await store.putMembership(membership('g2', 'p3', { roles: ['member', 'admin'] }));
        await store.putMembership(membership('g3', 'p4'));
        // Joined after the notice was published: on the roster, though owing nothing.
        await store.putMembership(membership('g2', 'p5'));
        await store.putMembership(membership('g1', 'p_gone'));
        await store.insertNotice(notice('n1', { groupIds: ['g2', 'g1'] }));
        await store.insertAck(ack('n1', 'p2', { at: T0 + 5 }));
        await store.insertAck(ack('n1', 'p1', { at: T0 + 3 }));
        await store.insertAck(ack('n2', 'p3'));
        expect(await store.getNoticeReceipts('n1')).toEqual({
          notice: notice('n1', { groupIds: ['g2', 'g1'] }),
          acks: [ack('n1', 'p1', { at: T0 + 3 }), ack('n1', 'p2', { at: T0 + 5 })],
          roster: [
            { membership: membership('g1', 'p1', { nickname: '张三-市场部' }), person: person('p1') },
            { membership: membership('g2', 'p3', { roles: ['member', 'admin'] }), person: person('p3') },
            { membership: membership('g2', 'p5'), person: person('p5') },
          ],
          departments: [
            { _id: 'd1', name: '市场部', headId: 'p_pub' },
            { _id: 'd2', name: '技术部', headId: null },
          ],
        });
        expect(await store.getNoticeReceipts('nope')).toBeNull();
      });

      it('should list the notices due by now, earliest wake first (ties by id), up to the limit', async () => {
        await store.insertNotice(notice('later', { wakeAt: T0 + 1 }));
        await store.insertNotice(notice('tie_b', { wakeAt: T0 }));
        await store.insertNotice(notice('tie_a', { wakeAt: T0 }));
        await store.insertNotice(notice('overdue', { wakeAt: T0 - DAY }));
        await store.insertNotice(notice('done', { wakeAt: null, finalSent: true }));
        expect(ids(await store.listDueNotices(T0, 10))).toEqual(['overdue', 'tie_a', 'tie_b']);
        expect(ids(await store.listDueNotices(T0, 2))).toEqual(['overdue', 'tie_a']);
        expect(await store.listDueNotices(T0, 0)).toEqual([]);
        expect(await store.listDueNotices(T0 - 2 * DAY, 10)).toEqual([]);
        await store.updateNotice(notice('overdue', { wakeAt: T0 + 2 * DAY, reminders: 1 }), 0);
        expect(ids(await store.listDueNotices(T0, 10))).toEqual(['tie_a', 'tie_b']);
      });

      it('should read what publishing needs at once: the groups, their active roster, the departments and their notices since the window', async () => {
        await store.insertDepartment({ _id: 'd2', name: '技术部', headId: null });
        await store.insertDepartment({ _id: 'd1', name: '市场部', headId: 'p_pub' });
        for (const g of ['g1', 'g2', 'g3']) await store.insertGroup(group(g));
        for (const id of ['p1', 'p2', 'p3', 'p4']) await store.insertPerson(person(id));
        await store.putMembership(membership('g2', 'p3'));
        await store.putMembership(membership('g1', 'p1', { roles: ['member', 'admin'] }));
        await store.putMembership(membership('g1', 'p2', { status: 'left' }));
        await store.putMembership(membership('g3', 'p4'));
        // In both groups: a row per group, as the roster has it.
        await store.putMembership(membership('g2', 'p1'));
        const since = T0 - DAY;
        await store.insertNotice(notice('n_in', { publishedAt: T0 - HOUR }));
        await store.insertNotice(notice('n_edge', { publishedAt: since, groupIds: ['g2'] }));
        await store.insertNotice(notice('n_both', { publishedAt: T0, groupIds: ['g3', 'g2'] }));
        await store.insertNotice(notice('n_withdrawn', { publishedAt: T0, status: 'withdrawn', open: false }));
        await store.insertNotice(notice('n_before', { publishedAt: since - 1 }));
        await store.insertNotice(notice('n_other', { publishedAt: T0, groupIds: ['g3'] }));
        const got = await store.getNoticeTargets(['g2', 'g1', 'g2'], since);
        expect([...got.groups].sort((a, b) => a._id.localeCompare(b._id))).toEqual([group('g1'), group('g2')]);
        expect(got.roster).toEqual([
          { membership: membership('g1', 'p1', { roles: ['member', 'admin'] }), person: person('p1') },
          { membership: membership('g2', 'p1'), person: person('p1') },
          { membership: membership('g2', 'p3'), person: person('p3') },
        ]);
        expect(got.departments).toEqual([
          { _id: 'd1', name: '市场部', headId: 'p_pub' },
          { _id: 'd2', name: '技术部', headId: null },
        ]);
        expect(ids(got.recent)).toEqual(['n_both', 'n_edge', 'n_in', 'n_withdrawn']);
        expect(got.recent[2]).toEqual(notice('n_in', { publishedAt: T0 - HOUR }));
        // Groups that do not exist: nothing of theirs, the departments still.
        expect(await store.getNoticeTargets(['g_none'], since)).toEqual({ groups: [], roster: [], departments: got.departments, recent: [] });
      });
    });

    describe('reports', () => {
      const D = dayOfDate('2026-11-24');
      const DAY = 86_400_000;
      const g = (id: string, deptId: string, name: string): Group => ({ _id: id, name, type: 'project', deptId, creatorId: 'p1', opengid: null, createdAt: T0 });
      const sorted = <R>(rows: R[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      const entry = (seq: number, at: number, action: string, to: string) => ({ seq, at, by: 'p_admin', action, from: null, to, dueAt: null, prevHash: '', hash: `h${seq}` });
      const everyone = { all: true, groupIds: [], deptIds: [] };
      beforeEach(async () => {
        for (const x of [g('g1', 'd1', '甲群'), g('g2', 'd2', '乙群'), g('g3', 'd1', '丙群')]) await store.insertGroup(x);
        await store.insertDepartment({ _id: 'd1', name: '市场部', headId: null });
        await store.insertPerson(person('p1'));
        await store.insertPerson(person('p_subject'));
        await store.putMembership(membership('g1', 'p1', { nickname: 'name p1-市场部' }));
        await store.putMembership(membership('g2', 'p1'));
        // g1: opened day D, approved 2 h later; opened D+1 still open and due (overdue at D+3); g2: opened D, closed by withdrawal on D+1.
        await store.insertCase(makeCase('a1', { open: false, state: 'approved', createdAt: T0, history: [entry(1, T0, 'submit', 'submitted'), entry(2, T0 + 2 * HOUR, 'approve', 'approved')] }));
        await store.insertCase(makeCase('a2', { createdAt: T0 + DAY, dueAt: T0 + DAY + HOUR, history: [entry(1, T0 + DAY, 'submit', 'submitted')] }));
        await store.insertCase(makeCase('a3', { groupId: 'g2', open: false, state: 'withdrawn', history: [entry(1, T0, 'submit', 'submitted'), entry(2, T0 + DAY, 'withdraw', 'withdrawn')] }));
        const vio = (appeal: object | null, answer: object | null) => ({ category: '广告', step: 'removal', appeal, answer, ruling: null });
        await store.insertCase(makeCase('v1', { kind: 'violation', state: 'vio_answered', dueAt: T0 + 10 * DAY, data: vio({ at: T0 + DAY }, { outcome: 'reduce' }), history: [entry(1, T0, 'decide', 'vio_decided'), entry(2, T0 + DAY, 'appeal', 'vio_appealed')] }));
        await store.insertBackup(backup('b1', { groupId: 'g1', from: '2026-11-20', to: '2026-11-25' }));
        await store.insertBackup(backup('b2', { groupId: 'g2', from: '2026-01-01', to: '2026-01-31' }));
        await store.insertNotice(notice('n1', { ackDueAt: T0 + 2 * DAY, audience: [{ groupId: 'g1', personIds: ['p1', 'p2'] }], owed: ['p1', 'p2'] }));
        await store.insertNotice(notice('n2', { ackDueAt: T0 + 40 * DAY }));
        await store.insertAck(ack('n1', 'p1'));
        await store.insertAck(ack('n1', 'p2', { at: T0 + 3 * DAY, late: true }));
      });

      it('should count each figure per Shanghai day for the whole scope', async () => {
        const r = await store.getReport({ scope: everyone, fromDay: D, toDay: D + 6, now: T0 + 3 * DAY });
        expect(sorted(ids(r.groups))).toEqual(['g1', 'g2', 'g3']);
        expect(sorted(r.opened)).toEqual(sorted([{ day: D, key: 'rename', n: 2 }, { day: D + 1, key: 'rename', n: 1 }, { day: D, key: 'violation', n: 1 }]));
        expect(sorted(r.closed)).toEqual(sorted([{ day: D, key: 'rename', n: 1 }, { day: D + 1, key: 'rename', n: 1 }]));
        expect(r.overdue).toEqual([{ day: D + 1, key: 'rename', n: 1 }]);
        expect(sorted(r.decided)).toEqual(sorted([{ day: D, key: 'rename', ms: [2 * HOUR] }, { day: D, key: 'violation', ms: [0] }]));
        expect(r.violations).toEqual([{ day: D, key: '广告', n: 1 }]);
        expect(r.measures).toEqual([{ day: D, key: 'removal', n: 1 }]);
        expect(r.appeals).toEqual([{ day: D + 1, key: 'reduce', toLeader: 0, n: 1 }]);
        expect(ids(r.backups)).toEqual(['b1']);
        expect(r.notices.map((n) => [n._id, n.onTime, n.audience])).toEqual([['n1', ['p1'], [{ groupId: 'g1', personIds: ['p1', 'p2'] }]]]);
        expect(sorted(r.roster.map((x) => x.membership._id))).toEqual(['g1:p1', 'g2:p1']);
        expect(ids(r.departments)).toEqual(['d1']);
      });

      it('should count only the groups of the scope, or the one asked, and nothing for a group outside it', async () => {
        const dept = await store.getReport({ scope: { all: false, groupIds: [], deptIds: ['d1'] }, fromDay: D, toDay: D + 6, now: T0 });
        expect(sorted(ids(dept.groups))).toEqual(['g1', 'g3']);
        expect(dept.closed).toEqual([{ day: D, key: 'rename', n: 1 }]);
        const one = await store.getReport({ scope: { all: false, groupIds: ['g2'], deptIds: ['d1'] }, groupId: 'g2', fromDay: D, toDay: D + 6, now: T0 });
        expect(one.opened).toEqual([{ day: D, key: 'rename', n: 1 }]);
        expect(ids(one.backups)).toEqual([]);
        const outside = await store.getReport({ scope: { all: false, groupIds: ['g2'], deptIds: [] }, groupId: 'g1', fromDay: D, toDay: D + 6, now: T0 });
        expect([ids(outside.groups), outside.opened, outside.notices, outside.roster]).toEqual([['g2'], [], [], []]);
      });

      it('should keep one naming snapshot per group and day, the later replacing the earlier, and read those of the days asked', async () => {
        const snap = (groupId: string, day: number, failing: number, takenAt: number) => ({
          _id: `${groupId}:d${day}`, groupId, date: `d${day}`, day, members: 5, takenAt,
          failing: Array.from({ length: failing }, (_, i) => ({ personId: `p${i}`, name: `n${i}`, nickname: null, canonical: `n${i}-市场部` })),
        });
        await store.putNamingSnapshots([snap('g1', D, 2, T0), snap('g2', D, 1, T0), snap('g1', D + 1, 0, T0)]);
        await store.putNamingSnapshots([snap('g1', D, 1, T0 + HOUR)]);
        const r = await store.getReport({ scope: everyone, fromDay: D, toDay: D + 6, now: T0, figures: ['naming'], snapshotDays: [D] });
        expect(sorted(r.snapshots.map((s) => [s.groupId, s.day, s.failing.length, s.takenAt]))).toEqual([['g1', D, 1, T0 + HOUR], ['g2', D, 1, T0]]);
        const one = await store.getReport({ scope: everyone, groupId: 'g1', fromDay: D, toDay: D + 6, now: T0, figures: ['naming'], snapshotDays: [D, D + 1] });
        expect(one.snapshots.map((s) => s._id).sort()).toEqual([`g1:d${D}`, `g1:d${D + 1}`]);
        expect(one.snapshots.find((s) => s.day === D)).toEqual(snap('g1', D, 1, T0 + HOUR));
      });

      it('should give the median and p90 (nearest rank) of opening → decision per bucket and kind when told the buckets', async () => {
        // Beside a1 (2 h, day D): rename decisions of 1…10 h opened on D+1, and one of 30 h opened on D+8 (the next bucket).
        for (let i = 1; i <= 10; i++) {
          const at = T0 + DAY + i * 60_000;
          await store.insertCase(makeCase(`d${i}`, { open: false, state: 'approved', createdAt: at, history: [entry(1, at, 'submit', 'submitted'), entry(2, at + i * HOUR, 'approve', 'approved')] }));
        }
        const late = T0 + 8 * DAY;
        await store.insertCase(makeCase('d11', { groupId: 'g2', open: false, state: 'approved', createdAt: late, history: [entry(1, late, 'submit', 'submitted'), entry(2, late + 30 * HOUR, 'approve', 'approved')] }));
        const buckets = [{ fromDay: D, toDay: D + 6 }, { fromDay: D + 7, toDay: D + 13 }];
        const r = await store.getReport({ scope: everyone, fromDay: D, toDay: D + 13, now: T0 + 20 * DAY, figures: ['decided'], buckets });
        // Bucket 0, rename: 1, 2, 2, 3 … 10 h (11 values): median the 6th (5 h), p90 the 10th (9 h).
        expect(sorted(r.decidedStats!)).toEqual(
          sorted([
            { bucket: 0, key: 'rename', n: 11, medianMs: 5 * HOUR, p90Ms: 9 * HOUR },
            { bucket: 0, key: 'violation', n: 1, medianMs: 0, p90Ms: 0 },
            { bucket: 1, key: 'rename', n: 1, medianMs: 30 * HOUR, p90Ms: 30 * HOUR },
          ]),
        );
        expect(r.decided).toEqual([]);
        // One group's: the bucket's single decision in g2, none in g1.
        const g2 = await store.getReport({ scope: everyone, groupId: 'g2', fromDay: D, toDay: D + 13, now: T0 + 20 * DAY, figures: ['decided'], buckets });
        expect(g2.decidedStats).toEqual([{ bucket: 1, key: 'rename', n: 1, medianMs: 30 * HOUR, p90Ms: 30 * HOUR }]);
      });

      it('should read only the figures asked', async () => {
        const r = await store.getReport({ scope: everyone, fromDay: D, toDay: D + 6, now: T0, figures: ['closed'] });
        expect([r.closed.length, r.opened.length, r.notices.length, r.backups.length, r.roster.length]).toEqual([2, 0, 0, 0, 0]);
      });

      it('should list the cases behind a figure, newest id first, with the people they name', async () => {
        const q = { scope: everyone, fromDay: D, toDay: D, now: T0 + 3 * DAY, page: { offset: 0, limit: 1 } };
        const first = await store.listReportCases({ ...q, metric: 'opened', key: 'rename' });
        expect([first.page.total, ids(first.page.items)]).toEqual([2, ['a3']]);
        expect(sorted(ids(first.people))).toEqual(['p_subject']);
        expect((first.page.items[0] as unknown as Record<string, unknown>).rpOpenDay).toBeUndefined();
        const next = await store.listReportCases({ ...q, metric: 'opened', key: 'rename', page: { offset: 1, limit: 5 } });
        expect(ids(next.page.items)).toEqual(['a1']);
        const overdue = await store.listReportCases({ ...q, fromDay: D + 1, toDay: D + 1, metric: 'overdue', page: { offset: 0, limit: 5 } });
        expect(ids(overdue.page.items)).toEqual(['a2']);
        const measures = await store.listReportCases({ ...q, metric: 'measures', key: 'removal', page: { offset: 0, limit: 5 } });
        expect(ids(measures.page.items)).toEqual(['v1']);
        const scoped = await store.listReportCases({ ...q, scope: { all: false, groupIds: ['g2'], deptIds: [] }, metric: 'opened', page: { offset: 0, limit: 5 } });
        expect([ids(scoped.groups), ids(scoped.page.items)]).toEqual([['g2'], ['a3']]);
        const outside = await store.listReportCases({ ...q, scope: { all: false, groupIds: ['g2'], deptIds: [] }, groupId: 'g1', metric: 'opened' });
        expect(outside.page).toEqual({ items: [], total: 0 });
      });
    });

    describe('settings', () => {
      it('should have no settings at first', async () => {
        expect(await store.getSettings()).toBeNull();
        expect(await store.getSettings(1)).toBeNull();
      });

      it('should insert each version once and answer the latest by default', async () => {
        expect(await store.insertSettings(settingsDoc(1))).toBe(true);
        expect(await store.insertSettings(settingsDoc(2, { updatedBy: 'p1' }))).toBe(true);
        // Someone else saved version 2 first.
        expect(await store.insertSettings(settingsDoc(2, { updatedBy: 'p2' }))).toBe(false);
        expect(await store.getSettings()).toEqual(settingsDoc(2, { updatedBy: 'p1' }));
        expect(await store.getSettings(1)).toEqual(settingsDoc(1));
        expect(await store.getSettings(7)).toBeNull();
      });

      it('should order versions as numbers, not as text', async () => {
        for (const v of [9, 10, 2]) await store.insertSettings(settingsDoc(v));
        expect((await store.getSettings())?.version).toBe(10);
      });
    });
  });
}
