// The Store on the WeChat cloud database (wx-server-sdk), reached only from cloud functions.
import type { AckDoc, BackupDoc, CheckpointDoc, ExportDoc, DelegationDoc, MediaVerdictDoc, UploadDoc, Department, FileAccessDoc, GrantDoc, Group, Invitation, Membership, NoticeDoc, NotificationDoc, Person, RosterEntry, SettingsDoc } from '../../../core/model';
import { caseToDoc, docToCase, type CollectionName } from '../../collections';
import type { ActorRecord, Directory, NoticeTally, PageOf, PageQuery, Store } from '../../ports';
import { departureId } from '../../../core/kinds/departure';
import { leftAudience } from '../../../core/notices';
import { peopleNamed } from '../export-source';
import { readScreen } from '../screen';
import type { WxDatabase, WxDoc, WxQuery } from './types';
import { wechatReports } from './reports';

/** The most one query returns in a cloud function. */
const MAX_LIMIT = 1000;
/** Ids per `_.in` query. */
const IN_CHUNK = 100;

type Order = [field: string, order: 'asc' | 'desc'];
/** A projection: only these fields come back. */
type Fields = Record<string, boolean>;

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

/** Active roster rows in _id order with their people; a row whose person is gone is left out, as listRoster does. */
function joinRoster(ms: Membership[], people: Person[]): RosterEntry[] {
  const byId = new Map(people.map((p) => [p._id, p]));
  return ms
    .filter((m) => m.status === 'active' && byId.has(m.personId))
    .sort(cmpId)
    .map((m) => ({ membership: m, person: byId.get(m.personId)! }));
}

type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/** A notice's optional fields: a replacement without one removes it (tsc asks for any new one here). */
const NOTICE_OPTIONAL: Record<OptionalKeys<NoticeDoc>, true> = {
  withdrawReason: true,
  withdrawnBy: true,
  withdrawnAt: true,
  corrects: true,
  correctedBy: true,
  nearDuplicate: true,
  outbox: true,
};

export function createWechatStore(db: WxDatabase): Store {
  const _ = db.command;
  const coll = (name: CollectionName) => db.collection(name);

  function query(name: CollectionName, where: object | undefined, order: Order[], fields?: Fields): WxQuery {
    let q: WxQuery = coll(name);
    if (where) q = q.where(where);
    if (fields) q = q.field(fields);
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
  async function pages<T>(name: CollectionName, where: object | undefined, order: Order[], offset: number, want: number, total?: Promise<number>, fields?: Fields): Promise<T[]> {
    const out: T[] = [];
    let known: number | undefined;
    void total?.then((t) => (known = t), () => undefined);
    while (out.length < want) {
      let q = query(name, where, order, fields);
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
  async function all<T>(name: CollectionName, where: object | undefined, order: Order[], fields?: Fields): Promise<T[]> {
    // Counted beside the first page, so a list shorter than one page still costs one round trip.
    const total = (where ? coll(name).where(where) : coll(name)).count().then((r) => r.total);
    return pages<T>(name, where, order, 0, Infinity, total, fields);
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

  /** NoticeTally of each notice (Store.listNoticesByPublisher, getNoticeForPerson), after the notices were read. */
  async function noticeTallies(list: NoticeDoc[]): Promise<NoticeTally[]> {
    if (!list.length) return [];
    const ids = [...new Set(list.map((n) => n._id))];
    const $ = _.aggregate;
    // Counted by the database (indexed by noticeId), two numbers a notice whatever its audience;
    // beside it the ended memberships of the notices' groups (indexed by group and status), which
    // only people who left make. Their acknowledgements, the few there are, are read after.
    const [counted, ended] = await Promise.all([
      coll('acks')
        .aggregate()
        .match({ noticeId: _.in(ids) })
        .group({ _id: { n: '$noticeId', late: '$late' }, count: $.sum(1) })
        .limit(ids.length * 2)
        .end(),
      all<{ _id: string; groupId: string; personId: string }>('memberships', { groupId: _.in([...new Set(list.flatMap((n) => n.groupIds))]), status: 'left' }, [['_id', 'asc']], {
        groupId: true,
        personId: true,
      }),
    ]);
    const rows = counted.list as unknown as { _id: { n: string; late?: boolean }; count: number }[];
    const lefts = list.map((n) => leftAudience(n, ended));
    const leftAckIds = list.flatMap((n, i) => lefts[i].map((k) => `${n._id}:${k.slice(k.indexOf(':') + 1)}`));
    const leftAcks = leftAckIds.length ? await byIds<AckDoc>('acks', leftAckIds) : [];
    return list.map((n, i) => {
      const mine = rows.filter((r) => r._id.n === n._id);
      return {
        noticeId: n._id,
        acked: mine.reduce((t, r) => t + r.count, 0),
        late: mine.filter((r) => r._id.late === true).reduce((t, r) => t + r.count, 0),
        left: lefts[i],
        leftAcks: leftAcks.filter((a) => a.noticeId === n._id).sort(byTime),
      };
    });
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

  /** Replace the notice only at `expectedVersion`, storing version + 1: objects set whole, absent optional fields removed. */
  async function replaceNoticeAt(n: NoticeDoc, expectedVersion: number): Promise<boolean> {
    const { _id, ...fields } = { ...n, version: expectedVersion + 1 };
    const data: Record<string, unknown> = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === 'object' ? _.set(v) : v]));
    for (const k of Object.keys(NOTICE_OPTIONAL)) if (data[k] === undefined) data[k] = _.remove();
    const r = await coll('notices').where({ _id, version: expectedVersion }).update({ data });
    return r.stats.updated > 0;
  }

  const store: Store = {
    getScreen: (personId, q) => readScreen(store, personId, q),
    async getActor(openid, q = {}) {
      // One request: the person with their memberships, headships and departure record (and, when
      // asked, their recent uploads and the cases they opened) joined in by the database.
      const $ = _.aggregate;
      const correlated = (from: CollectionName, match: unknown, as: string, fields?: Record<string, 0 | 1>) => {
        let p = $.pipeline().match(_.expr(match));
        if (fields) p = p.project(fields);
        return { from, let: { pid: '$_id' }, pipeline: p.done(), as };
      };
      let agg = coll('people')
        .aggregate()
        .match({ openid })
        .limit(1)
        .lookup({ from: 'memberships', localField: '_id', foreignField: 'personId', as: 'memberships' })
        .lookup({ from: 'departments', localField: '_id', foreignField: 'headId', as: 'headOf' })
        // The departure record's id follows from the person's: it ends access the moment it is written.
        .lookup(correlated('cases', $.eq(['$_id', $.concat([departureId(''), '$$pid'])]), 'departure', { _id: 1 }));
      if (q.uploadsSince !== undefined) agg = agg.lookup(correlated('files', $.and([$.eq(['$uploadedBy', '$$pid']), $.gte(['$uploadedAt', q.uploadsSince])]), 'uploads'));
      if (q.uploadIds?.length) agg = agg.lookup({ from: 'files', pipeline: $.pipeline().match({ _id: _.in(q.uploadIds) }).done(), as: 'named' });
      if (q.openedSince !== undefined) {
        agg = agg.lookup(correlated('cases', $.and([$.eq(['$openedBy', '$$pid']), $.gte(['$createdAt', q.openedSince])]), 'opened', { kind: 1, createdAt: 1 }));
      }
      if (q.delegationsAt !== undefined) {
        const at = q.delegationsAt;
        agg = agg.lookup(correlated('delegations', $.and([$.eq(['$delegateId', '$$pid']), $.gte(['$to', at + 1]), $.gte([at, '$from'])]), 'delegatedBy'));
      }
      if (q.delegationsOf) {
        agg = agg.lookup(correlated('delegations', $.eq(['$_id', '$$pid']), 'ownDelegation'));
        if (q.delegationsOf.length) agg = agg.lookup({ from: 'delegations', pipeline: $.pipeline().match({ _id: _.in(q.delegationsOf) }).done(), as: 'namedDelegations' });
      }
      const { list } = await agg.end();
      type Row = Person & {
        memberships: Membership[];
        headOf: Department[];
        departure: unknown[];
        uploads?: UploadDoc[];
        named?: UploadDoc[];
        opened?: { _id: string; kind: string; createdAt: number }[];
        delegatedBy?: DelegationDoc[];
        ownDelegation?: DelegationDoc[];
        namedDelegations?: DelegationDoc[];
      };
      const row = list[0] as unknown as Row | undefined;
      if (!row) return null;
      const { memberships, headOf, departure, uploads, named, opened, delegatedBy, ownDelegation, namedDelegations, ...person } = row;
      const record: ActorRecord = { person: person as Person, memberships: [...memberships].sort(cmpId), headOf: [...headOf].sort(cmpId).map((d) => d._id), departed: departure.length > 0 };
      const byTimeOf = <T extends { _id: string }>(at: (x: T) => number) => (a: T, b: T) => at(a) - at(b) || cmpId(a, b);
      if (uploads || named) {
        const mine = [...(uploads ?? [])].sort(byTimeOf<UploadDoc>((u) => u.uploadedAt));
        record.uploads = [...mine, ...(named ?? []).filter((u) => !mine.some((m) => m._id === u._id)).sort(cmpId)];
      }
      if (opened) record.opened = opened.map(({ _id, kind, createdAt }) => ({ _id, kind, createdAt })).sort(byTimeOf((o) => o.createdAt));
      if (delegatedBy) record.delegatedBy = [...delegatedBy].sort(byTimeOf<DelegationDoc>((d) => d.to));
      if (q.delegationsOf) record.delegations = [...(ownDelegation ?? []), ...(namedDelegations ?? []).filter((d) => d._id !== person._id)];
      return record;
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
    ...wechatReports(db, { all, page, byIds, getDirectory: () => store.getDirectory() }),
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
    async getCaseWithNotifications(id) {
      // One request: the case with the notifications it sent joined in by the database.
      const { list } = await coll('cases')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'notifications', localField: '_id', foreignField: 'caseId', as: 'sent' })
        .end();
      const row = list[0] as unknown as (WxDoc & { sent: NotificationDoc[] }) | undefined;
      if (!row) return null;
      const { sent, ...doc } = row;
      return { case: docToCase(doc), notifications: [...sent].sort(cmpId) };
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
    async listInbox(who, p) {
      // Array containment: matches cases whose assignees include personId (any of several: each case once).
      let where: object;
      if (typeof who === 'object' && !Array.isArray(who)) {
        // A delegate's (代理): their own, or whom they stand in for on a delegated kind.
        const others = [...new Set(who.actingFor)].filter((id) => id !== who.own);
        where =
          others.length && who.kinds.length
            ? _.or([
                { assignees: who.own, open: true },
                { assignees: _.in(others), open: true, kind: _.in([...who.kinds]) },
              ])
            : { assignees: who.own, open: true };
      } else {
        const ids = [...new Set(typeof who === 'string' ? [who] : who)];
        where = { assignees: ids.length === 1 ? ids[0] : _.in(ids), open: true };
      }
      const r = await page<WxDoc>('cases', where, [
        ['dueKey', 'asc'],
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ], p);
      return { items: r.items.map(docToCase), total: r.total };
    },
    async searchCases(q0) {
      let q = q0;
      let people: Person[] | undefined;
      if (q0.personText !== undefined) {
        // A name is two requests before the cases: people by name, and roster rows by nickname (both
        // unanchored RegExps: a scan of people and of the searched groups' rows, not of the cases).
        const cap = q0.peopleCap ?? 20;
        const re = db.RegExp({ regexp: q0.personText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
        const inGroups = q0.groupIds ? { groupId: _.in(q0.groupIds) } : {};
        const [byName, byNickname] = await Promise.all([
          coll('people').where({ name: re }).limit(MAX_LIMIT).get(),
          coll('memberships').where({ nickname: re, ...inGroups }).limit(MAX_LIMIT).get(),
        ]);
        const named = byName.data as unknown as Person[];
        let ids = new Set([...named.map((p) => p._id), ...(byNickname.data as unknown as Membership[]).map((m) => m.personId)]);
        if (q0.groupIds && named.length) {
          // Only people with a roster row in the searched groups.
          const rows = (await coll('memberships').where({ personId: _.in(named.map((p) => p._id)), ...inGroups }).limit(MAX_LIMIT).get()).data as unknown as Membership[];
          const reach = new Set([...rows.map((m) => m.personId), ...(byNickname.data as unknown as Membership[]).map((m) => m.personId)]);
          ids = new Set([...ids].filter((id) => reach.has(id)));
        }
        const known = new Map(named.map((p) => [p._id, p]));
        const missing = [...ids].filter((id) => !known.has(id));
        for (const p of missing.length ? await byIds<Person>('people', missing) : []) known.set(p._id, p);
        people = [...ids].map((id) => known.get(id)!).filter(Boolean).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : cmpId(a, b))).slice(0, cap + 1);
        if (!people.length || people.length > cap) return { items: [], total: 0, capped: false, people };
        q = { ...q0, personIds: [...(q0.personIds ?? []), ...people.map((p) => p._id)] };
      }
      // Every filter is a condition of one where(); the database picks the index (collections.ts, search_*).
      const conds: object[] = [];
      if (q.groupIds) conds.push({ groupId: _.in(q.groupIds) });
      if (q.kinds?.length) conds.push({ kind: _.in(q.kinds) });
      if (q.states?.length) conds.push({ state: _.in(q.states) });
      if (q.personIds) conds.push(_.or([{ subjectId: _.in(q.personIds) }, { openedBy: _.in(q.personIds) }]));
      // Anchored, so a prefix of one term (an element of the array): the search_terms index can serve it.
      for (const word of q.words ?? []) conds.push({ terms: db.RegExp({ regexp: `^${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` }) });
      if (q.openedFrom !== undefined) conds.push({ createdAt: _.gte(q.openedFrom) }, { searchDue: _.gte(q.openedFrom) });
      if (q.openedTo !== undefined) conds.push({ createdAt: _.lte(q.openedTo) });
      if (q.overdueAt !== undefined) conds.push({ open: true }, { dueKey: _.lt(q.overdueAt) });
      const where = conds.length === 0 ? {} : conds.length === 1 ? conds[0]! : _.and(conds);
      const dir = q.order === 'dueAsc' ? 'asc' : 'desc';
      const r = await page<WxDoc>('cases', where, [
        [q.overdueAt !== undefined ? 'dueKey' : 'searchDue', dir],
        ['_id', dir],
      ], q);
      return { items: r.items.map(docToCase), total: Math.min(r.total, q.countCap), capped: r.total > q.countCap, ...(people ? { people } : {}) };
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

    async getNoticeTargets(groupIds, since) {
      // One request, anchored like getDirectory on any one department: the groups, their active roster
      // rows, those rows' people (looked up through the rows), every department, the groups' recent notices.
      const ids = [...new Set(groupIds)];
      const $ = _.aggregate;
      const { list } = await coll('departments')
        .aggregate()
        .limit(1)
        .lookup({ from: 'groups', pipeline: $.pipeline().match({ _id: _.in(ids) }).done(), as: 'groups' })
        .lookup({ from: 'memberships', pipeline: $.pipeline().match({ groupId: _.in(ids), status: 'active' }).done(), as: 'rows' })
        .lookup({ from: 'people', localField: 'rows.personId', foreignField: '_id', as: 'people' })
        .lookup({ from: 'departments', pipeline: $.pipeline().done(), as: 'departments' })
        .lookup({ from: 'notices', pipeline: $.pipeline().match({ groupIds: _.in(ids), publishedAt: _.gte(since) }).done(), as: 'recent' })
        .end();
      const row = list[0] as unknown as { groups: Group[]; rows: Membership[]; people: Person[]; departments: Department[]; recent: NoticeDoc[] } | undefined;
      // No department: an empty organisation, where no group can be either.
      if (!row) return { groups: [], roster: [], departments: [], recent: [] };
      return {
        groups: [...row.groups].sort(cmpId),
        roster: joinRoster(row.rows, row.people),
        departments: [...row.departments].sort(cmpId),
        recent: [...row.recent].sort(cmpId),
      };
    },
    insertNotice: (n) => addIfAbsent('notices', n),
    getNotice: (id) => byId<NoticeDoc>('notices', id),
    async getNoticeForPerson(id, personId, opts) {
      // One request: the notice with the person's acknowledgement (its _id is known) looked up beside it.
      const { list } = await coll('notices')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'acks', pipeline: _.aggregate.pipeline().match({ _id: `${id}:${personId}` }).done(), as: 'myAck' })
        .end();
      const row = list[0] as unknown as (NoticeDoc & { myAck: AckDoc[] }) | undefined;
      if (!row) return null;
      const { myAck, ...rest } = row;
      const notice = rest as NoticeDoc;
      return { notice, ack: myAck[0] ?? null, ...(opts?.tallyIf?.(notice) ? { tally: (await noticeTallies([notice]))[0]! } : {}) };
    },
    updateNotice: (n, expectedVersion) => replaceNoticeAt(n, expectedVersion),
    async replaceNotice(old, expectedVersion, fresh) {
      // No transaction spans two documents here: the new notice goes in first, and the old one's
      // conditional update, which names it in correctedBy, commits the correction. Taken already: a
      // retry (or a double tap) of this correction put it there, and the update below still counts.
      await addIfAbsent('notices', fresh);
      if (await replaceNoticeAt(old, expectedVersion)) return true;
      // The old one moved: by an earlier try of this very correction (done), or by someone else.
      const now = await byId<NoticeDoc>('notices', old._id);
      if (now && now.correctedBy === fresh._id) return true;
      // Neither: the new one goes again. Safe against a concurrent try of the same correction, since a
      // version that moved never comes back, so that try's update cannot succeed after ours failed.
      await coll('notices').where({ _id: fresh._id }).remove();
      return false;
    },
    async listNoticesToAck(personId, p) {
      // No index can say "not acknowledged", so: every open notice the person owes, by the owed index
      // (_id and deadline only), then their acknowledgements of those by id. With N such notices
      // (acknowledged ones count: a notice stays open until withdrawn or corrected) that costs
      // ⌈N/1000⌉ reads one after another (and a count beside the first), ⌈N/100⌉ ack reads at once,
      // and one read of the page: 300 owed is 1 + 1 + 3 + 1 requests, 10,000 is 10 + 1 + 100 + 1.
      const owed = await all<{ _id: string; ackDueAt: number }>('notices', { owed: personId, open: true }, [
        ['ackDueAt', 'desc'],
        ['_id', 'desc'],
      ], { _id: true, ackDueAt: true });
      const acked = new Set((await byIds<AckDoc>('acks', owed.map((n) => `${n._id}:${personId}`))).map((a) => a.noticeId));
      const waiting = owed.filter((n) => !acked.has(n._id));
      const offset = Math.max(0, Math.floor(p.offset));
      const ids = waiting.slice(offset, offset + clampLimit(p.limit)).map((n) => n._id);
      const docs = new Map((await byIds<NoticeDoc>('notices', ids)).map((n) => [n._id, n]));
      return { items: ids.flatMap((id) => docs.get(id) ?? []), total: waiting.length };
    },
    async listNoticesOfGroup(groupId, personId, p) {
      // Array containment: notices whose groupIds include groupId.
      const r = await page<NoticeDoc>('notices', { groupIds: groupId }, [
        ['publishedAt', 'desc'],
        ['_id', 'desc'],
      ], p);
      const acks = await byIds<AckDoc>('acks', r.items.map((n) => `${n._id}:${personId}`));
      return { ...r, acks: acks.sort(cmpId) };
    },
    async listNoticesByPublisher(personId, p, opts) {
      const r = await page<NoticeDoc>('notices', { publisherId: personId }, [
        ['publishedAt', 'desc'],
        ['_id', 'desc'],
      ], p);
      return opts?.tallies ? { ...r, tallies: await noticeTallies(r.items) } : r;
    },
    insertAck: (a) => addIfAbsent('acks', a),
    async listAcks(noticeId, personIds) {
      if (personIds) return (await byIds<AckDoc>('acks', personIds.map((id) => `${noticeId}:${id}`))).sort(byTime);
      return all<AckDoc>('acks', { noticeId }, [
        ['at', 'asc'],
        ['_id', 'asc'],
      ]);
    },
    async getNoticeReceipts(id) {
      // One request: the notice with its acknowledgements, the roster rows of its groups (looked up
      // through its groupIds array), those rows' people (through the rows) and every department.
      // One document answers, so the database's 16 MB limit bounds it, as it does getDirectory.
      const { list } = await coll('notices')
        .aggregate()
        .match({ _id: id })
        .limit(1)
        .lookup({ from: 'acks', localField: '_id', foreignField: 'noticeId', as: 'acks' })
        .lookup({ from: 'memberships', localField: 'groupIds', foreignField: 'groupId', as: 'rows' })
        .lookup({ from: 'people', localField: 'rows.personId', foreignField: '_id', as: 'people' })
        .lookup({ from: 'departments', pipeline: _.aggregate.pipeline().done(), as: 'departments' })
        .end();
      const row = list[0] as unknown as (NoticeDoc & { acks: AckDoc[]; rows: Membership[]; people: Person[]; departments: Department[] }) | undefined;
      if (!row) return null;
      const { acks, rows, people, departments, ...notice } = row;
      return { notice: notice as NoticeDoc, acks: [...acks].sort(byTime), roster: joinRoster(rows, people), departments: [...departments].sort(cmpId) };
    },
    async listDueNotices(now, limit) {
      const q = query('notices', { wakeAt: _.lte(now) }, [
        ['wakeAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return (await limited(q, limit)) as unknown as NoticeDoc[];
    },

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

    insertUpload: (u) => addIfAbsent('files', u),
    getUploads: (ids) => byIds<UploadDoc>('files', ids),
    async attachUploads(ids, ref) {
      for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
        await coll('files')
          .where({ _id: _.in(part) })
          .update({ data: { usedBy: _.addToSet(ref), used: true } });
      }
    },
    async setUploadVerdict(traceId, check) {
      // Conditional on still pending: a repeated push changes nothing.
      await coll('files')
        .where({ 'check.traceId': traceId, 'check.status': 'pending' })
        .update({ data: { check: _.set(check) } });
      return first<UploadDoc>(coll('files').where({ 'check.traceId': traceId }));
    },
    async listStaleUploads(before, limit) {
      const q = query('files', { used: false, uploadedAt: _.lt(before) }, [
        ['uploadedAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return (await limited(q, limit)) as unknown as UploadDoc[];
    },
    async deleteUnusedUpload(id) {
      const r = await coll('files').where({ _id: id, used: false }).remove();
      return r.stats.removed > 0;
    },
    async putMediaVerdict(v) {
      const { _id, ...data } = v;
      await coll('media_verdicts').doc(_id).set({ data });
    },
    getMediaVerdict: (traceId) => byId<MediaVerdictDoc>('media_verdicts', traceId),

    insertCheckpoint: (cp) => addIfAbsent('audit_checkpoints', cp),
    getLatestCheckpoint: () => first<CheckpointDoc>(coll('audit_checkpoints').orderBy('seq', 'desc')),
    listCheckpoints: () => all<CheckpointDoc>('audit_checkpoints', undefined, [['seq', 'asc']]),
    async listCasesChangedSince(since) {
      const docs = await all<WxDoc>('cases', { updatedAt: _.gte(since) }, [
        ['updatedAt', 'asc'],
        ['_id', 'asc'],
      ]);
      return docs.map(docToCase);
    },
    listBackupsChangedSince: (since) =>
      all<BackupDoc>('backups', { updatedAt: _.gte(since) }, [
        ['updatedAt', 'asc'],
        ['_id', 'asc'],
      ]),
    listExportsSince: (since) =>
      all<ExportDoc>('exports', { at: _.gte(since) }, [
        ['at', 'asc'],
        ['_id', 'asc'],
      ]),
    async getAuditPage(scope, afterId, limit) {
      // Two requests at once: the page, and every checkpoint.
      const q = query(scope === 'case' ? 'cases' : scope === 'backup' ? 'backups' : 'exports', afterId === null ? {} : { _id: _.gt(afterId) }, [['_id', 'asc']]);
      const [docs, checkpoints] = await Promise.all([limited(q, limit), all<CheckpointDoc>('audit_checkpoints', undefined, [['seq', 'asc']])]);
      return {
        cases: scope === 'case' ? docs.map(docToCase) : [],
        backups: scope === 'backup' ? (docs as unknown as BackupDoc[]) : [],
        exports: scope === 'export' ? (docs as unknown as ExportDoc[]) : [],
        checkpoints,
      };
    },

    async getExportSource(q) {
      const existing = await byId<ExportDoc>('exports', q.exportId);
      const none = { count: { cases: 0, history: 0 }, cases: null, people: [], checkpoints: [] };
      if (existing) return { existing, groups: [], ...none };
      const { groupIds: scopeIds, deptIds } = q.scope;
      const byName: Order[] = [
        ['name', 'asc'],
        ['_id', 'asc'],
      ];
      const scoped = q.scope.all
        ? await all<Group>('groups', undefined, byName)
        : scopeIds.length || deptIds.length
          ? await all<Group>('groups', _.or([{ _id: _.in(scopeIds) }, { deptId: _.in(deptIds) }]), byName)
          : [];
      const inScope = new Set(scoped.map((g) => g._id));
      if (q.groupIds && !q.groupIds.every((id) => inScope.has(id))) return { existing: null, groups: scoped, ...none };
      const ids = q.groupIds ?? (q.scope.all ? null : [...inScope]);
      if (ids && !ids.length) return { existing: null, groups: scoped, ...none };
      // The report facts' opening day leads (index report_opened: rpOpenDay, kind, groupId).
      const parts: object[] = [{ rpOpenDay: _.gte(q.fromDay) }, { rpOpenDay: _.lte(q.toDay) }];
      if (q.kinds) parts.push({ kind: _.in(q.kinds) });
      if (ids) parts.push({ groupId: _.in(ids) });
      const where = _.and(parts);
      const total = coll('cases').where(where).count().then((r) => r.total);
      // Read a page at a time, counting history entries as they come: past the limit the rest is not read,
      // so the function never holds more than the limit and one page.
      const docs: WxDoc[] = [];
      let history = 0;
      for (;;) {
        let page = query('cases', where, [
          ['createdAt', 'asc'],
          ['_id', 'asc'],
        ]);
        if (docs.length) page = page.skip(docs.length);
        const { data } = await page.limit(MAX_LIMIT).get();
        for (const d of data) history += Array.isArray(d.history) ? d.history.length : 0;
        docs.push(...data);
        if (history > q.maxHistory) return { existing: null, groups: scoped, count: { cases: await total, history }, cases: null, people: [], checkpoints: [] };
        if (!data.length || docs.length >= (await total)) break;
      }
      const selected = docs.map(docToCase);
      const [named, checkpoints] = await Promise.all([byIds<Person>('people', peopleNamed(selected)), all<CheckpointDoc>('audit_checkpoints', undefined, [['seq', 'asc']])]);
      return { existing: null, groups: scoped, count: { cases: selected.length, history }, cases: selected, people: named, checkpoints };
    },
    insertExport: (e) => addIfAbsent('exports', e),
    getExport: (id) => byId<ExportDoc>('exports', id),
    listExports: (p) =>
      page<ExportDoc>('exports', {}, [
        ['at', 'desc'],
        ['_id', 'desc'],
      ], p),
    findExportsBySha256: (sha256) =>
      all<ExportDoc>('exports', _.or([{ fileSha256: sha256 }, { contentSha256: sha256 }]), [
        ['at', 'desc'],
        ['_id', 'desc'],
      ]),

    async getSettings(version) {
      if (version === undefined) return first<SettingsDoc>(coll('settings').orderBy('version', 'desc'));
      return first<SettingsDoc>(coll('settings').where({ version }));
    },
    insertSettings: (s) => addIfAbsent('settings', s),

    getDelegations: (delegatorIds) => byIds<DelegationDoc>('delegations', delegatorIds),
    listDelegationsTo: (delegateId, after) =>
      all<DelegationDoc>('delegations', { delegateId, to: _.gt(after) }, [
        ['to', 'asc'],
        ['_id', 'asc'],
      ]),
    async putDelegation(d) {
      const { _id, ...data } = d;
      await coll('delegations').doc(_id).set({ data });
    },
  };
  return store;
}
