// The `api` cloud function: every user action. Identity is the OPENID WeChat puts in the
// context, never anything in the event.
import * as cloud from 'wx-server-sdk';
import { wechatCloud, wechatDeps, wechatOpenid } from '../../src/server/adapters/wechat';
import { dispatch } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/ports';

cloud.init({ env: (cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV } as never);

let deps: Deps | null = null;

export async function main(event: unknown) {
  deps ??= wechatDeps(wechatCloud(cloud));
  return dispatch(deps, event, wechatOpenid(wechatCloud(cloud)));
}
