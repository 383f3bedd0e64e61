// A local stand-in for the CloudBase gateway that wx-server-sdk 4.0.2 reaches through
// @cloudbase/node-sdk 3.17.2. The real SDK runs unchanged above it (request signing, the
// protobuf envelope of cloud calls, its JSON parsing and its error mapping); only the answers on
// the wire come from here, each in the shape WeChat documents:
// - open data: "获取cloudID对应的数据" (getOpenData; each data_list item's json is
//   `{ cloudID, data }`) and wx.getGroupEnterInfo (the decrypted data is `{ opengid }`);
// - storage: Cloud.getTempFileURL / downloadFile (tcb-admin-node docs/storage.md: each fileList
//   item `{ code: 'SUCCESS' | <error>, fileID, tempFileURL }`, at most 50 a call); uploadFile as
//   node-sdk does it: storage.getUploadMetadata, then a PUT of the bytes to the COS address it names;
// - subscribeMessage.send: errcode 40037 (template id wrong), 43101 (no grant), 47003 (data does
//   not fit the template: a key it lacks, or a value outside its keyword type's limits, as in
//   "订阅消息参数值内容限制说明");
// - security.msgSecCheck v2: `{ errcode, errmsg, result: { suggest, label }, detail, trace_id }`;
// - security.mediaCheckAsync v2: `{ errcode, errmsg, trace_id }` (the verdict is pushed later).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as protobuf from 'protobufjs';
import type { WxCloud, WxDatabase } from '../../../src/server/adapters/wechat/types';

// The messages of wx-server-sdk's src/protobuf/openapi.js this gateway reads or writes (same ids).
const pb = protobuf.parse(
  `syntax = "proto3";
  message KeyValuePair { string key = 1; bytes value = 2; }
  message OpenApiData { repeated KeyValuePair pairs = 1; }
  message SvrkitApiData { string apiName = 1; bytes reqData = 2; }
  message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; SvrkitApiData svrkitData = 4; string appid = 6; }
  message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; int32 svrkitErrorCode = 6; }
  message ApiGetOpenDataByCloudIdReq { repeated string cloudidList = 2; string appid = 3; }
  message OpDataItem { string cloudId = 1; string json = 2; }
  message ApiGetOpenDataByCloudIdResp { repeated OpDataItem dataList = 1; }`,
  { keepCase: true },
).root;
const type = (name: string) => pb.lookupType(name);

/** A cloudID from wx.getGroupEnterInfo is valid for about five minutes. */
export const CLOUD_ID_TTL_MS = 5 * 60_000;

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
}

export interface TcbGateway {
  /** What `cloud.init({ serviceUrl })` points at. */
  readonly serviceUrl: string;
  readonly env: string;
  /** Cloud storage: fileID → bytes. */
  readonly storage: Map<string, Buffer>;
  /** A file as wx.cloud.uploadFile would store it; returns its fileID. */
  put(cloudPath: string, bytes: Buffer | string): string;
  /** The cloudID a member holds after opening the app from this WeChat group chat. */
  groupCloudID(opengid: string): string;
  /** Templates picked in the mini-program console: id → keyword keys (e.g. ['name1', 'phrase2', 'time4']). */
  readonly templates: Map<string, string[]>;
  /** Subscription messages WeChat accepted. */
  readonly sent: SentMessage[];
  /** An errcode every send answers with (e.g. 43101), or null to judge each message. */
  sendErrcode: number | null;
  /** Words msgSecCheck calls risky, with their label. */
  readonly risky: Map<string, number>;
  /** What mediaCheckAsync was asked (as it arrived on the wire), each with the trace_id answered. */
  readonly mediaChecks: (Record<string, unknown> & { trace_id: string })[];
  /** Every call the SDK made: its action, and for cloud calls the API name. */
  readonly calls: string[];
  /** The real wx-server-sdk, initialised against this gateway; `database()` is the given fake. */
  sdk(db?: WxDatabase): WxCloud;
  close(): Promise<void>;
}

// In a cloud function these come from the runtime; here they keep the SDK off the metadata server.
const RUNTIME_ENV = {
  TENCENTCLOUD_RUNENV: 'SCF',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  SCF_NAMESPACE: 'qunwu-test-1a2b3c',
  TENCENTCLOUD_SECRETID: 'AKIDgateway',
  TENCENTCLOUD_SECRETKEY: 'gateway-secret',
  SILENCE: 'true',
};

export async function startTcbGateway(): Promise<TcbGateway> {
  const saved = Object.fromEntries(Object.keys(RUNTIME_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, RUNTIME_ENV);
  const env = RUNTIME_ENV.SCF_NAMESPACE;
  const bucket = `${randomBytes(4).toString('hex')}-${env}-1300000000`;
  const chats = new Map<string, { opengid: string; expiresAt: number }>();
  const links = new Map<string, { fileID: string; expiresAt: number }>();
  const uploads = new Map<string, { fileID: string; authorization: string }>();
  let base = '';

  const gw: TcbGateway = {
    serviceUrl: '',
    env,
    storage: new Map(),
    templates: new Map(),
    sent: [],
    sendErrcode: null,
    risky: new Map([['赌博网站', 20006]]),
    mediaChecks: [],
    calls: [],
    put(cloudPath, bytes) {
      const fileID = `cloud://${env}.${bucket}/${cloudPath}`;
      gw.storage.set(fileID, Buffer.from(bytes));
      return fileID;
    },
    groupCloudID(opengid) {
      const cloudID = `${randomBytes(3).toString('hex')}_${randomBytes(24).toString('base64url')}`;
      chats.set(cloudID, { opengid, expiresAt: Date.now() + CLOUD_ID_TTL_MS });
      return cloudID;
    },
    sdk(db) {
      // createNewInstance: an SDK instance of its own, so each gateway's address stays with it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const sdk = require('wx-server-sdk') as { createNewInstance(config: object): Record<string, unknown> };
      const cloud = sdk.createNewInstance({ env, serviceUrl: gw.serviceUrl, timeout: 5000 });
      const database = () => {
        if (!db) throw new Error('this gateway has no database: pass the fake one');
        return db;
      };
      return { ...cloud, database } as unknown as WxCloud;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  function storageAnswer(body: { action: string; file_list?: { fileid: string; max_age?: number }[] }) {
    const list = body.file_list ?? [];
    if (list.length > 50) return { code: 'INVALID_PARAM', message: 'fileList 最多 50 个', requestId: 'r' };
    return {
      requestId: `r${randomBytes(4).toString('hex')}`,
      data: {
        download_list: list.map(({ fileid, max_age }) => {
          if (!gw.storage.has(fileid)) return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };
          const token = randomBytes(12).toString('hex');
          links.set(token, { fileID: fileid, expiresAt: Date.now() + (max_age ?? 600) * 1000 });
          return { fileID: fileid, tempFileURL: `${base}/tmp/${token}?sign=${randomBytes(6).toString('hex')}&t=${max_age}`, code: 'SUCCESS', maxAge: max_age };
        }),
      },
    };
  }

  /** storage.getUploadMetadata: where to PUT the bytes (a signed COS address) and the fileID they will have. */
  function uploadMetadata(cloudPath: string) {
    if (!cloudPath || cloudPath.startsWith('/')) return { code: 'INVALID_PARAM', message: 'path 不合法', requestId: 'r' };
    const token = randomBytes(8).toString('hex');
    const fileID = `cloud://${env}.${bucket}/${cloudPath}`;
    const authorization = `q-sign-algorithm=sha1&q-signature=${randomBytes(10).toString('hex')}`;
    uploads.set(token, { fileID, authorization });
    return { requestId: `r${token}`, data: { url: `${base}/cos/${token}`, token: 'cos-token', authorization, fileId: fileID, cosFileId: `cos_${token}`, download_url: `${base}/dl/${token}` } };
  }

  function openData(reqData: Uint8Array): Buffer {
    const { cloudidList } = type('ApiGetOpenDataByCloudIdReq').toObject(type('ApiGetOpenDataByCloudIdReq').decode(reqData)) as { cloudidList?: string[] };
    const items = (cloudidList ?? []).map((cloudID) => {
      const chat = chats.get(cloudID);
      // What WeChat answers for an expired or unknown cloudID is not documented: here, no data.
      if (!chat || chat.expiresAt < Date.now()) return { cloudId: cloudID, json: '' };
      const data = { opengid: chat.opengid, watermark: { appid: 'wx_gateway_appid', timestamp: Math.floor(Date.now() / 1000) } };
      return { cloudId: cloudID, json: JSON.stringify({ cloudID, data }) };
    });
    const respData = type('ApiGetOpenDataByCloudIdResp').encode({ dataList: items }).finish();
    return Buffer.from(type('CommOpenApiResp').encode({ respData, svrkitErrorCode: 0, httpCode: 200 }).finish());
  }

  function openApi(apiName: string, pairs: { key: string; value: Uint8Array }[]): Buffer {
    const params = Object.fromEntries(pairs.map((p) => [p.key, JSON.parse(Buffer.from(p.value).toString('utf8')) as unknown]));
    let answer: Record<string, unknown>;
    if (apiName === 'subscribeMessage.send') answer = send(params as unknown as SentMessage);
    else if (apiName === 'security.msgSecCheck') answer = secCheck(params);
    else if (apiName === 'security.mediaCheckAsync') answer = mediaCheck(params);
    else answer = { errcode: -1, errmsg: `${apiName} is not served by this gateway` };
    const respData = Buffer.from(JSON.stringify(answer));
    return Buffer.from(type('CommOpenApiResp').encode({ respData, contentType: 'application/json; charset=utf-8', httpCode: 200 }).finish());
  }

  function send(m: SentMessage): Record<string, unknown> {
    if (gw.sendErrcode) return { errcode: gw.sendErrcode, errmsg: `errcode ${gw.sendErrcode} rid: gateway` };
    const keys = gw.templates.get(m.template_id);
    if (!keys) return { errcode: 40037, errmsg: 'invalid template id rid: gateway' };
    for (const key of keys) {
      const value = m.data?.[key]?.value;
      if (value === undefined || value === '') return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty rid: gateway` };
      if (!fitsKeyword(key, String(value))) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid rid: gateway` };
    }
    gw.sent.push(m);
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  }

  function secCheck(p: Record<string, unknown>): Record<string, unknown> {
    if (p.version !== 2) return { errcode: 47001, errmsg: 'data format error' };
    const content = String(p.content ?? '');
    for (const [word, label] of gw.risky) {
      if (content.includes(word)) return { errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label }, detail: [], trace_id: 't' };
    }
    return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 }, detail: [], trace_id: 't' };
  }

  function mediaCheck(p: Record<string, unknown>): Record<string, unknown> {
    if (p.version !== 2 || p.media_type !== 2) return { errcode: 47001, errmsg: 'data format error' };
    if (typeof p.media_url !== 'string' || !/^https?:\/\//.test(p.media_url)) return { errcode: 40001, errmsg: 'invalid media_url' };
    const trace_id = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
    gw.mediaChecks.push({ ...p, trace_id });
    return { errcode: 0, errmsg: 'ok', trace_id };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'GET' && url.pathname.startsWith('/tmp/')) {
      const link = links.get(url.pathname.slice(5));
      const bytes = link && link.expiresAt > Date.now() ? gw.storage.get(link.fileID) : undefined;
      res.writeHead(bytes ? 200 : 403, { 'content-type': 'application/octet-stream' });
      res.end(bytes ?? 'AccessDenied');
      return;
    }
    const type0 = req.headers['content-type'] ?? '';
    if (type0.startsWith('multipart/form-data')) {
      const fields = multipart(raw, type0);
      const action = fields.get('action')?.toString() ?? '';
      const apiName = fields.get('apiName')?.toString() ?? '';
      gw.calls.push(`${action} ${apiName}`);
      const envelope = type('CommApiData').toObject(type('CommApiData').decode(fields.get('requestData') ?? Buffer.alloc(0)), { defaults: true }) as {
        openapiData?: { pairs?: { key: string; value: Uint8Array }[] };
        svrkitData?: { apiName: string; reqData: Uint8Array };
      };
      const body = apiName === 'ApiGetOpenDataByCloudId' ? openData(envelope.svrkitData?.reqData ?? new Uint8Array()) : openApi(apiName, envelope.openapiData?.pairs ?? []);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(body);
      return;
    }
    // The second half of uploadFile: node-sdk PUTs the bytes to the COS address getUploadMetadata gave.
    if (req.method === 'PUT' && url.pathname.startsWith('/cos/')) {
      const upload = uploads.get(url.pathname.slice(5));
      if (!upload || req.headers.authorization !== upload.authorization) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>r</RequestId><TraceId>t</TraceId></Error>');
        return;
      }
      gw.storage.set(upload.fileID, raw);
      res.writeHead(200);
      res.end('');
      return;
    }
    const body = JSON.parse(raw.toString('utf8') || '{}') as { action: string; path?: string };
    gw.calls.push(body.action);
    const answer =
      body.action === 'storage.batchGetDownloadUrl'
        ? storageAnswer(body)
        : body.action === 'storage.getUploadMetadata'
          ? uploadMetadata(String(body.path ?? ''))
          : { code: 'INVALID_ACTION', message: `${body.action} is not served by this gateway` };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  (gw as { serviceUrl: string }).serviceUrl = `${base}/admin`;
  return gw;
}

/** multipart/form-data as form-data (node-sdk's encoder) writes it: name → raw bytes of the part. */
function multipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  const out = new Map<string, Buffer>();
  if (!boundary) return out;
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length + 2; // past CRLF
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // before CRLF
    const split = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, split).toString('utf8'))?.[1];
    if (name) out.set(name, Buffer.from(part.subarray(split + 4)));
    at = next;
  }
  return out;
}

/**
 * Whether a value fits its keyword's type ("订阅消息参数值内容限制说明" of subscribeMessage.send);
 * the type is the key without its number (`thing1` → thing).
 */
export function fitsKeyword(key: string, value: string): boolean {
  const kind = key.replace(/\d+$/, '');
  const chars = [...value];
  const han = /^\p{Script=Han}+$/u;
  switch (kind) {
    case 'thing':
      return chars.length <= 20;
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && value.replace('.', '').length <= 32;
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return /^[^\p{L}\p{N}\s]{1,5}$/u.test(value);
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value);
    case 'time':
      return /^(\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?\s*)?\d{1,2}:\d{2}(~.+)?$/.test(value);
    case 'date':
      return /^\d{4}[-年/]\d{1,2}[-月/]\d{1,2}日?(\s*\d{1,2}:\d{2})?(~.+)?$/.test(value);
    case 'amount':
      return /^\D?\d{1,10}(\.\d+)?元?$/.test(value);
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value);
    case 'car_number':
      return chars.length <= 8;
    case 'name':
      return han.test(value) ? chars.length <= 10 : /^[\p{L}\p{P} ]{1,20}$/u.test(value) && chars.length <= (/\p{Script=Han}/u.test(value) ? 10 : 20);
    case 'phrase':
      return han.test(value) && chars.length <= 5;
    default:
      return false;
  }
}
