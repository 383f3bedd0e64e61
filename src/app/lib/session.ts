// whoami, shared by the pages that need the caller's roles or template ids.
import type { Result, WhoAmI } from '../../contract';
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

export function forgetWhoAmI(): void {
  cached = null;
}
