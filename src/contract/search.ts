// 全部事项 (issue 19): every case in the caller's scope, filtered and paged. The input schema is in
// actions.ts beside every other action; the limits, the orders and the answer shape are here.
import type { CaseView, Page, PersonRef } from './model';

/** Newest deadline first, or oldest deadline first (a case without a deadline stands at its opening time). */
export const SEARCH_ORDERS = ['dueDesc', 'dueAsc'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];
export const SEARCH_ORDER_LABELS: Record<SearchOrder, string> = { dueDesc: '截止时间最新在前', dueAsc: '截止时间最早在前' };

/** Results a call may ask for (the page asks for 20). */
export const SEARCH_LIMIT_MAX = 50;
/** Counted up to here; beyond, the answer says "more than" (counting 10^6 cases exactly costs a scan). */
export const SEARCH_TOTAL_CAP = 1000;
/** Title text: at least this many characters (one character matches nearly everything). */
export const SEARCH_TEXT_MIN = 2;
export const SEARCH_TEXT_MAX = 20;
/** A person's name or group nickname, or part of one. */
export const SEARCH_PERSON_MAX = 20;
/** People one personQuery may stand for; a vaguer query is told to be more precise. */
export const SEARCH_PEOPLE_MAX = 20;

export interface CaseSearchResult extends Page<CaseView> {
  /** Another page follows this one. */
  hasMore: boolean;
  /** `total` is SEARCH_TOTAL_CAP and there are more (shown as "1000+"). */
  totalCapped: boolean;
  /** The people personQuery matched in the caller's scope (empty without personQuery). */
  people: PersonRef[];
  /** The groups the caller may search, by name: the page's group filter. */
  groups: { id: string; name: string }[];
  /** The states of the one kind asked for (the page's state filter follows the kind); empty otherwise. */
  states: { id: string; label: string }[];
}
