// npm run bench — size and speed, each figure beside what it is compared to, measured in this run.
// Prints a table and writes bench/results.md. BENCH_QUICK=1 uses 10^5 instead of 10^6 cases;
// BENCH_SKIP_BUILD=1 measures the builds already in dist/; BENCH_ONLY=a,b runs only those sections.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { ACTION_NAMES, DEFAULT_SETTINGS, type ActionName } from '../src/contract';
import type { ActionInput } from '../src/contract';
import type { Case, NoticeDoc } from '../src/core/model';
import { decide } from '../src/core/engine';
import { openRename, renameKind, type RenameCase } from '../src/core/kinds/rename';
import { createDiskFiles, createLocalContentCheck, createLocalOpenData, openSqliteStore, type SqliteStore } from '../src/server/adapters/sqlite';
import { auditKeysFrom, sealHistory } from '../src/server/cases/audit';
import { dispatch } from '../src/server/dispatch';
import { signSession } from '../src/server/host/http';
import { DEMO_OWNER_OPENID, demoOpenid, seedDemo } from '../src/server/host/seed';
import { cachedStore } from '../src/server/adapters/cached-store';
import { instrumentStore, type InstrumentedStore, type StoreCounts } from '../test/support/instrumented-store';
import type { Deps } from '../src/server/ports';
import { successCall } from '../test/reliability/fixture';
import { reportsBench } from './bench-reports';
// @ts-expect-error plain ESM helper shared with scripts/size.mjs
import { MAIN, MAIN_BUDGET_KB, packageSizes } from './lib/package-sizes.mjs';

const ROOT = resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const LARGE = QUICK ? 100_000 : 1_000_000;

interface Row {
  what: string;
  value: string;
  compared: string;
  budget: string;
  pass: boolean | null;
}
const rows: Row[] = [];
const row = (what: string, value: string, compared: string, budget: string, pass: boolean | null) => {
  rows.push({ what, value, compared, budget, pass });
  console.log(`  ${pass === null ? '·' : pass ? '✓' : '✗'} ${what}: ${value}  (${compared})`);
};

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** The bench's audit key, in memory: sealing costs what it costs on a deployment. */
const BENCH_KEYS = auditKeysFrom({ bench: randomBytes(32) }, 'bench');

function makeDeps(store: SqliteStore, filesDir: string): Deps {
  return {
    store,
    notifier: { send: async () => ({ ok: true }) },
    content: createLocalContentCheck(),
    files: createDiskFiles(filesDir, 'bench'),
    openData: createLocalOpenData(),
    clock: { now: () => Date.parse('2026-11-24T10:00:00+08:00') },
    ownerOpenid: DEMO_OWNER_OPENID,
    ids: randomUUID,
    audit: BENCH_KEYS,
    media: { submit: async () => ({ traceId: randomUUID() }) },
  };
}

/** Open rename requests made by the pure machine, as rename.submit makes them. */
function renameCase(i: number, groupId: string, subjectId: string, admins: string[], now: number): Case {
  return sealHistory(
    BENCH_KEYS,
    openRename({
      id: `bench_${i}`,
      groupId,
      subjectId,
      nickname: '某某-某部门',
      previous: null,
      requestId: `bench-${i}`,
      groupName: groupId,
      subjectName: subjectId,
      settingsVersion: 1,
      ctx: { now: now + i, settings: DEFAULT_SETTINGS, admins, leaders: [] },
    }),
  ) as Case;
}

function bulkInsert(store: SqliteStore, n: number, make: (i: number) => Case) {
  const chunk = 20_000;
  for (let start = 0; start < n; start += chunk) {
    store.db.transaction(() => {
      for (let i = start; i < Math.min(n, start + chunk); i++) void store.insertCase(make(i));
    })();
  }
}

async function sizes() {
  console.log('\n== weapp packages (production build)');
  const s: Map<string, number> | null = packageSizes(join(ROOT, 'dist/weapp'));
  if (!s) throw new Error('no dist/weapp');
  for (const [name, bytes] of s) {
    const kb = bytes / 1024;
    if (name === MAIN) row('weapp main package', `${kb.toFixed(1)} KB`, `budget ${MAIN_BUDGET_KB} KB; WeChat limit 2048 KB`, `≤ ${MAIN_BUDGET_KB} KB`, kb <= MAIN_BUDGET_KB);
    else row(`weapp subpackage ${name}`, `${kb.toFixed(1)} KB`, 'WeChat limit 2048 KB', '≤ 2048 KB', kb <= 2048);
  }
}

function coldLoad() {
  console.log('\n== cloud function cold load (21 fresh node processes each, taken in turn)');
  const subjects: [string, string][] = [
    ['sdk', "require('wx-server-sdk')"],
    ['api', "require('./cloudfunctions/api/index.js')"],
    ['scheduler', "require('./cloudfunctions/scheduler/index.js')"],
  ];
  const times = new Map<string, number[]>(subjects.map(([name]) => [name, []]));
  // As in WeChat's runtime, which sets TENCENTCLOUD_RUNENV=SCF in every cloud function: without it the
  // SDK's cloud.init (which the bundles call at load) first probes Tencent Cloud's metadata server over
  // HTTP to find out where it runs, some 35 ms here that a deployed function never spends.
  const env = { ...process.env, TENCENTCLOUD_RUNENV: 'SCF' };
  // In turn, the order rotating, so a slow moment of the machine falls on the baseline as on the bundles.
  for (let i = 0; i < 21; i++) {
    for (let k = 0; k < subjects.length; k++) {
      const [name, code] = subjects[(i + k) % subjects.length];
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, env });
      if (r.status !== 0) throw new Error(`cold load failed: ${r.stderr}`);
      times.get(name)!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const sdk = median(times.get('sdk')!);
  for (const fn of ['api', 'scheduler']) {
    const ms = median(times.get(fn)!);
    const ratio = ms / sdk;
    row(`cold load cloudfunctions/${fn}`, `${ms.toFixed(0)} ms median`, `wx-server-sdk alone ${sdk.toFixed(0)} ms; ratio ${ratio.toFixed(2)}×`, '≤ 1.15×', ratio <= 1.15);
  }
}

/** What the code was doing when it called the store: the step itself, delivering notices, or applying the roster effects queued with it. */
function phaseFromStack(): string {
  const stack = new Error().stack ?? '';
  // Roster effects are outbox entries too (applied by the dispatcher), but shown on their own.
  if (/applyEffect/.test(stack)) return 'effects';
  // dispatchNoticeOutbox: a notice's own outbox (publishing's uploads and verdicts), retried by the scheduler alike.
  if (/dispatchOutbox|dispatchNoticeOutbox|\bdeliver\b/.test(stack)) return 'outbox';
  return 'step';
}

const rw = (p?: { reads: number; writes: number }) => (p ? `${p.reads}r/${p.writes}w` : '—');

const describePhase = (p?: { reads: number; writes: number; methods: string[] }) => {
  if (!p) return '—';
  const n = new Map<string, number>();
  for (const m of p.methods) n.set(m, (n.get(m) ?? 0) + 1);
  return [...n].map(([m, k]) => (k > 1 ? `${m}×${k}` : m)).join(' ');
};

async function roundTrips() {
  console.log('\n== store round trips per action (instrumented Store on SQLite, behind the directory cache)');
  const CASE_WRITES = new Set(['insertCase', 'updateCase']);
  let passed = 0;
  for (const action of ACTION_NAMES) {
    const measured: Record<'warm' | 'cold', StoreCounts | null> = { warm: null, cold: null };
    let refused = '';
    let batchSize = 1;
    for (const mode of ['warm', 'cold'] as const) {
      let probe: InstrumentedStore | null = null;
      const s = await successCall(action, {
        wrapStore: (raw) => {
          probe = instrumentStore(raw, phaseFromStack);
          return probe.store;
        },
      });
      // Cold: a new function instance, nothing cached. Warm: the caller has just opened the app
      // (session.whoami) on this instance, as they do before any action.
      s.w.deps.store = cachedStore(probe!.store);
      if (mode === 'warm' && action !== 'invitations.accept') await dispatch(s.w.deps, { action: 'session.whoami', data: {} }, s.openid);
      probe!.reset();
      const r = await dispatch(s.w.deps, { action, data: s.data }, s.openid);
      if (!r.ok) refused = `${r.code} ${r.message}`;
      if (action === 'inbox.decideMany') batchSize = (s.data as { caseIds: string[] }).caseIds.length;
      measured[mode] = probe!.counts();
      s.w.store.close();
    }
    const warm = measured.warm!;
    const step = warm.byPhase.step ?? { reads: 0, writes: 0, methods: [] };
    // A batch decides each case through the one step pipeline on its own: its budget is per case.
    const perCase = action === 'inbox.decideMany' ? Math.max(1, batchSize) : 1;
    const caseWrites = step.methods.filter((m) => CASE_WRITES.has(m)).length / perCase;
    // The budget is for the step; notices and roster effects leave through the case's outbox.
    const [reads, writes] = [step.reads / perCase, step.writes / perCase];
    const pass = !refused && reads <= 2 && writes <= 1 && caseWrites <= 1;
    if (pass) passed++;
    row(
      `round trips ${action}`,
      refused
        ? `refused: ${refused}`
        : `${reads} reads, ${writes} writes warm${perCase > 1 ? ` per case (${perCase} cases)` : ''} (${measured.cold!.byPhase.step?.reads ?? 0} reads cold) + outbox: notices ${rw(warm.byPhase.outbox)}, roster effects ${rw(warm.byPhase.effects)}`,
      `step: ${describePhase(warm.byPhase.step)}; notices: ${describePhase(warm.byPhase.outbox)}; effects: ${describePhase(warm.byPhase.effects)}`,
      '≤ 2 reads, 1 conditional write + outbox',
      pass,
    );
  }
  row('round trips: actions within budget', `${passed} of ${ACTION_NAMES.length}`, 'warm: the caller opened the app on this instance just before', 'all', passed === ACTION_NAMES.length);
  // The rows above call notices.list and notices.get as a member; the publisher's reads carry the counts.
  for (const [label, action, input] of [
    ['notices.list as its publisher (我发布的通知, with counts)', 'notices.list', (_id: string) => ({ scope: 'published' })],
    ['notices.get as its publisher (with counts)', 'notices.get', (noticeId: string) => ({ noticeId })],
  ] as const) {
    let probe: InstrumentedStore | null = null;
    // notices.withdraw's caller is the notice's publisher.
    const s = await successCall('notices.withdraw', {
      wrapStore: (raw) => {
        probe = instrumentStore(raw, phaseFromStack);
        return probe.store;
      },
    });
    s.w.deps.store = cachedStore(probe!.store);
    await dispatch(s.w.deps, { action: 'session.whoami', data: {} }, s.openid);
    probe!.reset();
    const r = await dispatch(s.w.deps, { action, data: input((s.data as { noticeId: string }).noticeId) }, s.openid);
    const step = probe!.counts().byPhase.step ?? { reads: 0, writes: 0, methods: [] };
    const answer = r.ok ? (r.data as { stats?: unknown; items?: { stats?: unknown }[] }) : null;
    const counted = !!answer && (answer.items ? answer.items.length > 0 && answer.items.every((n) => !!n.stats) : !!answer.stats);
    row(`round trips ${label}`, r.ok ? `${step.reads} reads, ${step.writes} writes warm` : `refused: ${r.code}`, `step: ${describePhase(step)}`, '≤ 2 reads, 1 conditional write + outbox', counted && step.reads <= 2 && step.writes <= 1);
    s.w.store.close();
  }
  // The sample publishes without attachments; with one, publishing's outbox records the upload's use
  // and, for an image still under check, looks again for a verdict that came meanwhile.
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  for (const [label, kind] of [
    ['an image still under check', 'pending'],
    ['an image already passed', 'passed'],
    ['a PDF', 'file'],
  ] as const) {
    let probe: InstrumentedStore | null = null;
    const s = await successCall('notices.publish', {
      wrapStore: (raw) => {
        probe = instrumentStore(raw, phaseFromStack);
        return probe.store;
      },
    });
    s.w.deps.store = cachedStore(probe!.store);
    // Held back, as WeChat's verdict arrives minutes later; otherwise the local rule passes it at once.
    if (kind === 'pending') s.w.deps.media = { submit: async () => ({ traceId: 'bench-trace-held' }) };
    const fileId = kind === 'file' ? await s.w.upload(s.personId, Buffer.from('agenda'), { name: 'agenda.pdf', contentType: 'application/pdf' }) : await s.w.upload(s.personId, PNG, { name: 'map.png' });
    await dispatch(s.w.deps, { action: 'session.whoami', data: {} }, s.openid);
    probe!.reset();
    const data = s.data as ActionInput<'notices.publish'>;
    const input = { ...data, body: `${data.body}\n附件：《示意图》（会议室位置）`, attachments: [{ fileId, name: '示意图', description: '会议室位置' }] };
    const r = await dispatch(s.w.deps, { action: 'notices.publish', data: input }, s.openid);
    const { byPhase } = probe!.counts();
    const step = byPhase.step ?? { reads: 0, writes: 0, methods: [] };
    const pending = r.ok && (r.data as { attachments: { pending?: boolean }[] }).attachments[0]?.pending === true;
    row(
      `round trips notices.publish with ${label}`,
      r.ok ? `${step.reads} reads, ${step.writes} writes warm + outbox ${rw(byPhase.outbox)}` : `refused: ${r.code} ${r.message}`,
      `step: ${describePhase(step)}; outbox: ${describePhase(byPhase.outbox)}`,
      '≤ 2 reads, 1 conditional write + outbox',
      r.ok && pending === (kind === 'pending') && step.reads <= 2 && step.writes <= 1,
    );
    s.w.store.close();
  }
}

async function inboxLatency() {
  console.log(`\n== inbox.list latency (dispatch on a SQLite file, ${QUICK ? 'quick: 10^4 and 10^5' : '10^4 and 10^6'} cases)`);
  const sizes = [10_000, LARGE];
  const open = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'qw-bench-inbox-'));
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    const deps = makeDeps(store, dir);
    const now = deps.clock.now();
    await seedDemo(store, now, BENCH_KEYS);
    const started = Date.now();
    // 刘洋 (market admin) has the same 200 open cases at either size, so both answer the same page of
    // 20 and only the size of the table differs; the rest go to 1,000 other admins.
    const every = n / 200;
    bulkInsert(store, n, (i) => (i % every === 0 ? renameCase(i, 'g_market', 'p_huanglei', ['p_liuyang'], now) : renameCase(i, 'g_x', `p_${i % 5000}`, [`admin_${i % 1000}`], now)));
    console.log(`    built ${n} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    open.push({ n, dir, store, deps, t: [] as number[] });
  }
  // Alternate between the two databases, so a slow moment of the machine (GC, another process) falls
  // on both sides alike instead of on whichever size happened to be measured then.
  for (let i = 0; i < 1200; i++) {
    for (const o of i % 2 ? [...open].reverse() : open) {
      const s = process.hrtime.bigint();
      const r = await dispatch(o.deps, { action: 'inbox.list', data: { limit: 20 } }, demoOpenid('p_liuyang'));
      o.t.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (!r.ok) throw new Error(`inbox.list failed: ${r.code}`);
    }
  }
  const results: Record<number, { p50: number; p95: number }> = {};
  for (const o of open) {
    const warm = o.t.slice(200);
    results[o.n] = { p50: median(warm), p95: quantile(warm, 0.95) };
    o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
  const small = results[10_000];
  const big = results[LARGE];
  row('inbox.list p50/p95 at 10^4', `${small.p50.toFixed(2)} / ${small.p95.toFixed(2)} ms`, '—', 'p95 ≤ 5 ms', small.p95 <= 5);
  const ratio = big.p95 / small.p95;
  row(`inbox.list p50/p95 at ${LARGE === 1e6 ? '10^6' : '10^5'}`, `${big.p50.toFixed(2)} / ${big.p95.toFixed(2)} ms`, `p95 ratio to 10^4 (measured alternately): ${ratio.toFixed(2)}`, 'p95 ≤ 5 ms, ratio ≤ 1.5', big.p95 <= 5 && ratio <= 1.5);
}

/** A notice document as notices.publish writes it, owed by `owed` in `groupId`. */
function benchNotice(id: string, groupId: string, owed: string[], publishedAt: number, ackDueAt: number): NoticeDoc {
  return {
    _id: id, kind: 'general', title: `通知 ${id}`, body: `正文 ${id}`, deptId: 'd_market', deptName: '市场部', publisherId: 'p_wangqiang', publisherName: '王强',
    groupIds: [groupId], groupNames: [groupId], attachments: [], norm: `通知${id}正文${id}`, publishedAt, ackDueAt, keyFact: null,
    audience: [{ groupId, personIds: owed }], owed, status: 'active', open: true, wakeAt: null, reminders: 0, cursor: null, finalSent: false,
    requestId: `req-${id}`, version: 0, createdAt: publishedAt, updatedAt: publishedAt,
  };
}

/** Notices at scale (issue: publishing costs constant writes; receipts and 首页's list stay fast; reminders go in chunks). */
async function noticesScale() {
  console.log('\n== notices at scale (dispatch on a SQLite file)');
  const dir = mkdtempSync(join(tmpdir(), 'qw-bench-notices-'));
  const raw = openSqliteStore(join(dir, 'db.sqlite'));
  const probe = instrumentStore(raw);
  const deps = { ...makeDeps(raw, dir), store: probe.store };
  const now = deps.clock.now();
  await seedDemo(raw, now, BENCH_KEYS);
  const call = async (as: string, action: ActionName, data: unknown) => {
    const r = await dispatch(deps, { action, data } as never, demoOpenid(as));
    if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`);
    return r.data as never;
  };
  // 市场部大群: 王强 (head) and 2,000 members.
  const BIG = 2000;
  const members = Array.from({ length: BIG }, (_, i) => `p_big_${i}`);
  raw.db.transaction(() => {
    void raw.insertGroup({ _id: 'g_big', name: '市场部大群', type: 'department', deptId: 'd_market', creatorId: 'p_wangqiang', opengid: null, createdAt: now });
    for (const [i, id] of members.entries()) {
      void raw.insertPerson({ _id: id, openid: null, name: `员工${i}`, deptId: 'd_market', employeeNo: `B${i}`, status: 'active', external: false, createdAt: now });
      void raw.putMembership({ _id: `g_big:${id}`, groupId: 'g_big', personId: id, roles: ['member'], nickname: null, status: 'active', updatedAt: now });
    }
    void raw.putMembership({ _id: 'g_big:p_wangqiang', groupId: 'g_big', personId: 'p_wangqiang', roles: ['member', 'admin'], nickname: null, status: 'active', updatedAt: now });
  })();
  await call('p_wangqiang', 'session.whoami', {});
  probe.reset();
  const n = (await call('p_wangqiang', 'notices.publish', { groupIds: ['g_big'], kind: 'important', title: '年度考核安排', body: '请各位于本周五前完成年度考核自评。', requestId: 'bench-publish-0001' })) as { id: string };
  const publishWrites = probe.counts().writes;
  row('notices.publish to a 2,000-member group: writes', `${publishWrites}`, 'no row per member (the owed list is frozen into the notice)', '1 write', publishWrites === 1);
  raw.db.transaction(() => {
    for (const id of members.slice(0, BIG / 2)) void raw.insertAck({ _id: `${n.id}:${id}`, noticeId: n.id, personId: id, at: now, late: false });
  })();
  const receipts: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = process.hrtime.bigint();
    await call('p_wangqiang', 'notices.receipts', { noticeId: n.id, filter: 'pending', offset: (i % 20) * 50, limit: 50 });
    receipts.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const rw = receipts.slice(50);
  row('notices.receipts, 2,000 members, page of 50', `${median(rw).toFixed(2)} / ${quantile(rw, 0.95).toFixed(2)} ms (p50 / p95)`, 'half acknowledged; counts, names, @-line', 'p95 ≤ 20 ms', quantile(rw, 0.95) <= 20);

  // 我发布的通知: a page of 20 such notices, each with its counts (acknowledgements counted in the store).
  raw.db.transaction(() => {
    for (let k = 1; k < 20; k++) {
      const id = `nt_bench_pub_${k}`;
      void raw.insertNotice(benchNotice(id, 'g_big', members, now - k * 86_400_000, now + 86_400_000));
      for (const [i, m] of members.entries()) if (i % 2 === k % 2) void raw.insertAck({ _id: `${id}:${m}`, noticeId: id, personId: m, at: i % 10 === 0 ? now + 2 * 86_400_000 : now, late: i % 10 === 0 });
    }
    // Two who left: out of every notice's counts.
    for (const m of members.slice(0, 2)) void raw.putMembership({ _id: `g_big:${m}`, groupId: 'g_big', personId: m, roles: ['member'], nickname: null, status: 'left', updatedAt: now });
  })();
  const listed: number[] = [];
  let page: { items: { stats?: { owed: number } }[] } | null = null;
  for (let i = 0; i < 200; i++) {
    const s = process.hrtime.bigint();
    page = await call('p_wangqiang', 'notices.list', { scope: 'published', limit: 20 });
    listed.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const lw = listed.slice(40);
  const counted = page!.items.length === 20 && page!.items.every((x) => x.stats?.owed === BIG - 2);
  row('我发布的通知 with counts: 20 notices × 2,000 members', `${median(lw).toFixed(2)} / ${quantile(lw, 0.95).toFixed(2)} ms (p50 / p95)`, 'half acknowledged each, two leavers; counts from the acknowledgements, no counter', 'p95 ≤ 20 ms', counted && quantile(lw, 0.95) <= 20);

  // 黄磊 in 20 groups of 500 notices each, 90 % of them acknowledged already.
  const GROUPS = 20;
  const PER = 500;
  raw.db.transaction(() => {
    for (let g = 0; g < GROUPS; g++) {
      const gid = `g_n${g}`;
      void raw.insertGroup({ _id: gid, name: `群${g}`, type: 'project', deptId: 'd_market', creatorId: 'p_wangqiang', opengid: null, createdAt: now });
      void raw.putMembership({ _id: `${gid}:p_huanglei`, groupId: gid, personId: 'p_huanglei', roles: ['member'], nickname: null, status: 'active', updatedAt: now });
      for (let k = 0; k < PER; k++) {
        const id = `nt_b_${g}_${k}`;
        const owed = ['p_huanglei', ...members.slice(k % 40, (k % 40) + 49)];
        void raw.insertNotice(benchNotice(id, gid, owed, now - k * 60_000, now + (PER - k) * 3_600_000));
        if ((g * PER + k) % 10 !== 0) void raw.insertAck({ _id: `${id}:p_huanglei`, noticeId: id, personId: 'p_huanglei', at: now, late: false });
      }
    }
  })();
  const mine: number[] = [];
  let pending = 0;
  for (let i = 0; i < 300; i++) {
    const s = process.hrtime.bigint();
    pending = ((await call('p_huanglei', 'notices.list', { scope: 'mine', limit: 20 })) as { pending: number }).pending;
    mine.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  const mw = mine.slice(50);
  row('首页 notices to acknowledge, 20 groups × 500 notices', `${median(mw).toFixed(2)} / ${quantile(mw, 0.95).toFixed(2)} ms (p50 / p95)`, `${pending} still to acknowledge of ${GROUPS * PER + 1}; page of 20 with the count`, 'p95 ≤ 10 ms', quantile(mw, 0.95) <= 10);

  // Reminders: store calls per person reminded, and the wall time of one chunk here.
  const { runNoticeReminders, REMINDER_CHUNK } = await import('../src/server/jobs/notices');
  const stored = (await raw.getNotice(n.id))!;
  await raw.updateNotice({ ...stored, wakeAt: now }, stored.version);
  probe.reset();
  const t0 = process.hrtime.bigint();
  let checks = 0;
  // A budget spent after the first check: one chunk, as a run that reached its time limit does.
  const r = await runNoticeReminders(deps, now, { expired: () => ++checks > 1 });
  const firstChunkMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const calls = probe.counts();
  const perPerson = r.reminded ? (calls.reads + calls.writes) / r.reminded : 0;
  row(
    'notice reminders: one chunk of a 2,000-member notice',
    `${r.reminded} reminded in ${firstChunkMs.toFixed(0)} ms; ${perPerson.toFixed(1)} store calls a person`,
    `chunks of ${REMINDER_CHUNK}, each saved with its cursor; a run stops at its time limit and the next resumes (100 notices × 2,000 = 2,000 chunks)`,
    'one chunk per saved step',
    r.reminded <= REMINDER_CHUNK,
  );
  raw.close();
  rmSync(dir, { recursive: true, force: true });
}

async function startHost(dataDir: string) {
  const port = await freePort();
  // BENCH_HOST_PROF=1 writes the host's CPU profile to /tmp/hostprof (where its time goes under load).
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_HOST_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/hostprof'] : []), '--import', 'tsx', 'src/server/host/main.ts'], {
    cwd: ROOT,
    // The h5 build to serve: QW_DIST's when set (parallel builds keep their own).
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SCHEDULER_INTERVAL_MS: '3600000', STATIC_DIR: join(ROOT, process.env.QW_DIST ?? 'dist', 'h5') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((res, rej) => {
    let log = '';
    const on = (b: Buffer) => {
      log += b;
      if (log.includes(`127.0.0.1:${port}`)) res();
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('exit', () => rej(new Error(log)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.kill('SIGTERM'), child.once('exit', r))) };
}

async function hostThroughput() {
  console.log('\n== local host: rename.approve over loopback (autocannon, 10 connections, 10 s)');
  const N = 60_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'qw-bench-host-'));
  const secret = randomBytes(32).toString('hex');
  writeFileSync(join(dataDir, 'session-secret'), secret);
  const now = Date.now();
  {
    const store = openSqliteStore(join(dataDir, 'qunwu.sqlite'));
    await seedDemo(store, now, BENCH_KEYS);
    bulkInsert(store, N, (i) => renameCase(i, 'g_market', 'p_huanglei', ['p_liuyang'], now));
    store.close();
  }
  // The same conditional update, straight on SQLite, on a copy of that data: the very row the host
  // writes (the approval decided, its history sealed, its outbox filled), decided before the clock starts.
  const rawDir = mkdtempSync(join(tmpdir(), 'qw-bench-raw-'));
  const raw = openSqliteStore(join(rawDir, 'db.sqlite'));
  await seedDemo(raw, now, BENCH_KEYS);
  const RAW_N = 20_000;
  bulkInsert(raw, RAW_N, (i) => renameCase(i, 'g_market', 'p_huanglei', ['p_liuyang'], now));
  const approved: Case[] = [];
  for (let i = 0; i < RAW_N; i++) {
    const c = (await raw.getCase(`bench_${i}`)) as RenameCase;
    const d = decide(renameKind, c, { type: 'approve' }, { id: 'p_liuyang', rolesInGroup: ['member', 'admin'] }, { now, settings: DEFAULT_SETTINGS, admins: [], leaders: [] });
    if (!d.ok) throw new Error(`bench: raw approval refused (${d.code})`);
    approved.push(sealHistory(BENCH_KEYS, d.case));
  }
  const t0 = process.hrtime.bigint();
  let done = 0;
  for (let i = 0; i < RAW_N; i++) {
    const c = (await raw.getCase(`bench_${i}`))!;
    if (await raw.updateCase(approved[i], c.version)) done++;
  }
  if (done !== RAW_N) throw new Error(`bench: ${RAW_N - done} raw updates did not apply`);
  const rawRate = done / (Number(process.hrtime.bigint() - t0) / 1e9);
  raw.close();
  rmSync(rawDir, { recursive: true, force: true });

  const host = await startHost(dataDir);
  let next = 0;
  const result = await autocannon({
    url: `${host.url}/api/api`,
    connections: 10,
    duration: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `qw_session=${signSession(secret, demoOpenid('p_liuyang'))}` },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ action: 'rename.approve', data: { caseId: `bench_${next++ % N}` } }) }) }],
  });
  await host.stop();
  const rate = result.requests.average;
  const p99 = result.latency.p99;
  row('host rename.approve throughput', `${rate.toFixed(0)} req/s, p99 ${p99} ms (${result.non2xx} non-2xx)`, `raw SQLite get + the same conditional update, one transaction each: ${rawRate.toFixed(0)} /s; ratio ${((rate / rawRate) * 100).toFixed(0)} %`, '≥ 30 % of raw, p99 ≤ 50 ms', rate / rawRate >= 0.3 && p99 <= 50);
  rmSync(dataDir, { recursive: true, force: true });
}

async function firstScreen() {
  console.log('\n== h5 first screen in headless chromium (median of 5 cold loads)');
  const dataDir = mkdtempSync(join(tmpdir(), 'qw-bench-h5-'));
  const secret = randomBytes(32).toString('hex');
  writeFileSync(join(dataDir, 'session-secret'), secret);
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await ctx.addCookies([{ name: 'qw_session', value: signSession(secret, demoOpenid('p_huanglei')), url: host.url }]);
    const page = await ctx.newPage();
    const s = Date.now();
    await page.goto(host.url);
    await page.getByText('我的群').waitFor();
    times.push(Date.now() - s);
    await ctx.close();
  }
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  row('h5 first screen (首页 with my groups)', `${median(times)} ms median`, `all runs: ${times.join(', ')} ms`, 'none yet', null);
}

// --- search: 全部事项 (cases.search) at 10^4 and 10^6 cases ---

const BENCH_SURNAMES = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗';
const BENCH_GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚';
const BENCH_CATEGORIES = ['发布广告', '刷屏', '人身攻击', '泄露信息', '无关链接'];
const BENCH_PEOPLE = 2000;
const BENCH_GROUPS = 200;
/** 陈刚's two groups hold the same cases at either size: his answers differ only by the table around them. */
const LEADER_CASES = 2000;
const LEADER_SUBJECTS = ['p_huanglei', 'p_zhengshuang', 'p_machao', 'p_wufang', 'p_zhangwei_m', 'p_hejing'];
const benchName = (i: number) => `${BENCH_SURNAMES[i % 20]}${BENCH_GIVEN[Math.floor(i / 20) % 20]}`;

/** A realistic organisation around the demo: 2,000 people in 200 groups, five groups each. */
async function seedSearchOrg(store: SqliteStore, now: number) {
  store.db.transaction(() => {
    for (let d = 0; d < 10; d++) void store.insertDepartment({ _id: `d_b${d}`, name: `部门${d}`, headId: null });
    for (let g = 0; g < BENCH_GROUPS; g++) void store.insertGroup({ _id: `g_b${g}`, name: `工作群${g}`, type: 'project', deptId: `d_b${g % 10}`, creatorId: 'p_b0', opengid: null, createdAt: 0 });
    for (let i = 0; i < BENCH_PEOPLE; i++) {
      void store.insertPerson({ _id: `p_b${i}`, openid: null, name: benchName(i), deptId: `d_b${i % 10}`, employeeNo: `B${i}`, status: 'active', external: false, createdAt: 0 });
      for (let k = 0; k < 5; k++) {
        const groupId = `g_b${(i + k * 41) % BENCH_GROUPS}`;
        void store.putMembership({ _id: `${groupId}:p_b${i}`, groupId, personId: `p_b${i}`, roles: i % 10 === 0 && k === 0 ? ['member', 'admin'] : ['member'], nickname: `${benchName(i)}-部门${i % 10}`, status: 'active', updatedAt: now });
      }
    }
  })();
}

/**
 * Case i of n, over the two years before `now` (i = n - 1 the newest): half renames, a quarter
 * violations, feedback and emergencies; the newest 3 % still open, deadlines 20 days after opening.
 */
function searchCase(i: number, n: number, now: number): Case {
  const leaders = i % (n / LEADER_CASES) === 0;
  // 陈刚's cases are numbered among themselves, so they mix kinds and groups alike at either size.
  const k = leaders ? i / (n / LEADER_CASES) : i;
  const groupId = leaders ? (k % 2 ? 'g_market' : 'g_projecta') : `g_b${i % BENCH_GROUPS}`;
  const subjectId = leaders ? LEADER_SUBJECTS[k % LEADER_SUBJECTS.length] : `p_b${(i * 7) % BENCH_PEOPLE}`;
  const createdAt = now - Math.round(((n - i) / n) * 730 * 86_400_000);
  const open = i >= n * 0.97;
  const r = k % 20;
  const kind = r < 10 ? 'rename' : r < 15 ? 'violation' : r < 18 ? 'feedback' : 'emergency';
  const name = leaders ? '黄磊' : benchName((i * 7) % BENCH_PEOPLE);
  const state = {
    rename: open ? 'submitted' : r < 8 ? 'approved' : r < 9 ? 'rejected' : 'withdrawn',
    violation: open ? (r === 10 ? 'vio_appealed' : 'vio_decided') : r === 14 ? 'vio_revoked' : 'vio_final',
    feedback: open ? 'fb_triage' : 'fb_resolved',
    emergency: open ? 'em_active' : 'em_closed',
  }[kind];
  const data = {
    rename: { nickname: `${name}-部门${i % 10}`, previous: null },
    violation: { subjectName: name, category: BENCH_CATEGORIES[i % 5], penalty: 'warning' },
    feedback: { category: '建议', text: `希望调整第${i % 50}周例会时间`, seconders: [] },
    emergency: { title: `机房${i % 30}号断电处置`, groupName: '', assignments: [], alerts: {}, images: [], media: {}, ackWithinMinutes: 10, respondWithinMinutes: 60 },
  }[kind];
  const dueAt = kind === 'emergency' && !open ? null : createdAt + (open ? 20 : 3) * 86_400_000;
  return {
    _id: `s${String(i).padStart(7, '0')}`,
    kind,
    groupId,
    subjectId,
    openedBy: kind === 'rename' ? subjectId : `p_b${(i * 13) % BENCH_PEOPLE}`,
    state,
    open,
    assignees: open ? [`p_b${(i * 13) % BENCH_PEOPLE}`] : [],
    dueAt,
    dueAtUnconfirmed: false,
    wakeAt: open ? dueAt : null,
    escalation: 0,
    data,
    history: [{ seq: 1, at: createdAt, by: subjectId, action: 'submit', from: null, to: state, dueAt, prevHash: '', hash: '' }],
    outbox: [],
    version: 1,
    settingsVersion: 1,
    createdAt,
    updatedAt: createdAt,
  } as unknown as Case;
}

async function search() {
  console.log(`\n== cases.search (全部事项) latency (dispatch on a SQLite file behind the directory cache, ${QUICK ? 'quick: 10^4 and 10^5' : '10^4 and 10^6'} cases)`);
  const open: { n: number; dir: string; store: SqliteStore; deps: Deps }[] = [];
  for (const n of [10_000, LARGE]) {
    const dir = mkdtempSync(join(tmpdir(), 'qw-bench-search-'));
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    const deps = { ...makeDeps(store, dir), store: cachedStore(store) };
    const now = deps.clock.now();
    await seedDemo(store, now, BENCH_KEYS);
    await seedSearchOrg(store, now);
    const started = Date.now();
    // One transaction, the store's own rows (columns, side tables, search terms), its indexes built after.
    store.bulkInsertCases((function* () {
      for (let i = 0; i < n; i++) yield searchCase(i, n, now);
    })());
    console.log(`    built ${n} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    open.push({ n, dir, store, deps });
  }
  const month = (days: number) => new Date(open[0].deps.clock.now() - days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  // Every filter the page offers, alone and as the page combines them.
  const combos: [string, ActionInput<'cases.search'>, ActionInput<'cases.search'>][] = [
    ['no filter, newest deadline first', {}, {}],
    ['no filter, oldest deadline first', { order: 'dueAsc' }, { order: 'dueAsc' }],
    ['kind', { kinds: ['violation'] }, { kinds: ['violation'] }],
    ['kind + state', { kinds: ['rename'], states: ['rejected'] }, { kinds: ['rename'], states: ['rejected'] }],
    ['group', { groupId: 'g_projecta' }, { groupId: 'g_b7' }],
    ['period (last 30 days)', { from: month(30) }, { from: month(30) }],
    ['overdue only, oldest first', { overdueOnly: true, order: 'dueAsc' }, { overdueOnly: true, order: 'dueAsc' }],
    ['person (name)', { personQuery: '黄磊' }, { personQuery: '张伟' }],
    ['title text', { text: '广告' }, { text: '广告' }],
    ['group + kind + overdue (e2e)', { groupId: 'g_projecta', kinds: ['violation'], overdueOnly: true, order: 'dueAsc' }, { groupId: 'g_b7', kinds: ['violation'], overdueOnly: true, order: 'dueAsc' }],
    ['kind + state + period + text', { kinds: ['violation'], states: ['vio_final'], from: month(365), text: '刷屏' }, { kinds: ['violation'], states: ['vio_final'], from: month(365), text: '刷屏' }],
  ];
  const callers = [
    ['陈刚 (leader of 2 groups, 2,000 cases)', 'p_chengang', 1],
    ['赵敏 (owner, every case)', 'p_zhaomin', 2],
  ] as const;
  for (const [who, personId, pick] of callers) {
    for (const combo of combos) {
      const data = combo[pick];
      const t: Record<number, number[]> = {};
      let total: Record<number, number> = {};
      for (let i = 0; i < 220; i++) {
        for (const o of i % 2 ? [...open].reverse() : open) {
          const s = process.hrtime.bigint();
          const r = await dispatch(o.deps, { action: 'cases.search', data: { ...data, limit: 20 } }, demoOpenid(personId));
          (t[o.n] ??= []).push(Number(process.hrtime.bigint() - s) / 1e6);
          if (!r.ok) throw new Error(`cases.search ${combo[0]} failed: ${r.code} ${r.message}`);
          total = { ...total, [o.n]: (r.data as { total: number }).total };
        }
      }
      const stat = (n: number) => ({ p50: median(t[n].slice(20)), p95: quantile(t[n].slice(20), 0.95) });
      const small = stat(10_000);
      const big = stat(LARGE);
      row(
        `cases.search ${who}: ${combo[0]}`,
        `${big.p50.toFixed(2)} / ${big.p95.toFixed(2)} ms at ${LARGE === 1e6 ? '10^6' : '10^5'} (${total[LARGE]}${total[LARGE] === 1000 ? '+' : ''} found)`,
        `10^4: ${small.p50.toFixed(2)} / ${small.p95.toFixed(2)} ms; p95 ratio ${(big.p95 / small.p95).toFixed(2)}`,
        'p95 ≤ 20 ms',
        big.p95 <= 20,
      );
    }
  }
  for (const o of open) {
    o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
}

// --- screens: one call per screen (issue 20) ---

/** Api calls a page made, with when each started and was answered (ms since the page was opened). */
interface ApiCall {
  action: string;
  start: number;
  end: number;
}

/** Sequential rounds: a call started after another's answer is one round deeper than it. */
function callDepth(calls: ApiCall[]): number {
  const depth = new Map<ApiCall, number>();
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    const before = calls.filter((o) => o !== c && o.end <= c.start && depth.has(o));
    depth.set(c, 1 + Math.max(0, ...before.map((o) => depth.get(o)!)));
  }
  return Math.max(0, ...depth.values());
}

/** Records every call to the api function a page makes, from the request's body and its answer. */
function watchApi(page: import('playwright-core').Page, t0: () => number): ApiCall[] {
  const calls: ApiCall[] = [];
  const open = new Map<import('playwright-core').Request, ApiCall>();
  page.on('request', (req) => {
    if (!req.url().endsWith('/api/api')) return;
    const call = { action: String((req.postDataJSON() as { action?: string } | null)?.action), start: Date.now() - t0(), end: Infinity };
    open.set(req, call);
    calls.push(call);
  });
  const done = (req: import('playwright-core').Request) => {
    const call = open.get(req);
    if (call) call.end = Date.now() - t0();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return calls;
}

async function screens() {
  console.log('\n== one call per screen: api calls when 首页, 待办, 我的 and a case page open (headless chromium, local host)');
  const dataDir = mkdtempSync(join(tmpdir(), 'qw-bench-screens-'));
  const secret = randomBytes(32).toString('hex');
  writeFileSync(join(dataDir, 'session-secret'), secret);
  const host = await startHost(dataDir);
  const api = async (personId: string, action: ActionName, data: unknown) => {
    const res = await fetch(`${host.url}/api/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `qw_session=${signSession(secret, demoOpenid(personId))}` },
      body: JSON.stringify({ action, data }),
    });
    const r = (await res.json()) as { ok: boolean; data?: { id: string }; message?: string };
    if (!r.ok) throw new Error(`bench: ${action} as ${personId} refused: ${r.message}`);
    return r.data!;
  };
  // Something on every screen: 黄磊's rename (his case, a task in 刘洋's 待办) and a notice he owes.
  const rename = await api('p_huanglei', 'rename.submit', { groupId: 'g_market', nickname: '黄磊-市场部', requestId: 'bench-screens-rename' });
  await api('p_wangqiang', 'notices.publish', { groupIds: ['g_market'], kind: 'important', title: '关于召开季度总结会的通知', body: '各位同事：12月5日（周五）下午三点在三楼会议室召开季度总结会，请准时参加。', requestId: 'bench-screens-notice' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  /** Opens `path` as `personId` in a fresh browser (nothing cached), until `ready` shows and the page is quiet. */
  const open = async (personId: string, path: string, ready: string) => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await ctx.addCookies([{ name: 'qw_session', value: signSession(secret, demoOpenid(personId)), url: host.url }]);
    const page = await ctx.newPage();
    let t0 = 0;
    const calls = watchApi(page, () => t0);
    t0 = Date.now();
    await page.goto(`${host.url}${path}`);
    await page.getByText(ready).first().waitFor();
    const shown = Date.now() - t0;
    // Quiet: no call in flight and none started for a while (a second round would start by then).
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await ctx.close();
    return { calls, shown };
  };
  const opened: [string, string, string, string][] = [
    ['首页', 'p_huanglei', '/pages/home/index', '待确认的通知'],
    ['待办', 'p_liuyang', '/pages/inbox/index', '共 1 项等你处理'],
    ['我的', 'p_liuyang', '/pages/me/index', '微信提醒'],
    ['a case page', 'p_huanglei', `/packages/case/pages/case/index?id=${encodeURIComponent(rename.id)}`, '处理记录'],
  ];
  for (const [name, who, path, ready] of opened) {
    const { calls } = await open(who, path, ready);
    const depth = callDepth(calls);
    row(
      `screen ${name}: api calls when it opens`,
      `${calls.length} call${calls.length === 1 ? '' : 's'}, depth ${depth}: ${calls.map((c) => c.action).join(', ')}`,
      'before issue 20: 首页 6 calls, depth 2 (whoami, then cases.mine and notifications.list, all twice); 我的 2; 待办 1',
      '1 call, depth 1',
      calls.length === 1 && depth === 1,
    );
  }
  // 首页's first screen with its 待确认的通知 section: cold loads, each in a fresh browser context.
  const N = 11;
  const times: number[] = [];
  const shell: number[] = [];
  for (let i = 0; i < N; i++) {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await ctx.addCookies([{ name: 'qw_session', value: signSession(secret, demoOpenid('p_huanglei')), url: host.url }]);
    const page = await ctx.newPage();
    const s = Date.now();
    await page.goto(`${host.url}/pages/home/index`, { waitUntil: 'load' });
    shell.push(Date.now() - s);
    await page.getByTestId('pending-notices').waitFor();
    times.push(Date.now() - s);
    await ctx.close();
  }
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  const ms = median(times);
  row(
    'h5 first screen (首页 with 待确认的通知)',
    `${ms} ms median of ${N}`,
    `of which the app's scripts (load event) ${median(shell)} ms and the rest (page, its one call, drawing) ${median(times.map((t, i) => t - shell[i]))} ms, medians; all runs: ${times.join(', ')} ms`,
    '≤ 500 ms',
    ms <= 500,
  );
}

// --- exports: reports.export at its limit, in a process of its own ---

const EXPORT_CASES = 20_000;
const EXPORT_ENTRIES = 5;

/** A rename of November with five history entries (submitted, three reminders, approved), sealed; every other one with a note. */
function exportCase(i: number): Case {
  const at = Date.parse('2026-11-01T09:00:00+08:00') + Math.floor((i * 29 * 86_400_000) / EXPORT_CASES);
  const base = renameCase(i, 'g_market', i % 2 ? 'p_huanglei' : 'p_zhengshuang', ['p_liuyang'], at - i);
  const extra = Array.from({ length: EXPORT_ENTRIES - 1 }, (_, k) => {
    const last = k === EXPORT_ENTRIES - 2;
    return {
      seq: k + 2,
      at: at + (k + 1) * 3_600_000,
      by: last ? 'p_liuyang' : null,
      action: last ? 'approve' : 'remind',
      from: 'submitted',
      to: last ? 'approved' : 'submitted',
      ...(i % 2 ? { note: last ? '同意，按命名规范修改为 姓名-部门' : `第 ${k + 1} 次提醒管理员处理` } : {}),
      dueAt: null,
      prevHash: '',
      hash: '',
    };
  });
  const lastAt = extra[extra.length - 1].at;
  return sealHistory(BENCH_KEYS, { ...base, state: 'approved', open: false, assignees: [], updatedAt: lastAt, history: [...base.history, ...extra] }) as Case;
}

async function exportsBench() {
  const rowsTotal = EXPORT_CASES * EXPORT_ENTRIES;
  console.log(`\n== reports.export at its limit: ${rowsTotal.toLocaleString('en-US')} history rows (${EXPORT_CASES.toLocaleString('en-US')} cases) on SQLite, bundled like a function and run by plain node`);
  const dir = mkdtempSync(join(tmpdir(), 'qw-bench-export-'));
  const file = join(dir, 'db.sqlite');
  const store = openSqliteStore(file);
  await seedDemo(store, Date.parse('2026-11-24T10:00:00+08:00'), BENCH_KEYS);
  const started = Date.now();
  bulkInsert(store, EXPORT_CASES, exportCase);
  store.close();
  console.log(`    built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { build } = await import('esbuild');
  const outfile = join(ROOT, 'node_modules/.cache/qw-bench/export-bench.cjs');
  await build({ entryPoints: [join(ROOT, 'scripts/lib/export-bench.ts')], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, external: ['better-sqlite3'], logLevel: 'warning' });
  type Run = { ok: boolean; code: string | null; ms: number; cpuMs: number; rows: { cases: number; history: number } | null; baselineRssMb: number; peakRssMb: number; maxRssMb: number; peakHeapMb: number; peakExternalMb: number };
  const exportOnce = (to: string): Run => {
    const r = spawnSync(process.execPath, [outfile, file, join(dir, 'files'), randomBytes(32).toString('hex'), '2026-11-01', to], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`export bench failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Run;
    if (!out.ok) throw new Error(`export refused: ${out.code}`);
    return out;
  };
  const runs = [0, 1, 2].map(() => exportOnce('2026-11-30'));
  if (runs.some((r) => r.rows?.history !== rowsTotal)) throw new Error(`exported ${runs[0].rows?.history} rows, not ${rowsTotal}`);
  // The first week of November: about a quarter of the rows, for where the memory line falls.
  const quarter = exportOnce('2026-11-07');
  rmSync(dir, { recursive: true, force: true });
  const worst = (f: (r: Run) => number) => Math.max(...runs.map(f));
  const ms = median(runs.map((r) => r.ms));
  row(
    'reports.export, 100,000 history rows: time',
    `${(ms / 1000).toFixed(1)} s median of ${runs.length} (${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s; CPU ${runs.map((r) => (r.cpuMs / 1000).toFixed(1)).join(', ')} s)`,
    'read, workbook streamed row by row (xlsx-stream.ts, fflate), SHA-256, stored, recorded; the function times out at 60 s',
    '≤ 60 s (CPU: on this shared machine the wall clock waits its turn)',
    median(runs.map((r) => r.cpuMs)) <= 60_000,
  );
  row(
    'reports.export, 100,000 history rows: memory',
    `peak RSS ${worst((r) => r.maxRssMb).toFixed(0)} MB (heap ${worst((r) => r.peakHeapMb).toFixed(0)} MB, buffers ${worst((r) => r.peakExternalMb).toFixed(0)} MB)`,
    `the process before the call ${runs[0].baselineRssMb.toFixed(0)} MB (SQLite's page cache held to 8 MB: it stands in for the cloud database); a function instance has 256 MB`,
    '≤ 256 MB',
    worst((r) => r.maxRssMb) <= 256,
  );
  row(
    `reports.export, ${quarter.rows!.history.toLocaleString('en-US')} history rows`,
    `${(quarter.ms / 1000).toFixed(1)} s (CPU ${(quarter.cpuMs / 1000).toFixed(1)} s), peak RSS ${quarter.maxRssMb.toFixed(0)} MB`,
    'the first week of the same month: where the memory line falls',
    '≤ 256 MB',
    quarter.maxRssMb <= 256,
  );
}

/** Reports (issue 17): each figure of reports.overview at 10^4 and 10^6 cases (scripts/bench-reports.ts). */
const reports = () => reportsBench({ row, quantile, makeDeps, large: LARGE });

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    run('npm', ['run', '-s', 'build:weapp']);
    run('npm', ['run', '-s', 'build:cloud']);
    run('npm', ['run', '-s', 'build:h5']);
  }
  // BENCH_ONLY=roundTrips,hostThroughput runs just those sections (while working on one figure).
  const only = process.env.BENCH_ONLY?.split(',');
  // The wall-clock sections first, before the 10^6-case sections leave big files and a busy page cache behind.
  const sections: Record<string, () => unknown> = { sizes, coldLoad, firstScreen, screens, roundTrips, inboxLatency, search, noticesScale, hostThroughput, exports: exportsBench, reports };
  for (const [name, fn] of Object.entries(sections)) if (!only || only.includes(name)) await fn();

  const md = [
    `# npm run bench — ${new Date().toISOString()}${QUICK ? ' (BENCH_QUICK)' : ''}`,
    '',
    '| | what | measured | compared with | budget |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.pass === null ? '·' : r.pass ? '✓' : '✗'} | ${r.what} | ${r.value} | ${r.compared} | ${r.budget} |`),
    '',
  ].join('\n');
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.md'), md);
  console.log(`\n${md}\n(also written to bench/results.md)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
