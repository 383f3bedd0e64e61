// The `api` cloud function: every user action. Identity is the OPENID WeChat puts in the
// context, never anything in the event.
import * as cloud from 'wx-server-sdk';
import { randomUUID } from 'node:crypto';
import { createWechatContentCheck, createWechatNotifier, createWechatOpenData, createWechatStore, wechatOpenid } from '../../src/server/adapters/wechat';
import { dispatch } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/ports';

cloud.init({ env: (cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV } as never);

let deps: Deps | null = null;
function build(): Deps {
  return {
    store: createWechatStore(cloud.database() as never),
    notifier: createWechatNotifier(cloud as never),
    content: createWechatContentCheck(cloud as never),
    openData: createWechatOpenData(cloud as never),
    clock: { now: () => Date.now() },
    ownerOpenid: process.env.OWNER_OPENID ?? null,
    ids: randomUUID,
  };
}

export async function main(event: unknown) {
  deps ??= build();
  return dispatch(deps, event, wechatOpenid(cloud as never));
}
