// The one door to WeChat's server API for the deploy. Each request names the documented API it is
// (WeChat's server API reference: 小程序 → 服务端 API); `requests` builds them as data so the dry run
// prints exactly what a real run would send, and `createWechatApi` sends them.

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

export interface ApiRequest {
  /** The documented API, as WeChat's reference names it. */
  api: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  /** JSON body. */
  body?: Record<string, unknown>;
  /** x-www-form-urlencoded body (repeated keys for arrays). */
  form?: [string, string][];
}

export interface IndexKeySpec {
  name: string;
  /** "1" ascending, "-1" descending (updateindex's direction values are strings). */
  direction: '1' | '-1';
}

export interface IndexCreate {
  name: string;
  unique: boolean;
  keys: IndexKeySpec[];
}

/** Function configuration kinds of getfuncconfig / uploadfuncconfig. */
export const FUNC_CONFIG = { openapi: 1, triggers: 2, environment: 3 } as const;
export type FuncConfigType = (typeof FUNC_CONFIG)[keyof typeof FUNC_CONFIG];

export const requests = {
  /** getStableAccessToken: POST /cgi-bin/stable_token. Normal mode never invalidates a token in use elsewhere. */
  stableToken: (appid: string, secret: string): ApiRequest => ({
    api: 'getStableAccessToken',
    method: 'POST',
    path: '/cgi-bin/stable_token',
    body: { grant_type: 'client_credential', appid, secret, force_refresh: false },
  }),
  /** databaseCollectionGet: POST /tcb/databasecollectionget (limit/offset, pager.Total). */
  collectionGet: (env: string, offset: number, limit = 100): ApiRequest => ({
    api: 'databaseCollectionGet',
    method: 'POST',
    path: '/tcb/databasecollectionget',
    body: { env, limit, offset },
  }),
  /** databaseCollectionAdd: POST /tcb/databasecollectionadd. */
  collectionAdd: (env: string, name: string): ApiRequest => ({
    api: 'databaseCollectionAdd',
    method: 'POST',
    path: '/tcb/databasecollectionadd',
    body: { env, collection_name: name },
  }),
  /** updateIndex: POST /tcb/updateindex. The deploy only ever creates; drop_indexes stays empty. */
  updateIndex: (env: string, collection: string, create: IndexCreate[]): ApiRequest => ({
    api: 'updateIndex',
    method: 'POST',
    path: '/tcb/updateindex',
    body: { env, collection_name: collection, create_indexes: create, drop_indexes: [] },
  }),
  /** databaseQuery: POST /tcb/databasequery; data comes back as JSON strings. */
  dbQuery: (env: string, query: string): ApiRequest => ({
    api: 'databaseQuery',
    method: 'POST',
    path: '/tcb/databasequery',
    body: { env, query },
  }),
  /** databaseAdd: POST /tcb/databaseadd; answers id_list. */
  dbAdd: (env: string, query: string): ApiRequest => ({ api: 'databaseAdd', method: 'POST', path: '/tcb/databaseadd', body: { env, query } }),
  /** databaseUpdate: POST /tcb/databaseupdate; answers matched / modified. */
  dbUpdate: (env: string, query: string): ApiRequest => ({
    api: 'databaseUpdate',
    method: 'POST',
    path: '/tcb/databaseupdate',
    body: { env, query },
  }),
  /**
   * getFuncConfig (获取云函数配置): POST /tcb/getfuncconfig; type 1 openapi, 2 timer triggers, 3 timeout +
   * environment. Documented with the cloud-base server APIs ("获取云函数配置" / "上传云函数配置"): the
   * HTTPS call takes the account's own access_token, a third party the same call with its token.
   */
  getFuncConfig: (env: string, fn: string, type: FuncConfigType): ApiRequest => ({
    api: 'getFuncConfig',
    method: 'POST',
    path: '/tcb/getfuncconfig',
    body: { type, env, function_name: fn },
  }),
  /** uploadFuncConfig (上传云函数配置): POST /tcb/uploadfuncconfig; config is a JSON string. */
  uploadFuncConfig: (env: string, fn: string, type: FuncConfigType, config: unknown): ApiRequest => ({
    api: 'uploadFuncConfig',
    method: 'POST',
    path: '/tcb/uploadfuncconfig',
    body: { type, env, function_name: fn, config: JSON.stringify(config) },
  }),
  /** subscribeMessage.getCategory: GET /wxaapi/newtmpl/getcategory. */
  getCategory: (): ApiRequest => ({ api: 'subscribeMessage.getCategory', method: 'GET', path: '/wxaapi/newtmpl/getcategory' }),
  /** subscribeMessage.getPubTemplateTitleList: GET /wxaapi/newtmpl/getpubtemplatetitles (limit ≤ 30). */
  getPubTemplateTitles: (ids: number[], start: number, limit = 30): ApiRequest => ({
    api: 'subscribeMessage.getPubTemplateTitleList',
    method: 'GET',
    path: '/wxaapi/newtmpl/getpubtemplatetitles',
    query: { ids: ids.join(','), start: String(start), limit: String(limit) },
  }),
  /** subscribeMessage.getPubTemplateKeyWordsById: GET /wxaapi/newtmpl/getpubtemplatekeywords?tid=. */
  getPubTemplateKeywords: (tid: string): ApiRequest => ({
    api: 'subscribeMessage.getPubTemplateKeyWordsById',
    method: 'GET',
    path: '/wxaapi/newtmpl/getpubtemplatekeywords',
    query: { tid },
  }),
  /** subscribeMessage.getTemplateList: GET /wxaapi/newtmpl/gettemplate (the account's own templates). */
  getTemplateList: (): ApiRequest => ({ api: 'subscribeMessage.getTemplateList', method: 'GET', path: '/wxaapi/newtmpl/gettemplate' }),
  /**
   * subscribeMessage.addTemplate: POST /wxaapi/newtmpl/addtemplate. Its page asks for
   * x-www-form-urlencoded (not JSON), with kidList as repeated keys.
   */
  addTemplate: (tid: string, kidList: number[], sceneDesc: string): ApiRequest => ({
    api: 'subscribeMessage.addTemplate',
    method: 'POST',
    path: '/wxaapi/newtmpl/addtemplate',
    form: [['tid', tid], ...kidList.map((k): [string, string] => ['kidList', String(k)]), ['sceneDesc', sceneDesc]],
  }),
};

/** WeChat refused: its errcode and errmsg, and which documented API said so. */
export class WechatError extends Error {
  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${api}: ${errcode} ${errmsg}`);
  }
}

export type WechatAnswer = Record<string, unknown> & { errcode?: number; errmsg?: string };

export interface WechatApi {
  /** Sends with the access token; a token WeChat calls expired (42001) is fetched again once. */
  call(req: ApiRequest): Promise<WechatAnswer>;
}

export interface ApiOptions {
  appid: string;
  secret: string;
  base?: string;
  fetch?: typeof fetch;
  /** Every request as sent, for the log (secrets masked). */
  onSend?: (req: ApiRequest) => void;
}

/** Token errors: the secret or the appid is wrong, or this machine's IP is not allowed. */
const EXPIRED = 42001;

export function createWechatApi(opts: ApiOptions): WechatApi {
  const base = (opts.base ?? WECHAT_API_BASE).replace(/\/$/, '');
  const doFetch = opts.fetch ?? fetch;
  let token: string | null = null;

  async function send(req: ApiRequest, accessToken: string | null): Promise<WechatAnswer> {
    const url = new URL(base + req.path);
    if (accessToken) url.searchParams.set('access_token', accessToken);
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
    const init: RequestInit = { method: req.method };
    if (req.form) {
      init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
      init.body = new URLSearchParams(req.form).toString();
    } else if (req.body) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(req.body);
    }
    let res: Response;
    try {
      res = await doFetch(url, init);
    } catch (err) {
      throw new WechatError(req.api, -1, `连不上微信服务器：${(err as Error).message}`);
    }
    const text = await res.text();
    let json: WechatAnswer;
    try {
      json = JSON.parse(text) as WechatAnswer;
    } catch {
      throw new WechatError(req.api, -1, `HTTP ${res.status}，回答不是 JSON：${text.slice(0, 200)}`);
    }
    if (typeof json.errcode === 'number' && json.errcode !== 0) throw new WechatError(req.api, json.errcode, String(json.errmsg ?? ''));
    return json;
  }

  async function fetchToken(): Promise<string> {
    const req = requests.stableToken(opts.appid, opts.secret);
    opts.onSend?.({ ...req, body: { ...req.body, secret: '***' } });
    const r = await send(req, null);
    if (typeof r.access_token !== 'string') throw new WechatError(req.api, -1, '回答里没有 access_token');
    return r.access_token;
  }

  return {
    async call(req) {
      token ??= await fetchToken();
      opts.onSend?.(req);
      try {
        return await send(req, token);
      } catch (err) {
        if (!(err instanceof WechatError) || err.errcode !== EXPIRED) throw err;
        token = await fetchToken();
        return send(req, token);
      }
    },
  };
}

/** A request as one line of the log: method, path, and what it carries. */
export function describeRequest(req: ApiRequest): string {
  const q = req.query ? `?${new URLSearchParams(req.query).toString()}` : '';
  // The form as sent is percent-encoded; the log shows it readable.
  const payload = req.form ? req.form.map(([k, v]) => `${k}=${v}`).join('&') : req.body ? JSON.stringify(req.body) : '';
  return `${req.method} ${req.path}${q}${payload ? ` ${payload}` : ''}`;
}
