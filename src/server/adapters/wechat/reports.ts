// Reports on the cloud database: each case figure is one aggregate — match the report facts of the
// period (core/report-facts.ts, written with every step) and group them per Shanghai day — sent in
// parallel after the scope's groups are known. Limits that shape it (README, Reports): an aggregate
// answers at most 10,000 documents (20 without limit()), a stage holds at most 100 MB, a document
// 16 MB. Per-day rows keep every answer small: ≤ 372 days × 14 kinds = 5,208 rows; a figure that
// would reach the cap fails loudly instead of answering a count cut short.
import { dateOfDay, decidedStatsOf, startOfDay } from '../../../core/report-facts';
import type { BackupDoc, Case, Group, NamingSnapshotDoc, NoticeDoc, Person } from '../../../core/model';
import { docToCase } from '../../collections';
import type { DayCount, Directory, PageOf, PageQuery, ReportData, ReportDrillQuery, ReportFigure, ReportNotice, ReportQuery, ReportScope, Store } from '../../ports';
import type { WxDatabase, WxDoc } from './types';

/** The most one aggregate answers in a cloud function. */
export const AGGREGATE_MAX = 10_000;
const IN_CHUNK = 100;

type Order = [field: string, order: 'asc' | 'desc'];
interface Helpers {
  all<T>(name: 'groups' | 'backups' | 'notices' | 'naming_snapshots', where: object | undefined, order: Order[]): Promise<T[]>;
  page<T>(name: 'cases', where: object, order: Order[], p: PageQuery): Promise<PageOf<T>>;
  byIds<T>(name: 'people', ids: string[]): Promise<T[]>;
  getDirectory(): Promise<Directory>;
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function wechatReports(db: WxDatabase, h: Helpers): Pick<Store, 'getReport' | 'listReportCases' | 'putNamingSnapshots'> {
  const _ = db.command;
  const $ = _.aggregate;

  async function scopeGroups(scope: ReportScope): Promise<Group[]> {
    const order: Order[] = [['name', 'asc'], ['_id', 'asc']];
    if (scope.all) return h.all<Group>('groups', undefined, order);
    const conds: object[] = [];
    if (scope.groupIds.length) conds.push({ _id: _.in(scope.groupIds) });
    if (scope.deptIds.length) conds.push({ deptId: _.in(scope.deptIds) });
    if (!conds.length) return [];
    return h.all<Group>('groups', conds.length === 1 ? conds[0] : _.or(conds), order);
  }

  const counted = (scope: ReportScope, groups: Group[], groupId?: string): string[] | null | undefined =>
    groupId !== undefined ? (groups.some((g) => g._id === groupId) ? [groupId] : undefined) : scope.all ? null : groups.map((g) => g._id);

  /** The facts of the period for the groups counted (null: every group). */
  function where(dayField: string, from: number, to: number, ids: string[] | null, extra: object[] = []): object {
    const conds: object[] = [{ [dayField]: _.gte(from) }, { [dayField]: _.lte(to) }, ...extra];
    if (ids !== null) conds.push({ groupId: _.in(ids) });
    return _.and(conds);
  }

  async function grouped(match: object, id: Record<string, string>, acc: Record<string, unknown>): Promise<WxDoc[]> {
    const { list } = await db.collection('cases').aggregate().match(match).group({ _id: id, ...acc }).limit(AGGREGATE_MAX).end();
    if (list.length >= AGGREGATE_MAX) throw new Error(`report aggregate reached the ${AGGREGATE_MAX}-document cap: narrow the period`);
    return list;
  }

  async function dayCounts(dayField: string, keyField: string, match: object): Promise<DayCount[]> {
    const rows = await grouped(match, { day: `$${dayField}`, key: `$${keyField}` }, { n: $.sum(1) });
    return rows.map((r) => {
      const id = r._id as unknown as { day: number; key: string };
      return { day: id.day, key: id.key, n: r.n as number };
    });
  }

  async function notices(ids: string[], from: number, to: number): Promise<ReportNotice[]> {
    const lo = startOfDay(from);
    const hi = startOfDay(to + 1) - 1;
    const wanted = new Set(ids);
    const found = new Map<string, NoticeDoc>();
    for (const part of chunks(ids, IN_CHUNK)) {
      const list = await h.all<NoticeDoc>('notices', _.and([{ groupIds: _.in(part) }, { ackDueAt: _.gte(lo) }, { ackDueAt: _.lte(hi) }, { status: 'active' }]), [['_id', 'asc']]);
      for (const n of list) found.set(n._id, n);
    }
    const list = [...found.values()];
    // Who acknowledged each notice by its deadline (an ack is `late` exactly when after it): one row per notice.
    const onTime = new Map<string, string[]>();
    await Promise.all(
      chunks(list.map((n) => n._id), IN_CHUNK).map(async (part) => {
        const { list: rows } = await db.collection('acks').aggregate().match({ noticeId: _.in(part), late: false }).group({ _id: '$noticeId', people: $.push('$personId') }).limit(AGGREGATE_MAX).end();
        for (const r of rows) onTime.set(r._id as unknown as string, r.people as string[]);
      }),
    );
    return list
      .map((n) => ({ _id: n._id, title: n.title, publishedAt: n.publishedAt, ackDueAt: n.ackDueAt, audience: n.audience.filter((a) => wanted.has(a.groupId)), onTime: onTime.get(n._id) ?? [] }))
      .sort((a, b) => a.ackDueAt - b.ackDueAt || (a._id < b._id ? -1 : 1));
  }

  async function backups(ids: string[], from: number, to: number): Promise<BackupDoc[]> {
    const [fromDate, toDate] = [dateOfDay(from), dateOfDay(to)];
    const parts = await Promise.all(chunks(ids, IN_CHUNK).map((part) => h.all<BackupDoc>('backups', _.and([{ groupId: _.in(part) }, { to: _.gte(fromDate) }, { from: _.lte(toDate) }]), [['groupId', 'asc'], ['from', 'asc'], ['_id', 'asc']])));
    return parts.flat();
  }

  return {
    async getReport(q: ReportQuery): Promise<ReportData> {
      const want = (f: ReportFigure) => !q.figures || q.figures.includes(f);
      const out: ReportData = { groups: [], roster: [], departments: [], opened: [], closed: [], overdue: [], decided: [], violations: [], measures: [], appeals: [], backups: [], notices: [], snapshots: [] };
      const { fromDay: from, toDay: to } = q;
      const jobs: Promise<void>[] = [];
      const run = (f: ReportFigure, job: () => Promise<void>) => want(f) && jobs.push(job());
      // The owner's report on every group filters no group: its case aggregates start with the
      // directory's request instead of after it (one round of latency, not two).
      const early = q.scope.all && q.groupId === undefined;
      if (early) caseFigures(null);
      // Marked handled now (a failure while the directory is awaited is no unhandled rejection); awaited below.
      const started = Promise.all(jobs.splice(0));
      started.catch(() => undefined);
      // The naming check needs the rosters: the directory's one request, which also gives the groups.
      const dir = want('naming') ? await h.getDirectory() : null;
      const groups = dir ? filterScope(dir.groups, q.scope) : await scopeGroups(q.scope);
      out.groups = groups;
      const ids = counted(q.scope, groups, q.groupId);
      if (ids === undefined) return out;
      const groupIds = ids ?? groups.map((g) => g._id);
      if (!early) caseFigures(ids);
      jobs.push(started.then(() => undefined));
      function caseFigures(ids: string[] | null) {
        run('opened', async () => void (out.opened = await dayCounts('rpOpenDay', 'kind', where('rpOpenDay', from, to, ids))));
        run('closed', async () => void (out.closed = await dayCounts('rpCloseDay', 'kind', where('rpCloseDay', from, to, ids))));
        run('overdue', async () => void (out.overdue = await dayCounts('rpDueDay', 'kind', where('rpDueDay', from, to, ids, [{ dueKey: _.lt(q.now) }]))));
        run('decided', async () => {
          const rows = await grouped(where('rpDecideDay', from, to, ids), { day: '$rpDecideDay', key: '$kind' }, { ms: $.push('$rpDecideMs') });
          out.decided = rows.map((r) => {
            const id = r._id as unknown as { day: number; key: string };
            return { day: id.day, key: id.key, ms: (r.ms as number[]).sort((a, b) => a - b) };
          });
          if (q.buckets) {
            out.decidedStats = decidedStatsOf(out.decided, q.buckets);
            out.decided = [];
          }
        });
        run('violations', async () => {
          const match = where('rpOpenDay', from, to, ids, [{ kind: 'violation' }]);
          [out.violations, out.measures] = await Promise.all([dayCounts('rpOpenDay', 'rpCategory', match), dayCounts('rpOpenDay', 'rpStep', match)]);
        });
        run('appeals', async () => {
          const rows = await grouped(where('rpAppealDay', from, to, ids), { day: '$rpAppealDay', key: '$rpAppealKey', toLeader: '$rpToLeader' }, { n: $.sum(1) });
          out.appeals = rows.map((r) => ({ ...(r._id as unknown as { day: number; key: string; toLeader: number }), n: r.n as number }));
        });
      }
      if (dir && want('naming')) {
        const inGroups = new Set(groupIds);
        const people = new Map(dir.people.map((p) => [p._id, p]));
        out.roster = dir.memberships.filter((m) => inGroups.has(m.groupId) && m.status === 'active' && people.has(m.personId)).map((m) => ({ membership: m, person: people.get(m.personId)! }));
        out.departments = dir.departments;
        const days = q.snapshotDays ?? [];
        if (days.length && groupIds.length) {
          jobs.push(
            Promise.all(chunks(groupIds, IN_CHUNK).map((part) => h.all<NamingSnapshotDoc>('naming_snapshots', _.and([{ groupId: _.in(part) }, { day: _.in(days) }]), [['groupId', 'asc'], ['day', 'asc']]))).then((parts) => {
              out.snapshots = parts.flat();
            }),
          );
        }
      }
      run('backups', async () => void (out.backups = groupIds.length ? await backups(groupIds, from, to) : []));
      run('acks', async () => void (out.notices = groupIds.length ? await notices(groupIds, from, to) : []));
      await Promise.all(jobs);
      return out;
    },

    async putNamingSnapshots(docs) {
      // set() replaces the day's document whole: a later sweep of the day stands for its end.
      for (const part of chunks(docs, 20)) {
        await Promise.all(part.map(({ _id, ...data }) => db.collection('naming_snapshots').doc(_id).set({ data })));
      }
    },

    async listReportCases(q: ReportDrillQuery) {
      const groups = await scopeGroups(q.scope);
      const ids = counted(q.scope, groups, q.groupId);
      if (ids === undefined) return { groups, page: { items: [], total: 0 }, people: [] };
      const key = q.key !== undefined;
      const { fromDay: from, toDay: to } = q;
      const match: Record<ReportDrillQuery['metric'], () => object> = {
        opened: () => where('rpOpenDay', from, to, ids, key ? [{ kind: q.key }] : []),
        closed: () => where('rpCloseDay', from, to, ids, key ? [{ kind: q.key }] : []),
        overdue: () => where('rpDueDay', from, to, ids, [{ dueKey: _.lt(q.now) }, ...(key ? [{ kind: q.key }] : [])]),
        decided: () => where('rpDecideDay', from, to, ids, key ? [{ kind: q.key }] : []),
        violations: () => where('rpOpenDay', from, to, ids, [{ kind: 'violation' }, ...(key ? [{ rpCategory: q.key }] : [])]),
        measures: () => where('rpOpenDay', from, to, ids, [{ kind: 'violation' }, ...(key ? [{ rpStep: q.key }] : [])]),
        appeals: () => where('rpAppealDay', from, to, ids, key ? [{ rpAppealKey: q.key }] : []),
        appealsToLeader: () => where('rpAppealDay', from, to, ids, [{ rpToLeader: 1 }]),
      };
      const r = await h.page<WxDoc>('cases', match[q.metric](), [['_id', 'desc']], q.page);
      const items: Case[] = r.items.map(docToCase);
      const personIds = new Set<string>();
      for (const c of items) {
        personIds.add(c.subjectId);
        c.assignees.forEach((a) => personIds.add(a));
      }
      const people = personIds.size ? await h.byIds<Person>('people', [...personIds]) : [];
      return { groups, page: { items, total: r.total }, people };
    },
  };
}

function filterScope(groups: Group[], scope: ReportScope): Group[] {
  if (scope.all) return groups;
  const ids = new Set(scope.groupIds);
  const depts = new Set(scope.deptIds);
  return groups.filter((g) => ids.has(g._id) || depts.has(g.deptId));
}
