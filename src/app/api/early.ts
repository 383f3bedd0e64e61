// The screen a person opens first asks for its data while the page's own code is still loading: the
// call's round trip then overlaps the page's start instead of following it. Still one call a screen:
// the page takes this answer instead of asking again. It leaves unchecked (no zod or schemas in the app's
// first script): its input is the launch address's, which the server checks as it checks every call.
import type { ActionName, ActionResult, Result } from '../../contract';
import { routes } from '../lib/routes';
import { send } from './transport';

type ScreenLoad = 'home.load' | 'inbox.load' | 'me.load' | 'cases.get';

const TAB_LOADS: Record<string, ScreenLoad> = {
  [routes.home]: 'home.load',
  [routes.inbox]: 'inbox.load',
  [routes.me]: 'me.load',
};
const CASE_PAGE = routes.case('').replace(/\?.*$/, '');

/** Older than this, the answer is not what the screen should show: the page asks again. */
const FRESH_MS = 10_000;

let started = false;
let early: { action: ScreenLoad; key: string; at: number; answer: Promise<Result<unknown>>; settled?: Result<unknown> } | null = null;

/** An answer now (already arrived) or later. */
export type Answer<T> = Result<T> | Promise<Result<T>>;

/** `f` applied to the answer, now if it has arrived (so the page can draw it before its first paint). */
export function andThen<T, U>(answer: Answer<T>, f: (r: Result<T>) => Result<U>): Answer<U> {
  return answer instanceof Promise ? answer.then(f) : f(answer);
}

/** The screen load for a launch path (no leading slash needed), or null for pages that load otherwise. */
export function screenLoadFor(path: string, query: Record<string, string | undefined>): { action: ScreenLoad; data: Record<string, string> } | null {
  const bare = path.replace(/^\//, '').replace(/\?.*$/, '');
  const page = bare ? `/${bare}` : routes.home;
  if (TAB_LOADS[page]) return { action: TAB_LOADS[page], data: {} };
  if (page === CASE_PAGE && query.id) return { action: 'cases.get', data: { caseId: query.id } };
  return null;
}

/** Starts the launch page's screen load now; a second start (or an unknown page) does nothing. */
export function startScreenLoad(path: string, query: Record<string, string | undefined>): void {
  const load = screenLoadFor(path, query);
  if (!load || started) return;
  started = true;
  const mine: NonNullable<typeof early> = { action: load.action, key: keyOf(load.data), at: Date.now(), answer: send(load.action, load.data) };
  void mine.answer.then((r) => (mine.settled = r));
  early = mine;
}

/**
 * The early answer for this action and input, once: the page's first load takes it (the answer itself
 * when it has arrived, else its promise); every later load (pull-down, a return to the tab) calls again.
 */
export function takeScreenLoad<A extends ScreenLoad & ActionName>(action: A, data: Record<string, string> = {}): Answer<ActionResult<A>> | null {
  const mine = early;
  early = null;
  if (!mine || mine.action !== action || mine.key !== keyOf(data) || Date.now() - mine.at > FRESH_MS) return null;
  return (mine.settled ?? mine.answer) as Answer<ActionResult<A>>;
}

function keyOf(data: Record<string, string>): string {
  return JSON.stringify(Object.entries(data).sort());
}

/** A fresh launch (tests open several). */
export function forgetScreenLoad(): void {
  started = false;
  early = null;
}
