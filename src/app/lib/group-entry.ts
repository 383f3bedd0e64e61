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
// Promise chains rather than async functions: the build turns each of those into a state machine,
// and this file is in the main package.
export function groupEnterCloudID(): Promise<string | null> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getGroupEnterInfo !== 'function') return Promise.resolve(null);
  return Taro.getGroupEnterInfo({}).then(
    (res) => (res as { cloudID?: string }).cloudID || null,
    () => null,
  );
}

/** The chat the app came from since the last look (once per show of the app), else null. */
export function takeGroupEntry(): Promise<string | null> {
  if (!pending) return Promise.resolve(null);
  pending = false;
  return groupEnterCloudID();
}
