// The audited export's workbook: three sheets — 说明 (who, when, filters, counts, the data checksum),
// 事项 (one row per case) and 处理记录 (one row per history entry, with its seal) — and the checksum of
// the two data sheets' content, defined so that anyone can recompute it from the file alone:
//
//   SHA-256 over the UTF-8 bytes of, for 事项 then 处理记录: a line holding the JSON array ["<sheet name>"],
//   then one line per row, header row first, each the JSON array of that row's cells (exactly as many
//   as the header has): text as a string, a number as a number, an empty cell as null, a time as the
//   string "YYYY-MM-DD HH:mm:ss" in Asia/Shanghai (what the cell shows). Every line ends with "\n".
//
// Times are real Excel dates (serial numbers with a date format) of Asia/Shanghai wall-clock time, in
// whole seconds, so that what a reader gets back is exactly what was hashed.
//
// The file is written by the streaming writer of xlsx-stream.ts (why: the numbers are there): the data
// rows are made from the cases one at a time, twice — a first pass for the column widths (<cols> comes
// before the rows), then the pass that writes and hashes them — and none is kept.
import { createHash } from 'node:crypto';
import { CASE_KIND_LABELS, STATE_LABELS, type CaseKind, type CheckpointView } from '../../contract';
import type { Case, Group, Person } from '../../core/model';
import { DECISION_ACTIONS } from '../../core/report-facts';
import type { Reader } from '../cases/kinds';
import { kinds } from '../cases/kinds';
import { ACTION_LABELS, MASKED } from './views';
import { DATE_TIME_FORMAT, xmlSafeText, XlsxWriter } from './xlsx-stream';

/** A cell as written: text, a number, a time (already shifted to Shanghai wall clock), or empty. */
export type ExportCell = string | number | Date | null;
export type ExportRow = ExportCell[];

export interface ExportColumn {
  header: string;
  kind: 'text' | 'number' | 'time';
}

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

export const CASE_SHEET = '事项';
export const HISTORY_SHEET = '处理记录';
export const ABOUT_SHEET = '说明';

const text = (header: string): ExportColumn => ({ header, kind: 'text' });
const time = (header: string): ExportColumn => ({ header, kind: 'time' });

export const CASE_COLUMNS: ExportColumn[] = [
  text('事项编号'),
  text('种类'),
  text('群'),
  text('对象'),
  text('状态'),
  time('发起时间'),
  time('决定时间'),
  time('截止时间'),
  text('是否超期'),
  text('决定人'),
];
export const HISTORY_COLUMNS: ExportColumn[] = [
  text('事项编号'),
  { header: '序号', kind: 'number' },
  time('时间'),
  text('操作人'),
  text('操作'),
  text('状态变化'),
  text('备注'),
  text('封印（SHA-256）'),
];

export const TIME_FORMAT = DATE_TIME_FORMAT;
export { XLSX_CONTENT_TYPE } from './xlsx-stream';
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** A stored time (UTC ms) as the cell holds it: Shanghai wall clock, whole seconds. */
export function shanghaiCell(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS);
}

const stateLabel = (s: string | null) => (s === null ? '（新建）' : (STATE_LABELS[s] ?? s));

export interface ExportInput {
  /** Oldest first; read once per sheet for its widths and once as written, and emptied by the last pass. */
  cases: Case[];
  people: Person[];
  groups: Group[];
  /** The reader: whoever an anonymous feedback hides from them is 一位群成员 here too. */
  reader: { id: string; rolesIn(groupId: string): Reader['roles'] };
  /** The export's time: 是否超期 is as of then. */
  now: number;
}

/** The 事项 and 处理记录 rows of the selected cases (oldest first, history in order), made as they are read. */
function rowsOf(input: ExportInput) {
  const people = new Map(input.people.map((p) => [p._id, p.name]));
  const groups = new Map(input.groups.map((g) => [g._id, g.name]));
  const view = (c: Case) => {
    const masked = new Set(kinds[c.kind].masked?.(c, { id: input.reader.id, roles: input.reader.rolesIn(c.groupId) }) ?? []);
    const who = (id: string | null) => (id === null ? '系统' : masked.has(id) ? MASKED.name : (people.get(id) ?? '（未知）'));
    return { who, groupName: groups.get(c.groupId) ?? String((c.data as { groupName?: unknown }).groupName ?? '') };
  };
  return {
    *[CASE_SHEET](): Generator<ExportRow> {
      for (const c of input.cases) {
        const { who, groupName } = view(c);
        const decision = c.history.find((h) => DECISION_ACTIONS.has(h.action));
        const overdue = c.open && c.dueAt !== null && c.dueAt < input.now;
        yield [
          c._id,
          CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind,
          groupName || null,
          // A group's backup task is about the group itself.
          c.kind === 'backup_due' ? groupName || null : who(c.subjectId),
          stateLabel(c.state),
          shanghaiCell(c.createdAt),
          decision ? shanghaiCell(decision.at) : null,
          c.dueAt !== null ? shanghaiCell(c.dueAt) : null,
          overdue ? '是' : '否',
          decision ? who(decision.by) : null,
        ];
      }
    },
    *[HISTORY_SHEET](last = false): Generator<ExportRow> {
      const cases = input.cases as (Case | null)[];
      for (let i = 0; i < cases.length; i++) {
        const c = cases[i]!;
        const { who } = view(c);
        for (const h of c.history) {
          yield [c._id, h.seq, shanghaiCell(h.at), who(h.by), ACTION_LABELS[h.action] ?? h.action, `${stateLabel(h.from)} → ${stateLabel(h.to)}`, h.note || null, h.hash || null];
        }
        // The last pass over the cases: each goes once its rows are written.
        if (last) cases[i] = null;
      }
      if (last) cases.length = 0;
    },
  };
}

/** A cell's value in the checksum: a time as the Shanghai wall clock it shows, to the second. */
export function canonicalCell(v: ExportCell): string | number | null {
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  return v;
}

/** The data checksum (see the head of this file), fed a sheet's header and then its rows as they are written. */
export class ContentHash {
  private readonly h = createHash('sha256');
  private width = 0;
  sheet(name: string, header: string[]) {
    this.h.update(`${JSON.stringify([name])}\n${JSON.stringify(header)}\n`);
    this.width = header.length;
  }
  row(row: ExportRow) {
    const cells: (string | number | null)[] = new Array(this.width);
    for (let i = 0; i < this.width; i++) cells[i] = canonicalCell(row[i] ?? null);
    this.h.update(`${JSON.stringify(cells)}\n`);
  }
  digest = () => this.h.digest('hex');
}

/** How the 说明 sheet explains the checksum (the same words as the head of this file). */
export const CHECKSUM_METHOD =
  '依次取「事项」「处理记录」两张表：每张表先写一行 ["表名"]，再从表头起逐行写出该行单元格组成的 JSON 数组（按表头列数补足；文字为字符串，数字为数字，空单元格为 null，时间为北京时间 "YYYY-MM-DD HH:mm:ss"），每行以换行符 \\n 结尾；对全部文字的 UTF-8 字节计算 SHA-256（小写十六进制）。';

export interface AboutFacts {
  exportId: string;
  byName: string;
  at: number;
  groups: string[];
  allInScope: boolean;
  from: string;
  to: string;
  kinds: CaseKind[] | null;
  cases: number;
  history: number;
  contentSha256: string;
  checkpoints: CheckpointView[];
}

/** The 说明 sheet: two columns, 项目 and 内容. */
export function aboutSheet(a: AboutFacts): ExportSheet {
  const rows: ExportRow[] = [
    ['导出编号', a.exportId],
    ['导出人', a.byName],
    ['导出时间', shanghaiCell(a.at)],
    ['群', a.allInScope ? `全部可查看的群（${a.groups.length} 个）：${a.groups.join('、') || '无'}` : a.groups.join('、')],
    ['时间段', `${a.from} 至 ${a.to}（按事项发起时间，北京时间）`],
    ['事项种类', a.kinds ? a.kinds.map((k) => CASE_KIND_LABELS[k]).join('、') : '全部'],
    ['事项数', a.cases],
    ['处理记录数', a.history],
    ['数据校验值（SHA-256）', a.contentSha256],
    ['校验值的计算方法', CHECKSUM_METHOD],
    ['如何核对', '系统管理员可在 群务 → 导出记录 → 核对导出文件 中输入本文件的 SHA-256 或上面的数据校验值，或上传本文件，查看是否与导出记录一致。处理记录的封印可用 npm run audit:verify 核对。'],
    [
      '审计检查点指纹',
      a.checkpoints.length ? a.checkpoints.map((c) => `#${c.seq} ${c.fingerprint}`).join('；') : '（这段时间还没有审计检查点）',
    ],
  ];
  return { name: ABOUT_SHEET, columns: [text('项目'), text('内容')], rows };
}

/** Display width in characters: a Chinese character is two. */
function widthOf(v: ExportCell): number {
  if (v === null) return 0;
  if (v instanceof Date) return 19;
  const s = String(v);
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

/** Column widths that fit the header and the longest cell (a seal's 64 digits included), at most `max` characters. */
export function columnWidths(header: string[], rows: Iterable<ExportRow>, max = 70): number[] {
  const w = header.map(widthOf);
  for (const row of rows) for (let i = 0; i < w.length; i++) if (w[i] < max) w[i] = Math.max(w[i], widthOf(row[i] ?? null));
  return w.map((x) => Math.min(max, Math.max(6, x + 2)));
}

export interface ExportFile {
  bytes: Buffer;
  rows: { cases: number; history: number };
  contentSha256: string;
}

/**
 * The .xlsx of the export: 事项 and 处理记录 streamed (text as the file holds it, hashed and counted as
 * written), then 说明, made from those counts and the checksum, written last but shown first.
 */
export async function writeExport(input: ExportInput, about: (facts: Omit<ExportFile, 'bytes'>) => ExportSheet): Promise<ExportFile> {
  const book = new XlsxWriter([ABOUT_SHEET, CASE_SHEET, HISTORY_SHEET]);
  const made = rowsOf(input);
  const hash = new ContentHash();
  const rows = { cases: 0, history: 0 };
  for (const [index, name, columns, key] of [
    [1, CASE_SHEET, CASE_COLUMNS, 'cases'],
    [2, HISTORY_SHEET, HISTORY_COLUMNS, 'history'],
  ] as const) {
    const header = columns.map((c) => c.header);
    const widths = columnWidths(header, made[name]());
    hash.sheet(name, header);
    await book.sheet(index, { header, widths, rows: written(made[name](name === HISTORY_SHEET), (row) => (hash.row(row), rows[key]++)) });
  }
  const contentSha256 = hash.digest();
  const a = about({ rows, contentSha256 });
  const header = a.columns.map((c) => c.header);
  await book.sheet(0, { header, widths: columnWidths(header, a.rows), rows: a.rows });
  return { bytes: await book.finish(), rows, contentSha256 };
}

/** Each row with its text as the file will hold it, seen by `each` on its way to the writer. */
function* written(rows: Iterable<ExportRow>, each: (row: ExportRow) => void): Generator<ExportRow> {
  for (const row of rows) {
    const safe = row.map((v) => (typeof v === 'string' ? xmlSafeText(v) || null : v));
    each(safe);
    yield safe;
  }
}
