// One reports.export in a process of its own, as a cloud function instance runs it: npm run bench
// (section exports) bundles this with esbuild like the functions, runs it with plain node on a
// SQLite file it prepared, and reads back one JSON line: time, and peak memory against 256 MB.
// argv: <database file> <files dir> <audit key hex> <from> <to>
import { randomUUID } from 'node:crypto';
import { createDiskFiles, createLocalContentCheck, createLocalOpenData, openSqliteStore } from '../../src/server/adapters/sqlite';
import { auditKeysFrom } from '../../src/server/cases/audit';
import { dispatch } from '../../src/server/dispatch';
import { DEMO_OWNER_OPENID } from '../../src/server/host/seed';
import type { Deps } from '../../src/server/ports';

const [dbFile, filesDir, keyHex, from, to] = process.argv.slice(2);
const MB = 1024 * 1024;

async function main() {
  const store = openSqliteStore(dbFile);
  // SQLite stands in for the cloud database, whose memory is not the function's: a small page cache here (the host's is 64 MB).
  store.db.pragma('cache_size = -8192');
  const deps: Deps = {
    store,
    notifier: { send: async () => ({ ok: true }) },
    content: createLocalContentCheck(),
    files: createDiskFiles(filesDir, 'bench'),
    openData: createLocalOpenData(),
    clock: { now: () => Date.parse('2026-12-01T10:00:00+08:00') },
    ownerOpenid: DEMO_OWNER_OPENID,
    ids: randomUUID,
    audit: auditKeysFrom({ bench: Buffer.from(keyHex, 'hex') }, 'bench'),
    media: { submit: async () => ({ traceId: randomUUID() }) },
  };
  const baseline = process.memoryUsage();
  const peak = { rss: baseline.rss, heapUsed: baseline.heapUsed, external: baseline.external };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  const timer = setInterval(sample, 5);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const r = await dispatch(deps, { action: 'reports.export', data: { from, to, requestId: `bench-${randomUUID()}` } }, DEMO_OWNER_OPENID);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  const out = {
    ok: r.ok,
    code: r.ok ? null : r.code,
    ms,
    // On a shared machine the wall clock waits for the CPU: what the export itself took of it.
    cpuMs: (used.user + used.system) / 1000,
    rows: r.ok ? (r.data as { rows: unknown }).rows : null,
    baselineRssMb: baseline.rss / MB,
    peakRssMb: peak.rss / MB,
    // The kernel's high-water mark of the whole process (what a 256 MB instance is held to).
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peak.heapUsed / MB,
    peakExternalMb: peak.external / MB,
  };
  store.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
