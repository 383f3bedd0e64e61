// The Store on better-sqlite3: the local host's database and the one the server tests run on.
import Database from 'better-sqlite3';
import type { NamingSnapshotDoc, AckDoc, BackupDoc, Case, CheckpointDoc, DelegationDoc, ExportDoc, MediaVerdictDoc, UploadDoc, Department, FileAccessDoc, NoticeDoc, GrantDoc, Group, Invitation, Membership, NotificationDoc, Person, RosterEntry, SettingsDoc } from '../../../core/model';
import { caseToDoc, COLLECTIONS, docToCase, indexesOf, type StoredCase } from '../../collections';
import type { ActorRecord, CaseSearchQuery, NoticeTally, PageOf, PageQuery, Store } from '../../ports';
import { departureId } from '../../../core/kinds/departure';
import { leftAudience } from '../../../core/notices';
import { readScreen } from '../screen';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { col, Collection, ensureCollection, sideTable, type Db } from './schema';
import { sqliteReports } from './reports';
import { sqliteExports } from './exports';

export interface SqliteStore extends Store {
  readonly db: Db;
  /** Resolves once every write made so far is committed (at once without group commit). */
  flush(): Promise<void>;
  close(): void;
  /**
   * Many new cases at once, in one transaction (the bench's 10^6): the same rows, columns, side tables
   * and indexes as insertCase, with the indexes built after the rows, by sorting, instead of row by row.
   */
  bulkInsertCases(cases: Iterable<Case>): number;
}

export interface SqliteOptions {
  /**
   * Group commit, for a server: writes made in one turn of the event loop share one transaction,
   * committed right after it, and whoever answers a request awaits flush() first, so nothing is
   * acknowledged before it is on disk. Each write is still atomic on its own (a savepoint).
   */
  groupCommit?: boolean;
  /**
   * For a server on a database file: checkpoint the WAL from a worker thread every second instead of
   * on the request path (the host's p99 under load fell from ~24 to 15–20 ms, see npm run bench).
   */
  backgroundCheckpoint?: boolean;
}

const c = col;
const bounds = (page: PageQuery) => [Math.max(0, Math.floor(page.limit)), Math.max(0, Math.floor(page.offset))];

export function openSqliteStore(file: string, opts: SqliteOptions = {}): SqliteStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another process (a second host, a script) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  // Index pages of a large case table stay in memory (the default cache is 2 MB).
  db.pragma('cache_size = -65536');
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: a page changed by many commits is copied
  // back once, which made approvals ~1.5× faster (see npm run bench). Readers are unaffected.
  db.pragma('wal_autocheckpoint = 10000');
  let checkpointer: Checkpointer | undefined;
  if (opts.backgroundCheckpoint && file !== ':memory:') {
    // The main connection still checkpoints if the worker ever falls behind, but only past ~400 MB.
    db.pragma('wal_autocheckpoint = 100000');
    checkpointer = startCheckpointer(file);
  }
  for (const name of COLLECTIONS) ensureCollection(db, name);

  const people = new Collection<Person>(db, 'people');
  const departments = new Collection<Department>(db, 'departments');
  const groups = new Collection<Group>(db, 'groups');
  const memberships = new Collection<Membership>(db, 'memberships');
  const cases = new Collection<StoredCase>(db, 'cases');
  const notifications = new Collection<NotificationDoc>(db, 'notifications');
  const grants = new Collection<GrantDoc>(db, 'grants');
  const settings = new Collection<SettingsDoc>(db, 'settings');
  const invitations = new Collection<Invitation>(db, 'invitations');
  const backups = new Collection<BackupDoc>(db, 'backups');
  const fileAccess = new Collection<FileAccessDoc>(db, 'file_access');
  const notices = new Collection<NoticeDoc>(db, 'notices');
  const acks = new Collection<AckDoc>(db, 'acks');
  const uploads = new Collection<UploadDoc>(db, 'files');
  const mediaVerdicts = new Collection<MediaVerdictDoc>(db, 'media_verdicts');
  const checkpoints = new Collection<CheckpointDoc>(db, 'audit_checkpoints');
  const exportsColl = new Collection<ExportDoc>(db, 'exports');
  const delegations = new Collection<DelegationDoc>(db, 'delegations');
  const delegatedTo = (personId: string, at: number) =>
    delegations.where(`${c('delegateId')} = ? AND ${c('to')} > ? AND ${c('from')} <= ?`, [personId, at, at], `ORDER BY ${c('to')}, _id`);
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE _id = ?');
  // Kind and time only, from the columns: the request limit needs no case bodies.
  const openedSince = db.prepare(`SELECT _id, ${c('kind')} AS kind, ${c('createdAt')} AS createdAt FROM cases WHERE ${c('openedBy')} = ? AND ${c('createdAt')} >= ? ORDER BY ${c('createdAt')}, _id`);
  const noticeSide = (name: string) => sideTable(indexesOf('notices').find((ix) => ix.name === name)!);
  const owedSide = noticeSide('owed');
  const groupSide = noticeSide('group');
  // Owed and open, minus those the person acknowledged: read off the side table's key, newest deadline first.
  const toAckWhere = `FROM ${owedSide} s WHERE s.${c('owed')} = ? AND s.${c('open')} = 1 AND NOT EXISTS (SELECT 1 FROM acks a WHERE a._id = s._id || ':' || s.${c('owed')})`;
  const toAckPage = db.prepare(`SELECT n.doc FROM (SELECT s._id, s.${c('ackDueAt')} AS d ${toAckWhere} ORDER BY s.${c('ackDueAt')} DESC, s._id DESC LIMIT ? OFFSET ?) p JOIN notices n ON n._id = p._id ORDER BY p.d DESC, p._id DESC`);
  const toAckCount = db.prepare(`SELECT COUNT(*) AS n ${toAckWhere}`);
  const groupPage = db.prepare(
    `SELECT n.doc FROM (SELECT _id, ${c('publishedAt')} AS t FROM ${groupSide} WHERE ${c('groupIds')} = ? ORDER BY ${c('publishedAt')} DESC, _id DESC LIMIT ? OFFSET ?) p JOIN notices n ON n._id = p._id ORDER BY p.t DESC, p._id DESC`,
  );
  const groupCount = db.prepare(`SELECT COUNT(*) AS n FROM ${groupSide} WHERE ${c('groupIds')} = ?`);
  const groupsSince = (ids: string[], since: number) =>
    ids.length
      ? notices.where(`_id IN (SELECT _id FROM ${groupSide} WHERE ${c('groupIds')} IN (${ids.map(() => '?').join(', ')}) AND ${c('publishedAt')} >= ?)`, [...ids, since], 'ORDER BY _id')
      : [];
  const rosterOf = (groupIds: string[]): RosterEntry[] => {
    if (!groupIds.length) return [];
    const ms = memberships.where(`${c('groupId')} IN (${groupIds.map(() => '?').join(', ')}) AND ${c('status')} = 'active'`, groupIds, 'ORDER BY _id');
    const byId = new Map(people.getMany(ms.map((m) => m.personId)).map((p) => [p._id, p]));
    return ms.flatMap((m) => (byId.has(m.personId) ? [{ membership: m, person: byId.get(m.personId)! }] : []));
  };

  const ackCount = db.prepare(`SELECT COUNT(*) AS n FROM acks WHERE ${c('noticeId')} = ?`);
  const lateCount = db.prepare(`SELECT COUNT(*) AS n FROM acks WHERE ${c('noticeId')} = ? AND ${c('at')} > ?`);
  /** NoticeTally of each notice (Store.listNoticesByPublisher, getNoticeForPerson). */
  const noticeTallies = (list: NoticeDoc[]): NoticeTally[] => {
    if (!list.length) return [];
    // Two counts a notice on the (noticeId, at) index, reading no document: an acknowledgement is late
    // exactly when it came after the deadline (notices.acknowledge sets late from the same clock).
    const counted = new Map(list.map((n) => [n._id, { acked: (ackCount.get(n._id) as { n: number }).n, late: (lateCount.get(n._id, n.ackDueAt) as { n: number }).n }]));
    const groupIds = [...new Set(list.flatMap((n) => n.groupIds))];
    const ended = groupIds.length ? memberships.where(`${c('groupId')} IN (${groupIds.map(() => '?').join(', ')}) AND ${c('status')} = 'left'`, groupIds, 'ORDER BY _id') : [];
    return list.map((n) => {
      const left = leftAudience(n, ended);
      const r = counted.get(n._id);
      return { noticeId: n._id, acked: r?.acked ?? 0, late: r?.late ?? 0, left, leftAcks: acks.getMany([...new Set(left.map((k) => `${n._id}:${k.slice(k.indexOf(':') + 1)}`))]) };
    });
  };

  const inbox = sideTable(indexesOf('cases').find((ix) => ix.name === 'inbox')!);
  const inboxPage = db.prepare(
    `SELECT c.doc FROM ${inbox} s JOIN cases c ON c._id = s._id
     WHERE s.${c('assignees')} = ? AND s.${c('open')} = 1
     ORDER BY s.${c('dueKey')}, s.${c('createdAt')}, s._id LIMIT ? OFFSET ?`,
  );
  // Each branch is read from its covering index and only the page's documents are fetched; a
  // plain OR would read every matching row before sorting.
  const mineOfPerson = db.prepare(
    `WITH page AS (
       SELECT _id, u FROM (
         SELECT _id, ${c('updatedAt')} AS u FROM cases WHERE ${c('openedBy')} = ?
         UNION
         SELECT _id, ${c('updatedAt')} AS u FROM cases WHERE ${c('subjectId')} = ?
       ) ORDER BY u DESC, _id DESC LIMIT ? OFFSET ?
     )
     SELECT c.doc FROM page JOIN cases c ON c._id = page._id ORDER BY page.u DESC, page._id DESC`,
  );
  // cases.search: one condition per filter given; SQLite's planner leads with the index of the most
  // selective one (collections.ts, the search_* indexes) and checks the rest on the rows it reaches.
  const termsTable = sideTable(indexesOf('cases').find((ix) => ix.name === 'search_terms')!);
  // Columns qualified by the table (a text search joins the terms side table, which has _id and searchDue too).
  const searchWhere = (q: CaseSearchQuery): { where: string; params: unknown[] } => {
    const c = (f: string) => `cases.${col(f)}`;
    const w: string[] = [];
    const p: unknown[] = [];
    const marks = (xs: unknown[]) => xs.map(() => '?').join(', ');
    if (q.groupIds) w.push(`${c('groupId')} IN (${marks(q.groupIds)})`), p.push(...q.groupIds);
    if (q.kinds?.length) w.push(`${c('kind')} IN (${marks(q.kinds)})`), p.push(...q.kinds);
    if (q.states?.length) w.push(`${c('state')} IN (${marks(q.states)})`), p.push(...q.states);
    if (q.personIds) {
      w.push(`(${c('subjectId')} IN (${marks(q.personIds)}) OR ${c('openedBy')} IN (${marks(q.personIds)}))`);
      p.push(...q.personIds, ...q.personIds);
    }
    // Per case, through the side table's _id index: a common word is never gathered table-wide.
    for (const word of q.words ?? []) {
      w.push(`EXISTS (SELECT 1 FROM ${termsTable} t WHERE t._id = cases._id AND t.${col('terms')} >= ? AND t.${col('terms')} < ?)`);
      p.push(word, `${word}\uffff`);
    }
    if (q.openedFrom !== undefined) {
      // A deadline is never before the opening, so searchDue ≥ createdAt: the period is a range of the order too.
      w.push(`${c('createdAt')} >= ?`, `${c('searchDue')} >= ?`);
      p.push(q.openedFrom, q.openedFrom);
    }
    if (q.openedTo !== undefined) w.push(`${c('createdAt')} <= ?`), p.push(q.openedTo);
    if (q.overdueAt !== undefined) w.push(`${c('open')} = 1`, `${c('dueKey')} < ?`), p.push(q.overdueAt);
    return { where: w.length ? w.join(' AND ') : '1', params: p };
  };
  // A name: the people of the searched groups whose name or a recorded nickname holds it (ASCII folded by lower()).
  const peopleNamed = (text: string, groupIds: string[] | null, cap: number): Person[] => {
    const inGroups = groupIds ? ` AND ${c('groupId')} IN (${groupIds.map(() => '?').join(', ')})` : '';
    const reach = groupIds ? ` AND _id IN (SELECT ${c('personId')} FROM memberships WHERE 1${inGroups})` : '';
    const rows = db
      .prepare(
        `SELECT doc FROM people WHERE (instr(lower(${c('name')}), ?) > 0
           OR _id IN (SELECT ${c('personId')} FROM memberships WHERE instr(lower(json_extract(doc, '$.nickname')), ?) > 0${inGroups}))${reach}
         ORDER BY ${c('name')}, _id LIMIT ?`,
      )
      .all(text, text, ...(groupIds ?? []), ...(groupIds ?? []), cap + 1) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as Person);
  };
  // Title text led by the terms side table: each term under the longest word is a range already in
  // searchDue order, so the ranges are merged (a compound SELECT's ORDER BY merges its arms) and the
  // page and the capped count stop early, whatever the table's size. Checked on each row: the other filters.
  const TERMS_MERGED_MAX = 60;
  const SCOPE_PROBE = 4000;
  const firstTerm = db.prepare(`SELECT ${c('terms')} AS t FROM ${termsTable} WHERE ${c('terms')} >= ? AND ${c('terms')} < ? ORDER BY ${c('terms')} LIMIT 1`);
  const nextTerm = db.prepare(`SELECT ${c('terms')} AS t FROM ${termsTable} WHERE ${c('terms')} > ? AND ${c('terms')} < ? ORDER BY ${c('terms')} LIMIT 1`);
  const termRows = db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${termsTable} WHERE ${c('terms')} >= ? AND ${c('terms')} < ? LIMIT ?)`);
  /** The distinct terms under the search's longest word, or undefined where the scope's cases are fewer (or the terms too many to merge). */
  const textLead = (q: CaseSearchQuery): string[] | undefined => {
    const word = q.words![0];
    const hi = `${word}\uffff`;
    if (q.groupIds) {
      // A small scope (a leader's two groups) is cheaper to walk than a common word's rows.
      const marks = q.groupIds.map(() => '?').join(', ');
      const scopeN = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM cases INDEXED BY cases__search_group WHERE ${c('groupId')} IN (${marks}) LIMIT ?)`).get(...q.groupIds, SCOPE_PROBE) as { n: number }).n;
      if (scopeN < SCOPE_PROBE && scopeN <= (termRows.get(word, hi, scopeN + 1) as { n: number }).n) return undefined;
    }
    const terms: string[] = [];
    for (let r = firstTerm.get(word, hi) as { t: string } | undefined; r; r = nextTerm.get(r.t, hi) as { t: string } | undefined) {
      if (terms.length === TERMS_MERGED_MAX) return undefined;
      terms.push(r.t);
    }
    return terms;
  };
  const textLed = (terms: string[], where: string, params: unknown[], q: CaseSearchQuery, dir: 'ASC' | 'DESC'): PageOf<Case> & { capped: boolean } => {
    if (!terms.length) return { items: [], total: 0, capped: false };
    // searchDue bounds any period and overdue only (a deadline is never before the opening; an overdue case's searchDue is its deadline).
    const range = [q.openedFrom !== undefined ? `s.${c('searchDue')} >= ?` : '', q.overdueAt !== undefined ? `s.${c('searchDue')} < ?` : ''].filter(Boolean);
    const rangeParams = [...(q.openedFrom !== undefined ? [q.openedFrom] : []), ...(q.overdueAt !== undefined ? [q.overdueAt] : [])];
    const joined = where !== '1';
    // CROSS JOIN keeps the terms row outermost: the arm stays in index order.
    const arm = `SELECT s.${c('searchDue')} AS d, s._id AS id FROM ${termsTable} s${joined ? ' CROSS JOIN cases ON cases._id = s._id' : ''} WHERE ${[`s.${c('terms')} = ?`, ...range, ...(joined ? [where] : [])].join(' AND ')}`;
    const armParams = [...rangeParams, ...(joined ? params : [])];
    // UNION: a case under two of the terms once.
    const merged = terms.map(() => arm).join(' UNION ');
    const mergedParams = terms.flatMap((t) => [t, ...armParams]);
    const page = db.prepare(`${merged} ORDER BY 1 ${dir}, 2 ${dir} LIMIT ? OFFSET ?`).all(...mergedParams, Math.max(0, q.limit), Math.max(0, q.offset)) as { id: string }[];
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM (${merged} ORDER BY 1 ${dir}, 2 ${dir} LIMIT ?)`).get(...mergedParams, q.countCap + 1) as { n: number }).n;
    const docs = new Map(cases.getMany(page.map((r) => r.id)).map((x) => [x._id, x]));
    return { items: page.flatMap((r) => (docs.has(r.id) ? [docToCase(docs.get(r.id)!)] : [])), total: Math.min(n, q.countCap), capped: n > q.countCap };
  };
  const searchCases = (q0: CaseSearchQuery): PageOf<Case> & { capped: boolean; people?: Person[] } => {
    let q = q0;
    let people: Person[] | undefined;
    if (q0.personText !== undefined) {
      people = peopleNamed(q0.personText, q0.groupIds, q0.peopleCap ?? 20);
      if (!people.length || people.length > (q0.peopleCap ?? 20)) return { items: [], total: 0, capped: false, people };
      q = { ...q0, personIds: [...(q0.personIds ?? []), ...people.map((p) => p._id)] };
    }
    const dir = q.order === 'dueAsc' ? 'ASC' : 'DESC';
    const lead = q.words?.length ? textLead(q) : undefined;
    if (lead) {
      const { where, params } = searchWhere({ ...q, words: q.words!.slice(1) });
      return { ...textLed(lead, where, params, q, dir), ...(people ? { people } : {}) };
    }
    const { where, params } = searchWhere(q);
    // Overdue cases are open with a deadline, so their searchDue is dueKey: ordered by the index that found them.
    const key = q.overdueAt !== undefined ? c('dueKey') : c('searchDue');
    // A scoped search (an admin's, a leader's, a head's groups, or one group) is led by its groups:
    // its cost follows the scope's cases, never the table's (a rare state elsewhere misled the planner);
    // overdue only, by the group's open cases in deadline order.
    const from = q.groupIds ? `cases INDEXED BY ${q.overdueAt !== undefined ? 'cases__search_group_overdue' : 'cases__search_group'}` : 'cases';
    const rows = db.prepare(`SELECT doc FROM ${from} WHERE ${where} ORDER BY ${key} ${dir}, _id ${dir} LIMIT ? OFFSET ?`).all(...params, Math.max(0, q.limit), Math.max(0, q.offset)) as { doc: string }[];
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ?)`).get(...params, q.countCap + 1) as { n: number }).n;
    return { items: rows.map((r) => docToCase(JSON.parse(r.doc))), total: Math.min(n, q.countCap), capped: n > q.countCap, ...(people ? { people } : {}) };
  };
  const inboxCount = db.prepare(`SELECT COUNT(*) AS n FROM ${inbox} WHERE ${c('assignees')} = ? AND ${c('open')} = 1`);
  // A delegate's 待办: several people's index ranges, each case once (it may wait on two of them).
  const inboxOfMany = (ids: string[], page: PageQuery): PageOf<Case> => {
    const [limit, offset] = bounds(page);
    const where = `${c('assignees')} IN (${ids.map(() => '?').join(', ')}) AND ${c('open')} = 1`;
    const rows = db
      .prepare(
        `SELECT c.doc FROM (SELECT _id, MIN(${c('dueKey')}) AS d, MIN(${c('createdAt')}) AS t FROM ${inbox} WHERE ${where} GROUP BY _id ORDER BY d, t, _id LIMIT ? OFFSET ?) p
         JOIN cases c ON c._id = p._id ORDER BY p.d, p.t, p._id`,
      )
      .all(...ids, limit, offset) as { doc: string }[];
    const total = (db.prepare(`SELECT COUNT(DISTINCT _id) AS n FROM ${inbox} WHERE ${where}`).get(...ids) as { n: number }).n;
    return { items: rows.map((r) => docToCase(JSON.parse(r.doc))), total };
  };
  // A delegate's 待办 (代理): their own rows, and those of whom they stand in for of the delegated kinds only.
  const inboxOfDelegate = (own: string, actingFor: string[], kinds: readonly string[], page: PageQuery): PageOf<Case> => {
    const [limit, offset] = bounds(page);
    const marks = (n: number) => Array(n).fill('?').join(', ');
    const where = `s.${c('open')} = 1 AND (s.${c('assignees')} = ? OR (s.${c('assignees')} IN (${marks(actingFor.length)}) AND k.${c('kind')} IN (${marks(kinds.length)})))`;
    const from = `${inbox} s JOIN cases k ON k._id = s._id`;
    const params = [own, ...actingFor, ...kinds];
    const rows = db
      .prepare(
        `SELECT c.doc FROM (SELECT s._id AS _id, MIN(s.${c('dueKey')}) AS d, MIN(s.${c('createdAt')}) AS t FROM ${from} WHERE ${where} GROUP BY s._id ORDER BY d, t, s._id LIMIT ? OFFSET ?) p
         JOIN cases c ON c._id = p._id ORDER BY p.d, p.t, p._id`,
      )
      .all(...params, limit, offset) as { doc: string }[];
    const total = (db.prepare(`SELECT COUNT(DISTINCT s._id) AS n FROM ${from} WHERE ${where}`).get(...params) as { n: number }).n;
    return { items: rows.map((r) => docToCase(JSON.parse(r.doc))), total };
  };

  // Each write and its side-table rows commit together; IMMEDIATE takes the write lock before
  // reading, so a read-modify-write cannot interleave with another process.
  const tx = <A extends unknown[], R>(fn: (...args: A) => R) => {
    const t = db.transaction(fn);
    // Inside an open group-commit batch, better-sqlite3 runs it as a savepoint.
    return (...args: A): R => t.immediate(...args);
  };

  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const commitBatch = () => {
    const done = waiters;
    waiters = [];
    try {
      if (db.open && db.inTransaction) db.exec('COMMIT');
      for (const w of done) w.resolve();
    } catch (err) {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
      for (const w of done) w.reject(err);
    }
  };
  const openBatch = () => {
    if (!opts.groupCommit || db.inTransaction) return;
    db.exec('BEGIN IMMEDIATE');
    setImmediate(commitBatch);
  };

  const takeGrantTx = tx((id: string, now: number): boolean => {
    const g = grants.get(id);
    if (!g || g.count <= 0) return false;
    grants.replace({ ...g, count: g.count - 1, updatedAt: now });
    return true;
  });
  const addGrantsTx = tx((personId: string, templateId: string, n: number, now: number): number => {
    const _id = `${personId}:${templateId}`;
    const g = grants.get(_id);
    const count = (g?.count ?? 0) + n;
    grants.put({ _id, personId, templateId, count, updatedAt: now });
    return count;
  });
  const clearGrantsTx = tx((id: string, now: number) => {
    const g = grants.get(id);
    if (g) grants.replace({ ...g, count: 0, updatedAt: now });
  });
  const setPushTx = tx((id: string, push: NotificationDoc['push'], error?: string) => {
    const n = notifications.get(id);
    if (!n) return;
    const { pushError: _old, ...rest } = n;
    notifications.replace(error === undefined ? { ...rest, push } : { ...rest, push, pushError: error });
  });
  const markReadTx = tx((personId: string, ids: string[]): number => {
    let changed = 0;
    for (const n of notifications.getMany(ids)) {
      if (n.to !== personId || n.read) continue;
      notifications.replace({ ...n, read: true });
      changed++;
    }
    return changed;
  });
  const insertCaseTx = tx((doc: StoredCase) => cases.insert(doc));
  const updateCaseTx = tx((doc: StoredCase, expected: number) => cases.replaceIf(doc, `json_extract(doc, '$.version') = ?`, [expected]));
  // Only the document and the one index column that changes: setting every index column costs ~3×.
  const setOutboxStmt = db.prepare(`UPDATE cases SET doc = ?, ${c('outboxSize')} = ? WHERE _id = ? AND json_extract(doc, '$.version') = ?`);
  const setOutboxTx = tx((doc: StoredCase) => setOutboxStmt.run(JSON.stringify(doc), doc.outboxSize, doc._id, doc.version).changes > 0);
  const putMembershipTx = tx((m: Membership) => memberships.put(m));
  const createGroupTx = tx((g: Group, ms: Membership[]): boolean => {
    if (!groups.insert(g)) return false;
    for (const m of ms) memberships.put(m);
    return true;
  });
  // Read and write in one immediate transaction: nothing can change the row in between.
  const changeMembershipTx = tx((id: string, change: (m: Membership) => Membership): boolean => {
    const m = memberships.get(id);
    if (!m) return false;
    memberships.replace(change(m));
    return true;
  });
  const setFixTx = tx((id: string, caseId: string | null, ifCurrent?: string): boolean => {
    const m = memberships.get(id);
    const held = m?.fixCaseId ?? null;
    if (!m || (ifCurrent !== undefined && held !== ifCurrent) || held === caseId) return false;
    memberships.replace({ ...m, fixCaseId: caseId });
    return true;
  });
  const useInvitationTx = tx((id: string, openid: string, now: number): boolean => {
    const inv = invitations.get(id);
    if (!inv || inv.usedAt !== null) return false;
    return invitations.replaceIf({ ...inv, usedAt: now, usedBy: openid }, `json_extract(doc, '$.usedAt') IS NULL`, []);
  });
  const bindTx = tx((personId: string, openid: string, card?: { id: string; now: number }): boolean => {
    const p = people.get(personId);
    if (!p || p.openid !== null) return false;
    if (people.where(`${c('openid')} = ?`, [openid], 'LIMIT 1').length) return false;
    const inv = card ? invitations.get(card.id) : null;
    if (card && (!inv || inv.usedAt !== null)) return false;
    if (!people.replaceIf({ ...p, openid }, `json_extract(doc, '$.openid') IS NULL`, [])) return false;
    // In the same immediate transaction as the check above: nothing used the card in between.
    if (card && inv) invitations.replace({ ...inv, usedAt: card.now, usedBy: openid });
    return true;
  });
  const setOpengidTx = tx((groupId: string, opengid: string) => {
    const g = groups.get(groupId);
    if (g) groups.replace({ ...g, opengid });
  });
  const attachUploadsTx = tx((ids: string[], ref: string) => {
    for (const u of uploads.getMany(ids)) {
      if (u.usedBy.includes(ref) && u.used) continue;
      uploads.replace({ ...u, usedBy: u.usedBy.includes(ref) ? u.usedBy : [...u.usedBy, ref], used: true });
    }
  });
  const setUploadVerdictTx = tx((traceId: string, check: UploadDoc['check']): UploadDoc | null => {
    const u = uploads.where(`${c('check.traceId')} = ?`, [traceId], 'LIMIT 1')[0];
    if (!u) return null;
    if (u.check.status !== 'pending') return u;
    const next = { ...u, check };
    uploads.replace(next);
    return next;
  });
  // The condition and the delete are one statement: an upload attached meanwhile stays.
  const deleteUploadStmt = db.prepare(`DELETE FROM files WHERE _id = ? AND ${c('used')} = 0`);
  const updateBackupTx = tx((doc: BackupDoc, expected: number) => backups.replaceIf(doc, `json_extract(doc, '$.version') = ?`, [expected]));
  const updateNoticeTx = tx((doc: NoticeDoc, expected: number) => notices.replaceIf(doc, `json_extract(doc, '$.version') = ?`, [expected]));
  const replaceNoticeTx = tx((old: NoticeDoc, expected: number, fresh: NoticeDoc): boolean => {
    if (notices.get(fresh._id)) return true;
    if (!notices.replaceIf(old, `json_extract(doc, '$.version') = ?`, [expected])) return false;
    notices.insertStrict(fresh);
    return true;
  });

  const store: SqliteStore = {
    getScreen: (personId, q) => readScreen(store, personId, q),
    db,
    flush: () => (db.inTransaction && opts.groupCommit ? new Promise<void>((resolve, reject) => waiters.push({ resolve, reject })) : Promise.resolve()),
    close: () => {
      if (!db.open) return;
      void checkpointer?.stop();
      if (db.inTransaction) commitBatch();
      // Keeps the planner's statistics fresh, as SQLite recommends before closing.
      db.pragma('optimize');
      db.close();
    },

    async getPerson(id) {
      return people.get(id);
    },
    async getPeople(ids) {
      return people.getMany(ids);
    },
    async getActor(openid, q = {}) {
      // Synchronous reads with no await between them: one consistent snapshot, as one aggregate is.
      const person = people.where(`${c('openid')} = ?`, [openid], 'LIMIT 1')[0];
      if (!person) return null;
      const record: ActorRecord = {
        person,
        memberships: memberships.where(`${c('personId')} = ?`, [person._id], 'ORDER BY _id'),
        headOf: departments.where(`${c('headId')} = ?`, [person._id], 'ORDER BY _id').map((d) => d._id),
        departed: caseExists.get(departureId(person._id)) !== undefined,
      };
      if (q.uploadsSince !== undefined || q.uploadIds) {
        const mine = q.uploadsSince === undefined ? [] : uploads.where(`${c('uploadedBy')} = ? AND ${c('uploadedAt')} >= ?`, [person._id, q.uploadsSince], `ORDER BY ${c('uploadedAt')}, _id`);
        const named = q.uploadIds?.length ? uploads.getMany(q.uploadIds) : [];
        record.uploads = [...mine, ...named.filter((u) => !mine.some((m) => m._id === u._id))];
      }
      if (q.openedSince !== undefined) record.opened = openedSince.all(person._id, q.openedSince) as ActorRecord['opened'];
      if (q.delegationsAt !== undefined) record.delegatedBy = delegatedTo(person._id, q.delegationsAt);
      if (q.delegationsOf) record.delegations = delegations.getMany([person._id, ...q.delegationsOf]);
      return record;
    },
    async getPersonByOpenid(openid) {
      return people.where(`${c('openid')} = ?`, [openid], 'LIMIT 1')[0] ?? null;
    },
    async listPeople() {
      return people.where('1', [], `ORDER BY ${c('name')}, _id`);
    },
    async listMembershipsOfPerson(personId) {
      return memberships.where(`${c('personId')} = ?`, [personId], 'ORDER BY _id');
    },
    async listRoster(groupId) {
      const ms = memberships.where(`${c('groupId')} = ? AND ${c('status')} = 'active'`, [groupId], 'ORDER BY _id');
      const byId = new Map(people.getMany(ms.map((m) => m.personId)).map((p) => [p._id, p]));
      const out: RosterEntry[] = [];
      for (const m of ms) {
        const person = byId.get(m.personId);
        if (person) out.push({ membership: m, person });
      }
      return out;
    },
    async listMemberships() {
      return memberships.where('1', [], 'ORDER BY _id');
    },
    async getDirectory() {
      // Synchronous reads with no await between them: one consistent snapshot.
      return {
        departments: departments.where('1', [], 'ORDER BY _id'),
        people: people.where('1', [], `ORDER BY ${c('name')}, _id`),
        groups: groups.where('1', [], `ORDER BY ${c('name')}, _id`),
        memberships: memberships.where('1', [], 'ORDER BY _id'),
      };
    },
    async getGroups(ids) {
      return groups.getMany(ids);
    },
    async listDepartments() {
      return departments.where('1', [], 'ORDER BY _id');
    },
    async insertPerson(p) {
      people.insertStrict(p);
    },
    async insertDepartment(d) {
      departments.insertStrict(d);
    },
    async insertGroup(g) {
      groups.insertStrict(g);
    },
    async createGroup(g, ms) {
      return createGroupTx(g, ms);
    },
    async putMembership(m) {
      putMembershipTx(m);
    },
    async setNickname(groupId, personId, nickname, now) {
      return changeMembershipTx(`${groupId}:${personId}`, (m) => ({ ...m, nickname, updatedAt: now }));
    },
    async setMembershipStatus(groupId, personId, status, now) {
      return changeMembershipTx(`${groupId}:${personId}`, (m) => ({
        ...m,
        status,
        roles: status === 'active' && !m.roles.includes('member') ? [...m.roles, 'member'] : m.roles,
        updatedAt: now,
      }));
    },
    async setMembershipRole(groupId, personId, role, present, now) {
      return changeMembershipTx(`${groupId}:${personId}`, (m) => ({
        ...m,
        roles: present ? (m.roles.includes(role) ? m.roles : [...m.roles, role]) : m.roles.filter((r) => r !== role),
        updatedAt: now,
      }));
    },
    async setMembershipFix(groupId, personId, caseId, ifCurrent) {
      return setFixTx(`${groupId}:${personId}`, caseId, ifCurrent);
    },
    async updatePerson(p) {
      people.replace(p);
    },
    async bindOpenid(personId, openid, invitation) {
      return bindTx(personId, openid, invitation);
    },
    async updateDepartment(d) {
      departments.replace(d);
    },
    async listGroups() {
      return groups.where('1', [], `ORDER BY ${c('name')}, _id`);
    },
    async getGroupByOpengid(opengid) {
      return groups.where(`${c('opengid')} = ?`, [opengid], 'LIMIT 1')[0] ?? null;
    },
    async setGroupOpengid(groupId, opengid) {
      setOpengidTx(groupId, opengid);
    },
    async insertInvitation(inv) {
      invitations.insertStrict(inv);
    },
    async getInvitation(id) {
      return invitations.get(id);
    },
    async getInvitationWithPerson(id, openid) {
      const invitation = invitations.get(id);
      if (!invitation) return null;
      return { invitation, person: people.get(invitation.personId), holder: people.where(`${c('openid')} = ?`, [openid], 'LIMIT 1')[0] ?? null };
    },
    async useInvitation(id, openid, now) {
      return useInvitationTx(id, openid, now);
    },

    async getCase(id) {
      const doc = cases.get(id);
      return doc ? docToCase(doc) : null;
    },
    async getCaseWithAccessLog(id) {
      const doc = cases.get(id);
      return doc ? { case: docToCase(doc), log: fileAccess.where(`${c('caseId')} = ?`, [id], `ORDER BY ${c('at')}, _id`) } : null;
    },
    async getCaseWithNotifications(id) {
      const doc = cases.get(id);
      return doc ? { case: docToCase(doc), notifications: notifications.where(`${c('caseId')} = ?`, [id], 'ORDER BY _id') } : null;
    },
    async getCaseWithGroupBackups(id) {
      const doc = cases.get(id);
      return doc ? { case: docToCase(doc), backups: backups.where(`${c('groupId')} = ?`, [doc.groupId], `ORDER BY ${c('from')}, _id`) } : null;
    },
    async insertCase(cs) {
      return insertCaseTx(caseToDoc(cs));
    },
    async updateCase(cs, expectedVersion) {
      return updateCaseTx(caseToDoc(cs, expectedVersion + 1), expectedVersion);
    },
    async setOutbox(cs, outbox) {
      return setOutboxTx(caseToDoc({ ...cs, outbox }));
    },
    async listCasesOfPerson(personId, page) {
      const [limit, offset] = bounds(page);
      const rows = mineOfPerson.all(personId, personId, limit, offset) as { doc: string }[];
      const total = cases.count(`${c('openedBy')} = ? OR ${c('subjectId')} = ?`, [personId, personId]);
      return { items: rows.map((r) => docToCase(JSON.parse(r.doc))), total };
    },
    async listInbox(who, page) {
      if (typeof who === 'object' && !Array.isArray(who)) {
        const { own, actingFor, kinds } = who;
        const others = [...new Set(actingFor)].filter((id) => id !== own);
        if (others.length && kinds.length) return inboxOfDelegate(own, others, kinds, page);
        who = own;
      }
      const ids = [...new Set(typeof who === 'string' ? [who] : who)];
      if (ids.length > 1) return inboxOfMany(ids, page);
      const personId = ids[0] ?? '';
      const [limit, offset] = bounds(page);
      const rows = inboxPage.all(personId, limit, offset) as { doc: string }[];
      const total = (inboxCount.get(personId) as { n: number }).n;
      return { items: rows.map((r) => docToCase(JSON.parse(r.doc))), total };
    },
    async searchCases(q) {
      return searchCases(q);
    },
    bulkInsertCases(list) {
      return cases.bulkInsert((function* () {
        for (const cs of list) yield caseToDoc(cs);
      })());
    },
    async listOpenCases(kind, groupId, subjectId) {
      const about = subjectId === undefined ? '' : `${c('subjectId')} = ? AND `;
      return cases
        .where(
          `${about}${c('kind')} = ? AND ${c('groupId')} = ? AND ${c('open')} = 1`,
          subjectId === undefined ? [kind, groupId] : [subjectId, kind, groupId],
          `ORDER BY ${c('createdAt')}, _id`,
        )
        .map(docToCase);
    },
    async listOpenCasesAbout(kind, subjectId) {
      return cases.where(`${c('subjectId')} = ? AND ${c('kind')} = ? AND ${c('open')} = 1`, [subjectId, kind], `ORDER BY ${c('createdAt')}, _id`).map(docToCase);
    },
    async listCasesOfGroup(groupId, page) {
      const [limit, offset] = bounds(page);
      const items = cases.where(`${c('groupId')} = ?`, [groupId, limit, offset], `ORDER BY ${c('updatedAt')} DESC, _id DESC LIMIT ? OFFSET ?`).map(docToCase);
      return { items, total: cases.count(`${c('groupId')} = ?`, [groupId]) };
    },
    async listCasesOfKind(kind, groupId) {
      return cases.where(`${c('kind')} = ? AND ${c('groupId')} = ?`, [kind, groupId], `ORDER BY ${c('createdAt')}, _id`).map(docToCase);
    },
    async listCasesAbout(kind, groupId, subjectId, since) {
      return cases
        .where(
          `${c('subjectId')} = ? AND ${c('kind')} = ? AND ${c('groupId')} = ? AND ${c('createdAt')} >= ?`,
          [subjectId, kind, groupId, since],
          `ORDER BY ${c('createdAt')}, _id`,
        )
        .map(docToCase);
    },
    async listDueCases(now, limit) {
      return cases
        .where(`${c('open')} = 1 AND ${c('wakeAt')} <= ?`, [now, Math.max(0, limit)], `ORDER BY ${c('wakeAt')}, _id LIMIT ?`)
        .map(docToCase);
    },
    async listCasesWithOutbox(limit) {
      return cases
        .where(`${c('outboxSize')} > 0`, [Math.max(0, limit)], `ORDER BY ${c('updatedAt')}, _id LIMIT ?`)
        .map(docToCase);
    },
    ...sqliteExports({ cases, groups, people, checkpoints, exportsColl }),
    ...sqliteReports({ db, cases, groups, departments, memberships, people, backups, notices, acks, snapshots: new Collection<NamingSnapshotDoc>(db, 'naming_snapshots') }),
    async listCasesAfter(afterId, limit) {
      return cases.where('_id > ?', [afterId ?? '', Math.max(0, limit)], 'ORDER BY _id LIMIT ?').map(docToCase);
    },

    async insertBackup(b) {
      return backups.insert(b);
    },
    async getBackup(id) {
      return backups.get(id);
    },
    async listBackups(groupId) {
      return backups.where(`${c('groupId')} = ?`, [groupId], `ORDER BY ${c('from')}, _id`);
    },
    async getBackups(ids) {
      return backups.getMany(ids);
    },
    async getGroupBackups(groupId) {
      const group = groups.get(groupId);
      if (!group) return null;
      return { group, backups: await store.listBackups(groupId), dueTasks: await store.listOpenCases('backup_due', groupId, groupId) };
    },
    async getBackupInGroup(id) {
      const backup = backups.get(id);
      return backup && { backup, all: backups.where(`${c('groupId')} = ?`, [backup.groupId], `ORDER BY ${c('from')}, _id`) };
    },
    async findBackupsByFile(fileId) {
      return backups.where(`${c('fileId')} = ?`, [fileId], 'ORDER BY _id');
    },
    async updateBackup(b, expectedVersion) {
      return updateBackupTx({ ...b, version: expectedVersion + 1 }, expectedVersion);
    },

    async insertFileAccess(e) {
      return fileAccess.insert(e);
    },
    async getFileAccess(id) {
      return fileAccess.get(id);
    },
    async listFileAccess(caseId) {
      return fileAccess.where(`${c('caseId')} = ?`, [caseId], `ORDER BY ${c('at')}, _id`);
    },

    async getNoticeTargets(groupIds, since) {
      return { groups: groups.getMany(groupIds), roster: rosterOf(groupIds), departments: departments.where('1', [], 'ORDER BY _id'), recent: groupsSince(groupIds, since) };
    },
    async insertNotice(n) {
      return notices.insert(n);
    },
    async getNotice(id) {
      return notices.get(id);
    },
    async getNoticeForPerson(id, personId, opts) {
      const notice = notices.get(id);
      if (!notice) return null;
      return { notice, ack: acks.get(`${id}:${personId}`), ...(opts?.tallyIf?.(notice) ? { tally: noticeTallies([notice])[0]! } : {}) };
    },
    async updateNotice(n, expectedVersion) {
      return updateNoticeTx({ ...n, version: expectedVersion + 1 }, expectedVersion);
    },
    async replaceNotice(old, expectedVersion, fresh) {
      return replaceNoticeTx({ ...old, version: expectedVersion + 1 }, expectedVersion, fresh);
    },
    async listNoticesToAck(personId, page) {
      const [limit, offset] = bounds(page);
      const items = (toAckPage.all(personId, limit, offset) as { doc: string }[]).map((r) => JSON.parse(r.doc) as NoticeDoc);
      const total = (toAckCount.get(personId) as { n: number }).n;
      return { items, total };
    },
    async listNoticesOfGroup(groupId, personId, page) {
      const [limit, offset] = bounds(page);
      const items = (groupPage.all(groupId, limit, offset) as { doc: string }[]).map((r) => JSON.parse(r.doc) as NoticeDoc);
      const total = (groupCount.get(groupId) as { n: number }).n;
      return { items, total, acks: acks.getMany(items.map((n) => `${n._id}:${personId}`)) };
    },
    async listNoticesByPublisher(personId, page, opts) {
      const [limit, offset] = bounds(page);
      const items = notices.where(`${c('publisherId')} = ?`, [personId, limit, offset], `ORDER BY ${c('publishedAt')} DESC, _id DESC LIMIT ? OFFSET ?`);
      return { items, total: notices.count(`${c('publisherId')} = ?`, [personId]), ...(opts?.tallies ? { tallies: noticeTallies(items) } : {}) };
    },
    async insertAck(a) {
      return acks.insert(a);
    },
    async listAcks(noticeId, personIds) {
      if (personIds) return acks.getMany(personIds.map((p) => `${noticeId}:${p}`)).sort((a, b) => a.at - b.at || (a._id < b._id ? -1 : 1));
      return acks.where(`${c('noticeId')} = ?`, [noticeId], `ORDER BY ${c('at')}, _id`);
    },
    async getNoticeReceipts(id) {
      const notice = notices.get(id);
      if (!notice) return null;
      return {
        notice,
        acks: acks.where(`${c('noticeId')} = ?`, [id], `ORDER BY ${c('at')}, _id`),
        roster: rosterOf(notice.groupIds),
        departments: departments.where('1', [], 'ORDER BY _id'),
      };
    },
    async listDueNotices(now, limit) {
      return notices.where(`${c('wakeAt')} <= ?`, [now, limit], `ORDER BY ${c('wakeAt')}, _id LIMIT ?`);
    },

    async insertNotification(n) {
      return notifications.insert(n);
    },
    async getNotification(id) {
      return notifications.get(id);
    },
    async setNotificationPush(id, push, error) {
      setPushTx(id, push, error);
    },
    async listNotifications(personId, page, unreadOnly) {
      const [limit, offset] = bounds(page);
      const where = unreadOnly ? `${c('to')} = ? AND ${c('read')} = 0` : `${c('to')} = ?`;
      const items = notifications.where(where, [personId, limit, offset], `ORDER BY ${c('createdAt')} DESC, _id DESC LIMIT ? OFFSET ?`);
      const total = notifications.count(where, [personId]);
      const unread = unreadOnly ? total : notifications.count(`${c('to')} = ? AND ${c('read')} = 0`, [personId]);
      return { items, total, unread };
    },
    async markNotificationsRead(personId, ids) {
      return ids.length ? markReadTx(personId, ids) : 0;
    },

    async listGrants(personId) {
      return grants.where(`${c('personId')} = ?`, [personId], 'ORDER BY _id');
    },
    async addGrants(personId, templateId, n, now) {
      return addGrantsTx(personId, templateId, n, now);
    },
    async takeGrant(personId, templateId, now) {
      return takeGrantTx(`${personId}:${templateId}`, now);
    },
    async clearGrants(personId, templateId, now) {
      clearGrantsTx(`${personId}:${templateId}`, now);
    },

    async insertUpload(u) {
      return uploads.insert(u);
    },
    async getUploads(ids) {
      return uploads.getMany(ids);
    },
    async attachUploads(ids, ref) {
      attachUploadsTx(ids, ref);
    },
    async setUploadVerdict(traceId, check) {
      return setUploadVerdictTx(traceId, check);
    },
    async listStaleUploads(before, limit) {
      return uploads.where(`${c('used')} = 0 AND ${c('uploadedAt')} < ?`, [before, Math.max(0, limit)], `ORDER BY ${c('uploadedAt')}, _id LIMIT ?`);
    },
    async deleteUnusedUpload(id) {
      return deleteUploadStmt.run(id).changes > 0;
    },
    async putMediaVerdict(v) {
      mediaVerdicts.insert(v);
    },
    async getMediaVerdict(traceId) {
      return mediaVerdicts.get(traceId);
    },

    async insertCheckpoint(cp) {
      return checkpoints.insert(cp);
    },
    async getLatestCheckpoint() {
      return checkpoints.where('1', [], `ORDER BY ${c('seq')} DESC LIMIT 1`)[0] ?? null;
    },
    async listCheckpoints() {
      return checkpoints.where('1', [], `ORDER BY ${c('seq')}`);
    },
    async listCasesChangedSince(since) {
      return cases.where(`${c('updatedAt')} >= ?`, [since], `ORDER BY ${c('updatedAt')}, _id`).map(docToCase);
    },
    async listBackupsChangedSince(since) {
      return backups.where(`${c('updatedAt')} >= ?`, [since], `ORDER BY ${c('updatedAt')}, _id`);
    },
    async listExportsSince(since) {
      return exportsColl.where(`${c('at')} >= ?`, [since], `ORDER BY ${c('at')}, _id`);
    },
    async getAuditPage(scope, afterId, limit) {
      const page = (coll: typeof backups | typeof cases | typeof exportsColl) => coll.where('_id > ?', [afterId ?? '', Math.max(0, limit)], 'ORDER BY _id LIMIT ?');
      return {
        cases: scope === 'case' ? page(cases).map(docToCase) : [],
        backups: scope === 'backup' ? (page(backups) as BackupDoc[]) : [],
        exports: scope === 'export' ? (page(exportsColl) as ExportDoc[]) : [],
        checkpoints: checkpoints.where('1', [], `ORDER BY ${c('seq')}`),
      };
    },

    async getSettings(version) {
      if (version === undefined) return settings.where('1', [], `ORDER BY ${c('version')} DESC LIMIT 1`)[0] ?? null;
      return settings.where(`${c('version')} = ?`, [version], 'LIMIT 1')[0] ?? null;
    },
    async insertSettings(s) {
      return settings.insert(s);
    },

    async getDelegations(delegatorIds) {
      return delegations.getMany(delegatorIds);
    },
    async listDelegationsTo(delegateId, after) {
      return delegations.where(`${c('delegateId')} = ? AND ${c('to')} > ?`, [delegateId, after], `ORDER BY ${c('to')}, _id`);
    },
    async putDelegation(d) {
      delegations.put(d);
    },
  };
  if (opts.groupCommit) {
    // Every write opens (or joins) the batch; reads see this connection's uncommitted writes.
    for (const key of Object.keys(store) as (keyof SqliteStore)[]) {
      const fn = store[key];
      if (typeof fn !== 'function' || /^(get|list|flush|close)/.test(key)) continue;
      (store as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
        openBatch();
        return (fn as (...a: unknown[]) => unknown)(...args);
      };
    }
  }
  return store;
}
