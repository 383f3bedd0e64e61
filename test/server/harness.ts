// An in-process world: the demo organisation on an in-memory SQLite store, a clock the test
// moves, a notifier the test can break, and `call` doing exactly what the cloud function does.
import { randomBytes, randomUUID } from 'node:crypto';
import type { ActionInput, ActionName, ActionResult, CaseKind, CaseView, CaseViewOf, Result } from '../../src/contract';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskFiles, createLocalContentCheck, createLocalMediaCheck, createLocalOpenData, openSqliteStore } from '../../src/server/adapters/sqlite';
import { auditKeysFrom } from '../../src/server/cases/audit';
import { receiveMediaVerdict } from '../../src/server/handlers/media-verdict';
import { recordUpload } from '../../src/server/reads/files';
import { currentSettings, forgetCurrentSettings } from '../../src/server/reads/settings';
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
  /** The hourly request and upload limits out of the way: for tests that file hundreds of requests at one moment on purpose. */
  liftLimits?: true;
}

export async function makeWorld(opts: WorldOptions = {}) {
  const store = openSqliteStore(':memory:');
  // A key made for this world, in memory: no key file on disk.
  const audit = auditKeysFrom({ 'test-1': randomBytes(32) }, 'test-1');
  await seedDemo(store, T0, audit);
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
    audit,
    // The local image rule answers before submit returns: a verdict always beats its record here.
    media: createLocalMediaCheck({
      read: (fileId) => files.read(fileId),
      name: (fileId) => files.meta(fileId)?.name ?? null,
      deliver: (push) => receiveMediaVerdict(deps, push),
      delay: 'now',
    }),
  };
  if (opts.liftLimits) {
    const cur = await currentSettings(deps.store);
    const limits = { requestsPerHour: 1e6, uploadsPerHour: 1e6, remindersPerHour: 1e6 };
    await deps.store.insertSettings({ _id: `v${cur.version + 1}`, version: cur.version + 1, values: { ...cur.values, limits }, updatedAt: T0, updatedBy: null });
    forgetCurrentSettings(deps.store);
  }
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
  /** Store a file and record it as `personId`'s upload, as the local host's upload endpoint does. */
  async function upload(personId: string, bytes: Buffer, meta: { name: string; contentType?: string } = { name: 'file.txt' }): Promise<string> {
    const fileId = files.save(bytes, { name: meta.name, contentType: meta.contentType ?? 'application/octet-stream', uploadedBy: personId, uploadedAt: clock.t });
    const r = await recordUpload(deps, { personId, openid: demoOpenid(personId) }, fileId, meta, clock.t);
    if ('ok' in r) throw new Error(`upload as ${personId} refused: ${r.code} ${r.message}`);
    return fileId;
  }
  /** Row counts of everything a write could touch, to prove a refusal wrote nothing. */
  function footprint() {
    const db = store.db;
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    const versions = db.prepare('SELECT * FROM cases').all();
    return { counts: Object.fromEntries(tables.map((t) => [t, count(t)])), cases: JSON.stringify(versions) };
  }
  return { store, deps, clock, notifier, files, filesDir, call, okCall, footprint, upload, audit };
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
