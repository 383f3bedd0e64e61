// Two taps on 导出 at once (the same requestId, a retried call while the first still runs): both
// build a workbook, the database lets one record it, and both callers get that one export — its
// record, its file, its checksums — while the other file is removed from storage.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { ExportResult } from '../../src/contract';
import { fileMarketRename, makeWorld, requestId } from '../server/harness';

const TRIALS = 25;

it(`should settle ${TRIALS} double exports on one requestId to one record and one stored file each`, async () => {
  const w = await makeWorld();
  await fileMarketRename(w);
  const files = w.deps.files;
  let built = 0;
  w.deps.files = { ...files, put: (f) => (built++, files.put(f)) };
  let lost = 0;
  const store = w.deps.store;
  w.deps.store = Object.assign(Object.create(Object.getPrototypeOf(store)), store, {
    insertExport: async (...a: Parameters<typeof store.insertExport>) => {
      const won = await store.insertExport(...a);
      if (!won) lost++;
      return won;
    },
  });
  const xlsxFiles = () => readdirSync(w.filesDir).filter((f) => !f.endsWith('.json')).length;
  const before = xlsxFiles();

  for (let i = 0; i < TRIALS; i++) {
    const data = { from: '2026-11-01', to: '2026-11-30', requestId: requestId() };
    const answers = await Promise.all([1, 2, 3].map(() => w.call('p_liuyang', 'reports.export', data)));
    const ok = answers.map((r) => {
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      return r.data as ExportResult;
    });
    expect(new Set(ok.map((r) => r.id)).size).toBe(1);
    expect(new Set(ok.map((r) => r.fileSha256)).size).toBe(1);
    expect(ok.filter((r) => !r.repeated)).toHaveLength(1);
    const record = (await w.store.getExport(ok[0].id))!;
    const bytes = (await w.files.read(record.fileId))!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record.fileSha256);
  }
  expect((await w.store.listExports({ offset: 0, limit: 50 })).total).toBe(TRIALS);
  // Every losing build's file is gone: one file per export.
  expect(xlsxFiles() - before).toBe(TRIALS);
  // The trials really raced: more workbooks were built than recorded, and inserts lost.
  expect(built).toBeGreaterThan(TRIALS);
  expect(lost).toBe(built - TRIALS);
}, 120_000);
