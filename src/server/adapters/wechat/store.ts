// The Store on the WeChat cloud database (wx-server-sdk), reached only from cloud functions.
import type { BackupDoc, Department, FileAccessDoc, GrantDoc, Group, Invitation, Membership, NotificationDoc, Person, RosterEntry, SettingsDoc } from '../../../core/model';
import { caseToDoc, docToCase, type CollectionName } from '../../collections';
import type { Directory, PageOf, PageQuery, Store } from '../../ports';
import type { WxDatabase, WxDoc, WxQuery } from './types';

/** The most one query returns in a cloud function. */
const MAX_LIMIT = 1000;
/** Ids per `_.in` query. */
const IN_CHUNK = 100;

type Order = [field: string, order: 'asc' | 'desc'];

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const clampLimit = (n: number) => Math.min(MAX_LIMIT, Math.max(0, Math.floor(n)));

// Orders for what an aggregate's lookup returns unordered: the same orders the SQLite store's queries use.
const cmpId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
const byPeriod = (a: BackupDoc, b: BackupDoc) => (a.from !== b.from ? (a.from < b.from ? -1 : 1) : cmpId(a, b));
const byTime = (a: { at: number; _id: string }, b: { at: number; _id: string }) => a.at - b.at || cmpId(a, b);
const byCreated = (a: { createdAt: number; _id: string }, b: { createdAt: number; _id: string }) => a.createdAt - b.createdAt || cmpId(a, b);

export function createWechatStore(db: WxDatabase): Store {
  const _ = db.command;
  const coll = (name: CollectionName) => db.collection(name);

  function query(name: CollectionName, where: object | undefined, order: Order[]): WxQuery {
    let q: WxQuery = coll(name);
    if (where) q = q.where(where);
    for (const [f, o] of order) q = q.orderBy(f, o);
    return q;
  }

  async function byId<T>(name: CollectionName, id: string): Promise<T | null> {
    // where() rather than doc().get(): a missing document is an answer here, not an error.
    const { data } = await coll(name).where({ _id: id }).limit(1).get();
    return (data[0] as T | undefined) ?? null;
  }

  async function byIds<T>(name: CollectionName, ids: string[]): Promise<T[]> {
    const parts = await Promise.all(
      chunks([...new Set(ids)], IN_CHUNK).map((part) =>
        coll(name)
          .where({ _id: _.in(part) })
          .limit(part.length)
          .get(),
      ),
    );
    return parts.flatMap((p) => p.data as T[]);
  }

  /**
   * Up to `want` matches from `offset`, a page at a time, advancing by what each page returned: the
   * database may return fewer than asked (1000 at most in a function, 100 in older SDKs). Stops on
   * an empty page, or once `total` (when known) is reached.
   */
  async function pages<T>(name: CollectionName, where: object | undefined, order: Order[], offset: number, want: number, total?: Promise<number>): Promise<T[]> {
    const out: T[] = [];
    let known: number | undefined;
    void total?.then((t) => (known = t), () => undefined);
    while (out.length < want) {
      let q = query(name, where, order);
      if (offset + out.length) q = q.skip(offset + out.length);
      const { data } = await q.limit(Math.min(MAX_LIMIT, want - out.length)).get();
      out.push(...(data as T[]));
      if (data.length === 0) break;
      if (total && known === undefined) known = await total;
      if (known !== undefined && offset + out.length >= known) break;
    }
    return out;
  }

  /** Every match; `order` must end in a unique field so pages do not overlap. */
  async function all<T>(name: CollectionName, where: object | undefined, order: Order[]): Promise<T[]> {
    // Counted beside the first page, so a list shorter than one page still costs one round trip.
    const total = (where ? coll(name).where(where) : coll(name)).count().then((r) => r.total);
    return pages<T>(name, where, order, 0, Infinity, total);
  }

  async function page<T>(name: CollectionName, where: object, order: Order[], p: PageQuery): Promise<PageOf<T>> {
    const limit = clampLimit(p.limit);
    const offset = Math.max(0, Math.floor(p.offset));
    const total = coll(name)
      .where(where)
      .count()
      .then((r) => r.total);
    // limit(0) would mean the SDK's default of 100.
    const items = limit > 0 ? await pages<T>(name, where, order, offset, limit, total) : [];
    return { items, total: await total };
  }

  async function first<T>(q: WxQuery): Promise<T | null> {
    const { data } = await q.limit(1).get();
    return (data[0] as T | undefined) ?? null;
  }

  /** add(), but false when the _id is taken. The SDK's rejection does not say why, so look. */
  async function addIfAbsent(name: CollectionName, doc: { _id: string }): Promise<boolean> {
    try {
      await coll(name).add({ data: doc });
      return true;
    } catch (err) {
      const { total } = await coll(name).where({ _id: doc._id }).count();
      if (total > 0) return false;
      throw err;
    }
  }

  async function limited(q: WxQuery, limit: number): Promise<WxDoc[]> {
    const n = clampLimit(limit);
    return n > 0 ? (await q.limit(n).get()).data : [];
  }

  return {
    async getActor(openid) {
      // One request: the person with their memberships and headships joined in by the database.
      const { list } = await coll('people')
        .aggregate()
        .match({ openid })
        .limit(1)
        .lookup({ from: 'memberships', localField: '_id', foreignField: 'personId', as: 'memberships' })
        .lookup({ from: 'departments', localField: '_id', foreignField: 'headId', as: 'headOf' })
        .end();
      const row = list[0] as unknown as (Person & { memberships: Membership[]; headOf: Department[] }) | undefined;
      if (!row) return null;
      const { memberships, headOf, ...person } = row;
      return { person: person as Person, memberships: [...memberships].sort(cmpId), headOf: [...headOf].sort(cmpId).map((d) => d._id) };
    },
    getPerson: (id) => byId<Person>('people', id),
    getPeople: (ids) => byIds<Person>('people', ids),
    getPersonByOpenid: (openid) => first<Person>(coll('people').where({ openid })),
    listPeople: () =>
      all<Person>('people', undefined, [
        ['name', 'asc'],
        ['_id', 'asc'],
      ]),
    listMembershipsOfPerson: (personId) => all<Membership>('memberships', { personId }, [['_id', 'asc']]),
    async listRoster(groupId) {
      const ms = await all<Membership>('memberships', { groupId, status: 'active' }, [['_id', 'asc']]);
      const people = new Map((await byIds<Person>('people', ms.map((m) => m.personId))).map((p) => [p._id, p]));
      const out: RosterEntry[] = [];
      for (const m of ms) {
        const person = people.get(m.personId);
        if (person) out.push({ membership: m, person });
      }
      return out;
    },
    listMemberships: () => all<Membership>('memberships', undefined, [['_id', 'asc']]),
    async getDirectory() {
      // One request: any one department, with every document of the four collections looked up
      // beside it (uncorrelated lookups). No department means an empty organisation.
      const everything = () => _.aggregate.pipeline().done();
      const { list } = await coll('departments')
        .aggregate()
        .limit(1)
        .lookup({ from: 'departments', pipeline: everything(), as: 'departments' })
        .lookup({ from: 'people', pipeline: everything(), as: 'people' })
        .lookup({ from: 'groups', pipeline: everything(), as: 'groups' })
        .lookup({ from: 'memberships', pipeline: everything(), as: 'memberships' })
        .end();
      const row = list[0] as unknown as Directory | undefined;
      if (!row) return { departments: [], people: [], groups: [], memberships: [] };
      const byName = (a: { name: string; _id: string }, b: { name: string; _id: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : cmpId(a, b));
      return {
        departments: [...row.departments].sort(cmpId),
        people: [...row.people].sort(byName),
        groups: [...row.groups].sort(byName),
        memberships: [...row.memberships].sort(cmpId),
      };
    },
    getGroups: (ids) => byIds<Group>('groups', ids),
    listDepartments: () => all<Department>('departments', undefined, [['_id', 'asc']]),
    async insertPerson(p) {
      await coll('people').add({ data: p });
    },
    async insertDepartment(d) {
      await coll('departments').add({ data: d });
    },
    async insertGroup(g) {
      await coll('groups').add({ data: g });
    },
    async createGroup(g, ms) {
      if (await byId<Group>('groups', g._id)) return false;
      // Rows of a group that does not exist lead nowhere; the group's insert makes them count.
      await Promise.all(ms.map(({ _id, ...data }) => coll('memberships').doc(_id).set({ data })));
      return addIfAbsent('groups', g);
    },
    async putMembership(m) {
      const { _id, ...data } = m;
      await coll('memberships').doc(_id).set({ data });
    },
    async setNickname(groupId, personId, nickname, now) {
      const { stats } = await coll('memberships').doc(`${groupId}:${personId}`).update({ data: { nickname, updatedAt: now } });
      return stats.updated > 0;
    },
    async setMembershipStatus(groupId, personId, status, now) {
      const data = status === 'active' ? { status, roles: _.addToSet('member'), updatedAt: now } : { status, updatedAt: now };
      const { stats } = await coll('memberships').doc(`${groupId}:${personId}`).update({ data });
      return stats.updated > 0;
    },
    async setMembershipRole(groupId, personId, role, present, now) {
      const { stats } = await coll('memberships')
        .doc(`${groupId}:${personId}`)
        .update({ data: { roles: present ? _.addToSet(role) : _.pull(role), updatedAt: now } });
      return stats.updated > 0;
    },
    async setMembershipFix(groupId, personId, caseId, ifCurrent) {
      const id = `${groupId}:${personId}`;
      // The condition and the write are one update: nothing can change the row in between.
      const target = ifCurrent === undefined ? coll('memberships').doc(id) : coll('memberships').where({ _id: id, fixCaseId: ifCurrent });
      const { stats } = await target.update({ data: { fixCaseId: caseId } });
      return stats.updated > 0;
    },
    async updatePerson(p) {
      const { _id, ...data } = p;
      await coll('people').doc(_id).set({ data });
    },
    async bindOpenid(personId, openid, invitation) {
      // One person per OPENID: the claim's _id is the OPENID, so a second add() is refused.
      if (!(await addIfAbsent('openid_claims', { _id: openid, personId } as never))) {
        const claim = await byId<{ _id: string; personId: string }>('openid_claims', openid);
        if (claim && claim.personId !== personId) {
          const holder = await byId<Person>('people', claim.personId);
          if (holder?.openid === openid) return false;
          // Left by a binding that never finished: take it over, compare-and-set, so one taker wins.
          const took = await coll('openid_claims').where({ _id: openid, personId: claim.personId }).update({ data: { personId } });
          if (!took.stats.updated) return false;
        }
      }
      // Conditional on the stored openid still being null: two acceptances cannot both bind.
      const r = await coll('people').where({ _id: personId, openid: null }).update({ data: { openid } });
      if (r.stats.updated > 0) {
        // After the binding, so a card is spent only by the one acceptance that bound its person.
        if (invitation) await coll('invitations').where({ _id: invitation.id, usedAt: null }).update({ data: { usedAt: invitation.now, usedBy: openid } });
        return true;
      }
      // This person was bound already: the OPENID stays free for whoever it belongs to.
      await coll('openid_claims').where({ _id: openid, personId }).remove();
      return false;
    },
    async updateDepartment(d) {
      const { _id, ...data } = d;
      await coll('departments').doc(_id).set({ data });
    },
    listGroups: () =>
      all<Group>('groups', undefined, [
        ['name', 'asc'],
        ['_id', 'asc'],
      ]),
    getGroupByOpengid: (opengid) => first<Group>(coll('groups').where({ opengid })),
    async setGroupOpengid(groupId, opengid) {
      await coll('groups').where({ _id: groupId }).update({ data: { opengid } });
    },
    async insertInvitation(inv) {
      await coll('invitations').add({ data: inv });
    },
    getInvitation: (id) => byId<Invitation>('invitations', id),
    async getInvitationWithPerson(id, openid) {
      // One request: the card with its person, and whoever holds the OPENID, joined in by the database.
      const { list } = await coll('invitations')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'people', localField: 'personId', foreignField: '_id', as: 'people' })
        .lookup({ from: 'people', pipeline: _.aggregate.pipeline().match({ openid }).done(), as: 'holders' })
        .end();
      const row = list[0] as unknown as (Invitation & { people: Person[]; holders: Person[] }) | undefined;
      if (!row) return null;
      const { people, holders, ...invitation } = row;
      return { invitation: invitation as Invitation, person: people[0] ?? null, holder: holders[0] ?? null };
    },
    async useInvitation(id, openid, now) {
      const r = await coll('invitations').where({ _id: id, usedAt: null }).update({ data: { usedAt: now, usedBy: openid } });
      return r.stats.updated > 0;
    },

    async getCase(id) {
      const doc = await byId<WxDoc>('cases', id);
      return doc ? docToCase(doc) : null;
    },
    async getCaseWithAccessLog(id) {
      // One request: the case with its log joined in by the database.
      const { list } = await coll('cases')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'file_access', localField: '_id', foreignField: 'caseId', as: 'accessLog' })
        .end();
      const row = list[0] as unknown as (WxDoc & { accessLog: FileAccessDoc[] }) | undefined;
      if (!row) return null;
      const { accessLog, ...doc } = row;
      return { case: docToCase(doc), log: [...accessLog].sort(byTime) };
    },
    async getCaseWithGroupBackups(id) {
      // One request: the case with its group's backups joined in by the database.
      const { list } = await coll('cases')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'backups', localField: 'groupId', foreignField: 'groupId', as: 'groupBackups' })
        .end();
      const row = list[0] as unknown as (WxDoc & { groupBackups: BackupDoc[] }) | undefined;
      if (!row) return null;
      const { groupBackups, ...doc } = row;
      return { case: docToCase(doc), backups: [...groupBackups].sort(byPeriod) };
    },
    insertCase: (c) => addIfAbsent('cases', caseToDoc(c)),
    async updateCase(c, expectedVersion) {
      const { _id, ...fields } = caseToDoc(c, expectedVersion + 1);
      // An object value in update() is merged key by key: _.set replaces data, history, outbox whole.
      const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]));
      const r = await coll('cases').where({ _id, version: expectedVersion }).update({ data });
      return r.stats.updated > 0;
    },
    async setOutbox(cs, outbox) {
      const r = await coll('cases')
        .where({ _id: cs._id, version: cs.version })
        .update({ data: { outbox: _.set(outbox), outboxSize: outbox.length } });
      return r.stats.updated > 0;
    },
    async listCasesOfPerson(personId, p) {
      const r = await page<WxDoc>('cases', _.or([{ openedBy: personId }, { subjectId: personId }]), [
        ['updatedAt', 'desc'],
        ['_id', 'desc'],
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listInbox(personId, p) {
      // Array containment: matches cases whose assignees include personId.
      const r = await page<WxDoc>('cases', { assignees: personId, open: true }, [
        ['dueKey', 'asc'],
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listOpenCases(kind, groupId, subjectId) {
      const where = subjectId === undefined ? { kind, groupId, open: true } : { subjectId, kind, groupId, open: true };
      const docs = await all<WxDoc>('cases', where, [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return docs.map(docToCase);
    },
    async listOpenCasesAbout(kind, subjectId) {
      const docs = await all<WxDoc>('cases', { subjectId, kind, open: true }, [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return docs.map(docToCase);
    },
    async listCasesOfGroup(groupId, p) {
      const r = await page<WxDoc>('cases', { groupId }, [
        ['updatedAt', 'desc'],
        ['_id', 'desc'],
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async listCasesOfKind(kind, groupId) {
      const docs = await all<WxDoc>('cases', { kind, groupId }, [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return docs.map(docToCase);
    },
    async listCasesAbout(kind, groupId, subjectId, since) {
      const docs = await all<WxDoc>('cases', { subjectId, kind, groupId, createdAt: _.gte(since) }, [
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return docs.map(docToCase);
    },
    async listDueCases(now, limit) {
      const q = query('cases', { open: true, wakeAt: _.lte(now) }, [
        ['wakeAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return (await limited(q, limit)).map(docToCase);
    },
    async listCasesWithOutbox(limit) {
      const q = query('cases', { outboxSize: _.gt(0) }, [
        ['updatedAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return (await limited(q, limit)).map(docToCase);
    },

    async listCasesAfter(afterId, limit) {
      const q = query('cases', afterId === null ? {} : { _id: _.gt(afterId) }, [['_id', 'asc']]);
      return (await limited(q, limit)).map(docToCase);
    },

    insertBackup: (b) => addIfAbsent('backups', b),
    getBackup: (id) => byId<BackupDoc>('backups', id),
    getBackups: (ids) => byIds<BackupDoc>('backups', ids),
    listBackups: (groupId) =>
      all<BackupDoc>('backups', { groupId }, [
        ['from', 'asc'],
        ['_id', 'asc'],
      ]),
    async getGroupBackups(groupId) {
      // One request: the group, its backups, and its open backup tasks (a sub-pipeline on known values).
      const { list } = await coll('groups')
        .aggregate()
        .match({ _id: groupId })
        .limit(1)
        .lookup({ from: 'backups', localField: '_id', foreignField: 'groupId', as: 'backups' })
        .lookup({ from: 'cases', pipeline: _.aggregate.pipeline().match({ kind: 'backup_due', groupId, subjectId: groupId, open: true }).done(), as: 'dueTasks' })
        .end();
      const row = list[0] as unknown as (Group & { backups: BackupDoc[]; dueTasks: WxDoc[] }) | undefined;
      if (!row) return null;
      const { backups, dueTasks, ...group } = row;
      const cases = dueTasks.map(docToCase).sort(byCreated);
      return { group: group as Group, backups: [...backups].sort(byPeriod), dueTasks: cases };
    },
    async getBackupInGroup(id) {
      // The group's backups joined in by the database: the backup looks up its own collection.
      const { list } = await coll('backups')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'backups', localField: 'groupId', foreignField: 'groupId', as: 'all' })
        .end();
      const row = list[0] as unknown as (BackupDoc & { all: BackupDoc[] }) | undefined;
      if (!row) return null;
      const { all, ...backup } = row;
      return { backup: backup as BackupDoc, all: [...all].sort(byPeriod) };
    },
    findBackupsByFile: (fileId) => all<BackupDoc>('backups', { fileId }, [['_id', 'asc']]),
    async updateBackup(b, expectedVersion) {
      const { _id, ...fields } = { ...b, version: expectedVersion + 1 };
      const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]));
      const r = await coll('backups').where({ _id, version: expectedVersion }).update({ data });
      return r.stats.updated > 0;
    },

    insertFileAccess: (e) => addIfAbsent('file_access', e),
    getFileAccess: (id) => byId<FileAccessDoc>('file_access', id),
    listFileAccess: (caseId) =>
      all<FileAccessDoc>('file_access', { caseId }, [
        ['at', 'asc'],
        ['_id', 'asc'],
      ]),

    insertNotification: (n) => addIfAbsent('notifications', n),
    getNotification: (id) => byId<NotificationDoc>('notifications', id),
    async setNotificationPush(id, push, error) {
      await coll('notifications')
        .where({ _id: id })
        .update({ data: { push, pushError: error === undefined ? _.remove() : error } });
    },
    async listNotifications(personId, p, unreadOnly) {
      const mine = { to: personId };
      const unreadOfMine = { to: personId, read: false };
      const [r, unread] = await Promise.all([
        page<NotificationDoc>('notifications', unreadOnly ? unreadOfMine : mine, [
          ['createdAt', 'desc'],
          ['_id', 'desc'],
        ], p),
        coll('notifications').where(unreadOfMine).count(),
      ]);
      return { ...r, unread: unread.total };
    },
    async markNotificationsRead(personId, ids) {
      let changed = 0;
      for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
        const r = await coll('notifications')
          .where({ _id: _.in(part), to: personId, read: false })
          .update({ data: { read: true } });
        changed += r.stats.updated;
      }
      return changed;
    },

    listGrants: (personId) => all<GrantDoc>('grants', { personId }, [['_id', 'asc']]),
    async addGrants(personId, templateId, n, now) {
      const _id = `${personId}:${templateId}`;
      const inc = () => coll('grants').where({ _id }).update({ data: { count: _.inc(n), updatedAt: now } });
      if ((await inc()).stats.updated === 0) {
        const doc: GrantDoc = { _id, personId, templateId, count: n, updatedAt: now };
        // Someone else may create it between our update and add: then increment theirs.
        if (!(await addIfAbsent('grants', doc))) await inc();
      }
      return (await byId<GrantDoc>('grants', _id))?.count ?? n;
    },
    async takeGrant(personId, templateId, now) {
      // A conditional decrement: two senders cannot both take the last grant.
      const r = await coll('grants')
        .where({ _id: `${personId}:${templateId}`, count: _.gt(0) })
        .update({ data: { count: _.inc(-1), updatedAt: now } });
      return r.stats.updated > 0;
    },
    async clearGrants(personId, templateId, now) {
      await coll('grants')
        .where({ _id: `${personId}:${templateId}` })
        .update({ data: { count: 0, updatedAt: now } });
    },

    async getSettings(version) {
      if (version === undefined) return first<SettingsDoc>(coll('settings').orderBy('version', 'desc'));
      return first<SettingsDoc>(coll('settings').where({ version }));
    },
    insertSettings: (s) => addIfAbsent('settings', s),
  };
}
