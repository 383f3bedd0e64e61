// A local stand-in for the WeChat server APIs the deploy calls, answering in the shapes their
// reference pages document (errcode/errmsg, pager.Total, data as JSON strings, priTmplId, …), with
// the state a real environment keeps. It records every request so tests can check what was sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown> | null;
  form: [string, string][] | null;
  contentType: string;
}

export interface Keyword {
  kid: number;
  name: string;
  example: string;
  rule: string;
}

export interface OwnTemplate {
  priTmplId: string;
  title: string;
  content: string;
  example: string;
  type: number;
}

export interface FakeState {
  appid: string;
  secret: string;
  env: string;
  token: string;
  tokenSerial: number;
  /** The next call with a token answers 42001 (expired) once. */
  expireTokenOnce: boolean;
  /** collection → index name → keys. */
  collections: Map<string, Map<string, { name: string; direction: string }[]>>;
  docs: Map<string, Map<string, Record<string, unknown>>>;
  /** function → config type → JSON string. */
  funcConfigs: Map<string, Map<number, string>>;
  functions: Set<string>;
  categories: { id: number; name: string }[];
  library: { tid: number; title: string; type: number; categoryId: string }[];
  keywords: Map<string, Keyword[]>;
  own: OwnTemplate[];
  /** Refuse any call to this path with this errcode (once per entry). */
  refuse: { path: string; errcode: number; errmsg: string }[];
}

export interface FakeWechat {
  base: string;
  state: FakeState;
  calls: RecordedCall[];
  /** Calls that change something in the environment. */
  writes(): RecordedCall[];
  close(): Promise<void>;
}

const WRITE_PATHS = ['/tcb/databasecollectionadd', '/tcb/updateindex', '/tcb/databaseadd', '/tcb/databaseupdate', '/tcb/uploadfuncconfig', '/wxaapi/newtmpl/addtemplate'];

/** Keywords of the library titles below, as getPubTemplateKeyWordsById returns them. */
export function standardLibrary(): Pick<FakeState, 'categories' | 'library' | 'keywords'> {
  const kws = (...list: [string, string][]): Keyword[] => list.map(([name, rule], i) => ({ kid: i + 1, name, example: '示例', rule }));
  return {
    categories: [{ id: 1104, name: '办公' }],
    library: [
      { tid: 501, title: '审批结果通知', type: 2, categoryId: '1104' },
      { tid: 502, title: '待办事项提醒', type: 2, categoryId: '1104' },
      { tid: 503, title: '任务到期提醒', type: 2, categoryId: '1104' },
      { tid: 504, title: '事项升级提醒', type: 2, categoryId: '1104' },
      // Long-term: never picked for one-time purposes.
      { tid: 505, title: '逾期提醒', type: 3, categoryId: '1104' },
    ],
    keywords: new Map([
      ['501', kws(['申请人', 'name'], ['审批结果', 'phrase'], ['事项名称', 'thing'], ['审批意见', 'thing'], ['审批时间', 'time'])],
      ['502', kws(['待办事项', 'thing'], ['事项说明', 'thing'], ['截止日期', 'date'], ['提醒时间', 'time'])],
      ['503', kws(['任务名称', 'thing'], ['备注', 'thing'], ['到期时间', 'time'])],
      ['504', kws(['事项', 'thing'], ['原因', 'thing'], ['发生时间', 'time'])],
      ['505', kws(['事项', 'thing'], ['说明', 'thing'], ['时间', 'time'])],
    ]),
  };
}

export async function startFakeWechat(opts: { appid: string; secret: string; env: string }): Promise<FakeWechat> {
  const state: FakeState = {
    ...opts,
    token: '',
    tokenSerial: 0,
    expireTokenOnce: false,
    collections: new Map(),
    docs: new Map(),
    funcConfigs: new Map(),
    functions: new Set(),
    own: [],
    refuse: [],
    ...standardLibrary(),
  };
  const calls: RecordedCall[] = [];

  const handle = (call: RecordedCall): Record<string, unknown> => {
    const refusal = state.refuse.findIndex((r) => r.path === call.path);
    if (refusal >= 0) {
      const [r] = state.refuse.splice(refusal, 1);
      return { errcode: r.errcode, errmsg: r.errmsg };
    }
    if (call.path === '/cgi-bin/stable_token') {
      const b = call.body ?? {};
      if (b.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
      if (b.appid !== state.appid) return { errcode: 40013, errmsg: 'invalid appid' };
      if (b.secret !== state.secret) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
      state.token ||= `token-${++state.tokenSerial}`;
      return { access_token: state.token, expires_in: 7200 };
    }
    if (!call.query.access_token) return { errcode: 41001, errmsg: 'access_token missing' };
    if (call.query.access_token !== state.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (state.expireTokenOnce) {
      state.expireTokenOnce = false;
      state.token = '';
      return { errcode: 42001, errmsg: 'access_token expired' };
    }
    const b = call.body ?? {};
    if (call.path.startsWith('/tcb/') && b.env !== state.env) return { errcode: -501000, errmsg: `env not found: ${String(b.env)}` };
    switch (call.path) {
      case '/tcb/databasecollectionget': {
        const names = [...state.collections.keys()];
        const offset = Number(b.offset ?? 0);
        const limit = Number(b.limit ?? 10);
        const collections = names.slice(offset, offset + limit).map((name) => ({
          name,
          count: state.docs.get(name)?.size ?? 0,
          size: 0,
          index_count: 1 + (state.collections.get(name)?.size ?? 0),
          index_size: 0,
        }));
        return { errcode: 0, errmsg: 'ok', collections, pager: { Offset: offset, Limit: limit, Total: names.length } };
      }
      case '/tcb/databasecollectionadd': {
        const name = String(b.collection_name);
        if (state.collections.has(name)) return { errcode: -502002, errmsg: `collection ${name} already exists` };
        state.collections.set(name, new Map());
        state.docs.set(name, new Map());
        return { errcode: 0, errmsg: 'ok' };
      }
      case '/tcb/updateindex': {
        const coll = state.collections.get(String(b.collection_name));
        if (!coll) return { errcode: -502005, errmsg: 'database collection not exists' };
        if (!Array.isArray(b.drop_indexes) || !Array.isArray(b.create_indexes)) return { errcode: 40101, errmsg: 'missing create_indexes / drop_indexes' };
        for (const ix of b.create_indexes as { name: string; keys: { name: string; direction: string }[] }[]) {
          const had = coll.get(ix.name);
          // Like MongoDB under it: the same definition again is a no-op, a different one is refused.
          if (had && JSON.stringify(had) !== JSON.stringify(ix.keys)) {
            return { errcode: -502001, errmsg: `Index with name: ${ix.name} already exists with different options` };
          }
          coll.set(ix.name, ix.keys);
        }
        for (const ix of b.drop_indexes as { name: string }[]) coll.delete(ix.name);
        return { errcode: 0, errmsg: 'ok' };
      }
      case '/tcb/databasequery':
        return dbQuery(String(b.query));
      case '/tcb/databaseadd':
        return dbAdd(String(b.query));
      case '/tcb/databaseupdate':
        return dbUpdate(String(b.query));
      case '/tcb/getfuncconfig': {
        const fn = String(b.function_name);
        if (!state.functions.has(fn)) return { errcode: -501000, errmsg: `function ${fn} not found` };
        const config = state.funcConfigs.get(fn)?.get(Number(b.type));
        if (config === undefined) return { errcode: 85089, errmsg: 'config not exist' };
        return { errcode: 0, errmsg: 'ok', config };
      }
      case '/tcb/uploadfuncconfig': {
        const fn = String(b.function_name);
        if (!state.functions.has(fn)) return { errcode: -501000, errmsg: `function ${fn} not found` };
        if (typeof b.config !== 'string') return { errcode: 40097, errmsg: 'config must be a JSON string' };
        JSON.parse(b.config);
        if (!state.funcConfigs.has(fn)) state.funcConfigs.set(fn, new Map());
        state.funcConfigs.get(fn)!.set(Number(b.type), b.config);
        return { errcode: 0, errmsg: 'ok' };
      }
      case '/wxaapi/newtmpl/getcategory':
        return { errcode: 0, errmsg: 'ok', data: state.categories };
      case '/wxaapi/newtmpl/getpubtemplatetitles': {
        const ids = (call.query.ids ?? '').split(',').filter(Boolean);
        if (!ids.length) return { errcode: 200018, errmsg: 'ids missing' };
        const start = Number(call.query.start);
        const limit = Number(call.query.limit);
        if (!(limit >= 1 && limit <= 30)) return { errcode: 200017, errmsg: 'invalid limit' };
        const all = state.library.filter((t) => ids.includes(t.categoryId));
        return { errcode: 0, errmsg: 'ok', count: all.length, data: all.slice(start, start + limit) };
      }
      case '/wxaapi/newtmpl/getpubtemplatekeywords': {
        const kws = state.keywords.get(call.query.tid ?? '');
        if (!kws) return { errcode: 200014, errmsg: 'tid does not exist' };
        return { errcode: 0, errmsg: 'ok', count: kws.length, data: kws };
      }
      case '/wxaapi/newtmpl/gettemplate':
        return { errcode: 0, errmsg: 'ok', data: state.own };
      case '/wxaapi/newtmpl/addtemplate': {
        // Its reference page: x-www-form-urlencoded, not JSON.
        if (!call.form) return { errcode: 47001, errmsg: 'data format error' };
        const get = (k: string) => call.form!.filter(([key]) => key === k).map(([, v]) => v);
        const tid = get('tid')[0];
        const kws = state.keywords.get(tid ?? '');
        const title = state.library.find((t) => String(t.tid) === tid)?.title;
        if (!kws || !title) return { errcode: 200014, errmsg: 'tid does not exist' };
        const kidList = get('kidList').map(Number);
        const picked = kidList.map((kid) => kws.find((k) => k.kid === kid));
        if (kidList.length < 2 || kidList.length > 5 || picked.some((k) => !k)) return { errcode: 200020, errmsg: 'invalid kidList' };
        if ((get('sceneDesc')[0] ?? '').length > 15) return { errcode: 200021, errmsg: 'invalid sceneDesc' };
        if (state.own.length >= 25) return { errcode: 200012, errmsg: 'private template count reached limit' };
        const priTmplId = `tmpl-${tid}-${state.own.length + 1}`;
        state.own.push({
          priTmplId,
          title,
          content: picked.map((k) => `${k!.name}:{{${k!.rule}${k!.kid}.DATA}}\n`).join(''),
          example: '',
          type: 2,
        });
        return { errcode: 0, errmsg: 'ok', priTmplId };
      }
      default:
        return { errcode: 43002, errmsg: `unknown path ${call.path}` };
    }
  };

  function collectionDocs(name: string) {
    return state.collections.has(name) ? state.docs.get(name)! : null;
  }

  function dbQuery(query: string): Record<string, unknown> {
    const m = /^db\.collection\(("[^"]+")\)(?:\.orderBy\(("[^"]+"), ("asc"|"desc")\))?\.limit\((\d+)\)\.get\(\)$/.exec(query);
    if (!m) return { errcode: 40097, errmsg: `fake cannot run ${query}` };
    const docs = collectionDocs(JSON.parse(m[1]));
    if (!docs) return { errcode: -502005, errmsg: 'database collection not exists' };
    let list = [...docs.values()];
    if (m[2]) {
      const field = JSON.parse(m[2]) as string;
      const sign = m[3] === '"desc"' ? -1 : 1;
      list = list.sort((a, b) => sign * (Number(a[field]) - Number(b[field])));
    }
    list = list.slice(0, Number(m[4]));
    return { errcode: 0, errmsg: 'ok', pager: { Offset: 0, Limit: Number(m[4]), Total: docs.size }, data: list.map((d) => JSON.stringify(d)) };
  }

  function dbAdd(query: string): Record<string, unknown> {
    const m = /^db\.collection\(("[^"]+")\)\.add\(\{data: ([\s\S]*)\}\)$/.exec(query);
    if (!m) return { errcode: 40097, errmsg: `fake cannot run ${query}` };
    const docs = collectionDocs(JSON.parse(m[1]));
    if (!docs) return { errcode: -502005, errmsg: 'database collection not exists' };
    const doc = JSON.parse(m[2]) as Record<string, unknown>;
    const id = String(doc._id);
    if (docs.has(id)) return { errcode: -502001, errmsg: `duplicate key _id: ${id}` };
    docs.set(id, doc);
    return { errcode: 0, errmsg: 'ok', id_list: [id] };
  }

  function dbUpdate(query: string): Record<string, unknown> {
    const m = /^db\.collection\(("[^"]+")\)\.where\((\{[^}]*\})\)\.update\(\{data: ([\s\S]*)\}\)$/.exec(query);
    if (!m) return { errcode: 40097, errmsg: `fake cannot run ${query}` };
    const docs = collectionDocs(JSON.parse(m[1]));
    if (!docs) return { errcode: -502005, errmsg: 'database collection not exists' };
    const { _id } = JSON.parse(m[2]) as { _id: string };
    const doc = docs.get(_id);
    if (!doc) return { errcode: 0, errmsg: 'ok', matched: 0, modified: 0, id: '' };
    Object.assign(doc, JSON.parse(m[3]));
    return { errcode: 0, errmsg: 'ok', matched: 1, modified: 1, id: '' };
  }

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const contentType = String(req.headers['content-type'] ?? '');
      const form = contentType.includes('x-www-form-urlencoded') ? [...new URLSearchParams(raw).entries()] : null;
      let body: Record<string, unknown> | null = null;
      if (!form && raw) {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          body = null;
        }
      }
      const call: RecordedCall = { path: url.pathname, query: Object.fromEntries(url.searchParams), body, form, contentType };
      calls.push(call);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(handle(call)));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    state,
    calls,
    writes: () => calls.filter((c) => WRITE_PATHS.includes(c.path)),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
  });
}
