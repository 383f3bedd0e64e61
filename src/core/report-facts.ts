// What reports count about a case, computed from the case alone: kept beside it in the same write as
// the step (server/collections.ts caseToDoc), so each figure is one indexed range over stored fields
// and no counter can drift from the cases it counts. Days are Asia/Shanghai day numbers.
import type { Case } from './model';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS);
}
export function dayOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
}
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
/** The first millisecond of a Shanghai day. */
export function startOfDay(day: number): number {
  return day * DAY_MS - OFFSET_MS;
}
/** The Monday of the week holding `day` (1970-01-05, day 4, was a Monday). */
export function mondayOf(day: number): number {
  return day - ((((day - 4) % 7) + 7) % 7);
}
/** The first day of the calendar month holding `day`. */
export function monthStartOf(day: number): number {
  return dayOfDate(`${dateOfDay(day).slice(0, 7)}-01`);
}

/**
 * The steps that decide a case: approval or rejection, a penalty decided (at opening for a warning or
 * a removal, by the leader for a referral), a task confirmed done, a filing acknowledged, a backup
 * registered, feedback answered, an emergency closed, an election's result. A withdrawal, a cancellation
 * or an expiry closes a case without deciding it.
 */
export const DECISION_ACTIONS: ReadonlySet<string> = new Set([
  'approve',
  'reject',
  'decide',
  'decide_measure',
  'elected',
  'no_candidates',
  'confirm',
  'confirm_added',
  'confirm_removed',
  'acknowledge',
  'covered',
  'fb_answer',
  'em_close',
]);

/** Steps recorded on a case after it closed that do not move it (an image's late content check). */
const ANNOTATIONS: ReadonlySet<string> = new Set(['media_pass', 'media_risky']);

/** What the leader's tier of an appeal looks like in the history (§7.3). */
const LEADER_APPEAL_ACTIONS: ReadonlySet<string> = new Set(['escalate_appeal', 'rule', 'take_over_rule']);

export interface ReportFacts {
  rpOpenDay: number;
  /** The day the case closed; null while open. */
  rpCloseDay: number | null;
  /** The day of its decision (DECISION_ACTIONS) and opening → decision in ms; null before one. */
  rpDecideDay: number | null;
  rpDecideMs: number | null;
  /** While open: the day its current step falls due (null without a deadline, or once closed). */
  rpDueDay: number | null;
  /** Violations: the category and the ladder step chosen at opening. */
  rpCategory: string | null;
  rpStep: string | null;
  /** Violations with an appeal: the day it was filed, its outcome so far, and whether it reached the leader (1/0). */
  rpAppealDay: number | null;
  rpAppealKey: string | null;
  rpToLeader: number | null;
}

interface ViolationLike {
  category?: string;
  step?: string;
  appeal?: { at: number } | null;
  answer?: { outcome: string } | null;
  ruling?: { outcome: string } | null;
}

export function reportFacts(c: Case): ReportFacts {
  let closedAt: number | null = null;
  if (!c.open) {
    const moves = c.history.filter((h) => !ANNOTATIONS.has(h.action));
    closedAt = moves.length ? moves[moves.length - 1].at : c.updatedAt;
  }
  const decision = c.history.find((h) => DECISION_ACTIONS.has(h.action));
  const facts: ReportFacts = {
    rpOpenDay: shanghaiDay(c.createdAt),
    rpCloseDay: closedAt === null ? null : shanghaiDay(closedAt),
    rpDecideDay: decision ? shanghaiDay(decision.at) : null,
    rpDecideMs: decision ? decision.at - c.createdAt : null,
    rpDueDay: c.open && c.dueAt !== null ? shanghaiDay(c.dueAt) : null,
    rpCategory: null,
    rpStep: null,
    rpAppealDay: null,
    rpAppealKey: null,
    rpToLeader: null,
  };
  if (c.kind === 'violation') {
    const d = c.data as ViolationLike;
    facts.rpCategory = d.category ?? null;
    facts.rpStep = d.step ?? null;
    if (d.appeal) {
      facts.rpAppealDay = shanghaiDay(d.appeal.at);
      facts.rpAppealKey = d.ruling?.outcome ?? d.answer?.outcome ?? 'pending';
      // Straight to the leader (a measure the leader decided), escalated by the member, or taken over.
      const leader = c.history.some((h) => LEADER_APPEAL_ACTIONS.has(h.action) || (h.action === 'appeal' && h.to === 'vio_escalated'));
      facts.rpToLeader = leader ? 1 : 0;
    }
  }
  return facts;
}

/** The value at quantile q of sorted numbers, nearest rank (the median of 1, 2, 3, 4 is 2). */
export function nearestRank(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Median and p90 (nearest rank) per bucket and kind of per-day sorted durations: what a store without window functions answers. */
export function decidedStatsOf(days: { day: number; key: string; ms: number[] }[], buckets: { fromDay: number; toDay: number }[]): { bucket: number; key: string; n: number; medianMs: number; p90Ms: number }[] {
  const by = new Map<string, { bucket: number; key: string; ms: number[] }>();
  for (const r of days) {
    const bucket = buckets.findIndex((b) => r.day >= b.fromDay && r.day <= b.toDay);
    if (bucket < 0) continue;
    const id = `${bucket}:${r.key}`;
    if (!by.has(id)) by.set(id, { bucket, key: r.key, ms: [] });
    by.get(id)!.ms.push(...r.ms);
  }
  return [...by.values()].map(({ bucket, key, ms }) => {
    const sorted = ms.sort((a, b) => a - b);
    return { bucket, key, n: sorted.length, medianMs: nearestRank(sorted, 0.5)!, p90Ms: nearestRank(sorted, 0.9)! };
  });
}
