// An in-process world: the demo organisation on an in-memory SQLite store, a clock the test
// moves, a notifier the test can break, and `call` doing exactly what the cloud function does.
import { randomUUID } from 'node:crypto';
import type { ActionInput, ActionName, ActionResult, CaseKind, CaseView, CaseViewOf, Result } from '../../src/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskFiles, createLocalContentCheck, createLocalOpenData, openSqliteStore } from '../../src/server/adapters/sqlite';
import { cachedStore } from '../../src/server/adapters/cached-store';
import { dispatch } from '../../src/server/dispatch';
import type { Deps, SendResult, Store, SubscriptionMessage } from '../../src/server/ports';
import { DEMO_OWNER_OPENID, demoOpenid, seedDemo } from '../../src/server/host/seed';

export const T0 = Date.parse('2026-11-24T10:00:00+08:00'); // Tuesday

export class TestNotifier {
  sent: SubscriptionMessage[] = [];
  mode: 'ok' | 'throw' | 'no-grant' = 'ok';
  async send(msg: SubscriptionMessage): Promise<SendResult> {
    if (this.mode === 'throw') throw new Error('network down');
    if (this.mode === 'no-grant') return { ok: false, errCode: 43101, errMsg: 'user refuse to accept the msg' };
    this.sent.push(msg);
    return { ok: true };
  }
}

export interface WorldOptions {
  /** Wraps the raw store before the directory cache goes on (the bench counts round trips here). */
  wrapStore?: (s: Store) => Store;
}

export async function makeWorld(opts: WorldOptions = {}) {
  const store = openSqliteStore(':memory:');
  await seedDemo(store, T0);
  const clock = { t: T0, now: () => clock.t };
  const notifier = new TestNotifier();
  const filesDir = mkdtempSync(join(tmpdir(), 'qunwu-files-'));
  const files = createDiskFiles(filesDir, 'test-secret');
  const deps: Deps = {
    // As deployed: directory reads cached. Tests that change the directory behind its back use `store`.
    store: cachedStore(opts.wrapStore ? opts.wrapStore(store) : store),
    notifier,
    content: createLocalContentCheck(),
    files,
    openData: createLocalOpenData(),
    clock,
    ownerOpenid: DEMO_OWNER_OPENID,
    ids: randomUUID,
  };
  /** Act as a demo person (by person id), or pass `{ openid }` for a raw identity. */
  async function call<A extends ActionName>(as: string | { openid: string | null }, action: A, data: ActionInput<A>): Promise<Result<ActionResult<A>>> {
    const openid = typeof as === 'string' ? demoOpenid(as) : as.openid;
    return dispatch(deps, { action, data }, openid) as Promise<Result<ActionResult<A>>>;
  }
  async function okCall<A extends ActionName>(as: string, action: A, data: ActionInput<A>): Promise<ActionResult<A>> {
    const r = await call(as, action, data);
    if (!r.ok) throw new Error(`${action} as ${as} failed: ${r.code} ${r.message}`);
    return r.data;
  }
  /** Row counts of everything a write could touch, to prove a refusal wrote nothing. */
  function footprint() {
    const db = store.db;
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    const versions = db.prepare('SELECT * FROM cases').all();
    return { counts: Object.fromEntries(tables.map((t) => [t, count(t)])), cases: JSON.stringify(versions) };
  }
  return { store, deps, clock, notifier, files, filesDir, call, okCall, footprint };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;

let seq = 0;
export const requestId = () => `req-${Date.now().toString(36)}-${(seq++).toString(36)}-abcdef`;

/** 黄磊 (market group member, non-compliant nickname '磊磊') files a rename; 刘洋 is the only admin. */
export async function fileMarketRename(w: World, nickname = '黄磊-市场部') {
  return w.okCall('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname, requestId: requestId() });
}

/** A case view narrowed to its kind: fails the test when it is of another kind. */
export function viewAs<K extends CaseKind>(v: CaseView, kind: K): CaseViewOf<K> {
  if (v.kind !== kind) throw new Error(`expected a ${kind} case, got ${v.kind}`);
  return v as CaseViewOf<K>;
}
