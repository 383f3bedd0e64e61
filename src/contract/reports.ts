// Reports (issue 17): the figures per week or month behind reports.overview, and the drill-down
// (reports.drill) that lists what is behind any one number. Every number carries its `drill` ref.
import type { CaseKind, CaseView, Page } from './model';

/** Buckets: weeks start on Monday, months on the 1st, both in Asia/Shanghai. */
export const REPORT_BUCKETS = ['week', 'month'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];
/** The longest period one overview covers (from the first day of `from`'s bucket to the last of `to`'s). */
export const REPORT_MAX_WEEKS = 53;
export const REPORT_MAX_MONTHS = 12;

/**
 * What a number counts. Case metrics drill to cases, `naming` to members, `backups` to days,
 * `acks` to notices.
 * - opened: cases opened in the bucket (key: kind).
 * - closed: cases closed in the bucket (key: kind).
 * - overdue: open cases whose current step's deadline fell in the bucket and has passed (key: kind).
 * - decided: cases decided in the bucket, with the median and p90 of opening → decision (key: kind).
 *   Decision = the step that closed the case; a case closed by withdrawal or cancellation is not decided.
 * - violations: violation cases opened in the bucket (key: category).
 * - measures: violation cases opened in the bucket by the step chosen (key: warning | removal | referral).
 * - appeals: appeals filed in the bucket by outcome (key: uphold | reduce | revoke | pending).
 * - appealsToLeader: appeals filed in the bucket that reached the leader (escalated, or the leader ruled).
 * - naming: members whose group nickname complies with §2.2, of those it applies to (one group); the drill
 *   lists those who do not (total − value), from today's roster or the bucket's last-day snapshot.
 * - backups: days of the bucket covered by a registered backup (one group).
 * - acks: acknowledgements owed for notices whose deadline fell in the bucket, and how many came by it (one group);
 *   the drill lists the notices (as many as `notices`).
 */
export const REPORT_METRICS = ['opened', 'closed', 'overdue', 'decided', 'violations', 'measures', 'appeals', 'appealsToLeader', 'naming', 'backups', 'acks'] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];
/** The metrics that count cases (their drill lists cases). */
export const CASE_METRICS = ['opened', 'closed', 'overdue', 'decided', 'violations', 'measures', 'appeals', 'appealsToLeader'] as const satisfies readonly ReportMetric[];
/** Metrics per group: their drill needs a groupId. */
export const GROUP_METRICS = ['naming', 'backups', 'acks'] as const satisfies readonly ReportMetric[];

export const APPEAL_REPORT_KEYS = ['uphold', 'reduce', 'revoke', 'pending'] as const;

/**
 * What reports.drill needs to list exactly the things behind one number: pass it back as is.
 * `bucketStart` is 'YYYY-MM' for a month and 'YYYY-MM-DD' (a Monday) for a week.
 */
export interface ReportDrillRef {
  metric: ReportMetric;
  bucketStart: string;
  /** Absent: every group in the caller's scope (as the overview was asked). */
  groupId?: string;
  /** The series: a case kind, a violation category, a ladder step or an appeal outcome. */
  key?: string;
}

export interface ReportCell {
  /** The number shown (a count). */
  value: number;
  drill: ReportDrillRef;
}
/** `value` of `total` (share = value / total, null when total is 0: nothing to measure). */
export interface ReportShareCell extends ReportCell {
  total: number;
  share: number | null;
}
/** `value` cases decided; median and p90 of opening → decision in ms (null when none). */
export interface ReportDurationCell extends ReportCell {
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ReportBucketView {
  /** The drill's bucketStart: 'YYYY-MM' or 'YYYY-MM-DD'. */
  start: string;
  /** e.g. '2026年3月', '3月2日–3月8日'. */
  label: string;
  /** Inclusive dates of the whole bucket (the period asked is widened to whole buckets). */
  from: string;
  to: string;
}

/** One line of a chart: its cells are aligned with `buckets`. */
export interface ReportSeries<C extends ReportCell = ReportCell> {
  key: string;
  label: string;
  cells: C[];
}

export interface ReportGroupSeries<C extends ReportCell | null = ReportShareCell> {
  groupId: string;
  name: string;
  cells: C[];
}

export interface ReportOverview {
  from: string;
  to: string;
  bucket: ReportBucket;
  /** The group asked for, or null: all in scope. */
  groupId: string | null;
  /** The groups the figures cover. */
  groups: { id: string; name: string }[];
  buckets: ReportBucketView[];
  /** When the figures were computed (overdue counts depend on it). */
  asOf: number;
  cases: {
    /** One series per case kind that has any number in the period. */
    opened: ReportSeries<ReportCell & { drill: { key: CaseKind } }>[];
    closed: ReportSeries[];
    overdue: ReportSeries[];
    decided: ReportSeries<ReportDurationCell>[];
  };
  violations: { byCategory: ReportSeries[]; byMeasure: ReportSeries[] };
  appeals: { byOutcome: ReportSeries[]; reachedLeader: ReportCell[] };
  /**
   * Per group: `now` from today's roster (its drill goes to the bucket holding today); `cells` as of each
   * bucket's last day, from that day's naming snapshot (null without one, or for a bucket not yet ended).
   * value = members complying, total = members (the drill lists the total − value who do not).
   */
  naming: (ReportGroupSeries<ReportShareCell | null> & { now: ReportShareCell })[];
  /** value = days covered by a backup, total = days of the bucket in the period up to today. */
  backups: ReportGroupSeries[];
  /** value = acknowledgements by the deadline, total = owed; for notices whose deadline fell in the bucket. */
  acks: (ReportGroupSeries<ReportShareCell & { notices: number }>)[];
  /** True when nothing at all happened in the period (the page says so instead of drawing nothing). */
  empty: boolean;
}

export interface ReportMemberRow {
  personId: string;
  name: string;
  nickname: string | null;
  /** Why it does not comply (the naming rule's first reason). */
  reason: string;
}
export interface ReportDayRow {
  date: string;
  /** The backups covering that day. */
  backups: { id: string; from: string; to: string }[];
}
export interface ReportNoticeRow {
  noticeId: string;
  title: string;
  publishedAt: number;
  ackDueAt: number;
  /** In the group asked for. */
  owed: number;
  ackedOnTime: number;
}

/** reports.drill: exactly what the number counts (total = the number shown; for acks, total = `notices`). */
export type ReportDrill =
  | ({ type: 'cases' } & Page<CaseView>)
  | ({ type: 'members' } & Page<ReportMemberRow>)
  | ({ type: 'days' } & Page<ReportDayRow>)
  | ({ type: 'notices' } & Page<ReportNoticeRow>);
