// whoami, shared by the pages that need the caller's roles or template ids. 首页 and 我的 keep the one
// their screen action answered with, so a page opened from them asks for it no more.
import { ok, type Result, type WhoAmI } from '../../contract';
import { call } from '../api';

let cached: Promise<Result<WhoAmI>> | null = null;

export function loadWhoAmI(fresh = false): Promise<Result<WhoAmI>> {
  if (fresh || !cached) {
    const p = call('session.whoami', {});
    cached = p;
    // A failure is not worth keeping: the next page asks again.
    void p.then((r) => {
      if (!r.ok && cached === p) cached = null;
    });
  }
  return cached;
}

/** Who I am, as a screen action just answered. */
export function rememberWhoAmI(me: WhoAmI): void {
  cached = Promise.resolve(ok(me));
}

export function forgetWhoAmI(): void {
  cached = null;
}
