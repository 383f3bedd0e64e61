// The `scheduler` cloud function, on a timer trigger: timeouts and outbox retries.
import * as cloud from 'wx-server-sdk';
import { wechatCloud, wechatDeps } from '../../src/server/adapters/wechat';
import { runScheduler, sweepsDue } from '../../src/server/jobs';
import type { Deps } from '../../src/server/ports';

cloud.init({ env: (cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV } as never);

let deps: Deps | null = null;

export async function main() {
  deps ??= wechatDeps(wechatCloud(cloud));
  return runScheduler(deps, undefined, { sweeps: sweepsDue(deps.clock.now()) });
}
