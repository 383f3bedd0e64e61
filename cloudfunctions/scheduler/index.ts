// The `scheduler` cloud function, on a timer trigger: timeouts and outbox retries.
import * as cloud from 'wx-server-sdk';
import { randomUUID } from 'node:crypto';
import { createWechatContentCheck, createWechatOpenData, createWechatNotifier, createWechatStore } from '../../src/server/adapters/wechat';
import { runScheduler } from '../../src/server/jobs';
import type { Deps } from '../../src/server/ports';

cloud.init({ env: (cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV } as never);

let deps: Deps | null = null;

export async function main() {
  deps ??= {
    store: createWechatStore(cloud.database() as never),
    notifier: createWechatNotifier(cloud as never),
    content: createWechatContentCheck(cloud as never),
    openData: createWechatOpenData(cloud as never),
    clock: { now: () => Date.now() },
    ownerOpenid: process.env.OWNER_OPENID ?? null,
    ids: randomUUID,
  };
  return runScheduler(deps);
}
