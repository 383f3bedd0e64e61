// npm run bench, section reports: each figure of reports.overview over 10^4 and 10^6 cases on a SQLite
// file, for the owner (every group) over 12 months, and the whole action through dispatch.
// The organisation is the same at both sizes (5,000 people, 200 groups, 5 years of notices and monthly
// backups); only the cases differ, spread over the same 5 years, so a 12-month period holds ~1/5 of them.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type CaseKind } from '../src/contract';
import type { BackupDoc, Case, HistoryEntry, NoticeDoc } from '../src/core/model';
import { dayOfDate, reportFacts } from '../src/core/report-facts';
import { openSqliteStore, type SqliteStore } from '../src/server/adapters/sqlite';
import { columnFields, col, ensureCollection } from '../src/server/adapters/sqlite/schema';
import { caseToDoc, indexesOf, NO_DEADLINE } from '../src/server/collections';
import { kinds } from '../src/server/cases/kinds';
import { termsOfTitle } from '../src/server/cases/search-terms';
import { dispatch } from '../src/server/dispatch';
import { bucketsOf } from '../src/server/handlers/reports';
import { DEMO_OWNER_OPENID } from '../src/server/host/seed';
import { REPORT_FIGURES, type Deps, type ReportFigure } from '../src/server/ports';

type RowFn = (what: string, value: string, compared: string, budget: string, pass: boolean | null) => void;
interface Kit {
  row: RowFn;
  quantile(xs: number[], q: number): number;
  /** The bench's deps on a store (clock at 2026-11-24 10:00 Shanghai, owner = the demo owner). */
  makeDeps(store: SqliteStore, dir: string): Deps;
  large: number;
}

const DAY = 86_400_000;
const GROUPS = 200;
const PEOPLE = 5_000;
const YEARS = 5;
const BUDGET_MS = 200;
/** The whole action before its backed-up days were counted from merged periods (commit b61f7d3, this section, 2026-12-02 on the shared 2-core machine). */
const WHOLE_BEFORE = 'before (b61f7d3, every backed-up day listed): 468.9 / 997.0 ms p50 / p95';

/** A small deterministic generator, so both sizes and every run build the same organisation. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: [CaseKind, number][] = [
  ['rename', 0.35],
  ['naming_fix', 0.1],
  ['onboard', 0.1],
  ['offboard', 0.05],
  ['guest', 0.05],
  ['record_access', 0.05],
  ['backup_due', 0.05],
  ['violation', 0.15],
  ['feedback', 0.1],
];

function pickKind(r: number): CaseKind {
  let acc = 0;
  for (const [k, p] of KINDS) if (r < (acc += p)) return k;
  return 'rename';
}

const h = (seq: number, at: number, by: string | null, action: string, to: string, dueAt: number | null = null): HistoryEntry => ({ seq, at, by, action, from: null, to, dueAt, prevHash: '', hash: '' });

/** A case as the steps leave it: opened, then (nine in ten) decided and closed within five days. */
function benchCase(i: number, rnd: () => number, start: number, span: number): Case {
  const kind = pickKind(rnd());
  const createdAt = start + Math.floor(rnd() * span);
  const groupId = `g_r${i % GROUPS}`;
  const subjectId = `p_r${Math.floor(rnd() * PEOPLE)}`;
  const closed = rnd() < 0.9;
  const decidedAt = createdAt + Math.floor(rnd() * 5 * DAY);
  const dueAt = createdAt + 2 * DAY;
  const history = [h(1, createdAt, subjectId, kind === 'violation' ? 'decide' : 'submit', 'opened', closed ? null : dueAt)];
  // What each kind's list title reads (the search terms are computed from it).
  let data: Record<string, unknown> = { nickname: '某某-某部门', groupName: groupId, subjectName: subjectId, instruction: '请在群内完成操作', guestName: '访客', organisation: '某公司', endDate: '2026-12-31', from: '2026-01-01', to: '2026-01-31', category: '建议', text: '希望调整例会时间' };
  if (kind === 'violation') {
    const categories = DEFAULT_SETTINGS.violation.categories;
    const appealed = rnd() < 0.3;
    const outcome = ['uphold', 'reduce', 'revoke'][Math.floor(rnd() * 3)];
    data = {
      ...data,
      category: categories[Math.floor(rnd() * categories.length)],
      step: ['warning', 'removal', 'referral'][Math.floor(rnd() * 3)],
      appeal: appealed ? { at: createdAt + DAY, reasons: '', evidence: [], reviewers: [] } : null,
      answer: appealed ? { outcome, at: createdAt + 2 * DAY } : null,
      ruling: appealed && rnd() < 0.2 ? { outcome, at: createdAt + 4 * DAY } : null,
    };
    if (closed) history.push(h(2, decidedAt, null, 'finalize', 'vio_final'));
  } else if (closed) history.push(h(2, decidedAt, 'p_r0', rnd() < 0.1 ? 'withdraw' : 'approve', 'approved'));
  return {
    _id: `rc_${String(i).padStart(7, '0')}`,
    kind,
    groupId,
    subjectId,
    openedBy: subjectId,
    state: closed ? 'approved' : 'opened',
    open: !closed,
    assignees: closed ? [] : [`p_r${i % PEOPLE}`],
    dueAt: closed ? null : dueAt,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    data,
    history,
    outbox: [],
    version: history.length,
    settingsVersion: 1,
    createdAt,
    updatedAt: history[history.length - 1].at,
  };
}

/** The organisation (people, groups, memberships, notices with acknowledgements, monthly backups), through the store, in one transaction. */
function buildOrg(store: SqliteStore, now: number) {
  const start = now - YEARS * 365 * DAY;
  store.db.transaction(() => {
    void store.insertDepartment({ _id: 'd_r', name: '业务部', headId: null });
    for (let p = 0; p < PEOPLE; p++) void store.insertPerson({ _id: `p_r${p}`, openid: null, name: `员工${p}`, deptId: 'd_r', employeeNo: `R${p}`, status: 'active', external: false, createdAt: start });
    for (let g = 0; g < GROUPS; g++) {
      void store.insertGroup({ _id: `g_r${g}`, name: `业务群${String(g).padStart(3, '0')}`, type: 'project', deptId: 'd_r', creatorId: 'p_r0', opengid: null, createdAt: start });
      // 100 members a group, a person in four groups: 20,000 memberships; one in ten nicknames off the rule.
      for (let k = 0; k < 100; k++) {
        const p = (g * 25 + k * 50) % PEOPLE;
        void store.putMembership({ _id: `g_r${g}:p_r${p}`, groupId: `g_r${g}`, personId: `p_r${p}`, roles: k === 0 ? ['member', 'admin'] : ['member'], nickname: k % 10 === 0 ? '昵称' : `员工${p}-业务部`, status: 'active', updatedAt: start });
      }
      // A backup a month for five years.
      for (let m = 0; m < YEARS * 12; m++) {
        const from = new Date(start + m * 30 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
        const to = new Date(start + (m * 30 + 29) * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
        const b: BackupDoc = { _id: `b_r${g}_${m}`, groupId: `g_r${g}`, from, to, storage: 'local', fileId: null, fileName: null, size: null, location: '档案柜', sha256: null, madeBy: 'p_r0', registeredBy: 'p_r0', requestId: `rb${g}_${m}`, lastVerify: null, history: [], version: 1, createdAt: start, updatedAt: start };
        void store.insertBackup(b);
      }
      // A notice a month to each group over the last two years, 20 owed, 15 acknowledged in time, 2 late.
      for (let k = 0; k < 24; k++) {
        const publishedAt = now - (k + 1) * 30 * DAY;
        const owed = Array.from({ length: 20 }, (_, j) => `p_r${(g * 25 + j * 50) % PEOPLE}`);
        const id = `n_r${g}_${k}`;
        const nd: NoticeDoc = {
          _id: id, kind: 'general', title: `通知${k}`, body: '正文', deptId: 'd_r', deptName: '业务部', publisherId: 'p_r0', publisherName: '员工0', groupIds: [`g_r${g}`], groupNames: [`业务群${g}`], attachments: [], norm: `通知${id}`,
          publishedAt, ackDueAt: publishedAt + 3 * DAY, keyFact: null, audience: [{ groupId: `g_r${g}`, personIds: owed }], owed, status: 'active', open: false, wakeAt: null, reminders: 0, cursor: null, finalSent: true,
          requestId: `rn${id}`, version: 0, createdAt: publishedAt, updatedAt: publishedAt,
        };
        void store.insertNotice(nd);
        owed.slice(0, 17).forEach((p, j) => void store.insertAck({ _id: `${id}:${p}`, noticeId: id, personId: p, at: publishedAt + (j < 15 ? DAY : 4 * DAY), late: j >= 15 }));
      }
    }
  })();
}

/**
 * n cases in one transaction, as insertCase stores them (caseToDoc: the document with its index
 * columns and report facts), with the table's indexes built once after the rows rather than row by
 * row (~1 ms a row with the case table's 20 indexes; 10^6 rows would take a quarter of an hour).
 * caseToDoc's search terms are memoised by title (most of its time, and titles repeat); the first
 * rows are checked equal to caseToDoc's own documents. The build runs without fsync, with a
 * 1 GB page cache, the file memory-mapped and in-memory sorts, so each CREATE INDEX sorts in memory instead of spilling
 * to temporary files; the store's own settings are put back after.
 * The inbox's and search's side tables, which no figure reads, are left empty.
 */
function bulkCases(store: SqliteStore, n: number, now: number) {
  const rnd = prng(29);
  const start = now - YEARS * 365 * DAY;
  const { db } = store;
  const plain = indexesOf('cases').filter((ix) => !ix.arrayField);
  for (const ix of plain) db.exec(`DROP INDEX IF EXISTS cases__${ix.name}`);
  const fields = columnFields('cases');
  const insert = db.prepare(`INSERT INTO cases (_id, doc, ${fields.map(col).join(', ')}) VALUES (${['?', '?', ...fields.map(() => '?')].join(', ')})`);
  const value = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'object' ? JSON.stringify(v) : v);
  const termsBy = new Map<string, string[]>();
  // caseToDoc's document, built on the case object itself: its object spreads were most of the time.
  const toDoc = (c: Case): Record<string, unknown> => {
    const title = kinds[c.kind].title(c);
    let terms = termsBy.get(title);
    if (!terms) termsBy.set(title, (terms = termsOfTitle(title)));
    return Object.assign(c, { dueKey: c.dueAt ?? NO_DEADLINE, outboxSize: c.outbox.length, searchDue: c.dueAt ?? c.createdAt, terms }, reportFacts(c)) as unknown as Record<string, unknown>;
  };
  const pragmas = ['synchronous', 'cache_size', 'temp_store', 'mmap_size'].map((p) => [p, db.pragma(p, { simple: true })] as const);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 4294967296');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const c = benchCase(i, rnd, start, now - start);
      const expected = i < 2_000 ? JSON.stringify(caseToDoc(c)) : null;
      const doc = toDoc(c);
      const json = JSON.stringify(doc);
      if (expected !== null && json !== expected) throw new Error(`bench case ${i}: not the document caseToDoc writes`);
      insert.run(doc._id, json, ...fields.map((f) => value(doc[f])));
    }
  })();
  ensureCollection(db, 'cases');
  db.exec('ANALYZE');
  for (const [p, v] of pragmas) db.pragma(`${p} = ${v}`);
}

export async function reportsBench(kit: Kit): Promise<void> {
  const { row, quantile, makeDeps, large } = kit;
  const label = (n: number) => (n === 1e6 ? '10^6' : n === 1e5 ? '10^5' : '10^4');
  console.log(`\n== reports (reports.overview's figures on a SQLite file, owner, 12 months by month; ${label(10_000)} and ${label(large)} cases over ${YEARS} years, ${GROUPS} groups, ${PEOPLE} people)`);
  interface Opened {
    n: number;
    dir: string;
    store: SqliteStore;
    deps: Deps;
    t: Map<string, number[]>;
  }
  const open: Opened[] = [];
  // The organisation once, copied for each size.
  const orgDir = mkdtempSync(join(tmpdir(), 'qw-bench-reports-org-'));
  {
    const org = openSqliteStore(join(orgDir, 'db.sqlite'));
    const started = Date.now();
    buildOrg(org, makeDeps(org, orgDir).clock.now());
    org.db.pragma('wal_checkpoint(TRUNCATE)');
    org.close();
    console.log(`    built the organisation in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const n of [10_000, large]) {
    const dir = mkdtempSync(join(tmpdir(), 'qw-bench-reports-'));
    copyFileSync(join(orgDir, 'db.sqlite'), join(dir, 'db.sqlite'));
    const store = openSqliteStore(join(dir, 'db.sqlite'));
    const deps = makeDeps(store, dir);
    const started = Date.now();
    bulkCases(store, n, deps.clock.now());
    console.log(`    built ${n} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (one transaction, indexes after)`);
    open.push({ n, dir, store, deps, t: new Map<string, number[]>() });
  }
  rmSync(orgDir, { recursive: true, force: true });
  const now = open[0].deps.clock.now();
  // 2025-12-01 … 2026-11-30: the longest period a month report takes.
  const months = bucketsOf('month', '2025-12-01', '2026-11-30');
  if ('ok' in months) throw new Error(months.message);
  const q = { scope: { all: true, groupIds: [], deptIds: [] }, fromDay: dayOfDate('2025-12-01'), toDay: dayOfDate('2026-11-30'), now, buckets: months.map((b) => ({ fromDay: b.fromDay, toDay: b.toDay })), snapshotDays: months.map((b) => b.toDay) };
  const subjects: [string, (o: Opened) => Promise<unknown>][] = [
    ...REPORT_FIGURES.map((f): [string, (o: Opened) => Promise<unknown>] => [f, (o) => o.store.getReport({ ...q, figures: [f as ReportFigure] })]),
    // Every figure in the one store call the action makes: what of the whole action is the store's.
    ['reports.overview store reads (every figure, one call)', (o) => o.store.getReport(q)],
    [
      'reports.overview (whole action)',
      async (o) => {
        const r = await dispatch(o.deps, { action: 'reports.overview', data: { from: '2025-12-01', to: '2026-11-30', bucket: 'month' } }, DEMO_OWNER_OPENID);
        if (!r.ok) throw new Error(`reports.overview: ${r.code} ${r.message}`);
      },
    ],
  ];
  const RUNS = 25;
  // Alternate sizes and figures, so a slow moment of the machine falls on all of them alike.
  for (let i = 0; i < RUNS; i++) {
    for (const o of i % 2 ? [...open].reverse() : open) {
      for (const [name, fn] of subjects) {
        const s = process.hrtime.bigint();
        await fn(o);
        const ms = Number(process.hrtime.bigint() - s) / 1e6;
        if (!o.t.has(name)) o.t.set(name, []);
        o.t.get(name)!.push(ms);
      }
    }
  }
  const [small, big] = open;
  for (const [name] of subjects) {
    const warm = (o: Opened) => o.t.get(name)!.slice(3);
    const p95s = quantile(warm(small), 0.95);
    const p95b = quantile(warm(big), 0.95);
    const p50b = quantile(warm(big), 0.5);
    const whole = name.startsWith('reports.');
    const action = name === 'reports.overview (whole action)';
    row(
      `reports ${whole ? name : `figure ${name}`} at ${label(large)}`,
      `${p50b.toFixed(1)} / ${p95b.toFixed(1)} ms (p50 / p95)`,
      `p95 at 10^4 ${p95s.toFixed(1)} ms; ratio ${(p95b / p95s).toFixed(1)}× for ${(large / 10_000).toFixed(0)}× the cases${action ? `; ${WHOLE_BEFORE}` : ' (an aggregate grows with the rows in the period)'}`,
      action ? `aim p95 ≤ ${BUDGET_MS} ms` : whole ? 'none (the sum of the figures)' : `p95 ≤ ${BUDGET_MS} ms`,
      whole && !action ? null : p95b <= BUDGET_MS,
    );
  }
  for (const o of open) {
    o.store.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
}
