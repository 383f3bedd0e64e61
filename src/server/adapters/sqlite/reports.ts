// Reports on SQLite: each figure is one GROUP BY over an index range of the report facts a case carries
// (core/report-facts.ts, written by caseToDoc with the step itself), so it reads the index only, never
// a case body. Aggregate queries rather than counters: the facts cannot drift from the cases (a counter
// kept beside them would need its own write in every step and a repair when a step is retried), the
// drill-down lists exactly the rows a count counted, and one range over an index of 10^6 rows stays
// within the 200 ms budget (npm run bench, section reports).
import type { AckDoc, BackupDoc, Department, Group, Membership, NamingSnapshotDoc, NoticeDoc, Person, RosterEntry } from '../../../core/model';
import { startOfDay } from '../../../core/report-facts';
import { docToCase, indexesOf, type StoredCase } from '../../collections';
import type { DayCount, DecidedStat, ReportData, ReportDrillQuery, ReportFigure, ReportNotice, ReportQuery, ReportScope, Store } from '../../ports';
import { col as c, sideTable, type Collection, type Db } from './schema';

interface Collections {
  db: Db;
  cases: Collection<StoredCase>;
  groups: Collection<Group>;
  departments: Collection<Department>;
  memberships: Collection<Membership>;
  people: Collection<Person>;
  backups: Collection<BackupDoc>;
  notices: Collection<NoticeDoc>;
  acks: Collection<AckDoc>;
  snapshots: Collection<NamingSnapshotDoc>;
}

const marks = (n: number) => Array(n).fill('?').join(', ');

export function sqliteReports(k: Collections): Pick<Store, 'getReport' | 'listReportCases' | 'putNamingSnapshots'> {
  const { db } = k;
  const groupSide = sideTable(indexesOf('notices').find((ix) => ix.name === 'group')!);
  const all = <T>(sql: string, params: unknown[]) => k.cases.stmt(sql).all(...params) as T[];

  function scopeGroups(scope: ReportScope): Group[] {
    if (scope.all) return k.groups.where('1', [], `ORDER BY ${c('name')}, _id`);
    const { groupIds, deptIds } = scope;
    if (!groupIds.length && !deptIds.length) return [];
    return k.groups.where(
      `_id IN (${marks(groupIds.length) || 'NULL'}) OR ${c('deptId')} IN (${marks(deptIds.length) || 'NULL'})`,
      [...groupIds, ...deptIds],
      `ORDER BY ${c('name')}, _id`,
    );
  }

  /** The groups counted: null for every group (no filter), else their ids; undefined when groupId is outside the scope. */
  function counted(scope: ReportScope, groups: Group[], groupId?: string): string[] | null | undefined {
    if (groupId !== undefined) return groups.some((g) => g._id === groupId) ? [groupId] : undefined;
    return scope.all ? null : groups.map((g) => g._id);
  }

  const inGroups = (ids: string[] | null) => (ids === null ? { sql: '', params: [] as string[] } : { sql: ` AND ${c('groupId')} IN (${marks(ids.length) || 'NULL'})`, params: ids });

  function dayCounts(dayField: string, keyField: string, ids: string[] | null, from: number, to: number, extra = '', extraParams: unknown[] = []): DayCount[] {
    const g = inGroups(ids);
    return all<DayCount>(
      `SELECT ${c(dayField)} AS day, ${c(keyField)} AS key, COUNT(*) AS n FROM cases
       WHERE ${c(dayField)} BETWEEN ? AND ?${extra}${g.sql} GROUP BY ${c(dayField)}, ${c(keyField)}`,
      [from, to, ...extraParams, ...g.params],
    );
  }

  function decided(ids: string[] | null, from: number, to: number): ReportData['decided'] {
    const g = inGroups(ids);
    // Durations straight off the index, in index order (day, kind, duration): already sorted per day and kind.
    const st = k.cases.stmt(`SELECT ${c('rpDecideDay')}, ${c('kind')}, ${c('rpDecideMs')} FROM cases WHERE ${c('rpDecideDay')} BETWEEN ? AND ?${g.sql} ORDER BY 1, 2, 3`);
    const rows = st.raw(true).all(from, to, ...g.params) as [number, string, number][];
    st.raw(false);
    const out: ReportData['decided'] = [];
    let cur: ReportData['decided'][number] | null = null;
    for (const [day, key, ms] of rows) {
      if (!cur || cur.day !== day || cur.key !== key) out.push((cur = { day, key, ms: [] }));
      cur.ms.push(ms);
    }
    return out;
  }

  /**
   * Median and p90 per bucket and kind. Two reads of the same index range in index order (no sort in
   * SQLite): the count of each (day, kind) group, then every duration as a bare number, sliced by
   * those counts. The durations are REAL columns, so packing them into text (group_concat) cost more
   * than it saved: formatting and re-parsing ~180,000 floats (10^6 cases, 12 months) was most of
   * this figure's time. Each bucket's durations are then sorted as numbers. Measured against a
   * window function (ROW_NUMBER over bucket and kind, which sorts every row of the period in SQLite):
   * 363 / 481 ms p50 / p95 at 10^6 against the packed reading's ~2.5× less (npm run bench).
   * Ranks as nearestRank (core/report-facts.ts): the value at max(1, ceil(q·n)).
   */
  function decidedStats(ids: string[] | null, from: number, to: number, buckets: { fromDay: number; toDay: number }[]): DecidedStat[] {
    if (!buckets.length) return [];
    const g = inGroups(ids);
    const range = `FROM cases WHERE ${c('rpDecideDay')} BETWEEN ? AND ?${g.sql}`;
    const cs = k.cases.stmt(`SELECT ${c('rpDecideDay')}, ${c('kind')}, COUNT(*) ${range} GROUP BY 1, 2 ORDER BY 1, 2`);
    const counts = cs.raw(true).all(from, to, ...g.params) as [number, string, number][];
    cs.raw(false);
    // The same rows in the same (day, kind) order: the counts above slice them.
    const durations = k.cases
      .stmt(`SELECT ${c('rpDecideMs')} ${range} ORDER BY ${c('rpDecideDay')}, ${c('kind')}, ${c('rpDecideMs')}`)
      .pluck(true)
      .all(from, to, ...g.params) as number[];
    const lists = new Map<string, { bucket: number; key: string; slices: [number, number][]; n: number }>();
    let at = 0;
    for (const [day, key, n] of counts) {
      const start = at;
      at += n;
      const bucket = buckets.findIndex((b) => day >= b.fromDay && day <= b.toDay);
      if (bucket < 0) continue;
      const id = `${bucket}:${key}`;
      const l = lists.get(id);
      if (l) {
        l.slices.push([start, at]);
        l.n += n;
      } else lists.set(id, { bucket, key, slices: [[start, at]], n });
    }
    return [...lists.values()].map(({ bucket, key, slices, n }) => {
      const ms = new Float64Array(n);
      let i = 0;
      for (const [a, b] of slices) for (let j = a; j < b; j++) ms[i++] = durations[j];
      ms.sort();
      const at = (q: number) => ms[Math.max(0, Math.ceil(q * ms.length) - 1)];
      return { bucket, key, n: ms.length, medianMs: at(0.5), p90Ms: at(0.9) };
    });
  }

  /**
   * The notices whose deadline falls in the period (an index range on ackDueAt, the scope's groups
   * through the group side table), each with its on-time acknowledgements (a correlated read of the
   * acks index per notice, rather than a query per notice): only the period's rows are read, however
   * many notices the organisation has. Only the fields the figure shows leave the database
   * (json_extract): parsing each whole notice (its body, owed list, names) in JS was half the figure.
   */
  function notices(ids: string[] | null, groups: Group[], from: number, to: number): ReportNotice[] {
    const wanted = new Set(ids ?? groups.map((g) => g._id));
    if (!wanted.size) return [];
    const lo = startOfDay(from);
    const hi = startOfDay(to + 1) - 1;
    const groupSql = ids === null ? `SELECT _id FROM ${groupSide}` : `SELECT _id FROM ${groupSide} WHERE ${c('groupIds')} IN (${marks(wanted.size)})`;
    const params = [lo, hi, ...(ids === null ? [] : wanted)];
    // An ack's _id is `${noticeId}:${personId}`: a notice's on-time people joined by U+0001.
    const st = k.notices.stmt(
      `SELECT n._id, json_extract(n.doc, '$.title'), json_extract(n.doc, '$.publishedAt'), n.${c('ackDueAt')}, json_extract(n.doc, '$.audience'), json_extract(n.doc, '$.status'),
         (SELECT group_concat(substr(a._id, length(a.${c('noticeId')}) + 2), char(1)) FROM acks a WHERE a.${c('noticeId')} = n._id AND a.${c('at')} <= n.${c('ackDueAt')})
       FROM notices n WHERE n.${c('ackDueAt')} BETWEEN ? AND ? AND n._id IN (${groupSql})`,
    );
    const rows = st.raw(true).all(...params) as [string, string, number, number, string, string, string | null][];
    st.raw(false);
    const out: ReportNotice[] = [];
    for (const [_id, title, publishedAt, ackDueAt, audience, status, people] of rows) {
      // A withdrawn or corrected notice owes nothing any more.
      if (status !== 'active') continue;
      out.push({
        _id,
        title,
        publishedAt,
        ackDueAt,
        audience: (JSON.parse(audience) as ReportNotice['audience']).filter((a) => wanted.has(a.groupId)),
        onTime: people === null ? [] : people.split('\u0001'),
      });
    }
    return out.sort((a, b) => a.ackDueAt - b.ackDueAt || (a._id < b._id ? -1 : 1));
  }

  function roster(ids: string[]): RosterEntry[] {
    if (!ids.length) return [];
    const ms = k.memberships.where(`${c('groupId')} IN (${marks(ids.length)}) AND ${c('status')} = 'active'`, ids, 'ORDER BY _id');
    const byId = new Map(k.people.getMany(ms.map((m) => m.personId)).map((p) => [p._id, p]));
    return ms.flatMap((m) => (byId.has(m.personId) ? [{ membership: m, person: byId.get(m.personId)! }] : []));
  }

  const empty = (groups: Group[]): ReportData => ({ groups, roster: [], departments: [], opened: [], closed: [], overdue: [], decided: [], violations: [], measures: [], appeals: [], backups: [], notices: [], snapshots: [] });

  return {
    async getReport(q: ReportQuery) {
      // One transaction: every figure reads the same snapshot.
      return db.transaction(() => {
        const groups = scopeGroups(q.scope);
        const ids = counted(q.scope, groups, q.groupId);
        const out = empty(groups);
        if (ids === undefined) return out;
        const want = (f: ReportFigure) => !q.figures || q.figures.includes(f);
        const { fromDay: from, toDay: to } = q;
        if (want('opened')) out.opened = dayCounts('rpOpenDay', 'kind', ids, from, to);
        if (want('closed')) out.closed = dayCounts('rpCloseDay', 'kind', ids, from, to);
        if (want('overdue')) out.overdue = dayCounts('rpDueDay', 'kind', ids, from, to, ` AND ${c('dueKey')} < ?`, [q.now]);
        if (want('decided')) {
          if (q.buckets) out.decidedStats = decidedStats(ids, from, to, q.buckets);
          else out.decided = decided(ids, from, to);
        }
        if (want('violations')) {
          const g = inGroups(ids);
          const by = (field: string) =>
            all<DayCount>(
              `SELECT ${c('rpOpenDay')} AS day, ${c(field)} AS key, COUNT(*) AS n FROM cases
               WHERE ${c('kind')} = 'violation' AND ${c('rpOpenDay')} BETWEEN ? AND ?${g.sql} GROUP BY 1, 2`,
              [from, to, ...g.params],
            );
          out.violations = by('rpCategory');
          out.measures = by('rpStep');
        }
        if (want('appeals')) {
          const g = inGroups(ids);
          out.appeals = all(
            `SELECT ${c('rpAppealDay')} AS day, ${c('rpAppealKey')} AS key, ${c('rpToLeader')} AS toLeader, COUNT(*) AS n FROM cases
             WHERE ${c('rpAppealDay')} BETWEEN ? AND ?${g.sql} GROUP BY 1, 2, 3`,
            [from, to, ...g.params],
          );
        }
        const groupIds = ids ?? groups.map((g) => g._id);
        if (want('naming')) {
          out.roster = roster(groupIds);
          out.departments = k.departments.where('1', [], 'ORDER BY _id');
          const days = q.snapshotDays ?? [];
          if (days.length && groupIds.length) {
            out.snapshots = k.snapshots.where(`${c('groupId')} IN (${marks(groupIds.length)}) AND ${c('day')} IN (${marks(days.length)})`, [...groupIds, ...days], `ORDER BY ${c('groupId')}, ${c('day')}`);
          }
        }
        if (want('backups') && groupIds.length) {
          const fromDate = new Date(from * 86_400_000).toISOString().slice(0, 10);
          const toDate = new Date(to * 86_400_000).toISOString().slice(0, 10);
          // Only backups overlapping the period: those ending on or after its first day (index group_to).
          out.backups = k.backups.where(`${c('groupId')} IN (${marks(groupIds.length)}) AND ${c('to')} >= ? AND ${c('from')} <= ?`, [...groupIds, fromDate, toDate], `ORDER BY ${c('groupId')}, ${c('from')}, _id`);
        }
        if (want('acks')) out.notices = notices(ids, groups, from, to);
        return out;
      })();
    },

    async putNamingSnapshots(docs) {
      db.transaction(() => {
        // Replace: a later sweep of the same day stands for the day's end.
        for (const d of docs) k.snapshots.put(d);
      })();
    },

    async listReportCases(q: ReportDrillQuery) {
      return db.transaction(() => {
        const groups = scopeGroups(q.scope);
        const ids = counted(q.scope, groups, q.groupId);
        if (ids === undefined) return { groups, page: { items: [], total: 0 }, people: [] };
        const g = inGroups(ids);
        const where: string[] = [];
        const params: unknown[] = [];
        const range = (field: string) => {
          where.push(`${c(field)} BETWEEN ? AND ?`);
          params.push(q.fromDay, q.toDay);
        };
        const eq = (field: string, v: unknown) => {
          where.push(`${c(field)} = ?`);
          params.push(v);
        };
        switch (q.metric) {
          case 'opened':
            range('rpOpenDay');
            if (q.key !== undefined) eq('kind', q.key);
            break;
          case 'closed':
            range('rpCloseDay');
            if (q.key !== undefined) eq('kind', q.key);
            break;
          case 'overdue':
            range('rpDueDay');
            if (q.key !== undefined) eq('kind', q.key);
            where.push(`${c('dueKey')} < ?`);
            params.push(q.now);
            break;
          case 'decided':
            range('rpDecideDay');
            if (q.key !== undefined) eq('kind', q.key);
            break;
          case 'violations':
            eq('kind', 'violation');
            range('rpOpenDay');
            if (q.key !== undefined) eq('rpCategory', q.key);
            break;
          case 'measures':
            eq('kind', 'violation');
            range('rpOpenDay');
            if (q.key !== undefined) eq('rpStep', q.key);
            break;
          case 'appeals':
            range('rpAppealDay');
            if (q.key !== undefined) eq('rpAppealKey', q.key);
            break;
          case 'appealsToLeader':
            range('rpAppealDay');
            eq('rpToLeader', 1);
            break;
        }
        const cond = where.join(' AND ') + g.sql;
        const all = [...params, ...g.params];
        const total = k.cases.count(cond, all);
        const items = k.cases.where(cond, [...all, q.page.limit, q.page.offset], `ORDER BY _id DESC LIMIT ? OFFSET ?`).map(docToCase);
        const personIds = new Set<string>();
        for (const x of items) {
          personIds.add(x.subjectId);
          x.assignees.forEach((a) => personIds.add(a));
        }
        return { groups, page: { items, total }, people: k.people.getMany([...personIds]) };
      })();
    },
  };
}
