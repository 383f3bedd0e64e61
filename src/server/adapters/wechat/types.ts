// Exactly the parts of wx-server-sdk the wechat adapters call, so tests can pass a fake and the
// entry files pass the real SDK. The SDK's own types say `Promise<…> | void` and
// `openapi: Record<string, any>`, too loose to use directly.
import type * as WxServerSdk from 'wx-server-sdk';

export type WxSdk = typeof WxServerSdk;

export type WxDoc = { _id: string } & Record<string, unknown>;

/** db.command: query operators go inside a where() object, update operators inside update data. */
export interface WxCommand {
  in(values: unknown[]): unknown;
  lte(value: number | string): unknown;
  lt(value: number): unknown;
  gte(value: number | string): unknown;
  gt(value: number | string): unknown;
  or(conditions: object[]): object;
  /** Every condition holds (several conditions on one field, e.g. two title words). */
  and(conditions: object[]): object;
  inc(n: number): unknown;
  /** Replace a field wholesale (a plain object value would be merged key by key). */
  set(value: unknown): unknown;
  remove(): unknown;
  /** Append to an array field unless already there. */
  addToSet(value: unknown): unknown;
  /** Remove every element equal to the value from an array field. */
  pull(value: unknown): unknown;
  /** An aggregation expression as a query condition (a lookup's correlated sub-pipeline). */
  expr(expression: unknown): object;
  /**
   * Aggregation operators; `pipeline()` builds a lookup's sub-pipeline. Operands are field paths
   * ('$_id'), lookup variables ('$$pid') or values.
   */
  aggregate: {
    pipeline(): WxPipeline;
    eq(operands: unknown[]): unknown;
    gte(operands: unknown[]): unknown;
    and(operands: unknown[]): unknown;
    concat(operands: unknown[]): unknown;
    /** Group accumulators: the sum of an expression over the group (sum(1) counts), every value of one. */
    sum(expression: unknown): unknown;
    push(expression: unknown): unknown;
  };
}

export interface WxQuery {
  where(condition: object): WxQuery;
  orderBy(field: string, order: 'asc' | 'desc'): WxQuery;
  skip(n: number): WxQuery;
  /** At most 1000 in a cloud function; without it (or with 0) the SDK asks for 100. */
  limit(n: number): WxQuery;
  /** Only these fields of each document (true: return it, false: leave it out); _id unless told not to. */
  field(projection: Record<string, boolean>): WxQuery;
  get(): Promise<{ data: WxDoc[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface WxDocumentRef {
  /** Replaces the whole document (creates it if absent); data must not carry _id. */
  set(options: { data: object }): Promise<{ stats: { updated: number; created: number } }>;
  /** Changes the given fields of an existing document; stats.updated is 0 when there is none. */
  update(options: { data: object }): Promise<{ stats: { updated: number } }>;
}

/** A lookup's sub-pipeline; done() gives what lookup's `pipeline` takes. */
export interface WxPipeline {
  match(condition: object): WxPipeline;
  /** Only these fields of each document (1: keep it); _id unless told not to. */
  project(fields: Record<string, 0 | 1>): WxPipeline;
  done(): unknown;
}

/** The aggregation pipeline stages the adapter uses; end() sends it as one request. */
export interface WxAggregate {
  match(condition: object): WxAggregate;
  /**
   * Equality join: each document gets `as`, the array of `from` documents whose foreignField equals
   * its localField (a localField that is an array, or reaches into one as `rows.personId`, matches
   * on any of its values); or, with a `pipeline` (db.command.aggregate.pipeline()…done()), every `from`
   * document that pipeline yields.
   */
  lookup(
    options:
      | { from: string; localField: string; foreignField: string; as: string }
      | { from: string; pipeline: unknown; as: string }
      /** Correlated: `let` names fields of the input document ('$_id') or expressions of them, used in the pipeline as '$$name'. */
      | { from: string; let: Record<string, unknown>; pipeline: unknown; as: string },
  ): WxAggregate;
  limit(n: number): WxAggregate;
  /**
   * One output document per distinct `_id` (an expression, or an object of expressions such as
   * { day: '$rpOpenDay', key: '$kind' }), with each other field an accumulator (sum, push).
   */
  group(spec: { _id: unknown } & Record<string, unknown>): WxAggregate;
  end(): Promise<{ list: WxDoc[] }>;
}

export interface WxCollection extends WxQuery {
  doc(id: string): WxDocumentRef;
  aggregate(): WxAggregate;
  /** Rejects when data._id exists already. */
  add(options: { data: object }): Promise<{ _id: string | number }>;
}

export interface WxDatabase {
  readonly command: WxCommand;
  /** A regular expression condition (db.RegExp); `options` 'i' for case-insensitive. Not index-assisted unless anchored (^). */
  RegExp(options: { regexp: string; options?: string }): unknown;
  collection(name: string): WxCollection;
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface WxSubscribeMessageApi {
  send(params: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogramState: MiniprogramState;
    lang: 'zh_CN';
  }): Promise<{ errCode?: number; errMsg?: string }>;
}

export interface WxSecurityApi {
  /**
   * Asynchronous image (mediaType 2) check, v2: the verdict comes later by message push (event
   * wxa_media_check, with trace_id). Cloud calls take and answer camelCase (traceId).
   */
  mediaCheckAsync(params: { mediaUrl: string; mediaType: 2; version: 2; openid: string; scene: 1 | 2 | 3 | 4 }): Promise<{
    errCode?: number;
    errMsg?: string;
    traceId?: string;
  }>;
  msgSecCheck(params: { version: 2; openid: string; scene: 1 | 2 | 3 | 4; content: string }): Promise<{
    errCode?: number;
    errMsg?: string;
    result?: { suggest: string; label: number | string };
  }>;
}

export interface WxStorageApi {
  /** Rejects when the file does not exist. */
  downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }>;
  /** Stores bytes at `cloudPath` (replacing a file there) and answers its fileID. */
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  /** At most 50 files a call; each answers status 0 when deleted. */
  deleteFile(params: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>;
  /** maxAge in seconds; at most 50 files a call. */
  getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
  }>;
}

export interface WxCloud extends WxStorageApi {
  openapi: { subscribeMessage: WxSubscribeMessageApi; security: WxSecurityApi };
  getWXContext(): { OPENID?: string };
  /** Open data by cloudID (e.g. from wx.getGroupEnterInfo), already parsed by the SDK: one item per cloudID. */
  getOpenData(params: { list: string[] }): Promise<{ list?: { cloudID?: string; data?: { opengid?: unknown } }[] }>;
  database(): WxDatabase;
}

/** The SDK seen through the narrow interfaces above (after cloud.init). */
export function wechatCloud(sdk: WxSdk): WxCloud {
  return sdk as unknown as WxCloud;
}
