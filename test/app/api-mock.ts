// Answers Taro.cloud.callFunction per action, as the `api` cloud function would, and records
// what each action was sent.
import { fail, type ActionInput, type ActionName, type ActionResult, type Result } from '../../src/contract';
import { cloud } from './stubs/taro';

type Handlers = { [A in ActionName]?: (data: ActionInput<A>) => Result<ActionResult<A>> | Promise<Result<ActionResult<A>>> };

export function mockApi(handlers: Handlers) {
  const sent: { action: ActionName; data: unknown }[] = [];
  cloud.callFunction.mockImplementation((async (opts: { name: string; data: { action: ActionName; data: unknown } }) => {
    const { action, data } = opts.data;
    sent.push({ action, data });
    const handler = handlers[action] as ((d: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    return { result: handler ? await handler(data) : fail('UNKNOWN_ACTION') };
  }) as never);
  return {
    /** Inputs sent to one action, in order. */
    sentTo<A extends ActionName>(action: A): ActionInput<A>[] {
      return sent.filter((s) => s.action === action).map((s) => s.data as ActionInput<A>);
    },
  };
}

/** A promise the test settles when it wants, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
