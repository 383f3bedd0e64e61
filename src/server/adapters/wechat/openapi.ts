// Subscription messages, content security and the caller's identity through wx-server-sdk.
import type { ContentCheck, Notifier, OpenData, SendResult } from '../../ports';
import type { MiniprogramState, WxCloud } from './types';

/** Which version of the mini-program a message opens; `MINIPROGRAM_STATE` in the function's environment. */
export function miniprogramStateFrom(value: string | undefined): MiniprogramState {
  return value === 'developer' || value === 'trial' ? value : 'formal';
}

/** The SDK throws WeChat's refusals as errors carrying errCode (43101: no grant left). */
function wxError(err: unknown): { errCode: number; errMsg: string } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { errCode, errMsg, message } = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  if (typeof errCode !== 'number') return null;
  return { errCode, errMsg: String(errMsg ?? message ?? '') };
}

export function createWechatNotifier(
  cloud: Pick<WxCloud, 'openapi'>,
  miniprogramState: MiniprogramState = miniprogramStateFrom(process.env.MINIPROGRAM_STATE),
): Notifier {
  return {
    async send(msg): Promise<SendResult> {
      try {
        const r = await cloud.openapi.subscribeMessage.send({
          touser: msg.touser,
          templateId: msg.templateId,
          page: msg.page,
          data: msg.data,
          miniprogramState,
          lang: 'zh_CN',
        });
        if (r?.errCode) return { ok: false, errCode: r.errCode, errMsg: r.errMsg ?? '' };
        return { ok: true };
      } catch (err) {
        const e = wxError(err);
        if (e) return { ok: false, ...e };
        // Not WeChat's answer (no errCode): the caller retries later.
        throw err;
      }
    },
  };
}

/** msgSecCheck's label when WeChat gives none. */
const OTHER = '21000';

export function createWechatContentCheck(cloud: Pick<WxCloud, 'openapi'>): ContentCheck {
  return {
    async check(text, openid, scene) {
      if (text === '') return { pass: true };
      const r = await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene, content: text });
      if (r.result?.suggest === 'pass') return { pass: true };
      // review and risky both keep the text out: nobody here reviews by hand.
      return { pass: false, label: String(r.result?.label ?? OTHER) };
    },
  };
}

/** The caller's OPENID as WeChat vouches for it; null outside a mini-program call (timer, console). */
export function wechatOpenid(cloud: Pick<WxCloud, 'getWXContext'>): string | null {
  return cloud.getWXContext().OPENID || null;
}

/**
 * The opengid behind a cloudID from wx.getGroupEnterInfo, decrypted by WeChat. cloud.getOpenData
 * parses each item itself (wx-server-sdk's getOpenData: `JSON.parse(item.json)`), so an item is
 * `{ cloudID, data: { opengid } }` (Cloud.getOpenData; wx.getGroupEnterInfo's decrypted data).
 */
export function createWechatOpenData(cloud: Pick<WxCloud, 'getOpenData'>): OpenData {
  return {
    async groupOpengid(cloudID) {
      try {
        const r = await cloud.getOpenData({ list: [cloudID] });
        const item = r.list?.find((i) => i.cloudID === cloudID) ?? r.list?.[0];
        const gid = item?.data?.opengid;
        return typeof gid === 'string' && gid ? gid : null;
      } catch {
        // An expired (≈5 min) or foreign cloudID: no group.
        return null;
      }
    },
  };
}
