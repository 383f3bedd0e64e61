// Audited exports (reports.export, reports.exports, reports.verifyExport): the workbook read back by
// a reader other than the writer (exceljs), its checksum recomputed from what was read, the filters,
// the scope of every role, the sealed record and the owner's log, a retried requestId, the limit, and
// verifying a file or checksum later.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DEFAULT_SETTINGS, EXPORT_HISTORY_ROWS_MAX, type ExportResult } from '../../src/contract';
import { makeCase } from './store.contract';
import { fileMarketRename, makeWorld, requestId, T0, type World } from './harness';

const HOUR = 3_600_000;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The bytes behind the answer's link, as the local host would serve them (a genuine, unexpired link). */
async function download(w: World, r: ExportResult): Promise<Buffer> {
  const u = new URL(r.url, 'http://host.invalid');
  const v = w.files.verifyLink(u.pathname.replace('/files/', ''), u.searchParams.get('exp'), u.searchParams.get('sig'), w.clock.t);
  if (!v.ok) throw new Error(`link refused: ${v.reason}`);
  return (await w.files.read(v.fileId))!;
}

type Cell = string | number | Date | null;
interface ReadBack {
  names: string[];
  /** Each sheet's rows, header first, as many cells as the header has. */
  rows: Record<string, Cell[][]>;
  book: ExcelJS.Workbook;
}

async function readBack(bytes: Buffer): Promise<ReadBack> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const rows: Record<string, Cell[][]> = {};
  for (const ws of book.worksheets) {
    const width = ws.getRow(1).cellCount;
    const out: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: Cell[] = [];
      for (let i = 1; i <= width; i++) {
        const v = row.getCell(i).value as unknown;
        cells.push(v === undefined || v === null ? null : v instanceof Date || typeof v === 'number' || typeof v === 'string' ? v : String(v));
      }
      out.push(cells);
    });
    rows[ws.name] = out;
  }
  return { names: book.worksheets.map((ws) => ws.name), rows, book };
}

/** The checksum as the 说明 sheet defines it, recomputed here from what the reader gave back. */
function recomputeChecksum(rb: ReadBack): string {
  const h = createHash('sha256');
  for (const name of ['事项', '处理记录']) {
    h.update(`${JSON.stringify([name])}\n`);
    for (const row of rb.rows[name]) {
      const cells = row.map((v) => (v instanceof Date ? new Date(Math.round(v.getTime() / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ') : v));
      h.update(`${JSON.stringify(cells)}\n`);
    }
  }
  return h.digest('hex');
}

/** A Shanghai wall-clock time as the cell's Date carries it (exceljs gives dates in UTC fields). */
const shanghai = (iso: string) => new Date(`${iso}Z`);
const about = (rb: ReadBack) => Object.fromEntries(rb.rows['说明'].slice(1).map(([k, v]) => [k as string, v]));
const column = (rb: ReadBack, sheet: string, header: string) => {
  const i = rb.rows[sheet][0].indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${sheet}`);
  return rb.rows[sheet].slice(1).map((r) => r[i]);
};
const byId = (rb: ReadBack, id: string) => {
  const headers = rb.rows['事项'][0] as string[];
  const row = rb.rows['事项'].find((r) => r[0] === id);
  return row ? Object.fromEntries(headers.map((h, i) => [h, row[i]])) : null;
};

async function exportAs(w: World, personId: string, input: Partial<Parameters<World['okCall']>[2] & object> = {}) {
  return w.okCall(personId, 'reports.export', { from: '2026-11-01', to: '2026-11-30', requestId: requestId(), ...input } as never) as Promise<ExportResult>;
}

/** 周杰 opens a warning against 马超 in 项目A群 now. */
async function projectViolation(w: World) {
  return w.okCall('p_zhoujie', 'violation.open', {
    groupId: 'g_projecta',
    subjectId: 'p_machao',
    category: DEFAULT_SETTINGS.violation.categories[0],
    description: '在群里发广告',
    evidence: [],
    severity: 'minor',
    step: 'warning',
    requestId: requestId(),
  });
}

describe('the workbook, read back by another reader (exceljs)', () => {
  it('should hold 说明, 事项 and 处理记录 with Chinese headers, a row per case and per history entry, times as real dates in Asia/Shanghai', async () => {
    const w = await makeWorld();
    const filed = await fileMarketRename(w);
    w.clock.t = T0 + 90 * 60_000;
    await w.okCall('p_liuyang', 'rename.approve', { caseId: filed.id });
    w.clock.t = T0 + 2 * HOUR;
    const r = await exportAs(w, 'p_liuyang');
    const bytes = await download(w, r);
    expect(sha256(bytes)).toBe(r.fileSha256);
    const rb = await readBack(bytes);

    expect(rb.names).toEqual(['说明', '事项', '处理记录']);
    expect(rb.rows['事项'][0]).toEqual(['事项编号', '种类', '群', '对象', '状态', '发起时间', '决定时间', '截止时间', '是否超期', '决定人']);
    expect(rb.rows['处理记录'][0]).toEqual(['事项编号', '序号', '时间', '操作人', '操作', '状态变化', '备注', '封印（SHA-256）']);
    expect(rb.rows['事项'].length - 1).toBe(r.rows.cases);
    expect(rb.rows['处理记录'].length - 1).toBe(r.rows.history);

    // 2026-11-24 10:00 in Shanghai, approved at 11:30 by 刘洋.
    expect(byId(rb, filed.id)).toEqual({
      事项编号: filed.id,
      种类: '改名申请',
      群: '市场部工作群',
      对象: '黄磊',
      状态: '已通过',
      发起时间: shanghai('2026-11-24T10:00:00'),
      决定时间: shanghai('2026-11-24T11:30:00'),
      // The last deadline the case had: the approval was due two working days on.
      截止时间: shanghai('2026-11-26T23:59:59'),
      是否超期: '否',
      决定人: '刘洋',
    });
    const ws = rb.book.getWorksheet('事项')!;
    const opened = ws.getRow(2).getCell(6);
    expect(opened.type).toBe(ExcelJS.ValueType.Date);
    expect(opened.numFmt).toBe('yyyy-mm-dd hh:mm:ss');

    const stored = (await w.store.getCase(filed.id))!;
    const history = rb.rows['处理记录'].filter((row) => row[0] === filed.id);
    expect(history).toEqual([
      [filed.id, 1, shanghai('2026-11-24T10:00:00'), '黄磊', '提交申请', '（新建） → 待审批', null, stored.history[0].hash],
      [filed.id, 2, shanghai('2026-11-24T11:30:00'), '刘洋', '批准', '待审批 → 已通过', null, stored.history[1].hash],
    ]);
    expect(stored.history[1].hash).toMatch(/^[0-9a-f]{64}$/);

    // Columns fit what they hold: the seal column its 64 digits, the dates their 19 characters.
    const hw = rb.book.getWorksheet('处理记录')!;
    expect(hw.getColumn(8).width).toBeGreaterThanOrEqual(64);
    expect(hw.getColumn(3).width).toBeGreaterThanOrEqual(19);
    expect(hw.getColumn(2).width).toBeLessThan(12);

    const a = about(rb);
    expect(a['导出人']).toBe('刘洋');
    expect(a['导出时间']).toEqual(shanghai('2026-11-24T12:00:00'));
    expect(a['群']).toContain('市场部工作群');
    expect(a['时间段']).toContain('2026-11-01 至 2026-11-30');
    expect(a['事项种类']).toBe('全部');
    expect(a['事项数']).toBe(r.rows.cases);
    expect(a['处理记录数']).toBe(r.rows.history);
    expect(a['数据校验值（SHA-256）']).toBe(r.contentSha256);
    expect(a['校验值的计算方法']).toContain('SHA-256');
    // Anyone holding the file can recompute the checksum from the rows alone.
    expect(recomputeChecksum(rb)).toBe(r.contentSha256);
  });

  it('should show who an anonymous feedback hides from the exporter as 一位群成员, as the case view does', async () => {
    const w = await makeWorld();
    await w.okCall('p_huanglei', 'feedback.submit', { groupId: 'g_market', category: '建议', text: '希望每周例会改到周一上午', anonymous: true, requestId: requestId() });
    const head = await readBack(await download(w, await exportAs(w, 'p_wangqiang')));
    expect(column(head, '事项', '对象')).toContain('一位群成员');
    expect(column(head, '处理记录', '操作人')).not.toContain('黄磊');
    // The group's admin sees the sender (the feedback kind's rule).
    const admin = await readBack(await download(w, await exportAs(w, 'p_liuyang')));
    expect(column(admin, '事项', '对象')).toContain('黄磊');
  });

  it('should change the checksum when a cell changes', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const r = await exportAs(w, 'p_liuyang');
    const rb = await readBack(await download(w, r));
    expect(recomputeChecksum(rb)).toBe(r.contentSha256);
    rb.rows['处理记录'][1][3] = '别人';
    expect(recomputeChecksum(rb)).not.toBe(r.contentSha256);
  });
});

describe('filters', () => {
  it('should take the cases opened in the period by Shanghai date, the last second of the end date in and the next day out', async () => {
    const w = await makeWorld();
    w.clock.t = Date.parse('2026-11-30T23:59:59+08:00');
    const inside = await fileMarketRename(w);
    w.clock.t = Date.parse('2026-12-01T00:00:00+08:00');
    const outside = await w.okCall('p_zhengshuang', 'rename.submit', { groupId: 'g_market', nickname: '郑爽-市场部', requestId: requestId() });
    const nov = await readBack(await download(w, await exportAs(w, 'p_liuyang')));
    const ids = column(nov, '事项', '事项编号');
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
    // The seeded warning of October is not November's either.
    expect(ids).not.toContain('vi_demo_prior_warning');
    const dec = await readBack(await download(w, await exportAs(w, 'p_liuyang', { from: '2026-12-01', to: '2026-12-01' })));
    expect(column(dec, '事项', '事项编号')).toEqual([outside.id]);
    const oct = await exportAs(w, 'p_liuyang', { from: '2026-10-01', to: '2026-10-31' });
    expect(column(await readBack(await download(w, oct)), '事项', '事项编号')).toEqual(['vi_demo_prior_warning']);
  });

  it('should take only the groups named, and only the kinds named', async () => {
    const w = await makeWorld();
    const rename = await fileMarketRename(w);
    const violation = await projectViolation(w);
    const proj = await exportAs(w, 'p_zhaomin', { groupIds: ['g_projecta'] });
    expect(proj.filters).toMatchObject({ groups: [{ id: 'g_projecta', name: '项目A群' }], allInScope: false, kinds: null });
    const rb = await readBack(await download(w, proj));
    expect(column(rb, '事项', '事项编号')).toEqual([violation.id]);
    expect(new Set(column(rb, '处理记录', '事项编号'))).toEqual(new Set([violation.id]));

    const onlyViolations = await exportAs(w, 'p_chengang', { kinds: ['violation'] });
    expect(onlyViolations.filters.kinds).toEqual([{ kind: 'violation', label: '违规处理' }]);
    const vb = await readBack(await download(w, onlyViolations));
    expect(column(vb, '事项', '种类')).toEqual(['违规处理']);
    expect(column(vb, '事项', '事项编号')).not.toContain(rename.id);
    expect(about(vb)['事项种类']).toBe('违规处理');
  });

  it('should refuse an end before the start, and a date that does not exist, changing nothing', async () => {
    const w = await makeWorld();
    const before = w.footprint();
    for (const [from, to] of [
      ['2026-11-30', '2026-11-01'],
      ['2026-02-30', '2026-03-01'],
    ]) {
      const r = await w.call('p_liuyang', 'reports.export', { from, to, requestId: requestId() });
      expect(r.ok ? 'ok' : r.code).toBe('DATE_INVALID');
      if (!r.ok) expect(r.message).toMatch(/日期/);
    }
    expect(w.footprint()).toEqual(before);
  });
});

describe('scope: the same as cases, for every role', () => {
  const groupsOf = (r: ExportResult) => r.filters.groups.map((g) => g.name).sort();

  it.each([
    ['an admin: the groups they administer', 'p_liuyang', ['市场部工作群']],
    ['another admin', 'p_zhoujie', ['项目A群']],
    ['a leader: the groups they lead', 'p_chengang', ['市场部工作群', '项目A群']],
    ['a department head: the department’s groups', 'p_wangqiang', ['市场部工作群']],
    ['another department head', 'p_lina', ['项目A群']],
    ['the owner: every group', 'p_zhaomin', ['市场部工作群', '项目A群']],
  ])('%s', async (_who, personId, groups) => {
    const w = await makeWorld();
    const rename = await fileMarketRename(w);
    const violation = await projectViolation(w);
    const r = await exportAs(w, personId);
    expect(groupsOf(r)).toEqual([...groups].sort());
    const rb = await readBack(await download(w, r));
    const ids = column(rb, '事项', '事项编号');
    expect(ids.includes(rename.id)).toBe(groups.includes('市场部工作群'));
    expect(ids.includes(violation.id)).toBe(groups.includes('项目A群'));
    expect(new Set(column(rb, '事项', '群'))).toEqual(new Set(groups));
  });

  it('should refuse a group outside the scope with GROUP_NOT_IN_SCOPE, and a plain member altogether, writing nothing', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const before = w.footprint();
    const files = readdirSync(w.filesDir).length;
    for (const [personId, groupIds, code] of [
      ['p_liuyang', ['g_projecta'], 'GROUP_NOT_IN_SCOPE'],
      ['p_liuyang', ['g_market', 'g_projecta'], 'GROUP_NOT_IN_SCOPE'],
      ['p_wangqiang', ['g_projecta'], 'GROUP_NOT_IN_SCOPE'],
      ['p_zhoujie', ['g_market'], 'GROUP_NOT_IN_SCOPE'],
      ['p_liuyang', ['g_nowhere'], 'GROUP_NOT_IN_SCOPE'],
      ['p_huanglei', undefined, 'FORBIDDEN'],
    ] as const) {
      const r = await w.call(personId, 'reports.export', { groupIds: groupIds as string[] | undefined, from: '2026-11-01', to: '2026-11-30', requestId: requestId() });
      expect([personId, r.ok ? 'ok' : r.code]).toEqual([personId, code]);
      if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(w.footprint()).toEqual(before);
    expect(readdirSync(w.filesDir)).toHaveLength(files);
  });
});

describe('the export record and the owner’s log (导出记录)', () => {
  it('should record each export — who, when, filters, row counts, both checksums — sealed, and list them newest first for the owner only', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const first = await exportAs(w, 'p_liuyang');
    const firstBytes = await download(w, first);
    w.clock.t = T0 + HOUR;
    const second = await exportAs(w, 'p_chengang', { kinds: ['rename'] });

    const log = await w.okCall('p_zhaomin', 'reports.exports', {});
    expect(log.total).toBe(2);
    expect(log.items.map((e) => [e.id, e.by.name, e.at])).toEqual([
      [second.id, '陈刚', T0 + HOUR],
      [first.id, '刘洋', T0],
    ]);
    const { url: _u, expiresAt: _e, repeated: _r, ...firstView } = first;
    expect(log.items[1]).toEqual(firstView);
    expect(log.items[1]).toMatchObject({ intact: true, rows: first.rows, fileSha256: sha256(firstBytes), filters: { from: '2026-11-01', to: '2026-11-30', allInScope: true } });
    expect((await w.okCall('p_zhaomin', 'reports.exports', { offset: 1, limit: 1 })).items.map((e) => e.id)).toEqual([first.id]);

    const admin = await w.call('p_liuyang', 'reports.exports', {});
    expect(admin.ok ? 'ok' : admin.code).toBe('FORBIDDEN');
  });

  it('should match the genuine record when a forged one claims the same checksum', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const r = await exportAs(w, 'p_liuyang');
    const genuine = (await w.store.getExport(r.id))!;
    // Newer, so listed first, but sealed with no key of this deployment.
    await w.store.insertExport({ ...genuine, _id: 'ex_forged', byName: '冒名者', at: genuine.at + HOUR, seal: 'f'.repeat(64) });
    const v = await w.okCall('p_zhaomin', 'reports.verifyExport', { sha256: r.fileSha256 });
    expect(v).toMatchObject({ match: true, export: { id: r.id, intact: true, by: { name: '刘洋' } } });
    expect((await w.okCall('p_zhaomin', 'reports.exports', {})).items.map((e) => [e.id, e.intact])).toEqual([
      ['ex_forged', false],
      [r.id, true],
    ]);
  });

  it('should show a record altered in the database as not intact, and say so when it is verified', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const r = await exportAs(w, 'p_liuyang');
    // A database writer without the audit key makes it look as if 刘洋 exported less.
    w.store.db.prepare(`UPDATE exports SET doc = json_set(doc, '$.rows.history', 0, '$.byName', '某人') WHERE _id = ?`).run(r.id);
    const log = await w.okCall('p_zhaomin', 'reports.exports', {});
    expect(log.items[0]).toMatchObject({ id: r.id, intact: false, by: { name: '某人' } });
    const v = await w.okCall('p_zhaomin', 'reports.verifyExport', { sha256: r.fileSha256 });
    expect(v).toMatchObject({ match: true, export: { id: r.id, intact: false } });
    expect(v.message).toContain('封印不符');
  });
});

describe('requestId', () => {
  it('should answer a retried export with the same record and file, building and recording nothing more', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const id = requestId();
    const first = await exportAs(w, 'p_liuyang', { requestId: id });
    const files = readdirSync(w.filesDir).length;
    await w.okCall('p_zhengshuang', 'rename.submit', { groupId: 'g_market', nickname: '郑爽-市场部', requestId: requestId() });
    const again = await exportAs(w, 'p_liuyang', { requestId: id, to: '2026-12-31' });
    expect(again).toMatchObject({ id: first.id, fileSha256: first.fileSha256, rows: first.rows, repeated: true });
    expect(first.repeated).toBe(false);
    expect(readdirSync(w.filesDir)).toHaveLength(files);
    expect((await w.okCall('p_zhaomin', 'reports.exports', {})).total).toBe(1);
    // The same requestId from someone else is their own export.
    const other = await exportAs(w, 'p_chengang', { requestId: id });
    expect(other.id).not.toBe(first.id);
    expect((await w.okCall('p_zhaomin', 'reports.exports', {})).total).toBe(2);
  });
});

describe('the limit', () => {
  it(`should refuse more than ${EXPORT_HISTORY_ROWS_MAX.toLocaleString('en-US')} history rows with EXPORT_TOO_LARGE, saying to narrow the period, and write nothing`, async () => {
    const w = await makeWorld();
    const rename = await fileMarketRename(w);
    // 20,001 cases of five entries on 10 November: 100,005 history rows.
    const at = Date.parse('2026-11-10T09:00:00+08:00');
    const template = makeCase('x', { groupId: 'g_market', subjectId: 'p_huanglei', openedBy: 'p_huanglei', createdAt: at, updatedAt: at });
    const history = Array.from({ length: 5 }, (_, i) => ({ seq: i + 1, at: at + i, by: 'p_liuyang', action: 'remind', from: 'submitted', to: 'submitted', dueAt: null, prevHash: '', hash: `h${i}` }));
    const insert = w.store.db.transaction(() => {
      for (let i = 0; i < 20_001; i++) void w.store.insertCase({ ...template, _id: `bulk_${i}`, history });
    });
    insert();
    const before = w.footprint();
    const files = readdirSync(w.filesDir).length;
    const r = await w.call('p_liuyang', 'reports.export', { from: '2026-11-01', to: '2026-11-30', requestId: requestId() });
    expect(r.ok ? 'ok' : r.code).toBe('EXPORT_TOO_LARGE');
    if (!r.ok) {
      // 100,005 of them and the rename's one.
      expect(r.message).toContain('100,006');
      expect(r.message).toContain('缩短时间段');
    }
    expect(w.footprint()).toEqual(before);
    expect(readdirSync(w.filesDir)).toHaveLength(files);
    // Narrowed as the message says: the last week of November exports.
    const week = await exportAs(w, 'p_liuyang', { from: '2026-11-24', to: '2026-11-30' });
    expect(week.rows).toEqual({ cases: 1, history: 1 });
    expect(column(await readBack(await download(w, week)), '事项', '事项编号')).toEqual([rename.id]);
  }, 120_000);
});

describe('verification', () => {
  it('should match a file by its SHA-256, its data by the 说明 checksum, and an uploaded copy; and tell a changed file or an unknown checksum apart', async () => {
    const w = await makeWorld();
    await fileMarketRename(w);
    const r = await exportAs(w, 'p_liuyang');
    const bytes = await download(w, r);

    const byFile = await w.okCall('p_zhaomin', 'reports.verifyExport', { sha256: r.fileSha256 });
    expect(byFile).toMatchObject({ match: true, matchedBy: 'file', sha256: r.fileSha256, export: { id: r.id, intact: true, by: { name: '刘洋' } } });
    expect(byFile.message).toBe(`文件与导出时完全一致：由 刘洋 于 2026-11-24 10:00 导出（导出编号 ${r.id}）。`);
    const byContent = await w.okCall('p_zhaomin', 'reports.verifyExport', { sha256: r.contentSha256.toUpperCase() });
    expect(byContent).toMatchObject({ match: true, matchedBy: 'content', export: { id: r.id } });

    const copy = await w.upload('p_zhaomin', bytes, { name: '导出.xlsx' });
    expect(await w.okCall('p_zhaomin', 'reports.verifyExport', { fileId: copy })).toMatchObject({ match: true, matchedBy: 'file', sha256: r.fileSha256 });

    const changed = await w.upload('p_zhaomin', Buffer.concat([bytes, Buffer.from([0])]), { name: '导出(1).xlsx' });
    const no = await w.okCall('p_zhaomin', 'reports.verifyExport', { fileId: changed });
    expect(no).toMatchObject({ match: false, matchedBy: null, export: null });
    expect(no.message).toContain('数据校验值');
    expect(await w.okCall('p_zhaomin', 'reports.verifyExport', { sha256: 'ab'.repeat(32) })).toMatchObject({ match: false, export: null });
  });

  it('should refuse a copy someone else uploaded, and input with both or neither', async () => {
    const w = await makeWorld();
    const theirs = await w.upload('p_liuyang', Buffer.from('xlsx'), { name: 'a.xlsx' });
    const r = await w.call('p_zhaomin', 'reports.verifyExport', { fileId: theirs });
    expect(r.ok ? 'ok' : r.code).toBe('FILE_NOT_OWNED');
    for (const data of [{}, { sha256: '0'.repeat(64), fileId: theirs }]) {
      const bad = await w.call('p_zhaomin', 'reports.verifyExport', data as never);
      expect(bad.ok ? 'ok' : [bad.code, bad.message]).toEqual(['BAD_INPUT', '请提供校验值或上传的文件（二者选一）']);
    }
  });
});
