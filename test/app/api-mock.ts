// Answers Taro.cloud.callFunction per action, as the `api` cloud function would, and records
// what each action was sent.
import { fail, ok, SCREEN_PAGE, type ActionInput, type ActionName, type ActionResult, type Result } from '../../src/contract';
import { cloud } from './stubs/taro';

type Handlers = { [A in ActionName]?: (data: ActionInput<A>) => Result<ActionResult<A>> | Promise<Result<ActionResult<A>>> };

export function mockApi(handlers: Handlers) {
  const sent: { action: ActionName; data: unknown }[] = [];
  cloud.callFunction.mockImplementation((async (opts: { name: string; data: { action: ActionName; data: unknown } }) => {
    const { action, data } = opts.data;
    sent.push({ action, data });
    const handler = (handlers[action] ?? screenFrom(handlers)[action]) as ((d: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    return { result: handler ? await handler(data) : fail('UNKNOWN_ACTION') };
  }) as never);
  return {
    /** Inputs sent to one action, in order. */
    sentTo<A extends ActionName>(action: A): ActionInput<A>[] {
      return sent.filter((s) => s.action === action).map((s) => s.data as ActionInput<A>);
    },
  };
}

/**
 * The screen actions (home.load, inbox.load, me.load), answered from the mocks of the parts they are
 * made of, as the server makes them, when a test mocks the parts (session.whoami, inbox.list, …)
 * rather than the screen. A part that fails fails the screen; a part not mocked is empty.
 */
function screenFrom(handlers: Handlers): Handlers {
  const part = async <A extends ActionName>(action: A, data: ActionInput<A>, empty?: ActionResult<A>): Promise<Result<ActionResult<A>>> => {
    const h = handlers[action] as ((d: ActionInput<A>) => Result<ActionResult<A>> | Promise<Result<ActionResult<A>>>) | undefined;
    if (h) return h(data);
    return empty !== undefined ? ok(empty) : fail('UNKNOWN_ACTION');
  };
  const page = { total: 0, offset: 0, limit: SCREEN_PAGE };
  return {
    'home.load': async () => {
      const me = await part('session.whoami', {});
      const cases = await part('cases.mine', { limit: SCREEN_PAGE }, { items: [], ...page });
      const notes = await part('notifications.list', { unreadOnly: true, limit: 1 }, { items: [], ...page, unread: 0 });
      const notices = await part('notices.list', { scope: 'mine', limit: SCREEN_PAGE }, { items: [], ...page, pending: 0 });
      const active = await part('emergencies.active', {}, { items: [] });
      if (!me.ok) return me;
      if (!cases.ok) return cases;
      if (!notes.ok) return notes;
      if (!notices.ok) return notices;
      if (!active.ok) return active;
      return ok({ me: me.data, cases: cases.data, unread: notes.data.unread, notices: notices.data, emergencies: active.data.items });
    },
    'inbox.load': async () => {
      const me = handlers['session.whoami'] ? await part('session.whoami', {}) : null;
      if (me && !me.ok) return me;
      const inbox = await part('inbox.list', { offset: 0, limit: SCREEN_PAGE });
      if (!inbox.ok && inbox.code !== 'FORBIDDEN') return inbox;
      return ok({ roles: me?.ok ? me.data.roles : inbox.ok ? ['member', 'admin'] : ['member'], inbox: inbox.ok ? inbox.data : null });
    },
    'me.load': async () => {
      const me = await part('session.whoami', {});
      const notes = await part('notifications.list', { unreadOnly: true, limit: 1 }, { items: [], ...page, unread: 0 });
      if (!me.ok) return me;
      return ok({ me: me.data, unread: notes.ok ? notes.data.unread : 0 });
    },
  };
}

/** A promise the test settles when it wants, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
