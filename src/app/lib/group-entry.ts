// Opened from a WeChat group chat (a chat card, 群待办 or 群工具): the cloudID standing for that chat.
// wx.getGroupEnterInfo answers for the latest time the app came to the foreground, so 首页 asks
// once per such show, including a return of the running app from another chat.
import Taro from '@tarojs/taro';

let pending = true;
// Base library ≥ 2.1.2; each return to the foreground may come from another chat.
if (typeof Taro.onAppShow === 'function') {
  Taro.onAppShow(() => {
    pending = true;
  });
}

/**
 * The chat's cloudID, or null when the app was not opened from a group chat (40097), the person is
 * no longer in it (65206), or the base library is older than 2.10.4. Never rejects: Taro wraps the
 * API in a promise that rejects on every one of those.
 */
export async function groupEnterCloudID(): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getGroupEnterInfo !== 'function') return null;
  try {
    const res = (await Taro.getGroupEnterInfo({})) as { cloudID?: string };
    return res.cloudID || null;
  } catch {
    return null;
  }
}

/** The chat the app came from since the last look (once per show of the app), else null. */
export async function takeGroupEntry(): Promise<string | null> {
  if (!pending) return null;
  pending = false;
  return groupEnterCloudID();
}
