// Subscription grants (R11): WeChat only lets the app ask inside a tap handler. Whatever the
// person answered is recorded so the server can count grants.
import Taro from '@tarojs/taro';
import { call } from './call';

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
export type SubscribeResults = Record<string, SubscribeAnswer>;

export const SUBSCRIBE_PROMPT = '允许「群务」发送订阅消息提醒？（本地模拟微信订阅授权）';
const ANSWERS: SubscribeAnswer[] = ['accept', 'reject', 'ban', 'filter'];
/** wx.requestSubscribeMessage takes 5 templates a call; older clients refuse more than 3 (20003). */
const MAX_PER_CALL = 5;
const TOO_MANY = 20003;

/**
 * Call first thing in a tap handler, before any await. Never throws and never blocks what the
 * person was doing: a refusal or a failure just means no push messages, the in-app inbox still has them.
 * Resolves with the grant counts the server now holds, or null when nothing was recorded.
 */
export async function requestSubscribe(templateIds: string[]): Promise<Record<string, number> | null> {
  const ids = [...new Set(templateIds.filter(Boolean))].slice(0, MAX_PER_CALL);
  if (!ids.length) return null;
  let results: SubscribeResults;
  try {
    // A constant in each build: the weapp bundle carries no browser stand-in (main package budget).
    results = process.env.TARO_ENV === 'h5' ? await askInBrowser(ids) : await askWechat(ids);
  } catch {
    return null;
  }
  if (!Object.keys(results).length) return null;
  const recorded = await call('subscriptions.record', { results });
  return recorded.ok ? recorded.data.grants : null;
}

function askWechat(ids: string[]): Promise<SubscribeResults> {
  return askWechatOnce(ids).catch((err: { errCode?: unknown } | null) => {
    if (err?.errCode !== TOO_MANY || ids.length < 2) throw err;
    // An older client: ask in two calls of at most 3, the second right after the first answer.
    const half = Math.ceil(ids.length / 2);
    return askWechatOnce(ids.slice(0, half)).then((first) =>
      askWechatOnce(ids.slice(half)).then(
        (second) => ({ ...first, ...second }),
        () => first,
      ),
    );
  });
}

async function askWechatOnce(ids: string[]): Promise<SubscribeResults> {
  const res = (await Taro.requestSubscribeMessage({ tmplIds: ids } as Taro.requestSubscribeMessage.Option)) as unknown as Record<
    string,
    unknown
  >;
  const results: SubscribeResults = {};
  for (const id of ids) {
    const answer = res[id];
    if (ANSWERS.includes(answer as SubscribeAnswer)) results[id] = answer as SubscribeAnswer;
  }
  return results;
}

async function askInBrowser(ids: string[]): Promise<SubscribeResults> {
  const res = await Taro.showModal({
    title: '订阅消息',
    content: SUBSCRIBE_PROMPT,
    confirmText: '允许',
    cancelText: '拒绝',
  });
  const answer: SubscribeAnswer = res.confirm ? 'accept' : 'reject';
  return Object.fromEntries(ids.map((id) => [id, answer]));
}
