// The `api` cloud function: every user action. Identity is the OPENID WeChat puts in the
// context, never anything in the event.
import * as cloud from 'wx-server-sdk';
import { wechatCloud, wechatDeps, wechatOpenid } from '../../src/server/adapters/wechat';
import { dispatch } from '../../src/server/dispatch';
import { isMediaCheckPush, receiveMediaVerdict } from '../../src/server/handlers/media-verdict';
import type { Deps } from '../../src/server/ports';

cloud.init({ env: (cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV } as never);

let deps: Deps | null = null;

export async function main(event: unknown) {
  deps ??= wechatDeps(wechatCloud(cloud));
  // Message push (云开发 → 设置 → 消息推送: event wxa_media_check → this function): an image verdict.
  if (isMediaCheckPush(event)) {
    await receiveMediaVerdict(deps, event);
    // What a message push expects back.
    return 'success';
  }
  return dispatch(deps, event, wechatOpenid(wechatCloud(cloud)));
}
