// The streaming xlsx writer as strict readers see it: the package's parts and content types (what
// LibreOffice and Excel refuse a file over), every part well-formed XML, sheets written out of order shown
// in the workbook's order, and text no XML 1.0 reader could take (control characters, lone surrogates,
// markup) written so that the file reads back — by exceljs — as exactly what the export hashed.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
// exceljs' own strict XML parser (a dev-only dependency through exceljs).
import { SaxesParser } from 'saxes';
import { writeExport, type ExportInput } from '../../src/server/reads/export-workbook';
import { xmlSafeText, XlsxWriter } from '../../src/server/reads/xlsx-stream';
import { makeCase, T0 } from './store.contract';

const HOSTILE = ['<b>&"x"</b>', 'a\u0001b\u0008c\u000Bd\uFFFEe', 'lone \uD800 high, lone \uDC00 low', 'line\r\nbreak\rold mac', '  leading and trailing  ', '群务 😀 \t tab'];

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => {
    throw e;
  });
  p.write(xml).close();
}

async function read(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

describe('the streaming xlsx writer', () => {
  it('should write a package a strict reader accepts: content types for every part, relationships that resolve, well-formed XML, <cols> before <sheetData>', async () => {
    const book = new XlsxWriter(['说明', '数据']);
    // The second sheet first, as the export writes its summary last.
    await book.sheet(1, { header: ['名称', '时间'], widths: [10, 21], rows: [['甲', new Date(Date.UTC(2026, 10, 24, 10, 0, 0))]] });
    await book.sheet(0, { header: ['项目'], widths: [8], rows: [['x']] });
    const bytes = await book.finish();
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(new Set(names)).toEqual(
      new Set(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']),
    );
    for (const n of names) wellFormed(strFromU8(files[n]));

    const types = strFromU8(files['[Content_Types].xml']);
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(overrides)).toEqual(new Set(names.filter((n) => !n.endsWith('.rels') && n !== '[Content_Types].xml')));
    expect(types).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
    const targets = [...strFromU8(files['xl/_rels/workbook.xml.rels']).matchAll(/Target="([^"]+)"/g)].map((m) => `xl/${m[1]}`);
    for (const t of targets) expect(names).toContain(t);
    expect(strFromU8(files['_rels/.rels'])).toContain('Target="xl/workbook.xml"');

    const sheet = strFromU8(files['xl/worksheets/sheet2.xml']);
    expect(sheet.indexOf('<cols>')).toBeGreaterThan(0);
    expect(sheet.indexOf('<cols>')).toBeLessThan(sheet.indexOf('<sheetData>'));

    const wb = await read(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '数据']);
    const when = wb.getWorksheet('数据')!.getRow(2).getCell(2);
    expect(when.type).toBe(ExcelJS.ValueType.Date);
    expect(when.value).toEqual(new Date(Date.UTC(2026, 10, 24, 10, 0, 0)));
    expect(wb.getWorksheet('数据')!.getColumn(2).width).toBe(21);
  });

  it('should refuse to finish a workbook with a sheet not written, or write one twice', async () => {
    const book = new XlsxWriter(['a', 'b']);
    await book.sheet(0, { header: ['x'], widths: [6], rows: [] });
    await expect(book.sheet(0, { header: ['x'], widths: [6], rows: [] })).rejects.toThrow();
    await expect(book.finish()).rejects.toThrow('a sheet was not written');
  });

  it('should write text XML forbids so that it reads back as exactly what the export hashed', async () => {
    const people = [{ _id: 'p_subject', openid: null, name: 'A&B<张三>', deptId: 'd', employeeNo: '1', status: 'active' as const, external: false, createdAt: 0 }];
    const history = HOSTILE.map((note, i) => ({ seq: i + 1, at: T0 + i * 1000, by: 'p_subject', action: 'remind', from: 'submitted', to: 'submitted', dueAt: null, prevHash: '', hash: `h${i}`, note }));
    const input: ExportInput = {
      cases: [makeCase('c1', { history })],
      people,
      groups: [{ _id: 'g1', name: '群"一"\u0002', type: 'work' as never, deptId: 'd', creatorId: 'p_subject', opengid: null, createdAt: 0 }],
      reader: { id: 'p_admin', rolesIn: () => [] },
      now: T0,
    };
    const out = await writeExport(input, (f) => ({ name: '说明', columns: [{ header: '项目', kind: 'text' }], rows: [[f.contentSha256]] }));
    expect(out.rows).toEqual({ cases: 1, history: HOSTILE.length });
    for (const part of Object.values(unzipSync(out.bytes))) wellFormed(strFromU8(part));

    const wb = await read(out.bytes);
    const notes = wb.getWorksheet('处理记录')!.getColumn(7).values.slice(2);
    expect(notes).toEqual(HOSTILE.map(xmlSafeText));
    expect(notes[1]).toBe('abcde');
    expect(notes[2]).toBe('lone  high, lone  low');
    expect(notes[3]).toBe('line\nbreak\nold mac');
    expect(wb.getWorksheet('事项')!.getRow(2).getCell(3).value).toBe('群"一"');
    expect(wb.getWorksheet('事项')!.getRow(2).getCell(4).value).toBe('A&B<张三>');

    // The checksum, recomputed from what exceljs read (the same definition as exports.test.ts).
    const h = createHash('sha256');
    for (const name of ['事项', '处理记录']) {
      h.update(`${JSON.stringify([name])}\n`);
      const ws = wb.getWorksheet(name)!;
      const width = ws.getRow(1).cellCount;
      ws.eachRow({ includeEmpty: true }, (row) => {
        const cells = [];
        for (let i = 1; i <= width; i++) {
          const v = row.getCell(i).value as unknown;
          cells.push(v === undefined || v === null ? null : v instanceof Date ? new Date(Math.round(v.getTime() / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ') : v);
        }
        h.update(`${JSON.stringify(cells)}\n`);
      });
    }
    expect(h.digest('hex')).toBe(out.contentSha256);
    expect(wb.getWorksheet('说明')!.getRow(2).getCell(1).value).toBe(out.contentSha256);
  });
});
