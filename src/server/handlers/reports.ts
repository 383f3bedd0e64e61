// reports.overview and reports.drill: the figures per week or month for the groups in the caller's
// scope, and the list behind any one number. The store counts per Shanghai day (one round trip);
// days are rolled into buckets here, so both databases answer the same small per-day rows.
import {
  APPEAL_OUTCOME_LABELS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  fail,
  ok,
  REPORT_MAX_MONTHS,
  REPORT_MAX_WEEKS,
  type ActionInput,
  type ActionResult,
  type Failure,
  type ReportBucket,
  type ReportBucketView,
  type ReportCell,
  type ReportDrillRef,
  type ReportDurationCell,
  type ReportMetric,
  type ReportSeries,
  type ReportShareCell,
  type Result,
} from '../../contract';
import { mergePeriods, overlapping } from '../../core/backups';
import type { Group, RosterEntry } from '../../core/model';
import { dateOfDay, dayOfDate, decidedStatsOf, mondayOf, monthStartOf, shanghaiDay } from '../../core/report-facts';
import { rolesIn, type Actor, type HandlerCtx } from '../context';
import type { DecidedStat, ReportCaseMetric, ReportData, ReportFigure, ReportScope } from '../ports';
import { canonicalIn, groupContextIn, namedMembers } from '../reads/group-context';
import { managesDept } from '../reads/org';
import { currentSettings } from '../reads/settings';
import { toCaseViews } from '../reads/views';

/** The groups the caller reports on: those they administer or lead, their departments' groups, or all for the owner. */
export function reportScope(actor: Actor): ReportScope | null {
  if (actor.isOwner) return { all: true, groupIds: [], deptIds: [] };
  const groupIds = actor.memberships.filter((m) => rolesIn(actor, m.groupId).some((r) => r === 'admin' || r === 'leader')).map((m) => m.groupId);
  if (!groupIds.length && !actor.headOf.length) return null;
  return { all: false, groupIds, deptIds: [...actor.headOf] };
}

/** The same rule on one group (the store's answer is checked against it too). */
function inScope(actor: Actor, g: Group): boolean {
  return actor.isOwner || managesDept(actor, g.deptId) || rolesIn(actor, g._id).some((r) => r === 'admin' || r === 'leader');
}

interface Bucket {
  start: string;
  fromDay: number;
  toDay: number;
}

const STEP_LABELS: Record<string, string> = { warning: '警告', removal: '移出', referral: '纪律处分' };
const APPEAL_LABELS: Record<string, string> = { uphold: '维持', reduce: '减轻', revoke: '撤销', pending: '待答复' };
const isRealDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

function nextBucketDay(kind: ReportBucket, startDay: number): number {
  if (kind === 'week') return startDay + 7;
  const d = dateOfDay(startDay);
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return dayOfDate(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`);
}

function bucketStart(kind: ReportBucket, startDay: number): string {
  return kind === 'week' ? dateOfDay(startDay) : dateOfDay(startDay).slice(0, 7);
}

/** Whole buckets from the one holding `from` to the one holding `to`, or the Chinese reason why not. */
export function bucketsOf(kind: ReportBucket, from: string, to: string): Bucket[] | Failure {
  if (!isRealDate(from) || !isRealDate(to)) return fail('REPORT_PERIOD_INVALID', '日期不存在，请检查');
  if (from > to) return fail('REPORT_PERIOD_INVALID', '开始日期不能晚于结束日期');
  const first = kind === 'week' ? mondayOf(dayOfDate(from)) : monthStartOf(dayOfDate(from));
  const last = dayOfDate(to);
  const out: Bucket[] = [];
  for (let s = first; s <= last; s = nextBucketDay(kind, s)) {
    out.push({ start: bucketStart(kind, s), fromDay: s, toDay: nextBucketDay(kind, s) - 1 });
    const max = kind === 'week' ? REPORT_MAX_WEEKS : REPORT_MAX_MONTHS;
    if (out.length > max) return fail('REPORT_PERIOD_INVALID', kind === 'week' ? `按周统计最多 ${REPORT_MAX_WEEKS} 周，请缩短时间段或改为按月` : `按月统计最多 ${REPORT_MAX_MONTHS} 个月，请缩短时间段`);
  }
  return out;
}

/** A drill's bucketStart: 'YYYY-MM' is a month, 'YYYY-MM-DD' the Monday a week starts. */
export function bucketOfStart(start: string): Bucket | Failure {
  const kind: ReportBucket = start.length === 7 ? 'month' : 'week';
  const date = kind === 'month' ? `${start}-01` : start;
  if (!isRealDate(date)) return fail('DATE_INVALID', '统计周期的日期不存在');
  const day = dayOfDate(date);
  if (kind === 'week' && mondayOf(day) !== day) return fail('DATE_INVALID', '按周统计的周期须从星期一开始');
  return { start, fromDay: day, toDay: nextBucketDay(kind, day) - 1 };
}

function bucketLabel(kind: ReportBucket, b: Bucket): string {
  const [f, t] = [dateOfDay(b.fromDay), dateOfDay(b.toDay)];
  const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return kind === 'month' ? `${f.slice(0, 4)}年${Number(f.slice(5, 7))}月` : `${md(f)}–${md(t)}`;
}

/** The bucket index of each day of the period. */
function indexer(buckets: Bucket[]): (day: number) => number {
  const first = buckets[0].fromDay;
  const map = new Int16Array(buckets[buckets.length - 1].toDay - first + 1).fill(-1);
  buckets.forEach((b, i) => map.fill(i, b.fromDay - first, b.toDay - first + 1));
  return (day) => (day < first || day - first >= map.length ? -1 : map[day - first]);
}

function keyedSeries(rows: { day: number; key: string; n: number }[], buckets: Bucket[], at: (d: number) => number, metric: ReportMetric, groupId: string | undefined, labels: (k: string) => string, always: readonly string[] = []): ReportSeries[] {
  const counts = new Map<string, number[]>(always.map((k) => [k, buckets.map(() => 0)]));
  for (const r of rows) {
    const i = at(r.day);
    if (i < 0 || r.key === null) continue;
    if (!counts.has(r.key)) counts.set(r.key, buckets.map(() => 0));
    counts.get(r.key)![i] += r.n;
  }
  const order = (k: string) => (always.includes(k) ? always.indexOf(k) : (CASE_KINDS as readonly string[]).includes(k) ? 100 + CASE_KINDS.indexOf(k as never) : 1000);
  return [...counts.keys()]
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((key) => ({ key, label: labels(key), cells: counts.get(key)!.map((value, i) => ({ value, drill: ref(metric, buckets[i].start, groupId, key) })) }));
}

function ref(metric: ReportMetric, start: string, groupId: string | undefined, key?: string): ReportDrillRef {
  const r: ReportDrillRef = { metric, bucketStart: start };
  if (groupId !== undefined) r.groupId = groupId;
  if (key !== undefined) r.key = key;
  return r;
}

const share = (value: number, total: number) => (total ? value / total : null);

/** Members of each group not complying with §2.2 now (names are checked against the current roster). */
function namingNow(data: ReportData, naming: Parameters<typeof canonicalIn>[2], groupIds: string[]) {
  // Each group's own rows once: the directory of 200 groups is not walked 200 times.
  const rowsOf = new Map<string, RosterEntry[]>();
  for (const r of data.roster) {
    const list = rowsOf.get(r.membership.groupId);
    if (list) list.push(r);
    else rowsOf.set(r.membership.groupId, [r]);
  }
  const groupsById = new Map(data.groups.map((g) => [g._id, g]));
  const out = new Map<string, { total: number; failing: { r: RosterEntry; canonical: string }[] }>();
  for (const id of groupIds) {
    const rows = rowsOf.get(id) ?? [];
    const g = groupsById.get(id);
    const gc = g ? groupContextIn({ departments: data.departments, people: rows.map((r) => r.person), groups: [g], memberships: rows.map((r) => r.membership) }, id) : null;
    if (!gc) continue;
    const named = namedMembers(gc);
    const failing = named.map((r) => ({ r, canonical: canonicalIn(gc, r, naming) })).filter((x) => x.r.membership.nickname !== x.canonical);
    out.set(id, { total: named.length, failing });
  }
  return out;
}

/** Days of [fromDay, toDay] covered by one of the backups: the covered dates with the backups covering each. */
function coveredDays(backups: ReportData['backups'], fromDay: number, toDay: number): { date: string; backups: { id: string; from: string; to: string }[] }[] {
  const range = { from: dateOfDay(fromDay), to: dateOfDay(toDay) };
  const touching = overlapping(backups, range);
  const out = [];
  for (const p of mergePeriods(touching)) {
    for (let d = Math.max(dayOfDate(p.from), fromDay); d <= Math.min(dayOfDate(p.to), toDay); d++) {
      const date = dateOfDay(d);
      out.push({ date, backups: touching.filter((b) => b.from <= date && b.to >= date).map((b) => ({ id: b._id, from: b.from, to: b.to })) });
    }
  }
  return out;
}

/** How many days of [fromDay, toDay] a backup covers: coveredDays(...).length without building each day's entry (the overview's 200 groups × 12 buckets). */
function coveredCount(backups: ReportData['backups'], fromDay: number, toDay: number): number {
  let n = 0;
  for (const p of mergePeriods(overlapping(backups, { from: dateOfDay(fromDay), to: dateOfDay(toDay) }))) {
    const lo = Math.max(dayOfDate(p.from), fromDay);
    const hi = Math.min(dayOfDate(p.to), toDay);
    if (hi >= lo) n += hi - lo + 1;
  }
  return n;
}

export async function reportsOverview(ctx: HandlerCtx, input: ActionInput<'reports.overview'>): Promise<Result<ActionResult<'reports.overview'>>> {
  const { deps, actor, now } = ctx;
  const scope = reportScope(actor);
  if (!scope) return fail('NO_REPORT_SCOPE');
  const buckets = bucketsOf(input.bucket, input.from, input.to);
  if ('ok' in buckets) return buckets;
  const fromDay = buckets[0].fromDay;
  const toDay = buckets[buckets.length - 1].toDay;
  const today = shanghaiDay(now);
  // Compliance over time: the naming snapshot of each bucket's last day, for the buckets that have ended.
  const snapshotDays = buckets.filter((b) => b.toDay < today).map((b) => b.toDay);
  const [data, settings] = await Promise.all([
    deps.store.getReport({ scope, groupId: input.groupId, fromDay, toDay, now, snapshotDays, buckets: buckets.map((b) => ({ fromDay: b.fromDay, toDay: b.toDay })) }),
    currentSettings(deps.store),
  ]);
  const groups = data.groups.filter((g) => inScope(actor, g));
  // A department head whose department has no group yet: nothing to report on.
  if (!groups.length) return fail('NO_REPORT_SCOPE');
  if (input.groupId !== undefined && !groups.some((g) => g._id === input.groupId)) return fail('GROUP_NOT_IN_SCOPE');
  const counted = input.groupId !== undefined ? groups.filter((g) => g._id === input.groupId) : groups;
  const at = indexer(buckets);
  const gid = input.groupId;
  const kindLabel = (k: string) => CASE_KIND_LABELS[k as keyof typeof CASE_KIND_LABELS] ?? k;

  // The store computes median and p90 per bucket (SQLite: in SQL; the cloud database: from its per-day durations).
  const decided = new Map<string, (DecidedStat | null)[]>();
  for (const s of data.decidedStats ?? decidedStatsOf(data.decided, buckets)) {
    if (!decided.has(s.key)) decided.set(s.key, buckets.map(() => null));
    decided.get(s.key)![s.bucket] = s;
  }
  const decidedSeries: ReportSeries<ReportDurationCell>[] = [...decided.keys()]
    .sort((a, b) => CASE_KINDS.indexOf(a as never) - CASE_KINDS.indexOf(b as never))
    .map((key) => ({
      key,
      label: kindLabel(key),
      cells: decided.get(key)!.map((s, i) => ({ value: s?.n ?? 0, medianMs: s?.medianMs ?? null, p90Ms: s?.p90Ms ?? null, drill: ref('decided', buckets[i].start, gid, key) })),
    }));

  const toLeader = buckets.map(() => 0);
  for (const r of data.appeals) if (r.toLeader === 1 && at(r.day) >= 0) toLeader[at(r.day)] += r.n;

  const ids = counted.map((g) => g._id);
  const snapshot = new Map(data.snapshots.map((s) => [`${s.groupId}:${s.day}`, s]));
  // `now` drills to the bucket holding today, which lists today's roster.
  const currentStart = bucketStart(input.bucket, input.bucket === 'week' ? mondayOf(today) : monthStartOf(today));
  const naming = namingNow(data, settings.values.naming, ids);
  const noticesByGroup = new Map<string, { n: ReportData['notices'][number]; aud: { personIds: string[] }; day: number }[]>();
  for (const n of data.notices) {
    for (const aud of n.audience) noticesByGroup.set(aud.groupId, [...(noticesByGroup.get(aud.groupId) ?? []), { n, aud, day: shanghaiDay(n.ackDueAt) }]);
  }
  const backupsByGroup = new Map<string, ReportData['backups']>();
  for (const b of data.backups) backupsByGroup.set(b.groupId, [...(backupsByGroup.get(b.groupId) ?? []), b]);

  const result: ActionResult<'reports.overview'> = {
    from: dateOfDay(fromDay),
    to: dateOfDay(toDay),
    bucket: input.bucket,
    groupId: gid ?? null,
    groups: counted.map((g) => ({ id: g._id, name: g.name })),
    buckets: buckets.map((b): ReportBucketView => ({ start: b.start, label: bucketLabel(input.bucket, b), from: dateOfDay(b.fromDay), to: dateOfDay(b.toDay) })),
    asOf: now,
    cases: {
      opened: keyedSeries(data.opened, buckets, at, 'opened', gid, kindLabel) as never,
      closed: keyedSeries(data.closed, buckets, at, 'closed', gid, kindLabel),
      overdue: keyedSeries(data.overdue, buckets, at, 'overdue', gid, kindLabel),
      decided: decidedSeries,
    },
    violations: {
      byCategory: keyedSeries(data.violations, buckets, at, 'violations', gid, (k) => k),
      byMeasure: keyedSeries(data.measures, buckets, at, 'measures', gid, (k) => STEP_LABELS[k] ?? k, ['warning', 'removal', 'referral']),
    },
    appeals: {
      byOutcome: keyedSeries(data.appeals, buckets, at, 'appeals', gid, (k) => APPEAL_LABELS[k] ?? APPEAL_OUTCOME_LABELS[k as never] ?? k, ['uphold', 'reduce', 'revoke']),
      reachedLeader: toLeader.map((value, i): ReportCell => ({ value, drill: ref('appealsToLeader', buckets[i].start, gid) })),
    },
    naming: counted.map((g) => {
      const n = naming.get(g._id) ?? { total: 0, failing: [] };
      const compliant = n.total - n.failing.length;
      const nowCell: ReportShareCell = { value: compliant, total: n.total, share: share(compliant, n.total), drill: ref('naming', currentStart, g._id) };
      // An ended bucket: its last day's snapshot (null when the scheduler took none that day); the current one: see `now`.
      const cells = buckets.map((b): ReportShareCell | null => {
        const s = snapshot.get(`${g._id}:${b.toDay}`);
        if (!s) return null;
        const value = s.members - s.failing.length;
        return { value, total: s.members, share: share(value, s.members), drill: ref('naming', b.start, g._id) };
      });
      return { groupId: g._id, name: g.name, now: nowCell, cells };
    }),
    backups: counted.map((g) => ({
      groupId: g._id,
      name: g.name,
      cells: buckets.map((b): ReportShareCell => {
        // Days still to come cannot be covered yet: the share is of the days up to today.
        const last = Math.min(b.toDay, today);
        const total = Math.max(0, last - b.fromDay + 1);
        const value = total ? coveredCount(backupsByGroup.get(g._id) ?? [], b.fromDay, last) : 0;
        return { value, total, share: share(value, total), drill: ref('backups', b.start, g._id) };
      }),
    })),
    acks: counted.map((g) => ({
      groupId: g._id,
      name: g.name,
      cells: buckets.map((b) => {
        let owed = 0;
        let acked = 0;
        let notices = 0;
        for (const { n, aud, day } of noticesByGroup.get(g._id) ?? []) {
          if (day < b.fromDay || day > b.toDay) continue;
          const onTime = new Set(n.onTime);
          notices++;
          owed += aud.personIds.length;
          acked += aud.personIds.filter((p) => onTime.has(p)).length;
        }
        return { value: acked, total: owed, share: share(acked, owed), notices, drill: ref('acks', b.start, g._id) };
      }),
    })),
    empty: false,
  };
  result.empty = !data.opened.length && !data.closed.length && !data.overdue.length && !data.appeals.length && !data.backups.length && !data.notices.length;
  return ok(result);
}

const CASE_METRIC_SET = new Set<string>(['opened', 'closed', 'overdue', 'decided', 'violations', 'measures', 'appeals', 'appealsToLeader']);
const FIGURE_OF: Record<string, ReportFigure> = { naming: 'naming', backups: 'backups', acks: 'acks' };

export async function reportsDrill(ctx: HandlerCtx, input: ActionInput<'reports.drill'>): Promise<Result<ActionResult<'reports.drill'>>> {
  const { deps, actor, now } = ctx;
  const scope = reportScope(actor);
  if (!scope) return fail('NO_REPORT_SCOPE');
  const bucket = bucketOfStart(input.bucketStart);
  if ('ok' in bucket) return bucket;
  const page = { offset: input.offset ?? 0, limit: input.limit ?? 20 };
  if (CASE_METRIC_SET.has(input.metric)) {
    const r = await deps.store.listReportCases({ scope, groupId: input.groupId, metric: input.metric as ReportCaseMetric, key: input.key, fromDay: bucket.fromDay, toDay: bucket.toDay, now, page });
    const groups = r.groups.filter((g) => inScope(actor, g));
    if (!groups.length) return fail('NO_REPORT_SCOPE');
    if (input.groupId !== undefined && !groups.some((g) => g._id === input.groupId)) return fail('GROUP_NOT_IN_SCOPE');
    const items = await toCaseViews(deps.store, actor, r.page.items, false, { now, known: { people: r.people, groups } });
    return ok({ type: 'cases', items, total: r.page.total, ...page });
  }
  if (input.groupId === undefined) return fail('BAD_INPUT', '请选择一个群：该统计按群计算');
  const figure = FIGURE_OF[input.metric];
  // The bucket's days only: the same rows the overview's cell counted.
  const today = shanghaiDay(now);
  const last = figure === 'backups' ? Math.min(bucket.toDay, today) : bucket.toDay;
  // Naming: an ended bucket lists its last day's snapshot, the current one today's roster.
  const ended = bucket.toDay < today;
  const [data, settings] = await Promise.all([
    deps.store.getReport({ scope, groupId: input.groupId, fromDay: bucket.fromDay, toDay: Math.max(bucket.fromDay, last), now, figures: [figure], snapshotDays: figure === 'naming' && ended ? [bucket.toDay] : [] }),
    figure === 'naming' && !ended ? currentSettings(deps.store) : null,
  ]);
  if (!data.groups.some((g) => g._id === input.groupId && inScope(actor, g))) return fail('GROUP_NOT_IN_SCOPE');
  const slice = <T>(xs: T[]) => ({ items: xs.slice(page.offset, page.offset + page.limit), total: xs.length, ...page });
  if (figure === 'naming' && ended) {
    const s = data.snapshots.find((x) => x.groupId === input.groupId && x.day === bucket.toDay);
    const rows = (s?.failing ?? []).map((f) => ({ personId: f.personId, name: f.name, nickname: f.nickname, reason: `应为“${f.canonical}”` }));
    return ok({ type: 'members', ...slice(rows) });
  }
  if (figure === 'naming') {
    const n = namingNow(data, settings!.values.naming, [input.groupId]).get(input.groupId);
    const rows = (n?.failing ?? []).map(({ r, canonical }) => ({ personId: r.person._id, name: r.person.name, nickname: r.membership.nickname, reason: `应为“${canonical}”` }));
    return ok({ type: 'members', ...slice(rows) });
  }
  if (figure === 'backups') {
    const days = last < bucket.fromDay ? [] : coveredDays(data.backups, bucket.fromDay, last);
    return ok({ type: 'days', ...slice(days) });
  }
  const rows = data.notices.map((n) => {
    const aud = n.audience.find((a) => a.groupId === input.groupId)!;
    const onTime = new Set(n.onTime);
    return { noticeId: n._id, title: n.title, publishedAt: n.publishedAt, ackDueAt: n.ackDueAt, owed: aud.personIds.length, ackedOnTime: aud.personIds.filter((p) => onTime.has(p)).length };
  });
  return ok({ type: 'notices', ...slice(rows) });
}
