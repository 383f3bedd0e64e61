// cases.search (全部事项): the cases of the caller's scope, by every filter the page offers.
import { fail, ok, STATE_LABELS, SEARCH_LIMIT_MAX, SEARCH_PEOPLE_MAX, SEARCH_TEXT_MIN, SEARCH_TOTAL_CAP, type ActionInput, type CaseSearchResult, type Result } from '../../contract';
import { KINDS } from '../../core/kinds';
import type { HandlerCtx } from '../context';
import { normalise, wordsOf } from '../cases/search-terms';
import { caseScope, inScope } from '../reads/case-scope';
import { toCaseViews } from '../reads/views';

const DEFAULT_LIMIT = 20;
const DAY_MS = 86_400_000;
/** Asia/Shanghai has no daylight saving: a date starts at 00:00 +08:00. */
const SHANGHAI_MS = 8 * 3_600_000;
/** Title words used at most (each one more index range). */
const WORDS_MAX = 3;

/** The UTC ms a Shanghai date starts at; null for a date that does not exist (2026-02-31). */
function dayStart(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  return Number.isNaN(ms) || new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10) !== date ? null : ms;
}

export async function casesSearch(ctx: HandlerCtx, input: ActionInput<'cases.search'>): Promise<Result<CaseSearchResult>> {
  const { store } = ctx.deps;
  // Every group (cached on a warm instance): the scope, and the group names the views show.
  const allGroups = await store.listGroups();
  const scope = caseScope(ctx.actor, allGroups);
  if (input.groupId !== undefined && !inScope(scope, input.groupId)) return fail('GROUP_NOT_IN_SCOPE');

  const words = input.text === undefined ? undefined : wordsOf(input.text).sort((a, b) => b.length - a.length).slice(0, WORDS_MAX);
  if (words && [...words.join('')].length < SEARCH_TEXT_MIN) return fail('BAD_INPUT', `标题文字请至少输入 ${SEARCH_TEXT_MIN} 个字`);

  const from = input.from === undefined ? undefined : dayStart(input.from);
  const toStart = input.to === undefined ? undefined : dayStart(input.to);
  if (from === null || toStart === null || (from !== undefined && toStart !== undefined && from > toStart)) return fail('DATE_INVALID', '时间段不正确：请选择存在的日期，且开始日期不晚于结束日期');

  const page = { offset: input.offset ?? 0, limit: Math.min(input.limit ?? DEFAULT_LIMIT, SEARCH_LIMIT_MAX) };
  const groups = allGroups.filter((g) => inScope(scope, g._id)).map((g) => ({ id: g._id, name: g.name }));
  // The one kind's states, from its table: the page offers a state once a kind is chosen.
  const states = input.kinds?.length === 1 ? Object.keys(KINDS[input.kinds[0]].states).map((id) => ({ id, label: STATE_LABELS[id] ?? id })) : [];
  // A name stands for the people of the scope's groups it matches (by name or recorded nickname), in
  // the same store call as the cases: someone outside the scope is never searched.
  const personText = input.personQuery === undefined ? undefined : normalise(input.personQuery.trim());
  if (personText === '') return fail('BAD_INPUT', '请输入要查找的姓名或群昵称');
  const scopeGroups = scope.all ? null : scope.groupIds;

  const found = await store.searchCases({
    groupIds: input.groupId !== undefined ? [input.groupId] : scopeGroups,
    kinds: input.kinds,
    states: input.states,
    ...(personText !== undefined ? { personText, peopleCap: SEARCH_PEOPLE_MAX } : {}),
    words,
    openedFrom: from,
    openedTo: toStart === undefined ? undefined : toStart + DAY_MS - 1,
    overdueAt: input.overdueOnly ? ctx.now : undefined,
    order: input.order ?? 'dueDesc',
    ...page,
    countCap: SEARCH_TOTAL_CAP,
  });
  const people = (found.people ?? []).map((p) => ({ id: p._id, name: p.name }));
  if (people.length > SEARCH_PEOPLE_MAX) return fail('BAD_INPUT', `“${input.personQuery}”匹配到 ${SEARCH_PEOPLE_MAX} 人以上，请输入更完整的姓名`);
  const items = await toCaseViews(store, ctx.actor, found.items, false, { now: ctx.now, known: { people: found.people ?? [], groups: allGroups } });
  return ok({
    items,
    total: found.total,
    ...page,
    hasMore: found.capped || page.offset + found.items.length < found.total,
    totalCapped: found.capped,
    people,
    groups,
    states,
  });
}
