// What to do about an error, in Chinese: by WeChat's errcode (global codes and the ones the deploy's
// APIs document), and for miniprogram-ci, whose errors carry a message rather than a stable code.
import { WechatError } from './wechat-api';

const BY_CODE: Record<number, string> = {
  [-1]: '微信系统繁忙或网络不通：稍后重跑 npm run deploy（已完成的步骤会被跳过）',
  [-1000]: '微信系统错误：稍后重跑',
  40001: 'AppSecret 不对，或 access_token 已失效：核对环境变量 WECHAT_APP_SECRET（小程序后台 → 开发管理 → 开发设置 → AppSecret，重置后旧的立即作废）',
  40013: 'AppID 无效：核对 deploy.config.json 的 appid（小程序后台 → 开发管理 → 开发设置）',
  40014: 'access_token 不合法：核对 WECHAT_APP_SECRET 后重跑',
  40097: '请求参数不对：核对 deploy.config.json 的 envId 是否为该小程序的云开发环境',
  40125: 'AppSecret 无效：核对环境变量 WECHAT_APP_SECRET',
  40164: '本机 IP 不在白名单：小程序后台 → 开发管理 → 开发设置 → IP 白名单，加入本机的出口 IP',
  41001: '缺少 access_token：核对 WECHAT_APP_SECRET',
  42001: 'access_token 已过期且重新获取后仍失败：稍后重跑',
  45009: '接口调用次数已达今日上限：明天再跑，或在小程序后台查看接口额度',
  48001: '该小程序没有此接口的权限：确认已完成微信认证并开通云开发',
  61024: '第三方平台不能调用此接口：请用小程序自己的 AppID 和 AppSecret',
  85088: '该小程序尚未开通云开发：在微信开发者工具点“云开发”开通并创建环境',
  89503: '此次调用需要管理员确认：在微信里确认后重跑',
  200011: '此账号已被封禁，无法选用模板：联系微信客服',
  200012: '个人模板已达 25 个上限：在小程序后台 → 订阅消息 → 我的模板 删除不用的模板后重跑',
  200013: '此模板已被封禁：在 deploy.config.json 的 templates 里换一个模板',
  200014: '模板编号 tid 不存在或不属于本小程序的类目：按下面的控制台步骤手动选用',
  200016: '分页参数 start 不对',
  200017: '分页参数 limit 不对',
  200018: '类目 ids 缺失：先在小程序后台 → 设置 → 服务类目 添加类目',
  200019: '类目 ids 不合法：核对小程序的服务类目',
  200020: '关键词列表 kidList 不对：按下面的控制台步骤手动选用',
  200021: '场景描述 sceneDesc 不对（15 字以内）',
};

export function hintFor(err: unknown): { code: string; hint: string; detail: string } {
  if (err instanceof WechatError) {
    const hint = BY_CODE[err.errcode] ?? '查看微信错误码说明（云开发错误码或全局返回码），处理后重跑';
    return { code: String(err.errcode), hint, detail: `${err.api}：${err.errmsg}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  const code = String((err as { code?: unknown })?.code ?? '无');
  if (/ip|白名单|whitelist/i.test(message)) {
    return { code, hint: '本机 IP 不在代码上传白名单：小程序后台 → 开发管理 → 开发设置 → 小程序代码上传 → IP 白名单', detail: message };
  }
  if (/private ?key|privatekey|secret key|密钥|invalid key|key.*(invalid|expired)/i.test(message)) {
    return {
      code,
      hint: '代码上传密钥无效或已重置：小程序后台 → 开发管理 → 开发设置 → 小程序代码上传 → 重新生成并下载，更新 privateKeyPath 指向的文件',
      detail: message,
    };
  }
  if (/env not found/i.test(message)) {
    return { code, hint: '找不到这个云开发环境：核对 deploy.config.json 的 envId（云开发控制台 → 设置）', detail: message };
  }
  return { code, hint: '查看上面的原始信息，处理后重跑 npm run deploy', detail: message };
}
