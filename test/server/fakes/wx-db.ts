// An in-memory stand-in for exactly the wx-server-sdk database calls the wechat adapter makes,
// with the SDK's result shapes and the behaviours that bite: add() of a taken _id rejects,
// doc().get() of a missing document rejects, where() on an array field matches containment,
// get() without limit() returns 100 and never more than 1000, update() merges plain objects key
// by key (use _.set to replace), set()/update() refuse _id. Documents are copied in and out.
import type { WxAggregate, WxCollection, WxCommand, WxDatabase, WxDoc, WxDocumentRef, WxPipeline, WxQuery } from '../../../src/server/adapters/wechat/types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Doc = { _id: string } & Record<string, Json>;

export class SdkError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

// --- db.command ---

class QueryOp {
  constructor(
    readonly op: 'in' | 'lte' | 'lt' | 'gt' | 'gte' | 'eq' | 'neq',
    readonly operand: unknown,
  ) {}
}
class LogicOp {
  constructor(
    readonly op: 'or' | 'and',
    readonly conditions: object[],
  ) {}
}
class UpdateOp {
  constructor(
    readonly op: 'set' | 'inc' | 'remove' | 'addToSet' | 'pull',
    readonly operand?: unknown,
  ) {}
}
/** db.RegExp({ regexp, options }): matches a string field, or any string element of an array field. */
class DbRegExp {
  readonly re: RegExp;
  constructor(options: { regexp: string; options?: string }) {
    this.re = new RegExp(options.regexp, options.options ?? '');
  }
}
const isCommand = (v: unknown) => v instanceof QueryOp || v instanceof LogicOp || v instanceof UpdateOp || v instanceof ExprCond || v instanceof DbRegExp;

// Variadic or one array, as the SDK accepts both.
const conditionsOf = (args: unknown[]) => (Array.isArray(args[0]) ? args[0] : args) as object[];

export const fakeCommand: WxCommand & Record<'lt' | 'gte' | 'eq' | 'neq', (v: unknown) => unknown> & { and(...c: unknown[]): object } = {
  in: (values) => new QueryOp('in', values),
  lte: (v) => new QueryOp('lte', v),
  lt: (v) => new QueryOp('lt', v),
  gt: (v) => new QueryOp('gt', v),
  gte: (v) => new QueryOp('gte', v),
  eq: (v) => new QueryOp('eq', v),
  neq: (v) => new QueryOp('neq', v),
  or: (...args: unknown[]) => new LogicOp('or', conditionsOf(args)),
  and: (...args: unknown[]) => new LogicOp('and', conditionsOf(args)),
  inc: (n) => new UpdateOp('inc', n),
  set: (v) => new UpdateOp('set', v),
  remove: () => new UpdateOp('remove'),
  addToSet: (v) => new UpdateOp('addToSet', v),
  pull: (v) => new UpdateOp('pull', v),
  expr: (e: unknown) => new ExprCond(e),
  // A lookup's sub-pipeline of match and project stages; `let` variables are read by expressions.
  aggregate: {
    pipeline: () => subPipeline([]),
    eq: (operands: unknown[]) => new AggExpr('eq', operands),
    gte: (operands: unknown[]) => new AggExpr('gte', operands),
    and: (operands: unknown[]) => new AggExpr('and', operands),
    concat: (operands: unknown[]) => new AggExpr('concat', operands),
    sum: (expression: unknown) => new Accumulator('sum', expression),
    push: (expression: unknown) => new Accumulator('push', expression),
  },
};

/** A group stage's accumulator ($.sum, $.push), as the reports use them. */
class Accumulator {
  constructor(
    readonly op: 'sum' | 'push',
    readonly expression: unknown,
  ) {}
}

/** What Aggregate.group gives, as MongoDB's $group does: one document per distinct _id; a missing field groups as null. */
function groupRows(rows: Doc[], spec: Record<string, unknown>): Doc[] {
  const { _id: idSpec, ...accs } = spec;
  if (idSpec === undefined) throw new Error('fake: group needs an _id');
  for (const [k, a] of Object.entries(accs)) if (!(a instanceof Accumulator)) throw new Error(`fake: group field ${k} is not an accumulator`);
  const key = (d: Doc): unknown => {
    const v = (e: unknown) => evaluate(e, d, {}) ?? null;
    return isPlainObject(idSpec) ? Object.fromEntries(Object.entries(idSpec).map(([k, e]) => [k, v(e)])) : v(idSpec);
  };
  const groups = new Map<string, Doc>();
  for (const d of rows) {
    const id = key(d);
    const k = JSON.stringify(id);
    let out = groups.get(k);
    if (!out) {
      out = { _id: id } as unknown as Doc;
      for (const [name, a] of Object.entries(accs) as [string, Accumulator][]) (out as Record<string, unknown>)[name] = a.op === 'sum' ? 0 : [];
      groups.set(k, out);
    }
    for (const [name, a] of Object.entries(accs) as [string, Accumulator][]) {
      const value = evaluate(a.expression, d, {});
      const o = out as Record<string, unknown>;
      // $sum ignores what is not a number; $push keeps every value, a missing one left out.
      if (a.op === 'sum') o[name] = (o[name] as number) + (typeof value === 'number' ? value : 0);
      else if (value !== undefined) (o[name] as unknown[]).push(value);
    }
  }
  return [...groups.values()];
}

type SubStage = { match: object } | { project: Record<string, 0 | 1> };
function subPipeline(stages: SubStage[]): WxPipeline {
  return {
    match: (condition) => subPipeline([...stages, { match: condition }]),
    project: (fields) => {
      if (Object.values(fields).some((v) => v !== 1 && v !== 0)) throw new Error('fake: project takes 0 or 1 per field');
      return subPipeline([...stages, { project: fields }]);
    },
    done: () => stages,
  };
}

// --- aggregation expressions ($.eq([...]) and friends inside _.expr), as the adapter uses them ---

class AggExpr {
  constructor(
    readonly op: 'eq' | 'gte' | 'and' | 'concat',
    readonly operands: unknown[],
  ) {
    if (!Array.isArray(operands)) throw new Error(`fake: $.${op} takes an array of operands`);
  }
}
class ExprCond {
  constructor(readonly expression: unknown) {}
}

/** '$field' reads the document, '$$name' a lookup variable; anything else is a value. */
function evaluate(e: unknown, doc: Doc, vars: Record<string, unknown>): unknown {
  if (e instanceof AggExpr) {
    const args = e.operands.map((x) => evaluate(x, doc, vars));
    switch (e.op) {
      case 'eq':
        return sameJson(args[0], args[1]);
      case 'gte':
        return rank(args[0]) === rank(args[1]) && compare(args[0], args[1]) >= 0;
      case 'and':
        return args.every(Boolean);
      case 'concat':
        return args.some((a) => a === null || a === undefined) ? null : args.map(String).join('');
    }
  }
  if (typeof e === 'string' && e.startsWith('$$')) {
    const name = e.slice(2);
    if (!(name in vars)) throw new Error(`fake: lookup variable ${name} is not defined in let`);
    return vars[name];
  }
  if (typeof e === 'string' && e.startsWith('$')) return getPath(doc, e.slice(1));
  return e;
}

// --- values ---

const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const typeOf = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1).toLowerCase();
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeOf(v) === 'object' && !isCommand(v);

/** Nested plain objects become dot paths, as the SDK's serializer does; `{}` and undefined vanish. */
function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const path = prefix + k;
    if (isPlainObject(v)) out.push(...flatten(v, `${path}.`));
    else out.push([path, v]);
  }
  return out;
}

function getPath(doc: unknown, path: string): unknown {
  let v = doc;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = doc;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(o[key])) o[key] = {};
    o = o[key] as Record<string, unknown>;
  }
  if (value === undefined) delete o[keys[keys.length - 1]];
  else o[keys[keys.length - 1]] = value;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** BSON's order across types: null < numbers < strings < objects < arrays < booleans. */
function rank(v: unknown): number {
  if (v === undefined || v === null) return 0;
  return { number: 1, string: 2, object: 3, array: 4, boolean: 5 }[typeOf(v)] ?? 6;
}
function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1 || ra === 2 || ra === 5) {
    const [x, y] = [a as number | string | boolean, b as number | string | boolean];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}

/**
 * Collection.field / Query.field (WeChat cloud database, server API reference): each key is returned
 * (true, or a number > 0) or left out (false); _id comes back unless left out by name. MongoDB's
 * projection does not mix returning and leaving out other fields, so neither does this.
 */
function projected(doc: Doc, fields: Record<string, unknown>): Doc {
  const keep = (v: unknown) => v === true || (typeof v === 'number' && v > 0);
  const named = Object.entries(fields).filter(([k]) => k !== '_id');
  if (named.length && new Set(named.map(([, v]) => keep(v))).size > 1) throw new SdkError(-502001, 'field(): cannot both return and leave out fields');
  const out: Record<string, unknown> = {};
  if (named.length && keep(named[0][1])) {
    for (const [k] of named) if (getPath(doc, k) !== undefined) setPath(out, k, copy(getPath(doc, k)));
    if (fields._id === undefined || keep(fields._id)) out._id = doc._id;
    return out as Doc;
  }
  Object.assign(out, copy(doc));
  for (const [k] of named) setPath(out, k, undefined);
  if (fields._id !== undefined && !keep(fields._id)) delete out._id;
  return out as Doc;
}

/**
 * The values a lookup's localField stands for. Aggregate.lookup (WeChat cloud database, server API
 * reference): a field the input record lacks counts as null. MongoDB manual, $lookup, "Use $lookup
 * with an Array": an array localField matches any of its elements, and a dotted path through an
 * array of documents (`rows.personId`) reaches each element's value.
 */
function lookupValues(doc: unknown, path: string): unknown[] {
  const walk = (v: unknown, keys: string[]): unknown[] => {
    if (Array.isArray(v)) return keys.length ? v.flatMap((x) => walk(x, keys)) : v;
    if (!keys.length) return [v];
    if (v === null || typeof v !== 'object') return [];
    return walk((v as Record<string, unknown>)[keys[0]], keys.slice(1));
  };
  const found = walk(doc, path.split('.')).filter((v) => v !== undefined);
  // No value at all (missing, or an empty array on the way): null, as MongoDB's $lookup does.
  return found.length ? found : [null];
}

// --- matching ---

/** Equality the Mongo way: an array field matches when it holds the value; null matches missing. */
function equals(field: unknown, value: unknown): boolean {
  if (value === null) return field === null || field === undefined;
  if (Array.isArray(field) && !Array.isArray(value)) return field.some((x) => sameJson(x, value));
  return sameJson(field, value);
}

function ordered(field: unknown, value: unknown, test: (c: number) => boolean): boolean {
  // Comparisons only hold within one type: a null wakeAt is never <= now.
  const one = (x: unknown) => rank(x) === rank(value) && rank(x) !== 0 && test(compare(x, value));
  return Array.isArray(field) ? field.some(one) : one(field);
}

function matchField(field: unknown, cond: unknown): boolean {
  if (cond instanceof QueryOp) {
    switch (cond.op) {
      case 'in':
        return (cond.operand as unknown[]).some((v) => equals(field, v));
      case 'eq':
        return equals(field, cond.operand);
      case 'neq':
        return !equals(field, cond.operand);
      case 'lt':
        return ordered(field, cond.operand, (c) => c < 0);
      case 'lte':
        return ordered(field, cond.operand, (c) => c <= 0);
      case 'gt':
        return ordered(field, cond.operand, (c) => c > 0);
      case 'gte':
        return ordered(field, cond.operand, (c) => c >= 0);
    }
  }
  if (cond instanceof UpdateOp) throw new SdkError(-502002, 'update command used in a query');
  if (cond instanceof DbRegExp) return (Array.isArray(field) ? field : [field]).some((x) => typeof x === 'string' && cond.re.test(x));
  return equals(field, cond);
}

function matches(doc: Doc, cond: object, vars: Record<string, unknown> = {}): boolean {
  if (cond instanceof ExprCond) return evaluate(cond.expression, doc, vars) === true;
  if (cond instanceof LogicOp) {
    return cond.op === 'or' ? cond.conditions.some((c) => matches(doc, c)) : cond.conditions.every((c) => matches(doc, c));
  }
  return flatten(cond as Record<string, unknown>).every(([path, c]) => {
    // Field-level logic (`{ n: _.gt(1).and(_.lt(5)) }`) is not used by the adapter.
    if (c instanceof LogicOp) throw new Error(`the fake does not support logic commands on a field (${path})`);
    return matchField(getPath(doc, path), c);
  });
}

// --- updates ---

function checkUpdateData(api: string, data: unknown): Record<string, unknown> {
  if (!isPlainObject(data) || !Object.keys(data).length) throw new SdkError(-501007, `${api}:fail 参数必需是非空对象`);
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw new SdkError(-501007, `${api}:fail 不能更新_id的值`);
  return data;
}

/** Applies update data to a copy; returns it, or null when nothing changed (stats.updated counts changes). */
function applyUpdate(doc: Doc, data: Record<string, unknown>): Doc | null {
  const next = copy(doc) as Record<string, unknown>;
  for (const [path, v] of flatten(data)) {
    if (v instanceof UpdateOp) {
      if (v.op === 'set') setPath(next, path, copy(v.operand));
      else if (v.op === 'remove') setPath(next, path, undefined);
      else if (v.op === 'addToSet' || v.op === 'pull') {
        const cur = getPath(next, path);
        if (cur !== undefined && !Array.isArray(cur)) throw new SdkError(-502001, `Cannot apply $${v.op} to a non-array field ${path}`);
        const arr = (cur as Json[] | undefined) ?? [];
        const same = (x: unknown) => sameJson(x, v.operand);
        setPath(next, path, v.op === 'pull' ? arr.filter((x) => !same(x)) : arr.some(same) ? arr : [...arr, copy(v.operand) as Json]);
      } else {
        const cur = getPath(next, path);
        if (cur !== undefined && typeof cur !== 'number') throw new SdkError(-502001, `Cannot apply $inc to a non-numeric field ${path}`);
        setPath(next, path, ((cur as number | undefined) ?? 0) + (v.operand as number));
      }
    } else if (isCommand(v)) {
      throw new SdkError(-502002, `query command used in update data at ${path}`);
    } else {
      setPath(next, path, copy(v));
    }
  }
  return sameJson(next, doc) ? null : (next as Doc);
}

function containsCommand(v: unknown): boolean {
  if (isCommand(v)) return true;
  if (Array.isArray(v)) return v.some(containsCommand);
  return isPlainObject(v) && Object.values(v).some(containsCommand);
}

// --- the database ---

export interface FakeWxDb extends WxDatabase {
  /** Raw stored documents (copies), for assertions about what the cloud would hold. */
  dump(collection: string): Doc[];
  /** Every call by name ('collection.get', 'document.set', …), for assertions about cost. */
  readonly calls: string[];
}

let autoId = 0;

export interface FakeWxDbOptions {
  /**
   * Most documents one get() returns whatever limit() asked (1000 in a cloud function; older SDKs
   * answered 100): a reader that assumes full pages stops early when this is lower.
   */
  pageCap?: number;
}

export function createFakeWxDb(options: FakeWxDbOptions = {}): FakeWxDb {
  const pageCap = options.pageCap ?? 1000;
  const data = new Map<string, Map<string, Doc>>();
  const calls: string[] = [];
  const docsOf = (name: string) => {
    let m = data.get(name);
    if (!m) data.set(name, (m = new Map()));
    return m;
  };

  interface QueryState {
    where?: object;
    order: [string, 1 | -1][];
    skip?: number;
    limit?: number;
    fields?: Record<string, unknown>;
  }

  function select(name: string, s: QueryState): Doc[] {
    const all = [...docsOf(name).values()].filter((d) => !s.where || matches(d, s.where));
    if (s.order.length) {
      all.sort((a, b) => {
        for (const [f, o] of s.order) {
          const c = compare(getPath(a, f), getPath(b, f));
          if (c) return c * o;
        }
        return 0;
      });
    }
    return all;
  }

  function makeQuery(name: string, s: QueryState): WxQuery {
    return {
      where(condition) {
        // The SDK checks this synchronously, before any request.
        if (typeOf(condition) !== 'object') throw new Error('query param must be an object');
        const keys = Object.keys(condition);
        if (!(condition instanceof LogicOp) && keys.length && keys.every((k) => (condition as Record<string, unknown>)[k] === undefined)) {
          throw new Error('query param value must not be all undefined');
        }
        // A second where() replaces the first, it does not narrow it.
        return makeQuery(name, { ...s, where: condition });
      },
      orderBy(field, order) {
        if (order !== 'asc' && order !== 'desc') throw new Error('orderBy direction must be asc or desc');
        const rest = s.order.filter(([f]) => f !== field);
        return makeQuery(name, { ...s, order: [...rest, [field, order === 'desc' ? -1 : 1]] });
      },
      skip(n) {
        if (!Number.isInteger(n)) throw new Error('offset must be an integer');
        return makeQuery(name, { ...s, skip: n });
      },
      limit(n) {
        if (!Number.isInteger(n)) throw new Error('limit must be an integer');
        return makeQuery(name, { ...s, limit: n });
      },
      field(projection) {
        if (typeOf(projection) !== 'object') throw new Error('field() takes an object');
        return makeQuery(name, { ...s, fields: projection });
      },
      async get() {
        calls.push('collection.get');
        const limit = Math.min(s.limit ? Math.min(s.limit, 1000) : 100, pageCap);
        const rows = select(name, s).slice(s.skip ?? 0, (s.skip ?? 0) + limit);
        return { data: copy(s.fields ? rows.map((d) => projected(d, s.fields!)) : rows), errMsg: 'collection.get:ok' };
      },
      async count() {
        calls.push('collection.count');
        return { total: select(name, { where: s.where, order: [] }).length, errMsg: 'collection.count:ok' };
      },
      async remove() {
        calls.push('collection.remove');
        const docs = docsOf(name);
        let removed = 0;
        for (const doc of select(name, { where: s.where, order: [] })) if (docs.delete(doc._id)) removed++;
        return { stats: { removed }, errMsg: 'collection.remove:ok' };
      },
      async update(options) {
        calls.push('collection.update');
        const upd = checkUpdateData('collection.update', options?.data);
        let updated = 0;
        const docs = docsOf(name);
        for (const doc of select(name, { where: s.where, order: [] })) {
          const next = applyUpdate(doc, upd);
          if (next) {
            docs.set(doc._id, next);
            updated++;
          }
        }
        return { stats: { updated }, errMsg: 'collection.update:ok' };
      },
    } as WxQuery;
  }

  function makeDoc(name: string, id: string): WxDocumentRef & {
    get(): Promise<{ data: WxDoc; errMsg: string }>;
    update(o: { data: object }): Promise<{ stats: { updated: number }; errMsg: string }>;
    remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
  } {
    return {
      async get() {
        calls.push('document.get');
        const doc = docsOf(name).get(id);
        // What wx-server-sdk does by default (throwOnNotFound).
        if (!doc) throw new SdkError(-1, `document.get:fail document with _id ${id} does not exist`);
        return { data: copy(doc), errMsg: 'document.get:ok' };
      },
      async set(options) {
        calls.push('document.set');
        const body = checkUpdateData('document.set', options?.data);
        if (containsCommand(body)) throw new SdkError(-502001, 'document.set:fail update operator complicit');
        const docs = docsOf(name);
        const before = docs.get(id);
        const next = { ...copy(body), _id: id } as Doc;
        docs.set(id, next);
        return {
          _id: id,
          stats: { updated: before && !sameJson(before, next) ? 1 : 0, created: before ? 0 : 1 },
          errMsg: 'document.set:ok',
        };
      },
      async update(options) {
        calls.push('document.update');
        const upd = checkUpdateData('document.update', options?.data);
        const docs = docsOf(name);
        const doc = docs.get(id);
        const next = doc ? applyUpdate(doc, upd) : null;
        if (next) docs.set(id, next);
        return { stats: { updated: next ? 1 : 0 }, errMsg: 'document.update:ok' };
      },
      async remove() {
        calls.push('document.remove');
        const removed = docsOf(name).delete(id) ? 1 : 0;
        return { stats: { removed }, errMsg: 'document.remove:ok' };
      },
    };
  }

  type Lookup = { from: string; localField: string; foreignField: string; as: string } | { from: string; pipeline: unknown; as: string; let?: Record<string, unknown> };
  type Stage = { match: object } | { lookup: Lookup } | { limit: number } | { group: Record<string, unknown> };

  /** The pipeline stages the adapter uses, run in order when end() sends them (one request). */
  function makeAggregate(name: string, stages: Stage[]): WxAggregate {
    const next = (s: Stage) => makeAggregate(name, [...stages, s]);
    return {
      match: (condition) => next({ match: condition }),
      lookup: (options) => next({ lookup: options }),
      limit(n) {
        if (!Number.isInteger(n) || n < 1) throw new Error('limit must be a positive integer');
        return next({ limit: n });
      },
      group: (spec) => next({ group: spec }),
      async end() {
        calls.push('aggregate.end');
        let rows = [...docsOf(name).values()];
        for (const st of stages) {
          if ('match' in st) rows = rows.filter((d) => matches(d, st.match));
          else if ('limit' in st) rows = rows.slice(0, st.limit);
          else if ('group' in st) rows = groupRows(rows, st.group);
          else if ('pipeline' in st.lookup) {
            const { from, pipeline, as, let: lets } = st.lookup;
            if (!Array.isArray(pipeline)) throw new Error('fake: a lookup pipeline is what pipeline().done() gives');
            // Uncorrelated (no let): the same list for every input document.
            const run = (d: Doc) => {
              const vars = Object.fromEntries(Object.entries(lets ?? {}).map(([k, e]) => [k, evaluate(e, d, {})]));
              let out = [...docsOf(from).values()];
              for (const sub of pipeline as SubStage[]) {
                if ('match' in sub) out = out.filter((f) => matches(f, sub.match, vars));
                else {
                  const keep = Object.entries(sub.project).filter(([, v]) => v === 1).map(([k]) => k);
                  out = out.map((f) => Object.fromEntries([['_id', f._id], ...keep.filter((k) => k !== '_id' && f[k] !== undefined).map((k) => [k, f[k]])]) as Doc);
                }
              }
              return out;
            };
            rows = rows.map((d) => ({ ...d, [as]: run(d) }));
          } else {
            const { from, localField, foreignField, as } = st.lookup;
            const foreign = [...docsOf(from).values()];
            rows = rows.map((d) => {
              const local = lookupValues(d, localField);
              return { ...d, [as]: foreign.filter((f) => local.some((v) => equals(getPath(f, foreignField), v))) };
            });
          }
        }
        // Without a limit stage the database returns 20 documents.
        if (!stages.some((st) => 'limit' in st)) rows = rows.slice(0, 20);
        return { list: copy(rows), errMsg: 'collection.aggregate:ok' };
      },
    };
  }

  return {
    command: fakeCommand,
    RegExp: (options: { regexp: string; options?: string }) => new DbRegExp(options),
    calls,
    dump: (name) => copy([...docsOf(name).values()]),
    collection(name: string): WxCollection {
      const base = makeQuery(name, { order: [] });
      return {
        ...base,
        doc: (id: string) => makeDoc(name, String(id)),
        aggregate: () => makeAggregate(name, []),
        async add(options: { data: object }) {
          calls.push('collection.add');
          if (!isPlainObject(options?.data)) throw new SdkError(-501007, 'collection.add:fail data must be an object');
          if (containsCommand(options.data)) throw new SdkError(-502001, 'collection.add:fail update operator in data');
          const doc = copy(options.data) as Doc;
          const id = doc._id === undefined ? `fake${(++autoId).toString(16).padStart(28, '0')}` : String(doc._id);
          const docs = docsOf(name);
          if (docs.has(id)) {
            throw new SdkError(
              -502001,
              `collection.add:fail -502001 database request fail. [FailedOperation] E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: "${id}" }`,
            );
          }
          docs.set(id, { ...doc, _id: id });
          return { _id: id, errMsg: 'collection.add:ok' };
        },
      };
    },
  };
}

// --- cloud.openapi and getWXContext ---

export type SendMode = 'ok' | 'network' | number;

export interface FakeCloud {
  openapi: {
    subscribeMessage: { send(params: Record<string, unknown>): Promise<{ errCode: number; errMsg: string }> };
    security: {
      msgSecCheck(params: Record<string, unknown>): Promise<{
        errCode: number;
        errMsg: string;
        result: { suggest: string; label: number };
        detail: unknown[];
      }>;
      mediaCheckAsync(params: Record<string, unknown>): Promise<{ errCode: number; errMsg: string; traceId: string }>;
    };
  };
  getWXContext(): { OPENID?: string; APPID: string; ENV: string };
  database(): FakeWxDb;
  /** Cloud storage: fileID → bytes, as if the client had uploaded them with wx.cloud.uploadFile. */
  storage: Map<string, Buffer>;
  downloadFile(params: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(params: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
  }>;
  deleteFile(params: { fileList: string[] }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>;
  /** A file a function stores (an export): kept under its cloud path, replacing what was there. */
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  /** What security.mediaCheckAsync was called with, each with the traceId it answered. */
  mediaChecks: (Record<string, unknown> & { traceId: string })[];
  /** What subscribeMessage.send was called with. */
  sent: Record<string, unknown>[];
  secChecks: Record<string, unknown>[];
  /** 'ok'; 'network' (an Error without errCode); or an errCode to throw, e.g. 43101. */
  sendMode: SendMode;
  /** Words msgSecCheck calls risky, with their label. */
  risky: Map<string, number>;
  openid: string | undefined;
}

export function createFakeCloud(db: FakeWxDb = createFakeWxDb()): FakeCloud {
  const ERR_MSG: Record<number, string> = {
    43101: 'user refuse to accept the msg',
    47003: 'argument invalid! data.thing1.value is invalid',
    40003: 'invalid openid',
  };
  const cloud: FakeCloud = {
    sent: [],
    secChecks: [],
    sendMode: 'ok',
    risky: new Map([['赌博网站', 20006]]),
    openid: 'o_fake_openid',
    database: () => db,
    storage: new Map(),
    async downloadFile({ fileID }) {
      const bytes = cloud.storage.get(fileID);
      // As wx-server-sdk 4.0.2 rejects a missing file (the real SDK runs in tcb-gateway.ts): node-sdk's
      // TcbError keeps the storage code, and the SDK's toSDKError sets errCode -1 on it.
      if (!bytes) {
        throw Object.assign(new Error('downloadFile:fail downloadFile:fail storage file not exists'), {
          code: 'STORAGE_FILE_NONEXIST',
          errCode: -1,
          errMsg: 'downloadFile:fail storage file not exists',
        });
      }
      return { fileContent: Buffer.from(bytes) };
    },
    async getTempFileURL({ fileList }) {
      if (fileList.length > 50) throw new SdkError(-1, 'getTempFileURL:fail at most 50 files a call');
      return {
        fileList: fileList.map(({ fileID, maxAge }) =>
          cloud.storage.has(fileID)
            ? { fileID, tempFileURL: `https://tmp.invalid/${encodeURIComponent(fileID)}?t=${maxAge}`, status: 0, errMsg: 'ok' }
            : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' },
        ),
      };
    },
    mediaChecks: [],
    async uploadFile({ cloudPath, fileContent }) {
      if (!Buffer.isBuffer(fileContent)) throw new SdkError(-1, 'uploadFile:fail fileContent should be a Buffer');
      const fileID = `cloud://fake-env.7175-fake-env-1300000000/${cloudPath}`;
      cloud.storage.set(fileID, Buffer.from(fileContent));
      return { fileID };
    },
    async deleteFile({ fileList }) {
      if (fileList.length > 50) throw new SdkError(-1, 'deleteFile:fail at most 50 files a call');
      return {
        fileList: fileList.map((fileID) => (cloud.storage.delete(fileID) ? { fileID, status: 0, errMsg: 'ok' } : { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' })),
      };
    },
    getWXContext: () => ({ OPENID: cloud.openid, APPID: 'wx_fake_appid', ENV: 'fake-env' }),
    openapi: {
      subscribeMessage: {
        async send(params) {
          cloud.sent.push(copy(params));
          if (cloud.sendMode === 'network') throw new Error('connect ETIMEDOUT');
          if (typeof cloud.sendMode === 'number') {
            const code = cloud.sendMode;
            // CloudSDKError: errCode plus an errMsg prefixed with the API name.
            throw new SdkError(code, `openapi.subscribeMessage.send:fail ${ERR_MSG[code] ?? 'error'} rid: fake`);
          }
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: {
        async msgSecCheck(params) {
          cloud.secChecks.push(copy(params));
          if (params.version !== 2) throw new SdkError(47001, 'openapi.security.msgSecCheck:fail data format error');
          const content = String(params.content ?? '');
          for (const [word, label] of cloud.risky) {
            if (content.includes(word)) {
              return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'risky', label }, detail: [] };
            }
          }
          return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 }, detail: [] };
        },
        // v2 of the cloud call: camelCase in and out; the verdict comes later as a wxa_media_check push.
        async mediaCheckAsync(params) {
          if (params.version !== 2 || params.mediaType !== 2) throw new SdkError(47001, 'openapi.security.mediaCheckAsync:fail data format error');
          if (typeof params.mediaUrl !== 'string' || !/^https?:\/\//.test(params.mediaUrl)) throw new SdkError(47001, 'openapi.security.mediaCheckAsync:fail invalid media_url');
          if (typeof params.openid !== 'string' || !params.openid) throw new SdkError(40003, 'openapi.security.mediaCheckAsync:fail invalid openid');
          const traceId = `fake-trace-${cloud.mediaChecks.length + 1}`;
          cloud.mediaChecks.push({ ...copy(params), traceId });
          return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId };
        },
      },
    },
  };
  return cloud;
}
